"""Liberties curbed, told by a speaker, accuse whoever curbs them (events/liberties.py).
Sentences written for dateline."""

from __future__ import annotations

import pytest

from builders import coded_events as code
from builders import dyads
from dateline.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        (
            '"The verdict shows how Laos uses vague laws to suppress fundamental freedoms," '
            "the Australian foreign ministry spokesperson said.",
            ("AUS", "LAO"),
        ),
        ("Amnesty International said Cuba is stifling dissent.", ("NGO", "CUB")),
        (
            "The European Union said Belarus has trampled on the rights of journalists.",
            ("IGO", "BLR"),
        ),
    ],
)
def test_a_speaker_telling_of_liberties_curbed_accuses_the_curber(
    pipe: Pipeline, text: str, dyad: tuple[str, str]
) -> None:
    accusations = {
        ((e.source.code or "")[:3], e.target.country if e.target else None)
        for e in code(pipe, text)
        if e.plover.event == "ACCUSE"
    }
    assert dyad in accusations


def test_a_liberty_curbed_is_no_act_of_its_own(pipe: Pipeline) -> None:
    events = code(pipe, "Amnesty International said Cuba is stifling dissent.")
    assert not dyads(events, "PROTEST")


@pytest.mark.parametrize(
    "text",
    [
        "The European Union said Belarus has not curtailed press freedom.",
        "The European Union said Belarus protects the rights of journalists.",
        # a protest crushed is force, told as such, not a liberty curbed
        "The European Union said Belarus crushed the protests in Minsk.",
    ],
)
def test_no_accusation_for_liberties_spared_or_no_liberty(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    accusations = [e for e in events if e.rule == "g.evaluation.criticism:blame"]
    assert not accusations
