"""What the harnesses share: the soundness checks of reader and coder output."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from dateline.errors import InputError
from dateline.model import Article, Document, output_schema


class Unsound(AssertionError):
    """An invariant of dateline's output does not hold (atheris reports it as a crash)."""


def check_read(item: object) -> None:
    """Readers yield Articles with a body, or InputErrors naming origin and reason."""
    if isinstance(item, InputError):
        if not (item.origin and item.reason):
            raise Unsound(f"an InputError without origin or reason: {item!r}")
        return
    if not isinstance(item, Article):
        raise Unsound(f"a reader yielded {type(item).__name__}")
    if not item.body.strip():
        raise Unsound("an Article with an empty body")
    try:
        item.body.encode("utf-8")  # output is UTF-8: a lone surrogate would break it later
    except UnicodeEncodeError as exc:
        raise Unsound(f"an Article body that is not valid Unicode: {exc}") from exc


@cache
def _validator() -> Any:
    import jsonschema

    return jsonschema.Draft202012Validator(output_schema())


def check_document(doc: Document) -> None:
    """Coder output validates against the JSON Schema and every offset cuts out its text."""
    data = json.loads(doc.to_json())
    errors = [e.message for e in _validator().iter_errors(data)]
    if errors:
        raise Unsound(f"schema: {errors[:3]}")
    body = data["article"]["body"]

    def span(where: str, s: dict[str, Any] | None) -> None:
        if s is not None and body[s["start"] : s["end"]] != s["text"]:
            raise Unsound(f"{where}: body[{s['start']}:{s['end']}] != {s['text']!r}")

    for i, ev in enumerate(data["events"]):
        for part in ("sentence", "trigger", "source", "target"):
            span(f"events[{i}].{part}", ev[part])
    for i, ent in enumerate(data["entities"]):
        span(f"entities[{i}]", ent)
    for i, qty in enumerate(data["quantities"]):
        span(f"quantities[{i}]", qty)
