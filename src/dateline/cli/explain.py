"""`dateline explain`: why each sentence gave the events it gave (see ``dateline.explain``)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from dateline.cli.code import PUBLISHED_HELP
from dateline.cli.dates import checked_published, warn_articles
from dateline.errors import InputError
from dateline.model import Article

if TYPE_CHECKING:  # dateline.explain loads the NLP pipeline's modules: only when explaining
    from dateline.explain import EventActor, Explanation, SentenceExplanation

# The widest frame shown in a table (word patterns can run long; --json has them whole).
FRAME_WIDTH = 60
# Longer than this, the argument is news text, not a file name.
MAX_PATH_CHARS = 4096

_EXAMPLES = """
Examples:

  dateline explain "Chinese officials met Kazakh diplomats in Astana on Monday."

  dateline explain examples/border-clash.txt --published 2024-06-16

  dateline explain examples/border-clash.txt --json > why.jsonl
"""


def explain_command(
    text: str = typer.Argument(
        ...,
        metavar="TEXT|FILE",
        help="The news text itself, or a file, folder or glob of news (as `dateline code` "
        "reads them), or '-' for stdin.",
    ),
    published: str | None = typer.Option(None, "--published", help=PUBLISHED_HELP),
    as_json: bool = typer.Option(
        False, "--json", help="One JSON object per article, one a line, instead of tables."
    ),
) -> None:
    """Explain the coding of a text, sentence by sentence: the actors found and the rule that
    coded each, the trigger candidates and their frames, every check that vetoed or changed
    a candidate, and the mood, date and place rules of the events coded.

    The events are exactly those `dateline code` gives for the same input. Exit status: 0,
    or 1 when some input could not be read.
    """
    from dateline.explain import explain_article
    from dateline.pipeline import shared_pipeline

    err = Console(stderr=True, soft_wrap=True, highlight=False)
    published = checked_published(published, err)
    unreadable = 0
    pipeline = shared_pipeline()
    out = Console(file=sys.stdout, width=None if sys.stdout.isatty() else 160)
    for item in warn_articles(_articles(text, published), err):
        if isinstance(item, InputError):
            unreadable += 1
            err.print(f"dateline: {item}", markup=False)
            continue
        explanation = explain_article(item, pipeline=pipeline)
        if as_json:
            sys.stdout.write(json.dumps(explanation.to_dict(), ensure_ascii=False) + "\n")
        else:
            print_explanation(explanation, out)
    if unreadable:
        raise typer.Exit(code=1)


def _articles(text: str, published: str | None) -> Iterator[Article | InputError]:
    """The articles of the inputs ``text`` names, or the one article ``text`` is."""
    from dateline.ingest import article_from_text, read_inputs

    if _names_inputs(text):
        yield from read_inputs([text], published=published)
        return
    try:
        yield article_from_text(text, origin="<text>", published=published)
    except InputError as exc:
        yield exc


def _names_inputs(text: str) -> bool:
    """``text`` is '-', an existing path, or a glob (one word with a wildcard), not news."""
    if text == "-":
        return True
    if "\n" in text or len(text) > MAX_PATH_CHARS:
        return False
    if " " not in text and any(c in text for c in "*?["):
        return True
    try:
        return Path(text).exists()
    except OSError:  # not a name the system takes
        return False


def print_explanation(explanation: Explanation, console: Console) -> None:
    console.print(
        f"[bold]article {explanation.article_id}[/bold]  published "
        f"{explanation.published or 'unknown'}",
        highlight=False,
    )
    for warning in explanation.warnings:
        console.print(f"  warning: {warning}", markup=False)
    for sentence in explanation.sentences:
        _print_sentence(sentence, console)


def _print_sentence(sentence: SentenceExplanation, console: Console) -> None:
    console.print()
    console.print(f"[bold]Sentence {sentence.index}[/bold]: ", end="", highlight=False)
    console.print(sentence.text, markup=False, highlight=False)
    if sentence.actors:
        table = _table("Actors", "text", "code", "rule", "refers to")
        for actor in sentence.actors:
            refers = (
                f"{actor.refers_to} (sentence {actor.refers_to_sentence})"
                if actor.refers_to
                else ""
            )
            members = f" [{', '.join(actor.members)}]" if actor.members else ""
            table.add_row(actor.text, (actor.code or "-") + members, actor.rule or "", refers)
        console.print(table)
    if sentence.candidates:
        table = _table("Trigger candidates", "trigger", "rule", "code", "frame", "outcome")
        for cand in sentence.candidates:
            outcome = cand.outcome + (f" ({', '.join(cand.checks)})" if cand.checks else "")
            frame = _shorten(cand.frame) or "-"
            table.add_row(cand.trigger, cand.rule, cand.cameo, frame, outcome)
        console.print(table)
    if sentence.checks:
        table = _table("Checks", "check", "effect", "trigger", "rule", "detail")
        for check in sentence.checks:
            table.add_row(check.check, check.effect, check.trigger, check.rule or "", check.detail)
        console.print(table)
    if sentence.events:
        table = _table("Events", "source", "event", "target", "mood", "date", "place", "conf")
        for ev in sentence.events:
            flags = (" NOT" if ev.negated else "") + (" (hypothetical)" if ev.hypothetical else "")
            target = _event_actor(ev.target) if ev.target else "-"
            date = f"{ev.date or '-'} [{ev.date_rule}" + (
                f": {ev.date_text}]" if ev.date_text else "]"
            )
            place = f"{ev.place} [{ev.place_rule}]" if ev.place else "-"
            table.add_row(
                _event_actor(ev.source),
                f"{ev.cameo} {ev.plover}{flags} ({ev.rule})",
                target,
                ev.mood or "-",
                date,
                place,
                f"{ev.confidence:.2f}",
            )
        console.print(table)
    elif not sentence.candidates:
        console.print("  (no trigger word)")


def _event_actor(actor: EventActor) -> str:
    where = f", sentence {actor.sentence}" if actor.sentence is not None else ""
    return f"{actor.code or '?'} {actor.text} [{actor.rule or '-'}{where}]"


class _Table(Table):
    """A table whose cells are plain text: rule ids and "[sentence]" notes are no markup."""

    def add_row(self, *cells: object, **options: Any) -> None:
        super().add_row(*(Text(str(c)) for c in cells), **options)


def _table(title: str, *columns: str) -> Table:
    table = _Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _shorten(text: str, width: int = FRAME_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def register(app: typer.Typer) -> None:
    app.command("explain", help=(explain_command.__doc__ or "") + "\n" + _EXAMPLES)(explain_command)
