"""dateline: news in, international-relations events out (CAMEO / PLOVER, with evidence).

The public surface is small; everything else lives in stage packages::

    import dateline
    pipeline = dateline.load_pipeline()
    doc = dateline.code("MOSCOW (Reuters) - Russia condemned ...", published="2024-03-01")
    store = dateline.Store("dateline.duckdb")

Names are imported lazily, so ``import dateline`` stays cheap (no spaCy, no pandas).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Store", "classify", "code", "load_pipeline", "__version__"]

if TYPE_CHECKING:
    from dateline.model import Document
    from dateline.pipeline import PairResult, Pipeline
    from dateline.store import Store


def load_pipeline() -> Pipeline:
    """Load the model, knowledge base, lexicon and codebook once; reuse the result."""
    from dateline.pipeline import load_pipeline as _load

    return _load()


def code(text: str, *, published: str | None = None, url: str | None = None) -> Document:
    """Code one article given as plain text (headline, dateline and boilerplate are cleaned)."""
    from dateline.ingest import article_from_text
    from dateline.pipeline import shared_pipeline

    article = article_from_text(text, origin="<text>", published=published, url=url)
    return shared_pipeline().code(article)


def classify(
    text: str,
    source: tuple[int, int],
    target: tuple[int, int] | None = None,
    *,
    published: str | None = None,
) -> PairResult:
    """Pair mode: the event ``source`` directs at ``target`` (character spans of ``text``),
    and the actors the spans refer to (``result.source``, ``result.target``: one actor, or
    every member of a coordination). ``published`` (YYYY-MM-DD) dates the actor lists."""
    import datetime as dt

    from dateline.pipeline import classify_pair, shared_pipeline

    when = dt.date.fromisoformat(published) if published else None
    return classify_pair(shared_pipeline(), text, source, target, when=when)


def __getattr__(name: str) -> Any:
    if name == "Store":
        from dateline.store import Store

        return Store
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")
