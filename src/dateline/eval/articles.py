"""Whole-article recall of hand-labelled key events: ``dateline eval articles PATH``.

The set's folder (for development, the VOA folder of the shared data) holds
``voa_stories.jsonl`` (one story a line, read as ``dateline code`` reads JSONL) and
``key_events.jsonl`` (the key events a careful reader lists, labelled by the folder's
LABELLING.md). Every story is coded once, as a whole article; each key event is then looked
for among the events of its own story.

Scoring rules (the README's accuracy section states them too):

- **strict**: a key event is found when an event of its story has the same source country,
  the same target country and the same PLOVER 2021 category. Countries are ISO3, or IGO /
  NGO / MNC for international bodies, NGOs and companies; a key event with no target is
  found by an event with no target country. Joint acts (the key event is marked symmetric,
  or the event is a meeting, negotiation, cooperation or fighting) match in either
  direction; every other act needs the labelled direction.
- **loose**: an event of its story has the same dyad (with the same rule on direction) and
  the same quad class (verbal/material cooperation/conflict) as the key event's CAMEO root.
- **date accuracy**: among the strictly found key events, the share for which one of the
  matching events carries the key event's date, compared at the key event's precision
  (day: YYYY-MM-DD, month: YYYY-MM, year: YYYY).
- **events per article**: every event dateline codes, over every story of the set.
- **misses**: every key event not strictly found, with its evidence and what dateline
  coded in the sentence(s) the evidence lies in ("no event" when nothing).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from dateline.codebook import Codebook, load_codebook, normalise_plover_event
from dateline.errors import InputError
from dateline.eval._data import STORIES, KeyEvent, _require, load_key_events
from dateline.eval.events import _system_country
from dateline.events import RECIPROCAL_CODE_PREFIXES
from dateline.ingest import read_inputs
from dateline.model import Article, Document, Event
from dateline.pipeline import Pipeline

# How many leading characters of an ISO date a precision compares.
PRECISION_PREFIX = {"day": 10, "month": 7, "year": 4}
NO_EVENT = "no event"
# The labelling guide's categories fold PLOVER 2021's concessions and retreats into one,
# YIELD (LABELLING.md: "CONCEDE -> YIELD, RETREAT -> YIELD"); the coder keeps them apart.
GUIDE_CATEGORIES = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
EVIDENCE_NOT_FOUND = "evidence not found in the coded text"


def _is_joint(key: KeyEvent, event: Event) -> bool:
    return key.symmetric or event.cameo.code.startswith(RECIPROCAL_CODE_PREFIXES)


def _dyad(event: Event) -> tuple[str | None, str | None]:
    return _system_country(event.source), _system_country(event.target)


def same_dyad(key: KeyEvent, event: Event, *, either_direction: bool) -> bool:
    """The event links the key event's source and target countries (a key event without a
    target: an event without a target country)."""
    source, target = _dyad(event)
    if source == key.source and target == key.target:
        return True
    return (
        either_direction
        and key.target is not None
        and (source, target)
        == (
            key.target,
            key.source,
        )
    )


def strict_match(key: KeyEvent, event: Event) -> bool:
    """Same source and target countries (either direction for joint acts), same PLOVER
    2021 category."""
    return guide_category(event) == key.plover and same_dyad(
        key, event, either_direction=_is_joint(key, event)
    )


def guide_category(event: Event) -> str:
    """The event's PLOVER category in the labelling guide's scheme."""
    name = normalise_plover_event(event.plover.event)
    return GUIDE_CATEGORIES.get(name, name)


def loose_match(key: KeyEvent, event: Event, codebook: Codebook) -> bool:
    """Same dyad (either direction for joint acts), same quad class."""
    return event.cameo.quad_class == codebook.quad_class(key.cameo_root) and same_dyad(
        key, event, either_direction=_is_joint(key, event)
    )


def date_matches(key: KeyEvent, event: Event) -> bool:
    """The event's date equals the key event's at the key event's precision."""
    width = PRECISION_PREFIX.get(key.date_precision, 10)
    return bool(event.date) and str(event.date)[:width] == key.date[:width]


def evidence_span(body: str, evidence: str) -> tuple[int, int] | None:
    """Where the evidence lies in the body (whitespace and case may differ)."""
    words = evidence.split()
    if not words:
        return None
    found = re.search(r"\s+".join(map(re.escape, words)), body, re.IGNORECASE)
    return found.span() if found else None


def describe(event: Event) -> str:
    """One event in one line: dyad, codes, trigger, date."""
    source = event.source.code or _system_country(event.source) or "?"
    target = (event.target.code or _system_country(event.target) or "?") if event.target else "-"
    flags = "".join(
        f" [{name}]"
        for name, on in (("negated", event.negated), ("hypothetical", event.hypothetical))
        if on
    )
    return (
        f"{source} -> {target} {event.cameo.code} {event.plover.event} "
        f"{event.trigger.text!r} {event.date or 'no date'}/{event.date_precision}{flags}"
    )


def coded_at_evidence(key: KeyEvent, doc: Document | None) -> str | list[str]:
    """What dateline coded in the sentence(s) holding the key event's evidence."""
    if doc is None:
        return "story not coded"
    span = evidence_span(doc.article.body, key.evidence)
    if span is None:
        return EVIDENCE_NOT_FOUND
    start, end = span
    coded = [describe(e) for e in doc.events if e.sentence.start < end and start < e.sentence.end]
    return coded or NO_EVENT


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def score(
    keys: Iterable[KeyEvent],
    documents: Mapping[str, Document],
    codebook: Codebook | None = None,
) -> dict[str, Any]:
    """Recall of ``keys`` among the events of their stories (``documents`` by article id)."""
    book = codebook or load_codebook()
    keys = list(keys)
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[dict[str, Any]] = []
    wrong_dates: list[dict[str, Any]] = []
    for key in keys:
        doc = documents.get(key.article_id)
        events = doc.events if doc is not None else []
        strict = [e for e in events if strict_match(key, e)]
        loose = any(loose_match(key, e, book) for e in events)
        dated = any(date_matches(key, e) for e in strict)
        for group in ("all", f"plover:{key.plover}", f"precision:{key.date_precision}"):
            counts = tally[group]
            counts["gold"] += 1
            counts["strict"] += bool(strict)
            counts["loose"] += loose
            counts["dated"] += dated
        if strict and not dated:
            wrong_dates.append(
                {
                    **_key_summary(key),
                    "coded_dates": sorted({f"{e.date}/{e.date_precision}" for e in strict}),
                    "date_texts": sorted({e.date_text or "" for e in strict}),
                }
            )
        if not strict:
            misses.append(
                {**_key_summary(key), "loose_found": loose, "coded": coded_at_evidence(key, doc)}
            )
    total = sum(len(d.events) for d in documents.values())
    every = tally["all"]
    return {
        "stories": len(documents),
        "stories_with_key_events": len({k.article_id for k in keys}),
        "key_events": len(keys),
        "strict_recall": _ratio(every["strict"], every["gold"]),
        "loose_recall": _ratio(every["loose"], every["gold"]),
        "date_accuracy": _ratio(every["dated"], every["strict"]),
        "found_strict": every["strict"],
        "found_loose": every["loose"],
        "dates_right": every["dated"],
        "events": total,
        "events_per_article": _ratio(total, len(documents)),
        "by_category": _groups(tally, "plover:"),
        "dates_by_precision": {
            name: {"found": c["strict"], "dates_right": c["dated"]}
            for name, c in sorted(_strip(tally, "precision:").items())
        },
        "wrong_dates": wrong_dates,
        "misses": misses,
    }


def _strip(tally: Mapping[str, Counter[str]], prefix: str) -> dict[str, Counter[str]]:
    return {k.removeprefix(prefix): v for k, v in tally.items() if k.startswith(prefix)}


def _groups(tally: Mapping[str, Counter[str]], prefix: str) -> dict[str, dict[str, Any]]:
    return {
        name: {
            "gold": c["gold"],
            "strict_recall": _ratio(c["strict"], c["gold"]),
            "loose_recall": _ratio(c["loose"], c["gold"]),
            "date_accuracy": _ratio(c["dated"], c["strict"]),
        }
        for name, c in sorted(_strip(tally, prefix).items())
    }


def _key_summary(key: KeyEvent) -> dict[str, Any]:
    return {
        "article_id": key.article_id,
        "plover": key.plover,
        "cameo_root": key.cameo_root,
        "source": f"{key.source_text} ({key.source})",
        "target": f"{key.target_text} ({key.target})" if key.target else None,
        "date": f"{key.date}/{key.date_precision}",
        "evidence": key.evidence,
    }


def load_stories(path: Path) -> list[Article]:
    """The stories of the set, read as ``dateline code`` reads a JSONL file."""
    stories = []
    for item in read_inputs([str(_require(path / STORIES))]):
        if isinstance(item, InputError):
            raise item
        stories.append(item)
    return stories


def run(path: Path, pipeline: Pipeline | None = None) -> dict[str, Any]:
    """Code every story of the set at ``path`` once and score its key events."""
    path = Path(path)
    keys = load_key_events(path)
    stories = load_stories(path)
    pipe = pipeline or Pipeline()
    documents = {doc.article.input_id or doc.article.id: doc for doc in pipe.code_many(stories)}
    return {"dataset": str(path), **score(keys, documents, pipe.codebook)}
