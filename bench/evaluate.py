"""Grade the graph of the bundled report with the shared scorer (../shared/eval/score.py).

Builds data/shigu-2019-gov-work-report.txt into a temporary directory and prints score.py's
per-type table, normal and --strict (observation kinds graded).

    .venv/bin/python bench/evaluate.py [--show-misses] [--eval ../shared/eval]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--eval", type=Path, default=ROOT.parent / "shared" / "eval", help="folder with score.py"
    )
    parser.add_argument("--report", type=Path, default=ROOT / "data" / "shigu-2019-gov-work-report.txt")
    parser.add_argument("--gold", type=Path, default=None, help="gold file (default: gold/shigu-2019.json)")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    score = args.eval / "score.py"
    if not score.exists():
        print(
            f"Error: {score} does not exist: pass --eval with the folder holding score.py.", file=sys.stderr
        )
        return 1
    gold = args.gold or args.eval / "gold" / "shigu-2019.json"
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-m", "kg.cli", "build", str(args.report), "--out", out, "-q"], check=True
        )
        graph = str(Path(out) / "graph.ttl")
        for extra in ([], ["--strict"]):
            print(f"## score.py {' '.join(extra) or '(normal)'}")
            misses = ["--show-misses"] if args.show_misses and not extra else []
            subprocess.run(
                [sys.executable, str(score), graph, "--gold", str(gold), *extra, *misses], check=True
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
