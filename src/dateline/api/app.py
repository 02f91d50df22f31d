"""The FastAPI application: a REST API over an event store, and the dashboard at ``/``.

``create_app(db_path)`` opens the store read-only; pass ``write_token`` to open it for
writing and enable ``POST /articles``. Every parameter is validated (patterns, ranges, page
and body size caps); errors are JSON ``{"detail": ...}`` with a 4xx status, and anything
unexpected is a bare 500 with no traceback or internal detail in the response.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from dateline.api import db as dbq
from dateline.api import status
from dateline.api.params import (
    MAX_BODY_BYTES,
    MAX_PAGE_SIZE,
    BadRequest,
)
from dateline.api.routes import actors, articles, dyads, events, service
from dateline.api.routes import explain as explain_routes
from dateline.api.routes.service import STATIC_DIR
from dateline.api.write import (
    Coder,
    SubmissionCoder,
    WriteGuard,
    pipeline_coder,
)
from dateline.budget import DEFAULT_DOCUMENT_SECONDS
from dateline.errors import StoreLockedError

# Threads serving requests (sync endpoints run in a thread pool). DuckDB releases the GIL
# while it works, but the pandas and JSON work around it does not: many more threads than
# cores only starve the event loop, which then reads requests late (and uvicorn's keep-alive
# timer can close a connection whose next request is already waiting).
DEFAULT_WORKER_THREADS = 8

# The pages load scripts and styles only from this server; Vega evaluates its expressions
# with the vendored interpreter, so no 'unsafe-eval'. Inline styles are allowed because
# Vega and Swagger UI set element styles.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
_BODY_METHODS = {"POST", "PUT", "PATCH"}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class GuardMiddleware:
    """Security headers on every response; request bodies over ``max_body`` refused (413).

    A body is read (up to the limit) before the app sees it, whether or not the client
    declared its length, so a chunked upload cannot exceed the limit either.
    """

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        if scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send_with_headers)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await _too_large(send_with_headers, self.max_body)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await _too_large(send_with_headers, self.max_body)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send_with_headers)


async def _too_large(send: Send, limit: int) -> None:
    response = JSONResponse(
        {"detail": f"request body too large: at most {limit} bytes"}, status_code=413
    )
    await send({"type": "http.response.start", "status": 413, "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body})


def create_app(
    db_path: str | Path,
    *,
    write_token: str | None = None,
    coder: Coder | None = None,
    worker_threads: int = DEFAULT_WORKER_THREADS,
    allowed_hosts: Sequence[str] | None = None,
    reopen: bool = False,
    writable: bool = False,
    time_budget: float | None = DEFAULT_DOCUMENT_SECONDS,
    explain: bool = False,
) -> FastAPI:
    """The web service over the event store at ``db_path``.

    Read-only unless ``write_token`` is given; then ``POST /articles`` (with header
    ``Authorization: Bearer <token>``) codes and stores articles, with ``coder`` (default:
    the full pipeline, loaded on first use), in a worker process, each article within
    ``time_budget`` seconds (None: no limit). ``allowed_hosts``: the only Host headers
    answered (``dateline serve`` on loopback passes the loopback names, so that a web page
    elsewhere cannot reach the service through DNS rebinding); None answers any.
    ``reopen``: open the database per request rather than hold it, so that another process
    (``dateline ingest``) can write it between requests; requests made while it writes get
    503 with Retry-After (see ``dbq.Database``). ``writable`` opens the store for writing
    without enabling ``POST /articles``: for a watcher running in the same process
    (``dateline serve --feed ...``). ``explain`` turns on ``GET /explain``, which loads
    the NLP pipeline in the coding worker on first use.
    """
    guard = WriteGuard(write_token)
    database = dbq.Database(db_path, writable=writable or write_token is not None, reopen=reopen)
    code_article = SubmissionCoder(coder or pipeline_coder, time_budget)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = worker_threads
        yield
        code_article.close()
        database.close()

    app = FastAPI(
        title="dateline",
        summary="International-relations events coded from news: who did what to whom, when.",
        description=(
            "Read-only by default. Events are CAMEO/PLOVER coded and deduplicated across "
            "articles; every event links to the sentences that report it. "
            f"Pages hold at most {MAX_PAGE_SIZE} rows; follow `next_cursor` for more."
        ),
        version=_version(),
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    # What the routers' dependencies read (``dateline.api.deps``). The limiter is made on
    # first use: a limiter belongs to the event loop that serves the app.
    app.state.database = database
    app.state.guard = guard
    app.state.submissions = code_article
    app.state.coding_limiter = None
    app.state.explain = explain
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(GuardMiddleware)
    _install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    for router in (
        service.router,
        status.router,
        events.router,
        dyads.router,
        actors.router,
        articles.router,
        explain_routes.router,
    ):
        app.include_router(router)
    return app


# Seconds a client is asked to wait when another process is writing the database.
RETRY_AFTER_SECONDS = 5


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StoreLockedError)
    async def locked(_: Request, exc: StoreLockedError) -> JSONResponse:
        return JSONResponse(
            {"detail": f"the event database is busy: {exc}"},
            status_code=503,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )

    @app.exception_handler(BadRequest)
    async def bad_request(_: Request, exc: BadRequest) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        # Only where and what: echoing the rejected input back is pointless and unsafe.
        errors = [
            {
                "loc": [str(p) for p in err.get("loc", ())],
                "msg": str(err.get("msg", "invalid")),
                "type": str(err.get("type", "value_error")),
            }
            for err in exc.errors()
        ]
        return JSONResponse({"detail": errors}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(
            {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
        )

    @app.exception_handler(Exception)
    async def internal(_: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": "internal server error"}, status_code=500)


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("dateline")
    except Exception:  # noqa: BLE001 - an uninstalled checkout has no version
        return "0"
