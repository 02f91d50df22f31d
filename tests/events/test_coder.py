"""Behaviour of the event coder on single sentences: what must and must not come out."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.model import Article, Event
from dateline.pipeline import Pipeline

PUBLISHED = "2018-11-12"  # a Monday


def code(pipe: Pipeline, text: str, published: str | None = PUBLISHED) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published=published)).events


def dyads(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    """(source country, target country, CAMEO root) of every event that was not negated."""
    return {
        (e.source.country, e.target.country if e.target else None, e.cameo.root)
        for e in events
        if not e.negated
    }


# -- arguments ------------------------------------------------------------------------------
def test_active_sentence(pipe: Pipeline) -> None:
    events = code(pipe, "China condemned Japan on Friday.")
    assert ("CHN", "JPN", "11") in dyads(events)
    assert ("JPN", "CHN", "11") not in dyads(events)


def test_passive_voice_takes_the_by_agent_as_source(pipe: Pipeline) -> None:
    events = code(pipe, "Syrian villages were attacked by Israel on Friday.")
    assert any(s == "ISR" and t == "SYR" and r in {"18", "19"} for s, t, r in dyads(events))
    assert not any(s == "SYR" for s, _, _ in dyads(events))


def test_passive_subject_place_is_its_peoples(pipe: Pipeline) -> None:
    # "a camp for X refugees was attacked" as in the active "attacked a camp for X refugees".
    for text in (
        "A camp for Sudanese refugees was shelled by Chadian soldiers.",
        "Chadian soldiers shelled a camp for Sudanese refugees.",
    ):
        assert ("TCD", "SDN", "19") in dyads(code(pipe, text))
        assert not any(s == "SDN" for s, _, _ in dyads(code(pipe, text)))


def test_coordination_gives_one_event_per_pair(pipe: Pipeline) -> None:
    events = code(pipe, "Russia and China signed an agreement with Iran on Monday.")
    pairs = [(e.source.country, e.target.country if e.target else None) for e in events]
    assert pairs.count(("RUS", "IRN")) == 1
    assert pairs.count(("CHN", "IRN")) == 1


def test_coordinated_of_objects_are_all_actors(pipe: Pipeline) -> None:
    # "the envoys of France, Germany and Britain": three governments, not France alone.
    events = code(pipe, "The envoys of France, Germany and Britain met Iranian officials.")
    codes = {(e.source.code, e.target.code if e.target else None) for e in events}
    assert {("FRAGOV", "IRNGOV"), ("DEUGOV", "IRNGOV"), ("GBRGOV", "IRNGOV")} <= codes
    # Countries coordinated under a noun that names no agent stay countries.
    events = code(pipe, "Iran condemned the visit of France, Germany and Britain.")
    targets = {e.target.code for e in events if e.target and e.source.country == "IRN"}
    assert {"FRA", "DEU", "GBR"} <= targets
    assert not any(t and t.endswith("GOV") for t in targets)
    # Coordination outside the "of" phrase does not lend the head noun's agent.
    events = code(pipe, "The envoy of France and Germany's chancellor condemned Iran.")
    assert ("DEUGOV", "IRN") in {
        (e.source.code, e.target.code if e.target else None) for e in events
    }
    assert not any((e.source.rule or "").endswith("coordination") for e in events)


def test_a_list_of_names_read_as_an_apposition_is_still_a_list(pipe: Pipeline) -> None:
    events = code(pipe, "Israel, the Philippines, Japan and Canada condemned the attack by Iran.")
    sources = {e.source.country for e in events if e.target and e.target.country == "IRN"}
    assert sources == {"ISR", "PHL", "JPN", "CAN"}
    # An apposition of descriptions is one actor described twice, not a list.
    events = code(
        pipe, "Canada, a staunch ally and the biggest trading partner of Mexico, condemned Iran."
    )
    assert {e.source.country for e in events} <= {"CAN"}


def test_coordinated_subjects_of_a_statement_are_not_a_dyad(pipe: Pipeline) -> None:
    events = code(pipe, "France and Germany condemned the attack by Russian forces.")
    assert ("FRA", "DEU", "11") not in dyads(events)
    assert ("FRA", "RUS", "11") in dyads(events)


def test_joint_action_of_coordinated_subjects_is_a_dyad(pipe: Pipeline) -> None:
    events = code(pipe, "Kazakhstan and China discussed trade on Monday.")
    assert {("KAZ", "CHN", "04"), ("CHN", "KAZ", "04")} & dyads(events)


def test_reported_speech_speaker_is_not_the_attacker(pipe: Pipeline) -> None:
    events = code(pipe, "Iran said Israel attacked Syria on Friday.")
    found = dyads(events)
    assert any(s == "ISR" and t == "SYR" and r in {"18", "19"} for s, t, r in found)
    assert not any(s == "IRN" and r in {"18", "19"} for s, _, r in found)


def test_demand_that_clause_targets_its_subject(pipe: Pipeline) -> None:
    events = code(pipe, "China demanded that the United States cancel the arms sale.")
    assert ("CHN", "USA", "10") in dyads(events)


def test_action_noun_object_points_to_its_agent(pipe: Pipeline) -> None:
    events = code(pipe, "The French government condemned an attack by Russian soldiers.")
    assert ("FRA", "RUS", "11") in dyads(events)


# -- context: negation, mood ------------------------------------------------------------------
def test_negation_is_marked_not_reported_as_done(pipe: Pipeline) -> None:
    events = code(pipe, "China did not attack Japan.")
    assert not any(e.cameo.root in {"18", "19"} and not e.negated for e in events)


@pytest.mark.parametrize(
    ("text", "code_prefix"),
    [
        ("Russia threatened to impose sanctions on Ukraine.", "13"),
        ("Germany will provide humanitarian aid to Ukraine.", "033"),
        ("China refused to meet Japan.", "12"),
        ("Japan suspended aid to Myanmar.", "16"),
    ],
)
def test_mood_changes_the_code(pipe: Pipeline, text: str, code_prefix: str) -> None:
    events = code(pipe, text)
    assert any(e.cameo.code.startswith(code_prefix) for e in events), [
        (e.cameo.code, e.rule) for e in events
    ]


def test_intent_is_not_the_action(pipe: Pipeline) -> None:
    events = code(pipe, "Germany will provide humanitarian aid to Ukraine.")
    assert not any(e.cameo.root == "07" for e in events)


# -- time and place ---------------------------------------------------------------------------
def test_relative_day_resolves_against_publication(pipe: Pipeline) -> None:
    events = code(pipe, "China condemned Japan on Friday.")
    event = next(e for e in events if e.target and e.target.country == "JPN")
    assert (event.date, event.date_precision, event.date_source) == (
        "2018-11-09",
        "day",
        "sentence",
    )


def test_event_dated_by_its_own_month(pipe: Pipeline) -> None:
    events = code(pipe, "Kazakhstan and China signed an agreement in June 2018.")
    assert events
    assert all((e.date, e.date_precision) == ("2018-06-01", "month") for e in events)


def test_undated_event_takes_publication_date(pipe: Pipeline) -> None:
    events = code(pipe, "China condemned Japan.")
    assert events
    assert all((e.date, e.date_source) == (PUBLISHED, "published") for e in events)


def test_location_named_in_the_sentence(pipe: Pipeline) -> None:
    events = code(pipe, "Russia and China held talks in Moscow on Monday.")
    assert events
    assert all(e.location is not None and e.location.name == "Moscow" for e in events)


# -- coding conventions for actors the sentence leaves unsaid ---------------------------------
def test_untargeted_act_lands_on_the_country_it_is_placed_in(pipe: Pipeline) -> None:
    events = code(pipe, "The Kenyan government lifted the curfew in Mogadishu on Monday.")
    targets = [e.target for e in events if e.cameo.root == "08"]
    assert targets and targets[0] is not None
    assert (targets[0].country, targets[0].rule) == ("SOM", "implicit.place")


def test_a_venue_is_not_a_target(pipe: Pipeline) -> None:
    events = code(pipe, "Chinese officials held consultations in Geneva on Monday.")
    assert not any(e.target and e.target.country == "CHE" for e in events)


def test_untargeted_concession_is_domestic(pipe: Pipeline) -> None:
    events = code(pipe, "The Peruvian government lifted the state of emergency on Sunday.")
    coded = [e for e in events if e.cameo.root == "08"]
    assert coded and coded[0].target is not None
    assert (coded[0].target.country, coded[0].target.rule) == ("PER", "implicit.domestic")


def test_promised_or_threatened_domestic_act_is_domestic(pipe: Pipeline) -> None:
    # The mood changes the code (a promise, a threat), not whom the act is done to.
    for text, root in (
        ("Kenya's government said it is prepared to lift the state of emergency.", "03"),
        ("Kenya's government threatened to impose a curfew.", "13"),
    ):
        coded = [e for e in code(pipe, text) if e.cameo.root == root]
        assert coded and coded[0].target is not None
        assert (coded[0].target.country, coded[0].target.rule) == ("KEN", "implicit.domestic")
    # A statement is not a domestic act: it keeps no target.
    events = code(pipe, "Kenya's government said it is prepared to hold talks.")
    assert all(e.target is None or e.target.country != "KEN" for e in events)


def test_countryless_target_of_a_domestic_act_is_domestic(pipe: Pipeline) -> None:
    events = code(pipe, "Malian rebels said they would free Prime Minister Moussa Keita.")
    freed = [e for e in events if e.target is not None and "Keita" in e.target.text]
    assert freed and freed[0].target is not None
    assert (freed[0].target.code, freed[0].target.country) == ("MLIGOV", "MLI")
    assert freed[0].target.rule is not None and "implicit.domestic" in freed[0].target.rule
    # A target with a code but no country (an international group) keeps its code.
    events = code(pipe, "Iraqi forces arrested seven Islamic State members in Anbar.")
    targets = {e.target.code for e in events if e.target is not None}
    assert not any(t and t.startswith("IRQREB") for t in targets)


def test_untargeted_statement_gets_no_target(pipe: Pipeline) -> None:
    events = code(pipe, "The Peruvian government said on Sunday that talks were going well.")
    assert all(e.target is None for e in events if e.cameo.root == "01")


def test_violence_without_attacker_is_the_places(pipe: Pipeline) -> None:
    events = code(pipe, "Two Turkish soldiers were killed near the town of Kirkuk on Sunday.")
    violent = [e for e in events if e.cameo.root in {"18", "19"}]
    assert violent
    assert violent[0].source.rule == "implicit.unidentified_agent"
    assert (violent[0].source.country, violent[0].target and violent[0].target.country) == (
        "IRQ",
        "TUR",
    )
    assert violent[0].confidence < 0.75  # below a coded dyad


def test_unresolved_named_attacker_is_not_replaced_by_the_place(pipe: Pipeline) -> None:
    events = code(pipe, "Zorblax Brigades killed two Turkish soldiers near the town of Kirkuk.")
    assert not any(
        (e.source.rule or "").startswith("implicit.") for e in events if e.cameo.root == "19"
    )


def test_violence_without_a_place_gets_no_attacker(pipe: Pipeline) -> None:
    events = code(pipe, "Two Turkish soldiers were killed on Sunday.")
    assert not any(e.source.rule == "implicit.unidentified_agent" for e in events)


# -- frames that depend on who the subject is ----------------------------------------------
def test_forces_withdrawing_is_a_retreat(pipe: Pipeline) -> None:
    events = code(pipe, "Ethiopian troops withdrew from Somalia on Monday.")
    assert ("ETH", "SOM", "08") in dyads(events)
    assert any(e.cameo.code == "0874" for e in events)


def test_a_delegation_walking_out_is_not_a_military_retreat(pipe: Pipeline) -> None:
    events = code(pipe, "The Ethiopian delegation withdrew from the talks with Somalia.")
    assert not any(e.cameo.code == "0874" for e in events)


def test_participle_used_as_a_noun_is_no_event(pipe: Pipeline) -> None:
    events = code(pipe, "Kenyan helicopters evacuated the wounded from Somalia on Friday.")
    assert not any(e.cameo.root in {"18", "19"} for e in events)


def test_counted_object_after_up_to(pipe: Pipeline) -> None:
    events = code(pipe, "Somali rebels kidnapped up to 12 Kenyan aid workers on Monday.")
    assert any(s == "SOM" and t == "KEN" and r == "18" for s, t, r in dyads(events))


@pytest.mark.parametrize(
    ("text", "code_prefix"),
    [
        ("Israel reimposed a blockade on Gaza on Friday.", "191"),
        ("Chad swore to retaliate against Sudan.", "138"),
        ("Indonesia forced the Australian journalists out of the country.", "174"),
        ("Turkish police prevented the demonstration by Kurdish students.", "1721"),
        ("Iranian guards abused the British sailors.", "182"),
        ("Syrian rebels engaged Filipino peacekeepers in a firefight.", "190"),
        ("The US presented evidence against Russia.", "112"),
    ],
)
def test_wording_families(pipe: Pipeline, text: str, code_prefix: str) -> None:
    assert any(e.cameo.code.startswith(code_prefix) for e in code(pipe, text))


def test_tourists_and_refugees_pay_no_state_visit(pipe: Pipeline) -> None:
    assert not code(pipe, "Thousands of Chinese tourists visited Vietnam this summer.")
    assert not code(pipe, "A group of Afghan refugees arrived in Pakistan on Monday.")
    official = code(pipe, "The Chinese foreign minister visited Vietnam on Monday.")
    assert ("CHN", "VNM", "04") in dyads(official)


def test_a_press_release_releases_no_one(pipe: Pipeline) -> None:
    events = code(pipe, "Syria said so in a press release sent to Lebanon.")
    assert not any(e.cameo.root == "08" for e in events)


def test_object_of_a_stranded_preposition(pipe: Pipeline) -> None:
    # The small model makes "officers" the subject of "holed", leaving "to" without object.
    text = "Peru granted asylum to five Panamanian army officers holed up in its embassy."
    assert ("PER", "PAN", "07") in dyads(code(pipe, text))


def test_infinitive_parsed_as_adverbial_still_completes_the_frame(pipe: Pipeline) -> None:
    events = code(pipe, "Chadian rebels have sworn to fight until they take the capital.")
    assert any(e.cameo.root == "13" for e in events)


def test_taking_part_in_an_act_makes_its_subject_the_source(pipe: Pipeline) -> None:
    events = code(pipe, "Serb forces were engaged in ethnic cleansing against Kosovars.")
    assert any(e.source.country == "SRB" and e.cameo.root == "20" for e in events)


def test_a_report_released_is_no_release_of_people(pipe: Pipeline) -> None:
    text = "A report released on Tuesday in the Rwandan capital alleged that France knew."
    assert not any(e.cameo.root == "08" for e in code(pipe, text))


# -- bad input: no crash, no invented events ---------------------------------------------------
def test_very_long_sentence_gives_no_events(pipe: Pipeline) -> None:
    words = ("China attacked Japan and " * 500).strip()  # 2,500 words, one "sentence"
    assert code(pipe, words) == []


def test_flattened_table_gives_no_events(pipe: Pipeline) -> None:
    rows = " ".join(
        f"{country} | {gdp} | {pop} |" for country, gdp, pop in [("China", 17.7, 1412)] * 60
    )
    text = "Country | GDP | Population | " + rows
    assert code(pipe, text) == []


def test_list_of_names_gives_no_events(pipe: Pipeline) -> None:
    text = (
        "Participants: China, Japan, Russia, France, Germany, Iran, Iraq, Syria, Turkey, "
        "Egypt, Israel, Jordan, Lebanon, Qatar, Kuwait, Oman, Yemen, Sudan, Chad, Mali."
    )
    assert code(pipe, text) == []


def test_headline_without_verb_gives_no_events(pipe: Pipeline) -> None:
    assert code(pipe, "China, Japan and the South China Sea: a timeline") == []


def test_all_caps_text_does_not_crash_or_invent(pipe: Pipeline) -> None:
    events = code(pipe, "BREAKING NEWS: MARKETS IN CHINA AND JAPAN CLOSE HIGHER ON FRIDAY")
    assert not any(e.cameo.root in {"18", "19", "20"} for e in events)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(
            ["China", "Japan", "attacked", "met", "the", "and", "|", "1,200", "SAID", ",", "\n"]
        ),
        max_size=60,
    )
)
def test_arbitrary_word_salad_never_crashes(pipe: Pipeline, words: list[str]) -> None:
    events = code(pipe, " ".join(words))
    for event in events:
        assert 0.0 <= event.confidence <= 1.0
        assert event.source is not None


# -- pair mode --------------------------------------------------------------------------------
def _pair(pipe: Pipeline, text: str, source: str, target: str) -> str | None:
    from dateline.pipeline import classify_pair

    s, t = text.index(source), text.index(target)
    result = classify_pair(pipe, text, (s, s + len(source)), (t, t + len(target)))
    return result.cameo.code if result.cameo else None


def test_pair_mode_reported_speech(pipe: Pipeline) -> None:
    text = "Iran said Israel attacked Syria on Friday."
    attack = _pair(pipe, text, "Israel", "Syria")
    assert attack is not None and attack[:2] in {"18", "19"}
    # The speaker only spoke about Israel: saying it attacked is an accusation, not an attack.
    spoken = _pair(pipe, text, "Iran", "Israel")
    assert spoken is not None and spoken[:2] in {"01", "11"}


def test_pair_mode_protest_over_its_purpose(pipe: Pipeline) -> None:
    text = "Thousands of students staged demonstrations to demand reforms by the government."
    code = _pair(pipe, text, "Thousands of students", "the government")
    assert code is not None and code[:2] == "14"


def test_pair_mode_speaker_without_an_act_made_a_statement(pipe: Pipeline) -> None:
    text = "The Chilean president said he was confident that Peru would keep its promises."
    assert _pair(pipe, text, "The Chilean president", "Peru") == "010"


def test_pair_mode_unrelated_actors_get_nothing(pipe: Pipeline) -> None:
    text = "Chilean wine and Peruvian cotton were on display at the fair."
    assert _pair(pipe, text, "Chilean wine", "Peruvian cotton") is None


def test_only_martial_law_or_an_emergency_is_a_state_of_emergency(pipe: Pipeline) -> None:
    assert any(e.cameo.code == "1724" for e in code(pipe, "Myanmar's junta imposed martial law."))
    for text in (
        "The rebels want to impose their interpretation of Islamic law on Mali.",
        "Myanmar's junta imposed a new security law.",
    ):
        assert not any(e.cameo.code == "1724" for e in code(pipe, text))


def test_more_trade_or_investment_needs_a_partner(pipe: Pipeline) -> None:
    events = code(pipe, "France will boost investment with Chad.")
    assert any(e.cameo.root == "03" and e.target and e.target.country == "TCD" for e in events)
    # Spending more on one's own defence is no economic cooperation with anyone.
    events = code(pipe, "European nations are increasing their defense investments.")
    assert not any(e.cameo.code.startswith("031") for e in events)


def test_a_topic_of_talks_is_not_a_partner(pipe: Pipeline) -> None:
    events = code(pipe, "Ministers of the G7 discussed Iran's nuclear programme on Friday.")
    assert not any(e.cameo.root == "04" and e.target and e.target.country == "IRN" for e in events)
    events = code(pipe, "France discussed Iran's nuclear programme with Germany.")
    assert ("FRA", "DEU", "04") in dyads(events)


def test_a_nations_people_arriving_is_no_state_visit(pipe: Pipeline) -> None:
    events = code(pipe, "Thousands of Afghans arrived in Pakistan last year.")
    assert not any(e.cameo.code.startswith(("042", "043")) for e in events)
    events = code(pipe, "Pakistan's prime minister arrived in Afghanistan on Monday.")
    assert any(e.cameo.code.startswith("042") for e in events)


def test_must_with_no_speaker_is_no_demand(pipe: Pipeline) -> None:
    # "X must ..." said by no one the sentence names: no demand by X on no one.
    events = code(pipe, "The United States must take a long-term approach.")
    assert not any(e.cameo.root == "10" for e in events)
    events = code(pipe, "The United States must take a long-term approach, Smithers wrote.")
    assert not any(e.cameo.root == "10" and e.source.country == "USA" for e in events)
    events = code(pipe, "The United States must take a long-term approach, China said.")
    assert ("CHN", "USA", "10") in dyads(events)


def test_who_reports_a_protest_is_not_its_target(pipe: Pipeline) -> None:
    # The parser hangs "according to" under the participle clause the protest's purpose is
    # searched in; the lawmaker who reports it is not whom the protesters stormed.
    text = (
        "Protesters stormed a hotel in the town of Garissa on Tuesday, leaving at least five "
        "people dead and triggering an ongoing siege, according to witnesses and a Kenyan "
        "lawmaker."
    )
    assert not any(e.target and e.target.sector == "LEG" for e in code(pipe, text))


def test_armed_men_storming_a_building_is_an_assault_not_a_riot(pipe: Pipeline) -> None:
    events = code(pipe, "Taliban fighters stormed the Pakistani embassy in Kabul.")
    assert any(e.cameo.root == "19" and e.target and e.target.country == "PAK" for e in events)
    assert not any(e.cameo.root == "14" for e in events)
    events = code(pipe, "Protesters stormed the Pakistani embassy in Kabul.")
    assert any(e.cameo.code == "145" for e in events)


def test_a_far_infinitive_after_a_request_is_what_is_asked_for(pipe: Pipeline) -> None:
    # The parser attaches "to lift" as an adverbial clause; it is still only requested.
    text = (
        "Kenyan traders are calling on the authorities at home and in Uganda to lift the "
        "trade restrictions imposed during the pandemic."
    )
    events = code(pipe, text)
    assert any(e.cameo.root == "02" and e.source.country == "KEN" for e in events)
    assert not any(e.cameo.root == "08" for e in events)


def test_a_noun_of_saying_makes_its_author_the_one_who_demands(pipe: Pipeline) -> None:
    text = "Germany sent a sharp reminder to Serbia that it must cooperate with NATO."
    events = code(pipe, text)
    assert ("DEU", "SRB", "10") in dyads(events)
    assert not any(e.cameo.root == "06" and not e.hypothetical for e in events)


def test_a_state_of_opposition_or_commitment_is_the_subjects(pipe: Pipeline) -> None:
    events = code(pipe, "Hungary is opposed to Ukrainian membership of the European Union.")
    assert ("HUN", "UKR", "12") in dyads(events)
    events = code(pipe, "Ghana is committed to closer ties with Togo.")
    assert any(e.cameo.root == "03" and e.source.country == "GHA" for e in events)
    # A real passive keeps its agent as the source; "as opposed to" is no opposition.
    events = code(pipe, "The Ukrainian bid was opposed by Hungary.")
    assert not any(e.source.country == "UKR" for e in events)
    events = code(pipe, "Pilots train in Russia, as opposed to decades of U.S. training.")
    assert not any(e.cameo.root == "12" for e in events)


def test_what_is_agreed_to_or_opposed_is_not_an_act(pipe: Pipeline) -> None:
    events = code(pipe, "Israel has agreed to Egyptian mediation in the talks.")
    assert ("ISR", "EGY", "03") in dyads(events)
    assert not any(e.cameo.root == "04" and e.source.country == "EGY" for e in events)
    events = code(pipe, "Iran agreed to a ceasefire with Iraq.")
    assert ("IRN", "IRQ", "03") in dyads(events)


def test_a_complaint_over_an_act_targets_who_did_it(pipe: Pipeline) -> None:
    events = code(pipe, "Lebanon complained to the United Nations over Syrian air raids.")
    assert ("LBN", "SYR", "11") in dyads(events)
    # Not the act's victim: the detained citizen is not the one protested against.
    events = code(pipe, "Japan protested to China over the detention of a Japanese citizen.")
    assert ("JPN", "CHN", "11") in dyads(events)
    assert ("JPN", "JPN", "11") not in dyads(events)


# -- what a protest is for ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Thousands of Kenyan students staged demonstrations in Nairobi to demand the release "
        "of their leaders.",
        "Hundreds of Egyptian workers marched through Cairo on Tuesday, calling for higher wages.",
        "Chilean miners began a hunger strike outside the ministry to demand better pensions.",
        "Angry Bolivian farmers blocked highways near La Paz demanding that the government cut "
        "fuel prices.",
        "Nigerian doctors went on strike to protest the government's failure to pay salaries.",
    ],
)
def test_a_protests_purpose_is_its_content_not_an_event(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    roots = {e.cameo.root for e in events}
    assert "14" in roots
    # the demand, appeal or protest verb of the purpose clause is not a second event
    assert roots.isdisjoint({"02", "10", "11", "13"}), [e.rule for e in events]


def test_a_demand_made_beside_a_protest_stays(pipe: Pipeline) -> None:
    events = code(
        pipe, "Kenyan students marched to the parliament and demanded the release of their leaders."
    )
    roots = {e.cameo.root for e in events}
    assert {"14", "10"} <= roots


# -- an unplaced source of an internal act ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "country", "root"),
    [
        (
            "Judge Maria Lopez opened an investigation into 12 Peruvian police officers "
            "accused of torture.",
            "PER",
            "09",
        ),
        (
            "General Tomas Arvelo resigned on Monday to make way for Bolivia's first free "
            "elections.",
            "BOL",
            "08",
        ),
    ],
)
def test_an_unplaced_source_of_an_internal_act_takes_the_sentences_only_country(
    pipe: Pipeline, text: str, country: str, root: str
) -> None:
    events = [e for e in code(pipe, text) if e.cameo.root == root]
    assert events
    assert all(e.source.country == country for e in events)
    assert all("implicit.sentence_country" in (e.source.rule or "") for e in events)


def test_an_unplaced_source_is_not_placed_in_a_foreign_partners_country(pipe: Pipeline) -> None:
    # a meeting is no internal act: the ambassador need not be Iranian
    events = code(pipe, "Ambassador John Harris met Iranian officials in Tehran.")
    assert events
    assert not any(e.source.country == "IRN" for e in events)


def test_an_unplaced_source_is_not_placed_when_the_sentence_names_two_countries(
    pipe: Pipeline,
) -> None:
    events = code(
        pipe, "Judge Maria Lopez opened an investigation into Peruvian and Chilean police officers."
    )
    assert events
    assert all(e.source.country is None for e in events)


# -- announced resignations -----------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian prime minister said he will step down next month.",
        "Peru's interior minister will resign on Friday, the government said.",
    ],
)
def test_a_resignation_in_the_future_is_a_resignation(pipe: Pipeline, text: str) -> None:
    codes = {e.cameo.code for e in code(pipe, text) if e.source.country == "PER"}
    assert "0831" in codes
    assert "034" not in codes


def test_an_agreement_or_threat_to_resign_keeps_its_verb(pipe: Pipeline) -> None:
    agreed = {e.cameo.code for e in code(pipe, "The Peruvian prime minister agreed to resign.")}
    assert "034" in agreed and "0831" not in agreed
    threat = {e.cameo.root for e in code(pipe, "The Peruvian prime minister threatened to resign.")}
    assert threat == {"13"}


def test_an_active_verb_coordinated_with_a_passive_shares_its_subject(pipe: Pipeline) -> None:
    events = code(pipe, "The Iraqi minister was criticised by parliament and resigned on Friday.")
    assert any(e.cameo.root == "08" and e.source.country == "IRQ" for e in events)
    # a participle shares the passive: "was arrested and later released" is no release by him
    events = code(pipe, "The Kenyan opposition leader was arrested by police and later released.")
    assert not any(e.source.sector == "OPP" for e in events)


def test_a_protest_verb_stating_a_purpose_is_kept_when_it_is_the_only_protest(
    pipe: Pipeline,
) -> None:
    events = code(
        pipe, "Kenyan farmers stayed away from the markets on Monday to protest new taxes."
    )
    assert any(e.cameo.root == "14" for e in events)


# -- "protested that ..." -------------------------------------------------------------------
def test_protesting_that_someone_did_something_is_a_complaint_about_them(pipe: Pipeline) -> None:
    events = code(pipe, "Kenya protested that Ugandan troops had crossed the border.")
    assert ("KEN", "UGA", "11") in dyads(events)
    assert not any(e.cameo.root == "14" for e in events)  # no rally, no protest against itself


def test_protesting_without_a_clause_is_still_a_demonstration(pipe: Pipeline) -> None:
    events = code(pipe, "Thousands of Kenyans protested in Nairobi on Monday.")
    assert any(e.cameo.root == "14" for e in events)


# -- an action noun's own "by" agent --------------------------------------------------------
def test_an_action_nouns_by_agent_is_its_source_even_when_uncoded(pipe: Pipeline) -> None:
    # the police tolerate the rallies; they do not hold them
    events = code(pipe, "Egyptian police will not tolerate rallies by the Kifaya group.")
    assert not any(e.cameo.root == "14" and e.source.sector == "COP" for e in events)


# -- what a statement says ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        (
            "The Chinese foreign ministry issued a statement condemning the Japanese prime "
            "minister's visit to the shrine.",
            ("CHN", "JPN", "11"),
        ),
        (
            "Kenyan opposition parties released a declaration demanding that the Kenyan "
            "government hold early elections.",
            ("KEN", "KEN", "10"),
        ),
        (
            "Iran's statement criticizing Saudi Arabia was read on state television.",
            ("IRN", "SAU", "11"),
        ),
    ],
)
def test_a_statement_says_what_its_participle_says_for_its_author(
    pipe: Pipeline, text: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in dyads(code(pipe, text))


# -- whom a demand is addressed to ----------------------------------------------------------
def test_a_demanded_acts_by_agent_is_the_target(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "The Polish parliament demanded an admission by Moscow that Soviet troops had killed "
        "thousands of Polish officers.",
    )
    assert ("POL", "RUS", "10") in dyads(events)
    assert not any(
        e.cameo.root == "10" and e.target and e.target.text.startswith("Soviet") for e in events
    )


def test_a_trailing_attribution_is_not_what_is_demanded(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Arab League ministers demanded the withdrawal of Israeli troops from Lebanon on "
        "Monday, diplomats quoted the ministers as saying.",
    )
    demands = [e for e in events if e.cameo.root == "10"]
    assert demands
    assert all(e.target is not None and e.target.text != "diplomats" for e in demands)


# -- "out of the question" ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        (
            "Japanese officials said that removing the sanctions on North Korea is out of the "
            "question.",
            ("JPN", "PRK", "12"),
        ),
        (
            "The Kenyan government said talks with Somalia were out of the question.",
            ("KEN", "SOM", "12"),
        ),
    ],
)
def test_an_act_the_speaker_calls_out_of_the_question_is_rejected(
    pipe: Pipeline, text: str, dyad: tuple[str, str, str]
) -> None:
    events = code(pipe, text)
    assert dyad in dyads(events)
    assert not any(e.cameo.root in {"04", "08"} for e in events)  # neither talks nor easing


def test_a_question_is_no_rejection(pipe: Pipeline) -> None:
    events = code(
        pipe, "Japanese officials said the sanctions on North Korea were a question of time."
    )
    assert not any(e.cameo.root == "12" for e in events)


# -- a list of allegations ------------------------------------------------------------------
def test_every_item_of_a_list_of_allegations_is_alleged(pipe: Pipeline) -> None:
    events = code(
        pipe, "Kenya accused Somalia of arming rebels, rejecting talks and closing the border."
    )
    assert ("KEN", "SOM", "11") in dyads(events)
    assert {e.cameo.root for e in events} == {"11"}  # no rejection, no border closure


def test_the_accusers_own_participle_is_not_alleged(pipe: Pipeline) -> None:
    events = code(pipe, "Iran accused Israel of attacking its ships, threatening to retaliate.")
    assert any(e.cameo.root == "13" and e.source.country == "IRN" for e in events)


# -- what a demand or refusal waits for ------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Kenyan rebels said the Kenyan government must release their leaders before they "
        "demobilize.",
        "Sudanese rebels said they will not disarm until Sudanese troops withdraw from Darfur.",
    ],
)
def test_what_a_demand_or_refusal_waits_for_has_not_happened(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert events
    # no demobilisation, no withdrawal (0873, 0874): only the demand or the refusal
    assert not any(e.cameo.code in {"0873", "0874"} for e in events), [e.rule for e in events]


def test_a_time_clause_of_a_reported_act_is_still_an_event(pipe: Pipeline) -> None:
    events = code(pipe, "Sudanese troops withdrew from Darfur before the rainy season began.")
    assert any(e.cameo.code.startswith("087") for e in events)
