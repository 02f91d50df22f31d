"""``Document.to_dict`` is ``dataclasses.asdict`` plus the schema version, built faster: the
same JSON for any document, and no list shared with the record."""

from __future__ import annotations

import dataclasses
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.model import SCHEMA_VERSION, Document


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.from_type(Document))
def test_to_dict_is_asdict_with_the_schema_version(doc: Document) -> None:
    expected = {**dataclasses.asdict(doc), "schema_version": SCHEMA_VERSION}
    data = doc.to_dict()
    assert json.dumps(data, ensure_ascii=False) == json.dumps(expected, ensure_ascii=False)
    assert list(data) == list(expected)
    assert doc.to_json() == json.dumps(expected, ensure_ascii=False)
    # a copy, as asdict makes: changing the output leaves the record alone
    data["topics"].append("changed")
    for event in data["events"]:
        event["quantities"].append(-1)
    assert "changed" not in doc.topics
    assert all(-1 not in event.quantities for event in doc.events)
