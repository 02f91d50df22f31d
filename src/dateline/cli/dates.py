"""Dates the user gives on the command line, and the warnings reading noticed about dates."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import TypeVar

import typer
from rich.console import Console

from dateline.model import Article

T = TypeVar("T")


def checked_published(value: str | None, err: Console) -> str | None:
    """The ``--published`` option: None (with one warning line) when it lies outside the
    plausible dates, a usage error when it is not a date. Checks the configured window of
    plausible dates (``DATELINE_DATE_WINDOW``) even without the option."""
    from dateline.ingest import date_window

    try:
        window = date_window()
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"--published must be YYYY-MM-DD, not {value!r}") from exc
    if not window.first <= day <= window.last:
        err.print(
            f"dateline: --published {value} ignored: outside the plausible dates {window}",
            markup=False,
        )
        return None
    return value


def warn_articles(items: Iterable[T], err: Console) -> Iterator[T]:
    """Pass ``items`` on, printing one line per warning of each article among them."""
    for item in items:
        if isinstance(item, Article):
            for warning in item.warnings:
                where = item.origin or item.input_id or item.id
                err.print(f"dateline: {where}: {warning}", markup=False)
        yield item
