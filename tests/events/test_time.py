from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.events.time import resolve_date

BASE = dt.date(2018, 11, 12)  # a Monday


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("November 9", "2018-11-09", "day"),
        ("on Friday", "2018-11-09", "day"),
        ("in June 2018", "2018-06-01", "month"),
        ("September this year", "2018-09-01", "month"),
        ("last year", "2017-01-01", "year"),
        ("2016", "2016-01-01", "year"),
        ("yesterday", "2018-11-11", "day"),
        ("March 3, 2015", "2015-03-03", "day"),
    ],
)
def test_time_expressions_resolve_against_publication(text: str, date: str, precision: str) -> None:
    resolved = resolve_date(text, BASE)
    assert resolved is not None
    assert (resolved.date, resolved.precision) == (date, precision)


@pytest.mark.parametrize(
    "text", ["five years", "recent years", "1990-1994", "the fifth anniversary", "decades"]
)
def test_durations_and_spans_are_not_dates(text: str) -> None:
    assert resolve_date(text, BASE) is None


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_any_text_resolves_or_returns_none(text: str) -> None:
    resolved = resolve_date(text, BASE)
    if resolved is not None:
        dt.date.fromisoformat(resolved.date)
        assert resolved.precision in {"day", "month", "year"}


def test_the_publication_weekday_is_the_publication_day() -> None:
    # A wire story published on Monday that says "on Monday" means that day, not a week ago.
    resolved = resolve_date("on Monday", BASE)
    assert resolved is not None and resolved.date == "2018-11-12"


@pytest.mark.parametrize(
    ("text", "date"),
    [("Nov. 9, 2018", "2018-11-09"), ("December 25", "2017-12-25"), ("Sept. 2020", "2020-09-01")],
)
def test_common_forms_without_dateparser(text: str, date: str) -> None:
    resolved = resolve_date(text, BASE)
    assert resolved is not None and resolved.date == date
