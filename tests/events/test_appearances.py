"""Joint appearances named by a noun (events/appearances.py) and measures taken against
someone (the trigger lexicon's rel. rows, events/measures.py). Sentences written for
dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-12")).events


def dyads(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.country, e.target.country if e.target else None, e.plover.event) for e in events
    }


@pytest.mark.parametrize(
    ("text", "host", "partner"),
    [
        (
            "Kenyan President William Ruto held a joint press conference with Tanzanian "
            "President Samia Suluhu Hassan on Tuesday.",
            "KEN",
            "TZA",
        ),
        (
            "The French defense minister said during a news conference in Paris on Monday "
            "with Italian Defense Minister Guido Crosetto that the talks went well.",
            "FRA",
            "ITA",
        ),
        (
            "The Indian foreign minister told reporters at a joint briefing with his Nepali "
            "counterpart that the border would reopen.",
            "IND",
            "NPL",
        ),
    ],
)
def test_a_news_conference_with_someone_is_a_meeting_with_them(
    pipe: Pipeline, text: str, host: str, partner: str
) -> None:
    assert (host, partner, "CONSULT") in dyads(code(pipe, text))


def test_a_news_conference_alone_is_no_meeting(pipe: Pipeline) -> None:
    events = code(pipe, "The Spanish foreign minister held a news conference in Madrid on Friday.")
    assert not [e for e in events if e.plover.event == "CONSULT"]


def test_measures_taken_against_someone_coerce_them(pipe: Pipeline) -> None:
    events = code(
        pipe, "The Philippine coast guard took measures against Chinese vessels on Monday."
    )
    assert ("PHL", "CHN", "COERCE") in dyads(events)


def test_measures_promised_against_someone_threaten_them(pipe: Pipeline) -> None:
    text = "The Japanese prime minister said Japan will take action against China if it enters."
    assert ("JPN", "CHN", "THREATEN") in dyads(code(pipe, text))


def test_steps_against_a_problem_are_no_measure_against_anyone(pipe: Pipeline) -> None:
    assert not code(pipe, "The Chilean government took steps to curb inflation.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Seoul will take all necessary steps to stop North Korea from launching missiles.",
            ("KOR", "PRK", "THREATEN"),
        ),
        (
            "Paris said France will take any diplomatic measures necessary to prevent Algeria "
            "from expelling its diplomats.",
            ("FRA", "DZA", "THREATEN"),
        ),
        (
            "Ankara took action to deter Greece from militarizing the islands.",
            ("TUR", "GRC", "COERCE"),
        ),
    ],
)
def test_measures_to_stop_someone_are_aimed_at_them(
    pipe: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(code(pipe, text))


def test_measures_to_stop_a_trend_are_aimed_at_no_one(pipe: Pipeline) -> None:
    assert not code(pipe, "The Chilean government took steps to stop prices from rising.")
