"""Observations: every quantitative statement of a report, as indicator, value, unit, year and kind.

The figures of a sentence come from :mod:`kg.extract.numbers`; this module names what each one
measures and how. The indicator is the noun phrase before the figure with the verbs around it
removed (``社会消费品零售总额完成86.2亿元`` → 社会消费品零售总额), or the noun after a count
(``6家小化工厂`` → 小化工厂). A figure with no noun of its own is elliptic and takes the
indicator of the figure before it in the sentence (``实现地区生产总值98.3亿元,增长7.5%``), or the subject of the clause before it when that
clause says a level was reached without a figure (``全县GDP突破百亿元大关,达109亿元``); a
relative noun is joined to it (``增速排名全市第一`` → 地区生产总值增速, ``占比提高0.6个百分点``).
Works named verb first take their statistical name (``改造棚户区35万平方米`` → 棚户区改造).
A list of figures pairs with a list of indicators by position (``分别``; ``城乡居民…`` splits into
城镇居民… and 农村居民…; in ``一般公共预算收入和支出`` 支出 shares the modifier of 收入); ``均`` gives
one figure to every indicator of a list. A measure inside the name of a facility or project
(``20万吨粮食储备库``, ``26.9万千瓦光伏项目9个``) is part of the name, not a figure.

Kinds: ``rank`` for rankings; in the plan part (or for a year after the report year) every
figure is a ``target``; otherwise a change (增长, 提高, 下降 … with %, 个百分点, or 倍 after such a
verb) is a ``growth``, another rate or ratio in % a ``share``, the rest ``actual``. A multiple of a
base level (``是2015年的1.5倍``) is a ratio of two levels, so a ``share`` (GUIDELINES: "a ratio or
share"); ``增长1.2倍`` stays a ``growth``, and so does a doubling, named …翻番 as a change over years (``翻番`` +100 %, ``翻了两倍`` 2 倍); a period named as
the base (``是“十一五”末的2.6倍``) sets no year. A natural growth rate (人口自然增长率) is a level, a ``share``. A reported fall of a
rate is a negative growth, as statistics write it (``能耗下降3%`` → 能耗, growth −3); any other
decrease (a planned one included) keeps its value positive and names its direction in the indicator
(a target ``会议减少30%以上`` → 会议减少, 30), as does a change of an amount (``财政总收入增收`` 2.1
亿元). A change of a rank (``排名前移2位``) is an ``actual`` of 2 位 under …排名前移; a rank with no
number (``前列``, ``第一方阵``) is not reported. ``预计`` (provisional) figures are reported like
the others (kind by the rules above; ``预计``, ``预料``, ``初步核算`` dropped from the indicator).
A scope word naming the whole region (全市, 全县, 全省 … at the start) is framing and is dropped
too, so ``全区生产总值`` is the region's output under its statistical name, 地区生产总值 (a bare
``生产总值`` stays as written). An indicator names what is counted, not who acted: before a time
adverbial (``甲公司在疫情期间调拨乙市防疫物资52万件``) stand the subject and the adverbial, which
are dropped; the verb and its object after it are the indicator, without the province or city the
verb is directed to (调拨防疫物资). A range (``增长6%—6.5%``)
is one observation: the lower bound, with the range as written as its qualifier.

The year is the sentence's year unless the figure's clause names one (``增加到2020年的…``,
``2018年达到…``) or the sentence opens with one (``2017年,…``); a year of comparison (``比2015年``),
a date (``2018年5月``) or a starting point (``2016年以来``) does not count. In ``由A增加到B`` A is an
actual of its own year (``由2015年的121.5亿元``: 2015), or of the year the sentence compares with
(``同1978年相比``), or of the year before the period reviewed (a year back, five in a review of five
years: 过去五年, 十三五时期), as the dev gold reads it; B is of the sentence's year. In a plan only B
is reported. A change since a year before last (``比2005年增长86%``) is no growth of the year: its
indicator names the base year (…比2005年); so does a doubling (``翻番`` +100 %, named …翻番). A threshold
passed (突破, 超过, 跨越, ``3000亿元的跨越``) gives way to the exact figure of the same indicator,
year and kind anywhere in the report. A five-year period named before the figure (``十三五时期``, ``十四五期间``) sets
the year to the period's last year (2020, 2025) in the plan part; in the review it never goes past
the sentence's year, so a 2021 report's review of 十三五 speaks of 2020, the year ingest gives it.
The 十三五 review of a December report is about the year then ending (ingest's sentence year).
A 三次产业结构 ratio (``8.5:40.2:51.3``) gives the shares of the three sectors; other ratios are not
reported. Glossary and front matter are skipped, and so is every sentence whose year is not
known (a copy that redacted its years as ``20XX年``): a figure is never given a guessed year.

Not reported, by design: a number whose classifier was lost in copying when a noun follows it
(``3菜市场``: indistinguishable from a number inside a name), and an elliptic figure whose unit
cannot belong to the indicator before it (``投入5000万…,年内再完成40公里``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from kg.extract.lexicons import division_shorts, divisions
from kg.extract.numbers import (
    ASSESSMENTS,
    COUNT_UNITS,
    MONEY_CONTEXT_RE,
    MONEY_UNITS,
    PERCENT_UNITS,
    POINT_UNITS,
    SCOPE_WORDS,
    Figure,
    find_figures,
    parse_number,
)
from kg.indicators import canonical, last_named, names_pattern
from kg.types import Document, Observation, Sentence

_SKIPPED_PARTS = frozenset({"glossary", "front"})
_CLAUSE_BREAKS = ",，;；:：。!！?？"
#: Everything up to the last clause break: one backward scan, not one per break character.
_TO_LAST_BREAK_RE = re.compile(rf"(?s:.*)[{_CLAUSE_BREAKS}]")
_HAN = "\u4e00-\u9fff"

# Words between an indicator and its figure, read from the right; each class says what the figure is.
_TAIL_RE = re.compile(
    r"(?:"
    r"(?P<pre>不超过|超过|突破|跨越|迈过|迈入|跨入|接近|不少于|不低于|不到|不足|高于|(?<![附最接将])近|逾|(?<![高])超|(?<![签节制履集公预])约)"
    r"|(?P<level>达到|高达|已达|达|完成|实现|迈上|跨上|跃上|站上|迈过|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|增至"
    r"|升至|上升到|上升至|跃升到|跃升至|攀升到|攀升至|降低到|降低至|降到|降至|下降到|下降至|减少到|减少至|减至|回落到|回落至|保持在"
    r"|压缩至|压缩到|压缩为|压减至|压减到|缩短至|缩短到|缩短为|压降至|压降到|精简到|精简至|精简为|削减到|削减至"
    r"|控制在|稳定在|稳定为|优化为|调整为|调整到|提高为|确定为|定为|占到|总计|合计|共计|安排|跻身|进入|荣登|入选|列入|保持"
    r"|(?<![行作认成因])为)"
    r"|(?P<up>增长|增加|提高|提升|上升|增收|比增|扩大|攀升|上涨|前移|进位)"
    r"|(?P<down>下降|减少|降低|回落|减收|压减|缩减|下调|缩短|压缩|精简|削减|(?<=[再又])降)"
    r"|(?P<from>(?:由|从)(?:每[人户生名]?每?[月年天]|每[月年人户生名])?)"
    r"|(?P<each>(?<![人户])均|都|双双)"
    r"|(?P<respectively>分别)"
    r"|(?P<adverb>(?:高于|低于|快于|慢于)(?:全国|全省|全市|全州|全区|全县|城区|同期)[\u4e00-\u9fff]{0,6}"
    r"|(?:比|较)(?:全国|全省|全市|全州|全区|全县|城区|同期)[\u4e00-\u9fff]{0,4}?(?:高出|高|低|快|慢)|已经|已|再|又|首次|再次|率先|确保|力争|争取|累计|(?:同比|环比)?\((?:下同|下同口径|同口径)\)|同比|环比|同口径|实际|名义|预定|年均|平均每年|每年平均|平均|了|还|将|也|继续|始终|持续|全部|大幅|预计|计划|成功|(?<!公)共|首|连续(?:[\d一二三四五六七八九十两]+年)?"
    r"|(?:比|较)(?:\d{4}年(?:底|末)?|上一?年(?:同期)?|去年(?:同期)?|前一年|同期)|是?\d{4}年(?:底|末)?的?"
    r"|是?“?十[一二三四五]五”?(?:时期|期间|期末|末)?(?:[\u4e00-\u9fff]{2,10})?的)"
    r")$"
)
_LEAD_RE = re.compile(
    r"^(?:——|\((?:下同|同口径)\)|\d{1,2}[.．、](?!\d)|[(（]\d{1,2}[)）]|到?(?:19|20)\d{2}年(?:底|末)?|[去上今]?年[底末]|近?[\d一二三四五六七八九十两]+年(?:来|间)|近[\d一二三四五六七八九十两]+年"
    r"|今年|去年|上年|全年|年内|明年|每年|全[省市州盟区县旗镇乡](?!场|域)|共有|拥有|共计|共(?!青)"
    r"|力争|确保|争取|拟|计划(?!总?投资)|其中|预计|预料|预估|(?:据|经)?初步(?:核算|统计|测算|预计)|据统计|辖区|继续|要|并|同时|还|另|进一步"
    r"|努力|着力|积极|加快|全面|累计|再|有望|历史性|首次|这?是(?=在)|在(?=全国|全省|全市|全州|全区|全县|同类|我|$)|我[国省市区县州旗盟镇乡](?=[\u4e00-\u9fff]{2})"
    r"|[、和及与,])+"
)
#: Verbs of doing that open an indicator and are not part of its name (kept when little is left).
_LEAD_VERB_RE = re.compile(r"^(?:实现|实施|办理|建成|打造|完成|组织|开展|举办)")
#: Works named verb first that statistics name object first (改造棚户区 → 棚户区改造).
_WORKS_RE = re.compile(r"^(?:新开工|开工|完成|实施)?(提质改造|改造|整治|修缮)([\u4e00-\u9fff]{2,})$")
#: Framing words inside a lost-punctuation run: the indicator starts after the last of them.
_INNER_CUT_RE = re.compile(r"成功|累计|全年|今年|年内|其中|是在|(?<=[”五])规划")
#: A time adverbial (在疫情期间): the words before it are the acting subject, the words after it
#: the verb and its object, which name what the figure counts.
_ADVERBIAL_RE = re.compile(r"在?[\u4e00-\u9fff“”]{1,10}?(?:期间|过程中|之际)")
_VERB_LEN = 2
#: Qualifiers of a threshold passed rather than a figure reached.
_PASSED = frozenset({"突破", "超过", "超", "逾", "跨越", "迈过", "迈入", "跨入"})
#: A level named as a milestone after its figure (3000亿元的跨越, 4000亿元台阶): a threshold passed.
_MILESTONE_AFTER_RE = re.compile(r"的?(?:跨越|大关|台阶|关口)")
#: Qualifiers of a figure stated as the figure (约5300亿元 is the level; 突破5000亿元 only a bound).
_EXACT = frozenset({None, "约", "左右"})
#: A part of the year or a unit of land a figure may be of: not the year's figure of the region.
_PART_OF_YEAR_RE = re.compile(
    r"(?:第?[一二三四1-4]|前[三3])季度|[上下]半年|\d{1,2}[-—~至]\d{1,2}月|前[一二三四五六七八九十\d]{1,2}个?月|每平方公里|地均"
)
_NUMBER_LIST_TAIL_RE = re.compile(r"(?:[\d.]+、)+$")
_TRAILING_PART_OF_YEAR_RE = re.compile(f"(?:{_PART_OF_YEAR_RE.pattern})$")
_AVERAGE_WORDS = ("年均", "平均", "平均每年", "每年平均")
_TRAILING_YEAR_RE = re.compile(
    r"(?:19|20)\d\d年(?:底|末)?$|(?:已|已经)?连续(?:多|[\d一二三四五六七八九十两]+)年$"
)
#: The length of the period an average growth is over (五年年均增长): no part of the indicator.
_AVERAGE_PERIOD_RE = re.compile(r"(?:近|这|过去)?[\d一二三四五六七八九十两]+年(?:来|间)?$")
#: Verbs of a clause saying its subject reached a level, figure given in the next clause.
_LEVEL_CLAUSE_RE = re.compile(
    r"突破|迈上|跨越|跃上|跨入|跨上|站上|达到|(?:加快|快速|稳步|持续|较快|蓬勃|平稳|健康)(?:发展|增长|壮大)"
    r"|(?:逐季|稳步|持续)?(?:攀升|回升|回暖)"
)
#: A verb before a quoted term that ends the indicator (新招募“协管员”): the term names what is counted.
_QUOTED_OBJECT_RE = re.compile(r"^[\u4e00-\u9fff]{1,4}“([^“”]{2,12})”$")
#: A scope word naming the whole region (全区): 全区生产总值 is the region's output, 地区生产总值.
_SCOPE_LEAD_RE = re.compile(r"[全我][省市州盟区县旗]|辖区")
#: Relative nouns: they measure the indicator named before them in the sentence.
_RELATIVE = ("增速", "增幅", "增长率", "总量", "占比", "比重", "总投资", "投资总额", "增量", "新增")
#: Coordinated modifiers that 分别 splits (general statistical usage, e.g. 城乡居民人均可支配收入).
_COORDINATED = {
    "城乡": ("城镇", "农村"),
    "进出口": ("进口", "出口"),
    "工农业": ("工业", "农业"),
    "内外资": ("内资", "外资"),
    "中小学": ("中学", "小学"),
    "存贷款": ("存款", "贷款"),
    "本外币": ("本币", "外币"),
}
#: Nouns that stand for each other's counterpart after a shared modifier (…收入和支出).
_COUNTERPARTS = {
    "支出": "收入",
    "收入": "支出",
    "出口": "进口",
    "进口": "出口",
    "贷款": "存款",
    "存款": "贷款",
}
#: Where the noun after a count ends: the verb or function word that follows it.
_RIGHT_STOP_RE = re.compile(
    r"全部|得到|圆满|入住|按|顺利|实现|完成|获得|获|年?人均|均|已|被|通过|纳入|正式|成功|建成|开工|落地|投入|参加"
    r"|参与|受益|确保|在|和|与|及|等|完工|全面|相继|陆续|先后|分别|达到|达|共|累计|列入|进入|签约|有序|得以"
    r"|正在|基本|进行|开展|实施|实行|给予|发放|落实|推行|用于|用来|将|要|的"
)
_CHANGE_VERB_RE = re.compile(
    r"(?:大幅|进一步|再|又|已|逐步|分别|累计|同比)?"  # 从520项大幅压减至210项: an adverb before the verb
    r"(?:增长|增加|增至|提高|提升|上升|升至|跃升|攀升|下降|减少|降低|降至|减至|压减|压缩|精简|削减|缩减|缩短|回落|达到|突破|超过)"
)
_YEAR_RE = re.compile(r"(?<![\d比较与同是于由从\-—~])((?:19|20)\d{2})年(?!以来|来|起|至|到|[\-—~]|\d{1,2}月)")
_RIGHT_MAX = 12
#: A noun naming a facility or project right after a measure: the measure is its capacity, part of its name.
_FACILITY_RE = re.compile(rf"[{_HAN}]{{0,8}}?(?:储备库|生产线|项目|电站|基地|仓库|工厂|厂)")
#: A year of comparison (比2012年, 较2015年底): a change since then.
_BASE_YEAR_RE = re.compile(r"(?:比|较)((?:19|20)\d{2})年")
#: A clause naming the year compared with (与2009年新区成立时相比,).
_BASE_CLAUSE_RE = re.compile(r"(?:与|同)((?:19|20)\d{2})年[^,，;；。]{0,12}?(?:相比|比较)[,，]")
_START_YEAR_RE = re.compile(r"[由从]((?:19|20)\d{2})年(?:底|末)?的?$")
#: The year another starting value of the sentence names (由2015年的52亿元…,税收收入由3.1亿元…).
_NAMED_START_YEAR_RE = re.compile(r"[由从]((?:19|20)\d{2})年(?:底|末)?的?[\d.]")
#: A review of a five-year term (过去五年, 五年来, 十三五时期); not a period named as a base (是“十二五”时期的).
_FIVE_YEARS_RE = re.compile(r"五年|(?<![是比较于“])(?<![是比较于]“)十[一二三四五六七八九]五")
#: A five-year period named for a figure; one after 是/比/较 is a base of comparison (是“十一五”末的2.6倍).
_PERIOD_RE = re.compile(r"([是比较]?)[“\"]?(十[一二三四五六七八九])五(?:”|\")?(?:时期|期间|期末|末)")
#: The verb of a rank after the list it is taken in (十强县中排名第二).
_RANK_VERB_TAIL_RE = re.compile(r"中?(?:排名|排位|位列|位居|名列|居)$")
_ORDINAL_TAIL_RE = re.compile(r"第[\d一二三四五六七八九十]+[位名]?$|第一$|冠军$|亚军$|季军$")
#: Clauses that compare the figure before them and leave it the subject (高于全省平均水平).
_COMPARISON_RE = re.compile(r"(?:分别|均|都|增速|增幅)?(?:高于|低于|快于|慢于|好于|优于|超过|超出|比|较)")
#: A verb of spending alone before an amount, and the works it is spent on after it.
_SPENDING_RE = re.compile(
    r"(?:[\d一二三四五六七八九十两]+年)?(投入|投资|安排|筹集|拨付|下达)(?:资金|财政资金|专项资金)?"
)
_PURPOSE_RE = re.compile(
    r"(?:用于|开展|实施|推进|支持)([\u4e00-\u9fff]{2,10}?)(?:工作|项目)?(?=[,，;；。]|$)"
)
#: Verbs of entering a named list or winning a place in it (跻身全国百强区第13位, 荣获…联赛第三名).
_ENTERED_RE = re.compile(r"(?:跻身|荣获|勇夺|夺得|获得|获评|评为|入选|进入|入围|位列|名列)$")
#: The suffix of a region's name (深圳市 → 深圳, 龙华区 → 龙华).
_REGION_SUFFIX_RE = re.compile("(?:省|市|区|县|新区|自治州|自治县|旗)$")
#: The region speaking of itself as the subject of a rank.
_SELF_RE = re.compile(r"(?:我|本|全)[省市区县州旗盟镇乡]")
#: A list or ranking named as the setting of a rank: 在“…”名单中, 在…考核中.
#: The time some works took (仅用3天建成…, 5个月完成…, 138天…动工), named after the works and 用时.
#: Rows: the verb of works done, whether the name keeps it (完成 and 实现 only say the works are done), an example.
TIME_TAKEN_VERBS: tuple[tuple[str, bool, str], ...] = (
    ("完成", False, "100天完成乙湖景观提升 → 乙湖景观提升用时 100 天"),
    ("实现", False, "8个月实现丙园区全面运营 → 丙园区全面运营用时 8 个月"),
    ("建成", True, "仅用5天时间建成甲检测实验室 → 甲检测实验室建成用时 5 天"),
    ("开工", True, "仅用20天开工丁疫苗基地 → 丁疫苗基地开工用时 20 天"),
    ("动工", True, "138天戊中心首栋建筑动工 → 戊中心首栋建筑动工用时 138 天"),
    ("投产", True, "己项目仅用14个月投产 → 己项目投产用时 14 个月"),
    ("通车", True, "庚大桥历时30个月通车 → 庚大桥通车用时 30 个月"),
    ("竣工", True, "辛馆用时10个月竣工 → 辛馆竣工用时 10 个月"),
    ("完工", True, "壬路仅用17个月就基本完工 → 壬路完工用时 17 个月"),
    ("启用", True, "癸站仅用9天启用 → 癸站启用用时 9 天"),
    ("签约", True, "仅用1个月签约子项目 → 子项目签约用时 1 个月"),
)
_TIME_TAKEN_UNITS = frozenset({"天", "个月"})
_TOOK_RE = re.compile(r"(?:仅仅|仅|只|共)?(?:用了?|用时|历时|耗时)(?:不到|近)?$")
_DONE_VERBS = "|".join(verb for verb, _kept, _example in TIME_TAKEN_VERBS)
_DONE_AFTER_RE = re.compile(rf"(?:的?时间)?[就即便]?(?:高标准|高质量|全面|基本|顺利|率先)?({_DONE_VERBS})了?")
_DONE_AT_END_RE = re.compile(rf"[{_HAN}]{{2,}}?({_DONE_VERBS})$")
_KEPT_VERBS = frozenset(verb for verb, kept, _example in TIME_TAKEN_VERBS if kept)
_LIST_BEFORE_RE = re.compile(r"在([^,，;；。:：]{2,40}?)中[,，]?$")
_SCOPE_WORD_RE = re.compile(rf"^{SCOPE_WORDS}")


@dataclass(frozen=True)
class _Segment:
    """What the words before a figure say: indicator, its offset, verb class, qualifier, list mode."""

    indicator: str
    offset: int
    verb: str
    verb_class: str
    prequal: str | None
    mode: str | None
    average: bool = False
    base_year: int | None = None
    cumulative: bool = False


def extract_observations(doc: Document) -> tuple[Observation, ...]:
    """Every quantitative statement of ``doc``, sorted by evidence span, indicator and kind.

    >>> from kg.ingest import ingest_text
    >>> doc = ingest_text("一、2019年工作回顾\\n全年实现地区生产总值98.3亿元,增长7.5%,增速排名全市第一。")
    >>> [(o.indicator, o.value, o.unit, o.year, o.kind, o.qualifier) for o in extract_observations(doc)]
    [('地区生产总值', 98.3, '亿元', 2019, 'actual', None), ('地区生产总值', 7.5, '%', 2019, 'growth', None), \
('地区生产总值增速', 1.0, '', 2019, 'rank', '全市第一')]
    """
    found: set[Observation] = set()
    carried = None
    for sentence in doc.sentences:
        if sentence.part in _SKIPPED_PARTS:
            continue
        year = sentence.year if sentence.year is not None else doc.year
        if year is None:
            continue
        figures = find_figures(sentence.text)  # read once: for the sentence and for the one after it
        observed = _sentence_observations(doc, sentence, year, figures, carried)
        found.update(observed)
        if not figures:
            carried = _carried_subject(sentence.text)
        else:  # …GDP增长3.5%；总量达到4702亿元: a clause after ； goes on with the subject of the one before
            carried = _first_subject(observed) if sentence.text.endswith(("；", ";")) else None
    kept = _without_passed_thresholds(found)
    return tuple(sorted(kept, key=lambda o: (o.start, o.end, o.indicator, o.kind, o.value, o.unit)))


def _without_passed_thresholds(found: Iterable[Observation]) -> list[Observation]:
    """Drop a threshold passed (突破四千亿元大关) when the report gives the exact figure of the same
    indicator, year and kind (达4018.3亿元, 约4020亿元; under any of its names, :func:`canonical`):
    the exact one is the figure; a threshold alone stays.

    >>> def obs(value, qualifier): return Observation("产值", value, "亿元", 2020, "actual", 0, 0, 1, qualifier)
    >>> [o.value for o in _without_passed_thresholds([obs(4000, "突破"), obs(4018.3, None)])]
    [4018.3]
    >>> [o.value for o in _without_passed_thresholds([obs(4000, "突破")])]
    [4000]
    """
    found = list(found)
    exact = {_figure_key(o) for o in found if o.qualifier in _EXACT}
    return [o for o in found if o.qualifier not in _PASSED or _figure_key(o) not in exact]


def _figure_key(o: Observation) -> tuple:
    """What two figures must share to state the same fact: indicator (canonical when it has one),
    year, kind and dimension of the unit."""
    named = canonical(o.indicator)
    return (named.name if named else o.indicator, o.year, o.kind, _dimension(o.unit))


def _first_subject(observed: list[Observation]) -> str | None:
    """The first indicator of a sentence's observations that is not a rank nor relative, or None.

    >>> _first_subject([Observation("GDP", 3.5, "%", 2022, "growth", 0, 0, 1)])
    'GDP'
    """
    return next((o.indicator for o in observed if o.kind != "rank" and not _relative(o.indicator)), None)


def _carried_subject(text: str) -> str | None:
    """The indicator a sentence without figures names last, for a next sentence that opens without
    a subject (``…推动地区生产总值跨上新台阶。2024年达到1.3万亿元``), or None.

    >>> _carried_subject("推动全县生产总值跨上新台阶。"), _carried_subject("经济运行稳中向好。")
    ('地区生产总值', None)
    """
    named = last_named(text)
    return _clean_indicator(named)[0] if named else None


def _sentence_observations(
    doc: Document, sentence: Sentence, year: int, figures: list[Figure], carried: str | None = None
) -> list[Observation]:
    """The observations of one sentence, reading its ``figures`` left to right; ``carried`` is the
    subject the sentence before left open (:func:`_carried_subject`)."""
    text = sentence.text
    recent: list[tuple[str, str]] = []  # (indicator, unit dimension) named so far, for ellipsis and lists
    out: list[Observation] = []
    prev_end = 0
    for group in _groups(text, figures):
        first = group[0]
        seg_start = max(prev_end, _clause_start(text, first.start))
        elliptic = first.kind != "rank" or _rank_follows_figure(text[prev_end:seg_start])
        prev_start, prev_end = prev_end, group[-1].end
        if first.kind == "ratio":
            out.extend(_ratio_observations(doc, sentence, year, first, seg_start))
            continue
        took = _time_taken(text, first, seg_start) if len(group) == 1 else None
        if took:  # 仅用3天时间建成某实验室: the time the works took
            name, end = took
            seg = _Segment(name, 0, "", "", None, None)
            out.append(_observation(doc, sentence, year, first, name, seg, seg_start, (name, end)))
            continue
        if len(group) == 1 and _names_a_facility(text, first):
            continue  # 20万吨粮食储备库: a capacity inside a project's name
        milestone = first.kind == "number" and bool(_MILESTONE_AFTER_RE.match(text, group[-1].end))
        right = _right_indicator(text, first) if len(group) == 1 and first.kind == "number" else None
        if right and (
            milestone or (text.startswith("的", first.end) and _states_a_level(text[seg_start : first.start]))
        ):
            right = None  # 经济总量超过60万亿元的高基数, 3000亿元的跨越: the figure is its subject's, 的 a modifier
        context = text[seg_start : first.start] + (right[0] if right else "")
        group = [_money_unit(figure, context) for figure in group]
        if right:
            names, seg = [right[0]], _Segment(right[0], 0, "", "", None, None)
            _remember(recent, [right[0]], first.unit)
            span_start = first.start
        else:
            seg = _parse_segment(text[seg_start : first.start], rank=first.kind == "rank")
            if milestone and seg.prequal is None:
                # 实现了3000亿元的跨越: a threshold passed, no figure reached
                seg = replace(seg, prequal="跨越")
            seg = replace(seg, indicator=_without_own_region(doc, seg.indicator))
            if (
                first.kind == "rank"
                and _rank_scope(first)
                and _ENTERED_RE.search(text, seg_start, first.start)
            ):
                # 某队荣获全国甲级联赛第三名: the rank is in the league named
                seg = replace(seg, indicator="")
            if first.kind == "rank" and _self_reference(doc, seg.indicator):
                listed, list_start = _ranked_list(text[: seg_start + seg.offset])
                if not listed and not _rank_scope(first):
                    continue  # 我区位列第79位 in a list the sentence does not name
                seg = replace(seg, indicator=listed, offset=list_start - seg_start)
            span_start = seg_start + seg.offset
            if not seg.indicator and not recent and first.kind == "number":
                subject = _clause_subject(text, seg_start, prev_start)
                if subject:  # 全县GDP突破百亿元大关,达109亿元: the figure is the subject's
                    _remember(recent, [subject[0]], "")
                    span_start = subject[1]
                elif carried and seg_start == 0:
                    _remember(recent, [carried], "")  # the subject of the sentence before
            elif carried and not recent and seg_start == 0 and _relative(seg.indicator):
                _remember(recent, [carried], "")  # 总量达到4702亿元: the total of the subject before
            purpose = _spent_on(seg.indicator, text, group[-1].end) if len(group) == 1 else None
            if purpose:  # 投入137亿元开展水污染治理: the money is the works' spending
                seg = replace(seg, indicator=purpose)
            names = _names(seg, group, recent, elliptic)
        if names and first.kind != "rank" and all(name in _RELATIVE for name in names):
            continue  # 每增长1个百分点的增量: a relative noun measuring nothing named (增速全市第一 ranks the region's)
        if not names or (seg.verb_class == "from" and not _start_year(doc, sentence, first.start)):
            continue
        group = [_money_unit(figure, "".join(names)) for figure in group]
        for figure, name in _pairs(group, names):
            out.append(_observation(doc, sentence, year, figure, name, seg, span_start, right))
    return out


def _time_taken(text: str, figure: Figure, seg_start: int) -> tuple[str, int] | None:
    """The name of the time some works took (:data:`TIME_TAKEN_VERBS`) when ``figure`` (days, months)
    is one, and where its evidence ends: the works named after the verb, or before the figure (仅用…
    after the works), or the works and verb after a figure opening its clause.

    >>> t = "仅用5天时间建成甲检测实验室,保障了通行"
    >>> _time_taken(t, find_figures(t)[0], 0)
    ('甲检测实验室建成用时', 14)
    >>> t = "壬路仅用17个月就基本完工"
    >>> _time_taken(t, find_figures(t)[0], 0)
    ('壬路完工用时', 13)
    >>> t = "新建乙路、138天戊中心首栋建筑动工"
    >>> _time_taken(t, find_figures(t)[0], 0)
    ('戊中心首栋建筑动工用时', 18)
    >>> t = "空气优良天数达到320天"
    >>> _time_taken(t, find_figures(t)[0], 0) is None
    True
    """
    if figure.unit not in _TIME_TAKEN_UNITS:
        return None
    before = text[seg_start : figure.start]
    before = before[before.rfind("、") + 1 :]
    took = _TOOK_RE.search(before)
    if not took and before:
        return None
    stop = re.search(r"[、,，;；:：。!！?？…]|\.\.", text[figure.end :])
    end = figure.end + (stop.start() if stop else len(text) - figure.end)
    rest = text[figure.end : end]
    done = _DONE_AFTER_RE.match(rest)
    subject = _clean_indicator(before[: took.start()])[0] if took else ""
    if not done:  # 某项目从立项到入库仅用时2个月; 138天某中心首栋建筑动工
        named = (
            subject if took and not rest else rest if not before and _DONE_AT_END_RE.fullmatch(rest) else ""
        )
        return (named + "用时", end) if len(named) >= 2 else None
    works = re.sub(rf"^(?:{_DONE_VERBS})?了?", "", rest[done.end() :])  # 建成启用了某实验室
    works = works.rsplit("的", 1)[-1] if re.search(r"\d", works) else works  # 两轮600万人次的核酸检测
    works = re.sub(r"[\d.]+[^\d]{0,2}$", "", works)  # 签约项目273个: the count is a figure of its own
    if re.search(r"\d", works):
        return None
    if len(works) >= 2:
        return works + (done.group(1) if done.group(1) in _KEPT_VERBS else "") + "用时", end
    return (subject + done.group(1) + "用时", end) if len(subject) >= 2 else None


def _spent_on(indicator: str, text: str, end: int) -> str | None:
    """The spending on the works named after an amount (``投入137亿元开展水污染治理`` →
    水污染治理投入) when the words before it are only the verb of spending, else None.

    >>> t = "五年投入137亿元开展水污染治理,成效明显"
    >>> _spent_on("投入", t, 9), _spent_on("财政投入", t, 9), _spent_on("投入", "投入5亿元,", 5)
    ('水污染治理投入', None, None)
    """
    verb = _SPENDING_RE.fullmatch(indicator)
    works = _PURPOSE_RE.match(text, end)
    return f"{works.group(1)}{verb.group(1)}" if verb and works else None


def _without_own_region(doc: Document, indicator: str) -> str:
    """``indicator`` without the report's own region named before it (深圳本市生产总值 → 本市生产总值).

    >>> _without_own_region(Document("", (), (), region="深圳市"), "深圳本市生产总值")
    '本市生产总值'
    >>> _without_own_region(Document("", (), (), region="深圳市"), "深圳湾公园")
    '深圳湾公园'
    """
    region = doc.region
    for name in (region, _REGION_SUFFIX_RE.sub("", region)):
        if len(name) >= 2 and indicator.startswith(name):
            rest = indicator[len(name) :]
            if _SCOPE_LEAD_RE.match(rest) or rest.startswith(("本", "地区", "生产总值", "GDP")):
                return rest
    return indicator


def _states_a_level(seg: str) -> bool:
    """Whether the words before a figure name an indicator and a level it reached (经济总量超过).

    >>> _states_a_level("在我国经济总量超过"), _states_a_level("新建"), _states_a_level("完成")
    (True, False, False)
    """
    parsed = _parse_segment(seg)
    return len(parsed.indicator) >= 2 and (parsed.verb_class == "level" or parsed.prequal is not None)


def _clause_subject(text: str, seg_start: int, floor: int) -> tuple[str, int] | None:
    """The subject of the clause before the one at ``seg_start``, when that clause has no figure
    and states a level its subject reached (``全县GDP突破百亿元大关,``), and where it starts.

    >>> t = "预计:全县GDP突破百亿元大关,达109亿元"
    >>> _clause_subject(t, 16, 0), _clause_subject("经济运行稳中向好,增长7%", 9, 0)
    (('GDP', 5), None)
    >>> _clause_subject("文化产业加快发展,增长20.5%", 9, 0), _clause_subject("全区生产总值高位竞进,超过6500亿元", 11, 0)
    (('文化产业', 0), ('全区生产总值', 0))
    >>> _clause_subject("今年经济增长的调控目标,定为8%", 12, 0)
    ('经济增长的调控目标', 2)
    """
    if seg_start < 1 or text[seg_start - 1] not in ",，":
        return None
    start = _clause_start(text, seg_start - 1)
    if start < floor:
        return None
    verb = _LEVEL_CLAUSE_RE.search(text, start, seg_start - 1)
    if not verb:  # 本地生产总值高位竞进,超过6500亿元: a clause opened by a statistical indicator
        named = _canonical_opening().match(text, start, seg_start - 1)
        if named:
            return named.group(1), named.start(1)
        whole, offset = _clean_indicator(text[start : seg_start - 1])  # 经济增长速度的调控目标,定为8%
        return (whole, start + offset) if canonical(whole) else None
    indicator, offset = _clean_indicator(text[start : verb.start()])
    return (indicator, start + offset) if len(indicator) >= 2 else None


def _groups(text: str, figures: list[Figure]) -> list[list[Figure]]:
    """Runs of figures of one kind with nothing but 、/和 (or nothing: lost punctuation) between them.

    >>> [[f.value for f in g] for g in _groups("增长7.1%6.3%", find_figures("增长7.1%6.3%"))]
    [[7.1, 6.3]]
    """
    groups: list[list[Figure]] = []
    for figure in figures:
        last = groups[-1][-1] if groups else None
        joined = (
            last is not None
            and last.kind == figure.kind != "ratio"
            and (last.start == figure.start or re.fullmatch(r"[、和及与]?", text[last.end : figure.start]))
            and (_dimension(last.unit) == "%") == (_dimension(figure.unit) == "%")
            and _right_indicator(text, figure) is None
        )
        if joined:
            groups[-1].append(figure)
        else:
            groups.append([figure])
    return groups


def _clause_start(text: str, pos: int) -> int:
    """Offset just after the last clause break before ``pos``.

    >>> _clause_start("甲,乙丙", 3)
    2
    """
    last = _TO_LAST_BREAK_RE.match(text[:pos])
    return last.end() if last else 0


def _parse_segment(seg: str, rank: bool = False) -> _Segment:
    """Split the words before a figure into indicator, verb class, qualifier and list mode.

    A list without 分别/均 keeps only its last item, except before a ``rank`` when the items
    before the last are modifiers sharing its head (``财政、税收收入总量``: both rank).

    >>> s = _parse_segment("城乡居民人均可支配收入分别达到")
    >>> (s.indicator, s.verb_class, s.mode)
    ('城乡居民人均可支配收入', 'level', 'respectively')
    >>> s = _parse_segment("各类市场主体已超过")
    >>> (s.indicator, s.prequal)
    ('各类市场主体', '超过')
    >>> s = _parse_segment("财政、税收收入总量保持", rank=True)
    >>> (s.indicator, s.mode)
    ('财政、税收收入总量', 'each')
    """
    verb, verb_class, prequal, mode, average, base_year, cumulative = "", "", None, None, False, None, False
    rest = _NUMBER_LIST_TAIL_RE.sub("", seg)  # 跨越3000、4000亿元: the numbers before the figure share it
    while match := _TAIL_RE.search(rest):
        cls = match.lastgroup
        base = _BASE_YEAR_RE.match(match.group(0))
        if cls == "adverb" and base:
            base_year = int(base.group(1))
        if cls == "adverb" and match.group(0) == "累计" and verb_class in ("up", "down"):
            cumulative = True  # 累计增长38.7%: a change over several years
        if cls == "adverb" and match.group(0) in _AVERAGE_WORDS and verb_class == "up":
            average = True
            rest = _AVERAGE_PERIOD_RE.sub("", rest[: match.start()])
            continue
        if cls == "pre" and prequal is None:
            prequal = match.group(0)
        elif cls in ("each", "respectively"):
            mode = cls
        elif cls in ("level", "up", "down", "from") and not verb_class:
            verb, verb_class = match.group(0), cls
        rest = rest[: match.start()]
    if mode is None and rank and _measures_listed(rest):
        mode = "each"  # 发明专利量和专利申请量居全市首位: the rank is each one's
    elif mode is None and "、" in rest:
        *heads, last = rest.split("、")
        if rank and all(len(h) <= 2 for h in heads) and len(last) > 2:
            mode = "each"
        else:
            rest = last
    if verb_class == "level" and rest.endswith("人均"):
        rest = rest[:-2]
    indicator, offset = _clean_indicator(rest)
    offset += len(seg) - len(seg.lstrip(",、和及与 "))
    return _Segment(
        indicator,
        offset if indicator else len(seg) - len(seg.lstrip(",、 ")),
        verb,
        verb_class,
        prequal,
        mode,
        average,
        base_year,
        cumulative,
    )


#: The last characters of a measure's name (总量, 金额, 增加值, 人数, 增长率, 收入, 规模, 比重, 综合实力).
_MEASURE_END_RE = re.compile(r"[量额值数率入出模重力]$")


def _measures_listed(words: str) -> bool:
    """True when ``words`` list two or more measures (发明专利量、专利申请量), every item named as one.

    >>> _measures_listed("发明专利量、专利申请量"), _measures_listed("深入推进改革、营商环境")
    (True, False)
    """
    items = re.split("[、和及与]", _TRAILING_YEAR_RE.sub("", words))
    return len(items) > 1 and all(len(item) >= 2 and _MEASURE_END_RE.search(item) for item in items)


#: An assessment a rank is won in (在全市片区绩效考核中获得): its name, without the scope (全国 stays: 全国百强县排名).
_ASSESSED_IN_RE = re.compile(
    rf"在(?:全省|全市|全区|全县)?([^在,，;；。]{{2,30}}?(?:{ASSESSMENTS}))中?(?:获得?|荣获)?$"
)


def _clean_indicator(text: str) -> tuple[str, int]:
    """The indicator in ``text`` without framing words, and the offset where it starts.

    >>> _clean_indicator("全年民生支出"), _clean_indicator("第三产业实现增加值")
    (('民生支出', 2), ('第三产业增加值', 0))
    >>> _clean_indicator("风险排查扎实有效成功处置电信诈骗案")
    ('处置电信诈骗案', 10)
    >>> _clean_indicator("新招募“协管员”"), _clean_indicator("国内生产总值2000年")
    (('协管员', 3), ('国内生产总值', 0))
    >>> _clean_indicator("这是在全县经济总量")[0], _clean_indicator("专利申请量连续多年")[0]
    ('经济总量', '专利申请量')
    >>> _clean_indicator("提前完成“十四五”规划地区生产总值")[0]
    '地区生产总值'
    >>> _clean_indicator("白鹭新城在全市片区绩效考核中")
    ('片区绩效考核', 7)
    """
    assessed = _ASSESSED_IN_RE.search(text)
    if assessed:  # 甲新城在全市片区考核中(获得): the assessment is what the rank is of
        return assessed.group(1), assessed.start(1)
    offset = 0
    cut = None
    for match in _INNER_CUT_RE.finditer(text):
        if len(text) - match.end() >= 2:
            cut = match.end()
    acted = None
    for match in _ADVERBIAL_RE.finditer(text):
        if len(text) - match.end() >= 2 and match.end() > (cut or 0):
            cut = acted = match.end()
    if cut is not None:
        offset, text = cut, text[cut:]
    lead = _LEAD_RE.match(text)
    scoped = bool(lead and _SCOPE_LEAD_RE.search(lead.group()))
    if lead:
        offset, text = offset + lead.end(), text[lead.end() :]
    quoted = _QUOTED_OBJECT_RE.match(text)
    if quoted:
        offset, text = offset + quoted.start(1) - 1, quoted.group(1)
    verb = _LEAD_VERB_RE.match(text)
    if verb and len(text) - verb.end() >= 3:
        offset, text = offset + verb.end(), text[verb.end() :]
    text = re.sub("(?<=排名|排序|评比|考核|测评)中$", "", text.replace("实现", "").strip("的"))
    text = _TRAILING_YEAR_RE.sub("", text) or text  # 国内生产总值2000年达…: the year is the figure's
    text = _TRAILING_PART_OF_YEAR_RE.sub("", text)  # GDP增速一季度-9.9%: the part of the year leads the name
    works = _WORKS_RE.match(text)
    if works:  # 改造城镇老旧小区 → 城镇老旧小区改造, the statistical name of the works
        text = works.group(2) + works.group(1)
    if scoped and text == "生产总值":
        text = "地区生产总值"
    return (_without_place(text) if acted else text), offset


def _without_place(phrase: str) -> str:
    """A verb phrase (verb of two characters, then its object) without the province or city its
    verb is directed to: 调拨甲市防疫物资 → 调拨防疫物资.

    >>> _without_place("调拨武汉防疫物资"), _without_place("新增就业岗位")
    ('调拨防疫物资', '新增就业岗位')
    """
    places = _places_regex().match(phrase, _VERB_LEN)
    if places and len(phrase) - places.end() >= 2:
        return phrase[:_VERB_LEN] + phrase[places.end() :]
    return phrase


@lru_cache(maxsize=1)
def _canonical_opening() -> re.Pattern[str]:
    """A clause opened by a canonical indicator, no figure in it (全区生产总值高位竞进,)."""
    return re.compile("(" + names_pattern() + r")[\u4e00-\u9fff]{2,8}$")


@lru_cache(maxsize=1)
def _places_regex() -> re.Pattern[str]:
    """Provinces and cities by full or short name (湖南省, 湖南), longest first."""
    names = {name for name, (_, level) in divisions().items() if level != "county"} | set(division_shorts())
    return re.compile("|".join(sorted(names, key=lambda n: (-len(n), n))))


def _rank_follows_figure(gap: str) -> bool:
    """Whether a rank with no subject of its own reads as the rank of the figure before it.

    ``gap`` is the text between that figure and the rank's clause: nothing but breaks, or
    clauses of comparison (``,高于全省平均水平,``). Another clause between them (``,能耗提前
    完成任务,居全市第一``) has its own subject, and the rank is not the figure's.

    >>> _rank_follows_figure(","), _rank_follows_figure(",高于全省1.2个百分点,"), _rank_follows_figure(",能耗完成任务,")
    (True, True, False)
    """
    clauses = re.split(f"[{_CLAUSE_BREAKS}]", gap)
    return all(not re.search(f"[{_HAN}]", c) or _COMPARISON_RE.match(c) for c in clauses)


def _self_reference(doc: Document, indicator: str) -> bool:
    """Whether ``indicator`` is the reporting region itself (我区, 本县, the region's name).

    >>> _self_reference(Document("", (), (), region="甲乙县"), "我县"), _self_reference(Document("", (), ()), "增速")
    (True, False)
    """
    region = doc.region
    short = _REGION_SUFFIX_RE.sub("", region)
    return bool(_SELF_RE.fullmatch(indicator)) or (
        len(indicator) >= 2 and (region.endswith(indicator) or short.endswith(indicator))
    )


def _ranked_list(before: str) -> tuple[str, int]:
    """The list or ranking named just before the region's rank (``在…名单中,``) and where it starts.

    >>> _ranked_list("甲,在年度“全国营商环境百强县”名单中,"), _ranked_list("在2018年全省县域经济考核中,")
    (('全国营商环境百强县', 2), ('全省县域经济考核', 0))
    >>> _ranked_list("经济运行平稳,")
    ('', 7)
    """
    match = _LIST_BEFORE_RE.search(before)
    if not match:
        return "", len(before)
    name = match.group(1)
    quoted = re.search(r"[“\"]([^”\"]{2,})[”\"]", name)
    if quoted:
        return quoted.group(1), match.start()
    name = re.sub(r"^(?:(?:19|20)\d{2}年度?|年度|本年度)", "", name)
    return re.sub("(?:名单|榜单|排行榜)$", "", name), match.start()


def _relative(indicator: str) -> bool:
    """Whether ``indicator`` measures something named before it (增速, 占…的比重, 占全市的 …)."""
    return indicator in _RELATIVE or indicator.startswith("占")


def _names(seg: _Segment, group: list[Figure], recent: list[tuple[str, str]], elliptic: bool) -> list[str]:
    """Indicator names for the figures of ``group`` (one each, or several for one figure under 均).

    ``recent`` holds the indicators named so far in the sentence; new ones are added to it.
    ``elliptic`` says whether a figure with no noun of its own may take the last of them.
    """
    n, first = len(group), group[0]
    if not seg.indicator:
        if first.kind == "rank" and _rank_scope(first):
            return [_rank_scope(first)] * n
        if not recent or not elliptic:
            return []
        if n > 1 and len(recent) >= n:
            return [b for b, _ in recent[-n:]]
        base, dim = recent[-1]
        if first.kind == "number" and not _compatible(dim, _dimension(first.unit)):
            return []
        return [base]
    mode = seg.mode or ("respectively" if n > 1 and first.kind == "rank" else None)
    items = _split_list(seg.indicator, n, mode)
    if all(_relative(item) for item in items):
        if len(items) == 1 and len(recent) >= n > 1:
            return [b + _joinable(items[0]) for b, _ in recent[-n:]]
        base = recent[-1][0] if recent else ""
        return [_on_base(base, item) for item in items]
    _remember(recent, items, first.unit)
    return items


def _on_base(base: str, relative: str) -> str:
    """A relative noun joined to the indicator it measures (GDP + 增速), once (GDP增速 + 增速).

    >>> _on_base("GDP", "增速"), _on_base("GDP增速", "增速"), _on_base("", "占比")
    ('GDP增速', 'GDP增速', '占比')
    """
    if not base or base.endswith(_joinable(relative)):
        return base or relative
    return base + _joinable(relative)


def _joinable(relative: str) -> str:
    """A relative noun ready to follow its base: 占财政总支出的比重 → 占财政总支出比重."""
    return relative.replace("的", "")


def _rank_scope(figure: Figure) -> str:
    """The list a rank is in, when it names more than a region: 全国百强县第11位 → 全国百强县.

    >>> _rank_scope(find_figures("跻身全国百强县第11位")[0]), _rank_scope(find_figures("位列全省第5位")[0])
    ('全国百强县', '')
    >>> _rank_scope(find_figures("在全省十强县中排名第二")[0])
    '全省十强县'
    """
    scope = _RANK_VERB_TAIL_RE.sub("", _ORDINAL_TAIL_RE.sub("", figure.qualifier or ""))
    return scope if len(_SCOPE_WORD_RE.sub("", scope)) >= 2 else ""


def _split_list(indicator: str, n: int, mode: str | None) -> list[str]:
    """The indicators of a coordinated list (``A、B和C`` under 分别/均; ``城乡…`` into two).

    >>> _split_list("政务服务事项网上发布率和审批率", 1, "each")
    ['政务服务事项网上发布率', '政务服务事项网上审批率']
    >>> _split_list("城、乡居民人均可支配收入", 2, "respectively")
    ['城镇居民人均可支配收入', '农村居民人均可支配收入']
    >>> _split_list("规上工业增加值、固投增速", 2, "respectively")
    ['规上工业增加值增速', '固投增速']
    """
    if mode is None:
        return [indicator]
    for key in _COORDINATED:  # 城、乡居民…, 进、出口总额: the pair written apart is the pair
        indicator = re.sub(f"^{key[0]}[、和及与]{key[1:]}", key, indicator)
    items = [i for i in re.split("[、和及与]", indicator) if i]
    for j, item in enumerate(items[1:], start=1):  # 一般公共预算收入和支出: 支出 is the budget's too
        counterpart = _COUNTERPARTS.get(item)
        if counterpart and items[0].endswith(counterpart) and len(items[0]) > len(counterpart):
            items[j] = items[0][: -len(counterpart)] + item
    if len(items) == 1 and ((n == 2 and mode == "respectively") or mode == "each"):
        for key, (a, b) in _COORDINATED.items():
            if key in indicator:
                return [indicator.replace(key, a, 1), indicator.replace(key, b, 1)]
    last, first = items[-1], items[0]
    for i, item in enumerate(items[:-1]):
        if len(item) <= 2 and len(last) > len(item) + 1:
            items[i] = item + last[len(item) :]
    for j, item in enumerate(items[1:], start=1):  # 网上受理率、办结率: a short item shares the first's words
        if len(item) <= 4 and len(item) < len(first) and item[-1] == first[-1]:
            items[j] = first[: len(first) - len(item)] + item
    shared = next((r for r in _RELATIVE if last.endswith(r) and len(last) > len(r)), None)
    if shared and last.endswith("年均" + shared):
        shared = "年均" + shared  # GDP、投资年均增长率: both are averages
    if shared:  # 规上工业增加值、固投增速: the relative noun of the last item is shared by all
        items = [item if item.endswith(shared) else item + shared for item in items]
    return items


def _pairs(group: list[Figure], names: list[str]) -> list[tuple[Figure, str]]:
    """Pair figures with names by position; one name for all figures, or one figure for all names."""
    if len(names) == len(group):
        return list(zip(group, names))
    if len(group) == 1:
        return [(group[0], name) for name in names]
    return [(figure, names[0]) for figure in group]


def _remember(recent: list[tuple[str, str]], names: list[str], unit: str) -> None:
    """Record ``names`` as the latest indicators of the sentence (most recent last); a multiple (倍)
    says nothing of the indicator's own unit."""
    dimension = _dimension(unit)
    for name in names:
        entry = (name, "" if dimension == "倍" else dimension)
        recent[:] = [r for r in recent if r[0] != name] + [entry]


def _dimension(unit: str) -> str:
    """What a unit measures, its scale ignored: ``"money"``, ``"%"``, ``""`` for bare counts, or itself.

    >>> _dimension("亿元"), _dimension("万平方米"), _dimension("")
    ('money', '平方米', '')
    """
    base = re.sub(r"^(?:万亿|千万|百万|亿|万|千)", "", unit) if unit not in ("千米", "千克", "千瓦") else unit
    if base in MONEY_UNITS or base.startswith("元"):
        return "money"
    if base in PERCENT_UNITS or base in POINT_UNITS:
        return "%"
    return base


def _compatible(base: str, current: str) -> bool:
    """Whether a figure measured in ``current`` can belong to an indicator last seen in ``base``."""
    return not base or not current or base == current or "%" in (base, current) or current == "倍"


#: Nouns of an aim after 的 (1250亿元的目标): they name no indicator.
_AIM_NOUNS = frozenset({"目标", "任务", "目标任务", "水平", "规模", "大关", "台阶"})


def _right_indicator(text: str, figure: Figure) -> tuple[str, int] | None:
    """The noun after a count (``6家小化工厂全部关停``) or after 的, and where it ends.

    >>> t = "30余个历史遗留问题得到妥善解决"
    >>> _right_indicator(t, find_figures(t)[0])
    ('历史遗留问题', 10)
    >>> t = "对12家印染企业约谈了负责人"
    >>> _right_indicator(t, find_figures(t)[0])
    ('印染企业', 8)
    """
    rest = text[figure.end :]
    unit = re.sub(r"^(?:万亿|千万|百万|亿|万|千)", "", figure.unit)
    offset = 0
    if rest.startswith("的"):
        offset = 1
    elif unit not in COUNT_UNITS or not re.match(f"[{_HAN}]", rest):
        return None
    run = re.match(f"[{_HAN}]{{1,{_RIGHT_MAX}}}", rest[offset:])
    if not run:
        return None
    noun = run.group(0)
    if _CHANGE_VERB_RE.match(noun):
        return None  # 由278项精简到96项: a verb follows the count, not its noun
    done = noun.find("了", 3)
    if done > 0:  # 对34家企业约谈了: the two characters before 了 are the verb
        noun = noun[: done - 2]
    stop = _RIGHT_STOP_RE.search(noun, 1)
    if stop:
        noun = noun[: stop.start()]
    if len(noun) < 2 or (offset and noun in _AIM_NOUNS):
        return None  # 完成地区生产总值1250亿元的目标: the aim is the indicator's before the figure
    return noun, figure.end + offset + len(noun)


def _names_a_facility(text: str, figure: Figure) -> bool:
    """Whether a measure is part of a facility's or project's name (``20万吨粮食储备库``,
    ``26.9万千瓦光伏项目``): the noun after it ends in a facility word. Counts and money are figures.

    >>> t = "建成10万吨冷链物流基地,新增仓容5万吨"
    >>> [_names_a_facility(t, f) for f in find_figures(t)]
    [True, False]
    """
    dimension = _dimension(figure.unit)
    if figure.kind != "number" or dimension in ("money", "%", "", "倍") or dimension in COUNT_UNITS:
        return False
    return bool(_FACILITY_RE.match(text, figure.end))


#: Indicators of output, counted in money (经济总量, 地区生产总值, 工业增加值).
_OUTPUT_RE = re.compile(r"生产总值|经济总量|GDP|增加值|总产值")


def _money_unit(figure: Figure, context: str) -> Figure:
    """``figure`` with 元 added to a bare scale (万, 亿) when ``context`` speaks of money.

    >>> _money_unit(find_figures("投入4500万用于")[0], "财政投入").unit
    '万元'
    >>> _money_unit(find_figures("迈过千亿大关")[0], "经济总量").unit
    '亿元'
    """
    if figure.unit in ("万", "亿", "千万", "万亿") and (
        MONEY_CONTEXT_RE.search(context) or _OUTPUT_RE.search(context)
    ):
        # 投入4500万, 生产总值突破千亿: the 元 is often left out
        return replace(figure, unit=figure.unit + "元")
    return figure


def _kind(figure: Figure, seg: _Segment, name: str, target: bool) -> str:
    """The observation kind of ``figure`` stated with ``seg`` under indicator ``name``."""
    if target:
        return "target"
    if figure.kind == "rank":
        return "rank"
    unit = figure.unit
    if unit in POINT_UNITS or (unit == "倍" and seg.verb_class in ("up", "down")):
        return "growth"
    if (figure.qualifier or "").startswith("翻"):
        return "growth"  # 翻番, 翻了两倍: a doubling is a change
    if unit == "倍":
        return "share"
    if unit in PERCENT_UNITS:
        if seg.verb_class in ("up", "down") or _growth_rate(name):
            return "growth"
        return "share"
    return "actual"


def _growth_rate(name: str) -> bool:
    """Whether ``name`` is a rate of change; a natural growth rate (人口自然增长率) is a level.

    >>> _growth_rate("地区生产总值增速"), _growth_rate("人口自然增长率")
    (True, False)
    """
    return name.endswith(("增速", "增幅", "增长率")) and not name.endswith("自然增长率")


def _observation(
    doc: Document,
    sentence: Sentence,
    year: int,
    figure: Figure,
    name: str,
    seg: _Segment,
    span_start: int,
    right: tuple[str, int] | None,
) -> Observation:
    """Build one observation with its evidence span in document offsets."""
    unit = figure.unit
    amount = figure.kind == "number" and _dimension(unit) not in ("%", "倍")
    start_year = _start_year(doc, sentence, figure.start) if seg.verb_class == "from" else None
    fig_year = (
        start_year
        or _explicit_year(sentence.text, figure.start)
        or _period_year(sentence, figure.start, year)
    )
    past = doc.year is not None and fig_year < doc.year  # 1986年…增加到9380亿元 in a plan: reported, no aim
    target = (
        not start_year
        and not past
        and (sentence.part == "plan" or (doc.year is not None and fig_year > doc.year))
    )
    falling_rate = seg.verb_class == "down" and not target and (unit in PERCENT_UNITS or unit in POINT_UNITS)
    base = seg.base_year or _base_clause_year(sentence.text, span_start)
    doubled = (figure.qualifier or "").startswith("翻")
    changed = seg.verb_class in ("up", "down") or unit == "倍" or doubled  # not a level reached since
    if base is not None and base < fig_year - 1 and figure.kind == "number" and changed:
        name = f"{name}比{base}年"  # 比2005年增长86%: a change over several years, not the year's
    elif doubled:
        name = f"{name}翻番"  # 经济总量翻一番: a change over years (+100 %), not the year's growth
    elif seg.cumulative and not amount:
        name = f"{name}累计{seg.verb}"  # 累计增长38.7%: a change over several years
    if (seg.verb_class == "down" and not falling_rate) or (seg.verb_class == "up" and amount):
        name = name + seg.verb
    elif seg.average and not amount:
        # 年均增长7.9%: the average yearly growth of a period, an indicator of its own, not one year's growth.
        name = name + "年均增长"
    part_of_year = _part_of_year(sentence.text, figure.start)
    if part_of_year:  # 进出口总额(1-11月): the part of the year leads the name, as everywhere
        name = name.replace(f"({part_of_year})", "")
    if part_of_year and part_of_year not in name:
        name = part_of_year + name  # 一季度GDP下降7.4%: a figure of part of the year, or per unit of land
    end = right[1] if right else figure.end
    start = sentence.start + min(span_start, figure.start)
    return Observation(
        indicator=name,
        value=-figure.value if falling_rate else figure.value,
        unit=unit,
        year=fig_year,
        kind=_kind(figure, seg, name, target),
        sentence=sentence.index,
        start=start,
        end=sentence.start + end,
        qualifier=seg.prequal or figure.qualifier or ("年均" if seg.average else None),
        text=doc.text[start : sentence.start + end],
    )


def _base_clause_year(text: str, pos: int) -> int | None:
    """The year a clause before ``pos`` in the sentence compares with (``与2009年相比,``), or None.

    >>> _base_clause_year("与2009年新区成立时相比,地区生产总值增长108.3%", 14)
    2009
    """
    found = list(_BASE_CLAUSE_RE.finditer(text, 0, _clause_start(text, pos)))
    return int(found[-1].group(1)) if found else None


def _part_of_year(text: str, pos: int) -> str | None:
    """The part of the year (一季度, 上半年, 1-5月) or the unit of land (每平方公里) the words before
    ``pos`` speak of, unless 全年 follows it; else None.

    >>> t = "全区经济在一季度跌入谷底,GDP同比下降7.4%,全年增长1.5%"
    >>> _part_of_year(t, t.index("7.4")), _part_of_year(t, t.index("1.5")), _part_of_year("增长5%", 2)
    ('一季度', None, None)
    """
    found = list(_PART_OF_YEAR_RE.finditer(text, 0, pos))
    if not found or "全年" in text[found[-1].end() : pos]:
        return None
    return found[-1].group()


def _explicit_year(text: str, pos: int) -> int | None:
    """The year named for the figure at ``pos``: in its clause, or as the topic of the sentence (``2017年,``).

    Years of comparison (``比2015年``), dates (``2018年5月``), starting points (``2016年以来``) and
    years inside another clause (``在2018年完成…的基础上,``) do not count.

    >>> _explicit_year("2017年,全区实现", 9), _explicit_year("比2015年增长", 8), _explicit_year("2018年5月,新增", 10)
    (2017, None, None)
    >>> _explicit_year("在2018年建成的基础上,新增", 14)
    """
    clause = _clause_start(text, pos)
    years = [
        int(m.group(1))
        for m in _YEAR_RE.finditer(text, 0, pos)
        if m.start() >= clause or text[m.end() : m.end() + 1] in tuple(_CLAUSE_BREAKS)
    ]
    return years[-1] if years else None


def _start_year(doc: Document, sentence: Sentence, pos: int) -> int | None:
    """The year of a starting value (``由A增加到B``: A) just before ``pos``, or None.

    Its own year when written (``由2015年的121.5亿元``); in the review part, without one, the year
    the review compares with: the start year another starting value of the sentence names, else
    the year before the period reviewed — five years back when its paragraph or its headings speak
    of five years (过去五年, 十三五时期), one year back otherwise. A plan's starting value is not a
    figure of its own (its year is not said).

    >>> review = Sentence(0, "由2015年的121.5亿元增加到", 0, 17, None, 2020, "review")
    >>> doc = Document("", (review,), ())
    >>> _start_year(doc, review, 7), _start_year(doc, replace(review, text="由3.2%降至"), 1)
    (2015, 2019)
    >>> _start_year(doc, replace(review, text="五年来,由3.2%降至"), 5)
    2015
    >>> _start_year(doc, replace(review, text="由3.2%降至", part="plan"), 1)
    """
    text = sentence.text
    match = _START_YEAR_RE.search(text, 0, pos)
    if match:
        return int(match.group(1))
    compared = _base_clause_year(text, pos)
    if compared is not None:  # 1986年同1978年相比,国民生产总值由3480亿元增加到…
        return compared
    if sentence.part != "review" or sentence.year is None:
        return None
    paragraph = _paragraph(doc, sentence) + text
    named = _NAMED_START_YEAR_RE.search(
        paragraph, max(paragraph.rfind("。", 0, len(paragraph) - len(text)) + 1, 0)
    )
    if named:  # in the sentence, or in a clause before it up to the last full stop (；-separated)
        return int(named.group(1))
    return sentence.year - (5 if _speaks_of_five_years(doc, sentence, paragraph) else 1)


def _paragraph(doc: Document, sentence: Sentence) -> str:
    """The text of ``sentence``'s paragraph before it (empty when the sentence opens its paragraph)."""
    return doc.text[doc.text.rfind("\n", 0, sentence.start) + 1 : sentence.start]


def _speaks_of_five_years(doc: Document, sentence: Sentence, paragraph: str) -> bool:
    """Whether the ``paragraph`` of ``sentence`` or the nearest heading above it that names a period
    speaks of five years.

    >>> s = Sentence(0, "过去五年,收入由3亿元增加到5亿元", 0, 17, None, 2020, "review")
    >>> _speaks_of_five_years(Document("", (s,), ()), s, s.text)
    True
    """
    if _FIVE_YEARS_RE.search(paragraph):
        return True
    index = sentence.section
    while index is not None:
        title = doc.sections[index].title
        if _FIVE_YEARS_RE.search(title):
            return True
        if _YEAR_RE.search(title):
            return False  # 2020年工作回顾: one year
        index = doc.sections[index].parent
    return False


def _period_year(sentence: Sentence, pos: int, year: int) -> int:
    """The last year of a five-year period named before ``pos`` (十三五时期 → 2020), else ``year``.

    A review cannot speak of years after its own (a 2019 review of 十三五时期 stops at 2019); a plan
    speaks of the period's end.

    >>> plan = Sentence(0, "十四五时期,年均增长6%", 0, 13, None, 2021, "plan")
    >>> _period_year(plan, 10, 2021), _period_year(replace(plan, part="review", year=2019), 10, 2019)
    (2025, 2019)
    """
    periods = [m for m in _PERIOD_RE.finditer(sentence.text, 0, pos) if not m.group(1)]
    if not periods:
        return year
    # The n-th plan (n ≥ 3) runs 1966+5(n−3) … 1970+5(n−3): 十三五 is 2016–2020.
    end = 1970 + 5 * (int(parse_number(periods[-1].group(2))) - 3)
    return end if sentence.part == "plan" else min(end, year)


def _ratio_observations(
    doc: Document, sentence: Sentence, year: int, figure: Figure, seg_start: int
) -> list[Observation]:
    """The three shares of a 三次产业结构 ratio (8.5:40.2:51.3); other ratios are not reported."""
    if len(figure.values) != 3 or "产业" not in sentence.text[seg_start : figure.start]:
        return []
    start, end = sentence.start + seg_start, sentence.start + figure.end
    kind = "target" if sentence.part == "plan" else "share"
    return [
        Observation(
            f"第{ordinal}产业占比",
            value,
            "%",
            year,
            kind,
            sentence.index,
            start,
            end,
            None,
            doc.text[start:end],
        )
        for ordinal, value in zip("一二三", figure.values)
    ]
