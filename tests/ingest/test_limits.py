"""What one document may cost to read (issue #20): markup screened before parsing, deep
nesting still read, compressed inputs bounded however they expand, encodings sniffed before
"binary" is declared, and a time budget per document."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

import pytest
from ingest_samples import WIRE

from builders import PAGE_TEXT, deeply_nested_page, many_attributes_page
from dateline.errors import InputError
from dateline.ingest import (
    DECOMPRESSED_FLOOR,
    MAX_ATTRIBUTES,
    MAX_ELEMENT_ATTRIBUTES,
    MAX_ELEMENTS,
    MAX_EXPANSION,
    MAX_NESTING,
    article_from_html,
    read_inputs,
)
from dateline.ingest import _readers as readers
from dateline.ingest._html import PARSER_DEFAULT_DEPTH, count_markup
from dateline.model import Article

# The bound for refusing the blank-line bomb ("within seconds"), kept generous: it
# fails only when the bomb is read line by line again (that took over 300 s).
BOMB_SECONDS = 30.0


def _refused(html: str, limit_name: str) -> InputError:
    with pytest.raises(InputError) as caught:
        article_from_html(html, origin="page.html")
    assert caught.value.origin == "page.html"
    assert f"dateline.ingest.{limit_name}" in caught.value.reason
    return caught.value


# --- markup screened before parsing -------------------------------------------------------


def test_a_page_with_80k_attributes_on_one_element_is_refused_before_parsing() -> None:
    start = time.monotonic()
    error = _refused(many_attributes_page(80_000), "MAX_ELEMENT_ATTRIBUTES")
    elapsed = round(time.monotonic() - start, 2)
    print("ATTRIBUTES-JSON", json.dumps({"refused_after_seconds": elapsed}))
    assert error.reason.startswith("the page has 80,000 attributes on one element")


def test_a_page_within_the_bounds_is_read() -> None:
    html = many_attributes_page(MAX_ELEMENT_ATTRIBUTES)
    counts = count_markup(html)
    assert counts.most_attributes == MAX_ELEMENT_ATTRIBUTES and counts.over_limit() is None
    assert "neighbouring states" in article_from_html(html, origin="page.html").body


def test_too_many_elements_or_attributes_in_all_are_refused() -> None:
    elements = "<span>x</span>" * (MAX_ELEMENTS + 1)
    _refused(f"<html><body>{elements}{PAGE_TEXT}</body></html>", "MAX_ELEMENTS")
    spread = '<i a="1" b="2" c="3" d="4"></i>' * (MAX_ATTRIBUTES // 4 + 1)
    _refused(f"<html><body>{spread}{PAGE_TEXT}</body></html>", "MAX_ATTRIBUTES")


def test_markup_counts_leave_out_scripts_comments_and_tags_closed_by_the_parser() -> None:
    html = (
        "<html><head><script>var s = '<div a b c>' + '<div>';</script>"
        "<!-- <div><div><div> --></head><body><ul>" + "<li><p>item" * 50 + "</ul>"
        "<img src=x alt=y><br/></body></html>"
    )
    counts = count_markup(html)
    assert counts.depth == 3  # html, body, ul: <li>, <p>, <img> and <br> do not nest
    assert counts.most_attributes == 2  # the script's and the comment's tags are not counted
    assert counts.elements == 4 + 100 + 2  # html, head, body, ul; li and p; img and br


def test_markup_cannot_hide_attributes_in_quoted_values() -> None:
    # libxml2 reads "<" and ">" inside quoted values as text: so does the counting.
    hidden = "<div a0=\"<\" b0='>' " + " ".join(f"a{i}" for i in range(1, 1_500)) + ">x</div>"
    assert count_markup(f"<html><body>{hidden}</body></html>").most_attributes == 2 + 1_499
    _refused(f"<html><body>{hidden}{PAGE_TEXT}</body></html>", "MAX_ELEMENT_ATTRIBUTES")


def test_a_stray_quote_in_a_tag_opens_no_value() -> None:
    """As in HTML's tokenizer, a quote opens a value only after "=": a stray one (a common
    typo in real pages) must not make the rest of the page one tag's attributes."""
    links = '<a href="/n"><img src="x.jpg" target_blank" /></a>' + '<p class="c">a b c d</p>' * 600
    html = f"<html><body>{links}{PAGE_TEXT}</body></html>"
    counts = count_markup(html)
    assert counts.most_attributes == 2 and counts.over_limit() is None
    assert "neighbouring states" in article_from_html(html, origin="page.html").body


def test_text_nested_300_deep_is_read() -> None:
    assert PARSER_DEFAULT_DEPTH < 300 < MAX_NESTING
    article = article_from_html(deeply_nested_page(300), origin="deep.html")
    assert "neighbouring states" in article.body


def test_nesting_over_the_bound_is_refused_with_its_name() -> None:
    error = _refused(deeply_nested_page(MAX_NESTING + 10), "MAX_NESTING")
    assert "levels of nesting" in error.reason


# --- compressed inputs --------------------------------------------------------------------


def _blank_line_bomb(path: Path, record: str) -> int:
    """One record, then 2 GiB of blank lines, gzipped to about 2 MB: written a gzip member
    at a time (each 8 MiB of newlines), never held whole. Returns the decompressed size."""
    member = gzip.compress(b"\n" * (8 << 20), compresslevel=9, mtime=0)
    with open(path, "wb") as out:
        out.write(gzip.compress(record.encode() + b"\n", mtime=0))
        for _ in range(256):
            out.write(member)
        out.write(gzip.compress(b'{"text": "never read"}\n', mtime=0))
    return 256 * (8 << 20)


def test_a_gzip_bomb_of_blank_lines_is_refused_within_seconds(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.jsonl.gz"
    expanded = _blank_line_bomb(bomb, json.dumps({"id": "first", "text": WIRE}))
    assert expanded == 2 << 30 and bomb.stat().st_size < 3_000_000
    start = time.monotonic()
    out = list(read_inputs([str(bomb)]))
    elapsed = time.monotonic() - start
    figures = {"bomb_bytes": bomb.stat().st_size, "expands_to": expanded}
    print("BOMB-JSON", json.dumps({**figures, "refused_after_seconds": round(elapsed, 2)}))
    assert elapsed < BOMB_SECONDS
    first, refused = out  # the record before the blank lines is read, nothing after
    assert isinstance(first, Article) and first.input_id == "first"
    assert isinstance(refused, InputError) and refused.origin == str(bomb)
    assert "refused as a compression bomb" in refused.reason
    assert "MAX_EXPANSION" in refused.reason


def test_compressed_news_under_the_expansion_bound_is_read_whole(tmp_path: Path) -> None:
    # Repetitive records compress far better than news does, and still pass.
    lines = [json.dumps({"id": f"r{i}", "text": WIRE}) for i in range(400)]
    data = ("\n\n".join(lines) + "\n").encode()
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(gzip.compress(data, compresslevel=9))
    assert len(data) < MAX_EXPANSION * path.stat().st_size or len(data) < DECOMPRESSED_FLOOR
    out = list(read_inputs([str(path)]))
    assert len(out) == 400 and all(isinstance(o, Article) for o in out)


def test_line_numbers_count_the_blank_lines_skipped(tmp_path: Path) -> None:
    path = tmp_path / "gaps.jsonl"
    path.write_text("\n" * 5 + "  \n\t\n" + "not json\n" + "\n" * 3 + "{}\n", encoding="utf-8")
    first, second = read_inputs([str(path)])
    assert isinstance(first, InputError) and first.origin == f"{path}:8"
    assert isinstance(second, InputError) and second.origin == f"{path}:12"


# --- encodings sniffed before "binary" ----------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_decoded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(WIRE.encode(encoding))
    (article,) = read_inputs([str(path)])
    assert isinstance(article, Article), article
    (plain,) = read_inputs([str(_write(tmp_path / "plain.txt", WIRE.encode()))])
    assert isinstance(plain, Article) and article.body == plain.body


def test_a_stray_nul_is_dropped_not_taken_for_binary(tmp_path: Path) -> None:
    text = WIRE[:200] + "\x00" + WIRE[200:]
    (article,) = read_inputs([str(_write(tmp_path / "nul.txt", text.encode()))])
    (plain,) = read_inputs([str(_write(tmp_path / "plain.txt", WIRE.encode()))])
    assert isinstance(article, Article) and isinstance(plain, Article)
    assert article.body == plain.body


def test_binary_files_are_still_binary(tmp_path: Path) -> None:
    wide_garbage = bytes(range(256)) * 40  # NULs and controls everywhere
    (error,) = read_inputs([str(_write(tmp_path / "blob.txt", wide_garbage))])
    assert isinstance(error, InputError) and "binary file" in error.reason


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --- the time budget for reading ----------------------------------------------------------


def test_a_document_over_the_reading_budget_is_one_error_and_the_rest_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow_marker = "Slowpoke"
    build = readers.build_article

    def slow_build(text: str, *args: object, **kwargs: object) -> Article:
        if slow_marker in text:
            end = time.monotonic() + 60
            while time.monotonic() < end:
                pass
        return build(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(readers, "build_article", slow_build)
    records = [{"id": "a", "text": WIRE}, {"id": "b", "text": WIRE + slow_marker}, {"id": "c"}]
    records[2]["text"] = WIRE.replace("the", "a")
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    first, slow, last = read_inputs([str(path)], seconds=0.5)
    assert isinstance(first, Article) and isinstance(last, Article)
    assert isinstance(slow, InputError) and slow.origin == f"{path}:2"
    assert "time budget of 0.5 s per document" in slow.reason
