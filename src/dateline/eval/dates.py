"""Date resolution against TempEval-3's TimeML gold (TimeBank + AQUAINT).

Every gold TIMEX3 of type DATE in a document's text is resolved with dateline's own
:func:`~dateline.events.resolve_date`, the document creation time (DCT) as the base,
and scored at the gold value's own granularity. Gold values dateline's day/month/year dates
cannot represent (weeks, quarters, seasons, decades, PAST_REF, "XXXX") are counted apart, by
kind, with how many of them dateline resolves to a date anyway.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from dateline.eval._data import GoldTimex, TimeDocument, load_timeml
from dateline.events import ResolvedDate, parse_iso_date, resolve_date
from dateline.model import Article
from dateline.pipeline import Pipeline

GRANULARITY = ("year", "month", "day")  # coarse to fine
EXAMPLES_PER_CATEGORY = 8
# Documents run through the whole pipeline for the end-to-end figure (every one by default;
# the CLI and tests may pass fewer).
END_TO_END_DOCUMENTS = 300


def value_kind(value: str) -> str:
    """The granularity of a TIMEX3 value dateline can represent (day, month, year), else
    the kind of value it cannot ("week", "quarter", "reference", ...)."""
    v = value.strip().upper()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", v):
        return "day"  # "1998-01-08TNI" (tonight) is a day to a day-precise date
    if re.fullmatch(r"\d{4}-\d{2}", v):
        return "month"
    if re.fullmatch(r"\d{4}", v):
        return "year"
    if v.endswith("_REF"):
        return "reference"
    if re.fullmatch(r"[\dX]{4}-W.*", v):
        return "week"
    if re.fullmatch(r"[\dX]{4}-Q.*", v):
        return "quarter"
    if re.fullmatch(r"[\dX]{4}-H.*", v):
        return "half_year"
    if re.fullmatch(r"[\dX]{4}-(SU|FA|WI|SP)", v):
        return "season"
    if v.startswith("P"):
        return "duration"
    if "X" in v:
        return "unspecified"
    if re.fullmatch(r"\d{3}X?", v):
        return "decade"
    if re.fullmatch(r"\d{2}X*", v):
        return "century"
    return "other"


def _truncate(value: str, granularity: str) -> str:
    return value[: {"year": 4, "month": 7, "day": 10}[granularity]]


def score_timex(gold: GoldTimex, resolved: ResolvedDate | None) -> str:
    """The outcome of one representable gold date: correct, unresolved, too_coarse (right
    as far as it goes, but less precise than the gold), wrong_year, wrong_month, wrong_day."""
    kind = value_kind(gold.value)
    if resolved is None:
        return "unresolved"
    want = _truncate(gold.value, kind)
    if GRANULARITY.index(resolved.precision) < GRANULARITY.index(kind):
        have = _truncate(resolved.date, resolved.precision)
        return "too_coarse" if want.startswith(have) else _which_wrong(want, resolved.date)
    got = _truncate(resolved.date, kind)
    return "correct" if got == want else _which_wrong(want, got)


def _which_wrong(want: str, got: str) -> str:
    if want[:4] != got[:4]:
        return "wrong_year"
    if want[5:7] != got[5:7]:
        return "wrong_month"
    return "wrong_day"


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def run(
    path: Path, pipeline: Pipeline | None = None, documents: int = END_TO_END_DOCUMENTS
) -> dict[str, Any]:
    """Resolution scores over every gold DATE, and (on ``documents`` documents, 0 for none)
    the share of pipeline events whose date equals the gold date of their sentence."""
    docs = load_timeml(path)
    outcomes: Counter[str] = Counter()
    by_granularity: dict[str, Counter[str]] = defaultdict(Counter)
    unrepresentable: Counter[str] = Counter()
    resolved_anyway: Counter[str] = Counter()
    examples: dict[str, list[dict[str, str]]] = defaultdict(list)
    for doc in docs:
        base = parse_iso_date(doc.dct)
        for gold in doc.timexes:
            if gold.type != "DATE":
                continue
            kind = value_kind(gold.value)
            resolved = resolve_date(gold.text, base)
            if kind not in GRANULARITY:
                unrepresentable[kind] += 1
                if resolved is not None:
                    resolved_anyway[kind] += 1
                    _example(examples, f"resolved_{kind}", doc, gold, resolved)
                continue
            outcome = score_timex(gold, resolved)
            outcomes[outcome] += 1
            by_granularity[kind][outcome] += 1
            if outcome != "correct":
                _example(examples, outcome, doc, gold, resolved)
    total = sum(outcomes.values())
    resolved_n = total - outcomes["unresolved"]
    result: dict[str, Any] = {
        "dataset": str(path),
        "documents": len(docs),
        "gold_dates": total + sum(unrepresentable.values()),
        "representable": total,
        "coverage": _ratio(resolved_n, total),
        "accuracy": _ratio(outcomes["correct"], total),
        "precision": _ratio(outcomes["correct"], resolved_n),
        "outcomes": dict(sorted(outcomes.items())),
        "by_granularity": {
            k: {
                "gold": sum(c.values()),
                "accuracy": _ratio(c["correct"], sum(c.values())),
                "coverage": _ratio(sum(c.values()) - c["unresolved"], sum(c.values())),
            }
            for k, c in sorted(by_granularity.items())
        },
        "unrepresentable": dict(unrepresentable.most_common()),
        "unrepresentable_resolved_anyway": dict(resolved_anyway.most_common()),
        "match": "resolved date equals the gold value at the gold's granularity, "
        "at least as precise; DCT as the base",
        "errors": dict(sorted(examples.items())),
    }
    if documents:
        result["end_to_end"] = end_to_end(docs[:documents], pipeline or Pipeline())
    return result


def _example(
    examples: dict[str, list[dict[str, str]]],
    category: str,
    doc: TimeDocument,
    gold: GoldTimex,
    resolved: ResolvedDate | None,
) -> None:
    if len(examples[category]) < EXAMPLES_PER_CATEGORY:
        examples[category].append(
            {
                "doc": doc.id,
                "dct": doc.dct,
                "text": gold.text,
                "gold": gold.value,
                "got": f"{resolved.date} ({resolved.precision})" if resolved else "",
            }
        )


def end_to_end(docs: list[TimeDocument], pipeline: Pipeline) -> dict[str, Any]:
    """Events whose sentence holds exactly one gold DATE of a representable value: the share
    whose date equals it (at the gold's granularity), and what the others took instead."""
    checked = correct = 0
    sources: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    examples: list[dict[str, str]] = []
    events_total = 0
    for doc in docs:
        article = Article(body=doc.text, origin=doc.id, language="en", published=doc.dct or None)
        coded = pipeline.code(article)
        events_total += len(coded.events)
        for event in coded.events:
            s, e = event.sentence.start, event.sentence.end
            inside = [t for t in doc.timexes if t.type == "DATE" and s <= t.start < e]
            if len(inside) != 1 or value_kind(inside[0].value) not in GRANULARITY:
                continue
            gold = inside[0]
            checked += 1
            source = event.date_source or "none"
            sources[source] += 1
            resolved = (
                ResolvedDate(event.date, event.date_precision, event.date_text or "")
                if event.date and event.date_precision in GRANULARITY
                else None
            )
            outcome = score_timex(gold, resolved)
            if outcome == "correct":
                correct += 1
                continue
            wrong[f"{source}:{outcome}"] += 1
            if len(examples) < EXAMPLES_PER_CATEGORY * 2:
                examples.append(
                    {
                        "doc": doc.id,
                        "sentence": event.sentence.text[:200],
                        "gold": f"{gold.text} = {gold.value}",
                        "got": f"{event.date} ({event.date_precision}, {source})",
                    }
                )
    return {
        "documents": len(docs),
        "events": events_total,
        "checked": checked,
        "accuracy": _ratio(correct, checked),
        "date_source": dict(sources.most_common()),
        "wrong": dict(wrong.most_common()),
        "match": "event date equals the value of the one gold DATE in its sentence",
        "examples": examples,
    }
