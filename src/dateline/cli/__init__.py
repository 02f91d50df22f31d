"""The ``dateline`` command line: a thin layer that parses arguments and calls the library.

Each command lives in its own module with a ``register(app)`` function; the modules are listed
in ``_COMMAND_MODULES``. Only the CLI talks to the user: it turns ``DatelineError`` into one
line on stderr and a non-zero exit status.
"""

from __future__ import annotations

import importlib
import sys

import typer

from dateline.errors import DatelineError

app = typer.Typer(
    name="dateline",
    help="Turn news into international-relations event data (CAMEO / PLOVER).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# One line per command module; each defines register(app: typer.Typer) -> None.
_COMMAND_MODULES = [
    "dateline.cli.code",
    "dateline.cli.eval",
    "dateline.cli.store",
    "dateline.cli.serve",
    "dateline.cli.bench",
]

for _name in _COMMAND_MODULES:
    importlib.import_module(_name).register(app)


def main() -> None:
    try:
        app()
    except DatelineError as exc:
        typer.echo(f"dateline: error: {exc}", err=True)
        sys.exit(2)
