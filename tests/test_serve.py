"""kg.serve and the `kg serve` / `kg push` commands, against real oxigraph servers."""

import json
import signal
import subprocess
import sys
import urllib.parse
import urllib.request

import pytest

from kg.errors import EndpointError
from kg.query import run
from kg.serve import free_port, start_server
from kg.store import StoreDirWriter, connect


def sparql_over_http(query_url, query):
    """POST a query as a plain client would and return the SPARQL JSON answer."""
    request = urllib.request.Request(
        query_url,
        data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def test_a_read_only_server_answers_queries_and_refuses_updates(mini_ttl):
    with start_server([mini_ttl]) as server:
        answer = sparql_over_http(
            server.query_url,
            "SELECT ?t WHERE { ?r a <https://w3id.org/govkg/ontology#Report> ; <http://purl.org/dc/terms/title> ?t }",
        )
        assert [b["t"]["value"] for b in answer["results"]["bindings"]] == ["2019年濂溪区政府工作报告"]
        endpoint = connect(server.query_url, retries=0)
        with pytest.raises(EndpointError, match=r"refused the request \(HTTP 403\).*read-only"):
            endpoint.update("DROP ALL")
        assert run(endpoint, "policies").rows == run(mini_ttl, "policies").rows


def test_a_server_reads_each_triple_once_however_many_report_graphs_state_it(tmp_path):
    two = tmp_path / "two.nq"
    two.write_text('<urn:p> <urn:label> "甲县" <urn:a> .\n<urn:p> <urn:label> "甲县" <urn:b> .\n', encoding="utf-8")
    labels = "SELECT ?l WHERE { <urn:p> <urn:label> ?l }"
    with start_server([two]) as server:
        assert run(connect(server.query_url, retries=0), labels).rows == [["甲县"]]
    with start_server([two], writable=True) as server:  # the union view, which follows updates
        endpoint = connect(server.query_url, retries=0)
        endpoint.update('INSERT DATA { GRAPH <urn:c> { <urn:p> <urn:label> "乙县" } }')
        assert sorted(run(endpoint, "SELECT DISTINCT ?l WHERE { <urn:p> <urn:label> ?l }").rows) == [["乙县"], ["甲县"]]


def test_a_store_is_served_in_place_read_only(tmp_path):
    writer = StoreDirWriter(tmp_path / "store")
    for graph in ("urn:a", "urn:b"):
        writer.put(graph, f'<urn:p> <urn:label> "甲县" <{graph}> .\n'.encode())
    writer.close()
    with start_server(store=tmp_path / "store") as server:
        endpoint = connect(server.query_url, retries=0)
        assert run(endpoint, "SELECT ?l WHERE { <urn:p> <urn:label> ?l }").rows == [["甲县"]]
        assert run(endpoint, "SELECT ?g WHERE { GRAPH ?g { <urn:p> ?x ?y } } ORDER BY ?g").rows == [["urn:a"], ["urn:b"]]
        with pytest.raises(EndpointError, match="HTTP 403"):
            endpoint.update("DROP ALL")
    assert (tmp_path / "store" / "CURRENT").is_file()  # stopping leaves the store where it was
    with pytest.raises(EndpointError, match="read-only and alone"):
        start_server(store=tmp_path / "store", writable=True)


def test_the_ui_page_answers_html(mini_ttl):
    with start_server([mini_ttl]) as server, urllib.request.urlopen(server.url, timeout=10) as response:
        assert response.headers.get_content_type() == "text/html"
        assert b"<html" in response.read().lower()


def test_stop_ends_the_process_and_removes_the_directory(mini_ttl):
    server = start_server([mini_ttl])
    server.stop()
    assert server.process.poll() is not None
    assert not server.directory.exists()


def test_a_read_only_server_needs_graphs():
    with pytest.raises(EndpointError, match="at least one graph file"):
        start_server([])


def test_a_busy_port_is_one_sentence(mini_ttl, oxigraph_server):
    port = int(oxigraph_server.url.rsplit(":", 1)[1].strip("/"))
    with pytest.raises(EndpointError, match="try another --port"):
        start_server([mini_ttl], port=port, timeout=10)


def kg(*args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        **kwargs,
    )


def test_kg_serve_prints_the_urls_answers_and_stops_on_ctrl_c(mini_ttl):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", str(mini_ttl), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout.readline().strip() == f"SPARQL endpoint: http://127.0.0.1:{port}/query"
        assert process.stdout.readline().strip() == f"Query UI:        http://127.0.0.1:{port}/"
        answer = sparql_over_http(
            f"http://127.0.0.1:{port}/query", "ASK { ?s a <https://w3id.org/govkg/ontology#Project> }"
        )
        assert answer["boolean"] is True
        with pytest.raises(EndpointError, match="HTTP 403"):
            connect(f"http://127.0.0.1:{port}/query", retries=0).update("DROP ALL")
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    assert process.returncode == 0
    assert out.strip().endswith("Stopped.")
    assert "Traceback" not in err


def test_kg_push_and_kg_query_against_a_server(empty_server, mini_ttl):
    pushed = kg("push", mini_ttl, "--endpoint", empty_server.query_url)
    assert pushed.returncode == 0, pushed.stderr
    assert "302 triples → <https://w3id.org/govkg/id/report/360402/2019>" in pushed.stdout
    queried = kg("query", "projects_by_status", "--endpoint", empty_server.query_url, "--format", "csv")
    assert queried.stdout == "status,year,projects\n,,1\n已完成,2018,1\n在建,2019,1\n计划,2019,1\n"


def test_kg_push_to_a_closed_port_is_one_sentence(mini_ttl):
    result = kg("push", mini_ttl, "--endpoint", f"http://127.0.0.1:{free_port()}/query")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("Error: The graph store http://127.0.0.1:")
    assert "did not answer after 4 tries" in result.stderr
