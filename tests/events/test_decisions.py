"""Measures announced as decided (``events/decisions.py``): an announced future cut in aid or
relations is the measure, not a threat; said or conditional, it stays a threat. Sentences
written for dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-12")).events


def codes(events: list[Event]) -> set[tuple[str, str | None, str]]:
    return {
        (e.source.country or "", e.target.country if e.target else None, e.cameo.code)
        for e in events
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Norway announced on Tuesday that it would suspend development aid to Mali.",
            ("NOR", "MLI", "162"),
        ),
        (
            "Japan announced it will halt military aid and intelligence sharing with Myanmar.",
            ("JPN", "MMR", "162"),
        ),
    ],
)
def test_an_announced_cut_is_the_measure(
    pipe: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in codes(code(pipe, text))


@pytest.mark.parametrize(
    "text",
    [
        "Norway said on Tuesday that it would suspend development aid to Mali.",
        "Norway announced that it would suspend development aid to Mali if the junta stays.",
    ],
)
def test_a_cut_said_or_conditioned_stays_a_threat(pipe: Pipeline, text: str) -> None:
    found = codes(code(pipe, text))
    assert ("NOR", "MLI", "1311") in found
    assert ("NOR", "MLI", "162") not in found


def test_announced_aid_stays_a_stated_intent(pipe: Pipeline) -> None:
    found = codes(code(pipe, "Norway announced it would send more food aid to Mali."))
    assert not any(c.startswith("07") for _, _, c in found)
