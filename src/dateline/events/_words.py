"""Word classes of the event coder (``data/events/word_classes.tsv``), loaded once."""

from __future__ import annotations

from dateline import wordclasses

WORD_CLASSES_FILE = wordclasses.WORD_CLASSES_FILE


def word_class(name: str) -> frozenset[str]:
    """The lemmas of one word class; a misspelt class name fails at import, not silently."""
    return wordclasses.word_class("events", name)
