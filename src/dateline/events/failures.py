"""Failure told of an actor's policy: "X said Y's immigration policy *is not working*", "X
says immigration in the EU *has failed*": a speaker who says an actor's policy, system or
strategy fails criticises that actor (CAMEO 111), as saying it is bad does
(``_evaluation.negative_predication``).

The verb is a verb of failing (``failing_verb``: fail, collapse, backfire) not denied, or a
verb of functioning (``functioning_verb``: work, function, succeed) denied ("is not working");
its subject is a noun of a policy or a state's act (``policy_noun``, ``state_act_noun``) that
an actor owns: its possessor, its "of" object, or an organisation it is "in" ("immigration in
the EU": a body's policy; not a place's state of things, "the economy in Y"). A thing with no
owner named ("the ceasefire is not working") judges no one.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dateline.docmemo import children
from dateline.events import syntax
from dateline.events._evaluation import Evaluation
from dateline.events._words import word_class

FAILING_VERBS = word_class("failing_verb")
FUNCTIONING_VERBS = word_class("functioning_verb")
POLICY_NOUNS = word_class("policy_noun") | word_class("state_act_noun")
FAILURE_VERBS = FAILING_VERBS | FUNCTIONING_VERBS
# The preposition of a body whose policy the noun is: "immigration *in* the EU".
BODY_PREPOSITION = "in"


def may_fail(tok: Token) -> bool:
    """The cheap word test: can ``tok`` tell a failure at all?"""
    return tok.lemma_.lower() in FAILURE_VERBS


def failed_policy(
    tok: Token,
    is_actor: Callable[[Token], bool],
    is_body: Callable[[Token], bool],
) -> Evaluation | None:
    """The owner of the policy the clause headed by ``tok`` says fails, as judged."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or syntax.is_passive(tok):
        return None
    negated = syntax.has_negation(tok)
    if not ((lemma in FAILING_VERBS and not negated) or (lemma in FUNCTIONING_VERBS and negated)):
        return None
    subject = next((c for c in children(tok) if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in POLICY_NOUNS:
        return None
    owner = next((c for c in children(subject) if c.dep_ == "poss"), None)
    if owner is not None and is_actor(owner):
        return Evaluation(tok, owner)
    for pobj in syntax.prep_objects(subject, "of"):
        if is_actor(pobj):
            return Evaluation(tok, pobj)
    for pobj in syntax.prep_objects(subject, BODY_PREPOSITION):
        if is_body(pobj):
            return Evaluation(tok, pobj)
    return None
