"""`dateline watch`: the CLI's one line per cycle and its exit status (sources with no new
articles, so that no pipeline is loaded)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from news_site import Page, Site, rss

runner = CliRunner()


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site().start()
    yield s
    s.stop()


def test_once_prints_one_line_per_cycle_and_fails_on_errors(site: Site, tmp_path: Path) -> None:
    site.routes["/empty.xml"] = Page(rss(site.base, []))
    site.routes["/broken.xml"] = Page(b"down", status=503)
    db = str(tmp_path / "w.duckdb")
    ok = runner.invoke(app, ["watch", "--db", db, "--once", "--feed", site.base + "/empty.xml"])
    assert ok.exit_code == 0, ok.output
    lines = [x for x in ok.output.splitlines() if x.startswith("dateline: watch:")]
    assert len(lines) == 1
    assert lines[0].endswith("1 sources polled, 0 new articles, 0 events, 0 errors")

    bad = runner.invoke(
        app, ["watch", "--db", db, "--once", "--verbose", "--feed", site.base + "/broken.xml"]
    )
    assert bad.exit_code == 1
    assert "1 errors" in bad.output and "HTTP 503" in bad.output


def test_no_source_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["watch", "--db", str(tmp_path / "w.duckdb"), "--once"])
    assert result.exit_code == 2
    assert "--feed" in result.output


def test_the_loop_stops_cleanly_on_sigterm(site: Site, tmp_path: Path) -> None:
    """As systemd stops a service: the loop ends between cycles with a clear line."""
    import os
    import signal
    import subprocess
    import sys

    site.routes["/empty.xml"] = Page(rss(site.base, []))
    db = tmp_path / "w.duckdb"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dateline",
            "watch",
            "--db",
            str(db),
            "--interval",
            "60",
            "--feed",
            site.base + "/empty.xml",
        ],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert proc.stderr is not None
    first = proc.stderr.readline()  # the first cycle's line: the loop now waits
    assert "cycle 1: 1 sources polled, 0 new articles" in first
    proc.send_signal(signal.SIGTERM)
    rest = proc.stderr.read()
    assert proc.wait(60) == 130
    assert "watch stopped" in rest and "Traceback" not in rest
