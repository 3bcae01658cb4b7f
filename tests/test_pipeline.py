"""End-to-end: the bundled report through ingest → extract → link → build, graded like unseen reports."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF

from kg.build import build_reports, serialise, write_graph
from kg.validate import validate_graph
from kg.vocab import term

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "shigu-2019-gov-work-report.txt"
EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="module")
def dataset():
    return build_reports([REPORT])


@pytest.fixture(scope="module")
def graph_file(dataset, tmp_path_factory):
    return write_graph(dataset, tmp_path_factory.mktemp("out"), "ttl")


def test_bundled_graph_conforms_to_the_shapes(dataset):
    report = validate_graph(dataset)
    assert report.conforms, report.violations[:10]


def test_every_entity_and_observation_links_to_a_sentence(dataset):
    report = next(dataset.subjects(RDF.type, term("Report")))
    region = dataset.value(report, term("region"))
    for type_ in ("Project", "Company", "Place", "Policy", "Organization"):
        nodes = set(dataset.subjects(RDF.type, term(type_)))
        assert nodes, f"no {type_} found"
        for node in nodes - {region}:
            assert any(dataset.objects(node, term("mentionedIn"))), node
    observations = set(dataset.subjects(RDF.type, term("Observation")))
    assert len(observations) > 50
    for node in observations:
        sentence = dataset.value(node, term("evidence"))
        assert (sentence, RDF.type, term("Sentence")) in dataset


def build_in_fresh_process(out, seed):
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(REPORT), "--out", str(out), "-q"], check=True, env=env
    )
    return (out / "graph.ttl").read_bytes()


def test_two_builds_are_byte_identical(tmp_path):
    assert build_in_fresh_process(tmp_path / "a", 1) == build_in_fresh_process(tmp_path / "b", 2)


def test_gbk_copy_gives_the_same_graph_as_utf8(tmp_path, dataset):
    gbk = tmp_path / REPORT.name
    gbk.write_bytes(REPORT.read_text(encoding="utf-8").encode("gb18030"))
    twin = build_reports([gbk])

    def without_source(text):
        return "\n".join(line for line in text.splitlines() if "dcterms:source" not in line)

    assert without_source(serialise(twin, "ttl")) == without_source(serialise(dataset, "ttl"))


def test_html_page_with_scripts_and_navigation(tmp_path):
    body = REPORT.read_text(encoding="utf-8").replace("\n", "</p>\n<p>")
    page = tmp_path / "report.html"
    page.write_text(
        "<html><head><title>首页</title><script>var nav='首页 信息公开';alert(1)</script></head><body>"
        "<nav><a href='/'>首页</a> <a href='/xxgk'>信息公开</a> <a href='/hd'>互动交流</a></nav>"
        f"<div class='content'><p>{body}</p></div><footer>主办单位：某某区人民政府办公室 版权所有</footer>"
        "</body></html>",
        encoding="utf-8",
    )
    graph = build_reports([page])
    texts = " ".join(str(o) for o in graph.objects(None, term("text")))
    assert "alert(1)" not in texts and "版权所有" not in texts
    assert len(set(graph.subjects(RDF.type, term("Observation")))) > 50
    assert len(set(graph.subjects(RDF.type, term("Project")))) > 10


@pytest.mark.skipif(not (EVAL / "score.py").exists(), reason="../shared/eval is not beside the repository")
def test_scores_on_the_bundled_report(graph_file):
    result = subprocess.run(
        [
            sys.executable,
            str(EVAL / "score.py"),
            str(graph_file),
            "--gold",
            str(EVAL / "gold" / "shigu-2019.json"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    last = result.stdout.strip().splitlines()[-1].split()
    entities_f1, observations_f1 = float(last[2]), float(last[5])
    assert entities_f1 >= 0.70, result.stdout
    assert observations_f1 >= 0.80, result.stdout
