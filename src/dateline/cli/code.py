"""`dateline code`: code news files into events, written as JSONL, CSV, Parquet or a table."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO

import typer
from rich.console import Console
from rich.table import Table

from dateline.budget import DEFAULT_DOCUMENT_SECONDS
from dateline.cli.dates import checked_published, warn_articles
from dateline.errors import DatelineError, InputError
from dateline.model import Document

FORMATS = ("jsonl", "csv", "parquet", "table")
TIME_BUDGET_OPTION = typer.Option(
    DEFAULT_DOCUMENT_SECONDS,
    "--time-budget",
    min=0,
    help="Seconds one document may take to be read, and to be coded; a slower one is "
    "skipped with one line on stderr (0: no limit).",
)
# The engine options of the commands that code (code, ingest).
ENGINE_OPTION = typer.Option(
    "local", "--engine", help="local (this machine) or ray (needs dateline[ray])."
)
ADDRESS_OPTION = typer.Option(
    None, "--address", help="Ray cluster address (auto, ray://host:10001); --engine ray."
)
# The last line on stderr starts with this: "dateline: summary: 3 articles, 7 events, ...".
SUMMARY_PREFIX = "dateline: summary: "
# How the pipeline's warning on an article it returns uncoded says so.
DECLINED_MARK = ": not coded"

# --published is a fallback, the last of the dates an article may carry (see
# dateline.ingest's build_article): it dates only the inputs that carry none.
PUBLISHED_HELP = (
    "Fallback publication date YYYY-MM-DD, for the inputs that carry none: it never "
    "overrides a record's date, an HTML page's date or a dated dateline."
)

_EXAMPLES = """
Examples:

  dateline code examples/border-clash.txt --published 2024-06-16

  dateline code examples/ --format csv -o events.csv

  cat examples/records.jsonl | dateline code - --format parquet -o events.parquet
"""


def code_command(
    paths: list[str] = typer.Argument(
        ..., help="Files (txt, html, jsonl, warc, any .gz), folders, globs, or '-' for stdin."
    ),
    published: str | None = typer.Option(None, "--published", help=PUBLISHED_HELP),
    fmt: str = typer.Option(
        "jsonl",
        "--format",
        "-f",
        help="jsonl (one document per article), csv or parquet "
        "(one row per event), or table (a readable summary).",
    ),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write here, not stdout."),
    max_bytes: int | None = typer.Option(None, "--max-bytes", help="Largest input document."),
    min_confidence: float = typer.Option(
        0.0, "--min-confidence", help="Drop events below this confidence (0-1)."
    ),
    actors: list[Path] = typer.Option(
        [], "--actors", help="Extra actor dictionary (YAML/TSV or TABARI .actors); repeatable."
    ),
    triggers: list[Path] = typer.Option(
        [], "--triggers", help="Extra trigger lexicon (TSV or PETRARCH verbs); repeatable."
    ),
    workers: int | None = typer.Option(
        None, "--workers", min=1, help="Processes (local) or Ray actors (default: one per core)."
    ),
    engine_name: str = ENGINE_OPTION,
    address: str | None = ADDRESS_OPTION,
    time_budget: float = TIME_BUDGET_OPTION,
) -> None:
    """Code news articles into events (who did what to whom, when and where).

    Each input that cannot be read, and each article whose coding fails, is one line on
    stderr; the rest is coded. A summary line ends stderr. Exit status: 0 when every input
    was read (even if some articles could not be coded), 1 when some input could not be
    read, 2 for a usage error.
    """
    from dateline.engines import coding_failure, get_engine
    from dateline.ingest import DEFAULT_MAX_BYTES, read_inputs
    from dateline.pipeline import PipelineConfig

    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    counts = _Counts()
    # soft_wrap: one error per line whatever the terminal width (logs are parsed by line)
    err = Console(stderr=True, soft_wrap=True, highlight=False)
    published = checked_published(published, err)
    if fmt == "parquet" and output is None and sys.stdout.isatty():
        raise typer.BadParameter("Parquet is binary: give -o FILE")
    config = PipelineConfig(actor_files=tuple(actors), trigger_files=tuple(triggers))
    if address is not None and engine_name != "ray":
        raise typer.BadParameter("--address needs --engine ray")
    seconds = time_budget or None
    options: dict[str, object] = {"workers": workers, "config": config, "seconds": seconds}
    if engine_name == "ray":
        options["address"] = address
    engine = get_engine(engine_name, **options)

    def documents() -> Iterator[Document]:
        items = read_inputs(
            paths,
            published=published,
            max_bytes=max_bytes or DEFAULT_MAX_BYTES,
            seconds=seconds,
        )
        for item in engine.code(warn_articles(items, err)):
            if isinstance(item, InputError):
                counts.unreadable += 1
                err.print(f"dateline: {item}", markup=False, highlight=False)
                continue
            reason = coding_failure(item)
            if reason is not None:
                err.print(
                    f"dateline: {document_origin(item)}: coding failed ({reason})", markup=False
                )
            for warning in declined(item):
                err.print(f"dateline: {document_origin(item)}: {warning}", markup=False)
            if min_confidence > 0:
                item.events = [e for e in item.events if e.confidence >= min_confidence]
            counts.add(item, uncoded=reason is not None or bool(declined(item)))
            yield item

    try:
        _write(documents(), fmt, output, engine.close)
    except OSError as exc:
        # A full disk, a closed pipe, a device refusing writes: one line, not a traceback.
        silence_stdout()
        raise DatelineError(
            f"cannot write {output or 'the standard output'}: {exc.strerror or exc}"
        ) from None
    err.print(counts.summary(), markup=False)
    if counts.unreadable:
        raise typer.Exit(code=1)


def _write(
    docs: Iterator[Document], fmt: str, output: Path | None, close: Callable[[], None]
) -> None:
    from dateline import output as out

    with ExitStack() as stack:
        stack.callback(close)
        if fmt == "parquet":
            target: IO[bytes] = (
                stack.enter_context(open(output, "wb")) if output else sys.stdout.buffer
            )
            out.write_parquet(docs, target)
            return
        text: IO[str] = (
            stack.enter_context(open(output, "w", encoding="utf-8", newline=""))
            if output
            else sys.stdout
        )
        if fmt == "jsonl":
            out.write_jsonl(docs, text)
        elif fmt == "csv":
            out.write_csv(docs, text)
        else:
            _print_table(docs, text)


def silence_stdout() -> None:
    """When standard output cannot take what is buffered for it, point it at /dev/null, so
    that the interpreter's last flush at exit raises nothing more."""
    try:
        sys.stdout.flush()
        return
    except (OSError, ValueError):
        pass
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor behind stdout (tests, embedding)
        pass


class _Counts:
    """What a run wrote, for its summary line."""

    def __init__(self) -> None:
        self.articles = 0
        self.events = 0
        self.uncoded = 0
        self.unreadable = 0

    def add(self, doc: Document, *, uncoded: bool) -> None:
        self.articles += 1
        self.events += len(doc.events)
        self.uncoded += uncoded

    def summary(self) -> str:
        return (
            f"{SUMMARY_PREFIX}{_plural(self.articles, 'article')}, "
            f"{_plural(self.events, 'event')}, {self.uncoded} uncoded, "
            f"{_plural(self.unreadable, 'unreadable input')}"
        )


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def declined(doc: Document) -> list[str]:
    """Why the pipeline returned the article without coding it (not English, too long):
    its warnings that say "not coded"."""
    return [warning for warning in doc.warnings if DECLINED_MARK in warning]


def document_origin(doc: Document) -> str:
    """Where a document's article came from, for a line on stderr."""
    art = doc.article
    return art.origin or art.input_id or art.id


def _print_table(docs: Iterator[Document], stream: IO[str]) -> None:
    console = Console(file=stream, width=160 if not stream.isatty() else None)
    for doc in docs:
        art = doc.article
        heading = art.title or art.origin or art.id
        table = Table(
            title=f"{heading}  [{art.outlet or '?'}, {art.published or 'undated'}]",
            title_justify="left",
            show_lines=False,
        )
        for column in ("date", "source", "event", "target", "where", "conf", "evidence"):
            table.add_column(column, overflow="fold")
        for ev in doc.events:
            target = ev.target.code or ev.target.text if ev.target else "-"
            flags = (" NOT" if ev.negated else "") + (" (hypothetical)" if ev.hypothetical else "")
            table.add_row(
                ev.date or "",
                f"{ev.source.code or '?'} {ev.source.name or ev.source.text}",
                f"{ev.cameo.code} {ev.plover.event}{flags}",
                f"{target} {ev.target.name or '' if ev.target else ''}".strip(),
                ev.location.name if ev.location else "",
                f"{ev.confidence:.2f}",
                ev.trigger.text + ": " + _shorten(ev.sentence.text, 90),
            )
        console.print(table)
        if not doc.events:
            console.print("  (no events)")
        if doc.warnings:
            console.print("  warnings: " + "; ".join(doc.warnings), markup=False)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def register(app: typer.Typer) -> None:
    app.command("code", help=(code_command.__doc__ or "") + "\n" + _EXAMPLES)(code_command)
