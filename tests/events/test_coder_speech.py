"""Acts done by what a speaker says: an obligation a speaker lays on an actor is a demand on
it (must, should, need to, has to, ought to, under an obligation to), in a reporting verb's
clause or in a direct quotation attributed in the sentences around it. Sentences written for
dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


def acts(events: list[Event], plover: str, source: str, target: str) -> list[Event]:
    return [
        e
        for e in events
        if e.plover.event == plover
        and e.source.country == source
        and e.target is not None
        and e.target.country == target
    ]


def demands(events: list[Event], source: str, target: str) -> list[Event]:
    return acts(events, "REQUEST", source, target)


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan foreign minister said Uganda should release the detained drivers.",
        '"Uganda needs to return the seized trucks," the Kenyan foreign minister said.',
        '"Uganda has to release the drivers," the Kenyan foreign minister said.',
        "The Kenyan foreign minister said Uganda ought to withdraw its troops.",
        "The Kenyan foreign minister said Uganda is under an obligation to withdraw its troops.",
        "The Kenyan foreign minister said Uganda must not attack Kenyan fishermen.",
    ],
)
def test_an_obligation_a_speaker_lays_on_an_actor_is_a_demand(pipe: Pipeline, text: str) -> None:
    found = demands(code(pipe, text), "KEN", "UGA")
    assert found
    assert not any(e.hypothetical for e in found)


def test_the_demand_asks_for_the_act_the_content_names(pipe: Pipeline) -> None:
    events = code(pipe, "The Kenyan foreign minister said Uganda should release the drivers.")
    assert [e.cameo.code for e in demands(events, "KEN", "UGA")] == ["1053"]


def test_a_ban_is_a_demand_whatever_the_act(pipe: Pipeline) -> None:
    events = code(pipe, "The Kenyan foreign minister said Uganda must not attack fishermen.")
    assert [e.cameo.code for e in demands(events, "KEN", "UGA")] == ["100"]
    assert not any(e.plover.event == "ASSAULT" and not e.hypothetical for e in events)


def test_the_speaker_of_a_quotation_may_be_named_after_it(pipe: Pipeline) -> None:
    text = (
        "Kenyan Foreign Minister Musalia Mudavadi spoke on Monday. "
        '"The Ugandan government must stop these transfers. It has gone too far," he said.'
    )
    assert demands(code(pipe, text), "KEN", "UGA")


def test_the_speaker_of_a_quotation_may_be_named_before_it(pipe: Pipeline) -> None:
    text = (
        "Kenyan Foreign Minister Musalia Mudavadi spoke on Monday. "
        '"Uganda is a friend," he said. "The Ugandan government should release the drivers."'
    )
    assert demands(code(pipe, text), "KEN", "UGA")


def test_a_demand_reported_in_speech_replaces_the_hypothetical_act(pipe: Pipeline) -> None:
    events = code(pipe, "Canada should impose new sanctions on Iran, the Danish minister said.")
    assert demands(events, "DNK", "CAN")
    assert not any(e.plover.event == "SANCTION" and not e.hypothetical for e in events)


@pytest.mark.parametrize(
    "text",
    [
        # no one says it: the writer's judgement
        "Uganda needs to withdraw its troops.",
        # an obligation lifted
        "The Kenyan foreign minister said Uganda does not need to withdraw its troops.",
        # a possibility weighed
        "The Kenyan foreign minister said Uganda may have to withdraw its troops.",
        # a need for a thing, with a purpose
        "The Kenyan foreign minister said Uganda needs money to provide aid to refugees.",
        # a passive names no one to act
        "The Kenyan foreign minister said talks with Uganda should be held soon.",
    ],
)
def test_no_demand_without_a_speaker_laying_an_obligation_on_an_actor(
    pipe: Pipeline, text: str
) -> None:
    assert not demands(code(pipe, text), "KEN", "UGA")


def test_an_obligation_in_the_first_person_is_no_demand(pipe: Pipeline) -> None:
    events = code(pipe, '"We need to release the drivers," the Kenyan foreign minister said.')
    assert not any(e.plover.event == "REQUEST" for e in events)


# -- negative evaluation in speech is criticism -------------------------------------------------
def criticism(events: list[Event], source: str, target: str) -> list[Event]:
    return acts(events, "ACCUSE", source, target)


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan foreign minister said Uganda's decision is arbitrary and unfair.",
        '"Uganda is the aggressor," the Kenyan foreign minister said.',
        "The Kenyan foreign minister said the comments of the Ugandan president were insulting.",
        # graded by the bundled lexicon, not the curated class
        "The Kenyan foreign minister said Uganda's remarks were grossly hypocritical and awful.",
        (
            "Kenyan Foreign Minister Musalia Mudavadi spoke on Monday. "
            '"Uganda\'s latest move is a provocation," he said.'
        ),
    ],
)
def test_a_speaker_judging_an_actor_or_its_act_badly_criticises_it(
    pipe: Pipeline, text: str
) -> None:
    assert criticism(code(pipe, text), "KEN", "UGA")


@pytest.mark.parametrize(
    "text",
    [
        # neutral reporting
        "The Kenyan foreign minister said talks with Uganda were productive.",
        # praise
        "The Kenyan foreign minister said Uganda's plan was wise.",
        # negation takes the judgement back
        "The Kenyan foreign minister said Uganda's decision was not illegal.",
        # suffering describes an actor, it does not blame it
        "The Kenyan foreign minister said Uganda is vulnerable.",
        # what is done to the possessor blames someone else
        "The Kenyan foreign minister said the Ugandan envoy's detention is arbitrary.",
        # a verb that weighs the clause, not one that says it
        "Kenyan prosecutors will have to prove Uganda's plan is illegal.",
    ],
)
def test_no_criticism_without_a_negative_judgement_stated_of_an_actor(
    pipe: Pipeline, text: str
) -> None:
    assert not criticism(code(pipe, text), "KEN", "UGA")


def test_the_graded_lexicon_condemns_below_its_threshold_only() -> None:
    from dateline.events._evaluation import NEGATIVE_VALENCE, _valences

    valences = _valences()
    assert valences["unfair"] <= NEGATIVE_VALENCE < valences["chilling"]
    assert valences["wise"] > 0


# -- laying a hostile act at an actor's door is an accusation ---------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan interior minister said the attack was orchestrated by militants in Uganda.",
        "The Kenyan interior minister said the bombing was masterminded by Uganda's spy agency.",
        '"Uganda was behind the plot," the Kenyan interior minister said.',
        "Kenya's interior minister repeated the claim that the raid was planned by Uganda.",
    ],
)
def test_a_speaker_laying_a_hostile_act_at_an_actor_accuses_it(pipe: Pipeline, text: str) -> None:
    assert [e.cameo.code for e in criticism(code(pipe, text), "KEN", "UGA")] == ["112"]


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan interior minister said the attack was not orchestrated by Uganda.",
        "The Kenyan interior minister said the conference was organized by Uganda.",
    ],
)
def test_no_accusation_for_an_act_denied_or_not_hostile(pipe: Pipeline, text: str) -> None:
    assert not criticism(code(pipe, text), "KEN", "UGA")
