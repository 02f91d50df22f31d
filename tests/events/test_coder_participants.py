"""Event coder: who takes part in an act named by a phrase, whom it is aimed at, and joint
acts. Each test states what must and what must not come out."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline

PUBLISHED = "2018-11-12"


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published=PUBLISHED)).events


def dyads(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.country, e.target.country if e.target else None, e.cameo.code)
        for e in events
        if not e.negated
    }


def roots(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {(s, t, c[:2]) for s, t, c in dyads(events)}


def test_those_who_gather_for_a_protest_are_its_protesters(pipe: Pipeline) -> None:
    text = "Hundreds of Kenyans gathered in Nairobi for a protest against the new tax."
    events = code(pipe, text)
    assert ("KEN", "KEN", "14") in roots(events)


def test_those_who_travel_for_talks_hold_them(pipe: Pipeline) -> None:
    events = code(pipe, "Japanese and Chinese diplomats flew to Hanoi for talks on Monday.")
    assert ("JPN", "CHN", "04") in roots(events)


def test_police_arriving_for_a_rally_do_not_protest(pipe: Pipeline) -> None:
    events = code(pipe, "Kenyan police arrived for the rally in Nairobi.")
    assert not any(r == "14" for _, _, r in roots(events))


def test_exercises_of_two_countries_forces_are_joint(pipe: Pipeline) -> None:
    events = code(pipe, "Greek and Italian warships began a week of naval exercises on Monday.")
    assert ("GRC", "ITA", "062") in dyads(events)
    assert not any(c == "150" for _, _, c in dyads(events))


def test_one_countrys_exercises_are_a_show_of_force(pipe: Pipeline) -> None:
    events = code(pipe, "Russian warships held drills near Japan.")
    assert ("RUS", "JPN", "150") in dyads(events)
    assert not any(c == "062" for _, _, c in dyads(events))


@pytest.mark.parametrize(
    "text",
    [
        "Egypt on Monday condemned as a violation of the law Israel's construction of homes.",
        "Kenya denounced as a grave provocation Uganda's seizure of the island.",
    ],
)
def test_a_heavy_object_after_the_as_predicate_is_the_target(pipe: Pipeline, text: str) -> None:
    found = roots(code(pipe, text))
    accuser = "EGY" if text.startswith("Egypt") else "KEN"
    accused = "ISR" if accuser == "EGY" else "UGA"
    assert (accuser, accused, "11") in found
    assert not any(s == accused and r == "11" for s, _, r in found)


def test_the_sources_own_forces_are_not_the_target(pipe: Pipeline) -> None:
    text = "The United Nations on Friday rejected a call for its troops to be sent to Haiti."
    found = dyads(code(pipe, text))
    assert any(t == "HTI" and c.startswith("12") for _, t, c in found)
    events = code(pipe, text)
    assert not any(e.target is not None and "troops" in e.target.text for e in events)


def test_a_call_for_another_to_act_targets_it(pipe: Pipeline) -> None:
    found = dyads(code(pipe, "Russia rejected a demand for Ukraine to withdraw its troops."))
    assert ("RUS", "UKR", "120") in found
    assert not any(t == "RUS" for _, t, _ in found)


def test_must_be_ready_reported_is_a_demand_not_an_intent(pipe: Pipeline) -> None:
    text = "France said on Monday that Iran must be ready to negotiate with Britain."
    found = dyads(code(pipe, text))
    assert ("FRA", "IRN", "100") in found
    assert not any(s == "IRN" for s, _, _ in found)  # Iran has expressed no intent


def test_unreported_must_be_is_no_ones_demand(pipe: Pipeline) -> None:
    assert not code(pipe, "Iran must be more transparent about its nuclear programme.")


def test_people_named_with_an_ing_participle_do_what_it_says(pipe: Pipeline) -> None:
    text = "Kenyan police dispersed demonstrators protesting the election results in Nairobi."
    found = roots(code(pipe, text))
    assert ("KEN", "KEN", "14") in found  # the demonstrators protest
    assert ("KEN", "KEN", "17") in found or ("KEN", "KEN", "18") in found  # police disperse


def test_a_things_participle_is_not_its_owners_act(pipe: Pipeline) -> None:
    events = code(pipe, "He said Washington's tariffs targeting Canada will hurt both economies.")
    assert not any(e.trigger.text == "targeting" for e in events)


def test_a_target_after_a_coordinated_object_is_the_whole_objects(pipe: Pipeline) -> None:
    text = "Turkish troops launched air and ground attacks against Kurdish rebels in Iraq."
    found = roots(code(pipe, text))
    assert any(s == "TUR" and t is not None and r == "19" for s, t, r in found)
    assert not any(s == "TUR" and t is None for s, t, _ in found)


def test_those_who_act_during_a_protest_take_part_in_it(pipe: Pipeline) -> None:
    text = "Kenyan students burned tyres during a protest against the new fees."
    assert ("KEN", "KEN", "14") in roots(code(pipe, text))


def test_police_acting_during_a_protest_do_not_protest(pipe: Pipeline) -> None:
    found = roots(code(pipe, "Kenyan police arrested 12 students during a protest in Nairobi."))
    assert not any(r == "14" for _, _, r in found)
    assert ("KEN", "KEN", "17") in found


def test_what_an_asked_for_act_governs_is_asked_for_too(pipe: Pipeline) -> None:
    text = "Turkey demanded that its NATO allies refuse to recognize the new government of Cyprus."
    found = roots(code(pipe, text))
    assert any(s == "TUR" and r == "10" for s, _, r in found)
    assert not any(r == "12" for _, _, r in found)  # nobody has refused anything


def test_a_demand_reiterated_is_the_event_not_its_content(pipe: Pipeline) -> None:
    text = "Japan reiterated its demand on Monday that China lift restrictions on Japanese imports."
    found = roots(code(pipe, text))
    assert ("JPN", "CHN", "10") in found
    assert not any(s == "CHN" for s, _, _ in found)  # China has lifted nothing


def test_he_never_stands_for_a_country(pipe: Pipeline) -> None:
    text = (
        "A senior French minister said that Iran must free the sailors as he began a tour "
        "of the Gulf to seek Saudi support."
    )
    found = dyads(code(pipe, text))
    assert not any(s == "IRN" for s, _, _ in found)
    assert ("FRA", "SAU", "023") in found


def test_a_force_posture_aims_at_its_purposes_opponent_not_its_own_forces(pipe: Pipeline) -> None:
    found = dyads(code(pipe, "France mobilized army reservists for a possible war against Libya."))
    assert ("FRA", "LBY", "154") in found
    assert not any(s == "FRA" and t in {None, "FRA"} for s, t, _ in found)


def test_troops_sent_into_a_country_are_aimed_at_it(pipe: Pipeline) -> None:
    found = dyads(code(pipe, "Kenya sent soldiers into Somalia in 2011."))
    assert ("KEN", "SOM", "154") in found


def test_a_refused_demand_targets_its_author(pipe: Pipeline) -> None:
    text = "Iran's president refused to respond to a demand from the French president."
    found = roots(code(pipe, text))
    assert ("IRN", "FRA", "12") in found


def test_part_of_a_programme_for_a_country_targets_it(pipe: Pipeline) -> None:
    text = "Japan suspended part of an aid program for Myanmar on Monday."
    found = roots(code(pipe, text))
    assert ("JPN", "MMR", "16") in found


def test_the_object_of_on_stands_for_a_missing_direct_object(pipe: Pipeline) -> None:
    text = "Pakistan on Monday reneged on its commitment to India."
    found = roots(code(pipe, text))
    assert ("PAK", "IND", "12") in found
    assert not any(s == "IND" for s, _, _ in found)


def test_an_alleged_act_is_the_accusations_content_not_an_event(pipe: Pipeline) -> None:
    found = roots(code(pipe, "Russia accused Ukraine of shelling civilians in Donetsk."))
    assert ("RUS", "UKR", "11") in found
    assert not any(r in {"18", "19"} for _, _, r in found)
    reported = roots(code(pipe, "Ukrainian forces shelled civilians in Donetsk, Russia said."))
    assert any(s == "UKR" and r == "19" for s, _, r in reported)


def test_restrictions_on_a_countrys_goods_target_the_country(pipe: Pipeline) -> None:
    found = dyads(code(pipe, "China imposed restrictions on imports from Australia."))
    # a measure against the country the imports come from: a sanction (163), not 172
    assert ("CHN", "AUS", "163") in found
    assert not any(t == "CHN" for _, t, _ in found)


def test_a_decision_to_act_is_the_act_not_an_intent(pipe: Pipeline) -> None:
    found = dyads(code(pipe, "Kenya decided on Monday to expel two Ugandan diplomats."))
    assert ("KEN", "UGA", "161") in found
    assert not any(c.startswith(("03", "13")) for _, _, c in found)
    planned = dyads(code(pipe, "Kenya plans to expel two Ugandan diplomats."))
    assert ("KEN", "UGA", "161") not in planned  # a plan is not yet the act


def test_mediating_in_a_dispute_between_parties_targets_them(pipe: Pipeline) -> None:
    found = dyads(code(pipe, "Qatar offered to mediate in the conflict between Sudan and Chad."))
    assert {("QAT", "SDN"), ("QAT", "TCD")} <= {(s, t) for s, t, c in found if c[:2] == "03"}
    assert not any(s == "QAT" and t is None for s, t, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hamas responded by firing rockets at Israel.", ("PSE", "ISR", "19")),
        ("Iran retaliated by expelling two British diplomats.", ("IRN", "GBR", "16")),
    ],
)
def test_a_gerund_of_means_shares_its_verbs_subject(
    pipe: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    found = roots(code(pipe, text))
    assert expected in found
    assert not any(s == t for s, t, _ in found)  # no attack by the target on itself


def test_a_gerund_of_praise_belongs_to_the_praised(pipe: Pipeline) -> None:
    found = roots(code(pipe, "Egypt praised Sudan for helping the refugees."))
    assert ("EGY", "SDN", "05") in found
    assert not any(s == "EGY" and r == "07" for s, _, r in found)


def test_the_means_of_a_possible_act_is_possible_too(pipe: Pipeline) -> None:
    events = code(pipe, "North Korea could escalate tensions by testing its missiles again.")
    tests = [e for e in events if e.trigger.text == "testing"]
    assert tests and all(e.hypothetical for e in tests)


@pytest.mark.parametrize(
    ("text", "kept", "absent"),
    [
        (
            "Turkey threatened to close its border with Syria unless Damascus accepted its "
            "demands.",
            ("TUR", "SYR", "13"),
            ("SYR", None, "08"),
        ),
        (
            "The Kenyan army said it would attack the town if the rebels rejected the truce.",
            ("KEN", None, "13"),
            ("KEN", None, "12"),
        ),
        (
            "Ghana will withdraw its troops from Mali unless the junta agrees to hold "
            "elections and frees the detained ministers.",
            ("GHA", "MLI", "13"),
            ("MLI", "MLI", "08"),
        ),
    ],
)
def test_the_condition_of_a_threat_is_no_act(
    pipe: Pipeline,
    text: str,
    kept: tuple[str, str, str],
    absent: tuple[str, str | None, str],
) -> None:
    """What a threat or an offer makes its condition has not happened: it is asked of the
    other side, the threat's target."""
    found = roots(code(pipe, text))
    assert kept in found
    assert absent not in found
    assert not any(s == absent[0] and c == absent[2] for s, _, c in found)


def test_as_if_sets_no_condition(pipe: Pipeline) -> None:
    text = "Kenyan police beat the protesters in Nairobi as if they were criminals."
    found = roots(code(pipe, text))
    assert ("KEN", "KEN", "18") in found or ("KEN", "KEN", "17") in found


def test_throwing_stones_at_someone_is_a_violent_protest(pipe: Pipeline) -> None:
    found = roots(code(pipe, "Kenyan protesters hurled rocks and bottles at Ugandan police."))
    assert ("KEN", "UGA", "14") in found
    assert not any(r in {"18", "19"} for _, _, r in found)


def test_throwing_ones_support_is_no_stone_throwing(pipe: Pipeline) -> None:
    found = roots(code(pipe, "The Kenyan minister threw his support behind Ethiopia."))
    assert not any(r == "14" for _, _, r in found)


def test_force_used_to_coerce_someone_is_aimed_at_him(pipe: Pipeline) -> None:
    found = roots(code(pipe, "Kenyan police opened fire to disperse Somali protesters in Nairobi."))
    assert ("KEN", "SOM", "19") in found
    assert ("KEN", None, "19") not in found


def test_force_used_to_protect_someone_is_not_aimed_at_him(pipe: Pipeline) -> None:
    found = roots(code(pipe, "Kenyan soldiers opened fire to protect Somali civilians."))
    assert ("KEN", "SOM", "19") not in found
    assert ("KEN", "SOM", "07") in found


def test_an_act_someone_has_the_right_or_mandate_to_do_is_not_done(pipe: Pipeline) -> None:
    text = "Washington on Thursday defended the right of Israeli troops to fire on Hamas militants."
    found = roots(code(pipe, text))
    assert ("USA", "ISR", "05") in found
    assert not any(r == "19" for _, _, r in found)
    text = "The Security Council gave the Kenyan mission a mandate to protect Somali civilians."
    assert not any(r == "07" for _, _, r in roots(code(pipe, text)))


@pytest.mark.parametrize(
    ("text", "kept", "absent"),
    [
        (
            "Somali gunmen killed 12 Kenyans in Mandera, the deadliest attack since the "
            "Somali insurgency began.",
            ("SOM", "KEN", "19"),
            "14",
        ),
        (
            "Kenya has sent 500 troops to Somalia since the clashes between Kenyan and Somali "
            "forces in 2011.",
            ("KEN", "SOM", "15"),
            "19",
        ),
    ],
)
def test_a_past_act_that_dates_another_is_not_reported_again(
    pipe: Pipeline, text: str, kept: tuple[str, str, str], absent: str
) -> None:
    found = roots(code(pipe, text))
    assert kept in found
    assert not any(r == absent for _, _, r in found)


def test_a_nouns_by_phrase_names_its_agent(pipe: Pipeline) -> None:
    text = (
        "Cairo's police chief warned that police will no longer tolerate rallies by the "
        "Egyptian opposition."
    )
    events = code(pipe, text)
    protests = [e for e in events if e.cameo.code.startswith("14")]
    assert protests
    assert all(e.source.sector != "COP" and e.source.text != "police" for e in protests)
    assert any("opposition" in e.source.text for e in protests)


def test_an_announced_plan_is_its_owners_intent(pipe: Pipeline) -> None:
    found = dyads(code(pipe, "Kenya announced a plan to impose sanctions on Uganda."))
    assert ("KEN", "UGA", "1312") in found
    assert ("KEN", "UGA", "163") not in found  # not imposed yet


def test_a_rejected_plan_is_its_authors_not_the_rejecters(pipe: Pipeline) -> None:
    found = roots(code(pipe, "Pakistan rejected Kenya's plan to deploy troops in Somalia."))
    assert ("PAK", "KEN", "12") in found
    assert not any(s == "PAK" and r in {"13", "15", "03"} for s, _, r in found)
    found = roots(code(pipe, "Kenya rejected a plan to send troops to Somalia."))
    assert not any(r in {"13", "15", "03"} for _, _, r in found)
