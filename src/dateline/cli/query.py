"""Query commands over the event store: ``events``, ``event``, ``dyad``, ``actor``.

Each parses its options and calls one ``dateline.store.Store`` query; results go to stdout.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from dateline.cli._store import (
    DB_OPTION,
    FORMAT_HELP,
    TABLE_ROWS,
    bad_parameter,
    check_format,
    day_text,
    frame_records,
    open_store,
    plain_value,
    short_text,
    stderr_console,
    when_text,
    write_frame,
)

if TYPE_CHECKING:
    import pandas as pd

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
    check_format(fmt, ("table", "csv", "jsonl", "parquet"))
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
    with open_store(db, read_only=True) as store:
        try:
            frame = store.events(level=level, limit=shown, **filters)
        except ValueError as exc:
            raise bad_parameter(exc) from exc
    table = None
    if fmt == "table":
        more = limit is None and len(frame) > TABLE_ROWS
        frame = frame.head(TABLE_ROWS) if more else frame
        table = _events_table(frame, level)
        if more:
            note = f"first {TABLE_ROWS} rows; use --limit N or --format csv for more"
            table = Group(table, Text(note, style="dim"))
    write_frame(frame, fmt, output, table)


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
        head.append(f"{when_text(row['date'], row.get('date_precision')):10} ", style="cyan")
        head.append(f"{source} ", style="bold")
        head.append(f"{row['cameo_code']} {row['plover_event'] or ''}", style="magenta")
        head.append(f" {target}", style="bold")
        head.append(f"  {quad} {short_text(row['goldstein'], 5)}  {reports}")
        evidence = Text(no_wrap=True, overflow="ellipsis")
        evidence.append(f"  {row[id_col]}  ", style="dim")
        evidence.append(short_text(row["sentence"], 200))
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
    check_format(fmt, ("table", "jsonl"))
    with open_store(db, read_only=True) as store:
        try:
            detail = store.event(event_id)
        except KeyError as exc:
            stderr_console().print(f"dateline: error: {exc.args[0]}")
            raise typer.Exit(code=1) from None
    if fmt == "jsonl":
        record = {k: plain_value(v) for k, v in detail.event.items()}
        record["mentions"] = list(frame_records(detail.mentions))
        sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        return
    ev = detail.event
    console = Console()
    console.print(
        f"[bold]{ev['event_id']}[/bold]  {when_text(ev['date'], ev.get('date_precision'))}  "
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
            when_text(row["date"], row.get("date_precision")),
            short_text(row["outlet"], 20),
            short_text(row["url"], 40),
            short_text(row["trigger"], 20),
            short_text(row["sentence"], 100),
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
    check_format(fmt, ("table", "csv", "jsonl", "parquet"))
    with open_store(db, read_only=True) as store:
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
            raise bad_parameter(exc) from exc
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
    write_frame(panel, fmt, output, table)


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
    check_format(fmt, ("table", "jsonl"))
    with open_store(db, read_only=True) as store:
        try:
            summary = store.actor(code, start=start, end=end, limit=limit)
        except ValueError as exc:
            raise bad_parameter(exc) from exc
    if fmt == "jsonl":
        record = {
            "query": summary.query,
            "events": summary.events,
            "as_source": summary.as_source,
            "as_target": summary.as_target,
            "first_date": plain_value(summary.first_date),
            "last_date": plain_value(summary.last_date),
            "codes": list(frame_records(summary.codes)),
            "partners": list(frame_records(summary.partners)),
            "event_types": list(frame_records(summary.event_types)),
        }
        sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        return
    console = Console()
    if summary.events == 0:
        console.print(f"no events with actor {summary.query}")
        return
    span = (
        f"{day_text(summary.first_date)} to {day_text(summary.last_date)}"
        if day_text(summary.first_date)
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
            *(short_text(row[c], 30) for c in ("code", "name", "country", "sector", "events"))
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
            cells.append(f"{value:.2f}" if isinstance(value, float) else short_text(value, 18))
        partners.add_row(*cells)
    types = Table(title="event types")
    for col in ("cameo_code", "cameo_name", "role", "events"):
        types.add_column(col)
    for row in summary.event_types.to_dict(orient="records"):
        types.add_row(
            *(short_text(row[c], 40) for c in ("cameo_code", "cameo_name", "role", "events"))
        )
    console.print(codes)
    console.print(partners)
    console.print(types)


def register(app: typer.Typer) -> None:
    def doc(func: Any, examples: str = "") -> str:
        return (func.__doc__ or "") + ("\n" + examples if examples else "")

    app.command(
        "events",
        help=doc(events_command, _EVENTS_EXAMPLES),
        context_settings={"allow_extra_args": True},
    )(events_command)
    app.command("event", help=doc(event_command))(event_command)
    app.command("dyad", help=doc(dyad_command, _DYAD_EXAMPLES))(dyad_command)
    app.command("actor", help=doc(actor_command))(actor_command)
