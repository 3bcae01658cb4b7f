"""Remove what scraping adds to a report: site chrome, spam, URLs, taglines, junk tokens, repeated titles.

Works on lines already NFKC-folded and made simplified (see :func:`kg.ingest.normalise`); every
rule follows GENRE.md "Noise in real copies". Nothing here may drop report text: each rule needs
a strong sign (a whole line of navigation, a spam word, a tail repeated on several lines).
"""

from __future__ import annotations

import re
from collections import Counter

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
_TAGLINE_MARK_RE = re.compile(r"^(?:——|—|-{1,2}|来源|本文|转载|摘自|责任编辑|编辑:|\(来源)")
_TITLE_LINE_RE = re.compile(r"政府工作报告$")
_MAX_TITLE = 40
#: Latin acronyms a copy lower-cased (gdp, ppp, aaaa级); units after a number stay as written.
_LOWER_ACRONYM_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])[a-z]{2,5}(?![A-Za-z0-9.])|(?<![A-Za-z0-9. ])[a-z]{2,5}(?=[\u4e00-\u9fff])"
)
_UNITS = frozenset(["km", "kg", "kw", "kwh", "mw", "mwh", "kv", "ml", "mm", "cm", "gw", "gwh", "kva", "mu"])
_LOWER_G_RE = re.compile(r"(?<=\d)g(?=[\u4e00-\u9fff])")


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
    """
    line = _BRACKETED_SPAM_RE.sub("", line)
    spam = _SPAM_RE.search(line)
    if spam:
        line = _before_spam(line, spam.start())
    urls = _URL_RE.findall(line)
    if urls and len(line) <= _MAX_URL_LINE:
        return ""
    line = _URL_RE.sub("", line)
    line = _JUNK_TOKEN_RE.sub("", line)
    line = _LOWER_ACRONYM_RE.sub(lambda m: m.group() if m.group() in _UNITS else m.group().upper(), line)
    return _LOWER_G_RE.sub("G", line).strip()


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


def drop_repeats(lines: list[str]) -> list[str]:
    """Lines without repeated report titles (kept once) and without a tagline appended to several lines.

    A tagline is the same short tail after the last sentence end of three or more lines, or of
    two when it looks like one (——某某之窗, 来源…).

    >>> drop_repeats(["青山县政府工作报告", "增长7%。——青山之窗", "青山县政府工作报告", "增长8%。——青山之窗"])
    ['青山县政府工作报告', '增长7%。', '增长8%。']
    """
    tails = Counter(tail for tail in map(_tail, lines) if tail)
    taglines = {t for t, n in tails.items() if n >= _MIN_TAIL_REPEATS or n >= 2 and _TAGLINE_MARK_RE.match(t)}
    seen_titles: set[str] = set()
    out = []
    for line in lines:
        if len(line) <= _MAX_TITLE and _TITLE_LINE_RE.search(line):
            if line in seen_titles:
                continue
            seen_titles.add(line)
        tail = _tail(line)
        if tail in taglines:
            line = line[: -len(tail)].rstrip()
        if line:
            out.append(line)
    return out


def _tail(line: str) -> str:
    """The text after a line's last sentence end when short and not a sentence itself, else ""."""
    cut = max(line.rfind(c) for c in _TERMINATORS)
    tail = line[cut + 1 :].strip() if cut >= 0 else ""
    return tail if 0 < len(tail) <= _MAX_TAIL and tail.strip(_CLOSERS) else ""
