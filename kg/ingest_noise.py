"""Remove what scraping adds to a report: site chrome, spam, URLs, taglines, junk tokens, repeated titles.

Works on lines already NFKC-folded and made simplified (see :func:`kg.ingest.normalise`); every
rule follows GENRE.md "Noise in real copies". Nothing here may drop report text: each rule needs
a strong sign (a whole line of navigation, a spam word, a tail or token repeated on several lines).
:func:`rejoin_split_entities` works on the raw text, before entities are decoded.
"""

from __future__ import annotations

import re
from collections import Counter
from html.entities import html5

_MAX_CHROME = 100
_MAX_URL_LINE = 40
_MAX_TAIL = 20
_MIN_TAIL_REPEATS = 3

# Site chrome: whole lines that are navigation, not report.
_CHROME_LINE_RE = re.compile(
    r"^(?:(?:当前|您(?:现在)?的|所在)位置[:>]|(?:信息|文章)?来源:.{0,60}$|发布(?:时间|日期):|"
    r"浏览次数|点击(?:数|量|次数)|【?字[体号]:|\[?打印本?页|【打印|关闭窗口|【关闭|分享到|扫一扫|"
    r"版权所有|主办单位|承办单位|技术支持|网站标识码|设为首页|加入收藏|网站地图|联系我们|首页\s*[|>])"
)
_CHROME_TAIL_RE = re.compile(r"^(?:相关(?:阅读|链接|文章|新闻|附件)|上一篇|下一篇)")
_CHROME_WORDS_RE = re.compile(r"ICP备|公网安备|网站标识码|版权所有|无障碍(?:浏览|阅读)?|设为首页|加入收藏")
#: A navigation bar: several short items separated by | or > .
_NAV_BAR_RE = re.compile(r"^[^|>。,；]{1,8}(?:\s*[|>]\s*[^|>。,；]{1,8}){2,}$")

_URL_RE = re.compile(
    r"(?:https?://|www\.)[A-Za-z0-9\-._~/?#=&%:]+|[A-Za-z0-9\-]+\.(?:com|cn|net|org)(?:/\S*)?"
)
# Spam injected into copies: gambling, fake invoices, contact bait (words no report uses).
_SPAM_WORD = (
    r"博彩|娱乐城|娱乐官网|赌场|百家乐|六合彩|时时彩|北京赛车|彩金|真人视讯|老虎机|棋牌|体育投注|"
    r"威尼斯人|葡京|太阳城|代开发票|发票代开|加微信|加V|微信号|QQ群|稳赚不赔|在线开户"
)
_SPAM_RE = re.compile(_SPAM_WORD, re.IGNORECASE)
_BRACKETED_SPAM_RE = re.compile(rf"[【\[(<][^】\])>]*(?:{_SPAM_WORD})[^】\])>]*[】\])>]", re.IGNORECASE)
_TERMINATORS = "。！？；"
_CLOSERS = "”’」』)》"
#: A junk token: ASCII letters and digits mixed standing after a sentence end, or any lower-case
#: ASCII token ending a line after a sentence end (a stray "nbsp", "qk"); an upper-case one may
#: begin a sentence broken across lines (GDP).
_JUNK_TOKEN_RE = re.compile(
    rf"(?<=[{_TERMINATORS}”])\s*(?=[A-Za-z0-9_]*[A-Za-z])(?=[A-Za-z0-9_]*\d)[A-Za-z0-9_]{{3,16}}"
    rf"(?=$|[\u4e00-\u9fff“(])|(?<=[{_TERMINATORS}”])\s*(?=[A-Za-z0-9_]*[a-z])[A-Za-z0-9_]{{2,16}}$"
)
#: A token of ASCII letters and digits mixed ending a line (F9f); junk when it ends several lines.
_END_TOKEN_RE = re.compile(r"(?<![A-Za-z0-9_])(?=[A-Za-z0-9]*[A-Za-z])(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{3,16}$")
#: An HTML entity cut by a line break (&l / dquo;), the two halves around the break.
_SPLIT_ENTITY_RE = re.compile(r"&(#?[A-Za-z0-9]{0,10})[ \t]*(?:\r\n|[\r\n])[ \t]*([A-Za-z0-9]{0,10};)")
_NUMERIC_ENTITY_RE = re.compile(r"#(?:\d{2,7}|[xX][0-9A-Fa-f]{2,6});")
_TAGLINE_MARK_RE = re.compile(r"^(?:——|—|-{1,2}|来源|本文|转载|摘自|责任编辑|编辑:|\(来源)")
#: A title line (…政府工作报告): never continued, kept once.
TITLE_LINE_RE = re.compile(r"政府工作报告$")
_MAX_TITLE = 40
#: Latin acronyms a copy lower-cased (gdp, ppp, aaaa级); units after a number stay as written.
_LOWER_ACRONYM_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])[a-z]{2,5}(?![A-Za-z0-9.])|(?<![A-Za-z0-9. ])[a-z]{2,5}(?=[\u4e00-\u9fff])"
)
_UNITS = frozenset(["km", "kg", "kw", "kwh", "mw", "mwh", "kv", "ml", "mm", "cm", "gw", "gwh", "kva", "mu"])
#: A comma doubled with another mark by a scraper (",," ",、" ",；" ",。"): the second mark is the one meant.
_DOUBLED_MARK_RE = re.compile(r",+(?=[,、；。：！？])")
#: A footnote marker after a word or quoted term (“双协员”[21]): the note is not in the copy, the marker no figure.
_FOOTNOTE_MARK_RE = re.compile(r"(?<=[\u4e00-\u9fff”’」』)》])\[\d{1,3}\]")
_LOWER_G_RE = re.compile(r"(?<=\d)g(?=[\u4e00-\u9fff])")
#: A lower-case Latin token standing alone in Chinese text (not inside an ASCII word or after a digit).
_LATIN_TOKEN_RE = re.compile(r"(?<![A-Za-z0-9_.\-/@])([a-z]{2,8})(?![A-Za-z0-9_])")
_MIN_MARKS = 3


def is_site_chrome(line: str) -> bool:
    """Whether a normalised line is web-site navigation (breadcrumb, source and date, print buttons).

    >>> is_site_chrome("当前位置:首页 > 信息公开"), is_site_chrome("来源: 县政府办 发布时间:2021-01-05")
    (True, True)
    >>> is_site_chrome("网站首页 | 政务公开 | 办事服务"), is_site_chrome("实现地区生产总值120.5亿元。")
    (True, False)
    """
    return len(line) <= _MAX_CHROME and bool(
        _CHROME_LINE_RE.match(line)
        or ("来源:" in line and "发布" in line)
        or _CHROME_WORDS_RE.search(line)
        or _NAV_BAR_RE.match(line)
    )


def starts_chrome_tail(line: str) -> bool:
    """Whether a line opens the list of links after the article (相关阅读, 上一篇…): drop it and all after.

    >>> starts_chrome_tail("相关阅读:"), starts_chrome_tail("相关工作有序推进。")
    (True, False)
    """
    return bool(_CHROME_TAIL_RE.match(line))


def clean_line(line: str) -> str:
    """A line without spam, URLs, junk tokens and lower-cased acronyms; "" when nothing of the report is left.

    >>> clean_line("二、2021年工作安排【澳门威尼斯人娱乐官网 加微信ab8888】")
    '二、2021年工作安排'
    >>> clean_line("全县新签约ppp项目3个,建成5g基站。x7kq2w"), clean_line("百家乐在线开户 www.bet88.com")
    ('全县新签约PPP项目3个,建成5G基站。', '')
    >>> clean_line("全面完成。 nbsp"), clean_line("全面完成。GDP")
    ('全面完成。', '全面完成。GDP')
    >>> clean_line("抓住机遇,,突出重点,、强化带动,。")
    '抓住机遇,突出重点、强化带动。'
    >>> clean_line("聚焦“两不愁”[20],新开发“协管员”[21]305个")
    '聚焦“两不愁”,新开发“协管员”305个'
    """
    line = _BRACKETED_SPAM_RE.sub("", line)
    spam = _SPAM_RE.search(line)
    if spam:
        line = _before_spam(line, spam.start())
    urls = _URL_RE.findall(line)
    if urls and len(line) <= _MAX_URL_LINE:
        return ""
    line = _URL_RE.sub("", line)
    line = _DOUBLED_MARK_RE.sub("", _FOOTNOTE_MARK_RE.sub("", _JUNK_TOKEN_RE.sub("", line)))
    line = _LOWER_ACRONYM_RE.sub(lambda m: m.group() if m.group() in _UNITS else m.group().upper(), line)
    return _LOWER_G_RE.sub("G", line).strip()


def break_at_paragraph_marks(text: str) -> str:
    """Text with the scraper's paragraph mark (a lower-case Latin token such as ``ftr`` repeated in a
    Chinese text) turned into a line break, before any acronym is upper-cased.

    A token is a mark when it stands alone three or more times followed by spaces or a line end,
    and once at least after a sentence end or colon (a lower-cased acronym is followed by the noun
    it names). The source's line break is restored; a break that fell inside a sentence (the source
    wrapped there) is rejoined by the line joiner of :func:`kg.ingest.normalise`.

    >>> break_at_paragraph_marks("政府工作报告ftr  各位代表:ftr  现在,我报告工作。ftr  首先,增长8%。")
    '政府工作报告\\n各位代表:\\n现在,我报告工作。\\n首先,增长8%。'
    >>> break_at_paragraph_marks("全县gdp增长8%。gdp总量第一,gdp达到9亿元。")
    '全县gdp增长8%。gdp总量第一,gdp达到9亿元。'
    """
    spaced: Counter[str] = Counter()
    after_stop: set[str] = set()
    for match in _LATIN_TOKEN_RE.finditer(text):
        token, end = match.group(1), match.end()
        if end == len(text) or text[end] in " \n":
            spaced[token] += 1
        if text[max(0, match.start() - 8) : match.start()].rstrip(" ")[-1:] in (*_TERMINATORS, ":"):
            after_stop.add(token)
    marks = sorted(t for t, n in spaced.items() if n >= _MIN_MARKS and t in after_stop and t not in _UNITS)
    if not marks:
        return text
    mark_re = re.compile(rf" *(?<![A-Za-z0-9_.\-/@])(?:{'|'.join(marks)})(?![A-Za-z0-9_]) *")
    return mark_re.sub("\n", text)


def _before_spam(line: str, spam_start: int) -> str:
    """The report text before a spam clause: cut at the last sentence end or space before it.

    >>> _before_spam("今年增长7%。加微信ab8888", 7), _before_spam("新增就业3100人 代开发票", 10)
    ('今年增长7%。', '新增就业3100人')
    """
    head = line[:spam_start]
    cut = max(head.rfind(c) for c in _TERMINATORS + " ")
    if cut < 0:
        return ""
    return head[: cut + 1].strip() if head[cut] != " " else head[:cut].strip()


def rejoin_split_entities(text: str) -> str:
    """Raw text with every HTML entity a line break cut in two made whole again, so it can be decoded.

    Only halves that together spell a known entity are joined.

    >>> rejoin_split_entities("提前完成&l\\ndquo;十三五&rdquo;"), rejoin_split_entities("R&D\\nok;")
    ('提前完成&ldquo;十三五&rdquo;', 'R&D\\nok;')
    """

    def join(match: re.Match) -> str:
        name = match.group(1) + match.group(2)
        known = name in html5 or _NUMERIC_ENTITY_RE.fullmatch(name)
        return "&" + name if known else match.group()

    return _SPLIT_ENTITY_RE.sub(join, text)


def drop_repeats(lines: list[str]) -> list[str]:
    """Lines without repeated report titles (kept once), a tagline appended to several lines and junk
    tokens ending several lines.

    A tagline is the same short tail after the last sentence end of three or more lines, or of
    two when it looks like one (——某某之窗, 来源…). A junk token is a token of letters and digits
    mixed that ends three or more lines (wherever the sentence stops): it goes from every line.

    >>> drop_repeats(["青山县政府工作报告", "增长7%。——青山之窗", "青山县政府工作报告", "增长8%。——青山之窗"])
    ['青山县政府工作报告', '增长7%。', '增长8%。']
    >>> drop_repeats(["政府工作报告K7q", "各位代表:K7q", "全县实现地区生K7q", "产总值5G亿元K7q。"])
    ['政府工作报告', '各位代表:', '全县实现地区生', '产总值5G亿元。']
    """
    lines = _drop_junk_tokens(lines)
    tails = Counter(tail for tail in map(_tail, lines) if tail)
    taglines = {t for t, n in tails.items() if n >= _MIN_TAIL_REPEATS or n >= 2 and _TAGLINE_MARK_RE.match(t)}
    seen_titles: set[str] = set()
    out = []
    for line in lines:
        if len(line) <= _MAX_TITLE and TITLE_LINE_RE.search(line):
            if line in seen_titles:
                continue
            seen_titles.add(line)
        tail = _tail(line)
        if tail in taglines:
            line = line[: -len(tail)].rstrip()
        if line:
            out.append(line)
    return out


def _drop_junk_tokens(lines: list[str]) -> list[str]:
    """Lines without the letter-and-digit tokens that end three or more of them; empty lines dropped."""
    ends = Counter(match.group() for match in map(_END_TOKEN_RE.search, lines) if match)
    junk = sorted(token for token, n in ends.items() if n >= _MIN_TAIL_REPEATS)
    if not junk:
        return lines
    junk_re = re.compile(rf"(?<![A-Za-z0-9_])(?:{'|'.join(junk)})(?![A-Za-z0-9_])")
    return [kept for kept in (junk_re.sub("", line).strip() for line in lines) if kept]


def _tail(line: str) -> str:
    """The text after a line's last sentence end when short and not a sentence itself, else ""."""
    cut = max(line.rfind(c) for c in _TERMINATORS)
    tail = line[cut + 1 :].strip() if cut >= 0 else ""
    return tail if 0 < len(tail) <= _MAX_TAIL and tail.strip(_CLOSERS) else ""


#: Pinyin a character converter left in brackets after each character it read (現(xiàn)在, 發(fā)展): a
#: syllable of Latin letters holding a tone-marked vowel, right after a Chinese character. Units and
#: acronyms in brackets (（km）, (GDP)) carry no tone mark and stay.
_PINYIN_RESIDUE_RE = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")


def remove_pinyin_residue(text: str) -> str:
    """``text`` without the bracketed pinyin a converter wrote after characters of a traditional copy.

    >>> remove_pinyin_residue("現(xiàn)在，我代表區(qū)政府作報告，道路長(km)")
    '現在，我代表區政府作報告，道路長(km)'
    """
    return _PINYIN_RESIDUE_RE.sub("", text)
