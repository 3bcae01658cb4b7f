"""The type a run of words names, read from its head noun and the words before it.

A head (…隧道, …集团, …社区) types a name only when a proper noun, a number or a region prefix stands
before it: 青山隧道 is a Project, 示范社区 is no place, 县图书馆 is a region's own facility.
"""

from __future__ import annotations

import re

from kg.extract.lexicons import heads, terms
from kg.extract.names import base_of, head_of, is_generic, type_of
from kg.extract.tokens import FORMAL_COMPANY_HEADS, NAME_TAGS, Token

#: The last characters of divisions written in full (青山区, 白沙县, 青禾镇).
_DIVISION_ENDS = frozenset("省市区县镇乡州旗")

#: Region prefixes of public bodies and facilities (县图书馆, 市妇幼保健院).
REGION_PREFIX = ("区", "市", "县", "省", "镇", "乡", "州")

#: Heads of platforms and systems a report builds (…指挥平台, …分拨系统): named only by four words or more.
_SYSTEM_HEADS = ("平台", "云平台", "系统")

#: Words of praise closing what stands before a policy head (知名品牌, 亮眼品牌): a description.
_PRAISE = ("知名", "亮眼", "靓丽", "著名", "闪亮", "响亮")

#: Openings of the state's own bodies and works (国家…基金, 国家…中心, 中国…协会).
_NATIONAL = ("国家", "中国")

#: Sides of town that name a facility (城南污水处理厂, 东区污水处理厂, 东部海堤三期工程).
_SIDES = ("城东", "城西", "城南", "城北", "东区", "西区", "南区", "北区", "东部", "西部", "南部", "北部")

#: Abbreviations of state-owned investment platforms (县城投集团, 市城建投公司, 区交投): companies.
_PLATFORM = re.compile(r"城建投|城投|交投|文旅投|文投|旅投|产投|建投|国投|水投")

#: One-character verbs of going (下 社区, 进 村, 入 户, 到 村): before a place head they make it a destination.
_GOING = frozenset("下进入到驻")

#: Tags of verbs, adverbs and adjectives: a word so tagged is no head, even when its last character is one
#: (上线, 督办, 公办).
_VERB_TAGS = frozenset({"v", "vn", "vd", "ad", "d", "a"})

#: A Chinese character: a name holds at least one.
CJK = re.compile(r"[\u4e00-\u9fff]")

#: A modifier that only qualifies a policy head (差异化改革, 首创性改革, 常态化机制): a description, no name.
_QUALITY = re.compile(r"[\u4e00-\u9fff]{1,3}[化性]")


def is_proper(tokens: list[Token]) -> bool:
    """True when the words hold a proper noun, a number or Latin (a name, not a description)."""
    return any(t.tag in NAME_TAGS or re.search(r"[0-9A-Za-z]", t.word) for t in tokens)


def head_type(name: str, tokens: list[Token]) -> str | None:
    """The type of ``name`` made of ``tokens``, by its head, when the head stands and a name precedes it.

    Things (Project, Company, Place, Organization) need a proper noun or a region prefix
    (城管社区 is no place); a one-character head must be a word or end a proper noun (城市 is no 市).
    A policy head qualified by one word of manner (差异化改革, 常态化机制) or of description alone
    (重大改革, 核心战略: ``policy_descriptions.txt``) names no policy.

    >>> head_type("青山县", [Token("青山县", "LOC", 0, 3)]), head_type("城市", [Token("城市", "n", 0, 2)])
    ('Place', None)
    >>> head_type("示范社区", [Token("示范", "n", 0, 2), Token("社区", "n", 2, 4)])
    >>> head_type("差异化改革", [Token("差异化", "vn", 0, 3), Token("改革", "vn", 3, 5)])
    >>> head_type("重大改革", [Token("重大", "a", 0, 2), Token("改革", "vn", 2, 4)])
    >>> head_type("海绵城市", [Token("海绵城市", "LOC", 0, 4)])
    >>> head_type("区金融平台上线", [Token("区", "n", 0, 1), Token("金融", "n", 1, 3), Token("平台", "n", 3, 5), Token("上线", "v", 5, 7)])
    """
    kind = type_of(name)
    base = base_of(name)
    head = head_of(base)
    if base != name and len(tokens) > 1 and tokens[-1].word == name[len(base) :]:
        tokens = tokens[:-1]
    if kind is None or head is None or not tokens:
        return None
    last = tokens[-1]
    if len(head) == 1 and len(last.word) > 1 and last.tag in _VERB_TAGS:
        return None  # 平台 上线, 安委会 督办, 区 公办: a verb or adjective ending with a head's character
    if len(head) == 1 and not (
        last.tag in NAME_TAGS
        or re.search(r"[0-9A-Za-z]", last.word)
        or (last.word == head and len(tokens) > 1 and tokens[-2].tag in NAME_TAGS)
        or ((len(last.word) > 1 or kind == "Organization") and _regional(base, kind))
    ):
        return None
    rest = base[: -len(head)]
    if len(rest) < 2 or not CJK.search(rest) or re.fullmatch(r"[一二三四五六七八九十两\d]+[个大项条]?", rest):
        return None
    if kind == "Company" and len(name) > 6 and head not in FORMAL_COMPANY_HEADS:
        return None
    if kind == "Company" and head not in FORMAL_COMPANY_HEADS and _region_or_person(tokens[:-1]):
        return None  # 青山区 科技 创新, 某人 生态 文明: a region's or a person's field, no firm
    if kind == "Policy" and (_QUALITY.fullmatch(rest) or rest in terms("policy_descriptions.txt")):
        return None
    if kind == "Policy" and rest.endswith(_PRAISE):
        return None  # 产业知名品牌, 文化亮眼品牌: a praise of what a place has, no named instrument
    if kind != "Policy" and not (is_proper(tokens) or _regional(name, kind)):
        return None
    if kind == "Place" and (is_destination(tokens) or name.endswith("城市")):
        return None  # 海绵城市, 智慧城市: a kind of city a programme builds, no place
    if head in _SYSTEM_HEADS and (len(rest) < 4 or re.search(r"[一二三四五六七八九十两\d][大个]$", rest)):
        return None  # 服务平台, 甲公司两大平台: kinds of platform; a named one is longer (白鹭应急指挥系统)
    return kind


def _region_or_person(words: list[Token]) -> bool:
    """True when ``words`` are one division written in full (青山区, 白沙县) or one person's name: before a
    weak company head (科技, 生态 …) they name a region's or a person's field, not a firm.

    >>> _region_or_person([Token("青山区", "LOC", 0, 3)]), _region_or_person([Token("青禾", "nz", 0, 2)])
    (True, False)
    """
    if len(words) != 1:
        return False
    word = words[0]
    return word.tag in ("PER", "nr") or (word.tag in ("LOC", "ns") and word.word[-1] in _DIVISION_ENDS)


def _regional(name: str, kind: str) -> bool:
    """True when a name without a proper noun is still one thing: a region-relative body or facility
    (县图书馆, 区人民医院新院区), a national one of five words or more (国家海洋科考中心), a facility
    named by its side of town (城南污水处理厂), or a state-owned platform company (县城投集团, 区交投公司).

    >>> _regional("县人民医院新院区", "Project"), _regional("区重点项目", "Project"), _regional("县城投集团", "Company")
    (True, False, True)
    >>> _regional("国家海洋科考中心", "Organization"), _regional("国家重点实验室", "Organization")
    (True, False)
    """
    if kind == "Company":
        return bool(_PLATFORM.search(name))
    if kind not in ("Organization", "Project"):
        return False
    if kind == "Project" and name.startswith(_SIDES):
        return not is_generic(name[2:])
    if name.startswith(_NATIONAL) and len(name) > 6:
        return not is_generic(name[2:])  # 国家甲产业引导基金, 国家深海科考中心: the state's own body or work
    return (
        name[0] in REGION_PREFIX
        and name[1] not in "域级内外场属" + "".join(REGION_PREFIX)
        and not is_generic(name[1:])
    )


def is_destination(words: list[Token]) -> bool:
    """True when the place head closing ``words`` is where someone goes (微工程 下 社区, 干部 进村): a verb
    of going (``_GOING``) stands as a word of its own before the head, or glued to it alone, after a
    common word. After a place word the character belongs to the name (东 进 社区 is 东进社区).

    >>> is_destination([Token("环卫", "n", 0, 2), Token("下", "f", 2, 3), Token("社区", "n", 3, 5)])
    True
    >>> is_destination([Token("东", "LOC", 0, 1), Token("进", "v", 1, 2), Token("社区", "n", 2, 4)])
    False
    >>> is_destination([Token("干部", "n", 0, 2), Token("进村", "v", 2, 4)])
    True
    """
    if not words:
        return False
    last = words[-1]
    if last.tag in ("v", "f") and last.word[0] in _GOING and heads().get(last.word[1:]) == "Place":
        return True
    if len(words) < 2 or heads().get(last.word) != "Place" or words[-2].word not in _GOING:
        return False
    return words[-2].tag in ("v", "f") and (len(words) < 3 or words[-3].tag not in NAME_TAGS)


def is_place_word(tok: Token) -> bool:
    """True when a word is a place by itself: tagged a place, or a name with a division head (白沙镇).

    >>> is_place_word(Token("白沙镇", "n", 0, 3)), is_place_word(Token("项目", "n", 0, 2))
    (True, False)
    """
    return tok.tag in ("LOC", "ns") or (type_of(tok.word) == "Place" and not is_generic(tok.word))
