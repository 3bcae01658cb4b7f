"""govkg: Chinese government work reports (政府工作报告) as an RDF knowledge graph.

Five lines to start::

    import kg
    graph = kg.build_reports(["data/shigu-2019-gov-work-report.txt"])   # ingest → extract → link → build
    print(kg.summary(graph))                                              # counts per type
    kg.validate_graph(graph).conforms                                     # SHACL check
    kg.write_graph(graph, "out", "ttl")                                   # out/graph.ttl

The stages one by one: :func:`ingest` (file → Document), ``kg.extract.extract`` (→ Extraction),
:func:`link` (→ Linked, stable IRIs), :func:`build` (→ rdflib Graph).
"""

from kg.build import build, build_reports, build_text, load_graph, summary, write_graph
from kg.errors import EndpointError, GovKGError, GraphError, InputError, QueryError
import kg.extract  # the extract stage: kg.extract.extract(doc)
from kg.ingest import ingest, ingest_text
from kg.link import link
from kg.validate import validate_graph

__all__ = [
    "build",
    "build_reports",
    "build_text",
    "load_graph",
    "summary",
    "write_graph",
    "ingest",
    "ingest_text",
    "link",
    "validate_graph",
    "GovKGError",
    "InputError",
    "QueryError",
    "EndpointError",
    "GraphError",
]
