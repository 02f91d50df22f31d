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
    [("Nov. 9, 2018", "2018-11-09"), ("March 25", "2018-03-25"), ("Sept. 2020", "2020-09-01")],
)
def test_common_forms_without_dateparser(text: str, date: str) -> None:
    resolved = resolve_date(text, BASE)
    assert resolved is not None and resolved.date == date


# TempEval-3 (dateline eval dates) showed past-only readings of dates without a year wrong
# for most dates named shortly after publication, and missed common relative forms.
@pytest.mark.parametrize(
    ("text", "base", "date", "precision"),
    [
        # a month and day without a year: the coming one up to three months ahead...
        ("December 25", BASE, "2018-12-25", "day"),
        ("Jan. 14", dt.date(2000, 1, 6), "2000-01-14", "day"),
        ("Jan. 3", dt.date(1989, 11, 1), "1990-01-03", "day"),
        # ... else the last one; and a date just before New Year's stays in the old year
        ("March 25", BASE, "2018-03-25", "day"),
        ("June 1", dt.date(1989, 10, 26), "1989-06-01", "day"),
        ("Dec. 28", dt.date(2019, 1, 3), "2018-12-28", "day"),
        # a month alone: the same rule, by months
        ("April", dt.date(1999, 3, 12), "1999-04-01", "month"),
        ("February", dt.date(1998, 12, 3), "1999-02-01", "month"),
        ("in October", BASE, "2018-10-01", "month"),
        ("August", dt.date(1998, 2, 13), "1997-08-01", "month"),
        ("November", BASE, "2018-11-01", "month"),
        # last / next / this with a month name
        ("last October", dt.date(1999, 2, 6), "1998-10-01", "month"),
        ("last November", BASE, "2017-11-01", "month"),
        ("next March", BASE, "2019-03-01", "month"),
        ("this September", BASE, "2018-09-01", "month"),
        # parts of a period, hedged counts, clock times and parts of the day
        ("mid-November", BASE, "2018-11-01", "month"),
        ("late-November", dt.date(2000, 1, 28), "1999-11-01", "month"),
        ("mid-1996", BASE, "1996-01-01", "year"),
        ("almost four years ago", dt.date(1999, 3, 12), "1995-01-01", "year"),
        ("Friday night", dt.date(2000, 1, 7), "2000-01-07", "day"),
        ("Wednesday evening", dt.date(2000, 3, 29), "2000-03-29", "day"),
        ("9 a.m. EST Monday", BASE, "2018-11-12", "day"),
        ("Monday, Oct. 26", dt.date(1998, 10, 25), "1998-10-26", "day"),
        ("Friday's", BASE, "2018-11-09", "day"),
        ("earlier this month", BASE, "2018-11-01", "month"),
        ("earlier this year", BASE, "2018-01-01", "year"),
        ("earlier Sunday", BASE, "2018-11-11", "day"),
        ("the end of 1990", BASE, "1990-01-01", "year"),
        ("the end of the year", BASE, "2018-01-01", "year"),
        ("the beginning of October", BASE, "2018-10-01", "month"),
        ("around Nov. 1", BASE, "2018-11-01", "day"),
        ("this morning", BASE, "2018-11-12", "day"),
        ("later this afternoon", BASE, "2018-11-12", "day"),
        ("last night", BASE, "2018-11-11", "day"),
        ("noon Saturday", BASE, "2018-11-10", "day"),
    ],
)
def test_dates_without_a_year_and_relative_forms(
    text: str, base: dt.date, date: str, precision: str
) -> None:
    resolved = resolve_date(text, base)
    assert resolved is not None
    assert (resolved.date, resolved.precision) == (date, precision)


@pytest.mark.parametrize(
    "text",
    [
        "later that year",
        "a year earlier",
        "the following month",
        "about five years",
        "the year",
        "the end of the war",
        "10:35 a.m.",
        "the morning",
    ],
)
def test_dates_relative_to_another_date_are_not_resolved(text: str) -> None:
    # They count from a date the sentence does not give, not from publication.
    assert resolve_date(text, BASE) is None


def test_an_event_takes_the_day_of_a_time_expression() -> None:
    # The small model labels "Sunday night" TIME, not DATE; the event is still Sunday's.
    from dateline.model import Article
    from dateline.pipeline import Pipeline

    doc = Pipeline().code(
        Article(
            body="Police arrested two protesters in Nairobi on Sunday night.",
            language="en",
            published="2018-11-14",
        )
    )
    assert doc.events
    assert {(e.date, e.date_source) for e in doc.events} == {("2018-11-11", "sentence")}
