"""Descriptor anaphora: "the Southeast Asian nation", "the island nation" and "the African
country" repeat a country the story named, described by its region, not the region itself."""

from __future__ import annotations

from dateline.actors._doc import _DocView
from dateline.actors._records import _Code
from dateline.actors._words import DEFINITE, word_class

# Heads that make a region-modified definite phrase one state: "the Gulf *state*".
STATE_NOUNS = word_class("state_noun")


class _Descriptors(_DocView):
    """Codes "the <region adjective> <state noun>" as the story's country of that region."""

    def _region_descriptors(self, s: int, e: int) -> None:
        for start, head, key in self._descriptor_spans(s, e):
            members = self.kb.region_members.get(key)
            if (
                not members
                or start - 1 < s
                or self.words[start - 1] not in DEFINITE
                or head >= e
                or self.words[head] not in STATE_NOUNS
                or self._any_taken(start - 1, head + 1)
            ):
                continue
            country = self._region_country(members)
            if country is None:
                continue
            entry = self.kb.country(country)
            c = _Code(
                base=entry.code if entry else country,
                country=entry.country if entry else country,
                name=entry.name if entry else None,
                kind="country",
                rule=[f"descriptor:{key}"],
            )
            self._add(start - 1, head + 1, head, c)

    def _descriptor_spans(self, s: int, e: int) -> list[tuple[int, int, str]]:
        """(start, end, key) of each describing modifier: a region ("Southeast Asian", key
        its code) or a lower-case descriptor of region_members.tsv ("island", key the word)."""
        spans = []
        for m in self._matches_from(s, e):
            region = m.first("adjective", "region")
            if region is not None and region.country is None and region.code:
                spans.append((m.start, m.end, region.code))
        for i in range(s, e):
            word = self.words[i]
            if self.surfaces[i].islower() and word in self.kb.region_members:
                spans.append((i, i + 1, word))
        return spans

    def _region_country(self, members: frozenset[str]) -> str | None:
        """The story's country of the region: the most recently named one, so that "the
        Southeast Asian nation" right after Malaysia is Malaysia even in a story about
        China."""
        seen = self.state.last_seen
        named = [c for c in members if c in seen]
        return max(named, key=lambda c: seen[c]) if named else None
