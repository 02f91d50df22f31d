"""A charge set off after the clause that makes it: "X said Y armed the rebels, charges Y
denied", "..., allegations the government denies", "..., accusations Moscow rejects".

The bare plural (or a determiner-led noun) after the comma is an appositive noun whose
relative clause is the reply; the charge is what the clause before the comma says, made by
that clause's subject. The small English model often misreads the construction: the bare
plural as a present-tense verb with the reply as its complement ("charges" + ccomp
"denied"), or as the reply's fronted object. A reply whose charge is so set off is aimed at
the subject of the main clause before the comma (its "by" agent when that clause is passive).
``events/_authors.py`` already reads the well-parsed appositive ("a charge Y rejected",
parsed as an ``appos`` or ``npadvmod`` noun).
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.docmemo import children, sentence_of
from dateline.events import syntax
from dateline.events._words import word_class

ALLEGATION_NOUNS = word_class("allegation_noun")
DENYING_VERBS = word_class("denying_verb")
# How the parser attaches the reply to the set-off noun: as its relative clause (right), as
# the complement of the noun misread as a verb, or with the noun as its fronted object.
CLAUSE_DEPS = {"relcl", "ccomp", "acl"}
FRONTED_OBJECT_DEPS = {"dobj"}
# Words that may stand between the comma and the noun ("a charge", "such baseless claims").
LEADING_POS = {"DET", "ADJ", "ADV"}
SUBJECT_DEPS = {"nsubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass"}


def _allegation_word(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    singular = tok.lower_[:-1] if tok.lower_.endswith("s") else tok.lower_
    return lemma in ALLEGATION_NOUNS or singular in ALLEGATION_NOUNS


def _comma_before(word: Token) -> Token | None:
    """The comma that sets the noun off, with only determiners and modifiers between."""
    start = sentence_of(word).start
    i = word.i - 1
    while i > start and word.doc[i].pos_ in LEADING_POS:
        i -= 1
    return word.doc[i] if i > start and word.doc[i].text == "," else None


def apposed_charge(tok: Token) -> Token | None:
    """The set-off allegation noun the denial at ``tok`` is the relative clause of, or None.
    The denial has no other object: its object is the charge."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in DENYING_VERBS:
        return None
    candidates: list[Token] = []
    if tok.dep_ in CLAUSE_DEPS and tok.head.i < tok.i:
        candidates.append(tok.head)
    fronted = [c for c in children(tok) if c.dep_ in FRONTED_OBJECT_DEPS]
    candidates.extend(c for c in fronted if c.i < tok.i)
    if any(c.i > tok.i for c in fronted):
        return None  # "..., charges X denied them": an object of its own
    for word in candidates:
        if _allegation_word(word) and _comma_before(word) is not None:
            return word
    return None


def is_misread_charge(tok: Token) -> bool:
    """Is ``tok`` a set-off charge the parser read as a verb ("..., *charges* Y denied")?
    It is the noun a denial answers, no act of its own."""
    if tok.pos_ != "VERB":
        return False
    return any(
        (charge := apposed_charge(c)) is not None and charge.i == tok.i for c in children(tok)
    )


def charge_maker(charge: Token) -> Token | None:
    """The subject of the main clause before the comma that sets ``charge`` off (the agent of
    a passive one): the one making the charge."""
    comma = _comma_before(charge)
    if comma is None:
        return None
    sent = sentence_of(charge)
    best: tuple[int, Token] | None = None
    for t in sent:
        if t.i >= comma.i:
            break
        if t.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS and t.head.i < comma.i:
            depth = sum(1 for _ in t.head.ancestors)
            if best is None or depth < best[0]:
                best = (depth, t)
    if best is None:
        return None
    subject = best[1]
    return subject if subject.dep_ in SUBJECT_DEPS else syntax.agent_of(subject.head)
