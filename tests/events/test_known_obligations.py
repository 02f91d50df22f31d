"""A need its subject is said, in a quotation, to know of ('"They know they need to ...,"
X said'): X's demand on them, not the knower's. Sentences written for dateline."""

from __future__ import annotations

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


def demands(events: list[Event]) -> list[tuple[str | None, str | None]]:
    return [(e.source.code, e.target.code) for e in events if e.cameo.root == "10"]


def test_a_known_need_in_a_quotation_is_the_speakers_demand(pipe: Pipeline) -> None:
    events = code(
        pipe,
        '"Chile knows that it must release the detained fishermen," Peru\'s foreign minister said.',
    )
    assert any(s == "PERGOV" and t == "CHL" for s, t in demands(events))


def test_a_state_called_they_in_a_quotation_is_the_target_of_the_demand(
    pipe: Pipeline,
) -> None:
    events = code(
        pipe,
        "Chile seized three fishing boats on Monday. "
        '"They know that they need to release the fishermen," a senior Peruvian official said.',
    )
    assert any(s == "PERGOV" and t == "CHL" for s, t in demands(events))
