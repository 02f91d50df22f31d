"""Engines: how many articles are coded at once, and where.

One interface, one method::

    engine = get_engine("local", workers=4)          # or get_engine("ray", address="auto")
    for item in engine.code(articles):               # Article | InputError, in input order
        ...                                          # Document | InputError, same order

* ``LocalEngine``: this process (``workers=1``) or a pool of worker processes, each loading
  the pipeline once; the same output as one worker, in the same order.
* ``RayEngine``: Ray Data ``map_batches`` with a callable class, on a local Ray instance or a
  cluster (optional extra ``dateline[ray]``).

One bad article does not stop a run: an ``InputError`` in the input comes out in its place,
and an article whose coding raises comes out in its place as a ``Document`` without events
whose warning starts with ``CODING_FAILED`` (``coding_failure(doc)`` gives the reason).

Both also run sharded batch jobs, ``code_shards(inputs, out_dir)``: one output file per input
file, skipped when it exists, so a rerun resumes (``dateline.engines.shards``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from dateline.engines.base import (
    Coder,
    Engine,
    EngineError,
    Item,
    Result,
    available_cpus,
)
from dateline.engines.local import LocalEngine
from dateline.engines.shards import ShardResult, code_shard, plan_shards
from dateline.model import CODING_FAILED, coding_failure

if TYPE_CHECKING:
    from dateline.engines.ray_engine import RayEngine

ENGINES = ("local", "ray")

__all__ = [
    "CODING_FAILED",
    "ENGINES",
    "Coder",
    "Engine",
    "EngineError",
    "Item",
    "LocalEngine",
    "RayEngine",
    "Result",
    "ShardResult",
    "available_cpus",
    "code_shard",
    "coding_failure",
    "get_engine",
    "LazyEngine",
    "plan_shards",
]


def get_engine(name: str = "local", **options: Any) -> LocalEngine | RayEngine:
    """An engine by name: ``local`` (options: workers, config, chunk_size) or ``ray``
    (options: address, config, batch_size, workers, window, num_cpus)."""
    if name == "local":
        return LocalEngine(**options)
    if name == "ray":
        from dateline.engines.ray_engine import RayEngine

        return RayEngine(**options)
    raise EngineError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")


class LazyEngine:
    """An engine made by ``factory`` on first use: nothing is started, and no model loaded
    (nor even the pipeline imported), when every input is already stored."""

    def __init__(self, factory: Callable[[], Engine]) -> None:
        self.factory = factory
        self.engine: Engine | None = None

    def code(self, articles: Iterable[Item]) -> Iterator[Result]:
        items = iter(articles)
        first = next(items, None)
        if first is None:
            return
        if self.engine is None:
            self.engine = self.factory()
        yield from self.engine.code(itertools.chain([first], items))

    def close(self) -> None:
        close = getattr(self.engine, "close", None)
        if close is not None:
            close()


def __getattr__(name: str) -> Any:
    # RayEngine is importable from here without importing Ray for everyone else.
    if name == "RayEngine":
        from dateline.engines.ray_engine import RayEngine

        return RayEngine
    raise AttributeError(name)
