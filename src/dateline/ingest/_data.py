"""Loading of the ingest data files (``dateline/data/ingest``), once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

_DATA = "data/ingest"


def _read(name: str) -> str:
    return resources.files("dateline").joinpath(f"{_DATA}/{name}").read_text(encoding="utf-8")


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a TSV data file as dicts; lines starting with '#' are comments."""
    lines = [ln for ln in _read(name).splitlines() if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for ln in lines[1:]:
        cells = ln.split("\t")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=False)))
    return rows


@dataclass(frozen=True)
class LinePattern:
    """One boilerplate pattern; matches a whole stripped line."""

    id: str
    regex: re.Pattern[str]
    max_words: int
    no_sentence: bool = False
    strict: bool = True

    def match(self, line: str, words: int | None = None) -> re.Match[str] | None:
        if (len(line.split()) if words is None else words) > self.max_words:
            return None
        if self.no_sentence and _reads_as_sentence(line):
            return None
        return self.regex.fullmatch(line)


# A line ending in sentence punctuation with at least this many words reads as article prose.
SENTENCE_MIN_WORDS = 6


def _reads_as_sentence(line: str) -> bool:
    return line.rstrip("\"'”’)").endswith((".", "!", "?")) and (
        len(line.split()) >= SENTENCE_MIN_WORDS
    )


@dataclass(frozen=True)
class Boilerplate:
    anywhere: tuple[LinePattern, ...]
    tail: tuple[LinePattern, ...]
    bio: tuple[LinePattern, ...]
    credit: tuple[LinePattern, ...]
    header: tuple[LinePattern, ...]
    not_a_name: frozenset[str]
    not_a_dateline: frozenset[str]


def _patterns(entries: list[dict[str, Any]]) -> tuple[LinePattern, ...]:
    out = []
    for e in entries:
        flags = 0 if e.get("case") else re.IGNORECASE
        out.append(
            LinePattern(
                id=str(e["id"]),
                regex=re.compile(str(e["pattern"]), flags),
                max_words=int(e.get("max_words", 40)),
                no_sentence=bool(e.get("no_sentence", False)),
                strict=bool(e.get("strict", True)),
            )
        )
    return tuple(out)


@cache
def boilerplate() -> Boilerplate:
    data = yaml.safe_load(_read("boilerplate.yaml"))
    return Boilerplate(
        anywhere=_patterns(data["anywhere"]),
        tail=_patterns(data["tail"]),
        bio=_patterns(data["bio"]),
        credit=_patterns(data["credit"]),
        header=_patterns(data["header"]),
        not_a_name=frozenset(str(w).casefold() for w in data["not_a_name"]),
        not_a_dateline=frozenset(str(w).casefold() for w in data["not_a_dateline"]),
    )


@cache
def outlet_names() -> dict[str, str]:
    """Casefolded outlet name or alias -> the outlet's name."""
    table: dict[str, str] = {}
    for row in read_tsv("outlets.tsv"):
        for n in [row["name"], *[a for a in row.get("aliases", "").split("|") if a]]:
            table.setdefault(n.casefold(), row["name"])
    return table
