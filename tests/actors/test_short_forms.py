"""Short forms a story introduces for a body, "X, or XA," and "X (XA)", code the later uses
of the short form as the body (actors/_acronyms.py). Sentences written for dateline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from dateline.actors import Mention

WHEN = dt.date(2025, 3, 10)


def _code_of(mentions: list[Mention], text: str) -> str | None:
    hits = [m for m in mentions if m.actor.text.endswith(text)]
    assert hits, [m.actor.text for m in mentions]
    return hits[-1].actor.code


def test_a_short_form_after_or_is_the_body_later(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Ghana's National Fisheries Commission, or NFC, banned trawlers from Togo. "
        "On Tuesday the NFC seized two boats.",
        when=WHEN,
    )
    first = [m for m in mentions if "Fisheries Commission" in m.actor.text]
    assert first and first[0].actor.code is not None
    assert _code_of(mentions, "NFC") == first[0].actor.code


def test_a_short_form_in_brackets_is_the_body_later(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Nigeria's Coastal Defence Agency (CDA) detained a ship from Ghana. "
        "The CDA accused Ghana of smuggling.",
        when=WHEN,
    )
    first = [m for m in mentions if "Agency" in m.actor.text]
    assert first and first[0].actor.code is not None
    later = [m for m in mentions if m.actor.text.endswith("CDA")]
    assert later and later[-1].actor.rule == "coref:short_form"
    assert later[-1].actor.code == first[0].actor.code


def test_an_unintroduced_capitalised_word_is_no_short_form(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Ghana's fisheries ministry banned trawlers from Togo. NFC boats left the port.",
        when=WHEN,
    )
    assert not any(m.actor.rule == "coref:short_form" for m in mentions)
