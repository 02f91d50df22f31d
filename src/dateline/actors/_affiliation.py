"""Affiliation: the body a person is introduced through, after the name or before it.

"X of Human Rights Watch", "X, of the Coastal Wildlife Society," and "the Coastal Wildlife
Society's X" name the body the person speaks for. A body the knowledge base knows gives its
code; a capitalised name the knowledge base does not know, ending in a word of the class
``civil_body_head`` ("Institute", "Foundation", "Alliance"), is a non-governmental body.
"""

from __future__ import annotations

from typing import NamedTuple

from dateline.actors._doc import _DocView
from dateline.actors._records import _Code
from dateline.actors._words import DEFINITE, ORGISH, word_class

# Last words of the names of non-governmental bodies: "the X Institute", "the X Network".
CIVIL_BODY_HEADS = word_class("civil_body_head")
# Lower-case words allowed inside such a name: "the Alliance *of* Democracies".
NAME_INNER = frozenset({"of", "for", "and", "&", "on", "'s"})
# How many words such a name may have.
MAX_BODY_WORDS = 8


class Affiliation(NamedTuple):
    """The body a person speaks for: code base, ISO3, sector, rule."""

    base: str | None
    country: str | None
    sector: str | None
    rule: str


class _Affiliation(_DocView):
    """Finds the body a person name is introduced through."""

    def _affiliation_after(self, b: int, e: int) -> Affiliation | None:
        """The body named by "of" right after a name ending before token ``b`` ("X of
        Human Rights Watch", "X, of the Y Institute,"), else None."""
        j = b
        if j < e and self.words[j] == ",":
            j += 1
        if j >= e or self.words[j] != "of":
            return None
        j += 1
        while j < e and self.words[j] in DEFINITE:
            j += 1
        if j >= e:
            return None
        m = self.match_at[j]
        if m is not None and m.start == j and m.has(*ORGISH):
            base, iso, sector, rule = self._source_country(m)
            if base is None:
                return None
            return Affiliation(base, iso, sector, rule)
        end = self._civil_body_end(j, e)
        return Affiliation("NGO", None, None, "civil_body") if end is not None else None

    def _civil_body_before(self, k: int) -> Affiliation | None:
        """A body the knowledge base does not know, ending right before the possessive at
        token ``k`` ("the Y Institute's X"), else None."""
        if k < 1 or self.words[k] not in ("'s", "'"):
            return None
        if self.words[k - 1] not in CIVIL_BODY_HEADS or not self._is_name_token(k - 1):
            return None
        a = k - 1
        while a > 0 and k - a < MAX_BODY_WORDS and self._is_name_token(a - 1):
            a -= 1
        if any((m := self.match_at[i]) is not None and m.has(*ORGISH) for i in range(a, k)):
            return None  # partly known: the known body decides
        return Affiliation("NGO", None, None, "civil_body") if k - a >= 2 else None

    def _civil_body_end(self, j: int, e: int) -> int | None:
        """The end of a capitalised name starting at ``j`` whose last word is a civil body
        head and that the knowledge base does not know, else None."""
        end = None
        k = j
        while k < e and k - j < MAX_BODY_WORDS:
            w = self.words[k]
            if self._is_name_token(k):
                m = self.match_at[k]
                if m is not None and m.has(*ORGISH):
                    return None
                if w in CIVIL_BODY_HEADS and k > j:
                    end = k + 1
            elif not (w in NAME_INNER and k + 1 < e and self._is_name_token(k + 1)):
                break
            k += 1
        head_first = (
            end is None
            and j + 2 < e
            and self.words[j] in CIVIL_BODY_HEADS
            and self.words[j + 1] in NAME_INNER
            and self._is_name_token(j + 2)
        )
        if head_first:
            # "the Alliance of Democracies": the head first, its domain after "of"
            end = k
        return end

    def _civil_bodies(self, s: int, e: int) -> None:
        """Code each name of a body the knowledge base does not know and that ends, or
        begins, with a civil body head ("the Coastal Wildlife Society", "the Alliance of
        Free Cities") as a non-governmental body."""
        k = s
        while k < e:
            if (
                self.taken[k]
                or not self._is_name_token(k)
                or (k > s and self._is_name_token(k - 1))
            ):
                k += 1
                continue
            end = self._civil_body_end(k, e)
            if end is None or self._any_taken(k, end):
                k += 1
                continue
            start = k - 1 if k > s and self.words[k - 1] in DEFINITE else k
            c = _Code(base="NGO", kind="organisation", name=self._text(k, end))
            c.rule.append("civil_body")
            self._add(start, end, end - 1, c)
            k = end
