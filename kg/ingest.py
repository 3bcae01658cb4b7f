"""Read a report file (.txt in any encoding, .html, .pdf) and turn it into a :class:`~kg.types.Document`.

The normalised text follows one convention that every extractor can rely on:

- NFKC folding: full-width digits, letters and ASCII punctuation become ASCII
  (``１２％`` → ``12%``, ``，`` → ``,``, ``：`` → ``:``, ``（一）`` → ``(一)``);
- Chinese sentence punctuation stays Chinese: ``。；！？、`` (a stray ASCII ``;!?`` after
  Chinese text becomes ``；！？``), quotes “” ‘’ and 《》 are kept;
- traditional characters become simplified (OpenCC ``t2s``);
- HTML entities are decoded, zero-width characters dropped, every line stripped,
  spaces next to Chinese characters removed, empty lines dropped (lines are joined by
  one ``\\n``), and a line broken inside a word or number is joined to the next (in a hard-wrapped
  copy, one that stops mid-sentence as wide as the wrap; headings, titles and the meeting line stay);
- what scraping adds is removed (:mod:`kg.ingest_noise`): site chrome (breadcrumb, navigation
  bars, 来源/发布时间 line, 打印本页, footer, 相关阅读 and all after it), spam, URLs, taglines
  and junk tokens appended to lines, repeated titles; a lower-case Latin token the scraper put
  between paragraphs (``…意见。ftr  首先…``, repeated) becomes the line break it stands for, before
  lower-cased acronyms are upper-cased (``gdp`` → ``GDP``); a page title naming another year or
  region than the body is dropped;
- a ratio colon NFKC would spell as dots (``︰``, ``∶``) becomes ``:``; a meeting line cut before its
  session (``…人民代表大会`` / ``第五次会议上``) is one line.

Years: the report year is the meeting's; review sentences are about the review year, plan
sentences about the plan year (a December report reviews its own year), a plan section about a
five-year period (十四五) about its last year; a sentence's own leading year, 今年/明年/去年
(counted from the meeting) or a named period (十三五时期) overrides its part's year. Without a
meeting line, heading or title year, the body gives the plan year (2019年…主要预期目标; 2018年…
取得显著成效 → 2019; last, a provisional figure in a review part, 预计2018年…, → 2019: a report heard
early in a year gives estimates for the year before), and a text without headings is review but for sentences of 预期目标 or 今年.
A title that names no region (政府工作报告) is rebuilt as 2019年某某县政府工作报告.

Sentences end at ``。！？；`` and at line ends. Section titles are given without their
number marker (``一、2018年工作回顾`` → ``2018年工作回顾``), up to the first ``。；！？:``.
"""

from __future__ import annotations

import bisect
import hashlib
import html
import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import cn2an

from kg.errors import InputError
from kg.ingest_formats import decode_bytes, html_to_text, pdf_to_text, to_simplified
from kg.ingest_noise import (
    TITLE_LINE_RE,
    break_at_paragraph_marks,
    clean_line,
    drop_repeats,
    is_site_chrome,
    rejoin_split_entities,
    remove_pinyin_residue,
    starts_chrome_tail,
)
from kg.ingest_region import Region, find_region, resolve_region, title_region_name
from kg.limits import bounded_spans, check_input_size
from kg.parts import plan_score
from kg.types import Document, Section, Sentence

_TERMINATORS = "。！？；"
_CLOSERS = "”’」』)》"
_SENTENCE_RE = re.compile(rf"[^{_TERMINATORS}]*(?:[{_TERMINATORS}]+[{_CLOSERS}]*|$)")
_ZERO_WIDTH_RE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_LINE_BREAK_RE = re.compile("\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
_ASCII_STOP_RE = re.compile(r"(?<![A-Za-z0-9])[;!?]|[;!?](?![A-Za-z0-9=&/])")
_SPACED_DIGITS_RE = re.compile(r"(?<![\d.])\d(?: ?[.%] ?\d?| \d)+(?![\d.])|(?<=\d) (?=[.%])")
#: A rate spelled out in numerals: 百分之十三点四 (13.4%), 千分之五 (5‰).
_SPELLED_RATE_RE = re.compile(
    "(百|千)分之([零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)"
    "(?:(至|到)([零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?))?"
)
_SPACE_NEAR_CJK_RE = re.compile(r" +(?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) +")
#: Symbols NFKC would spell oddly (㎡ → m2, the ratio colon ︰ → ..): written out first.
_UNIT_SYMBOLS = {
    "㎡": "平方米",
    "m²": "平方米",
    "㎞": "公里",
    "km²": "平方公里",
    "㎏": "千克",
    "︰": ":",
    "∶": ":",
}
_CIRCLED = {chr(0x2460 + i): f"({i + 1})" for i in range(20)}

_CN_NUM = "一二三四五六七八九十"
_L1_RE = re.compile(rf"^([{_CN_NUM}]{{1,3}})、")
_L2_RE = re.compile(rf"^\(([{_CN_NUM}]{{1,3}})\)")
_L3_RE = re.compile(r"^(\d{1,2})[.、](?!\d)")
_L3_GLOSSARY_RE = re.compile(r"^(\d{1,2})[.、]")
_TITLE_END_RE = re.compile(r"[。；！？:]")
_GLOSSARY_RE = re.compile(r"名词(?:解释|注释|说明)")
_MAX_TITLE = 40

# A line that starts a new paragraph rather than continuing the previous one.
_PARAGRAPH_START_RE = re.compile(
    rf"^(?:[{_CN_NUM}]{{1,3}}、|\([{_CN_NUM}\d]{{1,3}}\)|\d{{1,2}}[.、]|——|—|各位代表|(?:19|20)\d\d年|"
    r"[《“【]|第[一二三四五六七八九十\d]+)"
)
_DISCOURSE_STARTERS = frozenset(
    [
        "今年",
        "去年",
        "明年",
        "同时",
        "其中",
        "此外",
        "为此",
        "对此",
        "目前",
        "但是",
        "然而",
        "因此",
        "全年",
        "一是",
        "二是",
        "三是",
        "首先",
        "其次",
        "最后",
        "总之",
        "另外",
        "近年来",
        "当前",
        "我们",
        "全区",
        "全县",
        "全市",
        "全省",
        "全镇",
    ]
)
_FRAGMENT_RE = re.compile(r"^([^,、。；！？:]{1,3})[,、。；！？:]")

#: Cue words of a review heading; 以优异成绩迎接… is a slogan of the plan, not a review.
_REVIEW_CUES = re.compile(r"回顾|过去|总结|成就|(?<!优异)成绩|即将过去|完成情况")
#: The title of the next year's table that follows such an account (2017年主要指标预期): a plan.
_PLAN_TABLE_TITLE_RE = re.compile(
    r"^(?:19|20)\d\d年度?[^。，,；;]{0,20}?(?:指标|目标)(?:预期|计划|安排)?$|^(?:19|20)\d\d年[^。，,；;]{0,20}?预期$"
)
#: The title of an appended account of a year's works (附件2 2016年民生实事完成情况清单): a review of it.
_ACCOUNT_TITLE_RE = re.compile(
    r"^(?:附件\s*\d*\s*[:：]?\s*)?(?:19|20)\d\d年度?[^。，,；;]{0,30}?(?:完成情况|落实情况|执行情况)(?:清单|一览表|汇总表|表)?$"
)
_PLAN_CUES = re.compile(
    r"安排|计划|规划|目标|任务|今年|明年|今后|展望|打算|部署|思路|建议|重点工作|总体要求|预期|做好"
)
#: A sentence outside review and plan parts that speaks of the plan year.
_PLAN_SENTENCE_RE = re.compile(r"预期目标")
#: A review paragraph that opens the targets (……主要预期目标是:, 预定目标是): from there on, the
#: paragraph is plan.
_TARGETS_OPEN_RE = re.compile(r"(?:预期|预定|主要)目标(?:[和与]任务)?(?:是|为|:)")
#: Body sentences that give the plan year when no meeting line, heading or title does: the year of
#: the main targets, or the year after the one whose results are reviewed.
_BODY_PLAN_YEAR_RE = re.compile(r"((?:19|20)\d\d)年[^。；！？\n]{0,24}?主要预期目标")
#: A report on a year's plan, so named in its opening sentence (提出关于1958年度国民经济计划的报告,
#: 关于1980、1981年国民经济计划安排的报告): the first year named is the report's and its plan's.
_PLAN_REPORT_CHARS = 300
_PLAN_REPORT_RE = re.compile(
    r"关于((?:19|20)\d\d)(?:年度?|、)[^。；！？\n]{0,20}?计划[^。；！？\n]{0,12}?的报告"
)
#: A headline (the first line) naming the year of the targets without 主要: 2010年某市…预期目标.
_HEADLINE_PLAN_YEAR_RE = re.compile(r"((?:19|20)\d\d)年[^。；！？\n]{0,24}?预期目标")
#: A year whose results are reviewed (2018年全市发展取得显著成效); not a start (2001年起), nor a plan (1987年要).
_BODY_REVIEW_YEAR_RE = re.compile(
    r"((?:19|20)\d\d)年(?!起|以来|要|将|开始)[^。；！？\n]{0,24}?(?:取得[^。；！？\n]{0,6}成效|工作回顾)"
)
_BODY_OPENING_LINES = 3
#: A part heading without a number marker (2018年工作回顾): the front matter ends before it.
_PART_HEADING_RE = re.compile(
    r"^(?:(?:19|20)\d\d年|过去一年|过去五年|今年)(?:的|政府)?(?:主要)?工作(?:回顾|安排)$"
)
#: A provisional figure (预计2021年全市…) in a review part: the year just ended, so the plan year is the next.
_PROVISIONAL_YEAR_RE = re.compile(r"预计((?:19|20)\d\d)年")
#: A sentence opening with 今年/明年/去年: the year is counted from the meeting's year.
_RELATIVE_YEAR_RE = re.compile(r"^(?:——)?(今年|明年|去年)")
_RELATIVE_OFFSET = {"今年": 0, "明年": 1, "去年": -1}
#: A five-year period: 十三五 is 2016–2020 (the sixth plan ended in 1985).
_PERIOD_RE = re.compile(r"十([一二三四五])五")
#: A plan sentence about the coming five years (a term-change report): its targets are for the last.
_NEXT_FIVE_YEARS_RE = re.compile(r"(?:未来|今后)五年|五年内")
#: A period a review sentence reports on; one after 是/比/较/于 is a base of comparison (是“十二五”时期的7倍).
_PERIOD_REVIEW_RE = re.compile(r"(?<![是比较于“])(?<![是比较于]“)十[一二三四五]五”?(?:时期|期间)")
_YEAR_RE = re.compile(r"((?:19|20)\d\d)年")
_LEADING_YEAR_RE = re.compile(r"^(?:——|—)?((?:19|20)\d\d)年(?!以来|至|到|[-—~])")
_PAST_YEAR_START_RE = re.compile(r"^(?:——)?(?:过去一年|过去的一年|即将过去的一年)")
#: A sentence opening on the coming year: the plan goes on.
_COMING_YEAR_START_RE = re.compile(r"(?:今年|明年|新的一年)")
_NUMBER_CONTINUES_RE = re.compile(r"^(?:\d*\.\d|\d+(?![\d.、])|%)")
_YEAR_START_RE = re.compile(r"^(?:19|20)\d\d(?!\.\d)")
_MEETING_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)年?([\d月]{1,5})日\s*(?:在|\n)")
_MAX_FRONT_LINES = 30
#: The greeting that opens the speech: the front matter ends with the line after it.
_GREETING_RE = re.compile(r"各位代表|同志们|各位委员")
#: The meeting line (……人民代表大会第三次会议上): a line of its own, never continued.
_MEETING_LINE_RE = re.compile(r"(?:代表大会|人大).{0,12}会议上?$")
#: A meeting line cut before its session (……人民代表大会 / 第三次会议上): the two halves are one line.
_MEETING_CUT_RE = re.compile(r"(?:代表大会|人大)(?:常务委员会|常委会)?$")
_SESSION_RE = re.compile(r"^第[一二三四五六七八九十\d]+次(?:全体)?会议")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
# Hard-wrap detection over the lines that stop mid-sentence (at least _MIN_WRAP characters, not
# headings or titles): at least _MIN_WRAPPED_LINES of them, and _WRAPPED_SHARE of them, as wide as
# their median within _WRAP_TOLERANCE of it.
_MIN_WRAP = 12
_MIN_WRAPPED_LINES = 4
_WRAPPED_SHARE = 0.5
_WRAP_TOLERANCE = 0.15


def ingest(path: str | Path) -> Document:
    """Read a report file and return its :class:`Document`.

    Parameters
    ----------
    path : the report: ``.txt`` (UTF-8, GBK/GB18030, UTF-16…), ``.html``/``.htm`` or ``.pdf``.

    Returns
    -------
    Document with ``source`` set to the normalised path (``../a/../b.txt`` → ``../b.txt``).

    Raises
    ------
    InputError when the file is missing, a directory, empty, binary, undecodable or malformed.

    Example
    -------
    >>> doc = ingest("data/shigu-2019-gov-work-report.txt")
    >>> doc.year, doc.region_full, doc.region_code
    (2019, '湖南省衡阳市石鼓区', '430407')
    >>> ingest("no/such/report.txt")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: The file no/such/report.txt does not exist: check the path.
    """
    return ingest_text(read_text(path), source=os.path.normpath(str(path)))


_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
_LATIN_RE = re.compile(r"[A-Za-z]")


def looks_chinese(text: str) -> bool:
    """Whether ``text`` is mostly Chinese: at least a fifth of its letters are Han characters.

    >>> looks_chinese("全年实现地区生产总值120.5亿元, GDP增长7%。"), looks_chinese("Hello world. Not a report.")
    (True, False)
    """
    han = len(_HAN_RE.findall(text))
    return han > 0 and han * 4 >= len(_LATIN_RE.findall(text))


def ingest_text(text: str, source: str = "") -> Document:
    """Normalise ``text`` and split it into sections and sentences with parts and years.

    >>> doc = ingest_text("2019年青山县政府工作报告\\n一、2018年工作回顾\\n全年增长8%。\\n二、2019年工作安排\\n今年增长7%左右。")
    >>> [(s.text, s.part, s.year) for s in doc.sentences][2:]
    [('全年增长8%。', 'review', 2018), ('二、2019年工作安排', 'plan', 2019), ('今年增长7%左右。', 'plan', 2019)]
    >>> doc.year, doc.title
    (2019, '2019年青山县政府工作报告')
    """
    normal = normalise(text)
    if not normal:
        raise InputError(
            f"The report {source or 'text'} has no text after cleaning: give a report with text."
        )
    if not looks_chinese(normal):
        raise InputError(
            f"The report {source or 'text'} has (almost) no Chinese text: govkg reads Chinese government "
            "work reports (政府工作报告)."
        )
    lines, sections, front_end, years, title, region = _layout(normal)
    other_region = _names_other_region(title, region)
    if other_region or _names_other_year(title, years):
        # A page title naming another year or region is page chrome: drop it, trust the body.
        normal = "\n".join(line for line in normal.split("\n") if line != title)
        kept_region = region
        lines, sections, front_end, years, _, region = _layout(normal)
        region = region if region.name or other_region else kept_region
        title = ""
    sentences, years = _label_sentences(normal, _sentence_spans(normal, lines), sections, front_end, years)
    if not title_region_name(title) and region.name and years.report:
        # No title, or a generic one (政府工作报告) that names no region: build one.
        title = f"{years.report}年{region.name}政府工作报告"
    structure = _structure(normal, sections, sentences, years, region)
    return Document(
        text=normal,
        sentences=sentences,
        sections=sections,
        source=source,
        title=title,
        region=region.name,
        region_full=region.full,
        region_code=region.code,
        region_level=region.level,
        year=years.report,
        checksum=hashlib.sha256(normal.encode("utf-8")).hexdigest(),
        structure=structure,
    )


def _structure(text: str, sections, sentences, years: _Years, region: Region) -> tuple[str, ...]:
    """How the year, the region and the part of each level-1 section were decided, one line each.

    >>> doc = ingest_text("各位代表:\\n现在,我代表区人民政府报告工作。\\n一、奋力拼搏\\n去年增长了7%。\\n二、2024年工作安排\\n要加快推进。")
    >>> print("\\n".join(doc.structure))
    year 2024 (review 2023, plan 2024): from the plan heading
    region: not found
    part of 奋力拼搏: review, from its sentences (sentence model, mean plan score -3.00)
    part of 2024年工作安排: plan, from its heading
    """
    if years.report is None:
        lines = ["year: not found"]
    else:
        lines = [f"year {years.report} (review {years.review}, plan {years.plan}): from {years.source}"]
    lines.append(
        f"region: {region.full} ({region.code or 'no code'})" if region.name else "region: not found"
    )
    part_of = {s.section: s.part for s in sentences if s.section is not None}
    for section in sections:
        if section.level != 1 and section.parent is not None:
            continue
        part = next((part_of[i] for i in range(section.index, len(sections)) if i in part_of), "other")
        if _section_part(section.title, years.plan):
            how = "from its heading"
        else:
            how = f"from its sentences (sentence model, mean plan score {_section_score(text, section):.2f})"
        lines.append(f"part of {section.title}: {part}, {how}")
    unheaded = [s for s in sentences if s.section is None and s.part in ("review", "plan")]
    if unheaded:
        plan_from = next((s.index for s in unheaded if s.part == "plan"), None)
        lines.append(
            f"{len(unheaded)} sentences outside headings: review"
            + (f" up to sentence {plan_from}, plan from there" if plan_from is not None else "")
            + " (one split by the sentence model)"
        )
    return tuple(lines)


def _layout(text: str):
    """Lines, sections, end of the front matter, years, title and region of normalised text."""
    lines = _line_spans(text)
    sections = _find_sections(text, lines)
    front_end = _front_end(text, lines, sections)
    years = _find_years(text, lines, sections, front_end)
    title = _find_title(text, lines, front_end)
    return lines, sections, front_end, years, title, find_region(text[:front_end], title, text)


def _names_other_year(title: str, years: _Years) -> bool:
    """Whether a title's year is neither the report year nor the plan year (a December report's
    title may carry the coming year)."""
    title_years = {int(y) for y in _YEAR_RE.findall(title)}
    return bool(title_years and years.report and not title_years & {years.report, years.plan})


def _names_other_region(title: str, region: Region) -> bool:
    """Whether a title names a region other than the one the body names."""
    named = title_region_name(title)
    if not named or not region.name:
        return False
    if region.code:
        return resolve_region(named, title).code not in (None, region.code)
    return named not in region.name and region.name not in named


# ---------------------------------------------------------------------------------------------- reading


def read_text(path: str | Path) -> str:
    """Read a report file and return its text, decoded and stripped of markup (not yet normalised).

    Raises
    ------
    InputError for a missing path, a directory, an empty, binary or undecodable file, a bad PDF.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(f"The file {p} does not exist: check the path.")
    if p.is_dir():
        raise InputError(f"{p} is a directory: give the path of one report file.")
    check_input_size(p)
    data = p.read_bytes()
    if not data.strip():
        raise InputError(f"The file {p} is empty: give a report with text.")
    suffix = p.suffix.lower()
    if suffix == ".pdf" or data.startswith(b"%PDF"):
        text = pdf_to_text(data, p)
    else:
        text = decode_bytes(data, p)
        if suffix in (".html", ".htm", ".xhtml") or re.match(
            r"\s*<(?:!doctype html|html)", text[:200], re.IGNORECASE
        ):
            text = html_to_text(text)
    if not text.strip():
        raise InputError(f"The file {p} has no report text: give a report with text.")
    return text


# ---------------------------------------------------------------------------------------------- normalising


def normalise(text: str) -> str:
    """Fold a report's text to the one convention described in the module docstring.

    >>> normalise("增长１２．５％；實現地區生產總值&nbsp;１７５億元\\r\\n\\n  二、 工作安排  ")
    '增长12.5%；实现地区生产总值175亿元\\n二、工作安排'
    >>> normalise("完成节能减\\n排、安全生产任务!")
    '完成节能减排、安全生产任务！'
    >>> normalise("从1 9 9 3 年3 月就职,增长8 .8 %")  # digits spaced out one by one are one number
    '从1993年3月就职,增长8.8%'
    >>> normalise("現(xiàn)在,我代表區(qū)政府")  # a converter's pinyin residue is dropped
    '现在,我代表区政府'
    >>> normalise("比上年增长百分之十三点四,降低千分之五,增长百分之八至九")  # spelled-out rates as digits
    '比上年增长13.4%,降低5‰,增长8%至9%'
    """
    text = html.unescape(html.unescape(rejoin_split_entities(text)))
    for symbol, spelled in {**_UNIT_SYMBOLS, **_CIRCLED}.items():
        text = text.replace(symbol, spelled)
    text = unicodedata.normalize("NFKC", text)
    text = _ZERO_WIDTH_RE.sub("", text)
    text = _LINE_BREAK_RE.sub("\n", text).replace("\t", " ")
    text = _CONTROL_RE.sub("", text)
    text = break_at_paragraph_marks(to_simplified(remove_pinyin_residue(text)))
    text = _ASCII_STOP_RE.sub(lambda m: chr(ord(m.group()) + 0xFEE0), text)
    lines = []
    for raw in text.split("\n"):
        line = re.sub(" {2,}", " ", raw.strip())
        if starts_chrome_tail(line):
            break
        if not line or is_site_chrome(line):
            continue
        line = _SPELLED_RATE_RE.sub(_spelled_rate, line)
        line = _SPACE_NEAR_CJK_RE.sub(
            "", _SPACED_DIGITS_RE.sub(lambda m: m.group().replace(" ", ""), clean_line(line))
        )
        if line:
            lines.append(line)
    return _join_broken_lines(drop_repeats(lines))


def _spelled_rate(match: re.Match) -> str:
    """``百分之十三点四`` → ``13.4%``; a numeral cn2an cannot read stays as written."""
    unit = "%" if match.group(1) == "百" else "‰"
    try:
        values = [cn2an.cn2an(n, "smart") for n in (match.group(2), match.group(4)) if n]
    except ValueError:
        return match.group()
    return (match.group(3) or "").join(f"{value:g}{unit}" for value in values)


def _join_broken_lines(lines: list[str]) -> str:
    """Join a line to the previous one when the break falls inside a clause.

    >>> _join_broken_lines(["完成节能减", "排、安全生产任务", "今年,全面完成"])
    '完成节能减排、安全生产任务\\n今年,全面完成'
    """
    width = _wrap_width(lines)
    out: list[str] = []
    for i, line in enumerate(lines):
        full = width is not None and _near_width(_cells(lines[i - 1]), width)
        if out and _continues(out[-1], line, full):
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


def _cells(line: str) -> int:
    """Width of a line in half-width cells: an ASCII character takes one, any other two.

    >>> _cells("增长8.5%")
    8
    """
    return len(line) + len(_NON_ASCII_RE.findall(line))


def _ends_clause(line: str) -> bool:
    """Whether a line stops where a sentence or clause may stop (。！？；: or a closing quote)."""
    return line[-1] in _TERMINATORS + ":" + _CLOSERS


def _wrap_width(lines: list[str]) -> int | None:
    """The width in cells at which the text was hard-wrapped (as in copies from PDFs), or None.

    Hard-wrapped when many of the lines that stop mid-sentence (not headings or titles) are about
    as wide as their median width, which is the wrap width; other lines may be any width.

    >>> _wrap_width(["一" * 20, "二" * 21, "三" * 20 + "。", "四" * 7, "五" * 20, "六" * 19])
    40
    >>> _wrap_width(["一" * 20, "二" * 30 + "。", "三" * 9]) is None
    True
    """
    widths = sorted(
        _cells(line)
        for line in lines
        if len(line) >= _MIN_WRAP
        and not _ends_clause(line)
        and not _heading_level(line)
        and not TITLE_LINE_RE.search(line)
    )
    if len(widths) < _MIN_WRAPPED_LINES:
        return None
    width = widths[len(widths) // 2]
    near = sum(1 for n in widths if _near_width(n, width))
    return width if near >= max(_MIN_WRAPPED_LINES, _WRAPPED_SHARE * len(widths)) else None


def _near_width(cells: int, width: int) -> bool:
    """Whether a line ``cells`` wide is as wide as the wrap ``width`` (so the wrap, not the writer, ended it).

    >>> _near_width(64, 72), _near_width(59, 72)
    (True, False)
    """
    return abs(cells - width) <= _WRAP_TOLERANCE * width


def _continues(prev: str, line: str, full: bool = False) -> bool:
    """Whether ``line`` continues the clause ``prev`` was cut in; ``full`` when prev reached the wrap width.

    A heading with its first sentence on the line (``(一)…。…``) continues when the wrap cut it.
    """
    if _ends_clause(prev):
        return False
    if (prev[-1].isdigit() or prev[-1] == ".") and _NUMBER_CONTINUES_RE.match(line):
        return not _YEAR_START_RE.match(line)
    if _MEETING_CUT_RE.search(prev) and _SESSION_RE.match(line):
        return True
    if _PARAGRAPH_START_RE.match(line):
        return False
    if TITLE_LINE_RE.search(prev) or _MEETING_LINE_RE.search(prev):
        return False
    if _heading_level(prev):
        return full and bool(_TITLE_END_RE.search(prev))
    if full:
        return True
    if prev[-1] in ",、(“":
        return True
    fragment = _FRAGMENT_RE.match(line)
    return bool(fragment) and fragment.group(1) not in _DISCOURSE_STARTERS and not line[0].isdigit()


# ---------------------------------------------------------------------------------------------- structure


def _line_spans(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of every line of normalised text."""
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _heading_level(line: str) -> int:
    """1 or 2 when ``line`` opens a 一、 or (一) heading with a short title, else 0.

    >>> _heading_level("一、2018年工作回顾"), _heading_level("(二)突出抓项目,发展新动能显著增强。重点项目…")
    (1, 2)
    """
    for level, pattern in ((1, _L1_RE), (2, _L2_RE)):
        match = pattern.match(line)
        if match and len(_TITLE_END_RE.split(line[match.end() :], 1)[0]) <= _MAX_TITLE:
            return level
    return 0


def _title_after(line: str, marker_end: int) -> str:
    return _TITLE_END_RE.split(line[marker_end:], 1)[0].strip()


def _find_sections(text: str, lines: list[tuple[int, int]]) -> tuple[Section, ...]:
    """Headings (一、 level 1, (一) level 2, 1. items level 3, the glossary heading and the title of an
    appended account of a year, 2016年民生实事完成情况清单, level 1)."""
    found: list[tuple[int, str, int]] = []  # (level, title, start)
    in_glossary = in_account = False
    last_item = 0
    for start, end in lines:
        line = text[start:end]
        level = _heading_level(line)
        if level:
            marker = (_L1_RE if level == 1 else _L2_RE).match(line)
            found.append((level, _title_after(line, marker.end()), start))
            in_glossary, last_item = False, 0
        elif len(line) <= _MAX_TITLE and _GLOSSARY_RE.search(line) and not _TITLE_END_RE.search(line):
            found.append((1, line, start))
            in_glossary, last_item = True, 0
        elif len(line.strip()) <= _MAX_TITLE and _ACCOUNT_TITLE_RE.match(line.strip()):
            # an appended account of a past year (2016年…完成情况清单)
            found.append((1, line.strip(), start))
            in_glossary, last_item, in_account = False, 0, True
        elif in_account and len(line.strip()) <= _MAX_TITLE and _PLAN_TABLE_TITLE_RE.match(line.strip()):
            # the next year's table after the account (2017年主要指标预期)
            found.append((1, line.strip(), start))
            in_account = False
        else:
            item = (_L3_GLOSSARY_RE if in_glossary else _L3_RE).match(line)
            if item and int(item.group(1)) in (1, last_item + 1):
                title = _title_after(line, item.end())
                if 0 < len(title) <= _MAX_TITLE:
                    found.append((3, title, start))
                    last_item = int(item.group(1))
    sections: list[Section] = []
    for i, (level, title, start) in enumerate(found):
        end = next((s for lvl, _, s in found[i + 1 :] if lvl <= level), len(text))
        end = len(text[:end].rstrip())
        parent = next((j for j in range(i - 1, -1, -1) if found[j][0] < level), None)
        sections.append(Section(index=i, title=title, level=level, start=start, end=end, parent=parent))
    return tuple(sections)


def _sentence_spans(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the sentences of every line: split after 。！？； (and closing quotes), never empty."""
    spans = []
    for line_start, line_end in lines:
        for match in _SENTENCE_RE.finditer(text, line_start, line_end):
            piece = match.group()
            stripped = piece.strip()
            if not stripped or all(c in _TERMINATORS + _CLOSERS for c in stripped):
                continue
            start = match.start() + len(piece) - len(piece.lstrip())
            spans.extend(bounded_spans(text, start, start + len(stripped)))  # see kg/limits.py
    return spans


def _front_end(text: str, lines: list[tuple[int, int]], sections: tuple[Section, ...]) -> int:
    """Offset where the front matter ends: the first heading (an unnumbered part heading such as
    ``2018年工作回顾`` included), or after the greeting (各位代表, 同志们) and its next line when that comes first.

    >>> t = "政府工作报告\\n各位代表:\\n现在,我代表县人民政府报告工作。\\n2018年工作回顾\\n全年增长8%。"
    >>> t[_front_end(t, _line_spans(t), ())]
    '2'
    """
    first = sections[0].start if sections else len(text)
    for start, end in lines[:_MAX_FRONT_LINES]:
        if start < first and _PART_HEADING_RE.match(text[start:end]):
            return start
    for i, (start, end) in enumerate(lines[:_MAX_FRONT_LINES]):
        if start < first and _GREETING_RE.match(text, start):
            # The speaker's opening line after the greeting ends it, even when the first heading is far.
            return min(first, lines[min(i + 1, len(lines) - 1)][1])
    return first if sections else 0


# ---------------------------------------------------------------------------------------------- years and parts


class _Years:
    """The report year and the years the review and plan parts are about."""

    def __init__(self, report: int | None, review: int | None, plan: int | None, source: str = ""):
        self.report, self.review, self.plan, self.source = report, review, plan, source


def _section_part(title: str, plan_year: int | None = None) -> str | None:
    """``"review"``, ``"plan"`` or ``"glossary"`` from a level-1 title, else None.

    Cue words decide; without them a year in the title is compared with the plan year.

    >>> _section_part("2018年工作回顾"), _section_part("2019年工作安排"), _section_part("加强自身建设")
    ('review', 'plan', None)
    >>> _section_part("2018年工作情况", plan_year=2019)
    'review'
    >>> _section_part("高质量做好2022年各项工作,以优异成绩迎接大会召开")
    'plan'
    """
    if _GLOSSARY_RE.search(title):
        return "glossary"
    if _REVIEW_CUES.search(title):
        return "review"
    if _PLAN_CUES.search(title):
        return "plan"
    years = _YEAR_RE.findall(title)
    if years and plan_year is not None:
        return "review" if int(years[-1]) < plan_year else "plan"
    return None


def _meeting_date(front: str) -> tuple[int, int | None] | None:
    """Year and month (when readable) of the meeting line, digits lost in copying tolerated.

    >>> _meeting_date("——2020年1月8日在青山县第十七届人民代表大会"), _meeting_date("2019422日在某某区")
    ((2020, 1), (2019, 4))
    """
    match = _MEETING_DATE_RE.search(_chinese_digits(front))
    if not match:
        return None
    year, rest = int(match.group(1)), match.group(2)
    if "月" in rest:
        month = rest.split("月")[0]
        return year, int(month) if month.isdigit() and 1 <= int(month) <= 12 else None
    for cut in (1, 2):
        if len(rest) - cut in (1, 2) and 1 <= int(rest[:cut]) <= 12 and 1 <= int(rest[cut:]) <= 31:
            return year, int(rest[:cut])
    return year, None


def _chinese_digits(text: str) -> str:
    """Chinese-numeral dates as digits: 二〇二〇年十二月 → 2020年12月."""
    text = re.sub("[〇零一二三四五六七八九]{4}年", lambda m: m.group().translate(_DIGIT_TABLE), text)
    return re.sub(
        r"(?<=\d年)(十?[一二三四五六七八九]|十)月",
        lambda m: f"{_cn_small(m.group(1))}月",
        text,
    )


_DIGIT_TABLE = str.maketrans("〇零一二三四五六七八九", "00123456789")


def _cn_small(numeral: str) -> int:
    """A Chinese numeral below 20: 十二 → 12."""
    if numeral.startswith("十"):
        return 10 + ("一二三四五六七八九".index(numeral[1]) + 1 if len(numeral) > 1 else 0)
    return "一二三四五六七八九".index(numeral) + 1


def _find_years(text: str, lines, sections: tuple[Section, ...], front_end: int) -> _Years:
    """Report, review and plan years from the meeting line and the level-1 headings (body over title)."""
    review_year = plan_year = None
    for section in sections:
        if section.level != 1:
            continue
        years = _YEAR_RE.findall(section.title)
        part = _section_part(section.title)
        if years and part == "review" and review_year is None:
            review_year = _reviewed_year(section.title)
        elif years and part == "plan" and plan_year is None:
            plan_year = int(years[0])
    meeting = _meeting_date(text[: max(front_end, lines[min(len(lines), _MAX_FRONT_LINES) - 1][1])])
    title_years = _YEAR_RE.findall(_find_title(text, lines, front_end))
    source = "the plan heading" if plan_year is not None else ""
    planned = _PLAN_REPORT_RE.search(_chinese_digits(text[:_PLAN_REPORT_CHARS].replace("○", "〇")))
    if planned and not meeting:
        plan_year, review_year = int(planned.group(1)), None
        source = "the opening sentence (关于…年…计划的报告)"
    if plan_year is None:
        if review_year is not None:
            plan_year, source = review_year + 1, "the review heading"
        elif meeting:
            plan_year, source = meeting[0] + (1 if meeting[1] == 12 else 0), "the meeting line"
        elif title_years:
            plan_year, source = int(title_years[0]), "the title"
        else:
            opening = text[: max(front_end, lines[min(len(lines), _BODY_OPENING_LINES) - 1][1])]
            review = "\n".join(
                text[s.start : s.end] for s in sections if s.level == 1 and _section_part(s.title) == "review"
            )
            plan_year = _body_plan_year(text, opening, review)
            source = "a phrase of the body (…主要预期目标, …取得显著成效, 预计…)" if plan_year else ""
    if review_year is None and plan_year is not None:
        review_year = plan_year - 1
    report = meeting[0] if meeting else plan_year
    if meeting:
        source = "the meeting line" + (f", plan year from {source}" if source != "the meeting line" else "")
    return _Years(report, review_year, plan_year, source)


def _reviewed_year(title: str) -> int:
    """The year a review heading reviews: the last year named before its cue word, else the last.

    >>> _reviewed_year("1998年工作回顾和1999年工作的总体要求"), _reviewed_year("十三五时期及2020年工作回顾")
    (1998, 2020)
    """
    cue = _REVIEW_CUES.search(title)
    before = _YEAR_RE.findall(title[: cue.start()]) if cue else []
    return int((before or _YEAR_RE.findall(title))[-1])


def _body_plan_year(text: str, opening: str, review_part: str = "") -> int | None:
    """The plan year the body states when nothing else does: 20XX年…主要预期目标, or 20XX年…预期目标
    in the first line of the ``opening`` (a headline) → that year, 20XX年…取得显著成效 or 20XX年工作回顾 → the next; else the latest year of the ``opening``
    paragraphs, plus one, when a review sentence there names it; else the latest year of a
    provisional figure (预计20XX年…) in the ``review_part``, plus one. A date without a year gives nothing.

    >>> _body_plan_year("市长说,2018年全市发展取得显著成效。提出了2019年主要预期目标。", "")
    2019
    >>> _body_plan_year("提出:2010年某市发展预期目标\\n提出2009年预期目标。", "提出:2010年某市发展预期目标")
    2010
    >>> _body_plan_year("市长说,2018年全市发展取得显著成效。", "")
    2019
    >>> _body_plan_year("2001年起试点,取得明显成效。2002年改革取得新成效。1987年要在改革中取得成效。", "")
    2003
    >>> opening = "2月19日,大会开幕。回顾过去一年,2020年全市增长5%。"
    >>> _body_plan_year(opening, opening), _body_plan_year("2月19日,大会开幕。", "2月19日,大会开幕。")
    (2021, None)
    >>> _body_plan_year("五年来,预计2021年全市生产总值突破900亿元。", "", "五年来,预计2021年全市生产总值突破900亿元。")
    2022
    """
    plan = _BODY_PLAN_YEAR_RE.search(text) or _HEADLINE_PLAN_YEAR_RE.search(opening.split("\n", 1)[0])
    if plan:
        return int(plan.group(1))
    reviewed = [int(m.group(1)) for m in _BODY_REVIEW_YEAR_RE.finditer(text)]
    if reviewed:
        return max(reviewed) + 1
    years = _YEAR_RE.findall(opening)
    latest = max(years, default="")
    named = (s for s in re.split(f"[{_TERMINATORS}\n]", opening) if f"{latest}年" in s)
    if years and any(_REVIEW_CUES.search(s) for s in named):
        return int(latest) + 1
    provisional = _PROVISIONAL_YEAR_RE.findall(review_part)
    return int(max(provisional)) + 1 if provisional else None


def _find_title(text: str, lines, front_end: int) -> str:
    """The first short front-matter line ending in 政府工作报告, or ""."""
    for start, end in lines[:_MAX_FRONT_LINES]:
        if start > front_end > 0:
            break
        line = text[start:end]
        if len(line) <= _MAX_TITLE and TITLE_LINE_RE.search(line):
            return line
    return ""


def _label_sentences(
    text: str, spans, sections: tuple[Section, ...], front_end: int, years: _Years
) -> tuple[tuple[Sentence, ...], _Years]:
    """Sentences with their innermost section, part and the year their figures are about, and the
    years (found from the parts' own sentences when nothing before gave them)."""
    parts = _top_section_parts(text, sections, years.plan)
    outside = [(start, end) for start, end in spans if _innermost(sections, start) is None]
    unheaded = _unheaded_parts(text, outside, front_end)
    labelled = []
    for start, end in spans:
        section = _innermost(sections, start)
        top = None if section is None else _top(sections, section)
        if top is None:
            part = "front" if start < front_end else unheaded.get(start, "other")
        else:
            part = parts[top] or "other"
        labelled.append((start, end, section, top, part))
    labelled = _paragraph_turns(text, labelled)
    if years.plan is None:
        years = _years_from_parts(text, labelled)
    sentences = []
    for index, (start, end, section, top, part) in enumerate(labelled):
        sentence = text[start:end]
        year = {"review": years.review, "plan": years.plan}.get(part)
        if part == "plan" and top is not None and not _YEAR_RE.search(sections[top].title):
            year = _period_end(sections[top].title) or year
        sentences.append(
            Sentence(index, sentence, start, end, section, _sentence_year(sentence, part, year, years), part)
        )
    return tuple(sentences), years


def _paragraph_turns(text: str, labelled: list) -> list:
    """A paragraph that turns to the other part: in a review, the sentence that opens the coming
    year's targets (建议今年的主要预期目标是:…), the rest of its paragraph and the ——lines listed after
    it are plan; in a plan, a sentence opening on the year just past (过去一年,…) and the rest of its
    paragraph are review, until a sentence opens on the coming year (今年,…).

    >>> t = "全年增长了7%。\\n今年的预期目标是:增长6%；就业1万人。\\n过去一年成绩显著。"
    >>> spans = _sentence_spans(t, _line_spans(t))
    >>> [x[4] for x in _paragraph_turns(t, [(s, e, 0, 0, "review") for s, e in spans])]
    ['review', 'plan', 'plan', 'review']
    >>> t = "今年要加快发展。\\n过去一年,工作取得很大成绩。生产总值增长10%。\\n要推进改革。"
    >>> spans = _sentence_spans(t, _line_spans(t))
    >>> [x[4] for x in _paragraph_turns(t, [(s, e, 0, 0, "plan") for s, e in spans])]
    ['plan', 'review', 'review', 'plan']
    >>> t = "2011年是开局之年。过去一年,成绩很大。生产总值增长10%。今年要稳增长。\\n要推进改革。"
    >>> spans = _sentence_spans(t, _line_spans(t))
    >>> [x[4] for x in _paragraph_turns(t, [(s, e, 0, 0, "plan") for s, e in spans])]
    ['plan', 'review', 'review', 'plan', 'plan']
    >>> t = "主要目标是:\\n——生产总值增长6%；\\n——就业1万人。\\n全年增长了7%。"
    >>> spans = _sentence_spans(t, _line_spans(t))
    >>> [x[4] for x in _paragraph_turns(t, [(s, e, 0, 0, "review") for s, e in spans])]
    ['plan', 'plan', 'plan', 'review']
    """
    breaks = [m.start() for m in re.finditer("\n", text)]
    out, turned_line, turned_to = [], None, None
    for start, end, section, top, part in labelled:
        line = bisect.bisect(breaks, start)
        paragraph_start = start == 0 or text[start - 1] == "\n"
        listed = turned_to == "plan" and paragraph_start and text.startswith("——", start)
        if part == "review" and (line == turned_line or listed or _TARGETS_OPEN_RE.search(text, start, end)):
            part, turned_line, turned_to = "plan", line, "plan"
        elif (
            part == "plan"
            and turned_to == "review"
            and line == turned_line
            and _COMING_YEAR_START_RE.match(text, start, end)
        ):
            turned_line = turned_to = None  # …过去一年,成绩很大。今年要…: back to the plan
        elif part == "plan" and (line == turned_line or _PAST_YEAR_START_RE.match(text[start:end])):
            part, turned_line, turned_to = "review", line, "review"
        elif paragraph_start and line != turned_line:
            turned_to = None
        out.append((start, end, section, top, part))
    return out


def _unheaded_parts(text: str, spans, front_end: int) -> dict[int, str]:
    """Parts of the body sentences of a text without headings: review up to the one split that best
    agrees with the sentence model (:func:`kg.parts.plan_score`), plan after it.

    >>> t = "去年全市增长了7%。完成了投资任务。今年要力争增长6%左右。要加快推进改革。"
    >>> sorted(_unheaded_parts(t, _sentence_spans(t, _line_spans(t)), 0).values())
    ['plan', 'plan', 'review', 'review']
    """
    body = [(start, end) for start, end in spans if start >= front_end]
    scores, heading = [], None
    for start, end in body:
        sentence = text[start:end]
        if _PART_HEADING_RE.match(sentence):
            heading = _section_part(sentence)
        if heading in ("review", "plan"):
            # An unnumbered part heading (2020年工作回顾) decides until the next one.
            scores.append(-1e6 if heading == "review" else 1e6)
        else:
            scores.append(
                3.0 if _PLAN_SENTENCE_RE.search(sentence) else max(-3.0, min(3.0, plan_score(sentence)))
            )
    split = _best_split(scores)
    return {start: ("review" if i < split else "plan") for i, (start, _) in enumerate(body)}


def _best_split(scores: list[float]) -> int:
    """The index k that maximises −Σ scores[:k] + Σ scores[k:] (review before k, plan from k on).

    >>> _best_split([-2.0, -1.0, 0.5, 2.0, -0.2, 1.0]), _best_split([1.0, 1.0]), _best_split([-1.0])
    (2, 0, 1)
    """
    best, best_value, value = 0, sum(scores), sum(scores)
    for k, score in enumerate(scores, start=1):
        value -= 2 * score
        if value > best_value:
            best, best_value = k, value
    return best


def _years_from_parts(text: str, labelled) -> _Years:
    """Years when no meeting line, heading, title or opening phrase gives them. In this order: a plan
    sentence that opens on its year (2019年是…之年); the year just past (刚刚过去的2018年, or a
    sentence opening on its year and its results: 2018年是…取得显著成就的一年); the latest
    year the review part names twice or more as a time reported on (not one aimed at: 力争2020年, 2025年前;
    the latest named once when none is named twice); the earliest the plan part names; in a plan for the
    coming five years (今后五年), the last year it aims at less four. The review year is the year before the plan year.

    >>> t = "2018年,全市增长7%。2016年完成投资。2017年起步。今年增长6%。到2025年全面小康。"
    >>> spans = _sentence_spans(t, _line_spans(t))
    >>> labelled = [(s, e, None, None, "review" if i < 3 else "plan") for i, (s, e) in enumerate(spans)]
    >>> y = _years_from_parts(t, labelled)
    >>> y.report, y.review, y.plan
    (2019, 2018, 2019)
    >>> _years_from_parts("2020年是收官之年。" + t, [(0, 10, None, None, "plan")] + labelled).plan
    2020
    >>> _years_from_parts("1986年是取得显著成就的一年。", [(0, 16, None, None, "plan")]).plan
    1987
    >>> _years_from_parts("今后五年政府工作安排。到2025年全面建成。", [(0, 10, None, None, "plan"), (10, 22, None, None, "plan")]).plan
    2021
    """
    named: dict[str, list[int]] = {"review": [], "plan": []}
    opening, past, aimed, term = [], [], [], False
    for start, end, _, _, part in labelled:
        sentence = text[start:end]
        if part in named:
            named[part] += _named_years(sentence, reported=part == "review")
        if part == "plan":
            aimed += [int(y) for y in _AIMED_AT_RE.findall(sentence)]
            term = term or bool(_NEXT_FIVE_YEARS_RE.search(sentence))
        own = _OWN_YEAR_RE.match(sentence)
        if own and part == "plan" and _ACHIEVED_RE.search(sentence):
            past.append(int(own.group(1)) + 1)  # 1986年是…取得显著成就的一年: the year reviewed
        elif own and part == "plan":
            opening.append(int(own.group(1)))
        past += [int(y) + 1 for y in _PAST_YEAR_RE.findall(sentence)]
    candidates = [
        (opening[:1], "a plan sentence opening on its year (20XX年是…)"),
        (past[:1], "the year just past (过去的20XX年)"),
        ([_latest_often(named["review"]) + 1] if named["review"] else [], "the latest year the review names"),
        ([min(named["plan"])] if named["plan"] else [], "the earliest year the plan names"),
        (
            [max(aimed) - 4] if term and aimed else [],
            "the last year a five-year plan aims at (到2025年), less four",
        ),
    ]
    plan, source = next(((c[0], why) for c, why in candidates if c), (None, ""))
    return _Years(plan, plan - 1, plan, source) if plan else _Years(None, None, None)


def _latest_often(years: list[int]) -> int:
    """The latest of the years named at least twice, else the latest.

    >>> _latest_often([2001, 2008, 2001]), _latest_often([2015, 2018])
    (2001, 2018)
    """
    often = [y for y in years if years.count(y) >= 2]
    return max(often or years)


#: A sentence that opens on the year it speaks of: 2019年是…之年.
_OWN_YEAR_RE = re.compile(r"^(?:——)?((?:19|20)\d\d)年,?是")
#: A year a plan aims at (到2025年, 力争2025年).
_AIMED_AT_RE = re.compile(r"(?:到|至|力争)((?:19|20)\d\d)年")
#: Words of a year's results: a sentence opening on its year with them speaks of the year reviewed.
_ACHIEVED_RE = re.compile(r"成就|成绩|成效")
#: The year just past: 刚刚过去的2018年, 过去的2018年.
_PAST_YEAR_RE = re.compile(r"过去的((?:19|20)\d\d)年")
#: A year aimed at or compared with rather than reported on: 力争2022年, 2025年前, 比2012年, 从2012年的;
#: in a plan also 到2020年, 预计2025年.
_AIMED_YEAR_RE = re.compile(r"(?:力争|计划|确保|争取|将在|比|较|从|由|与|是)$")
_PLANNED_YEAR_RE = re.compile(r"(?:到|至|力争|计划|确保|争取|将在|于|预计|比|较|从|由|与|是)$")
_YEAR_AHEAD_RE = re.compile(r"^年(?:前|以前|底前|末前|(?:的)?(?:远景)?目标)")
_CN_YEAR_RE = re.compile("[一二三四五六七八九〇零]{4}年")


def _named_years(sentence: str, reported: bool = True) -> list[int]:
    """The years a sentence names as a time it reports on (digits or Chinese numerals), not aimed at
    (力争2022年, 2025年前). In a review (``reported``) 增加到2017年 and 预计2017年 report on 2017; in a
    plan, 到2025年 and 预计2025年 aim at it.

    >>> _named_years("一九五八年工业增长,力争1962年完成,2020年前建成,从2012年的8亿元增加到2019年的")
    [1958, 2019]
    >>> _named_years("到2030年,预计2028年突破", reported=False)
    []
    """
    sentence = _CN_YEAR_RE.sub(lambda m: m.group().translate(_DIGIT_TABLE), sentence)
    found = []
    for match in re.finditer(r"(?<!\d)((?:19|20)\d\d)(?=年)", sentence):
        before, after = sentence[max(0, match.start() - 3) : match.start()], sentence[match.end() :]
        aimed = (_AIMED_YEAR_RE if reported else _PLANNED_YEAR_RE).search(before)
        if not aimed and not _YEAR_AHEAD_RE.match(after):
            found.append(int(match.group(1)))
    return found


def _sentence_year(sentence: str, part: str, year: int | None, years: _Years) -> int | None:
    """The year a sentence's figures are about: its own leading year, 今年/明年/去年 counted from the
    meeting, the period a review sentence names (十二五时期), the last of the coming five years a plan
    sentence names (未来五年), else ``year`` (its part's: 五年来 and 过去五年 end with the review year).

    >>> years = _Years(2020, 2020, 2021)  # a report heard in December 2020
    >>> [_sentence_year(s, "review", 2020, years) for s in ("今年以来,增长5%。", "2018年,增长3%。", "去年增长2%。")]
    [2020, 2018, 2019]
    >>> _sentence_year("明年,增长6%。", "plan", 2021, years), _sentence_year("十二五时期年均增长9%。", "review", 2020, years)
    (2021, 2015)
    >>> _sentence_year("未来五年的发展目标是:生产总值达到600亿元。", "plan", 2021, years)
    2025
    >>> _sentence_year("计划规定,五年内国民生产总值增长44%。", "plan", 2021, years)
    2025
    >>> _sentence_year("新增学位3万个,是“十二五”时期的2倍。", "review", 2020, years)
    2020
    """
    leading = _LEADING_YEAR_RE.match(sentence)
    if leading:
        return int(leading.group(1))
    relative = _RELATIVE_YEAR_RE.match(sentence)
    if relative and years.report:
        return years.report + _RELATIVE_OFFSET[relative.group(1)]
    if part in ("plan", "other") and _PAST_YEAR_START_RE.match(sentence):
        return years.review
    if part == "other" and _PLAN_SENTENCE_RE.search(sentence):
        return years.plan
    if part == "plan" and years.plan and _NEXT_FIVE_YEARS_RE.search(sentence):
        return years.plan + 4  # 未来五年的发展目标: the targets of the term's last year
    if part == "review" and _PERIOD_REVIEW_RE.search(sentence):
        return _period_end(_PERIOD_REVIEW_RE.search(sentence).group())
    return year


def _period_end(text: str) -> int | None:
    """Last year of the five-year period (十三五 → 2020) ``text`` names, or None.

    >>> _period_end("“十四五”时期主要目标"), _period_end("今后五年")
    (2025, None)
    """
    match = _PERIOD_RE.search(text)
    return 1985 + 5 * (10 + "一二三四五".index(match.group(1)) + 1 - 6) if match else None


def _top_section_parts(
    text: str, sections: tuple[Section, ...], plan_year: int | None
) -> dict[int, str | None]:
    """Part of every level-1 section: from its title's cue words, else from what its sentences say
    (:func:`kg.parts.plan_score`), review sections before plan sections.

    >>> t = "一、奋力拼搏\\n去年增长了7%。完成了目标。\\n二、乘势而上\\n今年要力争增长6%。要加快推进。"
    >>> parts = _top_section_parts(t, _find_sections(t, _line_spans(t)), None)
    >>> list(parts.values())
    ['review', 'plan']
    """
    tops = [s for s in sections if s.level == 1 or s.parent is None]
    parts: dict[int, str | None] = {s.index: _section_part(s.title, plan_year) for s in tops}
    ordered = [s for s in tops if parts[s.index] != "glossary"]
    if not any(parts[s.index] is None for s in ordered):
        return parts
    scores = [_section_score(text, s) for s in ordered]
    for i, section in enumerate(ordered):
        if parts[section.index] == "review":
            scores[i] = -1e6
        elif parts[section.index] == "plan":
            scores[i] = 1e6
    split = _best_split(scores)
    for i, section in enumerate(ordered):
        if parts[section.index] is None:
            parts[section.index] = "review" if i < split else "plan"
    return parts


@lru_cache(maxsize=16)
def _section_score(text: str, section: Section) -> float:
    """Mean plan score of a section's sentences, each clipped to ±3 (no one sentence decides); kept, as
    the parts of the sections and the lines of ``structure`` both ask it."""
    body = [m.group().strip() for m in _SENTENCE_RE.finditer(text[section.start : section.end])]
    scores = [max(-3.0, min(3.0, plan_score(s))) for s in body if s]
    return sum(scores) / len(scores) if scores else 0.0


def _innermost(sections: tuple[Section, ...], offset: int) -> int | None:
    """Index of the innermost section whose span contains ``offset``."""
    found = None
    for section in sections:
        if section.start > offset:
            break
        if offset < section.end:
            found = section.index
    return found


def _top(sections: tuple[Section, ...], index: int) -> int:
    """Index of the outermost ancestor of section ``index``."""
    while sections[index].parent is not None:
        index = sections[index].parent
    return index
