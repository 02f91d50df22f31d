"""Builders of hand-made ``Document`` records for store tests (no NLP needed)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.model import (
    Actor,
    Article,
    Cameo,
    Document,
    Entity,
    Event,
    Location,
    Plover,
    Quantity,
    SentenceRef,
    Span,
)
from dateline.store import Store

# Country -> (name, capital-ish place) for readable synthetic sentences.
COUNTRIES = {
    "KAZ": "Kazakhstan",
    "CHN": "China",
    "RUS": "Russia",
    "USA": "United States",
    "UKR": "Ukraine",
    "IRN": "Iran",
    "TUR": "Turkey",
    "IND": "India",
}

# CAMEO code -> (root, quad class, goldstein, PLOVER event, verb phrase)
CODES = {
    "040": ("04", 1, 1.0, "CONSULT", "held talks with"),
    "042": ("04", 1, 1.9, "CONSULT", "visited"),
    "043": ("04", 1, 2.8, "CONSULT", "hosted"),
    "057": ("05", 1, 8.0, "AGREE", "signed an agreement with"),
    "061": ("06", 2, 6.4, "COOPERATE", "expanded trade with"),
    "111": ("11", 3, -2.0, "ACCUSE", "criticised"),
    "112": ("11", 3, -2.0, "ACCUSE", "accused"),
    "190": ("19", 4, -10.0, "FIGHT", "attacked"),
}


@dataclass
class Ev:
    """A compact description of one event to put into a synthetic article."""

    src: str
    tgt: str | None
    code: str
    date: str | None
    sentence: str | None = None
    sector_src: str = "GOV"
    sector_tgt: str = "GOV"
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 0.8
    precision: str = "day"


def make_event(ev: Ev, index: int, body_parts: list[str], offset: int) -> tuple[Event, int]:
    root, quad, gold, plover, verb = CODES[ev.code]
    src_name = COUNTRIES[ev.src]
    tgt_name = COUNTRIES[ev.tgt] if ev.tgt else ""
    text = ev.sentence or f"{src_name} {verb} {tgt_name} on {ev.date or 'an unknown day'}."
    body_parts.append(text)
    start = offset
    end = start + len(text)
    s_start = start + text.find(src_name) if src_name in text else start
    source = Actor(
        text=src_name,
        start=s_start,
        end=s_start + len(src_name),
        code=ev.src + ev.sector_src,
        country=ev.src,
        sector=ev.sector_src,
        name=src_name,
        role="source",
        kind="country",
        rule="test",
    )
    target = None
    if ev.tgt:
        t_start = start + max(text.find(tgt_name), 0)
        target = Actor(
            text=tgt_name,
            start=t_start,
            end=t_start + len(tgt_name),
            code=ev.tgt + ev.sector_tgt,
            country=ev.tgt,
            sector=ev.sector_tgt,
            name=tgt_name,
            role="target",
            kind="country",
            rule="test",
        )
    trig = verb.split()[0]
    t_off = text.find(trig)
    event = Event(
        id=f"e{index}",
        sentence=SentenceRef(index=index, text=text, start=start, end=end),
        date=ev.date,
        date_precision=ev.precision if ev.date else "none",
        source=source,
        target=target,
        cameo=Cameo(code=ev.code, root=root, quad_class=quad, goldstein=gold, name=verb),
        plover=Plover(event=plover, mode=None, context=["diplomacy"]),
        location=Location(name="Astana", country="KAZ", lat=51.17, lon=71.45, source="dateline"),
        negated=ev.negated,
        hypothetical=ev.hypothetical,
        trigger=Span(text=trig, start=start + max(t_off, 0), end=start + max(t_off, 0) + len(trig)),
        confidence=ev.confidence,
        rule="test.rule",
        date_source="sentence",
        date_text=ev.date,
        quantities=[0] if index == 0 else [],
    )
    return event, end + 1


def make_doc(
    events: list[Ev],
    *,
    outlet: str | None = "Test Wire",
    url: str | None = None,
    published: str | None = "2018-11-10",
    salt: str = "",
    title: str = "Test article",
) -> Document:
    """An article whose body is the events' sentences (plus ``salt`` to vary its id)."""
    parts: list[str] = []
    offset = 0
    built = []
    for i, ev in enumerate(events):
        event, offset = make_event(ev, i, parts, offset)
        built.append(event)
    body = " ".join(parts) + (f" {salt}" if salt else "")
    article = Article(
        body=body,
        title=title,
        outlet=outlet,
        url=url,
        published=published,
        published_source="record",
        origin="test",
    )
    entities = [
        Entity(
            text=e.source.text,
            start=e.source.start,
            end=e.source.end,
            label="GPE",
            code=e.source.code,
            country=e.source.country,
            sector=e.source.sector,
            name=e.source.name,
            sentence_index=e.sentence.index,
        )
        for e in built
    ]
    quantities = (
        [Quantity(text="$27 billion", value=27e9, unit="USD", object="projects", sentence_index=0)]
        if built
        else []
    )
    for e in built:
        e.id = f"{article.id[:6]}-{e.id}"
    return Document(article=article, events=built, entities=entities, quantities=quantities)


def content(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every content table's rows, in primary-key order (the run log excluded)."""
    from dateline.store.schema import CONTENT_TABLES

    out = {}
    for table in CONTENT_TABLES:
        frame = store.table(table)
        out[table] = [tuple(map(repr, row)) for row in frame.itertuples(index=False)]
    return out


def synthetic_corpus(n: int, seed: int = 7, days: int = 28) -> list[Document]:
    """Articles reporting events among a few countries over ``days`` days from 1 November
    2018, many of them repeated by several outlets, so that dedup blocks span many batches."""
    rng = random.Random(seed)
    first = date(2018, 11, 1)
    countries = sorted(COUNTRIES)[:5]
    outlets = ["TCA", "Xinhua", "Reuters", "AP", "TASS", "AFP", "BBC"]
    docs = []
    for i in range(n):
        events = []
        for _ in range(rng.randint(1, 3)):
            src, tgt = rng.sample(countries, 2)
            code = rng.choice(sorted(CODES))
            day = first + timedelta(days=rng.randint(0, days - 1))
            events.append(Ev(src, tgt, code, day.isoformat(), negated=rng.random() < 0.05))
        docs.append(make_doc(events, outlet=rng.choice(outlets), salt=f"story {i}"))
    return docs
