"""Blame laid in speech without a verb of accusing (events/_blame.py): perpetrators placed in
or tied to a country, wrongs an actor is said to aim at, filings that allege, regarding a
thing as a wrong. Sentences written for dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


def accusations(events: list[Event], source: str, target: str) -> list[Event]:
    return [
        e
        for e in events
        if e.plover.event == "ACCUSE"
        and e.source.country == source
        and e.target is not None
        and e.target.country == target
        and not e.negated
        and not e.hypothetical
    ]


# -- perpetrators placed in or tied to a country --------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The Indian interior minister said the handlers of Tuesday's attack are based in Nepal.",
        "Indian officials have said those involved in the bombing are based in Nepal.",
        "The Indian army spokesman claimed the attackers were in touch with planners in Nepal.",
        "The Indian interior minister said the gunmen operate from Nepal.",
        "The Indian interior minister said the bombers were backed by Nepal.",
    ],
)
def test_a_speaker_placing_perpetrators_in_a_country_accuses_it(pipe: Pipeline, text: str) -> None:
    assert [e.cameo.code for e in accusations(code(pipe, text), "IND", "NPL")] == ["112"]


@pytest.mark.parametrize(
    "text",
    [
        # denied
        "The Indian interior minister said the attackers were not based in Nepal.",
        # no perpetrators
        "The Indian interior minister said the tourists were based in Nepal.",
        "The Indian interior minister said the aid workers operate from Nepal.",
        # weighed, not said
        "The Indian interior minister said the attackers may be based in Nepal.",
        # no one says it
        "The attackers were based in Nepal.",
    ],
)
def test_no_placed_blame_without_perpetrators_placed_by_a_speaker(
    pipe: Pipeline, text: str
) -> None:
    assert not accusations(code(pipe, text), "IND", "NPL")


def test_perpetrators_placed_at_home_accuse_no_state(pipe: Pipeline) -> None:
    events = code(pipe, "Nepali police said the attackers were based in Nepal.")
    assert not any(e.plover.event == "ACCUSE" for e in events)


def test_an_unnamed_official_source_speaks_for_the_state_the_story_is_about(
    pipe: Pipeline,
) -> None:
    text = (
        "India said on Monday that it had arrested ten men. India's army chief visited the "
        "area. Security sources said the handlers of the attack were based in Nepal."
    )
    found = accusations(code(pipe, text), "IND", "NPL")
    assert found
    assert found[0].source.rule == "implicit.story_country"


def test_an_unnamed_source_does_not_speak_for_the_state_it_blames(pipe: Pipeline) -> None:
    text = (
        "Nepal said on Monday that it had arrested ten men. Nepal's army chief visited the "
        "area. Security sources said the handlers of the attack were based in Nepal."
    )
    assert not any(e.plover.event == "ACCUSE" for e in code(pipe, text))


# -- wrongs an actor is said to aim at -------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The Indian foreign minister said Nepal openly seeks to weaponize the council.",
        "The Indian foreign minister said Nepal wants to undermine the council.",
        "The Indian foreign minister said Nepal is trying to obstruct the inquiry.",
    ],
)
def test_a_wrong_an_actor_is_said_to_aim_at_is_an_accusation(pipe: Pipeline, text: str) -> None:
    assert [e.cameo.code for e in accusations(code(pipe, text), "IND", "NPL")] == ["112"]


@pytest.mark.parametrize(
    "text",
    [
        # the aim is weighed, not told
        "The Indian foreign minister said Nepal may want to undermine the council.",
        # an aim that is no wrong
        "The Indian foreign minister said Nepal wants to strengthen the council.",
    ],
)
def test_no_accusation_for_an_aim_weighed_or_no_wrong(pipe: Pipeline, text: str) -> None:
    assert not accusations(code(pipe, text), "IND", "NPL")


# -- what is alleged, and who alleges it in a filing ----------------------------------------
def test_what_is_alleged_accuses_the_subject_of_the_alleged_clause(pipe: Pipeline) -> None:
    events = code(
        pipe, "The Indian foreign ministry alleged that Nepal had blocked lawyers from the camp."
    )
    assert [e.cameo.code for e in accusations(events, "IND", "NPL")] == ["112"]


def test_a_filing_alleges_what_its_authors_allege(pipe: Pipeline) -> None:
    text = (
        "Indian rights groups have filed several lawsuits against the Nepali government. "
        "A lawsuit filed in February alleged the Nepali government had blocked lawyers "
        "from the camp."
    )
    alleged = [e for e in accusations(code(pipe, text), "IND", "NPL") if e.cameo.code == "112"]
    assert alleged
    assert alleged[0].trigger.text == "alleged"


def test_a_filing_whose_authors_the_article_does_not_name_alleges_nothing(
    pipe: Pipeline,
) -> None:
    text = "A lawsuit alleged the Nepali government had blocked lawyers from the camp."
    assert not any(e.plover.event == "ACCUSE" for e in code(pipe, text))


# -- regarding a thing as a wrong ------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The Indian foreign minister sees Nepal's ban as a betrayal of the region.",
        "The Indian foreign minister regards Nepal's decision as illegal.",
    ],
)
def test_regarding_an_actors_act_as_a_wrong_criticises_it(pipe: Pipeline, text: str) -> None:
    assert accusations(code(pipe, text), "IND", "NPL")


def test_regarding_an_actor_as_no_wrong_is_no_criticism(pipe: Pipeline) -> None:
    events = code(pipe, "The Indian foreign minister sees Nepal as a partner in the region.")
    assert not any(e.plover.event == "ACCUSE" for e in events)


# -- culpability for a harm ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The Indian foreign minister said Nepal is responsible for the attack on the border post.",
        '"Nepal is responsible for the deaths of ten civilians," the Indian foreign minister said.',
    ],
)
def test_a_speaker_holding_an_actor_responsible_for_a_harm_accuses_it(
    pipe: Pipeline, text: str
) -> None:
    assert [e.cameo.code for e in accusations(code(pipe, text), "IND", "NPL")] == ["112"]


@pytest.mark.parametrize(
    "text",
    [
        # a duty, not a harm
        "The Indian foreign minister said Nepal is responsible for security at the border.",
        # denied
        "The Indian foreign minister said Nepal is not responsible for the attack.",
    ],
)
def test_no_accusation_for_a_duty_or_a_denied_culpability(pipe: Pipeline, text: str) -> None:
    assert not accusations(code(pipe, text), "IND", "NPL")


# -- accusations whose accuser the article names ----------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "A Nepali court opened the trial on Monday. Two Indian soldiers stand accused of the "
        "bombing of the army base.",
        "Nepali prosecutors opened the case on Monday. Two Indian soldiers were accused of "
        "planning the bombing.",
    ],
)
def test_an_agentless_accusation_is_the_court_the_story_named(pipe: Pipeline, text: str) -> None:
    found = accusations(code(pipe, text), "NPL", "IND")
    assert [e.target.sector for e in found if e.target is not None] == ["MIL"]
    assert found[0].source.sector == "JUD"


def test_an_agentless_accusation_with_no_court_named_has_no_accuser(pipe: Pipeline) -> None:
    events = code(pipe, "Two Indian soldiers stand accused of the bombing of the army base.")
    assert not any(e.plover.event == "ACCUSE" for e in events)


def test_an_agentless_accusation_is_not_the_defence_lawyers(pipe: Pipeline) -> None:
    text = (
        "The Indian envoy's lawyers filed an appeal on Monday. "
        "The Indian envoy was accused of spying."
    )
    found = [e for e in code(pipe, text) if e.plover.event == "ACCUSE" and e.cameo.code == "112"]
    assert not any(e.source.role == "lawyer" for e in found)


def test_a_charge_denied_has_no_accuser(pipe: Pipeline) -> None:
    text = (
        "A Nepali judge extended the order on Monday. The Indian envoy has not been charged "
        "with any crime."
    )
    assert not any(e.plover.event == "ACCUSE" for e in code(pipe, text))


# -- criticism undergone, and the rarer verbs of criticism ------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The Nepali prime minister faced criticism from India over the border closure.",
        "The Nepali government came under fire from India on Monday over the border closure.",
        "Nepal's decision to close the border sparked condemnation from India.",
        "The Indian foreign minister chided Nepal for closing the border.",
        "The Indian foreign minister faulted Nepal for the failure of the talks.",
        "The Indian foreign minister ridiculed Nepal's claims.",
    ],
)
def test_criticism_undergone_or_voiced_is_the_critics(pipe: Pipeline, text: str) -> None:
    assert accusations(code(pipe, text), "IND", "NPL")


@pytest.mark.parametrize(
    "text",
    [
        "The Nepali minister drew praise from India.",
        "The Nepali minister faced no criticism from India.",
    ],
)
def test_no_criticism_undergone_for_praise_or_none(pipe: Pipeline, text: str) -> None:
    assert not accusations(code(pipe, text), "IND", "NPL")


def test_criticism_from_commentators_is_no_ones_act(pipe: Pipeline) -> None:
    events = code(pipe, "The Nepali minister drew criticism from analysts.")
    assert not any(e.plover.event == "ACCUSE" for e in events)


# -- wrongs told of an actor -------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The Indian spokesperson said Nepal is persecuting journalists.",
        "The Indian spokesperson said Nepal silences its critics.",
        "The Indian spokesperson said Nepal is spreading disinformation about the talks.",
        "The Indian spokesperson said Nepal engaged in corruption.",
    ],
)
def test_a_speaker_telling_of_an_actors_wrong_accuses_it(pipe: Pipeline, text: str) -> None:
    assert [e.cameo.code for e in accusations(code(pipe, text), "IND", "NPL")] == ["112"]


@pytest.mark.parametrize(
    "text",
    [
        # fighting a wrong is no wrong
        "The Indian spokesperson said Nepal is fighting corruption.",
        # no one says it
        "Nepal is spreading disinformation about the talks.",
        # denied
        "The Indian spokesperson said Nepal is not spreading disinformation.",
    ],
)
def test_no_accusation_for_a_wrong_fought_unsaid_or_denied(pipe: Pipeline, text: str) -> None:
    assert not accusations(code(pipe, text), "IND", "NPL")


# -- what prosecutors say someone did ----------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Indian prosecutors say two Nepali men hired a gunman to kill the journalist.",
        "Indian prosecutors said the Nepali suspect attacked the guards.",
    ],
)
def test_a_hostile_act_prosecutors_tell_of_is_their_accusation(pipe: Pipeline, text: str) -> None:
    found = accusations(code(pipe, text), "IND", "NPL")
    assert [e.cameo.code for e in found] == ["112"]
    assert found[0].source.sector == "JUD"


@pytest.mark.parametrize(
    "text",
    [
        # suffered, not done
        "Indian prosecutors said the Nepali suspect was arrested in Delhi.",
        # no hostile act
        "Indian prosecutors said the Nepali suspect met the minister.",
        # told by others than prosecutors: news of the act
        "Indian officials said the Nepali suspect attacked the guards.",
    ],
)
def test_no_prosecutors_accusation_without_a_hostile_act_they_tell(
    pipe: Pipeline, text: str
) -> None:
    assert not accusations(code(pipe, text), "IND", "NPL")


def test_prosecutors_named_without_a_country_are_the_storys(pipe: Pipeline) -> None:
    text = (
        "India arrested two men from Nepal on Monday. India's police chief said India would "
        "protect India's journalists. Prosecutors say Ram Thapa of Nepal hired a gunman to "
        "kill the journalist."
    )
    found = accusations(code(pipe, text), "IND", "NPL")
    assert [e.cameo.code for e in found] == ["112"]


def test_blame_on_both_sides_read_from_afar_is_dropped(pipe: Pipeline) -> None:
    text = (
        "Nepali troops have been fighting Indian troops since May. "
        "The Chinese foreign minister said both sides have committed grave abuses."
    )
    found = [e for e in code(pipe, text) if e.plover.event == "ACCUSE" and e.cameo.code == "112"]
    assert not any(e.target is not None and e.target.country in {"NPL", "IND"} for e in found)


# -- what an allegation says is no act done ----------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Rights groups allege that the Brazilian government denied detainees access to lawyers.",
        "The lawsuits allege that the Brazilian government has denied detainees access to lawyers.",
        "Rights groups made allegations that Brazilian police tortured detainees.",
    ],
)
def test_what_an_allegation_says_was_done_is_not_coded_as_done(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert not [e for e in events if e.source.country == "BRA" and e.plover.event != "ACCUSE"]


def test_the_allegation_itself_is_the_accusers(pipe: Pipeline) -> None:
    text = "Rights groups allege that the Brazilian government denied detainees access to lawyers."
    assert [
        e.target.country for e in code(pipe, text) if e.plover.event == "ACCUSE" and e.target
    ] == ["BRA"]


def test_a_speaker_is_not_of_the_country_they_place_perpetrators_in(pipe: Pipeline) -> None:
    text = (
        "Pakistan's army said Tuesday's attack on a train in Balochistan killed 20 soldiers. "
        "Pakistan's prime minister vowed to respond. Military spokesperson Ahmadzai claimed "
        "the attackers were in touch with handlers in Afghanistan."
    )
    assert [e.cameo.code for e in accusations(code(pipe, text), "PAK", "AFG")] == ["112"]


# -- passive wrongs that name their doer ------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The Indian spokesperson said its fishermen are being victimized by Nepal.",
        "Indian officials said their journalists were persecuted by Nepal for years.",
        "The Indian minister said the villagers have been betrayed by Nepal.",
    ],
)
def test_a_speaker_telling_of_a_wrong_suffered_from_a_doer_accuses_it(
    pipe: Pipeline, text: str
) -> None:
    assert [e.cameo.code for e in accusations(code(pipe, text), "IND", "NPL")] == ["112"]


@pytest.mark.parametrize(
    "text",
    [
        # no one says it
        "Indian fishermen were victimized by Nepal.",
        # denied
        "The Indian spokesperson said its fishermen were not victimized by Nepal.",
        # no doer named
        "The Indian spokesperson said its fishermen are being victimized.",
        # helped, not wronged
        "The Indian spokesperson said its fishermen were rescued by Nepal.",
    ],
)
def test_no_accusation_for_a_suffered_wrong_unsaid_denied_or_without_doer(
    pipe: Pipeline, text: str
) -> None:
    assert not accusations(code(pipe, text), "IND", "NPL")


# -- identifying or naming an actor as an agent of wrong ----------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "An Indian think tank identified the Nepali blogger as a government propagandist.",
        "The Indian minister called Nepal a puppet.",
        "The Indian minister described Nepal's army chief as a thug.",
    ],
)
def test_naming_an_actor_an_agent_of_wrong_criticises_it(pipe: Pipeline, text: str) -> None:
    assert any(e.cameo.root == "11" for e in accusations(code(pipe, text), "IND", "NPL"))


@pytest.mark.parametrize(
    "text",
    [
        "Indian police identified the dead man as a Nepali citizen.",
        "The Indian minister identified the Nepali envoy as the host of the talks.",
    ],
)
def test_identifying_an_actor_as_no_wrongdoer_is_no_criticism(pipe: Pipeline, text: str) -> None:
    assert not accusations(code(pipe, text), "IND", "NPL")


# -- an official telling of a charge no court the story names laid ----------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Nepal's interior minister said two Indian men had been charged with smuggling.",
        "Nepali police said the Indian driver has been charged with murder.",
    ],
)
def test_an_official_telling_of_a_charge_is_the_accuser(pipe: Pipeline, text: str) -> None:
    found = accusations(code(pipe, text), "NPL", "IND")
    assert [e.cameo.root for e in found] == ["11"]


@pytest.mark.parametrize(
    "text",
    [
        # a relative or the defence tells of it: no one's accusation
        "His mother said two Indian men had been charged with smuggling.",
        "His lawyer said the Indian journalist had been charged with espionage.",
        # no speaker
        "Two Indian men had been charged with smuggling.",
    ],
)
def test_no_accuser_for_a_charge_told_by_no_official(pipe: Pipeline, text: str) -> None:
    assert not any(e.plover.event == "ACCUSE" for e in code(pipe, text))
