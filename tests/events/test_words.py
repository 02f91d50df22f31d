"""The coder's word classes are data: well-formed rows, and a wrong class name fails loudly."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from dateline.errors import DictionaryError
from dateline.events._words import word_class

WORD = re.compile(r"[a-z][a-z'-]*")


def _rows() -> list[list[str]]:
    text = (resources.files("dateline") / "data" / "events" / "word_classes.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert lines[0].split("\t") == ["id", "class", "word"]
    return [line.split("\t") for line in lines[1:]]


def test_rows_are_well_formed_and_unique() -> None:
    rows = _rows()
    assert rows
    ids = [row[0] for row in rows]
    assert len(ids) == len(set(ids))
    for row in rows:
        assert len(row) == 3, row
        row_id, name, word = row
        assert row_id == f"{name}.{word}"
        assert WORD.fullmatch(word), row


def test_classes_the_coder_relies_on() -> None:
    assert "town" in word_class("place_noun")
    assert "hold" in word_class("light_verb")
    assert "soldier" not in word_class("unidentified_agent_noun")  # an actor, not a thing


def test_unknown_class_is_an_error_that_names_the_file() -> None:
    with pytest.raises(DictionaryError, match="word_classes.tsv"):
        word_class("no_such_class")
