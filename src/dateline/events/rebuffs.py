"""Rejection an actor or its act meets, told from the side of the rejected.

"Y's plan *met with opposition from* X", "the proposal *faced resistance from* X", "the bid
*drew objections from* X": a noun of rejection carried by a verb of undergoing (the verbs by
which criticism is drawn, events/_blame.py) is X's rejection (CAMEO 12) of Y, or of whoever
the subject names when it is an act or a document ("the documentation, linked to an
application *Y* made, met with opposition from X").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dateline.events import syntax
from dateline.events._blame import CARRIER_VERBS, UNDERGOING_PREPOSITIONS, carrying_verb
from dateline.events._phrases import Arg, MentionLike
from dateline.events._rules import TriggerRule, frame_rule
from dateline.events._words import word_class

REJECTION_NOUNS = word_class("rejection_noun")
NO_DETERMINERS = {"no", "little"}

REBUFF_RULE = frame_rule("sp2.n.rejection.undergone")


def rebuff_parts(noun: Token) -> tuple[Token, Token] | None:
    """The rejecter (the "from" phrase) and the subject that meets the rejection noun at
    ``noun``, or None when ``noun`` is no such frame."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in REJECTION_NOUNS:
        return None
    if any(c.lower_ in NO_DETERMINERS for c in noun.children):
        return None  # "faced *no* opposition from X"
    verb = carrying_verb(noun)
    if verb is None:
        return None
    rejecter = next((p for h in (noun, verb) for p in syntax.prep_objects(h, "from")), None)
    subject = (
        syntax.passive_subject_of(verb) if syntax.is_passive(verb) else None
    ) or syntax.subject_of(verb)
    if rejecter is None or subject is None:
        return None
    return rejecter, subject


def rebuff_rule(tok: Token) -> TriggerRule | None:
    """The rule of a rejection noun met by its verb's subject, with its rejecter named."""
    return REBUFF_RULE if rebuff_parts(tok) is not None else None


def rebuffed(
    subject: Token,
    by_token: dict[int, MentionLike],
    actors_at: Callable[[Token | None, dict[int, MentionLike]], list[Arg]],
) -> list[Arg]:
    """Who is rejected: the subject when it is an actor, else the first actor its phrase names
    ("*Y's* plan", "the documentation linked to an application *Y* made")."""
    found = actors_at(subject, by_token)
    if found:
        return found
    for word in subject.subtree:
        if word.i in by_token:
            found = actors_at(word, by_token)
            if found:
                return found
    return []


def carries_rebuff(tok: Token) -> bool:
    """ "X *met* with opposition from Y": the verb only carries the rejection, it is no
    meeting of its own."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in CARRIER_VERBS:
        return False
    nouns = [c for c in tok.children if c.dep_ == "dobj"] + [
        g
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ in UNDERGOING_PREPOSITIONS
        for g in p.children
        if g.dep_ == "pobj"
    ]
    return any(rebuff_parts(n) is not None for n in nouns)
