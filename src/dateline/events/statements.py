"""A statement named by a noun is an act only when someone issues it.

"X *issued* a statement", "X *made* a statement" report a statement made; "the U.S.
*statement* said ...", "responding to the *statement* by X", "X retracted his *statement*"
name one already made: an attribution, a reaction's object or another act's object, no
public statement of its own (the act, if any, is the verb's: the retraction, the response).
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events._words import word_class

ISSUING_VERBS = word_class("issuing_verb")
STATEMENT_ROOT = "01"
OBJECT_DEPS = {"dobj", "nsubjpass"}


def is_statement_mention(tok: Token, code: str) -> bool:
    """``tok`` is a noun of a public statement (CAMEO 01) that no verb of issuing carries."""
    if tok.pos_ not in {"NOUN", "PROPN"} or not code.startswith(STATEMENT_ROOT):
        return False
    head = tok.head
    return not (tok.dep_ in OBJECT_DEPS and head.lemma_.lower() in ISSUING_VERBS)
