"""Event-store commands: ``ingest``, ``events``, ``event``, ``dyad``, ``actor``, ``export``.

Each parses its options and calls one ``dateline.store.Store`` method; results go to stdout,
progress, per-document errors and summaries to stderr.
"""

from __future__ import annotations

import itertools
import json
import math
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from dateline.cli.code import PUBLISHED_HELP, TIME_BUDGET_OPTION, declined, document_origin
from dateline.cli.dates import checked_published, warn_articles
from dateline.errors import InputError
from dateline.model import Article, Document
from dateline.store.constants import DEFAULT_BATCH_SIZE, DEFAULT_DB

if TYPE_CHECKING:
    import pandas as pd

    from dateline.store import IngestProgress

# Minimum interval between two redraws of the progress bar.
BAR_REDRAW_SECONDS = 0.2

# Rows shown by --format table when no --limit is given (a terminal is not a data file).
TABLE_ROWS = 50

DB_OPTION = typer.Option(DEFAULT_DB, "--db", help="The event database (DuckDB file).")
FORMAT_HELP = "table (readable), csv, jsonl or parquet (needs -o)."


def _open(db: str, *, read_only: bool = False) -> Any:
    # Imported here: pandas and DuckDB are paid for only by the commands that use a store.
    from dateline.store import Store

    return Store(db, read_only=read_only)


def _err() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _bad(exc: Exception) -> typer.BadParameter:
    return typer.BadParameter(str(exc))


# --- ingest --------------------------------------------------------------------------

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
    engine_name: str = typer.Option(
        "local", "--engine", help="local (this machine) or ray (needs dateline[ray])."
    ),
    address: str | None = typer.Option(
        None, "--address", help="Ray cluster address (auto, ray://host:10001); --engine ray."
    ),
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
    err = _err()
    seconds = time_budget or None
    published = checked_published(published, err)
    mode = progress
    if mode == "auto":
        mode = "bar" if sys.stderr.isatty() else "plain"

    def on_error(origin: str, reason: str) -> None:
        err.print(f"dateline: {origin}: {reason}", markup=False)

    if address is not None and engine_name != "ray":
        raise typer.BadParameter("--address needs --engine ray")
    display = _IngestDisplay(mode, err)
    engines: list[Any] = []

    def coded_new(articles: Iterator[Article]) -> Iterator[Document | InputError]:
        """Code the new articles; the engine (and spaCy) load only if there is one."""
        first = next(articles, None)
        if first is None:
            return
        from dateline.engines import get_engine
        from dateline.pipeline import PipelineConfig
        from dateline.store.coding import code_articles, isolating_pipeline

        config = PipelineConfig(
            actor_files=tuple(actors or ()), trigger_files=tuple(triggers or ())
        )
        options: dict[str, Any] = {
            "workers": workers,
            "config": config,
            "factory": isolating_pipeline,
            "seconds": seconds,
        }
        if engine_name == "ray":
            options["address"] = address
        engine = get_engine(engine_name, **options)
        engines.append(engine)
        for item in code_articles(engine, itertools.chain([first], articles)):
            if isinstance(item, Document):
                for warning in declined(item):
                    err.print(f"dateline: {document_origin(item)}: {warning}", markup=False)
            yield item

    store = _open(db)
    run = store.run(
        inputs=paths,
        command="dateline ingest " + " ".join(sys.argv[2:]),
        batch_size=batch_size,
        progress=display.update,
        on_error=on_error,
        replace=recode,
    )
    try:
        with display, run:
            if coded:
                from dateline.store.rows import read_coded

                run.ingest(read_coded(paths))
            else:
                from dateline.ingest import DEFAULT_MAX_BYTES, read_inputs

                items = read_inputs(
                    paths,
                    published=published,
                    max_bytes=max_bytes or DEFAULT_MAX_BYTES,
                    seconds=seconds,
                )
                run.ingest(coded_new(warn_articles(run.select_new(items), err)))
    except BaseException as exc:
        from dateline.store.core import is_interruption

        if not is_interruption(exc):
            raise
        stored = run.report.stored if run.report else 0
        err.print(
            f"dateline: ingest interrupted: {stored} new articles were committed; run the "
            "same command again to resume"
        )
        store.close()
        raise typer.Exit(code=130) from None
    finally:
        for engine in engines:
            engine.close()
    report = run.report
    assert report is not None
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


def _recluster(db: str) -> None:
    with _open(db) as store:
        before = store.counts()["events"]
        after = store.rebuild_events()
    _err().print(f"dateline: recluster: {db} holds {after} events ({before} before)")


class _IngestDisplay:
    """The CLI's view of ingest progress: a rich bar, plain lines, or nothing."""

    def __init__(self, mode: str, console: Console) -> None:
        self.mode = mode
        self.console = console
        self._progress: Any = None
        self._task: Any = None
        self._printed_batches = 0
        self._last_draw = 0.0

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


# --- output helpers ------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A JSON-friendly value (dates as ISO strings, NaN as null, arrays as lists)."""
    import pandas as pd

    # NaT (an undated event's date in a frame) is a datetime too: test for it first.
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp | datetime):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()  # type: ignore[union-attr]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "tolist"):
        return value.tolist()
    if hasattr(value, "item"):
        return value.item()
    return value


def _records(frame: pd.DataFrame) -> Iterable[dict[str, Any]]:
    for row in frame.to_dict(orient="records"):
        yield {k: _plain(v) for k, v in row.items()}


def _csv_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as ISO text and lists (``plover_context``) as JSON arrays, as every CSV of
    dateline writes them."""
    import pandas as pd

    out = frame.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].dt.strftime("%Y-%m-%d")
        elif out[col].map(lambda v: hasattr(v, "tolist") or isinstance(v, list)).any():
            out[col] = out[col].map(_json_cell)
    return out


def _json_cell(value: Any) -> str | None:
    plain = _plain(value)
    return None if plain is None else json.dumps(plain, ensure_ascii=False)


def _parquet(frame: pd.DataFrame, output: Path) -> None:
    """The store's columns are calendar dates: a Parquet DATE, as in ``code`` and ``export``
    output, not the timestamp pandas would write."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    for i, field in enumerate(table.schema):
        if pa.types.is_timestamp(field.type):
            table = table.set_column(i, field.name, table.column(i).cast(pa.date32()))
    pq.write_table(table, output)


def _write_frame(
    frame: pd.DataFrame, fmt: str, output: Path | None, table: Any | None = None
) -> None:
    if fmt == "parquet":
        if output is None:
            raise typer.BadParameter("Parquet is binary: give -o FILE")
        _parquet(frame, output)
        return
    if fmt == "csv":
        text = _csv_cells(frame).to_csv(index=False)
    elif fmt == "jsonl":
        text = "".join(
            json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in _records(frame)
        )
    elif table is not None:
        console = Console(file=open(output, "w", encoding="utf-8") if output else None)  # noqa: SIM115
        console.print(table)
        if output:
            console.file.close()
        return
    else:
        raise typer.BadParameter(f"unknown --format {fmt!r}")
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _check_format(fmt: str, allowed: tuple[str, ...]) -> None:
    if fmt not in allowed:
        raise typer.BadParameter(f"--format must be one of {', '.join(allowed)}")


def _short(value: Any, width: int) -> str:
    text = "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _day(value: Any) -> str:
    plain = _plain(value)
    return "" if plain is None else str(plain)[:10]


# How much of a stored date is known: a month-precision date is stored as the 1st of its
# month, but shown as the month, never as that day.
_PRECISION_WIDTH = {"month": 7, "year": 4}


def _when(value: Any, precision: Any = None) -> str:
    """A date as precise as it is known: ``2018-11-09``, ``2018-11``, ``2018`` or undated."""
    day = _day(value)
    if not day:
        return "undated"
    return day[: _PRECISION_WIDTH.get(str(precision), 10)]


# --- events --------------------------------------------------------------------------

_EVENTS_EXAMPLES = """
Examples:

  dateline events --dyad KAZ,CHN --start 2018-11 --end 2018-12

  dateline events --country KAZ --quad-class 3 --quad-class 4 --format csv -o conflict.csv

  dateline events --text pipeline --mentions --format jsonl
"""


def events_command(
    ctx: typer.Context,
    db: str = DB_OPTION,
    actor: str | None = typer.Option(None, "--actor", help="Actor code, code prefix or name."),
    country: str | None = typer.Option(
        None, "--country", help="Country (ISO3, e.g. KAZ) or actor-code prefix, either side."
    ),
    dyad: str | None = typer.Option(
        None, "--dyad", help="Two actors/countries: --dyad KAZ,CHN or --dyad KAZ CHN."
    ),
    directed: bool = typer.Option(False, "--directed", help="--dyad A B means A acts on B."),
    cameo: str | None = typer.Option(None, "--cameo", help="CAMEO code or prefix (e.g. 04)."),
    root: str | None = typer.Option(None, "--root", help="CAMEO root code, 01-20."),
    plover: str | None = typer.Option(None, "--plover", help="PLOVER event, e.g. CONSULT."),
    quad_class: Annotated[
        list[int] | None,
        typer.Option(
            "--quad-class",
            help="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict; "
            "repeatable.",
        ),
    ] = None,
    start: str | None = typer.Option(None, "--start", help="From date (YYYY[-MM[-DD]])."),
    end: str | None = typer.Option(None, "--end", help="To date, inclusive (YYYY[-MM[-DD]])."),
    min_confidence: float | None = typer.Option(None, "--min-confidence", help="0-1."),
    min_sources: int | None = typer.Option(
        None, "--min-sources", help="Only events reported by at least N outlets."
    ),
    text: str | None = typer.Option(None, "--text", help="Evidence sentence contains this."),
    mentions: bool = typer.Option(
        False, "--mentions", help="List every report (mention), not deduplicated events."
    ),
    include_negated: bool = typer.Option(
        False, "--include-negated", help="With --mentions: also negated/hypothetical ones."
    ),
    limit: int | None = typer.Option(None, "--limit", min=0, help="At most N rows."),
    fmt: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here, not stdout.")
    ] = None,
) -> None:
    """List events from the database, filtered; deduplicated unless --mentions."""
    _check_format(fmt, ("table", "csv", "jsonl", "parquet"))
    # An option takes one value: the second actor of "--dyad KAZ CHN" is an extra argument.
    pair = _dyad_pair(dyad, list(ctx.args))
    level = "mention" if mentions else "event"
    shown = limit
    if fmt == "table" and limit is None:
        shown = TABLE_ROWS + 1
    filters: dict[str, Any] = {
        "actor": actor,
        "country": country,
        "dyad": pair,
        "directed": directed,
        "cameo": cameo,
        "root": root,
        "plover": plover,
        "quad_class": quad_class or None,
        "start": start,
        "end": end,
        "min_confidence": min_confidence,
        "text": text,
    }
    if level == "event":
        filters["min_sources"] = min_sources
    else:
        filters["include_negated"] = include_negated
        filters["include_hypothetical"] = include_negated
    with _open(db, read_only=True) as store:
        try:
            frame = store.events(level=level, limit=shown, **filters)
        except ValueError as exc:
            raise _bad(exc) from exc
    table = None
    if fmt == "table":
        more = limit is None and len(frame) > TABLE_ROWS
        frame = frame.head(TABLE_ROWS) if more else frame
        table = _events_table(frame, level)
        if more:
            note = f"first {TABLE_ROWS} rows; use --limit N or --format csv for more"
            table = Group(table, Text(note, style="dim"))
    _write_frame(frame, fmt, output, table)


def _dyad_pair(dyad: str | None, rest: list[str]) -> tuple[str, str] | None:
    """The two actors of ``--dyad KAZ,CHN`` or ``--dyad KAZ CHN``."""
    usage = "--dyad takes two actors: --dyad KAZ,CHN or --dyad KAZ CHN"
    if dyad is None:
        if rest:
            raise typer.BadParameter(f"unexpected argument {rest[0]!r} ({usage})")
        return None
    parts = [p.strip() for p in dyad.split(",")] if "," in dyad else [dyad.strip(), *rest]
    if len(parts) != 2 or not all(parts) or ("," in dyad and rest):
        raise typer.BadParameter(f"{usage}, not {' '.join([dyad, *rest])!r}")
    return parts[0], parts[1]


_QUAD_NAMES = {1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}


def _events_table(frame: pd.DataFrame, level: str) -> Group:
    """Two lines per event (what, then the evidence), readable in an 80-column terminal."""
    id_col = "event_id" if level == "event" else "mention_id"
    noun = "mentions" if level == "mention" else "events"
    lines: list[Text] = [Text(f"{len(frame)} {noun}", style="bold")]
    for row in frame.to_dict(orient="records"):
        if level == "event":
            n, k = row["num_mentions"], row["num_sources"]
            reports = f"{n} report{'s' if n != 1 else ''}, {k} source{'s' if k != 1 else ''}"
        else:
            reports = str(row.get("outlet") or "")
        source = row["source_code"] or row["source_text"] or "?"
        target = row["target_code"] or row["target_text"] or "-"
        quad = _QUAD_NAMES.get(row["quad_class"], "")
        head = Text(no_wrap=True, overflow="ellipsis")
        head.append(f"{_when(row['date'], row.get('date_precision')):10} ", style="cyan")
        head.append(f"{source} ", style="bold")
        head.append(f"{row['cameo_code']} {row['plover_event'] or ''}", style="magenta")
        head.append(f" {target}", style="bold")
        head.append(f"  {quad} {_short(row['goldstein'], 5)}  {reports}")
        evidence = Text(no_wrap=True, overflow="ellipsis")
        evidence.append(f"  {row[id_col]}  ", style="dim")
        evidence.append(_short(row["sentence"], 200))
        lines.extend([head, evidence])
    return Group(*lines)


# --- event / article provenance -------------------------------------------------------


def event_command(
    event_id: str = typer.Argument(..., help="An event id from `dateline events`."),
    db: str = DB_OPTION,
    fmt: str = typer.Option("table", "--format", "-f", help="table or jsonl."),
) -> None:
    """Show one deduplicated event with every report of it (sentence, outlet, URL).

    Example:  dateline event ev3f1c0d2a9b8e7f6a5c
    """
    _check_format(fmt, ("table", "jsonl"))
    with _open(db, read_only=True) as store:
        try:
            detail = store.event(event_id)
        except KeyError as exc:
            _err().print(f"dateline: error: {exc.args[0]}")
            raise typer.Exit(code=1) from None
    if fmt == "jsonl":
        record = {k: _plain(v) for k, v in detail.event.items()}
        record["mentions"] = list(_records(detail.mentions))
        sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        return
    ev = detail.event
    console = Console()
    console.print(
        f"[bold]{ev['event_id']}[/bold]  {_when(ev['date'], ev.get('date_precision'))}  "
        f"{ev['source_code'] or ev['source_text']} -> {ev['cameo_code']} "
        f"({ev['plover_event']}) -> {ev['target_code'] or ev['target_text'] or '-'}  "
        f"goldstein {ev['goldstein']}  mentions {ev['num_mentions']}, articles "
        f"{ev['num_articles']}, sources {ev['num_sources']}",
        highlight=False,
    )
    table = Table()
    for col in ("date", "outlet", "url", "trigger", "sentence"):
        table.add_column(col, overflow="fold")
    for row in detail.mentions.to_dict(orient="records"):
        table.add_row(
            _when(row["date"], row.get("date_precision")),
            _short(row["outlet"], 20),
            _short(row["url"], 40),
            _short(row["trigger"], 20),
            _short(row["sentence"], 100),
        )
    console.print(table)


# --- dyad ----------------------------------------------------------------------------

_DYAD_EXAMPLES = """
Examples:

  dateline dyad KAZ CHN --by month

  dateline dyad RUS UKR --by week --directed --start 2022-01 --format csv -o rus-ukr.csv
"""

# Panel columns shown by --format table, with short headers that fit 80 columns.
_PANEL_HEADERS = {
    "period": "period",
    "events": "events",
    "verbal_coop": "vcoop",
    "material_coop": "mcoop",
    "verbal_conflict": "vconf",
    "material_conflict": "mconf",
    "goldstein_sum": "gsum",
    "goldstein_mean": "gmean",
    "net_cooperation": "net",
    "mentions": "reports",
    "month_precision": "in-mon",
    "year_precision": "in-yr",
}
_LABELS = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def dyad_command(
    a: str = typer.Argument(..., help="First actor: country (ISO3) or actor-code prefix."),
    b: str = typer.Argument(..., help="Second actor."),
    db: str = DB_OPTION,
    by: str = typer.Option("month", "--by", help="day, week, month or year."),
    directed: bool = typer.Option(False, "--directed", help="Only events from A to B."),
    start: str | None = typer.Option(None, "--start", help="First period (YYYY[-MM[-DD]])."),
    end: str | None = typer.Option(None, "--end", help="Last period (YYYY[-MM[-DD]])."),
    mentions: bool = typer.Option(
        False, "--mentions", help="Count every report, not deduplicated events."
    ),
    min_confidence: float | None = typer.Option(None, "--min-confidence", help="0-1."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, jsonl or parquet."),
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here, not stdout.")
    ] = None,
) -> None:
    """A complete panel of events between two actors, one row per period (zeros included).

    Counts per quad class, Goldstein sum and mean, and net cooperation
    = (cooperative - conflictual events) / events, from -1 to +1.
    """
    _check_format(fmt, ("table", "csv", "jsonl", "parquet"))
    with _open(db, read_only=True) as store:
        try:
            panel = store.dyad(
                a,
                b,
                by=by,
                directed=directed,
                start=start,
                end=end,
                level="mention" if mentions else "event",
                min_confidence=min_confidence,
            )
        except ValueError as exc:
            raise _bad(exc) from exc
    table = None
    if fmt == "table":
        arrow = "->" if directed else "<->"
        table = Table(
            title=f"{a.upper()} {arrow} {b.upper()} by {by}",
            box=box.SIMPLE_HEAD,
            padding=(0, 0),
            caption="vcoop/mcoop: verbal/material cooperation; vconf/mconf: verbal/material "
            "conflict; gsum/gmean: Goldstein; net: (coop - conflict) / events; in-mon/in-yr: "
            "events dated only to the period's month/year, not counted in events",
        )
        columns = [c for c in _PANEL_HEADERS if c in panel.columns]
        for col in columns:
            table.add_column(
                _PANEL_HEADERS[col],
                justify="left" if col == "period" else "right",
                no_wrap=True,
            )
        for row in panel.to_dict(orient="records"):
            cells = [row["period"].strftime(_LABELS[by])]
            for col in columns[1:]:
                value = row[col]
                if isinstance(value, float):
                    cells.append("" if math.isnan(value) else f"{value:.2f}")
                else:
                    cells.append(str(value))
            table.add_row(*cells)
        if panel.empty:
            table.caption = "no dated events between these actors"
    _write_frame(panel, fmt, output, table)


# --- actor ---------------------------------------------------------------------------


def actor_command(
    code: str = typer.Argument(..., help="Actor code, code prefix, country (ISO3) or name."),
    db: str = DB_OPTION,
    start: str | None = typer.Option(None, "--start", help="From date (YYYY[-MM[-DD]])."),
    end: str | None = typer.Option(None, "--end", help="To date (YYYY[-MM[-DD]])."),
    limit: int = typer.Option(15, "--limit", help="Rows per table."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or jsonl."),
) -> None:
    """Summarise one actor: who it deals with, and what it does and has done to it.

    Example:  dateline actor KAZ --start 2018
    """
    _check_format(fmt, ("table", "jsonl"))
    with _open(db, read_only=True) as store:
        try:
            summary = store.actor(code, start=start, end=end, limit=limit)
        except ValueError as exc:
            raise _bad(exc) from exc
    if fmt == "jsonl":
        record = {
            "query": summary.query,
            "events": summary.events,
            "as_source": summary.as_source,
            "as_target": summary.as_target,
            "first_date": _plain(summary.first_date),
            "last_date": _plain(summary.last_date),
            "codes": list(_records(summary.codes)),
            "partners": list(_records(summary.partners)),
            "event_types": list(_records(summary.event_types)),
        }
        sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        return
    console = Console()
    if summary.events == 0:
        console.print(f"no events with actor {summary.query}")
        return
    span = (
        f"{_day(summary.first_date)} to {_day(summary.last_date)}"
        if _day(summary.first_date)
        else "all undated"
    )
    console.print(
        f"[bold]{summary.query}[/bold]: {summary.events} events "
        f"({summary.as_source} as source, {summary.as_target} as target), {span}",
        highlight=False,
    )
    codes = Table(title="matched actors")
    for col in ("code", "name", "country", "sector", "events"):
        codes.add_column(col)
    for row in summary.codes.to_dict(orient="records"):
        codes.add_row(
            *(_short(row[c], 30) for c in ("code", "name", "country", "sector", "events"))
        )
    partners = Table(
        title="partners",
        box=box.SIMPLE_HEAD,
        padding=(0, 0),
        caption="src/tgt: the actor as source/target; vcoop..mconf: quad classes",
    )
    pcols = {
        "partner": "partner",
        "partner_name": "e.g.",
        "events": "events",
        "as_source": "src",
        "as_target": "tgt",
        "verbal_coop": "vcoop",
        "material_coop": "mcoop",
        "verbal_conflict": "vconf",
        "material_conflict": "mconf",
        "goldstein_mean": "gmean",
    }
    for col, header in pcols.items():
        partners.add_column(
            header, justify="left" if col.startswith("partner") else "right", no_wrap=True
        )
    for row in summary.partners.to_dict(orient="records"):
        cells = []
        for col in pcols:
            value = row[col]
            cells.append(f"{value:.2f}" if isinstance(value, float) else _short(value, 18))
        partners.add_row(*cells)
    types = Table(title="event types")
    for col in ("cameo_code", "cameo_name", "role", "events"):
        types.add_column(col)
    for row in summary.event_types.to_dict(orient="records"):
        types.add_row(*(_short(row[c], 40) for c in ("cameo_code", "cameo_name", "role", "events")))
    console.print(codes)
    console.print(partners)
    console.print(types)


# --- export --------------------------------------------------------------------------

_EXPORT_EXAMPLES = """
Examples:

  dateline export --format gdelt -o events.tsv

  dateline export --format icews -o events-icews.tsv --start 2018-01-01

  dateline export --format plover -o events.jsonl --country KAZ

  dateline export --format parquet -o store-parquet/
"""

EXPORT_FORMATS = ("gdelt", "icews", "plover", "parquet")


def export_command(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="gdelt (GDELT 2.0's 61 event columns, TSV, no header), icews (the ICEWS "
            "event table, TSV), plover (JSONL) or parquet (a directory partitioned by "
            "year/month).",
        ),
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="File (gdelt, icews, plover) or directory.")
    ],
    db: str = DB_OPTION,
    country: str | None = typer.Option(None, "--country", help="Only events with this country."),
    start: str | None = typer.Option(None, "--start", help="From date (not parquet)."),
    end: str | None = typer.Option(None, "--end", help="To date (not parquet)."),
    header: bool = typer.Option(
        False, "--header", help="gdelt: write a header row (GDELT's own files have none)."
    ),
) -> None:
    """Export the deduplicated events as a GDELT 2.0 or ICEWS event table, PLOVER JSONL or
    Parquet."""
    _check_format(fmt, EXPORT_FORMATS)
    if header and fmt != "gdelt":
        raise typer.BadParameter("--header applies to --format gdelt")
    filters = {"country": country, "start": start, "end": end}
    with _open(db, read_only=True) as store:
        try:
            if fmt == "gdelt":
                n = store.export_gdelt(output, header=header, **filters)
                done = f"{n} events"
            elif fmt == "icews":
                n = store.export_icews(output, **filters)
                done = f"{n} events"
            elif fmt == "plover":
                n = store.export_plover(output, **filters)
                done = f"{n} events"
            else:
                if any(v is not None for v in filters.values()):
                    raise typer.BadParameter("parquet exports the whole store (no filters)")
                counts = store.export_parquet(output)
                done = f"{counts['events']} events and {counts['mentions']} mentions"
        except ValueError as exc:
            raise _bad(exc) from exc
        except OSError as exc:
            _err().print(f"dateline: error: {exc}")
            raise typer.Exit(code=2) from None
    _err().print(f"dateline: export: {done} written to {output}")


def register(app: typer.Typer) -> None:
    def doc(func: Any, examples: str = "") -> str:
        return (func.__doc__ or "") + ("\n" + examples if examples else "")

    app.command("ingest", help=doc(ingest_command, _INGEST_EXAMPLES))(ingest_command)
    app.command(
        "events",
        help=doc(events_command, _EVENTS_EXAMPLES),
        context_settings={"allow_extra_args": True},
    )(events_command)
    app.command("event", help=doc(event_command))(event_command)
    app.command("dyad", help=doc(dyad_command, _DYAD_EXAMPLES))(dyad_command)
    app.command("actor", help=doc(actor_command))(actor_command)
    app.command("export", help=doc(export_command, _EXPORT_EXAMPLES))(export_command)
