"""Acts of speech whose doer or frame is not a plain subject and verb
(events/_speech_acts.py), and demands named by a noun. Sentences written for dateline."""

from __future__ import annotations

import pytest

from builders import dyads
from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


@pytest.mark.parametrize(
    ("text", "source", "plover"),
    [
        ("Peru was the first to reject Chile's proposal.", "PER", "REJECT"),
        ("Ghana became the only country to recognise Western Sahara.", "GHA", "SUPPORT"),
    ],
)
def test_an_act_told_as_a_rank_is_done_by_the_subject_of_its_copula(
    pipe: Pipeline, text: str, source: str, plover: str
) -> None:
    events = code(pipe, text)
    assert any(e.source.country == source and e.plover.event == plover for e in events), [
        (e.source.country, e.plover.event) for e in events
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Norway's foreign minister warned that sanctions would follow if Russia seized the ship.",
        '"Sanctions will follow unless Russia frees the crew," the Norwegian minister said.',
    ],
)
def test_a_measure_said_to_come_under_a_condition_is_a_threat(pipe: Pipeline, text: str) -> None:
    assert ("NOR", "RUS") in dyads(code(pipe, text), "THREATEN")


@pytest.mark.parametrize(
    "text",
    [
        "Analysts said sanctions could follow if Russia seized the ship.",
        "Norway's foreign minister said sanctions could hurt Russia's economy.",
    ],
)
def test_no_threat_without_a_speaker_or_a_condition(pipe: Pipeline, text: str) -> None:
    assert not dyads(code(pipe, text), "THREATEN")


def test_a_demand_named_by_its_noun_is_its_possessors(pipe: Pipeline) -> None:
    events = code(pipe, "Ecuador renewed its demand for compensation from Colombia.")
    assert ("ECU", "COL") in dyads(events, "REQUEST")


def test_the_markets_demand_is_no_request(pipe: Pipeline) -> None:
    assert not dyads(code(pipe, "Brazil's demand for fertiliser rose sharply."), "REQUEST")


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Peru said Chile had asked it to return the fishing boats.", "REQUEST"),
        ("Peru's president said Chile had promised him that the border would reopen.", "AGREE"),
    ],
)
def test_a_pronoun_addressee_of_a_reported_act_of_speech_is_the_reporter(
    pipe: Pipeline, text: str, plover: str
) -> None:
    assert ("CHL", "PER") in dyads(code(pipe, text), plover)


def test_a_reported_attack_on_it_is_not_read_as_addressed(pipe: Pipeline) -> None:
    events = code(pipe, "Peru said the storm had damaged it badly.")
    assert all(e.target is None or e.target.country != "PER" for e in events)


STORY = "Kenya's president met Ugandan officials in Nairobi. Kenya's president met them again. "


def test_an_unaddressed_request_is_aimed_at_the_other_state_of_its_sentence(
    pipe: Pipeline,
) -> None:
    text = STORY + "Talks failed as Nairobi's call for a ceasefire and Kampala's plans clashed."
    assert ("KEN", "UGA") in dyads(code(pipe, text), "REQUEST")


def test_a_domestic_call_in_a_sentence_naming_no_other_state_stays_at_home(
    pipe: Pipeline,
) -> None:
    text = STORY + "Kenyan officials also called for tighter controls on gambling."
    assert ("KEN", "UGA") not in dyads(code(pipe, text), "REQUEST")


def test_a_hoped_for_ceasefire_under_a_condition_is_no_intent(pipe: Pipeline) -> None:
    text = "Norway's minister said he hopes a ceasefire could take place if Russia agrees."
    assert not [e for e in code(pipe, text) if e.plover.event == "AGREE"]


def test_a_thing_turned_down_is_not_the_reporter(pipe: Pipeline) -> None:
    text = "Peru's officials acknowledged that Chile had turned them down."
    assert ("CHL", "PER") not in dyads(code(pipe, text), "REJECT")


def test_a_person_of_another_country_is_no_counterpart_state(pipe: Pipeline) -> None:
    text = STORY + "Kenyan prosecutors will ask for the deportation of Ugandan activist Tom Okello."
    assert ("KEN", "UGA") not in dyads(code(pipe, text), "REQUEST")


@pytest.mark.parametrize(
    "text",
    [
        "The vote followed Peru's proposal for the Andean Community to lift the duties.",
        "The vote followed a Peruvian proposal made on Friday for the Andean Community to meet.",
    ],
)
def test_a_request_noun_asks_the_subject_of_its_for_clause(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert any(
        e.source.country == "PER" and e.plover.event == "REQUEST" and e.target is not None
        for e in events
    ), [(e.source.country, e.plover.event, e.target and e.target.code) for e in events]
    assert not [e for e in events if e.plover.event in {"YIELD", "CONSULT"}]


def test_weight_thrown_behind_someone_is_support(pipe: Pipeline) -> None:
    events = code(pipe, "Ecuador threw its weight behind Bolivia's bid for the seat.")
    assert ("ECU", "BOL") in dyads(events, "SUPPORT")


def test_a_request_noun_is_dated_by_the_participle_that_puts_it(pipe: Pipeline) -> None:
    text = "The vote followed a Peruvian proposal made on Friday for the Andean Community to meet."
    events = pipe.code(Article(body=text, language="en", published="2025-03-12")).events
    assert [e.date for e in events if e.plover.event == "REQUEST"] == ["2025-03-07"]


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean foreign ministry renewed its call to Peru to release the fishermen.",
        "Chile issued a call on Peru to lift its veto.",
        'Chile welcomed the ruling and reiterated "its appeal to Peru to free the crew."',
    ],
)
def test_a_request_noun_that_names_whom_it_asks_before_an_infinitive_is_its_makers_request(
    pipe: Pipeline, text: str
) -> None:
    assert ("CHL", "PER") in dyads(code(pipe, text), "REQUEST")


def test_what_a_request_noun_asks_is_no_act_of_its_own(pipe: Pipeline) -> None:
    events = code(pipe, "Chile renewed its call to Peru to release the fishermen.")
    assert not [e for e in events if e.plover.event == "YIELD"], [e.cameo.code for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Chile's president made a call to Peru's president to discuss the border.",
        "In a call to Peru's president on Monday, Chile's president discussed the border.",
    ],
)
def test_a_telephone_call_with_a_purpose_is_no_request(pipe: Pipeline, text: str) -> None:
    assert not dyads(code(pipe, text), "REQUEST")


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        (
            "The Chilean minister said the plan aims to mobilize troops to fight smugglers "
            "and urged Peruvian officials to join the effort.",
            "REQUEST",
        ),
        ("Chile said the force is expected to deploy soon and accused Peru of delays.", "ACCUSE"),
    ],
)
def test_a_finite_verb_joined_to_an_infinitive_is_done_by_the_reporting_subject(
    pipe: Pipeline, text: str, plover: str
) -> None:
    assert ("CHL", "PER") in dyads(code(pipe, text), plover)
