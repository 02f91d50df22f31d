"""`dateline watch`: keep an event database current from feeds, news sitemaps and folders."""

from __future__ import annotations

import signal
import sys
import threading
from datetime import datetime
from typing import Annotated, Any

import typer
from rich.console import Console

from dateline.store import DEFAULT_DB

_EXAMPLES = """
Examples:

  dateline watch --db ir.duckdb --feed https://example.org/world/rss.xml

  dateline watch --once --sitemap https://example.org/news-sitemap.xml --folder inbox/   # cron
"""

FEED_OPTION = typer.Option("--feed", help="RSS or Atom feed URL; repeatable.")
SITEMAP_OPTION = typer.Option("--sitemap", help="News sitemap (or sitemap index) URL; repeatable.")
FOLDER_OPTION = typer.Option("--folder", help="Folder of news files; repeatable.")
# At least a minute apart: a watcher polls news sites, it does not hammer them.
INTERVAL_OPTION = typer.Option(15.0, "--interval", min=1.0, help="Minutes between cycles.")
RATE_OPTION = typer.Option(1.0, "--rate", min=0.0, help="Requests per second to one host.")


def sources_from(
    feeds: list[str] | None, sitemaps: list[str] | None, folders: list[str] | None
) -> list[Any]:
    from dateline.watch import FEED, FOLDER, SITEMAP, Source

    out = [Source(FEED, u) for u in feeds or ()]
    out += [Source(SITEMAP, u) for u in sitemaps or ()]
    out += [Source(FOLDER, f) for f in folders or ()]
    return out


def engine_factory(engine_name: str, workers: int, address: str | None) -> Any:
    """The coding engine, built when the first new article arrives."""

    def build() -> Any:
        from dateline.engines import get_engine

        options: dict[str, Any] = {"workers": workers}
        if engine_name == "ray":
            options["address"] = address
        return get_engine(engine_name, **options)

    return build


def cycle_line(report: Any, verbose: bool) -> list[str]:
    stamp = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S")
    lines = [f"dateline: watch: {stamp} {report.line()}"]
    if verbose:
        lines += [f"dateline: watch: {where}: {reason}" for where, reason in report.errors]
    return lines


def watch_command(
    db: str = typer.Option(DEFAULT_DB, "--db", help="The event database (DuckDB file)."),
    feed: Annotated[list[str] | None, FEED_OPTION] = None,
    sitemap: Annotated[list[str] | None, SITEMAP_OPTION] = None,
    folder: Annotated[list[str] | None, FOLDER_OPTION] = None,
    interval: float = INTERVAL_OPTION,
    once: bool = typer.Option(False, "--once", help="Run one cycle and exit (for cron)."),
    rate: float = RATE_OPTION,
    timeout: float = typer.Option(30.0, "--timeout", min=0.1, help="Read timeout, seconds."),
    max_bytes: int = typer.Option(5_000_000, "--max-bytes", min=1, help="Largest page or feed."),
    verbose: bool = typer.Option(False, "--verbose", help="Also one line per error."),
    workers: int = typer.Option(1, "--workers", min=1, help="Processes or Ray actors coding."),
    engine_name: str = typer.Option("local", "--engine", help="local or ray (on a cluster)."),
    address: str | None = typer.Option(None, "--address", help="Ray cluster address."),
) -> None:
    """Keep an event database current from feeds, news sitemaps and folders.

    Every --interval minutes each source is polled and each new article coded, once. One
    line per cycle on stderr (sources polled, new articles, events, errors). State lives
    in the database: stop and restart at any time, even with kill -9, without losing or
    duplicating an article. Failing sources are retried with a growing back-off.
    """
    from dateline.store import Store
    from dateline.watch import FetchSettings, WatchConfig, Watcher

    sources = sources_from(feed, sitemap, folder)
    if not sources:
        raise typer.BadParameter("give at least one --feed, --sitemap or --folder")
    if address is not None and engine_name != "ray":
        raise typer.BadParameter("--address needs --engine ray")
    config = WatchConfig(
        sources,
        interval=interval * 60,
        fetch=FetchSettings(per_host_rate=rate, read_timeout=timeout, max_bytes=max_bytes),
    )
    err = Console(stderr=True, highlight=False)
    # systemd stops a service with SIGTERM: end like Ctrl-C, closing the run cleanly.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    store = Store(db, read_only=False)
    display = _Display(err, len(sources))
    watcher = Watcher(
        store,
        config,
        engine_factory=engine_factory(engine_name, workers, address),
        progress=display.update,
    )
    failed = False

    def on_cycle(report: Any) -> None:
        nonlocal failed
        failed = bool(report.errors)
        display.stop()
        for line in cycle_line(report, verbose):
            typer.echo(line, err=True)

    try:
        if once:
            on_cycle(watcher.cycle())
        else:
            watcher.run(threading.Event(), on_cycle)
    except KeyboardInterrupt:
        display.stop()
        typer.echo(
            "dateline: watch stopped; what was committed is kept, run again to resume", err=True
        )
        raise typer.Exit(code=130) from None
    finally:
        watcher.close()
        store.close()
    if once and failed:
        raise typer.Exit(code=1)


class _Display:
    """A live line on a terminal (sources polled, pages read, current URL); nothing else."""

    def __init__(self, console: Console, total: int) -> None:
        self.console = console
        self.total = total
        self._status: Any = None

    def update(self, p: Any) -> None:
        if not (self.console.is_terminal and sys.stderr.isatty()):
            return
        text = f"watch: {p.polled}/{p.sources} sources, {p.fetched} pages read — {p.current}"
        if self._status is None:
            self._status = self.console.status(text)
            self._status.start()
        else:
            self._status.update(text)

    def stop(self) -> None:
        if self._status is not None:
            self._status.stop()
            self._status = None


def register(app: typer.Typer) -> None:
    import inspect

    help_text = inspect.cleandoc(watch_command.__doc__ or "") + "\n" + _EXAMPLES
    app.command("watch", help=help_text)(watch_command)
