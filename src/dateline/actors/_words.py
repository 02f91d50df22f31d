"""Word classes and entry-type groupings shared by several resolution rules.

The words are data (``data/actors/word_classes.tsv``), read through ``word_class``; a class
used by one rule module only is read at the top of that module.
"""

from __future__ import annotations

from dateline import wordclasses


def word_class(name: str) -> frozenset[str]:
    """The words of one class of ``data/actors/word_classes.tsv``."""
    return wordclasses.word_class("actors", name)


# Prepositions that attach a country or organisation to a role head ("rebels in Darfur",
# "the President of Kazakhstan", "a spokesman for the company").
ATTACH_PREPS = word_class("attaching_preposition")
# Roles held away from home: the place such a person works in is not their country
# ("the ambassador in Kazakhstan", "UN observers in Liberia", "a mediator in Sudan").
DIPLOMAT_ROLES = word_class("diplomat_role")
DEFINITE = word_class("definite_determiner")
COUNTRYISH = ("country", "adjective", "people", "place", "region", "ethnic")
ORGISH = ("org", "institution", "group", "dict")
CALENDAR = word_class("calendar_word")
# A weak head ("forces", "troops") owned by the government is still the military.
ARMED_SECTORS = frozenset({"MIL", "COP", "SPY"})
# Heads whose country modifier names the other side, not the people meant: "Chinese rivals"
# are China's rivals, "Russia's neighbours" are not Russia.
COUNTERPART_NOUNS = word_class("counterpart_noun")
# Participles after "X-" that make X the one holding the thing named, not the thing itself:
# "the Serb-controlled republic", "a U.S.-designated terrorist group", "rebel-held towns".
HOLDER_PARTICIPLES = word_class("holder_participle")
# Heads of place and facility names: a name modifying one ("Dadaab and Kakuma *camps*",
# "the Tora Bora *caves*", "Bagram *airbase*") is the place, never a person, even when the
# tagger reads it as one.
PLACE_HEADS = word_class("place_head")
# Parts of an organisation a region or country names: "the Africa *desk* of Human Rights
# Watch" is Human Rights Watch's, not Africa's.
SUBUNIT_NOUNS = word_class("subunit_noun")
