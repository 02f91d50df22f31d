"""Forces sent to protect someone: "peacekeepers were deployed *to protect civilians*",
"France sent troops *to guard* the refugee camps of Y".

A deployment whose purpose infinitive protects an actor provides military protection to
that actor (CAMEO 074, AID), not a show of force (15x, MOBILIZE) against anyone: the
labelling guide's "forces have been deployed to protect civilians". A purpose that
protects a place or a thing ("to guard the border") leaves the deployment a mobilization.
Word classes in ``data/events/word_classes.tsv``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.docmemo import children
from dateline.events import syntax
from dateline.events._words import word_class

# Purposes that protect whom they name: "to *protect* civilians", "to *guard* the camps".
PROTECTING_VERBS = word_class("protecting_verb")
MOBILIZE_ROOT = "15"
PROTECTION_CODE = "074"
PROTECTION_SUFFIX = "+protect"
PURPOSE_DEPS = frozenset({"advcl", "xcomp"})


def protected(tok: Token, code: str) -> list[Token]:
    """Whom the deployment at ``tok`` (a mobilization, CAMEO 15x, or of peacekeepers, 074)
    was made to protect, as its purpose infinitive names them ("deployed *to protect
    civilians*"); else none."""
    if not code.startswith((MOBILIZE_ROOT, PROTECTION_CODE)) or tok.pos_ != "VERB":
        return []
    for clause in children(tok):
        if (
            clause.dep_ in PURPOSE_DEPS
            and clause.lemma_.lower() in PROTECTING_VERBS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(clause))
        ):
            obj = syntax.object_of(clause)
            if obj is not None:
                return syntax.expand_conjuncts(obj)
    return []
