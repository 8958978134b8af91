"""The foundation dialogue in headless Chromium (Debian's /usr/bin/chromium via Playwright)."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page, async_playwright, expect

from tests.factories import BERLIN
from tests.fixtures.app_server import AppServer

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
HAVE_CHROMIUM = Path(CHROMIUM).exists()
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    if not HAVE_CHROMIUM:
        if os.environ.get("ZOOMBOT_REQUIRE_BROWSER") == "1":
            pytest.fail(f"Chromium is required but missing at {CHROMIUM}")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    async with async_playwright() as pw:
        chromium = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield chromium
        finally:
            await chromium.close()


async def _say(page: Page, text: str) -> None:
    await page.get_by_label("Message").fill(text)
    await page.get_by_role("button", name="Send").click()


async def test_schedule_list_cancel_in_a_real_browser(
    app_server: AppServer, browser: Browser, tmp_path: Path
) -> None:
    context = await browser.new_context(timezone_id=BERLIN)
    page = await context.new_page()
    await page.goto(app_server.base_url + "/")
    await expect(page.locator(".sandbox")).to_contain_text("Sandbox mode")
    await expect(page.locator("#tz")).to_have_text(BERLIN)

    await _say(page, "schedule a meeting called Team Sync tomorrow at 2pm for 30 minutes")
    connect = page.get_by_role("link", name="Connect Zoom")
    async with context.expect_page() as popup_info:
        await connect.click()
    popup = await popup_info.value
    await popup.locator("input[name=email]").fill("browser@example.com")
    await popup.get_by_role("button", name="Approve").click()
    await expect(popup.locator("body")).to_contain_text("Connected — you can close this tab")
    await popup.close()

    created = page.locator("li[data-type=meeting_created]")
    await expect(created).to_contain_text("Team Sync", timeout=10_000)
    await expect(created).to_contain_text("14:00 (Europe/Berlin)")
    assert len(app_server.sandbox.state.meetings) == 1

    await _say(page, "list my meetings")
    listing = page.locator("li[data-type=meeting_list]")
    await expect(listing).to_contain_text("Team Sync")
    join = listing.get_by_role("link", name="Join")
    assert "/j/" in (await join.get_attribute("href") or "")

    await listing.get_by_role("button", name="Cancel…").click()
    await page.get_by_role("button", name="Yes, cancel it").click()
    await expect(page.locator("li[data-type=meeting_cancelled]")).to_contain_text("Team Sync")
    await page.screenshot(path=str(tmp_path / "chat.png"), full_page=True)
    assert not app_server.sandbox.state.meetings
    await context.close()
