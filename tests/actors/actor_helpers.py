"""Helpers shared by the actor tests."""

from __future__ import annotations

from dateline.actors import Mention
from dateline.model import Actor


def find(mentions: list[Mention], text: str) -> Mention:
    """The mention whose text contains ``text`` (fails the test if there is none)."""
    for mention in mentions:
        if text in mention.actor.text:
            return mention
    raise AssertionError(f"no mention containing {text!r} in {[m.actor.text for m in mentions]}")


def actor(mentions: list[Mention], text: str) -> Actor:
    """The actor whose text contains ``text``: a coordinated member, else a mention's."""
    for mention in mentions:
        for member in mention.members:
            if text in member.text:
                return member
    return find(mentions, text).actor
