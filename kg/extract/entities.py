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

from kg.extract.lexicons import division_shorts, divisions, terms
from kg.extract.names import head_of, is_generic, is_honour, normalise, type_of
from kg.extract.tagger import tag
from kg.types import Document, Mention, Sentence

#: Tags that end a name: punctuation, prepositions, conjunctions, particles, adverbs, pronouns.
_STOP_TAGS = frozenset({"w", "p", "c", "u", "d", "ad", "r", "xc", "vd"})

#: Tags of the tagger's own name classes and of proper nouns.
_NAME_TAGS = frozenset({"ORG", "LOC", "PER", "nz", "nw", "ns", "nt"})

#: Governance verbs, adverbs and status words that frame a name but never start or end one
#: (加快X建设, 支持X做大做强, X建成通车). Collected from the genre's fixed phrases (GENRE.md).
_FRAME_WORDS = frozenset(
    """
    推进 推动 实施 加快 启动 完成 深化 落实 开展 支持 扶持 帮助 鼓励 引导 引进 对接 争取 确保 力促 力争
    强化 加强 深入 全面 扎实 积极 大力 持续 继续 做好 抓好 抓实 打好 坚持 坚决 实现 建立 健全 完善 创建
    争创 打造 培育 发展 促进 提升 提高 加大 开创 巩固 统筹 协调 贯彻 认真 着力 重点 稳步 有序 顺利
    建成 竣工 开工 完工 通车 投入 使用 投产 开业 贯通 运营 落地 签约 动工 在建 加速 做大 做强 壮大
    取得 获得 获评 荣获 成为 蝉联 承办 配合 整合 规范 探索 创新 优化 改善 参与 包装 策划 服务
    严格 全力 主动 尽快 进一步 不断 高效 高标准 新建 改造 建设 工作 项目 推广 开发 招商 合作 合作开发
    依法 收回 关停 处置 设立 成立 选送 摘得 报道 表彰 肯定 审议 提出 代表 领导 部署 决策 要求 精神
    """.split()
)

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
}

#: Frames around names: (regex with one group ``x`` for the name list, type for untyped names).
_FRAMES = (
    (re.compile(r"以(?P<x>[^，。；：的以]{2,40}?)为(代表|依托|龙头|核心)"), "Company"),
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

#: Region-relative Party, government, congress and CPPCC bodies (区委, 省政府, 市人大常委会).
_REGION_BODY = re.compile(
    r"(?:中共)?(?:[省市区县州旗镇乡]|街道)(?:人民政府|人大常委会|人大|政府|政协|党委|党工委|纪委|监委|委)(?!员)"
)

#: A glossary headword: "3.“智慧社区”（P5）：…" at the start of a line of the 名词解释 section.
_GLOSSARY = re.compile(
    r"^\s*\d{1,2}\s*[.．、]\s*[“\"]?(?P<x>[^“”\"：:（(]{2,30}?)[”\"]?\s*[（(]?P\d+[)）]?\s*[:：]"
)

#: Numbered slogans (一单四制, 三清三建, 一企一策, 多规合一): a general pattern of the genre.
_NUMBERED_SLOGAN = re.compile(
    r"(?<![\u4e00-\u9fff])?([一二三四五六七八九十两多][^\W\d]{1,2}[一二三四五六七八九十两合][^\W\d]{1,2})"
)

#: Plus-formulas (互联网+监督, 1+2+3值班接访模式).
_PLUS = re.compile(r"[\w\u4e00-\u9fff]{1,4}(?:\+[\w\u4e00-\u9fff]{1,8})+")

#: Lines of a web page around the report (breadcrumbs, source and date lines).
_SITE_CHROME = re.compile(r"当前位置|来源[:：]|发布时间|相关阅读|责任编辑|打印本页|关闭窗口")

#: The report's own meeting and speaker: metadata, not entities.
_METADATA = re.compile(r"代表大会|会议|区长|县长|市长|省长|主任|书记")

_LATIN_JUNK = re.compile(r"^[A-Za-z0-9.\-_]+$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MAX_NAME = 24


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


def _tokens(sentence: Sentence, pairs: list[tuple[str, str]]) -> list[_Token]:
    """The tagger's words with offsets into the document.

    >>> s = Sentence(0, "支持金禾食品", 10, 16, None, None)
    >>> [(t.word, t.start) for t in _tokens(s, [("支持", "v"), ("金禾食品", "ORG")])]
    [('支持', 10), ('金禾食品', 12)]
    """
    out, pos = [], 0
    for word, tg in pairs:
        found = sentence.text.find(word, pos)
        if found < 0:
            continue
        out.append(_Token(word, tg, sentence.start + found, sentence.start + found + len(word)))
        pos = found + len(word)
    return out


def _inside(tok: _Token) -> bool:
    """True when a word may be part of a name (not punctuation, particle, frame verb or date).

    >>> _inside(_Token("隧道", "n", 0, 2)), _inside(_Token("推进", "v", 0, 2)), _inside(_Token("、", "w", 0, 1))
    (True, False, False)
    """
    if tok.tag in _STOP_TAGS or tok.word in _FRAME_WORDS:
        return False
    if tok.tag == "TIME":
        return bool(re.fullmatch(r"[一二三四五六七八九十两]+年", tok.word))
    return not tok.word.isspace()


def _accept(name: str, kind: str | None) -> bool:
    """True when ``name`` may be a mention of type ``kind`` (filters generic nouns, honours, noise).

    >>> _accept("金禾食品", "Company"), _accept("安置房", "Project"), _accept("P5", "Policy")
    (True, False, False)
    """
    if kind is None or len(name) < 2 or len(name) > _MAX_NAME:
        return False
    if not _CJK.search(name) or _LATIN_JUNK.match(name):
        return False
    if is_generic(name) or is_honour(name) or _METADATA.search(name):
        return False
    return name not in terms("not_entities.txt")


def _candidate(
    doc: Document, start: int, end: int, kind: str | None, rule: str, rank: int
) -> list[_Candidate]:
    """A one-element list with the candidate for doc.text[start:end], or [] when it is filtered out."""
    name = normalise(doc.text[start:end])
    if not _accept(name, kind):
        return []
    return [_Candidate(start, end, kind, rule, name, rank)]


def _lexicon_candidates(doc: Document, sentence: Sentence, shorts: dict[str, str]) -> list[_Candidate]:
    """Nationwide policies and organisations, region-relative bodies, and divisions."""
    out: list[_Candidate] = []
    for match in _lexicon_regex().finditer(sentence.text):
        kind = "Policy" if match.group() in terms("policies_national.txt") else "Organization"
        s = sentence.start + match.start()
        out += _candidate(doc, s, s + len(match.group()), kind, "lexicon", 1)
    for match in _REGION_BODY.finditer(sentence.text):
        s = sentence.start + match.start()
        out += _candidate(doc, s, sentence.start + match.end(), "Organization", "region-body", 1)
    for match in _division_regex(tuple(sorted(shorts))).finditer(sentence.text):
        s = sentence.start + match.start()
        out += _candidate(doc, s, sentence.start + match.end(), "Place", "division", 2)
    return out


_REGEX_CACHE: dict[object, re.Pattern[str]] = {}


def _alternation(words: list[str]) -> re.Pattern[str]:
    """A regex matching any of ``words``, longest first."""
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))))


def _lexicon_regex() -> re.Pattern[str]:
    """One regex over the nationwide policy and organisation lexicons, longest term first."""
    key = "lexicon"
    if key not in _REGEX_CACHE:
        _REGEX_CACHE[key] = _alternation(
            list(terms("policies_national.txt") | terms("organizations_national.txt"))
        )
    return _REGEX_CACHE[key]


def _division_regex(shorts: tuple[str, ...]) -> re.Pattern[str]:
    """A regex over all division full names plus the short names of the report's own region.

    A match may not run on into a longer word of the same name (石鼓 in 石鼓书院).
    """
    if shorts not in _REGEX_CACHE:
        words = [n for n in divisions() if len(n) >= 3] + list(shorts)
        _REGEX_CACHE[shorts] = re.compile(
            "(?:"
            + _alternation(words).pattern
            + r")(?![\u4e00-\u9fff]*?(?:书院|路|街|塔|广场|小学|中学|公园))"
        )
    return _REGEX_CACHE[shorts]


def _region_shorts(doc: Document) -> dict[str, str]:
    """Short names (石鼓, 衡阳) of the report's region and its parents, mapped to full names.

    >>> doc = Document("", (), (), region_full="湖南省衡阳市石鼓区")
    >>> sorted(_region_shorts(doc))
    ['湖南', '石鼓', '衡阳']
    """
    out: dict[str, str] = {}
    full = doc.region_full or doc.region
    for name, (short, _level) in divisions().items():
        if name in full and short != name:
            out[short] = name
    for short, name in division_shorts().items():
        if name in full:
            out[short] = name
    return out


def _extend_left(tokens: list[_Token], i: int) -> int:
    """Index of the first word of the name whose last word is tokens[i]."""
    j = i
    while j > 0 and _inside(tokens[j - 1]) and tokens[i].end - tokens[j - 1].start <= _MAX_NAME:
        j -= 1
    return j


def _head_aligned(name: str, tok: _Token) -> bool:
    """True when ``name`` has a head that is a word of its own or ends a proper noun (城市 is no 市).

    >>> _head_aligned("青山县", _Token("青山县", "LOC", 0, 3)), _head_aligned("城市", _Token("城市", "n", 0, 2))
    (True, False)
    """
    head = head_of(name)
    if head is None:
        return False
    return tok.tag in _NAME_TAGS or len(head) >= 2 or tok.word == head


def _head_candidates(doc: Document, tokens: list[_Token]) -> list[_Candidate]:
    """Names closed by a head noun: the longest run of name words before a word ending in a head."""
    out: list[_Candidate] = []
    for i, tok in enumerate(tokens):
        if not _inside(tok) and tok.tag not in _NAME_TAGS:
            continue
        j = _extend_left(tokens, i)
        while j <= i:
            name = normalise(doc.text[tokens[j].start : tok.end])
            if _head_aligned(name, tok) and not is_generic(name):
                kind = type_of(name)
                out += _candidate(doc, tokens[j].start, tok.end, kind, "head", 3)
                break
            j += 1
    return out


def _tagger_candidates(doc: Document, tokens: list[_Token]) -> list[_Candidate]:
    """Single ORG and LOC words of the tagger: typed by head, else Company (ORG) or skipped (LOC)."""
    out: list[_Candidate] = []
    for tok in tokens:
        if tok.tag not in ("ORG", "LOC") or len(tok.word) < 2:
            continue
        kind = type_of(tok.word) or ("Company" if tok.tag == "ORG" else None)
        out += _candidate(doc, tok.start, tok.end, kind, f"tagger-{tok.tag}", 5)
    return out


def _list_items(doc: Document, sentence: Sentence, start: int, end: int) -> list[tuple[int, int]]:
    """Spans (document offsets) of the items of a 、-list written in doc.text[start:end]."""
    items, pos = [], start
    for k, ch in enumerate(doc.text[start:end]):
        if ch in "、和及与":
            items.append((pos, start + k))
            pos = start + k + 1
    items.append((pos, end))
    return [(s, e) for s, e in items if e > s]


def _trim_left(tokens: list[_Token], start: int) -> int:
    """Move ``start`` right past frame words (支持, 加快 …) that begin at it."""
    for tok in tokens:
        if tok.start == start and tok.word in _FRAME_WORDS:
            start = tok.end
    return start


def _frame_candidates(doc: Document, sentence: Sentence, tokens: list[_Token]) -> list[_Candidate]:
    """Names in the genre's frames (以X为代表, 支持X做大做强, 力促X落地开工): typed by head or frame."""
    out: list[_Candidate] = []
    for regex, default in _FRAMES:
        for match in regex.finditer(sentence.text):
            s = sentence.start + match.start("x")
            e = sentence.start + match.end("x")
            out += _typed_items(doc, sentence, tokens, s, e, default, "frame")
    return out


def _typed_items(
    doc: Document, sentence: Sentence, tokens: list[_Token], s: int, e: int, default: str | None, rule: str
) -> list[_Candidate]:
    """Candidates for each item of the list in doc.text[s:e]: own head type, else ``default``."""
    out: list[_Candidate] = []
    items = _list_items(doc, sentence, _trim_left(tokens, s), e)
    if any(e2 - s2 > 12 for s2, e2 in items):
        return []
    for s2, e2 in items:
        name = normalise(doc.text[s2:e2])
        kind = type_of(name)
        if kind is None and default is not None and _looks_named(tokens, s2, e2):
            kind = default
        out += _candidate(doc, s2, e2, kind, rule, 2)
    return out


def _looks_named(tokens: list[_Token], s: int, e: int) -> bool:
    """True when the span holds a proper-noun word, a number or Latin (逛街36), not only common words."""
    inner = [t for t in tokens if t.start >= s and t.end <= e]
    if not inner or any(t.word in _FRAME_WORDS or t.tag in _STOP_TAGS for t in inner):
        return False
    return any(t.tag in _NAME_TAGS or t.tag == "m" for t in inner) or len(inner) == 1


def _list_candidates(doc: Document, sentence: Sentence, tokens: list[_Token]) -> list[_Candidate]:
    """Coordinated lists sharing a head: 甲、乙等企业, 甲、乙、丙五大片区, 甲、乙、丙社区."""
    out: list[_Candidate] = []
    index = {t.start: k for k, t in enumerate(tokens)}
    for match in re.finditer(r"[^，。；：！？,;:()（）]+", sentence.text):
        chunk_s, chunk_e = sentence.start + match.start(), sentence.start + match.end()
        text = match.group()
        if "、" not in text and "等" not in text:
            continue
        first = text.find("、") if "、" in text else text.find("等")
        # left edge: extend from the word before the first separator
        sep_pos = chunk_s + first
        k = next((index[t.start] for t in tokens if t.end == sep_pos), None)
        if k is None:
            continue
        left = tokens[_extend_left(tokens, k)].start
        # right edge: words after the last separator up to a frame word, 等 or a stop tag
        last = text.rfind("、")
        tail_start = chunk_s + last + 1 if last >= 0 else left
        right, default = tail_start, None
        for t in tokens:
            if t.start < tail_start or t.end > chunk_e:
                continue
            if not _inside(t) or t.word == "等":
                break
            right = t.end
        rest = doc.text[right:chunk_e]
        numbered = _NUMBERED_HEAD.search(doc.text[tail_start:right])
        if numbered:
            right = tail_start + numbered.start()
            default = "Place"
        elif rest.startswith("等"):
            after = (
                rest[1:].removeprefix("一批").removeprefix("大型").removeprefix("龙头").removeprefix("重点")
            )
            for word, kind in sorted(_CLASSIFIERS.items(), key=lambda kv: -len(kv[0])):
                if after.startswith(word) or rest[1:].startswith(word):
                    default = kind
                    break
        if right <= left or "、" not in doc.text[left:right] and default is None:
            continue
        items = _list_items(doc, sentence, left, right)
        shared = next(
            (h for h in _SHARED_HEADS if normalise(doc.text[items[-1][0] : items[-1][1]]).endswith(h)), None
        )
        for s2, e2 in items:
            name = normalise(doc.text[s2:e2])
            if e2 - s2 > 12:
                continue
            if shared and not name.endswith(shared) and len(name) <= 4:
                full = name + shared
                if _accept(full, "Place"):
                    out.append(_Candidate(s2, e2, "Place", "list-shared-head", full, 2))
                continue
            kind = type_of(name)
            if kind is None and default is not None and _looks_named(tokens, s2, e2):
                kind = default
            out += _candidate(doc, s2, e2, kind, "list", 2)
    return out


def _pattern_candidates(doc: Document, sentence: Sentence) -> list[_Candidate]:
    """Glossary headwords, numbered slogans (一企一策) and plus-formulas (互联网+监督)."""
    out: list[_Candidate] = []
    match = _GLOSSARY.match(sentence.text)
    if match:
        s = sentence.start + match.start("x")
        name = normalise(match.group("x"))
        out += _candidate(doc, s, s + len(match.group("x")), type_of(name) or "Policy", "glossary", 0)
    for match in _NUMBERED_SLOGAN.finditer(sentence.text):
        s = sentence.start + match.start(1)
        out += _candidate(doc, s, sentence.start + match.end(1), "Policy", "numbered-slogan", 4)
    for match in _PLUS.finditer(sentence.text):
        s = sentence.start + match.start()
        out += _candidate(doc, s, sentence.start + match.end(), "Policy", "plus-formula", 4)
    return out


def _resolve(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longest first, then by rule rank (lower is surer)."""
    chosen: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), c.rank, c.start, c.type)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    return chosen


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
    >>> from kg.types import Sentence
    >>> text = "支持金禾食品、青禾农业做大做强。"
    >>> doc = Document(text, (Sentence(0, text, 0, len(text), None, None),), ())
    >>> [(m.name, m.type) for m in extract_mentions(doc)]
    [('金禾食品', 'Company'), ('青禾农业', 'Company')]
    """
    sentences = [s for s in doc.sentences if not _SITE_CHROME.search(s.text)]
    shorts = _region_shorts(doc)
    mentions: list[Mention] = []
    for sentence, pairs in zip(sentences, tag([s.text for s in sentences])):
        tokens = _tokens(sentence, pairs)
        candidates = (
            _lexicon_candidates(doc, sentence, shorts)
            + _head_candidates(doc, tokens)
            + _list_candidates(doc, sentence, tokens)
            + _frame_candidates(doc, sentence, tokens)
            + _pattern_candidates(doc, sentence)
            + _tagger_candidates(doc, tokens)
        )
        for c in _resolve(candidates):
            mentions.append(
                Mention(c.name, c.type, sentence.index, c.start, c.end, doc.text[c.start : c.end], c.rule)
            )
    return tuple(sorted(mentions, key=lambda m: (m.start, m.end, m.type)))
