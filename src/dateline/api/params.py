"""Validation of request parameters, and the opaque pagination cursor.

Everything a client sends is checked here against a strict pattern or range before it reaches
SQL (where it is a bound parameter anyway): a value that does not fit is a 4xx answer with a
message saying what is allowed, never a 500.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from dateline.store import queries

# Page sizes: a client may ask for up to MAX_PAGE_SIZE rows per page; cursors page on
# without a cap, so the limit bounds the work and memory of one request, not the data.
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 500
# Requests larger than this are refused with 413 before they are read (POST /articles).
MAX_BODY_BYTES = 2 * 1024 * 1024
# Longest free-text filter (`text`, `outlet`, actor names).
MAX_TEXT_CHARS = 200
# Longest cursor string accepted (ours are ~80 characters).
MAX_CURSOR_CHARS = 512

# CAMEO actor codes are runs of three-letter blocks (KAZ, KAZGOV, IGOUNOKBK...); ISO
# alpha-3 country codes are one block. Case-insensitive; stored upper-case.
_CODE = r"[A-Za-z]{3}(?:[A-Za-z0-9]{3}){0,5}"
CODE_PATTERN = rf"^{_CODE}$"
DYAD_PATTERN = rf"^{_CODE},{_CODE}$"
# An actor filter may also be a resolved name ("Kairat Abdrakhmanov"): letters (any
# script), digits, spaces and a few name punctuation marks.
ACTOR_PATTERN = r"^[^\W_](?:[\w .,'()\-]*[\w.)])?$"
DATE_PATTERN = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"
CAMEO_PATTERN = r"^\d{2,4}$"
ROOT_PATTERN = r"^\d{1,2}$"
PLOVER_PATTERN = r"^[A-Za-z_]{2,40}$"
# Event ids are "ev" + hex digits; mention ids are "<article id>:<event id>".
EVENT_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,127}$"
ARTICLE_ID_PATTERN = r"^[0-9a-f]{8,64}$"

_CURSOR_VERSION = 1


class BadRequest(ValueError):
    """A parameter is well-formed but unusable (an impossible date, an unknown code...)."""


def parse_date(value: str | None, *, end: bool = False, name: str = "date") -> date | None:
    """A date bound from ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (``end``: last day of it)."""
    if value is None:
        return None
    if not re.fullmatch(DATE_PATTERN, value):
        raise BadRequest(f"{name}: use YYYY, YYYY-MM or YYYY-MM-DD, not {value[:40]!r}")
    try:
        return queries.parse_when(value, end=end)
    except ValueError as exc:
        raise BadRequest(f"{name}: {value!r} is not a real date") from exc


def date_range(start: str | None, end: str | None) -> tuple[date | None, date | None]:
    lo = parse_date(start, name="start")
    hi = parse_date(end, end=True, name="end")
    if lo is not None and hi is not None and lo > hi:
        raise BadRequest(f"start ({start}) is after end ({end})")
    return lo, hi


def upper_code(value: str) -> str:
    return value.upper()


@dataclass(frozen=True)
class Cursor:
    """The last row of a page: (date, id) in the ``ORDER BY date NULLS LAST, id`` order."""

    level: str
    date: date | None
    key: str

    def encode(self) -> str:
        payload = [_CURSOR_VERSION, self.level, self.date.isoformat() if self.date else None]
        raw = json.dumps([*payload, self.key], separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str, *, level: str) -> Cursor:
        bad = BadRequest("cursor: not a cursor from this API; start again without one")
        if len(text) > MAX_CURSOR_CHARS or not re.fullmatch(r"[A-Za-z0-9_\-]+", text):
            raise bad
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            data: Any = json.loads(raw)
        except (binascii.Error, ValueError) as exc:
            raise bad from exc
        if not (isinstance(data, list) and len(data) == 4 and data[0] == _CURSOR_VERSION):
            raise bad
        _, lvl, day, key = data
        if lvl != level:
            raise BadRequest(f"cursor: it pages through level={lvl!r}, not level={level!r}")
        if not isinstance(key, str) or not re.fullmatch(EVENT_ID_PATTERN, key):
            raise bad
        if day is None:
            return cls(level, None, key)
        if not isinstance(day, str):
            raise bad
        try:
            return cls(level, date.fromisoformat(day), key)
        except ValueError as exc:
            raise bad from exc
