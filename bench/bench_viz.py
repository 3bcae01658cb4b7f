"""How big a graph the HTML view handles: generation time and time to first draw in headless chromium.

Synthetic graphs in the shape of ontology/README.md (reports of ~240 entities each: places,
projects, companies, policies, organisations; relations with reified evidence; observations
of a shared pool of indicators) at several sizes. For each size it measures, in one run:

- read: graph file → networkx (kg.network.to_networkx)
- page: networkx → HTML (kg.viz.write_view: centrality, layout, pyvis, post-processing)
- draw: navigation start → first vis "afterDrawing" in headless chromium (page loaded from file://)
- frame: one redraw after a pan (network.moveTo → afterDrawing), i.e. how interactive it stays

A second table forces live physics on small graphs (the time until vis reports "stabilized"),
which tells what the physics switch costs.

First, the pages a user writes: ``kg viz`` and ``kg charts`` on the bundled report and, with
``--corpus GRAPH`` (e.g. the graph of all of ../shared/corpus built with ``kg build … --format
trig``), on a corpus: the time to write each page (graph file → HTML, as the commands do) and
the time until it is drawn in headless chromium.

Usage:  .venv/bin/python bench/bench_viz.py [--corpus /tmp/corpus/graph.trig]
            [--sizes 500,2000,10000,30000] [--physics-sizes 50,100,150,200,300]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser import browser, open_page, wait_until_charted, wait_until_drawn

from kg.charts import write_charts
from kg.network import to_networkx
from kg.viz import VIEW_LIMIT, view_graph, write_view

BUNDLED = Path(__file__).resolve().parent.parent / "data" / "shigu-2019-gov-work-report.txt"

GOV = "https://w3id.org/govkg/ontology#"
ID = "https://w3id.org/govkg/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ENTITIES_PER_REPORT = {"Place": 30, "Project": 80, "Company": 50, "Policy": 40, "Organization": 40}
INDICATORS = 60


def _iri(path: str) -> str:
    return f"<{ID}{path}>"


def _lit(text: str, lang: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"@{lang}' if lang else f'"{escaped}"'


def synthetic_graph(nodes: int, seed: int = 0) -> list[str]:
    """N-Triples lines of a graph with about ``nodes`` entity and indicator nodes."""
    rng = random.Random(seed)
    per_report = sum(ENTITIES_PER_REPORT.values()) + 1
    reports = max(1, round((nodes - INDICATORS) / per_report))
    # below one report's worth, shrink the report (and the indicator pool) in proportion
    shrink = min(1.0, nodes / (per_report + INDICATORS))
    counts = {kind: max(2, round(count * shrink)) for kind, count in ENTITIES_PER_REPORT.items()}
    indicator_count = max(2, round(INDICATORS * shrink))
    lines: list[str] = []

    def add(s: str, p: str, o: str) -> None:
        lines.append(f"{s} <{p}> {o} .")

    indicators = [_iri(f"indicator/指标{i:03d}") for i in range(indicator_count)]
    for i, indicator in enumerate(indicators):
        add(indicator, RDF_TYPE, f"<{GOV}Indicator>")
        add(indicator, LABEL, _lit(f"指标{i:03d}", "zh"))
    for r in range(reports):
        report = _iri(f"report/r{r:04d}/2020")
        region = _iri(f"place/示例省示例市区{r:04d}")
        add(report, RDF_TYPE, f"<{GOV}Report>")
        add(report, "http://purl.org/dc/terms/title", _lit(f"2020年示例区{r:04d}政府工作报告"))
        add(report, GOV + "region", region)
        sentences = [_iri(f"report/r{r:04d}/2020/sentence/{s}") for s in range(150)]
        for s, sentence in enumerate(sentences):
            add(sentence, RDF_TYPE, f"<{GOV}Sentence>")
            add(sentence, GOV + "text", _lit(f"第{s}句：示例区推进重点工作，完成各项任务。"))
            add(sentence, GOV + "index", f'"{s}"^^<http://www.w3.org/2001/XMLSchema#integer>')
            add(sentence, GOV + "inReport", report)
        things: dict[str, list[str]] = {"Place": [region]}
        for kind, count in counts.items():
            for k in range(count):
                scope = "" if kind == "Company" else f"示例省示例市区{r:04d}/"
                # a few companies are shared between reports, as brands are
                name = (
                    f"企业{rng.randrange(reports * 45):05d}"
                    if kind == "Company"
                    else f"{kind}{r:04d}-{k:03d}"
                )
                iri = _iri(f"{kind.lower()}/{scope}{name}")
                things.setdefault(kind, []).append(iri)
        for kind, iris in things.items():
            for iri in sorted(set(iris)):
                add(iri, RDF_TYPE, f"<{GOV}{kind}>")
                add(iri, LABEL, _lit(iri.rsplit("/", 1)[-1].rstrip(">"), "zh"))
                for sentence in rng.sample(sentences, rng.randint(1, 3)):
                    add(iri, GOV + "mentionedIn", sentence)
        relations = [("locatedIn", street, region) for street in things["Place"][1:]]
        relations += [
            ("locatedIn", p, rng.choice(things["Place"])) for p in things["Project"] if rng.random() < 0.7
        ]
        relations += [
            ("participatesIn", c, rng.choice(things["Project"]))
            for c in things["Company"]
            if rng.random() < 0.5
        ]
        relations += [
            ("partOf", p, rng.choice(things["Project"])) for p in things["Project"] if rng.random() < 0.1
        ]
        relations += [
            ("partOf", p, rng.choice(things["Policy"])) for p in things["Policy"] if rng.random() < 0.2
        ]
        for n, (predicate, subject, obj) in enumerate(relations):
            if subject == obj:
                continue
            add(subject, GOV + predicate, obj)
            statement = f"_:s{r}x{n}"
            add(statement, RDF_TYPE, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement>")
            add(statement, "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject", subject)
            add(statement, "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate", f"<{GOV}{predicate}>")
            add(statement, "http://www.w3.org/1999/02/22-rdf-syntax-ns#object", obj)
            add(statement, GOV + "evidence", rng.choice(sentences))
        for o in range(60):
            observation = _iri(f"report/r{r:04d}/2020/observation/{o}")
            add(observation, RDF_TYPE, f"<{GOV}Observation>")
            add(observation, "http://purl.org/linked-data/cube#dataSet", report)
            add(observation, GOV + "indicator", rng.choice(indicators))
            add(
                observation,
                GOV + "value",
                f'"{rng.randint(1, 999)}.5"^^<http://www.w3.org/2001/XMLSchema#decimal>',
            )
            add(observation, GOV + "unit", _lit("亿元"))
            add(observation, GOV + "year", '"2019"^^<http://www.w3.org/2001/XMLSchema#gYear>')
            add(observation, GOV + "kind", f"<{GOV}actual>")
            add(observation, GOV + "evidence", rng.choice(sentences))
    return lines


def measure(size: int, workdir: Path, chromium, physics: bool = False) -> dict:
    """One row of the table for a synthetic graph of about ``size`` nodes."""
    graph_file = workdir / f"g{size}.nt"
    graph_file.write_text("\n".join(synthetic_graph(size)) + "\n", encoding="utf-8")
    started = time.perf_counter()
    G = to_networkx(graph_file)
    read = time.perf_counter() - started
    started = time.perf_counter()
    page_file = write_view(G, workdir / f"view{size}.html", physics=physics)
    page = time.perf_counter() - started
    row = {"nodes": len(G), "edges": G.number_of_edges(), "read": read, "page": page}
    row["mb"] = page_file.stat().st_size / 1e6
    with open_page(page_file, chromium=chromium, timeout_ms=600_000) as (tab, record):
        row["draw"] = wait_until_drawn(tab, timeout_ms=600_000) / 1000
        if physics:
            tab.wait_for_function("kgView.stabilizedAt !== null", timeout=600_000)
            row["stable"] = tab.evaluate("kgView.stabilizedAt") / 1000
        row["frame"] = tab.evaluate(
            """() => new Promise(done => {
                 const t0 = performance.now();
                 kgView.network.once('afterDrawing', () => done(performance.now() - t0));
                 const p = kgView.network.getViewPosition();
                 kgView.network.moveTo({position: {x: p.x + 200, y: p.y + 100}});
               })"""
        )
        row["errors"] = len(record.console_errors) + len(record.page_errors) + len(record.external_requests)
    return row


def pages(graph: Path, workdir: Path, chromium) -> list[tuple[str, float, float, float, int]]:
    """(page, seconds to write it, MB, seconds to draw it, errors) for the view and the charts of ``graph``."""
    rows = []
    for name, write, wait in (
        ("kg viz", lambda out: write_view(view_graph(graph), out), wait_until_drawn),
        ("kg charts", lambda out: write_charts(graph, out), wait_until_charted),
    ):
        started = time.perf_counter()
        page_file = write(workdir / f"{graph.stem}-{name.split()[1]}.html")
        written = time.perf_counter() - started
        with open_page(page_file, chromium=chromium, timeout_ms=600_000) as (tab, record):
            drawn = wait(tab, timeout_ms=600_000) / 1000
            errors = len(record.console_errors) + len(record.page_errors) + len(record.external_requests)
        rows.append((name, written, page_file.stat().st_size / 1e6, drawn, errors))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a corpus graph file to time kg viz and kg charts on")
    parser.add_argument("--sizes", default="500,2000,10000,30000")
    parser.add_argument("--physics-sizes", default="50,100,150,200,300")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, browser() as chromium:
        workdir = Path(tmp)
        from kg.build import build_reports, write_graph

        graphs = [("bundled report", write_graph(build_reports([BUNDLED]), workdir, "ttl"))]
        if args.corpus:
            graphs.append((f"corpus {args.corpus}", args.corpus))
        print(f"Pages as the commands write them (the view keeps at most {VIEW_LIMIT} nodes)")
        print("| graph | page | written in s | HTML MB | drawn in s | errors |")
        print("|---|---|---|---|---|---|")
        for label, graph in graphs:
            for name, written, mb, drawn, errors in pages(Path(graph), workdir, chromium):
                print(f"| {label} | {name} | {written:.1f} | {mb:.1f} | {drawn:.2f} | {errors} |", flush=True)
        sizes = [int(size) for size in args.sizes.split(",") if size]
        physics_sizes = [int(size) for size in args.physics_sizes.split(",") if size]
        if sizes:
            print("\nThe view of synthetic graphs, every node drawn (positions precomputed, physics off)")
            print(
                "| nodes | edges | read s | page s | HTML MB | first draw s | frame after pan ms | errors |"
            )
            print("|---|---|---|---|---|---|---|---|")
        for size in sizes:
            r = measure(size, workdir, chromium)
            print(
                f"| {r['nodes']} | {r['edges']} | {r['read']:.2f} | {r['page']:.2f} | {r['mb']:.1f} "
                f"| {r['draw']:.2f} | {r['frame']:.0f} | {r['errors']} |",
                flush=True,
            )
        if physics_sizes:
            print(
                "\nLive physics switched on (barnesHut, straight edges, 200 stabilisation iterations, then stopped)"
            )
            print("| nodes | edges | first draw s | stabilised s | frame after pan ms |")
            print("|---|---|---|---|---|")
        for size in physics_sizes:
            r = measure(size, workdir, chromium, physics=True)
            print(
                f"| {r['nodes']} | {r['edges']} | {r['draw']:.2f} | {r['stable']:.2f} | {r['frame']:.0f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
