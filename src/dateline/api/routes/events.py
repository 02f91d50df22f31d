"""``/events``, ``/events/{id}`` and ``/export``: events, their provenance, bulk files."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, StreamingResponse

from dateline.api import db as dbq
from dateline.api.deps import (
    DatabaseDep,
    Level,
    event_filters,
    level_filters,
)
from dateline.api.export import EVENT_ONLY, FORMATS, stream
from dateline.api.params import (
    DEFAULT_PAGE_SIZE,
    EVENT_ID_PATTERN,
    MAX_CURSOR_CHARS,
    MAX_PAGE_SIZE,
    BadRequest,
    Cursor,
)

router = APIRouter()


@router.get("/events", tags=["events"])
def list_events(
    database: DatabaseDep,
    filters: Annotated[dict[str, Any], Depends(event_filters)],
    level: Annotated[Level, Query(description="Deduplicated events or mentions.")] = "event",
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE,
    cursor: Annotated[
        str | None,
        Query(max_length=MAX_CURSOR_CHARS, description="next_cursor of the previous page."),
    ] = None,
) -> JSONResponse:
    """Events matching the filters, ordered by date (undated last) then id.

    Returns `{"items": [...], "next_cursor": ..., "limit": n}`; pass `next_cursor` back
    as `cursor` (with the same filters) for the next page; it is null on the last page.
    """
    after = Cursor.decode(cursor, level=level) if cursor else None
    filters = level_filters(level, filters)
    with database.cursor() as cur:
        rows, nxt = dbq.events_page(cur, level=level, filters=filters, limit=limit, after=after)
    return JSONResponse(
        {"items": rows, "next_cursor": nxt.encode() if nxt else None, "limit": limit}
    )


@router.get("/events/{event_id}", tags=["events"])
def get_event(
    database: DatabaseDep,
    event_id: Annotated[str, PathParam(pattern=EVENT_ID_PATTERN)],
) -> JSONResponse:
    """One deduplicated event with every mention: outlet, URL, date, sentence, and the
    trigger/source/target spans as offsets into the sentence for highlighting. The id
    may also be a mention's id or the coder's id of a mention (`dateline code` output):
    it resolves to the event the mention belongs to."""
    with database.cursor() as cur:
        try:
            detail = dbq.event_detail(cur, event_id)
        except KeyError as exc:
            raise HTTPException(404, str(exc.args[0])) from None
    return JSONResponse(detail)


@router.get("/export", tags=["events"])
def export(
    database: DatabaseDep,
    filters: Annotated[dict[str, Any], Depends(event_filters)],
    format: Literal["csv", "jsonl", "parquet", "gdelt", "icews", "plover"] = "csv",
    level: Level = "event",
    header: Annotated[
        bool, Query(description="gdelt: add a header row (GDELT's files have none).")
    ] = False,
) -> StreamingResponse:
    """All events matching the filters (same as /events), streamed as CSV, JSON Lines or
    Parquet with the columns of /events, or in the layouts of `dateline export`: gdelt
    (GDELT 2.0's 61 event columns, tab-separated), icews (the ICEWS event table) or plover
    (PLOVER JSON Lines), which hold deduplicated events only."""
    if format in EVENT_ONLY and level != "event":
        raise BadRequest(f"format={format} holds deduplicated events only (level=event)")
    filters = level_filters(level, filters)
    media, ext = FORMATS[format]
    name = f"dateline-{format}" if format in EVENT_ONLY else f"dateline-{level}s"
    return StreamingResponse(
        stream(database, format, level, filters, header=header),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{name}.{ext}"'},
    )
