from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.events.time import (
    ResolvedDate,
    SentenceTime,
    days_spanned,
    lies_before,
    resolve_date,
    resolve_relative,
    time_frames,
    week_days,
)

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


# -- weeks, and the direction an act's tense gives ------------------------------------------

WEDNESDAY = dt.date(2025, 3, 12)


@pytest.mark.parametrize(
    ("text", "base", "date"),
    [
        ("last week", WEDNESDAY, "2025-03-01"),
        ("earlier this week", WEDNESDAY, "2025-03-01"),
        ("the past week", WEDNESDAY, "2025-03-01"),
        ("next week", WEDNESDAY, "2025-03-01"),
        # The week before the 3rd of a month lies in the month before.
        ("last week", dt.date(2025, 3, 3), "2025-02-01"),
        ("next week", dt.date(2025, 3, 28), "2025-04-01"),
    ],
)
def test_a_week_is_dated_to_its_month(text: str, base: dt.date, date: str) -> None:
    resolved = resolve_date(text, base)
    assert resolved is not None
    assert (resolved.date, resolved.precision) == (date, "month")


def test_a_month_of_an_act_told_as_past_is_the_last_one() -> None:
    # Without a tense, a month shortly after publication is the coming one.
    assert resolve_date("in April", WEDNESDAY).date == "2025-04-01"  # type: ignore[union-attr]
    assert resolve_date("in April", WEDNESDAY, past=True).date == "2024-04-01"  # type: ignore[union-attr]
    assert resolve_date("in March", WEDNESDAY, past=True).date == "2025-03-01"  # type: ignore[union-attr]
    assert resolve_date("April 2", WEDNESDAY, past=True).date == "2024-04-02"  # type: ignore[union-attr]
    assert resolve_date("Saturday", WEDNESDAY, past=True).date == "2025-03-08"  # type: ignore[union-attr]


def test_a_month_of_an_act_ahead_is_the_coming_one() -> None:
    # Half a year ahead: without a tense the last September, for a planned act the next.
    assert resolve_date("in September", WEDNESDAY).date == "2024-09-01"  # type: ignore[union-attr]
    assert resolve_date("in September", WEDNESDAY, True).date == "2025-09-01"  # type: ignore[union-attr]
    assert resolve_date("January 5", dt.date(2025, 11, 20), True).date == "2026-01-05"  # type: ignore[union-attr]
    # "last" and "next" say the direction themselves.
    assert resolve_date("last April", WEDNESDAY, True).date == "2024-04-01"  # type: ignore[union-attr]


# -- time frames ----------------------------------------------------------------------------


def day(value: str) -> ResolvedDate:
    return ResolvedDate(value, "day", value)


def test_the_lead_sets_the_story_frame_when_it_is_news() -> None:
    sentences = [SentenceTime(None, day("2025-03-11")), SentenceTime(None, None)]
    sentences.append(SentenceTime(None, None))
    frames = time_frames(sentences, WEDNESDAY)
    assert [f.story for f in frames] == [day("2025-03-11")] * 3
    # Without paragraphs, a date does not carry over to the next sentence.
    assert [f.paragraph for f in frames] == [None, None, None]
    # The lead is its first sentences: a date further down is no story frame.
    late = [SentenceTime(None, None)] * 2 + [SentenceTime(None, day("2025-03-11"))]
    assert time_frames(late, WEDNESDAY)[-1].story is None


@pytest.mark.parametrize(
    "lead",
    [
        day("2025-02-10"),  # too old to be the story's news (more than three weeks)
        day("2025-03-14"),  # after publication
        ResolvedDate("2025-03-01", "month", "this month"),  # not a day
    ],
)
def test_a_lead_date_that_is_not_the_news_sets_no_frame(lead: ResolvedDate) -> None:
    frames = time_frames([SentenceTime(None, lead), SentenceTime(None, None)], WEDNESDAY)
    assert frames[1].story is None


def test_a_lead_up_to_three_weeks_old_is_still_the_story_frame() -> None:
    # A feature that opens on its news of a fortnight ago ("On Feb. 26, the agency broke up a
    # cell") is framed by that day.
    lead = day("2025-02-26")
    frames = time_frames([SentenceTime(None, lead), SentenceTime(None, None)], WEDNESDAY)
    assert frames[1].story == lead


def test_without_paragraphs_a_sentence_that_carries_on_its_subject_keeps_the_frame() -> None:
    monday = day("2025-03-10")
    sentences = [
        SentenceTime(None, monday),
        SentenceTime(None, None, continues=True),  # "He accused ..."
        SentenceTime(None, None, continues=True),
        SentenceTime(None, None),  # another subject
        SentenceTime(None, None, continues=True),
    ]
    frames = time_frames(sentences, WEDNESDAY)
    assert [f.paragraph for f in frames] == [None, monday, monday, None, None]


def test_a_year_frames_a_section_only_as_far_as_a_paragraph_reaches() -> None:
    # "In 2017, China released a plan" frames the sentences of its paragraph right after it.
    year = ResolvedDate("2017-01-01", "year", "2017")
    sentences = [SentenceTime(0, year)] + [SentenceTime(0, None)] * 4
    frames = time_frames(sentences, WEDNESDAY)
    assert [f.paragraph for f in frames] == [None, year, year, year, None]
    # A heading's break is kept but the paragraph breaks under it are lost: in a section
    # longer than a paragraph, a year frames only the sentences that carry on its subject.
    sentences = [SentenceTime(0, year), SentenceTime(0, None, continues=True)]
    sentences += [SentenceTime(0, None)] * 4
    frames = time_frames(sentences, WEDNESDAY)
    assert [f.paragraph for f in frames] == [None, year, None, None, None, None]
    # A day carries on through the section.
    tuesday = day("2025-03-11")
    sentences = [SentenceTime(0, tuesday)] + [SentenceTime(0, None)] * 5
    assert time_frames(sentences, WEDNESDAY)[-1].paragraph == tuesday


def test_a_vague_date_frames_a_long_section_only_while_its_subject_carries_on() -> None:
    # A section of many sentences under a heading is paragraphs whose breaks were lost:
    # "Earlier this week, he was criticized ..." does not frame the next subject's act.
    tuesday = day("2025-03-11")
    week = ResolvedDate("2025-03-01", "month", "earlier this week")
    sentences = [SentenceTime(0, tuesday)] + [SentenceTime(0, None)] * 3
    sentences += [SentenceTime(0, week), SentenceTime(0, None, continues=True)]
    sentences.append(SentenceTime(0, None))
    frames = time_frames(sentences, WEDNESDAY)
    assert [f.paragraph for f in frames] == [None] + [tuesday] * 4 + [week, None]
    # A paragraph of a few sentences keeps it.
    sentences = [SentenceTime(1, week), SentenceTime(1, None), SentenceTime(1, None)]
    assert time_frames(sentences, WEDNESDAY)[-1].paragraph == week


def test_a_speaker_who_adds_to_the_sentence_before_stays_in_its_frame() -> None:
    # "In 2019, the court ruled ... . The judges added that ...": one statement.
    year = ResolvedDate("2019-01-01", "year", "2019")
    sentences = [SentenceTime(None, year), SentenceTime(None, None, adds=True)]
    sentences.append(SentenceTime(None, None))
    frames = time_frames(sentences, WEDNESDAY)
    assert [f.paragraph for f in frames] == [None, year, None]


def test_the_days_a_week_or_a_month_spans() -> None:
    monday = dt.date(2025, 3, 10)
    last_month = resolve_date("last month", monday)
    assert last_month is not None
    assert days_spanned(last_month, monday) == (dt.date(2025, 2, 1), dt.date(2025, 2, 28))
    # The publication's month and week end at publication.
    this_month = ResolvedDate("2025-03-01", "month", "earlier this month")
    assert days_spanned(this_month, monday) == (dt.date(2025, 3, 1), monday)
    last_week = resolve_date("last week", monday)
    assert last_week is not None
    assert days_spanned(last_week, monday) == (dt.date(2025, 3, 3), dt.date(2025, 3, 9))
    # A day or a year spans no such stretch.
    assert days_spanned(day("2025-03-04"), monday) is None
    assert days_spanned(ResolvedDate("2024-01-01", "year", "2024"), monday) is None


def test_a_lead_that_names_the_day_of_its_news_frames_what_later_sentences_report() -> None:
    # "Lawmakers welcomed Tuesday's announcement that ...": the welcoming is today's news,
    # the acts the story goes on to report are Tuesday's.
    tuesday = day("2025-03-11")
    sentences = [SentenceTime(None, None, anchor=tuesday), SentenceTime(None, None)]
    frames = time_frames(sentences, WEDNESDAY)
    assert [f.reported for f in frames] == [None, tuesday]
    assert [f.story for f in frames] == [None, None]
    # A lead told at a day of its own sets the story frame instead.
    sentences = [SentenceTime(None, day("2025-03-12"), anchor=tuesday), SentenceTime(None, None)]
    frames = time_frames(sentences, WEDNESDAY)
    assert frames[1].reported is None


def test_a_paragraph_keeps_its_last_date_until_the_next_paragraph() -> None:
    older, oldest = ResolvedDate("2024-04-01", "month", "April"), day("2019-05-02")
    sentences = [
        SentenceTime(0, None),
        SentenceTime(1, older),
        SentenceTime(1, None),
        SentenceTime(1, oldest),
        SentenceTime(1, None),
        SentenceTime(2, None),
    ]
    frames = time_frames(sentences, WEDNESDAY)
    assert [f.paragraph for f in frames] == [None, None, older, older, oldest, None]
    assert all(f.story is None for f in frames)


@pytest.mark.parametrize("text", ["This Week", "Last Week Tonight", "Next Year", "Last Month"])
def test_a_unit_of_time_with_a_capital_is_a_name_not_a_date(text: str) -> None:
    # Programme and show titles ("told ABC's This Week") name no time; in prose they do.
    assert resolve_date(text, BASE) is None
    assert resolve_date(text.lower(), BASE) is not None


def test_a_capitalised_relative_word_at_a_sentence_start_is_still_a_date() -> None:
    resolved = resolve_date("Last year", BASE)
    assert resolved is not None and resolved.date == "2017-01-01"


def test_a_sentence_its_speaker_adds_to_at_a_date_is_told_at_that_date() -> None:
    tuesday = day("2025-03-11")
    sentences = [
        SentenceTime(0, None),  # "X reaffirmed its call."
        SentenceTime(0, tuesday, continues=True, adds=True),  # "'...,' X added on Tuesday."
        SentenceTime(0, None),
    ]
    frames = time_frames(sentences, WEDNESDAY)
    assert [f.sentence for f in frames] == [tuesday, tuesday, None]
    # Not when another speaker adds, nor across a paragraph, nor when it says, not adds.
    for after in (
        SentenceTime(0, tuesday, adds=True),
        SentenceTime(1, tuesday, continues=True, adds=True),
        SentenceTime(0, tuesday, continues=True),
    ):
        assert time_frames([SentenceTime(0, None), after], WEDNESDAY)[0].sentence is None


@pytest.mark.parametrize(
    ("text", "anchor", "date", "precision"),
    [
        ("the previous year", ResolvedDate("2024-07-01", "month", "July"), "2023-01-01", "year"),
        ("the year before", ResolvedDate("2024-01-01", "year", "2024"), "2023-01-01", "year"),
        ("the following day", ResolvedDate("2025-02-28", "day", "Friday"), "2025-03-01", "day"),
        ("a day earlier", ResolvedDate("2025-03-11", "day", "Tuesday"), "2025-03-10", "day"),
        ("two weeks later", ResolvedDate("2025-03-11", "day", "Tuesday"), "2025-03-25", "day"),
        ("the previous month", ResolvedDate("2025-01-09", "day", "Jan. 9"), "2024-12-01", "month"),
    ],
)
def test_a_date_relative_to_another_counts_from_it(
    text: str, anchor: ResolvedDate, date: str, precision: str
) -> None:
    resolved = resolve_relative(text, anchor)
    assert resolved is not None
    assert (resolved.date, resolved.precision) == (date, precision)


def test_a_relative_date_finer_than_its_anchor_is_unknown() -> None:
    assert resolve_relative("a day earlier", ResolvedDate("2025-03-01", "month", "March")) is None
    assert resolve_relative("last year", ResolvedDate("2025-03-11", "day", "Tuesday")) is None


def test_a_date_lies_before_another_at_the_other_s_precision() -> None:
    march_3 = ResolvedDate("2025-03-03", "day", "March 3")
    assert not lies_before(march_3, ResolvedDate("2025-03-01", "month", "March"))
    assert lies_before(ResolvedDate("2015-01-01", "year", "2015"), march_3)


def test_a_past_week_spans_its_days() -> None:
    friday = dt.date(2024, 7, 5)
    assert week_days("This week", friday) == (dt.date(2024, 7, 1), friday)
    assert week_days("earlier this week", friday) == (dt.date(2024, 7, 1), friday)
    assert week_days("last week", friday) == (dt.date(2024, 6, 24), dt.date(2024, 6, 30))
    assert week_days("next week", friday) is None
    assert week_days("Tuesday", friday) is None
