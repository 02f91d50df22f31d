"""Meetings named by "their" (events/occasions.py) and guests named by "visiting"
(events/guests.py). Sentences written for dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-12")).events


def consultations(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.country, e.target.country if e.target else None, e.cameo.code)
        for e in events
        if e.plover.event == "CONSULT"
    }


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("During their talks on Monday, Xi and Putin agreed to expand trade.", {"CHN", "RUS"}),
        (
            "In a joint statement issued at their meeting in May, Tokyo and Seoul condemned "
            "the missile launches.",
            {"JPN", "KOR"},
        ),
    ],
)
def test_their_meeting_is_a_meeting_among_the_subjects(
    pipe: Pipeline, text: str, pair: set[str]
) -> None:
    met = consultations(code(pipe, text))
    assert any({s, t} == pair and code == "040" for s, t, code in met)
    assert not any(s == t for s, t, _ in met)


def test_their_meeting_of_one_subject_is_no_meeting(pipe: Pipeline) -> None:
    assert not consultations(code(pipe, "During their meeting, Xi praised the plan."))


@pytest.mark.parametrize(
    ("text", "host", "guest"),
    [
        (
            "On Thursday, U.S. Secretary of State Antony Blinken assured visiting Australian "
            "Foreign Minister Penny Wong that Washington would stand by Canberra.",
            "USA",
            "AUS",
        ),
        (
            "Indian Prime Minister Narendra Modi told visiting German Chancellor Olaf Scholz "
            "that India wants more trade.",
            "IND",
            "DEU",
        ),
    ],
)
def test_a_visiting_addressee_is_the_subjects_guest(
    pipe: Pipeline, text: str, host: str, guest: str
) -> None:
    assert (host, guest, "043") in consultations(code(pipe, text))


def test_visiting_a_place_is_no_guest(pipe: Pipeline) -> None:
    events = code(pipe, "Indian Prime Minister Narendra Modi enjoyed visiting Paris.")
    assert not any(e.rule == "g.visiting.guest" for e in events)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Brazilian President Lula is on a state visit to China this week.", ("BRA", "CHN")),
        (
            "The Indian foreign minister was in Beijing for talks with Chinese officials.",
            ("IND", "CHN"),
        ),
        ("The Turkish president is on his way to Baku.", ("TUR", "AZE")),
        ("Russian envoys were on their way to Washington for talks.", ("RUS", "USA")),
        ("The Indian foreign minister is en route to Beijing.", ("IND", "CHN")),
    ],
)
def test_being_at_a_meeting_or_on_a_trip_takes_part_in_it(
    pipe: Pipeline, text: str, pair: tuple[str, str]
) -> None:
    assert any((s, t) == pair for s, t, _ in consultations(code(pipe, text)))


@pytest.mark.parametrize(
    "text",
    [
        "Kenya is well on its way to economic recovery.",
        "The shipment of Iranian drones was on its way to Russia.",
    ],
)
def test_a_country_or_a_cargo_on_its_way_pays_no_visit(pipe: Pipeline, text: str) -> None:
    assert not consultations(code(pipe, text))
