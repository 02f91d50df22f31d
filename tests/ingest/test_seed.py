"""The seed article: headline, dateline, byline block and boilerplate come out of the body."""

from __future__ import annotations

from pathlib import Path

from dateline.ingest import article_from_text, read_inputs
from dateline.model import Article


def test_seed_article(seed_path: Path) -> None:
    raw = seed_path.read_text(encoding="utf-8")
    art = article_from_text(raw, origin=str(seed_path), published="2018-11-12")
    assert art.title == (
        "Kazakhstan foreign minister, new ambassador of China review bilateral relations"
    )
    assert art.dateline is not None
    assert (art.dateline.place, art.dateline.country, art.dateline.outlet) == (
        "Astana",
        "KAZ",
        "TCA",
    )
    assert art.outlet == "TCA"
    assert art.author == "Sergey Kwan"
    assert (art.published, art.published_source) == ("2018-11-12", "option")
    assert art.language == "en"
    body = art.body
    assert body.startswith("Kazakhstan’s Foreign Minister Kairat Abdrakhmanov held a meeting")
    assert body.endswith("in the spirit of a high level of strategic partnership.")
    for gone in [
        "review bilateral relations\n",
        "ASTANA",
        "(TCA)",
        "Sergey Kwan",
        "has worked for The Times of Central Asia",
        "Bishkek Polytechnic",
        "divider",
        "View more articles",
    ]:
        assert gone not in body, gone
    for kept in ["$27 billion", "$2.5 billion", "Zhang Xiao on November 9", "bridge of friendship"]:
        assert kept in body
    # every body paragraph is verbatim input text
    for para in body.split("\n\n"):
        assert para in raw


def test_seed_without_option_has_no_date(seed_path: Path) -> None:
    art = article_from_text(seed_path.read_text(encoding="utf-8"))
    assert art.published is None
    assert art.published_source == "none"


def test_seed_via_read_inputs(seed_path: Path) -> None:
    out = list(read_inputs([str(seed_path)], published="2018-11-12"))
    assert len(out) == 1
    assert isinstance(out[0], Article)
    assert out[0].origin == str(seed_path)
    assert out[0].author == "Sergey Kwan"
