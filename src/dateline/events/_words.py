"""Word classes of the event coder (``data/events/word_classes.tsv``), loaded once."""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import cache
from importlib import resources

from dateline.errors import DictionaryError

WORD_CLASSES_FILE = "word_classes.tsv"


@cache
def _classes() -> dict[str, frozenset[str]]:
    path = resources.files("dateline") / "data" / "events" / WORD_CLASSES_FILE
    rows = [
        line
        for line in path.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    words: dict[str, set[str]] = defaultdict(set)
    for row in csv.DictReader(rows, delimiter="\t"):
        words[row["class"]].add(row["word"])
    return {name: frozenset(members) for name, members in words.items()}


def word_class(name: str) -> frozenset[str]:
    """The lemmas of one word class; a misspelt class name fails at import, not silently."""
    try:
        return _classes()[name]
    except KeyError:
        raise DictionaryError(
            f"no word class {name!r} in data/events/{WORD_CLASSES_FILE}; "
            "add its rows there or correct the name"
        ) from None
