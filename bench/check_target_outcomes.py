"""Check the saved question target_outcomes against the hand-read GDP table of the shared corpus.

For every region with two consecutive reports in ``../shared/eval/gdp/dev.json`` (files named
REGION-YEAR.txt, a second copy REGION-YEARb.txt), the gold pair is the GDP growth target of report Y
(``gdp_target``) and the growth of year Y that report Y+1 states (``gdp_growth``). The answer is
every row of ``target_outcomes`` for that region and year whose indicator is a GDP indicator (the
scorer's own pattern, ``score_gdp.GDP``) in %: one distinct (target, actual) pair agrees when it
matches the gold within the scorer's tolerance; several distinct pairs are counted as ambiguous.

    .venv/bin/python bench/check_target_outcomes.py --files '../shared/corpus/sz-*.txt' --built GRAPH [--show]
    .venv/bin/python bench/check_target_outcomes.py          # builds the whole corpus first (minutes)

Only the regions of ``--files`` (default: the whole corpus) are checked.

Prints one line per gold pair with ``--show``, then the agreement.
"""

from __future__ import annotations

import argparse
import glob
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "eval"))
sys.path.insert(0, str(ROOT))

from score_gdp import GDP, same

from kg.query import run
from kg.store import load

_STEM = re.compile(r"^(?P<region>.+)-(?P<year>\d{4})b?$")
_SOURCES = """SELECT DISTINCT ?report ?source WHERE {
  ?r a gov:Report ; dcterms:source ?source . BIND(STRAFTER(STR(?r), "/id/report/") AS ?report) }"""


def stem_region_year(path: str) -> tuple[str, int] | None:
    """The region key and year of a corpus file name.

    >>> stem_region_year("/x/sz-baoan-2016b.txt")
    ('sz-baoan', 2016)
    """
    match = _STEM.match(Path(path).stem)
    return (match["region"], int(match["year"])) if match else None


def gold_pairs(gold: list[dict]) -> dict[tuple[str, int], tuple[float | None, float | None]]:
    """(region, Y) → (GDP growth target of report Y, growth of Y stated by report Y+1), for every region
    with reports of Y and Y+1 (the first copy's value when a year has two)."""
    cells: dict[tuple[str, int], dict] = {}
    for entry in sorted(gold, key=lambda e: e["file"]):
        key = stem_region_year(entry["file"])
        if key:
            cell = cells.setdefault(key, {})
            for name in ("gdp_target", "gdp_growth"):
                if cell.get(name) is None and entry.get(name):
                    cell[name] = entry[name]["value"]
    pairs = {}
    for (region, year), cell in sorted(cells.items()):
        following = cells.get((region, year + 1))
        if following is not None:
            pairs[(region, year)] = (cell.get("gdp_target"), following.get("gdp_growth"))
    return pairs


def answered_pairs(graph: Path) -> dict[tuple[str, int], set[tuple[float, float | None]]]:
    """(region, Y) → the distinct (target, actual) of GDP rows of target_outcomes in the built graph."""
    store = load([graph])
    regions = defaultdict(set)
    for report, source in run(store, _SOURCES).rows:
        key = stem_region_year(source)
        if key:
            regions[report].add(key)
    answers = defaultdict(set)
    for row in run(store, "target_outcomes").records():
        keys = regions.get(row["report"], set())
        if len(keys) != 1 or row["unit"] != "%" or not GDP.match(row["indicator"]):
            continue  # a report read from several regions' files is not told apart
        answers[next(iter(keys))].add((row["target"], row["actual"]))
    return answers


def agrees(gold: float | None, value: float | None) -> bool:
    """True when a cell matches the gold (both absent counts as agreeing)."""
    if gold is None or value is None:
        return gold is None and value is None
    return same(float(gold), float(value))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--built", type=Path, help="a built graph of the corpus (kg build … --format trig)")
    parser.add_argument("--files", default=str(SHARED / "corpus" / "*.txt"), help="corpus files to build")
    parser.add_argument("--gold", type=Path, default=SHARED / "eval" / "gdp" / "dev.json")
    parser.add_argument("--show", action="store_true", help="print every gold pair beside the answer")
    args = parser.parse_args(argv)
    if not args.gold.is_file():
        print(f"Error: the gold table {args.gold} does not exist: give --gold.", file=sys.stderr)
        return 1
    files = sorted(glob.glob(args.files))
    if not files:
        print(f"Error: no corpus file matches {args.files}: give --files.", file=sys.stderr)
        return 1
    graph = args.built
    if graph is None:
        from kg.build import build_reports, write_graph

        graph = write_graph(build_reports(files), tempfile.mkdtemp(prefix="across-"), "trig")
    elif not graph.is_file():
        print(f"Error: the graph {graph} does not exist: build it with kg build.", file=sys.stderr)
        return 1
    regions = {key[0] for key in map(stem_region_year, files) if key}
    gold = gold_pairs(json.loads(args.gold.read_text(encoding="utf-8")))
    answers = answered_pairs(graph)
    counts = defaultdict(int)
    for (region, year), (target, actual) in gold.items():
        if region not in regions:
            continue
        found = answers.get((region, year), set())
        counts["pairs"] += 1
        if len(found) > 1:
            counts["ambiguous"] += 1
        if not found:
            counts["no answer"] += 1
        (got_target, got_actual) = next(iter(found)) if len(found) == 1 else (None, None)
        # no row is the right answer when the report sets no GDP target and the next states no growth
        target_ok = len(found) <= 1 and agrees(target, got_target)
        actual_ok = len(found) <= 1 and agrees(actual, got_actual)
        counts["target agrees"] += target_ok
        counts["actual agrees"] += actual_ok
        counts["both agree"] += target_ok and actual_ok
        if target is not None:  # without a target there is no row to give, whatever the next report says
            counts["with a target"] += 1
            counts["with a target, both agree"] += target_ok and actual_ok
        if args.show:
            shown = sorted(found, key=str)
            print(
                f"{region:<14}{year}  gold {target!s:>5} → {actual!s:<5}  answer {shown}  {'ok' if target_ok and actual_ok else ''}"
            )
    pairs = counts["pairs"] or 1
    print(
        f"gold pairs {counts['pairs']}  target agrees {counts['target agrees']} ({counts['target agrees'] / pairs:.0%})"
        f"  actual agrees {counts['actual agrees']} ({counts['actual agrees'] / pairs:.0%})"
        f"  both {counts['both agree']} ({counts['both agree'] / pairs:.0%})"
        f"  ambiguous {counts['ambiguous']}  no answer {counts['no answer']}"
    )
    targeted = counts["with a target"] or 1
    print(
        f"of the {counts['with a target']} pairs whose report sets a GDP growth target, both agree in "
        f"{counts['with a target, both agree']} ({counts['with a target, both agree'] / targeted:.0%})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
