"""Acts named but not reported as done (``events/irrealis.py``): expectations, generic
correlatives, purposes, needs and questions are no events; an attempted use of force is.
Each case pairs with a reported act that stays coded. Sentences written for dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


def roots(events: list[Event]) -> set[str]:
    return {e.cameo.root for e in events}


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # a forecast of others, not the subject's stated intent
        ("The Indian prime minister is expected to sign a trade deal with Kenya.", "03"),
        ("Ghana's president is predicted to visit Togo next month.", "03"),
        # a tendency, no act
        ("The more Russia threatens Finland, the more Finland arms itself.", "13"),
        # what the act is for
        ("Egypt deployed troops to the border in order to deter attacks by Libyan militias.", "19"),
        ("Qatar hosted envoys in an effort to end the fighting between Sudan and Chad.", "08"),
        # what money is needed for
        ("The agency needs two million dollars to deliver food aid to refugees in Chad.", "07"),
        # questions ask, they report nothing
        ("Will China attack Taiwan next year?", "19"),
        ("Did Rwanda send troops into Congo?", "15"),
        # hypotheticals and speculation: no row, not even a flagged one
        ("Analysts think North Korea could test a missile to get the attention of Seoul.", "15"),
        ("Canada should impose new sanctions on Iran.", "16"),
        ("We hope the Kenyan police will arrest the Somali smugglers.", "17"),
        # what commentators hold is their view
        ("Security analysts say Turkey will attack Kurdish positions in Syria.", "13"),
        ("There is a consensus among experts that Algeria is punishing Spain over trade.", "17"),
        # hedged: someone's reading of events
        ("A historian said Poland will likely expand cooperation with Sweden.", "03"),
        ("Poland is likely to expand cooperation with Sweden.", "06"),
        ("The Indian government appears to be punishing Nepal over the border dispute.", "17"),
        # an indirect question
        ("It is unclear whether Serbia will recognize Kosovo.", "05"),
        # what a permission, a hire or a plan's predicate names
        ("Critics say the new decree allows the army to seize opposition property.", "17"),
        ("Investigators say Russian agents hired two gunmen to kill a Ukrainian journalist.", "19"),
        (
            "The next step will be for Kenya's president to travel to Ethiopia to sign the accord.",
            "05",
        ),
    ],
)
def test_acts_not_reported_as_done_are_not_coded(pipe: Pipeline, text: str, root: str) -> None:
    events = code(pipe, text)
    assert root not in roots(events)
    assert not any(e.hypothetical for e in events)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("The Indian prime minister signed a trade deal with Kenya.", "05"),
        ("The Indian prime minister expects to sign a trade deal with Kenya.", "03"),
        ("Ghana's president visited Togo last month.", "04"),
        ("Russia threatened Finland on Monday.", "13"),
        ("Egypt deployed troops to the Libyan border.", "15"),
        ("The agency delivered food aid to refugees in Chad.", "07"),
        ("China attacked Taiwan on Monday.", "19"),
        ("Rwanda sent troops into Congo.", "15"),
        ("A historian said Poland will expand cooperation with Sweden.", "03"),
        ("The Indian government is punishing Nepal over the border dispute.", "17"),
        ("Serbia recognized Kosovo in a surprise move.", "05"),
        ("The Bolivian army seized opposition property on Monday.", "17"),
        ("Russian agents killed a Ukrainian journalist in Kyiv.", "19"),
        ("Kenya's president traveled to Ethiopia to sign the accord.", "04"),
        ("Turkish officials say Turkey will attack Kurdish positions in Syria.", "13"),
        ("Algeria is punishing Spain over trade, Spanish officials said.", "17"),
        # the act a view is about stays: only the clause the experts hold is theirs
        ("North Korea fired two missiles this week that experts think were a warning.", "19"),
        (
            "Analysts noted that trade with Russia is smaller than before Russia invaded Ukraine.",
            "19",
        ),
        # a condition is no question: the conditional threat stays
        ("Kenya said it would retaliate if Somalia attacked its troops.", "13"),
    ],
)
def test_the_same_acts_reported_as_done_stay_coded(pipe: Pipeline, text: str, root: str) -> None:
    assert root in roots(code(pipe, text))


def test_an_attempted_use_of_force_is_the_force(pipe: Pipeline) -> None:
    events = code(pipe, "A Russian agent tried to kill the Ukrainian ambassador in Vienna.")
    attacks = [e for e in events if e.cameo.root in ("18", "19")]
    assert attacks and all(e.target is not None and e.target.country == "UKR" for e in attacks)


def test_an_attempt_at_anything_else_is_not_done(pipe: Pipeline) -> None:
    events = code(pipe, "Kenya tried to mediate between Ethiopia and Eritrea.")
    assert "04" not in roots(events)


@pytest.mark.parametrize(
    "text",
    [
        "The Serbian president said he would ask Russia to veto the resolution.",
        "The Serbian president will ask Russia to veto the resolution.",
        "The Serbian president told reporters that the ruling was unfair and that he would "
        "ask Russia to veto the resolution.",
    ],
)
def test_an_announced_act_is_a_stated_intent_kept(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert any(e.cameo.root == "02" and e.target and e.target.country == "RUS" for e in events)


def test_a_bare_would_is_a_conditional_not_an_intent(pipe: Pipeline) -> None:
    assert "02" not in roots(code(pipe, "Serbia would ask Russia for help if the war spread."))


def test_an_act_judged_needed_is_not_coded(pipe: Pipeline) -> None:
    events = code(pipe, "Chinese support is crucial for Pakistan to negotiate a loan with the IMF.")
    assert "04" not in roots(events)
    assert "04" in roots(code(pipe, "Pakistan negotiated a loan with the IMF."))


def test_an_expected_act_set_for_a_day_is_a_plan(pipe: Pipeline) -> None:
    events = code(
        pipe, "The Indian prime minister is expected to meet Kenya's president on Thursday."
    )
    assert "03" in roots(events)


def test_an_act_named_as_a_danger_is_not_done(pipe: Pipeline) -> None:
    feared = code(pipe, "Kenyan border towns live under the constant threat of al-Shabab attacks.")
    assert "19" not in roots(feared)
    assert "19" in roots(code(pipe, "Al-Shabab attacked Kenyan border towns."))


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # the time left for an act is no act
        ("The Kenyan government has until March 3 to appeal the court's ruling.", "02"),
        ("The diplomats were given until Friday to leave Ghana.", "17"),
        # a past plan told as one because it did not come about
        (
            "Peru and Chile were supposed to sign a fisheries accord, but the ceremony was "
            "cancelled.",
            "05",
        ),
        ("The two ministers were meant to meet in Lima on Friday.", "04"),
    ],
)
def test_a_deadline_or_a_plan_that_fell_through_is_not_done(
    pipe: Pipeline, text: str, root: str
) -> None:
    assert root not in roots(code(pipe, text))


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("The Kenyan government appealed the court's ruling on March 3.", "02"),
        ("Peru and Chile signed a fisheries accord on Friday.", "05"),
    ],
)
def test_the_same_acts_done_stay_coded(pipe: Pipeline, text: str, root: str) -> None:
    assert root in roots(code(pipe, text))


def test_an_offer_to_pay_for_a_killing_is_no_offer_of_cooperation(pipe: Pipeline) -> None:
    events = code(
        pipe, "Prosecutors said Moscow offered to pay two gunmen $100,000 to plan the murder."
    )
    assert "03" not in roots(events)


def test_an_offer_to_pay_for_anything_else_stays_an_offer(pipe: Pipeline) -> None:
    events = code(pipe, "Germany offered to pay Turkey to host more Syrian refugees.")
    assert any(e.cameo.root == "03" and e.source.country == "DEU" for e in events)
