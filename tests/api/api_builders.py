"""Databases for the API tests.

- ``build_synthetic``: many hand-made events (ties on dates, undated events, several dyads,
  negated and hypothetical mentions) for pagination, filters and validation; no NLP.
- ``build_seed``: the seed article and examples/ coded by the real pipeline. Until
  ``dateline.actors`` (which the pipeline needs) exists, the seed article is stored with a
  hand-made record of its lead event instead, so that the API and the dashboard can be
  tested; the examples are then left out.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from dateline.ingest import article_from_text
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
from dateline.store import Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

NAMES = {
    "KAZ": "Kazakhstan",
    "CHN": "China",
    "RUS": "Russia",
    "USA": "the United States",
    "UKR": "Ukraine",
    "IRN": "Iran",
}

# CAMEO code -> (root, quad class, Goldstein, PLOVER event, verb phrase)
CODES = {
    "040": ("04", 1, 1.0, "CONSULT", "held talks with"),
    "042": ("04", 1, 1.9, "CONSULT", "visited"),
    "057": ("05", 1, 8.0, "AGREE", "signed an agreement with"),
    "061": ("06", 2, 6.4, "COOPERATE", "expanded trade with"),
    "112": ("11", 3, -2.0, "ACCUSE", "accused"),
    "190": ("19", 4, -10.0, "FIGHT", "attacked"),
}


def _actor(code: str, text: str, start: int, role: str) -> Actor:
    return Actor(
        text=text,
        start=start,
        end=start + len(text),
        code=code + "GOV",
        country=code,
        sector="GOV",
        name=NAMES[code].removeprefix("the "),
        role=role,
        kind="country",
        rule="test",
    )


def synthetic_event(
    *,
    index: int,
    offset: int,
    src: str,
    tgt: str,
    code: str,
    day: str | None,
    negated: bool = False,
    hypothetical: bool = False,
) -> tuple[Event, str]:
    """One event and its sentence, placed at ``offset`` in the article body."""
    root, quad, gold, plover, verb = CODES[code]
    s_text, t_text = NAMES[src], NAMES[tgt]
    sentence = f"{s_text[0].upper()}{s_text[1:]} {verb} {t_text} on {day or 'some day'}."
    s_start = offset
    trig = verb.split()[0]
    t_rel = sentence.index(trig)
    g_rel = sentence.index(t_text, t_rel)
    event = Event(
        id=f"e{index}",
        sentence=SentenceRef(index, sentence, offset, offset + len(sentence)),
        date=day,
        date_precision="day" if day else "none",
        source=_actor(src, sentence[: len(s_text)], s_start, "source"),
        target=_actor(tgt, t_text, offset + g_rel, "target"),
        cameo=Cameo(code=code, root=root, quad_class=quad, goldstein=gold, name=verb),
        plover=Plover(event=plover, mode=None, context=["diplomacy"]),
        location=Location("Astana", "KAZ", 51.17, 71.45, "dateline"),
        negated=negated,
        hypothetical=hypothetical,
        trigger=Span(trig, offset + t_rel, offset + t_rel + len(trig)),
        confidence=0.5 + (index % 5) / 10,
        rule="test.rule",
        date_source="sentence" if day else "none",
        date_text=day,
    )
    return event, sentence


def synthetic_documents(n_articles: int = 60, seed: int = 7) -> list[Document]:
    rng = random.Random(seed)
    countries = list(NAMES)
    # Few distinct days so that many events share a date (pagination must break ties).
    days = [f"2018-{m:02d}-{d:02d}" for m in (1, 2, 3, 11) for d in (1, 9, 20)]
    docs = []
    for n in range(n_articles):
        parts: list[str] = []
        events: list[Event] = []
        offset = 0
        for i in range(rng.randint(1, 6)):
            src, tgt = rng.sample(countries, 2)
            day = rng.choice(days) if rng.random() > 0.15 else None
            event, sentence = synthetic_event(
                index=i,
                offset=offset,
                src=src,
                tgt=tgt,
                code=rng.choice(list(CODES)),
                day=day,
                negated=rng.random() < 0.05,
                hypothetical=rng.random() < 0.05,
            )
            event.id = f"a{n}-e{i}"
            parts.append(sentence)
            events.append(event)
            offset += len(sentence) + 1
        body = " ".join(parts) + f" (Report number {n}.)"
        article = Article(
            body=body,
            title=f"Synthetic report {n}",
            outlet=rng.choice(["Test Wire", "Other News", "Third Daily"]),
            url=f"https://news.example.org/{n}",
            published="2018-11-30",
            published_source="record",
            origin="synthetic",
        )
        docs.append(Document(article=article, events=events))
    return docs


def build_synthetic(path: Path) -> Path:
    with Store(path) as store:
        store.ingest(synthetic_documents())
    return path


def _pipeline_available() -> bool:
    # Escape hatch while another stage is being rebuilt: code the seed by hand even though
    # the pipeline imports. Never set in CI, where the real pipeline must run.
    if os.environ.get("DATELINE_TEST_SEED_BY_HAND") == "1":
        return False
    try:
        import dateline.pipeline  # noqa: F401
    except ImportError:
        return False
    return True


def seed_article(seed_path: Path) -> Article:
    return article_from_text(
        seed_path.read_text("utf-8"), origin=str(seed_path), published="2018-11-12"
    )


def hand_coded_seed(article: Article) -> Document:
    """The seed article's lead event, coded by hand (stand-in until the pipeline runs)."""
    body = article.body
    sentence_end = body.index("Foreign Ministry said.") + len("Foreign Ministry said.")
    sentence = body[:sentence_end]
    src = "Kazakhstan’s Foreign Minister Kairat Abdrakhmanov"
    tgt = "the new Ambassador of China to Kazakhstan Zhang Xiao"
    s0, t0, m0 = sentence.index(src), sentence.index(tgt), sentence.index("meeting")

    def actor(text: str, start: int, code: str, name: str, role: str) -> Actor:
        return Actor(
            text, start, start + len(text), code, code[:3], "GOV", name, role, "person", "test"
        )

    event = Event(
        id="e0",
        sentence=SentenceRef(0, sentence, 0, sentence_end),
        date="2018-11-09",
        date_precision="day",
        source=actor(src, s0, "KAZGOV", "Kairat Abdrakhmanov", "source"),
        target=actor(tgt, t0, "CHNGOV", "Zhang Xiao", "target"),
        cameo=Cameo("040", "04", 1, 1.0, "Consult, not specified below"),
        plover=Plover("CONSULT", "meet", []),
        location=Location("Astana", "KAZ", 51.17, 71.45, "dateline"),
        negated=False,
        hypothetical=False,
        trigger=Span("meeting", m0, m0 + len("meeting")),
        confidence=0.9,
        rule="hand-coded",
        date_source="sentence",
        date_text="November 9",
    )
    entities = [
        Entity(
            "Kazakhstan",
            body.index("Kazakhstan"),
            body.index("Kazakhstan") + 10,
            "GPE",
            "KAZ",
            "KAZ",
            None,
            "Kazakhstan",
            0,
        ),
        Entity(
            "China",
            body.index("China"),
            body.index("China") + 5,
            "GPE",
            "CHN",
            "CHN",
            None,
            "China",
            0,
        ),
    ]
    return Document(article=article, events=[event], entities=entities)


def build_seed(path: Path, seed_path: Path) -> tuple[Path, bool]:
    """The seed article (+ examples/ when the pipeline runs); returns (path, used pipeline)."""
    article = seed_article(seed_path)
    with Store(path) as store:
        if _pipeline_available():
            from dateline.pipeline import code_inputs, load_pipeline

            pipe = load_pipeline()
            store.ingest([pipe.code(article)])
            store.ingest(code_inputs([str(EXAMPLES)], pipeline=pipe))
            return path, True
        store.ingest([hand_coded_seed(article)])
    return path, False
