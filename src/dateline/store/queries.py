"""Queries over an event store: filtered event lists, dyad panels, actor summaries, provenance.

Every user value is a bound parameter (``?``); only fixed column names and whitelisted
keywords are ever part of the SQL text.

Actor matching: a *country* (``country=``, ``dyad=``, ``dyad()``) matches an actor whose
country code equals it (ISO 3166 alpha-3, e.g. ``KAZ``) or whose CAMEO actor code starts
with it (``KAZ`` matches ``KAZGOV``, ``KAZMIL``...); an *actor* (``actor=``, ``actor()``)
additionally matches the actor's resolved name, case-insensitively.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import duckdb
import pandas as pd

from dateline.model import FIRST_STORABLE_DATE, LAST_STORABLE_DATE
from dateline.store.columns import EVENT_ACTOR_QUERY_ORDER, EVENT_CODING_FIELDS

QUAD_CLASSES = {
    1: "verbal_coop",
    2: "material_coop",
    3: "verbal_conflict",
    4: "material_conflict",
}

# pandas frequency of each panel period (weeks start on Monday, as DuckDB's date_trunc).
PERIODS = {"day": "D", "week": "W-MON", "month": "MS", "year": "YS"}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "none": 4}

LEVELS = ("event", "mention")

# A panel never has more periods than this (a daily panel over centuries would cost memory
# and time out of proportion to any chart or analysis): such a request is refused.
MAX_PERIODS = 20_000
# Approximate length of each period in days, to count a panel's periods before building it.
PERIOD_DAYS = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}


# --- small helpers -------------------------------------------------------------------


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def parse_when(value: str | date | datetime | None, *, end: bool = False) -> date | None:
    """A date bound from ``2018``, ``2018-11`` or ``2018-11-09`` (``end``: last day of it)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*", str(value))
    if not match:
        raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    y, m, d = match.groups()
    year = int(y)
    try:
        if d is not None:
            return date(year, int(m), int(d))
        if m is not None:
            month = int(m)
            last = calendar.monthrange(year, month)[1]
            return date(year, month, last if end else 1)
        return date(year, 12, 31) if end else date(year, 1, 1)
    except ValueError as exc:
        raise ValueError(f"not a date: {value!r} ({exc})") from exc


def country_match(side: str, value: str) -> tuple[str, list[Any]]:
    """SQL matching one side (``source``/``target``) against a country or code prefix."""
    code = value.upper()
    return f"({side}_country = ? OR starts_with({side}_code, ?))", [code, code]


def actor_match(side: str, value: str) -> tuple[str, list[Any]]:
    code = value.upper()
    return (
        f"({side}_country = ? OR starts_with({side}_code, ?) OR lower({side}_name) = lower(?))",
        [code, code, value],
    )


def pair(a: str, b: str, directed: bool) -> tuple[str, list[Any]]:
    """The SQL condition (on ``source_*``/``target_*``) of events between ``a`` and ``b``,
    from ``a`` to ``b`` only when ``directed``, and its parameters."""
    sa, pa_ = country_match("source", a)
    tb, pb = country_match("target", b)
    forward = f"({sa} AND {tb})"
    if directed:
        return forward, pa_ + pb
    sb, pb2 = country_match("source", b)
    ta, pa2 = country_match("target", a)
    return f"({forward} OR ({sb} AND {ta}))", pa_ + pb + pb2 + pa2


def _root(value: str) -> str:
    value = value.strip()
    return value.zfill(2) if value.isdigit() and len(value) < 2 else value


def where(
    *,
    level: str,
    actor: str | None = None,
    country: str | None = None,
    dyad: Sequence[str] | None = None,
    directed: bool = False,
    cameo: str | None = None,
    root: str | None = None,
    plover: str | None = None,
    quad_class: int | Sequence[int] | None = None,
    start: str | date | None = None,
    end: str | date | None = None,
    min_confidence: float | None = None,
    text: str | None = None,
    min_sources: int | None = None,
    outlet: str | None = None,
    include_negated: bool = False,
    include_hypothetical: bool = False,
) -> tuple[list[str], list[Any]]:
    """WHERE clauses (for table alias ``t``) and their parameters."""
    clauses: list[str] = []
    params: list[Any] = []

    def add(sql: str, values: Sequence[Any]) -> None:
        clauses.append(sql)
        params.extend(values)

    if (value := _clean(actor)) is not None:
        s, ps = actor_match("t.source", value)
        t, pt = actor_match("t.target", value)
        add(f"({s} OR {t})", ps + pt)
    if (value := _clean(country)) is not None:
        s, ps = country_match("t.source", value)
        t, pt = country_match("t.target", value)
        add(f"({s} OR {t})", ps + pt)
    if dyad is not None:
        if len(dyad) != 2:
            raise ValueError("dyad takes two actors, e.g. ('KAZ', 'CHN')")
        a, b = (_clean(x) for x in dyad)
        if a is None or b is None:
            raise ValueError("dyad takes two non-empty actors, e.g. ('KAZ', 'CHN')")
        sql, ps = pair(a, b, directed)
        add(sql.replace("source_", "t.source_").replace("target_", "t.target_"), ps)
    if (value := _clean(cameo)) is not None:
        add("starts_with(t.cameo_code, ?)", [value])
    if (value := _clean(root)) is not None:
        add("t.cameo_root = ?", [_root(value)])
    if (value := _clean(plover)) is not None:
        add("upper(t.plover_event) = upper(?)", [value])
    if quad_class is not None:
        classes = [quad_class] if isinstance(quad_class, int) else list(quad_class)
        if classes:
            add("list_contains(?, t.quad_class)", [[int(q) for q in classes]])
    if (when := parse_when(start)) is not None:
        add("t.date >= ?", [when])
    if (when := parse_when(end, end=True)) is not None:
        add("t.date <= ?", [when])
    if min_confidence is not None:
        add("t.confidence >= ?", [float(min_confidence)])
    if (value := _clean(outlet)) is not None:
        add("lower(a.outlet) = lower(?)", [value])
    if level == "event":
        if min_sources is not None:
            add("t.num_sources >= ?", [int(min_sources)])
        if (value := _clean(text)) is not None:
            add(
                "EXISTS (SELECT 1 FROM event_mentions mm JOIN sentences ss "
                "ON ss.article_id = mm.article_id AND ss.sentence_index = mm.sentence_index "
                "WHERE mm.event_id = t.event_id AND contains(lower(ss.text), lower(?)))",
                [value],
            )
    else:
        if min_sources is not None:
            raise ValueError("min_sources applies to deduplicated events (level='event')")
        if (value := _clean(text)) is not None:
            add("contains(lower(s.text), lower(?))", [value])
        if not include_negated:
            clauses.append("NOT t.negated")
        if not include_hypothetical:
            clauses.append("NOT t.hypothetical")
    return clauses, params


# --- events --------------------------------------------------------------------------

# The columns of ``events`` every query lists, in the public order of dateline's own exports
# (not the table's); all but the deduplication's internals (``block``, the anchor mention).
EVENT_COLUMNS = [
    "event_id",
    "date",
    "date_precision",
    *(f"{side}_{name}" for side in ("source", "target") for name in EVENT_ACTOR_QUERY_ORDER),
    *EVENT_CODING_FIELDS,
    "num_mentions",
    "num_articles",
    "num_sources",
    "sentence",
    "url",
    "article_id",
    "representative_mention_id",
]


def events_select(level: str) -> str:
    """The SELECT of ``events`` (``t``: the events or the mentions, with their article and,
    for mentions, their sentence), before its WHERE (see ``where``): shared with the API's
    paged lists so that both give the same columns."""
    if level == "event":
        columns = ", ".join(f"t.{c}" for c in EVENT_COLUMNS)
        return (
            f"SELECT {columns}, a.outlet, a.title, a.published FROM events t "
            "JOIN articles a ON a.article_id = t.article_id"
        )
    return (
        "SELECT t.*, s.text AS sentence, a.outlet, a.url, a.title, a.published "
        "FROM event_mentions t "
        "JOIN sentences s ON s.article_id = t.article_id "
        "AND s.sentence_index = t.sentence_index "
        "JOIN articles a ON a.article_id = t.article_id"
    )


def filtered(base: str, *, level: str = "event", **filters: Any) -> tuple[str, list[Any]]:
    """``base`` (a SELECT whose events or mentions are ``t``) with the WHERE of ``filters``
    (see ``where``) and the order of every list: date (undated last), then id."""
    clauses, params = where(level=level, **filters)
    sql = base
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    key = "event_id" if level == "event" else "mention_id"
    return f"{sql} ORDER BY t.date NULLS LAST, t.{key}", params


def events(
    con: duckdb.DuckDBPyConnection,
    *,
    level: str = "event",
    limit: int | None = None,
    **filters: Any,
) -> pd.DataFrame:
    """Deduplicated events (default) or event mentions, filtered, ordered by date then id."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    sql, params = filtered(events_select(level), level=level, **filters)
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return con.execute(sql, params).df()


# --- dyad panel ----------------------------------------------------------------------

PANEL_COLUMNS = [
    "period",
    "events",
    *QUAD_CLASSES.values(),
    "goldstein_sum",
    "goldstein_mean",
    "net_cooperation",
    "mentions",
]


def dyad(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    *,
    by: str = "month",
    directed: bool = False,
    start: str | date | None = None,
    end: str | date | None = None,
    level: str = "event",
    min_confidence: float | None = None,
) -> pd.DataFrame:
    """A complete panel of the events between ``a`` and ``b``: one row per period, zeros kept.

    Columns: ``period`` (first day), ``events``, the four quad-class counts
    (``verbal_coop``, ``material_coop``, ``verbal_conflict``, ``material_conflict``),
    ``goldstein_sum``, ``goldstein_mean`` (NaN without events), ``net_cooperation``,
    ``mentions`` (reports behind the events) and, undirected, ``a_to_b`` / ``b_to_a``.

    ``net_cooperation = (cooperation - conflict) / events`` where cooperation counts quad
    classes 1-2 and conflict classes 3-4: +1 all cooperative, -1 all conflictual, NaN for a
    period without events. Events dated less precisely than ``by`` (a month-dated event in a
    weekly panel, a year-dated one in a monthly panel) cannot be placed in a period: they are
    not counted in ``events`` (nor piled into the first period of their month or year) but
    reported in a column of their own per coarser precision, ``month_precision`` and
    ``year_precision``: on each row, the events dated only to the month (year) that holds the
    period. Such a column repeats over the periods of that month (year): do not sum it.
    ``level='mention'`` counts every (factual) report instead of deduplicated events.

    Periods: from ``start`` (else the dyad's first event, or the first day of its first
    coarsely dated month or year) to ``end`` (else its last), clamped to the store's data,
    i.e. its first and last dated events (a coarsely dated event's data reach the end of its
    month or year): before and after them the store cannot know that there were no events,
    so it shows no zeros there. A range outside the data is an empty panel; ``start`` after
    ``end``, or a panel of more than ``MAX_PERIODS`` periods, is a ``ValueError``.
    """
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    a_ = _clean(a)
    b_ = _clean(b)
    if a_ is None or b_ is None:
        raise ValueError("dyad takes two non-empty actors, e.g. KAZ CHN")
    pair_sql, params = pair(a_, b_, directed)
    fwd_s, p1 = country_match("source", a_)
    fwd_t, p2 = country_match("target", b_)
    table = "events" if level == "event" else "event_mentions"
    weight = "num_mentions" if level == "event" else "1"
    common = [pair_sql, "date IS NOT NULL"]
    if level == "mention":
        common.append("NOT negated AND NOT hypothetical")
    if min_confidence is not None:
        common.append("confidence >= ?")
        params = [*params, float(min_confidence)]
    clauses = [*common, "list_contains(?, coalesce(date_precision, 'day'))"]
    allowed = [p for p, rank in _PRECISION_RANK.items() if rank <= _PRECISION_RANK[by]]
    fine_params = [*params, allowed]
    lo = parse_when(start)
    hi = parse_when(end, end=True)
    if lo is not None and hi is not None and lo > hi:
        raise ValueError(f"start ({start}) is after end ({end})")
    data_lo, data_hi = _data_span(con, table, level)
    coarse_names = [
        f"{p}_precision" for p in ("month", "year") if _PRECISION_RANK[p] > _PRECISION_RANK[by]
    ]
    columns = list(PANEL_COLUMNS) + ([] if directed else ["a_to_b", "b_to_a"]) + coarse_names
    if data_lo is None or data_hi is None:
        return _empty_panel(columns)
    # Only dates pandas can hold, and only where the store has data, are ever read.
    clauses.append("date BETWEEN ? AND ?")
    fine_params += [max(lo or data_lo, data_lo), min(hi or data_hi, data_hi)]
    sql = (
        f"SELECT CAST(date_trunc(?, date) AS DATE) AS period, quad_class, goldstein, "
        f"{weight} AS mentions, ({fwd_s} AND {fwd_t}) AS forward "
        f"FROM {table} WHERE " + " AND ".join(clauses)
    )
    rows = con.execute(sql, [by, *p1, *p2, *fine_params]).df()
    storable = [*common, "date BETWEEN ? AND ?"]
    coarse = _coarser(
        con,
        table,
        storable,
        [*params, FIRST_STORABLE_DATE, LAST_STORABLE_DATE],
        by,
        max(lo, FIRST_STORABLE_DATE) if lo is not None else None,
        min(hi, LAST_STORABLE_DATE) if hi is not None else None,
    )

    starts = [pd.Timestamp(p).date() for p in rows["period"]]
    ends = list(starts)
    for frame in coarse.values():
        if not frame.empty:
            starts.append(frame["start"].min().date())
            ends.append(frame["end"].max().date())
            data_hi = max(data_hi, frame["end"].max().date())
    if not starts and (lo is None or hi is None):
        return _empty_panel(columns)  # an open side and no events to end it
    # Python dates until they are known to lie within the data, which pandas can hold; the
    # rows' dates are already the first days of their periods.
    first_day = lo if lo is not None else min(starts)
    last_day = hi if hi is not None else max(ends)
    first_period = _period_start(max(first_day, data_lo), by)
    last_day = min(last_day, data_hi)
    if first_period > last_day:
        return _empty_panel(columns)
    first, last = pd.Timestamp(first_period), pd.Timestamp(last_day)
    n_periods = (last - first).days / PERIOD_DAYS[by]
    if n_periods > MAX_PERIODS:
        raise ValueError(
            f"{int(n_periods)} periods of one {by}: at most {MAX_PERIODS}; "
            "narrow start/end or use a longer period (by)"
        )
    periods = pd.date_range(first, last, freq=PERIODS[by])

    rows["period"] = pd.to_datetime(rows["period"])
    grouped = rows.groupby("period")
    panel = pd.DataFrame(index=periods)
    panel.index.name = "period"
    panel["events"] = grouped.size()
    for q, name in QUAD_CLASSES.items():
        panel[name] = rows[rows["quad_class"] == q].groupby("period").size()
    panel["goldstein_sum"] = grouped["goldstein"].sum()
    panel["mentions"] = grouped["mentions"].sum()
    if not directed:
        panel["a_to_b"] = rows[rows["forward"].fillna(False).astype(bool)].groupby("period").size()
        panel["b_to_a"] = panel["events"].fillna(0) - panel["a_to_b"].fillna(0)
    count_cols = ["events", *QUAD_CLASSES.values(), "mentions"] + (
        [] if directed else ["a_to_b", "b_to_a"]
    )
    panel[count_cols] = panel[count_cols].fillna(0).astype("int64")
    panel["goldstein_sum"] = panel["goldstein_sum"].fillna(0.0).astype("float64")
    has = panel["events"] > 0
    panel["goldstein_mean"] = (panel["goldstein_sum"] / panel["events"]).where(has)
    coop = panel["verbal_coop"] + panel["material_coop"]
    conflict = panel["verbal_conflict"] + panel["material_conflict"]
    panel["net_cooperation"] = ((coop - conflict) / panel["events"]).where(has)
    for name, frame in coarse.items():
        # A period belongs to the month (year) its first day is in.
        precision = name.removesuffix("_precision")
        counts = frame.groupby("start").size()
        keys = [pd.Timestamp(_period_start(p.date(), precision)) for p in panel.index]
        panel[name] = [int(counts.get(k, 0)) for k in keys]
    return panel.reset_index()[columns]


def _data_span(
    con: duckdb.DuckDBPyConnection, table: str, level: str
) -> tuple[date | None, date | None]:
    """The store's first and last dated event (or factual mention), among the dates pandas
    can hold (a store written before dates were checked may hold others)."""
    factual = " AND NOT negated AND NOT hypothetical" if level == "mention" else ""
    row = con.execute(
        f"SELECT min(date), max(date) FROM {table} "  # noqa: S608 - fixed table names
        f"WHERE date BETWEEN ? AND ?{factual}",
        [FIRST_STORABLE_DATE, LAST_STORABLE_DATE],
    ).fetchone()
    return (row[0], row[1]) if row else (None, None)


def _empty_panel(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="float64") for c in columns}).astype(
        {"period": "datetime64[ns]"}
    )


def _coarser(
    con: duckdb.DuckDBPyConnection,
    table: str,
    clauses: list[str],
    params: list[Any],
    by: str,
    lo: date | None,
    hi: date | None,
) -> dict[str, pd.DataFrame]:
    """Per precision coarser than ``by`` (month, year): the events of the pair dated only to
    it, as their period's first and last day, those overlapping ``lo``-``hi``."""
    out: dict[str, pd.DataFrame] = {}
    for precision in ("month", "year"):
        if _PRECISION_RANK[precision] <= _PRECISION_RANK[by]:
            continue
        sql = (
            f"SELECT CAST(date_trunc('{precision}', date) AS DATE) AS start "
            f"FROM {table} WHERE " + " AND ".join([*clauses, "date_precision = ?"])
        )
        frame = con.execute(sql, [*params, precision]).df()
        frame["start"] = pd.to_datetime(frame["start"])
        offset = pd.DateOffset(months=1) if precision == "month" else pd.DateOffset(years=1)
        frame["end"] = frame["start"] + offset - pd.Timedelta(days=1)
        if lo is not None:
            frame = frame[frame["end"] >= pd.Timestamp(lo)]
        if hi is not None:
            frame = frame[frame["start"] <= pd.Timestamp(hi)]
        out[f"{precision}_precision"] = frame
    return out


def _period_start(day: date, by: str) -> date:
    """The first day of the panel period (weeks start on Monday) that holds ``day``."""
    if by == "week":
        return date.fromordinal(day.toordinal() - day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "year":
        return day.replace(month=1, day=1)
    return day


# --- actor summary -------------------------------------------------------------------


@dataclass
class ActorSummary:
    """What a store knows about one actor (a code, code prefix, country or name)."""

    query: str
    events: int  # deduplicated events with the actor on either side
    as_source: int
    as_target: int
    first_date: date | None
    last_date: date | None
    codes: pd.DataFrame  # code, name, country, sector, events: who matched the query
    # one row per counterpart (its actor code, else country, else text; "(none)" for events
    # without a target), most frequent first; partner_name is its most frequent name
    partners: pd.DataFrame
    event_types: pd.DataFrame  # cameo_code, cameo_name, role, events


def actor(
    con: duckdb.DuckDBPyConnection,
    code: str,
    *,
    start: str | date | None = None,
    end: str | date | None = None,
    limit: int | None = None,
) -> ActorSummary:
    """Partners and event types of one actor, over deduplicated events (one row per role)."""
    value = _clean(code)
    if value is None:
        raise ValueError("give an actor code, country code or name, e.g. KAZ")
    s_sql, s_params = actor_match("source", value)
    t_sql, t_params = actor_match("target", value)
    bounds: list[str] = []
    bound_params: list[Any] = []
    if (lo := parse_when(start)) is not None:
        bounds.append("date >= ?")
        bound_params.append(lo)
    if (hi := parse_when(end, end=True)) is not None:
        bounds.append("date <= ?")
        bound_params.append(hi)
    extra = "".join(f" AND {b}" for b in bounds)
    # One row per (event, role the actor plays in it).
    roles_sql = f"""
        SELECT event_id, 'source' AS role, date, quad_class, goldstein, cameo_code, cameo_name,
               source_code AS code, source_name AS name, source_country AS country,
               source_sector AS sector,
               coalesce(target_code, target_country, target_text, '(none)') AS partner,
               target_name AS partner_name, target_country AS partner_country
        FROM events WHERE {s_sql}{extra}
        UNION ALL
        SELECT event_id, 'target', date, quad_class, goldstein, cameo_code, cameo_name,
               target_code, target_name, target_country, target_sector,
               coalesce(source_code, source_country, source_text, '(none)'),
               source_name, source_country
        FROM events WHERE {t_sql}{extra}
    """
    params = [*s_params, *bound_params, *t_params, *bound_params]
    roles = con.execute(roles_sql, params).df()
    if roles.empty:
        empty = pd.DataFrame()
        return ActorSummary(value, 0, 0, 0, None, None, empty, empty, empty)
    dates = roles["date"].dropna()
    codes = (
        roles.assign(code=roles["code"].fillna("-"))
        .groupby(["code"], dropna=False)
        .agg(
            name=("name", _mode),
            country=("country", _mode),
            sector=("sector", _mode),
            events=("event_id", "nunique"),
        )
        .reset_index()
        .sort_values(["events", "code"], ascending=[False, True])
        .reset_index(drop=True)
    )
    partners = roles.groupby("partner").agg(
        partner_name=("partner_name", _mode),
        partner_country=("partner_country", _mode),
        events=("event_id", "nunique"),
        as_source=("role", lambda r: int((r == "source").sum())),
        as_target=("role", lambda r: int((r == "target").sum())),
        goldstein_mean=("goldstein", "mean"),
    )
    for q, name in QUAD_CLASSES.items():
        partners[name] = roles[roles["quad_class"] == q].groupby("partner").size()
    partners[list(QUAD_CLASSES.values())] = (
        partners[list(QUAD_CLASSES.values())].fillna(0).astype("int64")
    )
    first_last = roles.groupby("partner")["date"].agg(["min", "max"])
    partners["first_date"] = first_last["min"]
    partners["last_date"] = first_last["max"]
    partners = (
        partners.reset_index()
        .sort_values(["events", "partner"], ascending=[False, True])
        .reset_index(drop=True)
    )
    types = (
        roles.groupby(["cameo_code", "role"])
        .agg(cameo_name=("cameo_name", _mode), events=("event_id", "nunique"))
        .reset_index()
        .sort_values(["events", "cameo_code", "role"], ascending=[False, True, True])
        .reset_index(drop=True)
    )[["cameo_code", "cameo_name", "role", "events"]]
    if limit is not None:
        partners = partners.head(limit)
        types = types.head(limit)
    return ActorSummary(
        query=value,
        events=int(roles["event_id"].nunique()),
        as_source=int((roles["role"] == "source").sum()),
        as_target=int((roles["role"] == "target").sum()),
        first_date=dates.min() if not dates.empty else None,
        last_date=dates.max() if not dates.empty else None,
        codes=codes,
        partners=partners,
        event_types=types,
    )


def _mode(values: pd.Series) -> Any:
    """Most frequent non-null value, ties broken alphabetically (deterministic)."""
    counts = values.dropna().value_counts()
    if counts.empty:
        return None
    top = counts[counts == counts.max()].index
    return sorted(top, key=str)[0]


# --- provenance ----------------------------------------------------------------------


@dataclass
class EventDetail:
    event: dict[str, Any]
    mentions: pd.DataFrame  # every mention: sentence, trigger, codes, article, outlet, url


@dataclass
class ArticleDetail:
    article: dict[str, Any]
    mentions: pd.DataFrame
    entities: pd.DataFrame
    quantities: pd.DataFrame


# Each mention with its sentence (and offsets: spans can be highlighted in it) and its
# article; add a WHERE on ``m``. The API's event and article pages read it.
MENTION_PROVENANCE_SQL = """
SELECT m.mention_id, m.doc_event_id, m.article_id, m.sentence_index,
       s.start AS sentence_start, s."end" AS sentence_end, s.text AS sentence,
       m.trigger, m.trigger_start, m.trigger_end,
       m.source_text, m.source_start, m.source_end, m.source_code, m.source_country,
       m.source_sector, m.source_name,
       m.target_text, m.target_start, m.target_end, m.target_code, m.target_country,
       m.target_sector, m.target_name,
       m.date, m.date_precision, m.date_text, m.cameo_code, m.cameo_name, m.quad_class,
       m.goldstein, m.plover_event, m.plover_mode, m.confidence, m.rule,
       m.negated, m.hypothetical,
       a.outlet, a.url, a.title, a.published
FROM event_mentions m
JOIN sentences s ON s.article_id = m.article_id AND s.sentence_index = m.sentence_index
JOIN articles a ON a.article_id = m.article_id
"""


def resolve_event_id(con: duckdb.DuckDBPyConnection, any_id: str) -> str:
    """The id of the deduplicated event that ``any_id`` names.

    ``any_id`` is an event id (``ev...``), a mention id (``<article id>:<coder's id>``) or
    the coder's own id of the event (``id`` in ``dateline code`` output, kept as the
    mention's ``doc_event_id``): a mention resolves to the event it was clustered into.
    Raises ``KeyError`` with a message for the user when there is no such event.
    """
    if con.execute("SELECT 1 FROM events WHERE event_id = ?", [any_id]).fetchone():
        return any_id
    rows = con.execute(
        "SELECT DISTINCT article_id, event_id FROM event_mentions "
        "WHERE mention_id = ? OR doc_event_id = ?",
        [any_id, any_id],
    ).fetchall()
    if not rows:
        raise KeyError(f"no event {any_id!r} in this store")
    clusters = {r[1] for r in rows if r[1] is not None}
    if not clusters:
        raise KeyError(
            f"{any_id!r} is a negated or hypothetical report: it is stored as a mention but "
            "is no event (see `dateline events --mentions --include-negated`)"
        )
    if len(clusters) > 1:
        # Ids from another coder need not be unique across articles; dateline's are.
        raise KeyError(
            f"{any_id!r} names reports in {len({r[0] for r in rows})} articles; give the "
            f"mention id instead (<article id>:{any_id})"
        )
    return clusters.pop()


def event(con: duckdb.DuckDBPyConnection, event_id: str) -> EventDetail:
    """One deduplicated event with all its mentions and their provenance; the mention whose
    coding stands for the event (its evidence in lists) comes first.

    ``event_id`` may also be a mention id or the coder's id of one of its mentions (see
    ``resolve_event_id``).
    """
    event_id = resolve_event_id(con, event_id)
    frame = con.execute("SELECT * FROM events WHERE event_id = ?", [event_id]).df()
    mentions = con.execute(
        """
        SELECT m.mention_id, m.doc_event_id, m.article_id, m.sentence_index,
               s.start AS sentence_start,
               s."end" AS sentence_end, s.text AS sentence, m.trigger, m.date,
               m.date_precision, m.date_text, m.source_code, m.target_code, m.cameo_code,
               m.plover_event, m.confidence, m.rule, a.outlet, a.url, a.title, a.published,
               a.origin
        FROM event_mentions m
        JOIN sentences s ON s.article_id = m.article_id AND s.sentence_index = m.sentence_index
        JOIN articles a ON a.article_id = m.article_id
        JOIN events e ON e.event_id = m.event_id
        WHERE m.event_id = ?
        ORDER BY m.mention_id <> e.representative_mention_id, m.date NULLS LAST, m.mention_id
        """,
        [event_id],
    ).df()
    return EventDetail(event=frame.iloc[0].to_dict(), mentions=mentions)


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> ArticleDetail:
    frame = con.execute("SELECT * FROM articles WHERE article_id = ?", [article_id]).df()
    if frame.empty:
        raise KeyError(f"no article {article_id!r} in this store")
    mentions = con.execute(
        "SELECT m.*, s.text AS sentence FROM event_mentions m JOIN sentences s "
        "ON s.article_id = m.article_id AND s.sentence_index = m.sentence_index "
        "WHERE m.article_id = ? ORDER BY m.sentence_index, m.mention_id",
        [article_id],
    ).df()
    entities = con.execute(
        "SELECT * FROM entities WHERE article_id = ? ORDER BY entity_index", [article_id]
    ).df()
    quantities = con.execute(
        "SELECT * FROM quantities WHERE article_id = ? ORDER BY quantity_index", [article_id]
    ).df()
    return ArticleDetail(frame.iloc[0].to_dict(), mentions, entities, quantities)
