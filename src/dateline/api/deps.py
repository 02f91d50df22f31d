"""What the routes share: the database and the write guard of the app serving the request,
and the validated parameters of several routes (``/events`` and ``/export`` filters)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import anyio
from fastapi import Depends, HTTPException, Query, Request
from fastapi import Path as PathParam
from pydantic import Field

from dateline.api import db as dbq
from dateline.api.params import (
    ACTOR_PATTERN,
    CAMEO_PATTERN,
    CODE_PATTERN,
    DATE_PATTERN,
    DYAD_PATTERN,
    MAX_TEXT_CHARS,
    PLOVER_PATTERN,
    ROOT_PATTERN,
    BadRequest,
    date_range,
)
from dateline.codebook import load_codebook


def get_database(request: Request) -> dbq.Database:
    """The store of the app serving this request (``create_app`` puts it in ``app.state``)."""
    database: dbq.Database = request.app.state.database
    return database


DatabaseDep = Annotated[dbq.Database, Depends(get_database)]


def require_token(request: Request) -> None:
    """The write guard of the app (``WriteGuard``): 401/403 without the right token."""
    request.app.state.guard(request)


def coding_limiter(state: Any) -> anyio.CapacityLimiter:
    """The one-at-a-time limiter of the requests that use the coding worker (``POST
    /articles``, ``/explain``), made on first use: a limiter belongs to the event loop that
    serves the app."""
    if state.coding_limiter is None:
        state.coding_limiter = anyio.CapacityLimiter(1)
    limiter: anyio.CapacityLimiter = state.coding_limiter
    return limiter


def require_actors(cur: Any, *codes: str) -> None:
    for code in codes:
        if not dbq.actor_known(cur, code):
            raise HTTPException(404, f"no events with actor {code!r} in this store")


# --- parameters shared by /events and /export ----------------------------------------

Level = Literal["event", "mention"]


def event_filters(
    actor: Annotated[
        str | None,
        Query(
            max_length=MAX_TEXT_CHARS,
            pattern=ACTOR_PATTERN,
            description="Actor code, code prefix or resolved name, on either side.",
        ),
    ] = None,
    country: Annotated[
        str | None,
        Query(pattern=CODE_PATTERN, description="Country (ISO alpha-3) or CAMEO code prefix."),
    ] = None,
    dyad: Annotated[
        str | None,
        Query(
            pattern=DYAD_PATTERN,
            description="Two actors, comma-separated: KAZ,CHN.",
        ),
    ] = None,
    directed: Annotated[bool, Query(description="With dyad: only events from A to B.")] = False,
    cameo: Annotated[
        str | None, Query(pattern=CAMEO_PATTERN, description="CAMEO event code or prefix.")
    ] = None,
    root: Annotated[str | None, Query(pattern=ROOT_PATTERN, description="CAMEO root.")] = None,
    plover: Annotated[
        str | None, Query(pattern=PLOVER_PATTERN, description="PLOVER event, e.g. CONSULT.")
    ] = None,
    quad_class: Annotated[
        list[Annotated[int, Field(ge=1, le=4)]] | None,
        Query(description="Quad class 1-4; repeat for several."),
    ] = None,
    start: Annotated[
        str | None, Query(pattern=DATE_PATTERN, description="From date, YYYY[-MM[-DD]].")
    ] = None,
    end: Annotated[
        str | None,
        Query(pattern=DATE_PATTERN, description="To date, inclusive, YYYY[-MM[-DD]]."),
    ] = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    min_sources: Annotated[
        int | None, Query(ge=1, le=1_000_000, description="Event level only.")
    ] = None,
    text: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=MAX_TEXT_CHARS,
            description="Case-insensitive substring of the evidence sentence.",
        ),
    ] = None,
    outlet: Annotated[str | None, Query(min_length=1, max_length=MAX_TEXT_CHARS)] = None,
    include_negated: Annotated[bool, Query(description="Mention level only.")] = False,
    include_hypothetical: Annotated[bool, Query(description="Mention level only.")] = False,
) -> dict[str, Any]:
    lo, hi = date_range(start, end)
    if cameo is not None and not load_codebook().is_valid(cameo):
        raise BadRequest(f"cameo: {cameo!r} is not a CAMEO code (e.g. 04, 042, 0431)")
    if root is not None and not 1 <= int(root) <= 20:
        raise BadRequest(f"root: CAMEO roots are 01-20, not {root!r}")
    filters: dict[str, Any] = {
        "actor": actor,
        "country": country.upper() if country else None,
        "directed": directed,
        "cameo": cameo,
        "root": root,
        "plover": plover,
        "quad_class": quad_class or None,
        "start": lo,
        "end": hi,
        "min_confidence": min_confidence,
        "min_sources": min_sources,
        "text": text,
        "outlet": outlet,
        "include_negated": include_negated,
        "include_hypothetical": include_hypothetical,
    }
    if dyad is not None:
        a, b = dyad.upper().split(",")
        filters["dyad"] = (a, b)
    return filters


def level_filters(level: Level, filters: dict[str, Any]) -> dict[str, Any]:
    if level == "mention":
        if filters.get("min_sources") is not None:
            raise BadRequest("min_sources applies to deduplicated events (level=event)")
        return filters
    return {
        k: v for k, v in filters.items() if k not in ("include_negated", "include_hypothetical")
    }


CodePath = Annotated[str, PathParam(pattern=CODE_PATTERN, description="Country or actor code.")]
DateQuery = Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY[-MM[-DD]]")]
