"""A local store and remote SPARQL endpoints behind one interface.

:class:`LocalStore` wraps an in-memory :class:`pyoxigraph.Store` (the fastest store measured
here, see bench/bench_store.py); :class:`Endpoint` talks to a SPARQL 1.1 server over HTTP.
Both answer :meth:`~GraphStore.query` with the same :class:`Result`, so callers do not know
which one they hold.

Graph names: every report lives in its own named graph, named by the IRI of its
``gov:Report`` node; a file without exactly one report is kept in a graph named by the
file's ``file://`` URI. The ontology (labels of statuses, kinds, properties) is loaded
into the graph ``https://w3id.org/govkg/ontology`` unless a file already holds it.
Queries see every report without ``GRAPH``: the default graph of a local store, of an on-disk
store (``kg build --store``) and of a read-only ``kg serve`` holds the *merge* of the named
graphs, each triple once however many report graphs state it (:func:`merge_named_graphs`). A
shared node (a place, an indicator, a company) is described again in every report graph that
names it, and a union view (pyoxigraph's ``use_default_graph_as_union``, ``oxigraph serve
--union-default-graph``) returns such a triple once per graph inside every join: on the 198-report
corpus the merge made the saved questions 1.2–12× faster and let the ones the union stopped at 30 s
answer in 0.3–7 s. A store written before the merge existed is still read through the union.
Remotely the server must give the same view (Fuseki's ``tdb2:unionDefaultGraph true``; a writable
``kg serve`` uses oxigraph's union).

Remote URLs: ``url`` is the SPARQL query endpoint (Oxigraph: ``http://host:port/query``);
the update endpoint and the SPARQL 1.1 Graph Store Protocol endpoint are derived from it
by replacing a trailing ``/query`` with ``/update`` and ``/store`` (Oxigraph's layout), or
given explicitly. :meth:`Endpoint.put_graph` replaces a named graph with HTTP PUT, so
pushing the same graph twice never duplicates a triple.

Remote calls are retried with exponential back-off on connection errors, timeouts and
HTTP 5xx; after the last try they raise :class:`~kg.errors.EndpointError`.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox
import rdflib

from kg.errors import EndpointError, GraphError, QueryError
from kg.limits import call_with_timeout
from kg.vocab import GOV, ONTOLOGY_FILE, PREFIXES

T = TypeVar("T")

#: Name of the graph the ontology is loaded into.
ONTOLOGY_GRAPH = "https://w3id.org/govkg/ontology"
#: Name of the graph that keeps what a SPARQL update writes without ``GRAPH`` in a local store.
UPDATES_GRAPH = "urn:govkg:graph"

#: Graph file suffixes and their formats.
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".n3": ox.RdfFormat.N3,
}

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = frozenset(
    _XSD + name
    for name in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    )
)
_FLOAT_TYPES = frozenset(_XSD + name for name in ("decimal", "double", "float"))
#: Prefixes every query may use without declaring them (gov:, id:, rdfs:, skos:, dcterms: …).
DEFAULT_PREFIXES: dict[str, str] = {name: str(namespace) for name, namespace in PREFIXES.items()}
_SYNTAX_POSITION = re.compile(r"error at (\d+):(\d+): ?(.*)", re.DOTALL)

# ---------------------------------------------------------------- SPARQL text

#: Tokens of SPARQL text: comments, strings and IRIs are matched whole so that nothing inside them
#: is mistaken for a keyword or a brace. ``<`` not followed by an IRI is the less-than operator.
_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n]*)
      | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                  |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<word>[?$]\w+|[^\W\d][\w-]*(?::[\w.-]*)?|:[\w.-]*)
      | (?P<other>\S)""",
    re.VERBOSE,
)

#: First keywords of SPARQL updates.
UPDATE_KEYWORDS = frozenset(
    ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
)


def sparql_tokens(sparql: str) -> list[re.Match]:
    """The tokens of SPARQL text, comments left out (strings and IRIs kept whole).

    >>> [t.group() for t in sparql_tokens('SELECT ?x # WHERE {\\nWHERE { ?x ?p "}" }')]
    ['SELECT', '?x', 'WHERE', '{', '?x', '?p', '"}"', '}']
    """
    return [token for token in _TOKEN.finditer(sparql) if token.lastgroup != "comment"]


def query_form(sparql: str) -> str:
    """The first keyword after the prologue: SELECT, CONSTRUCT, ASK, DESCRIBE or an update keyword.

    >>> query_form("# title: SELECT nothing\\nPREFIX gov: <https://w3id.org/govkg/ontology#>\\nask { }")
    'ASK'
    >>> query_form("BASE <http://a/> INSERT DATA { <a> <b> <c> }")
    'INSERT'
    """
    tokens = sparql_tokens(sparql)
    position = 0
    while position < len(tokens):
        word = tokens[position].group().upper()
        if word == "PREFIX":
            position += 3  # PREFIX name: <iri>
        elif word == "BASE":
            position += 2  # BASE <iri>
        else:
            return word
    return ""


def is_update(sparql: str) -> bool:
    """True when ``sparql`` is a SPARQL update rather than a query.

    >>> is_update("DROP ALL"), is_update("SELECT * { ?s ?p ?o }")
    (True, False)
    """
    return query_form(sparql) in UPDATE_KEYWORDS


#: Keywords that make the engine fetch from elsewhere: SERVICE (another endpoint, in a query or an
#: update's WHERE) and LOAD (any IRI, file:// included).
OUTBOUND_KEYWORDS: tuple[str, ...] = ("SERVICE", "LOAD")


def outbound_calls(sparql: str) -> list[str]:
    """The keywords of :data:`OUTBOUND_KEYWORDS` that ``sparql`` uses (not in strings, IRIs, comments).

    >>> outbound_calls("SELECT * { SERVICE <http://x/sparql> { ?s ?p ?o } } # LOAD")
    ['SERVICE']
    >>> outbound_calls('SELECT ?s { ?s ?p "SERVICE" }')
    []
    """
    words = {t.group().upper() for t in sparql_tokens(sparql) if t.lastgroup == "word"}
    return [keyword for keyword in OUTBOUND_KEYWORDS if keyword in words]


def refuse_outbound(sparql: str, *, allow_service: bool = False, allow_load: bool = False) -> None:
    """QueryError when ``sparql`` would fetch from elsewhere (SERVICE, LOAD) and that is not allowed.

    >>> refuse_outbound("LOAD <file:///etc/passwd>")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: The update reads another source with LOAD: pass --allow-load to let it.
    """
    found = outbound_calls(sparql)
    if "SERVICE" in found and not allow_service:
        raise QueryError(
            "The query calls another SPARQL endpoint with SERVICE: pass --allow-service to let it."
        )
    if "LOAD" in found and not allow_load:
        raise QueryError("The update reads another source with LOAD: pass --allow-load to let it.")


@dataclass(frozen=True)
class Result:
    """The answer to a query: column names and rows of plain Python values.

    IRIs become ``str``; literals become ``int`` (xsd integers), ``float`` (decimal, double),
    ``bool``, ``int`` for ``xsd:gYear``, else ``str``; unbound cells are ``None``.
    ``ASK`` answers one column ``ask``; ``CONSTRUCT``/``DESCRIBE`` the columns
    ``subject``, ``predicate``, ``object`` (terms in N-Triples syntax, sorted).

    >>> Result(("a", "b"), [[1, "x"]]).to_dataframe().to_dict("records")
    [{'a': 1, 'b': 'x'}]
    """

    columns: tuple[str, ...]
    rows: list[list] = field(default_factory=list)

    def to_dataframe(self):
        """The rows as a :class:`pandas.DataFrame` with :attr:`columns` as its columns."""
        import pandas as pd

        return pd.DataFrame(self.rows, columns=list(self.columns))

    def records(self) -> list[dict]:
        """The rows as dicts from column name to value.

        >>> Result(("n",), [[3]]).records()
        [{'n': 3}]
        """
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def python_value(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None):
    """The plain Python value of an RDF term (see :class:`Result`).

    >>> python_value(ox.Literal("2018", datatype=ox.NamedNode(_XSD + "gYear")))
    2018
    >>> python_value(ox.Literal("175.6", datatype=ox.NamedNode(_XSD + "decimal")))
    175.6
    >>> python_value(ox.NamedNode("https://w3id.org/govkg/id/indicator/x"))
    'https://w3id.org/govkg/id/indicator/x'
    """
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGER_TYPES or datatype == _XSD + "gYear":
                return int(term.value)
            if datatype in _FLOAT_TYPES:
                return float(term.value)
        except ValueError:
            return term.value
        if datatype == _XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    return str(term)


def syntax_error(error: SyntaxError, what: str) -> str:
    """One sentence for a pyoxigraph syntax error, with its line and column when it has them.

    >>> syntax_error(SyntaxError("error at 3:2: expected OPTIONAL"), "SPARQL query")
    'Malformed SPARQL query at line 3, column 2 (expected OPTIONAL): fix the text there.'
    """
    message = str(error)
    match = _SYNTAX_POSITION.search(message)
    if match:
        line, column, detail = match.groups()
        return f"Malformed {what} at line {line}, column {column} ({detail.strip()}): fix the text there."
    return f"Malformed {what} ({message.strip()}): fix the text."


def _result_from_solutions(answer) -> Result:
    """Turn a pyoxigraph query answer (solutions, boolean or triples) into a :class:`Result`."""
    if isinstance(answer, ox.QueryBoolean):
        return Result(("ask",), [[bool(answer)]])
    if isinstance(answer, ox.QuerySolutions):
        columns = tuple(variable.value for variable in answer.variables)
        rows = [[python_value(solution[name]) for name in columns] for solution in answer]
        return Result(columns, rows)
    triples = sorted((str(t.subject), str(t.predicate), str(t.object)) for t in answer)
    return Result(("subject", "predicate", "object"), [list(t) for t in triples])


def _named_quads(store: ox.Store, graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
    """The quads of ``graph``, or of every named graph."""
    quads = store.quads_for_pattern(None, None, None, graph)
    return quads if graph is not None else (q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph))


def _in_default_graph(quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    """The same triples, in the default graph."""
    return (ox.Quad(q.subject, q.predicate, q.object) for q in quads)


def merge_named_graphs(store: ox.Store) -> None:
    """Add the triples of every named graph to the default graph of ``store``, so that it holds their
    merge: each triple once, however many graphs state it.

    >>> store = ox.Store()
    >>> s, p, o = ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.NamedNode("urn:o")
    >>> store.extend([ox.Quad(s, p, o, ox.NamedNode("urn:a")), ox.Quad(s, p, o, ox.NamedNode("urn:b"))])
    >>> merge_named_graphs(store)
    >>> len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph())))
    1
    """
    store.bulk_extend(_in_default_graph(list(_named_quads(store))))


def _as_triples(nquads: bytes, graph: str) -> bytes:
    """N-Quads all in ``graph`` as N-Triples: the graph dropped from the end of each line (a literal
    cannot hold a line break, so `` <graph> .`` and a new line end a line only).

    >>> _as_triples(b'<urn:s> <urn:p> <urn:g> <urn:g> .\\n<urn:s> <urn:p> "<urn:g> ." <urn:g> .\\n', "urn:g")
    b'<urn:s> <urn:p> <urn:g> .\\n<urn:s> <urn:p> "<urn:g> ." .\\n'
    """
    return nquads.replace(f" <{graph}> .\n".encode(), b" .\n")


def _unmerge(store: ox.Store, triples: Iterable[ox.Triple]) -> None:
    """Remove from the default graph of ``store`` each of ``triples`` that no named graph states any more."""
    for triple in triples:
        if not any(_named_quads_of(store, triple)):
            store.remove(ox.Quad(triple.subject, triple.predicate, triple.object))


def _named_quads_of(store: ox.Store, triple: ox.Triple) -> Iterator[ox.Quad]:
    """The quads of ``triple`` in named graphs."""
    quads = store.quads_for_pattern(triple.subject, triple.predicate, triple.object)
    return (q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph))


class GraphStore:
    """What every store answers: SPARQL queries and updates, and its number of triples."""

    def query(self, sparql: str, *, timeout: float | None = None) -> Result:  # pragma: no cover
        """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) and return its :class:`Result`.

        ``timeout``: seconds the query may take (``math.inf``: no limit); None: the store's default.
        """
        raise NotImplementedError

    def update(self, sparql: str) -> None:  # pragma: no cover - interface
        """Run a SPARQL update."""
        raise NotImplementedError

    def triple_count(self) -> int:
        """The number of triples in the named graphs (govkg keeps every graph named).

        >>> load([]).triple_count() > 0  # the ontology alone
        True
        """
        return self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0]


class LocalStore(GraphStore):
    """An in-memory pyoxigraph store holding one named graph per report; once :meth:`merge` is called
    (as :func:`load` does), its default graph holds their merge, which queries read.

    >>> store = LocalStore()
    >>> store.add_file(Path("tests/fixtures/mini.ttl"))
    'https://w3id.org/govkg/id/report/360402/2019'
    >>> store.query("SELECT ?t WHERE { ?r <http://purl.org/dc/terms/title> ?t }").rows
    [['2019年濂溪区政府工作报告']]
    """

    def __init__(self) -> None:
        self.oxigraph = ox.Store()
        self.merged = False  # the default graph holds the merge of the named graphs (else: union view)

    def __repr__(self) -> str:
        return f"LocalStore({len(self.oxigraph)} quads in {len(self.graphs())} graphs)"

    def add_file(self, path: Path) -> str | None:
        """Load one graph file; return the graph its triples went to (None for a dataset's own graphs).

        Raises :class:`~kg.errors.GraphError` when the file is missing, of an unknown format or malformed.
        """
        path = Path(path)
        if not path.is_file():
            raise GraphError(f"The graph file {path} does not exist: give the path of a built graph.")
        self._unmerge()
        rdf_format = RDF_FORMATS.get(path.suffix.lower())
        if rdf_format is None:
            known = ", ".join(sorted(RDF_FORMATS))
            raise GraphError(f"{path} has an unknown graph format: use a file ending in one of {known}.")
        try:
            self.oxigraph.load(path=str(path), format=rdf_format)
        except SyntaxError as error:
            if "LoadDocumentCallback" in str(error):
                raise GraphError(
                    f"{path} uses a remote JSON-LD @context: inline the context in the file."
                ) from None
            raise GraphError(f"{path}: {syntax_error(error, 'graph file')}") from None
        return self._name_default_graph(path.resolve().as_uri())

    def _name_default_graph(self, fallback: str) -> str | None:
        """Move the triples just loaded into the default graph to a named graph: the ontology's,
        their report's, or else ``fallback``."""
        if not any(True for _ in self.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph())):
            return None
        reports = list(self.oxigraph.query(f"SELECT DISTINCT ?r WHERE {{ ?r a <{GOV}Report> }}"))
        if len(reports) == 1:
            graph = reports[0]["r"].value
        elif not reports and self.oxigraph.query(
            f"ASK {{ <{GOV}Report> a <http://www.w3.org/2002/07/owl#Class> }}"
        ):
            graph = ONTOLOGY_GRAPH  # the default graph of a dataset from kg.build_reports
        else:
            graph = fallback
        self.oxigraph.update(f"ADD DEFAULT TO <{graph}> ; CLEAR DEFAULT")
        return graph

    def add_rdflib(self, graph: rdflib.Graph) -> None:
        """Load an rdflib Graph or Dataset (as built by :func:`kg.build_reports`), keeping its named graphs.

        >>> from kg.build import build_text
        >>> store = LocalStore()
        >>> store.add_rdflib(build_text("二、2021年工作安排\\n地区生产总值增长6%左右。"))
        >>> store.query("SELECT ?v WHERE { ?o gov:value ?v }").rows
        [[6.0]]
        """
        self._unmerge()
        if isinstance(graph, rdflib.Dataset):
            data, rdf_format = graph.serialize(format="nquads", encoding="utf-8"), ox.RdfFormat.N_QUADS
        else:
            data, rdf_format = graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES
        self.oxigraph.load(data, format=rdf_format)
        self._name_default_graph("urn:govkg:graph")

    def merge(self) -> None:
        """Make the default graph the merge of the named graphs, and read it in queries from now on.

        >>> store = LocalStore()
        >>> store.add_file(Path("tests/fixtures/mini.ttl"))
        'https://w3id.org/govkg/id/report/360402/2019'
        >>> store.merge()
        >>> store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows == [[store.triple_count()]]
        True
        """
        self._unmerge()
        merge_named_graphs(self.oxigraph)
        self.merged = True

    def _unmerge(self) -> None:
        """Empty the default graph of its merge (before the named graphs change), back to the union view."""
        if self.merged:
            self.oxigraph.clear_graph(ox.DefaultGraph())
            self.merged = False

    def graphs(self) -> list[str]:
        """The names of the named graphs, sorted.

        >>> load([]).graphs()
        ['https://w3id.org/govkg/ontology']
        """
        return sorted(str(graph.value) for graph in self.oxigraph.named_graphs())

    def query(self, sparql: str, *, timeout: float | None = None) -> Result:
        """Run a SPARQL query over every graph: the merge of the named graphs (or their union before
        :meth:`merge`).

        With ``timeout`` (seconds, or ``math.inf``) the query runs in a child process that is
        killed when time is up or on Ctrl-C (see :func:`kg.limits.call_with_timeout`).

        Raises :class:`~kg.errors.QueryError` with the line and column of a syntax error, or when
        the query runs longer than ``timeout``.
        """
        if timeout is not None:
            return call_with_timeout(lambda: self.query(sparql), timeout)
        try:
            answer = self.oxigraph.query(
                sparql, prefixes=DEFAULT_PREFIXES, use_default_graph_as_union=not self.merged
            )
            return _result_from_solutions(answer)
        except SyntaxError as error:
            raise QueryError(syntax_error(error, "SPARQL query")) from None
        except (OSError, RuntimeError) as error:
            raise QueryError(
                f"The query failed while running ({error}): check its functions and values."
            ) from None

    def update(self, sparql: str) -> None:
        """Run a SPARQL update on the store.

        The update sees and writes the graphs it names; what it writes without ``GRAPH`` goes to the
        named graph :data:`UPDATES_GRAPH`, and the merge is made again after it (on the union view,
        before :meth:`merge`, the default graph is the update's own).
        """
        merged = self.merged
        self._unmerge()
        try:
            self._update(sparql)
        finally:
            if merged:
                self.oxigraph.update(f"ADD DEFAULT TO <{UPDATES_GRAPH}> ; CLEAR DEFAULT")
                self.merge()

    def _update(self, sparql: str) -> None:
        """Run a SPARQL update, its errors as one sentence."""
        try:
            self.oxigraph.update(sparql, prefixes=DEFAULT_PREFIXES)
        except SyntaxError as error:
            raise QueryError(syntax_error(error, "SPARQL update")) from None
        except (OSError, RuntimeError) as error:  # e.g. LOAD of a file that is not RDF
            raise QueryError(
                f"The update failed while running ({_reason(error)}): check what it loads or changes."
            ) from None

    def ntriples(self, graph: str) -> bytes:
        """The triples of one named graph as N-Triples, for pushing it elsewhere."""
        return self.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))

    def dump(self, path: Path, *, merge: bool = False) -> Path:
        """Write the named graphs to ``path`` as N-Quads, with ``merge`` their merge as the default graph
        too, and return the path."""
        quads = self.oxigraph if merge and self.merged else _named_quads(self.oxigraph)
        with Path(path).open("wb") as stream:
            ox.serialize(quads, stream, ox.RdfFormat.N_QUADS)
        return Path(path)


def load(paths: Iterable[str | Path] | rdflib.Graph, *, ontology: bool = True) -> LocalStore:
    """Load graph files (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML) into a new local store.

    Parameters
    ----------
    paths : graph files, or an rdflib Graph/Dataset already in memory (e.g. from
        :func:`kg.build_reports`); each report goes to the named graph of its report IRI.
    ontology : also load ontology/govkg.ttl (status and kind labels) unless a file has it.

    Returns
    -------
    LocalStore

    Example
    -------
    >>> load(["tests/fixtures/mini.ttl"]).graphs()
    ['https://w3id.org/govkg/id/report/360402/2019', 'https://w3id.org/govkg/ontology']
    """
    store = LocalStore()
    if isinstance(paths, rdflib.Graph):
        store.add_rdflib(paths)
    else:
        for path in paths:
            store.add_file(Path(path))
    has_ontology = bool(
        store.oxigraph.query(f"ASK {{ <{GOV}Report> ?p ?o }}", use_default_graph_as_union=True)
    )
    if ontology and not has_ontology:
        store.oxigraph.load(path=str(ONTOLOGY_FILE), to_graph=ox.NamedNode(ONTOLOGY_GRAPH))
    store.merge()
    return store


# ---------------------------------------------------------------- remote endpoints


def _derived_url(url: str, suffix: str) -> str:
    """Replace a trailing ``/query`` of an endpoint URL by ``/suffix`` (Oxigraph's layout).

    >>> _derived_url("http://127.0.0.1:7878/query", "store")
    'http://127.0.0.1:7878/store'
    >>> _derived_url("http://example.org/sparql", "store")
    ''
    """
    stripped = url.rstrip("/")
    return stripped[: -len("query")] + suffix if stripped.endswith("/query") else ""


def _is_transient(error: Exception) -> bool:
    """True for errors worth retrying: no connection, timeouts, HTTP 5xx."""
    from SPARQLWrapper.SPARQLExceptions import EndPointInternalError

    if isinstance(error, urllib.error.HTTPError):
        return error.code >= 500
    return isinstance(error, (urllib.error.URLError, TimeoutError, ConnectionError, EndPointInternalError))


def _reason(error: Exception) -> str:
    """A short reason for an HTTP-level error."""
    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP {error.code}"
    if isinstance(error, urllib.error.URLError):
        return str(error.reason)
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


@dataclass
class Endpoint(GraphStore):
    """A remote SPARQL 1.1 endpoint (query, update and Graph Store Protocol).

    ``url`` is the query endpoint; ``update_url`` and ``store_url`` default to the
    Oxigraph layout derived from it. ``retries`` extra tries follow a failure, waiting
    ``backoff`` seconds, then twice as long each time.

    >>> Endpoint("http://127.0.0.1:7878/query").store_url
    'http://127.0.0.1:7878/store'
    """

    url: str
    store_url: str = ""
    update_url: str = ""
    retries: int = 3
    backoff: float = 0.5
    timeout: float = 30.0

    def __post_init__(self) -> None:
        if not re.match(r"https?://", self.url):
            raise EndpointError(f"{self.url!r} is not an http(s) URL: give the SPARQL query endpoint's URL.")
        self.store_url = self.store_url or _derived_url(self.url, "store")
        self.update_url = self.update_url or _derived_url(self.url, "update") or self.url

    def _retrying(self, action: Callable[[], T], target: str, hint: str) -> T:
        """Run ``action``, retrying transient failures; one EndpointError or QueryError sentence otherwise.

        ``hint`` says what to check when the server refuses the request (HTTP 4xx).
        """
        from SPARQLWrapper.SPARQLExceptions import EndPointNotFound, QueryBadFormed, Unauthorized

        for attempt in range(self.retries + 1):
            try:
                return action()
            except QueryBadFormed as error:
                detail = str(error).strip().splitlines()[-1]
                raise QueryError(f"{target} rejected the query ({detail}): fix the query.") from None
            except (EndPointNotFound, Unauthorized) as error:
                raise EndpointError(
                    f"{target} refused the request ({type(error).__name__}): {hint}."
                ) from None
            except urllib.error.HTTPError as error:
                if error.code < 500:
                    raise EndpointError(
                        f"{target} refused the request (HTTP {error.code}): {hint}."
                    ) from None
                failure: Exception = error
            except Exception as error:
                if not _is_transient(error):
                    raise
                failure = error
            if attempt == self.retries:
                raise EndpointError(
                    f"{target} did not answer after {attempt + 1} tries ({_reason(failure)}): "
                    "check that the server is running and the URL is right."
                ) from None
            time.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def _wrapper(self, sparql: str):
        """A SPARQLWrapper for one query or update, posting it directly."""
        from SPARQLWrapper import JSON, N3, POST, POSTDIRECTLY, SPARQLWrapper

        form = query_form(sparql)
        wrapper = SPARQLWrapper(self.url, updateEndpoint=self.update_url)
        # the default prefixes go first, so that the query's own declarations override them
        prologue = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in DEFAULT_PREFIXES.items())
        wrapper.setQuery(prologue + sparql)
        # our tokenizer skips comments and strings; SPARQLWrapper's regex would also see keywords in them
        wrapper.queryType = "INSERT" if form == "WITH" else form
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(POSTDIRECTLY)
        wrapper.setReturnFormat(N3 if form in ("CONSTRUCT", "DESCRIBE") else JSON)
        wrapper.setTimeout(int(self.timeout))
        return wrapper

    def query(self, sparql: str, *, timeout: float | None = None) -> Result:
        """Run a SPARQL query on the endpoint and return its :class:`Result`.

        ``timeout`` (seconds) replaces :attr:`timeout` for this query; ``math.inf`` keeps it.
        """
        form = query_form(sparql)
        check_syntax(sparql)
        wrapper = self._wrapper(sparql)
        if timeout is not None and not math.isinf(timeout):
            wrapper.setTimeout(max(1, int(timeout)))

        def fetch() -> tuple[bytes, str]:
            response = wrapper.query().response
            return response.read(), response.headers.get("Content-Type", "")

        body, content_type = self._retrying(
            fetch, f"The SPARQL endpoint {self.url}", "check the URL and access rights"
        )
        if form in ("CONSTRUCT", "DESCRIBE"):
            rdf_format = ox.RdfFormat.from_media_type(content_type.split(";")[0]) or ox.RdfFormat.TURTLE
            return _result_from_solutions(ox.parse(body, format=rdf_format))
        results_format = ox.QueryResultsFormat.from_media_type(content_type.split(";")[0])
        return _result_from_solutions(
            ox.parse_query_results(body, format=results_format or ox.QueryResultsFormat.JSON)
        )

    def update(self, sparql: str) -> None:
        """Run a SPARQL update on the endpoint's update URL."""
        wrapper = self._wrapper(sparql)
        self._retrying(
            wrapper.query,
            f"The SPARQL update endpoint {self.update_url}",
            "the server may be read-only: start it writable (kg serve --writable) or check the URL",
        )

    def put_graph(self, graph: str, ntriples: bytes) -> None:
        """Replace the named graph ``graph`` with ``ntriples`` (SPARQL 1.1 Graph Store Protocol PUT)."""
        if not self.store_url:
            raise EndpointError(
                f"Cannot derive a Graph Store Protocol URL from {self.url}: give it with --store URL."
            )
        target = f"{self.store_url}?{urllib.parse.urlencode({'graph': graph})}"
        request = urllib.request.Request(
            target, data=ntriples, method="PUT", headers={"Content-Type": "application/n-triples"}
        )

        def put() -> None:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()

        self._retrying(
            put,
            f"The graph store {self.store_url}",
            "check that the server is writable and the --store URL is right",
        )


def check_syntax(sparql: str) -> None:
    """Parse ``sparql`` locally; QueryError with the line and column of a syntax error.

    >>> check_syntax("SELECT * WHERE {\\n  ?s ?p\\n}")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: Malformed SPARQL query at line 3, column 2 (...): fix the text there.
    """
    try:
        ox.Store().query(sparql, prefixes=DEFAULT_PREFIXES)
    except SyntaxError as error:
        raise QueryError(syntax_error(error, "SPARQL query")) from None
    except (OSError, RuntimeError):
        pass  # evaluation problems on an empty store say nothing about the remote one


def connect(
    url: str, *, store_url: str = "", retries: int = 3, backoff: float = 0.5, timeout: float = 30.0
) -> Endpoint:
    """A remote endpoint: ``url`` is its SPARQL query URL; ``store_url`` its Graph Store Protocol URL.

    >>> connect("http://127.0.0.1:7878/query").update_url
    'http://127.0.0.1:7878/update'
    """
    return Endpoint(url, store_url=store_url, retries=retries, backoff=backoff, timeout=timeout)


def push(paths: Sequence[str | Path], endpoint: Endpoint, *, graph: str | None = None) -> dict[str, int]:
    """Load graph files and put each named graph on ``endpoint``, replacing what it held.

    Each report goes to the graph named by its report IRI, the ontology to :data:`ONTOLOGY_GRAPH`;
    ``graph`` renames the one report graph (only when the files hold exactly one).
    Returns the number of triples put per graph name.
    """
    store = load(paths)
    graphs = store.graphs()
    data = [g for g in graphs if g != ONTOLOGY_GRAPH]
    if graph is not None and len(data) != 1:
        raise EndpointError(
            f"--graph names one graph but the files hold {len(data)}: push the files one at a time."
        )
    counts = {}
    for name in graphs:
        body = store.ntriples(name)
        target = graph if graph is not None and name != ONTOLOGY_GRAPH else name
        endpoint.put_graph(target, body)
        counts[target] = body.count(b"\n")
    return counts


# ---------------------------------------------------------------- on-disk stores (kg build --store DIR)


def open_store_dir(path: str | Path) -> LocalStore:
    """Open an on-disk store written by ``kg build --store DIR``, read-only: queries need no parse.

    >>> open_store_dir("no/such/store")
    Traceback (most recent call last):
    ...
    kg.errors.GraphError: The store no/such/store does not exist: write one with `kg build FILES --store DIR`.
    """
    path = Path(path)
    if not (path / "CURRENT").is_file():
        what = "is not a govkg store" if path.exists() else "does not exist"
        raise GraphError(f"The store {path} {what}: write one with `kg build FILES --store DIR`.")
    store = LocalStore()
    try:
        store.oxigraph = ox.Store.read_only(str(path))
    except OSError as error:
        raise GraphError(
            f"The store {path} cannot be opened ({error}): rebuild it with `kg build --store`."
        ) from None
    store.merged = merged_store(path)
    return store


def merged_store(path: str | Path) -> bool:
    """True when the default graph of the on-disk store at ``path`` holds the merge of its named graphs
    (stores written before the merge existed are read through the union view).

    >>> merged_store("no/such/store")
    False
    """
    return _store_record(Path(path)).get("default graph") == _MERGED


#: What the record of an on-disk store says of its default graph when it holds the merge of the named graphs.
_MERGED = "merge of the named graphs"


def _store_record(path: Path) -> dict:
    """The record ``kg build`` keeps in an on-disk store: the key each graph was written with
    (``graphs``) and what its default graph holds; empty when missing or of an older layout."""
    try:
        record = json.loads((path / STORE_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record.get("graphs"), dict) else {}


#: The file of an on-disk store that records how it was written (:func:`_store_record`).
STORE_RECORD = "govkg-graphs.json"


class StoreDirWriter:
    """Writes reports into an on-disk store, one named graph each, replacing what a graph held before.

    Graphs of reports not written in this run are dropped on :meth:`close`, so the store holds exactly
    the last build (and the ontology); nothing is parsed again when it is queried. A graph given with
    the same ``key`` as in the last build (the code and file it was built from) is left as it is,
    so a rebuild with little changed rewrites little (the keys are kept in :data:`STORE_RECORD`).
    The default graph holds the merge of the named graphs: the triples of a graph written join it at
    once; those of a graph replaced or dropped leave it on :meth:`close` unless another graph still
    states them.

    >>> import tempfile
    >>> writer = StoreDirWriter(Path(tempfile.mkdtemp()) / "store")
    >>> writer.put("urn:r", b"<urn:s> <urn:p> <urn:o> <urn:r> .\\n")
    >>> writer.close()
    >>> open_store_dir(writer.path).graphs()
    ['https://w3id.org/govkg/ontology', 'urn:r']
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if self.path.exists() and not self.path.is_dir():
            raise GraphError(f"The store path {self.path} is a file: give a directory for --store.")
        if self.path.is_dir() and any(self.path.iterdir()) and not (self.path / "CURRENT").is_file():
            raise GraphError(
                f"The folder {self.path} is not empty and holds no store: give a new or empty folder for --store."
            )
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self.oxigraph = ox.Store(str(self.path))
        except OSError as error:
            raise GraphError(
                f"The store {self.path} cannot be opened for writing ({error}): is another build or server using it?"
            ) from None
        self.before = {graph.value for graph in self.oxigraph.named_graphs()}
        self.written: set[str] = set()
        self.merged_before = merged_store(self.path)
        self.keys_before: dict[str, str] = _store_record(self.path)["graphs"] if self.merged_before else {}
        self.keys: dict[str, str] = {}
        self.gone: list[ox.Triple] = []  # triples of the graphs replaced or dropped, maybe still in the merge
        if not self.merged_before:  # a new store, or one of the layout before the merge: rewritten whole
            self.oxigraph.clear_graph(ox.DefaultGraph())

    def put(self, graph: str, nquads: bytes, key: str = "") -> None:
        """Replace the named graph ``graph`` with these N-Quads (all in that graph), unless it holds
        them already (the same non-empty ``key`` as last time)."""
        self.written.add(graph)
        self.keys[graph] = key
        if key and graph in self.before and self.keys_before.get(graph) == key:
            return
        if graph in self.before:
            self._remove(ox.NamedNode(graph))
        self.oxigraph.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
        self.oxigraph.bulk_load(_as_triples(nquads, graph), format=ox.RdfFormat.N_TRIPLES)  # into the merge

    def _remove(self, graph: ox.NamedNode) -> None:
        """Drop a named graph, keeping its triples to take out of the merge."""
        if self.merged_before:
            self.gone.extend(q.triple for q in _named_quads(self.oxigraph, graph))
        self.oxigraph.remove_graph(graph)

    def close(self) -> None:
        """Drop graphs this run did not write, (re)load the ontology, bring the merge up to date, and
        flush to disk."""
        for graph in sorted(self.before - self.written - {ONTOLOGY_GRAPH}):
            self._remove(ox.NamedNode(graph))
        ontology = ox.NamedNode(ONTOLOGY_GRAPH)
        if ONTOLOGY_GRAPH in self.before:
            self._remove(ontology)
        for graph in (ontology, ox.DefaultGraph()):
            self.oxigraph.bulk_load(path=str(ONTOLOGY_FILE), format=ox.RdfFormat.TURTLE, to_graph=graph)
        _unmerge(self.oxigraph, self.gone)
        self.oxigraph.flush()
        if self.keys != self.keys_before:
            self.oxigraph.optimize()
        record = {"default graph": _MERGED, "graphs": dict(sorted(self.keys.items()))}
        target = self.path / STORE_RECORD
        temp = target.with_suffix(".tmp")
        temp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        os.replace(temp, target)
        del self.oxigraph  # releases the lock, so queries and servers can open it


@contextlib.contextmanager
def store_dir_as_file(path: str | Path) -> Iterator[Path]:
    """The graphs of an on-disk store as a temporary N-Quads file, for readers that take files
    (``kg serve``, ``kg viz``); removed on exit."""
    store = open_store_dir(path)
    with tempfile.TemporaryDirectory(prefix="govkg-store-") as folder:
        yield store.dump(Path(folder) / "graphs.nq")
