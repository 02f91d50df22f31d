"""A denial answers the accusation the story just reported (``events/denials.py``).
Sentences written for dateline."""

from __future__ import annotations

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


def denials(events: list[Event]) -> list[Event]:
    return [e for e in events if e.cameo.code.startswith("016")]


def test_a_denial_is_aimed_at_the_accuser_named_before(pipe: Pipeline) -> None:
    text = (
        "Kenyan police accused al-Shabab of the bombing in Garissa. "
        "The militant group denied involvement."
    )
    found = denials(code(pipe, text))
    assert found and all(e.target is not None and e.target.country == "KEN" for e in found)


def test_a_denial_by_someone_not_accused_stays_unaimed(pipe: Pipeline) -> None:
    text = "Kenya accused Somalia of meddling. Ethiopia denied involvement in the attack."
    found = denials(code(pipe, text))
    assert found and all(e.target is None for e in found)


def test_an_accusation_long_before_is_not_answered(pipe: Pipeline) -> None:
    text = (
        "Kenyan police accused al-Shabab of the bombing in Garissa. Schools closed. "
        "Markets stayed shut. Buses stopped running. Aid arrived late. "
        "Al-Shabab later denied involvement in an ambush."
    )
    found = denials(code(pipe, text))
    assert found and all(e.target is None for e in found)
