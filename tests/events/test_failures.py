"""Failure told of an actor's policy is criticism of the actor (events/failures.py).
Sentences written for dateline."""

from __future__ import annotations

import pytest

from builders import coded_events as code
from builders import dyads
from dateline.pipeline import Pipeline


@pytest.mark.parametrize(
    "text",
    [
        "Canada's foreign minister said Japan's trade policy is not working.",
        "Canada's foreign minister said the trade strategy of Japan has failed.",
        "Canada's foreign minister says Japan's approach is failing.",
    ],
)
def test_a_policy_said_to_fail_criticises_its_owner(pipe: Pipeline, text: str) -> None:
    assert ("CAN", "JPN") in dyads(code(pipe, text), "ACCUSE")


def test_a_body_whose_policy_fails_is_criticised(pipe: Pipeline) -> None:
    text = "The Hungarian prime minister says immigration in the European Union is not working."
    judged = {
        e.target.code
        for e in code(pipe, text)
        if e.plover.event == "ACCUSE" and e.source.country == "HUN" and e.target
    }
    assert judged == {"IGOEUREEC"}


@pytest.mark.parametrize(
    "text",
    [
        # working, not failing
        "Canada's foreign minister said Japan's trade policy is working.",
        # no owner: no one judged
        "Canada's foreign minister said the ceasefire is not working.",
        # a place's state of things, not a body's policy
        "Canada's foreign minister said the economy in Japan is failing.",
        # not a policy
        "Canada's foreign minister said Japan's team has failed.",
    ],
)
def test_no_failed_policy_of_an_owner_no_criticism(pipe: Pipeline, text: str) -> None:
    assert not dyads(code(pipe, text), "ACCUSE")
