"""Drive Debian's headless chromium with Playwright (never ``playwright install``).

``open_page(path)`` loads a local HTML file from ``file://`` and records what the page did:
console errors, uncaught exceptions, dialogs (``alert`` …) and every request that is not a
``file:`` or ``data:`` URL. Used by tests/test_viz.py and bench/bench_viz.py.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
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


def chromium_available() -> bool:
    """True when Debian's chromium and Playwright's Python package are both installed."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None


@dataclass
class PageRecord:
    """What happened while a page was open."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)


@contextmanager
def browser() -> Iterator[object]:
    """A launched headless chromium (Playwright Browser), closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@contextmanager
def open_page(
    path: str | Path, chromium=None, width: int = 1400, height: int = 900, timeout_ms: int = 120_000
):
    """Open ``path`` from file:// in a fresh page; yield ``(page, record)``.

    Dialogs are recorded and dismissed; requests other than file: and data: are recorded and aborted
    (the view must work offline, so any such request is a bug the tests assert on).
    """
    with browser() if chromium is None else nullcontext(chromium) as launched:
        context = launched.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.set_default_timeout(timeout_ms)
        record = PageRecord()
        page.on(
            "console", lambda msg: record.console_errors.append(msg.text) if msg.type == "error" else None
        )
        page.on("pageerror", lambda error: record.page_errors.append(str(error)))
        page.on("dialog", lambda dialog: (record.dialogs.append(dialog.message), dialog.dismiss()))
        page.on("requestfailed", lambda request: record.failed_requests.append(request.url))

        def route(route_obj):
            url = route_obj.request.url
            if url.startswith(("file:", "data:")):
                route_obj.continue_()
            else:
                record.external_requests.append(url)
                route_obj.abort()

        page.route("**/*", route)
        page.goto(Path(path).resolve().as_uri())
        try:
            yield page, record
        finally:
            context.close()


def wait_until_drawn(page, timeout_ms: int = 120_000) -> float:
    """Wait for the view's first draw; return its time in ms since navigation started."""
    page.wait_for_function("window.kgView && window.kgView.drawnAt !== null", timeout=timeout_ms)
    return page.evaluate("window.kgView.drawnAt")
