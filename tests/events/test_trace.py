"""The coder's trace (``events.trace``) and its named checks: recording changes nothing, and
every check that vetoes, changes or drops a candidate leaves its name."""

from __future__ import annotations

import ast
from dataclasses import asdict
from pathlib import Path

import pytest

from dateline.events import coder
from dateline.events._rules import Requirement
from dateline.events.trace import CodingTrace, frame_text
from dateline.model import Article
from dateline.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]

# Sentences written for these tests, each meant to pass through some check.
SENTENCES = (
    "Canada flew the migrants to Mexico on Friday.",  # a transport, not a visit
    "Japan might attack China.",  # not reported as done
    "Iran threatened to impose sanctions on Iraq.",  # the threat governs the sanctions
    "Students staged demonstrations in Tehran to demand reforms from Iran.",
    "Speaking to reporters, the French president met Italian officials.",
)


def traced(pipe: Pipeline, text: str) -> tuple[list[dict[str, object]], CodingTrace]:
    article = Article(body=text, language="en", published="2024-03-08")
    trace = CodingTrace()
    document, _ = pipe.code_traced(article, pipe.nlp(text), trace)
    return [asdict(e) for e in document.events], trace


@pytest.mark.parametrize("text", SENTENCES)
def test_tracing_changes_no_event(pipe: Pipeline, text: str) -> None:
    article = Article(body=text, language="en", published="2024-03-08")
    plain = [asdict(e) for e in pipe.code(article).events]
    events, trace = traced(pipe, text)
    assert events == plain
    assert trace.candidates  # every sentence has a trigger word


def test_a_dyad_check_vetoes_by_name(pipe: Pipeline) -> None:
    events, trace = traced(pipe, SENTENCES[0])
    assert events == []
    [check] = trace.checks
    assert (check.check, check.effect) == ("conveyance", "vetoed")
    assert check.detail == "CAN -> MEX"
    assert check.trigger == SENTENCES[0].index("flew")


def test_a_sentence_check_names_the_event_it_drops(pipe: Pipeline) -> None:
    events, trace = traced(pipe, SENTENCES[1])
    assert events == []
    [check] = trace.checks
    assert (check.check, check.effect) == ("not_reported_as_done", "dropped")
    assert check.detail.startswith("JPN -> CHN 19")


def test_a_governed_verb_and_protest_content_are_dropped_by_name(pipe: Pipeline) -> None:
    _, trace = traced(pipe, SENTENCES[2])
    dropped = {c.check: c for c in trace.checks if c.effect == "dropped"}
    assert dropped["governed_by_mood"].trigger == SENTENCES[2].index("threatened")
    _, trace = traced(pipe, SENTENCES[3])
    dropped = {c.check: c for c in trace.checks if c.effect == "dropped"}
    assert dropped["protest_content"].trigger == SENTENCES[3].index("demand")


def test_carried_objects_are_vetoed_and_moods_recorded(pipe: Pipeline) -> None:
    _, trace = traced(pipe, SENTENCES[2])
    by_check = {c.check: c for c in trace.checks}
    assert by_check["carried_by_other_trigger"].trigger == SENTENCES[2].index("sanctions")
    assert by_check["mood"].effect == "changed"
    assert by_check["mood"].detail.endswith("(threat)")


def check_names() -> list[str]:
    """The names of the ordered lists' checks and of those the coder names one by one."""
    return [
        *(name for name, _ in coder.TRIGGER_CHECKS),
        *(name for name, _ in coder.RULE_CHECKS),
        *(name for name, _ in coder.DYAD_CHECKS),
        *(name for name, _ in coder.SENTENCE_CHECKS),
        coder.SENTENCE_TOO_LONG,
        coder.NO_ACTORS,
        coder.CARRIED,
        coder.COMMENTATORS_ONLY,
        coder.NO_SOURCE,
        coder.JOINT_EXERCISE,
        coder.FAILED_ACT,
        coder.OWN_NEED,
        coder.OWN_SIDE,
        coder.UNSAID_DEMAND,
        coder.OWN_STATE_REQUEST,
        coder.MOOD,
        coder.NO_DYAD,
        coder.SENTENCE_COUNTRY,
        coder.TARGET_CONVENTION,
        coder.REPLY_TARGET,
        coder.THREAT_CONDITION,
    ]


def test_check_names_are_unique() -> None:
    names = check_names()
    assert len(names) == len(set(names))


def test_every_check_the_coder_records_is_listed_and_documented() -> None:
    # The constants the coder hands ``trace.check``: a new one is listed above, and in the
    # table of docs/explain.md, which an analyst reads to know what a name means.
    tree = ast.parse(Path(coder.__file__).read_text("utf-8"))
    recorded = {
        getattr(coder, call.args[0].id)
        for call in ast.walk(tree)
        if isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "check"
        and call.args
        and isinstance(call.args[0], ast.Name)
        and call.args[0].id.isupper()
    }
    assert len(recorded) >= 10
    assert recorded <= set(check_names())
    doc = (ROOT / "docs" / "explain.md").read_text("utf-8")
    assert [name for name in check_names() if f"`{name}`" not in doc] == []


def test_frame_text_writes_requirements_as_the_lexicon_does() -> None:
    requires = (Requirement("obj", frozenset({"help", "aid"})), Requirement("neg"))
    assert frame_text(requires) == "obj=aid|help neg"
    assert frame_text(()) == ""
