"""The build stage: linked entities and facts → RDF shaped by ontology/govkg.ttl.

Every entity, observation, status and relation points to the Sentence node it came
from, and every Sentence to its Section and Report (see ontology/README.md).
Output is deterministic: no blank nodes, sorted serialisation, atomic writes.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from rdflib import Dataset, Graph, Literal, URIRef, namespace
from rdflib.plugins.serializers.nt import _quoteLiteral

from kg.errors import GraphError, InputError
from kg.indicators import canonical
from kg.link import entity_iri, fact_iri, indicator_iri, link
from kg.types import CLUSTER_TYPE, ENTITY_TYPES, Document, Linked
from kg.vocab import ONTOLOGY_FILE, PREFIXES, bind_prefixes, term

#: rdflib serialiser names of the formats ``kg build --format`` writes, and the file suffix of each.
SERIALISERS = {
    "ttl": ("turtle", "ttl"),
    "nt": ("nt", "nt"),
    "jsonld": ("json-ld", "jsonld"),
    "trig": ("trig", "trig"),
}


class _Terms:
    """An rdflib namespace whose terms are plain attributes once asked for: rdflib finds each through
    a metaclass ``__getattr__`` of about half a microsecond, and the build asks for one per triple.

    >>> RDF.type is namespace.RDF.type, "type" in vars(RDF)
    (True, True)
    """

    def __init__(self, names: type[namespace.DefinedNamespace]) -> None:
        self._names = names

    def __getattr__(self, name: str) -> URIRef:
        value = getattr(self._names, name)
        setattr(self, name, value)  # found as a plain attribute from now on
        return value


DCTERMS, QB, RDF, RDFS, SKOS, XSD = (
    _Terms(names)
    for names in (
        namespace.DCTERMS,
        namespace.QB,
        namespace.RDF,
        namespace.RDFS,
        namespace.SKOS,
        namespace.XSD,
    )
)

#: How many literals of each kind are kept once made: making an rdflib Literal takes 2–4 µs, and a
#: report repeats its names, numbers and sentences in many triples.
_LITERALS = 1 << 15


@lru_cache(maxsize=256)
def year_literal(year: int) -> Literal:
    """An ``xsd:gYear`` literal.

    >>> year_literal(2019)
    rdflib.term.Literal('2019', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYear'))
    """
    return Literal(f"{year:04d}", datatype=XSD.gYear)


@lru_cache(maxsize=_LITERALS)
def _integer(value: int) -> Literal:
    """An ``xsd:integer`` literal."""
    return Literal(value, datatype=XSD.integer)


@lru_cache(maxsize=_LITERALS)
def number(value: float) -> Literal:
    """An ``xsd:decimal`` literal written without float noise.

    >>> str(number(175.6)), str(number(9.0))
    ('175.6', '9')
    """
    text = f"{value:.10f}".rstrip("0").rstrip(".")
    return Literal(text, datatype=XSD.decimal)


@lru_cache(maxsize=_LITERALS)
def _zh(text: str) -> Literal:
    """A Chinese-language literal."""
    return Literal(text, lang="zh")


def _add_report(graph: Triples, linked: Linked) -> URIRef:
    """Add the Report node with its metadata, sections and sentences; return the report IRI."""
    doc = linked.extraction.document
    report = URIRef(linked.report_iri)
    graph.add((report, RDF.type, term("Report")))
    graph.add((report, RDF.type, QB.DataSet))
    graph.add((report, QB.structure, term("observationStructure")))
    graph.add((report, DCTERMS.title, _zh(doc.title)))
    graph.add((report, RDFS.label, _zh(doc.title)))
    graph.add((report, DCTERMS.source, Literal(doc.source)))
    graph.add((report, DCTERMS.identifier, Literal(doc.checksum)))
    if doc.year is not None:
        graph.add((report, term("reportYear"), year_literal(doc.year)))
    if doc.region_full or doc.region:
        _add_region(graph, report, doc)
    for section in doc.sections:
        node = URIRef(f"{report}/section/{section.index}")
        graph.add((node, RDF.type, term("Section")))
        graph.add((node, RDFS.label, _zh(section.title)))
        graph.add((node, term("index"), _integer(section.index)))
        graph.add((node, term("level"), _integer(section.level)))
        graph.add((node, term("start"), _integer(section.start)))
        graph.add((node, term("end"), _integer(section.end)))
        graph.add((node, term("inReport"), report))
        if section.parent is not None:
            graph.add((node, term("parentSection"), URIRef(f"{report}/section/{section.parent}")))
    for sentence in doc.sentences:
        node = _sentence_iri(report, sentence.index)
        graph.add((node, RDF.type, term("Sentence")))
        graph.add((node, term("text"), _zh(sentence.text)))
        graph.add((node, term("index"), _integer(sentence.index)))
        graph.add((node, term("start"), _integer(sentence.start)))
        graph.add((node, term("end"), _integer(sentence.end)))
        graph.add((node, term("part"), Literal(sentence.part)))
        graph.add((node, term("inReport"), report))
        if sentence.year is not None:
            graph.add((node, term("aboutYear"), year_literal(sentence.year)))
        if sentence.section is not None:
            graph.add((node, term("inSection"), URIRef(f"{report}/section/{sentence.section}")))
    return report


def _add_region(graph: Triples, report: URIRef, doc: Document) -> None:
    """Link the report to the Place node of its region, with full name, code and level."""
    name = doc.region_full or doc.region
    place = URIRef(entity_iri("Place", name, doc))
    own = doc.region or name
    graph.add((report, term("region"), place))
    graph.add((place, RDF.type, term("Place")))
    graph.add((place, term("fullName"), Literal(name)))
    if not any(graph.objects(place, RDFS.label)):
        graph.add((place, RDFS.label, _zh(own)))
        graph.add((place, SKOS.prefLabel, _zh(own)))
    if doc.region_code:
        graph.add((report, term("regionCode"), Literal(doc.region_code)))
        graph.add((place, term("regionCode"), Literal(doc.region_code)))
    if doc.region_level:
        graph.add((place, term("adminLevel"), term(doc.region_level)))


def _sentence_iri(report: URIRef, index: int) -> URIRef:
    """The IRI of sentence ``index`` of ``report``."""
    return URIRef(f"{report}/sentence/{index}")


def _add_entities(graph: Triples, linked: Linked, report: URIRef) -> None:
    """Add every entity with its labels, mentions and (for places) level and code."""
    for entity in linked.entities:
        node = URIRef(entity.iri)
        graph.add((node, RDF.type, term(entity.type)))
        if not any(graph.objects(node, SKOS.prefLabel)):
            graph.add((node, RDFS.label, _zh(entity.name)))
            graph.add((node, SKOS.prefLabel, _zh(entity.name)))
        elif (node, SKOS.prefLabel, _zh(entity.name)) not in graph:
            graph.add((node, SKOS.altLabel, _zh(entity.name)))
        for alias in entity.aliases:
            graph.add((node, SKOS.altLabel, _zh(alias)))
        sentences = sorted({m.sentence for m in entity.mentions})
        for index in sentences:
            graph.add((node, term("mentionedIn"), _sentence_iri(report, index)))
        graph.add((node, term("mentionCount"), _integer(len(entity.mentions))))
        graph.add((node, term("inReport"), report))
        if entity.admin_level:
            graph.add((node, term("adminLevel"), term(entity.admin_level)))
        if entity.region_code:
            graph.add((node, term("regionCode"), Literal(entity.region_code)))
        if entity.note:
            graph.add((node, SKOS.editorialNote, _zh(entity.note)))


def _add_observations(graph: Triples, linked: Linked, report: URIRef) -> None:
    """Add every observation as a gov:Observation (a qb:Observation) with its indicator and evidence."""
    for obs in linked.extraction.observations:
        node = URIRef(
            fact_iri(
                str(report),
                "observation",
                obs.indicator,
                obs.year,
                obs.kind,
                obs.value,
                obs.unit,
                obs.sentence,
                obs.start,
            )
        )
        indicator = _add_indicator(graph, obs.indicator)
        graph.add((node, RDF.type, term("Observation")))
        graph.add((node, QB.dataSet, report))
        graph.add((node, term("inReport"), report))
        graph.add((node, term("indicator"), indicator))
        graph.add((node, term("indicatorText"), _zh(obs.indicator)))
        graph.add((node, term("value"), number(obs.value)))
        graph.add((node, term("unit"), Literal(obs.unit)))
        graph.add((node, term("year"), year_literal(obs.year)))
        graph.add((node, term("kind"), term(obs.kind)))
        graph.add((node, term("evidence"), _sentence_iri(report, obs.sentence)))
        graph.add((node, term("evidenceText"), _zh(obs.text)))
        if obs.qualifier:
            graph.add((node, term("qualifier"), _zh(obs.qualifier)))


def _add_indicator(graph: Triples, wording: str) -> URIRef:
    """The indicator node of a wording: the canonical indicator's (a skos:Concept labelled with its
    canonical name, the wording an altLabel) when the wording names one, else the wording's own."""
    found = canonical(wording)
    indicator = URIRef(indicator_iri(found.name if found else wording))
    graph.add((indicator, RDF.type, term("Indicator")))
    if found is None:
        graph.add((indicator, RDFS.label, _zh(wording)))
        return indicator
    graph.add((indicator, RDF.type, SKOS.Concept))
    graph.add((indicator, RDFS.label, _zh(found.name)))
    graph.add((indicator, SKOS.prefLabel, _zh(found.name)))
    graph.add((indicator, RDFS.comment, Literal(found.english, lang="en")))
    if wording != found.name:
        graph.add((indicator, SKOS.altLabel, _zh(wording)))
    return indicator


def _add_relations(graph: Triples, linked: Linked, report: URIRef) -> None:
    """Add relations: direct triples plus reified statements with evidence; status records; definitions."""
    for rel in linked.extraction.relations:
        subject_iri = linked.index.get((rel.subject_type, rel.subject))
        if subject_iri is None:
            continue
        subject = URIRef(subject_iri)
        evidence = _sentence_iri(report, rel.sentence)
        text = linked.extraction.document.text[rel.start : rel.end]
        if rel.predicate in ("status", "deadline"):
            _add_status(graph, linked, report, subject, rel)
            continue
        if rel.predicate == "definition":
            obj = _zh(rel.object)
            predicate = SKOS.definition
        else:
            target = linked.index.get((rel.object_type, rel.object)) if rel.object_type else None
            if target is None:
                continue
            obj, predicate = URIRef(target), term(rel.predicate)
        graph.add((subject, predicate, obj))
        statement = URIRef(fact_iri(str(report), "statement", subject, predicate, obj, rel.sentence))
        graph.add((statement, RDF.type, RDF.Statement))
        graph.add((statement, RDF.subject, subject))
        graph.add((statement, RDF.predicate, predicate))
        graph.add((statement, RDF.object, obj))
        graph.add((statement, term("evidence"), evidence))
        graph.add((statement, term("evidenceText"), _zh(text)))


def _add_status(graph: Triples, linked: Linked, report: URIRef, subject: URIRef, rel) -> None:
    """Record a status or deadline in the project's status record for the sentence's year."""
    doc = linked.extraction.document
    year = doc.sentences[rel.sentence].year or doc.year
    record = URIRef(fact_iri(str(report), "status", subject, year, rel.sentence))
    graph.add((subject, term("hasStatus"), record))
    graph.add((record, RDF.type, term("StatusRecord")))
    graph.add((record, term("evidence"), _sentence_iri(report, rel.sentence)))
    graph.add((record, term("inReport"), report))
    if year is not None:
        graph.add((record, term("year"), year_literal(year)))
    if rel.predicate == "status":
        graph.add((record, term("status"), term(rel.object)))
    else:
        graph.add((record, term("deadline"), _zh(rel.object)))


class Triples:
    """The triples of one report as the build makes them: a set in insertion order, with the look-ups
    the build and :func:`summary` ask of a graph (``objects``, ``subjects``, ``in``, ``len``).

    A corpus build writes them as N-Quads at once (:meth:`nquads`): filling an rdflib store and
    serialising it took about a fifth of a report's build; :func:`build` copies them into an rdflib Graph.

    >>> triples = Triples()
    >>> triples.add((URIRef("urn:s"), RDF.type, term("Report")))
    >>> triples.add((URIRef("urn:s"), RDF.type, term("Report")))
    >>> len(triples), list(triples.objects(URIRef("urn:s"), RDF.type)) == [term("Report")]
    (1, True)
    """

    def __init__(self) -> None:
        self._triples: dict[tuple, None] = {}
        self._objects: dict[tuple, list] = {}
        self._subjects: tuple[int, dict[tuple, list]] | None = None  # built when first asked, for a size

    def add(self, triple: tuple) -> None:
        size = len(self._triples)
        self._triples.setdefault(triple, None)  # one hash of the triple, not two
        if len(self._triples) > size:
            self._objects.setdefault(triple[:2], []).append(triple[2])

    def __contains__(self, triple: tuple) -> bool:
        return triple in self._triples

    def __iter__(self) -> Iterator[tuple]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def objects(self, subject, predicate) -> Iterator:
        return iter(self._objects.get((subject, predicate), ()))

    def subjects(self, predicate, obj) -> Iterator:
        if self._subjects is None or self._subjects[0] != len(self._triples):
            index: dict[tuple, list] = {}
            for s, p, o in self._triples:
                index.setdefault((p, o), []).append(s)
            self._subjects = (len(self._triples), index)
        return iter(self._subjects[1].get((predicate, obj), ()))

    def nquads(self, name: str) -> bytes:
        """The triples as sorted N-Quads lines (UTF-8) in the named graph ``name``, each written as
        rdflib's N-Triples serialiser writes it.

        >>> triples = Triples()
        >>> triples.add((URIRef("urn:s"), URIRef("urn:p"), Literal("值", lang="zh")))
        >>> triples.nquads("urn:g")
        b'<urn:s> <urn:p> "\\xe5\\x80\\xbc"@zh <urn:g> .\\n'
        """
        written: dict = {}  # each node as written, made once: a report's nodes recur in many triples

        def nt(node) -> str:
            text = written.get(node)
            if text is None:
                text = written[node] = _quoteLiteral(node) if isinstance(node, Literal) else node.n3()
            return text

        suffix = f" <{name}> .\n"
        return "".join(sorted(f"{nt(s)} {nt(p)} {nt(o)}{suffix}" for s, p, o in self._triples)).encode()


def build_triples(linked: Linked) -> Triples:
    """The triples of one linked report (what :func:`build` puts in an rdflib Graph).

    >>> from kg.ingest import ingest_text
    >>> from kg.extract import extract
    >>> triples = build_triples(link(extract(ingest_text("一、2019年工作回顾\\n实现地区生产总值120.5亿元。"))))
    >>> summary(triples)["Observation"]
    1
    """
    triples = Triples()
    report = _add_report(triples, linked)
    _add_entities(triples, linked, report)
    _add_observations(triples, linked, report)
    _add_relations(triples, linked, report)
    return triples


def build(linked: Linked) -> Graph:
    """The RDF graph of one linked report.

    >>> from kg.ingest import ingest_text
    >>> from kg.extract import extract
    >>> g = build(link(extract(ingest_text("一、2019年工作回顾\\n实现地区生产总值120.5亿元，增长7.2%。"))))
    >>> sorted(str(v) for v in g.objects(None, term("value")))
    ['120.5', '7.2']
    """
    graph = bind_prefixes(Graph())
    for triple in build_triples(linked):
        graph.add(triple)
    return graph


def build_text(text: str, source: str = "") -> Graph:
    """Build the graph of a report given as a string (handy in notebooks and tests).

    >>> g = build_text("二、2021年工作安排\\n地区生产总值增长6%以上。")
    >>> [str(q) for q in g.objects(None, term("qualifier"))]
    ['以上']
    """
    from kg.extract import extract
    from kg.ingest import ingest_text

    return build(link(extract(ingest_text(text, source=source))))


def build_reports(paths: Iterable[str | Path], on_report: Callable[[Path], None] | None = None) -> Dataset:
    """Build every report into one dataset: the ontology in the default graph, one named graph per report.

    Reports are told apart as in a corpus build (:func:`kg.corpus.build_corpus`, which runs the flow in
    workers and streams the reports instead): the same text twice is one report, and two different texts
    of one region and year are two. The first report that cannot be built raises its error.

    >>> dataset = build_reports(["data/shigu-2019-gov-work-report.txt"])
    >>> sorted(str(g.identifier) for g in dataset.graphs() if "report/" in str(g.identifier))
    ['https://w3id.org/govkg/id/report/430407/2019']
    """
    from kg.corpus import build_corpus

    def reports() -> Iterator[bytes]:
        for result in build_corpus(paths, jobs=1):
            if result.error:
                raise InputError(result.error)
            if on_report:
                on_report(result.source)
            yield result.nquads

    return dataset_from_nquads(reports())


def summary(dataset: Dataset | Triples) -> dict[str, int]:
    """Counts per type in a built dataset (or one report's triples): reports, sentences, entity types,
    observations, triples.

    >>> counts = summary(build_reports(["data/shigu-2019-gov-work-report.txt"]))
    >>> counts["Report"], counts["Observation"] > 100, counts["Project"] > 40
    (1, True, True)
    """
    counts: Counter = Counter()
    classes = ["Report", "Sentence", *ENTITY_TYPES, CLUSTER_TYPE, "Observation", "StatusRecord"]
    for name in classes:
        counts[name] = len(set(dataset.subjects(RDF.type, term(name))))
    counts["triples"] = len(dataset)
    return dict(counts)


def serialise(dataset: Dataset, fmt: str) -> str:
    """Deterministic text of ``dataset`` in ``fmt`` (ttl, nt, jsonld, trig); ttl/nt/jsonld merge all graphs.

    >>> text = serialise(Dataset(), "nt")  # the empty dataset
    >>> text
    '\\n'
    """
    name, _ = SERIALISERS[fmt]
    if fmt == "trig":
        return dataset.serialize(format="trig")
    merged = bind_prefixes(Graph())
    for subject, predicate, obj, _graph in dataset.quads((None, None, None, None)):
        merged.add((subject, predicate, obj))
    if fmt == "nt":
        lines = sorted(line for line in merged.serialize(format="nt").splitlines() if line.strip())
        return "\n".join(lines) + "\n"
    if fmt == "jsonld":
        data = json.loads(merged.serialize(format="json-ld"))
        nodes = data if isinstance(data, list) else data.get("@graph", [data])
        for node in nodes:
            for key, value in node.items():
                if isinstance(value, list):
                    node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        nodes.sort(key=lambda n: n.get("@id", ""))
        return json.dumps(nodes, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return merged.serialize(format=name)


def write_graph(dataset: Dataset, out_dir: str | Path, fmt: str = "ttl") -> Path:
    """Write ``dataset`` to OUT_DIR/graph.<fmt> atomically (a temporary file renamed into place).

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> write_graph(build_reports(["data/shigu-2019-gov-work-report.txt"]), out, "nt").name
    'graph.nt'
    >>> sorted(p.name for p in out.iterdir())  # no temporary file left behind
    ['graph.nt']
    """
    target = prepare_output(out_dir, f"graph.{SERIALISERS[fmt][1]}")
    text = serialise(dataset, fmt)
    with atomic_file(target) as stream:
        stream.write(text.encode("utf-8"))
    return target


#: Temporary files are named ``.graph-<pid>-<random>.tmp`` so that a later run can tell a dead run's
#: leftovers (its process is gone) from a live run's file.
_TEMP_PREFIX = ".graph-"
_TEMP_SUFFIX = ".tmp"


def prepare_output(out_dir: str | Path, *names: str) -> Path:
    """Make OUT_DIR ready for writing before any work: created, writable, stale temporary files removed.

    Returns OUT_DIR/names[0] (OUT_DIR itself without names); raises InputError with one sentence when
    OUT_DIR is a file, cannot be created or written, or one of ``names`` is a directory.

    >>> prepare_output("/proc/govkg-out", "graph.ttl")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: The output directory /proc/govkg-out cannot be created (No such file or directory): give another --out.
    """
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError(f"The output path {out} is a file: give a directory for --out.")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(
            f"The output directory {out} cannot be created ({error.strerror}): give another --out."
        ) from None
    try:
        handle, probe = tempfile.mkstemp(dir=out, prefix=f"{_TEMP_PREFIX}{os.getpid()}-", suffix=_TEMP_SUFFIX)
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        raise InputError(
            f"The output directory {out} is not writable ({error.strerror}): give another --out."
        ) from None
    for name in names:
        if (out / name).is_dir():
            raise InputError(f"The output {out / name} is a directory: remove it or give another --out.")
    _remove_stale_temporaries(out)
    return out / names[0] if names else out


def _remove_stale_temporaries(out: Path) -> None:
    """Delete temporary files left in ``out`` by runs that died (killed before their rename)."""
    for leftover in out.glob(f"{_TEMP_PREFIX}*{_TEMP_SUFFIX}"):
        pid = leftover.name[len(_TEMP_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and _process_alive(int(pid)):
            continue
        try:
            leftover.unlink()
        except OSError:
            pass  # another run removed it first, or it is not ours to remove: leave it


def _process_alive(pid: int) -> bool:
    """Whether a process ``pid`` is running on this machine."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def atomic_file(target: str | Path) -> Iterator[BinaryIO]:
    """A binary stream whose content replaces ``target`` only when the ``with`` block ends without error.

    The data goes to a temporary file in the same directory, renamed over ``target`` at the end (an atomic
    rename), with the permissions of a normal new file; on error or kill nothing but the temporary file
    is left, and the next :func:`prepare_output` removes it.

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "graph.nq"
    >>> with atomic_file(target) as stream:
    ...     _ = stream.write(b"<urn:a> <urn:b> <urn:c> .\\n")
    >>> target.read_text(), [p.name for p in target.parent.iterdir()]
    ('<urn:a> <urn:b> <urn:c> .\\n', ['graph.nq'])
    """
    target = Path(target)
    handle, temp = tempfile.mkstemp(
        dir=target.parent, prefix=f"{_TEMP_PREFIX}{os.getpid()}-", suffix=_TEMP_SUFFIX
    )
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(handle, 0o666 & ~umask)
        with os.fdopen(handle, "wb") as stream:
            yield stream
        os.replace(temp, target)
    except OSError as error:
        raise InputError(
            f"The output {target} cannot be written ({error.strerror}): give another --out."
        ) from None
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


def load_graph(paths: Iterable[str | Path]) -> Graph:
    """Parse built graph files into one rdflib graph; a missing or unreadable file raises GraphError.

    >>> load_graph(["no/such/graph.ttl"])
    Traceback (most recent call last):
    ...
    kg.errors.GraphError: The graph file no/such/graph.ttl does not exist: build one with `kg build`.
    """
    dataset = Dataset(default_union=True)
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise GraphError(f"The graph file {path} does not exist: build one with `kg build`.")
        try:
            dataset.parse(path)
        except Exception as error:  # noqa: BLE001 - rdflib's parsers raise many unrelated types
            raise GraphError(
                f"The graph file {path} cannot be parsed as RDF ({type(error).__name__})."
            ) from None
    graph = bind_prefixes(Graph())
    for triple in dataset.triples((None, None, None)):
        graph.add(triple)
    return graph


#: The formats a corpus is written in (one named graph per report), and the file suffix of each.
CORPUS_FORMATS = {"nq": "nq", "trig": "trig"}


def ontology_nquads(graph: str) -> bytes:
    """The ontology (ontology/govkg.ttl) as N-Quads in the named graph ``graph``, in file order.

    >>> ontology_nquads("urn:g").count(b"<urn:g> .") > 100
    True
    """
    import pyoxigraph as ox

    triples = (quad.triple for quad in ox.parse(path=str(ONTOLOGY_FILE), format=ox.RdfFormat.TURTLE))
    quads = (ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(graph)) for t in triples)
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


def convert_nquads(nquads: bytes, fmt: str) -> bytes:
    """One report's N-Quads (as :func:`kg.corpus.build_task` gives them) in ``fmt``: nq, trig, or ttl
    (its triples without the graph name); prefixes as on every graph govkg writes but ``id:``, so an
    IRI such as ``…/indicator/20.`` is written whole rather than as a local name with escapes
    (``id:indicator\\/20\\.``: valid Turtle, but rdflib's parser refuses it).

    >>> data = b'<https://w3id.org/govkg/id/r> <http://purl.org/dc/terms/title> "\\xe6\\x8a\\xa5"@zh <urn:g> .\\n'
    >>> print(convert_nquads(data, "trig").decode().splitlines()[-3:])
    ['<urn:g> {', '\\t<https://w3id.org/govkg/id/r> dcterms:title "报"@zh .', '}']
    >>> print(convert_nquads(data, "ttl").decode().splitlines()[-1])
    <https://w3id.org/govkg/id/r> dcterms:title "报"@zh .
    """
    import pyoxigraph as ox

    if fmt == "nq":
        return nquads
    quads = ox.parse(nquads, format=ox.RdfFormat.N_QUADS)
    prefixes = {name: str(namespace) for name, namespace in PREFIXES.items() if name != "id"}
    if fmt == "ttl":
        return ox.serialize((quad.triple for quad in quads), format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=prefixes)


def dataset_from_nquads(chunks: Iterable[bytes]) -> Dataset:
    """The rdflib dataset of reports given as N-Quads, the ontology in its default graph (as
    :func:`build_reports` returns it), for the formats only rdflib writes (ttl, nt, jsonld)."""
    dataset = bind_prefixes(Dataset(default_union=True))
    for chunk in chunks:
        dataset.parse(data=chunk.decode("utf-8"), format="nquads")
    dataset.default_graph.parse(ONTOLOGY_FILE, format="turtle")  # after: rdflib's N-Quads parser empties it
    return dataset
