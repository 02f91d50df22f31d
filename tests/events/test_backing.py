"""Acts done with someone's support (events/backing.py): "with support from X, Y did ..."
is aid from X to Y; from armed forces, military cooperation. Sentences written for
dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-14")).events


def credited(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.country, e.target.country if e.target else None, e.cameo.code)
        for e in events
        if e.rule == "g.with.support"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "With funding from Japan, the Kenyan government rebuilt three bridges.",
            ("JPN", "KEN", "071"),
        ),
        (
            "With assistance from Norway, Somali authorities reopened the port.",
            ("NOR", "SOM", "070"),
        ),
        (
            "With the help of Russian troops, the Syrian army recaptured the city.",
            ("RUS", "SYR", "062"),
        ),
    ],
)
def test_with_support_from_x_is_help_from_x(
    pipe: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    assert credited(code(pipe, text)) == {expected}


def test_support_between_compatriots_is_no_aid(pipe: Pipeline) -> None:
    text = "With support from Kenyan lawmakers, the Kenyan president signed the bill."
    assert not credited(code(pipe, text))
