"""``/articles``: a stored article, and ``POST /articles`` (code and store one)."""

from __future__ import annotations

from typing import Annotated

import anyio.to_thread
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse

from dateline.api import db as dbq
from dateline.api.deps import (
    DatabaseDep,
    coding_limiter,
    require_token,
)
from dateline.api.params import ARTICLE_ID_PATTERN
from dateline.api.write import ArticleIn, Refused
from dateline.model import Document

router = APIRouter()


@router.get("/articles/{article_id}", tags=["articles"])
def get_article(
    database: DatabaseDep,
    article_id: Annotated[str, PathParam(pattern=ARTICLE_ID_PATTERN)],
) -> JSONResponse:
    """A stored article: metadata, body, its event mentions (with highlight offsets),
    entities and quantities."""
    with database.cursor() as cur:
        detail = dbq.article_detail(cur, article_id)
    if detail is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return JSONResponse(detail)


@router.post(
    "/articles",
    tags=["articles"],
    status_code=201,
    dependencies=[Depends(require_token)],
    responses={
        200: {"description": "Already stored (same text): nothing added."},
        400: {"description": "No article in the text or page (the reason says why)."},
        401: {"description": "No token."},
        403: {"description": "Wrong token, or writes disabled."},
        422: {"description": "Invalid fields, or coding took longer than the budget."},
    },
)
async def post_article(body: ArticleIn, request: Request) -> JSONResponse:
    """Code a submitted article and store it. Needs `Authorization: Bearer <token>` and a
    server started with a write token."""
    # Submissions wait for the coding process one at a time, on a thread outside the
    # pool that answers reads: however many queue up, /health and reads go on.
    state = request.app.state
    limiter = coding_limiter(state)
    try:
        doc = await anyio.to_thread.run_sync(state.submissions, body, limiter=limiter)
    except Refused as exc:
        raise HTTPException(exc.status, exc.reason) from None
    return await anyio.to_thread.run_sync(_store_coded, state.database, doc)


def _store_coded(database: dbq.Database, doc: Document) -> JSONResponse:
    article = doc.article
    # e.g. a published date outside the plausible dates, ignored
    warnings = list(article.warnings)
    with database.write_lock:
        report = database.writer().ingest([doc])
    if report.stored == 0:
        # The same text arrived in a parallel request and was stored first.
        return JSONResponse(
            {"article_id": article.id, "stored": False, "events": [], "warnings": warnings}
        )
    events = [
        {
            "id": e.id,
            "date": e.date,
            "source": e.source.code,
            "target": e.target.code if e.target else None,
            "cameo": e.cameo.code,
            "plover": e.plover.event,
            "trigger": e.trigger.text,
            "sentence": e.sentence.text,
            "negated": e.negated,
            "hypothetical": e.hypothetical,
        }
        for e in doc.events
    ]
    return JSONResponse(
        {"article_id": article.id, "stored": True, "events": events, "warnings": warnings},
        status_code=201,
    )
