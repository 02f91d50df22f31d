"""WARC / WARC.gz: HTML responses become articles; others are reported; truncation is caught."""

from __future__ import annotations

import gzip
import io
import random
from pathlib import Path

import pytest
from ingest_samples import PAGE, PARAS
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.errors import NOT_A_WARC, InputError
from dateline.ingest import read_inputs
from dateline.model import Article


def _warc(gz: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)

    def response(uri: str, status: str, ctype: str, body: bytes) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(rec)

    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    response("https://news.example.org/a", "200 OK", "text/html; charset=utf-8", PAGE.encode())
    response("https://news.example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n" * 20)
    response("https://news.example.org/old", "301 Moved Permanently", "text/html", b"")
    second = PAGE.replace("twelve officials", "fourteen officials")
    response("https://news.example.org/b", "200 OK", "text/html", second.encode())
    return buf.getvalue()


@pytest.mark.parametrize("gz", [True, False])
def test_warc_html_responses_and_non_html_record(tmp_path: Path, gz: bool) -> None:
    p = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    p.write_bytes(_warc(gz))
    out = list(read_inputs([str(p)]))
    assert [type(o).__name__ for o in out] == ["Article", "InputError", "Article"]
    first, png, second = out
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.url == "https://news.example.org/a"
    assert first.origin == f"{p}#1 <https://news.example.org/a>"
    assert first.input_id and first.input_id.startswith("<urn:uuid:")
    assert PARAS[0] in first.body
    assert "fourteen officials" in second.body
    assert first.id != second.id
    assert isinstance(png, InputError)
    assert png.origin == f"{p}#2 <https://news.example.org/logo.png>"
    assert "not an HTML page (image/png)" in png.reason


@pytest.mark.parametrize("gz", [True, False])
@pytest.mark.parametrize("fraction", [0.3, 0.55, 0.8, 0.97])
def test_truncated_warc_reports_and_keeps_earlier_records(
    tmp_path: Path, gz: bool, fraction: float
) -> None:
    data = _warc(gz)
    p = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    p.write_bytes(data[: int(len(data) * fraction)])
    out = list(read_inputs([str(p)]))
    assert out, "a truncated WARC must yield at least its error"
    *records, last = out
    assert isinstance(last, InputError)
    assert last.origin == str(p)
    assert "truncated or corrupt WARC" in last.reason
    assert all(isinstance(r, Article | InputError) for r in records)
    assert not any(isinstance(r, InputError) and "truncated" in r.reason for r in records)


def test_not_a_warc_at_all(tmp_path: Path) -> None:
    p = tmp_path / "fake.warc"
    p.write_text("this is not a web archive\n" * 10)
    out = list(read_inputs([str(p)]))
    assert len(out) == 1
    assert isinstance(out[0], InputError)
    assert out[0].reason == NOT_A_WARC


@pytest.mark.parametrize("gz", [True, False])
def test_garbage_after_a_record_is_reported_in_user_words(tmp_path: Path, gz: bool) -> None:
    garbage = bytes(random.Random(20).randrange(256) for _ in range(5000))
    data = _warc(gz) + (gzip.compress(garbage) if gz else garbage)
    p = tmp_path / ("garbage.warc.gz" if gz else "garbage.warc")
    p.write_bytes(data)
    *records, last = list(read_inputs([str(p)]))
    assert [type(r).__name__ for r in records] == ["Article", "InputError", "Article"]
    assert isinstance(last, InputError) and last.reason.startswith("truncated or corrupt WARC (")
    # Neither warcio's words nor the raw bytes it quotes reach the user.
    assert last.reason.isascii() and "format" not in last.reason and "[" not in last.reason
