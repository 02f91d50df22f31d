"""End to end: `dateline serve` on a loopback port, the dashboard in real headless Chromium.

Needs Debian's chromium (`apt-get install -y chromium`) and the python playwright package
(dev extra); Playwright's own browser download is not used. Skips without them on a
developer's machine, fails in CI (DATELINE_REQUIRE_SHARED=1). Leaves a screenshot in
``artifacts/dashboard.png`` (or ``$DATELINE_ARTIFACTS``).
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
# Bounds on waiting (not assertions about speed): the server start and each page step.
SERVER_START_TIMEOUT_S = 60
PAGE_TIMEOUT_MS = 30_000
# The dashboard pads a timeline of fewer periods to this many (MIN_PERIODS in app.js).
MIN_PERIODS = 9

pytestmark = pytest.mark.slow


def _require(condition: bool, reason: str) -> None:
    if condition:
        return
    if os.environ.get("DATELINE_REQUIRE_SHARED") == "1" or os.environ.get("CI"):
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def server(seed_db: Path, tmp_path: Path) -> Iterator[str]:
    yield from _serve(seed_db, tmp_path)


@pytest.fixture
def readme_server(tmp_path: Path) -> Iterator[str]:
    """A server over the README's store: `dateline ingest examples/ --published 2025-03-05`."""
    db = tmp_path / "dateline.duckdb"
    done = subprocess.run(
        [sys.executable, "-m", "dateline", "ingest", str(ROOT / "examples"), "--published",
         "2025-03-05", "--db", str(db)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    yield from _serve(db, tmp_path)


def _serve(db: Path, tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    log = (tmp_path / "serve.log").open("wb")
    cmd = [sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                log.flush()
                pytest.fail("dateline serve exited: " + (tmp_path / "serve.log").read_text())
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("dateline serve did not answer /health")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _visible_text(locator: Any) -> str:
    """The element's text without the screen-reader-only role labels ("source: ")."""
    text: str = locator.text_content() or ""
    for label in locator.locator(".sr-only").all_text_contents():
        text = text.replace(label, "", 1)
    return text


def _playwright() -> Any:
    _require(CHROMIUM.exists(), "Debian's chromium is not installed (apt-get install chromium)")
    try:
        from playwright import sync_api
    except ImportError:
        _require(False, "the playwright python package is not installed (dev extra)")
        raise
    return sync_api


def _artifacts() -> Path:
    artifacts = Path(os.environ.get("DATELINE_ARTIFACTS", ROOT / "artifacts"))
    artifacts.mkdir(parents=True, exist_ok=True)
    return artifacts


def test_first_view_is_the_busiest_pair(readme_server: str) -> None:
    """No choice made: the pair with most events between them, drawn as padded bars, with
    every country named and imprecise dates marked (README screenshot: this view)."""
    sync_api = _playwright()
    with urllib.request.urlopen(f"{readme_server}/dyads?limit=1", timeout=10) as resp:
        top = json.loads(resp.read())["dyads"][0]
    with urllib.request.urlopen(f"{readme_server}/countries", timeout=10) as resp:
        countries = json.loads(resp.read())["countries"]
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(PAGE_TIMEOUT_MS)
            page.goto(f"{readme_server}/")
            sync_api.expect(page.locator("#status")).to_have_text(re.compile("^Showing"))
            assert page.input_value("#country-a") == top["a"]
            assert page.input_value("#country-b") == top["b"]
            # The pair has events: the table lists them all, the timeline draws them.
            assert page.locator("#events tbody tr").count() == top["events"]
            assert page.locator("#timeline svg g.mark-rect path").count() >= 1
            # A short span is padded with empty periods on both sides (one bar per period
            # and quad class, zeros included), so that its bars do not fill the chart.
            assert page.locator("#timeline svg g.mark-rect path").count() >= 4 * MIN_PERIODS
            assert "automatic" in (page.locator("#timeline-sub").text_content() or "")
            # Actors known only by a code are named by their country.
            cells = page.locator("#events tbody td").all_text_contents()
            assert not any(re.fullmatch(r"[A-Z]{6}", c.strip()) for c in cells), cells
            # Every country in the pickers has a name, not a bare code.
            options = page.locator("#country-a option").all_text_contents()[1:]
            assert len(options) == len(countries)
            assert all(re.match(r"^[^(]+ \([A-Z]{3}\) · ", o) for o in options), options
            page.screenshot(path=str(_artifacts() / "dashboard-default.png"), full_page=True)
        finally:
            browser.close()


def test_dashboard_shows_the_seed_meeting(server: str) -> None:
    sync_api = _playwright()
    expect, sync_playwright = sync_api.expect, sync_api.sync_playwright
    artifacts = _artifacts()
    problems: list[str] = []

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(PAGE_TIMEOUT_MS)
            page.on(
                "console",
                lambda m: (
                    problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None
                ),
            )
            page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
            # Every request stays on this server: the page works offline.
            page.on(
                "request",
                lambda r: (
                    problems.append(f"off-site request: {r.url}")
                    if not (r.url.startswith(server) or r.url.startswith("data:"))
                    else None
                ),
            )
            page.goto(f"{server}/")
            page.wait_for_selector("#country-a option[value='KAZ']", state="attached")
            page.select_option("#country-a", "KAZ")
            page.select_option("#country-b", "CHN")
            page.fill("#start", "2018-01-01")
            page.fill("#end", "2018-12-31")
            page.click("#show")
            # (a locator wait, not wait_for_function: the page's CSP forbids string eval)
            expect(page.locator("#status")).to_have_text(re.compile("^Showing"))

            # The timeline: a Vega SVG with stacked bars (quad classes) and the Goldstein line.
            bars = page.locator("#timeline svg g.mark-rect path")
            assert bars.count() >= 1
            assert page.locator("#timeline svg g.mark-line path").count() >= 1
            bar_labels = " | ".join(
                bars.nth(i).get_attribute("aria-label") or "" for i in range(bars.count())
            )
            assert "Nov" in bar_labels and "2018" in bar_labels, bar_labels
            assert page.locator("#types svg g.mark-rect path").count() >= 1
            assert page.locator("#partners svg g.mark-rect path").count() >= 1

            # The events table lists the meeting of 9 November 2018 from the seed article.
            rows = page.locator("#events tbody tr")
            assert rows.count() >= 1
            meeting = rows.filter(has_text="2018-11-09").filter(
                has=page.locator("xpath=self::*[contains(@title, 'held a meeting')]")
            )
            assert meeting.count() >= 1, [rows.nth(i).inner_text() for i in range(rows.count())]
            meeting.first.click()

            # Its evidence: the sentence with source, trigger and target highlighted.
            page.wait_for_selector("#detail-body mark.hl-trigger")
            quote = page.locator("#detail-body blockquote").first
            assert "held a meeting" in _visible_text(quote)
            marks = {
                role: _visible_text(page.locator(f"#detail-body mark.hl-{role}").first)
                for role in ("source", "trigger", "target")
            }
            assert "Abdrakhmanov" in marks["source"] or "Kazakhstan" in marks["source"], marks
            assert "China" in marks["target"] or "Zhang Xiao" in marks["target"], marks
            assert marks["trigger"] and marks["trigger"] in "held a meeting with", marks
            assert page.locator("#events tbody tr[aria-selected='true']").count() == 1

            page.screenshot(path=str(artifacts / "dashboard.png"), full_page=True)

            # The API docs render offline too.
            page.goto(f"{server}/docs")
            page.wait_for_selector(".swagger-ui .opblock-tag")
            assert page.locator(".swagger-ui .opblock").count() >= 8
        finally:
            browser.close()
    assert not problems, problems
