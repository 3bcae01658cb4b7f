"""The data that flows between the pipeline's stages.

ingest → :class:`Document`; extract → :class:`Extraction`; link → :class:`Linked`.
Every fact carries its evidence: the index of the sentence it came from and the
character offsets of its span in :attr:`Document.text`.

All classes are frozen dataclasses; stages never exchange loose dicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: The five entity types of the annotation guidelines, as ontology local names.
ENTITY_TYPES: tuple[str, ...] = ("Project", "Company", "Place", "Policy", "Organization")

#: Named groupings that relations point to but that are none of the five types: industrial
#: clusters (…产业群), routes and circuits (…精品线路). Ontology class gov:Cluster.
CLUSTER_TYPE = "Cluster"

#: Kinds of observation, as ontology local names of ``gov:ObservationKind`` members.
OBSERVATION_KINDS: tuple[str, ...] = ("actual", "growth", "share", "target", "rank")

#: Project statuses in the report year (ontology local names of ``gov:ProjectStatus`` members).
PROJECT_STATUSES: tuple[str, ...] = ("completed", "underConstruction", "started", "planned")

#: Relation predicates an extractor may produce (ontology local names of properties).
#: ``locatedIn``: entity → Place; ``participatesIn``: Company → Project/cluster;
#: ``partOf``: entity → named cluster or programme; ``status``: Project → status name
#: (object is one of PROJECT_STATUSES); ``deadline``: Project → deadline as written;
#: ``definition``: Policy (or any entity) → glossary definition text.
RELATION_PREDICATES: tuple[str, ...] = (
    "locatedIn",
    "participatesIn",
    "partOf",
    "status",
    "deadline",
    "definition",
)


@dataclass(frozen=True)
class Section:
    """A heading of the report and the span of text it governs.

    ``level`` is 1 for 一、…, 2 for （一）…, 3 for 1. … items.
    ``parent`` is the index of the enclosing section, or None.
    """

    index: int
    title: str
    level: int
    start: int
    end: int
    parent: int | None = None


@dataclass(frozen=True)
class Sentence:
    """One sentence of the normalised text.

    ``start``/``end`` are offsets into :attr:`Document.text` (``text == doc.text[start:end]``).
    ``section`` is the index of the innermost section containing it (None before the first).
    ``year`` is the year its figures are about (review part → previous year, plan → report year).
    ``part`` is one of ``"front"``, ``"review"``, ``"plan"``, ``"glossary"``, ``"other"``.
    """

    index: int
    text: str
    start: int
    end: int
    section: int | None
    year: int | None
    part: str = "other"


@dataclass(frozen=True)
class Document:
    """A normalised report: text, sections, sentences and metadata.

    ``region`` is the region as written (e.g. ``"衡阳市石鼓区"``); ``region_full`` its full
    administrative name (``"湖南省衡阳市石鼓区"``) and ``region_code`` its code when known.
    ``year`` is the report year (the year of the meeting that heard it).
    ``source`` is the path or URL it was read from; ``checksum`` the SHA-256 of the normalised text.
    ``structure`` says, one line each, how the year, the region and the part of every level-1
    section were decided (shown by ``kg extract``).
    """

    text: str
    sentences: tuple[Sentence, ...]
    sections: tuple[Section, ...]
    source: str = ""
    title: str = ""
    region: str = ""
    region_full: str = ""
    region_code: str | None = None
    region_level: str | None = None
    year: int | None = None
    checksum: str = ""
    structure: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A typed name found in a sentence.

    ``text`` is the surface form exactly as in the sentence (``doc.text[start:end]``);
    ``name`` is the normalised name the linker groups on (span repaired, quotes removed).
    ``rule`` says which extractor produced it (for debugging and ``kg extract --json``).
    """

    name: str
    type: str
    sentence: int
    start: int
    end: int
    text: str = ""
    rule: str = ""


@dataclass(frozen=True)
class Observation:
    """One quantitative statement about an indicator.

    ``value`` is a plain number in the ``unit`` as written (175.6 with ``"亿元"``);
    ``kind`` is one of :data:`OBSERVATION_KINDS`; ``qualifier`` is 左右/以上/以内/余… or None.
    ``start``/``end`` delimit the evidence span in :attr:`Document.text`.
    """

    indicator: str
    value: float
    unit: str
    year: int
    kind: str
    sentence: int
    start: int
    end: int
    qualifier: str | None = None
    text: str = ""


@dataclass(frozen=True)
class Relation:
    """A relation between two named things, or a thing and a literal, with its evidence.

    ``subject``/``object`` are mention names (as in :attr:`Mention.name`); ``subject_type``
    and ``object_type`` their entity types. For literal objects (status, deadline,
    definition) ``object_type`` is None and ``object`` is the literal value. ``object_type`` may be
    :data:`CLUSTER_TYPE` for a cluster or route named only as the object of participatesIn/partOf.
    """

    subject: str
    subject_type: str
    predicate: str
    object: str
    object_type: str | None
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document, before linking."""

    document: Document
    mentions: tuple[Mention, ...] = ()
    observations: tuple[Observation, ...] = ()
    relations: tuple[Relation, ...] = ()


@dataclass(frozen=True)
class Entity:
    """One real thing within a report: a stable IRI, a preferred name, aliases, mentions."""

    iri: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    admin_level: str | None = None
    region_code: str | None = None
    note: str | None = None  # why a place was left unresolved (several divisions bear its name)


@dataclass(frozen=True)
class Linked:
    """An extraction whose mentions are resolved to entities with stable IRIs.

    ``index`` maps ``(type, mention name)`` to the entity IRI, so relations can be resolved.
    """

    extraction: Extraction
    report_iri: str
    entities: tuple[Entity, ...] = ()
    index: dict[tuple[str, str], str] = field(default_factory=dict)
