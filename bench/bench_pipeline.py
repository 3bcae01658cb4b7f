"""Throughput of the whole pipeline (ingest → extract → link → build) on one core.

The tagger runs its ONNX model on one thread (kg/extract/tagger.py), so this is one core's speed.

Repeats the bundled report to about 500k characters and times each stage in one run.

    .venv/bin/python bench/bench_pipeline.py [--chars 500000]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.build import build
from kg.extract import extract
from kg.ingest import ingest_text, read_text
from kg.link import link

REPORT = Path(__file__).resolve().parent.parent / "data" / "shigu-2019-gov-work-report.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=500_000)
    args = parser.parse_args()
    # the normalised body (site chrome such as the 相关阅读 tail removed), so every copy is kept
    seed = ingest_text(read_text(REPORT)).text  # also loads lazy resources outside the timed run
    text = "\n".join([seed] * max(1, round(args.chars / len(seed))))
    extract(ingest_text(seed[:2000]))  # load the tagger model
    timings, value = {}, text
    start = time.perf_counter()
    for stage, run in (("ingest", ingest_text), ("extract", extract), ("link", link), ("build", build)):
        mark = time.perf_counter()
        value = run(value)
        timings[stage] = time.perf_counter() - mark
        if stage == "ingest":
            doc = value
    total = time.perf_counter() - start
    graph = value
    print(f"{len(text):,} characters, {len(doc.sentences):,} sentences, {len(graph):,} triples")
    print(f"{'stage':<10}{'seconds':>10}{'chars/s':>12}")
    for stage, seconds in timings.items():
        print(f"{stage:<10}{seconds:>10.2f}{len(text) / seconds:>12,.0f}")
    print(f"{'total':<10}{total:>10.2f}{len(text) / total:>12,.0f}")


if __name__ == "__main__":
    main()
