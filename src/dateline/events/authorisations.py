"""Laws that authorise force: "parliament *approved a law that authorizes* the coast guard
*to fire on* foreign vessels", "X *passed a law that allows* its police *to use force*".

Enacting such a law is itself an act of coercion (CAMEO 170, COERCE) by whoever enacted it,
as the labelling guide codes "approved a Coast Guard Law that authorizes firing on foreign
vessels": not the force itself, which has not happened, and not a plan, since the law is
passed. The force is named by the authorising verb's complement clause ("to fire on"), its
object ("authorizes *firing* on") or "the use of force" as its object. Whom the force is
aimed at ("on X", "against X") is the target; none when no party is named.
Word classes in ``data/events/word_classes.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dateline.docmemo import children
from dateline.events import syntax
from dateline.events._rules import frame_rule
from dateline.events._words import word_class

# Verbs of enacting: "*approved* a law", "*passed* legislation".
ENACTING_VERBS = word_class("enacting_verb")
# What is enacted: "a *law*", "a *bill*", "a *decree*".
LAW_NOUNS = word_class("law_noun")
# Verbs of granting a power: "*authorizes*", "*allows*", "*empowers*".
AUTHORISING_VERBS = word_class("authorising_verb")
# Acts of force a law may authorise: "to *fire* on", "*seize*", "*detain*".
AUTHORISED_FORCE = word_class("authorised_force")
# Means of force a law may allow the use of: "to use *force*", "the use of *weapons*".
FORCE_MEANS = word_class("force_means")
AIM_PREPOSITIONS = ("on", "against", "at")
AUTHORISATION_RULE = frame_rule("acts5.g.law.authorises.force")
# The law's own clause: "a law *that authorizes*", "a law *authorizing*".
LAW_CLAUSE_DEPS = frozenset({"relcl", "acl"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj"})
RELATIVE_TAGS = frozenset({"WDT", "WP"})


@dataclass(frozen=True)
class Authorisation:
    """A law enacted that authorises force: the enacting verb, its enactors, the force."""

    verb: Token
    enactors: Token
    force: Token


def _uses_force(act: Token) -> bool:
    """``act`` names force: "fire", "firing", or the use of a means of force ("use force",
    "the use of weapons")."""
    lemma = act.lemma_.lower()
    if lemma in AUTHORISED_FORCE:
        return True
    if lemma != "use":
        return False
    means = [syntax.object_of(act), *syntax.prep_objects(act, "of")]
    return any(m is not None and m.lemma_.lower() in FORCE_MEANS for m in means)


def _law_clauses(verb: Token, law: Token) -> list[Token]:
    """The law's own clauses: "a law *that authorizes*", "a law *authorizing*"; also a
    clause the parser hangs on the enacting verb when its subject is the relative pronoun
    right after the law ("approved a Law that authorizes", read as "approved [that it
    authorizes]")."""
    clauses = [c for c in children(law) if c.dep_ in LAW_CLAUSE_DEPS]
    for clause in children(verb):
        subject = syntax.subject_of(clause) if clause.dep_ == "ccomp" else None
        if subject is not None and subject.tag_ in RELATIVE_TAGS and subject.i == law.i + 1:
            clauses.append(clause)
    return clauses


def authorised_force(verb: Token) -> Authorisation | None:
    """``verb`` enacts a law whose own clause authorises force; else None. A law only
    proposed or to be voted on ("will approve", "plans to pass") is none."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ENACTING_VERBS:
        return None
    if any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in children(verb)):
        return None
    law = syntax.passive_subject_of(verb) if syntax.is_passive(verb) else syntax.object_of(verb)
    enactors = syntax.agent_of(verb) if syntax.is_passive(verb) else syntax.subject_of(verb)
    if law is None or enactors is None or law.lemma_.lower() not in LAW_NOUNS:
        return None
    for clause in _law_clauses(verb, law):
        if clause.lemma_.lower() not in AUTHORISING_VERBS:
            continue
        for act in children(clause):
            if act.dep_ in COMPLEMENT_DEPS and _uses_force(act):
                return Authorisation(verb, enactors, act)
    return None


def force_aimed_at(force: Token) -> list[Token]:
    """Whom the authorised force is aimed at: "fire *on* X", "use force *against* X"."""
    heads = [force, *(o for o in [syntax.object_of(force)] if o is not None)]
    return [
        c
        for h in heads
        for p in AIM_PREPOSITIONS
        for o in syntax.prep_objects(h, p)
        for c in syntax.expand_conjuncts(o)
    ]
