"""The victims of a condemned act are not the condemnation's target; the casualties of an
attack are its target; a government's own audience is not a party it consults.

"condemned the killing of Somali civilians by al-Shabab", "condemned any violence against
Afghan civilians", "condemned the journalist's arrest": the object of a condemnation is a
harm done to someone, and a careful reader codes the condemnation against whoever did the
harm (the agent in the phrase, or whoever the article says did it: ``_authors``), not
against the victims the phrase names. The words of harm are data
(``data/events/word_classes.tsv``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from dateline.codebook import (
    ASSAULT_ROOT,
    DISAPPROVE_ROOT,
    FIGHT_ROOT,
    MASS_VIOLENCE_ROOT,
)
from dateline.docmemo import children, head_of
from dateline.events import syntax
from dateline.events._phrases import Arg
from dateline.events._words import word_class
from dateline.model import Actor

# Acts of condemning and criticising (CAMEO 11) are aimed at the doer of what they condemn.
CONDEMNATION_ROOTS = (DISAPPROVE_ROOT,)
# Harms done to someone: acts of violence and coercion, and what a person held undergoes.
HARM_NOUNS = (
    word_class("harm_noun")
    | word_class("hostile_act_noun")
    | word_class("custody_noun")
    | word_class("undergone_noun")
    | word_class("harm_quality_noun")
)
# Harms whose possessor is their victim ("the journalist's *arrest*"), unlike acts whose
# possessor is their doer ("Russia's *attack*").
UNDERGONE_NOUNS = word_class("custody_noun")
# Harms named as a quality of their doer, whose "of" phrase is the doer ("the brutality *of
# the military*"); "of" names the victim of every other harm ("the killing *of* civilians").
QUALITY_NOUNS = word_class("harm_quality_noun")
VICTIM_PREPOSITIONS = {"of", "against", "on", "upon"}
# Verbs that lay a harm at someone's door with "on": "blamed the attacks on X".
BLAMING_VERBS = word_class("blaming_verb")
# Uses of force, and the verbs of those who suffer one ("died in an attack").
FORCE_ROOTS = (ASSAULT_ROOT, FIGHT_ROOT, MASS_VIOLENCE_ROOT)
CASUALTY_VERBS = word_class("casualty_verb")
# Verbs of speaking to an audience, and the audiences of a government at home.
ADDRESS_VERBS = word_class("address_verb")
AUDIENCE_SECTORS = {"LEG", "CVL"}
# A person held by no one the article names is held by the authorities of his country, as
# an unnamed agent's coercion is the place's (docs/conventions.md).
HOLDER_SECTOR = "GOV"
HOLDER_RULE = "implicit.holder"


def victim_tokens(tok: Token) -> set[int]:
    """The tokens naming the victims of the harm the condemnation at ``tok`` is about."""
    victims: set[int] = set()
    for noun in _condemned_harms(tok):
        for child in children(noun):
            lemma = noun.lemma_.lower()
            undergone = child.dep_ == "poss" and lemma in UNDERGONE_NOUNS
            prepositions = VICTIM_PREPOSITIONS - ({"of"} if lemma in QUALITY_NOUNS else set())
            if undergone or (child.dep_ == "prep" and child.lower_ in prepositions):
                victims.update(t.i for t in child.subtree)
    return victims


def _condemned_harms(tok: Token) -> list[Token]:
    if tok.lemma_.lower() in BLAMING_VERBS:
        return []  # "blamed the attacks *on militants*": "on" names the blamed
    obj = syntax.object_of(tok)
    if obj is None:
        return []
    return [n for n in syntax.expand_conjuncts(obj) if n.lemma_.lower() in HARM_NOUNS]


def split_victims(
    tok: Token, code: str, targets: Sequence[Arg], offset: int
) -> tuple[list[Arg], list[Arg]]:
    """``targets`` split into the condemnation's targets and the victims of the harm it is
    about; ``offset`` is where the trigger's document starts in the article."""
    if not code.startswith(CONDEMNATION_ROOTS):
        return list(targets), []
    victims = victim_tokens(tok)
    if not victims:
        return list(targets), []
    starts = {offset + tok.doc[i].idx for i in victims}
    kept = [t for t in targets if t.actor.start not in starts]
    return kept, [t for t in targets if t.actor.start in starts]


def holders(tok: Token, victims: Sequence[Arg]) -> list[Arg]:
    """The authorities of the victims' country, for a condemned custody ("condemned the
    journalist's arrest") whose holder neither the phrase nor the article names."""
    if not any(n.lemma_.lower() in UNDERGONE_NOUNS for n in _condemned_harms(tok)):
        return []
    countries = sorted({v.actor.country for v in victims if v.actor.country})
    return [
        Arg(
            Actor(
                text="",
                start=victims[0].actor.start,
                end=victims[0].actor.start,
                code=f"{country}{HOLDER_SECTOR}",
                country=country,
                sector=HOLDER_SECTOR,
                rule=HOLDER_RULE,
            )
        )
        for country in countries
    ]


def harm_doers(tok: Token, code: str) -> list[Token]:
    """Who did the harm a condemnation at ``tok`` is about, as its phrase says: the "by"
    agent ("the killing of X *by Y*") or the possessor of an act ("*Y's* attack on X")."""
    if not code.startswith(CONDEMNATION_ROOTS):
        return []
    doers: list[Token] = []
    for noun in _condemned_harms(tok):
        for child in children(noun):
            if child.dep_ in {"prep", "agent"} and child.lower_ == "by":
                doers.extend(g for g in children(child) if g.dep_ == "pobj")
            elif child.dep_ == "poss" and noun.lemma_.lower() not in UNDERGONE_NOUNS:
                doers.append(child)
    return doers


def casualties(tok: Token, code: str) -> list[Token]:
    """Who suffered a use of force named by a noun the casualties' verb holds: "twelve
    soldiers *died* / *were killed* in an *attack* by Y" is Y's attack on the soldiers."""
    if not code.startswith(FORCE_ROOTS) or tok.pos_ not in {"NOUN", "PROPN"}:
        return []
    prep = head_of(tok)
    if tok.dep_ != "pobj" or prep.lower_ != "in":
        return []
    verb = head_of(prep)
    if verb.lemma_.lower() not in CASUALTY_VERBS:
        return []
    subject = syntax.subject_of(verb)
    if subject is None and syntax.is_passive(verb):
        subject = syntax.passive_subject_of(verb)
    return [subject] if subject is not None else []


def is_own_audience(tok: Token, source: Arg, target: Arg | None) -> bool:
    """ "Speaking to British lawmakers, Starmer said ...": a government addressing its own
    country's legislature or public speaks to an audience; it consults no one."""
    if target is None or tok.lemma_.lower() not in ADDRESS_VERBS:
        return False
    s, t = source.actor, target.actor
    return bool(s.country) and s.country == t.country and t.sector in AUDIENCE_SECTORS
