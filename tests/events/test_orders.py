"""A government's order to its own forces is no request (events/orders.py). Sentences
written for dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article
from dateline.pipeline import Pipeline


def requests(pipe: Pipeline, text: str) -> set[tuple[str | None, str | None]]:
    events = pipe.code(Article(body=text, language="en", published="2025-03-12")).events
    return {
        (e.source.code, e.target.code if e.target else None)
        for e in events
        if e.cameo.code[:2] in {"02", "10"}
    }


@pytest.mark.parametrize(
    "text",
    [
        "The Chadian government has ordered its military to seal the border areas.",
        "The Peruvian government ordered the national police to clear the roads.",
    ],
)
def test_an_order_to_ones_own_forces_is_no_request(pipe: Pipeline, text: str) -> None:
    assert requests(pipe, text) == set()


def test_an_order_to_another_state_is_a_request(pipe: Pipeline) -> None:
    text = "The Chadian government has ordered Sudan to seal the border areas."
    assert ("TCDGOV", "SDN") in requests(pipe, text)
