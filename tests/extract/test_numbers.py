"""Figures in text: numbers, units, qualifiers, ranks, ratios, and numbers that are not figures."""

import pytest

from kg.extract.numbers import find_figures, ordinal_value, parse_number


def _plain(text):
    return [(f.kind, f.value, f.unit, f.qualifier) for f in find_figures(text)]


def test_parse_number_arabic_chinese_and_thousands():
    assert parse_number("98.3") == 98.3
    assert parse_number("12,500") == 12500.0
    assert parse_number("两") == 2.0
    assert parse_number("三千") == 3000.0
    assert parse_number("一百二十") == 120.0


def test_parse_number_rejects_words():
    with pytest.raises(ValueError):
        parse_number("增长")


def test_ordinal_value():
    assert [ordinal_value(o) for o in ("第一", "第二", "第11位", "第十五名")] == [1, 2, 11, 15]


def test_units_keep_their_scale_as_written():
    assert _plain("实现地区生产总值98.3亿元,新增就业1.2万人,拆违3.4万平方米") == [
        ("number", 98.3, "亿元", None),
        ("number", 1.2, "万人", None),
        ("number", 3.4, "万平方米", None),
    ]


def test_percent_points_and_multiples():
    assert _plain("增长8.5%,提高1.1个百分点,是2015年的1.4倍") == [
        ("number", 8.5, "%", None),
        ("number", 1.1, "个百分点", None),
        ("number", 1.4, "倍", None),
    ]


def test_qualifiers_before_and_after_the_unit():
    assert _plain("25万余平方米,30余个,100多万元,增长7%左右,500人以上,控制在4%以内") == [
        ("number", 25.0, "万平方米", "余"),
        ("number", 30.0, "个", "余"),
        ("number", 100.0, "万元", "多"),
        ("number", 7.0, "%", "左右"),
        ("number", 500.0, "人", "以上"),
        ("number", 4.0, "%", "以内"),
    ]


def test_chinese_numerals_with_scale_or_ten_and_more():
    assert _plain("惠及群众两万户,投入三千万元,改造小区两百个") == [
        ("number", 2.0, "万户", None),
        ("number", 3000.0, "万元", None),
        ("number", 200.0, "个", None),
    ]


def test_single_chinese_digit_counts_only_after_a_verb_of_quantity():
    assert _plain("新建三所学校") == [("number", 3.0, "所", None)]
    assert _plain("树牢四个意识,做到两个维护,打造一批精品") == []


def test_bare_number_at_a_clause_end_and_lost_yuan_of_a_monthly_amount():
    assert _plain("累计有效注册商标2150,标准提高到520/月。") == [
        ("number", 2150.0, "", None),
        ("number", 520.0, "元/月", None),
    ]


def test_bare_scale_is_kept_for_the_caller_to_complete_only_for_money():
    assert _plain("投入4500万用于改造") == [("number", 4500.0, "万", None)]
    assert _plain("惠及全市120万群众") == []


def test_numbers_inside_names_dates_and_ordinals_are_not_figures():
    text = (
        "推行1+3工作模式,创建3A级景区,开通12345热线,建设A3地块,轨道2号线,举办第六届艺术节,"
        "6月底前完成,9月30日前,2019年,连续七年获先进,24小时自助图书馆,三大攻坚战,十四五规划,"
        "十四连调,千亩果园,商场88、超市,出台“3个20条”,实施“双百”工程"
    )
    assert find_figures(text) == []


def test_ranks_with_scope_list_and_double():
    assert _plain("增速排名全市第一、第二,总量全省第3位,跻身全国百强县第11位,实现双第一") == [
        ("rank", 1.0, "", "全市第一"),
        ("rank", 2.0, "", "全市第二"),
        ("rank", 3.0, "", "全省第3位"),
        ("rank", 11.0, "", "全国百强县第11位"),
        ("rank", 1.0, "", "第一"),
        ("rank", 1.0, "", "第一"),
    ]


def test_ordinals_without_a_ranking_are_not_ranks():
    assert _plain("第一产业稳步发展,全省第一个实现全覆盖,居全省前列") == []


def test_rank_starts_at_its_verb():
    (figure,) = find_figures("指数排名城区第二")
    assert (figure.start, figure.end) == (2, 8)


def test_ratio_parts():
    (figure,) = find_figures("三次产业结构调整为8.5:40.2:51.3")
    assert (figure.kind, figure.values) == ("ratio", (8.5, 40.2, 51.3))


def test_ranges_keep_the_lower_bound_and_the_range_as_written():
    assert _plain("增长6%—6.5%,增长6%-7%,增长6~7%,2019-2020年,1-3月") == [
        ("number", 6.0, "%", "6%—6.5%"),
        ("number", 6.0, "%", "6%-7%"),
        ("number", 6.0, "%", "6~7%"),
    ]


def test_tenths_doubling_and_vague_numbers():
    assert _plain("占比超过三成,近两成,七成新,经济总量翻一番,收入翻两番,数十家企业,几百人") == [
        ("number", 3.0, "成", None),
        ("number", 2.0, "成", None),
        ("number", 2.0, "倍", "翻一番"),
        ("number", 4.0, "倍", "翻两番"),
    ]


def test_amounts_per_month_or_year_and_more_units():
    assert _plain("提高到每月620元,每人每年1200元,压缩至0.5个工作日,粮食3.1亿斤,8600万美元") == [
        ("number", 620.0, "元", None),
        ("number", 1200.0, "元", None),
        ("number", 0.5, "个工作日", None),
        ("number", 3.1, "亿斤", None),
        ("number", 8600.0, "万美元", None),
    ]


def test_sizes_thresholds_and_named_sets_are_not_figures():
    text = (
        "引进超10亿元项目,亿元以上项目,10亿元级产业集群,年产5万吨锂电材料项目,十项民生实事,"
        "十六个先进制造业集群,出台支持企业发展措施30条,110千伏输变电工程,500千伏变电站,G60走廊,5G基站"
    )
    assert find_figures(text) == []
    assert _plain("引进十余家企业,新建道路30条") == [
        ("number", 10.0, "家", "余"),
        ("number", 30.0, "条", None),
    ]


def test_one_bound_to_the_word_before_and_side_by_side_digits_are_no_numbers():
    text = "成为全省唯一一个“生态名城”,做到一一对应,逐一一项排查,统一一批标准,新增三四个园区,改造两三百户,完成七八成"
    assert find_figures(text) == []
    assert _plain("引进十一个项目,建成二十一个站点,新增一万一千户,居全市第二十三位") == [
        ("number", 11.0, "个", None),
        ("number", 21.0, "个", None),
        ("number", 11000.0, "户", None),
        ("rank", 23.0, "", "全市第二十三位"),
    ]


def test_counts_of_trips_visits_and_batches_are_units():
    assert _plain("保障120架次包机,接待游客35万人次,开行80车次,抽检260批次,走访900户次") == [
        ("number", 120.0, "架次", None),
        ("number", 35.0, "万人次", None),
        ("number", 80.0, "车次", None),
        ("number", 260.0, "批次", None),
        ("number", 900.0, "户次", None),
    ]


def test_a_threshold_before_de_and_a_noun_is_no_figure_but_a_share_is():
    assert _plain("收入超5亿元的乡镇由3个增加到6个,200人以上的企业,保持7%以上的增速") == [
        ("number", 3.0, "个", None),
        ("number", 6.0, "个", None),
        ("number", 7.0, "%", "以上"),
    ]


def test_old_spelling_of_yi_is_read():
    # 万万 is how older reports write 亿.
    assert [(f.value, f.unit) for f in find_figures("粮食产量达到三千七百万万斤")] == [(3.7e11, "斤")]


def test_a_numeral_no_reader_knows_is_skipped_not_fatal():
    figures = find_figures("人口达到三亿亿人,产值十万万万元,增长了8%")
    assert [(f.value, f.unit) for f in figures] == [(8.0, "%")]


def test_milestones_passed_are_no_count():
    assert [(f.value, f.unit) for f in find_figures("3年突破两个千亿大关,迈上三个新台阶,增长11%")] == [
        (11.0, "%")
    ]
