"""kg.store: loading graph files into named graphs, term conversion, remote endpoints against real servers."""

import http.server
import threading

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg.errors import EndpointError, GraphError, QueryError
from kg.query import run
from kg.serve import free_port
from kg.store import (
    ONTOLOGY_GRAPH,
    STORE_RECORD,
    UPDATES_GRAPH,
    Endpoint,
    StoreDirWriter,
    connect,
    is_update,
    load,
    open_store_dir,
    push,
    python_value,
    query_form,
)
from kg.vocab import ONTOLOGY_FILE

REPORT_GRAPH = "https://w3id.org/govkg/id/report/360402/2019"
MINI_TRIPLES = 302


def graph_triples(store, graph):
    return store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}").rows[0][0]


# ---------------------------------------------------------------- the merge of the report graphs

#: Two report graphs that both describe one shared place (its label), each with a triple of its own.
TWO_REPORTS = (
    "<urn:place> <urn:label> \"甲县\" <urn:a> .\n<urn:a> <urn:year> \"2020\" <urn:a> .\n"
    "<urn:place> <urn:label> \"甲县\" <urn:b> .\n<urn:b> <urn:year> \"2021\" <urn:b> .\n"
)
LABELS = "SELECT ?l WHERE { <urn:place> <urn:label> ?l }"
YEARS = "SELECT ?y WHERE { ?r <urn:year> ?y } ORDER BY ?y"


def two_reports(tmp_path):
    path = tmp_path / "two.nq"
    path.write_text(TWO_REPORTS, encoding="utf-8")
    return load([path], ontology=False)


def test_a_triple_two_report_graphs_state_is_read_once(tmp_path):
    store = two_reports(tmp_path)
    assert store.query(LABELS).rows == [["甲县"]]  # the union view gives it once per graph
    assert store.query("SELECT ?g WHERE { GRAPH ?g { <urn:place> ?p ?o } } ORDER BY ?g").rows == [["urn:a"], ["urn:b"]]
    assert store.query(YEARS).rows == [["2020"], ["2021"]]


def test_a_dump_holds_the_named_graphs_and_on_request_their_merge(tmp_path):
    store = two_reports(tmp_path)
    reloaded = load([store.dump(tmp_path / "again.nq")], ontology=False)
    assert reloaded.graphs() == ["urn:a", "urn:b"] and reloaded.query(LABELS).rows == [["甲县"]]
    with_merge = ox.Store()
    with_merge.load(path=str(store.dump(tmp_path / "merged.nq", merge=True)), format=ox.RdfFormat.N_QUADS)
    assert len(with_merge) == 4 + 3 and len(list(with_merge.quads_for_pattern(None, None, None, ox.DefaultGraph()))) == 3


def test_an_update_changes_what_queries_see_and_keeps_the_merge(tmp_path):
    store = two_reports(tmp_path)
    store.update('INSERT DATA { <urn:c> <urn:year> "2022" }')  # no GRAPH: kept in a graph of its own
    store.update('DELETE DATA { GRAPH <urn:a> { <urn:a> <urn:year> "2020" } }')
    assert store.query(YEARS).rows == [["2021"], ["2022"]]
    assert UPDATES_GRAPH in store.graphs() and store.query(LABELS).rows == [["甲县"]]
    store.update("DROP GRAPH <urn:a>")
    assert store.query(LABELS).rows == [["甲县"]]  # <urn:b> still states it
    store.update("DROP GRAPH <urn:b>")
    assert store.query(LABELS).rows == []


def write_store(path, graphs: dict[str, str]) -> None:
    writer = StoreDirWriter(path)
    for graph, value in graphs.items():
        writer.put(graph, f'<urn:place> <urn:label> "{value}" <{graph}> .\n<{graph}> <urn:year> "{graph[-1]}" <{graph}> .\n'.encode())
    writer.close()


def merge_of(path) -> list:
    store = open_store_dir(path)
    assert store.merged
    default = {str(q.triple) for q in store.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    named = {str(q.triple) for q in store.oxigraph.quads_for_pattern(None, None, None) if q.graph_name != ox.DefaultGraph()}
    assert default == named  # the default graph is exactly the merge of the named graphs
    return store.query("SELECT ?l WHERE { <urn:place> <urn:label> ?l } ORDER BY ?l").rows


def test_a_rebuilt_store_keeps_its_default_graph_the_merge_of_its_graphs(tmp_path):
    path = tmp_path / "store"
    write_store(path, {"urn:a": "甲县", "urn:b": "甲县"})
    assert merge_of(path) == [["甲县"]]
    write_store(path, {"urn:a": "甲县", "urn:b": "甲"})  # b renamed: both names now
    assert merge_of(path) == [["甲"], ["甲县"]]
    write_store(path, {"urn:b": "甲"})  # a dropped: its name goes, b's stays
    assert merge_of(path) == [["甲"]]


def test_a_store_of_the_layout_before_the_merge_is_read_through_the_union_then_rebuilt_whole(tmp_path):
    path = tmp_path / "store"
    write_store(path, {"urn:a": "甲县", "urn:b": "甲县"})
    old = ox.Store(str(path))  # as a store was written before: no merge, keys alone in the record
    old.clear_graph(ox.DefaultGraph())
    del old
    (path / STORE_RECORD).write_text('{"urn:a": "", "urn:b": ""}', encoding="utf-8")
    assert not open_store_dir(path).merged
    assert sorted(open_store_dir(path).query(LABELS).rows) == [["甲县"], ["甲县"]]  # the union, once per graph
    write_store(path, {"urn:a": "甲县", "urn:b": "甲县"})
    assert merge_of(path) == [["甲县"]]


# ---------------------------------------------------------------- loading


def test_a_report_goes_to_the_graph_named_by_its_report_iri(mini_ttl):
    store = load([mini_ttl])
    assert store.graphs() == [REPORT_GRAPH, ONTOLOGY_GRAPH]
    assert graph_triples(store, REPORT_GRAPH) == MINI_TRIPLES


def test_the_ontology_is_not_loaded_twice_when_the_file_holds_it(mini_ttl, tmp_path):
    built_like = tmp_path / "graph.ttl"
    merged = Graph().parse(mini_ttl).parse(ONTOLOGY_FILE)
    built_like.write_text(merged.serialize(format="turtle"), encoding="utf-8")
    store = load([built_like])
    assert store.graphs() == [REPORT_GRAPH]
    assert run(store, "projects").rows[1] == ["城北污水处理厂", "莲花镇", "在建", None, 2019]


@pytest.mark.parametrize(
    ("rdflib_format", "suffix"), [("nt", ".nt"), ("json-ld", ".jsonld"), ("xml", ".rdf")]
)
def test_every_graph_format_loads_the_same_triples(mini_ttl, tmp_path, rdflib_format, suffix):
    path = tmp_path / f"mini{suffix}"
    path.write_text(Graph().parse(mini_ttl).serialize(format=rdflib_format), encoding="utf-8")
    store = load([path])
    assert store.graphs() == [REPORT_GRAPH, ONTOLOGY_GRAPH]
    assert graph_triples(store, REPORT_GRAPH) == MINI_TRIPLES


def test_a_dataset_keeps_its_own_graph_names(mini_ttl, tmp_path):
    triples = Graph().parse(mini_ttl).serialize(format="nt")
    path = tmp_path / "mini.trig"
    path.write_text(f"<https://example.org/g> {{\n{triples}}}\n", encoding="utf-8")
    assert load([path]).graphs() == ["https://example.org/g", ONTOLOGY_GRAPH]


def test_a_file_without_a_report_is_named_by_its_file_uri(tmp_path):
    path = tmp_path / "extra.nt"
    path.write_text('<https://example.org/a> <https://example.org/b> "c" .\n', encoding="utf-8")
    assert load([path], ontology=False).graphs() == [path.resolve().as_uri()]


def test_missing_unknown_and_malformed_files_are_graph_errors(tmp_path):
    with pytest.raises(GraphError, match="does not exist"):
        load([tmp_path / "nothing.ttl"])
    (tmp_path / "graph.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(GraphError, match="unknown graph format"):
        load([tmp_path / "graph.csv"])
    (tmp_path / "bad.ttl").write_text(
        "<http://a/a> <http://a/b> <http://a/c> .\n<http://a/a> .\n", encoding="utf-8"
    )
    with pytest.raises(GraphError, match="line 2"):
        load([tmp_path / "bad.ttl"])
    (tmp_path / "remote.jsonld").write_text('{"@context": "http://schema.org/", "@id": "http://a/x"}')
    with pytest.raises(GraphError, match="remote JSON-LD @context"):
        load([tmp_path / "remote.jsonld"])


def test_python_values_of_terms():
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert python_value(ox.Literal("42", datatype=ox.NamedNode(xsd + "integer"))) == 42
    assert python_value(ox.Literal("true", datatype=ox.NamedNode(xsd + "boolean"))) is True
    assert python_value(ox.Literal("在建", language="zh")) == "在建"
    assert python_value(ox.BlankNode("b1")) == "_:b1"
    assert python_value(None) is None


def test_query_forms_skip_comments_strings_and_prefixes():
    assert (
        query_form('# DROP ALL\nPREFIX d: <http://a/delete#>\nSELECT ?x WHERE { ?x ?p "INSERT" }') == "SELECT"
    )
    assert is_update("prefix a: <http://a/>\nwith <http://g> delete { ?s ?p ?o } where { ?s ?p ?o }")
    assert not is_update("CONSTRUCT WHERE { ?s ?p ?o }")


def test_local_query_errors_have_line_and_column(mini_ttl):
    with pytest.raises(QueryError, match=r"line 2, column \d+"):
        load([mini_ttl]).query("SELECT ?s\nWHERE { ?s ?p }")


# ---------------------------------------------------------------- remote endpoints (real servers)


def test_push_then_query_remotely(empty_server, mini_ttl):
    endpoint = connect(empty_server.query_url)
    counts = push([mini_ttl], endpoint)
    assert counts[REPORT_GRAPH] == MINI_TRIPLES
    assert graph_triples(endpoint, REPORT_GRAPH) == MINI_TRIPLES
    assert run(endpoint, "targets").rows == [
        ["地区生产总值", 2019, 8.0, "左右", 8.2],
        ["社会消费品零售总额", 2019, 10.0, None, None],
    ]


def test_pushing_again_replaces_the_graph_and_never_duplicates(empty_server, mini_ttl):
    endpoint = connect(empty_server.query_url)
    push([mini_ttl], endpoint)
    before = endpoint.triple_count()
    push([mini_ttl], endpoint)
    assert endpoint.triple_count() == before == MINI_TRIPLES + graph_triples(load([]), ONTOLOGY_GRAPH)


def test_push_under_another_graph_name(empty_server, mini_ttl):
    endpoint = connect(empty_server.query_url)
    push([mini_ttl], endpoint, graph="https://example.org/my-report")
    assert graph_triples(endpoint, "https://example.org/my-report") == MINI_TRIPLES
    assert graph_triples(endpoint, REPORT_GRAPH) == 0


@pytest.mark.parametrize(
    "name", ["projects", "companies", "indicators", "targets", "policies", "overview", "busy_sentences"]
)
def test_remote_rows_equal_local_rows(empty_server, mini_ttl, name):
    push([mini_ttl], connect(empty_server.query_url))
    assert run(empty_server.query_url, name).rows == run(mini_ttl, name).rows


@pytest.mark.parametrize("name", ["provenance", "entity", "neighbours"])
def test_remote_rows_equal_local_rows_with_a_parameter(empty_server, mini_ttl, name):
    push([mini_ttl], connect(empty_server.query_url))
    local = run(mini_ttl, name, name="城北污水处理厂").rows
    assert local
    assert run(empty_server.query_url, name, name="城北污水处理厂").rows == local


def test_remote_construct_and_ask(empty_server, mini_ttl):
    endpoint = connect(empty_server.query_url)
    push([mini_ttl], endpoint)
    assert endpoint.query("ASK { ?p a gov:Project }").rows == [[True]]
    rows = endpoint.query("CONSTRUCT WHERE { ?i a gov:Indicator ; rdfs:label ?l }").rows
    assert [row[2] for row in rows if row[1].endswith("#label>")] == [
        '"地区生产总值"@zh',
        '"社会消费品零售总额"@zh',
    ]


def test_malformed_remote_query_fails_before_any_request():
    endpoint = Endpoint(f"http://127.0.0.1:{free_port()}/query", retries=0)
    with pytest.raises(QueryError, match="line 1, column"):
        endpoint.query("SELECT WHERE {")


def test_endpoint_down_is_an_endpoint_error_after_retries():
    endpoint = connect(f"http://127.0.0.1:{free_port()}/query", retries=2, backoff=0.01)
    with pytest.raises(EndpointError, match="did not answer after 3 tries"):
        endpoint.query("ASK { ?s ?p ?o }")


class AlwaysFails(http.server.BaseHTTPRequestHandler):
    """Answers every request with HTTP 500 and counts them."""

    requests = 0

    def answer(self):
        type(self).requests += 1
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(500)
        self.end_headers()
        self.wfile.write(b"internal error")

    do_GET = do_POST = do_PUT = answer

    def log_message(self, *args):
        pass


@pytest.fixture
def failing_server():
    AlwaysFails.requests = 0
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), AlwaysFails)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/query"
    server.shutdown()
    server.server_close()


def test_http_500_is_retried_then_an_endpoint_error(failing_server):
    endpoint = connect(failing_server, retries=2, backoff=0.01)
    with pytest.raises(EndpointError, match=r"after 3 tries \(.*500"):
        endpoint.query("SELECT * WHERE { ?s ?p ?o }")
    assert AlwaysFails.requests == 3


def test_graph_store_500_is_retried_too(failing_server, mini_ttl):
    endpoint = connect(failing_server, retries=1, backoff=0.01)
    with pytest.raises(EndpointError, match="graph store .* did not answer after 2 tries"):
        push([mini_ttl], endpoint)
    assert AlwaysFails.requests == 2


def test_endpoint_urls():
    endpoint = connect("http://127.0.0.1:7878/query")
    assert (endpoint.update_url, endpoint.store_url) == (
        "http://127.0.0.1:7878/update",
        "http://127.0.0.1:7878/store",
    )
    assert connect("http://h/sparql", store_url="http://h/data").store_url == "http://h/data"
    with pytest.raises(EndpointError, match="--store URL"):
        connect("http://h/sparql").put_graph("https://example.org/g", b"")
    with pytest.raises(EndpointError, match="not an http"):
        connect("ftp://h/query")
