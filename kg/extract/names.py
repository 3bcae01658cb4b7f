"""The span grammar of names in government work reports: normalising, typing by head, filtering.

A name's last word (its head: 隧道, 集团, 社区, 改革 …) says what kind of thing it is; the head
table lives in ``kg/lexicons/heads.tsv``. This module answers questions about one candidate
string; finding candidates in sentences is :mod:`kg.extract.entities`' job.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.lexicons import divisions, heads, terms

#: Quote marks, brackets and spaces that are not part of a name.
_STRIP = re.compile(r"[\s\u3000\"'“”‘’「」『』《》〈〉【】]+")

#: Verbs before 工程 that make it a thing built (修缮工程) rather than a programme (提升工程).
_BUILD_VERBS = ("修缮", "改扩建", "新建", "扩建", "维修", "加固", "修复", "除险", "续建")

#: Honours and titles won (GENRE.md: "Titles won … are honours, not places").
_HONOUR = re.compile(
    r"^(全国|全省|全市|国家级?|省级?|市级?)\S*(示范区|先进区|先进单位|试点区|示范点|旅游点|示范园|实验区|"
    r"称号|县市区|百强县|先进县|先进集体|文明单位)$"
)

#: A ranking won (百强区, 十强县, 100强县): an honour whatever opens it (全国工业百强区, 全省“十强县”).
_RANK = r"(?:[十百千]|\d+)强(?:县市区|县区|县市|县|区|市|镇|乡|村)"
_RANKING = re.compile(_RANK + "$")

#: A title a county or city wins (…生态文明建设示范县, …优秀示范县, …先进县市区, 中国…之乡, …之都,
#: 中国…名城, 历史文化名镇, a city brand 中国瓷都): whatever opens it, no place, unit or policy is named so
#: (a village may be named …名村 itself: only a cultural or tourist 名镇/名村 is a title).
_TITLE = re.compile(
    r"(示范|先进)(县市区|县区|县市|县|市|单位|集体)$|之乡$|之都$|名城$|(文化|特色|旅游)名[镇村]$|^中国[\u4e00-\u9fff]{1,3}都$"
)

#: A regional office (中国区, 亚太区, 华东区) closing an organisation's or company's name: that body's office.
_OFFICE = re.compile(r"(中国|大中华|亚太|亚洲|华东|华南|华北|华中|西南|西北|东北)区$")

#: A ranking's whole title in running text (入选全国数字经济百强区): no name lies inside it.
RANKING_TITLE = re.compile(r"(?:全国|全省|全市)[\u4e00-\u9fff]{0,12}?" + _RANK)

#: Words that only describe the state of a facility or body (无房, 缺编, 老旧, 闲置) or its kind (乡村,
#: 公办, 寄宿制, 高水平), one or several: before a generic noun (派出所, 学校) the whole is still generic
#: (GUIDELINES.md: 派出所 alone is generic). Only words of premises, staff, condition and kind are
#: listed: 无废 in 无废城市 names a programme.
_DESCRIBED = re.compile(
    r"(?:无房|无证|无照|缺编|缺员|老旧|破旧|危旧|陈旧|闲置|废弃|简易|临时|现有|原有|在建"
    r"|乡村|乡镇|农村|城乡|基层|公办|民办|公立|普惠性|小规模|寄宿制|高水平)+"
)

#: Qualities of a kind of programme (绿色矿山, 智慧工厂, 数字乡村): before a generic noun the whole still names
#: a kind, unless a nationwide programme of the policy lexicon opens with it (智慧城市, 智慧社区建设).
_QUALIFIED = re.compile(r"绿色|智慧|数字|智能")

#: Conjunctions that join names in a list (甲和乙, 甲及乙, 甲与乙): they end no name.
#: A development slogan on a division (依港立市, 科教兴县, 工业强区, 开放活市, 科技创新强省), or a cut of one
#: (港立市).
DIVISION_SLOGAN = re.compile(r"(?:[\u4e00-\u9fff]{2,4}[立兴强活]|[\u4e00-\u9fff][立活])[省市县区]")
_CONJUNCTIONS = "和及与"

#: The longest head listed in heads.tsv, in characters.
_MAX_HEAD = 8

#: A construction phase closing a name (…公园一期, …工程二期) or standing before 工程 (…港区一期工程).
_PHASE = re.compile(r"[一二三四五六七八九十\d]期$")

#: How many strings the answers of :func:`normalise`, :func:`head_of`, :func:`base_of` and
#: :func:`type_of` are kept for: the rules ask them of the same words again and again (nine times in
#: ten on corpus reports), and the answers only depend on the string and the lexicons.
_MEMO = 1 << 15


@lru_cache(maxsize=_MEMO)
def normalise(surface: str) -> str:
    """The name the linker groups on: quotes, brackets and spaces removed.

    >>> normalise("“一网通办” 改革")
    '一网通办改革'
    """
    return _STRIP.sub("", surface)


@lru_cache(maxsize=_MEMO)
def head_of(name: str) -> str | None:
    """The longest head of ``name`` listed in ``heads.tsv``, or None.

    >>> head_of("白鹭湾片区治理开发项目"), head_of("青山县"), head_of("春风")
    ('片区治理开发项目', '县', None)
    """
    table = heads()
    for size in range(min(_MAX_HEAD, len(name)), 0, -1):
        if name[-size:] in table:
            return name[-size:]
    return None


@lru_cache(maxsize=1)
def _closing_characters() -> frozenset[str]:
    """The last characters of the heads, and the 期 of a construction phase."""
    return frozenset(head[-1] for head in heads()) | {"期"}


@lru_cache(maxsize=_MEMO)
def closes_no_type(word: str) -> bool:
    """True when no name ending with ``word`` has a type: its last character closes no head and no
    phase, so neither :func:`type_of` nor :func:`head_of` of such a name is anything but None (the
    cheap test that spares the head rule the names ending in a verb or a common noun).

    >>> closes_no_type("推进"), closes_no_type("改革"), closes_no_type("一期"), closes_no_type("“")
    (True, False, False, False)
    """
    word = normalise(word)
    return bool(word) and word[-1] not in _closing_characters()


@lru_cache(maxsize=_MEMO)
def base_of(name: str) -> str:
    """``name`` without a construction phase closing it (…工程二期 → …工程).

    >>> base_of("白鹭湖湿地公园二期"), base_of("青山县")
    ('白鹭湖湿地公园', '青山县')
    """
    return name[:-2] if _PHASE.search(name) and len(name) > 4 else name


@lru_cache(maxsize=_MEMO)
def type_of(name: str) -> str | None:
    """The entity type ``name``'s head gives it, or None when it has no head or is only a head.

    工程 is a Project after a building verb, a construction phase (…港区一期工程) or the name of a work
    (…码头工程, …大桥工程) and a Policy otherwise; 项目 after a policy head (…改革项目) stays a Policy. A phase closing the name of a
    work (…公园二期), of a company (its plant: 金禾食品二期) or of a name without a head (赛诺瑞一期) makes
    it a Project; a phase after a place, a body or a policy (a river: 柳河二期) names nothing.

    >>> type_of("古塔修缮工程"), type_of("乡风文明提升工程"), type_of("金禾食品"), type_of("工程")
    ('Project', 'Policy', 'Company', None)
    >>> type_of("白沙码头工程"), type_of("青山大桥工程")
    ('Project', 'Project')
    >>> type_of("户籍制度改革项目"), type_of("青湾港区一期工程"), type_of("白鹭湖湿地公园二期"), type_of("柳河二期")
    ('Policy', 'Project', 'Project', None)
    >>> type_of("金禾食品二期"), type_of("赛诺瑞一期")
    ('Project', 'Project')

    A regional office closing a body's name is that body (联合国开发计划署中国区, 金禾集团华东区).

    >>> type_of("联合国开发计划署中国区"), type_of("金禾集团华东区"), type_of("青山华东区")
    ('Organization', 'Company', 'Place')
    """
    if base_of(name) != name:
        return "Project" if type_of(base_of(name)) in ("Project", "Company", None) else None
    office = _OFFICE.search(name)
    if office and name[: office.start()]:
        body = name[: office.start()]
        kind = "Organization" if body in terms("organizations_national.txt") else type_of(body)
        if kind in ("Organization", "Company"):
            return kind
    head = head_of(name)
    if head is None or head == name:
        return None
    kind = heads()[head]
    rest = name[: -len(head)]
    if head == "工程" and (rest.endswith(_BUILD_VERBS) or _PHASE.search(rest) or type_of(rest) == "Project"):
        return "Project"
    if head == "项目":
        inner = type_of(rest)
        if inner == "Policy":
            return "Policy"
    return kind


def is_generic(name: str) -> bool:
    """True when ``name`` names a kind of thing, not one thing (安置房, 重点项目), also after a word that
    only describes its state (无房派出所, 老旧派出所: see ``_DESCRIBED``) or the quality of a programme
    (绿色矿山: see ``_QUALIFIED``).

    >>> is_generic("安置房"), is_generic("重点项目"), is_generic("金禾农贸市场")
    (True, True, False)
    >>> is_generic("无房派出所"), is_generic("老旧农贸市场"), is_generic("无废城市"), is_generic("城关派出所")
    (True, True, False, False)
    >>> is_generic("乡村小规模学校"), is_generic("高水平大学"), is_generic("青山乡村学校")
    (True, True, False)
    >>> is_generic("绿色矿山"), is_generic("智慧城市"), is_generic("智慧社区"), is_generic("绿色青山矿山")
    (True, False, False, False)
    """
    generic = terms("generic_nouns.txt")
    described = _DESCRIBED.match(name)
    if name in generic or bool(described and name[described.end() :] in generic):
        return True
    qualified = _QUALIFIED.match(name)
    if not qualified or name[qualified.end() :] not in generic:
        return False
    return not any(t.startswith(name) for t in terms("policies_national.txt"))


def is_honour(name: str) -> bool:
    """True when ``name`` is a title won (全省先进单位, 省级示范区) or a ranking won (全国百强区, 十强县),
    not a place or policy. 全国文明城市 is no honour here: the genre names the campaign to win it
    (创建全国文明城市), which the shared gold keeps as a Policy.

    >>> is_honour("全省平安县市区称号"), is_honour("全国科技百强区"), is_honour("十强县"), is_honour("环境优秀示范县")
    (True, True, True, True)
    >>> is_honour("中国茶都"), is_honour("中国竹编名城"), is_honour("中国盆景之都"), is_honour("国家历史文化名镇")
    (True, True, True, True)
    >>> is_honour("全国文明城市"), is_honour("青山县"), is_honour("工业强区")
    (False, False, False)
    """
    return bool(_HONOUR.match(name) or _RANKING.search(name) or _TITLE.search(name))


def is_slogan(name: str) -> bool:
    """True when ``name`` is a slogan of how a division will grow (科教兴市, 依港立市), never a place;
    a division of the same shape (宜兴市, 枣强县) is no slogan.

    >>> is_slogan("科教兴市"), is_slogan("依港立市"), is_slogan("港立市"), is_slogan("宜兴市"), is_slogan("生态强县")
    (True, True, True, False, True)
    """
    return bool(DIVISION_SLOGAN.fullmatch(name)) and name not in divisions()


def glued_conjunction(word: str) -> bool:
    """True when ``word`` is a name with the conjunction after it glued on (区人大和, 青山县及).

    A word that only ends with the character of a conjunction (碳中和, 太和) is not one: what comes
    before the character must be a name by itself (typed by its head) or a division.

    >>> glued_conjunction("区人大和"), glued_conjunction("金禾集团与"), glued_conjunction("碳达峰碳中和")
    (True, True, False)
    """
    stem = word[:-1]
    return len(word) > 2 and word[-1] in _CONJUNCTIONS and bool(type_of(stem) or stem in divisions())
