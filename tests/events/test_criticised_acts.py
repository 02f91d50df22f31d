"""Criticism of an act is aimed at the act's maker, not at the one it is done to; an
adjective of a state's branch names that maker; an agentless charge conjoined to an earlier
verb accuses that verb's subject (events/_story_author.py, events/_authors.py,
events/_blame.py). Sentences written for dateline."""

from __future__ import annotations

import pytest

from builders import coded_events as code
from builders import dyads
from dateline.model import Event
from dateline.pipeline import Pipeline


def target_codes(events: list[Event], source: str) -> set[str | None]:
    """The target codes of the ACCUSE events whose source is of country ``source``."""
    return {
        e.target.code if e.target else None
        for e in events
        if e.plover.event == "ACCUSE" and e.source.country == source
    }


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Congress passed a bill on Taiwan on Monday. "
        "Chinese lawmakers decried the congressional move as interference.",
        "The U.S. House passed a resolution on Cambodia on Tuesday. On Friday, Cambodian "
        "lawmakers passed a counter-resolution in parliament, decrying the congressional "
        "move as meddling.",
    ],
)
def test_a_branch_adjective_makes_the_branch_named_before_the_author(
    pipe: Pipeline, text: str
) -> None:
    critics = "CHN" if "Chinese" in text else "KHM"
    assert target_codes(code(pipe, text), critics) == {"USALEG"}


def test_the_critics_own_legislature_is_not_the_author(pipe: Pipeline) -> None:
    text = (
        "Chile's Senate approved the pension reform on Monday. "
        "Chilean senators from the opposition decried the congressional move as reckless."
    )
    assert "CHLLEG" not in target_codes(code(pipe, text), "CHL")


def test_the_one_a_criticised_act_is_done_to_gives_way_to_its_maker(pipe: Pipeline) -> None:
    text = (
        "The United States imposed sanctions on Iran on Monday. "
        "Russia condemned the sanctions against Iran."
    )
    assert target_codes(code(pipe, text), "RUS") == {"USA"}


def test_with_no_maker_told_the_one_it_is_done_to_stays(pipe: Pipeline) -> None:
    assert target_codes(code(pipe, "Russia condemned the sanctions against Iran."), "RUS") == {
        "IRN"
    }


def test_an_act_done_to_a_named_maker_keeps_its_target(pipe: Pipeline) -> None:
    # the target is the maker here ("the American sanctions"), nothing to replace
    text = "Russia condemned the American sanctions against Iran."
    assert target_codes(code(pipe, text), "RUS") == {"USA"}


@pytest.mark.parametrize(
    "text",
    [
        "The Venezuelan interior minister said that many of the detained men are members of "
        "a Colombian gang and have been charged with murder.",
        "The Venezuelan interior minister said that many of the detained Colombian men have "
        "confessed to or been charged with murder.",
    ],
)
def test_a_conjoined_charge_accuses_the_subject_of_its_first_verb(
    pipe: Pipeline, text: str
) -> None:
    assert {t for s, t in dyads(code(pipe, text), "ACCUSE") if s == "VEN"} == {"COL"}


def test_a_conjoined_charge_told_by_a_journalist_accuses_no_one(pipe: Pipeline) -> None:
    text = (
        "A Colombian journalist said that many of the detained men are members of a "
        "Venezuelan gang and have been charged with murder."
    )
    assert not dyads(code(pipe, text), "ACCUSE")


def test_an_accusation_keeps_whom_its_preposition_names(pipe: Pipeline) -> None:
    # "blamed the attacks on Y": Y is the accused, not the one the attacks were done to
    text = (
        "Kurdish rebels attacked a police station on Monday. "
        "Turkey blamed the attacks on Syrian militants."
    )
    assert ("TUR", "SYR") in dyads(code(pipe, text), "ACCUSE")
