"""Find every typed name in a report: projects, companies, places, policies, organisations.

The statistical tagger (LAC) cuts and labels words; the genre's grammar turns them into names:
nationwide lexicons, administrative divisions, head nouns that type a name (…隧道, …集团),
coordinated lists that share a head (甲、乙、丙等企业), patterns such as 以X为代表 and 支持X做大做强,
glossary headwords, and filters for generic nouns, honours and scraping noise.
Overlapping candidates in a sentence are resolved longest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.lexicons import division_codes, division_shorts, divisions, heads, terms
from kg.extract.names import (
    RANKING_TITLE,
    base_of,
    glued_conjunction,
    head_of,
    is_generic,
    is_honour,
    is_slogan,
    normalise,
    type_of,
)
from kg.extract.tagger import tag
from kg.ingest import is_site_chrome
from kg.types import Document, Mention, Sentence

#: Tags that end a name: punctuation, prepositions, conjunctions, particles, adverbs, pronouns.
_STOP_TAGS = frozenset({"w", "p", "c", "u", "d", "ad", "r", "xc", "vd"})

#: Tags of the tagger's own name classes and of proper nouns.
_NAME_TAGS = frozenset({"ORG", "LOC", "PER", "nz", "nw", "ns", "nt"})


#: Classifier after 等 (甲、乙等龙头企业) → the type it gives the listed names.
_CLASSIFIERS = {
    "企业": "Company",
    "公司": "Company",
    "招商项目": "Company",
    "市场主体": "Company",
    "项目": "Project",
    "工程": "Project",
    "重点工程": "Project",
    "重点项目": "Project",
    "路网": "Project",
    "地块": "Project",
    "地区": "Place",
    "地": "Place",
    "城市": "Place",
    "国家": "Place",
}

#: Words between 等 and its classifier (等42家外资企业, 等一批龙头企业, 等链主企业, 等多个百亿级项目,
#: 等世界500强企业).
_CLASSIFIER_OPENING = re.compile(
    r"^([\d一二三四五六七八九十百多]+[家个项]|一批|大型|龙头|重点|外资|民营|骨干|链主|知名|规上|国有"
    r"|[\d一二三四五六七八九十百千]*亿元?级|(世界|全球|中国|全国|国内)?[\d一二三四五六七八九十百]+强)+"
)

#: A capacity written inside a project's name (甲集团年产10万吨乙项目, 甲科技12英寸晶圆制造项目).
_CAPACITY = re.compile(r"(年产)?[\d.]+万?(吨|锭|台|套|件|辆|英寸|千瓦|兆瓦|头|只|片)")

#: The rest of a project's name after its capacity, up to 项目 (no punctuation inside).
_CAPACITY_REST = re.compile(r"[\u4e00-\u9fff]{1,16}?项目")

#: A division in brackets inside a name (甲精密（青山）有限公司, 中国（甲省）自由贸易试验区).
_BRACKETED = re.compile(r"[（(](?P<p>[\u4e00-\u9fff]{2,8})[)）]")

#: Frames around names: (regex with one group ``x`` for the name list, type for untyped names).
_FRAMES = (
    (re.compile(r"以(?P<x>[^，。；：的以]{2,40}?)为(代表|依托|龙头)"), "Company"),
    (
        re.compile(
            r"(支持|扶持|帮助|鼓励)(?P<x>[^，。；：的]{2,40}?)(等)?(进一步|做大做强|做大|做优|发展|稳步|开展|做好|壮大|高起点|延伸)"
        ),
        "Company",
    ),
    (re.compile(r"(对接|引进)(?P<x>[^，。；：的]{2,40}?)等"), "Company"),
    (
        re.compile(
            r"(力促|推动|争取|启动|完成|加快|确保)(?P<x>[^，。；：的]{2,40}?)(等)?(落地开工|在\d+月|投入使用|投入运营|建成|建设|完工|开工|高效推进)"
        ),
        "Project",
    ),
)

#: A numbered shared head closing a list (甲、乙、丙三大片区) → the type of the listed names.
_NUMBERED_HEAD = re.compile(r"[一二三四五六七八九十两\d]+[大个]?(片区|园区|社区|街道|乡镇|村)")

#: Heads appended to every bare item of a list when the last item carries them (甲、乙、丙社区).
_SHARED_HEADS = ("社区", "街道", "村", "镇", "乡")

#: Region-relative Party, government, congress and CPPCC bodies (区委, 省政府, 市人大常委会); a member (委员) or
#: the Party school (市委党校) is no such body.
_REGION_BODY = re.compile(
    r"(?:中共)?(?:[省市区县州旗镇乡]|街道)(?:人民政府|人大常委会|人大|政府|政协|党委|党工委|纪委|监委|委)(?!员|党校)"
)

#: A glossary headword: "3.“五水共治”（P5）：…" at the start of a line of the 名词解释 section.
_GLOSSARY = re.compile(
    r"^\s*\d{1,2}\s*[.．、]\s*[“\"]?(?P<x>[^“”\"：:（(]{2,30}?)[”\"]?\s*[（(]?P\d+[)）]?\s*[:：]"
)

#: Numbered slogans (一企一策, 多规合一, 三改一拆, 两违一拆): a general pattern of the genre; numerals
#: written in words (两千三百) are not slogans.
_NUMBERED_SLOGAN = re.compile(
    r"[一二三四五六七八九十两多](?![一二三四五六七八九十两百千万亿零])[\u4e00-\u9fff]"
    r"[一二三四五六七八九十两合](?![百千万亿零])[\u4e00-\u9fff]"
)

#: A number and its classifier (11个, 22枚, 6.7万): a count, never part of a name; a digit with Latin
#: letters is a technology's name (5G, 4K, 3D) and may end a name (甲5G项目).
_COUNT = re.compile(r"[\d.]+%?[^\W\dA-Za-z]{0,2}")

#: A leading count that makes a name generic (两大酒店, 五个片区); Policy names may carry one (三大攻坚战).
_LEADING_COUNT = re.compile(r"^[一二三四五六七八九十两\d]+[大个项类家批]")

#: Counts that open a phrase without belonging to a name (一批重点项目, 一支队伍).
_VAGUE_COUNT = re.compile(r"一批|一支|一些|一个|一大批|少数|部分")

#: Region-wide words that open a phrase (全市改革): dropped from a name's start.
#: The numbering that opens a heading line ((一), 一、, 3.).
_HEADING_NUMBER = re.compile(r"[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.]")
_REGION_WIDE = frozenset({"全市", "全区", "全县", "全镇", "全乡"})

#: Verbs of one character that never begin a name even at a sentence start (在绵阳, 到北京).
_FUNCTION_VERBS = frozenset("在到是有为让使把向对从将去给被")

#: Dates and deadlines glued to a name by the tagger (6月底前, 年内).
_DATE = re.compile(r"\d+月|底前|年内|上半年|下半年")

#: Region prefixes of public bodies and facilities (县图书馆, 市妇幼保健院).
_REGION_PREFIX = ("区", "市", "县", "省", "镇", "乡", "州")

#: Sides of town that name a facility (城南污水处理厂, 东区污水处理厂).
_SIDES = ("城东", "城西", "城南", "城北", "东区", "西区", "南区", "北区")

#: Abbreviations of state-owned investment platforms (县城投集团, 市城建投公司, 区交投): companies.
_PLATFORM = re.compile(r"城建投|城投|交投|文旅投|文投|旅投|产投|建投|国投|水投")

#: Company heads that only a company carries; weaker heads (…生态, …食品) end short names only.
_FORMAL_COMPANY_HEADS = frozenset({"公司", "有限公司", "有限责任公司", "集团", "股份", "合作社", "银行"})

#: A document title in book-title marks that names a plan, rule or opinion: a Policy.
_DOCUMENT = re.compile(
    r"《(?P<x>[^《》]{2,40}?(规划纲要|规划|纲要|方案|条例|办法|意见|计划|规定|决定|细则))(?:[（(]草案[)）])?》"
)

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

#: Adjectives of rank that make a phrase a description (最高政治原则, 最大政治任务): no name opens so.
_SUPERLATIVES = frozenset({"最高", "最大", "最重要", "最根本", "最严格", "首要", "根本"})

#: Words that follow a policy head and make a compound noun with it (改革 开放, 改革 发展 成果, 改革 实践,
#: 改革 创新): the head is then no head. Nouns after a head (改革 任务, 改革 举措) are caught by their tag.
_HEAD_COMPOUNDS = frozenset({"开放", "发展", "实践", "创新"})

#: One-character verbs of going (下 社区, 进 村, 入 户, 到 村): before a place head they make it a destination.
_GOING = frozenset("下进入到驻")

#: Verbs that open a word the tagger glued to a name (新建社区养老服务中心): the word is no name.
_BUILD_OPENINGS = ("新建", "建成", "改建", "扩建", "续建", "开工", "启动", "完成")

#: A quoted name and the head written after the closing quote (“一网通办”改革, “五水共治”).
_QUOTED = re.compile(r"[“\"](?P<x>[^”\"“，。；]{2,20})[”\"](?P<h>[\u4e00-\u9fff]{0,6})")

#: Kinds of actors a quoted label classifies (“小巨人”企业, “领跑者”城市): the label names no policy.
_QUOTED_KINDS = ("企业", "城市", "人才", "家庭", "市场主体")

#: The report's own meeting (区五届人大 …) and speaker: metadata, not entities.
_METADATA = re.compile(r"代表大会|会议|区长|县长|市长|省长|主任|书记|届")

_CJK = re.compile(r"[\u4e00-\u9fff]")
_NUMERAL = re.compile(r"[一二三四五六七八九十两百千万\d]")

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

#: Fixed phrases no name overlaps: a congress session, an indicator, a dateline, a ranking won, plenums,
#: a title won.
_NOT_NAMES = (_SESSION, _INDICATOR, _DATELINE, RANKING_TITLE, _PLENUM, _TITLE_WON)

#: A five-year plan's period (十二五, “十三五”时期): a time, never a name; its plan (十四五规划) is one.
_PERIOD = re.compile(r"十[一二三四五六七八九]?五(时期|期间|期)?")

#: A five-year plan named by its period (“十四五”规划, 十三五规划): a Policy.
_PERIOD_PLAN = re.compile(r"[“\"]?十[一二三四五六七八九]?五[”\"]?规划")

#: A modifier that only qualifies a policy head (差异化改革, 首创性改革, 常态化机制): a description, no name.
_QUALITY = re.compile(r"[\u4e00-\u9fff]{1,3}[化性]")

#: Latin letters glued before a name that opens with a division (FTR湖南省人民政府): scraping junk.
_LATIN_OPENING = re.compile(r"[A-Za-z]+\s*")

#: Heads of the items a platform named …中心 is listed with (甲经贸平台和乙中心): the centre is a Project.
_PLATFORM_ITEMS = ("平台", "项目")
_MAX_NAME = 24

#: Openings of honours and levels (省级示范区, 全省平安县): no thing's own name starts so.
_LEVELS = ("省级", "市级", "国家级", "国家3A", "国家4A", "国家5A", "全省", "全国", "全市", "全区", "全县")


@dataclass(frozen=True)
class _Token:
    word: str
    tag: str
    start: int
    end: int


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    type: str
    rule: str
    name: str
    rank: int


def _frame_words() -> frozenset[str]:
    """Words that frame a name but are never part of one (``kg/lexicons/frame_words.txt``).

    >>> "推进" in _frame_words(), "改造" in _frame_words()
    (True, False)
    """
    return terms("frame_words.txt")


def _tokens(
    doc: Document, sentence: Sentence, pairs: list[tuple[str, str]], known: frozenset[str] = frozenset()
) -> list[_Token]:
    """The tagger's words with document offsets, plus-formulas joined and cut names repaired.

    ``known`` holds the name words the tagger found anywhere in the document (:func:`_known_names`).

    >>> s = Sentence(0, "支持金禾食品", 10, 16, None, None)
    >>> doc = Document("x" * 10 + s.text, (s,), ())
    >>> [(t.word, t.start) for t in _tokens(doc, s, [("支持", "v"), ("金禾食品", "ORG")])]
    [('支持', 10), ('金禾食品', 12)]
    """
    out: list[_Token] = []
    pos = 0
    for word, tg in pairs:
        found = sentence.text.find(word, pos)
        if found < 0:
            continue
        out.append(_Token(word, tg, sentence.start + found, sentence.start + found + len(word)))
        pos = found + len(word)
    tokens = _split_industries(_split_conjunctions(_split_openings(_join_plus(out))))
    return _repair_prefixes(doc, tokens, known)


def _split_industries(tokens: list[_Token]) -> list[_Token]:
    """Split an industry word off the product noun the tagger glued to it after a company's proper name
    (莱德 生物危化品 → 莱德 生物 危化品): the company is the proper name and the industry word.

    Only a word with no head of its own is split (生物科技 ends with the head 科技 and stays whole).

    >>> toks = [_Token("青峦", "ORG", 0, 2), _Token("化工危废", "n", 2, 6)]
    >>> [(t.word, t.tag) for t in _split_industries(toks)]
    [('青峦', 'ORG'), ('化工', 'n'), ('危废', 'n')]
    >>> [t.word for t in _split_industries([_Token("青峦", "ORG", 0, 2), _Token("生物科技", "n", 2, 6)])]
    ['青峦', '生物科技']
    """
    out: list[_Token] = []
    for tok in tokens:
        industry = tok.word[:2]
        if (
            out
            and out[-1].tag == "ORG"
            and tok.tag in ("n", "nz")
            and len(tok.word) >= 4
            and heads().get(industry) == "Company"
            and industry not in _FORMAL_COMPANY_HEADS
            and head_of(tok.word) is None
        ):
            cut = tok.start + 2
            out += [_Token(industry, "n", tok.start, cut), _Token(tok.word[2:], "n", cut, tok.end)]
        else:
            out.append(tok)
    return out


def _split_openings(tokens: list[_Token]) -> list[_Token]:
    """Split a name word the tagger glued to a build verb before it (建成县 → 建成 + 县).

    >>> [(t.word, t.tag) for t in _split_openings([_Token("建成县", "LOC", 0, 3)])]
    [('建成', 'v'), ('县', 'n')]
    """
    out: list[_Token] = []
    for tok in tokens:
        verb = next((v for v in _BUILD_OPENINGS if tok.word.startswith(v)), None)
        if verb is None or tok.tag not in ("LOC", "ORG") or len(tok.word) == len(verb):
            out.append(tok)
            continue
        cut = tok.start + len(verb)
        rest = tok.word[len(verb) :]
        out += [
            _Token(verb, "v", tok.start, cut),
            _Token(rest, tok.tag if len(rest) > 1 else "n", cut, tok.end),
        ]
    return out


def _split_conjunctions(tokens: list[_Token]) -> list[_Token]:
    """Split a name word the tagger glued to the conjunction after it (区人大和 → 区人大 + 和).

    >>> [(t.word, t.tag) for t in _split_conjunctions([_Token("区人大和", "ORG", 0, 4)])]
    [('区人大', 'ORG'), ('和', 'c')]
    """
    out: list[_Token] = []
    for tok in tokens:
        if tok.tag in _NAME_TAGS and glued_conjunction(tok.word):
            out += [
                _Token(tok.word[:-1], tok.tag, tok.start, tok.end - 1),
                _Token(tok.word[-1], "c", tok.end - 1, tok.end),
            ]
        else:
            out.append(tok)
    return out


def _join(a: _Token, b: _Token, tg: str) -> _Token:
    return _Token(a.word + b.word, tg, a.start, b.end)


def _join_plus(tokens: list[_Token]) -> list[_Token]:
    """Join the words of a plus-formula (互联网+ 养老 → 互联网+养老; 1 + 2 + 3 → 1+2+3) into one nz word.

    >>> [t.word for t in _join_plus([_Token("互联网+", "nz", 0, 4), _Token("养老", "vn", 4, 6)])]
    ['互联网+养老']
    """
    out: list[_Token] = []
    for tok in tokens:
        if out and (out[-1].word.endswith("+") or tok.word == "+") and out[-1].end == tok.start:
            out[-1] = _join(out[-1], tok, "nz")
        else:
            out.append(tok)
    return out


def _repair_prefixes(doc: Document, tokens: list[_Token], known: frozenset[str]) -> list[_Token]:
    """Glue back a name's first or last character that the tagger cut off as a one-character word.

    The tagger reads 回龙塔 as 回 (a verb) + 龙塔 in one sentence and as one word in another. When
    that character precedes the rest of the name at least twice in the document and the rest never
    stands without it, they are one name. A name word followed by one character is glued when the
    whole is in ``known``, the name words found anywhere in the document.

    >>> text = "完成回龙塔修缮。回龙塔开放。"
    >>> [t.word for t in _repair_prefixes(Document(text, (), ()), [_Token("完成", "v", 0, 2),
    ...     _Token("回", "v", 2, 3), _Token("龙塔", "LOC", 3, 5), _Token("修缮", "v", 5, 7)], frozenset())]
    ['完成', '回龙塔', '修缮']
    """
    out: list[_Token] = []
    for tok in tokens:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.tag in _NAME_TAGS
            and len(tok.word) == 1
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
            and tok.tag in _NAME_TAGS
            and len(tok.word) >= 2
        ):
            stem = tok.word[:2]
            glued = doc.text.count(prev.word + stem)
            if glued >= 2 and glued == doc.text.count(stem):
                out[-1] = _join(prev, tok, tok.tag)
                continue
        out.append(tok)
    return out


def _known_names(tagged: list[list[tuple[str, str]]]) -> frozenset[str]:
    """Place and organisation words of three or more characters the tagger found in the document.

    >>> sorted(_known_names([[("在", "p"), ("青山县", "LOC")], [("青山", "LOC"), ("金禾集团", "ORG")]]))
    ['金禾集团', '青山县']
    """
    return frozenset(w for pairs in tagged for w, t in pairs if t in ("LOC", "ORG") and len(w) >= 3)


def _inside(tok: _Token) -> bool:
    """True when a word may be part of a name (not punctuation, particle, frame verb, count or date).

    >>> _inside(_Token("隧道", "n", 0, 2)), _inside(_Token("推进", "v", 0, 2)), _inside(_Token("11个", "m", 0, 3))
    (True, False, False)
    >>> _inside(_Token("作为", "v", 0, 2)), _inside(_Token("共享", "vn", 0, 2))
    (False, True)
    """
    if tok.tag in _STOP_TAGS or tok.word in _frame_words() or tok.word.isspace():
        return False
    if tok.tag == "v" and tok.word in _CLAUSE_VERBS:
        return False
    if tok.tag == "TIME":
        return bool(re.fullmatch(r"[一二三四五六七八九十两]+年", tok.word))
    return tok.word != "年" and not _COUNT.fullmatch(tok.word) and not tok.word.endswith((".", "．"))


def _extend_left(tokens: list[_Token], i: int) -> int:
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
        if not _inside(prev) or tokens[i].end - prev.start > _MAX_NAME:
            break
        if prev.tag == "v" and (
            tokens[j].tag in _NAME_TAGS or (len(prev.word) == 1 and j > 1 and tokens[j - 2].tag == "v")
        ):
            break
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
        if _LEADING_COUNT.match(prev.word) and prev.tag == "m":
            break
    while j < i and (
        tokens[j].tag == "v"
        or tokens[j].word in _REGION_WIDE
        or _VAGUE_COUNT.fullmatch(tokens[j].word)
        or (len(tokens[j].word) == 1 and tokens[j].tag == "a" and tokens[j + 1].tag not in _NAME_TAGS)
    ):
        j += 1
    if 0 < j < i and _split_half(tokens[j - 1], tokens[j]):
        j += 1  # 完善 到 户 产业奖补办法: 户 is the second half of 到户, no name starts there
    return j


def _split_half(verb: _Token, tok: _Token) -> bool:
    """True when ``tok`` is the second half of a word the tagger split after a one-character verb
    (到 户, 入 村: 到户 and 入村 are one word).

    >>> _split_half(_Token("到", "v", 0, 1), _Token("户", "q", 1, 2)), _split_half(_Token("建", "v", 0, 1), _Token("产业", "n", 1, 3))
    (True, False)
    """
    return verb.tag == "v" and len(verb.word) == 1 and len(tok.word) == 1 and verb.end == tok.start


def _verb_in_head(verb: _Token, last: _Token) -> bool:
    """True when ``verb`` is the first part of the head of a thing built (污水处理 厂 → 污水处理厂).

    >>> _verb_in_head(_Token("污水处理", "vn", 0, 4), _Token("厂", "n", 4, 5))
    True
    >>> _verb_in_head(_Token("工作", "vn", 0, 2), _Token("法", "n", 2, 3))
    False
    """
    words = verb.word + last.word
    head = head_of(words)
    return head == words and heads()[head] != "Policy"


def _subject_type(tokens: list[_Token], k: int) -> str | None:
    """The type of a name of up to three words ending at tokens[k] and holding a proper noun, or None.

    >>> _subject_type([_Token("青禾", "ORG", 0, 2), _Token("食品", "n", 2, 4)], 1)
    'Company'
    >>> _subject_type([_Token("青禾湖", "LOC", 0, 3), _Token("生态", "n", 3, 5)], 1) is None
    True
    """
    for first in range(max(k - 2, 0), k + 1):
        words = tokens[first : k + 1]
        if all(_inside(t) for t in words) and any(t.tag in ("LOC", "ORG") for t in words):
            name = "".join(t.word for t in words)
            kind = type_of(name)
            if kind == "Company" and not any(t.tag == "ORG" for t in words):
                # 甲湖 生态 (a place and an industry word) is no sure company: 甲湖生态修复工程.
                kind = None if head_of(name) not in _FORMAL_COMPANY_HEADS else kind
            if kind:
                return kind
    return None


def _proper(tokens: list[_Token]) -> bool:
    """True when the words hold a proper noun, a number or Latin (a name, not a description)."""
    return any(t.tag in _NAME_TAGS or re.search(r"[0-9A-Za-z]", t.word) for t in tokens)


def _typed(name: str, tokens: list[_Token]) -> str | None:
    """The type of ``name`` made of ``tokens``, by its head, when the head stands and a name precedes it.

    Things (Project, Company, Place, Organization) need a proper noun or a region prefix
    (城管社区 is no place); a one-character head must be a word or end a proper noun (城市 is no 市).
    A policy head qualified by one word of manner (差异化改革, 常态化机制) names no policy.

    >>> _typed("青山县", [_Token("青山县", "LOC", 0, 3)]), _typed("城市", [_Token("城市", "n", 0, 2)])
    ('Place', None)
    >>> _typed("示范社区", [_Token("示范", "n", 0, 2), _Token("社区", "n", 2, 4)])
    >>> _typed("差异化改革", [_Token("差异化", "vn", 0, 3), _Token("改革", "vn", 3, 5)])
    """
    kind = type_of(name)
    base = base_of(name)
    head = head_of(base)
    if base != name and len(tokens) > 1 and tokens[-1].word == name[len(base) :]:
        tokens = tokens[:-1]
    if kind is None or head is None or not tokens:
        return None
    last = tokens[-1]
    if len(head) == 1 and not (
        last.tag in _NAME_TAGS
        or re.search(r"[0-9A-Za-z]", last.word)
        or (last.word == head and len(tokens) > 1 and tokens[-2].tag in _NAME_TAGS)
        or ((len(last.word) > 1 or kind == "Organization") and _regional(base, kind))
    ):
        return None
    rest = base[: -len(head)]
    if (
        len(rest) < 2
        or not _CJK.search(rest)
        or re.fullmatch(r"[一二三四五六七八九十两\d]+[个大项条]?", rest)
    ):
        return None
    if kind == "Company" and len(name) > 6 and head not in _FORMAL_COMPANY_HEADS:
        return None
    if kind == "Policy" and _QUALITY.fullmatch(rest):
        return None
    if kind != "Policy" and not (_proper(tokens) or _regional(name, kind)):
        return None
    if kind == "Place" and _destination(tokens):
        return None
    return kind


def _regional(name: str, kind: str) -> bool:
    """True when a name without a proper noun is still one thing: a region-relative body or facility
    (县图书馆, 区人民医院新院区), a facility named by its side of town (城南污水处理厂), or a
    state-owned platform company (县城投集团, 区交投公司).

    >>> _regional("县人民医院新院区", "Project"), _regional("区重点项目", "Project"), _regional("县城投集团", "Company")
    (True, False, True)
    """
    if kind == "Company":
        return bool(_PLATFORM.search(name))
    if kind not in ("Organization", "Project"):
        return False
    if kind == "Project" and name.startswith(_SIDES):
        return not is_generic(name[2:])
    return (
        name[0] in _REGION_PREFIX
        and name[1] not in "域级内外场" + "".join(_REGION_PREFIX)
        and not is_generic(name[1:])
    )


def _accept(name: str, kind: str | None) -> bool:
    """True when ``name`` may be a mention of type ``kind`` (filters generic nouns, honours, noise).

    >>> _accept("金禾食品", "Company"), _accept("安置房", "Project"), _accept("P5", "Policy"), _accept("十三五", "Policy")
    (True, False, False, False)
    """
    if kind is None or len(name) < 2 or len(name) > _MAX_NAME or not _CJK.search(name):
        return False
    if is_generic(name) or is_honour(name) or _METADATA.search(name) or _DATE.search(name):
        return False
    if glued_conjunction(name) or (kind != "Organization" and _REGION_BODY.fullmatch(name)):
        return False
    if name.count("(") + name.count("（") != name.count(")") + name.count("）"):
        return False
    if kind != "Policy" and (_LEADING_COUNT.match(name) or name.startswith(_LEVELS)):
        return False
    if _PERIOD.fullmatch(name) or (kind == "Place" and is_slogan(name)):
        return False
    return name not in terms("not_entities.txt")


def _make(doc: Document, start: int, end: int, kind: str | None, rule: str, rank: int) -> list[_Candidate]:
    """A one-element list with the candidate for doc.text[start:end], or [] when it is filtered out."""
    start = _past_junk(doc.text, start, end)
    name = normalise(doc.text[start:end])
    if not _accept(name, kind):
        return []
    return [_Candidate(start, end, kind, rule, name, rank)]


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
    opens = _division_regex(()).match(rest) or _REGION_BODY.match(rest)
    return junk.end() if opens else start


def _words(tokens: list[_Token], start: int, end: int) -> list[_Token]:
    """The tokens lying inside [start, end)."""
    return [t for t in tokens if t.start >= start and t.end <= end]


_REGEX_CACHE: dict[object, re.Pattern[str]] = {}


def _alternation(words: list[str]) -> str:
    """A regex source matching any of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _lexicon_regex() -> re.Pattern[str]:
    """One regex over the nationwide policy and organisation lexicons, longest term first."""
    if "lexicon" not in _REGEX_CACHE:
        words = terms("policies_national.txt") | terms("organizations_national.txt")
        _REGEX_CACHE["lexicon"] = re.compile(_alternation(list(words)))
    return _REGEX_CACHE["lexicon"]


def _division_regex(shorts: tuple[str, ...]) -> re.Pattern[str]:
    """A regex over all division full names plus the short names of the report's own region."""
    if shorts not in _REGEX_CACHE:
        words = [n for n in divisions() if len(n) >= 3] + list(shorts)
        _REGEX_CACHE[shorts] = re.compile(_alternation(words))
    return _REGEX_CACHE[shorts]


def _region_shorts(doc: Document) -> tuple[str, ...]:
    """Short names (涪城, 绵阳) of the report's region, its parents and, for a province or a city, the
    divisions under it (a city report names its counties by their short names: 甲县 → 甲).

    >>> _region_shorts(Document("", (), (), region_full="四川省绵阳市涪城区"))
    ('四川', '涪城', '绵阳')
    >>> "江油" in _region_shorts(Document("", (), (), region_full="四川省绵阳市", region_code="510700"))
    True
    """
    full = doc.region_full or doc.region
    out = {short for name, (short, _) in divisions().items() if full and name in full and short != name}
    out |= {short for short, name in division_shorts().items() if full and name in full}
    code = doc.region_code or ""
    prefix = code[:2] if code.endswith("0000") else code[:4] if code.endswith("00") else None
    if prefix:
        out |= {s for s, c in division_codes() if c.startswith(prefix) and c != code}
    return tuple(sorted(out))


def _lexicon_candidates(doc: Document, sentence: Sentence, tokens: list[_Token], shorts) -> list[_Candidate]:
    """Nationwide policies and organisations, region-relative bodies, and divisions; a policy term
    followed by the head of a park or zone (数字经济 产业园) only describes it and is no mention."""
    out: list[_Candidate] = []
    policies = terms("policies_national.txt")
    heads_after = {t.start: t.word for t in tokens}
    for match in _lexicon_regex().finditer(sentence.text):
        kind = "Policy" if match.group() in policies else "Organization"
        s = sentence.start + match.start()
        after = heads_after.get(s + len(match.group()), "")
        if kind == "Policy" and heads().get(after) in ("Project", "Place"):
            continue  # 数字经济 产业园: the policy's words only describe a park or zone
        out += _make(doc, s, s + len(match.group()), kind, "lexicon", 1)
    for match in _REGION_BODY.finditer(sentence.text):
        s = sentence.start + match.start()
        out += _make(doc, s, sentence.start + match.end(), "Organization", "region-body", 1)
    ends = {t.end for t in tokens}
    starts = {t.start for t in tokens}
    for match in _division_regex(shorts).finditer(sentence.text):
        s, e = sentence.start + match.start(), sentence.start + match.end()
        if s in starts and e in ends:
            out += _make(doc, s, e, "Place", "division", 2)
    return out


def _head_candidates(doc: Document, tokens: list[_Token]) -> list[_Candidate]:
    """Names closed by a head noun: the longest run of name words before a word ending in a head."""
    out: list[_Candidate] = []
    for i, tok in enumerate(tokens):
        if not _inside(tok) and tok.tag not in _NAME_TAGS and not _year_head(tokens, i):
            continue
        if _modifies_next(doc, tokens, i):
            continue
        first = _extend_left(tokens, i)
        if first > 0 and tokens[first - 1].word == "等":
            continue  # 甲、乙等合作计划: the phrase after 等 names the kind of the items, not one thing
        if tokens[first].word in _SUPERLATIVES:
            continue  # 最高政治原则: a description of rank, no name
        for j in range(first, i + 1):
            name = normalise(doc.text[tokens[j].start : tok.end])
            kind = _typed(name, tokens[j : i + 1])
            if kind and not is_generic(name):
                start = _after_conjunction(doc.text, tokens[j].start, tok.end, kind)
                start = _route_start(doc, tokens, start) if kind == "Project" else start
                if (
                    kind == "Organization"
                    and head_of(name) == "中心"
                    and _beside_platform(doc.text, start, tok.end)
                ):
                    kind = "Project"
                out += _make(doc, start, tok.end, kind, "head", 3)
                break
    return out


def _beside_platform(text: str, start: int, end: int) -> bool:
    """True when the name in text[start:end] is listed (、 和 及 与) next to a platform or project.

    >>> _beside_platform("做实青禾经贸平台和白鹭中心", 9, 13), _beside_platform("做实白鹭中心和青禾文化馆", 2, 6)
    (True, False)
    """
    before = re.search(r"[^，。；,;、和及与]*[、和及与]$", text[max(start - _MAX_NAME, 0) : start])
    after = re.match(r"[、和及与][^，。；,;、和及与]*", text[end : end + _MAX_NAME])
    return any(m is not None and any(h in m.group() for h in _PLATFORM_ITEMS) for m in (before, after))


def _year_head(tokens: list[_Token], i: int) -> bool:
    """True when tokens[i] is the 年 of a campaign-year head (…建设年, …补短板年), not a date.

    The tagger writes 年 as a word of its own, which elsewhere ends a date (2019年, 十年).

    >>> _year_head([_Token("项目", "n", 0, 2), _Token("建设", "vn", 2, 4), _Token("年", "n", 4, 5)], 2)
    True
    """
    if tokens[i].word != "年" or i == 0 or not _inside(tokens[i - 1]):
        return False
    return heads().get(tokens[i - 1].word[-2:] + "年") == "Policy"


def _after_conjunction(text: str, start: int, end: int, kind: str) -> int:
    """Where a name in text[start:end] starts when a conjunction joins it to words before it.

    和/及/与 stay inside a name whose head the two sides share (征拆安置及资金结算改革); a right side
    that opens with a region prefix and carries the head itself is a name of its own (监督和县政协).

    >>> _after_conjunction("法律监督和县政协", 0, 8, "Organization"), _after_conjunction("甲及乙改革", 0, 5, "Policy")
    (5, 0)
    """
    for k in range(end - 2, start, -1):
        if text[k] in "和及与" and text[k + 1] in _REGION_PREFIX and type_of(text[k + 1 : end]) == kind:
            return k + 1
    return start


def _modifies_next(doc: Document, tokens: list[_Token], i: int) -> bool:
    """True when a policy head at tokens[i] is followed by a noun it modifies (改革 事项, 行动 计划), by a
    word it makes a compound with (改革 开放, 改革 发展 成果, 改革 实践: see ``_HEAD_COMPOUNDS``) or by
    another policy head, which is the name's own (产权制度 改革 任务: 制度 is no head either).

    >>> toks = [_Token("升级", "vn", 0, 2), _Token("改革", "vn", 2, 4), _Token("实践", "vn", 4, 6)]
    >>> _modifies_next(Document("升级改革实践", (), ()), toks, 1)
    True
    >>> _modifies_next(Document("升级改革实践", (), ()), toks[:2], 1)
    False
    """
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if following is None or re.search(r"[0-9A-Za-z]", following.word):
        return False
    if (
        following.tag != "n"
        and following.word not in _HEAD_COMPOUNDS
        and heads().get(following.word) != "Policy"
    ):
        return False
    return type_of(doc.text[tokens[max(i - 1, 0)].start : tokens[i].end]) == "Policy"


def _capacity_candidates(doc: Document, sentence: Sentence, tokens: list[_Token]) -> list[_Candidate]:
    """Projects named by their investor and capacity (甲集团年产10万吨乙项目): the investor's name, the
    capacity and the product up to 项目, when the investor's name holds a proper noun."""
    out: list[_Candidate] = []
    by_end = {t.end: k for k, t in enumerate(tokens)}
    for match in _CAPACITY.finditer(sentence.text):
        s, e = sentence.start + match.start(), sentence.start + match.end()
        rest = _CAPACITY_REST.match(doc.text, e)
        if s not in by_end or rest is None:
            continue
        left = tokens[_extend_left(tokens, by_end[s])].start
        if _proper(_words(tokens, left, s)):
            out += _make(doc, left, rest.end(), "Project", "capacity", 3)
    return out


def _bracket_candidates(doc: Document, sentence: Sentence, tokens: list[_Token]) -> list[_Candidate]:
    """Names with a division in brackets (甲精密（青山）有限公司): the name words before the bracket,
    the bracket, and the shortest run of characters after it that ends with a head."""
    out: list[_Candidate] = []
    by_end = {t.end: k for k, t in enumerate(tokens)}
    for match in _BRACKETED.finditer(sentence.text):
        place = match.group("p")
        s, e = sentence.start + match.start(), sentence.start + match.end()
        if s not in by_end or (place not in division_shorts() and place not in divisions()):
            continue
        left = tokens[_extend_left(tokens, by_end[s])].start
        after = re.match(r"[\u4e00-\u9fff]{0,10}", doc.text[e:]).group()
        size = next((k for k in range(2, len(after) + 1) if head_of(after[:k])), 0)
        if size:
            out += _make(doc, left, e + size, type_of(doc.text[left : e + size]), "bracketed", 2)
    return out


def _route_start(doc: Document, tokens: list[_Token], start: int) -> int:
    """Where a route's name starts when it runs from one place to another (甲至乙快速通道 → 甲).

    >>> toks = [_Token("青山", "LOC", 0, 2), _Token("至", "p", 2, 3), _Token("白沙", "LOC", 3, 5)]
    >>> _route_start(Document("青山至白沙公路", (), ()), toks, 3)
    0
    """
    if start < 1 or doc.text[start - 1] != "至":
        return start
    before = next((k for k, t in enumerate(tokens) if t.end == start - 1), None)
    return tokens[before].start if before is not None and tokens[before].tag == "LOC" else start


def _tagger_candidates(doc: Document, tokens: list[_Token]) -> list[_Candidate]:
    """Single ORG and LOC words of the tagger: typed by head; an ORG without one is a Company; a LOC
    without one is a Place when it is a province's or city's short name (上海, 徐州)."""
    out: list[_Candidate] = []
    for i, tok in enumerate(tokens):
        if tok.tag not in ("ORG", "LOC") or len(tok.word) < 2:
            continue
        kind = _typed(tok.word, [tok])
        if kind is None and i + 1 < len(tokens) and tokens[i + 1].tag == "v" and _opens_heading(doc, tok):
            continue  # (一)聚力推进乡村振兴: a heading's opening verb, no name
        if kind is None and tok.tag == "LOC" and len(tok.word) == 2 and tok.word[1] in "江河湖山岛":
            kind = "Place"
        if kind is None and tok.tag == "LOC" and tok.word in division_shorts() and not _idiom_at(doc, tok):
            kind = "Place"  # 与上海、安徽共建: a province or city named by its short name
        if kind is None and tok.tag == "ORG":
            body = heads().get(tok.word) == "Organization" or _REGION_BODY.fullmatch(tok.word)
            kind = "Organization" if body else "Company"
        out += _make(doc, tok.start, tok.end, kind, f"tagger-{tok.tag}", 5)
    return out


def _opens_heading(doc: Document, tok: _Token) -> bool:
    """True when ``tok`` is the first word of a heading line, after its numbering ((一)聚力, 3.聚力).

    >>> s = Sentence(0, "(一)聚力推进", 0, 7, None, None)
    >>> doc = Document(s.text, (s,), ())
    >>> _opens_heading(doc, _Token("聚力", "ORG", 3, 5)), _opens_heading(doc, _Token("推进", "v", 5, 7))
    (True, False)
    """
    line_start = doc.text.rfind("\n", 0, tok.start) + 1
    return bool(_HEADING_NUMBER.fullmatch(doc.text[line_start : tok.start]))


def _idiom_at(doc: Document, tok: _Token) -> bool:
    """True when a listed non-entity phrase starts at ``tok`` (长治 in 长治久清 is no city).

    >>> _idiom_at(Document("水体长治久清", (), ()), _Token("长治", "LOC", 2, 4))
    True
    """
    return any(doc.text.startswith(w, tok.start) for w in terms("not_entities.txt") if len(w) > len(tok.word))


def _items(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the items of a list written in doc.text[start:end] (separated by 、 和 及 与)."""
    items, pos = [], start
    for k, ch in enumerate(doc.text[start:end]):
        if ch in "、和及与":
            items.append((pos, start + k))
            pos = start + k + 1
    items.append((pos, end))
    return [(s, e) for s, e in items if e > s]


def _item_candidates(
    doc: Document, tokens: list[_Token], spans: list[tuple[int, int]], default: str | None, rule: str
) -> list[_Candidate]:
    """Candidates for list items: own head type, else ``default`` when the item looks like a name.

    A Company default overrides a Place head (companies are named after lakes and hills); a verb
    opening a policy item governs it (决战 脱贫攻坚) and is left out, as :func:`_extend_left` leaves
    it out of the first item.
    """
    out: list[_Candidate] = []
    typed: list[str | None] = []
    short: list[bool] = []
    spans = [_past_verbs(doc, tokens, s, e) for s, e in spans]
    for s, e in spans:
        words = _words(tokens, s, e)
        short.append(2 <= e - s <= 6)
        if e - s > 12 or not words or any(not _in_item(t) for t in words):
            typed.append(None)
            short[-1] = False
            continue
        name = normalise(doc.text[s:e])
        kind = _typed(name, words) or (type_of(name) if default else None)
        if default and (kind is None or (default == "Company" and kind in ("Place", "Organization"))):
            kind = default if _proper(words) else kind
        typed.append(kind)
    if default is None and sum(k == "Company" for k in typed) >= 2:
        typed = [k or "Company" for k in typed]
    elif default == "Company" and sum(k == "Company" for k in typed) >= 2:
        # 以甲电器、乙精密、丙照明为代表: a short item among named companies is one too.
        typed = [k or ("Company" if ok else None) for k, ok in zip(typed, short)]
    for (s, e), kind in zip(spans, typed):
        out += _make(doc, s, e, kind, rule, 2)
    return out


def _past_verbs(doc: Document, tokens: list[_Token], start: int, end: int) -> tuple[int, int]:
    """The span [start, end) without the verbs that open it when the rest names a policy (决战 脱贫攻坚);
    a company's name may open with a verb-like word (领航农业) and keeps it.

    >>> doc = Document("决战脱贫攻坚", (), ())
    >>> _past_verbs(doc, [_Token("决战", "v", 0, 2), _Token("脱贫", "vn", 2, 4), _Token("攻坚", "vn", 4, 6)], 0, 6)
    (2, 6)
    >>> _past_verbs(doc, [_Token("决战", "v", 0, 2)], 0, 2)
    (0, 2)
    """
    words = _words(tokens, start, end)
    k = 0
    while k < len(words) - 1 and words[k].tag == "v" and words[k].start == start:
        k += 1
    rest = words[k].start if words else start
    if rest > start and type_of(normalise(doc.text[rest:end])) == "Policy":
        return rest, end
    return start, end


def _in_item(tok: _Token) -> bool:
    """True when a word may be part of a list item (a name word, a bare number, or 之 as in 青溪之门)."""
    return _inside(tok) or tok.tag in _NAME_TAGS or tok.word == "之" or tok.word.isdigit()


def _frame_candidates(doc: Document, sentence: Sentence, tokens: list[_Token]) -> list[_Candidate]:
    """Names in the genre's frames (以X为代表, 支持X做大做强, 力促X落地开工): typed by head or frame."""
    out: list[_Candidate] = []
    for regex, default in _FRAMES:
        for match in regex.finditer(sentence.text):
            s = sentence.start + match.start("x")
            e = sentence.start + match.end("x")
            while any(t.start == s and t.word in _frame_words() for t in tokens):
                s = next(t.end for t in tokens if t.start == s)
            out += _item_candidates(doc, tokens, _items(doc, s, e), default, "frame")
    return out


def _list_candidates(doc: Document, sentence: Sentence, tokens: list[_Token]) -> list[_Candidate]:
    """Coordinated lists sharing a head: 甲、乙等企业, 甲、乙、丙五大片区, 甲、乙、丙社区."""
    out: list[_Candidate] = []
    by_end = {t.end: k for k, t in enumerate(tokens)}
    for match in re.finditer(r"[^，。；：！？,;:()（）]+", sentence.text):
        text = match.group()
        if "、" not in text and "等" not in text:
            continue
        chunk_s, chunk_e = sentence.start + match.start(), sentence.start + match.end()
        first = chunk_s + (text.find("、") if "、" in text else text.find("等"))
        if first not in by_end:
            continue
        left = tokens[_extend_left(tokens, by_end[first])].start
        last = text.rfind("、")
        tail = chunk_s + last + 1 if last >= 0 else left
        right, last_word = tail, None
        for t in tokens:
            if t.start >= tail and t.end <= chunk_e:
                if not _inside(t) or t.word == "等" or _acts(doc.text[tail:right], last_word, t):
                    break
                right, last_word = t.end, t
        default = None
        numbered = _NUMBERED_HEAD.search(doc.text[tail:right])
        if numbered:
            right, default = tail + numbered.start(), "Place"
        elif doc.text.startswith("等", right):
            after = _CLASSIFIER_OPENING.sub("", doc.text[right + 1 : chunk_e])
            default = next((k for w, k in _CLASSIFIERS.items() if after.startswith(w)), None)
        if right <= left or ("、" not in doc.text[left:right] and default is None):
            continue
        spans = _items(doc, left, right)
        out += _shared_head(doc, tokens, spans) or _item_candidates(doc, tokens, spans, default, "list")
    return out


def _acts(item: str, last: _Token | None, tok: _Token) -> bool:
    """True when ``tok`` is a verb whose subject is the company just named (甲食品 建设 原料基地).

    >>> _acts("金禾食品", _Token("食品", "n", 2, 4), _Token("建设", "vn", 4, 6)), _acts("", None, _Token("建设", "vn", 0, 2))
    (True, False)
    """
    return (
        last is not None
        and tok.tag in ("v", "vn")
        and (last.tag == "ORG" or type_of(normalise(item)) == "Company")
    )


def _shared_head(doc: Document, tokens: list[_Token], spans: list[tuple[int, int]]) -> list[_Candidate]:
    """甲、乙、丙社区: every short bare item takes the last item's division head (甲社区, 乙社区); a
    destination (甲、乙、丙下社区: :func:`_destination`) is no head."""
    last = normalise(doc.text[spans[-1][0] : spans[-1][1]])
    head = next((h for h in _SHARED_HEADS if last.endswith(h) and len(last) > len(h)), None)
    if head is None or len(spans) < 2 or len(last) < len(head) + 2:
        return []
    if _destination(_words(tokens, *spans[-1])):
        return []
    out: list[_Candidate] = []
    for s, e in spans:
        name = normalise(doc.text[s:e])
        full = name if name.endswith(_SHARED_HEADS) else name + head
        if len(name) <= 6 and _accept(full, "Place"):
            out.append(_Candidate(s, e, "Place", "list-shared-head", full, 2))
    return out


def _destination(words: list[_Token]) -> bool:
    """True when the place head closing ``words`` is where someone goes (微工程 下 社区, 干部 进村): a verb
    of going (``_GOING``) stands as a word of its own before the head, or glued to it alone, after a
    common word. After a place word the character belongs to the name (东 进 社区 is 东进社区).

    >>> _destination([_Token("环卫", "n", 0, 2), _Token("下", "f", 2, 3), _Token("社区", "n", 3, 5)])
    True
    >>> _destination([_Token("东", "LOC", 0, 1), _Token("进", "v", 1, 2), _Token("社区", "n", 2, 4)])
    False
    >>> _destination([_Token("干部", "n", 0, 2), _Token("进村", "v", 2, 4)])
    True
    """
    if not words:
        return False
    last = words[-1]
    if last.tag in ("v", "f") and last.word[0] in _GOING and heads().get(last.word[1:]) == "Place":
        return True
    if len(words) < 2 or heads().get(last.word) != "Place" or words[-2].word not in _GOING:
        return False
    return words[-2].tag in ("v", "f") and (len(words) < 3 or words[-3].tag not in _NAME_TAGS)


def _pattern_candidates(doc: Document, sentence: Sentence, tokens: list[_Token]) -> list[_Candidate]:
    """Glossary headwords (a headword opening with a numeral is a slogan: “四好农村路” is a Policy),
    quoted names, document titles, five-year plans (“十四五”规划), numbered slogans (一企一策) and
    plus-formulas (互联网+养老)."""
    out: list[_Candidate] = []
    match = _GLOSSARY.match(sentence.text)
    if match:
        s = sentence.start + match.start("x")
        name = normalise(match.group("x"))
        kind = type_of(name)
        out += _make(
            doc,
            s,
            s + len(match.group("x")),
            kind if kind not in (None, "Place") and not _NUMERAL.match(name) else "Policy",
            "glossary",
            0,
        )
    for match in _QUOTED.finditer(sentence.text):
        out += _quoted(doc, sentence, tokens, match)
    for match in _PERIOD_PLAN.finditer(sentence.text):
        s = sentence.start + match.start()
        out += _make(doc, s, sentence.start + match.end(), "Policy", "period-plan", 1)
    for match in _DOCUMENT.finditer(sentence.text):
        s = sentence.start + match.start("x")
        out += _make(doc, s, s + len(match.group("x")), "Policy", "document-title", 1)
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    for match in _NUMBERED_SLOGAN.finditer(sentence.text):
        s, e = sentence.start + match.start(), sentence.start + match.end()
        if s in starts and e in ends:
            out += _make(doc, s, e, "Policy", "numbered-slogan", 4)
    for tok in tokens:
        if "+" in tok.word.strip("+"):
            out += _make(doc, tok.start, tok.end, "Policy", "plus-formula", 4)
    return out


def _quoted(
    doc: Document, sentence: Sentence, tokens: list[_Token], match: re.Match[str]
) -> list[_Candidate]:
    """A quoted name, with the longest head phrase written right after the quote: typed by head, else Policy.

    The head phrase (改革, 决策制度, 基层治理模式) is made of name words and ends with a head.
    A quoted name opening with a numeral is a slogan (“四好农村路”): a Policy whatever its head inside
    the quote; a head of a work or body written after the quote (“一台戏”项目) types it as usual, and a
    place written right before the quote opens such a name (甲镇“一台戏”项目 → 甲镇一台戏项目).
    A quoted label of a kind of actor (“小巨人”企业) is no name, nor is a quoted goal or slogan clause
    without a head after it (“把甲城建设得更加美丽”, see :func:`_slogan`). Scraped copies lose their quotes,
    so this rule only adds certainty where quotes survive.
    """
    inner, after = match.group("x"), match.group("h")
    if after.startswith(_QUOTED_KINDS):
        return []
    quote_end = sentence.start + match.end("x") + 1
    for size in range(len(after), -1, -1):
        words = _words(tokens, quote_end, quote_end + size)
        joined = sum(len(t.word) for t in words) == size and all(_inside(t) for t in words)
        head = head_of(after[:size]) if joined and not _NUMERAL.search(after[:size]) else None
        kind = type_of(inner + after[:size]) if head and (len(head) > 1 or size == 1) else None
        if kind or size == 0:
            if (
                _NUMERAL.match(inner)
                and kind in ("Project", "Place", "Company")
                and (size == 0 or kind == "Place")
            ):
                kind = "Policy"
            start = sentence.start + match.start()
            if kind is None and _slogan(inner, _words(tokens, start + 1, quote_end - 1)):
                return []
            place = next((t for t in tokens if t.end == start and _place_word(t)), None)
            if place is not None and kind in ("Project", "Company", "Organization"):
                start = place.start
            return _make(doc, start, quote_end + size, kind or "Policy", "quoted", 1)
    return []


def _slogan(inner: str, words: list[_Token]) -> bool:
    """True when a quoted text is a clause of 10 or more characters holding a verb or preposition: a goal
    or slogan (“把甲城建设得更加美丽”, “打造沿海开放的门户城市”), which the gold holds optional, not a
    named policy (“一窗受理、集成服务” is shorter).

    >>> _slogan("把青山建设得更加美丽", [_Token("把", "p", 0, 1), _Token("青山", "LOC", 1, 3),
    ...     _Token("建设", "v", 3, 5), _Token("得", "u", 5, 6), _Token("更加", "d", 6, 8), _Token("美丽", "a", 8, 10)])
    True
    >>> _slogan("一窗受理、集成服务", [_Token("一窗", "m", 0, 2), _Token("受理", "v", 2, 4)])
    False
    """
    return len(normalise(inner)) >= 10 and any(t.tag in ("v", "p") for t in words)


#: Verbs of winning a title written before a quote (获评全省唯一一个“甲”): the quote holds the title.
_WON_BEFORE = re.compile(r"(获评|荣获|被评为|评为|入选|授予|被命名为|命名为)[^，。；,;“”]{0,8}$")

#: Words after a run of quotes that make them titles (通过“甲”“乙”复评, “甲”称号).
_WON_AFTER = re.compile(r"(“[^“”]{1,20}”)*(复评|复核|称号|荣誉)")


def _quoted_honours(sentence: Sentence) -> list[tuple[int, int]]:
    """Spans of quoted titles won (被评为“甲省经济十强县”, 通过“中国茶都”复评): no name lies inside them.

    A quote is a title by its shape (:func:`kg.extract.names.is_honour`), when a verb of winning opens
    its clause a few characters before it (获评全省唯一一个“甲”), or when a run of quotes ends
    with 复评 or 称号; a quote with a head after it (“甲”改革) is a name whatever precedes it.

    >>> _quoted_honours(Sentence(0, "被评为“甲省经济十强县”。", 10, 23, None, None))
    [(13, 22)]
    >>> _quoted_honours(Sentence(0, "通过“青瓷小镇”“金茶之城”复评，荣获“山水画廊”。", 0, 27, None, None))
    [(2, 8), (8, 14), (19, 25)]
    """
    out: list[tuple[int, int]] = []
    for m in _QUOTED.finditer(sentence.text):
        rest = sentence.text[m.end("x") + 1 :]
        after = m.group("h")
        headed = any(after[:k] in heads() for k in range(1, len(after) + 1))
        won = (_WON_BEFORE.search(sentence.text[: m.start()]) and not headed) or _WON_AFTER.match(rest)
        if won or is_honour(normalise(m.group("x"))):
            out.append((sentence.start + m.start(), sentence.start + m.end("x") + 1))
    return out


def _place_word(tok: _Token) -> bool:
    """True when a word is a place by itself: tagged a place, or a name with a division head (白沙镇).

    >>> _place_word(_Token("白沙镇", "n", 0, 3)), _place_word(_Token("项目", "n", 0, 2))
    (True, False)
    """
    return tok.tag in ("LOC", "ns") or (type_of(tok.word) == "Place" and not is_generic(tok.word))


def _resolve(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longest first, then by rule rank (lower is surer).

    A span that is only several lexicon names written together (党中央国务院, 省委省政府) gives way
    to them.
    """
    sure = [c for c in candidates if c.rule in ("lexicon", "region-body")]
    tiled = {(c.start, c.end) for c in candidates if c not in sure and _tiles(c.start, c.end, sure)}
    chosen: list[_Candidate] = []
    for c in sorted(
        candidates, key=lambda c: (c.rank != 0, -(c.end - c.start), c.rank, c.start, c.type, c.name)
    ):
        if (c.start, c.end) in tiled and c not in sure:
            continue
        if any(c.start < o.end and o.start < c.end for o in chosen):
            continue
        chosen.append(c)
    return chosen


def _tiles(start: int, end: int, parts: list[_Candidate]) -> bool:
    """True when two or more of ``parts`` cover [start, end) exactly, end to end."""
    pos, count = start, 0
    by_start = {p.start: p for p in parts}
    while pos < end and pos in by_start and by_start[pos].end <= end:
        pos, count = by_start[pos].end, count + 1
    return pos == end and count >= 2


def _in_title(doc: Document, c: _Candidate) -> bool:
    """True when a body's name is the front of the report's title (甲县政府工作报告): metadata.

    >>> _in_title(Document("甲县政府工作报告", (), ()), _Candidate(0, 4, "Organization", "head", "甲县政府", 3))
    True
    """
    return c.type == "Organization" and doc.text.startswith("工作报告", c.end)


def extract_mentions(doc: Document) -> tuple[Mention, ...]:
    """Every typed name in ``doc``, one :class:`Mention` per occurrence.

    Parameters
    ----------
    doc : the normalised report.

    Returns
    -------
    Mentions sorted by (start, end, type); ``name`` is normalised, ``rule`` names the rule.

    Example
    -------
    >>> text = "支持金禾食品、青禾农业做大做强。"
    >>> doc = Document(text, (Sentence(0, text, 0, len(text), None, None),), ())
    >>> [(m.name, m.type) for m in extract_mentions(doc)]
    [('金禾食品', 'Company'), ('青禾农业', 'Company')]
    """
    sentences = [s for s in doc.sentences if not is_site_chrome(s.text)]
    shorts = _region_shorts(doc)
    tagged = tag([s.text for s in sentences])
    known = _known_names(tagged)
    mentions: list[Mention] = []
    for sentence, pairs in zip(sentences, tagged):
        tokens = _tokens(doc, sentence, pairs, known)
        candidates = (
            _lexicon_candidates(doc, sentence, tokens, shorts)
            + _head_candidates(doc, tokens)
            + _list_candidates(doc, sentence, tokens)
            + _frame_candidates(doc, sentence, tokens)
            + _pattern_candidates(doc, sentence, tokens)
            + _capacity_candidates(doc, sentence, tokens)
            + _bracket_candidates(doc, sentence, tokens)
            + _tagger_candidates(doc, tokens)
        )
        fixed = [
            (sentence.start + m.start(), sentence.start + m.end())
            for regex in _NOT_NAMES
            for m in regex.finditer(sentence.text)
        ] + _quoted_honours(sentence)
        candidates = [
            c
            for c in candidates
            if not any(c.start < e and s < c.end for s, e in fixed) and not _in_title(doc, c)
        ]
        for c in _resolve(candidates):
            text = doc.text[c.start : c.end]
            mentions.append(Mention(c.name, c.type, sentence.index, c.start, c.end, text, c.rule))
    return tuple(sorted(mentions, key=lambda m: (m.start, m.end, m.type, m.name)))
