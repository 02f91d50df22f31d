"""The API over the seed article and examples/ coded by the pipeline: provenance end to end."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def seed_meeting(client: TestClient) -> dict[str, Any]:
    items = client.get("/events", params={"dyad": "KAZ,CHN", "limit": 500}).json()["items"]
    meetings = [e for e in items if e["date"] == "2018-11-09" and "meeting" in e["sentence"]]
    assert meetings, [(e["date"], e["cameo_code"], e["sentence"][:60]) for e in items]
    return meetings[0]


def test_the_seed_meeting_is_listed_between_kazakhstan_and_china(seed_client: TestClient) -> None:
    meeting = seed_meeting(seed_client)
    assert meeting["cameo_root"] == "04"
    assert {meeting["source_country"], meeting["target_country"]} == {"KAZ", "CHN"}
    assert meeting["outlet"] == "TCA"
    # And it is in the KAZ-CHN panel for November 2018.
    panel = seed_client.get(
        "/dyads/KAZ/CHN/timeseries", params={"start": "2018-11", "end": "2018-11"}
    ).json()["periods"]
    assert len(panel) == 1 and panel[0]["events"] >= 1 and panel[0]["verbal_coop"] >= 1


def test_the_seed_meeting_has_highlightable_provenance(seed_client: TestClient) -> None:
    meeting = seed_meeting(seed_client)
    detail = seed_client.get(f"/events/{meeting['event_id']}").json()
    # The report whose coding stands for the event comes first: the meeting's own sentence
    # (a later "the sides discussed the upcoming meetings" joins the same event).
    first = detail["mentions"][0]
    assert first["mention_id"] == detail["event"]["representative_mention_id"]
    assert "held a meeting" in first["sentence"]
    spans = {h["role"]: h for h in first["highlights"] if h["in_sentence"]}
    assert set(spans) == {"source", "trigger", "target"}
    for h in spans.values():
        assert first["sentence"][h["start"] : h["end"]] == h["text"]
    assert "Abdrakhmanov" in spans["source"]["text"] or "Kazakhstan" in spans["source"]["text"]
    assert "China" in spans["target"]["text"] or "Zhang Xiao" in spans["target"]["text"]
    assert first["url"] is None or first["url"].startswith("http")
    assert first["title"].startswith("Kazakhstan foreign minister")
    # Offsets also index the article body: the article endpoint shows the same sentence.
    article = seed_client.get(f"/articles/{first['article_id']}").json()["article"]
    body = article["body"]
    for h in spans.values():
        assert body[h["body_start"] : h["body_end"]] == h["text"]


def test_countries_have_names_from_the_store(seed_client: TestClient) -> None:
    countries = {c["code"]: c for c in seed_client.get("/countries").json()["countries"]}
    assert {"KAZ", "CHN"} <= set(countries)
    assert countries["KAZ"]["events"] >= 1
