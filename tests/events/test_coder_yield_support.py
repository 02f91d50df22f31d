"""Repeals and scrapped tariffs as yielding (CAMEO 081, 085), nominations and their approval
as support (051), and the agents of action nouns that a date or the parser hides ("last
year's bombing of X by Y", "the arrest of X by Y"). Sentences written for dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> set[tuple[str | None, str | None, str]]:
    events = pipe.code(Article(body=text, language="en", published="2025-03-14")).events
    return {
        (e.source.country, e.target.country if e.target else None, e.cameo.code) for e in events
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The United States repealed tariffs on Chinese steel on Monday.", ("USA", "CHN", "085")),
        ("Canada scrapped its tariffs on American cars.", ("CAN", "USA", "085")),
        ("Sudan's government repealed a law that restricted women's dress.", ("SDN", "SDN", "081")),
        ("The Egyptian government abolished the curfew in Cairo.", ("EGY", "EGY", "081")),
    ],
)
def test_repealing_a_restriction_or_a_tariff_is_yielding(
    pipe: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in code(pipe, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Senate confirmed the nomination of Marco Rubio as secretary of state.",
            ("USA", "USA", "051"),
        ),
        (
            "Kenyan President William Ruto nominated Kenya's foreign minister Musalia Mudavadi "
            "as his deputy.",
            ("KEN", "KEN", "051"),
        ),
    ],
)
def test_a_nomination_and_its_approval_are_support(
    pipe: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in code(pipe, text)


def test_a_nomination_for_a_prize_is_no_event(pipe: Pipeline) -> None:
    assert not code(pipe, "The film was nominated for an Oscar.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Last year's bombing of the Turkish embassy by Syrian forces killed three people.",
            ("SYR", "TUR", "183"),
        ),
        (
            "The recent arrest of a French journalist by Iranian police drew criticism.",
            ("IRN", "FRA", "173"),
        ),
    ],
)
def test_the_agent_of_an_action_noun_behind_a_date_or_its_patient(
    pipe: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in code(pipe, text)
