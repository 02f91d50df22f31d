"""Token normalisation shared by the knowledge base and the resolver.

Knowledge-base phrases are split with a small tokenizer that mirrors what spaCy's English
tokenizer does to names (hyphens between letters and a possessive ``'s`` become tokens of
their own; abbreviations keep their periods), so that a phrase and the same words in a
parsed document produce the same key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2013": "-"})
_INFIX = re.compile(r"(?<=[^\W\d_])([-/])(?=[^\W\d_])")
_OPEN = '"([\u201c'
_CLOSE = '")],;:!?\u201d'
_ABBREVIATION = re.compile(r"^[A-Za-z]{1,4}\.$")


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Lower-case, strip diacritics and straighten quotes: the matching key of one token."""
    text = text.translate(_QUOTES)
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return text.lower()


def split_phrase(phrase: str) -> list[str]:
    """Split a knowledge-base phrase into tokens the way spaCy splits the same words."""
    tokens: list[str] = []
    for chunk in phrase.translate(_QUOTES).split():
        head: list[str] = []
        tail: list[str] = []
        while chunk and chunk[0] in _OPEN:
            head.append(chunk[0])
            chunk = chunk[1:]
        while chunk and chunk[-1] in _CLOSE:
            tail.insert(0, chunk[-1])
            chunk = chunk[:-1]
        tokens.extend(head)
        if chunk:
            suffix = None
            if len(chunk) > 2 and chunk.lower().endswith("'s"):
                chunk, suffix = chunk[:-2], chunk[-2:]
            elif len(chunk) > 2 and chunk.endswith("'") and chunk[-2].isalpha():
                chunk, suffix = chunk[:-1], "'"
            tokens.extend(p for p in _INFIX.split(chunk) if p)
            if suffix:
                tokens.append(suffix)
        tokens.extend(tail)
    return tokens


def abbreviation_variant(tokens: list[str]) -> list[str] | None:
    """spaCy splits some abbreviations ("Lt." -> "Lt", "."): the variant key, if any."""
    if not any(_ABBREVIATION.match(t) for t in tokens):
        return None
    out: list[str] = []
    for tok in tokens:
        if _ABBREVIATION.match(tok):
            out.extend((tok[:-1], "."))
        else:
            out.append(tok)
    return out


def case_pattern(tokens: list[str]) -> tuple[int, ...]:
    """Per token: 0 any case, 1 must start upper-case, 2 must be all upper-case (acronym).

    Capitalised words in the knowledge base are names: "Chad" must not match "chad", and
    the acronym "US" must not match the pronoun "us".
    """
    pattern = []
    for tok in tokens:
        first = tok[0]
        if not first.isalpha() or not first.isupper():
            pattern.append(0)
        elif tok.isupper() and 1 < sum(c.isalpha() for c in tok) <= ACRONYM_MAX:
            pattern.append(2)
        else:
            pattern.append(1)
    return tuple(pattern)


# Longest all-capitals token still treated as an acronym that must match in capitals
# ("NATO", "OSCE", "IGAD"); longer capitalised words are ordinary names in headline case.
ACRONYM_MAX = 5


def case_ok(text: str, rule: int) -> bool:
    """Does a document token's surface form satisfy one ``case_pattern`` rule?"""
    if rule == 0:
        return True
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    if rule == 1:
        return letters[0].isupper()
    return all(c.isupper() for c in letters)


_PLURAL_ES = ("s", "x", "z", "ch", "sh")


def pluralise(word: str) -> str:
    """Regular English plural of the last word of a phrase ("minister" -> "ministers")."""
    head, sep, last = word.rpartition(" ")
    lower = last.lower()
    if lower.endswith("man") and not lower.endswith("human"):
        plural = last[:-3] + "men"
    elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    elif lower.endswith(_PLURAL_ES):
        plural = last + "es"
    else:
        plural = last + "s"
    return head + sep + plural
