"""Activating forces is a mobilization (triggers.tsv rows mat2.*). Sentences written for
dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-12")).events


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The African Union activated a standby force of 5,000 troops on Monday.", None),
        ("Nigeria's defense minister announced the activation of a standby military force.", "NGA"),
        ("Poland activated thousands of reservists after the drone incursion.", "POL"),
    ],
)
def test_activating_forces_is_a_mobilization(pipe: Pipeline, text: str, source: str | None) -> None:
    found = [e for e in code(pipe, text) if e.plover.event == "MOBILIZE"]
    assert found
    assert all(e.source.country == source for e in found)


def test_activating_anything_else_is_no_mobilization(pipe: Pipeline) -> None:
    events = code(pipe, "The Polish government activated a new tax portal on Monday.")
    assert not any(e.plover.event == "MOBILIZE" for e in events)
