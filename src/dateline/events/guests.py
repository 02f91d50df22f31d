"""Guests named by a participle: "Blinken assured *visiting* Australian Foreign Minister
Marise Payne", "the president received the *visiting* delegation".

A "visiting" person the subject speaks to, meets or receives is that subject's guest: the
subject hosts them (CAMEO 043, CONSULT), whatever the verb does besides (an assurance, a
warning). The parser reads the participle as a clause of the verb before it ("assured
*visiting* X": "visiting" with X as its object) or as an adjective of the guest.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events import syntax
from dateline.events._rules import frame_rule
from dateline.events._words import word_class

# Participles that make a person a guest: "*visiting* minister".
GUEST_PARTICIPLES = word_class("guest_participle")
GUEST_RULE = frame_rule("g.visiting.guest")


def is_guest_participle(tok: Token) -> bool:
    """``tok`` is a "visiting" the parser hung as a clause of the verb before it, with the
    guest as its object ("assured *visiting* minister X", "met *visiting* officials")."""
    return tok.lower_ in GUEST_PARTICIPLES and syntax.is_adjectival_participle(tok)
