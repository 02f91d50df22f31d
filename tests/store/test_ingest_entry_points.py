"""The three ways into a store code and store an article the same way: ``dateline ingest``,
``Store.ingest`` with an engine, and ``POST /articles`` (all end in ``Store.ingest``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.engines import LocalEngine
from dateline.store import Store
from dateline.store.schema import CONTENT_TABLES

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from dateline.api import create_app  # noqa: E402

# Written for this test (fictional), with a dateline, two coded events and a date.
TEXT = (
    "ASTANA, March 3, 2021 (Test Wire) - Kazakhstan's foreign minister met his Chinese "
    "counterpart in Astana on Tuesday to discuss rail transit.\n\n"
    "The two ministers signed an agreement on cross-border freight, officials said.\n\n"
    "Russia criticised the agreement on Wednesday.\n"
)
TOKEN = "entry-points-test-token-0123456789"
# Where the article came from: a file for the first two, the request for the third.
PROVENANCE = ["origin"]


def _rows(db: Path) -> dict[str, pd.DataFrame]:
    with Store(db, read_only=True) as store:
        return {t: store.table(t).drop(columns=PROVENANCE, errors="ignore") for t in CONTENT_TABLES}


@pytest.mark.slow
def test_cli_library_and_api_store_identical_rows(tmp_path: Path) -> None:
    news = tmp_path / "news.txt"
    news.write_text(TEXT, encoding="utf-8")

    cli_db = tmp_path / "cli.duckdb"
    result = CliRunner().invoke(
        app, ["ingest", str(news), "--db", str(cli_db), "--progress", "none"]
    )
    assert result.exit_code == 0, result.output

    lib_db = tmp_path / "lib.duckdb"
    with Store(lib_db) as store, LocalEngine(workers=1) as engine:
        report = store.ingest([news], engine=engine)
    assert (report.read, report.stored, report.failed) == (1, 1, 0)

    api_db = tmp_path / "api.duckdb"
    with TestClient(create_app(api_db, write_token=TOKEN)) as client:
        response = client.post(
            "/articles", json={"text": TEXT}, headers={"Authorization": f"Bearer {TOKEN}"}
        )
    assert response.status_code == 201, response.text

    cli, lib, api = _rows(cli_db), _rows(lib_db), _rows(api_db)
    assert len(cli["articles"]) == 1 and len(cli["event_mentions"]) >= 1
    for table in CONTENT_TABLES:
        pd.testing.assert_frame_equal(cli[table], lib[table], obj=table)
        pd.testing.assert_frame_equal(cli[table], api[table], obj=table)
