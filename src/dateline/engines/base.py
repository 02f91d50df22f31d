"""What every engine shares: the interface, its item types and chunking that keeps errors
in place."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Protocol, TypeAlias, runtime_checkable

from dateline.errors import DatelineError, InputError
from dateline.model import Article, Document

if TYPE_CHECKING:
    from dateline.pipeline import PipelineConfig

Item: TypeAlias = Article | InputError
Result: TypeAlias = Document | InputError


@runtime_checkable
class Engine(Protocol):
    """Codes a stream of articles. Output order is input order; an ``InputError`` in the
    input comes out unchanged in its place, so callers can report it and go on."""

    def code(self, articles: Iterable[Item]) -> Iterator[Result]: ...


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


def code_chunk(pipeline: Coder, chunk: list[Item]) -> Iterator[Result]:
    articles = articles_of(chunk)
    documents = pipeline.code_many(articles) if articles else iter(())
    yield from merge(chunk, documents)
