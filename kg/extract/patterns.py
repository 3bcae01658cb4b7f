"""Names the genre marks by their form: glossary headwords, quoted names, document titles in book-title
marks, five-year plans, numbered slogans (一企一策) and plus-formulas (互联网+养老).
"""

from __future__ import annotations

import re

from kg.extract.candidates import Candidate, make_candidate
from kg.extract.lexicons import terms
from kg.extract.name_types import is_place_word
from kg.extract.names import DIVISION_SLOGAN, head_of, is_slogan, normalise, type_of
from kg.extract.not_names import QUOTED
from kg.extract.tokens import FORMAL_COMPANY_HEADS, Token, extend_left, inside_name, words_in
from kg.ingest_region import common_words
from kg.types import Document, Sentence

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

#: One-character division suffixes: a numbered slogan made of two of them counts divisions (六区一市).
_DIVISION_SUFFIXES = "省市区县镇乡村"

#: A document title in book-title marks that names a plan, rule or opinion: a Policy.
_DOCUMENT = re.compile(
    r"《(?P<x>[^《》]{2,40}?(规划纲要|规划|纲要|方案|条例|办法|意见|计划|规定|决定|细则))(?:[（(]草案[)）])?》"
)

#: Kinds of actors a quoted label classifies (“小巨人”企业, “领跑者”城市): the label names no policy.
_QUOTED_KINDS = ("企业", "城市", "人才", "家庭", "市场主体")

#: A numeral, in figures or in words.
_NUMERAL = re.compile(r"[一二三四五六七八九十两百千万\d]")

#: Verbs that issue or apply a policy package (出台, 落实 …): a count of articles after them is one.
_ISSUING = "出台|制定|完善|落实|实施|印发|推出|发布|修订|兑现|贯彻|执行"

#: A numbered policy package (落实促进企业上市6条, 出台“3个20条”, 完善“甲发展20条”, 甲机制二十条, “新十条”): the
#: words after a verb of issuing, or after a mechanism, and the count of articles, which is the name's
#: own; a count of things (新建道路6条) follows no such verb, and a package has fewer than a thousand
#: articles (落实整改措施1102条 counts measures).
_PACKAGE = re.compile(
    rf"(?:(?:{_ISSUING})[“\"]?(?P<x>(?:(?!{_ISSUING})[^，。；、：,;:“”\"第]){{0,16}}?)|(?P<m>[\u4e00-\u9fff]{{2,12}}机制))"
    r"[“\"]?(?P<n>新?(?:\d+个)?(?<!\d)(?:\d{1,3}|[一二三四五六七八九十百]+)条)(?![例件款文])"
)

#: A formula of figures (1+14, 1+1+9) and the policy head written after it (工作方案, 政策体系): one Policy.
_FIGURE_FORMULA = re.compile(
    r"\d+(?:\+\d+)+[”\"]?(?P<h>工作方案|实施方案|方案|政策体系|体系|政策|工作部署|部署|行动计划|计划)"
)

#: A reform named by what it turns into what (营改增, 煤改气, 油改电): one character, 改, one character.
_SWITCH_REFORM = re.compile(r"[\u4e00-\u9fff]改[\u4e00-\u9fff]")

#: A plan named by its horizon year (甲制造2035, 健康青山2030): name words and a year closing a title or a
#: clause (no 年, unit or count after it: 里程2065公里 is a figure).
_PLAN_YEAR = re.compile(r"[\u4e00-\u9fff]{2,8}20\d\d(?=[》”\"，。、；,;：:）)\s]|$)")

#: Counted aims of a speech (“三个提升”, “两个增强”): doctrines the gold holds optional at most, no named
#: instrument; a head after the quote (“四个成片”原则) or the nationwide lexicon (四个意识) still names one.
_COUNTED_AIMS = re.compile(r"[一二三四五六七八九十两]个[\u4e00-\u9fff]{1,4}")

#: A count of years or terms in a row (十二连增, 三连冠): a record, no name.
_IN_A_ROW = re.compile(r"[一二三四五六七八九十百\d]+连[\u4e00-\u9fff]{1,2}")

#: A five-year plan named by its period (“十四五”规划, 十三五规划): a Policy.
_PERIOD_PLAN = re.compile(r"[“\"]?十[一二三四五六七八九]?五[”\"]?规划")


def pattern_candidates(doc: Document, sentence: Sentence, tokens: list[Token]) -> list[Candidate]:
    """Glossary headwords (a headword opening with a numeral is a slogan: “四好农村路” is a Policy),
    quoted names, document titles, five-year plans (“十四五”规划), numbered slogans (一企一策), slogans
    of how a division will grow (质量强省, 科教兴县: a named slogan-policy, never a place),
    numbered policy packages (促进企业上市6条, 3个20条, 1+14工作方案), switch reforms (煤改气), plans named
    by their horizon year (青山制造2035) and plus-formulas (互联网+养老)."""
    out: list[Candidate] = []
    match = _GLOSSARY.match(sentence.text)
    if match:
        s = sentence.start + match.start("x")
        name = normalise(match.group("x"))
        kind = type_of(name)
        out += make_candidate(
            doc,
            s,
            s + len(match.group("x")),
            kind if kind not in (None, "Place") and not _NUMERAL.match(name) else "Policy",
            "glossary",
            0,
        )
    for match in QUOTED.finditer(sentence.text):
        out += _quoted(doc, sentence, tokens, match)
    for match in _PERIOD_PLAN.finditer(sentence.text):
        s = sentence.start + match.start()
        out += make_candidate(doc, s, sentence.start + match.end(), "Policy", "period-plan", 1)
    for match in _DOCUMENT.finditer(sentence.text):
        s = sentence.start + match.start("x")
        out += make_candidate(doc, s, s + len(match.group("x")), "Policy", "document-title", 1)
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    for match in _NUMBERED_SLOGAN.finditer(sentence.text):
        s, e = sentence.start + match.start(), sentence.start + match.end()
        if s in starts and e in ends and not _counted_divisions(match.group()):
            out += make_candidate(doc, s, e, "Policy", "numbered-slogan", 4)
    mottos = [m.span("x") for m in QUOTED.finditer(sentence.text) if "、" in m.group("x")]
    for match in DIVISION_SLOGAN.finditer(sentence.text):
        if any(a <= match.start() and match.end() <= b for a, b in mottos):
            continue  # “生态立区、工业强区”: one motto of several slogans, not a policy each
        e = sentence.start + match.end()
        words = words_in(tokens, sentence.start + match.start(), e)
        while words and (words[0].tag == "v" or not inside_name(words[0])):
            words = words[1:]  # 坚持 科教兴县: the verb before the slogan is no part of it
        s = words[0].start if words else e
        if e in ends and is_slogan(doc.text[s:e]):
            out += make_candidate(doc, s, e, "Policy", "division-slogan", 4)
    for match in _PACKAGE.finditer(sentence.text):
        s = sentence.start + match.start("x" if match.group("x") is not None else "n")
        if match.group("m") is not None:  # 甲机制二十条: the mechanism's name starts where its words do
            end = next((k for k, t in enumerate(tokens) if t.end == sentence.start + match.end("m")), None)
            s = tokens[extend_left(tokens, end)].start if end is not None else s
        out += make_candidate(doc, s, sentence.start + match.end("n"), "Policy", "package", 1)
    for match in _FIGURE_FORMULA.finditer(sentence.text):
        s = sentence.start + match.start()
        out += make_candidate(doc, s, sentence.start + match.end(), "Policy", "package", 1)
    for match in _SWITCH_REFORM.finditer(sentence.text):
        s, e = sentence.start + match.start(), sentence.start + match.end()
        if s in starts and e in ends and _switch_words(words_in(tokens, s, e)):
            out += make_candidate(doc, s, e, "Policy", "switch-reform", 4)
    for match in _PLAN_YEAR.finditer(sentence.text):
        s, e = sentence.start + match.start(), sentence.start + match.end()
        first = next((k for k, t in enumerate(tokens) if t.start <= s < t.end), None)
        if first is not None and inside_name(tokens[first]):
            begin = tokens[first].start if tokens[first].start == s else tokens[first].end
            out += make_candidate(doc, begin, e, "Policy", "plan-year", 4)
    for tok in tokens:
        if "+" in tok.word.strip("+"):
            out += make_candidate(doc, tok.start, tok.end, "Policy", "plus-formula", 4)
    return out


def _switch_words(words: list[Token]) -> bool:
    """True when the words of a switch reform are one noun (营改增) or noun, 改, noun (煤 改 气); a
    conjunction or particle before 改 (和 改善, 等 改革) makes none.

    >>> _switch_words([Token("煤", "n", 0, 1), Token("改", "v", 1, 2), Token("气", "n", 2, 3)])
    True
    >>> _switch_words([Token("和", "c", 0, 1), Token("改善", "v", 1, 3)])
    False
    """
    if len(words) == 1:
        return words[0].tag not in ("v", "vn", "c", "u", "p")
    return len(words) == 3 and all(w.tag in ("n", "nz", "j") for w in (words[0], words[2]))


def _counted_divisions(slogan: str) -> bool:
    """True when a numbered slogan's shape only repeats a word (一步一步) or counts divisions (六区一市,
    三县一区): no policy is named so.

    >>> _counted_divisions("一步一步"), _counted_divisions("六区一市"), _counted_divisions("一企一策")
    (True, True, False)
    """
    return slogan[1] == slogan[3] or (slogan[1] in _DIVISION_SUFFIXES and slogan[3] in _DIVISION_SUFFIXES)


#: A quoted label of a kind of problem or of a reputation: counted by a vague count before it (一批“老大难”)
#: or the reputation it gives (“落后垫底”的印象, “脏乱差”的帽子); a named situation stays (“三期叠加”的局面).
#: So is a quoted name of a storm or a craft (超强台风“甲乙”, “丙丁”号).
_LABELLED_BEFORE = re.compile(r"(?:一批|一些|许多|不少|诸多|一大批|台风|飓风|探测器|飞船|卫星)$")
_LABELLED_AFTER = re.compile(
    r"的(?:印象|帽子|面貌|形象|标签|顽疾)"
    r"|(?:等)?(?:超强|强)?(?:台风|飓风|超级计算机|探测器|飞船|卫星|客机|精神|号)"  # “甲乙”号, “丙丁”精神: a named thing or spirit
)


def _quoted(doc: Document, sentence: Sentence, tokens: list[Token], match: re.Match[str]) -> list[Candidate]:
    """A quoted name, with the longest head phrase written right after the quote: typed by head, else by a
    work's or company's head of two characters or more inside the quote (“甲LNG走廊”), else Policy.

    The head phrase (改革, 决策制度, 基层治理模式) is made of name words and ends with a head.
    A quoted name opening with a numeral is a slogan (“四好农村路”): a Policy whatever its head inside
    the quote; a head of a work or body written after the quote (“一台戏”项目) types it as usual, and a
    place written right before the quote opens such a name (甲镇“一台戏”项目 → 甲镇一台戏项目).
    A quoted label of a kind of actor (“小巨人”企业) is no name, nor is a quoted goal or slogan clause
    without a head after it (“把甲城建设得更加美丽”, see :func:`_slogan`), nor a metaphor built on 的
    (“春天的花朵”). Scraped copies lose their quotes,
    so this rule only adds certainty where quotes survive.
    """
    inner, after = match.group("x"), match.group("h")
    if after.startswith(_QUOTED_KINDS):
        return []
    quote_end = sentence.start + match.end("x") + 1
    opening = sentence.start + match.start()
    if _LABELLED_BEFORE.search(doc.text, max(opening - 3, 0), opening) or _LABELLED_AFTER.match(
        doc.text, quote_end
    ):
        return []  # 一批“老大难”, “落后垫底”的印象: a label of problems or of a reputation, no instrument
    for size in range(len(after), -1, -1):
        words = words_in(tokens, quote_end, quote_end + size)
        joined = sum(len(t.word) for t in words) == size and all(inside_name(t) for t in words)
        head = head_of(after[:size]) if joined and not _NUMERAL.search(after[:size]) else None
        kind = type_of(inner + after[:size]) if head and (len(head) > 1 or size == 1) else None
        if kind == "Company" and head not in FORMAL_COMPANY_HEADS:
            kind = None  # “甲乙”生态建设: a weak company head after a slogan names no firm
        if size == 0 and len(head_of(inner) or "") > 1 and type_of(inner) in ("Project", "Company"):
            kind = type_of(inner)  # “甲LNG走廊”建设: the quote closes with a work's own head
        if kind or size == 0:
            if (
                _NUMERAL.match(inner)
                and kind in ("Project", "Place", "Company")
                and (size == 0 or kind == "Place" or after[:size] == "工程")
            ):  # “四好农村路”工程: 工程 after a numbered slogan is its programme
                kind = "Policy"
            start = sentence.start + match.start()
            words = words_in(tokens, start + 1, quote_end - 1)
            if kind is None and (
                _slogan(inner, words)
                or _figure_of_speech(normalise(inner), after)
                or "的" in inner
                or _IN_A_ROW.fullmatch(inner)
                or _COUNTED_AIMS.fullmatch(inner)
                or head_of(normalise(inner)) == normalise(inner)
            ):
                return []  # a goal, a metaphor (“春天的花朵”, “硬骨头”), a record (“十连增”), counted aims, a bare head (“云平台”)
            place = next((t for t in tokens if t.end == start and is_place_word(t)), None)
            if place is not None and kind in ("Project", "Company", "Organization"):
                start = place.start
            return make_candidate(doc, start, quote_end + size, kind or "Policy", "quoted", 1)
    return []


def _figure_of_speech(inner: str, after: str) -> bool:
    """True when a quoted text is a figure of speech, no instrument: a common word or idiom of the
    dictionary (“硬骨头”, “一刀切”, “半壁江山”) that no nationwide policy is named by, or the model a
    manner is likened to (“大水漫灌”式).

    >>> _figure_of_speech("硬骨头", ""), _figure_of_speech("大水漫灌", "式的"), _figure_of_speech("一网通办", "")
    (True, True, False)
    >>> _figure_of_speech("一国两制", "")
    False
    """
    if after.startswith("式"):
        return True
    if _NUMBERED_SLOGAN.fullmatch(inner):
        return False  # “一国两制”: a numbered slogan, though the dictionary holds it
    return inner in common_words() and inner not in terms("policies_national.txt")


def _slogan(inner: str, words: list[Token]) -> bool:
    """True when a quoted text is a clause of 10 or more characters holding a verb or preposition: a goal
    or slogan (“把甲城建设得更加美丽”, “打造沿海开放的门户城市”), which the gold holds optional, not a
    named policy (“一窗受理、集成服务” is shorter).

    >>> _slogan("把青山建设得更加美丽", [Token("把", "p", 0, 1), Token("青山", "LOC", 1, 3),
    ...     Token("建设", "v", 3, 5), Token("得", "u", 5, 6), Token("更加", "d", 6, 8), Token("美丽", "a", 8, 10)])
    True
    >>> _slogan("一窗受理、集成服务", [Token("一窗", "m", 0, 2), Token("受理", "v", 2, 4)])
    False
    """
    return len(normalise(inner)) >= 10 and any(t.tag in ("v", "p") for t in words)
