"""Throughput of the whole pipeline (ingest → extract → link → build) on one core.

The tagger runs its ONNX model on one thread (kg/extract/tagger.py), so this is one core's speed.
The build stage is what a corpus build runs: the report's triples written as N-Quads. Each stage's
CPU seconds are counted; extraction is split into the tagger and the rules around it (``mentions``:
the entity rules, ``observations``, ``relations``), so the rules' own cost shows.

By default repeats the bundled report to about 500k characters and times each stage in one run
(many copies fill the tagger's batches as no single report does); given report files, builds each
in turn, as a corpus build does, and sums each stage's time over them.

With ``--against OTHER_WORKTREE`` the same run is repeated ``--rounds`` times in fresh processes, in
turn with this checkout and the other one first on the path (old and new back to back, under the
same load), and the best round of each stage is compared.

    .venv/bin/python bench/bench_pipeline.py [--chars 500000]
    .venv/bin/python bench/bench_pipeline.py ../shared/corpus/sz-*.txt
    .venv/bin/python bench/bench_pipeline.py ../shared/corpus/sz-*.txt --against ../main --rounds 3
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import kg.extract.entities
import kg.extract.observations
import kg.extract.relations
from kg.build import build_triples
from kg.extract import extract
from kg.ingest import ingest, ingest_text, read_text
from kg.link import link

REPORT = Path(__file__).resolve().parent.parent / "data" / "shigu-2019-gov-work-report.txt"
STAGES = ("ingest", "tagger", "mentions", "observations", "relations", "link", "build")
#: The stages of extraction, each timed where ``extract`` looks it up: (module, function, stage).
EXTRACT_STEPS = (
    (kg.extract.entities, "tag", "tagger"),
    (kg.extract.entities, "extract_mentions", "mentions"),
    (kg.extract.observations, "extract_observations", "observations"),
    (kg.extract.relations, "extract_relations", "relations"),
)


def _cpu(run, stage: str, timings: dict[str, float]):
    """``run`` adding its CPU seconds to ``timings[stage]``."""

    def timed(*args):
        mark = time.process_time()
        try:
            return run(*args)
        finally:
            timings[stage] += time.process_time() - mark

    return timed


def time_extraction(timings: dict[str, float]) -> None:
    """Count the CPU seconds of each step of ``extract`` in ``timings`` from now on; the tagger's are
    taken out of ``mentions``, which calls it."""
    for module, name, stage in EXTRACT_STEPS:
        setattr(module, name, _cpu(getattr(module, name), stage, timings))


def timed_stages(source, timings: dict[str, float]) -> tuple[int, int, int]:
    """Run the stages on one text or file, adding each stage's CPU seconds to ``timings``;
    return its characters, sentences and triples."""
    doc = _cpu(ingest_text if isinstance(source, str) else ingest, "ingest", timings)(source)
    linked = _cpu(link, "link", timings)(extract(doc))
    nquads = _cpu(lambda g: build_triples(g).nquads(g.report_iri), "build", timings)(linked)
    return len(doc.text), len(doc.sentences), nquads.count(b"\n")


def measure(sources: list) -> dict:
    """The CPU seconds of each stage over ``sources`` (texts or files) and their counts."""
    timings = dict.fromkeys(STAGES, 0.0)
    time_extraction(timings)
    chars = sentences = triples = 0
    for source in sources:
        counts = timed_stages(source, timings)
        chars, sentences, triples = chars + counts[0], sentences + counts[1], triples + counts[2]
    timings["mentions"] -= timings["tagger"]
    return {
        "texts": len(sources),
        "chars": chars,
        "sentences": sentences,
        "triples": triples,
        "seconds": timings,
    }


def print_table(result: dict) -> None:
    chars, timings = result["chars"], result["seconds"]
    print(
        f"{result['texts']} text(s), {chars:,} characters, {result['sentences']:,} sentences, "
        f"{result['triples']:,} triples; CPU seconds"
    )
    print(f"{'stage':<14}{'seconds':>10}{'chars/s':>12}")
    for stage, seconds in timings.items():
        print(f"{stage:<14}{seconds:>10.2f}{chars / max(seconds, 1e-9):>12,.0f}")
    rules = sum(s for stage, s in timings.items() if stage != "tagger")
    print(f"{'all but tagger':<14}{rules:>10.2f}{chars / rules:>12,.0f}")
    print(f"{'total':<14}{sum(timings.values()):>10.2f}{chars / sum(timings.values()):>12,.0f}")


def compare(args: argparse.Namespace) -> None:
    """Run this script ``args.rounds`` times with each checkout, in turn, and print both best rounds."""
    trees = {"this": Path(__file__).resolve().parent.parent, "other": args.against.resolve()}
    command = [sys.executable, __file__, "--json", "--chars", str(args.chars), *map(str, args.reports)]
    best: dict[str, dict] = {}
    for _ in range(args.rounds):
        for name, tree in trees.items():
            env = {**os.environ, "PYTHONPATH": str(tree)}
            out = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
            result = json.loads(out)
            if name in best:
                for stage, seconds in result["seconds"].items():
                    best[name]["seconds"][stage] = min(best[name]["seconds"][stage], seconds)
            else:
                best[name] = result
    for name, tree in trees.items():
        print(f"{name}: {tree} (best of {args.rounds})")
        print_table(best[name])
    new, old = best["this"]["seconds"], best["other"]["seconds"]
    print(f"{'stage':<14}{'other ÷ this':>14}")
    for stage in STAGES:
        print(f"{stage:<14}{old[stage] / max(new[stage], 1e-9):>14.2f}")
    rules = [sum(s for st, s in t.items() if st != "tagger") for t in (old, new)]
    print(f"{'all but tagger':<14}{rules[0] / rules[1]:>14.2f}")
    print(f"{'total':<14}{sum(old.values()) / sum(new.values()):>14.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "reports", nargs="*", type=Path, help="report files (default: the bundled report repeated)"
    )
    parser.add_argument("--chars", type=int, default=500_000)
    parser.add_argument("--against", type=Path, help="another checkout of govkg to compare with")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each checkout with --against")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if args.against:
        compare(args)
        return
    # the normalised body (site chrome such as the 相关阅读 tail removed), so every copy is kept
    seed = ingest_text(read_text(REPORT)).text  # also loads lazy resources outside the timed run
    extract(ingest_text(seed[:2000]))  # load the tagger model
    sources = args.reports or ["\n".join([seed] * max(1, round(args.chars / len(seed))))]
    result = measure(sources)
    if args.json:
        print(json.dumps(result))
    else:
        print_table(result)


if __name__ == "__main__":
    main()
