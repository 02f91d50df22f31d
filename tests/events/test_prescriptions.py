"""Prescriptions (events/prescriptions.py): what a speaker says another actor should, must or
needs to do is the speaker's demand on it; a forecast, an outcome, a conclusion, a question,
a condition or the speaker's own resolve is none. Sentences written for dateline."""

from __future__ import annotations

import pytest

from dateline.model import Actor, Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


def demands(events: list[Event], source: str, target: str) -> list[Event]:
    return [
        e
        for e in events
        if e.plover.event == "REQUEST"
        and e.source.country == source
        and e.target is not None
        and e.target.country == target
    ]


def requests(events: list[Event]) -> list[Event]:
    return [e for e in events if e.plover.event == "REQUEST"]


# -- what a speaker prescribes to another actor: a demand by the speaker on it ----------------
@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # an aside names the speaker inside the clause
        ("Chile, the Peruvian foreign minister said, must pay for the damage.", "PER", "CHL"),
        (
            "According to the Egyptian foreign ministry, Ethiopia must stop filling the dam.",
            "EGY",
            "ETH",
        ),
        # "has got to" obliges as "has to" does
        (
            '"Vietnam has got to stop the smuggling," the Cambodian interior minister said.',
            "KHM",
            "VNM",
        ),
        # a change needed by what an actor owns is asked of that actor
        ("The Brazilian president said Argentina's trade policy needs reform.", "BRA", "ARG"),
        ("Bolivia's mining law needs a thorough review, the Peruvian minister said.", "PER", "BOL"),
        # a ban
        (
            '"The Thai government should not send the refugees back," the Malaysian minister said.',
            "MYS",
            "THA",
        ),
    ],
)
def test_a_prescription_to_another_actor_is_the_speakers_demand(
    pipe: Pipeline, text: str, source: str, target: str
) -> None:
    found = demands(code(pipe, text), source, target)
    assert found
    assert all(e.cameo.root == "10" for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "It is time for Venezuela to release the prisoners, the Colombian president said.",
        '"It is imperative that Venezuela return to the talks," the Colombian president said.',
        "The Colombian president said it was essential for Venezuela to hold free elections.",
    ],
)
def test_a_frame_of_need_or_time_said_of_an_actor_is_a_demand(pipe: Pipeline, text: str) -> None:
    found = demands(code(pipe, text), "COL", "VEN")
    assert found
    assert not any(e.hypothetical for e in found)


def test_a_frame_of_need_said_asks_for_the_act_and_reports_none(pipe: Pipeline) -> None:
    text = "It is important for Germany to provide weapons to Ukraine, the Polish minister said."
    events = code(pipe, text)
    assert [e.cameo.code for e in demands(events, "POL", "DEU")] == ["1032"]
    assert not [e for e in events if e.plover.event == "AID"]


@pytest.mark.parametrize(
    "text",
    [
        # said by no one
        "It is time for Venezuela to release the prisoners.",
        # denied
        "The Colombian president said it is not the time for Venezuela to hold elections.",
        # weighed, not prescribed
        "The Colombian president said it is unlikely that Venezuela will hold elections.",
        # the speaker's own side
        '"It is time for us to act against Venezuela," the Colombian president said.',
    ],
)
def test_no_demand_from_a_frame_unsaid_denied_weighed_or_own(pipe: Pipeline, text: str) -> None:
    assert not demands(code(pipe, text), "COL", "VEN")


@pytest.mark.parametrize(
    "text",
    [
        "The Colombian president told Venezuela it must hold free elections.",
        "Colombia reminded Venezuela on Monday that it needed to withdraw its troops.",
    ],
)
def test_it_in_an_obligation_told_to_an_addressee_is_the_addressee(
    pipe: Pipeline, text: str
) -> None:
    assert demands(code(pipe, text), "COL", "VEN")


@pytest.mark.parametrize(
    "text",
    [
        # told no one: "it" is no one the sentence obliges
        "The Colombian president said it must stop, speaking of Venezuela.",
        "Colombia said it must respond to Venezuela's provocation.",
        # a quotation's "they" is whom the speaker talks about, not whom it tells
        '"The rebels are criminals and they must stop," the Colombian president told Venezuela.',
        '"It should be on all of our consciences," the Colombian president told Venezuela.',
    ],
)
def test_it_obliged_with_no_addressee_is_no_demand(pipe: Pipeline, text: str) -> None:
    assert not demands(code(pipe, text), "COL", "VEN")


@pytest.mark.parametrize(
    "text",
    [
        # a forecast: "should" with a time still to come
        "The Iranian delegation should arrive in Vienna by Friday, the Austrian minister said.",
        # having or coming to a state asks no act
        "Iran should have enough enriched uranium for a weapon, the Austrian minister said.",
        "The Austrian minister said Iran should expect more inspections.",
        # a conclusion with a copula and a cause
        "Iran must be behind the cyberattack, the Austrian minister said.",
    ],
)
def test_a_forecast_an_outcome_or_a_conclusion_is_no_demand(pipe: Pipeline, text: str) -> None:
    assert not demands(code(pipe, text), "AUT", "IRN")


@pytest.mark.parametrize(
    "text",
    [
        '"Why should Ghana apologize to Togo?" the Togolese president asked.',
        '"Should Ghana close the border, Togo would respond," the Togolese president said.',
        "A reporter asked the Togolese president: do you think Ghana should close the border?",
    ],
)
def test_a_question_or_an_inverted_condition_is_no_demand(pipe: Pipeline, text: str) -> None:
    assert not demands(code(pipe, text), "TGO", "GHA")


@pytest.mark.parametrize(
    "text",
    [
        # the speaker's own state, named bare or as its government
        "The French president said France must rearm quickly.",
        '"France needs to rebuild its army," the French defence minister said.',
        # the speaker in the subject's phrase
        '"France and our allies must rearm," the French president said.',
    ],
)
def test_a_prescription_to_the_speakers_own_side_is_no_demand(pipe: Pipeline, text: str) -> None:
    assert not requests(code(pipe, text))


def test_an_opposition_may_demand_of_its_own_government(pipe: Pipeline) -> None:
    text = "The French opposition leader said the French government must call new elections."
    assert demands(code(pipe, text), "FRA", "FRA")


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian president said people must stay calm.",
        "The Peruvian president said the world must act now.",
        # a change needed with no actor owning it, or not needed
        "The Peruvian president said the system needs reform.",
        "The Peruvian president said Chile's trade policy does not need reform.",
        # a need of a thing that is no change
        "The Peruvian president said Chile's economy needs investment.",
    ],
)
def test_no_demand_on_no_one_or_for_no_change(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert not [e for e in requests(events) if e.target is not None and e.target.country]


def test_a_prescription_beside_a_request_to_the_same_country_is_one_request(
    pipe: Pipeline,
) -> None:
    text = "Canada urged India to cooperate and said New Delhi must share evidence."
    found = demands(code(pipe, text), "CAN", "IND")
    assert len(found) == 1
    assert found[0].trigger.text == "urged"


def test_a_prescription_to_a_third_country_beside_a_request_stays(pipe: Pipeline) -> None:
    text = "Canada urged India to cooperate and said Pakistan must share evidence."
    events = code(pipe, text)
    assert demands(events, "CAN", "IND")
    assert demands(events, "CAN", "PAK")


# -- the parts of the frame -------------------------------------------------------------------
def test_own_side_is_the_state_spoken_of_by_itself() -> None:
    from dateline.events.prescriptions import own_side

    president = Actor("the French president", 0, 1, "FRAGOV", "FRA", "GOV", kind="person")
    france = Actor("France", 0, 1, "FRA", "FRA", None, kind="country")
    opposition = Actor("the French opposition", 0, 1, "FRAOPP", "FRA", "OPP")
    germany = Actor("Germany", 0, 1, "DEU", "DEU", None, kind="country")
    people = Actor("the French", 0, 1, "FRA", "FRA", None, kind="country", rule="c:FRA:people")
    assert own_side(president, france)
    assert not own_side(president, people)
    assert not own_side(opposition, france)
    assert not own_side(president, germany)


def test_the_speaker_word_is_found_in_the_subjects_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.events.prescriptions import names_the_speaker

    doc = nlp("France and our allies must rearm.")
    assert names_the_speaker(doc[0])
    doc = nlp("France and its allies must rearm.")
    assert not names_the_speaker(doc[0])
    doc = nlp("The US must be ready to mediate.")
    assert not names_the_speaker(doc[1])  # the country, not the pronoun
