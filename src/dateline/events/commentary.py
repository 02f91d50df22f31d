"""What a commentator says is commentary, not an act of the states it names.

The labelling guide skips analysts' and experts' opinions. ``irrealis`` reads them when the
speaker is named by the role itself ("*analysts* say X will attack Y"); news more often
names one commentator and says what they are in an apposition: "X, *a security expert*,
told VOA that ...", "..., said Y, *director of* Z *University's* Emerging Markets
*Institute*". The act in the clause such a speaker says, or in the quotation the verb of
saying attributes to them, is the speaker's reading of events, not a report of an act.

A speaker is a commentator when the head of their name or of its apposition is a role of
commentators ("analyst", "expert", "professor": ``commentator_role``) or the apposition
places them at a body of research or teaching ("University", "Institute", "think tank":
``commentary_institution``). Word classes in ``data/events/word_classes.tsv``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.docmemo import children, head_of
from dateline.events._words import word_class
from dateline.events.irrealis import COMMENTATOR_ROLES, SAYING_VERBS, is_time_clause

COMMENTARY_INSTITUTIONS = word_class("commentary_institution")
# Links by which the clause said hangs from the verb of saying: "told VOA *that* ...",
# "“...,” said X" (the parser makes the quotation the verb's complement or a parataxis).
SAID_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "xcomp", "advcl", "conj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
NOUN_TAGS = frozenset({"NOUN", "PROPN"})
# How far up the clause chain the verb of saying is looked for.
MAX_HOPS = 6


def is_commentary(tok: Token, code: str) -> bool:
    """The act at ``tok`` is in what a commentator is said to say ("X, a security expert,
    said Y attacked Z"), whatever its code."""
    verb = _saying_verb(tok)
    if verb is None:
        return False
    return any(c.dep_ in SUBJECT_DEPS and is_commentator_phrase(c) for c in children(verb))


def _saying_verb(tok: Token) -> Token | None:
    """The nearest verb of saying above ``tok`` whose said clause holds it, or None."""
    current = tok
    for _ in range(MAX_HOPS):
        head = head_of(current)
        # what a commentator dates their view by is presupposed, not their view
        if head.i == current.i or is_time_clause(current):
            return None
        if (
            head.lemma_.lower() in SAYING_VERBS
            and current.dep_ in SAID_CLAUSE_DEPS
            and head.i != tok.i
        ):
            return head
        current = head
    return None


def is_commentator_phrase(speaker: Token) -> bool:
    """``speaker`` heads a commentator's name: its head is a commentator's role ("the
    analyst"), or an apposition describes one ("X, a political expert", "X, director of a
    university's institute")."""
    if speaker.lemma_.lower() in COMMENTATOR_ROLES:
        return True
    return any(c.dep_ == "appos" and _describes_commentator(c) for c in children(speaker))


def _describes_commentator(apposition: Token) -> bool:
    if apposition.lemma_.lower() in COMMENTATOR_ROLES:
        return True
    return any(
        t.pos_ in NOUN_TAGS
        and (t.lemma_.lower() in COMMENTARY_INSTITUTIONS or t.lower_ in COMMENTARY_INSTITUTIONS)
        for t in apposition.subtree
    )
