"""A stand-in for the pipeline, importable by worker processes: tests of the engines'
plumbing (order, errors in place, worker failures) without loading spaCy."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from typing import Any

from dateline.errors import InputError
from dateline.model import Article, Document

DIE = "die now"  # an article body that kills the worker coding it
RAISE = "raise now"  # an article body whose coding raises (a bug, not a dead worker)
RAISED = "parser exploded\n  in a message of two lines"
STALL = "stall now"  # an article body whose coding runs for STALL_SECONDS (a pathological input)
STALL_SECONDS = 60.0


class FakeCoder:
    def __init__(self, config: Any = None) -> None:
        self.config = config

    def code_many(self, articles: Iterable[Article]) -> Iterator[Document]:
        for article in articles:
            if article.body == DIE:
                os._exit(3)  # a crash the pool cannot catch, like the OOM killer
            if article.body == RAISE:
                raise RuntimeError(RAISED)
            if article.body == STALL:
                _spin(STALL_SECONDS)
            yield Document(article=article, topics=[f"words={len(article.body.split())}"])


def _spin(seconds: float) -> None:
    """Busy Python code for ``seconds`` (then the article is coded as any other)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def fake_factory(config: Any) -> FakeCoder:
    return FakeCoder(config)


def signature(results: list[Document | InputError]) -> list[str]:
    """What an engine returned, comparable across engines: input errors and coded articles
    in order."""
    return [
        f"error:{r.origin}" if isinstance(r, InputError) else f"{r.article.input_id}:{r.topics}"
        for r in results
    ]
