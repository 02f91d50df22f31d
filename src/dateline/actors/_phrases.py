"""Noun-phrase units of a sentence and the dispatch of each to the rule that codes it.

Units are spaCy noun chunks (the whole sentence without a parse). A unit headed by a role word
goes to ``_roles``, one headed by a name to ``_named``; a unit whose head is no actor word
is searched for possessives, role-word sub-phrases and names.
"""

from __future__ import annotations

import bisect
from typing import Any

from dateline.actors._kb import Entry
from dateline.actors._match import Match
from dateline.actors._named import _NamePhrases
from dateline.actors._roles import _RolePhrases
from dateline.actors._titles import ORG_NOUNS
from dateline.actors._words import ATTACH_PREPS, COUNTRYISH, ORGISH

# Words a description may put before its head ("media watchdog", "human rights group").
MAX_DESCRIPTION_MODIFIERS = 3
NOUNISH_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ"})


class _Phrases(_RolePhrases, _NamePhrases):
    """Rules that cut a sentence into noun-phrase units and code each."""

    def _units(self, s: int, e: int) -> list[tuple[int, int, int]]:
        if self.phrase_mode or not self.parsed:
            return [(s, e, self._phrase_head(s, e))]
        out = []
        for chunk in self._chunks_between(s, e):
            a, b = chunk.start, chunk.end
            # spaCy glues a dateline onto the next phrase across blank lines: split there
            for k in range(a, b):
                if not self.surfaces[k].strip():
                    if chunk.root.i < k:
                        b = k
                    else:
                        a = k + 1
            while a < b and (self.taken[a] or self.words[a] in ("'s", "'")):
                a += 1
            while b > a and self.taken[b - 1]:
                b -= 1
            if a >= b or self._any_taken(a, b):
                continue
            head = chunk.root.i if a <= chunk.root.i < b else b - 1
            head = self._restated_head(a, head)
            cuts = self._list_cuts(a, b, head)
            if cuts:
                self.split_lists.append((a, b))
                bounds = [a, *cuts, b]
                for x, y in zip(bounds, bounds[1:], strict=False):
                    x += x != a  # the comma or conjunction itself belongs to no conjunct
                    if x < y:
                        out.append((x, y, head if x <= head < y else y - 1))
                continue
            out.append((a, b, head))
        return out

    def _restated_head(self, a: int, head: int) -> int:
        """The name a parenthesised abbreviation restates heads the phrase: "the European
        Union (EU", a chunk the parser heads by "EU", is the European Union's (a user's
        dictionary may name the union and not its abbreviation)."""
        for k in range(a + 1, head + 1):
            if self.words[k] == "(":
                before = self.match_at[k - 1]
                if before is not None and before.end == k and before.has(*COUNTRYISH, *ORGISH):
                    return k - 1
                break
        return head

    def _list_cuts(self, a: int, b: int, head: int) -> list[int]:
        """Where a noun chunk the parser built across a coordination splits: "Fornost and the
        evil Gondor", "Arnor, Calenardhon and the Gondor" read as one phrase headed by its
        last name, with the names before it as its modifiers. The chunk splits at its
        conjunction (and the list's commas before it) when that conjunction attaches to a
        word before it, a name the knowledge base codes ends right before it, and no name runs
        across it ("Trinidad and Tobago", "Bosnia and Herzegovina")."""
        conj = next(
            (
                k
                for k in range(a + 1, head)
                if self.tokens[k].dep_ == "cc"
                and self.words[k] in ("and", "or")
                and a <= self.tokens[k].head.i < k
            ),
            None,
        )
        if conj is None or conj + 1 >= b:
            return []
        across = self.match_at[conj]
        if across is not None and across.start < conj < across.end:
            return []
        left = [m for m in self._matches_in(a, conj) if m.has(*COUNTRYISH, *ORGISH)]
        if not left or left[-1].end != conj:
            return []  # "Ithilen's awful and evil minister": coordinated modifiers
        commas = [
            k
            for k in range(left[0].end, conj)
            if self.words[k] == "," and a <= self.tokens[k].head.i < k
        ]
        return [*commas, conj]

    def _chunks_between(self, s: int, e: int) -> list[Any]:
        # chunks are in document order: bisect instead of scanning them all per sentence
        starts = self.chunk_starts
        lo = bisect.bisect_left(starts, s)
        hi = bisect.bisect_left(starts, e)
        return self.chunks[lo:hi]

    def _described_name(self, hm: Match, role: Entry, b: int, e: int) -> Match | None:
        """The organisation name right after a singular organisational head ending the
        unit: "the militant group" + "Hamas"."""
        if role.kind != "group" or "plural" in role.flags or hm.end != b or b >= e:
            return None
        nxt = self.match_at[b]
        if (
            nxt is None
            or nxt.start != b
            or nxt.end > e
            or not nxt.has("org", "institution", "group", "dict")
            or nxt.has("role", *COUNTRYISH)
            or self._any_taken(nxt.start, nxt.end)
        ):
            return None
        if nxt.end - nxt.start == 1 and self.words[b] in self.kb.name_clashes:
            return None
        return nxt

    def _description_start(self, m: Match, s: int) -> int:
        """Where a name left over by the noun phrases starts with the singular
        organisational head describing it: "Media watchdog Reporters Without Borders"
        (which the parser may split into verb and object) is one actor, the name's."""
        k = m.start - 1
        if k < s or self.taken[k] or not m.has("org", "institution", "group", "dict"):
            return m.start
        before = self.match_at[k]
        role = before.first("role") if before is not None else None
        if (
            before is None
            or role is None
            or role.kind != "group"
            or "plural" in role.flags
            or (role.role or "") not in ORG_NOUNS
            or self._any_taken(before.start, before.end)
        ):
            return m.start
        start = before.start
        # its modifiers ("media", "rights"), back to a determiner or the sentence's start
        j = start - 1
        while j >= s and start - j <= MAX_DESCRIPTION_MODIFIERS and not self.taken[j]:
            word = self.words[j]
            if word in ("the", "a", "an"):
                return j
            here = self.match_at[j]
            if here is not None and here.has(*COUNTRYISH, *ORGISH):
                break
            if not word.isalpha() or (self.tagged and self.tokens[j].tag_ not in NOUNISH_TAGS):
                break
            j -= 1
        return j + 1 if j < s else start

    def _phrase_head(self, s: int, e: int) -> int:
        # no parse: the head is the last word before a post-modifier ("President of X")
        for k in range(s, e):
            if self.words[k] in ATTACH_PREPS and k > s:
                return k - 1
        return e - 1

    def _unit(self, a: int, b: int, head: int, s: int, e: int) -> None:
        if self._any_taken(a, b):
            return
        hm = self.match_at[head]
        if (
            hm is not None
            and hm.start >= a
            and b < hm.end <= e
            and self._imported_agent(hm)
            and not self._any_taken(b, hm.end)
        ):
            # an imported agent phrase runs on past the unit: "the Calenardhon Ministry"
            # + "of Silly Walks" is "!MINST!_OF_SILLY_WALKS [~GOV]"
            b = hm.end
        if hm is not None and (hm.start < a or hm.end > b):
            hm = None
        if hm is None:
            # the head is no actor word: a possessive ("the Kazakh President's address")
            # is a phrase of its own, and country or organisation modifiers are actors
            for k in range(a, b):
                if self.words[k] in ("'s", "'") and k > a and not self.taken[k - 1]:
                    owner = self.match_at[k - 1]
                    if owner is None or not self._counterpart(owner):
                        self._unit(a, k, k - 1, s, e)
                    break
            # "Israeli army bulldozers", "a Karen guerrilla stronghold": a role word with
            # its own country modifying the head is an actor phrase of its own
            roles = [
                m
                for m in self._matches_in(a, head)
                if (r := m.first("role")) is not None
                and r.kind in ("person", "group", "agent")
                and not self._any_taken(m.start, m.end)
            ]
            owners = [m for m in self._matches_in(a, head) if self._country_source(m)]
            if roles and owners and owners[0].start < roles[-1].start:
                last = roles[-1]
                start = a
                while start < last.start and self.taken[start]:
                    start += 1
                if not self._any_taken(start, last.end):
                    self._unit(start, last.end, last.end - 1, s, e)
            for m in self._matches_in(a, b):
                if m.has(*COUNTRYISH, *ORGISH) and not self._any_taken(m.start, m.end):
                    if self._pro_anti(m.start) or self._counterpart(m):
                        continue
                    self._name_unit(m, m.start, m.end, s, e)
            return
        if hm.has("person"):
            return
        role = hm.first("role")
        named = hm.first(*COUNTRYISH, *ORGISH)
        country_mod = any(m.has(*COUNTRYISH) and m is not hm for m in self._matches_in(a, hm.start))
        if (
            role is not None
            and named is None
            and (described := self._described_name(hm, role, b, e))
        ):
            # "the militant group Hamas", "the news agency Reuters": the description and
            # the name it introduces are one actor, the name's
            self._name_unit(described, a, described.end, s, e)
            return
        if role is not None and (named is None or (country_mod and role.kind != "modifier")):
            if role.kind in ("person", "group", "thing", "agent"):
                self._role_unit(a, b, hm, role, s, e)
            return
        if named is not None:
            self._name_unit(hm, a, b, s, e)
