"""Shared fixtures.

Tests that read development data from ``../shared`` use the ``shared_dir`` fixture: they
skip with a reason on a user's machine without it, and fail in CI, where
``DATELINE_REQUIRE_SHARED=1`` is set.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
