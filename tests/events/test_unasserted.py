"""Acts a clause names without asserting them (events/unasserted.py): conditions, what is
negotiated, questions asked, advice to know, open questions. Sentences written for
dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def roots(pipe: Pipeline, text: str) -> set[str]:
    events: list[Event] = pipe.code(
        Article(body=text, language="en", published="2025-03-12")
    ).events
    return {e.cameo.code[:2] for e in events}


# (a sentence naming an act it does not assert, the same act asserted, the act's CAMEO roots)
CONTRASTS = [
    (
        "The three men could face deportation if they are added to the lists of prisoners "
        "pardoned by the Jordanian king each year.",
        "The Jordanian king pardoned the prisoners on Sunday.",
        {"08"},
    ),
    (
        "The activists could face trial if they are among the protesters detained by Egyptian "
        "police.",
        "Egyptian police detained the protesters on Sunday.",
        {"17"},
    ),
    (
        "The five men could be sent back if they are among the migrants expelled by Libya.",
        "Libya expelled the migrants to Niger on Sunday.",
        {"17"},
    ),
    (
        "A Kenyan trade official says they are negotiating to import wheat from Ukraine.",
        "A Kenyan trade official says Kenya imported wheat from Ukraine.",
        {"06"},
    ),
    (
        "The judge asked the Kenyan minister whether he had met Ugandan officials.",
        "The judge asked the Kenyan minister to meet Ugandan officials.",
        {"02"},
    ),
    (
        'The Afghan president said the rebels "should know that they will never win."',
        "The Afghan president said the rebels should stop the attacks.",
        {"10", "02"},
    ),
    (
        "How far Japan will back its ally in its battle against China was not made clear.",
        "Japan backed its ally in its battle against China on Monday.",
        {"19"},
    ),
    (
        "To what extent and in what way Japan will defend its longtime ally in its battle "
        "against China, was not immediately made clear.",
        "Japan defended its longtime ally in its battle against China on Monday.",
        {"19"},
    ),
]


@pytest.mark.parametrize("unasserted, asserted, acts", CONTRASTS)
def test_an_act_named_but_not_asserted_is_not_coded(
    pipe: Pipeline, unasserted: str, asserted: str, acts: set[str]
) -> None:
    assert not roots(pipe, unasserted) & acts
    assert roots(pipe, asserted) & acts


def test_the_negotiation_itself_is_coded(pipe: Pipeline) -> None:
    text = "A Kenyan trade official says they are negotiating to import wheat from Ukraine."
    assert "04" in roots(pipe, text)


def test_a_time_clause_before_a_modal_is_no_open_question(pipe: Pipeline) -> None:
    assert roots(pipe, "When the talks end, China will impose sanctions on Japan.") & {"13", "16"}
