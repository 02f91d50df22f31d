"""The extraction evaluation: its scoring, and dateline against default trafilatura."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from dateline.eval.extraction import Confusion, run

EVAL_SET = "data/trafilatura-eval-en"


def test_confusion_scoring_follows_snippet_matching() -> None:
    item = {"with": ["The minister  met", "signed the deal"], "without": ["Subscribe now"]}
    conf = Confusion()
    conf.add(item, "Yesterday the minister met the envoy and signed\nthe  deal.")
    assert (conf.tp, conf.fn, conf.fp, conf.tn) == (1, 1, 0, 1)  # case matters, spaces don't
    conf.add(item, None)
    assert (conf.tp, conf.fn, conf.fp, conf.tn) == (1, 3, 0, 2)
    conf.add(item, "signed the deal. Subscribe now!")
    scores = conf.scores()
    assert scores["counts"] == {"tp": 2, "fp": 1, "fn": 4, "tn": 2}
    assert scores["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["recall"] == pytest.approx(2 / 6, abs=1e-4)


def test_date_accuracy_counts_only_gold_dates() -> None:
    conf = Confusion()
    conf.add_date(None, "2020-01-01")
    conf.add_date("2020-01-16", "2020-01-16T10:00:00")
    conf.add_date("2020-01-16", None)
    assert (conf.dates_gold, conf.dates_correct) == (2, 1)
    assert conf.scores()["date_accuracy"] == 0.5


def test_run_on_a_few_pages(shared_dir: Path) -> None:
    report = run(shared_dir / EVAL_SET, limit=8)
    assert report["pages"] == 8
    for system in ("dateline", "trafilatura_default"):
        scores = report[system]
        assert 0.5 <= scores["precision"] <= 1
        assert 0.5 <= scores["recall"] <= 1
        counts = scores["counts"]
        assert counts["tp"] + counts["fn"] == report["snippets"]["with"]
        assert counts["fp"] + counts["tn"] == report["snippets"]["without"]


@pytest.mark.slow
def test_dateline_is_at_least_as_good_as_default_trafilatura(
    eval_output: Callable[[str], str],
) -> None:
    report = json.loads(eval_output("extraction"))
    assert report["pages"] == 108
    assert report["pages_with_gold_date"] == 79
    ours, base = report["dateline"], report["trafilatura_default"]
    assert ours["f1"] >= base["f1"]
    assert ours["precision"] >= base["precision"]
    assert ours["date_accuracy"] >= base["date_accuracy"]
    assert ours["no_text"] == 0
