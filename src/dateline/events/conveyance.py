"""Whom a use of force is aimed at when its object is no actor: what a vehicle carries,
whom its purpose names.

News names the vehicle where the victims should be: "militants *ambushed a bus transporting
a paramilitary force*", "gunmen *attacked a convoy escorting* aid workers", "a drone *struck
a car carrying* two commanders". The vehicle is no actor; the people it carries are the
target of the attack (the labelling guide's "paramilitary force" of "ambushed a bus
transporting a paramilitary force"). Likewise the purpose of an operation names whom it
is aimed at: "Kenya *launched an operation to flush out* al-Shabab militants". Word classes
in ``data/events/word_classes.tsv``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dateline.docmemo import children
from dateline.events import syntax
from dateline.events._words import word_class
from dateline.model import Actor, Event

CONVEYANCE_NOUNS = word_class("conveyance_noun")
CARRYING_VERBS = word_class("carrying_verb")
# CAMEO roots of a use of force: assault (18), fight (19), mass violence (20).
FORCE_ROOTS = ("18", "19", "20")
# Prepositions of a nominal attack's object: "an attack *on* a bus", "a raid *against* ...".
ATTACKED_PREPOSITIONS = ("on", "against")
# Links by which a clause describes the vehicle: "a bus *carrying* X", "a bus *that carried* X".
DESCRIBING_DEPS = frozenset({"acl", "relcl"})


def attacked_things(tok: Token) -> list[Token]:
    """What the use of force at ``tok`` was aimed at, as the sentence words it: the object of
    a verb ("ambushed *a bus*"), the "on" or "against" object of a noun ("an attack *on* a
    convoy"), each with its conjuncts."""
    if tok.pos_ == "VERB":
        obj = syntax.object_of(tok)
        found = [obj] if obj is not None else []
        # "launched an attack on a bus": the light verb's attack was aimed at the bus
        found += [o for f in found for o in _prep_objects(f)]
    else:
        found = _prep_objects(tok)
    return [c for o in found for c in syntax.expand_conjuncts(o)]


def _prep_objects(noun: Token) -> list[Token]:
    return [o for p in ATTACKED_PREPOSITIONS for o in syntax.prep_objects(noun, p)]


def vehicle_load(tok: Token, code: str) -> list[Token]:
    """Whom a use of force on a vehicle was aimed at: what the vehicle carried or guarded,
    as a clause describing it says ("ambushed a bus *transporting a paramilitary force*",
    "an attack on a convoy *that was escorting officials*"). Empty for any other act or
    object, and for a vehicle the sentence does not say carried anyone."""
    if not code.startswith(FORCE_ROOTS):
        return []
    found: list[Token] = []
    for thing in attacked_things(tok):
        if thing.lemma_.lower() not in CONVEYANCE_NOUNS:
            continue
        for clause in children(thing):
            if clause.dep_ in DESCRIBING_DEPS and clause.lemma_.lower() in CARRYING_VERBS:
                load = syntax.object_of(clause)
                if load is not None:
                    found.extend(syntax.expand_conjuncts(load))
    return found


# Purposes of a use of force that name whom it is aimed at: "launched an operation *to flush
# out* al-Shabab", "an offensive *to dislodge* the rebels".
ROUTING_VERBS = word_class("routing_verb")
PURPOSE_DEPS = frozenset({"advcl", "xcomp", "acl"})


def purpose_foes(tok: Token, code: str) -> list[Token]:
    """Whom a use of force was launched against, as its purpose infinitive names them
    ("launched an operation *to flush out* al-Shabab militants"): the purpose of the verb
    or of its object noun. Empty for any other act or purpose."""
    if not code.startswith(FORCE_ROOTS):
        return []
    obj = syntax.object_of(tok) if tok.pos_ == "VERB" else None
    for head in (tok, *([obj] if obj is not None else [])):
        for clause in children(head):
            if (
                clause.dep_ in PURPOSE_DEPS
                and clause.lemma_.lower() in ROUTING_VERBS
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(clause))
            ):
                foe = syntax.object_of(clause)
                if foe is not None:
                    return syntax.expand_conjuncts(foe)
    return []


# Armed groups that fight within their own country, and the forces they fight there.
INSURGENT_SECTORS = frozenset({"REB", "UAF", "OPP"})
SECURITY_SECTORS = frozenset({"MIL", "COP", "SPY"})
INSURGENCY_RULE = "implicit.insurgency"


def insurgency_target(event: Event) -> Actor | None:
    """The security forces an insurgent group attacks, named without a country ("BLA
    insurgents ambushed a bus transporting *a paramilitary force*"), are those of the
    group's own country, where it fights (the labelling guide: an attack by separatists on
    a train is PAK REB -> PAK)."""
    target, source = event.target, event.source
    if (
        target is None
        or target.country is not None
        or target.code
        or target.sector not in SECURITY_SECTORS
        or source.sector not in INSURGENT_SECTORS
        or not source.country
        or not event.cameo.code.startswith(FORCE_ROOTS)
    ):
        return target
    rule = f"{target.rule}+{INSURGENCY_RULE}" if target.rule else INSURGENCY_RULE
    return replace(
        target, code=f"{source.country}{target.sector}", country=source.country, rule=rule
    )
