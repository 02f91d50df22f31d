"""Word classes are data files with ids, read the same way by every stage."""

from __future__ import annotations

from importlib import resources

import pytest

from dateline.actors._words import word_class as actor_word_class
from dateline.errors import DictionaryError
from dateline.wordclasses import WORD_CLASSES_FILE, word_class


def _rows(stage: str) -> list[list[str]]:
    path = resources.files("dateline") / "data" / stage / WORD_CLASSES_FILE
    lines = [ln for ln in path.read_text("utf-8").splitlines() if ln.strip() and ln[0] != "#"]
    assert lines[0].split("\t") == ["id", "class", "word"]
    return [line.split("\t") for line in lines[1:]]


@pytest.mark.parametrize("stage", ["actors", "events"])
def test_rows_have_unique_ids_made_of_class_and_word(stage: str) -> None:
    rows = _rows(stage)
    assert rows
    ids = [row[0] for row in rows]
    assert len(ids) == len(set(ids))
    for row in rows:
        assert len(row) == 3, row
        row_id, name, word = row
        assert row_id == f"{name}.{word}"
        assert word == word.strip().lower() and word, row


def test_a_stage_reads_its_own_file() -> None:
    assert "ambassador" in actor_word_class("diplomat_role")
    assert "ambassador" in word_class("actors", "diplomat_role")
    with pytest.raises(DictionaryError):
        word_class("events", "diplomat_role")


def test_unknown_class_is_an_error_that_names_the_stage_file() -> None:
    with pytest.raises(DictionaryError, match="data/actors/word_classes.tsv"):
        actor_word_class("no_such_class")
