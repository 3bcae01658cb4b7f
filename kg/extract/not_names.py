"""Spans of a sentence where no name lies: congress sessions, indicators, datelines, plenums, titles won.

A candidate overlapping one of these spans is dropped, whatever rule found it.
"""

from __future__ import annotations

import re

from kg.extract.lexicons import heads
from kg.extract.names import RANKING_TITLE, is_honour, normalise
from kg.types import Sentence

#: A quoted name and the head written after the closing quote (“一网通办”改革, “五水共治”).
QUOTED = re.compile(r"[“\"](?P<x>[^”\"“，。；]{2,20})[”\"](?P<h>[\u4e00-\u9fff]{0,6})")

#: A reference to a session of a congress (区五届人大一次会议, 第十七届人民代表大会第五次会议): metadata.
_SESSION = re.compile(r"[第一二三四五六七八九十\d]+届(人大|人民代表大会|政协)[^，。；,;]{0,12}?会议")

#: An indicator whose words read like a place (万元地区生产总值能耗: 地区 is no region here).
_INDICATOR = re.compile(r"(地区|国内)生产总值")

#: A news write-up's dateline (【甲报网讯】, 【甲日报电】): front matter naming the publisher, no entity.
_DATELINE = re.compile(r"【[^【】\s]{2,20}[讯电]】")

#: A list of a Party congress's plenary sessions (十九届二中、三中、四中全会): no name lies inside it.
_PLENUM = re.compile(
    r"([一二三四五六七八九十]+届)?([一二三四五六七八九十]+中、)*[一二三四五六七八九十]+中全会"
)

#: A title won, from the verb of winning to 称号 or 荣誉 (荣获全省平安县市区称号, 获评省级先进集体荣誉):
#: the words between name the title, not a place inside it; 的 ends the run (荣获县政府授予的…称号).
_TITLE_WON = re.compile(
    r"(获评|荣获|获得|被评为|评为|被命名为|命名为|蝉联)[^，。；：,;:的“”]{2,20}?(称号|荣誉)"
)

#: A member of a congress or CPPCC (政协委员, 人大代表): a person's role, no mention of the body.
_MEMBER = re.compile(r"(政协|人大)(委员(?!会)|代表(?!大会))")

#: Fixed phrases no name overlaps: a congress session, an indicator, a dateline, a ranking won, plenums,
#: a title won, a member of a body.
NOT_NAMES = (_SESSION, _INDICATOR, _DATELINE, RANKING_TITLE, _PLENUM, _TITLE_WON, _MEMBER)

#: Verbs of winning a title written before a quote (获评全省唯一一个“甲”): the quote holds the title.
_WON_BEFORE = re.compile(r"(获评|荣获|被评为|评为|入选|授予|被命名为|命名为)[^，。；,;“”]{0,8}$")

#: Words after a run of quotes that make them titles (通过“甲”“乙”复评, “甲”称号).
_WON_AFTER = re.compile(r"(“[^“”]{1,20}”)*(复评|复核|称号|荣誉)")


def quoted_honours(sentence: Sentence) -> list[tuple[int, int]]:
    """Spans of quoted titles won (被评为“甲省经济十强县”, 通过“中国茶都”复评): no name lies inside them.

    A quote is a title by its shape (:func:`kg.extract.names.is_honour`), when a verb of winning opens
    its clause a few characters before it (获评全省唯一一个“甲”), or when a run of quotes ends
    with 复评 or 称号; a quote with a head after it (“甲”改革) is a name whatever precedes it.

    >>> quoted_honours(Sentence(0, "被评为“甲省经济十强县”。", 10, 23, None, None))
    [(13, 22)]
    >>> quoted_honours(Sentence(0, "通过“青瓷小镇”“金茶之城”复评，荣获“山水画廊”。", 0, 27, None, None))
    [(2, 8), (8, 14), (19, 25)]
    """
    out: list[tuple[int, int]] = []
    for m in QUOTED.finditer(sentence.text):
        rest = sentence.text[m.end("x") + 1 :]
        after = m.group("h")
        headed = any(after[:k] in heads() for k in range(1, len(after) + 1))
        won = (_WON_BEFORE.search(sentence.text[: m.start()]) and not headed) or _WON_AFTER.match(rest)
        if won or is_honour(normalise(m.group("x"))):
            out.append((sentence.start + m.start(), sentence.start + m.end("x") + 1))
    return out
