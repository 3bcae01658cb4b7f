"""Tests of kg.build: the RDF shape, provenance links, SHACL conformance, deterministic output."""

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.build import build, load_graph, number, serialise, write_graph
from kg.errors import GraphError, InputError
from kg.link import link
from kg.types import Document, Extraction, Mention, Observation, Relation, Section, Sentence
from kg.validate import validate_graph
from kg.vocab import term

TEXT = "一、2020年工作回顾\n实现地区生产总值120.5亿元，增长7.2%。白鹭湾新城在红星镇开工。\n"


def extraction():
    s0, s1 = TEXT.index("实现"), TEXT.index("白鹭湾")
    doc = Document(
        text=TEXT,
        sections=(Section(0, "一、2020年工作回顾", 1, 0, len(TEXT)),),
        sentences=(
            Sentence(0, TEXT[s0:s1], s0, s1, 0, 2020, "review"),
            Sentence(1, TEXT[s1:-1], s1, len(TEXT) - 1, 0, 2020, "review"),
        ),
        source="qingshan.txt",
        title="2021年青山县政府工作报告",
        region="青山县",
        region_full="江西省赣州市青山县",
        region_level="county",
        year=2021,
        checksum="abc",
    )
    return Extraction(
        doc,
        mentions=(
            Mention("白鹭湾新城", "Project", 1, s1, s1 + 5, "白鹭湾新城"),
            Mention("红星镇", "Place", 1, s1 + 6, s1 + 9, "红星镇"),
        ),
        observations=(
            Observation(
                "地区生产总值", 120.5, "亿元", 2020, "actual", 0, s0, s0 + 14, None, TEXT[s0 : s0 + 14]
            ),
            Observation("地区生产总值", 7.2, "%", 2020, "growth", 0, s0 + 15, s0 + 21, None, "增长7.2%"),
        ),
        relations=(
            Relation("白鹭湾新城", "Project", "locatedIn", "红星镇", "Place", 1, s1, s1 + 9),
            Relation("白鹭湾新城", "Project", "status", "started", None, 1, s1, s1 + 12),
        ),
    )


@pytest.fixture
def graph():
    return build(link(extraction()))


def test_observations_carry_indicator_value_unit_year_kind_and_evidence(graph):
    (obs,) = [o for o in graph.subjects(term("kind"), term("actual"))]
    assert graph.value(obs, term("value")) == number(120.5)
    assert str(graph.value(obs, term("unit"))) == "亿元"
    assert str(graph.value(obs, term("year"))) == "2020"
    indicator = graph.value(obs, term("indicator"))
    assert str(graph.value(indicator, RDFS.label)) == "地区生产总值"
    sentence = graph.value(obs, term("evidence"))
    assert str(graph.value(sentence, term("text"))).startswith("实现地区生产总值120.5亿元")
    assert str(graph.value(sentence, term("aboutYear"))) == "2020"


def test_every_entity_links_to_a_sentence_and_the_report(graph):
    report = next(graph.subjects(RDF.type, term("Report")))
    for type_ in ("Project", "Place"):
        for node in graph.subjects(RDF.type, term(type_)):
            if (report, term("region"), node) in graph:
                continue
            assert list(graph.objects(node, term("mentionedIn")))
            assert graph.value(node, term("inReport")) == report


def test_relations_are_direct_triples_with_a_reified_evidence_statement(graph):
    project = next(graph.subjects(SKOS.prefLabel, Literal("白鹭湾新城", lang="zh")))
    place = graph.value(project, term("locatedIn"))
    assert str(graph.value(place, SKOS.prefLabel)) == "红星镇"
    (statement,) = graph.subjects(RDF.predicate, term("locatedIn"))
    assert graph.value(statement, RDF.subject) == project
    assert graph.value(statement, term("evidence")) is not None
    record = graph.value(project, term("hasStatus"))
    assert graph.value(record, term("status")) == term("started")
    assert str(graph.value(record, term("year"))) == "2020"


def test_report_metadata(graph):
    report = next(graph.subjects(RDF.type, term("Report")))
    assert str(report) == "https://w3id.org/govkg/id/report/江西省赣州市青山县/2021"
    assert str(graph.value(report, term("reportYear"))) == "2021"
    region = graph.value(report, term("region"))
    assert str(graph.value(region, term("fullName"))) == "江西省赣州市青山县"
    assert graph.value(region, term("adminLevel")) == term("county")


def test_built_graph_conforms_to_the_shapes(graph):
    report = validate_graph(graph)
    assert report.conforms, report.violations


def test_a_broken_graph_does_not_conform(graph):
    obs = next(graph.subjects(term("kind"), term("actual")))
    graph.remove((obs, term("evidence"), None))
    report = validate_graph(graph)
    assert not report.conforms
    assert any(str(obs) in v for v in report.violations)


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld", "trig"])
def test_serialisation_is_byte_identical_across_builds(fmt):
    from rdflib import Dataset

    def dataset():
        ds = Dataset()
        named = ds.graph(URIRef("urn:report"))
        for triple in build(link(extraction())):
            named.add(triple)
        return ds

    text = serialise(dataset(), fmt)
    assert "地区生产总值" in text and "白鹭湾新城" in text
    assert text == serialise(dataset(), fmt)


def test_write_graph_is_atomic_and_round_trips(tmp_path):
    from rdflib import Dataset

    ds = Dataset()
    for triple in build(link(extraction())):
        ds.add(triple)
    target = write_graph(ds, tmp_path / "out", "ttl")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["graph.ttl"]
    assert len(load_graph([target])) == len(ds)


def test_output_path_that_is_a_file_is_refused(tmp_path):
    from rdflib import Dataset

    (tmp_path / "f").write_text("x")
    with pytest.raises(InputError, match="is a file"):
        write_graph(Dataset(), tmp_path / "f")


def test_load_graph_errors(tmp_path):
    with pytest.raises(GraphError, match="does not exist"):
        load_graph([tmp_path / "missing.ttl"])
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <", encoding="utf-8")
    with pytest.raises(GraphError, match="cannot be parsed"):
        load_graph([bad])


def test_converted_turtle_and_trig_parse_back_whatever_the_iri():
    # Oxigraph writes …/indicator/20. as id:indicator\/20\. (valid Turtle) which rdflib refuses.
    from rdflib import Dataset, Graph

    from kg.build import convert_nquads

    quad = '<https://w3id.org/govkg/id/indicator/20.> <http://www.w3.org/2000/01/rdf-schema#label> "20."@zh <urn:g> .\n'
    turtle = Graph().parse(data=convert_nquads(quad.encode(), "ttl").decode(), format="turtle")
    trig = Dataset().parse(data=convert_nquads(quad.encode(), "trig").decode(), format="trig")
    assert len(turtle) == 1 and len(list(trig.quads())) == 1
