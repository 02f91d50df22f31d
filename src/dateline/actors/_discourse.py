"""The discourse state: what an article has said so far, carried from sentence to sentence.

People introduced by name, country salience, the main actor of each country and recent
coordinations: the memory that in-article coreference reads.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dateline.model import Actor


@dataclass(slots=True)
class _PersonRef:
    tokens: frozenset[str]
    actor: Actor
    count: int = 1


class _Discourse:
    """What the article has said so far."""

    def __init__(self) -> None:
        self.persons: list[_PersonRef] = []
        self.countries: Counter[str] = Counter()
        self.last_seen: dict[str, int] = {}
        self.by_country: dict[str, Counter[tuple[Any, ...]]] = {}
        self.actors: dict[tuple[Any, ...], Actor] = {}
        # (token position, distinct countries) of coordinations; the earliest position a
        # coordination may come from to still count as recent
        self.coordinations: list[tuple[int, list[str]]] = []
        self.sentence_floor = 0
        self.sentence_starts: list[int] = []
        # codes of regions ("Europe", "the West"): places talked about, never "the country"
        # or one of "both sides"
        self.regions: set[str] = set()
        # countries named as actors, not only as the places events happen in ("met in
        # Geneva"): the candidates for "both sides", "the parties"
        self.parties: Counter[str] = Counter()
        # ``parties`` as it stood before the current sentence: what the story is about so
        # far, not what this sentence names
        self.parties_before: Counter[str] = Counter()
        # short forms the story gave its bodies ("the Wildlife Authority, or WA,")
        self.short_forms: dict[str, Actor] = {}

    def note(self, actor: Actor, position: int) -> None:
        key_country = actor.country or (actor.code[:6] if actor.code else None)
        if not key_country:
            return
        if (actor.rule or "").startswith("kb:region:"):
            self.regions.add(key_country)
        self.countries[key_country] += 1
        if actor.kind != "place":
            self.parties[key_country] += 1
        self.last_seen[key_country] = position
        key = (actor.code, actor.name)
        self.by_country.setdefault(key_country, Counter())[key] += 1 + (actor.kind == "person")
        self.actors[key] = actor

    def latest_country(self) -> str | None:
        """The country most recently mentioned (a state, not an organisation)."""
        ranked = [
            c
            for c in self.last_seen
            if len(c) == 3 and not c.startswith(("IGO", "NGO")) and c not in self.regions
        ]
        return max(ranked, key=lambda c: self.last_seen[c]) if ranked else None

    def top_countries(self, n: int) -> list[str]:
        ranked = sorted(
            (c for c in self.parties if c not in self.regions),
            key=lambda c: (-self.parties[c], -self.last_seen[c]),
        )
        return ranked[:n]

    def main_actor(self, country: str) -> Actor | None:
        counter = self.by_country.get(country)
        if not counter:
            return None
        # a person or organisation of that country stands for it better than its name
        key = max(
            counter,
            key=lambda k: (self.actors[k].kind in ("person", "organisation"), counter[k]),
        )
        return self.actors[key]

    def person_named(self, tokens: Iterable[str]) -> _PersonRef | None:
        wanted = frozenset(tokens)
        if not wanted:
            return None
        for ref in reversed(self.persons):
            if wanted <= ref.tokens:
                return ref
        return None
