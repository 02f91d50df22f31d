"""`dateline serve`: the web API and dashboard over an event database."""

from __future__ import annotations

import ipaddress
import os
from typing import Annotated, Any

import typer

from dateline.budget import DEFAULT_DOCUMENT_SECONDS
from dateline.cli.watch import FEED_OPTION, FOLDER_OPTION, INTERVAL_OPTION, SITEMAP_OPTION
from dateline.errors import DatelineError
from dateline.store import DEFAULT_DB

_EXAMPLES = """
Examples:

  dateline serve --db events.duckdb            # then open http://127.0.0.1:8000/

  dateline serve --reopen                      # and, meanwhile: dateline ingest news/

  DATELINE_TOKEN=$(openssl rand -hex 32) dateline serve --token-env DATELINE_TOKEN

  dateline serve --db ir.duckdb --feed https://example.org/rss.xml   # serve and watch

  dateline serve --explain    # then GET /explain?text=Kazakhstan+hosted+Chinese+envoys.
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
    feed: Annotated[list[str] | None, FEED_OPTION] = None,
    sitemap: Annotated[list[str] | None, SITEMAP_OPTION] = None,
    folder: Annotated[list[str] | None, FOLDER_OPTION] = None,
    interval: float = INTERVAL_OPTION,
    time_budget: float = typer.Option(
        DEFAULT_DOCUMENT_SECONDS,
        "--time-budget",
        min=0,
        help="Seconds a POSTed article may take to be cleaned and coded (0: no limit); a "
        "slower one is answered 422.",
    ),
    explain: bool = typer.Option(
        False,
        "--explain",
        help="Enable GET /explain?text=... (why a text is coded as it is); loads the NLP "
        "pipeline in a worker process on first use.",
    ),
) -> None:
    """Serve the REST API (/docs) and the dashboard (/) over an event database.

    DuckDB lets one process write a database or many read it, never both at once: while
    this server holds the database, `dateline ingest` cannot write it. Serve with --reopen
    to ingest meanwhile, or with --token-env to add articles through the server itself.

    With --feed, --sitemap or --folder the server also keeps the database current, like
    `dateline watch` but in this process: GET /status and the dashboard show its cycles.
    """
    if reopen and token_env is not None:
        raise typer.BadParameter("--reopen serves read-only: it cannot go with --token-env")
    from dateline.cli.watch import sources_from

    sources = sources_from(feed, sitemap, folder)
    if reopen and sources:
        raise typer.BadParameter(
            "--reopen lets another process write; --feed/--sitemap/--folder make this one "
            "the writer: choose one"
        )
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
    if token:
        from dateline.ingest import date_window

        try:
            date_window()  # POSTed articles' dates are checked against it
        except ValueError as exc:
            raise DatelineError(str(exc)) from exc
    loopback = _is_loopback(host)
    # On loopback, answer only requests addressed to loopback names: a page on another
    # site cannot then read the API through DNS rebinding.
    allowed = ["127.0.0.1", "localhost", "[::1]", "::1", host] if loopback else None
    app = create_app(
        db,
        write_token=token,
        allowed_hosts=allowed,
        reopen=reopen,
        writable=bool(sources),
        time_budget=time_budget or None,
        explain=explain,
    )
    if not loopback:
        typer.echo(
            f"dateline: serving on {host}, reachable from other machines; the API has no "
            "authentication for reading",
            err=True,
        )
    stop = start_watching(app, db, sources, interval * 60) if sources else None
    try:
        uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
    finally:
        if stop is not None:
            stop()


def start_watching(app: Any, db: str, sources: list[Any], interval: float) -> Any:
    """Run the watcher in a thread of the server process; returns the function that stops
    it (after the cycle in progress)."""
    import threading

    from dateline.cli.watch import cycle_line, engine_factory
    from dateline.store import Store
    from dateline.watch import WatchConfig, Watcher

    stop = threading.Event()
    # Opened after the app's store: the same DuckDB instance, shared by both connections.
    store = Store(db, read_only=False)
    watcher = Watcher(
        store,
        WatchConfig(sources, interval=interval),
        engine_factory=engine_factory("local", 1, None),
    )
    app.state.watching = True

    def report(cycle: Any) -> None:
        for line in cycle_line(cycle, verbose=False):
            typer.echo(line, err=True)

    def loop() -> None:
        try:
            while not stop.is_set():
                try:
                    watcher.run(stop, report)
                except Exception as exc:  # noqa: BLE001 - the server goes on serving
                    typer.echo(f"dateline: watch: cycle failed: {exc}", err=True)
                    stop.wait(interval)
        finally:
            watcher.close()
            store.close()

    thread = threading.Thread(target=loop, name="dateline-watch", daemon=True)
    thread.start()

    def halt() -> None:
        stop.set()
        thread.join()

    return halt


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def register(app: typer.Typer) -> None:
    import inspect

    help_text = inspect.cleandoc(serve_command.__doc__ or "") + "\n" + _EXAMPLES
    app.command("serve", help=help_text)(serve_command)
