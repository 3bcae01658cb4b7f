"""Tests of the `kg` command as a user runs it: exit codes, one plain error sentence, no traceback."""

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "shigu-2019-gov-work-report.txt"


def kg(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def assert_plain_error(result, fragment):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    assert fragment in result.stderr
    assert result.stderr.strip().startswith("Error: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_help_teaches_every_command():
    result = kg("--help")
    assert result.returncode == 0
    for command in ("build", "validate", "extract"):
        assert command in result.stdout
    assert "kg build data/shigu-2019-gov-work-report.txt" in kg("build", "--help").stdout


@pytest.mark.parametrize(
    "content, fragment",
    [
        (b"", "empty"),
        (b"   \n\t  \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" * 20, "binary"),
        (b"Minutes of the board meeting. Revenue grew 5% this year.\n", "no Chinese text"),
    ],
    ids=["empty", "whitespace", "binary", "not-chinese"],
)
def test_bad_input_gives_one_sentence_and_no_output(tmp_path, content, fragment):
    bad = tmp_path / "report.txt"
    bad.write_bytes(content)
    result = kg("build", bad, "--out", tmp_path / "out")
    assert_plain_error(result, fragment)
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_missing_path(tmp_path):
    assert_plain_error(kg("build", tmp_path / "nope.txt", "--out", tmp_path / "out"), "does not exist")


def test_unknown_format(tmp_path):
    assert_plain_error(kg("build", REPORT, "--out", tmp_path, "--format", "xml"), "Unknown format")


def test_validate_missing_graph(tmp_path):
    assert_plain_error(kg("validate", tmp_path / "none.ttl"), "does not exist")


def test_build_validate_and_extract_the_bundled_report(tmp_path):
    result = kg("build", REPORT, "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Project" in result.stderr and "Observation" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]
    assert kg("validate", tmp_path / "graph.ttl").returncode == 0
    extracted = kg("extract", REPORT, "--json")
    assert extracted.returncode == 0
    assert '"indicator": "地区生产总值"' in extracted.stdout


def test_multi_file_build_writes_one_named_graph_per_report(tmp_path):
    other = tmp_path / "copy.txt"
    other.write_text(
        REPORT.read_text(encoding="utf-8").replace("2019", "2020").replace("2018", "2019"), encoding="utf-8"
    )
    result = kg("build", REPORT, other, "--out", tmp_path / "out", "--format", "trig")
    assert result.returncode == 0, result.stderr
    dataset = Dataset()
    dataset.parse(tmp_path / "out" / "graph.trig", format="trig")
    names = sorted(str(g.identifier) for g in dataset.graphs() if len(g) and "report/" in str(g.identifier))
    assert names == [
        "https://w3id.org/govkg/id/report/430407/2019",
        "https://w3id.org/govkg/id/report/430407/2020",
    ]


def test_extract_says_how_year_region_and_parts_were_decided(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(
        "各位代表:\n现在,我代表青山县人民政府向大会报告工作。\n一、迎难而上,发展取得新成效\n"
        "2023年全县生产总值完成了120亿元,增长了5%。\n二、乘势而上,开创新局面\n今年要力争增长6%左右。要加快推进改革。",
        encoding="utf-8",
    )
    result = kg("extract", report)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "year 2024 (review 2023, plan 2024): from the latest year the review names"
    assert lines[1] == "region: not found"
    assert lines[2].startswith("part of 迎难而上,发展取得新成效: review, from its sentences (sentence model")
    assert lines[3].startswith("part of 乘势而上,开创新局面: plan, from its sentences (sentence model")
