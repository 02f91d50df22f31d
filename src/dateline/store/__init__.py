"""The event store: an embedded DuckDB database of coded articles and deduplicated events.

``Store(path)`` opens (or creates) a store; ``Store.ingest(documents)`` adds coded documents
idempotently, in transactions per batch; ``events``, ``dyad``, ``actor``, ``event`` and
``article`` query it (pandas DataFrames); ``export_gdelt``, ``export_plover`` and
``export_parquet`` write the formats analysts load. See ``schema`` for the tables, ``dedup``
for how reports of one event are clustered and ``export`` for the exported columns.
"""

from dateline.store.core import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_DB,
    IngestProgress,
    IngestReport,
    IngestRun,
    Store,
)
from dateline.store.export import GDELT_COLUMNS
from dateline.store.queries import ActorSummary, ArticleDetail, EventDetail
from dateline.store.rows import document_from_dict

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_DB",
    "GDELT_COLUMNS",
    "ActorSummary",
    "ArticleDetail",
    "EventDetail",
    "IngestProgress",
    "IngestReport",
    "IngestRun",
    "Store",
    "document_from_dict",
]
