"""Liberties curbed, told by a speaker: an accusation of whoever curbs them.

"X said Y *uses* vague laws *to suppress fundamental freedoms*", "Y is *stifling dissent*",
"Y has *trampled* on the *rights* of its citizens": a verb of repressing (``curbing_verb``)
whose object (or "on" phrase) is a liberty (``liberty_noun``: freedoms, rights, dissent,
free speech) names a wrong its subject does; said by a speaker, it accuses the subject
(CAMEO 112), as other wrongs told do (events/_blame.py). Negated, hypothetical or denied, it
accuses no one; an actor who *protects* or *defends* rights does no wrong.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.docmemo import children
from dateline.events import syntax
from dateline.events._evaluation import Evaluation
from dateline.events._words import word_class

CURBING_VERBS = word_class("curbing_verb")
LIBERTY_NOUNS = word_class("liberty_noun")


def may_curb_liberty(tok: Token) -> bool:
    """The cheap word test: can ``tok`` head a clause that curbs a liberty?"""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in CURBING_VERBS


def _is_liberty(noun: Token) -> bool:
    """ "freedoms", "press freedom", "the rights of journalists", "dissent"."""
    return noun.lemma_.lower() in LIBERTY_NOUNS or any(
        c.dep_ == "compound" and c.lemma_.lower() in LIBERTY_NOUNS for c in children(noun)
    )


def curbed_liberties(tok: Token) -> list[Token]:
    """The liberties the verb at ``tok`` curbs ("stifling *dissent*", "trampling on *the
    rights*"): none unless it curbs one in the active voice and is not negated. They are no
    act of their own: "stifling dissent" is no protest."""
    if not may_curb_liberty(tok) or syntax.is_passive(tok) or syntax.has_negation(tok):
        return []
    obj = syntax.object_of(tok)
    curbed = [obj, *obj.conjuncts] if obj is not None else list(syntax.prep_objects(tok, "on"))
    return [c for c in curbed if _is_liberty(c)]


def liberties_curbed(tok: Token) -> Evaluation | None:
    """The doer of "Y suppresses freedoms" (``judged``, the subject), at the verb."""
    if not curbed_liberties(tok):
        return None
    doer = syntax.subject_of(tok)
    return Evaluation(tok, doer, blame=True) if doer is not None else None
