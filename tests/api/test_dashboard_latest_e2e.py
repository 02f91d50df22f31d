"""End to end: the dashboard's "Latest coded events" panel and the time the database was
last updated, in headless Chromium (see test_dashboard_e2e for what it needs)."""

from __future__ import annotations

import re

import pytest
from test_dashboard_e2e import CHROMIUM, CHROMIUM_ARGS, PAGE_TIMEOUT_MS, _require, server

pytestmark = [pytest.mark.slow, pytest.mark.shared]
__all__ = ["server"]  # the fixture, shared with the dashboard test


def test_dashboard_shows_latest_events_and_last_update(server: str) -> None:  # noqa: F811
    _require(CHROMIUM.exists(), "Debian's chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        _require(False, "the playwright python package is not installed (dev extra)")
        raise
    import httpx

    status = httpx.get(f"{server}/status", timeout=10).json()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_default_timeout(PAGE_TIMEOUT_MS)
            page.goto(f"{server}/")
            expect(page.locator("#latest-updated")).to_have_text(
                re.compile(
                    rf"Database last updated: .*\d.* {status['counts']['articles']} articles"
                )
            )
            rows = page.locator("#latest tbody tr")
            expect(rows).to_have_count(len(status["latest_events"]))
            first = status["latest_events"][0]
            assert first["cameo_code"] in rows.first.inner_text()
        finally:
            browser.close()
