"""A watcher killed with SIGKILL in the middle of a cycle resumes without losing or
duplicating an article."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from dateline.store import Store
from news_site import Page, Site, day, example_pages, rss

# The watcher in another process, coding with a stand-in for the pipeline (no spaCy to
# load), one article per transaction, so the kill lands between two commits.
SCRIPT = textwrap.dedent(
    """
    import sys
    from dateline.engines import LocalEngine
    from dateline.model import Document
    from dateline.store import Store
    from dateline.watch import FetchSettings, Source, WatchConfig, Watcher

    class Plain:
        def code_many(self, articles):
            return [Document(article=a) for a in articles]

    db, feed = sys.argv[1], sys.argv[2]
    store = Store(db, read_only=False)
    config = WatchConfig([Source("feed", feed)], batch_size=1,
                         fetch=FetchSettings(per_host_rate=0.0, read_timeout=60.0))
    engine = LocalEngine(workers=1, pipeline=Plain(), chunk_size=1)
    Watcher(store, config, engine=engine).cycle()
    store.close()
    """
)


def run_watcher(db: Path, feed: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen([sys.executable, "-c", SCRIPT, str(db), feed], env=env)


def test_sigkill_mid_cycle_then_resume_stores_each_article_once(site: Site, tmp_path: Path) -> None:
    pages = example_pages()
    paths = list(pages)
    for path, body in pages.items():
        site.routes[path] = Page(body)
    site.routes["/feed.xml"] = Page(
        rss(site.base, [(p, f"Story {i}", day(2026, 3, i + 1)) for i, p in enumerate(paths)])
    )
    # The last page hangs: the articles before it are committed by then (the engine reads
    # one chunk ahead, so two of them), the last one is not.
    site.routes[paths[2]] = Page(hold=True)
    db = tmp_path / "killed.duckdb"
    proc = run_watcher(db, site.base + "/feed.xml")
    assert site.arrived_event(paths[2]).wait(120), "the watcher never asked for page 3"
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    site.routes[paths[2]] = Page(pages[paths[2]])
    site.release()

    with Store(db) as store:
        before = store.connection.execute("SELECT count(*) FROM articles").fetchone()
    assert before == (2,)

    resumed = run_watcher(db, site.base + "/feed.xml")
    assert resumed.wait(120) == 0
    with Store(db) as store:
        con = store.connection
        assert con.execute("SELECT count(*), count(DISTINCT url) FROM articles").fetchone() == (
            3,
            3,
        )
        assert con.execute("SELECT count(*) FROM watch_seen").fetchone() == (3,)
        # The pages stored before the kill were not stored again after it.
        assert sorted(r[0] for r in con.execute("SELECT url FROM articles").fetchall()) == sorted(
            site.base + p for p in paths
        )
