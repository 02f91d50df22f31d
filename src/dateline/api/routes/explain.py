"""``/explain``: why a text is coded as it is (``dateline.explain``), for analysts.

Off unless the server is started with ``explain=True`` (``dateline serve --explain``): it
needs the NLP pipeline, which a server otherwise loads only to code POSTed articles. The
text is explained in the coding worker, one request at a time, within the time budget.
"""

from __future__ import annotations

from typing import Annotated, Any

import anyio.to_thread
from fastapi import APIRouter, HTTPException, Query, Request

from dateline.api.deps import coding_limiter
from dateline.api.write import Refused

# The longest text explained (characters): a few paragraphs, what fits a URL comfortably.
MAX_EXPLAIN_CHARS = 4000

router = APIRouter()


@router.get(
    "/explain",
    tags=["explain"],
    responses={
        400: {"description": "Nothing to explain in the text."},
        404: {"description": "Explaining is off on this server."},
        422: {"description": "Invalid parameters, or explaining took longer than the budget."},
    },
)
async def explain(
    request: Request,
    text: Annotated[
        str,
        Query(
            min_length=1,
            max_length=MAX_EXPLAIN_CHARS,
            description="News text: every sentence is explained.",
        ),
    ],
    published: Annotated[
        str | None,
        Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="Publication date, YYYY-MM-DD."),
    ] = None,
) -> dict[str, Any]:
    """Why each sentence of ``text`` gives the events it gives: the actors found and the
    rule that coded each, the trigger candidates and their frames, every check that vetoed
    or changed a candidate, and the mood, date and place rules of the events coded (the
    same as `dateline explain --json`)."""
    state = request.app.state
    if not state.explain:
        raise HTTPException(
            404, "explaining is off: start the server with --explain (it loads the NLP pipeline)"
        )
    try:
        explanation = await anyio.to_thread.run_sync(
            state.submissions.explain, text, published, limiter=coding_limiter(state)
        )
    except Refused as exc:
        raise HTTPException(exc.status, exc.reason) from None
    return explanation.to_dict()
