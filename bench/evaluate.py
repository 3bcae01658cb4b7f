"""Grade extraction with the shared scorers: the bundled report, the dev excerpts and the GDP table.

Builds with ``kg build --split`` (one Turtle file per report, in parallel, as a user would) into a
temporary folder and prints:

- the bundled report: score.py's per-type table (normal and --strict);
- the dev excerpts (``../shared/eval/dev/dNN.txt`` with gold ``dNN.json``): one line each and the means;
- the GDP table (``../shared/eval/gdp/dev.json``): score_gdp.py over the corpus reports, or over the
  reports named on the command line.

    .venv/bin/python bench/evaluate.py [REPORT ...] [--eval ../shared/eval] [--jobs N] [--show-misses]
    .venv/bin/python bench/evaluate.py --only dev          # bundled, dev, gdp or all (default)

Skips what ``--eval`` does not hold, with a reason.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(paths: list[Path], out: Path, jobs: int) -> None:
    """``kg build PATHS --out OUT --split``: one Turtle file per report (failures are reported, not fatal)."""
    command = [sys.executable, "-m", "kg.cli", "build", *map(str, paths), "--out", str(out), "--split", "-q"]
    subprocess.run([*command, "--jobs", str(jobs), "--no-cache"], check=False)


def score(graph: Path, gold: Path, *extra: str) -> str:
    """score.py's output for one graph (its last line is the summary)."""
    args = [sys.executable, str(gold.parent.parent / "score.py"), str(graph), "--gold", str(gold), *extra]
    args += ["--ontology", *map(str, sorted((ROOT / "ontology").glob("*.ttl")))]
    return subprocess.run(args, capture_output=True, text=True, check=False).stdout


def bundled(eval_dir: Path, out: Path, jobs: int, misses: bool) -> None:
    report = ROOT / "data" / "shigu-2019-gov-work-report.txt"
    build([report], out / "bundled", jobs)
    graph = out / "bundled" / f"{report.stem}.ttl"
    for extra in ([], ["--strict"]):
        print(f"## bundled report, score.py {' '.join(extra) or '(normal)'}")
        print(
            score(
                graph, eval_dir / "gold" / "shigu-2019.json", *extra, *(["--show-misses"] if misses else [])
            )
        )


def dev(eval_dir: Path, out: Path, jobs: int) -> None:
    texts = sorted((eval_dir / "dev").glob("d*.txt"))
    if not texts:
        print(f"## dev excerpts: skipped, {eval_dir / 'dev'} holds none")
        return
    build(texts, out / "dev", jobs)
    print("## dev excerpts (entities F1 / observations F1)")
    entities, observations = [], []
    for text in texts:
        last = score(out / "dev" / f"{text.stem}.ttl", text.with_suffix(".json")).strip().splitlines()[-1:]
        words = last[0].split() if last else []
        e, o = (float(words[2]), float(words[5])) if len(words) >= 6 else (0.0, 0.0)
        entities.append(e)
        observations.append(o)
        print(f"{text.stem}  {e:.3f} / {o:.3f}")
    n = len(texts)
    print(
        f"mean {sum(entities) / n:.3f} / {sum(observations) / n:.3f}; lowest {min(entities):.3f} / {min(observations):.3f}"
    )


def gdp(eval_dir: Path, out: Path, jobs: int, reports: list[Path], misses: bool) -> None:
    gold_file = eval_dir / "gdp" / "dev.json"
    corpus = eval_dir.parent / "corpus"
    if not gold_file.exists():
        print(f"## GDP table: skipped, {gold_file} does not exist")
        return
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    paths = reports or [corpus / g["file"] for g in gold if (corpus / g["file"]).exists()]
    if not paths:
        print(f"## GDP table: skipped, no report of the table found in {corpus}")
        return
    build(paths, out / "gdp", jobs)
    names = {p.name for p in paths}
    subset = out / "gdp-gold.json"
    subset.write_text(
        json.dumps([g for g in gold if g["file"] in names], ensure_ascii=False), encoding="utf-8"
    )
    print(f"## GDP table over {len(names)} reports")
    command = [
        sys.executable,
        str(eval_dir / "score_gdp.py"),
        "--gold",
        str(subset),
        "--built",
        str(out / "gdp"),
    ]
    subprocess.run([*command, *(["--show-misses"] if misses else [])], check=False)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "reports", nargs="*", type=Path, help="corpus reports for the GDP table (default: all)"
    )
    parser.add_argument(
        "--eval", type=Path, default=ROOT.parent / "shared" / "eval", help="the shared eval folder"
    )
    parser.add_argument("--only", choices=("all", "bundled", "dev", "gdp"), default="all")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    if not (args.eval / "score.py").exists():
        print(
            f"Error: {args.eval / 'score.py'} does not exist: pass --eval with the shared eval folder.",
            file=sys.stderr,
        )
        return 1
    with tempfile.TemporaryDirectory() as temp:
        out = Path(temp)
        if args.only in ("all", "bundled"):
            bundled(args.eval, out, args.jobs, args.show_misses)
        if args.only in ("all", "dev"):
            dev(args.eval, out, args.jobs)
        if args.only in ("all", "gdp"):
            gdp(args.eval, out, args.jobs, args.reports, args.show_misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
