"""Titles that reach a body across a gap: its acronym in brackets ("the X Agency (XA) chief
Y"), or the office holder of the sentence before ("The head of X said ... said Secretary
General Y"). Sentences written for dateline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from actor_helpers import find

from dateline.actors import Mention

WHEN = dt.date(2025, 3, 10)


def test_a_bracketed_acronym_between_body_and_title_keeps_the_body(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "The World Food Programme (WFP) country director Maria Lopez said aid was blocked. "
        "Lopez urged both armies to open the roads.",
        when=WHEN,
    )
    director = find(mentions, "Maria Lopez").actor
    assert director.code is not None and director.code.startswith("IGOUNOWFP")
    surname = [m for m in mentions if m.actor.text == "Lopez"]
    assert surname and surname[0].actor.code == director.code


def test_a_bracketed_word_that_is_no_acronym_still_ends_the_title(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "The World Food Programme (in Rome) country director Maria Lopez said aid was blocked.",
        when=WHEN,
    )
    director = find(mentions, "Maria Lopez").actor
    assert not (director.code or "").startswith("IGOUNOWFP")


def test_a_title_naming_no_body_takes_the_body_of_the_office_holder_just_spoken_of(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "The head of the World Food Programme told the council that convoys were blocked. "
        '"Children are starving," said Secretary General Anna Berg.',
        when=WHEN,
    )
    assert (find(mentions, "Anna Berg").actor.code or "").startswith("IGOUNOWFP")


def test_no_body_is_bridged_across_another_subject(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "The head of the World Food Programme told the council that convoys were blocked. "
        "A Brazilian diplomat spoke next. "
        '"Children are starving," said Secretary General Anna Berg.',
        when=WHEN,
    )
    assert not (find(mentions, "Anna Berg").actor.code or "").startswith("IGOUNOWFP")
