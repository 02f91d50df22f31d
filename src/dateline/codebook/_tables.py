"""Reading the codebook TSV files shipped under ``dateline/data/codebook``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from dateline.errors import DictionaryError

_DATA = "data/codebook"


@dataclass(frozen=True)
class CameoRow:
    code: str
    name: str
    goldstein: float
    quad_class: int
    penta_class: int


@dataclass(frozen=True)
class PloverRow:
    code: str
    event: str
    mode: str | None
    context: tuple[str, ...]


def _records(filename: str, columns: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data line; ``#`` lines are comments."""
    text = resources.files("dateline").joinpath(f"{_DATA}/{filename}").read_text("utf-8")
    header: list[str] | None = None
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            if header != columns:
                raise DictionaryError(
                    f"{filename}: header is {header}, expected {columns}; "
                    "reinstall dateline or fix the file"
                )
            continue
        if len(cells) != len(columns):
            raise DictionaryError(
                f"{filename}:{lineno}: {len(cells)} columns, expected {len(columns)} "
                f"({', '.join(columns)})"
            )
        yield lineno, dict(zip(columns, cells, strict=True))


def read_cameo() -> dict[str, CameoRow]:
    rows: dict[str, CameoRow] = {}
    columns = ["code", "name", "goldstein", "quad_class", "penta_class"]
    for lineno, rec in _records("cameo.tsv", columns):
        code = rec["code"]
        if code in rows:
            raise DictionaryError(f"cameo.tsv:{lineno}: duplicate code {code!r}")
        try:
            rows[code] = CameoRow(
                code=code,
                name=rec["name"],
                goldstein=float(rec["goldstein"]),
                quad_class=int(rec["quad_class"]),
                penta_class=int(rec["penta_class"]),
            )
        except ValueError as exc:
            raise DictionaryError(f"cameo.tsv:{lineno}: {exc}") from exc
    return rows


def read_plover() -> dict[str, PloverRow]:
    rows: dict[str, PloverRow] = {}
    for lineno, rec in _records("plover.tsv", ["code", "event", "mode", "context"]):
        code = rec["code"]
        if code in rows:
            raise DictionaryError(f"plover.tsv:{lineno}: duplicate code {code!r}")
        context = tuple(c.strip() for c in rec["context"].split(",") if c.strip())
        rows[code] = PloverRow(
            code=code, event=rec["event"], mode=rec["mode"].strip() or None, context=context
        )
    return rows
