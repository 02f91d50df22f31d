"""Blame told in a cleft sentence: "It is Y who is responsible".

A cleft puts the culprit in focus, so a culpability word needs no "for the attack" there to
blame: "it is *Y* who is to blame" answers who did the harm the story is about. The speaker
who says it is the source, as for any reported evaluation.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.docmemo import children, head_of
from dateline.events import syntax
from dateline.events._blame import CULPABILITY_WORDS
from dateline.events._evaluation import Evaluation

RELATIVE_PRONOUNS = {"who", "that"}
COPULA = "be"
EXPLETIVE = "it"


def cleft_culprit(tok: Token) -> Evaluation | None:
    """The actor in focus of "it is Y who is responsible" at the culpability word ``tok``."""
    if tok.lemma_.lower() not in CULPABILITY_WORDS or tok.dep_ != "acomp":
        return None
    relative = head_of(tok)
    if relative.dep_ != "relcl" or relative.lemma_.lower() != COPULA:
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in children(relative)):
        return None
    focus = head_of(relative)
    main = head_of(focus)
    if focus.dep_ != "attr" or main.lemma_.lower() != COPULA:
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ == EXPLETIVE for c in children(main)):
        return None
    if any(syntax.has_negation(t) for t in (tok, relative, main)):
        return None  # "it is not Y who is responsible"
    return Evaluation(tok, focus, blame=True)
