"""A denial set off after the clause that makes the charge ("X said Y did Z, charges Y
denied") is aimed at that clause's subject (``events/apposed_charges.py``). Sentences
written for dateline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline.events.apposed_charges import apposed_charge
from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


def denials(events: list[Event]) -> list[Event]:
    return [e for e in events if e.cameo.code.startswith(("016", "12"))]


@pytest.mark.parametrize(
    ("text", "accuser"),
    [
        (
            "Opposition parties and observers alleged that the army rigged the vote, "
            "charges the Kenyan election commission denied.",
            "Opposition parties",
        ),
        (
            "Rights groups in Kenya say Ugandan soldiers tortured detainees, allegations the "
            "Ugandan government denies.",
            "Rights groups in Kenya",
        ),
    ],
)
def test_a_set_off_charge_is_denied_to_the_one_making_it(
    pipe: Pipeline, text: str, accuser: str
) -> None:
    found = denials(code(pipe, text))
    assert found
    assert all(e.target is not None and e.target.text == accuser for e in found)
    assert all(e.target is not None and "author.phrase" in (e.target.rule or "") for e in found)


def test_the_set_off_charge_misread_as_a_verb_is_no_charge_of_its_own(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Opposition parties and observers alleged that the army rigged the vote, "
        "charges the Kenyan election commission denied.",
    )
    assert not [e for e in events if e.trigger.text == "charges"]
    assert [e for e in events if e.trigger.text == "alleged"]


@pytest.mark.parametrize(
    "text",
    [
        # a passive charge with no "by" agent names no one making it
        "Kenya was accused of arming the rebels, charges Nairobi denied.",
        # the denial has an object of its own after it
        "Uganda said Kenya armed the rebels, charges Kenya denied them.",
    ],
)
def test_no_maker_or_an_own_object_gives_no_target_from_the_charge(
    pipe: Pipeline, text: str
) -> None:
    found = denials(code(pipe, text))
    assert all(e.target is None for e in found)


CLAIMS = "Opposition parties and observers alleged that the army rigged the vote, {} {}."


@pytest.mark.parametrize(
    ("text", "word", "found"),
    [
        (CLAIMS.format("charges the Kenyan election commission", "denied"), "denied", "charges"),
        (CLAIMS.format("claims the Kenyan election commission", "rejected"), "rejected", "claims"),
        # not a charge: a report set off so is no accusation the denial answers
        (CLAIMS.format("reports the Kenyan election commission", "denied"), "denied", None),
        # not a denial: what follows the charge is no reply to it
        (CLAIMS.format("charges the Kenyan election commission", "welcomed"), "welcomed", None),
    ],
)
def test_only_a_denial_of_an_allegation_noun_is_read_as_apposed(
    nlp: Language, text: str, word: str, found: str | None
) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    charge = apposed_charge(tok)
    assert (charge.text if charge is not None else None) == found
