"""Closed word lists and entry-type groupings shared by several resolution rules.

A list used by one rule module only lives at the top of that module.
"""

from __future__ import annotations

# Prepositions that attach a country or organisation to a role head ("rebels in Darfur",
# "the President of Kazakhstan", "a spokesman for the company").
ATTACH_PREPS = frozenset({"of", "in", "from", "for", "at", "within", "across", "throughout"})
# Roles held away from home: the place such a person works in is not their country
# ("the ambassador in Kazakhstan", "UN observers in Liberia", "a mediator in Sudan").
DIPLOMAT_ROLES = frozenset(
    {"ambassador", "envoy", "consul", "emissary", "chargé", "charge", "diplomat"}
    | {"representative", "commissioner", "mediator", "observer", "monitor", "inspector"}
)
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
COUNTRYISH = ("country", "adjective", "people", "place", "region", "ethnic")
ORGISH = ("org", "institution", "group", "dict")
CALENDAR = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"january", "february", "march", "april", "may", "june", "july", "august"}
    | {"september", "october", "november", "december"}
)
# A weak head ("forces", "troops") owned by the government is still the military.
ARMED_SECTORS = frozenset({"MIL", "COP", "SPY"})
# Heads whose country modifier names the other side, not the people meant: "Chinese rivals"
# are China's rivals, "Russia's neighbours" are not Russia.
COUNTERPART_NOUNS = frozenset(
    {"rival", "archrival", "arch-rival", "enemy", "foe", "adversary", "opponent", "nemesis"}
    | {"competitor", "challenger", "neighbor", "neighbour", "detractor"}
)
# Participles after "X-" that make X the one holding the thing named, not the thing itself:
# "the Serb-controlled republic", "a U.S.-designated terrorist group", "rebel-held towns".
HOLDER_PARTICIPLES = frozenset({"controlled", "held", "occupied", "designated", "funded", "owned"})
# Heads of place and facility names: a name modifying one ("Dadaab and Kakuma *camps*",
# "the Tora Bora *caves*", "Bagram *airbase*") is the place, never a person, even when the
# tagger reads it as one.
PLACE_HEADS = frozenset(
    {"camp", "complex", "settlement", "airport", "airbase", "port", "harbour", "harbor"}
    | {"prison", "jail", "hospital", "stadium", "square", "street", "road", "bridge", "dam"}
    | {"mine", "valley", "river", "lake", "mountain", "forest", "desert", "district"}
    | {"province", "county", "region", "town", "city", "village", "crossing", "refinery"}
    | {"island", "strait", "gulf", "cave", "oilfield", "field", "base", "station"}
)
