"""Where a show of force at home is aimed: not at the home country itself.

"Mexico sent 10,000 troops to *Mexico's* northern border" and "Chad deployed troops to
the border *in Chad*" name where the forces go, in the source's own country: a place, not
whom the posture is aimed at. The country across the border the place faces is ("to
Mexico's northern border *with the U.S.*"); with none named the act has no target.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.docmemo import sentence_of
from dateline.events import syntax
from dateline.events._phrases import Arg
from dateline.events._words import word_class

# CAMEO root of a show of force (15: mobilizing, deploying, alerting forces).
POSTURE_ROOT = "15"
# How a country hangs from the place it locates: "*Mexico's* border", "the *Mexican*
# border", "the border *in* Mexico".
LOCATING_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
# The preposition of the place's other side: "the border *with* the U.S.".
FACING_PREPOSITION = "with"
# Places that face another country, named in their "with" phrase: "border", "frontier".
FRONTIER_NOUNS = word_class("frontier_noun")
# How deep below the trigger a frontier is looked for: "moved troops *to* the region *near*
# its *border* with X".
FRONTIER_DEPTH = 4


def _facing(place: Token) -> list[Token]:
    """The "with" objects of a frontier, also when the parser hung "with X" on the verb
    right after it ("deployed troops along its border *with X*")."""
    found = syntax.prep_objects(place, FACING_PREPOSITION)
    after = place.doc[place.i + 1] if place.i + 1 < len(place.doc) else None
    if not found and after is not None and after.lower_ == FACING_PREPOSITION:
        found = [c for c in after.children if c.dep_ == "pobj"]
    return found


def _is_home(target: Arg, sources: list[Arg]) -> bool:
    actor = target.actor
    bare = actor.code is None or actor.code == actor.country  # a country or place, no sector
    return bool(actor.country) and bare and any(s.actor.country == actor.country for s in sources)


def home_targets(
    tok: Token, code: str, sources: list[Arg], targets: list[Arg], offset: int
) -> list[Token] | None:
    """The phrases to take as the target of the show of force at ``tok`` instead of its
    targets, when every target is the source's own country naming a place the forces go to:
    what the place faces ("to Mexico's border *with the U.S.*"), or nothing. None when the
    targets stand (any other act, another country, an actor with a sector)."""
    if not code.startswith(POSTURE_ROOT) or not targets:
        return None
    if not all(_is_home(t, sources) for t in targets):
        return None
    starts = {t.actor.start for t in targets}
    facing: list[Token] = []
    for word in sentence_of(tok):
        if offset + word.idx not in starts:
            continue
        place = word.head
        if word.dep_ == "pobj" and place.lower_ == "in":
            place = place.head
        elif word.dep_ not in LOCATING_DEPS:
            return None  # "deployed troops against Chad": the country itself
        if place.pos_ != "NOUN":
            return None
        if place.lemma_.lower() in FRONTIER_NOUNS:
            facing.extend(_facing(place))
    return facing


def frontier_partners(tok: Token, code: str) -> list[Token]:
    """Whom a show of force with no target faces, as the frontier it is sent to names them:
    "deployed troops along its *border with Ukraine*", "moved troops to the region near its
    *border with China*". Empty for any other act, or with no frontier named."""
    if not code.startswith(POSTURE_ROOT) or tok.pos_ != "VERB":
        return []
    frontier = [c for c in tok.children if c.dep_ == "prep"]
    for _ in range(FRONTIER_DEPTH):
        below: list[Token] = []
        for node in frontier:
            if node.lemma_.lower() in FRONTIER_NOUNS and node.pos_ == "NOUN":
                partners = _facing(node)
                if partners:
                    return partners
            below.extend(c for c in node.children if c.dep_ in {"pobj", "prep"})
        frontier = below
    return []
