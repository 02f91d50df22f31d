"""Explicit texts are coded whatever their length; cleaning never eats a one-sentence record.

The minimum length applies only to text extracted from HTML (where a short result is a menu
or an error page). A text the user gives (a JSONL ``text`` field, a plain-text file, stdin)
is coded however short it is; only an empty or whitespace-only text is an error.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ingest_samples import WIRE

from dateline.errors import InputError
from dateline.eval._data import load_penta, load_petrarch, load_plover
from dateline.ingest import MIN_ARTICLE_WORDS, article_from_text, read_inputs
from dateline.ingest._sentences import MAX_SENTENCE_CHARS
from dateline.model import Article, Document
from dateline.pipeline import Pipeline, code_inputs

SHORT = "Students in Novi Sad burned a flag of the bloc."


def _records(path: Path, texts: list[str]) -> None:
    lines = [json.dumps({"id": i, "text": t}) for i, t in enumerate(texts)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_short_jsonl_records_are_articles(tmp_path: Path) -> None:
    p = tmp_path / "sentences.jsonl"
    texts = [SHORT, "Police detained two reporters.", "Talks resumed."]
    _records(p, texts)
    out = list(read_inputs([str(p)]))
    assert all(isinstance(a, Article) for a in out)
    assert [a.body for a in out if isinstance(a, Article)] == texts
    assert len(SHORT.split()) < MIN_ARTICLE_WORDS


def test_blank_record_text_is_the_only_error(tmp_path: Path) -> None:
    p = tmp_path / "sentences.jsonl"
    _records(p, ["  \t ", "Rebels seized the airport."])
    blank, coded = read_inputs([str(p)])
    assert isinstance(blank, InputError) and "empty text" in blank.reason
    assert isinstance(coded, Article) and coded.body == "Rebels seized the airport."


def test_short_plain_text_file_and_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "one.txt"
    p.write_text(SHORT + "\n", encoding="utf-8")
    (from_file,) = read_inputs([str(p)])
    assert isinstance(from_file, Article) and from_file.body == SHORT

    class _Stdin:
        buffer = io.BufferedReader(io.BytesIO(SHORT.encode()))  # type: ignore[arg-type]

    monkeypatch.setattr(sys, "stdin", _Stdin())
    (from_stdin,) = read_inputs(["-"])
    assert isinstance(from_stdin, Article) and from_stdin.body == SHORT


@pytest.mark.parametrize(
    "text",
    [
        # a dateline prefix stays in the body of a one-sentence record, and is still read
        "TIRANA, Albania (Dateline Wire) — Albania recalled its ambassador to Serbia.",
        "VALLETTA: Malta expelled two Libyan diplomats on Friday.",
        # a line that a byline or boilerplate pattern would drop
        "By Jane Doe and John Smith",
        "Subscribe to our newsletter, the rebels told villagers in a leaflet.",
        # leading space: offsets still index into the input
        " Ghana hosted talks between Togo and Benin.",
    ],
)
def test_one_sentence_record_is_kept_as_given(text: str) -> None:
    art = article_from_text(text)
    assert art.body == text
    word = text.split()[-1]
    assert art.body.index(word) == text.index(word)


def test_blank_lines_around_a_one_sentence_record_do_not_matter() -> None:
    text = "VALLETTA: Malta expelled two Libyan diplomats on Friday."
    assert article_from_text(f"\n\n{text}\n\n").body == text
    with pytest.raises(InputError, match="empty text"):
        article_from_text("\ufeff \n")


def test_a_long_line_is_no_single_sentence() -> None:
    # A whole story on one line (as many JSONL feeds carry it) loses its dateline.
    story = "VALLETTA: " + "Malta expelled two Libyan diplomats on Friday, officials said " * 60
    assert len(story) > MAX_SENTENCE_CHARS
    assert article_from_text(story).body.startswith("Malta expelled")


def test_one_sentence_record_keeps_its_dateline_as_metadata() -> None:
    art = article_from_text("TIRANA, Albania (Dateline Wire) — Albania recalled its ambassador.")
    assert art.dateline is not None and art.dateline.country == "ALB"
    assert art.body.startswith("TIRANA")


def test_articles_are_still_cleaned() -> None:
    # A one-line story of several sentences, and a story of several lines, lose their
    # dateline and trailing boilerplate as before.
    one_line = (
        "TIRANA, Albania (Dateline Wire) — Albania recalled its ambassador to Serbia. "
        "The foreign ministry said the move was temporary."
    )
    art = article_from_text(one_line)
    assert art.body.startswith("Albania recalled")
    assert art.dateline is not None
    wire = article_from_text(WIRE)
    assert wire.body.startswith("Kyrgyz Foreign Minister")
    assert "Share this article" not in wire.body


def test_html_keeps_its_minimum_length() -> None:
    from dateline.ingest import article_from_html

    page = f"<html><body><article><p>{SHORT}</p></article></body></html>"
    with pytest.raises(InputError, match="no article text found"):
        article_from_html(page)


_WORD = st.sampled_from(
    ["Ankara", "Tehran", "troops", "police", "the", "talks", "rebels", "met", "condemned",
     "hosted", "Minister", "envoy", "on", "in", "Monday", "U.S.", "border", "aid", "signed"]
)  # fmt: skip
_OPENING = st.sampled_from(["Officials", "Kenya", "The army", "Protesters", "BAKU", "Police"])


@settings(max_examples=150, deadline=None)
@given(
    opening=_OPENING,
    words=st.lists(_WORD, min_size=1, max_size=12),
    sep=st.sampled_from(["", " —", ":", " -", ","]),
    end=st.sampled_from([".", "!", "?", ""]),
)
def test_a_short_sentence_body_equals_its_input(
    opening: str, words: list[str], sep: str, end: str
) -> None:
    text = f"{opening}{sep} {' '.join(words)}{end}"
    art = article_from_text(text)
    assert art.body == text


# --- development sentence sets: counts in, counts out -------------------------------------


def _sentence_sets(shared: Path) -> dict[str, list[str]]:
    data = shared / "data"
    return {
        "plover-gsr": [r.text for r in load_plover(data / "plover-gsr")],
        "conflibert-cameo": [r.text for r in load_penta(data / "conflibert-cameo")],
        "petrarch2-validation": [r.text for r in load_petrarch(data / "petrarch2-validation")],
    }


@pytest.mark.shared
def test_every_sentence_record_comes_back_as_a_document(
    shared_dir: Path, tmp_path: Path, pipe: Pipeline
) -> None:
    for name, texts in _sentence_sets(shared_dir).items():
        texts = [t for t in texts if t.strip()]
        path = tmp_path / f"{name}.jsonl"
        _records(path, texts)
        out = list(code_inputs([str(path)], pipeline=pipe))
        assert len(out) == len(texts), name
        errors = [o for o in out if not isinstance(o, Document)]
        assert errors == [], (name, errors[:3])
        docs = [o for o in out if isinstance(o, Document)]
        assert [d.article.input_id for d in docs] == [str(i) for i in range(len(texts))]
        # one-sentence records come back as given (bar trailing whitespace)
        assert [d.article.body for d in docs] == [t.rstrip() for t in texts], name
