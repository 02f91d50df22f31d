"""Fixtures of the store tests: a fresh database per test, real coded articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from dateline.model import Article, Document
from dateline.store import Store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = Store(db_path)
    yield s
    s.close()


# How many TimeBank stories join the 77 VOA stories in the real-article set: about 200
# articles in all. TimeBank's stories are given without their date, so their events are
# often undated; the VOA records are dated.
N_TIMEBANK = 123


@pytest.fixture(scope="session")
def real_documents(shared_dir: Path, pipe: Any) -> list[Document]:
    """About 200 real news articles (VOA stories, TimeBank stories), coded once per session:
    coding is pure, so every test may ingest the same documents."""
    from dateline.ingest import article_from_text, read_inputs

    voa = shared_dir / "data" / "voa" / "voa_stories.jsonl"
    articles: list[Article] = [a for a in read_inputs([str(voa)]) if isinstance(a, Article)]
    timebank = shared_dir / "data" / "tempeval3" / "TBAQ-cleaned" / "TimeBank"
    for path in sorted(timebank.glob("*.tml"))[:N_TIMEBANK]:
        text = ElementTree.parse(path).getroot().find("TEXT")
        assert text is not None, path
        articles.append(article_from_text("".join(text.itertext()), origin=str(path)))
    return list(pipe.code_many(articles))
