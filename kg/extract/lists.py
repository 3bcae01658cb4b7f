"""Names written in a coordinated list (甲、乙等企业, 甲、乙、丙社区) or inside a frame of the genre
(以X为代表, 支持X做大做强, 力促X落地开工).

Each item is typed by its own head, else by what the list shares: a head after the last item, a
classifier after 等, or the frame around it.
"""

from __future__ import annotations

import re
from itertools import pairwise

from kg.extract.candidates import Candidate, accept, make_candidate
from kg.extract.name_types import head_type, is_destination, is_proper
from kg.extract.names import head_of, is_generic, normalise, type_of
from kg.extract.tokens import (
    FORMAL_COMPANY_HEADS,
    NAME_TAGS,
    Token,
    extend_left,
    frame_words,
    inside_name,
    words_in,
)
from kg.ingest_region import common_words
from kg.types import Document, Sentence

#: Classifier after 等 (甲、乙等龙头企业) → the type it gives the listed names.
_CLASSIFIERS = {
    "企业": "Company",
    "公司": "Company",
    "招商项目": "Company",
    "市场主体": "Company",
    "项目": "Project",
    "工程": "Project",
    "重点工程": "Project",
    "生态工程": "Project",
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
    r"^([\d一二三四五六七八九十百多]+[家个项]|一批|大型|龙头|重点|外资|民营|骨干|链主|知名|规上|国有|创新型|科技型"
    r"|[\d一二三四五六七八九十百千]*亿元?级|(世界|全球|中国|全国|国内)?[\d一二三四五六七八九十百]+强)+"
)

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

#: A list closed by 等 and a word of industries or fields (甲、乙等新兴产业, 等战略性新兴产业, 等领域): its
#: items are kinds of business, not firms.
_INDUSTRY_LIST = re.compile(
    r"(?P<x>[^，。；：,;:等]+?)等(?:新兴|特色|优势|传统|战略性新兴|未来|现代|高新技术)?(?:产业|行业|业态|领域)"
)

#: Heads of institutions that are never firms, whatever frame they stand in (引进甲大学等知名教育品牌).
_INSTITUTIONS = frozenset({"大学", "学院", "研究院", "研究所"})

#: A count of firms after 等 (等5家企业, 等二十多家公司): the items are each one firm, named or not by the
#: tagger; without a count (甲、乙等企业) an item may be an industry and needs a proper noun.
_COUNTED_FIRMS = re.compile(r"[\d一二三四五六七八九十百两]+多?家")

#: A count of firms closing a list without 等 (甲、乙两家企业): each item is a firm.
_COUNTED_FIRMS_AFTER = re.compile(r"[\d一二三四五六七八九十百两]+家(企业|公司)")

#: Verbs of repairing nature that end the name of a works (甲湾生态修复, 乙河综合治理): after a weak company
#: head (…生态) they are the works' own, not what a company does.
_REPAIR_VERBS = frozenset({"修复", "治理", "保护", "整治", "综合治理", "综合整治", "生态修复"})

#: A numbered shared head closing a list (甲、乙、丙三大片区) → the type of the listed names.
_NUMBERED_HEAD = re.compile(r"[一二三四五六七八九十两\d]+[大个]?(片区|园区|社区|街道|乡镇|村)")

#: Heads a bare item of a list takes from the next item that carries one (甲、乙、丙社区; 甲乙、丙丁铁路 and
#: 戊己高速: each line named by the two places it joins, as a treaty by its two parties: 中甲、中乙自贸协定)
#: → the type they give.
_SHARED_HEADS = {
    "社区": "Place",
    "街道": "Place",
    "村": "Place",
    "镇": "Place",
    "乡": "Place",
    "铁路": "Project",
    "高铁": "Project",
    "高速": "Project",
    "城际": "Project",
    "公路": "Project",
    "自贸协定": "Policy",
    "自由贸易协定": "Policy",
}


#: The types of names a verb opening a list item governs, so is no part of: all but a company's.
_GOVERNED = frozenset({"Policy", "Project", "Place", "Organization"})


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
    doc: Document,
    tokens: list[Token],
    spans: list[tuple[int, int]],
    default: str | None,
    rule: str,
    counted: bool = False,
) -> list[Candidate]:
    """Candidates for list items: own head type, else ``default`` when the item looks like a name.

    A Company default overrides a Place head (companies are named after lakes and hills), not the head of
    an institution (甲大学, 乙研究院); firms
    ``counted`` after 等 (甲、乙等5家企业) are each a company whether or not the tagger knew the name; a verb
    opening a policy item governs it (决战 脱贫攻坚) and is left out, as :func:`extend_left` leaves
    it out of the first item.
    """
    out: list[Candidate] = []
    typed: list[str | None] = []
    short: list[bool] = []
    spans = [_past_verbs(doc, tokens, s, e) for s, e in spans]
    for s, e in spans:
        words = words_in(tokens, s, e)
        short.append(2 <= e - s <= 6)
        if e - s > 12 or not words or any(not _in_item(t) for t in words):
            typed.append(None)
            short[-1] = False
            continue
        name = normalise(doc.text[s:e])
        if words[-1].tag == "v" and len(words[-1].word) > 1 and len(words) > 1:
            typed.append(None)  # 支持港澳 拓展: the item closes with what its subject does, no name
            short[-1] = False
            continue
        kind = head_type(name, words) or (type_of(name) if default else None)
        if counted and kind != "Company":
            kind = "Company" if not is_generic(name) and e - s <= 8 else None
        elif default and (kind is None or (default == "Company" and kind in ("Place", "Organization"))):
            kind = kind if head_of(name) in _INSTITUTIONS else default if is_proper(words) else kind
        if kind == "Project" and words[-1].word == "发展" and head_of(name) is None:
            kind = "Policy"  # 推动甲经济带发展: a region's development is a strategy, not a work
        typed.append(kind)
    if default is None and sum(k == "Company" for k in typed) >= 2:
        typed = [k or "Company" for k in typed]
    elif default == "Company" and sum(k == "Company" for k in typed) >= 2:
        # 以甲电器、乙精密、丙照明为代表: a short item among named companies is one too.
        typed = [k or ("Company" if ok else None) for k, ok in zip(typed, short)]
    for (s, e), kind in zip(spans, typed):
        out += make_candidate(doc, s, e, kind, rule, 2)
    return out


def _past_verbs(doc: Document, tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """The span [start, end) without the verbs that open it when the rest names a policy, a work, a place
    or a body (决战 脱贫攻坚, 打通 甲路二期, 组建 区乙中心), and from a verb inside it that governs a name the
    tagger knew (高质量 建设 甲新区); a company's name may open with a verb-like word (领航农业) and keeps it.

    >>> doc = Document("决战脱贫攻坚", (), ())
    >>> _past_verbs(doc, [Token("决战", "v", 0, 2), Token("脱贫", "vn", 2, 4), Token("攻坚", "vn", 4, 6)], 0, 6)
    (2, 6)
    >>> _past_verbs(doc, [Token("决战", "v", 0, 2)], 0, 2)
    (0, 2)
    >>> _past_verbs(Document("打通青山路二期", (), ()), [Token("打通", "v", 0, 2), Token("青山路", "LOC", 2, 5), Token("二期", "m", 5, 7)], 0, 7)
    (2, 7)
    """
    words = words_in(tokens, start, end)
    inner = [w for a, w in pairwise(words) if a.tag == "v" and len(a.word) > 1 and w.tag in ("LOC", "ORG")]
    if inner and type_of(inner[-1].word):
        return inner[-1].start, end  # 高质量 建设 甲新区: the words before the verb are its manner
    k = 0
    while k < len(words) - 1 and (
        words[k].tag == "v" or (words[k].tag == "vn" and words[k + 1].tag in NAME_TAGS)
    ):
        k += 1
    rest = words[k].start if words else start
    if rest > start and type_of(normalise(doc.text[rest:end])) in _GOVERNED:
        return rest, end
    return start, end


def _in_item(tok: Token) -> bool:
    """True when a word may be part of a list item (a name word, a bare number, or 之 as in 青溪之门)."""
    return inside_name(tok) or tok.tag in NAME_TAGS or tok.word == "之" or tok.word.isdigit()


def frame_candidates(doc: Document, sentence: Sentence, tokens: list[Token]) -> list[Candidate]:
    """Names in the genre's frames (以X为代表, 支持X做大做强, 力促X落地开工): typed by head or frame."""
    out: list[Candidate] = []
    for regex, default in _FRAMES:
        for match in regex.finditer(sentence.text):
            s = sentence.start + match.start("x")
            e = sentence.start + match.end("x")
            while any(t.start == s and t.word in frame_words() for t in tokens):
                s = next(t.end for t in tokens if t.start == s)
            items = _items(doc, s, e)
            shared = _shared_head(doc, tokens, items) if len(items) > 1 else []
            taken = {(c.start, c.end) for c in shared}  # 加快甲乙、丙丁高铁建设: the items share the head
            out += shared + _item_candidates(
                doc, tokens, [i for i in items if i not in taken], default, "frame"
            )
    return out


def list_candidates(doc: Document, sentence: Sentence, tokens: list[Token]) -> list[Candidate]:
    """Coordinated lists sharing a head: 甲、乙等企业, 甲、乙、丙五大片区, 甲、乙、丙社区."""
    out: list[Candidate] = []
    by_end = {t.end: k for k, t in enumerate(tokens)}
    for match in re.finditer(r"[^，。；：！？,;:()（）]+", sentence.text):
        text = match.group()
        if "、" not in text and "等" not in text:
            continue
        chunk_s, chunk_e = sentence.start + match.start(), sentence.start + match.end()
        first = chunk_s + (text.find("、") if "、" in text else text.find("等"))
        if first not in by_end:
            continue
        left = tokens[extend_left(tokens, by_end[first])].start
        last = text.rfind("、")
        tail = chunk_s + last + 1 if last >= 0 else left
        right, last_word = tail, None
        for t in tokens:
            if t.start >= tail and t.end <= chunk_e:
                if t.word in ("和", "及", "与") and t.start > tail:
                    continue  # 甲、乙和丙等: the last item joined by a conjunction is one more item
                if not inside_name(t) or t.word == "等" or _acts(doc.text[tail:right], last_word, t):
                    break
                if t.tag == "m" and _COUNTED_FIRMS.fullmatch(t.word):
                    break  # 甲、乙两家企业: the count of firms closes the last item
                right, last_word = t.end, t
        default, counted = None, False
        numbered = _NUMBERED_HEAD.search(doc.text[tail:right])
        if numbered:
            right, default = tail + numbered.start(), "Place"
        elif _COUNTED_FIRMS_AFTER.match(doc.text, right):
            default, counted = "Company", True
        elif doc.text.startswith("等", right):
            after = _CLASSIFIER_OPENING.sub("", doc.text[right + 1 : chunk_e])
            default = next((k for w, k in _CLASSIFIERS.items() if after.startswith(w)), None)
            counted = default == "Company" and bool(_COUNTED_FIRMS.match(doc.text, right + 1))
        if right <= left or ("、" not in doc.text[left:right] and default is None):
            continue
        spans = _items(doc, left, right)
        out += _shared_head(doc, tokens, spans) or _item_candidates(
            doc, tokens, spans, default, "list", counted
        )
    return out


def industry_lists(sentence: Sentence) -> list[tuple[int, int]]:
    """The document spans of the lists of industries in ``sentence`` (大力发展甲农业、乙化工等新兴产业): a
    company there by a weak head only (…农业, …化工) is an industry, no firm.

    >>> s = Sentence(0, "发展临港化工、海洋生物等新兴产业。", 0, 17, None, None)
    >>> industry_lists(s)
    [(0, 11)]
    """
    if "等" not in sentence.text:
        return []  # the list is closed by 等: no scan of a sentence without one
    return [
        (sentence.start + m.start(), sentence.start + m.end("x"))
        for m in _INDUSTRY_LIST.finditer(sentence.text)
    ]


def is_weak_company(c: Candidate) -> bool:
    """True when ``c`` is a Company by a weak head only (临港化工, not 青禾化工集团).

    >>> is_weak_company(Candidate(0, 4, "Company", "list", "临港化工", 2)), is_weak_company(Candidate(0, 6, "Company", "list", "青禾化工集团", 2))
    (True, False)
    """
    return c.type == "Company" and head_of(c.name) not in FORMAL_COMPANY_HEADS


def _acts(item: str, last: Token | None, tok: Token) -> bool:
    """True when ``tok`` is a verb whose subject is the company just named (甲食品 建设 原料基地).

    >>> _acts("金禾食品", Token("食品", "n", 2, 4), Token("建设", "vn", 4, 6)), _acts("", None, Token("建设", "vn", 0, 2))
    (True, False)
    >>> _acts("白鹭湾生态", Token("生态", "n", 3, 5), Token("修复", "vn", 5, 7))
    False
    """
    if last is None or tok.tag not in ("v", "vn"):
        return False
    if last.tag == "ORG":
        return True
    weak = head_of(normalise(item)) not in FORMAL_COMPANY_HEADS and tok.word in _REPAIR_VERBS
    return type_of(normalise(item)) == "Company" and not weak  # 甲湾生态 修复: the works' own verb


def _whole_word(name: str) -> bool:
    """True when a list item ending with a shareable head is a common word of its own (城中村, 中心村):
    its head is no head to hand to the items before it (主干道、城中村 → no 主干道村).

    >>> _whole_word("城中村"), _whole_word("金湖社区")
    (True, False)
    """
    return name in common_words() or is_generic(name)


def _shared_head(doc: Document, tokens: list[Token], spans: list[tuple[int, int]]) -> list[Candidate]:
    """甲、乙、丙社区: every short bare item takes the head of the next item that carries one (甲社区, 乙社区;
    甲乙、丙丁铁路和戊己高速 → 甲乙铁路, 丙丁铁路); the last item must carry a division's head, and a
    work's head may stand on an earlier item (甲乙、丙丁铁路和戊己: the last item is left to other rules). A
    destination (甲、乙、丙下社区: :func:`is_destination`) is no head.

    >>> text = "青白、丹霞铁路和金沙高速"
    >>> words = [("青白", "LOC"), ("、", "w"), ("丹霞", "LOC"), ("铁路", "n"), ("和", "c"), ("金沙", "LOC"), ("高速", "n")]
    >>> tokens = [Token(w, tag, text.index(w), text.index(w) + len(w)) for w, tag in words]
    >>> [(c.name, c.type) for c in _shared_head(Document(text, (), ()), tokens, [(0, 2), (3, 7), (8, 12)])]
    [('青白铁路', 'Project'), ('丹霞铁路', 'Project'), ('金沙高速', 'Project')]
    """
    names = [normalise(doc.text[s:e]) for s, e in spans]
    carried = [
        next((h for h in _SHARED_HEADS if n.endswith(h) and len(n) >= len(h) + 2), None) for n in names
    ]
    carried = [None if h and _whole_word(n) else h for h, n in zip(carried, names)]
    last = max((k for k, h in enumerate(carried) if h is not None), default=-1)
    if last < 0 or (last < len(spans) - 1 and _SHARED_HEADS[carried[last]] == "Place"):
        return []
    last_words = words_in(tokens, *spans[last])
    if last < 1 or is_destination(last_words) or any(w.tag == "v" for w in last_words):
        return []  # 电商、快递进农村: a verb in the last item makes its head where things go
    out: list[Candidate] = []
    for k, ((s, e), name) in enumerate(zip(spans[: last + 1], names)):
        head = next(h for h in carried[k:] if h is not None)
        kind = _SHARED_HEADS[head]
        if kind != "Place" and not carried[k] and (len(name) != 2 or name in common_words()):
            continue  # a line or a treaty is named by the two places it joins (厦深-like); 水利、铁路: a kind
        if kind == "Project" and carried[k] and head_type(name, words_in(tokens, s, e)) != "Project":
            continue  # 中西部铁路: a kind of line, no name
        full = name if carried[k] or name.endswith(head) else name + head
        if len(name) <= 6 and accept(full, kind):
            out.append(Candidate(s, e, kind, "list-shared-head", full, 2))
    return out
