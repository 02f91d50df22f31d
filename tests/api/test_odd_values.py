"""Well-formed but odd parameter values (issue #20): every route answers 2xx or 4xx, never
5xx, whatever the value. ``test_security.py`` sends malformed values; this sweep sends values
that pass the patterns: dates outside the data, before 1677 or after 2262 (outside pandas'
range), ranges that end before they start, one-sided ranges, extreme numbers, every
enumerated option, and combinations of them. The routes and their parameters are read from
the OpenAPI schema, so a new route or parameter is swept without editing this file.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from api_builders import get_routes, valid_path_values
from fastapi.testclient import TestClient
from test_api_security import ARTICLE, TOKEN, fake_coder

from dateline.api import create_app

# Well-formed dates: outside the data, at and past pandas' limits, at the calendar's ends.
ODD_DATES = [
    "0001", "0001-01-01", "1500", "1677-09-21", "1677-09-22", "1899-12-31", "1970",
    "2010-01-01", "2018-11", "2026-01-01", "2262-04-11", "2262-04-12", "2300", "9999",
    "9999-12-31",
]  # fmt: skip
# Start/end pairs on top of the one-sided values: reversed, empty, and enormous ranges.
ODD_RANGES = [
    ("2026-01-01", "2010-01-01"), ("0001", "9999"), ("1500", "2300"), ("2018-11-09", "2018-11-09"),
    ("2018-12", "2018-11"), ("1677-09-22", "2262-04-11"), ("2030", "2040"), ("1066", "1067"),
]  # fmt: skip
ODD_TEXT = ["a", "KAZ", "zzz", "0", "ev0", "x" * 200]


def odd_values(schema: dict[str, Any], name: str) -> list[str]:
    """Values for one parameter, from its schema: within its bounds but unusual."""
    options = schema.get("anyOf", [schema])
    values: list[str] = []
    for s in options:
        if "enum" in s:
            values += [str(v) for v in s["enum"]]
        kind = s.get("type")
        if kind == "boolean":
            values += ["true", "false"]
        elif kind in ("integer", "number"):
            for bound in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
                if bound in s:
                    values.append(str(s[bound]))
            values += ["0", "1"]
        elif kind == "string" and "enum" not in s:
            pattern = s.get("pattern", "")
            if "\\d{4}" in pattern or name in ("start", "end"):
                values += ODD_DATES
            else:
                values += ODD_TEXT
    return values


def sweep(client: TestClient) -> tuple[list[str], int]:
    """Every route with each odd value of each parameter, then with odd date ranges under
    every option of its enumerated parameters (e.g. each panel period). Returns the
    requests answered 5xx and the number of requests sent."""
    valid = valid_path_values(client)
    failures: list[str] = []
    sent = 0

    def get(path: str, params: list[dict[str, Any]], query: dict[str, str], **given: str) -> None:
        nonlocal sent
        url = path
        for p in params:
            if p["in"] == "path":
                url = url.replace(
                    "{" + p["name"] + "}", quote(given.get(p["name"], valid[p["name"]]), safe="")
                )
        response = client.get(url, params=query)
        sent += 1
        if response.status_code >= 500:
            failures.append(f"{url}?{query}: {response.status_code} {response.text[:200]}")
        elif response.status_code >= 400:
            assert response.json().get("detail"), (url, query, response.text)

    for path, params in get_routes(client.app):
        for p in params:
            for value in odd_values(p["schema"], p["name"]):
                if p["in"] == "path":
                    get(path, params, {}, **{p["name"]: value})
                else:
                    get(path, params, {p["name"]: value})
        names = {p["name"] for p in params if p["in"] == "query"}
        if {"start", "end"} <= names:
            # Each option of an enumerated parameter (the panel periods, levels...) in turn.
            options: list[dict[str, str]] = [{}]
            options += [
                {p["name"]: v}
                for p in params
                if p["in"] == "query" and "enum" in str(p["schema"])
                for v in odd_values(p["schema"], p["name"])
            ]
            for option in options:
                for start, end in ODD_RANGES:
                    get(path, params, {"start": start, "end": end, **option})
                for day in ODD_DATES:
                    get(path, params, {"start": day, **option})
                    get(path, params, {"end": day, **option})
    return failures, sent


def test_no_odd_value_gives_a_server_error(client: TestClient) -> None:
    failures, sent = sweep(client)
    assert failures == []
    assert sent > 500  # the schema was really read: every route, every parameter


def test_one_sided_range_outside_the_data_is_an_empty_panel(client: TestClient) -> None:
    for query in ({"start": "2026-01-01"}, {"end": "2010-01-01"}):
        response = client.get("/dyads/KAZ/CHN/timeseries", params=query)
        assert response.status_code == 200, response.text
        assert response.json()["periods"] == []


def test_panel_is_clamped_to_the_data(client: TestClient) -> None:
    """Periods before the first or after the last stored event are not shown as zeros: the
    store cannot know them. Within the data every period is there, zeros included."""
    whole = client.get("/dyads/KAZ/CHN/timeseries", params={"by": "year"}).json()["periods"]
    wide = client.get(
        "/dyads/KAZ/CHN/timeseries", params={"by": "day", "start": "0001", "end": "9999"}
    )
    assert wide.status_code == 200, wide.text
    days = wide.json()["periods"]
    assert days and days[0]["period"][:4] >= whole[0]["period"][:4]
    assert days[-1]["period"][:4] <= whole[-1]["period"][:4]
    assert sum(d["events"] for d in days) == sum(y["events"] for y in whole)


def test_reversed_range_is_a_clear_400(client: TestClient) -> None:
    response = client.get(
        "/dyads/KAZ/CHN/timeseries", params={"start": "2026-01-01", "end": "2010-01-01"}
    )
    assert response.status_code == 400
    assert "after end" in response.json()["detail"]


@pytest.fixture
def poster(synthetic_db: Path, tmp_path: Path) -> Iterator[TestClient]:
    """A client of a writable copy of the synthetic database (coding stubbed)."""
    shutil.copy(synthetic_db, tmp_path / "w.duckdb")
    app = create_app(tmp_path / "w.duckdb", write_token=TOKEN, coder=fake_coder)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("published", ["0001-01-01", "0002-01-01", "9999-12-31", "1899-12-31"])
def test_post_with_an_impossible_date_is_stored_undated_with_a_warning(
    poster: TestClient, published: str
) -> None:
    body = {**ARTICLE, "published": published, "text": f"{ARTICLE['text']} ({published})"}
    response = poster.post("/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201, response.text
    (warning,) = response.json()["warnings"]
    assert published in warning and "ignored" in warning
    stored = poster.get(f"/articles/{response.json()['article_id']}").json()["article"]
    assert stored["published"] is None


def test_post_with_a_negative_year_is_refused(poster: TestClient) -> None:
    body = {**ARTICLE, "published": "-5000-01-01"}
    response = poster.post("/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 422
