"""The records of dateline's output contract.

Every stage fills in part of these records; ``Document.to_dict()`` gives the JSON
document that the CLI writes and that ``data/schema/document.schema.json`` describes.
Field names are part of the public contract: add fields freely, never rename them.

All character offsets (``start``/``end``) index into ``Article.body``.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_VERSION = "1.0"

# The dates every table dateline writes can hold: pandas' datetime64[ns] spans 1677-09-21 to
# 2262-04-11, and dates are kept to whole years inside it. Outside, a date is no date.
FIRST_STORABLE_DATE = date(1678, 1, 1)
LAST_STORABLE_DATE = date(2261, 12, 31)


def normalise_for_id(text: str) -> str:
    """Normalise body text so that trivial differences do not change an article's id."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[\u2018\u2019\u201c\u201d\"'`]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def article_id(body: str) -> str:
    """Stable content id: the same text arriving twice (two URLs, two files) has one id."""
    digest = hashlib.sha256(normalise_for_id(body).encode("utf-8")).hexdigest()
    return digest[:20]


@dataclass
class Dateline:
    place: str
    country: str | None = None
    outlet: str | None = None
    date_text: str | None = None


@dataclass
class Article:
    """A cleaned article. ``body`` is the text that every offset indexes into."""

    body: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date
    published_source: str | None = None  # record | html | dateline | option | none
    dateline: Dateline | None = None
    language: str | None = None
    input_id: str | None = None
    origin: str | None = None  # file path (and record number) it came from
    id: str = ""
    # What reading it noticed but did not refuse (an implausible date ignored...).
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.body)


@dataclass
class Span:
    text: str
    start: int
    end: int


@dataclass
class SentenceRef:
    index: int
    text: str
    start: int
    end: int


@dataclass
class Actor:
    text: str
    start: int
    end: int
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    role: str | None = None
    kind: str | None = None  # person | organisation | country | group
    rule: str | None = None  # knowledge-base entry or rule id that resolved it


@dataclass
class Cameo:
    code: str
    root: str
    quad_class: int
    goldstein: float
    name: str | None = None


@dataclass
class Plover:
    event: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)


@dataclass
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    source: str | None = None  # sentence | dateline | article


@dataclass
class Event:
    id: str
    sentence: SentenceRef
    date: str | None
    date_precision: str  # day | month | year | none
    source: Actor
    target: Actor | None
    cameo: Cameo
    plover: Plover
    location: Location | None
    negated: bool
    hypothetical: bool
    trigger: Span
    confidence: float
    rule: str
    date_source: str | None = None  # sentence | frame | published | dateline | none
    date_text: str | None = None
    quantities: list[int] = field(default_factory=list)  # indexes into Document.quantities


@dataclass
class Entity:
    text: str
    start: int
    end: int
    label: str  # spaCy label: PERSON, ORG, GPE, LOC, NORP, FAC
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    sentence_index: int | None = None


@dataclass
class Quantity:
    text: str
    value: float | None
    unit: str | None
    object: str | None
    sentence_index: int
    start: int = 0
    end: int = 0


@dataclass
class Document:
    article: Article
    events: list[Event] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = _plain(self)
        data["schema_version"] = SCHEMA_VERSION
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


# The warning of a Document whose coding raised (an engine isolates the failure and returns
# the article uncoded, in its place): the store's ingest logs it as a failed input and does
# not store the article, so that a later run tries it again.
CODING_FAILED = "dateline: coding failed: "


def coding_failure(document: Document) -> str | None:
    """Why coding ``document``'s article raised (see ``dateline.engines``), or None."""
    for warning in document.warnings:
        if warning.startswith(CODING_FAILED):
            return warning.removeprefix(CODING_FAILED)
    return None


# Values ``dataclasses.asdict`` returns as they are (its deep copy of them is themselves).
_ATOMIC = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """``dataclasses.asdict(value)``, the same result, without its generic work per value
    (a field lookup and a deep copy each): it was most of the cost of writing JSON."""
    kind = type(value)
    if kind in _ATOMIC:
        return value
    if kind is list:
        return [_plain(v) for v in value]
    names = _FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    # The rest as asdict treats it.
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return kind(*[_plain(v) for v in value])
    if isinstance(value, list | tuple):
        return kind(_plain(v) for v in value)
    if isinstance(value, dict):
        return kind((_plain(k), _plain(v)) for k, v in value.items())
    return copy.deepcopy(value)


@cache
def output_schema() -> dict[str, Any]:
    """The JSON Schema of one output document (``Document.to_dict()``)."""
    text = resources.files("dateline").joinpath("data/schema/document.schema.json").read_text()
    schema: dict[str, Any] = json.loads(text)
    return schema


@dataclass(frozen=True)
class RowColumn:
    """One column of the flat event row (``dateline code`` CSV and Parquet): its name, how
    its value comes from an event of a document, and its kind (the Parquet type: string,
    date, list, int8, int32, float32, float64 or bool; CSV writes a list as JSON)."""

    name: str
    value: Callable[[Article, Event], Any]
    kind: str = "string"


def _actor_field(side: str, name: str) -> Callable[[Article, Event], Any]:
    def value(_: Article, ev: Event) -> Any:
        actor = ev.source if side == "source" else ev.target
        return getattr(actor, name) if actor is not None else None

    return value


def _location_field(name: str) -> Callable[[Article, Event], Any]:
    return lambda _, ev: getattr(ev.location, name) if ev.location else None


# The flat event row, in column order. ``plover_context`` stays a list (each writer encodes
# it); ``counted`` is false for a negated or hypothetical event, which an event store keeps
# as a mention but never counts as an event.
EVENT_ROW: tuple[RowColumn, ...] = (
    RowColumn("article_id", lambda art, _: art.id),
    RowColumn("event_id", lambda _, ev: ev.id),
    RowColumn("date", lambda _, ev: ev.date, "date"),
    RowColumn("date_precision", lambda _, ev: ev.date_precision),
    *(
        RowColumn(f"{side}_{name}", _actor_field(side, name))
        for side in ("source", "target")
        for name in ("text", "code", "country", "sector", "name", "role")
    ),
    RowColumn("cameo_code", lambda _, ev: ev.cameo.code),
    RowColumn("cameo_root", lambda _, ev: ev.cameo.root),
    RowColumn("quad_class", lambda _, ev: ev.cameo.quad_class, "int8"),
    RowColumn("goldstein", lambda _, ev: ev.cameo.goldstein, "float32"),
    RowColumn("plover_event", lambda _, ev: ev.plover.event),
    RowColumn("plover_mode", lambda _, ev: ev.plover.mode),
    RowColumn("plover_context", lambda _, ev: list(ev.plover.context), "list"),
    RowColumn("location_name", _location_field("name")),
    RowColumn("location_country", _location_field("country")),
    RowColumn("lat", _location_field("lat"), "float64"),
    RowColumn("lon", _location_field("lon"), "float64"),
    RowColumn("negated", lambda _, ev: ev.negated, "bool"),
    RowColumn("hypothetical", lambda _, ev: ev.hypothetical, "bool"),
    RowColumn("counted", lambda _, ev: not (ev.negated or ev.hypothetical), "bool"),
    RowColumn("trigger", lambda _, ev: ev.trigger.text),
    RowColumn("confidence", lambda _, ev: ev.confidence, "float32"),
    RowColumn("rule", lambda _, ev: ev.rule),
    RowColumn("sentence", lambda _, ev: ev.sentence.text),
    RowColumn("sentence_start", lambda _, ev: ev.sentence.start, "int32"),
    RowColumn("sentence_end", lambda _, ev: ev.sentence.end, "int32"),
    RowColumn("url", lambda art, _: art.url),
    RowColumn("title", lambda art, _: art.title),
    RowColumn("outlet", lambda art, _: art.outlet),
    RowColumn("published", lambda art, _: art.published),
)
EVENT_ROW_COLUMNS = [c.name for c in EVENT_ROW]


def event_rows(doc: Document) -> list[dict[str, Any]]:
    """One flat row per event (``EVENT_ROW``), for CSV and Parquet output."""
    art = doc.article
    return [{c.name: c.value(art, ev) for c in EVENT_ROW} for ev in doc.events]
