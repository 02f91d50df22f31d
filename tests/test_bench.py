"""`dateline bench` and its corpus: what the report holds, not how fast anything is."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dateline.bench import CORPUS_ARTICLES, build_corpus, corpus_records, run_bench
from dateline.ingest import read_inputs
from dateline.model import Article

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def _shape(text: str) -> str:
    """A paragraph with its weekdays and figures blanked: what the corpus may vary."""
    text = re.sub(r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", "DAY", text)
    return re.sub(r"\b\d{1,3}(?:,\d{3})*\b", "N", text)


def test_default_corpus_is_500_articles_made_only_from_the_examples() -> None:
    records = corpus_records(EXAMPLES)
    assert len(records) == CORPUS_ARTICLES >= 500
    assert len({r["id"] for r in records}) == len(records)
    assert len({r["text"] for r in records}) > 0.95 * len(records)  # varied, not copies
    example_paragraphs = {
        _shape(p.strip())
        for a in read_inputs([str(EXAMPLES)])
        if isinstance(a, Article)
        for p in a.body.split("\n")
        if p.strip()
    }
    for rec in records[:60]:
        body = rec["text"].split(" — ", 1)[1]
        for paragraph in body.split("\n\n"):
            assert _shape(paragraph) in example_paragraphs  # nothing invented


def test_corpus_is_the_same_on_every_build(tmp_path: Path) -> None:
    assert corpus_records(EXAMPLES, n=20) == corpus_records(EXAMPLES, n=20)
    path = build_corpus(tmp_path / "c", examples=EXAMPLES, n=20)
    assert path.read_text() == build_corpus(tmp_path / "c", examples=EXAMPLES, n=5).read_text()
    assert "examples" in (tmp_path / "c" / "README.md").read_text()
    articles = list(read_inputs([str(path)]))
    assert len(articles) == 20
    assert all(isinstance(a, Article) and a.dateline is not None for a in articles)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    corpus = build_corpus(tmp_path_factory.mktemp("bench"), examples=EXAMPLES, n=12)
    return run_bench(corpus, workers=2)


def test_report_has_every_figure(report: dict[str, Any]) -> None:
    assert report["corpus"]["articles"] == 12 and report["corpus"]["words"] > 500
    for part in ("spacy", "dateline_1_process", "dateline_workers"):
        assert report[part]["seconds"] > 0
        assert report[part]["words_per_s"] > 0 and report[part]["articles_per_s"] > 0
    for part in ("dateline_1_process", "dateline_workers"):
        assert report[part]["events"] > 0 and report[part]["events_per_s"] > 0
    assert report["dateline_workers"]["workers"] == 2
    assert report["spacy"]["pipes"][-1] == "ner"
    assert all(0 < mb < 10_000 for mb in report["dateline_workers"]["peak_rss_mb_per_worker"])
    assert report["same_output"] is True


def test_ratios_are_computed_from_the_figures(report: dict[str, Any]) -> None:
    one = report["dateline_1_process"]["words_per_s"]
    many = report["dateline_workers"]["words_per_s"]
    spacy = report["spacy"]["words_per_s"]
    assert report["ratio_dateline_to_spacy"] == pytest.approx(one / spacy, abs=1e-3)
    assert report["speedup_workers"] == pytest.approx(many / one, abs=1e-3)
    assert report["targets"]["ratio_met"] == (report["ratio_dateline_to_spacy"] >= 0.8)
    cpu = report["dateline_1_process"]["cpu_seconds"]
    assert report["ratio_dateline_to_spacy_cpu"] == pytest.approx(
        report["spacy"]["cpu_seconds"] / cpu, rel=1e-2
    )
    assert report["speedup_workers_cpu_bound"] > 0


def test_cli_prints_json(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, examples=EXAMPLES, n=3)
    res = subprocess.run(
        [sys.executable, "-m", "dateline", "bench", "--corpus", str(corpus), "--workers", "1"],
        capture_output=True,
        timeout=600,
    )
    assert res.returncode == 0, res.stderr.decode()
    data = json.loads(res.stdout)
    assert data["corpus"]["articles"] == 3 and data["dateline_workers"]["workers"] == 1
    bad = subprocess.run(
        [sys.executable, "-m", "dateline", "bench", "--corpus", str(tmp_path / "nothing")],
        capture_output=True,
        timeout=600,
    )
    assert bad.returncode == 2 and b"no corpus" in bad.stderr


def test_spacy_is_timed_without_dateline_components(report: dict[str, Any]) -> None:
    assert report["spacy"]["pipes"] == [
        "tok2vec",
        "tagger",
        "parser",
        "attribute_ruler",
        "lemmatizer",
        "ner",
    ]
