"""What a request asks for is its content, not a second event that took place."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-12")).events


@pytest.mark.parametrize(
    "text",
    [
        "France pressed Iran to resume talks with the agency.",
        "China called for dialogue between Russia and Ukraine.",
        "France pushed for a ceasefire between Israel and Hezbollah.",
        "Germany renewed its calls for a ceasefire and talks between Israel and Hezbollah.",
    ],
)
def test_the_content_of_a_request_is_not_coded(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert events, "the request itself is an event"
    assert {e.plover.event for e in events} == {"REQUEST"}


def test_an_act_beside_a_request_is_still_coded(pipe: Pipeline) -> None:
    events = code(pipe, "Iran and Oman held talks on Monday, and called for a ceasefire in Gaza.")
    assert {e.plover.event for e in events} == {"CONSULT", "REQUEST"}


def test_a_gerund_asked_for_by_a_request_noun_is_not_coded(pipe: Pipeline) -> None:
    text = "Nordic ministers met this week after calls for boosting aid to Moldova."
    assert not any(e.plover.event == "AID" for e in code(pipe, text))
    assert any(e.plover.event == "AID" for e in code(pipe, "Norway is boosting aid to Moldova."))
