"""The event row, defined once: the columns of ``event_mentions`` and ``events``.

Each column has its DuckDB type and constraint; a mention column says how its value comes
from an ``Event`` (``value``) or that the writer fills it from context (``value=None``:
ids, dedup keys); an event column says which SQL expression of the deduplication's
``INSERT`` fills it (``expr``; by default the representative mention's own column ``m.``).
From this spec come the ``CREATE TABLE`` statements of the schema, the mention rows
``rows.document_rows`` writes and the columns of the deduplicated events ``write`` inserts.

A new column is a new entry here and a new migration that adds it (``schema.MIGRATIONS``):
the DDL of a migration that has run must never change, so a migration adding a column
spells out its ``ALTER TABLE`` rather than regenerating a table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dateline.model import Actor, Event


@dataclass(frozen=True)
class Column:
    name: str
    duck: str  # DuckDB type
    not_null: bool = False
    primary_key: bool = False
    # How a mention row's value comes from its event; None: filled by the writer.
    value: Callable[[Event], Any] | None = None
    # The SQL of an events row's value in the deduplication's INSERT; None: m.<name>.
    expr: str | None = None

    def ddl(self) -> str:
        constraint = " PRIMARY KEY" if self.primary_key else " NOT NULL" if self.not_null else ""
        return f'"{self.name}" {self.duck}{constraint}'

    def select(self) -> str:
        """This events column in the deduplication's SELECT."""
        if self.expr is None:
            return f"m.{self.name}"
        return self.expr if self.expr.endswith("." + self.name) else f"{self.expr} AS {self.name}"


def create_table(name: str, columns: tuple[Column, ...]) -> str:
    body = ",\n".join(f"    {c.ddl()}" for c in columns)
    return f"CREATE TABLE {name} (\n{body}\n)"


# Fields of an actor kept per mention, and the subset kept per deduplicated event.
ACTOR_FIELDS = ("text", "start", "end", "code", "country", "sector", "name", "role", "kind", "rule")
EVENT_ACTOR_FIELDS = ("text", "code", "country", "sector", "name")
# The order queries list an event's actor fields in (the columns of dateline's own CSV,
# Parquet and JSONL exports, a public order the table's own does not change).
EVENT_ACTOR_QUERY_ORDER = ("code", "country", "sector", "name", "text")


def _actor_value(side: str, name: str) -> Callable[[Event], Any]:
    def value(ev: Event) -> Any:
        actor: Actor | None = ev.source if side == "source" else ev.target
        return getattr(actor, name) if actor is not None else None

    return value


def _actor_columns(side: str, names: tuple[str, ...]) -> tuple[Column, ...]:
    return tuple(
        Column(
            f"{side}_{n}",
            "INTEGER" if n in ("start", "end") else "VARCHAR",
            value=_actor_value(side, n),
        )
        for n in names
    )


def _location(name: str) -> Callable[[Event], Any]:
    return lambda ev: getattr(ev.location, name) if ev.location else None


MENTION_COLUMNS: tuple[Column, ...] = (
    Column("mention_id", "VARCHAR", primary_key=True),
    Column("article_id", "VARCHAR", not_null=True),
    Column("doc_event_id", "VARCHAR", not_null=True, value=lambda ev: ev.id),
    Column("sentence_index", "INTEGER", not_null=True, value=lambda ev: ev.sentence.index),
    Column("date", "DATE"),  # the first day of ev.date's period: parsed by the writer
    Column(
        "date_text",
        "VARCHAR",
        value=lambda ev: ev.date_text if ev.date_text is not None else ev.date,
    ),
    Column("date_precision", "VARCHAR", value=lambda ev: ev.date_precision),
    Column("date_source", "VARCHAR", value=lambda ev: ev.date_source),
    *_actor_columns("source", ACTOR_FIELDS),
    *_actor_columns("target", ACTOR_FIELDS),
    Column("cameo_code", "VARCHAR", not_null=True, value=lambda ev: ev.cameo.code),
    Column("cameo_root", "VARCHAR", not_null=True, value=lambda ev: ev.cameo.root),
    Column("cameo_name", "VARCHAR", value=lambda ev: ev.cameo.name),
    Column("quad_class", "INTEGER", value=lambda ev: ev.cameo.quad_class),
    Column("goldstein", "DOUBLE", value=lambda ev: ev.cameo.goldstein),
    Column("plover_event", "VARCHAR", value=lambda ev: ev.plover.event),
    Column("plover_mode", "VARCHAR", value=lambda ev: ev.plover.mode),
    Column("plover_context", "VARCHAR[]", value=lambda ev: list(ev.plover.context)),
    Column("location_name", "VARCHAR", value=_location("name")),
    Column("location_country", "VARCHAR", value=_location("country")),
    Column("lat", "DOUBLE", value=_location("lat")),
    Column("lon", "DOUBLE", value=_location("lon")),
    Column("location_source", "VARCHAR", value=_location("source")),
    Column("negated", "BOOLEAN", not_null=True, value=lambda ev: bool(ev.negated)),
    Column("hypothetical", "BOOLEAN", not_null=True, value=lambda ev: bool(ev.hypothetical)),
    Column("trigger", "VARCHAR", value=lambda ev: ev.trigger.text),
    Column("trigger_start", "INTEGER", value=lambda ev: ev.trigger.start),
    Column("trigger_end", "INTEGER", value=lambda ev: ev.trigger.end),
    Column("confidence", "DOUBLE", value=lambda ev: ev.confidence),
    Column("rule", "VARCHAR", value=lambda ev: ev.rule),
    Column("dyad_source", "VARCHAR", not_null=True),
    Column("dyad_target", "VARCHAR", not_null=True),
    Column("block", "VARCHAR", not_null=True),
    Column("event_id", "VARCHAR"),
)

_BY_NAME = {c.name: c for c in MENTION_COLUMNS}


# What an event is, where and how sure: copied from the representative mention, and listed
# in this order by every query of events (``queries.EVENT_COLUMNS``).
EVENT_CODING_FIELDS = (
    "cameo_code",
    "cameo_root",
    "cameo_name",
    "quad_class",
    "goldstein",
    "plover_event",
    "plover_mode",
    "plover_context",
    "location_name",
    "location_country",
    "lat",
    "lon",
    "confidence",
    "trigger",
)


def _from_mention(*names: str) -> tuple[Column, ...]:
    """Events columns copied from the representative mention (same name and type)."""
    return tuple(Column(n, _BY_NAME[n].duck, not_null=_BY_NAME[n].not_null) for n in names)


# ``c``: the cluster (deduplicated event), ``m``: its representative mention, ``s`` its
# sentence, ``a`` its article (see ``write.Writer._recluster``).
EVENT_TABLE_COLUMNS: tuple[Column, ...] = (
    Column("event_id", "VARCHAR", primary_key=True, expr="c.event_id"),
    Column("block", "VARCHAR", not_null=True, expr="c.block"),
    Column("representative_mention_id", "VARCHAR", not_null=True, expr="c.rep"),
    Column("anchor_mention_id", "VARCHAR", not_null=True, expr="c.anchor"),
    Column("article_id", "VARCHAR", not_null=True),
    Column("date", "DATE", expr="c.anchor_date"),
    Column("date_precision", "VARCHAR", expr="c.anchor_precision"),
    *_from_mention(*(f"source_{n}" for n in EVENT_ACTOR_FIELDS)),
    *_from_mention(*(f"target_{n}" for n in EVENT_ACTOR_FIELDS)),
    *_from_mention(*EVENT_CODING_FIELDS),
    Column("sentence", "VARCHAR", expr="s.text"),
    Column("url", "VARCHAR", expr="a.url"),
    Column("num_mentions", "INTEGER", not_null=True, expr="c.num_mentions"),
    Column("num_articles", "INTEGER", not_null=True, expr="c.num_articles"),
    Column("num_sources", "INTEGER", not_null=True, expr="c.num_sources"),
)


def mention_row(ev: Event, **context: Any) -> dict[str, Any]:
    """A mention row, in column order: the values that come from the event, and the others
    from ``context`` (a column the writer fills that is missing there is a KeyError)."""
    return {c.name: c.value(ev) if c.value else context[c.name] for c in MENTION_COLUMNS}


def events_select() -> str:
    """The SELECT list of the deduplication's ``INSERT INTO events BY NAME``."""
    return ", ".join(c.select() for c in EVENT_TABLE_COLUMNS)
