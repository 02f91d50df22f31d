"""Entities are coded consistently with the actors of the same article."""

from __future__ import annotations

from collections import defaultdict

from dateline.model import Article
from dateline.pipeline import Pipeline

TEXT = (
    "Kazakhstan condemned China on Monday over the detention of two journalists. "
    "Trade between Kazakhstan and China has grown fast in the past decade, and a new rail "
    "link opened last year. Officials in Kazakhstan expect more cargo from China next year."
)


def test_a_name_coded_once_is_coded_everywhere_in_the_article(pipe: Pipeline) -> None:
    doc = pipe.code(Article(body=TEXT, language="en", published="2021-06-01"))
    countries: dict[str, list[str | None]] = defaultdict(list)
    for entity in doc.entities:
        countries[entity.text].append(entity.country)
    assert len(countries["Kazakhstan"]) >= 2 and len(countries["China"]) >= 2
    assert set(countries["Kazakhstan"]) == {"KAZ"}
    assert set(countries["China"]) == {"CHN"}
