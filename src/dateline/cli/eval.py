"""`dateline eval ...`: accuracy measurements on development sets; each prints JSON."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from pathlib import Path

import typer

eval_app = typer.Typer(
    help="Measure accuracy on a development set; prints JSON.", no_args_is_help=True
)

# command name -> (module, function, help)
_EVALS = {
    "extraction": (
        "dateline.eval.extraction",
        "run",
        "Body and date extraction on trafilatura's evaluation pages.",
    ),
    "actors": (
        "dateline.eval.actors",
        "run",
        "Source/target actor accuracy on the PLOVER gold-standard records, or on your own "
        "gold file (GSR-style JSON, JSONL {text, source, target}, or TSV phrase<TAB>code).",
    ),
    "plover": (
        "dateline.eval.events",
        "run_plover",
        "PLOVER event coding: pair-mode macro-F1 and end-to-end event F1, on the PLOVER GSR "
        "or your own gold file (GSR-style JSON, JSONL {text, source, target, event}, or TSV "
        "text<TAB>category).",
    ),
    "penta": (
        "dateline.eval.events",
        "run_penta",
        "CAMEO PentaClass macro-F1 on ConfliBERT's CAMEO sentences, or on your own gold file "
        "(JSONL {text, source, target, event: 0-4}, GSR-style JSON, or TSV text<TAB>0-4).",
    ),
    "dates": (
        "dateline.eval.dates",
        "run",
        "Date resolution on TempEval-3 TimeML (e.g. dateline eval dates ../shared/data/tempeval3).",
    ),
    "places": (
        "dateline.eval.places",
        "run",
        "Toponym resolution on LGL and GeoVirus "
        "(e.g. dateline eval places ../shared/data/geoparsing).",
    ),
    "articles": (
        "dateline.eval.articles",
        "run",
        "Whole-article recall of hand-labelled key events "
        "(e.g. dateline eval articles ../shared/data/voa).",
    ),
    "petrarch": (
        "dateline.eval.events",
        "run_petrarch",
        "Share of PETRARCH2 unit-test codings reproduced.",
    ),
}


def _make(module: str, func: str, help_text: str) -> Callable[[Path], None]:
    def command(
        path: Path = typer.Argument(
            ...,
            exists=True,
            help="Folder of the development set (plover, actors, penta: or your own gold file).",
        ),
    ) -> None:
        run = getattr(importlib.import_module(module), func)
        typer.echo(json.dumps(run(path), indent=2, ensure_ascii=False))

    command.__doc__ = help_text
    return command


for _name, (_module, _func, _help) in _EVALS.items():
    eval_app.command(_name, help=_help)(_make(_module, _func, _help))


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")
