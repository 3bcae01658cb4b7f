"""The link stage: mentions → entities with stable IRIs. The only place IRIs are minted.

One node per real thing within a report: mentions of one type whose names differ only
by a generic suffix (青山/青山县, 金禾食品/金禾食品集团) are merged. IRIs are derived from the
type and the normalised name, scoped so that many reports can share one graph
(see ontology/README.md): administrative divisions (resolved by :mod:`kg.divisions`) and
companies with a distinctive name (:func:`is_distinctive_company`) are global; streets,
projects, local bodies and companies known by a short name only are scoped by the report's
region. A project keeps one node across the reports of its region however its name varies
(:func:`project_key`), and a short company name is an alias of the one full name of the
same report that begins with it (恒达 of 恒达科技集团有限公司).
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

from kg.divisions import Resolution, resolve
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
BRAND_LEXICON = Path(__file__).resolve().parent / "lexicons" / "brands_national.txt"

#: Legal forms (company law: 有限公司, 有限责任公司, 股份有限公司; a group, 集团) that make a company
#: name distinctive enough to be one node across regions.
LEGAL_FORMS: tuple[str, ...] = ("有限公司", "有限责任公司", "集团", "股份")

#: Spelling variants of one project, removed in turn until none is left (:func:`project_key`), so the
#: reports of a region that write a project differently give it one node. Each row: the pattern,
#: what it removes, an example.
PROJECT_VARIANTS: tuple[tuple[str, str, str], ...] = (
    (r"[(（][^()（）]*[)）]", "a bracketed section, phase or note", "甲湾大道(东段) → 甲湾大道"),
    (
        r"(?:建设)?(?:项目|工程)$",
        "a trailing 项目 or 工程 (建设项目, 建设工程)",
        "乙湖综合治理工程 → 乙湖综合治理",
    ),
    (r"(?:第?[一二三四五六七八九十\d]+|首)期$", "a phase", "丙谷科技园二期 → 丙谷科技园"),
)
_PROJECT_VARIANTS = tuple(re.compile(pattern) for pattern, _what, _example in PROJECT_VARIANTS)
#: The legal form a global company IRI leaves out, so 甲集团有限公司 and 甲集团 are one node.
_LEGAL_TAIL = re.compile(r"(?:股份有限公司|有限责任公司|有限公司)$")
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

    A company sheds every legal form (金禾食品集团有限公司 → 金禾食品), a project its variants
    (:func:`project_key`), other types one generic ending.

    >>> alias_key("金禾食品集团", "Company") == alias_key("金禾食品集团有限公司", "Company") == "金禾食品"
    True
    >>> alias_key("青山县", "Place"), alias_key("新区", "Place"), alias_key("丁港码头二期工程", "Project")
    ('青山', '新区', '丁港码头')
    """
    key = unicodedata.normalize("NFKC", name)
    if type_ == "Project":
        return project_key(key)
    shortened = True
    while shortened:
        shortened = False
        for suffix in ALIAS_SUFFIXES.get(type_, ()):
            if key.endswith(suffix) and len(key) - len(suffix) >= 2:
                key, shortened = key[: -len(suffix)], type_ == "Company"
                break
    return key


def project_key(name: str) -> str:
    """A project's name without the variants of :data:`PROJECT_VARIANTS`, never below two characters.

    >>> [project_key(n) for n in ("甲湾大道(东段)", "乙湖综合治理工程", "丙谷科技园二期项目", "丁站")]
    ['甲湾大道', '乙湖综合治理', '丙谷科技园', '丁站']
    >>> project_key("新城（一期）建设项目"), project_key("二期工程")
    ('新城', '二期')
    """
    key = unicodedata.normalize("NFKC", name).strip()
    changed = True
    while changed:
        changed = False
        for pattern in _PROJECT_VARIANTS:
            shorter = pattern.sub("", key).strip()
            if shorter != key and len(shorter) >= 2:
                key, changed = shorter, True
    return key


@lru_cache(maxsize=1)
def _national_brands() -> frozenset[str]:
    """Nationwide brands known by their short name (kg/lexicons/brands_national.txt)."""
    lines = BRAND_LEXICON.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def is_distinctive_company(name: str) -> bool:
    """True when a company name is distinctive enough to be one node for every region: it carries a
    legal form (:data:`LEGAL_FORMS`) or is a nationwide brand of ``kg/lexicons/brands_national.txt``.

    >>> is_distinctive_company("恒达科技集团有限公司"), is_distinctive_company("恒达"), is_distinctive_company("华为")
    (True, False, True)
    """
    name = unicodedata.normalize("NFKC", name)
    return any(form in name for form in LEGAL_FORMS) or name in _national_brands()


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


def place_division(name: str, doc: Document, context: str = "") -> Resolution:
    """The division a place name other than the report's region stands for: one enclosing the region
    (short names too: 赣州 in a report of 赣州市青山县), else any division :func:`kg.divisions.resolve`
    singles out from the report's region and ``context`` (the sentences that name it).

    >>> from kg.types import Document
    >>> doc = Document(text="", sentences=(), sections=(), region_full="广东省深圳市南山区", region_code="440305")
    >>> place_division("龙华区", doc).division.code, place_division("深圳", doc).division.code
    ('440309', '440300')
    """
    return resolve(resolve_division(name, doc) or name, doc.region_code, context)


def entity_iri(type_: str, name: str, doc: Document, context: str = "") -> str:
    """The IRI of an entity of ``type_`` named ``name`` in the report ``doc`` (see ontology/README.md).

    ``context`` is the text of the sentences that name it (a parent city named there settles which of
    several divisions of one name it is).

    >>> from kg.types import Document
    >>> doc = Document(text="", sentences=(), sections=(), region_full="江西省赣州市青山县")
    >>> entity_iri("Place", "青山县", doc)
    'https://w3id.org/govkg/id/place/江西省赣州市青山县'
    >>> entity_iri("Place", "解放路", doc)
    'https://w3id.org/govkg/id/place/江西省赣州市青山县/解放路'
    >>> entity_iri("Place", "海口市龙华区", doc)
    'https://w3id.org/govkg/id/place/海南省海口市龙华区'
    >>> entity_iri("Company", "金禾食品集团有限公司", doc), entity_iri("Company", "金禾食品", doc)
    ('https://w3id.org/govkg/id/company/金禾食品集团', 'https://w3id.org/govkg/id/company/江西省赣州市青山县/金禾食品')
    """
    scope = slug(doc.region_full or doc.region or "unknown")
    kind = type_.lower()
    if type_ == "Place":
        division = resolve_division(name, doc)
        if division:
            return f"{ID}place/{slug(division)}"
        found = resolve(name, doc.region_code, context).division
        if found:
            return f"{ID}place/{slug(found.full)}"
    elif type_ == "Company" and is_distinctive_company(name):
        return f"{ID}company/{slug(_LEGAL_TAIL.sub('', unicodedata.normalize('NFKC', name)) or name)}"
    elif type_ == "Project":
        return f"{ID}project/{scope}/{slug(project_key(name))}"
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


def _merge_short_companies(
    groups: dict[tuple[str, str], list[Mention]],
) -> dict[tuple[str, str], list[Mention]]:
    """Merge a company's short name into its long one (恒达 into 恒达不锈钢): a report writes a company out
    once and shortens it to its proper part after; the short key must open exactly one longer company key,
    or the short name is ambiguous (甲 of 甲基因 and 甲智造) and stays its own.

    >>> g = {("Company", "青峰"): ["a"], ("Company", "青峰钢业"): ["b"], ("Company", "白鹭"): ["c"],
    ...      ("Company", "白鹭食品"): ["d"], ("Company", "白鹭纸业"): ["e"], ("Place", "青峰山"): ["f"]}
    >>> sorted((k[1], v) for k, v in _merge_short_companies(g).items())
    [('白鹭', ['c']), ('白鹭纸业', ['e']), ('白鹭食品', ['d']), ('青峰山', ['f']), ('青峰钢业', ['b', 'a'])]
    """
    keys = [k for t, k in groups if t == "Company"]
    out = dict(groups)
    for short in keys:
        longer = [k for k in keys if k != short and k.startswith(short)]
        if len(short) >= 2 and len(longer) == 1:
            out[("Company", longer[0])] = out[("Company", longer[0])] + out.pop(("Company", short))
    return out


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
    groups = _merge_short_companies(_group_mentions([*extraction.mentions, *implied]))
    for (type_, _key), mentions in groups.items():
        names = Counter(m.name for m in mentions)
        by_iri[(entity_iri(type_, _iri_name(type_, names), doc, _context(mentions, doc)), type_)].extend(
            mentions
        )
    entities, index = [], {}
    for (iri, type_), mentions in sorted(by_iri.items()):
        entities.append(_make_entity(iri, type_, mentions, doc))
        index.update({(type_, m.name): iri for m in mentions})
    return Linked(extraction=extraction, report_iri=report_iri(doc), entities=tuple(entities), index=index)


def _iri_name(type_: str, names: Counter) -> str:
    """The name an entity's IRI is made from: for a company its longest distinctive name, if any."""
    if type_ == "Company":
        distinctive = [n for n in names if is_distinctive_company(n)]
        if distinctive:
            return min(distinctive, key=lambda n: (-len(n), n))
    return preferred_name(names)


def _context(mentions: list[Mention], doc: Document) -> str:
    """The text of the sentences that name an entity."""
    indices = sorted({m.sentence for m in mentions if 0 <= m.sentence < len(doc.sentences)})
    return "".join(doc.sentences[i].text for i in indices)


def _make_entity(iri: str, type_: str, mentions: list[Mention], doc: Document) -> Entity:
    """An entity from its mentions: preferred name, aliases, and for places level, code and a note
    when several divisions bear its name."""
    names = Counter(m.name for m in mentions)
    name = preferred_name(names)
    level = code = None
    note = ""
    if type_ == "Place":
        level = admin_level(name)
        if resolve_division(name, doc) == doc.region_full:
            level, code = doc.region_level or level, doc.region_code
        else:
            resolution = place_division(name, doc, _context(mentions, doc))
            if resolution.division:
                level, code = resolution.division.level, resolution.division.code
            note = resolution.note
    return Entity(
        iri=iri,
        type=type_,
        name=name,
        aliases=tuple(sorted(n for n in names if n != name)),
        mentions=tuple(sorted(mentions, key=lambda m: (m.start, m.end, m.name))),
        admin_level=level,
        region_code=code,
        note=note or None,
    )
