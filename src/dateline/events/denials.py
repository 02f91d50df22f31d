"""A denial answers the accusation the story just reported.

"Afghan officials accused the Taliban of the bombing. The insurgent group denied
involvement": the denial names no one, but it is aimed at those who accused the group a
sentence or two before. The accusation is the nearest earlier event of the accusing root
(CAMEO 11) whose target is the one who now denies; its source is the denial's target.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dateline.events._authors import ArticleMemory, same_referent
from dateline.model import Actor, Event

# CAMEO 016, deny responsibility ("denied involvement", "denied the allegations").
DENIAL_CODES = ("016",)
ACCUSATION_ROOT = "11"
# How many sentences back an accusation is still the one a denial answers.
MAX_SENTENCES_BACK = 3
ANSWER_RULE = "implicit.accuser"


def accuser(event: Event, tok: Token, memory: ArticleMemory | None) -> Actor | None:
    """The source of the latest accusation against the denier of ``event``, if the story
    reported one in the last sentences."""
    if memory is None or event.target is not None:
        return None
    if not event.cameo.code.startswith(DENIAL_CODES):
        return None
    denier = event.source
    for _, earlier in memory.events_before(tok.i):
        if event.sentence.index - earlier.sentence.index > MAX_SENTENCES_BACK:
            return None
        accused = earlier.target
        if (
            earlier.cameo.root == ACCUSATION_ROOT
            and accused is not None
            and same_party(accused, denier)
            and not same_party(earlier.source, denier)
        ):
            return replace(earlier.source, rule=ANSWER_RULE)
    return None


def same_party(a: Actor, b: Actor) -> bool:
    """One actor, the same coded party named twice ("the Taliban" ... "the insurgent
    group"), a state and its government ("Uganda" ... "Uganda's foreign minister"), or a
    party no actor list codes named again in the same words ("the ruling party")."""
    return (
        same_referent(a, b)
        or (bool(a.code) and a.code == b.code)
        or (_state_side(a) and _state_side(b) and a.country == b.country)
        or (not (a.code or b.code) and bool(_words(a)) and _words(a) == _words(b))
    )


def _words(a: Actor) -> tuple[str, ...]:
    words = a.text.lower().split()
    return tuple(words[1:] if words[:1] == ["the"] else words)


# Sectors by which an actor speaks for its state: "Uganda" accused, "Uganda's foreign
# minister" denying, are one party.
STATE_SECTORS = {None, "GOV"}


def _state_side(a: Actor) -> bool:
    return bool(a.country) and a.sector in STATE_SECTORS
