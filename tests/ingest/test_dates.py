"""Plausible dates only (issue #20): a record, page, dateline or ``--published`` date outside
the window of plausible dates is ignored with a warning, and the next source is used."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from ingest_samples import PAGE, WIRE

from dateline.ingest import DATE_WINDOW_ENV, article_from_text, date_window, read_inputs
from dateline.model import FIRST_STORABLE_DATE, LAST_STORABLE_DATE, Article

# Each stands for a known way an impossible date arrives: placeholders, a sign, overflow.
IMPOSSIBLE = ["-5000-01-01", "0001-01-01", "0002-01-01", "9999-12-31", "1899-12-31"]
# A dateline that carries a full date: the next source after a record's own date.
DATED_WIRE = WIRE.replace("BISHKEK (Dateline Wire) —", "BISHKEK, March 3, 2023 (Dateline Wire) —")


def one(path: Path, **kw: str) -> Article:
    (art,) = read_inputs([str(path)], **kw)
    assert isinstance(art, Article), art
    return art


@pytest.mark.parametrize("bad", IMPOSSIBLE)
def test_impossible_record_date_gives_way_to_the_next_source(tmp_path: Path, bad: str) -> None:
    p = tmp_path / "records.jsonl"
    records = [
        {"id": "a", "text": WIRE, "published": bad},
        {"id": "b", "text": DATED_WIRE, "published": bad},
    ]
    p.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    plain, dated = read_inputs([str(p)], published="2024-04-02")
    assert isinstance(plain, Article) and isinstance(dated, Article)
    assert (plain.published, plain.published_source) == ("2024-04-02", "option")
    assert (dated.published, dated.published_source) == ("2023-03-03", "dateline")
    for art in (plain, dated):
        (warning,) = art.warnings
        assert warning.startswith("record date ") and "ignored" in warning
        assert str(date_window()) in warning


@pytest.mark.parametrize("bad", IMPOSSIBLE)
def test_impossible_option_date_is_ignored(tmp_path: Path, bad: str) -> None:
    p = tmp_path / "wire.txt"
    p.write_text(WIRE, encoding="utf-8")
    art = one(p, published=bad)
    assert (art.published, art.published_source) == (None, "none")
    assert len(art.warnings) == 1 and "--published date" in art.warnings[0]


def test_impossible_record_date_on_a_page_gives_way_to_the_page_date(tmp_path: Path) -> None:
    p = tmp_path / "page.jsonl"
    p.write_text(json.dumps({"html": PAGE, "published": "9999-12-31"}) + "\n", encoding="utf-8")
    art = one(p)
    assert (art.published, art.published_source) == ("2024-06-17", "html")
    assert len(art.warnings) == 1


def test_plausible_dates_leave_no_warning(tmp_path: Path) -> None:
    art = article_from_text(WIRE, record_published="1990-05-01", published="2024-04-02")
    assert (art.published, art.published_source, art.warnings) == ("1990-05-01", "record", [])


def test_default_window_and_its_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATE_WINDOW_ENV, raising=False)
    window = date_window(today=date(2026, 12, 7))
    assert (window.first, window.last) == (date(1900, 1, 1), date(2027, 12, 7))
    monkeypatch.setenv(DATE_WINDOW_ENV, "1990-01-01..")
    assert date_window(today=date(2026, 12, 7)).first == date(1990, 1, 1)
    art = article_from_text(WIRE, record_published="1985-06-01")
    assert art.published is None and art.warnings
    # Whatever the setting, no window reaches outside what the tables can hold.
    monkeypatch.setenv(DATE_WINDOW_ENV, "0001-01-01..9999-12-31")
    window = date_window()
    assert (window.first, window.last) == (FIRST_STORABLE_DATE, LAST_STORABLE_DATE)
    for bad in ("1990", "2000-01-01..1990-01-01", "soon..later"):
        monkeypatch.setenv(DATE_WINDOW_ENV, bad)
        with pytest.raises(ValueError, match=DATE_WINDOW_ENV):
            date_window()
