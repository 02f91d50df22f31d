"""A show of force at home is aimed at what its place faces, not at the home country
(events/home_ground.py). Sentences written for dateline."""

from __future__ import annotations

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def mobilizations(pipe: Pipeline, text: str) -> list[Event]:
    events = pipe.code(Article(body=text, language="en", published="2025-03-12")).events
    return [e for e in events if e.plover.event == "MOBILIZE"]


def test_troops_sent_to_the_home_border_face_the_neighbour(pipe: Pipeline) -> None:
    found = mobilizations(
        pipe, "Brazil's president sent 5,000 troops to Brazil's southern border with Paraguay."
    )
    assert found
    assert {e.target.country if e.target else None for e in found} == {"PRY"}


def test_a_home_place_with_no_neighbour_is_no_target(pipe: Pipeline) -> None:
    found = mobilizations(pipe, "Algeria deployed extra troops to the desert border in Algeria.")
    assert all(e.target is None or e.target.text == "" for e in found)


def test_troops_sent_abroad_target_that_country(pipe: Pipeline) -> None:
    found = mobilizations(pipe, "Algeria deployed extra troops to Mali on Monday.")
    assert [e.target.country if e.target else None for e in found] == ["MLI"]


def test_troops_along_a_border_face_the_country_across_it(pipe: Pipeline) -> None:
    found = mobilizations(pipe, "Armenia deployed more troops along its border with Azerbaijan.")
    assert [e.target.country if e.target else None for e in found] == ["AZE"]
