"""Every `dateline eval` prints the same JSON, byte for byte, unless a change means to alter it.

The guards in ``tests/eval/`` only hold figures above a floor: a refactor could move them
(or the lists of misses an analyst reads) without failing one. Here each eval command's
whole output over the development sets is pinned by its SHA-256, next to its figures (the
numbers outside lists) so that a failing snapshot's diff names what moved. The outputs
quote third-party text (evidence sentences, toponyms), which is why only a hash of them is
stored. Update after a deliberate change with ``pytest tests/cli/test_eval_snapshot.py
--snapshot-update`` (docs/code-snapshots.md).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from syrupy.assertion import SnapshotAssertion

from builders import EVAL_SETS

# Those that take minutes even alone: marked as the project marks long-running tests.
SLOW = {"places", "extraction"}
# Objects keyed by words of the data itself (the places most often missed): their counts are
# in the hash, their keys are not written out.
DATA_KEYED = {"most_missed"}


def figures(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """The numbers (and nulls) of an eval's JSON outside lists, by their path of keys."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in DATA_KEYED:
                yield from figures(item, f"{path}/{key}")
    elif isinstance(value, bool | int | float) or value is None:
        yield path, value


def test_figures_keep_numbers_and_leave_out_text_and_lists() -> None:
    report = {
        "dataset": "data/x",
        "recall": 0.5,
        "by": {"A": {"n": 3, "ok": True}, "gap": None},
        "misses": [{"n": 1}],
        "most_missed": {"Somewhere": 4},
    }
    assert dict(figures(report)) == {
        "/recall": 0.5,
        "/by/A/n": 3,
        "/by/A/ok": True,
        "/by/gap": None,
    }


@pytest.mark.shared
@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=pytest.mark.slow) if n in SLOW else n for n in EVAL_SETS],
)
def test_eval_output_is_unchanged(
    name: str, eval_output: Callable[[str], str], snapshot: SnapshotAssertion
) -> None:
    printed = eval_output(name)
    report = json.loads(printed)
    assert report["dataset"] == EVAL_SETS[name]
    assert {
        "sha256": hashlib.sha256(printed.encode()).hexdigest(),
        "figures": dict(figures(report)),
    } == snapshot
