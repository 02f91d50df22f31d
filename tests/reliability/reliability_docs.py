"""Coded documents made without NLP, for the store's crash tests, and the checks that every
offset of a coded document cuts out the text it quotes."""

from __future__ import annotations

import random
from typing import Any

from dateline.model import (
    Actor,
    Article,
    Cameo,
    Document,
    Entity,
    Event,
    Location,
    Plover,
    SentenceRef,
    Span,
)

_COUNTRIES = {
    "KAZ": "Kazakhstan",
    "CHN": "China",
    "RUS": "Russia",
    "KGZ": "Kyrgyzstan",
    "UZB": "Uzbekistan",
    "MNG": "Mongolia",
}
# CAMEO code -> (root, quad class, Goldstein, PLOVER event, verb)
_VERBS = {
    "036": ("03", 1, 4.0, "COOPERATE", "promised to meet"),
    "040": ("04", 1, 1.0, "CONSULT", "consulted"),
    "046": ("04", 1, 7.0, "CONSULT", "negotiated with"),
    "057": ("05", 1, 8.0, "AGREE", "signed a treaty with"),
    "112": ("11", 3, -2.0, "ACCUSE", "accused"),
    "163": ("16", 3, -8.0, "SANCTION", "imposed an embargo on"),
    "173": ("17", 4, -5.0, "COERCE", "arrested citizens of"),
}
_OUTLETS = ["Steppe Post", "Caspian Daily", "Altai Herald", "Wire One", "Border News"]


def _actor(code: str, start: int, role: str) -> Actor:
    name = _COUNTRIES[code]
    return Actor(
        text=name,
        start=start,
        end=start + len(name),
        code=code,
        country=code,
        sector=None,
        name=name,
        role=role,
        kind="country",
        rule="reliability-test",
    )


def coded_document(rng: random.Random, serial: int) -> Document:
    """One article of 1-4 sentences, each reporting one event between two countries on a
    day in March 2019; ``serial`` makes the text (and so the article id) unique."""
    sentences: list[str] = []
    events: list[Event] = []
    entities: list[Entity] = []
    offset = 0
    for index in range(rng.randint(1, 4)):
        src, tgt = rng.sample(sorted(_COUNTRIES), 2)
        code = rng.choice(sorted(_VERBS))
        root, quad, goldstein, plover, verb = _VERBS[code]
        day = rng.randint(1, 20)
        text = f"{_COUNTRIES[src]} {verb} {_COUNTRIES[tgt]} on March {day}."
        start = offset
        verb_start = start + len(_COUNTRIES[src]) + 1
        tgt_start = verb_start + len(verb) + 1
        source = _actor(src, start, "source")
        target = _actor(tgt, tgt_start, "target")
        events.append(
            Event(
                id=f"e{index}",
                sentence=SentenceRef(index, text, start, start + len(text)),
                date=f"2019-03-{day:02d}",
                date_precision="day",
                source=source,
                target=target,
                cameo=Cameo(code, root, quad, goldstein),
                plover=Plover(plover),
                location=Location(_COUNTRIES[src], src, source="sentence"),
                negated=rng.random() < 0.05,
                hypothetical=rng.random() < 0.05,
                trigger=Span(verb, verb_start, verb_start + len(verb)),
                confidence=round(rng.uniform(0.5, 0.95), 2),
                rule=f"test-{code}",
                date_source="sentence",
                date_text=f"March {day}",
            )
        )
        for actor in (source, target):
            entities.append(
                Entity(actor.text, actor.start, actor.end, "GPE", actor.code, actor.country,
                       name=actor.name, sentence_index=index)
            )  # fmt: skip
        sentences.append(text)
        offset += len(text) + 1
    body = " ".join(sentences) + f" Report number {serial}."
    article = Article(
        body=body,
        title=f"Report {serial}",
        outlet=rng.choice(_OUTLETS),
        published="2019-03-21",
        published_source="record",
        language="en",
        origin=f"generated:{serial}",
    )
    return Document(article=article, events=events, entities=entities)


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
