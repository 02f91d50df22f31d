"""Event places in first-level regions that news names without their country.

``dateline eval places`` showed US states (and Canadian and Australian ones) among the most
missed toponyms: an event "in Ohio" was placed in no country.
"""

from __future__ import annotations

import pytest

from dateline.model import Article, Dateline
from dateline.pipeline import Pipeline


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
    loc = pipe.places.locate("Georgia")
    assert loc is not None and loc.country == "GEO"


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Gainesville", "USA"),  # towns the knowledge base does not list: GeoNames'
        ("Kalat", "PAK"),
        ("Malakal", "SSD"),
        ("the Santa Ana", None),  # "the" dropped, but only for the lookup
        ("Jordan", "JOR"),  # the knowledge base first: the country, not a Hong Kong district
        ("Paris", "FRA"),
    ],
)
def test_towns_the_knowledge_base_does_not_list(
    pipe: Pipeline, name: str, country: str | None
) -> None:
    loc = pipe.places.locate(name)
    if country is None:
        assert loc is not None and loc.country == "USA" and loc.name == "Santa Ana"
    else:
        assert loc is not None and loc.country == country


@pytest.mark.parametrize("name", ["Hamas", "Reuters", "police", "Sudanese"])
def test_names_known_as_something_else_or_lower_case_are_no_town(pipe: Pipeline, name: str) -> None:
    assert pipe.places.locate(name) is None


def test_event_in_a_town_is_placed_by_its_most_populous_namesake(pipe: Pipeline) -> None:
    doc = pipe.code(
        Article(
            body="Police arrested two protesters in Kalat on Tuesday.",
            language="en",
            published="2018-11-14",
        )
    )
    located = [e.location for e in doc.events if e.location is not None]
    assert located and all(loc.country == "PAK" for loc in located)


def test_a_dateline_keeps_the_country_it_states(pipe: Pipeline) -> None:
    article = Article(
        body="Police arrested two men.",
        language="en",
        dateline=Dateline(place="Hyderabad", country="PAK"),
    )
    loc = pipe._dateline_location(article)
    assert loc is not None and loc.country == "PAK" and loc.source == "dateline"
    article.dateline = Dateline(place="Hyderabad", country=None)
    loc = pipe._dateline_location(article)
    assert loc is not None and loc.country == "IND"
