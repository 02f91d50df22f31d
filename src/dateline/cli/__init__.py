"""The ``dateline`` command line: a thin layer that parses arguments and calls the library.

Each command lives in its own module with a ``register(app)`` function; the modules are listed
in ``_COMMAND_MODULES``. Only the CLI talks to the user: it turns ``DatelineError`` into one
line on stderr and a non-zero exit status.
"""

from __future__ import annotations

import importlib
import logging
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
    "dateline.cli.explain",
    "dateline.cli.eval",
    "dateline.cli.classify",
    "dateline.cli.ingest",
    "dateline.cli.query",
    "dateline.cli.export",
    "dateline.cli.serve",
    "dateline.cli.watch",
    "dateline.cli.bench",
]

for _name in _COMMAND_MODULES:
    importlib.import_module(_name).register(app)


# DuckDB's words for a database file damaged on disk (a block whose checksum fails, a file
# cut short): found while a command reads the store, after it was opened.
_DAMAGE_MARKERS = ("corrupt database file", "could not read enough bytes")


def _damage(exc: BaseException) -> str | None:
    """The first line of a DuckDB error in ``exc``'s chain saying the database is damaged."""
    seen: set[int] = set()
    err: BaseException | None = exc
    while err is not None and id(err) not in seen:
        seen.add(id(err))
        text = str(err).strip()
        if type(err).__module__ in ("duckdb", "_duckdb") and any(
            m in text.lower() for m in _DAMAGE_MARKERS
        ):
            return text.splitlines()[0]
        err = err.__cause__ or err.__context__
    return None


def _configure_logging() -> None:
    """Third-party libraries (warcio, trafilatura) log warnings about documents that dateline
    already reports as one error line each; show only their errors, on one line."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("dateline: %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.ERROR)


def main() -> None:
    _configure_logging()
    try:
        app()
    except DatelineError as exc:
        typer.echo(f"dateline: error: {exc}", err=True)
        sys.exit(2)
    except OSError as exc:
        # Writing to a full disk or a closed pipe, reading a file that vanished: one line.
        from dateline.cli.code import silence_stdout

        silence_stdout()
        where = f" ({exc.filename})" if exc.filename else ""
        typer.echo(f"dateline: error: {exc.strerror or exc}{where}", err=True)
        sys.exit(2)
    except Exception as exc:
        detail = _damage(exc)
        if detail is None:
            raise
        typer.echo(
            f"dateline: error: the event database is damaged ({detail}); restore it from a "
            "backup, or move it away and ingest the news again",
            err=True,
        )
        sys.exit(2)
