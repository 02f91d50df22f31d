"""The frame rules (data/events/frames.tsv): the rules of events that modules of
``dateline.events`` code outside the lexicon's head-word matching, kept as data with ids like
the lexicon's rows."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from dateline.codebook import load_codebook
from dateline.events._rules import _frame_rules, frame_rule

SRC = Path(__file__).resolve().parents[2] / "src" / "dateline"


def _ids(name: str) -> list[str]:
    text = resources.files("dateline").joinpath(f"data/events/{name}").read_text("utf-8")
    rows = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [row.split("\t")[0] for row in rows[1:]]


FRAME_IDS = _ids("frames.tsv")


def test_frame_ids_are_unique_and_none_is_a_lexicon_row() -> None:
    assert len(FRAME_IDS) == len(set(FRAME_IDS))
    assert not set(FRAME_IDS) & set(_ids("triggers.tsv"))


@pytest.mark.parametrize("rule_id", FRAME_IDS)
def test_each_frame_rule_codes_a_cameo_code_and_is_named_by_a_module(rule_id: str) -> None:
    rule = frame_rule(rule_id)
    assert rule.id == rule_id
    assert load_codebook().is_valid(rule.cameo)
    assert rule.pos in {"VERB", "NOUN", "ADJ"}
    # A row no module names codes nothing: a leftover to remove, not a rule.
    named = re.compile(rf'frame_rule\(\s*"{re.escape(rule_id)}"\s*\)')
    assert any(named.search(p.read_text("utf-8")) for p in (SRC / "events").glob("*.py"))


def test_an_unknown_frame_id_is_an_error() -> None:
    with pytest.raises(KeyError):
        frame_rule("no.such.frame")
    assert len(_frame_rules()) == len(FRAME_IDS)
