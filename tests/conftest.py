"""Shared fixtures: paths of the hand-written graphs and a real, writable oxigraph server."""

from pathlib import Path

import pytest

from kg.serve import start_server
from kg.store import connect

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def mini_ttl() -> Path:
    """tests/fixtures/mini.ttl: an invented report in the shape of ontology/README.md, answers known by hand."""
    return FIXTURES / "mini.ttl"


@pytest.fixture(scope="session")
def oxigraph_server():
    """A writable ``oxigraph serve --location TMP --bind 127.0.0.1:PORT`` for the whole session.

    Started through :func:`kg.serve.start_server` (which waits until it answers) and stopped,
    with its temporary directory removed, at the end of the session.
    """
    server = start_server(writable=True)
    yield server
    server.stop()


@pytest.fixture
def empty_server(oxigraph_server):
    """The session's server with every graph dropped, so a test sees only what it pushes."""
    connect(oxigraph_server.query_url).update("DROP ALL")
    return oxigraph_server


@pytest.fixture(scope="session")
def bundled_graph(tmp_path_factory) -> Path:
    """The bundled report built through the library (ingest → extract → link → build) into graph.ttl."""
    from kg.build import build_reports, write_graph

    report = Path(__file__).resolve().parent.parent / "data" / "shigu-2019-gov-work-report.txt"
    return write_graph(build_reports([report]), tmp_path_factory.mktemp("bundled"), "ttl")
