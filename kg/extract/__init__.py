"""The extract stage: a Document in, an Extraction (mentions, observations, relations) out.

Each kind of evidence has its own module: ``entities`` (typed names), ``observations``
(figures), ``relations`` (located in, takes part in, status, deadline, definitions).
"""

from __future__ import annotations

from dataclasses import asdict

from kg.types import Document, Extraction


def extract(doc: Document) -> Extraction:
    """Run every extractor over ``doc``.

    >>> from kg.ingest import ingest_text
    >>> result = extract(ingest_text("二、2020年工作安排\\n地区生产总值增长7%左右。"))
    >>> [(o.indicator, o.value, o.kind, o.qualifier) for o in result.observations]
    [('地区生产总值', 7.0, 'target', '左右')]
    """
    from kg.extract.entities import extract_mentions
    from kg.extract.observations import extract_observations
    from kg.extract.relations import extract_relations

    mentions = extract_mentions(doc)
    return Extraction(
        document=doc,
        mentions=mentions,
        observations=extract_observations(doc),
        relations=extract_relations(doc, mentions),
    )


def extraction_to_dict(extraction: Extraction) -> dict:
    """A JSON-ready view of ``extraction``: document metadata and the facts with their evidence.

    >>> from kg.types import Document
    >>> extraction_to_dict(Extraction(Document(text="", sentences=(), sections=(), year=2020)))["document"]["year"]
    2020
    """
    doc = extraction.document
    meta = {k: v for k, v in asdict(doc).items() if k not in ("text", "sentences", "sections")}
    return {
        "document": meta,
        "sections": [asdict(s) for s in doc.sections],
        "mentions": [asdict(m) for m in extraction.mentions],
        "observations": [asdict(o) for o in extraction.observations],
        "relations": [asdict(r) for r in extraction.relations],
    }
