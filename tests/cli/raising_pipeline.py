"""Run the dateline CLI with a pipeline that raises on every article whose body contains
the text in ``DATELINE_TEST_RAISE_ON``, the way a bug in one stage would:

    DATELINE_TEST_RAISE_ON=MARKER python raising_pipeline.py code --workers 2 news.jsonl

The patch is made when this module is imported, and worker processes (started with
"spawn") import the parent's main module again, so it reaches them too.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from dateline.model import Article, Document
from dateline.pipeline import Pipeline

MARKER = os.environ.get("DATELINE_TEST_RAISE_ON", "")
RAISED = "injected failure\nin a message of two lines"
_code_many = Pipeline.code_many


def _raising_code_many(
    self: Pipeline, articles: Iterable[Article], **options: Any
) -> Iterator[Document]:
    for doc in _code_many(self, articles, **options):
        if MARKER and MARKER in doc.article.body:
            raise RuntimeError(RAISED)
        yield doc


Pipeline.code_many = _raising_code_many  # type: ignore[method-assign]

if __name__ == "__main__":
    sys.argv = ["dateline", *sys.argv[1:]]
    from dateline.cli import main

    main()
