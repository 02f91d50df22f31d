"""`dateline serve`: the web API and dashboard over an event database."""

from __future__ import annotations

import ipaddress
import os

import typer

from dateline.errors import DatelineError
from dateline.store import DEFAULT_DB

_EXAMPLES = """
Examples:

  dateline serve --db events.duckdb            # then open http://127.0.0.1:8000/

  dateline serve --reopen                      # and, meanwhile: dateline ingest news/

  DATELINE_TOKEN=$(openssl rand -hex 32) dateline serve --token-env DATELINE_TOKEN
"""


def serve_command(
    db: str = typer.Option(DEFAULT_DB, "--db", help="The event database (DuckDB file)."),
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to listen on (loopback by default)."
    ),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    token_env: str | None = typer.Option(
        None,
        "--token-env",
        help="Name of an environment variable holding a write token: enables POST /articles "
        "(and opens the database for writing). Off by default.",
    ),
    reopen: bool = typer.Option(
        False,
        "--reopen",
        help="Open the database for each request and close it after, so that `dateline "
        "ingest` can write it between requests (requests made while it writes get 503, "
        "Retry-After). Default: hold it open read-only, which keeps writers out.",
    ),
) -> None:
    """Serve the REST API (/docs) and the dashboard (/) over an event database.

    DuckDB lets one process write a database or many read it, never both at once: while
    this server holds the database, `dateline ingest` cannot write it. Serve with --reopen
    to ingest meanwhile, or with --token-env to add articles through the server itself.
    """
    if reopen and token_env is not None:
        raise typer.BadParameter("--reopen serves read-only: it cannot go with --token-env")
    try:
        import uvicorn

        from dateline.api import create_app
    except ImportError as exc:
        raise DatelineError(
            f"the web service needs the 'web' extra ({exc.name} is missing): "
            "pip install 'dateline[web]'"
        ) from exc
    token = None
    if token_env is not None:
        token = os.environ.get(token_env, "").strip()
        if not token:
            raise DatelineError(
                f"--token-env {token_env}: that environment variable is empty or unset; "
                "set it to a long random secret"
            )
    loopback = _is_loopback(host)
    # On loopback, answer only requests addressed to loopback names: a page on another
    # site cannot then read the API through DNS rebinding.
    allowed = ["127.0.0.1", "localhost", "[::1]", "::1", host] if loopback else None
    app = create_app(db, write_token=token, allowed_hosts=allowed, reopen=reopen)
    if not loopback:
        typer.echo(
            f"dateline: serving on {host}, reachable from other machines; the API has no "
            "authentication for reading",
            err=True,
        )
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def register(app: typer.Typer) -> None:
    app.command("serve", help=(serve_command.__doc__ or "") + _EXAMPLES)(serve_command)
