"""What every engine shares: the interface, its item types, chunking that keeps errors in
place, and the isolation of an article whose coding raises."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Protocol, TypeAlias, runtime_checkable

from dateline.budget import DEFAULT_DOCUMENT_SECONDS, DocumentTimeout, time_budget
from dateline.errors import DatelineError, InputError
from dateline.model import CODING_FAILED, Article, Document

if TYPE_CHECKING:
    from dateline.pipeline import PipelineConfig

Item: TypeAlias = Article | InputError
Result: TypeAlias = Document | InputError


@runtime_checkable
class Engine(Protocol):
    """Codes a stream of articles. Output order is input order; an ``InputError`` in the
    input comes out unchanged in its place, so callers can report it and go on (and, with
    isolation, an article whose coding raises comes out uncoded, see ``code_isolated``)."""

    def code(self, articles: Iterable[Item]) -> Iterator[Result]: ...


# Longest reason kept in that warning: one readable line, though a message may quote a
# whole article.
MAX_REASON_CHARS = 300


class Coder(Protocol):
    """What an engine runs in each process: ``dateline.pipeline.Pipeline`` or a stand-in."""

    def code_many(self, articles: Iterable[Article]) -> Iterator[Document]: ...


def load_pipeline(config: PipelineConfig | None) -> Coder:
    """The default coder factory (a module-level function, so worker processes can use it)."""
    from dateline.pipeline import Pipeline

    return Pipeline(config)


class EngineError(DatelineError):
    """The engine itself failed (a worker died, the cluster cannot be reached)."""


def available_cpus() -> int:
    """Cores this process may run on (the affinity mask, not the machine's total)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS and Windows have no affinity mask
        return max(1, os.cpu_count() or 1)


def chunked(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Consecutive chunks of at most ``size`` items; nothing is read ahead of need."""
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def articles_of(chunk: list[Item]) -> list[Article]:
    return [item for item in chunk if isinstance(item, Article)]


def merge(chunk: list[Item], documents: Iterable[Document]) -> Iterator[Result]:
    """Put the coded documents back between the chunk's errors, in input order."""
    coded = iter(documents)
    for item in chunk:
        yield item if isinstance(item, InputError) else next(coded)


def code_chunk(
    pipeline: Coder,
    chunk: list[Item],
    *,
    isolate: bool = False,
    seconds: float | None = DEFAULT_DOCUMENT_SECONDS,
) -> Iterator[Result]:
    articles = articles_of(chunk)
    if not articles:
        documents: Iterable[Document] = ()
    elif isolate:
        documents = code_isolated(pipeline, articles, seconds=seconds)
    else:
        documents = pipeline.code_many(articles)
    yield from merge(chunk, documents)


def code_isolated(
    coder: Coder, articles: list[Article], *, seconds: float | None = DEFAULT_DOCUMENT_SECONDS
) -> list[Document]:
    """Code ``articles``, one document per article in input order; an article whose coding
    raises, or takes longer than ``seconds`` (the time budget per document, see
    ``dateline.budget``), comes back uncoded, with a ``CODING_FAILED`` warning, instead of
    stopping the run.

    The chunk is coded as one batch, each document due within ``seconds`` of the one before
    (the first also waits for the batch's parse); when that fails, the documents already
    made are kept and the remaining articles are coded one by one, each with a full budget,
    so only the culprit is lost.
    """
    done: list[Document] = []
    try:
        with time_budget(seconds) as clock:
            for document in coder.code_many(articles):
                done.append(document)
                clock.restart()
        return done
    except (Exception, DocumentTimeout):  # noqa: BLE001 - found article by article below
        pass
    for article in articles[len(done) :]:
        try:
            with time_budget(seconds):
                coded = list(coder.code_many([article]))
            done.extend(coded)
        except DocumentTimeout as exc:
            done.append(Document(article=article, warnings=[CODING_FAILED + str(exc)]))
        except Exception as exc:  # noqa: BLE001 - one article must not stop a run
            done.append(Document(article=article, warnings=[CODING_FAILED + failure_reason(exc)]))
    return done


def failure_reason(exc: BaseException) -> str:
    """``exc`` as one line: its type and message, no traceback, at most MAX_REASON_CHARS."""
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= MAX_REASON_CHARS else text[: MAX_REASON_CHARS - 1] + "…"
