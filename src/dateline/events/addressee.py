"""Whom a warning is aimed at, when it says what it demands: "issued warnings *demanding that
Washington* lift its sanctions", "warned, *urging Seoul* to stop the drills". A threat whose
demand names an actor threatens that actor; its own phrase may name no one."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events import syntax
from dateline.events._words import word_class
from dateline.model import Event

THREAT_ROOTS = ("13",)
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
        for part in holder.children:
            if part.dep_ not in CONTENT_DEPS or part.lemma_.lower() not in REQUEST_HEADS:
                continue
            for child in part.children:
                if child.dep_ == "ccomp":
                    subject = syntax.subject_of(child)
                    if subject is not None:
                        found.append(subject)
                elif child.dep_ == "dobj":
                    found.append(child)
    return found


def without_targetless_twins(events: list[Event]) -> list[Event]:
    """One act, one row: an event with no target is dropped when the same source's event of
    the same CAMEO root in the sentence has one ("issued warnings demanding that Y ...":
    the verb found no target, its noun did)."""
    aimed = {(e.source.start, e.source.code, e.cameo.root) for e in events if e.target}
    return [
        e
        for e in events
        if e.target is not None or (e.source.start, e.source.code, e.cameo.root) not in aimed
    ]
