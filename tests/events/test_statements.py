"""A statement named by a noun is an act only when someone issues it
(``events/statements.py``). Sentences written for dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def statement_roots(pipe: Pipeline, text: str) -> list[str]:
    events: list[Event] = pipe.code(Article(body=text, language="en")).events
    return [e.cameo.root for e in events if e.cameo.root == "01"]


@pytest.mark.parametrize(
    "text",
    [
        "“The council must act,” the Kenyan statement said.",
        "Kenya's president retracted his statement about Somalia.",
    ],
)
def test_a_statement_already_made_is_no_statement_of_its_own(pipe: Pipeline, text: str) -> None:
    assert not statement_roots(pipe, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's foreign ministry issued a statement on Monday.",
        "Kenya's president made a statement on Somalia.",
    ],
)
def test_a_statement_issued_stays(pipe: Pipeline, text: str) -> None:
    assert statement_roots(pipe, text)


def test_an_agreement_in_force_is_no_signing(pipe: Pipeline) -> None:
    def signings(text: str) -> list[str]:
        events: list[Event] = pipe.code(Article(body=text, language="en")).events
        return [e.cameo.code for e in events if e.cameo.code == "057"]

    assert not signings("In our defense treaty between Japan and Vietnam, the islands are covered.")
    assert signings("Japan and Vietnam signed a defense treaty in Hanoi.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Peruvian foreign minister issued a statement on Tuesday criticizing the vote. "
            "The statement threatened sanctions against Bolivian leaders.",
            ("PER", "BOL", "13"),
        ),
        (
            "The Chinese foreign ministry issued a statement on Monday. The statement urged "
            "Japan to halt the release of the water.",
            ("CHN", "JPN", "02"),
        ),
    ],
)
def test_a_statement_speaks_for_whoever_issued_it(
    pipe: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    events = pipe.code(Article(body=text, language="en", published="2025-03-12")).events
    found = {
        (e.source.country, e.target.country if e.target else None, e.cameo.root) for e in events
    }
    assert expected in found


def test_a_statement_nobody_issued_speaks_for_no_one(pipe: Pipeline) -> None:
    text = "The statement urged Japan to halt the release of the water."
    assert not pipe.code(Article(body=text, language="en", published="2025-03-12")).events
