"""What the store commands share: opening the store, the --db option, errors, and writing
a frame as a table, CSV, JSON Lines or Parquet."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console

from dateline.store.constants import DEFAULT_DB

if TYPE_CHECKING:
    import pandas as pd

# Rows shown by --format table when no --limit is given (a terminal is not a data file).
TABLE_ROWS = 50

DB_OPTION = typer.Option(DEFAULT_DB, "--db", help="The event database (DuckDB file).")
FORMAT_HELP = "table (readable), csv, jsonl or parquet (needs -o)."


def open_store(db: str, *, read_only: bool = False) -> Any:
    # Imported here: pandas and DuckDB are paid for only by the commands that use a store.
    from dateline.store import Store

    return Store(db, read_only=read_only)


def stderr_console() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def bad_parameter(exc: Exception) -> typer.BadParameter:
    return typer.BadParameter(str(exc))


# --- output helpers ------------------------------------------------------------------


def plain_value(value: Any) -> Any:
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


def frame_records(frame: pd.DataFrame) -> Iterable[dict[str, Any]]:
    for row in frame.to_dict(orient="records"):
        yield {k: plain_value(v) for k, v in row.items()}


def csv_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as ISO text and lists (``plover_context``) as JSON arrays, as every CSV of
    dateline writes them."""
    import pandas as pd

    out = frame.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].dt.strftime("%Y-%m-%d")
        elif out[col].map(lambda v: hasattr(v, "tolist") or isinstance(v, list)).any():
            out[col] = out[col].map(json_cell)
    return out


def json_cell(value: Any) -> str | None:
    plain = plain_value(value)
    return None if plain is None else json.dumps(plain, ensure_ascii=False)


def write_parquet(frame: pd.DataFrame, output: Path) -> None:
    """The store's columns are calendar dates: a Parquet DATE, as in ``code`` and ``export``
    output, not the timestamp pandas would write."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    for i, field in enumerate(table.schema):
        if pa.types.is_timestamp(field.type):
            table = table.set_column(i, field.name, table.column(i).cast(pa.date32()))
    pq.write_table(table, output)


def write_frame(
    frame: pd.DataFrame, fmt: str, output: Path | None, table: Any | None = None
) -> None:
    if fmt == "parquet":
        if output is None:
            raise typer.BadParameter("Parquet is binary: give -o FILE")
        write_parquet(frame, output)
        return
    if fmt == "csv":
        text = csv_cells(frame).to_csv(index=False)
    elif fmt == "jsonl":
        text = "".join(
            json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in frame_records(frame)
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


def check_format(fmt: str, allowed: tuple[str, ...]) -> None:
    if fmt not in allowed:
        raise typer.BadParameter(f"--format must be one of {', '.join(allowed)}")


def short_text(value: Any, width: int) -> str:
    text = "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def day_text(value: Any) -> str:
    plain = plain_value(value)
    return "" if plain is None else str(plain)[:10]


# How much of a stored date is known: a month-precision date is stored as the 1st of its
# month, but shown as the month, never as that day.
_PRECISION_WIDTH = {"month": 7, "year": 4}


def when_text(value: Any, precision: Any = None) -> str:
    """A date as precise as it is known: ``2018-11-09``, ``2018-11``, ``2018`` or undated."""
    day = day_text(value)
    if not day:
        return "undated"
    return day[: _PRECISION_WIDTH.get(str(precision), 10)]
