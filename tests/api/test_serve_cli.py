"""`dateline serve`: refusals before the server starts, and the loopback host check."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.cli.serve import _is_loopback


def run_serve(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dateline", "serve", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    result = run_serve("--db", str(tmp_path / "nothing.duckdb"), "--port", "1")
    assert result.returncode == 2
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_token_env_must_name_a_set_variable(synthetic_db: Path) -> None:
    result = run_serve(
        "--db", str(synthetic_db), "--token-env", "DATELINE_TEST_UNSET_TOKEN", "--port", "1"
    )
    assert result.returncode == 2
    assert "DATELINE_TEST_UNSET_TOKEN" in result.stderr


def test_loopback_detection() -> None:
    assert _is_loopback("127.0.0.1") and _is_loopback("localhost") and _is_loopback("::1")
    assert not _is_loopback("0.0.0.0") and not _is_loopback("192.0.2.1")


def test_only_loopback_host_names_are_answered(synthetic_db: Path) -> None:
    app = create_app(synthetic_db, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        assert client.get("/health").status_code == 200
        rebound = client.get("/health", headers={"Host": "attacker.example"})
        assert rebound.status_code == 400
        assert rebound.headers["x-content-type-options"] == "nosniff"
