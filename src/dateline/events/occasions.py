"""Meetings named by "their": "*at their meeting* in July, Tokyo and Washington agreed ...",
"*during their talks*, Xi and Putin signed ...". Meetings and trips one is at: "X *is on* a
state visit to Y", "X was in Beijing *for talks* with Y".

A meeting noun whose possessor is a plural pronoun, in a phrase of a clause whose subject
names several actors, is a meeting among those actors: the pronoun stands for them. The
phrase may set the scene through a participle ("In a joint statement *issued at their
meeting*, X and Y shared ..."). Word classes in ``data/events/word_classes.tsv``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.docmemo import children, head_of
from dateline.events import syntax
from dateline.events._dating import set_clause
from dateline.events._words import word_class

# Possessives that stand for several actors named as the clause's subject.
PLURAL_POSSESSIVES = word_class("plural_possessive")
# How far up from the meeting noun to look for its clause.
CLAUSE_HOPS = 6
VERB_TAGS = frozenset({"VERB", "AUX"})
COPULA = "be"


def occasion_parties(noun: Token) -> list[Token]:
    """The subjects of the clause whose scene is "their" meeting at ``noun``, when they are
    several ("at *their* meeting, *Tokyo and Washington* shared ..."); else none."""
    if not any(c.dep_ == "poss" and c.lower_ in PLURAL_POSSESSIVES for c in children(noun)):
        return []
    clause = head_of(noun)
    for _ in range(CLAUSE_HOPS):
        if clause.pos_ in VERB_TAGS or head_of(clause).i == clause.i:
            break
        clause = head_of(clause)
    if clause.pos_ not in VERB_TAGS:
        return []
    if clause.dep_ == "acl":
        # "In a statement issued at their meeting, X and Y ...": the clause the phrase sets
        clause = set_clause(clause) or clause
    subject = syntax.subject_of(clause)
    if subject is None:
        return []
    parties = syntax.expand_conjuncts(subject)
    return parties if len(parties) >= 2 else []


def present_party(noun: Token) -> Token | None:
    """The subject of a "be" whose predicate places it at the meeting or on the trip at
    ``noun``: "X *is on* a state visit to Y", "X *was* in Beijing *for talks* with Y", "X *is*
    en route to Y"; else None. Being at an occasion is taking part in it."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return None
    verb = noun.head.head
    if verb.lemma_.lower() != COPULA or verb.pos_ not in VERB_TAGS:
        return None
    return syntax.subject_of(verb)
