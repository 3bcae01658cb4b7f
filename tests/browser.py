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


def wait_until_charted(page, timeout_ms: int = 120_000) -> float:
    """Wait until the charts page has drawn every chart; return that time in ms since navigation."""
    page.wait_for_function("window.kgCharts && window.kgCharts.drawnAt !== null", timeout=timeout_ms)
    return page.evaluate("window.kgCharts.drawnAt")


def drawing_fill(page) -> tuple[float, float]:
    """The share of the view's canvas width and height that the drawn nodes' bounding box covers."""
    return tuple(
        page.evaluate(
            """() => {
                 const n = kgView.network, ids = kgView.nodes.getIds({filter: x => !x.hidden});
                 const pos = n.getPositions(ids), rect = document.getElementById('mynetwork').getBoundingClientRect();
                 const xs = [], ys = [];
                 ids.forEach(id => { const p = n.canvasToDOM(pos[id]); xs.push(p.x); ys.push(p.y); });
                 return [(Math.max(...xs) - Math.min(...xs)) / rect.width,
                         (Math.max(...ys) - Math.min(...ys)) / rect.height];
               }"""
        )
    )


def most_connected_labels(page, count: int) -> list[tuple[str, float, bool]]:
    """The ``count`` best connected drawn nodes (edges counted in the page): label, its on-screen
    font size in px at the current zoom, and whether it lies inside the canvas."""
    return [
        tuple(row)
        for row in page.evaluate(
            """count => {
                 const n = kgView.network, degree = {};
                 kgView.edges.forEach(e => { degree[e.from] = (degree[e.from] || 0) + 1;
                                             degree[e.to] = (degree[e.to] || 0) + 1; });
                 const rect = document.getElementById('mynetwork').getBoundingClientRect(), scale = n.getScale();
                 const top = kgView.nodes.get().sort((a, b) => (degree[b.id] || 0) - (degree[a.id] || 0)).slice(0, count);
                 return top.map(node => { const p = n.canvasToDOM(n.getPositions([node.id])[node.id]);
                   return [node.label, node.font.size * scale,
                           p.x >= 0 && p.y >= 0 && p.x <= rect.width && p.y <= rect.height]; });
               }""",
            count,
        )
    ]
