"""Acts done as the means of another (events/manner.py): "X helped Y by offering to ..." is
an offer by X to Y; "X retaliated against Y by banning imports" a ban aimed at Y. Sentences
written for dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article
from dateline.pipeline import Pipeline


def triples(pipe: Pipeline, text: str) -> set[tuple[str | None, str | None, str]]:
    events = pipe.code(Article(body=text, language="en", published="2025-03-14")).events
    return {
        (e.source.country, e.target.country if e.target else None, e.plover.event) for e in events
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan helped Thailand by offering to resettle the refugees.", ("JPN", "THA", "AGREE")),
        (
            "China retaliated against Japan by banning imports of seafood.",
            ("CHN", "JPN", "SANCTION"),
        ),
        (
            "Washington pressured Tehran by threatening new sanctions.",
            ("USA", "IRN", "THREATEN"),
        ),
        (
            # the parser hangs the means on "including", and on the purpose clause
            "The U.S. had worked with Thailand for years to avoid the refugees' return, "
            "including by repeatedly offering to resettle them.",
            ("USA", "THA", "AGREE"),
        ),
    ],
)
def test_an_act_done_as_a_means_is_aimed_where_its_end_is(
    pipe: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(pipe, text)


def test_an_act_before_another_is_not_its_means(pipe: Pipeline) -> None:
    found = triples(pipe, "Japan helped Thailand after offering to resettle the refugees.")
    assert ("JPN", "THA", "AGREE") not in found
