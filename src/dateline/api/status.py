"""``GET /status``: is the database being kept current? The watcher's last cycle, each
source's health, when articles were last stored, the latest coded events and row counts.

Read from the ``watch_*`` tables the watcher keeps in the database, so the answer is the
same whether the watcher runs inside the server (``dateline serve --feed ...``) or ran
from cron before the server opened the file.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from dateline.api import db as dbq
from dateline.api.deps import DatabaseDep

router = APIRouter()


@router.get("/status", tags=["service"])
def status(database: DatabaseDep, request: Request) -> dict[str, Any]:
    """The watcher's last cycle and per-source health, when the database was last
    updated, its latest coded events and its row counts."""
    from dateline.watch import state

    with database.cursor() as cur:
        watch = state.status(cur)
        out = {
            "last_updated": state.last_updated(cur),
            "last_cycle": watch["last_cycle"],
            "sources": watch["sources"],
            "latest_events": state.latest_events(cur),
            "counts": dbq.counts(cur),
            "watching": bool(getattr(request.app.state, "watching", False)),
        }
    return dbq.jsonable(out)
