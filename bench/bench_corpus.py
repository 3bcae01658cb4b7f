"""A corpus build with one and with two workers, in one run: wall time, speed, memory, store, cache.

Builds ../shared/corpus (or the report files and folders given) with ``--jobs 1`` and ``--jobs 2``
through :func:`kg.corpus.build_corpus` and :func:`kg.corpus.write_corpus` (the code ``kg build``
runs, N-Quads out; with ``--with-store`` the on-disk store too), each from an empty cache, then
writes the on-disk store from the cache (unless the builds wrote it), rebuilds with nothing changed
into that store, and prints:

- wall time, characters per second and the speed-up from one worker to two;
- CPU seconds of this process and its workers, and characters per CPU second: on a machine shared
  with other jobs the wall time says how much of the cores the build got, the CPU time what it cost
  (``load``: the one-minute load average as the build ended, its own workers included);
- peak memory: the summed resident memory of this process and all its workers, sampled every
  0.1 s, after the first quarter of the reports and at the end (flat when it does not grow);
- triples per report, and the on-disk store size per million triples;
- the time of writing the store after the build, and of the rebuild with nothing changed (every
  report from the cache);
- the time of saved questions on the store, and on the graph file (parse it, then ask ``overview``).

With ``--questions STORE`` it builds nothing and times every saved question on a store already built
(``kg build ../shared/corpus --out OUT --store STORE``), through the Python API as ``kg query NAME
--store STORE`` runs it: once without filters, once with ``--param region=…`` (each stopped after
``--timeout`` seconds).

    nice .venv/bin/python bench/bench_corpus.py                       # the whole shared corpus
    nice .venv/bin/python bench/bench_corpus.py --questions /tmp/corpus-store --region 龙华区
    nice .venv/bin/python bench/bench_corpus.py --limit 20            # its first 20 reports
    nice .venv/bin/python bench/bench_corpus.py reports/ more.txt     # other files

Skips, saying why, when ../shared/corpus is absent and no files are given.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from kg.corpus import Observer, build_corpus, report_files, write_corpus
from kg.errors import QueryError
from kg.query import run, saved_queries
from kg.store import open_store_dir

#: Saved questions timed on the store (the first also on the graph file).
QUESTIONS = ("overview", "targets", "projects")
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


class MemorySampler(Observer):
    """Peak summed RSS of this process and its children, overall and after a quarter of the reports."""

    def __init__(self, reports: int) -> None:
        self.me = psutil.Process()
        self.peak = self.quarter_peak = 0
        self.quarter, self.done = max(1, reports // 4), 0
        self.running = True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _rss(self) -> int:
        total = 0
        for process in [self.me, *self.me.children(recursive=True)]:
            try:
                total += process.memory_info().rss
            except psutil.Error:
                pass
        return total

    def _sample(self) -> None:
        while self.running:
            self.peak = max(self.peak, self._rss())
            time.sleep(0.1)

    def built(self, result) -> None:
        self.done += 1
        if self.done == self.quarter:
            self.quarter_peak = self.peak

    def stop(self) -> int:
        self.running = False
        self.thread.join()
        return self.peak


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def one_build(files: list[Path], jobs: int, work: Path, cache: Path, with_store: bool) -> dict:
    out, store = work / f"out-{jobs}", work / f"store-{jobs}"
    sampler = MemorySampler(len(files))
    cpu_before = cpu_seconds()
    start = time.perf_counter()
    written = write_corpus(
        build_corpus(files, jobs=jobs, cache=cache, observer=sampler),
        out,
        "nq",
        store=store if with_store else None,
    )
    wall = time.perf_counter() - start
    cpu = cpu_seconds() - cpu_before
    peak = sampler.stop()
    built = [r for r in written.results if r.built]
    return {
        "jobs": jobs,
        "wall": wall,
        "cpu": cpu,
        "reports": len(built),
        "failed": len(written.failed),
        "chars": sum(r.chars for r in built),
        "triples": written.counts.get("triples", 0),
        "peak": peak,
        "quarter_peak": sampler.quarter_peak,
        "store": store,
        "graph": written.files[0],
        "failures": [f"{r.source.name}: {r.error}" for r in written.failed],
    }


def cpu_seconds() -> float:
    """User and system CPU seconds of this process and of its ended children (the workers: they end
    with each build)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def time_questions(store_dir: Path, region: str, timeout: float) -> None:
    """Print the wall time and rows of every saved question on an on-disk store, unfiltered and for one region."""
    store = open_store_dir(store_dir)
    print(f"| question | all reports: s | rows | region={region}: s | rows |")
    print("|---|---|---|---|---|", flush=True)
    for saved in saved_queries():
        names = {p.name: region for p in saved.params}  # a question about one name is asked about the region
        cells = []
        for filters in ({}, {"region": region}):
            start = time.perf_counter()
            try:
                rows = len(run(store, saved.name, timeout=timeout, **names, **filters).rows)
            except QueryError:
                rows = "stopped"
            cells += [f"{time.perf_counter() - start:.2f}", str(rows)]
        print(f"| {saved.name} | " + " | ".join(cells) + " |", flush=True)


def timed_question(action) -> str:
    """The time of a saved question, or that the query timeout (30 s) stopped it."""
    try:
        return f"{timed(action) * 1000:,.0f} ms"
    except QueryError:
        return "stopped by the 30 s timeout"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, help="report files or folders (default ../shared/corpus)"
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N report files")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker counts to compare")
    parser.add_argument("--questions", type=Path, help="time every saved question on this built store only")
    parser.add_argument("--region", default="龙华区", help="the region filter of --questions")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds before a question is stopped")
    parser.add_argument(
        "--with-store",
        action="store_true",
        help="the timed builds write the on-disk store too (kg build --store)",
    )
    args = parser.parse_args()
    if args.questions:
        time_questions(args.questions, args.region, args.timeout)
        return
    if not args.paths and not CORPUS.is_dir():
        print(f"Skipped: the shared corpus {CORPUS} is absent; give report files or folders to build.")
        return
    files = report_files(args.paths or [CORPUS])
    files = files[: args.limit] if args.limit else files
    work = Path(tempfile.mkdtemp(prefix="govkg-bench-corpus-"))
    try:
        print(
            "| jobs | wall s | chars | chars/s | CPU s | chars per CPU s | load | peak MB, first quarter "
            "| peak MB, all | triples |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|", flush=True)
        runs = []
        for jobs in args.jobs:  # each row printed when measured: a long run shows what it has
            r = one_build(files, jobs, work, work / f"cache-{jobs}", args.with_store)
            runs.append(r)
            print(
                f"| {r['jobs']} | {r['wall']:.1f} | {r['chars']:,} | {r['chars'] / r['wall']:,.0f} "
                f"| {r['cpu']:.1f} | {r['chars'] / r['cpu']:,.0f} | {os.getloadavg()[0]:.1f} "
                f"| {r['quarter_peak'] / 1e6:,.0f} | {r['peak'] / 1e6:,.0f} | {r['triples']:,} |",
                flush=True,
            )
        last = runs[-1]
        stored = None
        if not args.with_store:  # the store written after the build, every report from its cache
            stored = timed(
                lambda: write_corpus(
                    build_corpus(files, jobs=last["jobs"], cache=work / f"cache-{last['jobs']}"),
                    work / "stored",
                    "nq",
                    store=last["store"],
                )
            )
        rebuild = timed(
            lambda: write_corpus(
                build_corpus(files, jobs=last["jobs"], cache=work / f"cache-{last['jobs']}"),
                work / "rebuild",
                "nq",
                store=last["store"],  # the same store: unchanged graphs are left as they are
            )
        )
        opened = open_store_dir(last["store"])
        store_queries = {name: timed_question(lambda name=name: run(opened, name)) for name in QUESTIONS}
        file_query = timed_question(lambda: run([last["graph"]], QUESTIONS[0]))
        store_mb = size_of(last["store"]) / 1e6
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"{len(files)} report files, {last['reports']} built, {last['failed']} failed")
    for failure in last["failures"]:
        print(f"  failed: {failure}")
    print()
    if len(runs) > 1:
        print(f"speed-up {runs[0]['jobs']} → {last['jobs']} jobs: {runs[0]['wall'] / last['wall']:.2f}×")
    triples = last["triples"]
    print(f"triples per report: {triples / max(1, last['reports']):,.0f}")
    print(
        f"store: {store_mb:,.1f} MB for {triples:,} triples = {store_mb / (triples / 1e6):,.0f} MB per million"
    )
    if stored is not None:
        print(f"store written after the build, every report from the cache: {stored:.1f} s")
    print(
        f"rebuild, nothing changed: {rebuild:.1f} s ({rebuild / last['wall']:.1%} of the {last['jobs']}-job build)"
    )
    asked = ", ".join(f"{name} {answer}" for name, answer in store_queries.items())
    print(f"saved questions on the store: {asked}")
    print(f"{QUESTIONS[0]} on the graph file (parse, then ask): {file_query}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
