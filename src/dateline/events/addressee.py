"""Whom an act is aimed at, when its own phrase does not say.

A warning that says what it demands ("issued warnings *demanding that Washington* lift its
sanctions") threatens whom it demands it of. A protest over a topic located somewhere ("over
the war *in Gaza*") is not against the place. One act is one row: its targetless twin goes."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.codebook import (
    PROTEST_ROOT,
    THREAT_ROOT,
)
from dateline.docmemo import children, head_of, sentence_of
from dateline.events import syntax
from dateline.events._phrases import Arg
from dateline.events._words import word_class
from dateline.model import Event

THREAT_ROOTS = (THREAT_ROOT,)
PROTEST_ROOTS = (PROTEST_ROOT,)
# Verbs of asking whose object (or "on"/"to"/"with" object) is whom they ask: "*urged*
# nations to ...", "*called on* governments to ...", "*pleaded with* donors".
ADDRESSING_VERBS = word_class("addressing_verb")
ADDRESSEE_PREPOSITIONS = ("on", "to", "with")
REQUEST_HEADS = word_class("request_head") | word_class("request_head_xcomp")
CONTENT_DEPS = {"acl", "advcl", "xcomp"}


def demanded_of(tok: Token, code: str) -> list[Token]:
    """The heads of the actors a threat at ``tok`` demands something of: the subject of the
    demanding participle's that-clause, or its object before an infinitive."""
    if not code.startswith(THREAT_ROOTS):
        return []
    holders = [tok]
    obj = syntax.object_of(tok)
    if obj is not None:
        holders.append(obj)  # "issued *warnings* demanding ..."
    found: list[Token] = []
    for holder in holders:
        for part in children(holder):
            if part.dep_ not in CONTENT_DEPS or part.lemma_.lower() not in REQUEST_HEADS:
                continue
            for child in children(part):
                if child.dep_ == "ccomp":
                    subject = syntax.subject_of(child)
                    if subject is not None:
                        found.append(subject)
                elif child.dep_ == "dobj":
                    found.append(child)
    return found


def without_targetless_twins(events: list[Event]) -> list[Event]:
    """One act, one row: an event with no target is dropped when the same source's event of
    the same CAMEO code in the sentence has one ("issued warnings demanding that Y ...":
    the verb found no target, its noun did)."""
    aimed = {(e.source.start, e.source.code, e.cameo.code) for e in events if e.target}
    return [
        e
        for e in events
        if e.target is not None or (e.source.start, e.source.code, e.cameo.code) not in aimed
    ]


def without_topic_places(tok: Token, code: str, targets: list[Arg], offset: int) -> list[Arg]:
    """A protest "over the war *in Gaza*" is about the war: the place that locates the topic
    is not whom the protest is against (the government "in Belgrade" neither)."""
    if not code.startswith(PROTEST_ROOTS):
        return targets
    located = {
        offset + t.idx
        for t in sentence_of(tok)
        if t.dep_ == "pobj"
        and head_of(t).lower_ == "in"
        and head_of(head_of(t)).pos_ in {"NOUN", "PROPN"}
        and head_of(head_of(t)).i != tok.i
    }
    return [a for a in targets if a.actor.start not in located]


def names_addressee(tok: Token) -> bool:
    """The request at ``tok`` names whom it asks, though not as an actor the resolver knows
    ("urged *nations* to look beyond ...", "called on *everyone* to ..."): it is not then to
    be aimed at the state the story is about. An object with no infinitive is what is asked
    for ("urging an independent investigation")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ADDRESSING_VERBS:
        return False
    if syntax.object_of(tok) is not None and any(
        c.dep_ in {"xcomp", "advcl"}
        and any(g.dep_ == "aux" and g.lower_ == "to" for g in children(c))
        for c in children(tok)
    ):
        return True  # "urged nations *to act*"; "urged restraint" names what it asks
    return any(syntax.prep_objects(tok, p) for p in ADDRESSEE_PREPOSITIONS)
