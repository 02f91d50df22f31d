"""Actors a sentence leaves unsaid, filled by the coding conventions of
``docs/conventions.md``: domestic acts, acts placed in a country, unidentified agents and
sources placed by the sentence's only country. Each such actor carries its convention in its
``rule``."""

from __future__ import annotations

from dataclasses import replace

from dateline.codebook import (
    ACCEDE_TO_REFORM_CODE,
    ARREST_CODE,
    ASSAULT_ROOT,
    COERCE_ROOT,
    CONSULT_ROOT,
    DIPLOMATIC_COOPERATION_ROOT,
    EASE_SANCTIONS_CODE,
    FIGHT_ROOT,
    MASS_VIOLENCE_ROOT,
    MATERIAL_COOPERATION_ROOT,
    PROTEST_ROOT,
    RELEASE_CODE,
    REPRESSION_CODE,
    SANCTION_CODE,
    STATEMENT_ROOT,
)
from dateline.model import Actor, Event

SENTENCE_COUNTRY_RULE = "implicit.sentence_country"
# CAMEO roots whose sentence place is usually a venue, not whom the act is aimed at ("met in
# Geneva", "signed the accord in Paris", "held joint exercises in the Mediterranean"): their
# missing target is not taken from the place.
VENUE_ROOTS = {CONSULT_ROOT, DIPLOMATIC_COOPERATION_ROOT, MATERIAL_COOPERATION_ROOT}
# CAMEO codes whose untargeted acts are a government acting on its own country: "lifted the
# state of emergency" (081), "accepted demands for reform" (083), "released 300 prisoners"
# (084), "imposed a curfew" (172), "arrested 12" (173), "cracked down" (175). Not a retreat,
# a concession in general or an expulsion: those are usually aimed abroad.
DOMESTIC_CODES = (
    EASE_SANCTIONS_CODE,
    ACCEDE_TO_REFORM_CODE,
    RELEASE_CODE,
    SANCTION_CODE,
    ARREST_CODE,
    REPRESSION_CODE,
)
# CAMEO roots coded with an unidentified agent from the sentence's place, and the agent's
# sector: arrests and expulsions are the authorities' acts; violence is left unattributed.
UNIDENTIFIED_AGENT_ROOTS: dict[str, str | None] = {
    COERCE_ROOT: "GOV",
    ASSAULT_ROOT: None,
    FIGHT_ROOT: None,
    MASS_VIOLENCE_ROOT: None,
}


def implicit_target(event: Event, base_code: str) -> Actor | None:
    """The target news leaves unsaid, by the usual coding conventions (ICEWS, the PLOVER
    gold standard): protesters who name no one protest against their own government; an act
    that names no one lands on the country where the sentence places it ("lifted the curfew
    *in Montenegro*", "agreed to set up a centre *in Tokyo*"); a government's concession or
    coercion that names no one is domestic ("lifted the state of emergency", "arrested 12"),
    also when it is only promised or threatened (``base_code``, the trigger's own code before
    mood: "is prepared to impose martial law"). Marked with an empty span at the trigger and
    its own rule."""
    root = event.cameo.root
    source = event.source
    if root == PROTEST_ROOT and source.country and source.sector != "GOV":
        return convention_actor(event, source.country, "implicit.own_government", "GOV")
    place = event.location
    if root in VENUE_ROOTS or root == STATEMENT_ROOT:
        return None
    if place and place.source == "sentence" and place.country:
        return convention_actor(event, place.country, "implicit.place")
    if is_domestic(event, base_code) and source.country:
        return convention_actor(event, source.country, "implicit.domestic")
    return None


def is_domestic(event: Event, base_code: str) -> bool:
    return event.cameo.code.startswith(DOMESTIC_CODES) or base_code.startswith(DOMESTIC_CODES)


def countryless_target(event: Event, base_code: str) -> Actor | None:
    """A target the resolver found but could not place in a country ("released Prime
    Minister Mahendra Chaudhry", "dispersed demonstrators", "a journalist was killed in
    Beirut"), by the conventions of ``implicit_target``: the people a government's domestic
    act is done to are its own; the victims of force in a named place are that place's.
    The actor keeps its words and sector; its rule records the convention."""
    target = event.target
    assert target is not None
    country: str | None = None
    convention = ""
    place = event.location
    if is_domestic(event, base_code) and event.source.country:
        country, convention = event.source.country, "implicit.domestic"
    elif (
        event.cameo.root in UNIDENTIFIED_AGENT_ROOTS
        and place is not None
        and place.source == "sentence"
        and place.country
    ):
        country, convention = place.country, "implicit.place"
    if country is None:
        return target
    return replace(
        target,
        code=f"{country}{target.sector or ''}",
        country=country,
        rule=f"{target.rule}+{convention}" if target.rule else convention,
    )


def placed_in(source: Actor, country: str) -> Actor:
    """A source the resolver could not place, placed in the sentence's only country."""
    if source.code or source.country:
        return source
    return replace(
        source,
        code=f"{country}{source.sector or ''}",
        country=country,
        rule=f"{source.rule}+{SENTENCE_COUNTRY_RULE}" if source.rule else SENTENCE_COUNTRY_RULE,
    )


def convention_actor(event: Event, country: str, rule: str, sector: str | None = None) -> Actor:
    """An actor supplied by a coding convention: an empty span at the trigger, its own rule."""
    at = event.trigger.start
    return Actor(
        text="",
        start=at,
        end=at,
        code=f"{country}{sector or ''}",
        country=country,
        sector=sector,
        rule=rule,
    )
