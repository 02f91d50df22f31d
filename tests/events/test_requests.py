"""Requests, threats and meetings that are not a request verb with its addressee
(events/_requests.py, events/_meetings.py). Sentences written for dateline."""

from __future__ import annotations

import pytest

from dateline.model import Actor, Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


def _country(actor: Actor | None) -> str | None:
    """ISO3, or the first three letters of an international body's code ("IGO...")."""
    if actor is None:
        return None
    return actor.country or (actor.code[:3] if actor.code else None)


def dyads(events: list[Event], plover: str) -> set[tuple[str | None, str | None]]:
    return {(_country(e.source), _country(e.target)) for e in events if e.plover.event == plover}


@pytest.mark.parametrize(
    ("text", "source", "target", "code"),
    [
        # directives: a verb of telling with an object and an infinitive
        ("Peru's president ordered Chile to compensate the fishermen.", "PER", "CHL", "100"),
        ("Ghana told Togo to reopen the border crossing by Friday.", "GHA", "TGO", "100"),
        ("Norway instructed Iceland to share the survey data.", "NOR", "ISL", "100"),
        # a request whose "for" introduces a clause, not a phrase
        ("Austria called for Hungary to be stripped of its voting rights.", "AUT", "HUN", "020"),
        ("Estonia pressed for Russia to be held to account.", "EST", "RUS", "100"),
    ],
)
def test_requests_without_a_lexicon_frame(
    pipe: Pipeline, text: str, source: str, target: str, code: str
) -> None:
    events = code_and_keep(pipe, text)
    assert any(
        e.source.country == source
        and e.target is not None
        and e.target.country == target
        and e.cameo.code == code
        for e in events
    ), [(e.source.country, e.target and e.target.country, e.cameo.code) for e in events]


def code_and_keep(pipe: Pipeline, text: str) -> list[Event]:
    return code(pipe, text)


def test_what_a_directive_asks_is_not_an_act_of_its_own(pipe: Pipeline) -> None:
    events = code(pipe, "Ghana ordered Togo to withdraw its troops from the border.")
    assert {e.plover.event for e in events} == {"REQUEST"}


def test_an_invitation_by_infinitive_is_an_appeal(pipe: Pipeline) -> None:
    events = code(pipe, "Portugal advised Angola to review the mining contracts.")
    assert ("PRT", "AGO") in dyads(events, "REQUEST")
    assert all(e.cameo.code == "020" for e in events if e.plover.event == "REQUEST")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Sweden called for an end to Russia's strikes on power plants.", "RUS"),
        ("Kenya called for new limits on fishing in Somalia.", "SOM"),
        ("Japan demanded the closure of China's research station.", "CHN"),
    ],
)
def test_an_unaddressed_request_asks_whom_its_content_names(
    pipe: Pipeline, text: str, target: str
) -> None:
    events = code(pipe, text)
    requests = [e for e in events if e.plover.event == "REQUEST"]
    assert requests
    assert {e.target.country for e in requests if e.target} == {target}


def test_the_person_whose_release_is_asked_is_not_asked(pipe: Pipeline) -> None:
    events = code(pipe, "Britain asked for the return of three British sailors.")
    requests = [e for e in events if e.plover.event == "REQUEST"]
    assert requests
    # the sailors are not whom the request asks (the story's convention may still place it)
    assert all(e.target is None or "request.content" not in (e.target.rule or "") for e in requests)


def test_a_request_naming_no_one_asks_the_state_the_story_is_about(pipe: Pipeline) -> None:
    text = (
        "Floods hit Malawi on Monday. Malawi's president declared a disaster in the south. "
        "The U.N. envoy called for more funding."
    )
    events = code(pipe, text)
    assert any(
        e.plover.event == "REQUEST" and e.target is not None and e.target.country == "MWI"
        for e in events
    )


def test_an_unplaced_addressee_is_of_the_requesters_country(pipe: Pipeline) -> None:
    events = code(pipe, "Nigerian officials are urging farmers to return to their fields.")
    assert ("NGA", "NGA") in dyads(events, "REQUEST")


def test_an_unplaced_addressee_stays_unplaced_beside_another_state(pipe: Pipeline) -> None:
    events = code(pipe, "Nigerian officials urged farmers near the border with Chad to leave.")
    assert ("NGA", "NGA") not in dyads(events, "REQUEST")


def test_a_conditional_threat_is_aimed_at_whoever_must_meet_its_condition(
    pipe: Pipeline,
) -> None:
    events = code(
        pipe, "The rebels said they would execute the hostages unless Gabon freed their leader."
    )
    assert any(
        e.plover.event == "THREATEN" and e.target is not None and e.target.country == "GAB"
        for e in events
    )
    assert "REQUEST" not in {e.plover.event for e in events}


def test_a_deadline_to_act_is_an_ultimatum(pipe: Pipeline) -> None:
    events = code(pipe, "Uganda gave the Congolese rebels 30 days to leave the park.")
    assert any(e.cameo.code == "139" and e.source.country == "UGA" for e in events)


def test_a_hostile_act_promised_with_no_doer_is_the_speakers_threat(pipe: Pipeline) -> None:
    events = code(pipe, "Mali said the Tuareg rebels will be crushed.")
    assert any(e.plover.event == "THREATEN" and e.source.country == "MLI" for e in events)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Chile told Peru in a phone conversation that the talks would go on.", "CHL", "PER"),
        ("Egypt said discussions with the World Bank are going well.", "EGY", "IGO"),
        ("France called an emergency meeting of the U.N. Security Council.", "FRA", "IGO"),
    ],
)
def test_meetings_named_by_a_noun(pipe: Pipeline, text: str, source: str, target: str) -> None:
    assert (source, target) in dyads(code(pipe, text), "CONSULT")


@pytest.mark.parametrize(
    "text",
    ["Bolivia is ready for talks with Chile.", "Bolivia said it is open to dialogue with Chile."],
)
def test_readiness_for_talks_is_an_intent_to_meet(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert any(
        e.cameo.code == "036" and e.source.country == "BOL" and _country(e.target) == "CHL"
        for e in events
    )


def test_a_negotiation_takes_its_partner_from_its_purpose(pipe: Pipeline) -> None:
    events = code(pipe, "The Kenyan ministry is negotiating to buy vaccines from India.")
    assert ("KEN", "IND") in dyads(events, "CONSULT")


def test_a_warning_of_ones_own_act_threatens_whom_the_act_names(pipe: Pipeline) -> None:
    events = code(pipe, "Algeria warned that it would keep up the pressure on Morocco.")
    assert ("DZA", "MAR") in dyads(events, "THREATEN")


def test_a_warning_about_another_actor_is_not_read_as_ones_own_promise(pipe: Pipeline) -> None:
    events = code(pipe, "Algeria warned that Morocco would keep up the pressure on Tunisia.")
    assert ("DZA", "TUN") not in dyads(events, "THREATEN")


def test_a_reported_ban_is_a_demand_whatever_the_act(pipe: Pipeline) -> None:
    events = code(pipe, '"Laos shouldn\'t hand the monks over to Myanmar," Vietnam said.')
    assert ("VNM", "LAO") in dyads(events, "REQUEST")


def test_ones_own_ban_is_no_demand(pipe: Pipeline) -> None:
    events = code(pipe, '"We must not hand the monks over," the Laotian minister said.')
    assert "REQUEST" not in {e.plover.event for e in events}


def test_a_threat_whose_condition_is_passive_is_aimed_at_its_agent(pipe: Pipeline) -> None:
    events = code(
        pipe,
        '"If our duties are not dropped by Chile, I will raise the tariffs on wine," Peru\'s '
        "president said.",
    )
    assert ("PER", "CHL") in dyads(events, "THREATEN")


@pytest.mark.parametrize(
    "text",
    [
        "The Sudanese army does not allow aid agencies from Chad to enter the camps.",
        "Sudan did not permit Chadian inspectors to visit the border posts.",
    ],
)
def test_a_negated_permission_is_a_refusal(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert ("SDN", "TCD") in dyads(events, "REJECT")


def test_supplies_shut_off_are_an_economic_measure(pipe: Pipeline) -> None:
    events = code(pipe, "Algeria shut off gas supplies to Spain on Monday.")
    assert ("DZA", "ESP") in dyads(events, "SANCTION")


def test_a_governments_unaddressed_call_is_no_request_to_its_own_state(pipe: Pipeline) -> None:
    text = (
        "Floods hit Malawi on Monday. Malawi's government declared a disaster in the south. "
        "The Lilongwe government called for the closure of the riverside camps."
    )
    assert not [e for e in code(pipe, text) if e.plover.event == "REQUEST"]


def test_a_citizens_unaddressed_call_still_asks_the_story_state(pipe: Pipeline) -> None:
    text = (
        "Floods hit Malawi on Monday. Malawi's government declared a disaster in the south. "
        "Malawian singer Joe Banda called for the closure of the riverside camps."
    )
    assert ("MWI", "MWI") in dyads(code(pipe, text), "REQUEST")


@pytest.mark.parametrize(
    "text",
    [
        '"I urge the coast guard to speed up the search, redouble its patrols and strengthen '
        'security at the ports," the Peruvian minister said.',
        "Peru's minister called on the coast guard to widen the search, and strengthen "
        "security at the ports.",
    ],
)
def test_bare_verbs_joined_to_a_request_belong_to_what_it_asks(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert [e.plover.event for e in events] == ["REQUEST"], [e.cameo.code for e in events]


def test_a_verb_of_the_requesters_own_after_a_request_is_coded(pipe: Pipeline) -> None:
    events = code(
        pipe, "Peru urged Chile to withdraw its troops and promised to send aid to Bolivia."
    )
    assert ("PER", "BOL") in dyads(events, "AGREE")


@pytest.mark.parametrize(
    "text",
    [
        "Chile wants Peru to return the fishing boats.",
        "Chile's president said he wants Peru to withdraw the new tariffs.",
    ],
)
def test_wanting_another_to_act_is_a_request(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert ("CHL", "PER") in dyads(events, "REQUEST")
    # what is wanted is not done
    assert {e.plover.event for e in events} == {"REQUEST"}, [e.cameo.code for e in events]


def test_wanting_to_act_oneself_is_no_request(pipe: Pipeline) -> None:
    events = code(pipe, "Chile wants to meet Peru next week.")
    assert not dyads(events, "REQUEST")


@pytest.mark.parametrize(
    "text",
    [
        "Many people in Chile want their government to take a harder line.",
        "Chile's president wants Chile to be ready for any crisis.",
    ],
)
def test_the_publics_wants_and_a_states_wants_for_itself_are_no_request(
    pipe: Pipeline, text: str
) -> None:
    assert not dyads(code(pipe, text), "REQUEST")
