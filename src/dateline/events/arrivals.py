"""Help that arrives from abroad: "reinforcements *have arrived from* overseas, including
Canada and Japan", "firefighters *from* Chile *landed in* Portugal", "aid from Japan
arrived in Myanmar".

News of a disaster often tells the help it received only by its arrival: the givers are the
"from" phrase of the verb or of the arriving noun, or the countries an "including" list
names. Each giver aids (CAMEO 070, AID) the place of arrival, or, when no place is named
("have arrived from overseas"), the country the story is about. Only help that has arrived
counts: "will arrive", "are expected to arrive" are plans. Troops are not help here: their
arrival is a show of force (the trigger lexicon's ``arrive`` rows for forces).
Word classes in ``data/events/word_classes.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dateline.docmemo import children
from dateline.events import syntax
from dateline.events._rules import frame_rule
from dateline.events._words import word_class

# Verbs of coming to a place: "*arrived* in", "*landed* in".
ARRIVAL_VERBS = word_class("arrival_verb")
# What arrives as help: "*reinforcements*", "*firefighters*", "relief *supplies*".
ARRIVING_HELP_NOUNS = word_class("arriving_help_noun")
# Prepositions that name where help comes from, or list its givers.
GIVER_PREPOSITIONS = ("from", "including")
PLACE_PREPOSITION = "in"
# Givers are states and international bodies: "firefighters from *Edmonton*" name a town.
GIVER_KINDS = frozenset({"country", "organisation"})
ARRIVAL_RULE = frame_rule("acts5.g.help.arrived.from")
# Dependencies of a verb that is itself planned, expected or asked for, not told as done.
UNREALISED_DEPS = frozenset({"xcomp", "advcl", "relcl", "acl", "csubj"})


@dataclass(frozen=True)
class Arrival:
    """Help that arrived: the verb, the phrases naming its givers, the place it came to."""

    verb: Token
    givers: list[Token]
    place: Token | None


def _givers_of(head: Token) -> list[Token]:
    """The "from" and "including" objects of ``head``, with their conjuncts."""
    return [
        c
        for p in GIVER_PREPOSITIONS
        for g in syntax.prep_objects(head, p)
        for c in syntax.expand_conjuncts(g)
    ]


def arriving_help(verb: Token) -> Arrival | None:
    """``verb`` tells help arriving from named givers ("aid from X arrived in Y"); else None.
    An arrival that is only planned ("will arrive", "is expected to arrive") is none."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ARRIVAL_VERBS:
        return None
    if verb.dep_ in UNREALISED_DEPS or any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in children(verb)
    ):
        return None
    subject = syntax.subject_of(verb)
    if subject is None or subject.lemma_.lower() not in ARRIVING_HELP_NOUNS:
        return None
    heads = [verb, subject]
    # "arrived from Asia, including Japan": the list may hang on the "from" object
    heads += syntax.prep_objects(verb, "from") + syntax.prep_objects(subject, "from")
    seen: dict[int, Token] = {}
    for head in heads:
        for giver in _givers_of(head):
            seen.setdefault(giver.i, giver)
    if not seen:
        return None
    places = syntax.prep_objects(verb, PLACE_PREPOSITION)
    return Arrival(verb, sorted(seen.values(), key=lambda t: t.i), places[0] if places else None)
