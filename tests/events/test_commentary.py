"""What a commentator says is commentary, not an act of the states it names
(events/commentary.py). Sentences written for dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-12")).events


def dyads(events: list[Event]) -> set[tuple[str | None, str | None]]:
    return {(e.source.country, e.target.country if e.target else None) for e in events}


@pytest.mark.parametrize(
    "text",
    [
        # a role of commentators in an apposition of the speaker
        "Jan Kowalski, a defense expert, told VOA that Russia had threatened Poland.",
        "Marko Horvat, a political and security expert, told VOA the moves of the Bosnian Serb "
        "leader were operations carried out at the behest of Russia and Serbia, and therefore it "
        "is a very dangerous situation.",
        # a place at a body of research or teaching
        '"Beijing is pressuring Manila every day," said Maria Santos, a professor at the '
        "University of the Philippines.",
        '"The government in Vietnam works directly with companies and universities on chip '
        "design,\" said Anna Lee, director of Harvard University's Asia Institute.",
    ],
)
def test_what_a_commentator_says_is_no_act(pipe: Pipeline, text: str) -> None:
    assert code(pipe, text) == []


@pytest.mark.parametrize(
    "text, dyad",
    [
        # the same acts told by officials, or by an NGO's researcher named by a compound
        (
            "Russia threatened Poland on Monday, the Polish foreign minister told VOA.",
            ("RUS", "POL"),
        ),
        (
            '"Beijing is pressuring Manila every day," said the Philippine foreign minister.',
            ("CHN", "PHL"),
        ),
        (
            "Rights researcher Ana Diaz said Venezuelan police detained 30 protesters.",
            ("VEN", "VEN"),
        ),
    ],
)
def test_the_same_act_told_by_others_is_coded(
    pipe: Pipeline, text: str, dyad: tuple[str, str]
) -> None:
    assert dyad in dyads(code(pipe, text))


def test_a_time_clause_in_a_commentators_view_is_presupposed(pipe: Pipeline) -> None:
    text = (
        "Olga Petrova, an economist at a Moscow university, noted that trade with India is "
        "smaller than it was before Russia invaded Ukraine."
    )
    assert ("RUS", "UKR") in dyads(code(pipe, text))
