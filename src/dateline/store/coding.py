"""Coding articles for the store with any engine, one bad article never stopping a run.

A long ingest that dies on one pathological article would die on it again at every resume.
So the coder run by the engine (in this process or in workers) is wrapped: when coding a
chunk raises, its articles are coded one by one, and an article that still fails comes back
as a ``Document`` carrying a ``CODING_FAILED`` warning and no events; ``code_articles``
turns those into ``InputError`` records, which the ingest logs and does not store (so a
later run, e.g. with a fixed dateline, tries them again).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from dateline.engines.base import CODING_FAILED
from dateline.errors import InputError
from dateline.model import Article, Document

if TYPE_CHECKING:
    from dateline.engines.base import Coder
    from dateline.pipeline import PipelineConfig


class IsolatingCoder:
    """A ``Coder`` that reports an article it cannot code instead of raising."""

    def __init__(self, coder: Coder) -> None:
        self.coder = coder

    def code_many(self, articles: Iterable[Article], **options: Any) -> Iterator[Document]:
        # Documents come out as they are coded, so that an engine's time budget restarts
        # for each (see dateline.engines.base.code_isolated); after a failure the articles
        # not coded yet are coded one by one.
        chunk = list(articles)
        done = 0
        try:
            for document in self.coder.code_many(chunk, **options):
                done += 1
                yield document
            return
        except Exception:  # noqa: BLE001 - find the culprit below
            pass
        for article in chunk[done:]:
            try:
                coded = list(self.coder.code_many([article]))
            except Exception as exc:  # noqa: BLE001 - one article must not stop a run
                reason = f"{type(exc).__name__}: {exc}"
                coded = [Document(article=article, warnings=[CODING_FAILED + reason])]
            yield from coded


def isolating_pipeline(config: PipelineConfig | None) -> IsolatingCoder:
    """Engine factory (module level, so worker processes can import it)."""
    from dateline.engines.base import load_pipeline

    return IsolatingCoder(load_pipeline(config))


def failure(doc: Document) -> InputError | None:
    """The ``InputError`` for a document that could not be coded, else None."""
    for warning in doc.warnings:
        if warning.startswith(CODING_FAILED):
            origin = doc.article.origin or doc.article.id
            return InputError(origin, "coding failed (" + warning[len(CODING_FAILED) :] + ")")
    return None


def code_articles(engine: Any, articles: Iterable[Article]) -> Iterator[Document | InputError]:
    """Run ``engine.code`` (an engine built with ``factory=isolating_pipeline``) and turn
    the documents that failed into ``InputError`` records, in input order."""
    for item in engine.code(articles):
        if isinstance(item, Document):
            failed = failure(item)
            yield item if failed is None else failed
        else:
            yield item
