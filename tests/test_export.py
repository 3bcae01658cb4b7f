"""kg.export: GEXF, GraphML and CSV round trips of the fixture graph."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest

from kg.export import export
from kg.network import ViewError, to_networkx

FIXTURE = Path(__file__).parent / "fixtures" / "viz-mini.ttl"
PROJECT = "https://w3id.org/govkg/id/project/江西省九江市濂溪区/滨江大道改造工程"


@pytest.fixture(scope="module")
def G():
    return to_networkx(FIXTURE)


@pytest.mark.parametrize(("fmt", "read"), [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_graph_formats_round_trip(G, tmp_path, fmt, read):
    [path] = export(G, fmt, tmp_path / f"graph.{fmt}")
    H = read(path)
    assert (H.number_of_nodes(), H.number_of_edges()) == (11, 7)
    project = H.nodes[PROJECT]
    assert project["label"] == "滨江大道改造工程"
    assert json.loads(project["aliases"]) == ["滨江大道工程"]
    assert json.loads(project["provenance"])[0]["sentence"] == "十里街道滨江大道改造工程加快建设。"


def test_csv_writes_nodes_and_edges(G, tmp_path):
    paths = export(G, "csv", tmp_path / "csv")
    assert [p.name for p in paths] == ["nodes.csv", "edges.csv"]
    with paths[0].open(encoding="utf-8", newline="") as handle:
        nodes = list(csv.DictReader(handle))
    with paths[1].open(encoding="utf-8", newline="") as handle:
        edges = list(csv.DictReader(handle))
    assert len(nodes) == 11 and len(edges) == 7
    labels = {row["label"] for row in nodes}
    assert {"<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'} <= labels
    project = next(row for row in nodes if row["id"] == PROJECT)
    assert (project["type"], project["status"], project["deadline"]) == (
        "Project",
        "underConstruction",
        "年底前",
    )
    assert sorted({row["label"] for row in edges}) == ["位于", "参与", "属于", "指标"]


def test_csv_is_deterministic(G, tmp_path):
    first = [p.read_bytes() for p in export(G, "csv", tmp_path / "a")]
    second = [p.read_bytes() for p in export(G, "csv", tmp_path / "b")]
    assert first == second


def test_unknown_format(G, tmp_path):
    with pytest.raises(ViewError, match="Unknown export format 'dot'"):
        export(G, "dot", tmp_path / "graph.dot")


def test_csv_into_a_file_is_refused(G, tmp_path):
    existing = tmp_path / "nodes.csv"
    existing.write_text("", encoding="utf-8")
    with pytest.raises(ViewError, match="into a directory"):
        export(G, "csv", existing)


def test_gexf_into_a_directory_is_refused(G, tmp_path):
    with pytest.raises(ViewError, match="is a directory"):
        export(G, "gexf", tmp_path)


def test_cli_export_csv(tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    out = tmp_path / "csv"
    result = CliRunner().invoke(
        app, ["export", str(FIXTURE), "--format", "csv", "--out", str(out), "--types", "Place"]
    )
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {out / 'nodes.csv'}\nWrote {out / 'edges.csv'}\n"
    assert (out / "nodes.csv").read_text(encoding="utf-8").count("\n") == 3


def test_cli_export_unknown_format(tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    result = CliRunner().invoke(
        app, ["export", str(FIXTURE), "--format", "dot", "--out", str(tmp_path / "g.dot")]
    )
    assert result.exit_code == 1
    assert "Unknown export format 'dot'" in result.output
