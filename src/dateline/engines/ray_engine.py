"""The Ray engine: Ray Data on a local Ray instance or a cluster (optional extra ``dateline[ray]``).

Coding runs in ``Dataset.map_batches`` with a callable class, so each Ray actor loads the
pipeline once and then codes batch after batch. Two ways in:

* ``code(articles)``: the ``Engine`` interface. Articles are sent to the cluster in windows
  of ``window`` articles (each window is one Ray Dataset, collected back in input order);
  fine for a stream of thousands, not for a backfill of millions.
* ``code_shards(inputs, out_dir)``: the batch mode for backfills. One input file is one
  shard, read and coded on a worker and written (JSONL or Parquet) straight into
  ``out_dir`` (a shared filesystem); a shard whose output exists is skipped, so a rerun
  resumes. Ray restarts actors that die and retries their tasks (see docs/cluster.md).

Ray is imported only when an engine is created, so dateline runs without it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.budget import DEFAULT_DOCUMENT_SECONDS
from dateline.engines._serde import article_from_json, article_to_json, document_from_json
from dateline.engines.base import (
    Coder,
    EngineError,
    Item,
    Result,
    articles_of,
    chunked,
    code_isolated,
    load_pipeline,
    merge,
)
from dateline.engines.shards import ShardedEngine, ShardResult, code_shard

if TYPE_CHECKING:
    import pyarrow as pa

    from dateline.pipeline import PipelineConfig

CoderFactory = Callable[["PipelineConfig | None"], Coder]

# Articles per map_batches call: one spaCy batch per call keeps the actor's memory flat.
DEFAULT_RAY_BATCH = 32
# Articles per Ray Dataset in ``code``: large enough that loading the model in each actor
# (a few seconds) is small next to coding the window, small enough to hold in the driver.
DEFAULT_WINDOW = 4096
NOT_INSTALLED = (
    "the Ray engine needs Ray: install it with `pip install 'dateline[ray]'` "
    "(or use --engine local)"
)


def _import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise EngineError(NOT_INSTALLED) from exc
    return ray


class _ArticleCoder:
    """Ray Data callable class: one pipeline per actor, one spaCy batch per call."""

    def __init__(
        self,
        config: PipelineConfig | None,
        factory: CoderFactory,
        isolate: bool = True,
        seconds: float | None = DEFAULT_DOCUMENT_SECONDS,
    ) -> None:
        self.coder: Coder = factory(config)
        self.isolate = isolate
        self.seconds = seconds

    def __call__(self, batch: pa.Table) -> pa.Table:
        import pyarrow as pa

        articles = [article_from_json(text) for text in batch.column("article").to_pylist()]
        coded = (
            code_isolated(self.coder, articles, seconds=self.seconds)
            if self.isolate
            else self.coder.code_many(articles)
        )
        documents = [doc.to_json() for doc in coded]
        return pa.table(
            {"pos": batch.column("pos"), "document": pa.array(documents, pa.large_string())}
        )


class _ShardCoder:
    """Ray Data callable class for ``code_shards``: codes whole shards, writes their output."""

    def __init__(
        self,
        config: PipelineConfig | None,
        factory: CoderFactory,
        fmt: str,
        published: str | None,
        max_bytes: int | None,
    ) -> None:
        self.coder: Coder = factory(config)
        self.fmt = fmt
        self.published = published
        self.max_bytes = max_bytes

    def __call__(self, batch: pa.Table) -> pa.Table:
        import pyarrow as pa

        results = [
            code_shard(
                self.coder,
                shard,
                out,
                self.fmt,
                published=self.published,
                max_bytes=self.max_bytes,
            )
            for shard, out in zip(
                batch.column("input").to_pylist(), batch.column("output").to_pylist(), strict=True
            )
        ]
        return pa.table({"result": [json.dumps(vars(r)) for r in results]})


class RayEngine(ShardedEngine):
    """Codes articles with Ray Data on a local Ray instance or on the cluster at ``address``.

    ``address=None`` joins the Ray instance this process already started (``ray.init``) or
    else starts a local one; ``"auto"`` joins the cluster this machine belongs to;
    ``"ray://head:10001"`` connects through Ray Client. ``workers`` is the number of actors
    (default: one per CPU of the cluster). ``isolate``: as for ``LocalEngine``, an article
    whose coding raises comes back uncoded with a warning (default) instead of failing;
    so does one over ``seconds``, the time budget per document, where the actor codes on
    its main thread (``dateline.budget``).
    """

    def __init__(
        self,
        address: str | None = None,
        config: PipelineConfig | None = None,
        *,
        batch_size: int = DEFAULT_RAY_BATCH,
        workers: int | None = None,
        window: int = DEFAULT_WINDOW,
        num_cpus: int | None = None,
        factory: CoderFactory = load_pipeline,
        isolate: bool = True,
        seconds: float | None = DEFAULT_DOCUMENT_SECONDS,
    ) -> None:
        self.ray = _import_ray()
        self.factory = factory
        self.isolate = isolate
        self.seconds = seconds
        self._started_ray = False
        self.address = address
        self.config = config
        self.batch_size = batch_size
        self.workers = workers
        self.window = window
        if not self.ray.is_initialized():
            try:
                self.ray.init(
                    address=address,
                    num_cpus=num_cpus if address is None else None,
                    include_dashboard=False,
                    log_to_driver=False,
                    configure_logging=False,
                )
                self._started_ray = address is None
            except ConnectionError as exc:
                raise EngineError(
                    f"cannot reach the Ray cluster at {address!r}: {exc}; "
                    "check the address and that `ray status` works on this machine"
                ) from exc
        context = self.ray.data.DataContext.get_current()
        context.enable_progress_bars = False  # library code does not write to the terminal
        context.execution_options.preserve_order = True

    def close(self) -> None:
        """Stop the local Ray instance if this engine started it (never a cluster)."""
        if self._started_ray and self.ray.is_initialized():
            self.ray.shutdown()
        self._started_ray = False

    def _pool(self) -> Any:
        size = self.workers or max(1, int(self.ray.cluster_resources().get("CPU", 1)))
        return self.ray.data.ActorPoolStrategy(min_size=1, max_size=size)

    # -- the Engine interface -----------------------------------------------------------------
    def code(self, articles: Iterable[Item]) -> Iterator[Result]:
        for window in chunked(articles, self.window):
            yield from self._code_window(window)

    def _code_window(self, window: list[Item]) -> Iterator[Result]:
        arts = articles_of(window)
        if not arts:
            yield from merge(window, [])
            return
        rows = [{"pos": i, "article": article_to_json(a)} for i, a in enumerate(arts)]
        blocks = max(1, -(-len(rows) // self.batch_size))
        dataset = self.ray.data.from_items(rows, override_num_blocks=blocks).map_batches(
            _ArticleCoder,
            fn_constructor_kwargs={
                "config": self.config,
                "factory": self.factory,
                "isolate": self.isolate,
                "seconds": self.seconds,
            },
            batch_size=self.batch_size,
            batch_format="pyarrow",
            compute=self._pool(),
            num_cpus=1,
        )
        coded: list[str | None] = [None] * len(arts)
        for batch in dataset.iter_batches(batch_format="pyarrow", batch_size=None):
            for pos, text in zip(
                batch.column("pos").to_pylist(), batch.column("document").to_pylist(), strict=True
            ):
                coded[pos] = text
        missing = [i for i, text in enumerate(coded) if text is None]
        if missing:
            raise EngineError(f"Ray returned no document for {len(missing)} articles")
        yield from merge(window, (document_from_json(t) for t in coded if t is not None))

    # -- sharded batch runs -------------------------------------------------------------------
    def _code_todo(
        self, todo: list[tuple[str, Path]], fmt: str, published: str | None, max_bytes: int | None
    ) -> list[ShardResult]:
        """The shards left to do, one per task on the actors. Inputs and ``out_dir`` must be
        paths every Ray node sees (a shared filesystem)."""
        rows = [{"input": s, "output": str(o)} for s, o in todo]
        dataset = self.ray.data.from_items(rows, override_num_blocks=len(rows)).map_batches(
            _ShardCoder,
            fn_constructor_kwargs={
                "config": self.config,
                "factory": self.factory,
                "fmt": fmt,
                "published": published,
                "max_bytes": max_bytes,
            },
            batch_size=1,
            batch_format="pyarrow",
            compute=self._pool(),
            num_cpus=1,
        )
        return [ShardResult(**json.loads(row["result"])) for row in dataset.iter_rows()]
