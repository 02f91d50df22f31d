"""The seed article: what must and must not come out of it (issue 2)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest

from dateline.ingest import article_from_text
from dateline.model import Document, output_schema
from dateline.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def seed_doc(pipeline: Pipeline, seed_path: Path) -> Document:
    article = article_from_text(
        seed_path.read_text("utf-8"), origin=str(seed_path), published="2018-11-12"
    )
    return pipeline.code(article)


@pytest.fixture(scope="module")
def seed_json(seed_doc: Document) -> dict[str, Any]:
    return seed_doc.to_dict()


def test_article_metadata(seed_json: dict[str, Any]) -> None:
    art = seed_json["article"]
    assert art["author"] == "Sergey Kwan"
    assert art["outlet"] == "TCA"
    assert art["published"] == "2018-11-12"
    assert art["dateline"]["place"] == "Astana"
    assert art["dateline"]["country"] == "KAZ"
    assert art["title"].startswith("Kazakhstan foreign minister")


def test_boilerplate_removed_from_body(seed_json: dict[str, Any]) -> None:
    body = seed_json["article"]["body"]
    assert body.startswith("Kazakhstan’s Foreign Minister Kairat Abdrakhmanov")
    for junk in (
        "has worked for The Times of Central Asia",
        "View more articles",
        "divider",
        "Bishkek Polytechnic",
        "ASTANA (TCA)",
    ):
        assert junk not in body
    assert body.rstrip().endswith("strategic partnership.")


def test_consult_event_between_kazakh_minister_and_chinese_ambassador(
    seed_json: dict[str, Any],
) -> None:
    consults = [
        e
        for e in seed_json["events"]
        if e["cameo"]["root"] == "04"
        and {e["source"]["code"], (e["target"] or {}).get("code")} == {"KAZGOV", "CHNGOV"}
    ]
    assert consults, [(e["source"]["code"], e["cameo"]["code"]) for e in seed_json["events"]]
    meeting = next(e for e in consults if "meeting" in e["sentence"]["text"])
    assert meeting["date"] == "2018-11-09" and meeting["date_precision"] == "day"
    assert meeting["location"]["name"] == "Astana"
    assert meeting["plover"]["event"] == "CONSULT"
    people = {meeting["source"]["name"], meeting["target"]["name"]}
    assert "Kairat Abdrakhmanov" in people
    assert any(name and "Zhang Xiao" in name for name in people)


def test_no_conflict_events_and_none_from_boilerplate(seed_json: dict[str, Any]) -> None:
    body = seed_json["article"]["body"]
    for event in seed_json["events"]:
        assert event["cameo"]["quad_class"] in (1, 2), event
        assert event["sentence"]["start"] < len(body)


def test_amounts_in_quantities(seed_json: dict[str, Any]) -> None:
    texts = {q["text"]: q for q in seed_json["quantities"]}
    assert texts["$27 billion"]["value"] == pytest.approx(27e9)
    assert texts["$2.5 billion"]["value"] == pytest.approx(2.5e9)
    assert texts["$27 billion"]["unit"] == "USD"


def test_offsets_cut_out_the_quoted_text(seed_json: dict[str, Any]) -> None:
    body = seed_json["article"]["body"]
    for event in seed_json["events"]:
        for part in (event["sentence"], event["trigger"], event["source"], event["target"]):
            if part:
                assert body[part["start"] : part["end"]] == part["text"]
    for q in seed_json["quantities"]:
        assert body[q["start"] : q["end"]] == q["text"]
    for ent in seed_json["entities"]:
        assert body[ent["start"] : ent["end"]] == ent["text"]


def test_output_validates_against_schema(seed_json: dict[str, Any]) -> None:
    jsonschema.validate(seed_json, output_schema())
