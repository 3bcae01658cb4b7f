"""The tagger's words as tokens with document offsets, repaired, and the grammar of the words a name is made of.

The tagger cuts names (回 龙塔), glues words to them (建成县, 区人大和) and splits formulas (互联网+ 养老):
:func:`sentence_tokens` repairs these. :func:`inside_name` tells which words may lie inside a name and
:func:`extend_left` where a name ending at a given word begins.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import attrgetter

from kg.extract.lexicons import heads, terms
from kg.extract.names import glued_conjunction, head_of, type_of
from kg.types import Document, Sentence

#: Tags that end a name: punctuation, prepositions, conjunctions, particles, adverbs, pronouns.
_STOP_TAGS = frozenset({"w", "p", "c", "u", "d", "ad", "r", "xc", "vd"})

#: Tags of the tagger's own name classes and of proper nouns.
NAME_TAGS = frozenset({"ORG", "LOC", "PER", "nz", "nw", "ns", "nt"})

#: A number and its classifier (11个, 22枚, 6.7万): a count, never part of a name; a digit with Latin
#: letters is a technology's name (5G, 4K, 3D) and may end a name (甲5G项目).
_COUNT = re.compile(r"[\d.]+%?[^\W\dA-Za-z]{0,2}")

#: An ordinal and the classifier of a place or body (第一所, 第三家, 第二座): the rank of a thing among
#: others, never part of its name (第一中学 has none); programmes keep theirs (第三个三年行动计划,
#: 第四次全国经济普查).
_ORDINAL_COUNT = re.compile(r"第[一二三四五六七八九十百\d]+[所家座位]")

#: The number of a line, berth or building (6号, 12号): part of a name (轨道6号线, 3号楼).
_LINE_NUMBER = re.compile(r"\d+号")

#: The shore of a water written as one word (湖畔, 河边, 江岸): after a place's name, the water is named.
_SHORE = re.compile(r"[湖河江海溪][畔边岸]")

#: A leading count that makes a name generic (两大酒店, 五个片区); Policy names may carry one (三大攻坚战).
LEADING_COUNT = re.compile(r"^[一二三四五六七八九十两\d]+[大个项类家批]")

#: Counts that open a phrase without belonging to a name (一批重点项目, 一支队伍, 一座青山大桥).
_VAGUE_COUNT = re.compile(r"一[批支个座所条处家项栋片块间]|一些|一大批|少数|部分")

#: Region-wide words that open a phrase (全市改革): dropped from a name's start.
_REGION_WIDE = frozenset({"全市", "全区", "全县", "全镇", "全乡"})

#: Verbs of one character that never begin a name even at a sentence start (在绵阳, 到北京, 赴深圳, 往青山,
#: 获央视报道).
_FUNCTION_VERBS = frozenset("在到是有为让使把向对从将去给被赴往至抵获")

#: Company heads that only a company carries; weaker heads (…生态, …食品) end short names only.
FORMAL_COMPANY_HEADS = frozenset({"公司", "有限公司", "有限责任公司", "集团", "股份", "合作社", "银行"})

#: Verbs that occur inside names of works and programmes (甲湖片区治理开发项目, 甲塔修缮工程).
_NAME_VERBS = frozenset(
    {
        "修缮",
        "改造",
        "治理",
        "开发",
        "建设",
        "提质",
        "扩建",
        "改扩建",
        "新建",
        "整治",
        "保护",
        "修复",
        "提升",
        "更新",
        "综合治理",
        "生态治理",
        "综合整治",
        "提标改造",
        "提质改造",
    }
)

#: Verbs that take a whole clause or a metaphor as their object (把甲作为乙, 庆祝改革开放, 共享改革成果,
#: 把权力关进制度的笼子, 纳入考核): tagged as verbs they lie between two phrases and never inside a name.
#: Works and programme verbs (建设, 发展, 跑 in 最多跑一次改革) are not listed.
_CLAUSE_VERBS = frozenset(
    {
        "作为",
        "庆祝",
        "喜迎",
        "纪念",
        "共享",
        "分享",
        "关进",
        "纳入",
        "列入",
        "视为",
        "当作",
        "看作",
        "变为",
        "融入",
    }
)

#: Verbs that open a word the tagger glued to a name (新建社区养老服务中心, 赴北京, 依托区…中心): no part of the name.
_BUILD_OPENINGS = (
    "新建",
    "建成",
    "改建",
    "扩建",
    "续建",
    "开工",
    "启动",
    "完成",
    "赴",
    "依托",
    "围绕",
    "依靠",
    "借助",
)

#: Verbs of closing that close a word the tagger glued to a company (甲煤业闭井, 乙矿业关停): no part of it.
_CLOSING_ENDINGS = ("闭井", "闭坑", "关闭", "关停", "停产", "退出", "破产")

#: Words of a work's status right after its name (甲高速建成通车, 乙高速开工).
_WORKS_STATUS = frozenset(
    {"建成", "通车", "开通", "开工", "动工", "竣工", "完工", "贯通", "全线", "建设", "主体"}
)

#: A construction phase written as a word of its own (一期, 三期).
_PHASE_WORD = re.compile(r"[一二三四五六七八九十\d]期")

#: The longest name, in characters.
MAX_NAME = 24

_start, _end = attrgetter("start"), attrgetter("end")


@dataclass(frozen=True)
class Token:
    """One word of the tagger with its tag and document offsets [start, end)."""

    word: str
    tag: str
    start: int
    end: int


def frame_words() -> frozenset[str]:
    """Words that frame a name but are never part of one (``kg/lexicons/frame_words.txt``).

    >>> "推进" in frame_words(), "改造" in frame_words()
    (True, False)
    """
    return terms("frame_words.txt")


def sentence_tokens(
    doc: Document, sentence: Sentence, pairs: list[tuple[str, str]], known: frozenset[str] = frozenset()
) -> list[Token]:
    """The tagger's words with document offsets, plus-formulas joined and cut names repaired.

    ``known`` holds the name words the tagger found anywhere in the document (:func:`known_names`).

    >>> s = Sentence(0, "支持金禾食品", 10, 16, None, None)
    >>> doc = Document("x" * 10 + s.text, (s,), ())
    >>> [(t.word, t.start) for t in sentence_tokens(doc, s, [("支持", "v"), ("金禾食品", "ORG")])]
    [('支持', 10), ('金禾食品', 12)]
    """
    out: list[Token] = []
    pos = 0
    for word, tg in pairs:
        found = sentence.text.find(word, pos)
        if found < 0:
            continue
        out.append(Token(word, tg, sentence.start + found, sentence.start + found + len(word)))
        pos = found + len(word)
    tokens = _split_shores(_split_industries(_split_conjunctions(_split_openings(_join_plus(out)))))
    return _repair_prefixes(doc, _highways(tokens), known)


def _highways(tokens: list[Token]) -> list[Token]:
    """``tokens`` with 高速 retagged a noun where it closes a name: the tagger reads it as the adverb of
    高速发展, but before punctuation, a conjunction, a phase or a word of status (甲乙高速、, 甲乙高速建成通车)
    it is the expressway.

    >>> [t.tag for t in _highways([Token("外环", "f", 0, 2), Token("高速", "d", 2, 4), Token("建成", "v", 4, 6)])]
    ['f', 'n', 'v']
    >>> [t.tag for t in _highways([Token("高速", "d", 0, 2), Token("增长", "v", 2, 4)])]
    ['d', 'v']
    """
    out = list(tokens)
    for k, tok in enumerate(tokens):
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        if (
            tok.word == "高速"
            and tok.tag == "d"
            and k > 0
            and (
                following is None
                or following.tag in ("w", "c")
                or following.word in _WORKS_STATUS
                or _PHASE_WORD.fullmatch(following.word)
            )
        ):
            out[k] = replace(tok, tag="n")
    return out


def _split_industries(tokens: list[Token]) -> list[Token]:
    """Split an industry word off the product noun the tagger glued to it after a company's proper name
    (莱德 生物危化品 → 莱德 生物 危化品): the company is the proper name and the industry word.

    Only a word with no head of its own is split (生物科技 ends with the head 科技 and stays whole).

    >>> toks = [Token("青峦", "ORG", 0, 2), Token("化工危废", "n", 2, 6)]
    >>> [(t.word, t.tag) for t in _split_industries(toks)]
    [('青峦', 'ORG'), ('化工', 'n'), ('危废', 'n')]
    >>> [t.word for t in _split_industries([Token("青峦", "ORG", 0, 2), Token("生物科技", "n", 2, 6)])]
    ['青峦', '生物科技']
    """
    out: list[Token] = []
    for tok in tokens:
        industry = tok.word[:2]
        if (
            out
            and out[-1].tag == "ORG"
            and tok.tag in ("n", "nz")
            and len(tok.word) >= 4
            and heads().get(industry) == "Company"
            and industry not in FORMAL_COMPANY_HEADS
            and head_of(tok.word) is None
        ):
            cut = tok.start + 2
            out += [Token(industry, "n", tok.start, cut), Token(tok.word[2:], "n", cut, tok.end)]
        else:
            out.append(tok)
    return out


def _split_shores(tokens: list[Token]) -> list[Token]:
    """Split a shore word after a place's name into the water's head and the shore (青山 湖畔 → 青山 湖 畔,
    白溪 河边 → 白溪 河 边): the lake or river is named, its shore is where someone stands.

    >>> [(t.word, t.tag) for t in _split_shores([Token("青山", "LOC", 0, 2), Token("湖畔", "n", 2, 4)])]
    [('青山', 'LOC'), ('湖', 'n'), ('畔', 'f')]
    >>> [(t.word, t.tag) for t in _split_shores([Token("青山湖畔", "LOC", 0, 4)])]
    [('青山湖', 'LOC'), ('畔', 'f')]
    """
    out: list[Token] = []
    for tok in tokens:
        if out and out[-1].tag in NAME_TAGS and _SHORE.fullmatch(tok.word):
            cut = tok.start + 1
            out += [Token(tok.word[0], "n", tok.start, cut), Token(tok.word[1:], "f", cut, tok.end)]
        elif tok.tag in NAME_TAGS and len(tok.word) > 3 and _SHORE.fullmatch(tok.word[-2:]):
            cut = tok.end - 1  # 青山湖畔 as one word: the lake, then its shore
            out += [Token(tok.word[:-1], tok.tag, tok.start, cut), Token(tok.word[-1], "f", cut, tok.end)]
        else:
            out.append(tok)
    return out


def _split_openings(tokens: list[Token]) -> list[Token]:
    """Split a name word the tagger glued to a build verb or a verb of going before it (建成县 → 建成 +
    县, 赴北京 → 赴 + 北京) or to a verb of closing after it (甲煤业闭井 → 甲煤业 + 闭井).

    >>> [(t.word, t.tag) for t in _split_openings([Token("建成县", "LOC", 0, 3)])]
    [('建成', 'v'), ('县', 'n')]
    >>> [(t.word, t.tag) for t in _split_openings([Token("青峰煤业闭井", "ORG", 0, 6), Token("赴白沙", "LOC", 6, 9)])]
    [('青峰煤业', 'ORG'), ('闭井', 'v'), ('赴', 'v'), ('白沙', 'LOC')]
    """
    out: list[Token] = []
    for tok in tokens:
        if tok.tag not in ("LOC", "ORG"):
            out.append(tok)  # only a name word is split
            continue
        closing = next((v for v in _CLOSING_ENDINGS if tok.word.endswith(v)), None)
        if closing and len(tok.word) > len(closing) + 1:
            cut = tok.end - len(closing)
            out += [
                Token(tok.word[: -len(closing)], tok.tag, tok.start, cut),
                Token(closing, "v", cut, tok.end),
            ]
            continue
        verb = next((v for v in _BUILD_OPENINGS if tok.word.startswith(v)), None)
        if verb is None or len(tok.word) == len(verb):
            out.append(tok)
            continue
        cut = tok.start + len(verb)
        rest = tok.word[len(verb) :]
        out += [
            Token(verb, "v", tok.start, cut),
            Token(rest, tok.tag if len(rest) > 1 else "n", cut, tok.end),
        ]
    return out


def _split_conjunctions(tokens: list[Token]) -> list[Token]:
    """Split a name word the tagger glued to the conjunction after it (区人大和 → 区人大 + 和).

    >>> [(t.word, t.tag) for t in _split_conjunctions([Token("区人大和", "ORG", 0, 4)])]
    [('区人大', 'ORG'), ('和', 'c')]
    """
    out: list[Token] = []
    for tok in tokens:
        if tok.tag in NAME_TAGS and glued_conjunction(tok.word):
            out += [
                Token(tok.word[:-1], tok.tag, tok.start, tok.end - 1),
                Token(tok.word[-1], "c", tok.end - 1, tok.end),
            ]
        else:
            out.append(tok)
    return out


def _join(a: Token, b: Token, tg: str) -> Token:
    return Token(a.word + b.word, tg, a.start, b.end)


def _join_plus(tokens: list[Token]) -> list[Token]:
    """Join the words of a plus-formula (互联网+ 养老 → 互联网+养老; 1 + 2 + 3 → 1+2+3) into one nz word.

    >>> [t.word for t in _join_plus([Token("互联网+", "nz", 0, 4), Token("养老", "vn", 4, 6)])]
    ['互联网+养老']
    """
    out: list[Token] = []
    for tok in tokens:
        if out and (out[-1].word.endswith("+") or tok.word == "+") and out[-1].end == tok.start:
            out[-1] = _join(out[-1], tok, "nz")
        else:
            out.append(tok)
    return out


def _repair_prefixes(doc: Document, tokens: list[Token], known: frozenset[str]) -> list[Token]:
    """Glue back a name's first or last character that the tagger cut off as a one-character word.

    The tagger reads 回龙塔 as 回 (a verb) + 龙塔 in one sentence and as one word in another. When
    that character precedes the rest of the name at least twice in the document and the rest never
    stands without it, they are one name. A name word followed by one character is glued when the
    whole is in ``known``, the name words found anywhere in the document.

    >>> text = "完成回龙塔修缮。回龙塔开放。"
    >>> [t.word for t in _repair_prefixes(Document(text, (), ()), [Token("完成", "v", 0, 2),
    ...     Token("回", "v", 2, 3), Token("龙塔", "LOC", 3, 5), Token("修缮", "v", 5, 7)], frozenset())]
    ['完成', '回龙塔', '修缮']
    """
    out: list[Token] = []
    for tok in tokens:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.tag in NAME_TAGS
            and len(tok.word) == 1
            and tok.tag != "f"  # a shore split off its water (青山湖 畔) stays apart
            and prev.word + tok.word in known
        ):
            out[-1] = _join(prev, tok, prev.tag)
            continue
        if (
            prev is not None
            and len(prev.word) == 1
            and prev.tag not in ("w", "u", "c", "p", "m")
            and prev.word not in _FUNCTION_VERBS
            and tok.tag in ("LOC", "ORG")
            and (len(out) == 1 or out[-2].word in ("、", "，", ","))
        ):
            out[-1] = _join(prev, tok, tok.tag)
            continue
        if (
            prev is not None
            and len(prev.word) == 1
            and prev.tag not in ("w", "u", "c", "p")
            and prev.word not in _FUNCTION_VERBS
            and tok.tag in NAME_TAGS
            and len(tok.word) >= 2
        ):
            stem = tok.word[:2]
            glued = doc.text.count(prev.word + stem)
            if glued >= 2 and glued == doc.text.count(stem):
                out[-1] = _join(prev, tok, tok.tag)
                continue
        out.append(tok)
    return out


def known_names(tagged: list[list[tuple[str, str]]]) -> frozenset[str]:
    """Place and organisation words of three or more characters the tagger found in the document.

    >>> sorted(known_names([[("在", "p"), ("青山县", "LOC")], [("青山", "LOC"), ("金禾集团", "ORG")]]))
    ['金禾集团', '青山县']
    """
    return frozenset(w for pairs in tagged for w, t in pairs if t in ("LOC", "ORG") and len(w) >= 3)


def inside_name(tok: Token) -> bool:
    """True when a word may be part of a name (not punctuation, particle, frame verb, count or date).

    >>> inside_name(Token("隧道", "n", 0, 2)), inside_name(Token("推进", "v", 0, 2)), inside_name(Token("11个", "m", 0, 3))
    (True, False, False)
    >>> inside_name(Token("作为", "v", 0, 2)), inside_name(Token("共享", "vn", 0, 2)), inside_name(Token("6号", "m", 0, 2))
    (False, True, True)
    >>> inside_name(Token("第一所", "m", 0, 3)), inside_name(Token("第一", "m", 0, 2))
    (False, True)
    """
    return _inside_name(tok.word, tok.tag)


@lru_cache(maxsize=1 << 15)
def _inside_name(word: str, tag: str) -> bool:
    """:func:`inside_name` of a word and its tag, kept: the rules ask it of the same words again and again."""
    if tag in _STOP_TAGS or word in frame_words() or word.isspace():
        return False
    if tag == "v" and word in _CLAUSE_VERBS:
        return False
    if tag == "TIME":
        return bool(re.fullmatch(r"[一二三四五六七八九十两]+年", word))
    if _LINE_NUMBER.fullmatch(word):
        return True  # 轨道 6号 线, 3号 楼: a number of a line or building is the name's own
    if _ORDINAL_COUNT.fullmatch(word):
        return False
    return word != "年" and not _COUNT.fullmatch(word) and not word.endswith((".", "．"))


def extend_left(tokens: list[Token], i: int) -> int:
    """Index of the first word of the name whose last word is tokens[i].

    Goes left over name words; stops before a verb that governs a proper noun (迸发 供给侧…) and
    before a verb whose subject is a whole name (甲高新区 获批 省级…开发区, 甲食品 建设 原料基地;
    a place may carry a works verb: 甲湖片区 治理 开发 项目, and a verb inside the head is no
    verb: 甲镇 污水处理 厂); then drops leading
    verbs and counts (打 好 三大攻坚战 → 三大攻坚战).
    """
    j = i
    while j > 0:
        prev = tokens[j - 1]
        if (
            not inside_name(prev)
            and not (j == i and (_frame_in_head(prev, tokens[i]) or _aim_before_programme(tokens, j - 1, i)))
            and not (j < i and _manner_in_policy(prev, tokens[j], tokens[i]))
            and not (j < i and _key_kind_in_programme(prev, tokens[j], tokens[i]))
        ) or (tokens[i].end - prev.start > MAX_NAME):
            break
        if prev.tag == "v" and (
            tokens[j].tag in NAME_TAGS or (len(prev.word) == 1 and j > 1 and tokens[j - 2].tag == "v")
        ):
            break
        if prev.tag == "vn" and tokens[j].tag in ("ORG", "LOC") and type_of(tokens[j].word):
            break  # 组建 区甲中心: a verb-noun before a whole name the tagger knew governs it
        if (
            prev.tag in ("v", "vn")
            and j > 1
            and not _verb_in_head(prev, tokens[i])
            and (
                _subject_type(tokens, j - 2) == "Company"
                or (
                    prev.word not in _NAME_VERBS and _subject_type(tokens, j - 2) in ("Place", "Organization")
                )
            )
        ):
            break
        j -= 1
        if LEADING_COUNT.match(prev.word) and prev.tag == "m":
            break
    while j < i and (
        tokens[j].tag == "v"
        or (tokens[j].tag in ("ad", "d") and tokens[j + 1].tag == "v")  # 率先 构建 甲体系: the clause's verb
        or tokens[j].word in _REGION_WIDE
        or _VAGUE_COUNT.fullmatch(tokens[j].word)
        or (len(tokens[j].word) == 1 and tokens[j].tag == "a" and tokens[j + 1].tag not in NAME_TAGS)
    ):
        j += 1
    if 0 < j < i and _split_half(tokens[j - 1], tokens[j]):
        j += 1  # 完善 到 户 产业奖补办法: 户 is the second half of 到户, no name starts there
    return j


def _manner_in_policy(word: Token, following: Token, last: Token) -> bool:
    """True when an adverb of manner lies inside a policy's name: before the verb, adjective or adverb
    of the mechanism it qualifies (投诉 快速 响应 机制, 要素 相对 集中 配置 改革); frame adverbs (深入, 大力)
    are listed in ``frame_words.txt`` and stay outside, and a thing's head (中心, 公司) takes none.

    >>> _manner_in_policy(Token("快速", "ad", 2, 4), Token("响应", "v", 4, 6), Token("机制", "n", 6, 8))
    True
    >>> _manner_in_policy(Token("快速", "ad", 2, 4), Token("响应", "v", 4, 6), Token("中心", "n", 6, 8))
    False
    """
    return (
        word.tag in ("ad", "d")
        and len(word.word) == 2
        and word.word not in frame_words()
        and following.tag in ("v", "vn", "a", "ad", "d")
        and heads().get(last.word) in (None, "Policy")
    )


def _split_half(verb: Token, tok: Token) -> bool:
    """True when ``tok`` is the second half of a word the tagger split after a one-character verb
    (到 户, 入 村: 到户 and 入村 are one word).

    >>> _split_half(Token("到", "v", 0, 1), Token("户", "q", 1, 2)), _split_half(Token("建", "v", 0, 1), Token("产业", "n", 1, 3))
    (True, False)
    """
    return verb.tag == "v" and len(verb.word) == 1 and len(tok.word) == 1 and verb.end == tok.start


def _frame_in_head(frame: Token, last: Token) -> bool:
    """True when a frame word and the last word together are a listed head (实施 办法 → 实施办法, 扶持
    办法): the frame word is then the head's first part, inside the name (城市更新实施办法).

    >>> _frame_in_head(Token("实施", "vn", 0, 2), Token("办法", "n", 2, 4))
    True
    >>> _frame_in_head(Token("推进", "v", 0, 2), Token("改革", "vn", 2, 4))
    False
    """
    return frame.word in frame_words() and (frame.word + last.word) in heads()


#: Verbs of a programme's aim, written between its object and its head (消费 促进 工程, 品牌 培育 计划).
_AIM_VERBS = frozenset({"促进", "培育", "改善", "提高", "巩固", "推广", "壮大"})
_PROGRAMME_HEADS = ("工程", "行动", "计划")


def _aim_before_programme(tokens: list[Token], k: int, last: int) -> bool:
    """True when tokens[k] is a verb of aim between a noun and a programme's head: the name's own
    (消费 促进 工程 → 消费促进工程), though the verb frames a name elsewhere (促进 消费).

    >>> toks = [Token("消费", "vn", 0, 2), Token("促进", "v", 2, 4), Token("工程", "n", 4, 6)]
    >>> _aim_before_programme(toks, 1, 2), _aim_before_programme(toks[1:], 0, 1)
    (True, False)
    """
    return (
        k > 0
        and tokens[k].word in _AIM_VERBS
        and tokens[last].word.endswith(_PROGRAMME_HEADS)
        and (
            (tokens[k - 1].tag in ("n", "vn", "nz") and inside_name(tokens[k - 1]))
            or (tokens[k - 1].tag in ("a", "ad") and len(tokens[k - 1].word) == 2)  # 健康 促进 工程
        )
    )


def _key_kind_in_programme(word: Token, following: Token, last: Token) -> bool:
    """True when 重点 qualifies the noun after it inside a programme's name (重点 领域 消费 促进 工程), not
    the verb of a clause (重点 推进).

    >>> _key_kind_in_programme(Token("重点", "d", 0, 2), Token("领域", "n", 2, 4), Token("工程", "n", 8, 10))
    True
    >>> _key_kind_in_programme(Token("重点", "d", 0, 2), Token("推进", "v", 2, 4), Token("工程", "n", 8, 10))
    False
    """
    return word.word == "重点" and following.tag == "n" and last.word.endswith(_PROGRAMME_HEADS)


def _verb_in_head(verb: Token, last: Token) -> bool:
    """True when ``verb`` is the first part of the head of a thing built (污水处理 厂 → 污水处理厂).

    >>> _verb_in_head(Token("污水处理", "vn", 0, 4), Token("厂", "n", 4, 5))
    True
    >>> _verb_in_head(Token("工作", "vn", 0, 2), Token("法", "n", 2, 3))
    False
    """
    words = verb.word + last.word
    head = head_of(words)
    return head == words and heads()[head] != "Policy"


def _subject_type(tokens: list[Token], k: int) -> str | None:
    """The type of a name of up to three words ending at tokens[k] and holding a proper noun, or None.

    >>> _subject_type([Token("青禾", "ORG", 0, 2), Token("食品", "n", 2, 4)], 1)
    'Company'
    >>> _subject_type([Token("青禾湖", "LOC", 0, 3), Token("生态", "n", 3, 5)], 1) is None
    True
    """
    for first in range(max(k - 2, 0), k + 1):
        words = tokens[first : k + 1]
        if all(inside_name(t) for t in words) and any(t.tag in ("LOC", "ORG") for t in words):
            name = "".join(t.word for t in words)
            kind = type_of(name)
            if kind == "Company" and not any(t.tag == "ORG" for t in words):
                # 甲湖 生态 (a place and an industry word) is no sure company: 甲湖生态修复工程.
                kind = None if head_of(name) not in FORMAL_COMPANY_HEADS else kind
            if kind:
                return kind
    return None


def words_in(tokens: list[Token], start: int, end: int) -> list[Token]:
    """The tokens lying inside [start, end), found by bisection: ``tokens`` are a sentence's words in
    order, none overlapping (as :func:`sentence_tokens` gives them), so they are a slice.

    >>> toks = [Token("青山", "LOC", 0, 2), Token("隧道", "n", 2, 4), Token("建成", "v", 4, 6)]
    >>> [t.word for t in words_in(toks, 0, 4)], words_in(toks, 1, 4) == toks[1:2], words_in(toks, 3, 4)
    (['青山', '隧道'], True, [])
    """
    return tokens[bisect_left(tokens, start, key=_start) : bisect_right(tokens, end, key=_end)]
