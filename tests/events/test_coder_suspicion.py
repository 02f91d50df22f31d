"""Suspicion voiced of an actor ("X suspects that Y rigged the vote", lexicon row
acc4.v.suspect.clause) and the view stated in an assurance ("X assured Z that ... coercion by
Y": word class saying_verb). Sentences written for dateline."""

from __future__ import annotations

import pytest

from builders import coded_events as code
from builders import dyads
from dateline.pipeline import Pipeline


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan opposition leader Raila Odinga suspects that President William Ruto rigged "
        "the election.",
        "Ghana's foreign minister said Accra suspected that Togo was arming the rebels.",
    ],
)
def test_suspecting_an_actor_of_an_act_accuses_it(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    accused = {t for _, t in dyads(events, "ACCUSE")}
    assert accused & {"KEN", "TGO"}


@pytest.mark.parametrize(
    "text",
    [
        # no one is suspected
        "Kenyan police suspect that the fire started in the kitchen.",
        # suspects, the noun, are people, not an act of suspicion
        "Kenyan police arrested two suspects in Nairobi.",
    ],
)
def test_no_accusation_without_an_actor_suspected(pipe: Pipeline, text: str) -> None:
    assert not dyads(code(pipe, text), "ACCUSE")


def test_a_wrong_named_in_an_assurance_is_the_assurers_accusation(pipe: Pipeline) -> None:
    text = (
        "Australian Foreign Minister Penny Wong assured visiting Philippine Foreign Secretary "
        "Enrique Manalo that Australia will stand with Manila in the face of economic "
        "coercion by China."
    )
    assert ("AUS", "CHN") in dyads(code(pipe, text), "ACCUSE")
