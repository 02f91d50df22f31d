"""Coded ``Document`` records made by hand, without NLP, for the store, API and reliability
tests (``from builders import Ev, make_doc``; ``tests/`` is on ``sys.path`` because pytest
inserts the folder of ``tests/conftest.py``).

Every coding field of an event (CAMEO code, root, name, quad class, Goldstein score; PLOVER
event, mode and context) is read from the packaged codebook, so the test data can never
disagree with it. Only the English surface is written here: country names and one verb
phrase per CAMEO code. Every offset cuts out of the article body the text it quotes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from dateline.codebook import load_codebook
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

if TYPE_CHECKING:
    from dateline.pipeline import Pipeline

CODEBOOK = load_codebook()

# ISO 3166 alpha-3 -> how a sentence names the country.
COUNTRIES = {
    "KAZ": "Kazakhstan",
    "CHN": "China",
    "RUS": "Russia",
    "USA": "the United States",
    "UKR": "Ukraine",
    "IRN": "Iran",
    "TUR": "Turkey",
    "IND": "India",
    "KGZ": "Kyrgyzstan",
    "UZB": "Uzbekistan",
    "MNG": "Mongolia",
}

# CAMEO code -> a verb phrase reporting it; its first word is the event's trigger. The codes
# span the four quad classes, several roots per class and PLOVER events with modes and with
# more than one context.
VERBS = {
    "036": "promised to meet",
    "040": "held talks with",
    "042": "visited",
    "043": "hosted",
    "046": "negotiated with",
    "057": "signed an agreement with",
    "061": "expanded trade with",
    "094": "investigated war crimes by",
    "111": "criticised",
    "112": "accused",
    "163": "imposed an embargo on",
    "173": "arrested citizens of",
    "190": "attacked",
    "196": "violated the ceasefire with",
}
CODES = tuple(VERBS)

# Where every hand-made event happens (a dateline location, as the pipeline would give).
ASTANA = Location(name="Astana", country="KAZ", lat=51.17, lon=71.45, source="dateline")
# The amount every article with events reports, in its own sentence after the events.
AMOUNT_SENTENCE = "Projects worth $27 billion were discussed."
AMOUNT = "$27 billion"
# Share of the synthetic corpus's events that are negated (some, so that filters see them).
NEGATED_SHARE = 0.05


def coding(code: str) -> tuple[Cameo, Plover]:
    """The CAMEO and PLOVER records of a CAMEO code, from the codebook."""
    return CODEBOOK.cameo(code), CODEBOOK.plover(code)


def country_name(country: str) -> str:
    """The country's name as an actor name ("United States", not "the United States")."""
    return COUNTRIES[country].removeprefix("the ")


@dataclass
class Ev:
    """A compact description of one event to put into a hand-made article.

    ``sentence`` replaces the generated "<source> <verb> <target> on <date>." sentence; the
    source and target are then found in it by ``src_text``/``tgt_text`` (default: the
    country names) and the trigger by ``trigger`` (default: the first word of the code's
    verb phrase). A text that is not in the sentence is an error, never a wrong offset.
    """

    src: str
    tgt: str | None
    code: str
    date: str | None
    sentence: str | None = None
    sector_src: str | None = "GOV"
    sector_tgt: str | None = "GOV"
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 0.8
    precision: str = "day"
    date_text: str | None = None
    src_text: str | None = None
    tgt_text: str | None = None
    trigger: str | None = None
    location: Location | None = field(default_factory=lambda: ASTANA)

    def text(self) -> str:
        if self.sentence is not None:
            return self.sentence
        source = COUNTRIES[self.src]
        target = COUNTRIES[self.tgt] if self.tgt else "its neighbours"
        when = self.date_text or self.date or "an unknown day"
        return f"{source[0].upper()}{source[1:]} {VERBS[self.code]} {target} on {when}."


def _find(text: str, wanted: str, what: str, after: int = 0) -> int:
    """Where ``wanted`` starts in ``text`` (case-insensitive: a name may open a sentence)."""
    at = text.casefold().find(wanted.casefold(), after)
    if at < 0:
        raise ValueError(f"the {what} {wanted!r} is not in the sentence {text!r}: pass it")
    return at


def _actor(
    country: str, sector: str | None, text: str, wanted: str, start: int, offset: int, role: str
) -> Actor:
    at = _find(text, wanted, role, start)
    return Actor(
        text=text[at : at + len(wanted)],
        start=offset + at,
        end=offset + at + len(wanted),
        code=country + (sector or ""),
        country=country,
        sector=sector,
        name=country_name(country),
        role=role,
        kind="country",
        rule="test",
    )


def make_event(ev: Ev, index: int, offset: int) -> Event:
    """The event ``ev`` as sentence ``index`` of a body, the sentence starting at ``offset``."""
    text = ev.text()
    cameo, plover = coding(ev.code)
    source = _actor(
        ev.src, ev.sector_src, text, ev.src_text or COUNTRIES[ev.src], 0, offset, "source"
    )
    trigger = ev.trigger or VERBS[ev.code].split()[0]
    t_at = _find(text, trigger, "trigger")
    target = None
    if ev.tgt:
        # The target is looked for after the trigger: in "China hosted China's envoy" the
        # second China is the target.
        wanted = ev.tgt_text or COUNTRIES[ev.tgt]
        after = t_at if wanted.casefold() in text[t_at:].casefold() else 0
        target = _actor(ev.tgt, ev.sector_tgt, text, wanted, after, offset, "target")
    return Event(
        id=f"e{index}",
        sentence=SentenceRef(index=index, text=text, start=offset, end=offset + len(text)),
        date=ev.date,
        date_precision=ev.precision if ev.date else "none",
        source=source,
        target=target,
        cameo=cameo,
        plover=plover,
        location=ev.location,
        negated=ev.negated,
        hypothetical=ev.hypothetical,
        trigger=Span(text=text[t_at : t_at + len(trigger)], start=offset + t_at,
                     end=offset + t_at + len(trigger)),
        confidence=ev.confidence,
        rule="test.rule",
        date_source="sentence" if ev.date else "none",
        date_text=(ev.date_text or ev.date) if ev.date else None,
    )  # fmt: skip


def make_doc(
    events: list[Ev],
    *,
    outlet: str | None = "Test Wire",
    url: str | None = None,
    published: str | None = "2018-11-10",
    salt: str = "",
    title: str = "Test article",
    origin: str = "test",
) -> Document:
    """An article whose body is the events' sentences, then (when there are events) a
    sentence reporting an amount, then ``salt`` (to vary the article id). Each actor is also
    an entity; the amount is a quantity, linked from the first event. Event ids start with
    the article id, so they are unique across articles."""
    parts: list[str] = []
    built: list[Event] = []
    offset = 0
    for i, ev in enumerate(events):
        event = make_event(ev, i, offset)
        built.append(event)
        parts.append(event.sentence.text)
        offset = event.sentence.end + 1
    quantities = []
    if built:
        amount_at = offset + AMOUNT_SENTENCE.index(AMOUNT)
        quantities.append(
            Quantity(
                text=AMOUNT,
                value=27e9,
                unit="USD",
                object="projects",
                sentence_index=len(built),
                start=amount_at,
                end=amount_at + len(AMOUNT),
            )
        )
        built[0].quantities = [0]
        parts.append(AMOUNT_SENTENCE)
    if salt:
        parts.append(salt)
    article = Article(
        body=" ".join(parts),
        title=title,
        outlet=outlet,
        url=url,
        published=published,
        published_source="record",
        origin=origin,
    )
    entities = [
        Entity(
            text=actor.text,
            start=actor.start,
            end=actor.end,
            label="GPE",
            code=actor.code,
            country=actor.country,
            sector=actor.sector,
            name=actor.name,
            sentence_index=e.sentence.index,
        )
        for e in built
        for actor in (e.source, e.target)
        if actor is not None
    ]
    for e in built:
        e.id = f"{article.id[:6]}-{e.id}"
    return Document(article=article, events=built, entities=entities, quantities=quantities)


def synthetic_corpus(
    n: int,
    seed: int = 7,
    *,
    days: int = 28,
    first: date = date(2018, 11, 1),
    countries: tuple[str, ...] = ("CHN", "IND", "IRN", "KAZ", "RUS"),
    outlets: tuple[str, ...] = ("TCA", "Xinhua", "Reuters", "AP", "TASS", "AFP", "BBC"),
    max_events: int = 3,
    undated_share: float = 0.0,
    month_share: float = 0.0,
) -> list[Document]:
    """``n`` articles, each reporting 1-``max_events`` events among ``countries`` on days
    from ``first``, many of them repeated by several outlets (so that dedup blocks span
    batches); a few negated. ``undated_share`` of the events have no date and
    ``month_share`` only a month. The same arguments give the same articles."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        events = []
        for _ in range(rng.randint(1, max_events)):
            src, tgt = rng.sample(countries, 2)
            code = rng.choice(CODES)
            day = first + timedelta(days=rng.randint(0, days - 1))
            negated = rng.random() < NEGATED_SHARE
            ev = Ev(src, tgt, code, day.isoformat(), negated=negated)
            if undated_share or month_share:
                draw = rng.random()
                if draw < undated_share:
                    ev.date = None
                elif draw < undated_share + month_share:
                    ev.date, ev.precision = day.isoformat()[:7], "month"
            events.append(ev)
        docs.append(make_doc(events, outlet=rng.choice(outlets), salt=f"Story {i}."))
    return docs


# Two sentences of a page's text (written for these tests).
PAGE_TEXT = (
    "<p>The ministers of two neighbouring states met on Monday to talk about trade and "
    "about the roads across their border.</p><p>Both said the talks would go on in May.</p>"
)


def many_attributes_page(n: int) -> str:
    """A page with ``n`` attributes on one element: what libxml2 parses in time growing with
    the square of ``n`` (the probe of issue #20). Short attribute names keep 80,000 of them
    under the API's limit on an article's size."""
    attributes = " ".join(f"a{i}" for i in range(n))
    return (
        f"<!DOCTYPE html><html><head><title>Talks</title></head><body><div {attributes}>"
        f"{PAGE_TEXT}</div></body></html>"
    )


def deeply_nested_page(depth: int) -> str:
    """A page whose text lies ``depth`` elements deep."""
    return (
        "<!DOCTYPE html><html><head><title>Talks</title></head><body>"
        + "<div>" * depth
        + PAGE_TEXT
        + "</div>" * depth
        + "</body></html>"
    )


def dyads(events: list[Event], plover: str) -> set[tuple[str | None, str | None]]:
    """The (source country, target country) pairs of the events of one PLOVER category."""
    return {
        (e.source.country, e.target.country if e.target else None)
        for e in events
        if e.plover.event == plover
    }


def by_rule(events: list[Event], rule: str) -> set[tuple[str | None, str | None, str]]:
    """The (source country, target country, PLOVER category) of the events one rule coded."""
    return {
        (e.source.country, e.target.country if e.target else None, e.plover.event)
        for e in events
        if e.rule == rule
    }


# `dateline eval NAME` -> its development set, as a path relative to ../shared (the report
# names its dataset as given, so the output is the same on every machine).
EVAL_SETS = {
    "articles": "data/voa",
    "plover": "data/plover-gsr",
    "actors": "data/plover-gsr",
    "penta": "data/conflibert-cameo",
    "petrarch": "data/petrarch2-validation",
    "dates": "data/tempeval3",
    "places": "data/geoparsing",
    "extraction": "data/trafilatura-eval-en",
}


def coded_events(pipe: Pipeline, text: str, published: str = "2025-03-10") -> list[Event]:
    """The events ``pipe`` codes in ``text``, an English article of that date."""
    return list(pipe.code(Article(body=text, language="en", published=published)).events)
