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

from dateline.docmemo import children, head_of
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
# A show of force (CAMEO 15) is aimed at whom its purpose would rout as well: "troops were
# deployed *to push back* the rebels" mobilises against the rebels.
MOBILIZE_ROOT = "15"
# Purposes of a show of force that name whom it presses: "tested missiles *to pressure* the
# U.S.", "held drills *to deter* Y".
PRESSURING_VERBS = word_class("pressuring_verb")
# Aims an act is done in, and how their infinitive hangs: "in an *effort to* pressure Y".
PURPOSE_NOUNS = word_class("purpose_noun")
PURPOSE_PREPOSITIONS = ("in", "with")
AIM_DEPS = frozenset({"acl", "relcl"})


def purpose_foes(tok: Token, code: str) -> list[Token]:
    """Whom a use of force or a deployment was launched against, as its purpose infinitive
    names them ("launched an operation *to flush out* al-Shabab militants", "were deployed
    *to push back* the rebels"), and whom a show of force was made to pressure ("conducted
    missile tests *in an effort to pressure* the U.S."): the purpose of the verb or of its
    object noun. Empty for any other act or purpose."""
    if not code.startswith((*FORCE_ROOTS, MOBILIZE_ROOT)):
        return []
    aims = ROUTING_VERBS | (PRESSURING_VERBS if code.startswith(MOBILIZE_ROOT) else frozenset())
    obj = syntax.object_of(tok) if tok.pos_ == "VERB" else None
    for head in (tok, *([obj] if obj is not None else [])):
        for clause in _purposes(head):
            if clause.lemma_.lower() in aims:
                foe = syntax.object_of(clause)
                if foe is not None:
                    return syntax.expand_conjuncts(foe)
    return []


def _purposes(head: Token) -> list[Token]:
    """The purpose infinitives of ``head``: its own ("deployed *to push back*") and those of
    an aim it is done in ("tested missiles in an effort *to pressure*")."""
    found = [c for c in children(head) if c.dep_ in PURPOSE_DEPS and _infinitive(c)]
    for noun in (o for p in PURPOSE_PREPOSITIONS for o in syntax.prep_objects(head, p)):
        if noun.lemma_.lower() in PURPOSE_NOUNS:
            found += [c for c in children(noun) if c.dep_ in AIM_DEPS and _infinitive(c)]
    return found


def _infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children(tok))


# Where an attack struck beside its target: "detonated explosives *near* a military convoy".
PROXIMITY_PREPOSITIONS = word_class("proximity_preposition")


def struck_beside(tok: Token, code: str) -> list[Token]:
    """What a use of force struck beside ("a bomber detonated explosives *near a military
    convoy*", "struck *outside* a police station"): the objects of a preposition of
    nearness on the verb. The coder keeps only security forces among them: a place or a
    bystander beside a blast is not whom it was aimed at."""
    if not code.startswith(FORCE_ROOTS) or tok.pos_ != "VERB":
        return []
    return [
        c
        for p in PROXIMITY_PREPOSITIONS
        for o in syntax.prep_objects(tok, p)
        for c in syntax.expand_conjuncts(o)
    ]


# Results of a use of force that name whom it hit: "*pushing* X out of its strongholds",
# "*killing* three soldiers", "*inflicting* heavy casualties *on* X".
HARMING_VERBS = word_class("harming_result_verb")
INFLICTING_VERBS = word_class("inflicting_verb")
RESULT_DEPS = frozenset({"advcl", "conj"})
SIDE_CLAUSE_DEPS = frozenset({"parataxis", "conj"})


def force_results(tok: Token, code: str) -> list[Token]:
    """Whom a use of force hit, as the participle of its result names them: "detonated
    explosives near a convoy, *killing* three soldiers", "intensified attacks, *inflicting*
    heavy casualties *on* X", and, when the force is a noun that is the subject of its own
    verb, that verb's result ("an offensive launched by Y has met with success, *pushing*
    X out of its strongholds"). Empty for any other act, and for a result that hits no one
    the sentence names."""
    if not code.startswith(FORCE_ROOTS):
        return []
    # (a head, and whether it is itself a result: the verb of a force noun's subject is)
    heads = [(tok, False)]
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "dobj":
        heads.append((head_of(tok), False))  # "intensified attacks, inflicting ...": the verb's
    noun = head_of(tok) if tok.dep_ == "acl" else tok if tok.pos_ in {"NOUN", "PROPN"} else None
    if noun is not None and noun.dep_ in {"nsubj", "nsubjpass"}:
        heads.append((head_of(noun), True))  # "an offensive launched by Y ... pushed X out"
        if head_of(noun).dep_ in SIDE_CLAUSE_DEPS:
            # "an offensive, in part to chase X, has met with success, pushing Y out": the
            # parser may give the noun to a side clause of the verb whose result it is
            heads.append((head_of(head_of(noun)), True))
    for head, itself in heads:
        verbs = [c for c in children(head) if c.dep_ in RESULT_DEPS and c.tag_ == "VBG"]
        for verb in [head, *verbs] if itself else verbs:
            lemma = verb.lemma_.lower()
            if lemma not in ROUTING_VERBS | HARMING_VERBS | INFLICTING_VERBS:
                continue
            obj = syntax.object_of(verb)
            if lemma in INFLICTING_VERBS:
                hit = [*syntax.prep_objects(verb, "on")]
                if obj is not None:
                    hit += syntax.prep_objects(obj, "on")
                if hit:
                    return [c for h in hit for c in syntax.expand_conjuncts(h)]
            elif obj is not None:
                return syntax.expand_conjuncts(obj)
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
