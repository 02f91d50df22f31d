"""Custody told as a state (events/custody.py): "X has been in custody since <date>" is an
arrest of X by X's authorities on that date. Sentences written for dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-12")).events


def arrests(events: list[Event]) -> list[Event]:
    return [e for e in events if e.cameo.code == "173"]


@pytest.mark.parametrize(
    ("text", "country", "date"),
    [
        (
            "Tendai Moyo, a Zimbabwean journalist, has been in custody since Feb. 24 over "
            "accusations of incitement.",
            "ZWE",
            "2025-02-24",
        ),
        (
            "The Cambodian reporter had been in pretrial detention since October 3.",
            "KHM",
            "2024-10-03",
        ),
        ("Two Kenyan activists have been held in detention since January 9.", "KEN", "2025-01-09"),
    ],
)
def test_custody_since_a_date_is_an_arrest_on_that_date(
    pipe: Pipeline, text: str, country: str, date: str
) -> None:
    found = arrests(code(pipe, text))
    assert len(found) == 1
    event = found[0]
    assert (event.source.country, event.source.sector) == (country, "GOV")
    assert event.target is not None and event.target.country == country
    assert event.plover.event == "COERCE"
    assert (event.date, event.date_precision) == (date, "day")


@pytest.mark.parametrize(
    "text",
    [
        "The Ugandan singer has been in London since May.",
        "The Iranian activist should be in custody since he broke the law.",
        "The Kenyan activist has been in custody for two weeks.",
    ],
)
def test_other_states_and_unasserted_custody_are_no_arrest(pipe: Pipeline, text: str) -> None:
    assert not arrests(code(pipe, text))


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Kenyan police took the opposition leader into custody on Monday.", "KEN"),
        ("The Turkish journalist was placed in pretrial detention in Istanbul on Tuesday.", "TUR"),
        ("Georgian authorities put two opposition activists under arrest.", "GEO"),
    ],
)
def test_taking_or_placing_someone_in_custody_is_an_arrest(
    pipe: Pipeline, text: str, country: str
) -> None:
    found = arrests(code(pipe, text))
    assert [(e.source.country, e.target.country if e.target else None) for e in found] == [
        (country, country)
    ]


def test_placing_troops_on_alert_is_no_arrest(pipe: Pipeline) -> None:
    assert not arrests(code(pipe, "The Ugandan army placed its troops on alert."))
