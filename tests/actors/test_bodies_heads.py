"""Heads of bodies other than a state ("Hamas's leader", "the president of the Supreme
Court", "the leader of the opposition") and back-references to an international body ("the
International Criminal Court ... the court"). What must and must not come out."""

from __future__ import annotations

import datetime as dt

import pytest
from actor_helpers import find

MARCH_2025 = dt.date(2025, 3, 10)


def test_the_leader_of_an_armed_group_is_the_group_not_the_head_of_state(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Hamas's leader accused Israel of violating the truce.", MARCH_2025)
    leader = find(mentions, "leader").actor
    assert leader.code == "PSEREB"
    assert "leaders:" not in (leader.rule or "")


def test_the_leader_of_an_insurgency_of_a_country_is_the_insurgency(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("The leader of Yemen's Houthi insurgency praised the ceasefire.", MARCH_2025)
    leader = find(mentions, "The leader").actor
    assert leader.sector != "GOV"
    assert "leaders:" not in (leader.rule or "")


def test_the_leader_of_the_opposition_is_opposition(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "The leader of the opposition in Tanzania accused the government.", MARCH_2025
    )
    leader = find(mentions, "The leader").actor
    assert (leader.country, leader.sector) == ("TZA", "OPP")


def test_the_president_of_a_court_is_judiciary(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "The president of Russia's Supreme Court criticized the Kremlin.", MARCH_2025
    )
    assert find(mentions, "The president").actor.code == "RUSJUD"
    mentions = resolve("The court's president rejected the request of Kenya.", MARCH_2025)
    assert find(mentions, "president").actor.code != "KENGOV"


def test_a_country_s_president_is_still_its_head_of_state(resolve) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Kenya's president accused Somalia of meddling.",
        "The president of Kenya accused Somalia of meddling.",
    ):
        head = find(resolve(text, MARCH_2025), "president").actor
        assert head.code == "KENGOV"
        assert "leaders:" in (head.rule or "")


def test_the_court_after_an_international_court_is_that_court(resolve) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenya refused to attend a hearing at the International Criminal Court on Monday. "
        "The court rejected a request by Kenya."
    )
    court = find(resolve(text, MARCH_2025), "The court").actor
    assert (court.code or "").startswith("IGO")


def test_the_court_without_an_international_one_is_the_country_s(resolve) -> None:  # type: ignore[no-untyped-def]
    text = "Ugandan police arrested the reporter in Kampala. The court later sentenced him."
    court = find(resolve(text, MARCH_2025), "The court").actor
    assert court.code == "UGAJUD"


def test_a_court_named_in_full_is_what_the_court_points_back_at(resolve) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Somalia took the dispute to the International Court of Justice in The Hague. "
        "The court's president rejected a request by Kenya. "
        "The court then opened the hearing."
    )
    mentions = resolve(text, MARCH_2025)
    assert find(mentions, "The court's president").actor.code == "IGOUNOICJJUD"
    court = next(m.actor for m in mentions if m.actor.text == "The court")
    assert court.code == "IGOUNOICJJUD"


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # the bench of an international court named before
        (
            "Guyana took the border dispute to the International Court of Justice. "
            "The judges told Venezuela to refrain from any action.",
            "The judges",
            "IGOUNOICJJUD",
        ),
        # a predeterminer keeps the phrase definite
        (
            "Sudan is defying the U.N. Security Council and ignoring warnings from both the "
            "council and the wider world. The council must act, Britain said.",
            "both the council",
            "IGOUNOGOV",
        ),
        (
            "Sudan is defying the U.N. Security Council and ignoring warnings from both the "
            "council and the wider world. The council must act, Britain said.",
            "The council",
            "IGOUNOGOV",
        ),
    ],
)
def test_a_phrase_points_back_at_the_international_body_named(  # type: ignore[no-untyped-def]
    resolve, text: str, phrase: str, code: str
) -> None:
    assert find(resolve(text, MARCH_2025), phrase).actor.code == code


def test_the_judges_of_a_national_court_stay_national(resolve) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya's High Court ruled on the case. The judges told the police to free the activists."
    judges = find(resolve(text, MARCH_2025), "The judges").actor
    assert judges.country == "KEN"
