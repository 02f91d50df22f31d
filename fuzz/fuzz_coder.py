"""Fuzz the coder: bytes -> text -> ``Pipeline.code`` -> output checked against the JSON
Schema and the offset contract (every offset cuts out the text it quotes).

    python fuzz/fuzz_coder.py [corpus folder] -runs=5000

The bytes are decoded as UTF-8 (undecodable bytes replaced) and coded twice: as a body
(cleaning skipped, language forced to English) and through ``article_from_text``. The
pipeline loads once (a few seconds) before fuzzing starts; each input then takes about
10-100 ms, so runs are shorter than the readers'.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["dateline"]):
    from dateline.errors import InputError
    from dateline.ingest import article_from_text
    from dateline.model import Article
    from dateline.pipeline import Pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import check_document  # noqa: E402

# Longer texts only repeat the same code paths, more slowly.
MAX_CHARS = 4000

_PIPELINE: Pipeline | None = None


def test_one_input(data: bytes) -> None:
    assert _PIPELINE is not None
    text = data.decode("utf-8", errors="replace")[:MAX_CHARS]
    check_document(_PIPELINE.code(Article(body=text, language="en")))
    try:
        article = article_from_text(text, published="2018-11-09")
    except InputError:
        return
    check_document(_PIPELINE.code(article))


def main() -> None:
    global _PIPELINE
    from seeds import write_seeds

    folders = [a for a in sys.argv[1:] if not a.startswith("-")]
    for folder in folders:
        if not os.path.isdir(folder) or not os.listdir(folder):
            write_seeds(Path(folder), "coder")
    _PIPELINE = Pipeline()
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
