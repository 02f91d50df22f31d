"""Shared fixtures.

Tests that read development data from ``../shared`` use the ``shared_dir`` fixture: they
skip with a reason on a user's machine without it, and fail in CI, where
``DATELINE_REQUIRE_SHARED=1`` is set.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from builders import EVAL_SETS

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "data").is_dir():
        if os.environ.get("DATELINE_REQUIRE_SHARED") == "1":
            pytest.fail(f"DATELINE_REQUIRE_SHARED=1 but {SHARED}/data is missing")
        pytest.skip(f"development data not found at {SHARED} (set DATELINE_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def eval_output(shared_dir: Path) -> Callable[[str], str]:
    """What ``dateline eval NAME <set>`` prints, run from ``../shared`` through the CLI
    itself, each eval at most once per test session: the guards in ``tests/eval`` and the
    byte-identity snapshots in ``tests/cli`` read the same run, since several take minutes."""
    from typer.testing import CliRunner

    from dateline.cli import app

    printed: dict[str, str] = {}

    def output(name: str) -> str:
        if name not in printed:
            here = Path.cwd()
            os.chdir(shared_dir)
            try:
                res = CliRunner().invoke(app, ["eval", name, EVAL_SETS[name]])
            finally:
                os.chdir(here)
            assert res.exit_code == 0, res.output
            printed[name] = res.stdout
        return printed[name]

    return output


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    return shared_dir / "seed" / "kazakhstan-china.txt"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from dateline.nlp import load_spacy

    return load_spacy()


@pytest.fixture(scope="session")
def pipe():  # type: ignore[no-untyped-def]
    """The default pipeline, loaded once: coding is pure, so tests may share it."""
    from dateline.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store made by ``dateline ingest examples/`` (several of whose articles carry no
    date, so many events are undated), plus hand-made events dated only to a month or a
    year, and a negated report: the data an analyst has in the first hour."""
    from typer.testing import CliRunner

    from builders import Ev, make_doc
    from dateline.cli import app
    from dateline.store import Store

    path = tmp_path_factory.mktemp("examples") / "examples.duckdb"
    res = CliRunner().invoke(app, ["ingest", str(ROOT / "examples"), "--db", str(path)])
    assert res.exit_code == 0, res.output
    vague = make_doc(
        [
            Ev("KAZ", "CHN", "040", "2018-11-01", precision="month", date_text="November 2018"),
            Ev("CHN", "KAZ", "057", "2018-01-01", precision="year", date_text="2018"),
            Ev("KAZ", "RUS", "111", None),
            Ev("RUS", "KAZ", "112", None, negated=True),
        ],
        published=None,
    )
    with Store(path) as store:
        store.ingest([vague])
    return path
