"""The real pipeline: two workers write exactly the JSONL of one worker, in the same order,
with unreadable inputs reported in their place."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from dateline.engines import LocalEngine
from dateline.errors import InputError
from dateline.ingest import read_inputs
from dateline.model import Document
from dateline.output import write_jsonl

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def inputs() -> list[str]:
    files = sorted(str(p) for p in EXAMPLES.iterdir() if p.name != "README.md")
    # An unreadable input in the middle: it must come out in its place, not stop the run.
    return [*files[:2], str(EXAMPLES / "no-such-file.txt"), *files[2:]]


def jsonl(results: list[Document | InputError]) -> tuple[str, list[str]]:
    stream = io.StringIO()
    write_jsonl((r for r in results if isinstance(r, Document)), stream)
    kinds = [f"error:{r.origin}" if isinstance(r, InputError) else r.article.id for r in results]
    return stream.getvalue(), kinds


@pytest.fixture(scope="module")
def one_worker() -> tuple[str, list[str]]:
    engine = LocalEngine(workers=1)
    return jsonl(list(engine.code(read_inputs(inputs()))))


def test_examples_code_to_events(one_worker: tuple[str, list[str]]) -> None:
    text, kinds = one_worker
    assert len(kinds) == 7 and kinds[2].startswith("error:") and "no-such-file" in kinds[2]
    assert text.count("\n") == 6
    assert '"cameo"' in text  # the examples hold events: the comparison is not vacuous


def test_two_workers_write_the_same_jsonl(one_worker: tuple[str, list[str]]) -> None:
    # Chunks of two articles: every worker gets several chunks, and spaCy batches differ
    # from the single process's, which must not change a byte of the output.
    with LocalEngine(workers=2, chunk_size=2) as engine:
        two = jsonl(list(engine.code(read_inputs(inputs()))))
        assert engine._pool is not None
    assert two == one_worker
