"""LocalEngine plumbing with a stand-in coder: order, errors in place, bounded windows,
worker failures. The real pipeline's equality across worker counts is in test_equivalence."""

from __future__ import annotations

import pytest
from fakes import DIE, FakeCoder, fake_factory, signature
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.engines import Engine, EngineError, LocalEngine, get_engine
from dateline.engines.base import chunked, merge
from dateline.errors import InputError, ModelError
from dateline.model import Article, Document


def items(n: int, errors_every: int = 0) -> list[Article | InputError]:
    out: list[Article | InputError] = []
    for i in range(n):
        if errors_every and i % errors_every == 0:
            out.append(InputError(f"file{i}.txt", "empty file"))
        else:
            out.append(Article(body=" ".join(["word"] * (i + 1)), input_id=f"a{i}"))
    return out


def test_is_an_engine() -> None:
    assert isinstance(LocalEngine(chunk_size=4, factory=fake_factory), Engine)


def test_one_worker_codes_in_order_with_errors_in_place() -> None:
    engine = LocalEngine(workers=1, chunk_size=4, factory=fake_factory)
    data = items(23, errors_every=5)
    out = list(engine.code(data))
    assert len(out) == len(data)
    for given_item, got in zip(data, out, strict=True):
        if isinstance(given_item, InputError):
            assert got is given_item  # passed through untouched, in its place
        else:
            assert isinstance(got, Document) and got.article is given_item
    assert signature(out)[1] == "a1:['words=2']"


def test_two_workers_give_the_same_results_in_the_same_order() -> None:
    data = items(61, errors_every=7)
    with LocalEngine(workers=1, chunk_size=3, factory=fake_factory) as one:
        expected = signature(list(one.code(data)))
    with LocalEngine(workers=2, chunk_size=3, factory=fake_factory) as two:
        got = signature(list(two.code(data)))
        assert two._pool is not None  # the pool really ran; it did not fall back to one process
        two.start()  # returns once both workers have loaded their coder
        assert len(two.worker_peak_rss_mb) == 2
    assert got == expected


def test_a_chunk_of_only_errors_and_an_empty_input() -> None:
    data: list[Article | InputError] = [InputError(f"f{i}", "bad") for i in range(5)]
    data += items(4)
    with LocalEngine(workers=2, chunk_size=2, factory=fake_factory) as engine:
        out = list(engine.code(data))
        assert [type(r).__name__ for r in out] == ["InputError"] * 5 + ["Document"] * 4
        assert list(engine.code([])) == []


def test_single_chunk_does_not_start_a_pool() -> None:
    engine = LocalEngine(workers=2, chunk_size=8, factory=fake_factory)
    out = list(engine.code(items(5)))
    assert len(out) == 5
    assert engine._pool is None  # too little work to pay for loading models in workers


def test_input_is_read_lazily_with_a_bounded_window() -> None:
    consumed = 0

    def stream() -> object:
        nonlocal consumed
        for item in items(1000):
            consumed += 1
            yield item

    with LocalEngine(workers=2, chunk_size=5, factory=fake_factory) as engine:
        out = engine.code(stream())  # type: ignore[arg-type]
        first = [next(out) for _ in range(3)]
        assert [d.article.input_id for d in first] == ["a0", "a1", "a2"]  # type: ignore[union-attr]
        # Only the window (workers x (1 + queued) chunks) has been read, not the whole input.
        assert consumed <= 2 * 3 * 5 + 5
        out.close()  # type: ignore[attr-defined]


def test_a_dead_worker_is_an_engine_error_not_a_hang() -> None:
    data = items(10)
    data[6] = Article(body=DIE)
    engine = LocalEngine(workers=2, chunk_size=2, factory=fake_factory)
    with engine, pytest.raises(EngineError, match="worker process died"):
        list(engine.code(data))


def test_get_engine() -> None:
    engine = get_engine("local", workers=3, chunk_size=2, factory=fake_factory)
    assert isinstance(engine, LocalEngine) and engine.workers == 3
    assert LocalEngine(workers=None, chunk_size=2).workers >= 1
    with pytest.raises(EngineError, match="unknown engine"):
        get_engine("spark")
    with pytest.raises(ValueError):
        LocalEngine(workers=0, chunk_size=2)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.booleans(), max_size=40), st.integers(min_value=1, max_value=7))
def test_chunk_and_merge_keep_every_item_in_place(flags: list[bool], size: int) -> None:
    data: list[Article | InputError] = [
        InputError(f"e{i}", "bad") if bad else Article(body=f"text {i}")
        for i, bad in enumerate(flags)
    ]
    out: list[Document | InputError] = []
    for chunk in chunked(data, size):
        assert 1 <= len(chunk) <= size
        docs = [Document(article=a) for a in chunk if isinstance(a, Article)]
        out.extend(merge(chunk, docs))
    assert len(out) == len(data)
    for a, b in zip(data, out, strict=True):
        assert b is a if isinstance(a, InputError) else b.article is a  # type: ignore[union-attr]


def failing_factory(config: object) -> FakeCoder:
    from dateline.errors import ModelError

    raise ModelError("the spaCy model is not installed")


def test_a_load_failure_in_workers_is_reported_as_such() -> None:
    engine = LocalEngine(workers=2, chunk_size=2, factory=failing_factory)
    with engine, pytest.raises(ModelError, match="not installed"):
        list(engine.code(items(10)))


def test_worker_memory_is_the_workers_own() -> None:
    from dateline.engines.local import peak_rss_mb

    ballast = b"x" * (200 << 20)  # the parent's peak now exceeds 200 MB
    assert peak_rss_mb() > 200
    with LocalEngine(workers=2, chunk_size=2, factory=fake_factory) as engine:
        engine.start()
        # A spawned worker holds the stand-in coder only, not the parent's memory.
        assert all(0 < mb < 150 for mb in engine.worker_peak_rss_mb.values())
    del ballast
