"""Turning ``Document`` records into rows of the store's tables (and coded JSON back into
``Document`` records, so that documents coded elsewhere can be loaded)."""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from dateline.errors import TRUNCATED_GZIP, InputError
from dateline.model import (
    FIRST_STORABLE_DATE,
    LAST_STORABLE_DATE,
    SCHEMA_VERSION,
    Actor,
    Article,
    Cameo,
    Dateline,
    Document,
    Entity,
    Event,
    Location,
    Plover,
    Quantity,
    SentenceRef,
    Span,
)
from dateline.store.columns import mention_row
from dateline.store.dedup import actor_key, block_key

_ISO_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_date(text: str | None) -> date | None:
    """The first day of the period an ISO date (``2018``, ``2018-11``, ``2018-11-09...``) names;
    None for a date a table cannot hold (outside ``FIRST_STORABLE_DATE..LAST_STORABLE_DATE``:
    coded documents from elsewhere are not checked for plausible dates)."""
    if not text:
        return None
    match = _ISO_DATE.match(text)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        parsed = date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return parsed if FIRST_STORABLE_DATE <= parsed <= LAST_STORABLE_DATE else None


def source_key(article: Article) -> str:
    """Who published the article, for counting distinct sources of an event.

    The outlet name when known, else the URL's host, else the article itself (an unknown
    source is counted once per article rather than all unknown sources as one).
    """
    if article.outlet and article.outlet.strip():
        return "outlet:" + " ".join(article.outlet.casefold().split())
    if article.url:
        host = urlsplit(article.url).hostname or ""
        host = host.removeprefix("www.")
        if host:
            return "host:" + host
    return "article:" + article.id


def mention_id(article: Article, event: Event) -> str:
    return f"{article.id}:{event.id}"


def document_rows(doc: Document) -> dict[str, list[dict[str, Any]]]:
    """The rows one document adds, per table."""
    art = doc.article
    dl = art.dateline
    article_row = {
        "article_id": art.id,
        "title": art.title,
        "outlet": art.outlet,
        "author": art.author,
        "url": art.url,
        "published": art.published,
        "published_date": parse_date(art.published),
        "published_source": art.published_source,
        "dateline_place": dl.place if dl else None,
        "dateline_country": dl.country if dl else None,
        "dateline_outlet": dl.outlet if dl else None,
        "dateline_date_text": dl.date_text if dl else None,
        "language": art.language,
        "input_id": art.input_id,
        "origin": art.origin,
        "source_key": source_key(art),
        "body": art.body,
        "topics": list(doc.topics),
        "warnings": [*art.warnings, *doc.warnings],
        "n_events": len(doc.events),
        "schema_version": SCHEMA_VERSION,
    }
    sentences: dict[int, dict[str, Any]] = {}
    mentions: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    seen_ids: set[str] = set()
    for ev in doc.events:
        sent = ev.sentence
        sentences.setdefault(
            sent.index,
            {
                "article_id": art.id,
                "sentence_index": sent.index,
                "start": sent.start,
                "end": sent.end,
                "text": sent.text,
            },
        )
        mid = mention_id(art, ev)
        # A pipeline should never repeat an event id within a document; if it does, keep
        # both mentions rather than fail the batch.
        n = 1
        base = mid
        while mid in seen_ids:
            n += 1
            mid = f"{base}#{n}"
        seen_ids.add(mid)
        src = actor_key(ev.source.code, ev.source.country, ev.source.sector, ev.source.text)
        tgt_actor = ev.target
        tgt = (
            actor_key(tgt_actor.code, tgt_actor.country, tgt_actor.sector, tgt_actor.text)
            if tgt_actor
            else actor_key(None, None, None, None)
        )
        row = mention_row(
            ev,
            mention_id=mid,
            article_id=art.id,
            date=parse_date(ev.date),
            dyad_source=src,
            dyad_target=tgt,
            block=block_key(src, tgt),
            event_id=None,  # set by the deduplication
        )
        mentions.append(row)
        for qi in sorted(set(ev.quantities)):
            links.append({"mention_id": mid, "article_id": art.id, "quantity_index": qi})
    entities = [
        {
            "article_id": art.id,
            "entity_index": i,
            "text": e.text,
            "start": e.start,
            "end": e.end,
            "label": e.label,
            "code": e.code,
            "country": e.country,
            "sector": e.sector,
            "name": e.name,
            "sentence_index": e.sentence_index,
        }
        for i, e in enumerate(doc.entities)
    ]
    quantities = [
        {
            "article_id": art.id,
            "quantity_index": i,
            "text": q.text,
            "value": q.value,
            "unit": q.unit,
            "object": q.object,
            "sentence_index": q.sentence_index,
            "start": q.start,
            "end": q.end,
        }
        for i, q in enumerate(doc.quantities)
    ]
    return {
        "articles": [article_row],
        "sentences": [sentences[i] for i in sorted(sentences)],
        "event_mentions": mentions,
        "entities": entities,
        "quantities": quantities,
        "event_quantities": links,
    }


# --- coded JSON -> Document -------------------------------------------------------------


def _build(cls: type, data: dict[str, Any] | None) -> Any:
    if data is None:
        return None
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def document_from_dict(data: dict[str, Any]) -> Document:
    """Rebuild a ``Document`` from ``Document.to_dict()`` output (e.g. ``dateline code``).

    Unknown keys are ignored so that documents written by a newer minor schema still load.
    """
    art_data = dict(data["article"])
    art_data["dateline"] = _build(Dateline, art_data.get("dateline"))
    article = _build(Article, art_data)
    events = []
    for ev in data.get("events", []):
        ev = dict(ev)
        ev["sentence"] = _build(SentenceRef, ev["sentence"])
        ev["source"] = _build(Actor, ev["source"])
        ev["target"] = _build(Actor, ev.get("target"))
        ev["cameo"] = _build(Cameo, ev["cameo"])
        ev["plover"] = _build(Plover, ev["plover"])
        ev["location"] = _build(Location, ev.get("location"))
        ev["trigger"] = _build(Span, ev["trigger"])
        events.append(_build(Event, ev))
    return Document(
        article=article,
        events=events,
        entities=[_build(Entity, e) for e in data.get("entities", [])],
        quantities=[_build(Quantity, q) for q in data.get("quantities", [])],
        topics=list(data.get("topics", [])),
        warnings=list(data.get("warnings", [])),
    )


def read_coded(paths: Sequence[str]) -> Iterator[Document | InputError]:
    """Read coded documents (``dateline code`` JSONL: one ``Document`` per line; ``-`` is
    stdin; ``.gz`` is decompressed), yielding an ``InputError`` for each bad line."""
    for raw in paths:
        if raw == "-":
            yield from _coded_lines(sys.stdin.buffer, "<stdin>")
            continue
        path = Path(raw)
        if not path.is_file():
            yield InputError(raw, "no such file (give a JSONL file written by `dateline code`)")
            continue
        opener = gzip.open if path.suffix == ".gz" else open
        try:
            with opener(path, "rb") as stream:
                yield from _coded_lines(stream, raw)
        except (OSError, EOFError) as exc:  # a truncated or corrupt .gz: the lines before count
            yield InputError(raw, TRUNCATED_GZIP.format(detail=exc))


def _coded_lines(stream: Iterable[bytes], origin: str) -> Iterator[Document | InputError]:
    # Bytes, decoded line by line: a line that is not UTF-8 is that line's error (as
    # UnicodeDecodeError, a ValueError), not the end of the run.
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            data = json.loads(line)
            yield document_from_dict(data)
        except (ValueError, KeyError, TypeError) as exc:
            yield InputError(where, f"not a coded dateline document ({type(exc).__name__}: {exc})")
