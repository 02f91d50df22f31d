"""``/actors`` and ``/countries``: one actor's events, partners and event types."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import JSONResponse

from dateline.api import db as dbq
from dateline.api.deps import (
    CodePath,
    DatabaseDep,
    DateQuery,
    require_actors,
)
from dateline.api.params import (
    MAX_PAGE_SIZE,
    date_range,
)

router = APIRouter()


@router.get("/actors/{code}", tags=["actors"])
def get_actor(
    database: DatabaseDep,
    code: CodePath,
    start: DateQuery = None,
    end: DateQuery = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 20,
) -> JSONResponse:
    """An actor's events: codes matched, top partner actors and countries, event types."""
    code = code.upper()
    lo, hi = date_range(start, end)
    with database.cursor() as cur:
        summary = dbq.queries.actor(cur, code, start=lo, end=hi, limit=limit)
        if summary.events == 0:
            raise HTTPException(404, f"no events with actor {code!r} in this store")
        partner_countries = dbq.partner_countries(cur, code, start=lo, end=hi, limit=limit)
    return JSONResponse(
        {
            "code": code,
            "events": summary.events,
            "as_source": summary.as_source,
            "as_target": summary.as_target,
            "first_date": dbq.jsonable(summary.first_date),
            "last_date": dbq.jsonable(summary.last_date),
            "codes": dbq.frame_records(summary.codes),
            "partners": dbq.frame_records(summary.partners),
            "partner_countries": partner_countries,
            "event_types": dbq.frame_records(summary.event_types),
        }
    )


@router.get("/actors/{code}/partners", tags=["actors"])
def get_actor_partners(
    database: DatabaseDep,
    code: CodePath,
    start: DateQuery = None,
    end: DateQuery = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 20,
) -> JSONResponse:
    """The countries an actor has most events with (either direction), per quad class:
    the light part of /actors/{code}, for charts."""
    code = code.upper()
    lo, hi = date_range(start, end)
    with database.cursor() as cur:
        require_actors(cur, code)
        rows = dbq.partner_countries(cur, code, start=lo, end=hi, limit=limit)
    return JSONResponse({"code": code, "partner_countries": rows})


@router.get("/countries", tags=["actors"])
def list_countries(database: DatabaseDep) -> JSONResponse:
    """Countries with events in the store, most events first (for pickers)."""
    with database.cursor() as cur:
        return JSONResponse({"countries": dbq.countries(cur)})
