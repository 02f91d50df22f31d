"""Hostile and malformed requests: always a 4xx (or an empty result), never a 500 or a trace."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.api import create_app
from dateline.api.params import MAX_BODY_BYTES, Cursor
from dateline.model import Article, Document
from dateline.store import Store

SQLISH = [
    "' OR '1'='1",
    "KAZ'; DROP TABLE events; --",
    "1; SELECT * FROM articles",
    "KAZ) OR (1=1",
    '"; DELETE FROM events WHERE "" = "',
    "%' UNION SELECT body FROM articles --",
    "\\x00",
    "KAZ\x00CHN",
    "../../etc/passwd",
    "<script>alert(1)</script>",
]
STRING_PARAMS = [
    "actor",
    "country",
    "dyad",
    "cameo",
    "root",
    "plover",
    "start",
    "end",
    "text",
    "outlet",
    "cursor",
    "level",
]


def assert_clean_4xx(response: Any) -> None:
    assert 400 <= response.status_code < 500, (response.status_code, response.text)
    assert "Traceback" not in response.text and 'File "' not in response.text


def assert_not_500(response: Any) -> None:
    assert response.status_code < 500, (response.status_code, response.text)
    assert "Traceback" not in response.text


@pytest.mark.parametrize(
    "params",
    [
        {"start": "2018-13-01"},
        {"start": "2018-02-30"},
        {"end": "yesterday"},
        {"start": "20181101"},
        {"start": "2019", "end": "2018"},
        {"limit": 0},
        {"limit": 501},
        {"limit": 10**12},
        {"limit": "many"},
        {"min_confidence": 1.5},
        {"min_confidence": "nan"},
        {"quad_class": 5},
        {"quad_class": "x"},
        {"country": "KA"},
        {"country": "KAZ GOV"},
        {"dyad": "KAZ"},
        {"dyad": "KAZ,CHN,RUS"},
        {"cameo": "999"},
        {"cameo": "4"},
        {"root": "21"},
        {"level": "sentence"},
        {"cursor": "not a cursor"},
        {"cursor": "eyJ4IjoxfQ"},
        {"cursor": "A" * 600},
        {"text": "x" * 201},
        {"min_sources": 2, "level": "mention"},
    ],
)
def test_bad_parameters_are_refused_with_4xx(client: TestClient, params: dict[str, Any]) -> None:
    response = client.get("/events", params=params)
    assert_clean_4xx(response)
    assert response.json()["detail"]


def test_messages_say_what_is_allowed(client: TestClient) -> None:
    detail = client.get("/events", params={"start": "2018-02-30"}).json()["detail"]
    assert "not a real date" in detail
    detail = client.get("/events", params={"limit": 501}).json()["detail"]
    assert detail[0]["loc"] == ["query", "limit"] and "500" in detail[0]["msg"]
    # Validation errors do not echo the rejected input back.
    assert "input" not in detail[0]


def test_cursor_from_another_level_is_refused(client: TestClient) -> None:
    cursor = Cursor("mention", None, "abc:e0").encode()
    response = client.get("/events", params={"cursor": cursor})
    assert response.status_code == 400 and "level" in response.json()["detail"]


def test_unknown_codes_give_empty_results_or_404(client: TestClient) -> None:
    assert client.get("/events", params={"country": "ZZZ"}).json()["items"] == []
    assert client.get("/events", params={"dyad": "ZZZ,QQQ"}).json()["items"] == []
    assert client.get("/events", params={"plover": "NOSUCH"}).json()["items"] == []
    assert client.get("/actors/ZZZ").status_code == 404
    assert client.get("/dyads/ZZZ/CHN/timeseries").status_code == 404
    assert client.get("/dyads/ZZZ/CHN/event-types").status_code == 404


@pytest.mark.parametrize("value", SQLISH)
@pytest.mark.parametrize("name", STRING_PARAMS)
def test_sql_looking_strings_never_reach_sql_as_code(
    client: TestClient, name: str, value: str
) -> None:
    response = client.get("/events", params={name: value})
    assert_not_500(response)
    if response.status_code == 200:
        assert response.json()["items"] == []
    export = client.get("/export", params={name: value, "format": "jsonl"})
    assert_not_500(export)


@pytest.mark.parametrize("value", SQLISH)
def test_sql_looking_path_parameters(client: TestClient, value: str) -> None:
    value = quote(value, safe="")
    for url in (
        f"/events/{value}",
        f"/articles/{value}",
        f"/actors/{value}",
        f"/dyads/{value}/CHN/timeseries",
        f"/dyads/KAZ/{value}/event-types",
    ):
        response = client.get(url)
        assert_not_500(response)
        assert response.status_code in (400, 404, 422), (url, response.status_code)


def test_the_database_is_intact_after_hostile_requests(
    client: TestClient, synthetic_db: Path
) -> None:
    for value in SQLISH:
        client.get("/events", params={"text": value, "actor": "KAZ"})
    with Store(synthetic_db, read_only=True) as store:
        assert store.counts()["events"] == client.get("/health").json()["counts"]["events"] > 0


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    name=st.sampled_from(STRING_PARAMS),
    value=st.text(min_size=0, max_size=60).filter(lambda s: "\x00" not in s),
)
def test_random_text_in_any_parameter_is_never_a_500(
    client: TestClient, name: str, value: str
) -> None:
    assert_not_500(client.get("/events", params={name: value}))


def test_internal_errors_are_a_bare_500(
    synthetic_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.api import db as dbq

    def broken(*_: Any, **__: Any) -> Any:
        raise RuntimeError("secret internal detail /srv/path")

    monkeypatch.setattr(dbq, "counts", broken)
    with TestClient(create_app(synthetic_db), raise_server_exceptions=False) as c:
        response = c.get("/health")
    assert response.status_code == 500
    assert response.json() == {"detail": "internal server error"}
    assert "secret" not in response.text and "Traceback" not in response.text


# --- the write endpoint -----------------------------------------------------------------

TOKEN = "test-token-0123456789abcdef"
ARTICLE = {
    "text": (
        "ALMATY — Kazakhstan and Russia signed a new agreement on grain transit on Monday, "
        "officials in both capitals said. The deal covers rail shipments through 2030."
    ),
    "title": "Grain transit deal",
    "url": "https://news.example.org/grain",
    "outlet": "Test Wire",
    "published": "2019-03-04",
}


def fake_coder(article: Article) -> Document:
    """A stand-in for the NLP pipeline: one agreement event in the first sentence."""
    from builders import Ev, make_event

    body = article.body
    sentence = body[: body.index(".") + 1]
    event = make_event(Ev("KAZ", "RUS", "057", "2019-03-04", sentence), index=0, offset=0)
    return Document(article=article, events=[event])


@pytest.fixture
def writable(synthetic_db: Path, tmp_path: Path) -> Iterator[TestClient]:
    db = tmp_path / "writable.duckdb"
    shutil.copy(synthetic_db, db)
    app = create_app(db, write_token=TOKEN, coder=fake_coder)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def test_write_endpoint_is_off_without_a_token(client: TestClient) -> None:
    response = client.post("/articles", json=ARTICLE)
    assert response.status_code == 403 and "disabled" in response.json()["detail"]
    response = client.post("/articles", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403


def test_write_endpoint_refuses_missing_and_wrong_tokens(writable: TestClient) -> None:
    assert writable.get("/health").json()["write_enabled"] is True
    missing = writable.post("/articles", json=ARTICLE)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    for header in (f"Bearer {TOKEN}x", "Bearer ", f"Basic {TOKEN}", TOKEN):
        response = writable.post("/articles", json=ARTICLE, headers={"Authorization": header})
        assert response.status_code in (401, 403), header
    # Authentication comes before the body is even validated.
    assert writable.post("/articles", json={"nope": 1}).status_code == 401
    before = writable.get("/health").json()["counts"]["articles"]
    assert writable.get("/health").json()["counts"]["articles"] == before


def test_write_endpoint_codes_and_stores_with_the_token(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    before = writable.get("/health").json()["counts"]
    response = writable.post("/articles", json=ARTICLE, headers=auth)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["stored"] is True and body["events"][0]["cameo"] == "057"
    after = writable.get("/health").json()["counts"]
    assert after["articles"] == before["articles"] + 1
    stored = writable.get(f"/articles/{body['article_id']}").json()
    assert stored["article"]["title"] == "Grain transit deal"
    events = writable.get("/events", params={"dyad": "KAZ,RUS", "start": "2019"}).json()
    assert [e["trigger"] for e in events["items"]] == ["signed"]
    # The same text again adds nothing.
    again = writable.post("/articles", json=ARTICLE, headers=auth)
    assert again.status_code == 200 and again.json()["stored"] is False
    assert writable.get("/health").json()["counts"] == after


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": ""},
        {"text": "x", "published": "March 4"},
        {"text": "x", "url": "javascript:alert(1)"},
        {"text": "x", "format": "pdf"},
        {"text": "x", "extra": 1},
        {"text": " \n\t "},
    ],
)
def test_write_endpoint_validates_the_article(writable: TestClient, body: dict[str, Any]) -> None:
    response = writable.post("/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert_clean_4xx(response)


def test_request_bodies_over_the_limit_are_refused(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    huge = {"text": "word " * (MAX_BODY_BYTES // 5 + 10)}
    response = writable.post("/articles", json=huge, headers=auth)
    assert response.status_code == 413
    # Without a Content-Length (chunked upload) the limit holds as well.
    chunk = b"x" * 65536

    def chunks() -> Iterator[bytes]:
        for _ in range(MAX_BODY_BYTES // len(chunk) + 2):
            yield chunk

    response = writable.post(
        "/articles", content=chunks(), headers={**auth, "Content-Type": "application/json"}
    )
    assert response.status_code == 413
