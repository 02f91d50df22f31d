"""``/actors`` and ``/countries``: one actor's events, partners and event types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
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


@dataclass(frozen=True)
class ActorQuery:
    """What both actor routes are asked: the actor, a date range and how many rows."""

    code: str
    start: date | None
    end: date | None
    limit: int


def actor_query(
    code: CodePath,
    start: DateQuery = None,
    end: DateQuery = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 20,
) -> ActorQuery:
    lo, hi = date_range(start, end)
    return ActorQuery(code.upper(), lo, hi, limit)


ActorQueryDep = Annotated[ActorQuery, Depends(actor_query)]


@router.get("/actors/{code}", tags=["actors"])
def get_actor(database: DatabaseDep, q: ActorQueryDep) -> JSONResponse:
    """An actor's events: codes matched, top partner actors and countries, event types."""
    with database.cursor() as cur:
        summary = dbq.queries.actor(cur, q.code, start=q.start, end=q.end, limit=q.limit)
        if summary.events == 0:
            raise HTTPException(404, f"no events with actor {q.code!r} in this store")
        partner_countries = dbq.partner_countries(
            cur, q.code, start=q.start, end=q.end, limit=q.limit
        )
    return JSONResponse(
        {
            "code": q.code,
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
def get_actor_partners(database: DatabaseDep, q: ActorQueryDep) -> JSONResponse:
    """The countries an actor has most events with (either direction), per quad class:
    the light part of /actors/{code}, for charts."""
    with database.cursor() as cur:
        require_actors(cur, q.code)
        rows = dbq.partner_countries(cur, q.code, start=q.start, end=q.end, limit=q.limit)
    return JSONResponse({"code": q.code, "partner_countries": rows})


@router.get("/countries", tags=["actors"])
def list_countries(database: DatabaseDep) -> JSONResponse:
    """Countries with events in the store, most events first (for pickers)."""
    with database.cursor() as cur:
        return JSONResponse({"countries": dbq.countries(cur)})
