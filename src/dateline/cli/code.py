"""`dateline code`: code news files into events, written as JSONL, CSV, Parquet or a table."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO

import typer
from rich.console import Console
from rich.table import Table

from dateline.errors import InputError
from dateline.model import Document

FORMATS = ("jsonl", "csv", "parquet", "table")
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
    engine_name: str = typer.Option(
        "local", "--engine", help="local (this machine) or ray (needs dateline[ray])."
    ),
    address: str | None = typer.Option(
        None, "--address", help="Ray cluster address (auto, ray://host:10001); --engine ray."
    ),
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
    if published is not None:
        _check_date(published)
    if fmt == "parquet" and output is None and sys.stdout.isatty():
        raise typer.BadParameter("Parquet is binary: give -o FILE")
    counts = _Counts()
    # soft_wrap: one error per line whatever the terminal width (logs are parsed by line)
    err = Console(stderr=True, soft_wrap=True, highlight=False)
    config = PipelineConfig(actor_files=tuple(actors), trigger_files=tuple(triggers))
    if address is not None and engine_name != "ray":
        raise typer.BadParameter("--address needs --engine ray")
    options: dict[str, object] = {"workers": workers, "config": config}
    if engine_name == "ray":
        options["address"] = address
    engine = get_engine(engine_name, **options)

    def documents() -> Iterator[Document]:
        items = read_inputs(paths, published=published, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
        for item in engine.code(items):
            if isinstance(item, InputError):
                counts.unreadable += 1
                err.print(f"dateline: {item}", markup=False, highlight=False)
                continue
            reason = coding_failure(item)
            if reason is not None:
                art = item.article
                origin = art.origin or art.input_id or art.id
                err.print(f"dateline: {origin}: coding failed ({reason})", markup=False)
            if min_confidence > 0:
                item.events = [e for e in item.events if e.confidence >= min_confidence]
            counts.add(item, uncoded=reason is not None or _declined(item))
            yield item

    from dateline import output as out

    with ExitStack() as stack:
        stack.callback(engine.close)
        if fmt == "parquet":
            target: IO[bytes] = (
                stack.enter_context(open(output, "wb")) if output else sys.stdout.buffer
            )
            out.write_parquet(documents(), target)
        else:
            text: IO[str] = (
                stack.enter_context(open(output, "w", encoding="utf-8", newline=""))
                if output
                else sys.stdout
            )
            if fmt == "jsonl":
                out.write_jsonl(documents(), text)
            elif fmt == "csv":
                out.write_csv(documents(), text)
            else:
                _print_table(documents(), text)
    err.print(counts.summary(), markup=False)
    if counts.unreadable:
        raise typer.Exit(code=1)


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


def _declined(doc: Document) -> bool:
    """Whether the pipeline returned the article without coding it (not English, too long):
    its warnings then say "not coded"."""
    return any(DECLINED_MARK in warning for warning in doc.warnings)


def _check_date(value: str) -> None:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"--published must be YYYY-MM-DD, not {value!r}") from exc


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
