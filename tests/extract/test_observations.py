"""Observations from hand-written sentences in the genre's style (no figure from a real report)."""

import pytest

from kg.extract.observations import TIME_TAKEN_VERBS, extract_observations
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
        ("贫困发生率", 3.2, "%", 2014, "share", None),  # the paragraph speaks of five years
        ("贫困发生率", 0.5, "%", 2019, "share", None),
    ]


def test_five_year_review_from_to_with_years_and_average_growth():
    text = REVIEW + "过去五年,全市地区生产总值由2014年的900亿元增加到2019年的1350亿元,年均增长8.4%。"
    assert _obs(text) == [
        ("地区生产总值", 900.0, "亿元", 2014, "actual", None),
        ("地区生产总值", 1350.0, "亿元", 2019, "actual", None),
        ("地区生产总值年均增长", 8.4, "%", 2019, "growth", "年均"),
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


DECEMBER = "——2020年12月28日在某县第十七届人民代表大会第五次会议上\n一、2020年和“十三五”时期工作回顾\n"


def test_five_year_review_in_a_december_report():
    text = DECEMBER + (
        "十三五时期,全县地区生产总值年均增长7.5%,五年累计完成固定资产投资1200亿元,"
        "一般公共预算收入比2015年增长45%,城镇居民人均可支配收入是2015年的1.5倍。"
        "预计全年实现地区生产总值320亿元,增长3%左右；税收收入预计完成18.6亿元。"
    )
    assert _obs(text) == [
        ("地区生产总值年均增长", 7.5, "%", 2020, "growth", "年均"),
        ("固定资产投资", 1200.0, "亿元", 2020, "actual", None),
        ("一般公共预算收入比2015年", 45.0, "%", 2020, "growth", None),  # a change over five years
        ("城镇居民人均可支配收入", 1.5, "倍", 2020, "share", None),
        ("地区生产总值", 320.0, "亿元", 2020, "actual", None),
        ("地区生产总值", 3.0, "%", 2020, "growth", "左右"),
        ("税收收入", 18.6, "亿元", 2020, "actual", None),
    ]


def test_five_year_plan_targets_are_for_the_last_year_of_the_period():
    text = "二、2021年工作安排\n十四五时期,地区生产总值年均增长6.5%左右,常住人口城镇化率达到65%。"
    assert _obs(text) == [
        ("地区生产总值年均增长", 6.5, "%", 2025, "target", "左右"),
        ("常住人口城镇化率", 65.0, "%", 2025, "target", None),
    ]


def test_start_value_with_its_year_or_the_year_before_the_review_and_a_year_opening_a_clause():
    text = REVIEW + (
        "外贸进出口总额由2014年的8.2亿美元增加到15.6亿美元。"
        "实际利用外资年均增长9.1%,2018年达到3.4亿美元。市级审批事项由260项精简到88项。"
    )
    assert _obs(text) == [
        ("外贸进出口总额", 8.2, "亿美元", 2014, "actual", None),
        ("外贸进出口总额", 15.6, "亿美元", 2019, "actual", None),
        ("实际利用外资年均增长", 9.1, "%", 2019, "growth", "年均"),
        ("实际利用外资", 3.4, "亿美元", 2018, "actual", None),
        ("市级审批事项", 260.0, "项", 2018, "actual", None),
        ("市级审批事项", 88.0, "项", 2019, "actual", None),
    ]


def test_ranges_and_approximations():
    text = PLAN + (
        "地区生产总值增长6%—6.5%,固定资产投资增长6%-7%,居民消费价格涨幅控制在3.5%以内,"
        "粮食产量不低于50万吨,新增市场主体近1.5万户,实际利用外资约3.2亿美元,旅游人次逾800万人次。"
    )
    assert _obs(text) == [
        ("地区生产总值", 6.0, "%", 2020, "target", "6%—6.5%"),
        ("固定资产投资", 6.0, "%", 2020, "target", "6%-7%"),
        ("居民消费价格涨幅", 3.5, "%", 2020, "target", "以内"),
        ("粮食产量", 50.0, "万吨", 2020, "target", "不低于"),
        ("新增市场主体", 1.5, "万户", 2020, "target", "近"),
        ("实际利用外资", 3.2, "亿美元", 2020, "target", "约"),
        ("旅游人次", 800.0, "万人次", 2020, "target", "逾"),
    ]


def test_comparison_below_a_wider_average_and_per_mille():
    assert _obs(REVIEW + "城镇登记失业率3.2%,低于全省平均水平0.5个百分点；人口出生率8.6‰。") == [
        ("城镇登记失业率", 3.2, "%", 2019, "share", None),
        ("城镇登记失业率", 0.5, "个百分点", 2019, "growth", None),
        ("人口出生率", 8.6, "‰", 2019, "share", None),
    ]


def test_units_of_the_genre():
    text = REVIEW + (
        "港口集装箱吞吐量达到42万标箱,全社会用电量38.6亿千瓦时,新增装机容量12万千瓦,粮食总产量26.8万吨,"
        "油料产量3.1亿斤。完成造林4.5万亩,治理水土流失面积32平方公里,新增湿地1200公顷,新增养老床位800张,"
        "改造棚户区35万平方米,人均可支配收入3.5万元/人,实际利用外资8600万美元,受理专利申请1250件,"
        "企业开办时间压缩至0.5个工作日。"
    )
    assert _obs(text) == [
        ("港口集装箱吞吐量", 42.0, "万标箱", 2019, "actual", None),
        ("全社会用电量", 38.6, "亿千瓦时", 2019, "actual", None),
        ("新增装机容量", 12.0, "万千瓦", 2019, "actual", None),
        ("粮食总产量", 26.8, "万吨", 2019, "actual", None),
        ("油料产量", 3.1, "亿斤", 2019, "actual", None),
        ("完成造林", 4.5, "万亩", 2019, "actual", None),
        ("治理水土流失面积", 32.0, "平方公里", 2019, "actual", None),
        ("新增湿地", 1200.0, "公顷", 2019, "actual", None),
        ("新增养老床位", 800.0, "张", 2019, "actual", None),
        ("棚户区改造", 35.0, "万平方米", 2019, "actual", None),
        ("人均可支配收入", 3.5, "万元/人", 2019, "actual", None),
        ("实际利用外资", 8600.0, "万美元", 2019, "actual", None),
        ("受理专利申请", 1250.0, "件", 2019, "actual", None),
        ("企业开办时间", 0.5, "个工作日", 2019, "actual", None),
    ]


def test_chinese_numerals_tenths_and_doubling():
    text = REVIEW + (
        "全年完成固定资产投资一百二十三亿元,民营经济占比超过三成,新增就业1.2万余人,引进十余家企业,"
        "数十家企业落户,十项民生实事全面完成。全县经济总量实现翻一番,城乡居民收入比2010年翻两番。"
    )
    assert _obs(text) == [
        ("固定资产投资", 123.0, "亿元", 2019, "actual", None),
        ("民营经济占比", 3.0, "成", 2019, "share", "超过"),
        ("新增就业", 1.2, "万人", 2019, "actual", "余"),
        ("企业", 10.0, "家", 2019, "actual", "余"),
        ("经济总量翻番", 100.0, "%", 2019, "growth", "翻一番"),
        ("城乡居民收入比2010年", 300.0, "%", 2019, "growth", "翻两番"),
    ]


def test_ranks_rank_changes_and_ranks_without_a_number():
    text = REVIEW + (
        "县域经济综合实力位居全省第三,在全国百强县排名中前移2位,进入全国百强县第56位,"
        "稳居全省第一方阵,多项指标排名全市前列。"
    )
    assert _obs(text) == [
        ("县域经济综合实力", 3.0, "", 2019, "rank", "全省第三"),
        ("全国百强县排名前移", 2.0, "位", 2019, "actual", None),
        ("全国百强县", 56.0, "", 2019, "rank", "全国百强县第56位"),
    ]


def test_lists_with_respectively_and_and_and_each():
    text = REVIEW + (
        "规模以上工业增加值、固定资产投资和社会消费品零售总额分别增长8.5%、10.2%和9.1%。"
        "城镇和农村低保标准分别提高到每月620元、450元。脱贫户家庭户均增收2600元。"
    )
    assert _obs(text) == [
        ("规模以上工业增加值", 8.5, "%", 2019, "growth", None),
        ("固定资产投资", 10.2, "%", 2019, "growth", None),
        ("社会消费品零售总额", 9.1, "%", 2019, "growth", None),
        ("城镇低保标准", 620.0, "元", 2019, "actual", None),
        ("农村低保标准", 450.0, "元", 2019, "actual", None),
        ("脱贫户家庭户均增收", 2600.0, "元", 2019, "actual", None),
    ]


def test_numbers_inside_names_dates_and_sizes_are_not_observations():
    text = REVIEW + (
        "圆满完成两会保障,十四五规划编制完成,2023年3月建成投用,举办第十九届运动会,出台“3个20条”,构建1+3体系,"
        "推行24小时自助服务,地铁3号线开通,G60科创走廊加快建设,开工建设110千伏输变电工程,500千伏变电站扩建,"
        "出台促进民营经济高质量发展30条,引进某某公司年产5万吨锂电材料项目。"
    )
    assert _obs(text) == []
    assert _obs(REVIEW + "新建5G基站600个,新增4A级景区2家,全年引进超10亿元项目8个。") == [
        ("新建5G基站", 600.0, "个", 2019, "actual", None),
        ("新增4A级景区", 2.0, "家", 2019, "actual", None),
        ("引进超10亿元项目", 8.0, "个", 2019, "actual", None),
    ]


def test_planned_decrease_and_amounts_that_fall():
    text = PLAN + "一般性支出压减5%以上,工程建设项目审批时间压缩至60个工作日以内,计划总投资186亿元。"
    assert _obs(text) == [
        ("一般性支出压减", 5.0, "%", 2020, "target", "以上"),
        ("工程建设项目审批时间", 60.0, "个工作日", 2020, "target", "以内"),
        ("计划总投资", 186.0, "亿元", 2020, "target", None),
    ]


def test_shortened_list_shares_its_relative_noun_and_a_multiple_after_a_verb_is_growth():
    text = REVIEW + "规上工业增加值、固投增速分别为8.1%、10.3%。出口额增长1.2倍,每年安排专项资金500万元。"
    assert _obs(text) == [
        ("规上工业增加值增速", 8.1, "%", 2019, "growth", None),
        ("固投增速", 10.3, "%", 2019, "growth", None),
        ("出口额", 1.2, "倍", 2019, "growth", None),
        ("安排专项资金", 500.0, "万元", 2019, "actual", None),
    ]


def test_a_pair_written_apart_names_both_indicators():
    for pair in ("城、乡", "城乡", "城镇、农村", "城镇和农村"):
        assert _obs(PLAN + f"{pair}居民人均可支配收入分别增长7%、8.5%。") == [
            ("城镇居民人均可支配收入", 7.0, "%", 2020, "target", None),
            ("农村居民人均可支配收入", 8.5, "%", 2020, "target", None),
        ]
    assert _obs(REVIEW + "城乡居民人均可支配收入均增长6.2%,进、出口总额分别增长3%和5%。") == [
        ("农村居民人均可支配收入", 6.2, "%", 2019, "growth", None),
        ("城镇居民人均可支配收入", 6.2, "%", 2019, "growth", None),
        ("进口总额", 3.0, "%", 2019, "growth", None),
        ("出口总额", 5.0, "%", 2019, "growth", None),
    ]


def test_a_rank_without_subject_belongs_to_the_figure_of_the_clause_before():
    text = REVIEW + (
        "实际利用外资12亿美元,居全省第四；外贸进出口总额42亿元,高于全省平均水平,居全市第二；"
        "工业用电量控制在12.5亿千瓦时以内,单位生产总值能耗提前完成年度任务,居全市第一。"
    )
    assert _obs(text) == [
        ("实际利用外资", 12.0, "亿美元", 2019, "actual", None),
        ("实际利用外资", 4.0, "", 2019, "rank", "全省第四"),
        ("外贸进出口总额", 42.0, "亿元", 2019, "actual", None),
        ("外贸进出口总额", 2.0, "", 2019, "rank", "全市第二"),
        ("工业用电量", 12.5, "亿千瓦时", 2019, "actual", "以内"),
    ]


def test_the_regions_own_rank_takes_the_list_named_before_it():
    text = REVIEW + (
        "在年度“全国绿色发展百强县”名单中,我县位列第42位。在2018年全省县域经济考核中,本县排名第7位。"
        "我县排名第12位。"
    )
    found = _observations(text)
    assert [(o.indicator, o.value, o.kind, o.qualifier) for o in found] == [
        ("全国绿色发展百强县", 42.0, "rank", "第42位"),
        ("全省县域经济考核", 7.0, "rank", "第7位"),
    ]
    assert found[0].text == "在年度“全国绿色发展百强县”名单中,我县位列第42位"


def test_the_region_by_name_ranked_in_a_named_list():
    text = "甲乙县位列全国百强县第30位,甲乙县排名第9位。"
    doc = Document(
        text=text,
        sentences=(Sentence(0, text, 0, len(text), None, 2019, "review"),),
        sections=(),
        region="甲乙县",
        year=2020,
    )
    assert [(o.indicator, o.value, o.kind) for o in extract_observations(doc)] == [
        ("全国百强县", 30.0, "rank"),
    ]


def test_a_rank_of_modifiers_sharing_a_head_applies_to_each_and_verbs_leave_the_indicator():
    assert _obs(REVIEW + "财政、税收收入总量保持全市第二,一般公共预算收入同口径增长6.5%。") == [
        ("税收收入总量", 2.0, "", 2019, "rank", "全市第二"),
        ("财政收入总量", 2.0, "", 2019, "rank", "全市第二"),
        ("一般公共预算收入", 6.5, "%", 2019, "growth", None),
    ]
    assert _obs(REVIEW + "村级集体经济收入全部超过20万元。") == [
        ("村级集体经济收入", 20.0, "万元", 2019, "actual", "超过"),
    ]


def test_the_noun_after_a_count_ends_before_its_verb():
    assert _obs(REVIEW + "对12家印染企业实施了清洁生产审核,对46户困难家庭给予临时救助。") == [
        ("印染企业", 12.0, "家", 2019, "actual", None),
        ("困难家庭", 46.0, "户", 2019, "actual", None),
    ]


def test_provisional_and_scope_words_leave_the_indicator():
    assert _obs(
        REVIEW + "预料全县地区生产总值实现370亿元,同比增长12%。据初步统计全市规模以上工业增加值增长8%。"
    ) == [
        ("地区生产总值", 370.0, "亿元", 2019, "actual", None),
        ("地区生产总值", 12.0, "%", 2019, "growth", None),
        ("规模以上工业增加值", 8.0, "%", 2019, "growth", None),
    ]
    assert _obs(REVIEW + "全省高铁运营里程达到950公里,全市场主体增长5%。") == [
        ("高铁运营里程", 950.0, "公里", 2019, "actual", None),
        ("全市场主体", 5.0, "%", 2019, "growth", None),
    ]


def test_the_regions_output_under_its_scope_word_is_the_regional_output():
    assert _obs(REVIEW + "全区生产总值完成246.3亿元,增长6.1%；生产总值增长6%。") == [
        ("地区生产总值", 246.3, "亿元", 2019, "actual", None),
        ("地区生产总值", 6.1, "%", 2019, "growth", None),
        ("生产总值", 6.0, "%", 2019, "growth", None),
    ]


def test_a_subject_and_time_adverbial_leave_the_indicator_with_the_place_the_verb_goes_to():
    assert _obs(
        REVIEW + "岚峰公司在抗洪期间调运赣州救灾物资3.6万件。青石镇在改造过程中新增停车位200个。"
    ) == [
        ("调运救灾物资", 3.6, "万件", 2019, "actual", None),
        ("新增停车位", 200.0, "个", 2019, "actual", None),
    ]


def test_a_copy_whose_years_were_redacted_gives_no_observation():
    doc = ingest_text(
        "各位代表:\n现在,我代表安远县人民政府,向大会报告工作。\n20XX年工作回顾\n"
        "20XX年,全县预计实现地区生产总值88亿元,增长6.1%。三次产业比调整为11.8︰48.3︰39.9。"
    )
    assert doc.year is None
    assert extract_observations(doc) == ()


def test_five_year_change_and_a_combined_income_figure():
    text = "全市地区生产总值和一般公共预算收入较2015年分别增长31.2%、9%。城乡居民人均可支配收入2.61万元,年均增长7.1%。"
    assert _obs("一、2020年工作回顾\n" + text) == [
        ("地区生产总值比2015年", 31.2, "%", 2020, "growth", None),
        ("一般公共预算收入比2015年", 9.0, "%", 2020, "growth", None),
        ("城乡居民人均可支配收入", 2.61, "万元", 2020, "actual", None),
        ("城乡居民人均可支配收入年均增长", 7.1, "%", 2020, "growth", "年均"),
    ]


def test_trip_counts_take_their_noun_and_a_bound_one_is_no_count():
    text = "累计保障120架次国际包机降落任务,接待游客35万人次。获评全省唯一一个“绿色名城”。"
    assert _obs("一、2020年工作回顾\n" + text) == [
        ("国际包机降落任务", 120.0, "架次", 2020, "actual", None),
        ("接待游客", 35.0, "万人次", 2020, "actual", None),
    ]


def test_a_count_of_places_over_a_threshold_names_the_threshold_in_its_indicator():
    assert _obs("一、2020年工作回顾\n税收收入超5亿元的乡镇由3个增加到6个。") == [
        ("税收收入超5亿元的乡镇", 3.0, "个", 2019, "actual", None),
        ("税收收入超5亿元的乡镇", 6.0, "个", 2020, "actual", None),
    ]


def test_a_footnote_marker_after_a_quoted_term_is_no_figure_and_the_term_is_counted():
    assert _obs(PLAN + "聚焦“两不愁”[12],新招募“协管员”[13]120个。") == [
        ("协管员", 120.0, "个", 2020, "target", None),
    ]


def test_a_level_reached_in_one_clause_and_figured_in_the_next_is_the_subjects():
    text = "预计:全县GDP迈上新台阶,达52.3亿元、增长8.1%；一般公共预算收入3.05亿元、增长6.2%。"
    assert _obs("一、2020年工作回顾\n" + text) == [
        ("GDP", 52.3, "亿元", 2020, "actual", None),
        ("GDP", 8.1, "%", 2020, "growth", None),
        ("一般公共预算收入", 3.05, "亿元", 2020, "actual", None),
        ("一般公共预算收入", 6.2, "%", 2020, "growth", None),
    ]


def test_a_level_leapt_to_is_the_subjects_and_a_multiple_of_a_period_is_of_the_clause_subject():
    text = (
        "全市地区生产总值由2015年的52亿元跃升到2020年的98.6亿元,年均增长11.2%；"
        "税收收入由3.1亿元增加到6.4亿元,是“十二五”末的2.1倍；人口自然增长率控制在5.2‰以内。"
    )
    assert _obs("一、2020年工作回顾\n" + text) == [
        ("地区生产总值", 52.0, "亿元", 2015, "actual", None),
        ("地区生产总值", 98.6, "亿元", 2020, "actual", None),
        ("地区生产总值年均增长", 11.2, "%", 2020, "growth", "年均"),
        ("税收收入", 3.1, "亿元", 2015, "actual", None),
        ("税收收入", 6.4, "亿元", 2020, "actual", None),
        ("税收收入", 2.1, "倍", 2020, "share", None),
        ("人口自然增长率", 5.2, "‰", 2020, "share", "以内"),
    ]


def test_a_coordinated_pair_shares_its_modifier_and_a_capacity_in_a_project_name_is_no_figure():
    text = (
        "政府性基金收入和支出分别达3.2亿元、7.5亿元,分别增长4.1%、2.3%。"
        "新建年产8万吨饲料生产线,实施总容量12.5万千瓦风电项目3个,完成并网6.8万千瓦。"
    )
    assert _obs("一、2020年工作回顾\n" + text) == [
        ("政府性基金收入", 3.2, "亿元", 2020, "actual", None),
        ("政府性基金支出", 7.5, "亿元", 2020, "actual", None),
        ("政府性基金收入", 4.1, "%", 2020, "growth", None),
        ("政府性基金支出", 2.3, "%", 2020, "growth", None),
        ("风电项目", 3.0, "个", 2020, "actual", None),
        ("完成并网", 6.8, "万千瓦", 2020, "actual", None),
    ]


def test_average_yearly_growth_of_a_period_is_an_indicator_of_its_own():
    # 年均增长 is the average over the period, not the growth of the review year.
    assert _obs(REVIEW + "五年来,全县生产总值五年年均增长7.9%,一般公共预算收入年均增长10%。") == [
        ("地区生产总值年均增长", 7.9, "%", 2019, "growth", "年均"),
        ("一般公共预算收入年均增长", 10.0, "%", 2019, "growth", "年均"),
    ]
    assert _obs(PLAN + "十四五时期,地区生产总值年均增长6%左右。") == [
        ("地区生产总值年均增长", 6.0, "%", 2025, "target", "左右"),
    ]


def test_a_sentence_opening_without_subject_takes_the_indicator_the_sentence_before_named():
    text = REVIEW + "五年来,我们推动全县生产总值跨上新台阶。2019年达到320亿元、增长6.2%。"
    assert _obs(text) == [
        ("地区生产总值", 320.0, "亿元", 2019, "actual", None),
        ("地区生产总值", 6.2, "%", 2019, "growth", None),
    ]
    # Only a sentence without figures hands its subject on, and only to a clause without one.
    assert _obs(REVIEW + "全县生产总值增长6%。新增就业1.2万人。") == [
        ("地区生产总值", 6.0, "%", 2019, "growth", None),
        ("新增就业", 1.2, "万人", 2019, "actual", None),
    ]


def test_rates_spelled_out_and_spaced_digits_and_a_year_after_the_indicator():
    text = (
        "一、2000年工作回顾\n国内生产总值2000年达8900亿元,平均每年增长8.3%,比上年增长百分之八点一。\n"
        "二、2001年工作安排\n今年计划国内生产总值增长百分之七,经济增长速度7 %左右。"
    )
    assert _obs(text) == [
        ("国内生产总值", 8900.0, "亿元", 2000, "actual", None),
        ("国内生产总值年均增长", 8.3, "%", 2000, "growth", "年均"),
        ("国内生产总值", 8.1, "%", 2000, "growth", None),
        ("国内生产总值", 7.0, "%", 2001, "target", None),
        ("经济增长速度", 7.0, "%", 2001, "target", "左右"),
    ]


def test_targets_opened_inside_a_review_paragraph_are_the_plan_years():
    text = REVIEW + "全县增长了6%。\n建议今年的主要预期目标是:地区生产总值增长6.5%左右；城镇新增就业1万人。"
    assert _obs(text) == [
        ("地区生产总值", 6.5, "%", 2020, "target", "左右"),
        ("城镇新增就业", 1.0, "万人", 2020, "target", None),
    ]
    doc = ingest_text(text)
    assert [s.part for s in doc.sentences] == ["review", "review", "plan", "plan"]


def test_a_rank_and_a_milestone_between_a_level_and_its_growth():
    text = REVIEW + "经初步核算,地区生产总值512.3亿元,稳居全市第三,两年突破两个百亿大关,增长8.2%。"
    assert _obs(text) == [
        ("地区生产总值", 512.3, "亿元", 2019, "actual", None),
        ("地区生产总值", 3.0, "", 2019, "rank", "全市第三"),
        ("地区生产总值", 8.2, "%", 2019, "growth", None),
    ]


def test_an_acronym_before_its_figure_and_a_bracketed_note_after_the_adverb():
    text = REVIEW + "全年实现GDP520.5亿元,增长6%；规上工业增加值突破200亿元,同比(下同)增长7.1%。"
    assert _obs(text) == [
        ("GDP", 520.5, "亿元", 2019, "actual", None),
        ("GDP", 6.0, "%", 2019, "growth", None),
        ("规上工业增加值", 200.0, "亿元", 2019, "actual", "突破"),
        ("规上工业增加值", 7.1, "%", 2019, "growth", None),
    ]
    assert _obs(REVIEW + "推进G60科创走廊,5G基站新建800个。") == [
        ("5G基站新建", 800.0, "个", 2019, "actual", None)
    ]


def test_framing_words_around_the_indicator_and_thresholds_passed():
    text = REVIEW + (
        "初步预计地区生产总值突破300亿元,增长9.6%以上。全县生产总值从不到90亿元增加到超过150亿元。"
    )
    assert _obs(text) == [
        ("地区生产总值", 300.0, "亿元", 2019, "actual", "突破"),
        ("地区生产总值", 9.6, "%", 2019, "growth", "以上"),
        ("地区生产总值", 90.0, "亿元", 2018, "actual", "不到"),
        ("地区生产总值", 150.0, "亿元", 2019, "actual", "超过"),
    ]
    exact = REVIEW + "辖区生产总值首次突破两百亿元大关,达212.5亿元,增长7.4%。全县生产总值迈上五百亿元新台阶。"
    assert _obs(exact) == [
        ("地区生产总值", 212.5, "亿元", 2019, "actual", None),
        ("地区生产总值", 7.4, "%", 2019, "growth", None),
        ("地区生产总值", 500.0, "亿元", 2019, "actual", None),
    ]
    # a threshold gives way to the exact figure the report states in another sentence, under another name
    other = REVIEW + "GDP突破5000亿元。全年地区生产总值约5300亿元,增长8.4%。"
    assert [o[1] for o in _obs(other)] == [5300.0, 8.4]


def test_targets_named_with_their_aim_word():
    text = PLAN + "中央提出今年经济增长预期目标为7%左右。今年的主要预期目标是:地区生产总值确保6%以上的增长。"
    assert _obs(text) == [
        ("经济增长预期目标", 7.0, "%", 2020, "target", "左右"),
        ("地区生产总值", 6.0, "%", 2020, "target", "以上"),
    ]
    doc = ingest_text(REVIEW + "全县增长了5%。\n2020年经济社会发展预期目标:地区生产总值增长6%左右；")
    assert [s.part for s in doc.sentences][-1] == "plan"


def test_notes_and_dashes_before_the_indicator_and_targets_with_tasks():
    text = (
        REVIEW
        + "预计(下同)全县生产总值达到215亿元、增长8.7%左右。\n——固定资产投资增长10%。\n今年工作的主要目标和任务是:地区生产总值增长8.5%左右。"
    )
    assert _obs(text) == [
        ("地区生产总值", 215.0, "亿元", 2019, "actual", None),
        ("地区生产总值", 8.7, "%", 2019, "growth", "左右"),
        ("固定资产投资", 10.0, "%", 2019, "growth", None),
        ("地区生产总值", 8.5, "%", 2020, "target", "左右"),
    ]


def test_a_figure_of_part_of_the_year_or_per_unit_of_land_names_it():
    text = (
        REVIEW
        + "全县经济在一季度跌入谷底,GDP同比下降6.1%,全年地区生产总值增长2.5%。每平方公里土地产生3.2亿元的生产总值。"
    )
    assert _obs(text) == [
        ("一季度GDP", -6.1, "%", 2019, "growth", None),
        ("地区生产总值", 2.5, "%", 2019, "growth", None),
        ("每平方公里生产总值", 3.2, "亿元", 2019, "actual", None),
    ]


def test_growth_aims_set_by_their_control_target():
    text = PLAN + "今年的经济增长预期为7%左右。经济增长速度的调控目标定为8%。"
    assert _obs(text) == [
        ("经济增长预期", 7.0, "%", 2020, "target", "左右"),
        ("经济增长速度的调控目标", 8.0, "%", 2020, "target", None),
    ]


def test_a_start_value_without_its_year_is_of_the_year_before_the_period_reviewed():
    five = (
        "一、过去五年工作回顾\n过去五年,规上工业企业从320家增至610家,人均寿命由78.1岁提高到79.4岁。\n" + PLAN
    )
    assert _obs(five) == [
        ("规上工业企业", 320.0, "家", 2014, "actual", None),
        ("规上工业企业", 610.0, "家", 2019, "actual", None),
        ("人均寿命", 78.1, "岁", 2014, "actual", None),
        ("人均寿命", 79.4, "岁", 2019, "actual", None),
    ]
    one = REVIEW + "最低工资标准从每月1500元提高到1620元,公交线路由40条增长到2019年的52条。"
    assert _obs(one) == [
        ("最低工资标准", 1500.0, "元", 2018, "actual", None),
        ("最低工资标准", 1620.0, "元", 2019, "actual", None),
        ("公交线路", 40.0, "条", 2018, "actual", None),
        ("公交线路", 52.0, "条", 2019, "actual", None),
    ]
    paragraph = REVIEW + "五年来成绩显著。规上工业企业从320家增至610家。\n" + PLAN
    assert _obs(paragraph)[0] == ("规上工业企业", 320.0, "家", 2014, "actual", None)
    plan = PLAN + "城镇化率由58%提高到60%。"
    assert _obs(plan) == [("城镇化率", 60.0, "%", 2020, "target", None)]


def test_fractions_year_end_framing_a_bare_new_amount_and_a_level_before_de():
    text = REVIEW + (
        "年末各项存款余额增长9.2%,新增3万多亿元。行政审批事项减少三分之一,收费项目压减一半以上。"
        "近五年淘汰落后产能800多万吨。这是在我市经济总量突破1000亿元的基础上取得的。"
    )
    assert _obs(text) == [
        ("各项存款余额", 9.2, "%", 2019, "growth", None),
        ("各项存款余额新增", 3.0, "万亿元", 2019, "actual", "多"),
        ("行政审批事项", -33.33, "%", 2019, "growth", "三分之一"),
        ("收费项目", -50.0, "%", 2019, "growth", "一半以上"),
        ("淘汰落后产能", 800.0, "万吨", 2019, "actual", "多"),
        ("经济总量", 1000.0, "亿元", 2019, "actual", "突破"),
    ]


def test_a_period_named_as_a_base_sets_no_year_and_a_threshold_before_its_noun_is_no_figure():
    text = "一、2020年工作回顾\n新建学校12所,新增学位8000个,是“十二五”时期新增学位的3倍；营收5亿元以上工业企业由8家增至15家。"
    assert _obs(text) == [
        ("新建学校", 12.0, "所", 2020, "actual", None),
        ("新增学位", 8000.0, "个", 2020, "actual", None),
        ("新增学位", 3.0, "倍", 2020, "share", None),
        ("营收5亿元以上工业企业", 8.0, "家", 2019, "actual", None),
        ("营收5亿元以上工业企业", 15.0, "家", 2020, "actual", None),
    ]


def test_a_clause_after_a_semicolon_goes_on_with_the_subject_and_list_numbers_are_no_part_of_it():
    text = REVIEW + (
        "全年GDP增长6.1%,比全省高0.4个百分点,在全省十强县中排名第二；总量达到812亿元,一年增加了40亿元。"
        "\n2.一般公共预算收入完成35亿元。"
    )
    assert _obs(text) == [
        ("GDP", 6.1, "%", 2019, "growth", None),
        ("GDP", 0.4, "个百分点", 2019, "growth", None),
        ("全省十强县", 2.0, "", 2019, "rank", "全省十强县中排名第二"),
        ("GDP总量", 812.0, "亿元", 2019, "actual", None),
        ("一年增加", 40.0, "亿元", 2019, "actual", None),
        ("一般公共预算收入", 35.0, "亿元", 2019, "actual", None),
    ]


def test_a_change_since_a_year_before_last_is_no_growth_of_the_year():
    text = REVIEW + (
        "地区生产总值达到480亿元,比2014年增长52%,年均增长8.7%,比上年增长7%。"
        "与2012年撤县设区时相比,财政收入增长1.3倍。五年来地区生产总值累计增长38.7%。"
    )
    assert _obs(text) == [
        ("地区生产总值", 480.0, "亿元", 2019, "actual", None),
        ("地区生产总值比2014年", 52.0, "%", 2019, "growth", None),
        ("地区生产总值年均增长", 8.7, "%", 2019, "growth", "年均"),
        ("地区生产总值", 7.0, "%", 2019, "growth", None),
        ("财政收入比2012年", 1.3, "倍", 2019, "growth", None),
        ("地区生产总值累计增长", 38.7, "%", 2019, "growth", None),
    ]
    compared = REVIEW + "2019年同2010年相比,全县生产总值由150亿元增加到420亿元,增长180%。"
    assert _obs(compared) == [
        ("地区生产总值", 150.0, "亿元", 2010, "actual", None),
        ("地区生产总值", 420.0, "亿元", 2019, "actual", None),
        ("地区生产总值比2010年", 180.0, "%", 2019, "growth", None),
    ]


def test_a_subject_growing_in_one_clause_is_figured_in_the_next_and_tonnes_of_coal_are_one_unit():
    text = REVIEW + (
        "展会活动超过300场；数字产业快速发展,增长18.5%,占GDP比重9%。"
        "万元GDP能耗和水耗分别下降到0.41吨标准煤和16.2立方米,税收占财政收入近9成。"
    )
    assert _obs(text) == [
        ("展会活动", 300.0, "场", 2019, "actual", "超过"),
        ("数字产业", 18.5, "%", 2019, "growth", None),
        ("数字产业占GDP比重", 9.0, "%", 2019, "share", None),
        ("万元GDP能耗", 0.41, "吨标准煤", 2019, "actual", None),
        ("万元GDP水耗", 16.2, "立方米", 2019, "actual", None),
        ("税收占财政收入", 9.0, "成", 2019, "share", "近"),
    ]


def test_quarters_with_minus_signs_a_full_year_rate_and_clauses_opened_by_an_indicator():
    text = REVIEW + (
        "GDP增速一季度-5.1%,上半年-2.3%,三季度转正,全年增速达到3.2%。"
        "实现地区生产总值512亿元,总量首超五百亿元,同比增长7.1%。"
    )
    assert _obs(text) == [
        ("一季度GDP增速", -5.1, "%", 2019, "growth", None),
        ("上半年GDP增速", -2.3, "%", 2019, "growth", None),
        ("GDP增速", 3.2, "%", 2019, "growth", None),
        ("地区生产总值", 512.0, "亿元", 2019, "actual", None),
        ("地区生产总值", 7.1, "%", 2019, "growth", None),
    ]
    opened = REVIEW + "全区生产总值高位运行,超过820亿元；工业增速逐季攀升,全年增长6.6%。"
    assert _obs(opened) == [
        ("全区生产总值", 820.0, "亿元", 2019, "actual", "超过"),
        ("工业增速", 6.6, "%", 2019, "growth", None),
    ]


def test_old_wordings_of_the_growth_and_its_target():
    assert _obs(REVIEW + "去年经济增长9.1％,物价涨幅回落。") == [("经济", 9.1, "%", 2019, "growth", None)]
    text = PLAN + "今年国内生产总值计划增长百分之七。经济增长速度的宏观调控目标,定为百分之七至八。"
    assert _obs(text) == [
        ("国内生产总值", 7.0, "%", 2020, "target", None),
        ("经济增长速度", 7.0, "%", 2020, "target", "7%至8%"),
    ]


def test_milestones_passed_give_way_to_the_level_and_the_region_s_own_name_is_no_part_of_it():
    text = (
        "某某市人民政府工作报告\n"
        + REVIEW
        + (
            "五年来,本市生产总值翻了一番多,连续实现了200、300亿元的跨越,2018年达到342亿元。"
            "某某本市生产总值连续跨越400、500亿元台阶,达到526.5亿元,年均增长9.3%。"
        )
    )
    assert _obs(text) == [
        ("本市生产总值翻番", 100.0, "%", 2019, "growth", "翻了一番多"),
        ("本市生产总值", 342.0, "亿元", 2018, "actual", None),
        ("本市生产总值", 526.5, "亿元", 2019, "actual", None),
        ("本市生产总值年均增长", 9.3, "%", 2019, "growth", "年均"),
    ]  # the milestones (300, 400, 500亿元) give way to the level of the same year


def test_a_place_won_in_a_named_list_and_a_doubling_over_years():
    text = (
        "某某市青山区政府工作报告\n"
        + REVIEW
        + (
            "青山已成功跻身全国工业百强区第21位。青山女排勇夺全省联赛第二名。孵化器数量翻番,专利拥有量翻了两倍。"
        )
    )
    assert _obs(text) == [
        ("全国工业百强区", 21.0, "", 2019, "rank", "全国工业百强区第21位"),
        ("全省联赛", 2.0, "", 2019, "rank", "全省联赛第二名"),
        ("孵化器数量翻番", 100.0, "%", 2019, "growth", "翻番"),
        ("专利拥有量翻番", 2.0, "倍", 2019, "growth", "翻了两倍"),
    ]


def test_a_part_of_the_year_in_brackets_leads_the_name():
    assert _obs(REVIEW + "进出口总额(1-11月)1157.6亿元。") == [
        ("1-11月进出口总额", 1157.6, "亿元", 2019, "actual", None)
    ]


def test_an_amount_spent_on_works_named_after_it_is_the_works_spending():
    text = REVIEW + "五年投入86亿元开展河道综合治理,投入资金2.3亿元用于农村公路建设,财政投入5亿元开展帮扶。"
    assert _obs(text) == [
        ("河道综合治理投入", 86.0, "亿元", 2019, "actual", None),
        ("农村公路建设投入", 2.3, "亿元", 2019, "actual", None),
        ("财政投入", 5.0, "亿元", 2019, "actual", None),
    ]


def test_a_figure_of_a_past_year_in_the_plan_is_reported_not_aimed_at():
    assert _obs(PLAN + "2018年,全县生产总值达到120亿元。今年生产总值增长7%。") == [
        ("地区生产总值", 120.0, "亿元", 2018, "actual", None),
        ("生产总值", 7.0, "%", 2020, "target", None),
    ]


@pytest.mark.parametrize("verb, kept, example", TIME_TAKEN_VERBS)
def test_each_verb_of_the_time_works_took(verb, kept, example):
    sentence, expected = example.split(" → ")
    name, value, unit = expected.split(" ")
    assert _obs(REVIEW + sentence + "。") == [(name, float(value), unit, 2019, "actual", None)]
    assert (verb in name) == kept


def test_time_works_took_in_a_list_and_not_other_days():
    text = (
        REVIEW
        + "甲园区两年投产;5个月完成乙河碧道建设、138天丙中心首栋建筑动工,仅用7天时间就完成了两轮300多万人次的大规模检测。"
    )
    assert [(name, value, unit) for name, value, unit, *_ in _obs(text)] == [
        ("乙河碧道建设用时", 5.0, "个月"),
        ("丙中心首栋建筑动工用时", 138.0, "天"),
        ("大规模检测用时", 7.0, "天"),
        ("大规模检测", 300.0, "万人次"),
    ]
    text = REVIEW + "丑中心从立项到入库仅用时2个月,3天建成启用了寅实验室,100天完成卯公园提升......"
    assert [name for name, *_ in _obs(text)] == [
        "丑中心从立项到入库用时",
        "寅实验室建成用时",
        "卯公园提升用时",
    ]
    assert ("项目签约用时", 1.0, "个月") in [
        (n, v, u) for n, v, u, *_ in _obs(REVIEW + "仅用1个月时间就签约项目273个。")
    ]
    assert _obs(REVIEW + "全年空气质量优良天数达到330天,审批时限压缩到20天。") == [
        ("空气质量优良天数", 330.0, "天", 2019, "actual", None),
        ("审批时限", 20.0, "天", 2019, "actual", None),
    ]


def test_rank_in_a_quoted_ranking_its_change_and_a_medal_place():
    text = (
        REVIEW
        + "甲区名列“全国创新百强区”第18位,排名上升4个位次;乙队勇夺全国排球联赛亚军,单项冠军企业达到6家。"
    )
    assert _obs(text) == [
        ("甲区", 18.0, "", 2019, "rank", "全国创新百强区第18位"),
        ("排名上升", 4.0, "个位次", 2019, "actual", None),
        ("全国排球联赛", 2.0, "", 2019, "rank", "全国排球联赛亚军"),
        ("单项冠军企业", 6.0, "家", 2019, "actual", None),
    ]


def test_a_rank_won_in_a_quoted_ranking_is_named_after_it():
    assert _obs(REVIEW + "连续两年被评为“全国营商环境百佳县市”第六名。") == [
        ("全国营商环境百佳县市", 6.0, "", 2019, "rank", "全国营商环境百佳县市第六名"),
    ]


def test_a_round_milestone_written_with_its_scale_alone_is_a_level():
    assert ("经济总量", 1000.0, "亿元", 2019, "actual") in [
        o[:5] for o in _obs(REVIEW + "全县经济总量迈过千亿大关。")
    ]
    assert ("工业增加值", 100.0, "亿元", 2019, "actual") in [
        o[:5] for o in _obs(REVIEW + "工业增加值突破百亿元。")
    ]
    assert ("地区生产总值", 300.0, "亿元", 2019, "actual") in [
        o[:5] for o in _obs(REVIEW + "地区生产总值跨越300亿大关。")
    ]
    assert _obs(REVIEW + "建成千亩茶园。") == []


def test_a_figure_in_the_circumstance_of_a_clause_names_its_measure_alone():
    found = _obs(REVIEW + "这些成绩是在全县经济总量超过600亿元的高基数上取得的。")
    assert [o[:3] for o in found] == [("经济总量", 600.0, "亿元")]


def test_a_rank_after_a_list_of_measures_is_each_ones():
    found = {
        o[0]: o[1] for o in _obs(REVIEW + "发明专利拥有量、专利申请量连续多年居全市首位。") if o[4] == "rank"
    }
    assert found == {"发明专利拥有量": 1.0, "专利申请量": 1.0}
    found = {o[0] for o in _obs(REVIEW + "发明专利拥有量和专利综合实力居全省第一。") if o[4] == "rank"}
    assert found == {"发明专利拥有量", "专利综合实力"}
    assert {o[0] for o in _obs(REVIEW + "深化审批改革、营商环境居全省第一。")} == {"营商环境"}


def test_a_level_passed_by_a_verb_of_entering_or_by_two_measures_together():
    found = [o[:5] for o in _obs(REVIEW + "全县税收迈入百亿元俱乐部，达103亿元。")]
    assert found == [("税收", 103.0, "亿元", 2019, "actual")]  # the exact figure, not the milestone
    found = {o[0] for o in _obs(REVIEW + "固定资产投资额、社会消费品零售总额双双突破百亿元。")}
    assert found == {"固定资产投资额", "社会消费品零售总额"}


def test_real_growth_and_a_relative_noun_measuring_nothing_named():
    assert [o[:5] for o in _obs(REVIEW + "居民人均可支配收入实际增长6.1%。")] == [
        ("居民人均可支配收入", 6.1, "%", 2019, "growth")
    ]
    assert _obs(REVIEW + "现在生产总值每增长1个百分点的增量，相当于5年前1.5个百分点的增量。") == []


def test_a_bare_ordinal_won_in_a_named_assessment_is_a_rank_of_it():
    found = [o for o in _obs(REVIEW + "白鹭新城在全市片区综合考核中连续3年第一。") if o[4] == "rank"]
    assert [o[:2] for o in found] == [("片区综合考核", 1.0)]
    assert [o[:2] for o in _obs(REVIEW + "在全省营商环境评价中获得第二。")] == [("营商环境评价", 2.0)]
    assert _obs(REVIEW + "第二产业增加值较快增长，第一产业平稳。") == []


def test_words_of_manner_and_comparison_frame_no_indicator():
    found = [
        o[:5] for o in _obs(REVIEW + "宽带平均资费再降10%，固定资产投资预定增长8%，拟安排专项债券30亿元。")
    ]
    assert found == [
        ("宽带平均资费", -10.0, "%", 2019, "growth"),
        ("固定资产投资", 8.0, "%", 2019, "growth"),
        ("安排专项债券", 30.0, "亿元", 2019, "actual"),
    ]
    found = [o[0] for o in _obs(REVIEW + "财政收入300亿元，比上一年增加15亿元。")]
    assert "比上一年增加" not in found


def test_a_level_reached_as_the_aim_of_a_plan_is_the_indicators():
    found = [o[:3] for o in _obs(REVIEW + "提前两年完成“十四五”规划地区生产总值800亿元的目标。")]
    assert found == [("地区生产总值", 800.0, "亿元")]


def test_a_change_from_one_figure_to_another_keeps_the_indicator_named_before():
    found = {(o[0], o[1]) for o in _obs(REVIEW + "区级审批事项从520项大幅压减至210项。")}
    assert ("区级审批事项", 210.0) in found and not any(n.startswith("大幅") for n, _ in found)
    found = {(o[0], o[1]) for o in _obs(REVIEW + "生均公用经费标准由每生每年200元提高到260元。")}
    assert ("生均公用经费标准", 260.0) in found
