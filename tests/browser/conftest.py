"""Real-browser tests: Playwright driving Debian's Chromium on a phone viewport.

Chromium missing: the tests are skipped with a plain message, except with CI=true,
where a missing browser is a failure (a green CI must not hide it).
"""

import os
import shutil

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = (
    os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = os.path.join(os.path.dirname(__file__), "..", "..", "screenshots")


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("CI") == "true":
        raise pytest.UsageError(
            f"Chromium is not installed at {CHROMIUM}: browser tests cannot run in CI."
        )
    skip = pytest.mark.skip(reason="Chromium not installed: apt-get install chromium")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(playwright):
    return {**playwright.devices["Pixel 5"], "locale": "vi-VN"}


@pytest.fixture
def phone_screenshot(page):
    def take(name: str) -> str:
        os.makedirs(SCREENSHOTS, exist_ok=True)
        path = os.path.abspath(os.path.join(SCREENSHOTS, f"{name}.png"))
        page.screenshot(path=path, full_page=True)
        return path

    return take


def wait_until(page, expression: str, *, timeout_ms: int = 10_000) -> None:
    """Poll a JavaScript expression until it is true.

    Playwright's `wait_for_function` evaluates its string inside the page, which the
    site's Content-Security-Policy refuses (no 'unsafe-eval'); `evaluate` runs
    through the DevTools protocol, which the policy does not cover.
    """
    for _attempt in range(timeout_ms // 100):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"never true: {expression}")
