"""Blame told in a cleft sentence (events/clefts.py). Sentences written for dateline."""

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
        '"It is President Vladimir Putin who is responsible," German Chancellor Olaf Scholz '
        "said on Monday.",
        '"It was the Russian government that was responsible," German Chancellor Olaf Scholz '
        "told reporters.",
    ],
)
def test_the_actor_in_focus_of_a_cleft_is_blamed(pipe: Pipeline, text: str) -> None:
    assert ("DEU", "RUS") in dyads(code(pipe, text), "ACCUSE")


@pytest.mark.parametrize(
    "text",
    [
        '"It is not President Vladimir Putin who is responsible," German Chancellor Olaf '
        "Scholz said on Monday.",
        "German Chancellor Olaf Scholz said President Vladimir Putin is responsible for "
        "energy policy.",
    ],
)
def test_no_blame_denied_or_for_a_duty(pipe: Pipeline, text: str) -> None:
    assert ("DEU", "RUS") not in dyads(code(pipe, text), "ACCUSE")
