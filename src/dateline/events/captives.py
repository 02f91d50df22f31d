"""Whom a demand for the release of people is made of: whoever holds them, not the captives.

"The rebels demanded the release of 30 prisoners" and "threatened to kill the hostages
unless jailed fighters were freed" ask the state that holds the prisoners to free them; the
parser's target, the prisoners or the hostages, are what is asked for or the means of the
threat. By the convention for acts whose addressee news leaves unsaid, the holder is the
government of the captives' country, unless the one asking is that government itself (a
state asking for its own people is asking whoever holds them abroad, whom the sentence
does not name). Word classes in ``data/events/word_classes.tsv``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.codebook import THREAT_ROOT
from dateline.events._conventions import convention_actor
from dateline.events._requests import threat_condition
from dateline.events._words import word_class
from dateline.model import Actor, Event

# CAMEO codes of asking for a release: demand (1053), appeal (0253).
RELEASE_REQUEST_CODES = ("1053", "0253")
# Sectors of people held, not of a state: civilians, criminals, workers, rebels, opposition,
# journalists, refugees.
CAPTIVE_SECTORS = frozenset(
    {"CVL", "CRM", "LAB", "REB", "OPP", "MED", "REF", "HRI", "ELI", "EDU", "HLH", "REL", "AGR"}
)
# Sectors of a state asking for its own people's release.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# Verbs of a threat's condition that ask for a release: "unless the prisoners are *freed*".
RELEASING_VERBS = word_class("releasing_verb")
CAPTOR_SECTOR = "GOV"
CAPTOR_RULE = "implicit.captor"


def asks_release(tok: Token, code: str) -> bool:
    """Does the act at ``tok`` ask for a release: a release demand or appeal, or a threat
    whose condition is a release ("will kill them unless the prisoners are freed")?"""
    if code.startswith(RELEASE_REQUEST_CODES):
        return True
    if not code.startswith(THREAT_ROOT):
        return False
    # the condition hangs on the threat or on the act threatened ("threatened *to kill*
    # them unless ...")
    for act in (tok, *(c for c in tok.children if c.dep_ == "xcomp")):
        condition = threat_condition(act)
        if condition is not None and condition.lemma_.lower() in RELEASING_VERBS:
            return True
    return False


def captor(event: Event, asking: bool) -> Actor | None:
    """The holder of the captives an act asking for a release (``asking``) names as its
    target: their country's government. None when the target is no captive of a known
    country, or the one asking is that country's state."""
    target = event.target
    if not asking or target is None or not target.country:
        return None
    if target.sector not in CAPTIVE_SECTORS:
        return None
    source = event.source
    if source.country == target.country and (source.sector in STATE_SECTORS or not source.sector):
        return None
    return convention_actor(event, target.country, CAPTOR_RULE, CAPTOR_SECTOR)
