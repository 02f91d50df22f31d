"""The README's commands run as written on a fresh clone.

Every ``dateline ...`` line of the README's shell blocks runs, in order, in a directory
laid out like a clone (``examples/`` here, ``../shared`` beside it), followed by its Python
blocks. Left out, each for its stated reason:

- ``dateline serve``: a server runs until stopped (tests/api cover it);
- ``dateline eval`` and ``dateline bench`` (the accuracy and speed tables): measurements
  that run for minutes (tests/eval and tests/test_bench.py run the commands);
- commands reading ``../shared``, unless ``DATELINE_REQUIRE_SHARED=1`` (as in CI).

A ``<event-id>`` placeholder is filled with an id from the store the commands built.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))

_FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
_TABLE_COMMAND = re.compile(r"^\|[^|\n]*\|\s*`(dateline [^`]+)`", re.M)
_LONG_RUNNING = {
    "serve": "a server runs until stopped",
    "eval": "an evaluation runs for minutes over ../shared",
    "bench": "the benchmark runs for minutes",
}


def readme_commands() -> tuple[list[str], list[str]]:
    """The ``dateline`` shell lines (in order) and the Python blocks of the README."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands: list[str] = []
    python: list[str] = []
    for lang, body in _FENCE.findall(text):
        if lang == "python":
            python.append(body)
            continue
        for line in body.splitlines():
            line = line.strip().removeprefix("$ ")
            if re.search(r"(^|\|\s*)dateline ", line):
                commands.append(line)
    commands.extend(_TABLE_COMMAND.findall(text))
    return commands, python


def skip_reason(command: str) -> str | None:
    sub = re.search(r"dateline (\w+)", command)
    if sub and sub.group(1) in _LONG_RUNNING:
        return _LONG_RUNNING[sub.group(1)]
    if "../shared" in command and os.environ.get("DATELINE_REQUIRE_SHARED") != "1":
        return "reads ../shared (run with DATELINE_REQUIRE_SHARED=1)"
    return None


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )


def test_the_readme_has_the_commands_of_every_usage_section() -> None:
    commands, python = readme_commands()
    subcommands = {m.group(1) for c in commands if (m := re.search(r"dateline (\w+)", c))}
    assert {"code", "classify", "ingest", "events", "dyad", "actor", "event", "export"} <= (
        subcommands
    )
    assert python


def test_readme_commands_run_as_written(tmp_path: Path) -> None:
    clone = tmp_path / "dateline"
    clone.mkdir()
    (clone / "examples").symlink_to(ROOT / "examples")
    if SHARED.is_dir():
        (tmp_path / "shared").symlink_to(SHARED)
    commands, python = readme_commands()
    failures: list[str] = []
    ran = 0
    for command in commands:
        if skip_reason(command) is not None:
            continue
        if "<event-id>" in command:
            listed = _run(["dateline", "events", "--format", "csv", "--limit", "1"], clone)
            event_id = listed.stdout.splitlines()[1].split(",")[0]
            command = command.replace("<event-id>", event_id)
        done = _run(["bash", "-o", "pipefail", "-c", command], clone)
        ran += 1
        if done.returncode != 0 or "Traceback" in done.stderr:
            failures.append(f"{command}\n  exit {done.returncode}: {done.stderr.strip()[-500:]}")
    for block in python:
        done = _run([sys.executable, "-c", block], clone)
        if done.returncode != 0:
            failures.append(f"python block\n  {done.stderr.strip()[-500:]}")
    assert ran >= 10
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    ("command", "reason"),
    [
        ("dateline serve --db dateline.duckdb", "a server"),
        ("dateline eval plover ../shared/data/plover-gsr", "minutes"),
        ("dateline bench --repeat 2", "minutes"),
    ],
)
def test_only_long_running_commands_are_skipped(command: str, reason: str) -> None:
    assert reason in (skip_reason(command) or "")
    assert skip_reason("dateline events --dyad KGZ,TJK --format table") is None
