"""Acts named as things that exist, not reported as done (events/existing.py). Sentences
written for dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-12")).events


@pytest.mark.parametrize(
    "text",
    [
        "The military cooperation between Mali and Niger still stands.",
        "The defence pact between Russia and Belarus remains in place.",
        "Washington could also react to China's ban on American chips.",
        "The United States might respond to Iran's attack on Israel.",
    ],
)
def test_an_act_named_as_existing_is_no_new_act(pipe: Pipeline, text: str) -> None:
    assert not code(pipe, text)


def test_an_act_a_done_reaction_answers_is_still_coded(pipe: Pipeline) -> None:
    events = code(pipe, "The United States responded to Iran's attack on Israel.")
    assert any(
        (e.source.country, e.target.country if e.target else None) == ("IRN", "ISR") for e in events
    )
