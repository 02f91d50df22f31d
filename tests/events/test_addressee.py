"""A warning that says what it demands is aimed at whom it demands it of, and one act gives
one row (``events/addressee.py``). Sentences written for dateline."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

import pytest

from dateline.events.addressee import without_targetless_twins
from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "Iran issued a series of warnings demanding that Washington lift its sanctions.",
            "IRN",
            "USA",
        ),
        (
            "Egypt issued a series of warnings demanding that Ethiopia halt the dam project.",
            "EGY",
            "ETH",
        ),
    ],
)
def test_a_warning_is_aimed_at_whom_it_demands_of(
    pipe: Pipeline, text: str, source: str, target: str
) -> None:
    threats = [e for e in code(pipe, text) if e.cameo.root == "13"]
    assert any(e.target is not None and e.target.country == target for e in threats)
    # the same warning coded on its verb with no target is no second row
    assert all(e.target is not None for e in threats)
    assert all(e.source.country == source for e in threats)


def test_a_plain_warning_keeps_no_target(pipe: Pipeline) -> None:
    threats = [e for e in code(pipe, "Iran issued a warning on Monday.") if e.cameo.root == "13"]
    assert threats and all(e.target is None for e in threats)


def test_a_statement_dismissed_with_a_report_is_no_act_of_its_own(pipe: Pipeline) -> None:
    # the conjunct of a coded verb's object is what the verb acts on, like the object
    events = code(
        pipe,
        "The Taliban dismissed the U.N. report and later statements by the U.N. envoy as lies.",
    )
    assert any(e.cameo.root == "01" and e.source.country == "AFG" for e in events)
    assert not any(e.trigger.text == "statements" for e in events)


def test_a_protest_over_a_located_topic_is_not_against_the_place(pipe: Pipeline) -> None:
    events = code(pipe, "American students protested over the war in Gaza.")
    protests = [e for e in events if e.cameo.root == "14"]
    assert protests and not any(e.target and e.target.country == "PSE" for e in protests)
    named = code(pipe, "Iranian students protested against Israel.")
    assert any(e.cameo.root == "14" and e.target and e.target.country == "ISR" for e in named)


def _row(code: str, target: str | None) -> Event:
    actor = SimpleNamespace(start=0, code="PAKREB")
    aimed = SimpleNamespace(code=target) if target else None
    return cast(
        Event, SimpleNamespace(source=actor, target=aimed, cameo=SimpleNamespace(code=code))
    )


def test_only_the_targetless_twin_of_an_aimed_act_goes() -> None:
    aimed, twin = _row("130", "USAGOV"), _row("130", None)
    other = _row("183", None)  # another act of the same root: "blew up the tracks"
    kept = without_targetless_twins([twin, aimed, _row("181", "PAKCVL"), other])
    assert twin not in kept and aimed in kept and other in kept


def test_a_request_naming_a_generic_addressee_is_not_aimed_at_the_story_state(
    pipe: Pipeline,
) -> None:
    story = "Myanmar's junta drew criticism. The former ASEAN chief urged nations to act."
    requests = [e for e in code(pipe, story) if e.cameo.root == "02"]
    assert requests and all(e.target is None for e in requests)
    # with no addressee at all, the request stays aimed at the state the story is about
    for story in (
        "Myanmar's junta drew criticism. Burmese monks called for an end to the killings.",
        "Myanmar's junta drew criticism. Burmese monks urged an end to the killings.",
    ):
        aimed = [e for e in code(pipe, story) if e.cameo.root == "02" and e.target is not None]
        assert aimed and aimed[0].target is not None and aimed[0].target.country == "MMR"
