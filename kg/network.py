"""Built graph (RDF) → networkx: the graph of things that the view, the exports and notebooks share.

Nodes are the named things of the reports (Project, Company, Place, Policy, Organization, and the
Clusters that companies and projects belong to) and the indicators, keyed by IRI, with readable attributes (never an IRI as a label):

- ``label``, ``type``, ``aliases`` (sorted alternative names) on every node;
- ``definition`` on entities that have a glossary definition;
- ``status``, ``deadline`` and ``statuses`` (every status record, by year) on projects;
- ``figures`` on indicators: one dict per observation (year, kind, value, unit, qualifier, report);
  without indicator nodes, on each report's region instead (each dict also naming its ``indicator``);
- ``reports``: the (region, year) of the reports a node is named in (``G.graph["reports"]``: all of them);
- ``provenance``: the sentences a node comes from, each ``{"sentence", "section", "report"}``.

Edges are the explicit relations only, keyed by predicate, each with ``predicate`` (local name),
``label`` (the property's Chinese label from the ontology) and ``provenance`` (the evidence of its
reified statement): ``locatedIn`` 位于, ``participatesIn`` 参与, ``partOf`` 属于, and
``indicator`` 指标 from a report's region (a Place) to each indicator the report gives figures
for. That last edge is derived from the data (observation → report → region), not from
co-mention: co-mention edges would join most things of a report to most others and hide the
relations the extractor actually found. Indicators would otherwise float unconnected.

With ``comention=True`` entities named in the same sentence are also joined by a ``mentionedWith``
同句提及 edge (one per pair, ``weight`` = the number of shared sentences, ``provenance`` = those
sentences): the view draws them faint and dashed, with a switch, so that the explicit relations
stay readable while the things a report speaks of together sit together.

Observation nodes (``types`` including ``"Observation"``) hang off their indicator; Sentence and
Report nodes appear only with ``include_provenance=True`` (they are the evidence that tooltips
already show), linked by ``mentionedIn`` 提及于, ``evidence`` 依据 and ``inReport`` 所属报告.

Reading is one pass over the triples, dispatched by predicate, so a 30k-node graph takes well
under the time it takes to parse it; files are parsed with pyoxigraph (about 20× faster than
rdflib, see /work/shared/MEASUREMENTS.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

import networkx as nx
import rdflib
from rdflib.namespace import DCTERMS, QB, RDF, RDFS, SKOS

from kg.errors import GovKGError, GraphError
from kg.types import CLUSTER_TYPE, ENTITY_TYPES
from kg.vocab import GOV, label, term

#: Node types ``to_networkx`` can keep, and the ones it keeps by default.
NODE_TYPES: tuple[str, ...] = (*ENTITY_TYPES, CLUSTER_TYPE, "Indicator", "Observation")
DEFAULT_TYPES: tuple[str, ...] = (*ENTITY_TYPES, CLUSTER_TYPE, "Indicator")
#: Node types added by ``include_provenance=True``.
PROVENANCE_TYPES: tuple[str, ...] = ("Sentence", "Report")
#: Relations between entities that become edges.
RELATIONS: tuple[str, ...] = ("locatedIn", "participatesIn", "partOf")

# Predicates read in the one pass, by the short key the code uses for them.
_PREDICATES: dict[str, str] = {
    str(RDF.type): "type",
    str(RDFS.label): "label",
    str(SKOS.prefLabel): "prefLabel",
    str(SKOS.altLabel): "altLabel",
    str(SKOS.definition): "definition",
    str(DCTERMS.title): "title",
    str(RDF.subject): "subject",
    str(RDF.predicate): "predicate",
    str(RDF.object): "object",
    str(QB.dataSet): "dataSet",
    **{
        str(GOV[name]): name
        for name in (
            *RELATIONS,
            "mentionedIn",
            "evidence",
            "text",
            "index",
            "inSection",
            "inReport",
            "region",
            "reportYear",
            "hasStatus",
            "status",
            "deadline",
            "year",
            "indicator",
            "value",
            "unit",
            "kind",
            "qualifier",
        )
    },
}

#: File extensions read as RDF (the format is guessed from the extension).
GRAPH_EXTENSIONS: tuple[str, ...] = ("ttl", "nt", "nq", "trig", "jsonld", "rdf", "n3")

#: A triple as read: subject, predicate, object (IRIs and ``_:`` blank nodes as strings,
#: literals as their lexical form) and the object's language tag (or None).
Triple = tuple[str, str, str, str | None]


class ViewError(GovKGError):
    """A view option that names something the graph does not have (a node type, a node)."""


@lru_cache(maxsize=256)
def term_label(name: str, lang: str = "zh") -> str:
    """The ontology's label of the term with local name ``name`` (cached: called per node and edge).

    >>> term_label("participatesIn"), term_label("Place", "en")
    ('参与', 'Place')
    """
    return label(term(name), lang)


def read_triples(
    source: rdflib.Graph | str | Path | Iterable[str | Path], predicates: Container[str] | None = None
) -> Iterator[Triple]:
    """The triples of an rdflib graph or of graph files (any format pyoxigraph knows by extension).

    ``predicates`` keeps only the triples of those predicate IRIs (a corpus graph has many
    others: skipping them before their terms become strings reads it faster).

    >>> g = rdflib.Graph().parse(data='<http://a> <http://b> "c"@zh .', format="turtle")
    >>> list(read_triples(g))
    [('http://a', 'http://b', 'c', 'zh')]
    >>> list(read_triples("no/such/graph.ttl"))
    Traceback (most recent call last):
    ...
    kg.errors.GraphError: The graph file no/such/graph.ttl does not exist: build one with `kg build`.
    """
    if isinstance(source, rdflib.Graph):
        triples = _rdflib_triples(source)
        yield from triples if predicates is None else (t for t in triples if t[1] in predicates)
        return
    paths = [source] if isinstance(source, str | Path) else list(source)
    for path in map(Path, paths):
        yield from _file_triples(path, predicates)


def _rdflib_term(node: rdflib.term.Node) -> str:
    return f"_:{node}" if isinstance(node, rdflib.BNode) else str(node)


def _rdflib_triples(graph: rdflib.Graph) -> Iterator[Triple]:
    for s, p, o in graph.triples((None, None, None)):
        yield _rdflib_term(s), str(p), _rdflib_term(o), getattr(o, "language", None)


def _file_triples(path: Path, predicates: Container[str] | None) -> Iterator[Triple]:
    import pyoxigraph as ox

    if not path.is_file():
        raise GraphError(f"The graph file {path} does not exist: build one with `kg build`.")
    if path.suffix.lower().lstrip(".") not in GRAPH_EXTENSIONS:
        raise GraphError(
            f"The graph file {path} has an unknown extension: use .ttl, .nt, .nq, .trig or .jsonld."
        )
    blank, literal = ox.BlankNode, ox.Literal
    try:
        for quad in ox.parse(path=path, rename_blank_nodes=True):
            predicate = quad.predicate.value
            if predicates is not None and predicate not in predicates:
                continue
            s, o = quad.subject, quad.object
            yield (
                f"_:{s.value}" if isinstance(s, blank) else s.value,
                predicate,
                f"_:{o.value}" if isinstance(o, blank) else o.value,
                o.language if isinstance(o, literal) else None,
            )
    except SyntaxError as error:
        raise GraphError(
            f"The graph file {path} is not valid RDF ({error}): rebuild it with `kg build`."
        ) from None


def collect(triples: Iterable[Triple]) -> dict[str, dict[str, list[tuple[str, str | None]]]]:
    """Group the triples that matter here by predicate key, then subject: ``{key: {s: [(o, lang)]}}``.

    >>> facts = collect([("http://x", str(RDFS.label), "名", "zh"), ("http://x", "http://other", "y", None)])
    >>> dict(facts["label"])
    {'http://x': [('名', 'zh')]}
    """
    facts: dict[str, dict[str, list[tuple[str, str | None]]]] = {
        key: defaultdict(list) for key in _PREDICATES.values()
    }
    predicates = _PREDICATES
    for s, p, o, lang in triples:
        key = predicates.get(p)
        if key is not None:
            facts[key][s].append((o, lang))
    return facts


def local_name(iri: str) -> str:
    """The last segment of an IRI, percent-decoded: the fallback label of a node without one.

    >>> local_name("https://w3id.org/govkg/id/place/%E6%B9%96%E5%8D%97%E7%9C%81")
    '湖南省'
    >>> local_name("https://w3id.org/govkg/ontology#underConstruction")
    'underConstruction'
    """
    return unquote(iri.rstrip("/").rsplit("#", 1)[-1].rsplit("/", 1)[-1])


def pick_label(iri: str, *candidates: list[tuple[str, str | None]]) -> str:
    """The first Chinese value among ``candidates`` (lists in order of preference), else any value,
    else the IRI's local name.

    >>> pick_label("http://x/a", [("甲", "en")], [("乙", "zh")])
    '乙'
    >>> pick_label("http://x/a", [], [("甲", "en")])
    '甲'
    >>> pick_label("http://x/%E4%B8%99")
    '丙'
    """
    for values in candidates:
        for value, lang in values:
            if lang == "zh":
                return value
    for values in candidates:
        if values:
            return values[0][0]
    return local_name(iri)


def ordered_subgraph(G: nx.Graph, nodes: Iterable[str]) -> nx.Graph:
    """A copy of ``G`` restricted to ``nodes``, in ``G``'s own node and edge order.

    ``G.subgraph(set)`` iterates the set, whose order changes from one process to the next;
    layouts and pages built from it would not be reproducible.

    >>> G = nx.MultiDiGraph([("c", "a"), ("a", "b"), ("b", "d")])
    >>> list(ordered_subgraph(G, {"b", "a", "c"})), list(ordered_subgraph(G, {"b", "a", "c"}).edges())
    (['c', 'a', 'b'], [('c', 'a'), ('a', 'b')])
    """
    keep = set(nodes)
    H = G.__class__()
    H.graph.update(G.graph)
    H.add_nodes_from((n, G.nodes[n]) for n in G if n in keep)
    if G.is_multigraph():
        H.add_edges_from(
            (u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if u in keep and v in keep
        )
    else:
        H.add_edges_from((u, v, d) for u, v, d in G.edges(data=True) if u in keep and v in keep)
    return H


def select_types(G: nx.Graph, types: Iterable[str] | None) -> nx.Graph:
    """The nodes of ``G`` whose type is one of ``types`` (default: the entity types and Indicator).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", type="Project"); G.add_node("c", type="Company")
    >>> list(select_types(G, ["Company"]))
    ['c']
    """
    chosen = set(_check_types(types))
    return ordered_subgraph(G, [n for n, t in G.nodes(data="type") if t in chosen])


def _check_types(types: Iterable[str] | None) -> tuple[str, ...]:
    if types is None:
        return DEFAULT_TYPES
    chosen = tuple(types)
    unknown = sorted(set(chosen) - set(NODE_TYPES))
    if unknown:
        raise ViewError(f"Unknown node type {unknown[0]!r}: choose among {', '.join(NODE_TYPES)}.")
    return chosen


def to_networkx(
    graph: rdflib.Graph | str | Path | Iterable[str | Path],
    types: Iterable[str] | None = None,
    include_provenance: bool = False,
    comention: bool = False,
) -> nx.MultiDiGraph:
    """The built graph as a networkx MultiDiGraph of entities and indicators (see the module doc).

    Parameters
    ----------
    graph : an rdflib Graph, or one or more graph files (.ttl, .nt, .nq, .trig, .jsonld)
    types : node types to keep (default: the five entity types and Indicator; add "Observation")
    include_provenance : also add Sentence and Report nodes and the edges to them
    comention : also join entities named in the same sentence (``mentionedWith`` edges)

    Returns
    -------
    networkx.MultiDiGraph keyed by IRI; parallel edges are keyed by predicate local name.

    Example
    -------
    >>> G = to_networkx("tests/fixtures/viz-mini.ttl", types=["Project", "Place"])
    >>> sorted(G.nodes[n]["label"] for n in G)
    ['"><img src=x onerror=alert(1)>', '十里街道', '新材料产业园', '滨江大道改造工程', '濂溪区']
    >>> sorted((G.nodes[u]["label"], d["label"], G.nodes[v]["label"]) for u, v, d in G.edges(data=True))[:2]
    [('"><img src=x onerror=alert(1)>', '属于', '新材料产业园'), ('十里街道', '位于', '濂溪区')]
    """
    kept = set(_check_types(types))
    facts = Facts.read(graph)
    G = nx.MultiDiGraph()
    for iri in sorted(iri for iri, kind in facts.type_of.items() if kind in kept):
        G.add_node(iri, **_node_attributes(iri, facts))
    G.graph["reports"] = sorted({facts.where(report) for report in facts.reports})
    _add_relations(G, facts)
    _add_indicator_edges(G, facts)
    if "Indicator" not in kept:
        _add_region_figures(G, facts)
    if comention:
        _add_comentions(G, facts)
    if include_provenance:
        _add_provenance(G, facts)
    return G


@dataclass(frozen=True)
class Facts:
    """What one pass over the triples gathered, with the lookups the node and edge builders share."""

    by: dict[str, dict[str, list[tuple[str, str | None]]]]
    type_of: dict[str, str]
    sentences: dict[str, dict]
    reports: dict[str, str]
    observations: dict[str, list[str]]

    @classmethod
    def read(cls, graph: rdflib.Graph | str | Path | Iterable[str | Path]) -> Facts:
        """Read ``graph`` once and index it.

        >>> facts = Facts.read("tests/fixtures/viz-mini.ttl")
        >>> facts.reports
        {'https://w3id.org/govkg/id/report/360402/2020': '2020年濂溪区政府工作报告'}
        """
        by = collect(read_triples(graph, _PREDICATES))
        type_of = _node_types(by)
        facts = cls(by, type_of, {}, {}, defaultdict(list))
        for iri, kind in type_of.items():
            if kind == "Report":
                facts.reports[iri] = pick_label(iri, by["title"].get(iri, []), by["label"].get(iri, []))
        for observation in by["indicator"]:
            facts.observations[facts.first("indicator", observation)].append(observation)
        for iri in by["text"]:
            facts.sentences[iri] = facts._sentence(iri)
        return facts

    def values(self, key: str, subject: str) -> list[str]:
        """The sorted distinct objects of ``subject``'s ``key`` predicate."""
        return sorted({value for value, _ in self.by[key].get(subject, [])})

    def first(self, key: str, subject: str) -> str | None:
        """The least object of ``subject``'s ``key`` predicate (a deterministic pick), or None."""
        values = self.by[key].get(subject)
        return min(value for value, _ in values) if values else None

    def name(self, iri: str) -> str:
        """The readable name of ``iri``: skos:prefLabel, rdfs:label (Chinese first), else its local name."""
        return pick_label(iri, self.by["prefLabel"].get(iri, []), self.by["label"].get(iri, []))

    def where(self, report: str) -> tuple[str, int]:
        """The region name and year of a report, ``("", 0)`` for what it does not say.

        >>> Facts.read("tests/fixtures/viz-mini.ttl").where("https://w3id.org/govkg/id/report/360402/2020")
        ('濂溪区', 2020)
        """
        region, year = self.first("region", report), self.first("reportYear", report)
        return (self.name(region) if region else "", int(year[:4]) if year else 0)

    def report_of(self, iri: str) -> str:
        """The report an observation or sentence belongs to, or ''."""
        return self.first("dataSet", iri) or self.first("inReport", iri) or ""

    def _sentence(self, iri: str) -> dict:
        section = self.first("inSection", iri)
        report = self.report_of(iri) or (section and self.report_of(section)) or ""
        index = self.first("index", iri)
        return {
            "sentence": self.first("text", iri),
            "section": self.name(section) if section else "",
            "report": report,
            "key": (report, int(index) if index is not None else 0, iri),
        }

    def provenance(self, sentence_iris: Iterable[str]) -> list[dict]:
        """Provenance records ``{"sentence", "section", "report"}`` of sentences, in report order."""
        records = sorted(
            (self.sentences[iri] for iri in set(sentence_iris) if iri in self.sentences),
            key=lambda r: r["key"],
        )
        return [
            {"sentence": r["sentence"], "section": r["section"], "report": self.reports.get(r["report"], "")}
            for r in records
        ]

    def figure(self, observation: str) -> dict:
        """One observation as ``{"year", "kind", "value", "unit", "qualifier", "report"}``."""
        year, kind, value = (self.first(key, observation) for key in ("year", "kind", "value"))
        return {
            "year": int(year[:4]) if year else None,
            "kind": local_name(kind) if kind else "",
            "value": float(value) if value is not None else None,
            "unit": self.first("unit", observation) or "",
            "qualifier": self.first("qualifier", observation) or "",
            "report": self.reports.get(self.report_of(observation), ""),
        }


def _node_types(by: dict) -> dict[str, str]:
    """IRI → the govkg class local name of every typed node (the first in NODE_TYPES order wins)."""
    order = (*NODE_TYPES, *PROVENANCE_TYPES)
    known = {str(GOV[name]): name for name in order}
    type_of: dict[str, str] = {}
    for iri, values in by["type"].items():
        names = [known[value] for value, _ in values if value in known]
        if names:
            type_of[iri] = min(names, key=order.index)
    return type_of


def _node_attributes(iri: str, facts: Facts) -> dict:
    kind = facts.type_of[iri]
    name = facts.name(iri)
    attributes = {
        "label": name,
        "type": kind,
        "aliases": [a for a in facts.values("altLabel", iri) if a != name],
    }
    definition = facts.first("definition", iri)
    if definition:
        attributes["definition"] = definition
    evidence = facts.values("mentionedIn", iri)
    if kind == "Project":
        attributes.update(_statuses(iri, facts))
    elif kind == "Indicator":
        observations = facts.observations.get(iri, [])
        figures = (facts.figure(observation) for observation in observations)
        attributes["figures"] = sorted(
            figures, key=lambda f: (f["report"], f["year"] or 0, f["kind"], f["value"])
        )
        evidence = [sentence for obs in observations for sentence in facts.values("evidence", obs)]
    elif kind == "Observation":
        figure = facts.figure(iri)
        indicator = facts.first("indicator", iri)
        kind_name = term_label(figure["kind"]) if figure["kind"] else ""
        attributes["label"] = " ".join(
            str(part) for part in (indicator and facts.name(indicator), figure["year"], kind_name) if part
        )
        attributes["figures"] = [figure]
        evidence = facts.values("evidence", iri)
    attributes["provenance"] = facts.provenance(evidence)
    reports = {facts.sentences[sentence]["report"] for sentence in evidence if sentence in facts.sentences}
    attributes["reports"] = sorted({facts.where(report) for report in reports if report})
    return attributes


def _statuses(project: str, facts: Facts) -> dict:
    records = []
    for record in facts.values("hasStatus", project):
        status, year = facts.first("status", record), facts.first("year", record)
        records.append(
            {
                "year": int(year[:4]) if year else None,
                "status": local_name(status) if status else "",
                "deadline": facts.first("deadline", record) or "",
            }
        )
    records.sort(key=lambda r: (r["year"] or 0, r["status"], r["deadline"]))
    latest = records[-1] if records else {"status": "", "deadline": ""}
    return {"status": latest["status"], "deadline": latest["deadline"], "statuses": records}


def _edge(G: nx.MultiDiGraph, u: str | None, v: str | None, predicate: str, provenance: list[dict]) -> None:
    if u in G and v in G:
        G.add_edge(
            u, v, key=predicate, predicate=predicate, label=term_label(predicate), provenance=provenance
        )


def _add_relations(G: nx.MultiDiGraph, facts: Facts) -> None:
    evidence: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for statement in facts.by["subject"]:
        triple = tuple(facts.first(key, statement) or "" for key in ("subject", "predicate", "object"))
        evidence[triple].extend(facts.values("evidence", statement))
    for name in RELATIONS:
        predicate = str(GOV[name])
        for subject in sorted(facts.by[name]):
            for obj in facts.values(name, subject):
                _edge(G, subject, obj, name, facts.provenance(evidence[subject, predicate, obj]))


def _add_indicator_edges(G: nx.MultiDiGraph, facts: Facts) -> None:
    pairs = set()
    for indicator, observations in facts.observations.items():
        for observation in observations:
            region = facts.first("region", facts.report_of(observation))
            pairs.add((region, indicator))
            if observation in G:
                _edge(
                    G,
                    observation,
                    indicator,
                    "indicator",
                    facts.provenance(facts.values("evidence", observation)),
                )
    for region, indicator in sorted(pairs, key=str):
        _edge(G, region, indicator, "indicator", [])


def _add_region_figures(G: nx.MultiDiGraph, facts: Facts) -> None:
    """Without indicator nodes, a report's figures belong to its region (shown in its details)."""
    figures: dict[str, list[dict]] = defaultdict(list)
    for indicator, observations in facts.observations.items():
        for observation in observations:
            region = facts.first("region", facts.report_of(observation))
            if region in G:
                figures[region].append({**facts.figure(observation), "indicator": facts.name(indicator)})
    for region, found in figures.items():
        G.nodes[region]["figures"] = sorted(
            found, key=lambda f: (f["report"], f["indicator"], f["year"] or 0, f["kind"], f["value"] or 0)
        )


def _add_comentions(G: nx.MultiDiGraph, facts: Facts) -> None:
    """Join every two entities of ``G`` named in one sentence, once per pair, weighted by sentences."""
    entity_types = (*ENTITY_TYPES, CLUSTER_TYPE)
    by_sentence: dict[str, list[str]] = defaultdict(list)
    for node, kind in G.nodes(data="type"):
        if kind in entity_types:
            for sentence in facts.values("mentionedIn", node):
                by_sentence[sentence].append(node)
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for sentence, things in by_sentence.items():
        things.sort()
        for i, u in enumerate(things):
            for v in things[i + 1 :]:
                shared[u, v].append(sentence)
    for (u, v), sentences in sorted(shared.items()):
        _edge(G, u, v, "mentionedWith", facts.provenance(sentences))
        G.edges[u, v, "mentionedWith"]["weight"] = len(sentences)


def _add_provenance(G: nx.MultiDiGraph, facts: Facts) -> None:
    things = list(G.nodes)
    for iri, record in sorted(facts.sentences.items()):
        text = record["sentence"]
        short = text if len(text) <= 16 else text[:15] + "…"
        G.add_node(iri, label=short, type="Sentence", aliases=[], provenance=facts.provenance([iri]))
    for iri, title in sorted(facts.reports.items()):
        G.add_node(iri, label=title, type="Report", aliases=[], provenance=[])
    for node in things:
        predicate = "evidence" if G.nodes[node]["type"] == "Observation" else "mentionedIn"
        for sentence in facts.values(predicate, node):
            _edge(G, node, sentence, predicate, [])
    for sentence, record in sorted(facts.sentences.items()):
        _edge(G, sentence, record["report"], "inReport", [])
