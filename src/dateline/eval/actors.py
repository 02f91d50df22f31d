"""Actor-coding accuracy on the PLOVER gold-standard records, or on a user's own gold file
(``dateline eval actors PATH``; layouts in ``dateline.eval._data.read_gold``: a TSV line is
a phrase and its CAMEO actor code).

For every gold source and target actor (its text, CAMEO country or IGO/NGO code, sector)
two settings are measured, each as country accuracy and country+sector accuracy:

* ``span_given``: the gold actor's position is known. The sentence is resolved and the
  mention (or coordinated member) covering the gold span is taken; when no mention covers
  it, ``code_phrase`` codes the gold text alone.
* ``phrase_only``: ``code_phrase`` on the gold text alone, without the sentence (a
  lower bound: "Hungarian" in "Hungarian officials" cannot know it means the government).
* ``system``: the actor must be found: the mention resolved from the sentence that overlaps
  the gold span most; no overlapping mention counts as wrong.

Normalisation of the gold (documented quirks of the file, see its readme): the non-ISO
codes JAP, ITL, VTN are JPN, ITA, VNM; a sector is compared on its first three letters
(``CVLalb`` -> CVL); ``CIV`` (a typo of CVL) is CVL and ``JRN`` (journalists) is MED;
sector ``***`` means "unknown" and such actors count for country accuracy only. An actor
whose text cannot be found in its sentence is left out (counted in ``unlocated``). A
record's date makes dated actor lists apply (the GSR's are all 2000-01-01).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from dateline.actors import ActorResolver, Mention, load_kb, mention_at
from dateline.eval._data import (
    EvalDataError,
    GoldActor,
    load_plover,
    phrase_actor,
    record_date,
)
from dateline.model import Actor

GOLD_COUNTRY_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
GOLD_SECTOR_FIXES = {"CIV": "CVL", "JRN": "MED"}
NON_STATE_PREFIXES = ("IGO", "NGO", "IMG")


def _gold_country(code: str) -> str:
    code = code.strip().upper()
    return GOLD_COUNTRY_FIXES.get(code, code)


def _gold_sector(sector: str | None) -> str | None:
    """Normalised gold sector; ``"?"`` when the gold says it is unknown (``***``)."""
    if not sector:
        return None
    if sector.startswith("*"):
        return "?"
    head = sector[:3].upper()
    return GOLD_SECTOR_FIXES.get(head, head)


def predicted_country(actor: Actor | None) -> str | None:
    """The country an actor is coded with, as the gold spells it (IGO/NGO/IMG for others)."""
    if actor is None:
        return None
    if actor.country:
        return actor.country
    if actor.code:
        prefix = actor.code[:3]
        return prefix if prefix in NON_STATE_PREFIXES else actor.code[:3]
    return None


def _locate(sentence: str, text: str) -> tuple[int, int] | None:
    """Span of a gold actor text, also when the gold elides words ("U.S. ... negotiators")
    or doubles spaces."""
    text = text.replace("\u2026", "...").replace(" .. ", " ... ")
    pieces = [p.strip(" .") for p in text.split("...")]
    patterns = [r"\s+".join(re.escape(w) for w in p.split()) for p in pieces if p.strip(" .")]
    if not patterns:
        return None
    first = re.search(patterns[0], sentence, re.IGNORECASE)
    if first is None:
        return None
    start, end = first.span()
    for pattern in patterns[1:]:
        nxt = re.compile(pattern, re.IGNORECASE).search(sentence, end)
        if nxt is None:
            return None
        end = nxt.end()
    return start, end


def _best(
    resolver: ActorResolver,
    doc: Any,
    mentions: list[Mention],
    span: tuple[int, int],
    when: dt.date | None,
) -> Actor | None:
    """The actor the sentence resolves at ``span`` (None when no mention overlaps it); within
    a coordination ("U.S. and Russian negotiators"), the member that starts nearest the span."""
    if mention_at(mentions, span) is None:
        return None
    actors = resolver.actors_at(doc, mentions, span, when=when)
    return min(actors, key=lambda a: abs(a.start - span[0]))


class _Tally:
    def __init__(self) -> None:
        self.n = 0
        self.country = 0
        self.n_sector = 0
        self.country_sector = 0

    def add(self, gold: GoldActor, actor: Actor | None) -> None:
        self.n += 1
        country_ok = predicted_country(actor) == _gold_country(gold.code)
        self.country += country_ok
        sector = _gold_sector(gold.sector)
        if sector == "?":
            return
        self.n_sector += 1
        self.country_sector += country_ok and (actor.sector if actor else None) == sector

    def report(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "country": round(self.country / self.n, 4) if self.n else None,
            "n_with_sector": self.n_sector,
            "country_sector": (
                round(self.country_sector / self.n_sector, 4) if self.n_sector else None
            ),
        }


def evaluate(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Figures and the per-actor rows behind them (for error analysis)."""
    from dateline.nlp import load_spacy  # deferred: loading the model takes seconds

    records = load_plover(path)
    if not records:
        raise EvalDataError(f"{path}: no gold records found")
    nlp = load_spacy()
    resolver = ActorResolver(load_kb())
    settings = ("span_given", "phrase_only", "system")
    tallies = {
        (setting, role): _Tally() for setting in settings for role in ("source", "target", "all")
    }
    sectors = _SectorTally()
    rows: list[dict[str, Any]] = []
    unlocated = 0
    docs = nlp.pipe([r.text for r in records])
    for record, doc in zip(records, docs, strict=True):
        when = record_date(record.published)
        mentions = resolver.resolve(doc, when=when)
        sources = record.sources
        if not (sources or record.targets) and record.event:
            sources = [phrase_actor(record.text, record.event)]  # a TSV line: phrase, code
        for role, golds in (("source", sources), ("target", record.targets)):
            for gold in golds:
                if not gold.code:
                    continue  # an actor the gold does not code (a span for pair mode only)
                span = _gold_span(record.text, gold)
                if span is None:
                    unlocated += 1
                    continue
                found = _best(resolver, doc, mentions, span, when)
                phrase = resolver.code_phrase(gold.text, when=when)
                given = found or phrase
                outcomes = (("span_given", given), ("phrase_only", phrase), ("system", found))
                for setting, actor in outcomes:
                    tallies[(setting, role)].add(gold, actor)
                    tallies[(setting, "all")].add(gold, actor)
                sectors.add(gold, given)
                rows.append(
                    {
                        "id": record.id,
                        "role": role,
                        "gold_text": gold.text,
                        "gold": f"{_gold_country(gold.code)} {_gold_sector(gold.sector)}",
                        "given": f"{predicted_country(given)} {given.sector if given else None}",
                        "given_text": given.text if given else None,
                        "found": found is not None,
                        "rule": given.rule if given else None,
                    }
                )
    report: dict[str, Any] = {
        "dataset": str(path),
        "records": len(records),
        "unlocated": unlocated,
    }
    for setting in settings:
        report[setting] = {
            role: tallies[(setting, role)].report() for role in ("source", "target", "all")
        }
    found_n = sum(1 for r in rows if r["found"])
    report["system"]["found_rate"] = round(found_n / len(rows), 4) if rows else None
    report["span_given"]["per_sector"] = sectors.report()
    report["span_given"]["sector_confusion"] = sectors.confusion()
    return report, rows


def _gold_span(text: str, gold: GoldActor) -> tuple[int, int] | None:
    """The gold's own offsets when it gives them, else where its text stands."""
    if gold.given_span and gold.start is not None and gold.end is not None:
        return gold.start, gold.end
    return _locate(text, gold.text)


class _SectorTally:
    """Per gold sector: how often the country and sector are both right (span given), and
    which sector was predicted ("-" for none)."""

    def __init__(self) -> None:
        self.matrix: dict[str, Counter[str]] = defaultdict(Counter)
        self.right: Counter[str] = Counter()

    def add(self, gold: GoldActor, actor: Actor | None) -> None:
        sector = _gold_sector(gold.sector) or "-"
        if sector == "?":
            return
        predicted = (actor.sector if actor else None) or "-"
        self.matrix[sector][predicted] += 1
        self.right[sector] += predicted_country(actor) == _gold_country(gold.code) and (
            predicted == sector
        )

    def report(self) -> dict[str, dict[str, Any]]:
        return {
            sector: {
                "n": sum(row.values()),
                "country_sector": round(self.right[sector] / sum(row.values()), 4),
                "sector_recall": round(row[sector] / sum(row.values()), 4),
            }
            for sector, row in sorted(self.matrix.items())
        }

    def confusion(self) -> dict[str, dict[str, int]]:
        return {g: dict(sorted(row.items())) for g, row in sorted(self.matrix.items())}


def run(path: Path) -> dict[str, Any]:
    """Evaluate actor coding on the PLOVER GSR (folder or its JSON file); JSON-ready dict."""
    report, _ = evaluate(Path(path))
    return report
