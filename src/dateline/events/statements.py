"""A statement or an agreement named by a noun is an act only when someone makes it.

"X *issued* a statement", "X *made* a statement" report a statement made; "the U.S.
*statement* said ...", "responding to the *statement* by X", "X retracted his *statement*"
name one already made: an attribution, a reaction's object or another act's object, no
public statement of its own (the act, if any, is the verb's: the retraction, the response).
A statement that is the subject of a verb ("*the statement* threatened sanctions") speaks for
whoever issued it, in its own phrase or earlier in the article.
An agreement named as the frame of something else ("*under* the 2015 deal, Iran limited
...", "*in* our defense treaty, the islands are covered") is one in force, not one signed.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.docmemo import head_of
from dateline.events import syntax
from dateline.events._words import word_class

ISSUING_VERBS = word_class("issuing_verb")
STATEMENT_ROOT = "01"
OBJECT_DEPS = {"dobj", "nsubjpass"}
AGREEMENT_CODE = "057"  # sign a formal agreement
# Prepositions that make an agreement the frame a clause holds in.
FRAME_PREPOSITIONS = {"under", "in", "within"}


def is_statement_mention(tok: Token, code: str) -> bool:
    """``tok`` is a noun of a public statement (CAMEO 01) that no verb of issuing carries."""
    if tok.pos_ not in {"NOUN", "PROPN"} or not code.startswith(STATEMENT_ROOT):
        return False
    head = head_of(tok)
    return not (tok.dep_ in OBJECT_DEPS and head.lemma_.lower() in ISSUING_VERBS)


def is_agreement_in_force(tok: Token, code: str) -> bool:
    """``tok`` is a noun of a formal agreement (CAMEO 057) named as the frame of its clause:
    the object of "under", "in" or "within"."""
    return (
        tok.pos_ in {"NOUN", "PROPN"}
        and code.startswith(AGREEMENT_CODE)
        and tok.dep_ == "pobj"
        and head_of(tok).lower_ in FRAME_PREPOSITIONS
    )


# Documents that speak for their authors: "*the statement* threatened sanctions".
SPEAKING_DOCUMENTS = word_class("speaking_document")


def speaking_document(tok: Token) -> Token | None:
    """The document that is the subject of the verb at ``tok`` ("*the statement* urged Y to
    ...", "*a joint communique* condemned ..."): whoever issued it does what it says."""
    if tok.pos_ != "VERB":
        return None
    subject = syntax.subject_of(tok)
    if subject is None or subject.lemma_.lower() not in SPEAKING_DOCUMENTS:
        return None
    return subject
