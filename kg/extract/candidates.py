"""Candidate names: the filters every candidate passes and the choice among overlapping ones.

Generic nouns, honours, metadata, dates, counts and scraping junk are filtered out (:func:`accept`,
:func:`make_candidate`); the candidates of a sentence are resolved longest first, then by rule rank
(:func:`resolve`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.lexicons import opens_with_division, terms
from kg.extract.name_types import CJK
from kg.extract.names import glued_conjunction, head_of, is_generic, is_honour, is_slogan, normalise, type_of
from kg.extract.tokens import LEADING_COUNT, MAX_NAME
from kg.types import Document

#: Region-relative Party, government, congress and CPPCC bodies (区委, 省政府, 市人大常委会); a member (委员) or
#: the Party school (市委党校) is no such body.
REGION_BODY = re.compile(
    r"(?:中共)?(?:[省市区县州旗镇乡]|街道)(?:人民政府|人大常委会|人大|政府|政协|党委|党工委|纪委|监委|委)(?!员|党校)"
)

#: Dates and deadlines glued to a name by the tagger (6月底前, 年内).
_DATE = re.compile(r"\d+月|底前|年内|上半年|下半年")

#: The report's own meeting (区五届人大 …) and speaker: metadata, not entities.
_METADATA = re.compile(r"代表大会|会议|工作报告|区长|县长|市长|省长|主任|书记|届")

#: A five-year plan's period (十二五, “十三五”时期): a time, never a name; its plan (十四五规划) is one.
_PERIOD = re.compile(r"十[一二三四五六七八九]?五(时期|期间|期)?")

#: Latin letters glued before a name that opens with a division (FTR湖南省人民政府): scraping junk.
_LATIN_OPENING = re.compile(r"[A-Za-z]+\s*")

#: A ranking or title written before a company (世界500强企业, 中国民营企业500强, 全国百强, 世界领军企业): no
#: part of the name, which starts after it; a ranked county or district (百强县) is a title won instead.
_RANKED = re.compile(r"(?:\d+|[十百千])强(?:企业)?(?![县市区镇乡村])|领军企业")

#: A count closing a clause after a noun (人畜饮水安全工程182处。, 文化广场12个，): many such works, a kind.
_COUNTED = re.compile(r"(?![1一][处座个])[\d.一两二三四五六七八九十百千万]+[处座个](?=[，。；、,;）)]|$)")

#: The rest of a list closed by one 项目 (、乙精制、丙树脂项目): its items are parts of one project; a
#: list closed by 等…项目 (甲汽车、乙一期等项目) names several projects, one an item.
PROJECT_LIST = re.compile(r"(?:、[^、，。；：,;:和及与]{1,12}?)*?、[^、，。；：,;:等]{1,12}?项目")

#: A role a name is given (以甲为中心): no part of it.
_ROLE_AFTER = re.compile(r"为(?:中心|核心|重点|主体|龙头|引领|支撑|抓手|载体|依托|枢纽)$")
#: A predicate or a 等 of a list inside a span that ends with a head: the name ends before it (中等 and
#: 高等 are words).
_PREDICATE_INSIDE = re.compile(r"(?<![中高初平同均对])等(?!级)|获批|入选|荣获|获评")
#: A first written before a name (全国首创, 全市首批, 首个): a ranking of the thing, no part of its name.
_FIRSTS = re.compile(
    r"(?:全国|全省|全市|全区|全县|国内|省内|市内|区内)?(?:首创|首个|首批|首家|首条|首座|首只)"
)

#: A measure of area, length or money inside a span (352万平方米, 1200亩): a quantity of a kind of things,
#: no name; a capacity (年产10万吨) is a project's own and not listed.
_MEASURE = re.compile(r"\d[\d.]*万?(?:平方米|平方公里|亩|公里|亿元|万元)")

#: A range of levels or sizes inside a span (市级以上创新平台, 5000万元以下企业): a class of things, no name.
_RANGE = re.compile(r"[级元人米亩]以[上下]")

#: Openings of honours and levels (省级示范区, 全省平安县): no thing's own name starts so.
_LEVELS = ("省级", "市级", "国家级", "国家3A", "国家4A", "国家5A", "全省", "全国", "全市", "全区", "全县")


#: The endings of abstract nouns (均衡化, 普惠性, 核心竞争力, 高质量): a word without a head that ends so
#: names a quality, never a firm, though the tagger may read it as an organisation.
_ABSTRACT = re.compile(r"[\u4e00-\u9fff]{2}(?:化|性|力)$|质量$")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible mention: its span, type, the rule that found it, its normalised name and the
    rule's rank (lower is surer)."""

    start: int
    end: int
    type: str
    rule: str
    name: str
    rank: int


def accept(name: str, kind: str | None) -> bool:
    """True when ``name`` may be a mention of type ``kind`` (filters generic nouns, honours, noise).

    >>> accept("金禾食品", "Company"), accept("安置房", "Project"), accept("P5", "Policy"), accept("十三五", "Policy")
    (True, False, False, False)
    >>> accept("片区35万平方米潜力地块", "Project"), accept("市级以上创新平台", "Policy")
    (False, False)
    >>> accept("公办教育均衡化", "Company"), accept("核心竞争力", "Company"), accept("青禾化工", "Company")
    (False, False, True)
    """
    if kind is None or len(name) < 2 or len(name) > MAX_NAME or not CJK.search(name):
        return False
    if is_generic(name) or is_honour(name) or _METADATA.search(name) or _DATE.search(name):
        return False
    if glued_conjunction(name) or (kind != "Organization" and REGION_BODY.fullmatch(name)):
        return False
    if name.count("(") + name.count("（") != name.count(")") + name.count("）"):
        return False
    if kind != "Policy" and (LEADING_COUNT.match(name) or name.startswith(_LEVELS)):
        return False
    if _MEASURE.search(name) or _RANGE.search(name):
        return False
    if _PERIOD.fullmatch(name) or (kind == "Place" and is_slogan(name)):
        return False
    if kind == "Company" and head_of(name) is None and _ABSTRACT.search(name):
        return False
    return name not in terms("not_entities.txt")


def make_candidate(
    doc: Document, start: int, end: int, kind: str | None, rule: str, rank: int
) -> list[Candidate]:
    """A one-element list with the candidate for doc.text[start:end], or [] when it is filtered out.

    The name starts after scraping junk, after a ranking written before it (:func:`_past_ranking`),
    after a first (全国首创, 首批) and after the 好 that completes a verb (发挥好甲馆); it ends before a
    role it is given (以甲为中心) and before a predicate or list word inside it (甲医院等…, 甲医院获批…),
    typed then by its own head;
    a noun counted by more than one (…工程182处) names a kind of works and is no candidate, nor is an
    item found by head before a list closed by one 项目 (甲加氢、乙精制、丙树脂项目: no policy).
    """
    start = _past_ranking(doc.text, _past_junk(doc.text, start, end), end)
    first = _FIRSTS.match(doc.text, start, end)
    start = first.end() if first and end - first.end() >= 2 else start
    if doc.text.startswith("好", start) and start and CJK.match(doc.text[start - 1]) and end - start > 3:
        start += 1  # 发挥好甲实验室, 运营好乙纪念馆: 好 completes the verb before the name
    cut = _ROLE_AFTER.search(doc.text, start + 2, end) or _PREDICATE_INSIDE.search(doc.text, start + 2, end)
    if cut and rule != "lexicon":  # 以甲枢纽为中心, 甲医院等…, 甲医院获批…: the name ends before them
        end, kind = cut.start(), type_of(doc.text[start : cut.start()])
        if kind is None:
            return []
    if _COUNTED.match(doc.text, end):
        return []
    if kind == "Policy" and rule != "lexicon" and PROJECT_LIST.match(doc.text, end):
        return []
    name = normalise(doc.text[start:end])
    if not accept(name, kind):
        return []
    return [Candidate(start, end, kind, rule, name, rank)]


def _past_junk(text: str, start: int, end: int) -> int:
    """Where a name in text[start:end] starts when scraping glued Latin letters before a name that opens
    with a division or a region-relative body (FTR湖南省人民政府); a Latin brand (TCL集团) stays.

    >>> _past_junk("FTR湖南省人民政府", 0, 10), _past_junk("TCL集团", 0, 5)
    (3, 0)
    """
    junk = _LATIN_OPENING.match(text, start, end)
    if junk is None or junk.end() == end:
        return start
    rest = text[junk.end() : end]
    opens = opens_with_division(rest) or REGION_BODY.match(rest)
    return junk.end() if opens else start


def _past_ranking(text: str, start: int, end: int) -> int:
    """Where a name in text[start:end] starts after a ranking or title written before it (世界500强企业,
    中国民营企业500强, 全国百强): the ranking may open inside the span or just before it.

    >>> _past_ranking("世界500强企业青禾控股集团", 0, 14), _past_ranking("民营企业500强白鹭集团", 7, 12)
    (8, 8)
    >>> _past_ranking("全国百强县青山县", 0, 8), _past_ranking("青禾集团", 0, 4)
    (0, 0)
    """
    window = max(start - 6, 0)
    if "强" not in text[window:end] and "领军" not in text[window:end]:
        return start
    after = start
    for match in _RANKED.finditer(text, window, end):
        if start < match.end() < end:
            after = match.end()
    return after


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first, then by rule rank (lower is surer).

    A span that is only several lexicon names written together (党中央国务院, 省委省政府) gives way
    to them.
    """
    sure = [c for c in candidates if c.rule in ("lexicon", "region-body")]
    tiled = {(c.start, c.end) for c in candidates if c not in sure and _tiles(c.start, c.end, sure)}
    chosen: list[Candidate] = []
    for c in sorted(
        candidates, key=lambda c: (c.rank != 0, -(c.end - c.start), c.rank, c.start, c.type, c.name)
    ):
        if (c.start, c.end) in tiled and c not in sure:
            continue
        if any(c.start < o.end and o.start < c.end for o in chosen):
            continue
        chosen.append(c)
    return chosen


def _tiles(start: int, end: int, parts: list[Candidate]) -> bool:
    """True when two or more of ``parts`` cover [start, end) exactly, end to end."""
    pos, count = start, 0
    by_start = {p.start: p for p in parts}
    while pos < end and pos in by_start and by_start[pos].end <= end:
        pos, count = by_start[pos].end, count + 1
    return pos == end and count >= 2


def in_title(doc: Document, c: Candidate) -> bool:
    """True when a body's name is the front of the report's title (甲县政府工作报告): metadata.

    >>> in_title(Document("甲县政府工作报告", (), ()), Candidate(0, 4, "Organization", "head", "甲县政府", 3))
    True
    """
    return c.type == "Organization" and doc.text.startswith("工作报告", c.end)
