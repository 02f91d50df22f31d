"""The event store: an embedded DuckDB database of coded articles and deduplicated events.

``Store(path)`` opens (or creates) a store; ``Store.ingest(documents)`` adds coded documents
idempotently, in transactions per batch; ``events``, ``dyad``, ``actor``, ``event`` and
``article`` query it (pandas DataFrames); ``export_gdelt``, ``export_icews``, ``export_plover`` and
``export_parquet`` write the formats analysts load. See ``schema`` for the tables, ``dedup``
for how reports of one event are clustered and ``export`` for the exported columns.

Names are imported on first use, so that ``import dateline.store`` (and every ``dateline``
command) does not pay for pandas and DuckDB until a store is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from dateline.store.constants import DEFAULT_BATCH_SIZE, DEFAULT_DB

if TYPE_CHECKING:
    from dateline.store.core import Store
    from dateline.store.export import GDELT_COLUMNS, ICEWS_COLUMNS
    from dateline.store.queries import ActorSummary, ArticleDetail, EventDetail
    from dateline.store.rows import document_from_dict
    from dateline.store.write import IngestOptions, IngestProgress, IngestReport, IngestRun

_LAZY = {
    "IngestProgress": "dateline.store.write",
    "IngestReport": "dateline.store.write",
    "IngestRun": "dateline.store.write",
    "IngestOptions": "dateline.store.write",
    "Store": "dateline.store.core",
    "GDELT_COLUMNS": "dateline.store.export",
    "ICEWS_COLUMNS": "dateline.store.export",
    "ActorSummary": "dateline.store.queries",
    "ArticleDetail": "dateline.store.queries",
    "EventDetail": "dateline.store.queries",
    "document_from_dict": "dateline.store.rows",
}

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_DB",
    "GDELT_COLUMNS",
    "ICEWS_COLUMNS",
    "ActorSummary",
    "ArticleDetail",
    "EventDetail",
    "IngestOptions",
    "IngestProgress",
    "IngestReport",
    "IngestRun",
    "Store",
    "document_from_dict",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'dateline.store' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
