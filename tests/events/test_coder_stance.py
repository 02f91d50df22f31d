"""Disapproval and rejection said without a verb of criticism: concern or disappointment
over an actor's act (its doer named in the act's phrase or earlier in the article).
Sentences written for dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


def acts(events: list[Event], plover: str, source: str, target: str) -> list[Event]:
    return [
        e
        for e in events
        if e.plover.event == plover
        and e.source.country == source
        and e.target is not None
        and e.target.country == target
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's foreign minister said he was deeply concerned about the recent actions of "
        "Togo's president.",
        '"We are deeply worried about the recent moves of Togo\'s president," the Ghanaian '
        "foreign minister said.",
        "Ghana said it was disappointed by Togo's decision to close the border.",
        "Ghana and Nigeria shared concerns over Togo's rapid expansion of its army.",
        "The Ghanaian foreign minister voiced concern over the crackdown by Togo's police.",
        '"We are alarmed by the latest report about Togo\'s arrests of journalists," the '
        "Ghanaian foreign minister told reporters.",
    ],
)
def test_concern_over_an_actors_act_disapproves_of_the_actor(pipe: Pipeline, text: str) -> None:
    found = acts(code(pipe, text), "ACCUSE", "GHA", "TGO")
    assert found
    assert {e.cameo.code for e in found} == {"110"}


def test_the_doer_of_the_act_may_be_named_earlier_in_the_article(pipe: Pipeline) -> None:
    text = (
        "Togo's parliament approved the media bill on Monday. "
        "Ghana's foreign minister said he was deeply disappointed by the approval of the bill."
    )
    assert acts(code(pipe, text), "ACCUSE", "GHA", "TGO")


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's foreign minister said he was not concerned about Togo's decision.",
        "Ghana's foreign minister said he was worried about the economy of Togo.",
        "Ghana's foreign minister said he was concerned about the floods in Togo.",
    ],
)
def test_no_disapproval_without_an_act_or_with_negation(pipe: Pipeline, text: str) -> None:
    assert not acts(code(pipe, text), "ACCUSE", "GHA", "TGO")


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Ghana does not recognize the Togolese court.", "GHA", "TGO"),
        ("The Ghanaian minister said his government did not accept Togo's proposal.", "GHA", "TGO"),
        ("Ghana said it will not succumb to mounting pressure from Togo.", "GHA", "TGO"),
        (
            "Ghana's president said his government would not bow to the demands of Togo.",
            "GHA",
            "TGO",
        ),
    ],
)
def test_not_accepting_or_giving_way_is_a_rejection(
    pipe: Pipeline, text: str, source: str, target: str
) -> None:
    found = acts(code(pipe, text), "REJECT", source, target)
    assert found
    assert not any(e.negated for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "Ghana recognized the Togolese court.",
        "Ghana has not yet complied with the demands of Togo.",
    ],
)
def test_acceptance_or_a_delay_is_no_rejection(pipe: Pipeline, text: str) -> None:
    assert not [e for e in code(pipe, text) if e.plover.event == "REJECT"]


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian minister said Togolese officials were involved in corrupt acts.",
        "The Ghanaian minister said Togolese officials were implicated in the plot.",
        "Togo's army was allegedly behind the plot, according to the Ghanaian police.",
    ],
)
def test_implicating_an_actor_in_a_wrongdoing_is_an_accusation(pipe: Pipeline, text: str) -> None:
    found = acts(code(pipe, text), "ACCUSE", "GHA", "TGO")
    assert [e.cameo.code for e in found] == ["112"]


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian minister said Togolese officials were involved in the talks.",
        "Togolese troops were behind the border, according to the Ghanaian police.",
    ],
)
def test_no_accusation_without_a_wrongdoing(pipe: Pipeline, text: str) -> None:
    assert not acts(code(pipe, text), "ACCUSE", "GHA", "TGO")


@pytest.mark.parametrize(
    "text",
    [
        "Ghana accused Togo of arming the rebels, a charge Lome denied on Friday.",
        "Ghanaian officials blamed Togo, accusing it of helping the rebels, a charge Lome "
        "quickly rejected.",
    ],
)
def test_a_charge_rejected_after_the_clause_is_the_clause_subjects(
    pipe: Pipeline, text: str
) -> None:
    assert acts(code(pipe, text), "REJECT", "TGO", "GHA")


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian foreign minister said, \"We stand with Benin in the face of Togo's illegal "
        'aggression."',
        '"The crackdown by Togo\'s police on the press continues," the Ghanaian foreign minister '
        "said.",
        "The Ghanaian minister said the persecution of journalists by Togo's army has worsened.",
    ],
)
def test_a_wrongdoing_named_with_its_doer_in_speech_accuses_the_doer(
    pipe: Pipeline, text: str
) -> None:
    assert acts(code(pipe, text), "ACCUSE", "GHA", "TGO")


@pytest.mark.parametrize(
    "text",
    [
        "Togo's aggression against Benin began in 2022.",
        "The Ghanaian foreign minister said the killing of Togolese civilians was a tragedy.",
    ],
)
def test_no_accusation_without_a_speaker_or_a_doer(pipe: Pipeline, text: str) -> None:
    assert not acts(code(pipe, text), "ACCUSE", "GHA", "TGO")


def test_a_hostile_act_told_with_its_doer_is_news_not_an_accusation(pipe: Pipeline) -> None:
    text = "The Ghanaian minister said ten soldiers died in the attack by Togo's army."
    assert not acts(code(pipe, text), "ACCUSE", "GHA", "TGO")


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian foreign minister said Togo is flagrantly defying the African Union.",
        "The Ghanaian foreign minister said Togo had violated the ceasefire.",
    ],
)
def test_a_violation_said_of_another_accuses_it(pipe: Pipeline, text: str) -> None:
    assert [e.cameo.code for e in acts(code(pipe, text), "ACCUSE", "GHA", "TGO")] == ["112"]


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian foreign minister said Togo had not violated the ceasefire.",
        "The Ghanaian foreign minister said Togo would never violate the ceasefire.",
    ],
)
def test_a_violation_denied_or_not_done_accuses_no_one(pipe: Pipeline, text: str) -> None:
    assert not acts(code(pipe, text), "ACCUSE", "GHA", "TGO")


@pytest.mark.parametrize(
    "text",
    [
        "A Togolese court revoked the editor's bail in November. The Ghanaian foreign minister "
        "said the revocation was grossly unfair.",
        "Togo's police arrested the editor on Monday. The Ghanaian foreign minister said the "
        "detention of the editor was arbitrary.",
    ],
)
def test_an_act_judged_without_its_doer_blames_the_doer_the_article_names(
    pipe: Pipeline, text: str
) -> None:
    assert acts(code(pipe, text), "ACCUSE", "GHA", "TGO")


def test_a_judged_thing_that_is_no_act_blames_no_one(pipe: Pipeline) -> None:
    text = "Togo's police arrested the editor. The Ghanaian minister said the weather was terrible."
    assert not acts(code(pipe, text), "ACCUSE", "GHA", "TGO")


@pytest.mark.parametrize(
    "text",
    [
        "Togo's police arrested the editor. Togolese authorities rejected accusations that the "
        "editor's detention is arbitrary.",
        "Togolese authorities denied that Ghana's decision was unfair.",
    ],
)
def test_a_judgement_a_denial_denies_is_no_ones(pipe: Pipeline, text: str) -> None:
    assert not [e for e in code(pipe, text) if e.rule.startswith("g.evaluation")]
