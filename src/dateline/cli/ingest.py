"""``dateline ingest``: code news into the event database (``Store.ingest``), with a
progress display on stderr."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from dateline.cli._store import DB_OPTION, open_store, stderr_console
from dateline.cli.code import (
    ADDRESS_OPTION,
    ENGINE_OPTION,
    PUBLISHED_HELP,
    TIME_BUDGET_OPTION,
    declined,
    document_origin,
)
from dateline.cli.dates import checked_published
from dateline.model import Article, Document
from dateline.store.constants import DEFAULT_BATCH_SIZE

if TYPE_CHECKING:
    from dateline.store import IngestProgress

# Minimum interval between two redraws of the progress bar.
BAR_REDRAW_SECONDS = 0.2

_INGEST_EXAMPLES = """
Examples:

  dateline ingest examples/ news/2018-11/*.txt --db ir.duckdb

  dateline ingest feed.jsonl --published 2018-11-12   # only for records without a date

  dateline code news/ > coded.jsonl && dateline ingest --coded coded.jsonl
"""


def ingest_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files (txt, html, jsonl, warc, any .gz), folders, globs, or '-' for stdin."
        ),
    ] = None,
    db: str = DB_OPTION,
    published: str | None = typer.Option(None, "--published", help=PUBLISHED_HELP),
    coded: bool = typer.Option(
        False, "--coded", help="Inputs are coded documents (`dateline code` JSONL), not news."
    ),
    recode: bool = typer.Option(
        False,
        "--recode",
        help="Code stored articles again and replace their coding (after upgrading dateline "
        "or changing --actors/--triggers).",
    ),
    recluster: bool = typer.Option(
        False,
        "--recluster",
        help="Recompute every deduplicated event from the stored mentions (after the "
        "inputs, if any): repairs a database written by an older dateline.",
    ),
    batch_size: int = typer.Option(
        DEFAULT_BATCH_SIZE,
        "--batch-size",
        min=1,
        help="Articles per transaction: an interruption loses at most one batch.",
    ),
    max_bytes: int | None = typer.Option(None, "--max-bytes", help="Largest input document."),
    progress: str = typer.Option(
        "auto",
        "--progress",
        help="bar (live, with articles/s), plain (a line per committed batch), none; "
        "auto: bar on a terminal, else plain.",
    ),
    actors: Annotated[
        list[Path] | None,
        typer.Option(
            "--actors", help="Extra actor dictionary (YAML/TSV or TABARI .actors); repeatable."
        ),
    ] = None,
    triggers: Annotated[
        list[Path] | None,
        typer.Option(
            "--triggers", help="Extra trigger lexicon (TSV or PETRARCH verbs); repeatable."
        ),
    ] = None,
    workers: int | None = typer.Option(
        1, "--workers", min=1, help="Processes (local) or Ray actors coding at once."
    ),
    engine_name: str = ENGINE_OPTION,
    address: str | None = ADDRESS_OPTION,
    time_budget: float = TIME_BUDGET_OPTION,
) -> None:
    """Code news into the event database: idempotent, incremental, one transaction per batch.

    Articles already stored (same text, whatever the file) are skipped before coding, so
    re-running over a growing folder codes only the new ones; after a crash or Ctrl-C, run the
    same command again to resume. Unreadable inputs are reported one per line on stderr and
    make the exit status 1.
    """
    if progress not in ("auto", "bar", "plain", "none"):
        raise typer.BadParameter("--progress must be auto, bar, plain or none")
    if not paths:
        if not recluster:
            raise typer.BadParameter("give the inputs to ingest (or --recluster alone)")
        _recluster(db)
        return
    if address is not None and engine_name != "ray":
        raise typer.BadParameter("--address needs --engine ray")
    err = stderr_console()
    seconds = time_budget or None
    mode = progress
    if mode == "auto":
        mode = "bar" if sys.stderr.isatty() else "plain"
    # Imported here: pandas and DuckDB are paid for only by the commands that use a store.
    from dateline.store.write import IngestOptions, is_interruption

    display = _IngestDisplay(mode, err)
    options = IngestOptions(
        batch_size=batch_size,
        replace=recode,
        coded=coded,
        published=checked_published(published, err),
        max_bytes=max_bytes,
        seconds=seconds,
        command="dateline ingest " + " ".join(sys.argv[2:]),
        progress=display.update,
        on_error=lambda origin, reason: err.print(f"dateline: {origin}: {reason}", markup=False),
        notice=lambda item: _warn(item, err),
    )
    engine = None
    if not coded:
        from dateline.engines import LazyEngine

        build = partial(_engine, engine_name, workers, address, actors, triggers, seconds)
        engine = LazyEngine(build)
    store = open_store(db)
    try:
        with display:
            report = store.ingest(paths, engine=engine, options=options)
    except BaseException as exc:
        if not is_interruption(exc):
            raise
        stored = display.last.stored if display.last else 0
        err.print(
            f"dateline: ingest interrupted: {stored} new articles were committed; run the "
            "same command again to resume"
        )
        store.close()
        raise typer.Exit(code=130) from None
    finally:
        if engine is not None:
            engine.close()
    totals = store.counts()
    store.close()
    if recluster:
        _recluster(db)
    err.print(
        f"dateline: ingest: {report.read} read, {report.stored} stored"
        + (f" ({report.replaced} re-coded)" if recode else "")
        + f", {report.skipped} already stored, {report.failed} failed, {report.mentions} "
        "event mentions "
        f"in {report.elapsed:.1f}s; {db} holds {totals['articles']} articles, "
        f"{totals['events']} events ({totals['event_mentions']} mentions)"
    )
    if report.failed:
        raise typer.Exit(code=1)


def _engine(
    name: str,
    workers: int | None,
    address: str | None,
    actors: list[Path] | None,
    triggers: list[Path] | None,
    seconds: float | None,
) -> Any:
    from dateline.engines import get_engine
    from dateline.pipeline import PipelineConfig

    config = PipelineConfig(actor_files=tuple(actors or ()), trigger_files=tuple(triggers or ()))
    extra = {"address": address} if name == "ray" else {}
    return get_engine(name, workers=workers, config=config, seconds=seconds, **extra)


def _warn(item: Article | Document, err: Console) -> None:
    """One line per warning of a new article (reading) or of a document the pipeline
    declined to code."""
    if isinstance(item, Article):
        for warning in item.warnings:
            where = item.origin or item.input_id or item.id
            err.print(f"dateline: {where}: {warning}", markup=False)
        return
    for warning in declined(item):
        err.print(f"dateline: {document_origin(item)}: {warning}", markup=False)


def _recluster(db: str) -> None:
    with open_store(db) as store:
        before = store.counts()["events"]
        after = store.rebuild_events()
    stderr_console().print(f"dateline: recluster: {db} holds {after} events ({before} before)")


class _IngestDisplay:
    """The CLI's view of ingest progress: a rich bar, plain lines, or nothing."""

    def __init__(self, mode: str, console: Console) -> None:
        self.mode = mode
        self.console = console
        self._progress: Any = None
        self._task: Any = None
        self._printed_batches = 0
        self._last_draw = 0.0
        # The run's counters (one object, updated in place), for the interruption message.
        self.last: IngestProgress | None = None

    def __enter__(self) -> _IngestDisplay:
        if self.mode == "bar":
            from rich.progress import (
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("[bold]ingest[/bold]"),
                TextColumn("{task.fields[status]}"),
                TimeElapsedColumn(),
                console=self.console,
                transient=False,
                auto_refresh=False,
            )
            self._task = self._progress.add_task("ingest", total=None, status="starting")
            self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def update(self, p: IngestProgress) -> None:
        self.last = p
        rate = p.read / p.elapsed if p.elapsed > 0 else 0.0
        if self.mode == "bar" and self._progress is not None:
            # Redrawing per document would cost more than storing it; a few times a second
            # is enough for a human.
            if not p.committed and p.elapsed - self._last_draw < BAR_REDRAW_SECONDS:
                return
            self._last_draw = p.elapsed
            status = (
                f"{p.read} read · {p.stored} stored · {p.skipped} skipped · "
                f"{p.failed} failed · {rate:.1f} articles/s"
            )
            self._progress.update(self._task, completed=p.read, status=status)
            self._progress.refresh()
        elif self.mode == "plain" and p.committed and p.batches > self._printed_batches:
            self._printed_batches = p.batches
            self.console.print(
                f"dateline: ingest: batch {p.batches} committed: {p.stored} stored, "
                f"{p.skipped} skipped, {p.failed} failed ({rate:.1f} articles/s)",
                markup=False,
            )


def register(app: typer.Typer) -> None:
    app.command("ingest", help=(ingest_command.__doc__ or "") + "\n" + _INGEST_EXAMPLES)(
        ingest_command
    )
