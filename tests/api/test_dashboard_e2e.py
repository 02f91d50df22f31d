"""End to end: `dateline serve` on a loopback port, the dashboard in real headless Chromium.

Needs Debian's chromium (`apt-get install -y chromium`) and the python playwright package
(dev extra); Playwright's own browser download is not used. Skips without them on a
developer's machine, fails in CI (DATELINE_REQUIRE_SHARED=1). Leaves a screenshot in
``artifacts/dashboard.png`` (or ``$DATELINE_ARTIFACTS``).
"""

from __future__ import annotations

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
    port = _free_port()
    log = (tmp_path / "serve.log").open("wb")
    cmd = [sys.executable, "-m", "dateline", "serve", "--db", str(seed_db), "--port", str(port)]
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


def test_dashboard_shows_the_seed_meeting(server: str) -> None:
    _require(CHROMIUM.exists(), "Debian's chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        _require(False, "the playwright python package is not installed (dev extra)")
        raise
    artifacts = Path(os.environ.get("DATELINE_ARTIFACTS", ROOT / "artifacts"))
    artifacts.mkdir(parents=True, exist_ok=True)
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
