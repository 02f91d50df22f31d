"""A reply takes its other party from the story's earlier act it answers
(``events/replies.py``). Sentences and stories written for dateline."""

from __future__ import annotations

import pytest

from dateline.events.replies import REPLY_RULE, answerable, is_reply, reply_objects
from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


def replies_by(events: list[Event], source_country: str, roots: tuple[str, ...]) -> list[Event]:
    return [
        e for e in events if e.source.country == source_country and e.cameo.code.startswith(roots)
    ]


def targets(events: list[Event]) -> set[str | None]:
    return {e.target.country if e.target else None for e in events}


REJECTIONS = ("12", "016")


# -- the data file ------------------------------------------------------------------------------
def test_every_row_has_a_fresh_id_and_codes() -> None:
    rows = list(reply_objects().values())
    assert len({r.id for r in rows}) == len(rows)
    assert all(r.kind in {"noun", "anaphor"} and r.answers and r.replies for r in rows)


def test_an_allegation_is_denied_not_accepted() -> None:
    charge = reply_objects()["charge"]
    assert answerable("016", charge) and not answerable("030", charge)
    assert is_reply("120") and not is_reply("190")


# -- accusations --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Tanzania's government accused Burundi of shelling border villages. "
        "Days later, at a briefing in Bujumbura, Burundi denied all the charges.",
        "The European Union imposed sanctions on Belarus over the crackdown on protesters. "
        "Belarus dismissed the allegations on Friday.",
    ],
)
def test_a_denial_answers_the_accusation_or_sanction_aimed_at_the_denier(
    pipe: Pipeline, text: str
) -> None:
    accuser = "TZA" if text.startswith("Tanzania") else None
    found = replies_by(code(pipe, text), "BDI" if accuser else "BLR", REJECTIONS)
    assert found
    if accuser:
        assert targets(found) == {"TZA"}
    else:
        assert all(e.target is not None and e.target.code == "IGOEUREEC" for e in found)
        assert all(REPLY_RULE in (e.target.rule or "") for e in found if e.target)


def test_a_person_answers_an_arrest_under_his_surname(pipe: Pipeline) -> None:
    text = (
        "Ugandan police arrested opposition leader Bobi Wine in Kampala on Monday. "
        "Wine rejected the charges, his lawyer said."
    )
    found = [e for e in code(pipe, text) if e.cameo.code.startswith(REJECTIONS)]
    assert found and all(e.target is not None and e.target.sector == "COP" for e in found)


def test_a_denial_with_no_accusation_before_it_stays_targetless(pipe: Pipeline) -> None:
    text = "Burundi's army reinforced the border on Monday. Burundi denied the charges."
    found = replies_by(code(pipe, text), "BDI", REJECTIONS)
    assert found and targets(found) == {None}


def test_a_bystander_denying_does_not_take_the_accuser(pipe: Pipeline) -> None:
    text = (
        "Tanzania accused Burundi of shelling border villages. "
        "Rwanda rejected the accusations on Friday."
    )
    found = replies_by(code(pipe, text), "RWA", REJECTIONS)
    assert found and targets(found) == {None}


# -- requests and offers ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "reply",
    [
        "Iranian officials rejected the demands on Monday.",
        # a passive reply: its "by" agent is the source
        "The demands were rejected by Iranian officials on Monday.",
    ],
)
def test_a_rejected_demand_answers_whoever_made_it(pipe: Pipeline, reply: str) -> None:
    text = f"Washington urged Tehran to halt uranium enrichment. {reply}"
    found = replies_by(code(pipe, text), "IRN", REJECTIONS)
    assert found and targets(found) == {"USA"}


def test_a_request_made_of_someone_else_is_not_answered(pipe: Pipeline) -> None:
    text = (
        "Washington urged Baghdad to expel the militias. "
        "Iranian officials rejected the demands on Monday."
    )
    found = replies_by(code(pipe, text), "IRN", REJECTIONS)
    assert found and "USA" not in targets(found)


def test_an_anaphor_points_at_the_offer_just_made(pipe: Pipeline) -> None:
    text = (
        "Norway and Canada offered Thailand help with resettling the refugees. "
        "Thailand turned it down for fear of angering China."
    )
    found = replies_by(code(pipe, text), "THA", REJECTIONS)
    assert found and targets(found) == {"NOR", "CAN"}


def test_an_anaphor_does_not_reach_far_back(pipe: Pipeline) -> None:
    text = (
        "Norway offered Thailand help with resettling the refugees. Schools closed. "
        "Markets shut. Buses stopped. Thailand turned it down."
    )
    found = replies_by(code(pipe, text), "THA", REJECTIONS)
    assert not any(e.target is not None and e.target.country == "NOR" for e in found)


def test_a_bare_acceptance_answers_the_request_just_made(pipe: Pipeline) -> None:
    text = "Mali asked Algeria to extradite the rebel leader. Algeria agreed."
    found = replies_by(code(pipe, text), "DZA", ("03",))
    assert found and targets(found) == {"MLI"}


def test_the_trace_names_the_reply_check(pipe: Pipeline) -> None:
    from dateline.events import CodingTrace

    text = "Washington urged Tehran to halt uranium enrichment. Tehran rejected the demands."
    doc = pipe.nlp(text)
    trace = CodingTrace()
    pipe.code_traced(Article(body=text, language="en"), doc, trace)
    checks = [c for c in trace.checks if c.check == "reply_target"]
    assert checks and checks[0].trigger == text.index("rejected")
    assert "USA" in checks[0].detail


# -- passives -----------------------------------------------------------------------------------
def test_an_agentless_passive_reply_gets_no_invented_source(pipe: Pipeline) -> None:
    text = (
        "Washington urged Tehran to halt uranium enrichment. The demands were rejected on Monday."
    )
    assert [e for e in code(pipe, text) if e.cameo.code.startswith(REJECTIONS)] == []
