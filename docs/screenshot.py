"""Regenerate docs/screenshot.png: the view of the bundled report in headless chromium.

Usage:  .venv/bin/python docs/screenshot.py   (needs /usr/bin/chromium: .ci/install-chromium.sh)

Builds the bundled report's graph, writes its view, opens it from file:// and shows the
details of the best-connected project in the side panel.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import open_page, wait_until_drawn

from kg.build import build_reports, write_graph
from kg.network import to_networkx
from kg.viz import write_view

REPORT = ROOT / "data" / "shigu-2019-gov-work-report.txt"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        graph_file = write_graph(build_reports([REPORT]), Path(tmp), "ttl")
        G = to_networkx(graph_file, comention=True)  # as `kg viz` draws it
        projects = [n for n, kind in G.nodes(data="type") if kind == "Project"]
        project = max(sorted(projects), key=lambda n: (G.degree(n), len(G.nodes[n]["provenance"])))
        page_file = write_view(G, Path(tmp) / "view.html", title="2019年石鼓区政府工作报告 · govkg")
        with open_page(page_file, width=1600, height=1000) as (page, record):
            wait_until_drawn(page)
            page.evaluate("id => { kgView.network.selectNodes([id]); kgView.showNode(id); }", project)
            page.wait_for_timeout(300)
            page.screenshot(path=str(ROOT / "docs" / "screenshot.png"))
        problems = record.console_errors + record.page_errors + record.external_requests
        if problems:
            raise SystemExit(f"The page reported problems: {problems}")
    print(f"Wrote docs/screenshot.png ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)")


if __name__ == "__main__":
    main()
