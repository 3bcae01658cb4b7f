"""Namespaces and ontology terms, read from ``ontology/govkg.ttl`` (the one source of names).

Code never spells an ontology IRI by hand: it asks :func:`term` for a local name, which
fails loudly when the ontology does not define it.

>>> term("Project")
rdflib.term.URIRef('https://w3id.org/govkg/ontology#Project')
>>> label(term("locatedIn"))
'位于'
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, QB, RDF, RDFS, SKOS, XSD

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "govkg.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"

GOV = Namespace("https://w3id.org/govkg/ontology#")
ID = Namespace("https://w3id.org/govkg/id/")
ORG = Namespace("http://www.w3.org/ns/org#")

#: Prefixes bound on every graph govkg writes.
PREFIXES: dict[str, Namespace] = {
    "gov": GOV,
    "id": ID,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "skos": Namespace(str(SKOS)),
    "prov": Namespace(str(PROV)),
    "qb": Namespace(str(QB)),
    "dcterms": Namespace(str(DCTERMS)),
    "org": ORG,
}


@lru_cache(maxsize=1)
def ontology() -> Graph:
    """The ontology graph, parsed once on first use.

    >>> (term("Report"), RDF.type, OWL.Class) in ontology()
    True
    """
    graph = Graph()
    graph.parse(ONTOLOGY_FILE, format="turtle")
    return graph


@lru_cache(maxsize=1)
def _defined_names() -> frozenset[str]:
    return frozenset(str(s)[len(str(GOV)) :] for s in ontology().subjects() if str(s).startswith(str(GOV)))


@cache
def term(name: str) -> URIRef:
    """The IRI of the ontology term with local name ``name`` (cached: a build asks for it per triple).

    >>> term("Observation")
    rdflib.term.URIRef('https://w3id.org/govkg/ontology#Observation')
    >>> term("NoSuchTerm")
    Traceback (most recent call last):
    ...
    KeyError: 'gov:NoSuchTerm is not defined in ontology/govkg.ttl'
    """
    if name not in _defined_names():
        raise KeyError(f"gov:{name} is not defined in ontology/govkg.ttl")
    return GOV[name]


def label(iri: URIRef, lang: str = "zh") -> str:
    """The ontology's label of ``iri`` in ``lang`` (falls back to the local name).

    >>> label(term("Company"), "en")
    'Company'
    """
    for value in ontology().objects(iri, RDFS.label):
        if getattr(value, "language", None) == lang:
            return str(value)
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def bind_prefixes(graph: Graph) -> Graph:
    """Bind govkg's prefixes on ``graph`` and return it.

    >>> bind_prefixes(Graph()).namespace_manager.expand_curie("gov:Place")
    rdflib.term.URIRef('https://w3id.org/govkg/ontology#Place')
    """
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
