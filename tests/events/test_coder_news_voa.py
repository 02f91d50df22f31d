"""Wordings of recent wire news that the coder misread: denials that are refusals, denials
aimed at no one, and acts that are hoped for, expected or possible rather than done.

Each test states what must and what must not come out; the sentences are written for
dateline, not taken from any corpus."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


# -- "deny": an accusation denied (016) or something withheld ------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The Egyptian army denied journalists access to the border crossing.",
        "Turkey is denying refugees stranded at the frontier entry to its territory.",
    ],
)
def test_denying_someone_access_is_a_restriction_not_a_denial(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert any(e.cameo.code == "1245" for e in events)
    assert not any(e.cameo.code == "016" for e in events)


def test_denying_a_request_rejects_it(pipe: Pipeline) -> None:
    events = code(pipe, "Germany denied the request for more tanks from Poland.")
    assert any(e.cameo.root == "12" and e.source.country == "DEU" for e in events)
    assert not any(e.cameo.code == "016" for e in events)


def test_denying_an_accusation_stays_a_denial(pipe: Pipeline) -> None:
    for text, country in (
        ("Pakistan denied that its troops attacked the village.", "PAK"),
        ("Rwanda denied the accusation on Tuesday.", "RWA"),
    ):
        events = code(pipe, text)
        assert any(e.cameo.code == "016" and e.source.country == country for e in events)
        assert not any(e.cameo.code == "1245" for e in events)


def test_the_act_denied_in_a_that_clause_is_not_reported_as_done(pipe: Pipeline) -> None:
    events = code(pipe, "Iran denied that it had supplied drones to Russia.")
    supplies = [e for e in events if e.cameo.root == "07"]
    assert all(e.hypothetical for e in supplies)


def test_denied_act_does_not_give_the_denial_its_target(pipe: Pipeline) -> None:
    events = code(pipe, "Venezuela denies providing weapons to Colombian guerrillas.")
    denials = [e for e in events if e.cameo.code == "016"]
    assert denials and all(e.source.country == "VEN" for e in denials)
    assert all(e.target is None for e in denials)


# -- acts hoped for, expected or possible are not reported as done --------------------------
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a modal on the governing verb: "will start ...", "can help ..."
        ("Lawmakers hope the White House will start pressuring Venezuela.", "pressuring"),
        ("Colombia says Brazil can help mediate between the government and the rebels.", "mediate"),
        # an event noun as the subject of a modal verb
        (
            "The minister said a truce between Armenia and Azerbaijan could take effect soon.",
            "truce",
        ),
        # a conjunct verb sharing the first verb's modal
        ("Analysts say Serbia may hesitate and then start threatening Kosovo.", "threatening"),
        # the clause of "expect"
        ("A general said he is expecting Iran to launch a satellite rocket soon.", "launch"),
    ],
)
def test_unrealised_acts_are_not_coded_as_done(pipe: Pipeline, text: str, trigger: str) -> None:
    # a hypothetical is no row at all; only a mood (a stated intent, threat...) is coded
    events = [e for e in code(pipe, text) if e.trigger.text == trigger]
    assert all(e.rule.count("+m.") and not e.hypothetical for e in events)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # what one is told to stop or keeps doing is going on
        ("The envoy said the militia must stop attacking Ukrainian villages.", "attacking"),
        ("Russian troops continued shelling Kharkiv on Monday.", "shelling"),
        # a reported act in a plain past clause
        ("Officials said Russian forces started shelling Kharkiv on Monday.", "shelling"),
    ],
)
def test_ongoing_acts_are_not_hypothetical(pipe: Pipeline, text: str, trigger: str) -> None:
    events = [e for e in code(pipe, text) if e.trigger.text == trigger]
    assert events, f"no event on {trigger!r}"
    assert not any(e.hypothetical for e in events)


# -- interview transcripts ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "BBC: India's Prime Minister Narendra Modi recently visited Egypt after he began a "
        "third term.",
        "Most people there respect the army and those who serve in it. BBC: India's Prime Minister "
        "Narendra Modi recently visited Egypt after he began a third term. Why does it matter?",
    ],
)
def test_an_interview_speaker_label_is_not_the_subject(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    visits = [e for e in events if e.cameo.code == "042"]
    assert visits and all(e.source.country == "IND" for e in visits)
    assert not any(e.source.code == "GBRMED" for e in events)


# -- "fight a war against X": the object is the fighting ------------------------------------
def test_fighting_an_insurgency_targets_whom_it_is_against(pipe: Pipeline) -> None:
    events = code(
        pipe, "The rebels have been fighting a bloody insurgency against the Nigerian state."
    )
    fights = [e for e in events if e.cameo.code == "190"]
    assert fights and all(e.target is not None and e.target.country == "NGA" for e in fights)
    assert not any(e.target is not None and "insurgency" in e.target.text for e in events)


def test_fighting_an_enemy_still_targets_the_enemy(pipe: Pipeline) -> None:
    events = code(pipe, "Kurdish militants fought Turkish troops near the border.")
    assert any(e.cameo.code == "190" and e.target and e.target.country == "TUR" for e in events)
