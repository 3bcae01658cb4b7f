"""Canonical indicators: one node for the many names of one statistical indicator."""

import pytest
from rdflib.namespace import SKOS

from kg.build import build_text
from kg.indicators import canonical, indicators
from kg.vocab import term


@pytest.mark.parametrize("row", indicators(), ids=lambda row: row.name)
def test_every_name_and_the_example_of_a_row_name_its_indicator(row):
    assert {canonical(name).name for name in row.names} == {row.name}
    assert row.name in row.names
    assert any(name in row.example for name in row.names)


@pytest.mark.parametrize(
    ("wording", "name"),
    [
        ("全县生产总值", "地区生产总值"),
        ("本市地区生产总值增速", "地区生产总值"),
        ("我国国内生产总值", "地区生产总值"),
        ("区级一般公共预算收入", "一般公共预算收入"),
        ("新区地区生产总值", "地区生产总值"),
        ("经济增长速度的调控目标", "地区生产总值"),
        ("全社会固定资产投资", "固定资产投资"),
        ("规上工业增加值", "规模以上工业增加值"),
    ],
)
def test_scope_words_and_growth_words_fall_away(wording, name):
    assert canonical(wording).name == name


@pytest.mark.parametrize("wording", ["生产总值增长目标完成率", "经济发展质量", "工业投资", "规模"])
def test_other_indicators_are_not_folded(wording):
    assert canonical(wording) is None


def test_two_wordings_of_one_report_share_one_indicator_node_and_keep_their_text():
    graph = build_text(
        "2024年青山县政府工作报告\n一、2023年工作回顾\n全县GDP完成了260亿元,增长了5.1%。\n"
        "二、2024年工作安排\n今年的主要预期目标是:地区生产总值增长6%左右。"
    )
    indicators_ = set(graph.objects(None, term("indicator")))
    assert len(indicators_) == 1
    node = indicators_.pop()
    assert {str(x) for x in graph.objects(node, SKOS.prefLabel)} == {"地区生产总值"}
    texts = {str(t) for t in graph.objects(None, term("indicatorText"))}
    assert texts == {"GDP", "地区生产总值"}
