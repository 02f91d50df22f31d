"""Meetings named by a noun whose parties the noun's own phrase does not give.

- "X told Y *in a phone conversation* ...", "*In a meeting* with Y, X said ...": a meeting
  noun in a phrase of a verb of saying is held between that verb's subject and its
  addressee.
- "X said *talks with Y* are progressing well": talks with no party of their own in front
  are the reporting speaker's.
- "X is *ready for talks* with Y", "X is *open to dialogue*": talks X states it is ready for
  are X's intent (coded as an intent by the coder).

Each actor found here carries its convention in its ``rule``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from dateline.codebook import (
    CONSULT_ROOT,
    HOST_VISIT_CODE,
    VISIT_CODE,
)
from dateline.docmemo import head_of
from dateline.events import syntax
from dateline.events._clauses import speaker_of
from dateline.events._phrases import Arg, MentionLike
from dateline.events._words import word_class

# Visits and hosting: the visitor is the noun's own ("Y's visit"), not whoever speaks
# "during the visit".
VISIT_CODES = (VISIT_CODE, HOST_VISIT_CODE)
# Prepositions that set what is said inside a meeting: "*in* a phone call", "*during* talks".
SETTING_PREPOSITIONS = {"in", "during", "at"}
# Verbs of saying: what is told in a meeting is told to the other party ("told Y in a call");
# another act set in talks ("agreed to mediation in talks with Y") says nothing of who met.
SAYING_VERBS = word_class("reporting_verb") | word_class("saying_verb")
# Adjectives of readiness: "ready *for* talks with Y", "open *to* dialogue" state an intent.
READY_ADJECTIVES = word_class("ready_adjective")
READY_PREPOSITIONS = {"for", "to"}
SETTING_RULE = "meeting.setting"
REPORTED_RULE = "meeting.reported"

ActorsAt = Callable[[Token | None, dict[int, MentionLike]], list[Arg]]


def _mark(args: list[Arg], convention: str) -> list[Arg]:
    return [
        Arg(
            replace(a.actor, rule=f"{a.actor.rule}+{convention}" if a.actor.rule else convention),
            a.plural,
        )
        for a in args
    ]


def setting_verb(tok: Token) -> Token | None:
    """The verb whose act a meeting noun sets: "told Y *in* a phone *conversation*"."""
    prep = head_of(tok)
    if tok.dep_ != "pobj" or prep.lower_ not in SETTING_PREPOSITIONS or prep.dep_ != "prep":
        return None
    verb = head_of(prep)
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in SAYING_VERBS else None


def meeting_parties(
    tok: Token,
    cameo: str,
    sources: list[Arg],
    targets: list[Arg],
    by_token: dict[int, MentionLike],
    actors_at: ActorsAt,
) -> tuple[list[Arg], list[Arg]]:
    """The parties of a meeting noun whose own phrase leaves them unsaid (see the module)."""
    if (
        tok.pos_ not in {"NOUN", "PROPN"}
        or not cameo.startswith(CONSULT_ROOT)
        or cameo.startswith(VISIT_CODES)
    ):
        return sources, targets
    ready = readiness_of(tok)
    if ready is not None and not sources:
        # "X is ready for talks": the copula's subject
        sources = actors_at(syntax.subject_of(head_of(ready)), by_token)
        return sources, targets
    verb = setting_verb(tok)
    if verb is not None:
        if not sources:
            sources = _mark(actors_at(syntax.subject_of(verb), by_token), SETTING_RULE)
        if not targets:
            addressee = syntax.dative_of(verb) or syntax.object_of(verb)
            targets = _mark(actors_at(addressee, by_token), SETTING_RULE)
        return sources, targets
    if not sources and targets and tok.dep_ in {"nsubj", "nsubjpass"}:
        # "X said talks with Y are progressing": the talks are the speaker's
        sources = _mark(actors_at(speaker_of(head_of(tok)), by_token), REPORTED_RULE)
    return sources, targets


def readiness_of(tok: Token) -> Token | None:
    """The adjective of readiness a meeting noun complements: "X is *ready* for talks",
    "X is *open* to dialogue"."""
    prep = head_of(tok)
    if tok.dep_ != "pobj" or prep.lower_ not in READY_PREPOSITIONS or prep.dep_ != "prep":
        return None
    adjective = head_of(prep)
    if adjective.pos_ != "ADJ" or adjective.lemma_.lower() not in READY_ADJECTIVES:
        return None
    return adjective
