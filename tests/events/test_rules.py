"""The requires column of trigger rules (``events/_rules.py``): word-class values."""

from __future__ import annotations

import pytest

from dateline.events._rules import parse_requires
from dateline.events._words import word_class


def test_a_class_value_stands_for_every_word_of_the_class() -> None:
    (req,) = parse_requires("obj=@economic_measure|quarantine")
    assert req.key == "obj"
    assert word_class("economic_measure") <= req.values
    assert "quarantine" in req.values
    assert "@economic_measure" not in req.values


def test_a_misspelt_class_makes_the_row_invalid() -> None:
    with pytest.raises(ValueError, match="no_such_class"):
        parse_requires("tail=@no_such_class")


def test_word_patterns_keep_their_at_signs_literal() -> None:
    (req,) = parse_requires("words=*~talks")
    assert req.values == frozenset({"*~talks"})
