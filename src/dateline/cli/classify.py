"""`dateline classify`: pair mode, for researchers who already know the actors."""

from __future__ import annotations

import datetime as dt
import json
import sys

import typer

_HELP = """Code the event between a given source and target in each sentence.

Reads JSONL records {"id", "text", "source": {"start", "end"}, "target": {"start", "end"},
"published"} (character offsets into text; target and published may be left out) and writes
{"id", "cameo", "plover", "confidence", "rule", "trigger", "source", "target"} per record.
"source" and "target" are the actors the spans refer to, read in the sentence: {"text",
"start", "end", "code", "country", "sector", "name", "role", "kind", "rule"}, or a list of
them when a span covers a coordination ("U.S. and Russian negotiators"). With a date (the
record's "published", else --published), dated actor lists apply: who held an office then.

Example:

  echo '{"id": 1, "text": "Russia condemned the Ukrainian strike.", "source": {"start": 0,
  "end": 6}, "target": {"start": 21, "end": 30}}' | dateline classify -
"""


def classify_command(
    path: str = typer.Argument(..., help="JSONL file of pairs, or '-' for stdin."),
    published: str | None = typer.Option(
        None, "--published", help="Date YYYY-MM-DD for records that carry no 'published'."
    ),
) -> None:
    from dateline.cli.code import _check_date
    from dateline.pipeline import classify_records

    if published is not None:
        _check_date(published)
    when = dt.date.fromisoformat(published) if published else None
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    failures = 0
    with stream:
        for result in classify_records(stream, published=when):
            if "error" in result:
                failures += 1
                typer.echo(f"dateline: {result['error']}", err=True)
                continue
            typer.echo(json.dumps(result, ensure_ascii=False))
    if failures:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.command("classify", help=_HELP)(classify_command)
