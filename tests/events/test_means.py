"""What an act sends is not whom it is aimed at (``events/means.py``). Sentences written for
dateline."""

from __future__ import annotations

from dateline.model import Article
from dateline.pipeline import Pipeline


def visit_targets(pipe: Pipeline, text: str) -> list[str | None]:
    events = pipe.code(Article(body=text, language="en")).events
    return [e.target.text if e.target else None for e in events if e.cameo.root == "04"]


def test_a_delegation_sent_is_not_the_target(pipe: Pipeline) -> None:
    text = "The Kremlin sent a small delegation to attend the funeral of Iran's president."
    assert "a small delegation" not in visit_targets(pipe, text)


def test_where_a_delegation_is_sent_stays_the_target(pipe: Pipeline) -> None:
    assert visit_targets(pipe, "The Kremlin sent a small delegation to Iran.") == ["Iran"]


def test_a_party_named_in_the_object_phrase_stays_the_target(pipe: Pipeline) -> None:
    events = pipe.code(Article(body="Peru signed an agreement with Chile.", language="en")).events
    assert any(e.target and e.target.country == "CHL" for e in events)


def test_hostages_held_stay_the_target(pipe: Pipeline) -> None:
    text = "Somali pirates are holding more than 20 Kenyan hostages."
    events = pipe.code(Article(body=text, language="en")).events
    assert any(e.target and e.target.country == "KEN" for e in events if e.cameo.root == "18")
