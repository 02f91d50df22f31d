"""The optional write endpoint: ``POST /articles`` codes a submitted article and stores it.

Off unless the app is given a token. The token is compared in constant time; a request
without one gets 401, a wrong one 403. Coding needs the NLP pipeline, loaded on the first
accepted request (a read-only server never loads it).
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field

from dateline.api.params import DATE_PATTERN
from dateline.model import Article, Document

Coder = Callable[[Article], Document]

# The largest article text accepted (characters); the request body limit is a bit above.
MAX_ARTICLE_CHARS = 1_000_000


class ArticleIn(BaseModel):
    """An article to code: plain text (default) or an HTML page."""

    model_config = ConfigDict(extra="forbid")

    text: Annotated[str, Field(min_length=1, max_length=MAX_ARTICLE_CHARS)]
    format: Literal["text", "html"] = "text"
    title: Annotated[str | None, Field(max_length=1000)] = None
    url: Annotated[str | None, Field(max_length=2000, pattern=r"^https?://\S+$")] = None
    outlet: Annotated[str | None, Field(max_length=200)] = None
    published: Annotated[str | None, Field(pattern=DATE_PATTERN)] = None


class WriteGuard:
    """Checks the bearer token of write requests."""

    def __init__(self, token: str | None) -> None:
        self._token = token.encode() if token else None

    @property
    def enabled(self) -> bool:
        return self._token is not None

    def __call__(self, request: Request) -> None:
        if self._token is None:
            raise HTTPException(
                403,
                "the write endpoint is disabled: start the server with --token-env NAME "
                "(NAME being an environment variable that holds the token) to enable it",
            )
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not given.strip():
            raise HTTPException(
                401,
                "this endpoint needs the write token: send 'Authorization: Bearer <token>'",
                headers={"WWW-Authenticate": "Bearer"},
            )
        if not hmac.compare_digest(given.strip().encode(), self._token):
            raise HTTPException(403, "wrong write token")


class PipelineCoder:
    """Codes articles with the full pipeline, loaded once on first use."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pipeline: Any = None

    def __call__(self, article: Article) -> Document:
        with self._lock:
            if self._pipeline is None:
                from dateline.pipeline import load_pipeline

                self._pipeline = load_pipeline()
            doc: Document = self._pipeline.code(article)
        return doc


def to_article(body: ArticleIn) -> Article:
    """Clean the submitted text or HTML into an Article (InputError if nothing is left)."""
    from dateline.ingest import article_from_html, article_from_text

    if body.format == "html":
        return article_from_html(
            body.text,
            origin="<POST /articles>",
            url=body.url,
            title=body.title,
            outlet=body.outlet,
            record_published=body.published,
        )
    return article_from_text(
        body.text,
        origin="<POST /articles>",
        url=body.url,
        title=body.title,
        outlet=body.outlet,
        record_published=body.published,
    )
