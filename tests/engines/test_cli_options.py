"""`dateline code --workers/--engine/--address`: the options reach the engines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "dateline", "code", *args], capture_output=True, timeout=300
    )


def test_unknown_engine_and_stray_address_are_one_line_errors() -> None:
    bad = run(str(EXAMPLES / "border-clash.txt"), "--engine", "spark")
    assert bad.returncode == 2
    assert b"unknown engine 'spark'" in bad.stderr and b"Traceback" not in bad.stderr
    stray = run(str(EXAMPLES / "border-clash.txt"), "--address", "auto")
    assert stray.returncode == 2 and b"--address needs --engine ray" in stray.stderr


def test_two_workers_print_what_one_prints() -> None:
    inputs = [str(EXAMPLES / "records.jsonl"), str(EXAMPLES / "border-clash.txt")]
    one = run(*inputs, "--workers", "1")
    two = run(*inputs, "--workers", "2")
    assert one.returncode == 0, one.stderr.decode()
    assert two.stdout == one.stdout
    ids = [json.loads(line)["article"]["input_id"] for line in one.stdout.splitlines()]
    assert ids == ["ex-001", "ex-002", "ex-003", None]
