"""Acts the news does not report as done, and the dates of acts that lie ahead (the day
they are said).

Each test states what must and what must not come out; the sentences are written for
dateline, not taken from any corpus. Publication: Monday 2025-03-10."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.events.time import resolve_date
from dateline.model import Article, Event
from dateline.pipeline import Pipeline

MONDAY = "2025-03-10"


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published=MONDAY)).events


def on(events: list[Event], trigger: str) -> list[Event]:
    found = [e for e in events if e.trigger.text == trigger]
    assert found, f"no event on {trigger!r}"
    return found


# -- dates of acts that lie ahead -----------------------------------------------------------
def test_a_weekday_ahead_is_the_coming_one() -> None:
    monday = dt.date(2025, 3, 10)
    assert resolve_date("Thursday", monday, True).date == "2025-03-13"  # type: ignore[union-attr]
    assert resolve_date("Thursday", monday).date == "2025-03-06"  # type: ignore[union-attr]
    # the publication day's own weekday is that day either way
    assert resolve_date("Monday", monday, True).date == "2025-03-10"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "trigger", "date"),
    [
        # A stated intent is an act of speech: it happened when it was said (the
        # publication day here), not on the day it names.
        ("The Kenyan president will visit Uganda on Thursday.", "visit", MONDAY),
        ("Japan plans to send aid to the Philippines on Wednesday.", "send", MONDAY),
        ("The Polish president is due to visit Kyiv in April.", "visit", MONDAY),
        # The day it was said, when the sentence gives it.
        (
            "Japan said on Friday that it will send aid to the Philippines on Wednesday.",
            "send",
            "2025-03-07",
        ),
    ],
)
def test_acts_ahead_are_dated_when_they_are_said(
    pipe: Pipeline, text: str, trigger: str, date: str
) -> None:
    events = on(code(pipe, text), trigger)
    assert {e.date for e in events} == {date}


@pytest.mark.parametrize(
    ("text", "trigger", "date"),
    [
        ("The Kenyan president visited Uganda on Thursday.", "visited", "2025-03-06"),
        (
            "Chinese President Xi Jinping met Russian President Vladimir Putin on Friday.",
            "met",
            "2025-03-07",
        ),
    ],
)
def test_acts_done_keep_the_last_weekday(
    pipe: Pipeline, text: str, trigger: str, date: str
) -> None:
    events = on(code(pipe, text), trigger)
    assert {e.date for e in events} == {date}


# -- acts wanted, judged or weighed are not reported as done --------------------------------
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a necessity noun with "for X to" or "for" an event
        ("The senator stressed the need for Japan to invest in Philippine ports.", "invest"),
        ("The senator stressed the need for talks between Serbia and Kosovo.", "talks"),
        ("It is time for Israel and Hamas to sign a ceasefire.", "ceasefire"),
        # an adjective of need or likelihood (said by someone, it is the speaker's demand on
        # Germany: tests/events/test_prescriptions.py)
        ("It is important for Germany to provide weapons to Ukraine.", "provide"),
        ("Analysts said it is unlikely that China invades Taiwan.", "invades"),
        ("It is unlikely that Pakistan and India will hold talks soon.", "hold"),
        # an outcome sought
        (
            "Washington wants to make sure that Israel makes concessions to the Palestinians.",
            "makes",
        ),
        (
            "Kenya needs to make sure that Somalia withdraws its troops from the border.",
            "withdraws",
        ),
        # a possibility weighed
        ("There is little reason to think that Putin will meet Zelenskyy.", "meet"),
        ("There is no sign that Russia attacked Moldova.", "attacked"),
        ("Officials said there is no sign Iran has supplied missiles to Russia.", "supplied"),
    ],
)
def test_acts_under_an_unasserting_frame_are_not_coded(
    pipe: Pipeline, text: str, trigger: str
) -> None:
    # a hypothetical is no row at all (docs/conventions.md), flagged or not
    assert not [e for e in code(pipe, text) if e.trigger.text == trigger]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Germany provided weapons to Ukraine.", "provided"),
        ("Serbia and Kosovo held talks in Brussels.", "held"),
        ("Kenya made sure that Somalia withdrew its troops from the border.", "withdrew"),
        ("The report found evidence that Iran has supplied missiles to Russia.", "supplied"),
        ("Putin will meet Zelenskyy in Istanbul.", "meet"),
    ],
)
def test_reported_acts_stay_unflagged(pipe: Pipeline, text: str, trigger: str) -> None:
    assert not any(e.hypothetical for e in on(code(pipe, text), trigger))
