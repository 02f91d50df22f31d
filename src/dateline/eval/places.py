"""Toponym resolution against the geoparsing gold sets (LGL and GeoVirus).

Each article is coded by the pipeline. A gold toponym is *recognised* when one of the
parser's place entities (the labels the event coder places events with, and NORP, which the
coder also tries) overlaps it and the pipeline's gazetteer -- the one the coder is given --
knows the entity's name. Recognised toponyms are scored on their country (LGL,
whose gold names the GeoNames country; dateline has no offline reverse geocoder, so GeoVirus,
which gives only coordinates, is not scored on country) and, on both sets, on the distance
between the looked-up and the gold coordinates. Events are scored on whether their
sentence location's country is that of a gold toponym in their sentence (LGL).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from dateline.eval._data import GeoArticle, GoldToponym, load_geoparsing
from dateline.events import PLACE_LABELS
from dateline.model import Article, Document, Location
from dateline.pipeline import Pipeline

# The usual geoparsing tolerance (Leidner 2008; Gritta et al. 2018): 161 km = 100 miles.
NEAR_KM = 161.0
EXAMPLES_PER_CATEGORY = 8
EARTH_RADIUS_KM = 6371.0
CANDIDATE_LABELS = PLACE_LABELS | {"NORP"}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


class _Scores:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.examples: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.missed_names: Counter[str] = Counter()

    def example(self, category: str, item: dict[str, Any]) -> None:
        seen = self.examples[category]
        if len(seen) < EXAMPLES_PER_CATEGORY and item not in seen:
            seen.append(item)


def gold_country(name: str | None, pipeline: Pipeline) -> str | None:
    """ISO3 of a gold country name ("United States"), through dateline's own gazetteer."""
    if not name:
        return None
    place = pipeline.places.locate(name)
    return place.country if place else None


def _is_demonym(phrase: str, pipeline: Pipeline) -> bool:
    kinds = {entry.type for entry in pipeline.kb.lookup(phrase)}
    return bool(kinds) and kinds <= {"adjective", "people"}


def score_article(
    article: GeoArticle, coded: Document, pipeline: Pipeline, scores: _Scores
) -> None:
    """Add one coded article's toponym and event outcomes to ``scores``."""
    places = [
        (ent.start, ent.end, ent.text, pipeline.places.locate(ent.text))
        for ent in coded.entities
        if ent.label in CANDIDATE_LABELS
    ]
    c = scores.counts
    for gold in article.toponyms:
        c["gold"] += 1
        # LGL also marks demonyms ("Russian", "Palestinian") as toponyms; dateline reads those
        # as actors' nationalities, never as places, so recall is given without them too.
        demonym = _is_demonym(gold.phrase, pipeline)
        c["demonyms"] += demonym
        hits = [p for p in places if p[0] < gold.end and gold.start < p[1]]
        found: Location | None = next((p[3] for p in hits if p[3] is not None), None)
        if hits:
            c["entity_overlap"] += 1
        if found is None:
            scores.missed_names[gold.phrase] += 1
            continue
        c["recognised"] += 1
        c["recognised_places"] += not demonym
        want = gold_country(gold.country, pipeline)
        if want:
            c["country_scored"] += 1
            if found.country == want:
                c["country_correct"] += 1
            else:
                scores.example(
                    "wrong_country",
                    {"phrase": gold.phrase, "gold": want, "got": f"{found.name} {found.country}"},
                )
        if gold.lat is not None and gold.lon is not None and found.lat is not None:
            c["distance_scored"] += 1
            km = distance_km(gold.lat, gold.lon, found.lat, found.lon or 0.0)
            if km <= NEAR_KM:
                c["near"] += 1
            else:
                scores.example(
                    "far",
                    {"phrase": gold.phrase, "km": round(km), "got": found.name},
                )
    for event in coded.events:
        c["events"] += 1
        loc = event.location
        if loc is None or loc.source not in ("sentence", "article") or not loc.country:
            continue
        # Places carried from an earlier sentence are scored apart ("article_...").
        key = "events" if loc.source == "sentence" else "article"
        c[f"{key}_placed"] += 1
        s, e = event.sentence.start, event.sentence.end
        inside = [t for t in article.toponyms if s <= t.start < e]
        wanted = {gold_country(t.country, pipeline) for t in inside} - {None}
        if not wanted:
            continue
        c[f"{key}_checked"] += 1
        if loc.country in wanted:
            c[f"{key}_country_match"] += 1
        elif key == "events":
            scores.example(
                "event_country",
                {
                    "sentence": event.sentence.text[:200],
                    "gold": sorted(w for w in wanted if w),
                    "got": f"{loc.name} {loc.country}",
                },
            )


def _summary(scores: _Scores, articles: int, country: bool) -> dict[str, Any]:
    c = scores.counts
    out: dict[str, Any] = {
        "articles": articles,
        "gold_toponyms": c["gold"],
        "recall": _ratio(c["recognised"], c["gold"]),
        "recall_without_demonyms": _ratio(c["recognised_places"], c["gold"] - c["demonyms"]),
        "demonyms": c["demonyms"],
        "entity_overlap": _ratio(c["entity_overlap"], c["gold"]),
        "recognised": c["recognised"],
        f"accuracy_{int(NEAR_KM)}km": _ratio(c["near"], c["distance_scored"]),
        "distance_scored": c["distance_scored"],
    }
    if country:
        out["country_accuracy"] = _ratio(c["country_correct"], c["country_scored"])
        out["country_scored"] = c["country_scored"]
        out["events"] = {
            "events": c["events"],
            "placed_in_sentence": c["events_placed"],
            "checked": c["events_checked"],
            "country_match": _ratio(c["events_country_match"], c["events_checked"]),
            # Events placed where an earlier sentence of the article set the scene, checked
            # against the gold toponyms of their own sentence when it has any.
            "placed_by_article": c["article_placed"],
            "article_checked": c["article_checked"],
            "article_country_match": _ratio(c["article_country_match"], c["article_checked"]),
        }
    else:
        out["country_accuracy"] = None
        out["country_note"] = (
            "gold gives coordinates only and dateline has no offline reverse geocoder"
        )
    out["most_missed"] = dict(scores.missed_names.most_common(15))
    out["errors"] = dict(scores.examples)
    return out


def run(path: Path, pipeline: Pipeline | None = None, limit: int | None = None) -> dict[str, Any]:
    """Per gold set: recall of gold toponyms, country accuracy (LGL) and accuracy within
    161 km among recognised ones, and the events' sentence-location country match."""
    pipe = pipeline or Pipeline()
    result: dict[str, Any] = {"dataset": str(path)}
    for corpus, articles in load_geoparsing(path).items():
        chosen = articles[:limit] if limit else articles
        scores = _Scores()
        for article in chosen:
            coded = pipe.code(Article(body=article.text, origin=article.id, language="en"))
            score_article(article, coded, pipe, scores)
        result[corpus] = _summary(scores, len(chosen), country=corpus == "lgl")
    result["match"] = (
        "a gold toponym is recognised when a place entity overlapping it is known to the "
        "pipeline's place lookup; country and 161 km accuracy among recognised"
    )
    return result


__all__ = ["GoldToponym", "distance_km", "run", "score_article"]
