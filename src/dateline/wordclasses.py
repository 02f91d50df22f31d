"""Word classes as data: ``data/<stage>/word_classes.tsv`` puts one word in one class per
row (columns id = class.word, class, word), loaded once per stage.

``events`` and ``actors`` each keep their own file; both read it through ``word_class``.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import cache
from importlib import resources

from dateline.errors import DictionaryError

WORD_CLASSES_FILE = "word_classes.tsv"


@cache
def _classes(stage: str) -> dict[str, frozenset[str]]:
    path = resources.files("dateline") / "data" / stage / WORD_CLASSES_FILE
    rows = [
        line
        for line in path.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    words: dict[str, set[str]] = defaultdict(set)
    for row in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
        words[row["class"]].add(row["word"])
    return {name: frozenset(members) for name, members in words.items()}


def word_class(stage: str, name: str) -> frozenset[str]:
    """The words of class ``name`` of ``stage``'s file; a misspelt class name fails at
    import, not silently."""
    try:
        return _classes(stage)[name]
    except KeyError:
        raise DictionaryError(
            f"no word class {name!r} in data/{stage}/{WORD_CLASSES_FILE}; "
            "add its rows there or correct the name"
        ) from None
