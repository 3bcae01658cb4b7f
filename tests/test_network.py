"""kg.network: the built RDF graph as a networkx graph of things (fixture answers counted by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from kg.errors import GraphError
from kg.network import ViewError, to_networkx

FIXTURE = Path(__file__).parent / "fixtures" / "viz-mini.ttl"
ID = "https://w3id.org/govkg/id/"
PROJECT = ID + "project/江西省九江市濂溪区/滨江大道改造工程"
REGION = ID + "place/江西省九江市濂溪区"
GDP = ID + "indicator/地区生产总值"


@pytest.fixture(scope="module")
def G():
    return to_networkx(FIXTURE)


def test_default_nodes_are_entities_and_indicators(G):
    types = sorted(kind for _, kind in G.nodes(data="type"))
    assert types == [
        "Company", "Company", "Indicator", "Indicator", "Organization",
        "Place", "Place", "Policy", "Project", "Project", "Project",
    ]  # fmt: skip


def test_labels_are_names_never_iris(G):
    assert all(not label.startswith("http") for _, label in G.nodes(data="label"))
    assert G.nodes[REGION]["label"] == "濂溪区"


def test_edges_are_relations_with_chinese_labels(G):
    edges = sorted(
        (G.nodes[u]["label"], k, d["label"], G.nodes[v]["label"])
        for u, v, k, d in G.edges(keys=True, data=True)
    )
    assert edges == sorted(
        [
            ('"><img src=x onerror=alert(1)>', "partOf", "属于", "新材料产业园"),
            ("<script>alert(1)</script>", "participatesIn", "参与", '"><img src=x onerror=alert(1)>'),
            ("华能新材料有限公司", "participatesIn", "参与", "新材料产业园"),
            ("十里街道", "locatedIn", "位于", "濂溪区"),
            ("滨江大道改造工程", "locatedIn", "位于", "十里街道"),
            ("濂溪区", "indicator", "指标", "固定资产投资"),
            ("濂溪区", "indicator", "指标", "地区生产总值"),
        ]
    )


def test_project_attributes(G):
    project = G.nodes[PROJECT]
    assert project["aliases"] == ["滨江大道工程"]
    assert (project["status"], project["deadline"]) == ("underConstruction", "年底前")
    assert project["statuses"] == [{"year": 2020, "status": "underConstruction", "deadline": "年底前"}]
    assert project["provenance"] == [
        {
            "sentence": "十里街道滨江大道改造工程加快建设。",
            "section": "一、2019年工作回顾",
            "report": "2020年濂溪区政府工作报告",
        },
        {
            "sentence": "年底前建成滨江大道改造工程，全面推行河长制，区政务服务中心投入使用。",
            "section": "二、2020年工作安排</script><!--",
            "report": "2020年濂溪区政府工作报告",
        },
    ]


def test_indicator_figures(G):
    assert G.nodes[GDP]["figures"] == [
        {
            "year": 2019,
            "kind": "actual",
            "value": 210.5,
            "unit": "亿元",
            "qualifier": "",
            "report": "2020年濂溪区政府工作报告",
        },
        {
            "year": 2020,
            "kind": "target",
            "value": 8.0,
            "unit": "%",
            "qualifier": "左右",
            "report": "2020年濂溪区政府工作报告",
        },
    ]
    assert [p["sentence"][:6] for p in G.nodes[GDP]["provenance"]] == ["全区实现地区", "预期目标：地"]


def test_relation_evidence_comes_from_the_reified_statement(G):
    located = G.edges[PROJECT, ID + "place/江西省九江市濂溪区/十里街道", "locatedIn"]
    assert [p["sentence"] for p in located["provenance"]] == ["十里街道滨江大道改造工程加快建设。"]


def test_policy_definition(G):
    assert G.nodes[ID + "policy/河长制"]["definition"].startswith("由各级党政主要负责人担任河长")


def test_types_selects_nodes_and_drops_their_edges():
    G = to_networkx(FIXTURE, types=["Place", "Indicator"])
    assert G.number_of_nodes() == 4
    assert sorted(k for _, _, k in G.edges(keys=True)) == ["indicator", "indicator", "locatedIn"]


def test_observations_and_provenance_nodes():
    G = to_networkx(FIXTURE, types=["Indicator", "Observation"], include_provenance=True)
    counts = {}
    for _, kind in G.nodes(data="type"):
        counts[kind] = counts.get(kind, 0) + 1
    assert counts == {"Indicator": 2, "Observation": 3, "Sentence": 5, "Report": 1}
    assert sorted(d["label"] for _, d in G.nodes(data=True) if d["type"] == "Observation") == [
        "固定资产投资 2020 目标",
        "地区生产总值 2019 实际值",
        "地区生产总值 2020 目标",
    ]
    keys = sorted(k for _, _, k in G.edges(keys=True))
    assert keys == ["evidence"] * 3 + ["inReport"] * 5 + ["indicator"] * 3


def test_rdflib_graph_and_file_give_the_same_graph(G):
    H = to_networkx(rdflib.Graph().parse(FIXTURE))
    assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))
    assert sorted(H.edges(keys=True)) == sorted(G.edges(keys=True))


def test_two_files_merge(tmp_path):
    extra = tmp_path / "extra.ttl"
    extra.write_text(
        "<https://w3id.org/govkg/id/company/新公司> a <https://w3id.org/govkg/ontology#Company> ;\n"
        '    <http://www.w3.org/2000/01/rdf-schema#label> "新公司"@zh .\n',
        encoding="utf-8",
    )
    assert to_networkx([FIXTURE, extra]).number_of_nodes() == 12


def test_deterministic_order():
    assert list(to_networkx(FIXTURE).nodes) == list(to_networkx(FIXTURE).nodes)


def test_unknown_type_is_a_clear_error():
    with pytest.raises(ViewError, match="Unknown node type 'Projects'"):
        to_networkx(FIXTURE, types=["Projects"])


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("graph.ttl", None, "does not exist: build one with `kg build`"),
        ("graph.ttl", "<a> <b> .", "is not valid RDF"),
        ("graph.txt", "", "has an unknown extension"),
    ],
)
def test_unreadable_graph_files(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(GraphError, match=message):
        to_networkx(path)


def test_clusters_are_nodes(tmp_path):
    extra = tmp_path / "cluster.ttl"
    extra.write_text(
        "@prefix gov: <https://w3id.org/govkg/ontology#> .\n"
        "<https://w3id.org/govkg/id/cluster/江西省九江市濂溪区/新材料产业群> a gov:Cluster ;\n"
        '    <http://www.w3.org/2000/01/rdf-schema#label> "新材料产业群"@zh .\n'
        "<https://w3id.org/govkg/id/company/华能新材料有限公司> gov:partOf\n"
        "    <https://w3id.org/govkg/id/cluster/江西省九江市濂溪区/新材料产业群> .\n",
        encoding="utf-8",
    )
    G = to_networkx([FIXTURE, extra], types=["Company", "Cluster"])
    assert sorted(
        (G.nodes[u]["label"], d["label"], G.nodes[v]["label"]) for u, v, d in G.edges(data=True)
    ) == [("华能新材料有限公司", "属于", "新材料产业群")]
