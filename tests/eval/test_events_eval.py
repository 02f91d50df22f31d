"""Event evaluations on the development sets: regression guards and scoring rules.

The guards sit a little below the figures measured when they were set (README); a change
that loses more than that on these sets must say why.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from dateline.codebook import load_codebook
from dateline.eval.events import (
    PENTA_ANNOTATION_OVERRIDES,
    _penta_as_annotated,
    _penta_or_none,
    macro_f1,
)

# Regression guards, measured 2026-11-29 (fourth session; see the README's accuracy table);
# they leave about 0.02 of slack.
PLOVER_PAIR_MACRO_F1 = 0.84  # measured 0.861
PLOVER_E2E_F1 = 0.70  # measured 0.717; 0.723 with record dates (issue 15)
# Filtering at confidence 0.5 must raise precision clearly above that of all events, and the
# events it drops must be mostly wrong: measured 0.81 kept vs 0.68 overall and 0.09 dropped;
# fourth session 0.814 kept vs 0.716 overall and 0.15 dropped (removing wrong low-confidence
# events raises the overall figure, so this gap shrinks as the coder improves).
PLOVER_PRECISION_GAIN_AT_HALF = 0.09
PLOVER_DROPPED_PRECISION_GAP = 0.5
PENTA_PAIR_MACRO_F1 = 0.83  # measured 0.853
PENTA_E2E_MACRO_F1 = 0.80  # measured 0.827
PETRARCH_DYAD = 0.65  # measured 0.669
PETRARCH_EXACT_OF_CAMEO = 0.72  # measured 0.745


@pytest.fixture(scope="module")
def plover(eval_output: Callable[[str], str]) -> dict[str, Any]:
    return json.loads(eval_output("plover"))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def penta(eval_output: Callable[[str], str]) -> dict[str, Any]:
    return json.loads(eval_output("penta"))  # type: ignore[no-any-return]


def test_macro_f1_counts_missing_predictions_against_recall() -> None:
    result = macro_f1(["A", "A", "B"], ["A", "NONE", "B"], {"A", "B"})
    assert result["per_label"]["A"]["recall"] == 0.5
    assert result["per_label"]["B"]["f1"] == 1.0
    assert result["accuracy"] == round(2 / 3, 4)


def test_penta_convention_only_moves_reduce_relations() -> None:
    codebook = load_codebook()
    assert PENTA_ANNOTATION_OVERRIDES == {"16": "3"}
    assert _penta_as_annotated(codebook, "163") == "3"
    assert _penta_as_annotated(codebook, "190") == "4"
    assert _penta_as_annotated(codebook, "010") == "0"


def test_plover_pair_mode_guard(plover: dict[str, Any]) -> None:
    assert plover["records"] == 322
    assert plover["pair_mode"]["macro_f1"] >= PLOVER_PAIR_MACRO_F1


def test_plover_end_to_end_guard(plover: dict[str, Any]) -> None:
    assert plover["end_to_end"]["f1"] >= PLOVER_E2E_F1


def test_confidence_half_is_a_useful_cut(plover: dict[str, Any]) -> None:
    calibration = plover["confidence"]
    overall = calibration[">=0.0"]["precision"]
    at_half = calibration[">=0.5"]["precision"]
    assert at_half - overall >= PLOVER_PRECISION_GAIN_AT_HALF
    n_all, n_half = calibration[">=0.0"]["events"], calibration[">=0.5"]["events"]
    dropped = (overall * n_all - at_half * n_half) / (n_all - n_half)
    assert at_half - dropped >= PLOVER_DROPPED_PRECISION_GAP
    assert calibration[">=0.7"]["precision"] > at_half


def test_penta_guards(penta: dict[str, Any]) -> None:
    assert penta["records"] == 451
    assert penta["pair_mode"]["macro_f1"] >= PENTA_PAIR_MACRO_F1
    assert penta["end_to_end"]["macro_f1"] >= PENTA_E2E_MACRO_F1
    # The strict quad-class figure is reported too and cannot be above the annotated one by
    # much: the convention moves one root only.
    assert penta["strict_quad_class"]["pair_macro_f1"] <= penta["pair_mode"]["macro_f1"] + 0.02


def test_petrarch_dictionary_import_and_dyads(eval_output: Callable[[str], str]) -> None:
    result = json.loads(eval_output("petrarch"))
    assert result["gold_codings"] > 300
    assert result["reproduced_dyad"] >= PETRARCH_DYAD
    assert result["reproduced_exact_of_cameo"] >= PETRARCH_EXACT_OF_CAMEO
    assert result["reproduced_exact"] <= result["reproduced_root"] <= result["reproduced_dyad"]
    # Sentences PETRARCH codes as no event stay (mostly) eventless here too.
    assert result["no_event_correct"] >= result["no_event_sentences"] - 5


def test_petrarch_gold_classes_of_extension_codes() -> None:
    codebook = load_codebook()
    # An extension code has its CAMEO base's class; a code with no CAMEO root has none.
    assert _penta_or_none(codebook, "1717") == codebook.penta("171")
    assert _penta_or_none(codebook, "174K") == codebook.penta("174")
    assert _penta_or_none(codebook, "043") == codebook.penta("043")
    assert _penta_or_none(codebook, "903") is None
    assert _penta_or_none(codebook, "+++") is None
