"""Inquiries an official says were opened with no opener named (events/inquiries.py).
Sentences written for dateline."""

from __future__ import annotations

import pytest

from builders import coded_events as code
from builders import dyads
from dateline.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Peru's interior minister said two commissions have been set up to investigate the "
            "prison riot.",
            "PER",
        ),
        (
            "An investigation has been opened into the shooting, the Kenyan police chief said.",
            "KEN",
        ),
        ("A Ghanaian government spokesman said a panel was formed to investigate the riot.", "GHA"),
    ],
)
def test_an_officials_agentless_inquiry_is_his_states(
    pipe: Pipeline, text: str, country: str
) -> None:
    sources = {s for s, _ in dyads(code(pipe, text), "ACCUSE")}
    assert sources == {country}


@pytest.mark.parametrize(
    "text",
    [
        # a relative telling of it speaks for no state
        "An investigation has been opened into the shooting, a relative of the victim said.",
        # the opener is named: the ordinary coding, not the teller's
        "Peru's interior minister said two commissions have been set up by Chile to "
        "investigate the riot.",
    ],
)
def test_no_inquiry_of_the_tellers_state(pipe: Pipeline, text: str) -> None:
    sources = {s for s, _ in dyads(code(pipe, text), "ACCUSE")}
    assert "PER" not in sources and "KEN" not in sources
