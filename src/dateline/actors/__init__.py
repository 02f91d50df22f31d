"""Actors: who acts, coded as analysts code them.

    kb = load_kb()                        # package knowledge base (built once, cached)
    kb = load_kb([Path("my.actors"), Path("my_leaders.tsv")])   # plus user files
    resolver = ActorResolver(kb)
    mentions = resolver.resolve(doc, when=date(2018, 11, 9), home_country="KAZ")
    actor = resolver.code_phrase("Kazakhstan's Foreign Minister", when=date(2018, 11, 9))
    actors = resolver.actors_at(doc, mentions, (0, 10))   # what a given span refers to

``load_kb(extra)`` reads the TSV data files under ``dateline/data/actors`` and user files
(TSV in the same formats, or TABARI/PETRARCH ``.actors``/``.agents`` dictionaries);
malformed user lines are skipped and listed on ``kb.warnings`` (file, line, reason).

``resolve`` returns ``Mention`` objects (character offsets into ``doc.text``, the head
token, the coded ``dateline.model.Actor`` and, for plural references and coordinations,
``members``), sorted and non-overlapping. ``Actor.kind`` is person, organisation, country,
group or place (a city or capital named as a location, not as an actor); ``Actor.rule``
lists the knowledge-base entries and rules that decided the code.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from dateline.actors._kb import (
    SECTORS,
    DatedCode,
    Entry,
    KBWarning,
    KnowledgeBase,
    Person,
    Term,
)
from dateline.actors._load import build_kb
from dateline.actors._resolve import ActorResolver, Mention, mention_at

__all__ = [
    "SECTORS",
    "ActorResolver",
    "DatedCode",
    "Entry",
    "KBWarning",
    "KnowledgeBase",
    "Mention",
    "Person",
    "Term",
    "load_kb",
    "mention_at",
]


@lru_cache(maxsize=1)
def _default_kb() -> KnowledgeBase:
    return build_kb(())


def load_kb(extra: Sequence[Path] = ()) -> KnowledgeBase:
    """The knowledge base: package data plus ``extra`` user files, in order.

    Without ``extra`` the result is built once per process and shared; with ``extra`` a new
    knowledge base is built (the package data is re-read, so the shared one is untouched).
    """
    if not extra:
        return _default_kb()
    return build_kb(tuple(Path(p) for p in extra))
