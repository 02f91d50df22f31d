"""A news outlet's interview is no consultation (``events/interviews.py``). Sentences
written for dateline."""

from __future__ import annotations

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


def consultations(events: list[Event]) -> list[Event]:
    return [e for e in events if e.cameo.root == "04"]


def test_an_outlet_speaking_with_a_minister_is_no_consultation(pipe: Pipeline) -> None:
    events = code(
        pipe, "The Yomiuri Shimbun newspaper spoke with Japanese Defense Minister Taro Kono."
    )
    assert not consultations(events)


def test_two_governments_speaking_stay_a_consultation(pipe: Pipeline) -> None:
    events = code(
        pipe, "Japanese Defense Minister Taro Kono spoke with South Korean President Yoon."
    )
    assert any(
        {e.source.country, e.target.country if e.target else None} == {"JPN", "KOR"}
        for e in consultations(events)
    )


def test_a_meeting_with_publishers_stays_a_consultation(pipe: Pipeline) -> None:
    events = code(pipe, "Taliban officials held a meeting with Afghan publishers in Kabul.")
    assert consultations(events)
