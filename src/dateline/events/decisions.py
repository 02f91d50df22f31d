"""Measures announced as decided: "the United States *announced* that it *would cease*
military aid to Ukraine".

CAMEO reads "X will cut aid to Y" as a threat to cut it (1311), and the mood table says so
for a bare future. Announced, with no condition, the future is no threat held over Y but
a decision taken and made public: the labelling guide codes the measure itself (SANCTION),
dated by the announcement. Only for measures that reduce relations (CAMEO 16): they take
effect by being decided, where an announced visit or aid is a stated intent (AGREE, as
the guide has it). Word classes in ``data/events/word_classes.tsv``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events import syntax
from dateline.events._words import word_class
from dateline.events.mood import CONDITION_MARKS

# Verbs that make public a decision taken: "*announced* that it would cease aid".
ANNOUNCING_VERBS = word_class("decision_announcing_verb")
# Reduce relations, aid or trade; break ties; halt negotiations or mediation; expel.
DECIDED_ROOT = "16"
FUTURE_AUX = frozenset({"will", "would", "'ll", "shall"})
# How far up a coordination an announced clause's verb may be ("would cease aid and *halt*").
MAX_CONJUNCT_HOPS = 3


def announced_measure(tok: Token, code: str) -> bool:
    """``tok`` is a measure of CAMEO 16 put in the future of a clause whose verb announces
    it, with no condition of its own: "announced (that) it would suspend aid to Y"."""
    if not code.startswith(DECIDED_ROOT) or tok.pos_ != "VERB" or syntax.has_negation(tok):
        return False
    clause = tok
    for _ in range(MAX_CONJUNCT_HOPS):
        if clause.dep_ != "conj" or clause.head.i == clause.i:
            break
        clause = clause.head
    if not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in clause.children):
        return False
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in ANNOUNCING_VERBS:
        return False
    return not any(
        c.dep_ == "advcl"
        and any(g.dep_ == "mark" and g.lower_ in CONDITION_MARKS for g in c.children)
        for w in (tok, clause)
        for c in w.children
    )
