"""Observations from hand-written sentences in the genre's style (no figure from a real report)."""

from kg.extract.observations import extract_observations
from kg.ingest import ingest_text
from kg.types import Document, Sentence

REVIEW = "一、2019年工作回顾\n"
PLAN = "二、2020年工作安排\n"


def _obs(text):
    """(indicator, value, unit, year, kind, qualifier) of every observation of ``text``."""
    return [(o.indicator, o.value, o.unit, o.year, o.kind, o.qualifier) for o in _observations(text)]


def _observations(text):
    return extract_observations(ingest_text(text))


def test_level_elliptic_growth_and_rank():
    assert _obs(REVIEW + "全县实现地区生产总值98.3亿元,增长7.5%,增速排名全市第一。") == [
        ("地区生产总值", 98.3, "亿元", 2019, "actual", None),
        ("地区生产总值", 7.5, "%", 2019, "growth", None),
        ("地区生产总值增速", 1.0, "", 2019, "rank", "全市第一"),
    ]


def test_level_verb_after_indicator_and_comparison_words():
    assert _obs(REVIEW + "社会消费品零售总额完成86.2亿元,比上年增长10.1%,总量排名城区第二。") == [
        ("社会消费品零售总额", 86.2, "亿元", 2019, "actual", None),
        ("社会消费品零售总额", 10.1, "%", 2019, "growth", None),
        ("社会消费品零售总额总量", 2.0, "", 2019, "rank", "城区第二"),
    ]


def test_change_of_an_amount_names_the_verb():
    assert _obs(REVIEW + "财政总收入完成12.5亿元,同比增收2.1亿元。") == [
        ("财政总收入", 12.5, "亿元", 2019, "actual", None),
        ("财政总收入增收", 2.1, "亿元", 2019, "actual", None),
    ]


def test_indicator_in_the_previous_clause_with_share_change():
    assert _obs(REVIEW + "第三产业实现增加值60.4亿元,占比提高0.5个百分点。") == [
        ("第三产业增加值", 60.4, "亿元", 2019, "actual", None),
        ("第三产业增加值占比", 0.5, "个百分点", 2019, "growth", None),
    ]


def test_respectively_list_with_coordinated_modifier():
    assert _obs(REVIEW + "城乡居民人均可支配收入分别达到31200元、16500元,分别增长7%、8.5%。") == [
        ("城镇居民人均可支配收入", 31200.0, "元", 2019, "actual", None),
        ("农村居民人均可支配收入", 16500.0, "元", 2019, "actual", None),
        ("城镇居民人均可支配收入", 7.0, "%", 2019, "growth", None),
        ("农村居民人均可支配收入", 8.5, "%", 2019, "growth", None),
    ]


def test_respectively_list_with_shortened_first_item_and_lost_comma():
    assert _obs(REVIEW + "城镇、农村居民人均可支配收入分别达到3.1万元、1.6万元,增长7%8.5%。") == [
        ("城镇居民人均可支配收入", 3.1, "万元", 2019, "actual", None),
        ("农村居民人均可支配收入", 1.6, "万元", 2019, "actual", None),
        ("城镇居民人均可支配收入", 7.0, "%", 2019, "growth", None),
        ("农村居民人均可支配收入", 8.5, "%", 2019, "growth", None),
    ]


def test_two_levels_then_two_growths_paired_by_position_and_rank_list():
    text = REVIEW + "新注册企业850家、个体工商户2100家,分别增长12.5%、9.8%,增速排名全市第一、第二。"
    assert _obs(text) == [
        ("新注册企业", 850.0, "家", 2019, "actual", None),
        ("个体工商户", 2100.0, "家", 2019, "actual", None),
        ("新注册企业", 12.5, "%", 2019, "growth", None),
        ("个体工商户", 9.8, "%", 2019, "growth", None),
        ("个体工商户增速", 2.0, "", 2019, "rank", "全市第二"),
        ("新注册企业增速", 1.0, "", 2019, "rank", "全市第一"),
    ]


def test_one_indicator_two_figures_in_different_units():
    assert _obs(REVIEW + "建档立卡贫困户已脱贫560户、1730人。") == [
        ("建档立卡贫困户已脱贫", 560.0, "户", 2019, "actual", None),
        ("建档立卡贫困户已脱贫", 1730.0, "人", 2019, "actual", None),
    ]


def test_ranks_ordinal_number_and_double_first():
    text = (
        REVIEW + "县域经济综合实力位列全省第5位,跻身全国百强县第11位；增速和总量实现全市双第一,居全省前列。"
    )
    assert _obs(text) == [
        ("县域经济综合实力", 5.0, "", 2019, "rank", "全省第5位"),
        ("全国百强县", 11.0, "", 2019, "rank", "全国百强县第11位"),
        ("增速", 1.0, "", 2019, "rank", "全市第一"),
        ("总量", 1.0, "", 2019, "rank", "全市第一"),
    ]


def test_rank_of_an_indicator_kept_for_several_years():
    assert _obs(REVIEW + "安全生产考核连续五年排名全市第一。") == [
        ("安全生产考核", 1.0, "", 2019, "rank", "全市第一"),
    ]


def test_targets_in_the_plan_part_with_qualifiers():
    text = PLAN + (
        "主要预期目标是:地区生产总值增长7%左右,规模以上工业增加值增长8%以上,"
        "城镇登记失业率控制在4.5%以内,新增城镇就业2500人以上。"
    )
    assert _obs(text) == [
        ("地区生产总值", 7.0, "%", 2020, "target", "左右"),
        ("规模以上工业增加值", 8.0, "%", 2020, "target", "以上"),
        ("城镇登记失业率", 4.5, "%", 2020, "target", "以内"),
        ("新增城镇就业", 2500.0, "人", 2020, "target", "以上"),
    ]


def test_target_for_a_later_year_named_in_the_sentence():
    assert _obs(PLAN + "到2022年,全县地区生产总值突破400亿元。") == [
        ("地区生产总值", 400.0, "亿元", 2022, "target", "突破"),
    ]


def test_decrease_is_named_in_the_indicator_with_a_positive_value():
    assert _obs(PLAN + "确保会议和文件减少30%以上。") == [
        ("会议和文件减少", 30.0, "%", 2020, "target", "以上"),
    ]
    assert _obs(REVIEW + "单位GDP能耗下降3.2%。") == [("单位GDP能耗", -3.2, "%", 2019, "growth", None)]


def test_shares_rates_and_each_list():
    text = REVIEW + (
        "全年空气优良天数312天,同比增长3.1%,优良率85.2%。"
        "民生支出9.6亿元,占财政总支出的比重达75.3%。"
        "政务服务事项网上受理率和办结率均达100%。"
    )
    assert _obs(text) == [
        ("空气优良天数", 312.0, "天", 2019, "actual", None),
        ("空气优良天数", 3.1, "%", 2019, "growth", None),
        ("优良率", 85.2, "%", 2019, "share", None),
        ("民生支出", 9.6, "亿元", 2019, "actual", None),
        ("民生支出占财政总支出比重", 75.3, "%", 2019, "share", None),
        ("政务服务事项网上办结率", 100.0, "%", 2019, "share", None),
        ("政务服务事项网上受理率", 100.0, "%", 2019, "share", None),
    ]


def test_chinese_numerals_and_money_with_implied_yuan():
    text = (
        REVIEW + "各类市场主体已超过两万户,新增就业1.2万人。区级财政投入三千万元,再安排4500万用于道路改造。"
    )
    assert _obs(text) == [
        ("各类市场主体", 2.0, "万户", 2019, "actual", "超过"),
        ("新增就业", 1.2, "万人", 2019, "actual", None),
        ("区级财政投入", 3000.0, "万元", 2019, "actual", None),
        ("区级财政投入", 4500.0, "万元", 2019, "actual", None),
    ]


def test_count_before_its_noun():
    assert _obs(REVIEW + "6家小化工厂全部关停,30余个历史遗留问题得到妥善解决。") == [
        ("小化工厂", 6.0, "家", 2019, "actual", None),
        ("历史遗留问题", 30.0, "个", 2019, "actual", "余"),
    ]


def test_numbers_inside_names_give_no_observation():
    text = REVIEW + (
        "推行1+3工作模式,创建3A级景区,12345热线办理工作连续三年获市先进,打好三大攻坚战,"
        "举办第六届艺术节,6月底前完成二期工程,庆祝建国70周年,企业退休人员养老金实现十四连调。"
    )
    assert _obs(text) == []


def test_years_of_comparison_and_from_to():
    text = (
        REVIEW
        + "2018年,全县实现财政总收入20亿元。五年来,地区生产总值是2015年的1.5倍。贫困发生率由3.2%降至0.5%。"
    )
    assert _obs(text) == [
        ("财政总收入", 20.0, "亿元", 2018, "actual", None),
        ("地区生产总值", 1.5, "倍", 2019, "share", None),
        ("贫困发生率", 0.5, "%", 2019, "share", None),
    ]


def test_five_year_review_from_to_with_years_and_average_growth():
    text = REVIEW + "过去五年,全市地区生产总值由2014年的900亿元增加到2019年的1350亿元,年均增长8.4%。"
    assert _obs(text) == [
        ("地区生产总值", 900.0, "亿元", 2014, "actual", None),
        ("地区生产总值", 1350.0, "亿元", 2019, "actual", None),
        ("地区生产总值", 8.4, "%", 2019, "growth", None),
    ]


def test_comparison_with_a_wider_region_belongs_to_the_indicator():
    assert _obs(REVIEW + "规模以上工业增加值增长9.1%,高于全省平均水平1.2个百分点。") == [
        ("规模以上工业增加值", 9.1, "%", 2019, "growth", None),
        ("规模以上工业增加值", 1.2, "个百分点", 2019, "growth", None),
    ]


def test_three_sector_structure_gives_three_shares():
    assert _obs(REVIEW + "三次产业结构调整为8.5:40.2:51.3。") == [
        ("第一产业占比", 8.5, "%", 2019, "share", None),
        ("第三产业占比", 51.3, "%", 2019, "share", None),
        ("第二产业占比", 40.2, "%", 2019, "share", None),
    ]


def test_traditional_characters_through_ingest():
    assert _obs(REVIEW + "全縣實現地區生產總值98.3億元，增長7.5%，增速排名全市第一。") == [
        ("地区生产总值", 98.3, "亿元", 2019, "actual", None),
        ("地区生产总值", 7.5, "%", 2019, "growth", None),
        ("地区生产总值增速", 1.0, "", 2019, "rank", "全市第一"),
    ]


def test_evidence_spans_point_into_the_document_text():
    doc = ingest_text(REVIEW + "全县实现地区生产总值98.3亿元,增长7.5%。")
    spans = [(o.text, doc.text[o.start : o.end], o.sentence) for o in extract_observations(doc)]
    assert spans == [("地区生产总值98.3亿元", "地区生产总值98.3亿元", 1), ("增长7.5%", "增长7.5%", 1)]


def test_glossary_and_front_matter_are_skipped_and_sentence_year_is_used():
    text = "全县地区生产总值98.3亿元。新增学位900个。"
    sentences = (
        Sentence(0, "全县地区生产总值98.3亿元。", 0, 15, None, 2019, "front"),
        Sentence(1, "新增学位900个。", 15, 24, None, 2018, "review"),
    )
    doc = Document(text=text, sentences=sentences, sections=(), year=2019)
    assert [(o.indicator, o.value, o.year, o.kind) for o in extract_observations(doc)] == [
        ("新增学位", 900.0, 2018, "actual")
    ]


def test_output_is_sorted_and_deterministic():
    text = REVIEW + "实施重点项目45个,完成投资60.2亿元；引进项目12个,总投资30.5亿元。"
    first, second = _observations(text), _observations(text)
    assert first == second
    assert [(o.indicator, o.value) for o in first] == [
        ("重点项目", 45.0),
        ("完成投资", 60.2),
        ("引进项目", 12.0),
        ("引进项目总投资", 30.5),
    ]
    assert [o.start for o in first] == sorted(o.start for o in first)
