"""A demand for the release of people is made of whoever holds them (events/captives.py).
Sentences written for dateline."""

from __future__ import annotations

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-12")).events


def test_insurgents_demanding_prisoners_release_ask_their_state(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Nigerian officials said Boko Haram attacked a village on Monday. "
        "Boko Haram demanded the release of jailed Nigerian activists.",
    )
    demands = [e for e in events if e.cameo.code.startswith("1053")]
    assert demands
    assert all(e.target is not None and e.target.code == "NGAGOV" for e in demands)


def test_a_threat_conditioned_on_a_release_is_aimed_at_the_holder(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Malian officials said the rebels attacked a base in Mali. "
        "The rebels threatened to kill the hostages unless jailed fighters were freed.",
    )
    threats = [e for e in events if e.trigger.text == "threatened"]
    assert threats
    assert all(e.target is not None and e.target.code == "MLIGOV" for e in threats)


def test_a_state_asking_for_its_own_citizen_does_not_ask_itself(pipe: Pipeline) -> None:
    events = code(pipe, "Canada demanded the release of Canadian journalist Anne Cole.")
    demands = [e for e in events if e.cameo.code.startswith("1053")]
    assert demands
    assert all(e.target is None or e.target.sector != "GOV" for e in demands)
