"""Measures taken to stop someone: "Britain will take any measures necessary *to prevent
Iran from* acquiring a nuclear weapon", "Ankara took action *to deter Greece from* ...".

A light verb with an unspecified measure ("take action", "take all necessary steps") names
no act by itself ("took steps to curb inflation"); with a purpose that stops someone from
doing something, it is a measure aimed at that someone: coercion (CAMEO 170), and, said of
the future, a threat (the mood table turns an intended 17 into 130). The purpose hangs on
the verb, on the measure noun ("steps *to stop* X from ...") or on its adjective ("measures
*necessary to prevent* X from ...").
Word classes in ``data/events/word_classes.tsv``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events import syntax
from dateline.events._rules import frame_rule
from dateline.events._words import word_class

MEASURE_NOUNS = word_class("measure_noun")
MEASURE_VERBS = word_class("measure_verb")
PREVENTING_VERBS = word_class("preventing_verb")
PURPOSE_DEPS = frozenset({"xcomp", "advcl", "relcl", "acl"})
PREVENTION_RULE = frame_rule("rel.v.take.measures.prevent")


def prevented_parties(tok: Token) -> list[Token]:
    """Whom the measure taken at ``tok`` is to stop ("took action to deter *Greece* from
    ..."); none when ``tok`` takes no measure noun or its purpose stops no one."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in MEASURE_VERBS:
        return []
    measure = syntax.object_of(tok)
    if measure is None or measure.lemma_.lower() not in MEASURE_NOUNS:
        return []
    # "measures necessary to prevent X": the purpose may hang on the measure's adjective
    adjectives = [c for c in measure.children if c.dep_ == "amod"]
    for head in (tok, measure, *adjectives):
        for clause in head.children:
            if (
                clause.dep_ in PURPOSE_DEPS
                and clause.lemma_.lower() in PREVENTING_VERBS
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
                and syntax.prep_objects(clause, "from")
                and (stopped := syntax.object_of(clause)) is not None
            ):
                return syntax.expand_conjuncts(stopped)
    return []
