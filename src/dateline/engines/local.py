"""The local engine: one process, or a pool of worker processes on this machine.

With ``workers=1`` articles are coded in this process. With more, each worker process loads
the pipeline once (the pool initializer) and codes chunks of articles; chunks are submitted
through a bounded window and collected in submission order, so the output is the same as
with one worker, in the same order, and memory stays flat however long the input is.

An article whose coding raises comes back uncoded, with a warning, in its place; the run goes
on (``isolate=False`` lets the exception through instead).
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from dateline.budget import DEFAULT_DOCUMENT_SECONDS
from dateline.engines.base import (
    Coder,
    EngineError,
    Item,
    Result,
    articles_of,
    available_cpus,
    chunked,
    code_chunk,
    code_isolated,
    load_pipeline,
    merge,
)
from dateline.engines.shards import ShardedEngine, ShardResult, code_shard
from dateline.errors import DatelineError
from dateline.model import Article, Document

if TYPE_CHECKING:
    from dateline.pipeline import PipelineConfig

CoderFactory = Callable[["PipelineConfig | None"], Coder]
# (process id, peak RSS in MB, CPU seconds used so far) as a worker reports them.
_WorkerStats = tuple[int, float, float]

# Chunks queued per worker beyond the one it is coding: enough that no worker waits for the
# parent between chunks, few enough that memory does not grow with the input.
IN_FLIGHT_PER_WORKER = 2
# "spawn" starts each worker from a clean interpreter: no inherited threads or locks, and a
# worker's memory is its own (a forked worker would share, then copy, the parent's model).
DEFAULT_START_METHOD = "spawn"

PING_HOLD_SECONDS = 0.1
WORKER_DIED = (
    "a worker process died while coding (out of memory, or killed): rerun with fewer --workers"
)


def cpu_seconds() -> float:
    """CPU time (user + system) this process has used so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    # Linux: VmHWM belongs to this process's own memory map. ru_maxrss would not do for a
    # spawned worker: the kernel carries it over from the parent through fork and exec.
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


# -- worker side ----------------------------------------------------------------------------
_worker_pipeline: Coder | None = None
# An expected failure while loading (model missing, bad user dictionary), raised again by the
# worker's first task so that the parent reports it instead of a bare "worker died".
_worker_error: DatelineError | None = None


def _init_worker(factory: CoderFactory, config: PipelineConfig | None) -> None:
    global _worker_pipeline, _worker_error
    try:
        _worker_pipeline = factory(config)
    except DatelineError as exc:
        _worker_error = exc


def _loaded() -> Coder:
    if _worker_error is not None:
        raise _worker_error
    if _worker_pipeline is None:
        raise EngineError("worker pipeline not loaded")
    return _worker_pipeline


def _code_in_worker(
    articles: list[Article], isolate: bool, seconds: float | None
) -> tuple[list[Document], _WorkerStats]:
    coder = _loaded()
    documents = (
        code_isolated(coder, articles, seconds=seconds)
        if isolate
        else list(coder.code_many(articles))
    )
    return documents, _stats()


def _stats() -> _WorkerStats:
    return os.getpid(), peak_rss_mb(), cpu_seconds()


def _code_shard_in_worker(
    shard: str, output: str, fmt: str, published: str | None, max_bytes: int | None
) -> ShardResult:
    return code_shard(_loaded(), shard, output, fmt, published=published, max_bytes=max_bytes)


def _ping() -> _WorkerStats:
    _loaded()
    # Held briefly so that one idle worker cannot answer every ping of a round while the
    # others are still loading (the pool starts processes on demand, when none is idle).
    time.sleep(PING_HOLD_SECONDS)
    return _stats()


# -- parent side ----------------------------------------------------------------------------
class LocalEngine(ShardedEngine):
    """Codes articles on this machine with ``workers`` processes (``None``: one per core).

    ``isolate``: an article whose coding raises, or takes longer than ``seconds`` (the time
    budget per document; None: no limit), comes back as an uncoded ``Document`` with a
    ``CODING_FAILED`` warning, and the others are coded (default); False lets it raise.
    """

    def __init__(
        self,
        workers: int | None = 1,
        config: PipelineConfig | None = None,
        *,
        chunk_size: int | None = None,
        start_method: str = DEFAULT_START_METHOD,
        pipeline: Coder | None = None,
        factory: CoderFactory = load_pipeline,
        isolate: bool = True,
        seconds: float | None = DEFAULT_DOCUMENT_SECONDS,
    ) -> None:
        if workers is not None and workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers or available_cpus()
        self.config = config
        if chunk_size is None:
            if config is None:
                from dateline.pipeline import PipelineConfig

                config = PipelineConfig()
            # One chunk is one spaCy batch, so chunking never changes how texts are batched.
            chunk_size = config.batch_size
        self.chunk_size = chunk_size
        self.start_method = start_method
        self.factory = factory
        self.isolate = isolate
        self.seconds = seconds
        self._pipeline = pipeline
        self._pool: ProcessPoolExecutor | None = None
        # What each worker process last reported, by process id.
        self.worker_peak_rss_mb: dict[int, float] = {}
        self.worker_cpu_seconds: dict[int, float] = {}

    # -- the Engine interface -----------------------------------------------------------------
    def code(self, articles: Iterable[Item]) -> Iterator[Result]:
        chunks = chunked(articles, self.chunk_size)
        first = next(chunks, None)
        if first is None:
            return
        second = next(chunks, None)
        if self.workers == 1 or (second is None and self._pool is None):
            # A single chunk is not worth starting processes that each load the model.
            pipe = self.pipeline()
            rest = chunks if second is None else chain([second], chunks)
            for chunk in chain([first], rest):
                yield from code_chunk(pipe, chunk, isolate=self.isolate, seconds=self.seconds)
            return
        rest = iter(()) if second is None else chain([second], chunks)
        yield from self._code_parallel(chain([first], rest))

    def _code_todo(
        self, todo: list[tuple[str, Path]], fmt: str, published: str | None, max_bytes: int | None
    ) -> list[ShardResult]:
        """The shards left to do, in this process or on the worker processes."""
        if self.workers == 1 or len(todo) == 1:
            pipe = self.pipeline()
            return [
                code_shard(pipe, shard, out, fmt, published=published, max_bytes=max_bytes)
                for shard, out in todo
            ]
        pool = self._ensure_pool()
        futures = [
            pool.submit(_code_shard_in_worker, shard, str(out), fmt, published, max_bytes)
            for shard, out in todo
        ]
        results = []
        for future in futures:
            try:
                results.append(future.result())
            except BrokenProcessPool as exc:
                self.close()
                raise EngineError(WORKER_DIED) from exc
        return results

    # -- lifecycle ------------------------------------------------------------------------------
    def pipeline(self) -> Coder:
        """The in-process pipeline (loaded on first use)."""
        if self._pipeline is None:
            self._pipeline = self.factory(self.config)
        return self._pipeline

    def start(self) -> float:
        """Start the worker pool and wait until every worker has loaded the pipeline; return
        the largest worker's peak memory (MB) after loading.

        Optional: ``code`` starts the pool itself. Benchmarks call it so that model loading is
        not counted as coding time; services call it to load models before the first request.
        """
        pool = self._ensure_pool()
        seen: set[int] = set()
        # Each worker runs its initializer before its first task, so once every worker has
        # answered a ping, all have loaded the pipeline.
        for _ in range(100 * self.workers):
            futures = [pool.submit(_ping) for _ in range(self.workers)]
            for fut in futures:
                stats = self._result(fut)
                self._note(stats)
                seen.add(stats[0])
            if len(seen) >= self.workers:
                break
        return max(self.worker_peak_rss_mb.values())

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- internals ------------------------------------------------------------------------------
    def _ensure_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context(self.start_method),
                initializer=_init_worker,
                initargs=(self.factory, self.config),
            )
        return self._pool

    def _note(self, stats: _WorkerStats) -> None:
        pid, rss, cpu = stats
        self.worker_peak_rss_mb[pid] = max(rss, self.worker_peak_rss_mb.get(pid, 0.0))
        self.worker_cpu_seconds[pid] = cpu

    def _result(self, future: Future[_WorkerStats]) -> _WorkerStats:
        try:
            return future.result()
        except BrokenProcessPool as exc:
            self.close()
            raise EngineError(WORKER_DIED) from exc

    def _code_parallel(self, chunks: Iterator[list[Item]]) -> Iterator[Result]:
        pool = self._ensure_pool()
        window = self.workers * (1 + IN_FLIGHT_PER_WORKER)
        pending: deque[tuple[list[Item], Future[tuple[list[Document], _WorkerStats]] | None]]
        pending = deque()
        try:
            for chunk in chunks:
                articles = articles_of(chunk)
                future = (
                    pool.submit(_code_in_worker, articles, self.isolate, self.seconds)
                    if articles
                    else None
                )
                pending.append((chunk, future))
                while len(pending) >= window:
                    yield from self._collect(*pending.popleft())
            while pending:
                yield from self._collect(*pending.popleft())
        finally:
            # The consumer stopped early or a worker failed: drop the queued work.
            for _, future in pending:
                if future is not None:
                    future.cancel()

    def _collect(
        self,
        chunk: list[Item],
        future: Future[tuple[list[Document], _WorkerStats]] | None,
    ) -> Iterator[Result]:
        if future is None:
            yield from merge(chunk, [])
            return
        try:
            documents, stats = future.result()
        except BrokenProcessPool as exc:
            self.close()
            raise EngineError(WORKER_DIED) from exc
        self._note(stats)
        yield from merge(chunk, documents)
