"""Resolving time expressions ("November 9", "last week", "in June 2018") to ISO dates.

Relative expressions resolve against the article's publication date. dateparser does the
calendar arithmetic; this module decides which expressions are dates at all (dateparser
happily reads "five years" as five years ago) and how precise the result is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from dateparser.date import DateDataParser

_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    "july|august|september|october|november|december"
)
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# An expression must contain one of these anchors to be read as a calendar date.
_ANCHOR = re.compile(
    rf"\b({_MONTHS}|{_WEEKDAYS}|today|yesterday|tonight|tomorrow|ago|"
    r"(last|next|this|previous|past|coming)\s+(week|month|year|weekend)|"
    r"(1[89]|20)\d\d)\b",
    re.IGNORECASE,
)
# Expressions that name a span of time rather than a point ("1990-1994", "recent years").
_SPAN = re.compile(r"\b(\d{4})\s*[-–]\s*(\d{2,4})\b|\brecent\b|\bdecades?\b|\bcentur", re.I)
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
# A unit of time written with a capital is part of a name, never a date: ABC's "This Week",
# "Last Week Tonight". Prose writes "this week" and "Last year" (at a sentence's start).
_TITLED_UNIT = re.compile(r"\b(Week|Weekend|Month|Year)\b")
_LEADING = re.compile(
    r"^(on|in|at|by|since|from|during|early|late|mid|earlier|later|around|about|the)\s+",
    re.I,
)
# "mid-November", "late-1996", "the end of 1990", "the beginning of October": the part of a
# period names the period, at its precision.
_PART_OF = re.compile(
    r"^((early|late|mid)-(?=\w)|(the\s+)?(very\s+)?(end|beginning|start|middle)\s+of\s+)", re.I
)
# "the end of the year" is this year's end, "the end of the month" this month's.
_THE_PERIOD = re.compile(r"^the\s+(year|month)$", re.I)
# Hedges on a count back in time: "almost four years ago" is dated like "four years ago".
_HEDGE = re.compile(
    r"^(almost|nearly|about|around|roughly|some|just|only|more than|less than|over)\s+", re.I
)
# A clock time or part of the day adds nothing a day-precise date can hold ("9 a.m. EST
# Tuesday", "Wednesday night"), and "Monday, Oct. 26" is dated by its month and day.
_CLOCK = re.compile(r"^(\d{1,2}(:\d\d)?\s*[ap]\.?m\.?|noon|midnight)(\s+[a-z]{2,4}t)?,?\s+", re.I)
# Parts of the publication day and the night before it ("said this morning", "clashes last
# night"): the small model labels them TIME, and they are dates to a day-precise date.
_SAME_DAY = re.compile(r"^((earlier|later)\s+)?this\s+(morning|afternoon|evening)$", re.I)
_LAST_NIGHT = re.compile(r"^late\s+last\s+night$|^last\s+night$", re.I)
_DAY_PART = re.compile(r"(?<=\w)\s+(morning|afternoon|evening|night)$", re.I)
_WEEKDAY_BEFORE_DATE = re.compile(rf"^({_WEEKDAYS}),?\s+(?=({_MONTHS})\b\.?\s+\d)", re.I)
_PERIOD_TO_PRECISION = {
    "day": "day",
    "week": "day",
    "time": "day",
    "month": "month",
    "year": "year",
}


@dataclass(frozen=True)
class ResolvedDate:
    date: str  # ISO date; the first day of the month or year when less precise
    precision: str  # day | month | year
    text: str


# How many leading characters of an ISO date a precision holds.
PRECISION_WIDTH = {"day": 10, "month": 7, "year": 4}


def lies_before(when: ResolvedDate, other: ResolvedDate) -> bool:
    """``when`` lies before ``other``, compared at ``other``'s precision (March 3 does not
    lie before "March")."""
    width = PRECISION_WIDTH[other.precision]
    return when.date[:width] < other.date[:width]


@lru_cache(maxsize=64)
def _parser(base: dt.datetime) -> DateDataParser:
    # dateparser takes its relative base in the parser's settings, so one parser per base date.
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    return DateDataParser(languages=["en"], settings=settings)


def _normalise(text: str) -> str:
    """The expression without what does not change its date: prepositions, hedges, clock
    times, parts of the day, a weekday before a full date, a possessive."""
    cleaned = text.strip().removesuffix("'s").removesuffix("’s")
    if _SAME_DAY.match(cleaned):
        return "today"
    if _LAST_NIGHT.match(cleaned):
        return "yesterday"
    previous = None
    while cleaned != previous:
        previous = cleaned
        cleaned = _LEADING.sub("", cleaned, count=1)
        cleaned = _PART_OF.sub("", cleaned, count=1)
        cleaned = _CLOCK.sub("", cleaned, count=1)
        cleaned = _WEEKDAY_BEFORE_DATE.sub("", cleaned, count=1)
        cleaned = _DAY_PART.sub("", cleaned, count=1)
        cleaned = _THE_PERIOD.sub(r"this \1", cleaned, count=1)
        if re.search(r"\bago$", cleaned, re.I):
            cleaned = _HEDGE.sub("", cleaned, count=1)
    return cleaned


@lru_cache(maxsize=4096)
def resolve_date(
    text: str, base: dt.date | None, ahead: bool = False, *, past: bool = False
) -> ResolvedDate | None:
    """Resolve one time expression against ``base`` (the publication date), or None.
    ``ahead``: the event lies ahead of publication ("will meet on Tuesday", "plans to visit
    in September"), so a bare weekday, month or month and day is the coming one. ``past``:
    the event is told as past ("removed him in April", "met on September 3"), so they are
    the last one, however recent. With neither, a month or a month and day shortly after
    publication is the coming one (see UPCOMING_DAYS)."""
    if _TITLED_UNIT.search(text):
        return None
    cleaned = _normalise(text)
    if not cleaned or not _ANCHOR.search(cleaned) or _SPAN.search(cleaned):
        return None
    if base is None and not _YEAR.search(cleaned):
        # Without a publication date, "Tuesday" or "March 4" cannot be placed in time.
        return None
    base_dt = dt.datetime.combine(base, dt.time()) if base else dt.datetime(2000, 1, 1)
    if base:
        cleaned = re.sub(r"\bthis year\b", str(base.year), cleaned, flags=re.I)
        cleaned = re.sub(r"\blast year\b", str(base.year - 1), cleaned, flags=re.I)
    fast = _common_form(cleaned, base_dt.date(), "ahead" if ahead else "past" if past else None)
    if fast is not None:
        value, precision = fast
    else:
        data = _parser(base_dt).get_date_data(cleaned)
        if data.date_obj is None:
            return None
        precision = _PERIOD_TO_PRECISION.get(data.period or "day", "day")
        value = data.date_obj.date()
    if precision == "month":
        value = value.replace(day=1)
    elif precision == "year":
        value = value.replace(month=1, day=1)
    # A bare relative date cannot lie after publication in past-tense news; "next week" can.
    return ResolvedDate(value.isoformat(), precision, text)


_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAY_NUMBERS = {name: i for i, name in enumerate(_WEEKDAYS.split("|"))}
# A date without a year up to this far after publication is the coming one (talks set "for
# Jan. 14", an election "in March"); any other is the last one. News names dates of the
# current year without the year (AP style), and upcoming dates are mostly weeks, not months,
# ahead; a past date nine months back and more is usually given its year.
UPCOMING_DAYS = 92
UPCOMING_MONTHS = 3
_MONTH_ONLY = re.compile(r"^(?:(last|next|this|past|coming)\s+)?([a-z]+)\.?$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?,? (\d{4})$")
_RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
# "last week", "earlier this week": the day is unknown, so the week is dated to its month (the
# month of the day a week away, as the labelling guides date them), at month precision.
_WEEK = re.compile(r"^(?:(?:earlier|later)\s+)?(last|past|previous|this|next|coming)\s+week$")
_WEEK_OFFSET = {"last": -7, "past": -7, "previous": -7, "this": 0, "next": 7, "coming": 7}


def week_days(text: str, base: dt.date) -> tuple[dt.date, dt.date] | None:
    """The days a past week phrase spans: "this week" and "earlier this week" from Monday to
    ``base`` (publication), "last week" Monday to Sunday of the week before; else None."""
    match = _WEEK.match(_normalise(text).lower())
    if match is None or _WEEK_OFFSET[match.group(1)] > 0:
        return None
    monday = base - dt.timedelta(days=base.weekday())
    if _WEEK_OFFSET[match.group(1)] == 0:
        return monday, base
    return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)


def days_spanned(when: ResolvedDate, base: dt.date) -> tuple[dt.date, dt.date] | None:
    """The days a past date less precise than a day spans, up to ``base`` (publication): a
    week phrase's (see ``week_days``), a month's ("last month", "in February"); else None."""
    week = week_days(when.text, base)
    if week is not None or when.precision != "month":
        return week
    first = dt.date.fromisoformat(when.date)
    following = (first + dt.timedelta(days=31)).replace(day=1)
    last = min(following - dt.timedelta(days=1), base)
    return (first, last) if first <= last else None


def _common_form(
    text: str, base: dt.date, direction: str | None = None
) -> tuple[dt.date, str] | None:
    """The forms wire copy uses most ("November 9", "Nov. 9, 2018", "June 2018", "2019",
    "Friday", "yesterday", "last October"), computed directly: dateparser costs a
    millisecond or more per call, and these are most of the calls. Same answers as
    dateparser with past preference (checked on every date phrase of the VOA stories against
    four publication dates), but for deliberate differences: the publication day's own
    weekday is that day ("said on Friday" in Friday's paper), where dateparser goes back a
    week; a month or a month and day without a year shortly after publication is the coming
    one (see UPCOMING_DAYS), where dateparser goes back a year. ``direction`` "ahead": a
    weekday, month or month and day is the coming one (the publication day, or month, stays
    itself); "past": the last one. Anything else goes to dateparser."""
    ahead = direction == "ahead"
    lowered = text.lower()
    if lowered in _RELATIVE_DAYS:
        return base + dt.timedelta(days=_RELATIVE_DAYS[lowered]), "day"
    match = _WEEK.match(lowered)
    if match:
        return base + dt.timedelta(days=_WEEK_OFFSET[match.group(1)]), "month"
    if lowered in _WEEKDAY_NUMBERS:
        if ahead:
            forward = (_WEEKDAY_NUMBERS[lowered] - base.weekday()) % 7
            return base + dt.timedelta(days=forward), "day"
        back = (base.weekday() - _WEEKDAY_NUMBERS[lowered]) % 7
        return base - dt.timedelta(days=back), "day"
    if re.fullmatch(r"(1[89]|20)\d\d", lowered):
        return dt.date(int(lowered), 1, 1), "year"
    match = _MONTH_YEAR.match(lowered)
    if match and match.group(1) in _MONTH_NUMBERS:
        return dt.date(int(match.group(2)), _MONTH_NUMBERS[match.group(1)], 1), "month"
    if lowered == "this month":
        return base.replace(day=1), "month"
    match = _MONTH_ONLY.match(lowered)
    if match and match.group(2) in _MONTH_NUMBERS:
        month = _MONTH_NUMBERS[match.group(2)]
        return _month_of(match.group(1), month, base, direction), "month"
    match = _MONTH_DAY.match(lowered)
    if match and match.group(1) in _MONTH_NUMBERS:
        month, day = _MONTH_NUMBERS[match.group(1)], int(match.group(2))
        try:
            if match.group(3):
                return dt.date(int(match.group(3)), month, day), "day"
            value = dt.date(base.year, month, day)
            if direction is not None:
                value = _nearest_year(value, base, direction)
            elif (value - base).days > UPCOMING_DAYS:
                value = dt.date(base.year - 1, month, day)
            elif (base - value).days > 366 - UPCOMING_DAYS:
                value = dt.date(base.year + 1, month, day)
        except ValueError:
            return None  # "Feb. 29" of a year without one, "June 31"
        return value, "day"
    return None


def _nearest_year(value: dt.date, base: dt.date, direction: str) -> dt.date:
    """A month and day placed in the publication's year, moved to the year that puts it on
    ``direction``'s side of publication ("ahead": on or after it; "past": on or before it)."""
    if direction == "past" and value > base:
        return value.replace(year=value.year - 1)
    if direction == "ahead" and value < base:
        return value.replace(year=value.year + 1)
    return value


def _month_of(
    relation: str | None, month: int, base: dt.date, direction: str | None = None
) -> dt.date:
    """The month named with no year: "last October" is the latest before the publication's
    month, "next March" the first after it, "this September" the publication year's; a bare
    "April" the coming one up to UPCOMING_MONTHS ahead, else the last one (this month's is
    this month). A bare month of an act told as past (``direction`` "past") is the last one,
    of an act that lies ahead ("ahead") the coming one."""
    ahead = (month - base.month) % 12  # months from the publication's month forward
    if relation in ("last", "past"):
        ahead = ahead - 12 if ahead else -12
    elif relation in ("next", "coming"):
        ahead = ahead or 12
    elif relation == "this":
        ahead = month - base.month
    elif direction == "past":
        ahead = ahead - 12 if ahead else 0
    elif direction != "ahead" and ahead > UPCOMING_MONTHS:
        ahead -= 12
    index = base.year * 12 + base.month - 1 + ahead
    return dt.date(index // 12, index % 12 + 1, 1)


def parse_iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


# --- time frames of a story -----------------------------------------------------------------

# The lead's date is the story's time frame when it is news: a day at most this many days
# before publication ("Militants attacked a train Tuesday" in Wednesday's paper; "On Feb. 24,
# the agency broke up a cell" in a feature of mid-March). An older date in the lead is
# background, not the frame.
FRAME_DAYS = 21
# News paragraphs hold one to three sentences: a year set in one reaches this many sentences
# on (further only through sentences that carry on their subject).
PARAGRAPH_SENTENCES = 3
# The sentences of a story's lead (a headline left in the body may be the first).
LEAD_SENTENCES = 2
# A "paragraph" of more than this many sentences is a section whose paragraph breaks were
# lost (only the breaks around its heading are kept): news paragraphs hold one to three.
SECTION_SENTENCES = 5


@dataclass(frozen=True)
class SentenceTime:
    """What one sentence of a story says about time, for :func:`time_frames`."""

    paragraph: int | None  # index of its paragraph; None: the text has no paragraph breaks
    date: ResolvedDate | None  # the date its main clause is told at, if any
    # Its subject carries on the sentence before it ("He urged ..."): in a text without
    # paragraph breaks, it stays in that sentence's time frame.
    continues: bool = False
    # A date of a noun it names ("welcomed *Tuesday's* announcement"): the day of the news
    # it reacts to.
    anchor: ResolvedDate | None = None
    # Its speaker adds to what the sentence before said ("..., the spokesperson *added* in
    # a statement emailed on Wednesday"): with ``continues``, its date is that sentence's.
    adds: bool = False


@dataclass(frozen=True)
class Frame:
    """The dates an act that its own clause chain does not date may take."""

    sentence: ResolvedDate | None  # the date its sentence's main clause is told at
    paragraph: ResolvedDate | None  # the date the sentences before it in its paragraph set
    story: ResolvedDate | None  # the lead's date, when the lead is recent news
    # For an act told as past after a lead that names the day of its news ("welcomed
    # Tuesday's announcement"): that day.
    reported: ResolvedDate | None = None


def time_frames(sentences: Sequence[SentenceTime], published: dt.date | None) -> list[Frame]:
    """For each sentence, the time frames an act in it may take: its own main clause's date,
    its paragraph's (the last date the main clauses before it in the same paragraph were
    told at; in a text whose paragraph breaks are lost, the sentences that carry on the
    subject of the one before them make a paragraph) and the story's (the first date of
    its lead, when that is a day at most FRAME_DAYS before publication: a story's news, not
    its background). A lead without such a date that reacts to a recent day's news
    ("lawmakers welcomed *Tuesday's* announcement") gives the later sentences that day as the
    time of what they report (``reported``), not as the time of the reactions."""
    sentences = _added_to(sentences)
    lead = sentences[:LEAD_SENTENCES]
    story = next((s.date for s in lead if s.date is not None and _is_news(s.date, published)), None)
    anchors = [
        (i, s.anchor)
        for i, s in enumerate(lead)
        if story is None and s.anchor is not None and _is_news(s.anchor, published)
    ]
    sizes = Counter(s.paragraph for s in sentences if s.paragraph is not None)
    frames: list[Frame] = []
    current: ResolvedDate | None = None
    paragraph: int | None = None
    since = 0  # sentences since ``current`` was set
    for index, sentence in enumerate(sentences):
        reported = anchors[0][1] if anchors and index > anchors[0][0] else None
        since += 1
        background = current is not None and current.precision == "year"
        vague = current is not None and current.precision != "day"
        # Without paragraph breaks, only a sentence that carries on the subject before it
        # stays in its frame. A year is background ("In 2017, China released a plan"): past
        # what a news paragraph holds (a section under a heading whose breaks are lost), it
        # frames only such sentences too.
        bounded = (
            sentence.paragraph is None
            or (sizes[sentence.paragraph] > SECTION_SENTENCES and vague)
            or (background and since > PARAGRAPH_SENTENCES)
        )
        if bounded and not (sentence.continues or sentence.adds):
            current = None
        if sentence.paragraph is not None and sentence.paragraph != paragraph:
            current, paragraph = None, sentence.paragraph
        frames.append(Frame(sentence.date, current, story, reported))
        if sentence.date is not None:
            current, since = sentence.date, 0
    return frames


def _added_to(sentences: Sequence[SentenceTime]) -> list[SentenceTime]:
    """The sentences, each undated one followed by a sentence whose speaker carries on and
    adds to it at a date ("X reaffirmed its call. '...,' X added in an email on Wednesday")
    told at that date: the two are one statement."""
    told = list(sentences)
    for index in range(len(told) - 2, -1, -1):
        after = told[index + 1]
        if (
            told[index].date is None
            and after.date is not None
            and after.adds
            and after.continues
            and after.paragraph == told[index].paragraph
        ):
            told[index] = replace(told[index], date=after.date)
    return told


def _is_news(date: ResolvedDate, published: dt.date | None) -> bool:
    if published is None or date.precision != "day":
        return False
    return 0 <= (published - dt.date.fromisoformat(date.date)).days <= FRAME_DAYS


# --- dates told relative to another date of the sentence -------------------------------------

# "the previous year", "the following day", "the month before", "a day earlier", "two weeks
# later": counted from the date of the clause they hang from ("warned in July that attacks
# had doubled from the previous year"), not from publication.
_FRAME_RELATIVE = re.compile(
    r"^(?:the\s+)?(?:(?P<dir1>previous|preceding|prior|following|next)\s+(?P<unit1>day|week|month|year)"
    r"|(?P<unit2>day|week|month|year)\s+(?P<dir2>before|after)"
    r"|(?P<count>a|an|one|two|three|four|five|six|seven|\d+)\s+(?P<unit3>day|week|month|year)s?"
    r"\s+(?P<dir3>earlier|later|before|after))$",
    re.I,
)
_BACKWARD = frozenset({"previous", "preceding", "prior", "before", "earlier"})
_COUNTS = {
    **dict.fromkeys(("a", "an", "one"), 1),
    **{word: n for n, word in enumerate(("two", "three", "four", "five", "six", "seven"), 2)},
}
# The precision a unit of a relative date keeps (a week away is dated to its day, as a day).
_UNIT_PRECISION = {"day": "day", "week": "day", "month": "month", "year": "year"}
_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}


def is_relative(text: str) -> bool:
    """``text`` counts from another date of its story: "the previous year", "a day later"."""
    return _FRAME_RELATIVE.match(text.strip().removesuffix("'s").removesuffix("’s")) is not None


def resolve_relative(text: str, anchor: ResolvedDate) -> ResolvedDate | None:
    """``text`` ("the previous year", "a day earlier") counted from ``anchor``, the date of
    the clause it hangs from; None when it is no such expression or ``anchor`` is less
    precise than its unit (a day before a month is unknown)."""
    match = _FRAME_RELATIVE.match(text.strip().removesuffix("'s").removesuffix("’s"))
    if match is None:
        return None
    groups = match.groupdict()
    unit = (groups["unit1"] or groups["unit2"] or groups["unit3"]).lower()
    direction = (groups["dir1"] or groups["dir2"] or groups["dir3"]).lower()
    count_text = (groups["count"] or "one").lower()
    count = int(count_text) if count_text.isdigit() else _COUNTS[count_text]
    precision = _UNIT_PRECISION[unit]
    if _PRECISION_RANK[anchor.precision] < _PRECISION_RANK[precision]:
        return None
    sign = -1 if direction in _BACKWARD else 1
    base = dt.date.fromisoformat(anchor.date)
    if unit in ("day", "week"):
        value = base + dt.timedelta(days=sign * count * (7 if unit == "week" else 1))
    else:
        months = sign * count * (12 if unit == "year" else 1)
        index = base.year * 12 + base.month - 1 + months
        value = dt.date(index // 12, index % 12 + 1, 1)
    if precision == "year":
        value = value.replace(month=1, day=1)
    return ResolvedDate(value.isoformat(), precision, text)
