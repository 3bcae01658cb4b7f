"""Figures in a sentence: numbers with their unit and qualifier, ranks, and ratios.

A figure is a number as written (Arabic with decimals and thousands commas, Chinese numerals,
mixed forms such as ``1.2万人``), the unit that follows it (its scale kept as written:
``25万余平方米`` is 25 with unit ``万平方米``) and a qualifier (余, 多, 左右, 以上, 以内, 以下,
上下). A range (``6%—6.5%``, ``6-7%``, ``6%至7%``) is one figure: its lower bound, with the range as
written for qualifier. Tenths are a share as written: ``三成`` is 3 成. Doubling is a multiple:
``翻一番`` (翻番) is a growth of 100 %, ``翻两番`` of 300 %, ``翻了两倍`` 2 倍 as written (qualifier as written). An amount per period keeps its unit as
written (``620元/月`` is 620 元/月; ``每月620元`` is 620 元, 每月 staying in the text). A rank is an ordinal in a ranking (``排名全市第一``, ``全国百强县第11位``, ``双第一``).
A ratio is ``8.5:40.2:51.3``.

Numbers that are not figures are left out: numbers inside names (``1+2+3``, ``3A级``, ``A3地块``,
``12345热线``, ``三大攻坚战``, ``十四五``), ordinals (``第六届``), labels (``附件2``, ``图1``), dates and years (``6月底``,
``2019年``), durations (``连续七年``, ``24小时``), a lone Chinese digit before a classifier
(``两个维护``, ``四个意识``: single Chinese digits only count after a verb of quantity such as
新增 or 建成, and ``一`` never: 一批, 一个 are not counts; nor does a Chinese count before its noun
without such a verb: ``十项民生实事``; nor a 一 bound to the word before it: ``唯一一个``, ``统一``, ``逐一``),
vague numbers (``数十家``, ``几百人``, ``三四个``, ``两三百户``, and ``一一对应``), a size or threshold
before the noun it qualifies (``超10亿元项目``, ``10亿元级``, ``年产5万吨…项目``, ``超5亿元的乡镇``), a set of
measures named by its count (``…发展30条``), voltages (``110千伏``, ``110kV``) and other numbers
with a unit not listed here, and a bare number followed by a word or by 、.
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass

import cn2an

_HAN = "\u4e00-\u9fff"
_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_ALL = _CN_DIGITS + "十百千万亿"

#: Units with a percentage meaning; ``个百分点`` and ``百分点`` are changes of a share.
#: Units of rates and shares (成: tenths, as written).
PERCENT_UNITS = frozenset({"%", "‰", "成"})
POINT_UNITS = frozenset({"个百分点", "百分点"})
#: Units of money (the scale prefix removed).
MONEY_UNITS = frozenset({"元", "美元", "欧元"})
#: Classifiers that count things: a figure ``3个示范点`` names its indicator after the unit.
# fmt: off
COUNT_UNITS = frozenset([
    "个", "家", "户", "人", "名", "位", "项", "件", "起", "座", "所", "枚", "张", "台", "辆", "套", "间",
    "栋", "幢", "条", "处", "次", "场", "批", "宗", "块", "株", "棵", "头", "只", "篇", "部", "册", "支",
    "艘", "架", "盏", "例", "份", "颗", "人次", "架次", "车次", "批次", "户次", "艘次", "班次", "个月",
])
_OTHER_UNITS = [
    "平方公里", "平方千米", "平方米", "公顷", "亩", "公里", "千米", "延米", "米", "立方米",  # area, length
    "吨", "千克", "公斤", "斤", "千瓦时", "千瓦", "兆瓦", "吨标准煤", "标准煤", "标箱", "重量箱", "微克/立方米",  # mass, energy
    "天", "个工作日", "工作日", "岁", "倍", "元", "美元", "欧元", "成",
    "个位次", "位次",  # a change of rank: 排名上升3个位次
]
# fmt: on
_BASE_UNITS = sorted(COUNT_UNITS | set(_OTHER_UNITS), key=len, reverse=True)
_PERIODS = "月|年|人|天|次|户|亩|吨|平方米"

_ARABIC = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
#: A Chinese numeral starts at no numeral character nor after a word that binds 一 (唯一, 统一, 逐一,
#: 单一, 同一, 划一, 专一, 之一, 第一): 唯一一个 holds no number, 第二十三 no 十三.
_CHINESE = rf"(?<![唯统逐单同划专之第{_CN_ALL}])[一二两三四五六七八九十][{_CN_ALL}]*"
#: Two digits side by side (一一对应, 三四个, 两三百户): a vague or no number, never a figure.
_ADJACENT_DIGITS_RE = re.compile("[一二两三四五六七八九]{2}")
_SCALE = r"(?:万亿|千万|百万|亿|万|千)"
#: A round milestone written with its scale alone after a verb of passing (突破千亿, 迈入万亿): 1,000亿.
_BARE_SCALE = r"(?<=突破|迈过|跨越|跃上|迈上|站上|超过|达到|迈入|跨入)[千百万](?=亿)"
_FIGURE_RE = re.compile(
    r"(?:每(?:人每)?[月年])?"
    rf"(?P<num>{_ARABIC}|{_CHINESE}|{_BARE_SCALE})"
    rf"(?:(?P<unit0>[%‰])?(?P<dash>[—–\-~～]|至)(?P<num2>{_ARABIC}))?"
    rf"(?P<q1>余|多)?(?P<scale>{_SCALE})?(?:(?P<q2>余|多)(?P<scale2>亿)?)?"
    rf"(?P<unit>个百分点|百分点|[%‰]|(?:{'|'.join(_BASE_UNITS)})(?:/(?:{_PERIODS}))?|/(?:{_PERIODS}))?"
    r"(?P<post>左右|以上|以内|以下|上下)?"
)
#: What may follow a figure that has no unit: a clause break or the end of the sentence.
_BARE_END_RE = re.compile(r"[,，;；。!！?？:：)]|$")
#: A label numbered by the figure after it (附件2, 附表3, 图1): no figure.
_LABEL_RE = re.compile(r"(?:附件|附表|附图|图|表)$")
#: Words that make a bare scale (``投入4500万``) an amount of money.
MONEY_CONTEXT_RE = re.compile(
    r"投入|投资|资金|收入|支出|预算|税|费|金额|资产|贷款|存款|补贴|补助|奖励|经费|融资|营收|产值|销售额|利润"
)
#: A single Chinese digit counts only right after one of these verbs of quantity.
_QUANTITY_VERB_RE = re.compile(r"(?:新增|新建|建成|完成|引进|打造|创建|获得|达到|超过|突破|累计|共)$")

#: A figure followed by one of these nouns is a threshold or size inside a name (亿元项目, 亿元级).
_MODIFIED_NOUN_RE = re.compile(r"(?:以上|以下)?的?(?:项目|企业|工程|产业|级|规模)")
#: A noun a threshold (以上, 以下) picks out, right after it: 年产值10亿元以上工业企业.
_THRESHOLD_NOUN_RE = re.compile(rf"[{_HAN}]{{0,6}}?(?:企业|项目|工程|园区|商户|单位|医院|学校)")
#: Words of capacity that make the figure after them part of a project name (年产5万吨…项目).
_CAPACITY_WORDS = ("年产", "年产能", "年处理", "年加工", "日处理", "年吞吐")
#: A statistical acronym right before a figure (GDP3464亿元, CPI102.1): the figure is its value.
_INDICATOR_ACRONYM_RE = re.compile(r"(?<![A-Za-z])(?:GDP|CPI|PPI|GNP)$")
_MILESTONE_RE = re.compile(r"[^,，;；。]{0,6}?(?:大关|台阶|关口)")
#: The noun of a milestone right after its figure (1000亿大关): the figure is a level passed.
_MILESTONE_NOUN_RE = re.compile(r"(?:元)?(?:的)?(?:大关|台阶|关口)")
_POLICY_WORD_RE = re.compile(r"(?:政策|措施|举措|意见|办法|规定|发展)$")
_DOUBLING_RE = re.compile(r"翻了?(?:([一两二三四])番|番|(?P<times>[一两二三四五六七八九十]|\d+)倍)多?")
#: A change by a fraction, after its verb: 减少三分之一, 压减一半以上.
_FRACTION_RE = re.compile(
    r"(?:增长|增加|提高|提升|下降|减少|降低|压减|压缩|削减|缩减|缩短|精简)了?"
    r"(?P<fraction>(?P<den>[二三四五六七八九十]|\d+)分之(?P<num>[一二三四五六七八九]|\d+)|(?P<half>一半))(?:以上|左右)?"
)

_ORDINAL = r"第(?:\d+|[一二三四五六七八九十]+)(?:位|名)?"
#: Words naming the scope a rank is taken in (全市第一, 城区第二).
SCOPE_WORDS = r"(?:全国|全省|全市|全州|全盟|全区|全县|全旗|城区|同类|省内|市内)"
_SCOPE = rf"{SCOPE_WORDS}[{_HAN}]{{0,8}}?"
_RANK_RE = re.compile(
    rf"(?P<verb>排名|排在|排位|位列|位居|名列|居于|稳居|跃居|升居|居|排)?"
    r"(?P<listed>[“\"][^“”\"]{2,15}[”\"])?"  # 名列“某某百强区”第26位: the ranking named in quotes
    rf"(?P<scope>{_SCOPE})?"
    rf"(?P<ords>{_ORDINAL}(?:[、和]?{_ORDINAL})*|双第一|(?<=[{_HAN}])(?:首位|最优)|(?<=赛)(?:冠军|亚军|季军))"
)
#: The places of a competition (某某联赛季军: third), after 赛 only (单项冠军企业 is no place).
MEDAL_PLACES = {"冠军": 1, "亚军": 2, "季军": 3}
_ORDINAL_RE = re.compile(r"第(\d+|[一二三四五六七八九十]+)(?:位|名)?")
#: A short quoted name (“1+3”政策体系, “3个20条”): its numbers are part of the name.
_QUOTED_NAME_RE = re.compile(r"[“\"‘「『][^“”\"‘’「」『』]{1,15}[”\"’」』]")
_RATIO_RE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?::\d+(?:\.\d+)?){1,3}(?![\d.])")


@dataclass(frozen=True)
class Figure:
    """A number, rank or ratio found in a piece of text; offsets are local to that text.

    ``kind`` is ``"number"``, ``"rank"`` or ``"ratio"``. For a rank ``value`` is the rank,
    ``qualifier`` its scope and ordinal as written (``全市第一``) and ``start`` the start of its
    verb (排名) when it has one. For a ratio ``values`` holds the parts.
    """

    start: int
    end: int
    value: float
    unit: str
    kind: str = "number"
    qualifier: str | None = None
    values: tuple[float, ...] = ()


def parse_number(text: str) -> float:
    """The value of a number written in Arabic digits, Chinese numerals or both.

    Older reports write 亿 as 万万 (六万万 = 6亿). A numeral that cannot be read raises ValueError.

    >>> parse_number("1,250"), parse_number("98.3"), parse_number("两千五百"), parse_number("十二")
    (1250.0, 98.3, 2500.0, 12.0)
    >>> parse_number("六万万"), parse_number("三万万五千万")
    (600000000.0, 350000000.0)
    """
    text = text.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    return float(cn2an.cn2an(text.replace("万万", "亿"), "smart"))


def ordinal_value(text: str) -> int:
    """The rank in an ordinal such as ``第一``, ``第11位`` or ``第十二名``.

    >>> ordinal_value("第一"), ordinal_value("第11位"), ordinal_value("第十二名")
    (1, 11, 12)
    """
    return int(parse_number(_ORDINAL_RE.fullmatch(text).group(1)))


def _split_chinese_scale(numeral: str) -> tuple[str, str]:
    """Split a trailing 万/亿 off a Chinese numeral so the unit keeps the scale as written.

    >>> _split_chinese_scale("两万"), _split_chinese_scale("三千万"), _split_chinese_scale("一百二十")
    (('两', '万'), ('三千', '万'), ('一百二十', ''))
    """
    match = re.fullmatch(r"(.+?)(万亿|亿|万)", numeral)
    if match and not re.search("[万亿]", match.group(1)):
        return match.group(1), match.group(2)
    return numeral, ""


def _money_scale(text: str, match: re.Match, scale: str) -> bool:
    """Whether a number with a scale and no unit is money (``投入4500万用于…``).

    >>> m = _FIGURE_RE.search("投入4500万用于")
    >>> _money_scale("投入4500万用于", m, "万"), _money_scale("惠及120万群众", _FIGURE_RE.search("惠及120万群众"), "万")
    (True, False)
    """
    return scale.endswith(("万", "亿")) and bool(MONEY_CONTEXT_RE.search(text[: match.start()]))


def _negative(text: str, start: int) -> bool:
    """Whether the number at ``start`` has a minus sign after a word or a break (一季度-9.9%; not
    6-7% nor G-60).

    >>> _negative("一季度-9.9%", 4), _negative("6-7%", 2), _negative("G-60", 2)
    (True, False, False)
    """
    if start < 1 or text[start - 1] not in "-−－":
        return False
    return start < 2 or bool(re.match(rf"[{_HAN},，:：;；(（]", text[start - 2]))


def _number_figure(text: str, match: re.Match) -> Figure | None:
    """The figure a regex match stands for, or None when the number is not a figure."""
    num, unit = match.group("num"), match.group("unit") or ""
    scale = (match.group("scale") or "") + (match.group("scale2") or "")  # 4万多亿元: 4 万亿元, 多
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    acronym = _INDICATOR_ACRONYM_RE.search(text, 0, match.start())
    negative = _negative(text, match.start()) and unit in PERCENT_UNITS
    if (
        before == "第"
        or (not unit and _LABEL_RE.search(text, 0, match.start()))
        or (re.match(r"[A-Za-z+＋.\-]", before) and not acronym and not negative)
        or re.match(r"[A-Za-z+＋:]", after)
    ):
        return None  # G60, 5G, 第六届: part of a name or an ordinal (GDP3464亿元 is a figure)
    if before in ("数", "几") and not num[0].isdigit():
        return None  # 数十家, 几百人: no figure
    if _is_modifier(text, match):
        return None
    if unit in COUNT_UNITS and _MILESTONE_RE.match(text, match.end()):
        return None  # 突破两个千亿大关: milestones passed, not a count of anything
    if unit == "条" and _POLICY_WORD_RE.search(text, 0, match.start()):
        return None  # 促进民营经济发展30条: the name of a set of measures
    if unit == "成" and re.match(rf"[{_HAN}]", after) and not re.match("[以左的]", after):
        return None  # 成 is a share (三成) only when nothing follows it: 七成新, 两成员
    milestone = bool(scale) and bool(_MILESTONE_NOUN_RE.match(text, match.end()))
    if num in ("千", "百", "万"):
        num = "一" + num  # 突破千亿大关: one thousand 亿
    chinese = not num[0].isdigit()
    if chinese and _ADJACENT_DIGITS_RE.search(num):
        return None  # 三四个, 两三百户: a vague number
    if chinese:
        num, scale = _split_chinese_scale(num + scale)
        if not unit and scale and num[-1:] in "十百千" and not milestone:
            return None  # 千亩, 百千万: a numeral inside a name
        if not unit and not scale:
            return None
        small = parse_number(num) < 10 and not scale and unit != "成"
        counted_noun = unit in COUNT_UNITS and not scale and re.match(rf"[{_HAN}]", after)
        if num == "一" or ((small or counted_noun) and not _QUANTITY_VERB_RE.search(text[: match.start()])):
            return None  # 两个维护, 十项民生实事, 十六个…集群: a numeral inside a name
    elif (
        not unit
        and not _BARE_END_RE.match(text, match.end())
        and not _money_scale(text, match, scale)
        and not milestone
    ):
        return None  # 12345热线, 2号线, 某某广场88、, 120万群众: not a figure with a unit
    if match.group("num2") and not unit:
        return None  # 2019-2020年, 1-3月: a span of time
    value = parse_number(num)
    if unit.startswith("/"):
        unit = "元" + unit  # 520/月: scraped copies lose the 元 of a monthly amount
    qualifier = match.group("q1") or match.group("q2") or match.group("post")
    if match.group("num2"):
        qualifier = match.group(0)[match.start("num") - match.start() :]  # 6%—6.5%: a range, as written
    if negative:  # 一季度-9.9%: a fall written with a minus sign
        return Figure(match.start() - 1, match.end(), -value, scale + unit, "number", qualifier)
    return Figure(match.start(), match.end(), value, scale + unit, "number", qualifier)


def _is_modifier(text: str, match: re.Match) -> bool:
    """Whether a figure qualifies the noun after it instead of reporting a quantity.

    A threshold or size (not a count) before 项目, 企业 … (``超10亿元项目8个``, ``10亿元级``), a
    threshold other than a share before 的 and a noun (``收入超5亿元的乡镇``) and a capacity inside a
    project name (``年产5万吨锂电材料项目``) are part of a name.

    >>> t = "引进超10亿元项目8个,年产5万吨锂电材料项目投产,收入超5亿元的乡镇,保持7%以上的增速"
    >>> [_is_modifier(t, m) for m in _FIGURE_RE.finditer(t)]
    [True, False, True, True, False]
    >>> t = "年产值10亿元以上工业企业增至39家"
    >>> [_is_modifier(t, m) for m in _FIGURE_RE.finditer(t)]
    [True, False]
    """
    rest = text[match.end() :]
    unit = match.group("unit") or ""
    over = match.group("post") in ("以上", "以下") or text[: match.start()].endswith("超")
    if over and unit not in PERCENT_UNITS and re.match(rf"的[{_HAN}]", rest):
        return True  # 收入超10亿元的县, 100人以上的企业: a threshold picking out what is counted
    if unit in COUNT_UNITS:
        return False  # 5家企业: a count names its noun
    if _MODIFIED_NOUN_RE.match(rest) or (over and _THRESHOLD_NOUN_RE.match(rest)):
        return True
    return text[: match.start()].endswith(_CAPACITY_WORDS) and bool(re.match(rf"[{_HAN}]", rest))


def _doubling_figures(text: str) -> list[Figure]:
    """翻一番 (翻番), 翻两番 …: a growth of 100 %, 300 % … (the level is 2, 4 … times the base);
    翻了两倍: 2 倍 as written, the multiple being ambiguous. The wording is the qualifier.

    >>> [(f.value, f.unit, f.qualifier) for f in _doubling_figures("经济总量实现翻一番,收入翻两番,专利翻了两倍")]
    [(100.0, '%', '翻一番'), (300.0, '%', '翻两番'), (2.0, '倍', '翻了两倍')]
    """
    found = []
    for m in _DOUBLING_RE.finditer(text):
        if m.group("times"):
            found.append(
                Figure(m.start(), m.end(), parse_number(m.group("times")), "倍", "number", m.group(0))
            )
        else:
            doubled = 2 ** int(parse_number(m.group(1) or "一"))
            found.append(Figure(m.start(), m.end(), float(100 * (doubled - 1)), "%", "number", m.group(0)))
    return found


def _fraction_figures(text: str) -> list[Figure]:
    """A change by a fraction (减少三分之一, 压减一半以上): the fraction in %, its wording the qualifier.

    >>> [(f.value, f.unit, f.qualifier) for f in _fraction_figures("项目减少三分之一,条目减少一半以上")]
    [(33.33, '%', '三分之一'), (50.0, '%', '一半以上')]
    >>> _fraction_figures("一半以上的企业")
    []
    """
    found = []
    for m in _FRACTION_RE.finditer(text):
        part = (
            50.0
            if m.group("half")
            else round(100 * parse_number(m.group("num")) / parse_number(m.group("den")), 2)
        )
        found.append(
            Figure(
                m.start("fraction"),
                m.end(),
                part,
                "%",
                "number",
                m.group(0)[m.start("fraction") - m.start() :],
            )
        )
    return found


#: The last words of an assessment or contest a rank is won in (片区考核, 营商环境评价).
ASSESSMENTS = "考核|评比|排名|测评|评估|评价|考评|比赛|竞赛|大赛"
#: An assessment or contest named just before a bare ordinal (在全市片区考核中连续3年第一): a rank.
_IN_A_RANKING_RE = re.compile(
    rf"在[^,，;；。:：]{{2,40}}?(?:{ASSESSMENTS})中"
    r"(?:连续[\d一二三四五六七八九十两多]+年)?(?:获得?|荣获|名列|位列)?$"
)


def _rank_figures(text: str, match: re.Match) -> list[Figure]:
    """One figure per ordinal of a rank match (``全市第一、第二`` gives two)."""
    scope = (match.group("listed") or "")[1:-1] + (match.group("scope") or "")
    ords = match.group("ords")
    start = match.start("verb") if match.group("verb") else match.start()
    if ords == "双第一":
        return [Figure(start, match.end(), 1.0, "", "rank", scope + "第一")] * 2
    if ords in ("首位", "最优"):  # 居全省首位, 保持全市最优: first (全省最优的营商环境 is no rank)
        modifier = text.startswith("的", match.end())
        ranked = (scope or match.group("verb")) and not modifier
        return [Figure(start, match.end(), 1.0, "", "rank", scope + ords)] if ranked else []
    if ords in MEDAL_PLACES:
        return [Figure(start, match.end(), float(MEDAL_PLACES[ords]), "", "rank", scope + ords)]
    return [
        Figure(start, match.end(), float(ordinal_value(o.group(0))), "", "rank", scope + o.group(0))
        for o in _ORDINAL_RE.finditer(ords)
    ]


def find_figures(text: str) -> list[Figure]:
    """Every figure, rank and ratio in ``text``, in order of position.

    >>> [(f.value, f.unit, f.qualifier) for f in find_figures("新增学位900个,各类市场主体超过三万户")]
    [(900.0, '个', None), (3.0, '万户', None)]
    >>> [(f.value, f.unit, f.qualifier) for f in find_figures("25万余平方米的安置房,增速排名全市第一、第二")]
    [(25.0, '万平方米', '余'), (1.0, '', '全市第一'), (2.0, '', '全市第二')]
    >>> [(f.value, f.unit, f.qualifier) for f in find_figures("名列“百强区”第26位,排名上升3个位次")]
    [(26.0, '', '百强区第26位'), (3.0, '个位次', None)]
    >>> [(f.value, f.qualifier) for f in find_figures("勇夺全国甲级联赛季军,培育单项冠军企业")]
    [(3.0, '全国甲级联赛季军')]
    >>> [(f.value, f.qualifier) for f in find_figures("在全市片区绩效考核中连续3年第一")]
    [(1.0, '第一')]
    >>> find_figures("推行1+3模式,创建3A级景区,开通12345热线,第六届,连续七年,两个维护,出台“3个20条”")
    []
    """
    found: list[Figure] = []
    taken: list[tuple[int, int]] = [m.span() for m in _QUOTED_NAME_RE.finditer(text)]
    for match in _RATIO_RE.finditer(text):
        values = tuple(float(v) for v in match.group(0).split(":"))
        found.append(Figure(match.start(), match.end(), values[0], "", "ratio", None, values))
        taken.append(match.span())
    for match in _RANK_RE.finditer(text):
        after = text[match.end()] if match.end() < len(text) else ""
        ranked_in = _IN_A_RANKING_RE.search(text[max(match.start() - 50, 0) : match.start()])
        if not (
            match.group("verb")
            or match.group("listed")
            or match.group("scope")
            or match.group("ords") == "双第一"
            or ranked_in
        ):
            continue
        if re.match(rf"[{_HAN}]", after) and not re.match(r"[、和的]", after):
            continue  # 全省第一个…, 第一产业: an ordinal that is not a ranking
        with suppress(ValueError):  # a numeral no reader knows is no figure, never a failure
            found.extend(_rank_figures(text, match))
        taken.append(match.span())
    with suppress(ValueError):
        found.extend(_doubling_figures(text))
        found.extend(_fraction_figures(text))
    for match in _FIGURE_RE.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        with suppress(ValueError):
            figure = _number_figure(text, match)
            if figure is not None:
                found.append(figure)
    return sorted(found, key=lambda f: (f.start, f.end))
