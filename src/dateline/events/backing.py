"""Acts done with someone's support: "*With support from the UK government*, WFP has
prepositioned food supplies", "*with funding from* Japan, the agency rebuilt ...".

The phrase says that its "from" (or "of") actor gave the clause's subject material help
for what it did: aid (CAMEO 070, or 071 for money) from that actor to the subject, as the
labelling guide codes "with support from the UK government, WFP ... prepositioned food".
Word classes in ``data/events/word_classes.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dateline.docmemo import head_of
from dateline.events import syntax
from dateline.events._rules import frame_rule
from dateline.events._words import word_class
from dateline.model import Actor

# Help a "with" phrase credits: "with *support* from X", "with the *help* of X".
BACKING_NOUNS = word_class("backing_noun")
# Of them, money: "with *funding* from X" is economic aid (071).
FUNDING_NOUNS = word_class("funding_noun")
AID_CODE = "070"
# Help from armed forces to another party's fight is military cooperation, not aid: "with
# the help of Russian troops, the Syrian army recaptured the city".
MILITARY_COOPERATION_CODE = "062"
MILITARY_SECTORS = frozenset({"MIL"})
ECONOMIC_AID_CODE = "071"
GIVER_PREPOSITIONS = ("from", "of")
VERB_TAGS = frozenset({"VERB", "AUX"})
BACKING_RULE = frame_rule("g.with.support")


@dataclass(frozen=True)
class Backing:
    """Help credited by a "with" phrase: the noun, its givers, the helped clause's subject."""

    noun: Token
    givers: list[Token]
    helped: Token
    code: str


def backing(noun: Token) -> Backing | None:
    """``noun`` heads a "with support from X" phrase of a clause whose subject did
    something with that help; else None."""
    lemma = noun.lemma_.lower()
    if lemma not in BACKING_NOUNS or noun.dep_ != "pobj":
        return None
    prep = head_of(noun)
    verb = head_of(prep)
    if prep.lower_ != "with" or verb.pos_ not in VERB_TAGS:
        return None
    givers = [g for p in GIVER_PREPOSITIONS for g in syntax.prep_objects(noun, p)]
    helped = syntax.subject_of(verb)
    if not givers or helped is None:
        return None
    code = ECONOMIC_AID_CODE if lemma in FUNDING_NOUNS else AID_CODE
    return Backing(noun, [c for g in givers for c in syntax.expand_conjuncts(g)], helped, code)


def is_outside_help(giver: Actor, helped: Actor) -> bool:
    """Help from another country or an international body, both sides coded: support
    between compatriots ("with support from lawmakers, the president passed the bill") is
    politics, not aid."""
    if not giver.code or not helped.code:
        return False
    return giver.country is None or giver.country != helped.country


def backing_code(backed: Backing, giver: Actor) -> str:
    """The CAMEO code of the help: military cooperation from armed forces, else aid."""
    return MILITARY_COOPERATION_CODE if giver.sector in MILITARY_SECTORS else backed.code
