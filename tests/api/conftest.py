"""Fixtures of the API tests: databases built once per session, in-process clients."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from api_builders import build_seed, build_synthetic  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from dateline.api import create_app  # noqa: E402


@pytest.fixture(scope="session")
def synthetic_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_synthetic(tmp_path_factory.mktemp("synthetic") / "events.duckdb")


@pytest.fixture(scope="session")
def seed_db_info(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> tuple[Path, bool]:
    return build_seed(tmp_path_factory.mktemp("seed") / "events.duckdb", seed_path)


@pytest.fixture(scope="session")
def seed_db(seed_db_info: tuple[Path, bool]) -> Path:
    return seed_db_info[0]


@pytest.fixture(scope="session")
def client(synthetic_db: Path) -> Iterator[TestClient]:
    # raise_server_exceptions=False: a bug must show up as the 500 a client would get.
    with TestClient(create_app(synthetic_db), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def seed_client(seed_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(seed_db), raise_server_exceptions=False) as c:
        yield c
