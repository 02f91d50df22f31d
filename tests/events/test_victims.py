"""A condemnation is aimed at whoever did the harm it condemns, never at the harm's victims;
an attack at its casualties; a government's own audience is no party it consults
(``events/victims.py``). Sentences written for dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


def condemnations(events: list[Event]) -> list[Event]:
    return [e for e in events if e.cameo.root == "11"]


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Kenya condemned the killing of Somali civilians by Ethiopian troops.", "ETH"),
        ("Germany condemned the Russian attack on Ukrainian hospitals.", "RUS"),
        ("Ghana condemned Togo's crackdown on Beninese traders.", "TGO"),
        (
            "Police in Zimbabwe arrested the journalist Tendai Moyo on Monday. "
            "Amnesty International condemned Moyo's arrest.",
            "ZWE",
        ),
        # a harm named as its doer's quality: "of" is the doer
        ("The U.N. chief condemned the continuing brutality of the Myanmar military.", "MMR"),
    ],
)
def test_a_condemnation_is_aimed_at_the_doer(pipe: Pipeline, text: str, doer: str) -> None:
    found = condemnations(code(pipe, text))
    assert found and all(e.target is not None and e.target.country == doer for e in found)


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("The Taliban condemned any violence against Afghan civilians.", "AFG"),
        ("Human Rights Watch condemned attacks on Sudanese refugees.", "SDN"),
    ],
)
def test_the_victims_are_never_the_target(pipe: Pipeline, text: str, victim: str) -> None:
    found = condemnations(code(pipe, text))
    assert not any(e.target is not None and e.target.country == victim for e in found)


def test_a_condemned_actor_stays_the_target(pipe: Pipeline) -> None:
    found = condemnations(code(pipe, "France condemned Russia on Monday."))
    assert found and all(e.target is not None and e.target.country == "RUS" for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "Amnesty International condemned the arrest of the Zimbabwean journalist Tendai Moyo.",
        "Amnesty International condemned the Zimbabwean journalist's arrest.",
    ],
)
def test_a_person_held_by_no_one_named_is_held_by_his_state(pipe: Pipeline, text: str) -> None:
    found = condemnations(code(pipe, text))
    assert found
    assert all(e.target is not None and e.target.code == "ZWEGOV" for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "Twelve Kenyan soldiers died in an attack by al-Shabab militants on Monday.",
        "Twelve Kenyan soldiers were killed in an attack by al-Shabab militants on Monday.",
    ],
)
def test_the_casualties_of_an_attack_are_its_target(pipe: Pipeline, text: str) -> None:
    attacks = [e for e in code(pipe, text) if e.cameo.root == "19"]
    assert attacks
    assert all(e.target is not None and e.target.country == "KEN" for e in attacks)


def test_a_government_speaking_to_its_own_legislature_consults_no_one(pipe: Pipeline) -> None:
    speech = code(pipe, "Speaking to British lawmakers, Starmer said the deal was vital.")
    assert not any(e.cameo.root == "04" for e in speech)
    call = code(pipe, "Speaking to Putin by phone, Erdogan said the deal was vital.")
    assert any(e.cameo.root == "04" and e.target and e.target.country == "RUS" for e in call)


def test_blaming_a_harm_on_someone_aims_at_them(pipe: Pipeline) -> None:
    events = code(pipe, "Nigeria blamed the recent attacks on Cameroonian separatists.")
    blames = [e for e in events if e.cameo.root == "11"]
    assert blames and all(e.target is not None and e.target.country == "CMR" for e in blames)
