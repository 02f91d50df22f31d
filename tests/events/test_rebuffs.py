"""Rejection an actor or its act meets from a rejecter (events/rebuffs.py). Sentences
written for dateline."""

from __future__ import annotations

import pytest

from builders import dyads
from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


@pytest.mark.parametrize(
    "text",
    [
        "Peru's proposal faced stiff resistance from Chile.",
        "Peru met with opposition from Chile over the plan.",
        "The survey, linked to an application that Peru filed in 2015, met with objections "
        "from Chile.",
    ],
)
def test_rejection_met_is_the_rejecters_rejection_of_the_subject(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert ("CHL", "PER") in dyads(events, "REJECT")
    # the verb that carries the rejection is no meeting
    assert not dyads(events, "CONSULT")


@pytest.mark.parametrize(
    "text",
    [
        "Peru's plan faced no opposition from Chile.",
        "Peru's opposition met with Chilean officials.",
    ],
)
def test_no_rejection_without_one_met(pipe: Pipeline, text: str) -> None:
    assert not dyads(code(pipe, text), "REJECT")
