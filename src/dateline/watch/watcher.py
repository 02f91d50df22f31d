"""``Watcher``: one cycle polls every due source, fetches the new pages and files, and codes
them into the store through the store's own ingest run (``Store.run``: ``select_new`` then
``ingest``), exactly the path ``dateline ingest`` takes.

A failing source (DNS, HTTP 4xx/5xx, malformed XML, a slow server) is recorded with its
reason and retried after an exponential back-off; it never stops the other sources. A page
that fails for good (robots.txt, 404, too large, no article in it) is remembered and not
fetched again; one that fails for now (timeout, 5xx) is fetched again next cycle.
"""

from __future__ import annotations

import dataclasses
import hashlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from dateline.errors import DatelineError, InputError, StoreError
from dateline.model import Article
from dateline.store import Store
from dateline.watch import state
from dateline.watch.fetch import Fetcher, FetchError, FetchSettings
from dateline.watch.sources import (
    FEED,
    FOLDER,
    SITEMAP,
    Link,
    Source,
    folder_files,
    parse_feed,
    parse_sitemap,
)

DEFAULT_INTERVAL = 15 * 60.0
DEFAULT_BACKOFF = 60.0
DEFAULT_BACKOFF_MAX = 6 * 3600.0
# Pages fetched from one source in one cycle at most: a first poll of a sitemap with
# thousands of URLs spreads over several cycles instead of blocking the others.
DEFAULT_MAX_PAGES = 200


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass
class WatchConfig:
    sources: list[Source]
    interval: float = DEFAULT_INTERVAL
    backoff: float = DEFAULT_BACKOFF
    backoff_max: float = DEFAULT_BACKOFF_MAX
    max_pages: int = DEFAULT_MAX_PAGES
    batch_size: int = 8
    fetch: FetchSettings = field(default_factory=FetchSettings)


@dataclass
class CycleProgress:
    """Given to the progress callback as a cycle goes on."""

    sources: int  # sources in the cycle
    polled: int = 0  # sources read so far
    fetched: int = 0  # pages and files read
    new_articles: int = 0
    current: str = ""


@dataclass
class CycleReport:
    cycle: int
    sources: int  # sources polled (those waiting out a back-off are not)
    new_articles: int
    events: int  # event mentions coded
    errors: list[tuple[str, str]]  # (source or URL, reason)
    waiting: int = 0  # sources skipped because of their back-off
    run_id: int | None = None

    def line(self) -> str:
        """The cycle's one-line summary."""
        text = (
            f"cycle {self.cycle}: {self.sources} sources polled, {self.new_articles} new "
            f"articles, {self.events} events, {len(self.errors)} errors"
        )
        return text + (f", {self.waiting} sources backing off" if self.waiting else "")


EngineFactory = Callable[[], Any]


def local_engine() -> Any:
    """The default coder: the full pipeline in this process, isolating bad articles."""
    from dateline.engines import get_engine

    return get_engine("local", workers=1)


@dataclass
class _Source:
    """A source during one cycle."""

    source: Source
    st: state.SourceState
    links: list[Link] = field(default_factory=list)
    files: list[tuple[str, str]] = field(default_factory=list)
    error: str | None = None  # the source itself failed
    page_error: str | None = None  # one of its pages failed for now
    new_etag: str | None = None
    new_last_modified: str | None = None
    stored: int = 0


class Watcher:
    """Keeps a store current from feeds, sitemaps and folders.

    >>> with Watcher(Store("ir.duckdb"), WatchConfig([Source("feed", url)])) as w:  # doctest: +SKIP
    ...     report = w.cycle()
    """

    def __init__(
        self,
        store: Store,
        config: WatchConfig,
        *,
        engine: Any = None,
        engine_factory: EngineFactory = local_engine,
        fetcher: Fetcher | None = None,
        now: Callable[[], datetime] = _utcnow,
        progress: Callable[[CycleProgress], None] | None = None,
    ) -> None:
        self.store = store
        self.config = config
        from dateline.engines import LazyEngine

        # Made when the first new article arrives; it isolates one whose coding fails (the
        # run logs it as failed and does not store it).
        self._engine = engine if engine is not None else LazyEngine(engine_factory)
        self._own_engine = engine is None
        self.fetcher = fetcher or Fetcher(config.fetch)
        self._own_fetcher = fetcher is None
        self.now = now
        self.progress = progress
        if store.read_only:
            raise StoreError(
                f"{store.path} is open read-only; the watcher writes: open it with "
                "Store(path, read_only=False)"
            )
        state.ensure_tables(self._con)

    @property
    def _con(self) -> Any:
        return self.store.connection

    def close(self) -> None:
        if self._own_engine:
            self._engine.close()
        if self._own_fetcher:
            self.fetcher.close()

    def __enter__(self) -> Watcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the loop ----------------------------------------------------------------------

    def run(
        self,
        stop: threading.Event,
        on_cycle: Callable[[CycleReport], None] | None = None,
    ) -> None:
        """Run cycles every ``interval`` seconds until ``stop`` is set."""
        while not stop.is_set():
            started = self.now()
            report = self.cycle()
            if on_cycle is not None:
                on_cycle(report)
            spent = (self.now() - started).total_seconds()
            stop.wait(max(0.0, self.config.interval - spent))

    # --- one cycle ---------------------------------------------------------------------

    def cycle(self) -> CycleReport:
        cycle_id = state.start_cycle(self._con, self.now())
        self.fetcher.forget_robots()
        errors: list[tuple[str, str]] = []
        due: list[_Source] = []
        waiting = 0
        for source in self.config.sources:
            st = state.source_state(self._con, source.key, source.kind)
            if st.retry_at is not None and st.retry_at > self.now():
                waiting += 1
                continue
            due.append(_Source(source, st))
        counter = CycleProgress(sources=len(due))
        for item in due:
            counter.current = item.source.location
            self._notify(counter)
            self._poll(item)
            counter.polled += 1
            if item.error is not None:
                errors.append((item.source.location, item.error))
        self._notify(counter)
        # A page listed twice, or by several sources, is fetched once, for the first.
        queued: set[str] = set()
        for item in due:
            links, item.links = item.links, []
            for link in links:
                if link.url not in queued:
                    queued.add(link.url)
                    item.links.append(link)

        report = CycleReport(cycle_id, len(due), 0, 0, errors, waiting)
        pending: list[state.Seen] = []
        if any(s.links or s.files for s in due):
            run = self.store.run(
                inputs=[s.source.key for s in due],
                command="dateline watch",
                batch_size=self.config.batch_size,
            )
            with run:
                articles = self._articles(due, pending, errors, counter)
                run.ingest(self._engine.code(run.select_new(articles)))
            assert run.report is not None
            report.run_id = run.run_id
            report.new_articles = run.report.stored
            report.events = run.report.mentions
            for origin, reason in run.report.errors:
                if not any(origin == o for o, _ in errors):
                    errors.append((origin, reason))
        self._settle(due, pending)
        state.finish_cycle(
            self._con,
            cycle_id,
            self.now(),
            {
                "sources": report.sources,
                "new_articles": report.new_articles,
                "events": report.events,
                "errors": len(errors),
                "run_id": report.run_id,
            },
        )
        return report

    def _notify(self, counter: CycleProgress) -> None:
        if self.progress is not None:
            self.progress(counter)

    def _poll(self, item: _Source) -> None:
        """Read a source's list of pages (or files), keeping only those not handled yet."""
        src, st = item.source, item.st
        try:
            if src.kind == FOLDER:
                files = list(folder_files(src.location))
                known = state.seen(self._con, [f for f, _ in files])
                item.files = [(f, sig) for f, sig in files if known.get(f, (None, None))[1] != sig]
                return
            resp = self.fetcher.get(src.location, etag=st.etag, last_modified=st.last_modified)
            item.new_etag, item.new_last_modified = resp.etag, resp.last_modified
            if resp.not_modified:
                item.new_etag, item.new_last_modified = st.etag, st.last_modified
                return
            if src.kind == FEED:
                links = parse_feed(resp.content, src.location)
            elif src.kind == SITEMAP:
                links, children = parse_sitemap(resp.content, src.location)
                for child in children:
                    links.extend(parse_sitemap(self.fetcher.get(child).content, child)[0])
            else:
                raise ValueError(f"unknown source kind {src.kind!r}")
        except (FetchError, DatelineError) as exc:
            item.error = getattr(exc, "reason", str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - one broken source must not stop the others
            item.error = f"unreadable ({type(exc).__name__}: {exc})"
            return
        known = state.seen(self._con, [link.url for link in links])
        fresh = [link for link in links if link.url not in known]
        item.links = fresh[: self.config.max_pages]
        if len(fresh) > len(item.links):
            # The rest waits for the next cycle: the validators must not hide it.
            item.new_etag = item.new_last_modified = None

    def _articles(
        self,
        due: list[_Source],
        pending: list[state.Seen],
        errors: list[tuple[str, str]],
        counter: CycleProgress,
    ) -> Iterator[Article | DatelineError]:
        for item in due:
            for link in item.links:
                counter.current = link.url
                counter.fetched += 1
                self._notify(counter)
                yield from self._page(item, link, pending, errors)
            for path, signature in item.files:
                counter.fetched += 1
                yield from self._file(item, path, signature, pending)

    def _page(
        self,
        item: _Source,
        link: Link,
        pending: list[state.Seen],
        errors: list[tuple[str, str]],
    ) -> Iterator[Article | DatelineError]:
        from dateline.ingest import article_from_html

        key = item.source.key
        try:
            resp = self.fetcher.get(link.url)
        except FetchError as exc:
            if exc.transient:
                item.page_error = exc.reason
                errors.append((link.url, exc.reason))
            else:
                pending.append(state.Seen(link.url, key, status=exc.reason))
                errors.append((link.url, exc.reason))
            return
        digest = hashlib.sha256(resp.content).hexdigest()
        if state.hash_seen(self._con, digest):
            pending.append(state.Seen(link.url, key, digest, status="same content as a seen page"))
            return
        try:
            # The feed's date is the fallback (used when the page has none); its title too.
            article = article_from_html(
                resp.content, origin=link.url, url=resp.url, published=_day(link.published)
            )
        except InputError as exc:
            pending.append(state.Seen(link.url, key, digest, status=exc.reason))
            yield exc
            return
        except Exception as exc:  # noqa: BLE001 - one pathological page must not stop a cycle
            failed = InputError(link.url, f"extraction failed ({type(exc).__name__}: {exc})")
            pending.append(state.Seen(link.url, key, digest, status=failed.reason))
            yield failed
            return
        if not article.title and link.title:
            article = dataclasses.replace(article, title=link.title)
        pending.append(state.Seen(link.url, key, digest, article_ids=(article.id,)))
        yield article

    def _file(
        self, item: _Source, path: str, signature: str, pending: list[state.Seen]
    ) -> Iterator[Article | DatelineError]:
        from dateline.ingest import read_inputs

        ids: list[str] = []
        failed: list[str] = []
        for result in read_inputs([path]):
            if isinstance(result, Article):
                ids.append(result.id)
            else:
                failed.append(getattr(result, "reason", str(result)))
            yield result
        status = failed[0] if failed and not ids else "stored"
        pending.append(state.Seen(path, item.source.key, None, signature, tuple(ids), status))

    def _settle(self, due: list[_Source], pending: list[state.Seen]) -> None:
        """Remember what is now safely stored, and each source's outcome."""
        now = self.now()
        done = [s for s in pending if all(self.store.has_article(a) for a in s.article_ids)]
        stored_by: dict[str, int] = {}
        for s in done:
            if s.article_ids and s.status == "stored":
                stored_by[s.source] = stored_by.get(s.source, 0) + 1
        self._con.execute("BEGIN TRANSACTION")
        try:
            state.record_seen(self._con, done, now)
            for item in due:
                st = item.st
                if item.error is not None:
                    delay = min(self.config.backoff * 2**st.failures, self.config.backoff_max)
                    state.record_failure(
                        self._con, st, now, item.error, now + timedelta(seconds=delay)
                    )
                    continue
                lost = len(done) < len(pending) and any(
                    s.source == st.source for s in pending if s not in done
                )
                if item.page_error is None and not lost:
                    st.etag, st.last_modified = item.new_etag, item.new_last_modified
                else:
                    st.etag = st.last_modified = None
                state.record_success(self._con, st, now, stored_by.get(st.source, 0))
                if item.page_error is not None:
                    state.record_page_error(self._con, st, now, item.page_error)
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        self._con.execute("COMMIT")


def _day(published: str | None) -> str | None:
    """The date part of a feed's timestamp (the ingest takes dates, not times)."""
    return published[:10] if published else None
