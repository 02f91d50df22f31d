from __future__ import annotations

import pytest

from dateline.events.quantities import extract_quantities, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("$27 billion", 27e9),
        ("$2.5 billion", 2.5e9),
        ("1,200", 1200),
        ("three", 3),
        ("2.5bn", 2.5e9),
        ("150 million euros", 150e6),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_money_and_counts_with_their_objects(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Today, 51 joint projects worth $27 billion are being implemented. "
        "Police said 12 people were killed."
    )
    index = {s.start: i for i, s in enumerate(doc.sents)}
    found = {q.text: q for q in extract_quantities(doc, index)}
    money = found["$27 billion"]
    assert money.value == pytest.approx(27e9) and money.unit == "USD"
    assert money.sentence_index == 0
    assert found["51"].object == "projects" and found["51"].unit is None
    assert found["12"].sentence_index == 1
    assert all(q.start < q.end for q in found.values())
