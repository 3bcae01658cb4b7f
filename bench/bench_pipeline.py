"""Throughput of the whole pipeline (ingest → extract → link → build) on one core.

The tagger runs its ONNX model on one thread (kg/extract/tagger.py), so this is one core's speed.
The build stage is what a corpus build runs: the report's triples written as N-Quads.

By default repeats the bundled report to about 500k characters and times each stage in one run
(many copies fill the tagger's batches as no single report does); given report files, builds each
in turn, as a corpus build does, and sums each stage's time over them.

    .venv/bin/python bench/bench_pipeline.py [--chars 500000]
    .venv/bin/python bench/bench_pipeline.py ../shared/corpus/sz-*.txt
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.build import build_triples
from kg.extract import extract
from kg.ingest import ingest, ingest_text, read_text
from kg.link import link

REPORT = Path(__file__).resolve().parent.parent / "data" / "shigu-2019-gov-work-report.txt"
STAGES = ("ingest", "extract", "link", "build")


def timed_stages(source, timings: dict[str, float]) -> tuple[int, int, int]:
    """Run the stages on one text or file, adding each stage's seconds to ``timings``;
    return its characters, sentences and triples."""
    value = source
    for stage, run in (
        ("ingest", ingest_text if isinstance(source, str) else ingest),
        ("extract", extract),
        ("link", link),
        ("build", lambda linked: build_triples(linked).nquads(linked.report_iri)),
    ):
        mark = time.perf_counter()
        value = run(value)
        timings[stage] += time.perf_counter() - mark
        if stage == "ingest":
            doc = value
    return len(doc.text), len(doc.sentences), value.count(b"\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "reports", nargs="*", type=Path, help="report files (default: the bundled report repeated)"
    )
    parser.add_argument("--chars", type=int, default=500_000)
    args = parser.parse_args()
    # the normalised body (site chrome such as the 相关阅读 tail removed), so every copy is kept
    seed = ingest_text(read_text(REPORT)).text  # also loads lazy resources outside the timed run
    extract(ingest_text(seed[:2000]))  # load the tagger model
    sources = args.reports or ["\n".join([seed] * max(1, round(args.chars / len(seed))))]
    timings = dict.fromkeys(STAGES, 0.0)
    chars = sentences = triples = 0
    for source in sources:
        counts = timed_stages(source, timings)
        chars, sentences, triples = chars + counts[0], sentences + counts[1], triples + counts[2]
    total = sum(timings.values())
    print(f"{len(sources)} text(s), {chars:,} characters, {sentences:,} sentences, {triples:,} triples")
    print(f"{'stage':<10}{'seconds':>10}{'chars/s':>12}")
    for stage, seconds in timings.items():
        print(f"{stage:<10}{seconds:>10.2f}{chars / seconds:>12,.0f}")
    print(f"{'total':<10}{total:>10.2f}{chars / total:>12,.0f}")


if __name__ == "__main__":
    main()
