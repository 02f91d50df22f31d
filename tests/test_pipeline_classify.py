"""Pair mode's answers carry the actors the given spans refer to, read in their sentence."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from dateline.pipeline import Pipeline, classify_records


def _record(text: str, source: str, target: str | None = None, **extra: Any) -> str:
    s = text.index(source)
    record: dict[str, Any] = {"id": 1, "text": text, "source": {"start": s, "end": s + len(source)}}
    if target is not None:
        t = text.index(target)
        record["target"] = {"start": t, "end": t + len(target)}
    record.update(extra)
    return json.dumps(record)


def _answer(pipe: Pipeline, line: str, published: dt.date | None = None) -> dict[str, Any]:
    (answer,) = classify_records([line], pipe, published=published)
    assert "error" not in answer, answer
    return answer


def test_person_with_title_and_the_government_they_address(pipe: Pipeline) -> None:
    text = "Kenyan Foreign Minister Musalia Mudavadi criticised the Ethiopian government on Friday."
    answer = _answer(pipe, _record(text, "Musalia Mudavadi", "the Ethiopian government"))
    source, target = answer["source"], answer["target"]
    # the title to the left of the span gives country, sector and role
    assert (source["code"], source["country"], source["sector"]) == ("KENGOV", "KEN", "GOV")
    assert source["role"] == "foreign minister" and source["name"] == "Musalia Mudavadi"
    assert (source["text"], source["start"], source["end"]) == ("Musalia Mudavadi", 24, 40)
    assert text[source["start"] : source["end"]] == source["text"]
    assert target["code"] == "ETHGOV" and target["rule"]
    assert set(source) >= {"text", "start", "end", "code", "country", "sector", "name", "role"}


def test_role_takes_its_country_from_the_sentence(pipe: Pipeline) -> None:
    # "Police" alone has no country: the place it is attached to gives one.
    text = "Police in Lagos arrested dozens of protesters outside the state assembly."
    answer = _answer(pipe, _record(text, "Police", "protesters"))
    assert (answer["source"]["country"], answer["source"]["sector"]) == ("NGA", "COP")
    assert answer["source"]["role"] == "police"
    assert answer["target"]["sector"] == "CVL"


def test_organisation(pipe: Pipeline) -> None:
    text = "The World Health Organization sent medical supplies to Sudan."
    answer = _answer(pipe, _record(text, "The World Health Organization", "Sudan"))
    assert answer["source"]["code"].startswith("IGO")
    assert answer["source"]["kind"] == "organisation"
    assert answer["target"]["code"] == "SDN"


def test_coordination_gives_every_member(pipe: Pipeline) -> None:
    text = "Turkish and Greek diplomats met in Vienna to discuss the islands."
    answer = _answer(pipe, _record(text, "Turkish and Greek diplomats"))
    members = answer["source"]
    assert isinstance(members, list)
    assert [m["country"] for m in members] == ["TUR", "GRC"]
    for member in members:
        assert text[member["start"] : member["end"]] == member["text"]
    assert answer["target"] is None
    # a span on one member gives that member only
    one = _answer(pipe, _record(text, "Greek diplomats"))["source"]
    assert isinstance(one, dict) and one["country"] == "GRC"


def test_dated_leader_follows_the_records_date_then_the_option(pipe: Pipeline) -> None:
    text = "Obama praised the Indian prime minister during the visit."
    in_office = _record(text, "Obama", "the Indian prime minister", published="2012-05-01")
    later = _record(text, "Obama", "the Indian prime minister", published="2019-05-01")
    undated = _record(text, "Obama", "the Indian prime minister")
    first = _answer(pipe, in_office, published=dt.date(2019, 5, 1))
    assert first["source"]["code"] == "USAGOV"  # the record's own date wins
    assert first["target"]["name"] == "Manmohan Singh"
    second = _answer(pipe, later)
    assert second["source"]["code"] != "USAGOV" and second["source"]["country"] == "USA"
    assert second["target"]["name"] == "Narendra Modi"
    option = _answer(pipe, undated, published=dt.date(2012, 5, 1))
    assert option["source"]["code"] == "USAGOV"


def test_a_bad_record_date_is_one_error(pipe: Pipeline) -> None:
    text = "Chile recalled its ambassador from Peru."
    (answer,) = classify_records([_record(text, "Chile", "Peru", published="last week")], pipe)
    assert "error" in answer and "not an ISO date" in str(answer["error"])
