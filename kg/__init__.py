"""govkg: Chinese government work reports (政府工作报告) as an RDF knowledge graph.

Five lines to start::

    import kg
    graph = kg.build_reports(["data/shigu-2019-gov-work-report.txt"])   # ingest → extract → link → build
    kg.write_graph(graph, "out", "ttl")                                   # out/graph.ttl
    kg.run(graph, "targets").to_dataframe()                               # a saved question → pandas
    G = kg.to_networkx(graph)                                             # typed nodes, labelled edges

Building: :func:`build_reports` (files), :func:`build_text` (a string), :func:`summary`,
:func:`write_graph`, :func:`load_graph`, :func:`validate_graph` (SHACL).
Corpora: :func:`build_corpus` (files and folders on every core or a Dask cluster, one result per
report), :func:`write_corpus` (N-Quads/TriG, Turtle per report, an on-disk store), :func:`open_store_dir`.
Querying: :func:`load` (a fast local Oxigraph store), :func:`connect` (a SPARQL endpoint),
:func:`run` (a saved question by name, a .rq file or SPARQL text; parameters bound safely),
:func:`saved_queries`.
Looking: :func:`to_networkx`, :func:`write_view` (an offline HTML page), :func:`show` (inline in Jupyter),
:func:`write_charts` (an offline page of charts; ``kg.charts`` gives each chart as a Plotly figure).
The stages one by one: :func:`ingest` (file → Document), ``kg.extract.extract`` (→ Extraction),
:func:`link` (→ Linked, stable IRIs), :func:`build` (→ rdflib Graph).
"""

from importlib import import_module

# Names that are also submodules (kg.build, kg.ingest, kg.link) are bound now: importing the submodule
# later must not replace the function. The rest are resolved on first use, so that ``import kg`` (and
# every ``kg`` command) does not load networkx, pyvis, IPython or Oxigraph before they are needed.
from kg.build import build, build_reports, build_text, load_graph, summary, write_graph
from kg.errors import EndpointError, GovKGError, GraphError, InputError, QueryError
from kg.ingest import ingest, ingest_text
from kg.link import link
from kg.validate import validate_graph

#: Public names resolved on first use, and the module each comes from.
_LAZY: dict[str, str] = {
    "to_networkx": "kg.network",
    "show": "kg.notebook",
    "run": "kg.query",
    "saved_queries": "kg.query",
    "connect": "kg.store",
    "load": "kg.store",
    "write_view": "kg.viz",
    "write_charts": "kg.charts",
    "build_corpus": "kg.corpus",
    "write_corpus": "kg.corpus",
    "open_store_dir": "kg.store",
}


def __getattr__(name: str):
    """The public name ``name``, imported from its module on first use (``kg.extract`` is the module)."""
    if name == "extract":
        return import_module("kg.extract")
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, "extract"})


__all__ = [
    "EndpointError",
    "GovKGError",
    "GraphError",
    "InputError",
    "QueryError",
    "build",
    "build_corpus",
    "build_reports",
    "build_text",
    "connect",
    "extract",
    "ingest",
    "ingest_text",
    "link",
    "load",
    "load_graph",
    "open_store_dir",
    "run",
    "saved_queries",
    "show",
    "summary",
    "to_networkx",
    "validate_graph",
    "write_charts",
    "write_corpus",
    "write_graph",
    "write_view",
]
