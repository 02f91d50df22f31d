"""Whom a request asks when its words name other parties too (events/appeals.py), and
submissions to a body as appeals to it. Sentences written for dateline."""

from __future__ import annotations

import pytest

from builders import dyads
from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


def request_targets(events: list[Event]) -> set[tuple[str | None, str | None]]:
    return {
        (e.target.code if e.target else None, e.target.sector if e.target else None)
        for e in events
        if e.plover.event == "REQUEST"
    }


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Peruvian President Dina Boluarte urged the population to stay calm on Monday.", "PER"),
        ("The Chilean government called on citizens to avoid the flooded roads.", "CHL"),
        ("Ghana's president appealed to residents to report the attackers.", "GHA"),
    ],
)
def test_a_public_addressed_by_a_bare_noun_is_the_requesters_own(
    pipe: Pipeline, text: str, country: str
) -> None:
    events = code(pipe, text)
    assert (country, country) in dyads(events, "REQUEST")
    assert (f"{country}CVL", "CVL") in request_targets(events)


@pytest.mark.parametrize(
    "text",
    [
        "The United Nations urged the public to stay calm.",
        "Peru urged nations to reject protectionism.",
        "Peru urged its members to reject the offer.",
    ],
)
def test_no_public_of_a_body_abroad_or_of_foreign_parties(pipe: Pipeline, text: str) -> None:
    assert all(t[1] != "CVL" for t in request_targets(code(pipe, text)))


def test_an_unplaced_object_addressee_is_asked_not_the_object_of_the_act_asked(
    pipe: Pipeline,
) -> None:
    events = code(pipe, "Kenya's High Court ordered private clinics to treat refugees for free.")
    requests = [e for e in events if e.plover.event == "REQUEST"]
    assert requests
    assert all(e.target is not None and e.target.text == "clinics" for e in requests)


@pytest.mark.parametrize(
    "text",
    [
        "Protesters in Ghana have demanded that the ruling party be dissolved.",
        "Lawyers in Ghana demanded that the opposition leader be freed.",
    ],
)
def test_the_patient_of_a_requested_passive_is_not_the_addressee(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert dyads(events, "REQUEST")
    # the party to be dissolved, the leader charged: what is done to, not whom it asks
    assert all(t[1] not in {"GOV", "OPP"} for t in request_targets(events))


def test_an_active_requested_clause_still_names_the_addressee(pipe: Pipeline) -> None:
    events = code(pipe, "Chile demanded that Peru withdraw its troops from the border.")
    assert ("CHL", "PER") in dyads(events, "REQUEST")


@pytest.mark.parametrize(
    "text",
    [
        "On Friday, Chile submitted an application to the International Court of Justice.",
        "Chile lodged a request with the International Court of Justice on Friday.",
        "Chile's submission to the International Court of Justice met with objections.",
    ],
)
def test_a_submission_to_a_body_is_an_appeal_to_it(pipe: Pipeline, text: str) -> None:
    assert ("IGOUNOICJJUD", "JUD") in request_targets(code(pipe, text))


def test_a_resignation_submitted_is_no_appeal(pipe: Pipeline) -> None:
    events = code(pipe, "The Chilean minister submitted his resignation to the president.")
    assert not dyads(events, "REQUEST")


@pytest.mark.parametrize(
    ("accusation", "dismissal", "dyad"),
    [
        (
            "Kenya accused Uganda of backing the rebels.",
            "Uganda's foreign minister said the accusations were baseless.",
            ("UGA", "KEN"),
        ),
        (
            "Peru accused Chile of spying on its navy.",
            "Chile's defense minister said the accusations were unfounded.",
            ("CHL", "PER"),
        ),
        (
            "Peru accused Chile of spying on its navy.",
            '"It is absurd for Chile to be accused of spying," the Chilean defense minister said.',
            ("CHL", "PER"),
        ),
    ],
)
def test_an_accusation_judged_false_is_denied_not_criticised(
    pipe: Pipeline, accusation: str, dismissal: str, dyad: tuple[str, str]
) -> None:
    events = code(pipe, f"{accusation} {dismissal}")
    assert dyad in dyads(events, "REJECT")
    assert dyad not in dyads(events, "ACCUSE")


def test_a_decision_judged_absurd_is_still_criticism(pipe: Pipeline) -> None:
    events = code(pipe, "Uganda's foreign minister said Kenya's decision was absurd.")
    assert ("UGA", "KEN") in dyads(events, "ACCUSE")
    assert not dyads(events, "REJECT")


def test_a_dismissal_no_one_says_is_no_denial(pipe: Pipeline) -> None:
    events = code(
        pipe, "Kenya accused Uganda of backing the rebels. The accusations were baseless."
    )
    assert not dyads(events, "REJECT")


def test_a_wished_passive_names_whom_it_is_wished_of(pipe: Pipeline) -> None:
    text = 'The Peruvian president wants Peru "to be prepared for a withdrawal of Chile."'
    assert ("PER", "CHL") not in dyads(code(pipe, text), "REQUEST")
