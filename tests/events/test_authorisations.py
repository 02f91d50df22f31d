"""Laws that authorise force (events/authorisations.py): "approved a law that authorizes
the coast guard to fire on X" is coercion by the enacting body, aimed at X when named.
Sentences written for dateline."""

from __future__ import annotations

import pytest

from builders import by_rule
from dateline.model import Article, Event
from dateline.pipeline import Pipeline

RULE = "acts5.g.law.authorises.force"


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-14")).events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "China passed a law that allows its coast guard to use force against Philippine ships.",
            {("CHN", "PHL", "COERCE")},
        ),
        (
            "In January, China's parliament approved a law that authorizes the coast guard "
            "to fire on foreign vessels.",
            {("CHN", None, "COERCE")},
        ),
        (
            "The Russian parliament passed a law authorizing the seizure of foreign assets.",
            {("RUS", None, "COERCE")},
        ),
        (
            # the parser hangs the law's clause on the verb
            "In January China approved a Coast Guard Law that authorizes firing on foreign "
            "vessels.",
            {("CHN", None, "COERCE")},
        ),
    ],
)
def test_enacting_a_law_that_authorises_force_is_coercion(
    pipe: Pipeline, text: str, expected: set[tuple[str, str | None, str]]
) -> None:
    assert by_rule(code(pipe, text), RULE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Indian parliament will pass a law that allows police to detain protesters.",
        "Kenyan lawmakers approved a bill that allows farmers to sell maize abroad.",
        "Turkish lawmakers approved a law that bans the use of force against protesters.",
    ],
)
def test_planned_laws_and_laws_granting_no_force_are_none(pipe: Pipeline, text: str) -> None:
    assert not by_rule(code(pipe, text), RULE)
