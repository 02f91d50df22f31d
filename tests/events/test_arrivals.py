"""Help that arrives from abroad (events/arrivals.py): "firefighters from X arrived in Y" is
aid from X to Y; with no place named, to the country the story is about. Sentences written
for dateline."""

from __future__ import annotations

import pytest

from builders import by_rule
from dateline.model import Article, Event
from dateline.pipeline import Pipeline

RULE = "acts5.g.help.arrived.from"


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-14")).events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Firefighters from Canada and Mexico have landed in Portugal.",
            {("CAN", "PRT", "AID"), ("MEX", "PRT", "AID")},
        ),
        ("Aid from Japan arrived in Myanmar on Monday.", {("JPN", "MMR", "AID")}),
    ],
)
def test_help_from_x_arriving_in_y_is_aid_from_x_to_y(
    pipe: Pipeline, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert by_rule(code(pipe, text), RULE) == expected


def test_help_from_a_listed_abroad_aids_the_story_country(pipe: Pipeline) -> None:
    text = (
        "Wildfires have burned across Chile for a week. Chilean officials say the fires "
        "are the worst in Chile in decades. Rescuers have arrived from abroad, including "
        "Argentina and Brazil."
    )
    assert by_rule(code(pipe, text), RULE) == {("ARG", "CHL", "AID"), ("BRA", "CHL", "AID")}


@pytest.mark.parametrize(
    "text",
    [
        "Firefighters from Spain are expected to arrive in Greece next week.",
        "More aid from Turkey will arrive in Syria.",
        "Firefighters from Portugal arrived from Lisbon.",
        # a story about the givers themselves: no place they came to
        "Reinforcements have arrived from abroad, including Japan, India and Brazil.",
    ],
)
def test_planned_arrivals_and_no_place_are_no_aid(pipe: Pipeline, text: str) -> None:
    assert not by_rule(code(pipe, text), RULE)
