"""Event places in first-level regions that news names without their country.

``dateline eval places`` showed US states (and Canadian and Australian ones) among the most
missed toponyms: an event "in Ohio" was placed in no country.
"""

from __future__ import annotations

import pytest

from dateline.model import Article
from dateline.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        ("Police arrested two protesters in Ohio on Tuesday.", "Ohio", "USA"),
        ("Police arrested two protesters in Queensland on Tuesday.", "Queensland", "AUS"),
        ("Police arrested two protesters in Nova Scotia on Tuesday.", "Nova Scotia", "CAN"),
        # a region the gazetteer already had, and a capital: unchanged
        ("Police arrested two protesters in Texas on Tuesday.", "Texas", "USA"),
        ("Police arrested two protesters in Nairobi on Tuesday.", "Nairobi", "KEN"),
    ],
)
def test_event_in_a_region_is_placed_in_its_country(
    pipe: Pipeline, text: str, place: str, country: str
) -> None:
    doc = pipe.code(Article(body=text, language="en", published="2018-11-14"))
    located = [e.location for e in doc.events if e.location is not None]
    assert located, doc.events
    assert all(loc.name == place and loc.country == country for loc in located)
    assert all(loc.lat is not None for loc in located)


def test_the_country_georgia_is_not_a_us_state(pipe: Pipeline) -> None:
    loc = pipe._place("Georgia")
    assert loc is not None and loc.country == "GEO"
