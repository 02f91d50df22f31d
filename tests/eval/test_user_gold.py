"""Bring your own gold: `eval plover|actors|penta FILE` on a researcher's own annotated file,
in each of the three layouts (PLOVER GSR-style JSON, JSONL, TSV), built here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dateline.eval._data import EvalDataError, read_gold
from dateline.eval.actors import run as run_actors
from dateline.eval.events import run_penta, run_plover
from dateline.pipeline import Pipeline

ACCUSE = "Chile condemned the Peruvian navy for the seizure of two fishing boats."
AID = "Japan will send medical teams and tents to Nepal after the earthquake."
ARREST = "Kenyan police arrested twelve Ugandan traders at the border crossing."


def _span(text: str, phrase: str, **extra: Any) -> dict[str, Any]:
    start = text.index(phrase)
    return {"start": start, "end": start + len(phrase), **extra}


def _jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _tsv(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text("".join(f"{text}\t{label}\n" for text, label in rows), encoding="utf-8")
    return path


def _gsr(path: Path) -> Path:
    records = [
        {"id": "doc", "event": "DOCUMENT", "comment": "documentation record, no text"},
        {
            "id": "g1",
            "date": "2016-03-01",
            "event": "ACCUSE",
            "text": ACCUSE,
            "source": [{"actorText": "Chile", "code": "CHL"}],
            "target": [{"actorText": "Peruvian navy", "code": "PER", "sector": "MIL"}],
        },
        {
            "id": "g2",
            "event": "AID",
            "text": AID,
            "source": [{"actorText": "Japan", "code": "JPN", "sector": "GOV"}],
            "target": [{"actorText": "Nepal", "code": "NPL"}],
        },
    ]
    path.write_text(json.dumps(records, indent=1), encoding="utf-8")
    return path


def _consistent(scores: dict[str, Any]) -> None:
    """Per-label figures and the confusion matrix describe the same predictions."""
    confusion = scores["confusion"]
    assert sum(sum(row.values()) for row in confusion.values()) == scores["n"]
    for label, figures in scores["per_label"].items():
        assert figures["support"] == sum(confusion.get(label, {}).values())
    correct = sum(row.get(gold, 0) for gold, row in confusion.items())
    assert scores["accuracy"] == round(correct / scores["n"], 4)


def test_gsr_style_json_is_read_like_the_shipped_set(tmp_path: Path) -> None:
    records = read_gold(_gsr(tmp_path / "mine.json"))
    assert [r.id for r in records] == ["g1", "g2"]  # the DOCUMENT record is left out
    assert records[0].published == "2016-03-01"
    target = records[0].targets[0]
    assert (target.code, target.sector) == ("PER", "MIL")
    assert ACCUSE[target.start or 0 : target.end] == "Peruvian navy"


def test_jsonl_actors_as_text_or_spans(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "mine.jsonl",
        [
            {"id": 1, "text": ACCUSE, "event": "ACCUSE", "source": "Chile", "target": "navy"},
            {
                "id": 2,
                "text": ARREST,
                "event": "COERCE",
                "source": _span(ARREST, "Kenyan police", code="KENCOP"),
                "target": [_span(ARREST, "Ugandan traders", code="UGA", sector="BUS")],
            },
        ],
    )
    first, second = read_gold(path)
    assert (first.sources[0].start, first.sources[0].code) == (0, "")
    police = second.sources[0]
    assert (police.text, police.code, police.sector) == ("Kenyan police", "KEN", "COP")
    assert police.given_span
    assert second.targets[0].sector == "BUS"


def test_bad_files_are_one_clear_error(tmp_path: Path) -> None:
    bad_tsv = tmp_path / "bad.tsv"
    bad_tsv.write_text("a sentence without a label\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match=r"bad.tsv:1: expected text<TAB>label"):
        read_gold(bad_tsv)
    bad_jsonl = tmp_path / "bad.jsonl"
    bad_jsonl.write_text('{"text": "x", "event": "AID"}\n{"text": \n', encoding="utf-8")
    with pytest.raises(EvalDataError, match=r"bad.jsonl:2"):
        read_gold(bad_jsonl)


@pytest.mark.parametrize("layout", ["gsr", "jsonl", "tsv"])
def test_eval_plover_on_a_user_file(tmp_path: Path, pipe: Pipeline, layout: str) -> None:
    if layout == "gsr":
        path = _gsr(tmp_path / "mine.json")
    elif layout == "jsonl":
        path = _jsonl(
            tmp_path / "mine.jsonl",
            [
                {"text": ACCUSE, "event": "ACCUSE", "source": "Chile", "target": "Peruvian navy"},
                {"text": AID, "event": "AID", "source": _span(AID, "Japan"), "target": "Nepal"},
            ],
        )
    else:
        path = _tsv(tmp_path / "mine.tsv", [(ACCUSE, "ACCUSE"), (AID, "AID")])
    report = run_plover(path, pipe)
    assert report["records"] == 2
    _consistent(report["sentence"])
    assert report["sentence"]["confusion"]["ACCUSE"] == {"ACCUSE": 1}
    if layout == "tsv":
        # no actors: pair mode has nothing to run on; end to end checks the category only
        assert report["pair_mode"]["n"] == 0
    else:
        _consistent(report["pair_mode"])
        assert report["pair_mode"]["confusion"]["ACCUSE"] == {"ACCUSE": 1}
    assert report["end_to_end"]["recall"] > 0


def test_eval_penta_on_a_user_file(tmp_path: Path, pipe: Pipeline) -> None:
    jsonl = _jsonl(
        tmp_path / "mine.jsonl",
        [
            {"text": ACCUSE, "event": 3, "source": "Chile", "target": "Peruvian navy"},
            {"text": ARREST, "label": "4", "source": _span(ARREST, "Kenyan police")},
        ],
    )
    report = run_penta(jsonl, pipe)
    assert (report["records"], report["with_spans"]) == (2, 2)
    _consistent(report["pair_mode"])
    assert report["pair_mode"]["confusion"]["3"] == {"3": 1}
    gsr = tmp_path / "mine.json"
    gsr.write_text(
        json.dumps(
            [
                {
                    "id": "p1",
                    "event": "3",
                    "text": ACCUSE,
                    "source": [{"actorText": "Chile", "code": "CHL"}],
                    "target": [{"actorText": "Peruvian navy", "code": "PER"}],
                }
            ]
        ),
        encoding="utf-8",
    )
    from_gsr = run_penta(gsr, pipe)
    assert (from_gsr["records"], from_gsr["with_spans"]) == (1, 1)
    assert from_gsr["pair_mode"]["confusion"] == {"3": {"3": 1}}
    tsv = run_penta(_tsv(tmp_path / "mine.tsv", [(ACCUSE, "3"), (ARREST, "4")]), pipe)
    assert (tsv["records"], tsv["with_spans"]) == (2, 0)
    _consistent(tsv["end_to_end"])
    with pytest.raises(EvalDataError, match="not 0-4"):
        run_penta(_tsv(tmp_path / "plover.tsv", [(ACCUSE, "ACCUSE")]), pipe)


def test_eval_actors_on_a_user_file(tmp_path: Path) -> None:
    jsonl = _jsonl(
        tmp_path / "mine.jsonl",
        [
            {
                "text": ARREST,
                "source": _span(ARREST, "Kenyan police", code="KENCOP"),
                "target": {"text": "Ugandan traders", "code": "UGABUS"},
            },
            {"text": AID, "source": {"text": "Japan", "code": "JPN"}, "target": "Nepal"},
        ],
    )
    report = run_actors(jsonl)
    given = report["span_given"]
    # "Nepal" has no gold code: it is not scored
    assert given["all"]["n"] == 3 and report["unlocated"] == 0
    assert given["per_sector"]["COP"]["n"] == 1
    assert given["sector_confusion"]["COP"] == {"COP": 1}
    assert given["all"]["country"] == 1.0
    from_gsr = run_actors(_gsr(tmp_path / "mine.json"))
    assert from_gsr["records"] == 2 and from_gsr["span_given"]["all"]["n"] == 4
    assert from_gsr["span_given"]["sector_confusion"]["MIL"]
    tsv = run_actors(_tsv(tmp_path / "phrases.tsv", [("the Kenyan police", "KENCOP")]))
    assert tsv["phrase_only"]["all"]["n"] == 1
    assert tsv["span_given"]["all"]["country_sector"] == 1.0


def test_cli_reports_a_bad_gold_file_in_one_line(tmp_path: Path) -> None:
    bad = _tsv(tmp_path / "plover.tsv", [(ACCUSE, "ACCUSE")])
    res = subprocess.run(
        [sys.executable, "-m", "dateline", "eval", "penta", str(bad)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    assert res.stderr.startswith("dateline: error:") and "not 0-4" in res.stderr
