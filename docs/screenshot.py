"""Regenerate the README's screenshots: the view and the charts page in headless chromium at 1400×900.

Usage:  .venv/bin/python docs/screenshot.py [--corpus GRAPH]   (needs /usr/bin/chromium)

Writes docs/screenshot.png (the view of the bundled report, as it opens) and docs/charts.png
(its charts page, a target bar hovered). With ``--corpus GRAPH`` (a graph of many reports, e.g.
all of ../shared/corpus built with ``kg build … --format trig``) also docs/corpus-view.png and
docs/corpus-charts.png.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import browser, open_page, wait_until_charted, wait_until_drawn

from kg.build import build_reports, write_graph
from kg.charts import write_charts
from kg.viz import view_graph, write_view

REPORT = ROOT / "data" / "shigu-2019-gov-work-report.txt"


def shoot(graph: Path, workdir: Path, name: str, title: str, chromium) -> None:
    """Screenshots of the view and the charts page of ``graph`` as docs/<name>view.png, docs/<name>charts.png."""
    view_file = write_view(view_graph(graph), workdir / f"{name}view.html", title=title)
    charts_file = write_charts(graph, workdir / f"{name}charts.html", title=title + " · 图表")
    problems = []
    with open_page(view_file, chromium=chromium) as (page, record):
        wait_until_drawn(page)
        page.wait_for_timeout(300)
        page.screenshot(path=str(ROOT / "docs" / (f"{name}view.png" if name else "screenshot.png")))
        problems += record.console_errors + record.page_errors + record.external_requests
    with open_page(charts_file, chromium=chromium) as (page, record):
        wait_until_charted(page)
        bar = page.locator("#plot-targets g.point path").first
        if bar.count():
            box = bar.bounding_box()
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.wait_for_timeout(300)
        page.screenshot(path=str(ROOT / "docs" / f"{name}charts.png"))
        problems += record.console_errors + record.page_errors + record.external_requests
    if problems:
        raise SystemExit(f"The pages reported problems: {problems}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a graph of many reports to screenshot as well")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, browser() as chromium:
        workdir = Path(tmp)
        graph = write_graph(build_reports([REPORT]), workdir, "ttl")
        shoot(graph, workdir, "", "2019年石鼓区政府工作报告 · govkg", chromium)
        print("Wrote docs/screenshot.png, docs/charts.png")
        if args.corpus:
            shoot(args.corpus, workdir, "corpus-", f"{args.corpus.name} · govkg", chromium)
            print("Wrote docs/corpus-view.png, docs/corpus-charts.png")


if __name__ == "__main__":
    main()
