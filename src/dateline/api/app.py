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
from typing import Annotated, Any, Literal

import anyio.to_thread
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from dateline.api import db as dbq
from dateline.api.export import EVENT_ONLY, FORMATS, stream
from dateline.api.params import (
    ACTOR_PATTERN,
    ARTICLE_ID_PATTERN,
    CAMEO_PATTERN,
    CODE_PATTERN,
    DATE_PATTERN,
    DEFAULT_PAGE_SIZE,
    DYAD_PATTERN,
    EVENT_ID_PATTERN,
    MAX_BODY_BYTES,
    MAX_CURSOR_CHARS,
    MAX_PAGE_SIZE,
    MAX_TEXT_CHARS,
    PLOVER_PATTERN,
    ROOT_PATTERN,
    BadRequest,
    Cursor,
    date_range,
)
from dateline.api.status import add_status_route
from dateline.api.write import (
    ArticleIn,
    Coder,
    Refused,
    SubmissionCoder,
    WriteGuard,
    pipeline_coder,
)
from dateline.budget import DEFAULT_DOCUMENT_SECONDS
from dateline.codebook import load_codebook
from dateline.errors import StoreLockedError
from dateline.model import Document

STATIC_DIR = Path(__file__).parent / "static"

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


def _level_filters(level: Level, filters: dict[str, Any]) -> dict[str, Any]:
    if level == "mention":
        if filters.get("min_sources") is not None:
            raise BadRequest("min_sources applies to deduplicated events (level=event)")
        return filters
    return {
        k: v for k, v in filters.items() if k not in ("include_negated", "include_hypothetical")
    }


CodePath = Annotated[str, PathParam(pattern=CODE_PATTERN, description="Country or actor code.")]
DateQuery = Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY[-MM[-DD]]")]


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
    (``dateline serve --feed ...``).
    """
    guard = WriteGuard(write_token)
    database = dbq.Database(db_path, writable=writable or write_token is not None, reopen=reopen)
    code_article = SubmissionCoder(coder or pipeline_coder, time_budget)
    # Made on first use: a limiter belongs to the event loop that serves the app.
    write_limiters: dict[str, anyio.CapacityLimiter] = {}

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
    app.state.database = database
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(GuardMiddleware)
    _install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC_DIR / "docs.html")

    @app.get("/health", tags=["service"])
    def health() -> dict[str, Any]:
        """Service status and row counts of the store."""
        with database.cursor() as cur:
            counts = dbq.counts(cur)
        return {
            "status": "ok",
            "read_only": not database.writable,
            "write_enabled": guard.enabled,
            "schema_version": database.schema_version,
            "reopen": database.reopen,
            "counts": counts,
        }

    add_status_route(app, database)

    @app.get("/events", tags=["events"])
    def list_events(
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
        filters = _level_filters(level, filters)
        with database.cursor() as cur:
            rows, nxt = dbq.events_page(cur, level=level, filters=filters, limit=limit, after=after)
        return JSONResponse(
            {"items": rows, "next_cursor": nxt.encode() if nxt else None, "limit": limit}
        )

    @app.get("/events/{event_id}", tags=["events"])
    def get_event(
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

    @app.get("/dyads", tags=["dyads"])
    def list_dyads(limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 10) -> JSONResponse:
        """Pairs of countries with the most events between them, most first (the
        dashboard's first view shows the first)."""
        with database.cursor() as cur:
            return JSONResponse({"dyads": dbq.top_dyads(cur, limit)})

    @app.get("/dyads/{a}/{b}/timeseries", tags=["dyads"])
    def dyad_timeseries(
        a: CodePath,
        b: CodePath,
        by: Literal["day", "week", "month", "year"] = "month",
        directed: bool = False,
        start: DateQuery = None,
        end: DateQuery = None,
        level: Level = "event",
        min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    ) -> JSONResponse:
        """A complete panel (zeros kept) of events between A and B per period: counts per
        quad class, Goldstein sum and mean, net cooperation."""
        a, b = a.upper(), b.upper()
        lo, hi = date_range(start, end)
        with database.cursor() as cur:
            _require_actors(cur, a, b)
            try:
                # Clamped to the data and bounded to MAX_PERIODS by the query itself.
                frame = dbq.queries.dyad(
                    cur,
                    a,
                    b,
                    by=by,
                    directed=directed,
                    start=lo,
                    end=hi,
                    level=level,
                    min_confidence=min_confidence,
                )
            except ValueError as exc:
                raise BadRequest(str(exc)) from exc
        return JSONResponse(
            {
                "a": a,
                "b": b,
                "by": by,
                "directed": directed,
                "level": level,
                "periods": dbq.frame_records(frame),
            }
        )

    @app.get("/dyads/{a}/{b}/event-types", tags=["dyads"])
    def dyad_event_types(
        a: CodePath,
        b: CodePath,
        directed: bool = False,
        start: DateQuery = None,
        end: DateQuery = None,
    ) -> JSONResponse:
        """Events between A and B per CAMEO event code, most frequent first."""
        a, b = a.upper(), b.upper()
        lo, hi = date_range(start, end)
        with database.cursor() as cur:
            _require_actors(cur, a, b)
            rows = dbq.dyad_event_types(cur, a, b, directed=directed, start=lo, end=hi)
        return JSONResponse({"a": a, "b": b, "directed": directed, "types": rows})

    @app.get("/actors/{code}", tags=["actors"])
    def get_actor(
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

    @app.get("/actors/{code}/partners", tags=["actors"])
    def get_actor_partners(
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
            _require_actors(cur, code)
            rows = dbq.partner_countries(cur, code, start=lo, end=hi, limit=limit)
        return JSONResponse({"code": code, "partner_countries": rows})

    @app.get("/countries", tags=["actors"])
    def list_countries() -> JSONResponse:
        """Countries with events in the store, most events first (for pickers)."""
        with database.cursor() as cur:
            return JSONResponse({"countries": dbq.countries(cur)})

    @app.get("/articles/{article_id}", tags=["articles"])
    def get_article(
        article_id: Annotated[str, PathParam(pattern=ARTICLE_ID_PATTERN)],
    ) -> JSONResponse:
        """A stored article: metadata, body, its event mentions (with highlight offsets),
        entities and quantities."""
        with database.cursor() as cur:
            detail = dbq.article_detail(cur, article_id)
        if detail is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return JSONResponse(detail)

    @app.get("/export", tags=["events"])
    def export(
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
        filters = _level_filters(level, filters)
        media, ext = FORMATS[format]
        name = f"dateline-{format}" if format in EVENT_ONLY else f"dateline-{level}s"
        return StreamingResponse(
            stream(database, format, level, filters, header=header),
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="{name}.{ext}"'},
        )

    @app.post(
        "/articles",
        tags=["articles"],
        status_code=201,
        dependencies=[Depends(guard)],
        responses={
            200: {"description": "Already stored (same text): nothing added."},
            400: {"description": "No article in the text or page (the reason says why)."},
            401: {"description": "No token."},
            403: {"description": "Wrong token, or writes disabled."},
            422: {"description": "Invalid fields, or coding took longer than the budget."},
        },
    )
    async def post_article(body: ArticleIn) -> JSONResponse:
        """Code a submitted article and store it. Needs `Authorization: Bearer <token>` and a
        server started with a write token."""
        # Submissions wait for the coding process one at a time, on a thread outside the
        # pool that answers reads: however many queue up, /health and reads go on.
        if "coding" not in write_limiters:
            write_limiters["coding"] = anyio.CapacityLimiter(1)
        limiter = write_limiters["coding"]
        try:
            doc = await anyio.to_thread.run_sync(code_article, body, limiter=limiter)
        except Refused as exc:
            raise HTTPException(exc.status, exc.reason) from None
        return await anyio.to_thread.run_sync(store_coded, doc)

    def store_coded(doc: Document) -> JSONResponse:
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

    return app


def _require_actors(cur: Any, *codes: str) -> None:
    for code in codes:
        if not dbq.actor_known(cur, code):
            raise HTTPException(404, f"no events with actor {code!r} in this store")


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
