"""``dateline export``: the deduplicated events as GDELT, ICEWS, PLOVER or Parquet files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dateline.cli._store import (
    DB_OPTION,
    bad_parameter,
    check_format,
    open_store,
    stderr_console,
)

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
    check_format(fmt, EXPORT_FORMATS)
    if header and fmt != "gdelt":
        raise typer.BadParameter("--header applies to --format gdelt")
    filters = {"country": country, "start": start, "end": end}
    with open_store(db, read_only=True) as store:
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
            raise bad_parameter(exc) from exc
        except OSError as exc:
            stderr_console().print(f"dateline: error: {exc}")
            raise typer.Exit(code=2) from None
    stderr_console().print(f"dateline: export: {done} written to {output}")


def register(app: typer.Typer) -> None:
    app.command("export", help=(export_command.__doc__ or "") + "\n" + _EXPORT_EXAMPLES)(
        export_command
    )
