"""A short run of each atheris harness (fuzz/): a few hundred inputs from the generated
seeds, fixed seed, in a subprocess. The long runs are ``make fuzz``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris")

FUZZ = Path(__file__).resolve().parents[2] / "fuzz"
RUNS = {"readers": 400, "coder": 150}
TIMEOUT = 600  # seconds for the whole short run: a hang guard


@pytest.mark.parametrize("target", sorted(RUNS))
def test_short_fuzz_run_finds_no_crash(target: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    result = subprocess.run(
        [
            sys.executable,
            str(FUZZ / f"fuzz_{target}.py"),
            str(corpus),
            f"-runs={RUNS[target]}",
            "-seed=20240614",
            "-timeout=60",
            f"-artifact_prefix={tmp_path}/",
        ],  # fmt: skip
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    tail = result.stderr[-4000:]
    assert result.returncode == 0, tail
    assert f"Done {RUNS[target]} runs" in result.stderr, tail
    assert not list(tmp_path.glob("crash-*")), tail
    assert any(corpus.glob("seed-*")), "the seeds were not written"
