"""A wrong suffered "by all sides in the Y conflict" is laid on Y (events/_blame.py,
``conflict_side``). Sentences written for dateline."""

from __future__ import annotations

import pytest

from builders import coded_events as code
from dateline.pipeline import Pipeline


def accused(pipe: Pipeline, text: str) -> set[str | None]:
    return {
        e.target.code if e.target else None for e in code(pipe, text) if e.plover.event == "ACCUSE"
    }


def test_a_wrong_by_the_sides_of_a_named_conflict_accuses_its_namesake(pipe: Pipeline) -> None:
    text = (
        "Oxfam says the population of Chad is being victimized by all sides in the Boko "
        "Haram conflict."
    )
    assert "NGAREB" in accused(pipe, text)


@pytest.mark.parametrize(
    "text",
    [
        # a conflict named after no one blames no one
        "Oxfam says civilians are being victimized by all sides in the conflict.",
        # sides of something else
        "Oxfam says civilians are being victimized by all sides in the Boko Haram debate.",
    ],
)
def test_no_side_blamed_without_a_named_conflict(pipe: Pipeline, text: str) -> None:
    assert not accused(pipe, text)
