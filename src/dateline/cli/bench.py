"""`dateline bench`: throughput of dateline next to spaCy alone, as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import typer

_EXAMPLES = """
Examples:

  dateline bench

  dateline bench --repeat 3 --workers 2

  dateline bench --corpus news/
"""


def bench_command(
    corpus: Path | None = typer.Option(
        None,
        "--corpus",
        help="File or folder of news to time (default: a 500-article corpus built from "
        "examples/ and cached).",
    ),
    repeat: int = typer.Option(1, "--repeat", min=1, help="Runs of each measurement; best kept."),
    workers: int | None = typer.Option(
        None, "--workers", min=1, help="Worker processes for (c) (default: one per core)."
    ),
    examples: Path | None = typer.Option(
        None, "--examples", help="Folder of example articles to build the corpus from."
    ),
) -> None:
    """Measure spaCy alone, dateline in one process and dateline with all workers, on the
    same texts; print words/s, articles/s, events/s, peak memory and the ratios as JSON."""
    from dateline.bench import run_bench

    result = run_bench(corpus, repeat=repeat, workers=workers, examples=examples)
    typer.echo(json.dumps(result, indent=2))


def register(app: typer.Typer) -> None:
    app.command("bench", help=(bench_command.__doc__ or "") + "\n" + _EXAMPLES)(bench_command)
