"""Forces sent to protect someone (events/protection.py): military protection (074, AID)
given to whom the purpose names, not a show of force. Sentences written for dateline."""

from __future__ import annotations

import pytest

from builders import dyads
from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-12")).events


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("France sent troops to protect Malian civilians.", "FRA", "MLI"),
        ("Kenya deployed police to protect Somali refugees in Dadaab.", "KEN", "SOM"),
        (
            "U.N. peacekeepers have been deployed to protect Congolese civilians and their goods.",
            None,
            "COD",
        ),
    ],
)
def test_forces_sent_to_protect_people_give_them_protection(
    pipe: Pipeline, text: str, source: str | None, target: str
) -> None:
    events = code(pipe, text)
    assert any(t == target and (source is None or s == source) for s, t in dyads(events, "AID"))
    assert not dyads(events, "MOBILIZE")


def test_forces_sent_to_guard_a_place_stay_a_mobilization(pipe: Pipeline) -> None:
    events = code(pipe, "Russia deployed troops to guard the border.")
    assert dyads(events, "MOBILIZE")
    assert not dyads(events, "AID")
