"""Descriptor anaphora: "the Southeast Asian nation", "the Gulf state" and "the African
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
        for m in self._matches_from(s, e):
            region = m.first("adjective", "region")
            if region is None or region.country is not None or not region.code:
                continue
            members = self.kb.region_members.get(region.code)
            head = m.end
            if (
                not members
                or m.start - 1 < s
                or self.words[m.start - 1] not in DEFINITE
                or head >= e
                or self.words[head] not in STATE_NOUNS
                or self._any_taken(m.start - 1, head + 1)
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
                rule=[f"descriptor:{region.code}"],
            )
            self._add(m.start - 1, head + 1, head, c)

    def _region_country(self, members: frozenset[str]) -> str | None:
        """The story's country of the region: the most recently named one, so that "the
        Southeast Asian nation" right after Malaysia is Malaysia even in a story about
        China."""
        seen = self.state.last_seen
        named = [c for c in members if c in seen]
        return max(named, key=lambda c: seen[c]) if named else None
