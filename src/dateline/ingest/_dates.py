"""Dates in ingest: dateline dates ("Nov. 9", "March 3, 2023") and published values."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateline.model import FIRST_STORABLE_DATE, LAST_STORABLE_DATE

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# "March 3", "Nov. 9, 2018", "9 November", "9 Nov 2018"
DATE_TEXT_RE = (
    rf"(?:{MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_RE}(?:,?\s+\d{{4}})?)"
)

_PARTS = re.compile(
    r"(?P<a>[A-Za-z]+|\d+)\.?\s*(?:st|nd|rd|th)?,?\s+(?P<b>[A-Za-z]+|\d+)\.?(?:,?\s+(?P<y>\d{4}))?"
)

# A yearless dateline date is taken in the year that puts it at most this many days after
# the reference date (a story may be filed a day "ahead" across time zones), else before it.
YEARLESS_AHEAD_DAYS = 2


def parse_date_text(text: str, reference: date | None = None) -> date | None:
    """An ISO date for a dateline date. Without a year, the reference date's year is used
    (the year before when that would put the date after the reference); None when neither
    the text nor a reference gives the year, or the date does not exist."""
    m = _PARTS.fullmatch(text.strip())
    if not m:
        return None
    a, b = m.group("a"), m.group("b")
    month_word, day_s = (a, b) if a.isalpha() else (b, a)
    month = MONTHS.get(month_word[:4].casefold().rstrip(".")) or MONTHS.get(
        month_word[:3].casefold()
    )
    if month is None or not day_s.isdigit():
        return None
    day = int(day_s)
    year_s = m.group("y")
    try:
        if year_s:
            return date(int(year_s), month, day)
        if reference is None:
            return None
        candidate = date(reference.year, month, day)
        if (candidate - reference).days > YEARLESS_AHEAD_DAYS:
            candidate = date(reference.year - 1, month, day)
        return candidate
    except ValueError:
        return None


_ISO_PREFIX = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")


def normalise_published(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from a record or HTML value, or None if it is not a date.

    Accepts ISO dates and datetimes, and free-form dates such as "Nov 9, 2018" or
    "Fri, 09 Nov 2018 10:00:00 GMT" (parsed with dateparser, without any network access).
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    m = _ISO_PREFIX.match(text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    if len(text) > 80:
        return None
    import dateparser  # slow to import; only needed for free-form dates

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "STRICT_PARSING": True,  # day, month and year must all be there
            "RETURN_AS_TIMEZONE_AWARE": False,
            # no relative dates: "yesterday" in a stored record says nothing about today
            "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
        },
    )
    return parsed.date().isoformat() if parsed else None


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


# Record, HTML, dateline and --published dates outside this window are taken for errors
# ("0001-01-01", "9999-12-31" placeholders, a day and month swapped into the year...): they
# are ignored with a warning and the next source of the date is used. The default runs from
# 1900 to a year after today; DATE_WINDOW_ENV sets another ("FIRST..LAST", ISO dates, either
# side may be left empty for its default).
EARLIEST_PLAUSIBLE = date(1900, 1, 1)
PLAUSIBLE_DAYS_AHEAD = 365
DATE_WINDOW_ENV = "DATELINE_DATE_WINDOW"


@dataclass(frozen=True)
class DateWindow:
    """The plausible publication dates, ``first`` to ``last`` inclusive."""

    first: date
    last: date

    def holds(self, iso: str) -> bool:
        day = parse_iso(iso)
        return day is not None and self.first <= day <= self.last

    def __str__(self) -> str:
        return f"{self.first.isoformat()}..{self.last.isoformat()}"


def date_window(today: date | None = None) -> DateWindow:
    """The window of plausible dates: from ``DATE_WINDOW_ENV`` when set, else 1900-01-01 to
    a year after ``today``; always inside the storable dates. ValueError for a malformed setting."""
    today = today or date.today()
    first = EARLIEST_PLAUSIBLE
    last = today + timedelta(days=PLAUSIBLE_DAYS_AHEAD)
    setting = os.environ.get(DATE_WINDOW_ENV, "").strip()
    if setting:
        lo, sep, hi = setting.partition("..")
        try:
            if not sep:
                raise ValueError(setting)
            first = date.fromisoformat(lo.strip()) if lo.strip() else first
            last = date.fromisoformat(hi.strip()) if hi.strip() else last
        except ValueError as exc:
            raise ValueError(
                f"{DATE_WINDOW_ENV} must be FIRST..LAST (YYYY-MM-DD, either may be empty), "
                f"not {setting[:40]!r}"
            ) from exc
        if first > last:
            raise ValueError(f"{DATE_WINDOW_ENV}: {first} is after {last}")
    # No window reaches beyond the dates a table can hold.
    return DateWindow(max(first, FIRST_STORABLE_DATE), min(last, LAST_STORABLE_DATE))
