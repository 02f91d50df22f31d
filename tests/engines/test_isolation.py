"""One article whose coding raises does not stop a run: it comes back uncoded, in its place,
with a one-line warning; the others are coded as they would be without it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest
from fakes import RAISE, STALL, FakeCoder, fake_factory, signature

from dateline.budget import over_budget
from dateline.engines import CODING_FAILED, LocalEngine, coding_failure
from dateline.engines.base import MAX_REASON_CHARS, code_isolated, failure_reason
from dateline.errors import InputError
from dateline.model import Article, Document

REASON = "RuntimeError: parser exploded in a message of two lines"


def items(n: int, bad: set[int]) -> list[Article | InputError]:
    """``n`` items: an input error every fifth, the articles at ``bad`` raise when coded."""
    out: list[Article | InputError] = []
    for i in range(n):
        if i % 5 == 0:
            out.append(InputError(f"file{i}.txt", "empty file"))
        elif i in bad:
            out.append(Article(body=RAISE, input_id=f"a{i}"))
        else:
            out.append(Article(body=" ".join(["word"] * (i + 1)), input_id=f"a{i}"))
    return out


@pytest.mark.parametrize("workers", [1, 2])
def test_a_raising_article_comes_back_uncoded_in_its_place(workers: int) -> None:
    # chunk_size 3: article 7 is in the middle of its chunk (6, 7, 8), article 16 is the
    # first article of its chunk (15 is an input error), and article 22 ends the input.
    bad = {7, 16, 22}
    data = items(23, bad)
    clean = [item for i, item in enumerate(data) if i not in bad]
    with LocalEngine(workers=1, chunk_size=3, factory=fake_factory) as reference:
        expected = signature(list(reference.code(clean)))
    with LocalEngine(workers=workers, chunk_size=3, factory=fake_factory) as engine:
        out = list(engine.code(data))
        assert (engine._pool is not None) == (workers == 2)  # two really ran in workers
    assert len(out) == len(data)
    assert signature([r for i, r in enumerate(out) if i not in bad]) == expected
    for i in sorted(bad):
        doc = out[i]
        assert isinstance(doc, Document) and doc.article.input_id == f"a{i}"
        assert doc.events == [] and doc.topics == []
        assert doc.warnings == [CODING_FAILED + REASON]  # one line, no traceback
        assert coding_failure(doc) == REASON
    others = [r for i, r in enumerate(out) if i not in bad and isinstance(r, Document)]
    assert others and all(coding_failure(r) is None and not r.warnings for r in others)


def test_without_isolation_the_exception_goes_through() -> None:
    engine = LocalEngine(workers=1, chunk_size=3, factory=fake_factory, isolate=False)
    with pytest.raises(RuntimeError, match="parser exploded"):
        list(engine.code(items(10, {3})))


def test_the_articles_coded_before_the_failure_are_not_coded_again() -> None:
    class Counting(FakeCoder):
        def __init__(self) -> None:
            super().__init__()
            self.coded: list[str | None] = []

        def code_many(self, articles: Iterable[Article]) -> Iterator[Document]:
            for doc in super().code_many(articles):
                self.coded.append(doc.article.input_id)
                yield doc

    coder = Counting()
    arts = [Article(body=b, input_id=f"a{i}") for i, b in enumerate(["x", "y", RAISE, "z"])]
    docs = code_isolated(coder, arts)
    assert [d.article.input_id for d in docs] == ["a0", "a1", "a2", "a3"]
    assert coder.coded == ["a0", "a1", "a3"]  # a0 and a1 once, from the first attempt
    assert coding_failure(docs[2]) == REASON


def test_a_long_reason_is_cut_to_one_short_line() -> None:
    reason = failure_reason(ValueError("line\n" * 500))
    assert "\n" not in reason and len(reason) <= MAX_REASON_CHARS
    assert reason.startswith("ValueError: line line")


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_over_the_time_budget_fails_alone(workers: int) -> None:
    # Article 4 is in the middle of its chunk (3, 4, 5): the batch is abandoned at the
    # budget and its articles are coded one by one, only the slow one failing.
    data: list[Article | InputError] = [
        Article(body=STALL if i == 4 else " ".join(["word"] * (i + 1)), input_id=f"a{i}")
        for i in range(8)
    ]
    clean = [item for i, item in enumerate(data) if i != 4]
    with LocalEngine(workers=1, chunk_size=3, factory=fake_factory) as reference:
        expected = signature(list(reference.code(clean)))
    with LocalEngine(workers=workers, chunk_size=3, factory=fake_factory, seconds=0.5) as engine:
        out = list(engine.code(data))
    assert signature([r for i, r in enumerate(out) if i != 4]) == expected
    slow = out[4]
    assert isinstance(slow, Document) and slow.article.input_id == "a4"
    assert slow.events == [] and slow.warnings == [CODING_FAILED + over_budget(0.5)]
    assert "0.5 s per document" in (coding_failure(slow) or "")
