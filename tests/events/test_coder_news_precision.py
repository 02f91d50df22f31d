"""Wordings of news that the coder read as acts between political actors when they are not:
commentators' opinions, talking to the press, pleas in court, and a response whose "by"
phrase is the act itself.

Each test states what must and what must not come out; the sentences are written for
dateline, not taken from any corpus."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


# -- commentators: their praise, blame and demands are opinions ---------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Regional analysts praised the African Union for sending observers to the vote.",
        "Defence analyst Maria Okafor welcomed the decision but expressed doubts about it.",
        "Several scholars blamed Ethiopia for the collapse of the talks.",
        "Energy experts urged Germany to reopen its nuclear plants.",
    ],
)
def test_commentators_are_no_source_of_events(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert not any(e.source.role and "analyst" in e.source.role for e in events)
    assert not any(
        (e.source.role or "").split()[-1:] in (["analyst"], ["scholar"], ["expert"]) for e in events
    )


def test_a_state_praised_by_its_minister_still_codes(pipe: Pipeline) -> None:
    events = code(pipe, "Kenya's foreign minister praised the African Union for its mediation.")
    assert any(e.cameo.code == "051" and e.source.country == "KEN" for e in events)


# -- the press as audience -----------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Speaking to reporters in Nairobi, Kenyan Interior Minister Kipchumba Murkomen said the "
        "border would stay closed.",
        "The Ghanaian president spoke to journalists after the summit in Accra.",
    ],
)
def test_speaking_to_the_press_is_no_consultation(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert not any(e.cameo.root == "04" for e in events)


def test_speaking_to_a_government_is_a_consultation(pipe: Pipeline) -> None:
    events = code(pipe, "The Ghanaian president spoke with Nigerian President Bola Tinubu.")
    assert any(e.cameo.root == "04" and e.source.country == "GHA" for e in events)


# -- "plead": an appeal only with someone or for something --------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The two Serbian suspects pleaded not guilty to the charges in a Belgrade court.",
        "Former Peruvian minister Juan Rojas has pleaded guilty.",
    ],
)
def test_a_plea_in_court_is_no_appeal(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert not any(e.cameo.root == "02" for e in events)


def test_pleading_with_someone_is_an_appeal(pipe: Pipeline) -> None:
    events = code(pipe, "Haiti's government pleaded with the United Nations for more police.")
    assert any(e.cameo.code == "020" and e.source.country == "HTI" for e in events)


# -- "retaliated by V-ing": the V-ing is the response --------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "China retaliated by imposing tariffs on American soybeans.",
        "Russia responded by expelling ten Polish diplomats.",
    ],
)
def test_response_by_an_act_is_that_act_not_force(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert not any(
        e.cameo.code == "190" and e.trigger.text in {"retaliated", "responded"} for e in events
    )
    assert any(e.trigger.text in {"imposing", "expelling"} for e in events)


def test_retaliating_against_someone_is_still_force(pipe: Pipeline) -> None:
    events = code(pipe, "Israel retaliated against Hezbollah positions in southern Lebanon.")
    assert any(e.cameo.code == "190" and e.source.country == "ISR" for e in events)


# -- "has yet to V": not done ----------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Chilean officials have yet to comment on the Bolivian claims.",
        "Serbia has yet to recognize Kosovo.",
        "Bolivia is yet to sign the trade agreement with Chile.",
    ],
)
def test_an_act_not_yet_done_is_negated(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert events
    assert all(e.negated for e in events)


def test_an_act_done_yet_again_is_not_negated(pipe: Pipeline) -> None:
    events = code(pipe, "Serbia has recognized Kosovo's passports, officials said.")
    assert events
    assert not any(e.negated for e in events)


# -- "must have V-ed": a conclusion about the past, not a demand ----------------------------
def test_epistemic_must_is_no_demand(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "The Kenyan minister said senior Ugandan officers must have approved the raid.",
    )
    assert not any(e.cameo.root == "10" for e in events)


def test_deontic_must_is_a_demand(pipe: Pipeline) -> None:
    events = code(pipe, "The Kenyan minister said Uganda must withdraw its troops.")
    assert any(e.cameo.root == "10" and e.source.country == "KEN" for e in events)


# -- a nominal act that is the object of a hypothetical verb has not happened ----------------
@pytest.mark.parametrize(
    "text",
    [
        "Canada should impose new sanctions on Iran.",
        "Argentina could hold talks with Britain next year.",
        "The European Union should use sanctions against Belarusian officials.",
    ],
)
def test_a_nominal_act_under_a_modal_verb_is_not_coded(pipe: Pipeline, text: str) -> None:
    # nobody says so: no demand, and the act itself is a hypothetical, no row
    assert not code(pipe, text)


def test_a_nominal_act_done_is_not_hypothetical(pipe: Pipeline) -> None:
    events = code(pipe, "The European Union imposed sanctions on Belarusian officials.")
    assert events
    assert not any(e.hypothetical for e in events)


# -- a press request for comment is no political appeal -------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian army did not respond to Reuters requests for comment.",
        "The ministry ignored the BBC's request for comment on the raid.",
        "Journalists asked for comment from the Peruvian embassy.",
    ],
)
def test_a_request_for_comment_is_no_appeal(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert not any(e.cameo.root == "02" for e in events)


def test_a_request_for_help_is_an_appeal(pipe: Pipeline) -> None:
    events = code(pipe, "Malawi made a request to the United Nations for food aid.")
    assert any(e.cameo.root == "02" and e.source.country == "MWI" for e in events)


# -- concurring with an opinion or a quotation is no agreement -------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "“The border will not reopen soon,” agreed Ana Ruiz, a Colombian trader in Cucuta.",
        "A Kenyan farmer said he agreed with the officials’ concerns about the drought.",
        "Brazil's minister agreed with Argentina's assessment of the crisis.",
    ],
)
def test_concurring_is_no_agreement(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert not any(e.cameo.root == "03" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Brazil agreed with Argentina on a new tariff schedule.",
        "Colombia and Venezuela agreed to reopen the border, officials said.",
    ],
)
def test_agreeing_with_a_party_is_an_agreement(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert any(e.cameo.root == "03" for e in events)


# -- a travel verb with an object carries it: no visit -------------------------------------
def test_flying_people_somewhere_is_no_visit(pipe: Pipeline) -> None:
    events = code(pipe, "Italian officials flew the rescued migrants to Albania on Tuesday.")
    assert not any(e.cameo.code == "042" for e in events)


def test_flying_somewhere_is_a_visit(pipe: Pipeline) -> None:
    events = code(pipe, "The Italian prime minister flew to Albania on Tuesday.")
    assert any(e.cameo.code == "042" and e.target and e.target.country == "ALB" for e in events)


# -- what is rejected: its content clause names no target ------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The Mexican minister rebuffed fears that Canada's tariffs would cause a recession.",
        "Peru rejected suggestions that Chile's navy had entered its waters.",
    ],
)
def test_the_subject_of_a_rejected_content_clause_is_no_target(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    rejections = [e for e in events if e.cameo.root == "12"]
    assert not any(e.target and e.target.country in {"CAN", "CHL"} for e in rejections)


def test_a_demand_still_aims_at_the_subject_of_its_clause(pipe: Pipeline) -> None:
    events = code(pipe, "Peru demanded that Chile withdraw its navy from the disputed waters.")
    assert any(e.cameo.root == "10" and e.target and e.target.country == "CHL" for e in events)


# -- a bare verb coordinated after a reported clause shares its subject, not the reporter's -
def test_bare_verb_after_a_reported_clause_keeps_its_subject(pipe: Pipeline) -> None:
    events = code(pipe, "Officials say Serbia hesitated and then started threatening Kosovo.")
    threats = [e for e in events if e.trigger.text == "threatening"]
    assert threats
    assert all(e.source.country == "SRB" for e in threats)


# -- a trial's opening and closing statements are court procedure -----------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Lawyers for the Ecuadorian general will deliver closing statements in court in May.",
        "During opening statements, the Chilean prosecutor described the bribes.",
    ],
)
def test_opening_and_closing_statements_are_no_public_statement(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert not any(e.cameo.code == "010" and e.trigger.text == "statements" for e in events)


def test_a_statement_by_a_government_is_one(pipe: Pipeline) -> None:
    events = code(pipe, "Ecuador's foreign ministry issued a statement on the border incident.")
    assert any(e.cameo.code == "010" and e.source.country == "ECU" for e in events)
