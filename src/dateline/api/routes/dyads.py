"""``/dyads``: the busiest pairs of countries and one pair's time series and event types."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from dateline.api import db as dbq
from dateline.api.deps import (
    CodePath,
    DatabaseDep,
    DateQuery,
    Level,
    require_actors,
)
from dateline.api.params import (
    MAX_PAGE_SIZE,
    BadRequest,
    date_range,
)

router = APIRouter()


@router.get("/dyads", tags=["dyads"])
def list_dyads(
    database: DatabaseDep, limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 10
) -> JSONResponse:
    """Pairs of countries with the most events between them, most first (the
    dashboard's first view shows the first)."""
    with database.cursor() as cur:
        return JSONResponse({"dyads": dbq.top_dyads(cur, limit)})


@router.get("/dyads/{a}/{b}/timeseries", tags=["dyads"])
def dyad_timeseries(
    database: DatabaseDep,
    a: CodePath,
    b: CodePath,
    by: Literal["day", "week", "month", "year"] = "month",
    directed: bool = False,
    start: DateQuery = None,
    end: DateQuery = None,
    level: Level = "event",
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
) -> JSONResponse:
    """A complete panel (zeros kept) of events between A and B per period: counts per
    quad class, Goldstein sum and mean, net cooperation."""
    a, b = a.upper(), b.upper()
    lo, hi = date_range(start, end)
    with database.cursor() as cur:
        require_actors(cur, a, b)
        try:
            # Clamped to the data and bounded to MAX_PERIODS by the query itself.
            frame = dbq.queries.dyad(
                cur,
                a,
                b,
                by=by,
                directed=directed,
                start=lo,
                end=hi,
                level=level,
                min_confidence=min_confidence,
            )
        except ValueError as exc:
            raise BadRequest(str(exc)) from exc
    return JSONResponse(
        {
            "a": a,
            "b": b,
            "by": by,
            "directed": directed,
            "level": level,
            "periods": dbq.frame_records(frame),
        }
    )


@router.get("/dyads/{a}/{b}/event-types", tags=["dyads"])
def dyad_event_types(
    database: DatabaseDep,
    a: CodePath,
    b: CodePath,
    directed: bool = False,
    start: DateQuery = None,
    end: DateQuery = None,
) -> JSONResponse:
    """Events between A and B per CAMEO event code, most frequent first."""
    a, b = a.upper(), b.upper()
    lo, hi = date_range(start, end)
    with database.cursor() as cur:
        require_actors(cur, a, b)
        rows = dbq.dyad_event_types(cur, a, b, directed=directed, start=lo, end=hi)
    return JSONResponse({"a": a, "b": b, "directed": directed, "types": rows})
