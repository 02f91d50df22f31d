"""`dateline code` end to end in a subprocess: formats, stdin, bad inputs, exit status."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pyarrow.parquet as pq
import pytest

from builders import many_attributes_page
from dateline.cli.code import SUMMARY_PREFIX
from dateline.engines import CODING_FAILED
from dateline.model import output_schema

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "dateline", *args], input=stdin, capture_output=True, timeout=300
    )


def test_seed_command_prints_the_meeting(seed_path: Path) -> None:
    res = run("code", str(seed_path), "--published", "2018-11-12")
    assert res.returncode == 0, res.stderr.decode()
    docs = [json.loads(line) for line in res.stdout.decode().splitlines()]
    assert len(docs) == 1
    jsonschema.validate(docs[0], output_schema())
    assert any(e["cameo"]["root"] == "04" and e["date"] == "2018-11-09" for e in docs[0]["events"])


def test_examples_in_input_order_with_jsonl_ids() -> None:
    res = run("code", str(EXAMPLES / "almaty-trade-talks.txt"), str(EXAMPLES / "records.jsonl"))
    assert res.returncode == 0, res.stderr.decode()
    docs = [json.loads(line) for line in res.stdout.decode().splitlines()]
    assert [d["article"]["input_id"] for d in docs] == [None, "ex-001", "ex-002", "ex-003"]
    for doc in docs:
        jsonschema.validate(doc, output_schema())


def test_stdin_and_gzip(tmp_path: Path) -> None:
    gz = tmp_path / "a.txt.gz"
    gz.write_bytes(gzip.compress((EXAMPLES / "border-clash.txt").read_bytes()))
    res = run("code", str(gz))
    assert res.returncode == 0, res.stderr.decode()
    from_gz = json.loads(res.stdout)
    res = run("code", "-", stdin=(EXAMPLES / "border-clash.txt").read_bytes())
    assert res.returncode == 0, res.stderr.decode()
    assert json.loads(res.stdout)["article"]["id"] == from_gz["article"]["id"]


def test_csv_and_parquet_have_one_row_per_event(tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    res = run("code", str(EXAMPLES), "--format", "parquet", "-o", str(out))
    assert res.returncode == 0, res.stderr.decode()
    table = pq.read_table(out)
    res = run("code", str(EXAMPLES), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(res.stdout.decode())))
    assert list(rows[0])[:3] == ["article_id", "event_id", "date"]
    assert table.num_rows == len(rows) > 0
    assert [r["event_id"] for r in rows] == table.column("event_id").to_pylist()
    assert {"source_code", "target_code", "cameo_code", "goldstein"} <= set(table.column_names)


def test_bad_inputs_fail_one_line_each_and_the_rest_is_coded(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    latin = tmp_path / "latin.txt"
    latin.write_bytes(
        "Germany's Chancellor Olaf Scholz met with French President "
        "Emmanuel Macron in Paris on Monday to discuss défense cooperation and trade. "
        "The two leaders agreed to strengthen European security.".encode("cp1252")
    )
    missing = tmp_path / "missing.txt"
    good = EXAMPLES / "almaty-trade-talks.txt"
    res = run("code", str(empty), str(binary), str(latin), str(missing), str(good))
    assert res.returncode != 0
    err = res.stderr.decode().strip().splitlines()
    assert "Traceback" not in res.stderr.decode()
    assert any("empty.txt" in line and "empty" in line for line in err)
    assert any("image.txt" in line and "binary" in line for line in err)
    assert any("missing.txt" in line for line in err)
    docs = [json.loads(line) for line in res.stdout.decode().splitlines()]
    bodies = [d["article"]["body"] for d in docs]
    assert any("Scholz" in b for b in bodies)  # the cp1252 file was decoded, not rejected
    assert any("Nurtleu" in b for b in bodies)
    events = sum(len(d["events"]) for d in docs)
    assert err[-1] == (
        f"{SUMMARY_PREFIX}2 articles, {events} events, 0 uncoded, 3 unreadable inputs"
    )


@pytest.mark.parametrize("args", [["--published", "12/11/2018"], ["--format", "xml"]])
def test_bad_options_are_one_line(args: list[str]) -> None:
    res = run("code", str(EXAMPLES / "border-clash.txt"), *args)
    assert res.returncode == 2
    assert "Traceback" not in res.stderr.decode()


# --- an article whose coding raises ---------------------------------------------------------

RAISING = Path(__file__).with_name("raising_pipeline.py")
MARKER = "Quetzalcoatlus"  # in no example; the patched pipeline raises on the article with it
N_RECORDS = 40  # more than one chunk of the engine, so that two workers both code
BAD = 17  # the record that carries the marker


@dataclass
class Run:
    returncode: int
    stderr: list[str]
    docs: list[dict[str, Any]]


def _run(args: list[str], env: dict[str, str] | None = None) -> Run:
    res = subprocess.run(args, capture_output=True, timeout=600, env={**os.environ, **(env or {})})
    stderr = res.stderr.decode()
    assert "Traceback" not in stderr, stderr
    docs = [json.loads(line) for line in res.stdout.decode().splitlines()]
    return Run(res.returncode, stderr.splitlines(), docs)


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """N_RECORDS records made from the examples; record BAD carries the marker."""
    base = [json.loads(line) for line in (EXAMPLES / "records.jsonl").read_text().splitlines()]
    for name in ("almaty-trade-talks.txt", "border-clash.txt"):
        base.append({"text": (EXAMPLES / name).read_text("utf-8")})
    lines = []
    for i in range(N_RECORDS):
        record = {**base[i % len(base)], "id": f"r{i:02d}"}
        record["text"] += f"\n\nReport {i} ends here." + (f" {MARKER}." if i == BAD else "")
        lines.append(json.dumps(record))
    path = tmp_path_factory.mktemp("news") / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def clean(news: Path) -> Run:
    """The same news coded by the real pipeline, nothing raising."""
    return _run([sys.executable, "-m", "dateline", "code", str(news), "--published", "2018-11-12"])


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_article_whose_coding_raises_is_one_line_and_the_rest_is_coded(
    news: Path, clean: Run, workers: str
) -> None:
    args = [sys.executable, str(RAISING), "code", str(news), "--published", "2018-11-12"]
    got = _run([*args, "--workers", workers], env={"DATELINE_TEST_RAISE_ON": MARKER})
    assert got.returncode == 0, got.stderr  # every input was read: the run succeeded
    # The others come out in the same order, exactly as without the failure.
    assert [d["article"]["input_id"] for d in got.docs] == [f"r{i:02d}" for i in range(N_RECORDS)]
    assert [d for i, d in enumerate(got.docs) if i != BAD] == [
        d for i, d in enumerate(clean.docs) if i != BAD
    ]
    # The bad one comes out uncoded, its warning saying what failed on one line.
    bad = got.docs[BAD]
    assert bad["article"] == clean.docs[BAD]["article"] and clean.docs[BAD]["events"]
    assert bad["events"] == [] and bad["entities"] == []
    reason = "RuntimeError: injected failure in a message of two lines"
    assert bad["warnings"] == [CODING_FAILED + reason]
    # stderr: one line for it, then the summary.
    failed = [line for line in got.stderr if "coding failed" in line]
    assert len(failed) == 1 and failed[0].startswith("dateline: ") and reason in failed[0]
    assert f"r{BAD:02d}" in failed[0] or str(news) in failed[0]
    events = sum(len(d["events"]) for d in got.docs)
    assert got.stderr[-1] == (
        f"{SUMMARY_PREFIX}{N_RECORDS} articles, {events} events, 1 uncoded, 0 unreadable inputs"
    )
    assert len(got.stderr) == 2, got.stderr


def test_a_clean_run_ends_with_its_summary(clean: Run) -> None:
    assert clean.returncode == 0
    events = sum(len(d["events"]) for d in clean.docs)
    assert events > 0
    assert clean.stderr == [
        f"{SUMMARY_PREFIX}{N_RECORDS} articles, {events} events, 0 uncoded, 0 unreadable inputs"
    ]


def test_an_article_the_pipeline_does_not_code_counts_as_uncoded(tmp_path: Path) -> None:
    french = tmp_path / "fr.txt"
    french.write_text(
        "PARIS — Le président français Emmanuel Macron a rencontré lundi le chancelier "
        "allemand Olaf Scholz à Paris pour discuter de la coopération européenne en matière "
        "de défense. Les deux dirigeants ont convenu de renforcer leur partenariat.\n",
        encoding="utf-8",
    )
    res = run("code", str(french), str(EXAMPLES / "border-clash.txt"))
    assert res.returncode == 0, res.stderr.decode()
    docs = [json.loads(line) for line in res.stdout.decode().splitlines()]
    assert docs[0]["events"] == [] and "not coded" in docs[0]["warnings"][0]
    assert docs[1]["events"] and not docs[1]["warnings"]
    # The uncoded article is named on stderr, with the reason it was not coded.
    assert res.stderr.decode().splitlines() == [
        f"dateline: {french}: {docs[0]['warnings'][0]}",
        f"{SUMMARY_PREFIX}2 articles, {len(docs[1]['events'])} events, 1 uncoded, "
        "0 unreadable inputs",
    ]


# --- the probe of issue #20: output errors, uncoded articles, costly pages ------------------


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_a_full_output_device_is_one_line(fmt: str) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    res = run("code", str(EXAMPLES / "border-clash.txt"), "--format", fmt, "-o", "/dev/full")
    stderr = res.stderr.decode()
    assert res.returncode == 2 and "Traceback" not in stderr
    assert stderr.splitlines() == [
        "dateline: error: cannot write /dev/full: No space left on device"
    ]


def test_standard_output_on_a_full_device_is_one_line() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "wb") as full:
        res = subprocess.run(
            [sys.executable, "-m", "dateline", "code", str(EXAMPLES / "border-clash.txt")],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=300,
        )
    assert res.returncode == 2
    assert res.stderr.decode().splitlines() == [
        "dateline: error: cannot write the standard output: No space left on device"
    ]


def test_an_article_over_the_token_limit_is_named_on_stderr(tmp_path: Path) -> None:
    from dateline.pipeline import MAX_PARSE_TOKENS

    sentence = "The two delegations met again in the capital on Monday to talk about trade. "
    long = tmp_path / "long.txt"
    long.write_text(sentence * (MAX_PARSE_TOKENS // 14 + 10), encoding="utf-8")
    res = run("code", str(long), str(EXAMPLES / "border-clash.txt"), "--max-bytes", "10000000")
    assert res.returncode == 0, res.stderr.decode()
    lines = res.stderr.decode().splitlines()
    assert len(lines) == 2 and lines[1].startswith(SUMMARY_PREFIX) and "1 uncoded" in lines[1]
    assert lines[0].startswith(f"dateline: {long}: ") and "tokens" in lines[0]
    assert lines[0].endswith("not coded; split the article")


def test_a_page_with_80k_attributes_is_one_line_and_the_run_goes_on(tmp_path: Path) -> None:
    page = tmp_path / "attributes.html"
    page.write_text(many_attributes_page(80_000), encoding="utf-8")
    res = run("code", str(page), str(EXAMPLES / "border-clash.txt"))
    assert res.returncode == 1  # an input could not be read
    lines = res.stderr.decode().splitlines()
    assert len(lines) == 2 and lines[0].startswith(f"dateline: {page}: the page has 80,000 ")
    assert "MAX_ELEMENT_ATTRIBUTES" in lines[0]
    docs = [json.loads(line) for line in res.stdout.decode().splitlines()]
    assert len(docs) == 1 and docs[0]["events"]


def test_implausible_dates_are_one_warning_line_each(tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    text = (EXAMPLES / "border-clash.txt").read_text(encoding="utf-8")
    records.write_text(json.dumps({"id": "r1", "text": text, "published": "9999-12-31"}) + "\n")
    res = run("code", str(records), "--published", "0001-01-01")
    stderr = res.stderr.decode()
    assert res.returncode == 0, stderr
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert sum("--published 0001-01-01 ignored: outside the plausible dates" in ln
               for ln in lines) == 1  # fmt: skip
    assert sum(f"{records}:1: record date 9999-12-31 ignored" in ln for ln in lines) == 1, lines
    (doc,) = [json.loads(line) for line in res.stdout.decode().splitlines()]
    assert doc["article"]["published_source"] in ("dateline", "none")
    assert doc["article"]["published"] != "9999-12-31"


def test_malformed_date_window_is_a_usage_error() -> None:
    res = subprocess.run(
        [sys.executable, "-m", "dateline", "code", str(EXAMPLES / "border-clash.txt")],
        capture_output=True,
        timeout=300,
        env={**os.environ, "DATELINE_DATE_WINDOW": "soon..later"},
    )
    assert res.returncode == 2
    assert "DATELINE_DATE_WINDOW must be FIRST..LAST" in res.stderr.decode()
