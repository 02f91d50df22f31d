"""Service routes: the dashboard and API docs pages, and ``/health`` (``/status`` is in
``dateline.api.status``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse

from dateline.api import db as dbq
from dateline.api.deps import DatabaseDep

# The dashboard, the docs page and their scripts (mounted at /static by create_app).
STATIC_DIR = Path(__file__).resolve().parents[1] / "static"

router = APIRouter()


@router.get("/", include_in_schema=False)
def dashboard() -> FileResponse:
    return FileResponse(STATIC_DIR / "index.html")


@router.get("/docs", include_in_schema=False)
def docs() -> FileResponse:
    return FileResponse(STATIC_DIR / "docs.html")


@router.get("/health", tags=["service"])
def health(database: DatabaseDep, request: Request) -> dict[str, Any]:
    """Service status and row counts of the store."""
    with database.cursor() as cur:
        counts = dbq.counts(cur)
    return {
        "status": "ok",
        "read_only": not database.writable,
        "write_enabled": request.app.state.guard.enabled,
        "schema_version": database.schema_version,
        "reopen": database.reopen,
        "counts": counts,
    }
