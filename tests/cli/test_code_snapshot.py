"""`dateline code` output stays byte for byte what it was, unless a change means to alter it.

The output of ``dateline code examples/`` (our own articles) is stored whole; of the VOA
stories and the seed (third-party text, never copied into the repository) only a SHA-256 of
each article's output line is. After a deliberate change of coding, update the snapshots
with ``pytest tests/cli/test_code_snapshot.py --snapshot-update`` and review their diff:
docs/code-snapshots.md says when and how.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

ROOT = Path(__file__).resolve().parents[2]


class JSONLinesSnapshot(SingleFileSnapshotExtension):
    """The output itself, as bytes in a ``.jsonl`` file, so that its diff reads as text."""

    file_extension = "jsonl"
    _write_mode = WriteMode.BINARY


def code(path: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    # A relative path from a fixed folder: the output names its input as given ("origin").
    res = subprocess.run(
        [sys.executable, "-m", "dateline", "code", path], cwd=cwd, capture_output=True, timeout=900
    )
    assert res.returncode == 0, res.stderr.decode()
    return res


def line_hashes(res: subprocess.CompletedProcess[bytes]) -> dict[str, str]:
    """One SHA-256 per article, under its position and id, and the run's summary line (counts
    only): a changed article is named without quoting its text."""
    out = {"summary": res.stderr.decode().strip().splitlines()[-1]}
    for i, line in enumerate(res.stdout.splitlines(keepends=True)):
        article_id = json.loads(line)["article"]["id"]
        out[f"{i:03d} {article_id}"] = hashlib.sha256(line).hexdigest()
    return out


def test_examples_output_is_unchanged(snapshot: SnapshotAssertion) -> None:
    res = code("examples/", ROOT)
    assert res.stdout.count(b"\n") >= 6  # the six articles of examples/ were coded
    assert res.stdout == snapshot.use_extension(JSONLinesSnapshot)


@pytest.mark.shared
def test_voa_output_is_unchanged(shared_dir: Path, snapshot: SnapshotAssertion) -> None:
    assert line_hashes(code("data/voa/voa_stories.jsonl", shared_dir)) == snapshot


@pytest.mark.shared
def test_seed_output_is_unchanged(shared_dir: Path, snapshot: SnapshotAssertion) -> None:
    assert line_hashes(code("seed/kazakhstan-china.txt", shared_dir)) == snapshot
