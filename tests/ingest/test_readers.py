"""Readers and bad input: every document yields an Article or one InputError naming it."""

from __future__ import annotations

import gzip
import io
import json
import socket
import sys
from pathlib import Path
from typing import Any

import pytest
from ingest_samples import NAV_ONLY, PAGE, PARAS, WIRE

from dateline.errors import InputError
from dateline.ingest import DEFAULT_MAX_BYTES, article_from_html, read_inputs
from dateline.model import Article


def _one(path: Path | str, **kw: Any) -> Article | InputError:
    out = list(read_inputs([str(path)], **kw))
    assert len(out) == 1, out
    return out[0]


def _error(result: Article | InputError, origin: str, reason: str) -> None:
    assert isinstance(result, InputError), result
    assert result.origin == origin
    assert reason in result.reason
    assert str(result).startswith(origin)


# --- plain text and encodings -------------------------------------------------------------


def test_text_file(tmp_path: Path) -> None:
    p = tmp_path / "wire.txt"
    p.write_text(WIRE, encoding="utf-8")
    art = _one(p, published="2024-04-02")
    assert isinstance(art, Article)
    assert art.origin == str(p)
    assert art.dateline is not None and art.dateline.country == "KGZ"
    assert (art.published, art.published_source) == ("2024-04-02", "option")
    assert art.body.startswith("Kyrgyz Foreign Minister Aibek Osmonov")
    assert "Share this article" not in art.body


def test_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    _error(_one(p), str(p), "empty file")
    p.write_bytes(b"  \n\n \t\n")
    _error(_one(p), str(p), "empty file")


def test_binary_file(tmp_path: Path) -> None:
    p = tmp_path / "photo.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    _error(_one(p), str(p), "binary file")


def test_cp1252_file(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    text = WIRE.replace("Tuesday", "Tuesday at the Café Müller").replace(
        "closed since", "closed – the ministry’s “temporary” measure – since"
    )
    p.write_bytes(text.encode("cp1252"))
    art = _one(p)
    assert isinstance(art, Article)
    assert "Café Müller" in art.body
    assert "ministry’s “temporary” measure" in art.body


def test_latin1_file(tmp_path: Path) -> None:
    p = tmp_path / "latin1.txt"
    text = WIRE.replace("—", "-").replace("Tuesday", "Tuesday in São Tomé")
    p.write_bytes(text.encode("latin-1"))
    art = _one(p)
    assert isinstance(art, Article)
    assert "São Tomé" in art.body


def test_mixed_encodings_in_one_file(tmp_path: Path) -> None:
    p = tmp_path / "mixed.txt"
    first, rest = WIRE.split("The ministers also", 1)
    data = (first + "Zhanna Ömirbek said").encode("utf-8") + (
        " the talks were “useful”.\n\nThe ministers also" + rest
    ).encode("cp1252")
    p.write_bytes(data)
    art = _one(p)
    assert isinstance(art, Article)
    assert "Zhanna Ömirbek said the talks were “useful”." in art.body
    assert "\ufffd" not in art.body


def test_utf16_with_bom(tmp_path: Path) -> None:
    p = tmp_path / "utf16.txt"
    p.write_bytes(WIRE.encode("utf-16"))
    art = _one(p)
    assert isinstance(art, Article)
    assert art.body.startswith("Kyrgyz Foreign Minister")


def test_huge_single_line_file(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        chunk = b"word " * 200_000  # 1 MB
        for _ in range(50):
            fh.write(chunk)
    _error(_one(p), str(p), f"larger than the limit of {DEFAULT_MAX_BYTES} bytes")
    _error(_one(p, max_bytes=1000), str(p), "larger than the limit of 1000 bytes")


def test_short_text_file_is_coded_as_given(tmp_path: Path) -> None:
    # The minimum length is for text extracted from HTML; a text file is the user's own text.
    p = tmp_path / "menu.txt"
    p.write_text("Home\nWorld\nSport\nSubscribe\n", encoding="utf-8")
    art = _one(p)
    assert isinstance(art, Article)
    assert art.body == "Home\nWorld\nSport\nSubscribe"


# --- HTML ---------------------------------------------------------------------------------


def test_html_file_metadata(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    art = _one(p, published="2024-06-20")
    assert isinstance(art, Article)
    assert art.title == "EU sanctions Ruritania over crackdown"
    assert art.author == "Lena Vogel"
    assert art.outlet == "Dateline Wire"
    assert (art.published, art.published_source) == ("2024-06-17", "html")
    for para in PARAS:
        assert para in art.body
    for gone in ["Most read", "Storm hits coast", "Copyright", "Subscribe", "Home"]:
        assert gone not in art.body


def test_html_cp1252_declared_charset(tmp_path: Path) -> None:
    p = tmp_path / "page.htm"
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace(
        "on Monday", "on Monday – in Brussels’ view"
    )
    p.write_bytes(page.encode("cp1252"))
    art = _one(p)
    assert isinstance(art, Article)
    assert "on Monday – in Brussels’ view" in art.body


def test_truncated_html(tmp_path: Path) -> None:
    p = tmp_path / "cut.html"
    p.write_text(PAGE[: PAGE.index("crackdown on opposition") + 10], encoding="utf-8")
    _error(_one(p), str(p), "truncated HTML")


def test_html_without_article(tmp_path: Path) -> None:
    p = tmp_path / "index.html"
    p.write_text(NAV_ONLY, encoding="utf-8")
    _error(_one(p), str(p), "no article text found")


def test_text_given_as_html_is_rejected(tmp_path: Path) -> None:
    p = tmp_path / "notes.html"
    p.write_text(WIRE, encoding="utf-8")
    _error(_one(p), str(p), "not an HTML page")


def test_html_never_touches_the_network_or_local_files(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY secret SYSTEM "file:///etc/passwd">'
        '<!ENTITY remote SYSTEM "http://example.invalid/x">]>'
    ) + PAGE.replace("<p>The European", "<p>&secret; &remote; The European")
    art = article_from_html(xxe, url="https://news.example.org/eu-sanctions")
    assert "root:" not in art.body
    assert PARAS[1] in art.body
    with pytest.raises(InputError):
        article_from_html("https://news.example.org/eu-sanctions")


# --- JSONL --------------------------------------------------------------------------------


def _records() -> list[str]:
    return [
        json.dumps(
            {
                "id": "r-1",
                "text": WIRE,
                "url": "https://news.example.org/1",
                "published": "2024-04-02T08:00:00Z",
                "author": ["Aliya Nurpeis"],
            }
        ),
        '{"id": "r-2", "text": "broken',
        json.dumps({"id": 3, "html": PAGE, "title": "EU sanctions Ruritania over crackdown"}),
        json.dumps({"id": "r-4", "url": "https://news.example.org/4"}),
        json.dumps(["not", "a", "record"]),
        "",
    ]


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join(_records()) + "\n", encoding="utf-8")
    out = list(read_inputs([str(p)], published="2020-01-01"))
    assert len(out) == 5
    first, bad, html, empty, notrec = out
    assert isinstance(first, Article)
    assert (first.input_id, first.url, first.author) == (
        "r-1",
        "https://news.example.org/1",
        "Aliya Nurpeis",
    )
    assert (first.published, first.published_source) == ("2024-04-02", "record")
    assert first.origin == f"{p}:1"
    _error(bad, f"{p}:2", "invalid JSON")
    assert isinstance(html, Article)
    assert html.input_id == "3"
    assert html.title == "EU sanctions Ruritania over crackdown"
    assert html.published_source == "html"
    _error(empty, f"{p}:4", "not a record")
    _error(notrec, f"{p}:5", "not a record")


def test_jsonl_overlong_record_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    p = tmp_path / "big.jsonl"
    big = json.dumps({"id": "big", "text": "word " * 400_000})
    small = json.dumps({"id": "small", "text": WIRE})
    p.write_text(f"{big}\n{small}\n", encoding="utf-8")
    out = list(read_inputs([str(p)], max_bytes=100_000))
    _error(out[0], f"{p}:1", "larger than the limit of 100000 bytes")
    assert isinstance(out[1], Article) and out[1].input_id == "small"


def test_jsonl_is_read_lazily(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join(json.dumps({"id": str(i), "text": WIRE}) for i in range(3)))
    stream = read_inputs([str(p)])
    first = next(stream)
    assert isinstance(first, Article) and first.input_id == "0"
    assert [a.input_id for a in stream if isinstance(a, Article)] == ["1", "2"]


# --- gzip, folders, globs, stdin ----------------------------------------------------------


def test_gzipped_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(WIRE.encode()))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(_records()[0].encode()))
    out = list(read_inputs([str(tmp_path)]))
    assert [type(o).__name__ for o in out] == ["Article"] * 3
    assert [o.origin for o in out if isinstance(o, Article)] == [
        str(tmp_path / "a.txt.gz"),
        str(tmp_path / "b.html.gz"),
        f"{tmp_path / 'c.jsonl.gz'}:1",
    ]


def test_truncated_gzip(tmp_path: Path) -> None:
    p = tmp_path / "cut.txt.gz"
    data = gzip.compress((WIRE * 20).encode())
    p.write_bytes(data[: len(data) // 2])
    _error(_one(p), str(p), "truncated or corrupt gzip")


def test_folder_recursive_sorted_glob_and_missing(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(WIRE)
    (tmp_path / "a.txt").write_text(WIRE)
    (tmp_path / "README.md").write_text("# notes\n\nnot news")
    (tmp_path / ".hidden.txt").write_text(WIRE)
    out = list(read_inputs([str(tmp_path)]))
    assert [o.origin for o in out] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "2.txt")]
    out = list(read_inputs([str(tmp_path / "**" / "*.txt")]))
    assert [o.origin for o in out] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "2.txt")]
    missing = str(tmp_path / "nope.txt")
    _error(_one(missing), missing, "no such file")


def test_one_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(WIRE)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    out = list(read_inputs([str(bad), str(tmp_path / "missing.txt"), str(good)]))
    assert [type(o).__name__ for o in out] == ["InputError", "InputError", "Article"]


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BufferedReader(io.BytesIO(data))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (WIRE.encode(), "text"),
        (PAGE.encode(), "html"),
        (("\n".join(_records()[:2]) + "\n").encode(), "jsonl"),
        (gzip.compress(WIRE.encode()), "text"),
    ],
)
def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch, data: bytes, kind: str) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    out = list(read_inputs(["-"]))
    assert isinstance(out[0], Article)
    if kind == "jsonl":
        assert out[0].origin == "<stdin>:1" and out[0].input_id == "r-1"
        _error(out[1], "<stdin>:2", "invalid JSON")
    else:
        assert out[0].origin == "<stdin>"
        assert len(out) == 1
    if kind == "html":
        assert out[0].title == "EU sanctions Ruritania over crackdown"


def test_json_array_file(tmp_path: Path) -> None:
    p = tmp_path / "feed.json"
    records = [json.loads(_records()[0]), {"id": "x"}]
    p.write_text(json.dumps(records, indent=2), encoding="utf-8")
    out = list(read_inputs([str(p)]))
    assert isinstance(out[0], Article) and out[0].origin == f"{p}[1]"
    _error(out[1], f"{p}[2]", "not a record")


# --- outlet from the URL -----------------------------------------------------------------


def test_outlet_is_the_urls_registered_domain_when_the_record_names_none(tmp_path: Path) -> None:
    body = "\n\n".join(PARAS)
    p = tmp_path / "feed.jsonl"
    p.write_text(
        "".join(
            json.dumps(record) + "\n"
            for record in (
                {"id": "a", "text": body, "url": "https://www.example.co.uk/world/1"},
                {"id": "b", "text": body + " Again.", "url": "https://news.example.org/2"},
                {
                    "id": "c",
                    "text": body + " Once more.",
                    "url": "https://x.example.org/3",
                    "outlet": "Example Wire",
                },
                {"id": "d", "text": body + " And again.", "url": "http://127.0.0.1/4"},
                {"id": "e", "text": body + " Last."},
            )  # fmt: skip
        ),
        encoding="utf-8",
    )
    out = list(read_inputs([str(p)]))
    assert all(isinstance(a, Article) for a in out)
    outlets = [a.outlet for a in out if isinstance(a, Article)]
    # A public suffix of two labels (co.uk) is kept whole; the record's own outlet wins; an
    # address with no registered domain, or no URL, leaves the outlet empty.
    assert outlets == ["example.co.uk", "example.org", "Example Wire", None, None]


@pytest.mark.shared
def test_every_voa_story_gets_its_outlet(shared_dir: Path) -> None:
    stories = shared_dir / "data" / "voa" / "voa_stories.jsonl"
    out = list(read_inputs([str(stories)]))
    articles = [a for a in out if isinstance(a, Article)]
    assert len(articles) > 50
    assert {a.outlet for a in articles} == {"voanews.com"}
