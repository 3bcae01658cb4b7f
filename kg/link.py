"""The link stage: mentions → entities with stable IRIs. The only place IRIs are minted.

One node per real thing within a report: mentions of one type whose names differ only
by a generic suffix (青山/青山县, 金禾食品/金禾食品集团) are merged. IRIs are derived from the
type and the normalised name, scoped so that many reports can share one graph
(see ontology/README.md): administrative divisions and companies are global, streets,
projects and local bodies are scoped by the report's region.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from kg.types import Document, Entity, Extraction, Linked, Mention
from kg.vocab import ID

# Generic endings dropped to compare two names of one type (a name is never reduced below two characters).
# Sources: company-law legal forms (有限责任公司, 股份有限公司 …) and the administrative-division suffixes
# of the national division code (GB/T 2260).
ALIAS_SUFFIXES: dict[str, tuple[str, ...]] = {
    "Company": ("股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司"),
    "Place": ("特别行政区", "自治州", "自治县", "街道", "省", "市", "区", "县", "镇", "乡", "片区"),
    "Policy": ("专项斗争", "工作", "活动", "战略"),
    "Organization": (),
    "Project": ("项目",),
}

# Administrative levels by name ending (GB/T 2260 suffixes, plus the genre's zones and areas).
LEVEL_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("经济技术开发区", "zone"),
    ("经济开发区", "zone"),
    ("高新技术产业开发区", "zone"),
    ("经开区", "zone"),
    ("高新区", "zone"),
    ("开发区", "zone"),
    ("新区", "zone"),
    ("自治区", "province"),
    ("特别行政区", "province"),
    ("省", "province"),
    ("自治州", "city"),
    ("地区", "area"),
    ("片区", "area"),
    ("社区", "village"),
    ("街道", "township"),
    ("市", "city"),
    ("区", "county"),
    ("县", "county"),
    ("旗", "county"),
    ("镇", "township"),
    ("乡", "township"),
    ("村", "village"),
    ("江", "natural"),
    ("河", "natural"),
    ("湖", "natural"),
    ("山", "natural"),
)

NATIONAL_ORG = re.compile(r"^(中共中央|党中央|中央|国务院|全国|中国|国家)")
POLICY_LEXICON = Path(__file__).resolve().parent / "lexicons" / "policies_national.txt"
_UNSAFE = re.compile(r"[^\w\-.~+]", re.UNICODE)


def slug(name: str) -> str:
    """The IRI-safe form of a name: NFKC, letters and digits kept, the rest percent-encoded.

    >>> slug("白鹭湾新城")
    '白鹭湾新城'
    >>> slug("1+3政策体系")
    '1+3政策体系'
    >>> slug('A "quoted"/name')
    'A%20%22quoted%22%2Fname'
    """
    text = unicodedata.normalize("NFKC", name).strip()
    return _UNSAFE.sub(lambda m: quote(m.group(0), safe=""), text)


def alias_key(name: str, type_: str) -> str:
    """The key two names of one type share when they name the same thing.

    >>> alias_key("金禾食品集团", "Company") == alias_key("金禾食品", "Company")
    True
    >>> alias_key("青山县", "Place"), alias_key("新区", "Place")
    ('青山', '新区')
    """
    key = unicodedata.normalize("NFKC", name)
    for suffix in ALIAS_SUFFIXES.get(type_, ()):
        if key.endswith(suffix) and len(key) - len(suffix) >= 2:
            return key[: -len(suffix)]
    return key


def admin_level(name: str) -> str | None:
    """The administrative level a place name's ending tells, as a gov:AdminLevel local name.

    >>> admin_level("红星经开区"), admin_level("桂花社区"), admin_level("赣江")
    ('zone', 'village', 'natural')
    """
    for suffix, level in LEVEL_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return level
    return None


@lru_cache(maxsize=1)
def _national_policies() -> frozenset[str]:
    """Nationwide policy names (kg/lexicons/policies_national.txt): their nodes are shared by all reports."""
    if not POLICY_LEXICON.exists():
        return frozenset()
    lines = POLICY_LEXICON.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def region_parts(full_name: str) -> list[tuple[str, str]]:
    """The nested administrative divisions inside a full region name, outermost first, as (full, own) names.

    >>> region_parts("江西省赣州市青山县")
    [('江西省', '江西省'), ('江西省赣州市', '赣州市'), ('江西省赣州市青山县', '青山县')]
    """
    parts, current = [], ""
    for piece in re.findall(r".+?(?:自治区|特别行政区|自治州|自治县|省|市|区|县|旗|镇|乡|街道)", full_name):
        current += piece
        parts.append((current, piece))
    return parts


def resolve_division(name: str, doc: Document) -> str | None:
    """The full administrative name of ``name`` when it is the report's region or one that encloses it.

    >>> from kg.types import Document
    >>> doc = Document(text="", sentences=(), sections=(), region_full="江西省赣州市青山县")
    >>> resolve_division("青山", doc), resolve_division("赣州市青山县", doc), resolve_division("解放路", doc)
    ('江西省赣州市青山县', '江西省赣州市青山县', None)
    """
    key = alias_key(name, "Place")
    for full, own in reversed(region_parts(doc.region_full)):
        if name == full or key == alias_key(own, "Place") or full.endswith(name) and len(name) > len(own):
            return full
    return None


def report_iri(doc: Document, *, shared: bool = False) -> str:
    """The report's IRI: region code (or full name) and year, plus a content hash when those do not identify it.

    The hash (the first 12 hex digits of :attr:`Document.checksum`) is added when the region or the year
    was not found, or when ``shared`` says that another text of the same run claims the same region and
    year (see :func:`kg.corpus.plan_reports`), so two different texts never share a report IRI.

    >>> from kg.types import Document
    >>> doc = Document(text="", sentences=(), sections=(), region_full="江西省赣州市青山县",
    ...                region_code="360799", year=2021, checksum="3f2a9c1b0d4e" + "0" * 52)
    >>> report_iri(doc)
    'https://w3id.org/govkg/id/report/360799/2021'
    >>> report_iri(doc, shared=True)
    'https://w3id.org/govkg/id/report/360799/2021-3f2a9c1b0d4e'
    >>> report_iri(Document(text="全年增长8%。", sentences=(), sections=()))
    'https://w3id.org/govkg/id/report/unknown/unknown-d5c99215bbe9'
    """
    region = doc.region_code or slug(doc.region_full or doc.region or "unknown")
    year = doc.year if doc.year is not None else "unknown"
    iri = f"{ID}report/{region}/{year}"
    if shared or doc.year is None or not (doc.region_code or doc.region_full or doc.region):
        checksum = doc.checksum or hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        return f"{iri}-{checksum[:12]}"
    return iri


def entity_iri(type_: str, name: str, doc: Document) -> str:
    """The IRI of an entity of ``type_`` named ``name`` in the report ``doc`` (see ontology/README.md).

    >>> from kg.types import Document
    >>> doc = Document(text="", sentences=(), sections=(), region_full="江西省赣州市青山县")
    >>> entity_iri("Place", "青山县", doc)
    'https://w3id.org/govkg/id/place/江西省赣州市青山县'
    >>> entity_iri("Place", "解放路", doc)
    'https://w3id.org/govkg/id/place/江西省赣州市青山县/解放路'
    >>> entity_iri("Company", "金禾食品", doc)
    'https://w3id.org/govkg/id/company/金禾食品'
    """
    scope = slug(doc.region_full or doc.region or "unknown")
    kind = type_.lower()
    if type_ == "Place":
        division = resolve_division(name, doc)
        if division:
            return f"{ID}place/{slug(division)}"
    elif type_ == "Company":
        return f"{ID}company/{slug(name)}"
    elif type_ == "Organization" and NATIONAL_ORG.match(name):
        return f"{ID}organization/{slug(name)}"
    elif type_ == "Policy" and name in _national_policies():
        return f"{ID}policy/{slug(name)}"
    return f"{ID}{kind}/{scope}/{slug(name)}"


def indicator_iri(name: str) -> str:
    """The global IRI of an indicator.

    >>> indicator_iri("地区生产总值")
    'https://w3id.org/govkg/id/indicator/地区生产总值'
    """
    return f"{ID}indicator/{slug(name)}"


def fact_iri(report: str, kind: str, *parts: object) -> str:
    """A report-scoped IRI for a fact node, from a hash of what identifies it.

    >>> fact_iri("https://w3id.org/govkg/id/report/430407/2019", "observation", "地区生产总值", 2018, 175.6)
    'https://w3id.org/govkg/id/report/430407/2019/observation/c138af2a970e'
    """
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]
    return f"{report}/{kind}/{digest}"


def preferred_name(names: Counter) -> str:
    """The name an entity is shown by: the most frequent, then the longest, then the first in order.

    >>> preferred_name(Counter({"青山": 3, "青山县": 3, "赣州市青山县": 1}))
    '青山县'
    """
    return min(names, key=lambda n: (-names[n], -len(n), n))


def _relation_mentions(extraction: Extraction) -> list[Mention]:
    """Mentions implied by relations whose ends the entity extractor did not name (clusters, glossary terms)."""
    mentions = []
    for rel in extraction.relations:
        ends = [(rel.subject, rel.subject_type)]
        if rel.object_type:
            ends.append((rel.object, rel.object_type))
        for name, type_ in ends:
            mentions.append(Mention(name, type_, rel.sentence, rel.start, rel.end, name, rule="relation"))
    return mentions


def _group_mentions(mentions: Iterable[Mention]) -> dict[tuple[str, str], list[Mention]]:
    """Group mentions by (type, alias key), in a deterministic order."""
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for mention in sorted(mentions, key=lambda m: (m.type, m.start, m.end, m.name)):
        groups[(mention.type, alias_key(mention.name, mention.type))].append(mention)
    return groups


def link(extraction: Extraction) -> Linked:
    """Resolve the mentions of ``extraction`` to entities with stable IRIs.

    >>> from kg.types import Document, Sentence
    >>> text = "金禾食品集团投资白鹭湾新城。金禾食品来了。"
    >>> doc = Document(text=text, sentences=(Sentence(0, text[:14], 0, 14, None, 2020),
    ...                Sentence(1, text[14:], 14, 21, None, 2020)), sections=(), region_full="江西省赣州市青山县")
    >>> ms = (Mention("金禾食品集团", "Company", 0, 0, 6), Mention("金禾食品", "Company", 1, 14, 18))
    >>> [(e.name, e.aliases, len(e.mentions)) for e in link(Extraction(doc, ms)).entities]
    [('金禾食品集团', ('金禾食品',), 2)]
    """
    doc = extraction.document
    known = {(m.type, m.name) for m in extraction.mentions}
    implied = [m for m in _relation_mentions(extraction) if (m.type, m.name) not in known]
    by_iri: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for (type_, _key), mentions in _group_mentions([*extraction.mentions, *implied]).items():
        names = Counter(m.name for m in mentions)
        by_iri[(entity_iri(type_, preferred_name(names), doc), type_)].extend(mentions)
    entities, index = [], {}
    for (iri, type_), mentions in sorted(by_iri.items()):
        entities.append(_make_entity(iri, type_, mentions, doc))
        index.update({(type_, m.name): iri for m in mentions})
    return Linked(extraction=extraction, report_iri=report_iri(doc), entities=tuple(entities), index=index)


def _make_entity(iri: str, type_: str, mentions: list[Mention], doc: Document) -> Entity:
    """An entity from its mentions: preferred name, aliases, and for places level and code."""
    names = Counter(m.name for m in mentions)
    name = preferred_name(names)
    level = code = None
    if type_ == "Place":
        division = resolve_division(name, doc)
        level = admin_level(name)
        if division and division == doc.region_full:
            level, code = doc.region_level or level, doc.region_code
    return Entity(
        iri=iri,
        type=type_,
        name=name,
        aliases=tuple(sorted(n for n in names if n != name)),
        mentions=tuple(sorted(mentions, key=lambda m: (m.start, m.end, m.name))),
        admin_level=level,
        region_code=code,
    )
