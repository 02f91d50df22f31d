"""Leftmost-longest lookup of knowledge-base phrases in a token sequence.

Keys are normalised token tuples (see ``_text.norm``), so one dict probe per candidate
length replaces a regular expression over thousands of names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dateline.actors._kb import Entry, KnowledgeBase, from_package
from dateline.actors._text import case_ok
from dateline.actors._words import word_class


@dataclass(slots=True)
class Match:
    """Tokens ``[start, end)`` spell a knowledge-base phrase with these meanings."""

    start: int
    end: int
    entries: list[Entry]

    def first(self, *types: str) -> Entry | None:
        for entry in self.entries:
            if entry.type in types:
                return entry
        return None

    def has(self, *types: str) -> bool:
        # a plain loop: called for every match of every sentence, a generator cost more
        for entry in self.entries:  # noqa: SIM110
            if entry.type in types:
                return True
        return False


_DETERMINERS = word_class("leading_determiner")


def find_matches(kb: KnowledgeBase, words: Sequence[str], surfaces: Sequence[str]) -> list[Match]:
    """Non-overlapping matches, longest first ("the West Bank" is not "the West" + "Bank")."""
    n = len(words)
    phrases, max_len, stems = kb.phrases, kb.max_len, kb.stems
    candidates: list[Match] = []
    for i in range(n):
        best: Match | None = None
        longest = max_len.get(words[i], 0)
        for length in range(min(longest, n - i), 0, -1):
            aliases = phrases.get(tuple(words[i : i + length]))
            if not aliases:
                continue
            ok = [
                a.entry
                for a in aliases
                if all(case_ok(surfaces[i + k], a.case[k]) for k in range(length))
            ]
            if ok:
                best = Match(i, i + length, ok)
                break
        if stems and words[i][:3] in stems:
            best = _stem_match(kb, words, surfaces, i, best)
        if best is not None:
            candidates.append(best)
    # "the European Union" of the package data does not hide "European Union" of a user's
    # dictionary: the determiner is not part of the name
    user_at = {m.start: m for m in candidates if _from_user(m)}
    candidates = [
        m
        for m in candidates
        if not (
            words[m.start] in _DETERMINERS
            and not _from_user(m)
            and (inner := user_at.get(m.start + 1)) is not None
            and inner.end == m.end
        )
    ]
    # longest first; among equals, a phrase not opening with a determiner, then leftmost
    candidates.sort(key=lambda m: (m.start - m.end, words[m.start] in _DETERMINERS, m.start))
    used = [False] * n
    out: list[Match] = []
    for m in candidates:
        if any(used[m.start : m.end]):
            continue
        for k in range(m.start, m.end):
            used[k] = True
        out.append(m)
    out.sort(key=lambda m: m.start)
    return out


def _from_user(m: Match) -> bool:
    """A match whose first meaning comes from a user's file, not the package data."""
    return not from_package(m.entries[0])


def _stem_match(
    kb: KnowledgeBase, words: Sequence[str], surfaces: Sequence[str], i: int, best: Match | None
) -> Match | None:
    """Imported dictionary names whose last word is a stem ("ARGENTIN" -> "Argentine")."""
    for key, alias in kb.stems.get(words[i][:3], ()):
        k = len(key)
        if i + k > len(words) or (best is not None and best.end - best.start >= k):
            continue
        if tuple(words[i : i + k - 1]) != key[:-1] or not words[i + k - 1].startswith(key[-1]):
            continue
        if all(case_ok(surfaces[i + j], alias.case[j]) for j in range(k)):
            best = Match(i, i + k, [alias.entry])
    return best
