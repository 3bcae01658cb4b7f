"""Check a built graph against the SHACL shapes in ontology/shapes.ttl (pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph
from rdflib.namespace import SH

from kg.vocab import SHAPES_FILE, ontology


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of a SHACL check: whether the graph conforms, the violations, and pySHACL's text."""

    conforms: bool
    violations: tuple[str, ...]
    text: str


@lru_cache(maxsize=1)
def shapes() -> Graph:
    """The SHACL shapes graph, parsed once."""
    return Graph().parse(SHAPES_FILE, format="turtle")


def validate_graph(graph: Graph) -> ValidationReport:
    """Validate ``graph`` (with the ontology for class inference) against the govkg shapes.

    >>> from rdflib import Literal, URIRef
    >>> from rdflib.namespace import RDF
    >>> from kg.vocab import term
    >>> g = Graph(); _ = g.add((URIRef("urn:x:1"), RDF.type, term("Sentence")))
    >>> report = validate_graph(g)
    >>> report.conforms, len(report.violations) > 0
    (False, True)
    """
    import pyshacl

    data = Graph()
    for source in (graph, ontology()):
        for triple in source.triples((None, None, None)):
            data.add(triple)
    conforms, results, text = pyshacl.validate(
        data, shacl_graph=shapes(), inference="none", allow_warnings=True
    )
    messages = sorted(
        f"{focus}: {message}"
        for result in results.subjects(SH.resultSeverity, SH.Violation)
        for focus in results.objects(result, SH.focusNode)
        for message in results.objects(result, SH.resultMessage)
    )
    return ValidationReport(conforms=bool(conforms), violations=tuple(messages), text=str(text))
