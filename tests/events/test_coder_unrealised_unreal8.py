"""Acts the news does not report as done, and the dates of acts that lie ahead.

Each test states what must and what must not come out; the sentences are written for
dateline, not taken from any corpus. Publication: Monday 2025-03-10."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.events.time import resolve_date
from dateline.model import Article, Event
from dateline.pipeline import Pipeline

MONDAY = "2025-03-10"


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


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
        ("The Kenyan president will visit Uganda on Thursday.", "visit", "2025-03-13"),
        ("Japan plans to send aid to the Philippines on Wednesday.", "send", "2025-03-12"),
        (
            "The Polish president is due to visit Kyiv on Friday.",
            "visit",
            "2025-03-14",
        ),
    ],
)
def test_acts_ahead_take_the_coming_weekday(
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
