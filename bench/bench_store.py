"""Stores compared on the saved queries: rdflib in memory, pyoxigraph, oxrdflib (when installed).

A synthetic corpus is made by replicating the built bundled report many times as other regions
and years (report, place and regional IRIs, region names, codes and years rewritten; companies,
indicators and nationwide policies stay shared, as in real multi-report graphs), truncated to
exactly 10k, 100k and 1M triples. For each store and size: load time, and the median latency
of each saved query (rows fully read), in one run so the ratios are comparable.

rdflib is slow on big graphs: its runs stop repeating a query that took over 2 s, and each
(store, size) has a time budget (``--budget`` seconds, 300 by default); queries left when it is
spent are printed as ``-`` (skipped).

    .venv/bin/python bench/bench_store.py [--sizes 10000 100000 1000000] [--budget 300] [--seed out/graph.ttl]
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.query import bind_parameters, saved_queries

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "shigu-2019-gov-work-report.txt"
QUERY_TIMEOUT = 60.0  # seconds, for rdflib queries
ENTITY = "来雁新城"  # a project of the bundled report, for the queries that take a name


def seed_ntriples(seed: Path | None) -> tuple[list[str], list[str]]:
    """N-Triples lines of one built report and of the ontology, from ``seed`` or a fresh build."""
    from kg.build import build_reports, serialise

    if seed is None:
        text = serialise(build_reports([REPORT]), "nt")
    else:
        text = Graph().parse(seed).serialize(format="nt")
    ontology = set(Graph().parse(ROOT / "ontology" / "govkg.ttl").serialize(format="nt").splitlines())
    lines = sorted(line for line in text.splitlines() if line.strip())
    return [line for line in lines if line not in ontology], sorted(line for line in ontology if line.strip())


def replicas(report: list[str]) -> Callable[[int], list[str]]:
    """A function giving copy ``k`` of the report as region ``k // 10`` and year ``2015 + k % 10``."""
    text = "\n".join(report)
    code = re.search(r"/report/([^/>]+)/(\d{4})", text)
    region_code, year = code.group(1), int(code.group(2))
    full = re.search(r"/place/([^/>]+)> ", text)
    region_full = full.group(1) if full else region_code

    def copy(k: int) -> list[str]:
        region, new_year = k // 10, 2015 + k % 10
        out = text.replace(f"/report/{region_code}/{year}", f"/report/{region_code}-{region}/{new_year}")
        out = out.replace(region_full, f"{region_full}{region}")
        out = out.replace(f'"{region_code}"', f'"{region_code}-{region}"')
        out = out.replace(f'"{year}"^^', f'"{new_year}"^^').replace(f'"{year - 1}"^^', f'"{new_year - 1}"^^')
        return out.splitlines()

    return copy


def corpus(report: list[str], ontology: list[str], size: int) -> str:
    """Exactly ``size`` triples: the ontology, then report copies until the size is reached."""
    copy = replicas(report)
    lines = list(ontology)
    k = 0
    while len(lines) < size:
        lines.extend(copy(k))
        k += 1
    return "\n".join(lines[:size]) + "\n"


def load_rdflib(data: str):
    graph = Graph()
    graph.parse(data=data, format="nt")
    return with_timeout(lambda q: len(list(graph.query(q))))


def with_timeout(run: Callable[[str], int]) -> Callable[[str], int]:
    """Run each query in a forked child (the graph is shared copy-on-write) and kill it after
    ``QUERY_TIMEOUT`` seconds, since a pure-Python query cannot be interrupted in-process."""
    context = multiprocessing.get_context("fork")

    def timed(query: str) -> int:
        child = context.Process(target=run, args=(query,))
        child.start()
        child.join(QUERY_TIMEOUT)
        if child.is_alive():
            child.kill()
            child.join()
            raise TimeoutError(f"> {QUERY_TIMEOUT:.0f} s")
        if child.exitcode != 0:
            raise RuntimeError("query failed")
        return 0

    return timed


def load_oxrdflib(data: str):
    graph = Graph(store="Oxigraph")
    graph.parse(data=data, format="ox-nt")
    return lambda q: len(list(graph.query(q)))


def load_pyoxigraph(data: str):
    store = ox.Store()
    store.bulk_load(data.encode(), format=ox.RdfFormat.N_TRIPLES)
    return lambda q: len(list(store.query(q)))


def stores() -> dict[str, Callable[[str], Callable[[str], int]]]:
    found = {"pyoxigraph": load_pyoxigraph, "rdflib": load_rdflib}
    try:
        import oxrdflib  # noqa: F401

        found["oxrdflib"] = load_oxrdflib
    except ImportError:
        pass
    return found


def measure(
    run: Callable[[str], int], queries: dict[str, str], budget: float, repeats: int = 3
) -> dict[str, float]:
    """Median seconds per query (or the error it raised); stops repeating a query slower than 2 s
    and stops when the budget is spent."""
    spent, medians = 0.0, {}
    for name, text in queries.items():
        if spent > budget:
            break
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            try:
                run(text)
            except Exception as error:  # noqa: BLE001 - a store that cannot run a query is a result too
                medians[name] = (
                    str(error) if isinstance(error, TimeoutError) else f"err: {type(error).__name__}"
                )
                spent += QUERY_TIMEOUT if isinstance(error, TimeoutError) else 0
                break
            times.append(time.perf_counter() - start)
            if times[-1] > 2:
                break
        spent += sum(times)
        if times and name not in medians:
            medians[name] = statistics.median(times)
    return medians


def cell(value: float | str | None) -> str:
    """A table cell: milliseconds, the error, or ``-`` when skipped by the budget."""
    if value is None:
        return "-"
    return value if isinstance(value, str) else f"{value * 1000:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--budget", type=float, default=300.0, help="seconds of queries per store and size")
    parser.add_argument(
        "--seed", type=Path, help="a built graph to replicate (default: build the bundled report)"
    )
    args = parser.parse_args()

    report, ontology = seed_ntriples(args.seed)
    queries = {q.name: bind_parameters(q.text, {p.name: ENTITY for p in q.params}) for q in saved_queries()}
    print(
        f"seed: {len(report)} report triples + {len(ontology)} ontology triples; {len(queries)} saved queries"
    )
    for size in args.sizes:
        data = corpus(report, ontology, size)
        loads, latencies = {}, {}
        for name, loader in stores().items():
            gc.collect()
            start = time.perf_counter()
            run = loader(data)
            loads[name] = time.perf_counter() - start
            latencies[name] = measure(run, queries, args.budget)
            del run
        names = list(loads)
        print(f"\n## {size:,} triples")
        print(
            "load s: "
            + ", ".join(f"{n} {loads[n]:.2f}" for n in names)
            + f"  (rdflib / pyoxigraph {loads['rdflib'] / loads['pyoxigraph']:.0f}x)"
        )
        print(f"| query | {' | '.join(f'{n} ms' for n in names)} | rdflib / pyoxigraph |")
        print(f"|---|{'---|' * len(names)}---|")
        ratios = []
        for query in queries:
            cells = [cell(latencies[n].get(query)) for n in names]
            fast, slow = latencies["pyoxigraph"].get(query), latencies["rdflib"].get(query)
            timed = isinstance(fast, float) and isinstance(slow, float)
            ratio = f"{slow / fast:.0f}x" if timed else "-"
            if timed:
                ratios.append(slow / fast)
            print(f"| {query} | {' | '.join(cells)} | {ratio} |")
        if ratios:
            print(
                f"median ratio rdflib / pyoxigraph over {len(ratios)} queries: {statistics.median(ratios):.0f}x"
            )


if __name__ == "__main__":
    main()
