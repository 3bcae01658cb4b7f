"""Regression guard on unseen text: two invented reports built and graded by the shared scorer.

tests/fixtures/reports/ holds two reports written for this test, in the genre but about invented
regions (none of the bundled report's names): a 2021 county report heard at a December meeting, with
quotes kept, a 十三五 review with 年均 growth and figures in Chinese numerals (linxi-2021.txt), and a
2022 city-district report in traditional characters (haicheng-2022.txt). Each has a gold file in the
format of ../shared/eval/gold/, written by hand from GUIDELINES.md before the extractor ran on it.

Thresholds sit just below the scores last measured (entities F1 0.926 and 0.927, observations F1
0.970 and 0.940): a drop means a rule stopped generalising.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import build_reports, write_graph

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "tests" / "fixtures" / "reports"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"

#: report file → (minimum entities F1, minimum observations F1).
THRESHOLDS = {
    "linxi-2021.txt": (0.90, 0.95),
    "haicheng-2022.txt": (0.90, 0.92),
}


def score(report: Path, out: Path) -> tuple[float, float]:
    """Build ``report`` into ``out`` and return score.py's (entities F1, observations F1)."""
    graph = write_graph(build_reports([report]), out, "ttl")
    gold = report.with_suffix(".gold.json")
    result = subprocess.run(
        [sys.executable, str(SCORER), str(graph), "--gold", str(gold)],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = re.search(r"entities F1 ([\d.]+) observations F1 ([\d.]+)", result.stdout)
    assert summary, result.stdout
    return float(summary.group(1)), float(summary.group(2))


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py is not present")
@pytest.mark.parametrize("name", sorted(THRESHOLDS))
def test_invented_report_scores_above_threshold(name, tmp_path):
    entities, observations = score(REPORTS / name, tmp_path)
    min_entities, min_observations = THRESHOLDS[name]
    assert entities >= min_entities
    assert observations >= min_observations


def test_every_invented_report_has_a_gold_file():
    reports = sorted(p.name for p in REPORTS.glob("*.txt"))
    assert reports == sorted(THRESHOLDS)
    assert all((REPORTS / name).with_suffix(".gold.json").exists() for name in reports)
