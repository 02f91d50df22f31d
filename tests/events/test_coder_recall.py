"""Recall of the coder on constructions news uses often: a sentence the parser reads as one
noun phrase, an act the subject suffers ("came under attack from"), warnings of
consequences. Each test states what must and must not come out."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline

PUBLISHED = "2019-03-04"


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published=PUBLISHED)).events


def triples(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.country, e.target.country if e.target else None, e.cameo.code)
        for e in events
        if not e.negated
    }


# -- "Trump hosted Erdogan": the parser reads a noun phrase, the news a clause -----------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump hosted Erdogan on Monday.", ("USA", "TUR", "043")),
        ("Last week, Trump hosted Netanyahu at the White House.", ("USA", "ISR", "043")),
    ],
)
def test_a_sentence_misread_as_a_noun_phrase_is_a_clause(
    pipe: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    found = triples(code(pipe, text))
    assert expected in found
    assert (expected[1], expected[0], expected[2]) not in found


def test_a_hyphenated_participle_is_still_an_adjective(pipe: Pipeline) -> None:
    # "US-backed forces": the forces are backed, the US did nothing in this sentence.
    found = triples(code(pipe, "The US-backed forces entered Raqqa on Monday."))
    assert not any(s == "USA" for s, _, _ in found)


# -- "X came under attack from Y": Y attacks X ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Afghan police came under attack from Taliban fighters near Kunduz.", "AFG", "AFG"),
        ("Israeli soldiers came under a rocket attack from Hamas on Tuesday.", "PSE", "ISR"),
        ("Iraqi troops were under assault by Islamic State militants in Mosul.", None, "IRQ"),
    ],
)
def test_the_subject_suffers_the_act_it_comes_under(
    pipe: Pipeline, text: str, source: str | None, target: str
) -> None:
    events = [e for e in code(pipe, text) if e.cameo.root in {"18", "19"}]
    assert events
    assert all(e.target is not None and e.target.country == target for e in events)
    if source is not None:
        assert all(e.source.country == source for e in events)


def test_under_attack_without_its_author_is_no_attack_by_the_victim(pipe: Pipeline) -> None:
    found = triples(code(pipe, "Afghan police came under attack near Kunduz."))
    assert not any(s == "AFG" and c.startswith(("18", "19")) for s, _, c in found)


# -- "warned X of consequences": a threat, "warned of a famine": a worry -----------------------
def test_warning_of_consequences_is_a_threat(pipe: Pipeline) -> None:
    found = triples(code(pipe, "Beijing warned Tokyo of serious consequences over the visit."))
    assert ("CHN", "JPN", "130") in found
    found = triples(code(pipe, "Moscow has warned Kyiv of a firm response."))
    assert ("RUS", "UKR", "130") in found


def test_warning_of_a_disaster_is_no_threat(pipe: Pipeline) -> None:
    found = triples(code(pipe, "Kenya warned of a severe drought in the north."))
    assert not any(c.startswith("13") for _, _, c in found)
