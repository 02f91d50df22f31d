"""The optional write endpoint: ``POST /articles`` codes a submitted article and stores it.

Off unless the app is given a token (at least ``MIN_TOKEN_CHARS`` long). The token is
compared in constant time; a request without one gets 401, a wrong one 403. Coding needs the
NLP pipeline, loaded in a worker process on the first accepted request (a read-only server
never loads it); each submission is cleaned and coded there within the time budget.
"""

from __future__ import annotations

import hmac
import multiprocessing
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar

from fastapi import HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field

from dateline.api.params import DATE_PATTERN
from dateline.budget import DEFAULT_DOCUMENT_SECONDS, DocumentTimeout, over_budget, time_budget
from dateline.errors import DatelineError, InputError
from dateline.model import Article, Document

if TYPE_CHECKING:  # the explanation is made in the worker process, which loads the pipeline
    from dateline.explain import Explanation

Coder = Callable[[Article], Document]
T = TypeVar("T")

# The largest article text accepted (characters); the request body limit is a bit above.
MAX_ARTICLE_CHARS = 1_000_000
# The shortest write token accepted: a short one can be guessed (16 random characters are
# about 95 bits; `openssl rand -hex 32` gives 64).
MIN_TOKEN_CHARS = 16


class ArticleIn(BaseModel):
    """An article to code: plain text (default) or an HTML page."""

    model_config = ConfigDict(extra="forbid")

    text: Annotated[str, Field(min_length=1, max_length=MAX_ARTICLE_CHARS)]
    format: Literal["text", "html"] = "text"
    title: Annotated[str | None, Field(max_length=1000)] = None
    url: Annotated[str | None, Field(max_length=2000, pattern=r"^https?://\S+$")] = None
    outlet: Annotated[str | None, Field(max_length=200)] = None
    published: Annotated[str | None, Field(pattern=DATE_PATTERN)] = None


class WeakToken(DatelineError):
    """The write token is too short to be a secret."""


class WriteGuard:
    """Checks the bearer token of write requests."""

    def __init__(self, token: str | None) -> None:
        if token is not None and len(token) < MIN_TOKEN_CHARS:
            raise WeakToken(
                f"the write token has {len(token)} characters, fewer than the "
                f"{MIN_TOKEN_CHARS} required: use a long random secret "
                "(e.g. `openssl rand -hex 32`)"
            )
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


def pipeline_coder(article: Article) -> Document:
    """The default coder: the full pipeline, loaded once per process on first use."""
    from dateline.pipeline import shared_pipeline

    return shared_pipeline().code(article)


class Refused(DatelineError):
    """A submission that gives no coded article: ``status`` is the HTTP answer's."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


class SubmissionCoder:
    """Codes submitted articles in a worker process, one at a time, within a time budget.

    Cleaning (HTML extraction) and coding run there, not in the server: whatever a page
    costs, the server's own threads and event loop go on answering (a long call into lxml
    holds the interpreter lock of its process for all of it). The worker enforces the
    budget itself (``dateline.budget``); should it not answer ``HARD_GRACE_SECONDS`` after
    the budget, it is killed and a new one is started for the next submission.
    """

    def __init__(
        self, coder: Coder = pipeline_coder, seconds: float | None = DEFAULT_DOCUMENT_SECONDS
    ) -> None:
        self.coder = coder
        self.seconds = seconds
        self._lock = threading.Lock()
        self._pool: Any = None

    def __call__(self, body: ArticleIn) -> Document:
        """The coded article; ``Refused`` (400 when there is no article, 422 when over the
        budget) otherwise."""
        status, outcome = self._run(_code_submission, body)
        if isinstance(outcome, Document):
            return outcome
        raise Refused(status, outcome)

    def explain(self, text: str, published: str | None) -> Explanation:
        """Why ``text`` is coded as it is (``dateline.explain``), worked out in the same
        worker and budget as submissions; ``Refused`` otherwise."""
        status, outcome = self._run(_explain_text, text, published)
        if isinstance(outcome, str):
            raise Refused(status, outcome)
        return outcome

    def _run(self, task: Callable[..., tuple[int, Any]], *args: Any) -> tuple[int, Any]:
        """``task(*args, seconds)`` in the worker, one at a time; the worker is killed when
        it does not answer ``HARD_GRACE_SECONDS`` after the budget."""
        with self._lock:
            pool = self._ready_pool()
            pending = pool.apply_async(task, (*args, self.seconds))
            wait = None if not self.seconds else self.seconds + HARD_GRACE_SECONDS
            try:
                result: tuple[int, Any] = pending.get(timeout=wait)
            except multiprocessing.TimeoutError:
                self._stop()
                raise Refused(422, over_budget(self.seconds or 0)) from None
        return result

    def close(self) -> None:
        with self._lock:
            self._stop()

    def _ready_pool(self) -> Any:
        if self._pool is None:
            pool = multiprocessing.get_context("spawn").Pool(
                1, initializer=_init_worker, initargs=(self.coder,)
            )
            # Starting the worker (and loading the pipeline) is not the article's time.
            pool.apply(_ping)
            self._pool = pool
        return self._pool

    def _stop(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


# Seconds the server waits past the budget for the worker, which enforces it itself, before
# it kills the worker (stuck in one long call into C code).
HARD_GRACE_SECONDS = 10.0

_worker_coder: Coder | None = None


# Cleaned once when the worker starts, so that loading the cleaning's models and libraries
# (language profiles, trafilatura) is not counted in the first article's budget.
_WARM_UP = ArticleIn(
    # Under ENGLISH_MIN_WORDS: the language detector is asked, so its profiles are loaded.
    text="<html><body><p>" + "The talks went on for a long time. " * 3 + "</p></body></html>",
    format="html",
)


def _init_worker(coder: Coder) -> None:
    global _worker_coder
    _worker_coder = coder
    to_article(_WARM_UP)
    if coder is pipeline_coder:
        from dateline.pipeline import shared_pipeline

        shared_pipeline()


def _ping() -> bool:
    return True


def _code_submission(body: ArticleIn, seconds: float | None) -> tuple[int, Document | str]:
    """In the worker: (201, the coded article) or (HTTP status, why not)."""
    coder = _worker_coder
    assert coder is not None
    return _answer(201, lambda: coder(to_article(body)), seconds, "coding", "no article to code")


def _explain_text(
    text: str, published: str | None, seconds: float | None
) -> tuple[int, Explanation | str]:
    """In the worker: (200, the explanation) or (HTTP status, why not). The pipeline is
    loaded before the budget starts: loading it is not the text's time."""
    from dateline.explain import explain_text
    from dateline.pipeline import shared_pipeline

    pipeline = shared_pipeline()
    return _answer(
        200,
        lambda: explain_text(text, published=published, pipeline=pipeline),
        seconds,
        "explaining",
        "nothing to explain",
    )


def _answer(
    status: int, work: Callable[[], T], seconds: float | None, doing: str, nothing: str
) -> tuple[int, T | str]:
    """(``status``, what ``work`` gives within the budget) or (HTTP status, why not)."""
    try:
        with time_budget(seconds):
            return status, work()
    except InputError as exc:
        return 400, f"{nothing}: {exc.reason}"
    except DocumentTimeout as exc:
        return 422, str(exc)
    except Exception as exc:  # noqa: BLE001 - a bug: reported, and the worker goes on
        return 500, f"{doing} failed: {type(exc).__name__}"


def to_article(body: ArticleIn) -> Article:
    """Clean the submitted text or HTML into an Article (InputError if nothing is left)."""
    from dateline.ingest import article_from_html, article_from_text

    clean = article_from_html if body.format == "html" else article_from_text
    return clean(
        body.text,
        origin="<POST /articles>",
        url=body.url,
        title=body.title,
        outlet=body.outlet,
        record_published=body.published,
    )
