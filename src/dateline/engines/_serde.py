"""Rebuilding output records from their JSON form.

Engines that run in other processes or on other machines (Ray) ship articles and documents
as JSON text: it is compact, language-neutral and is exactly the contract the CLI writes.
``Document.to_dict()`` is the one direction; this module is the other, driven by the
dataclass type hints of ``dateline.model`` so that a field added there needs no change here.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any, TypeVar

from dateline.model import Article, Document

T = TypeVar("T")


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        # Only ``X | None`` occurs in the model: convert to the non-None member.
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(members[0], value) if len(members) == 1 else value
    if origin is list:
        (item,) = typing.get_args(tp)
        return [_convert(item, v) for v in value]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    return value


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Build dataclass ``cls`` from its ``asdict`` form; unknown keys are ignored."""
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    kwargs = {k: _convert(hints[k], v) for k, v in data.items() if k in names}
    return cls(**kwargs)


def article_to_json(article: Article) -> str:
    return json.dumps(dataclasses.asdict(article), ensure_ascii=False)


def article_from_json(text: str) -> Article:
    return from_dict(Article, json.loads(text))


def document_from_json(text: str) -> Document:
    """The inverse of ``Document.to_json()``."""
    return from_dict(Document, json.loads(text))
