"""`dateline classify`: pair mode, for researchers who already know the actors."""

from __future__ import annotations

import json
import sys

import typer

_HELP = """Code the event between a given source and target in each sentence.

Reads JSONL records {"id", "text", "source": {"start", "end"}, "target": {"start", "end"}}
(character offsets into text; target may be null) and writes
{"id", "cameo", "plover", "confidence", "rule", "trigger"} per record.

Example:

  echo '{"id": 1, "text": "Russia condemned the Ukrainian strike.", "source": {"start": 0,
  "end": 6}, "target": {"start": 21, "end": 30}}' | dateline classify -
"""


def classify_command(
    path: str = typer.Argument(..., help="JSONL file of pairs, or '-' for stdin."),
) -> None:
    from dateline.pipeline import classify_records

    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    failures = 0
    with stream:
        for result in classify_records(stream):
            if "error" in result:
                failures += 1
                typer.echo(f"dateline: {result['error']}", err=True)
                continue
            typer.echo(json.dumps(result, ensure_ascii=False))
    if failures:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.command("classify", help=_HELP)(classify_command)
