"""Issue 6, done when: the real pipeline ingests the examples plus the seed article, the
KAZ-CHN monthly panel shows the November 2018 cooperation, re-ingesting changes nothing, and
an ingest killed with SIGKILL and run again ends with exactly the rows of a clean run."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from store_builders import content

from dateline.store import Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def dateline(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dateline", *args],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def test_examples_and_seed_show_november_2018_cooperation(tmp_path: Path, seed_path: Path) -> None:
    db = str(tmp_path / "ir.duckdb")
    res = dateline("ingest", str(EXAMPLES), "--db", db, "--progress", "none")
    assert res.returncode == 0, res.stderr
    res = dateline("ingest", str(seed_path), "--db", db, "--published", "2018-11-12")
    assert res.returncode == 0, res.stderr
    assert "1 stored" in res.stderr

    res = dateline("dyad", "KAZ", "CHN", "--by", "month", "--db", db, "-f", "csv")
    assert res.returncode == 0, res.stderr
    panel = pd.read_csv(io.StringIO(res.stdout))
    nov = panel[panel["period"] == "2018-11-01"]
    assert len(nov) == 1, panel
    row = nov.iloc[0]
    assert row["verbal_coop"] + row["material_coop"] >= 1
    assert row["net_cooperation"] > 0
    assert row["goldstein_sum"] > 0
    res = dateline("dyad", "KAZ", "CHN", "--by", "month", "--db", db)
    assert "2018-11" in res.stdout

    # the evidence behind the panel: a KAZ-CHN cooperation event dated 9 November 2018
    with Store(db, read_only=True) as store:
        events = store.events(dyad=("KAZ", "CHN"), start="2018-11", end="2018-11")
        before = content(store)
    assert not events.empty
    assert set(events["quad_class"]) <= {1, 2}
    assert "2018-11-09" in {str(d)[:10] for d in events["date"]}

    res = dateline("ingest", str(EXAMPLES), str(seed_path), "--db", db, "--published", "2018-11-12")
    assert res.returncode == 0, res.stderr
    assert " 0 stored" in res.stderr
    with Store(db, read_only=True) as store:
        assert content(store) == before


# Real news articles the kill test codes (a subset of the VOA stories, to keep it light).
N_REAL_ARTICLES = 30


@pytest.mark.slow
def test_real_pipeline_sigkill_and_resume_equals_clean_run(
    tmp_path: Path, shared_dir: Path
) -> None:
    """Both runs must use the same code: in a shared checkout where the pipeline is being
    edited meanwhile, the two codings can legitimately differ."""
    voa = shared_dir / "data" / "voa" / "voa_stories.jsonl"
    lines = voa.read_text(encoding="utf-8").splitlines(keepends=True)[:N_REAL_ARTICLES]
    subset = tmp_path / "voa-subset.jsonl"
    subset.write_text("".join(lines), encoding="utf-8")
    inputs = [str(EXAMPLES), str(subset)]
    clean_db = str(tmp_path / "clean.duckdb")
    res = dateline("ingest", *inputs, "--db", clean_db, "--batch-size", "5", "--progress", "none")
    assert res.returncode == 0, res.stderr

    crash_db = str(tmp_path / "crash.duckdb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "dateline", "ingest", *inputs, "--db", crash_db,
         "--batch-size", "5", "--progress", "plain"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )  # fmt: skip
    assert proc.stderr is not None
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if "batch 2 committed" in line:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    assert any("batch 2 committed" in s for s in seen), "".join(seen)
    with Store(crash_db, read_only=True) as store:
        partial = store.counts()["articles"]
    with Store(clean_db, read_only=True) as store:
        total = store.counts()["articles"]
    assert 10 <= partial < total

    res = dateline("ingest", *inputs, "--db", crash_db, "--batch-size", "7", "--progress", "none")
    assert res.returncode == 0, res.stderr
    with Store(clean_db, read_only=True) as clean, Store(crash_db, read_only=True) as resumed:
        expected = content(clean)
        got = content(resumed)
    for table in expected:
        assert got[table] == expected[table], table
