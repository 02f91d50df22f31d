"""Coded documents made without NLP, for the store's crash tests, and the checks that every
offset of a coded document cuts out the text it quotes."""

from __future__ import annotations

import random
from typing import Any

from builders import Ev, make_doc
from dateline.model import Document

# The countries and CAMEO codes of the generated reports (the codings come from the codebook).
COUNTRIES = ("KAZ", "CHN", "RUS", "KGZ", "UZB", "MNG")
CODES = ("036", "040", "046", "057", "112", "163", "173")
OUTLETS = ["Steppe Post", "Caspian Daily", "Altai Herald", "Wire One", "Border News"]
# Shares of negated and of hypothetical events.
NEGATED_SHARE = 0.05
HYPOTHETICAL_SHARE = 0.05


def coded_document(rng: random.Random, serial: int) -> Document:
    """One article of 1-4 sentences, each reporting one event between two countries (actor
    codes without a sector) on a day in March 2019; ``serial`` makes the text (and so the
    article id) unique."""
    events = []
    for _ in range(rng.randint(1, 4)):
        src, tgt = rng.sample(sorted(COUNTRIES), 2)
        day = rng.randint(1, 20)
        events.append(
            Ev(
                src,
                tgt,
                rng.choice(CODES),
                f"2019-03-{day:02d}",
                date_text=f"March {day}",
                sector_src=None,
                sector_tgt=None,
                negated=rng.random() < NEGATED_SHARE,
                hypothetical=rng.random() < HYPOTHETICAL_SHARE,
                confidence=round(rng.uniform(0.5, 0.95), 2),
            )
        )
    return make_doc(
        events,
        title=f"Report {serial}",
        outlet=rng.choice(OUTLETS),
        published="2019-03-21",
        salt=f"Report number {serial}.",
        origin=f"generated:{serial}",
    )


def coded_corpus(n: int, seed: int) -> list[Document]:
    rng = random.Random(seed)
    return [coded_document(rng, i) for i in range(n)]


def offset_problems(doc: dict[str, Any]) -> list[str]:
    """Every span of a coded document (``Document.to_dict()``) whose offsets do not cut its
    quoted text out of ``article.body``: an empty list when all is well."""
    body = doc["article"]["body"]
    problems: list[str] = []

    def check(where: str, span: dict[str, Any] | None) -> None:
        if span is None:
            return
        start, end = span["start"], span["end"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(body)):
            problems.append(f"{where}: offsets {start}-{end} outside a body of {len(body)}")
        elif body[start:end] != span["text"]:
            problems.append(f"{where}: body[{start}:{end}]={body[start:end]!r} != {span['text']!r}")

    for i, ev in enumerate(doc["events"]):
        check(f"events[{i}].sentence", ev["sentence"])
        check(f"events[{i}].trigger", ev["trigger"])
        check(f"events[{i}].source", ev["source"])
        check(f"events[{i}].target", ev["target"])
        sent, trig = ev["sentence"], ev["trigger"]
        if not sent["start"] <= trig["start"] <= trig["end"] <= sent["end"]:
            problems.append(f"events[{i}].trigger lies outside its evidence sentence")
        for q in ev.get("quantities", []):
            if not 0 <= q < len(doc["quantities"]):
                problems.append(f"events[{i}].quantities: no quantity {q}")
    for i, ent in enumerate(doc["entities"]):
        check(f"entities[{i}]", ent)
    for i, qty in enumerate(doc["quantities"]):
        check(f"quantities[{i}]", qty)
    return problems
