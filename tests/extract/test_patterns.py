"""Tests of kg.extract.patterns: glossary headwords, quoted names, document titles, plans and slogans, read through
:func:`kg.extract.entities.extract_mentions` on invented sentences in the genre's style (no names from any
report)."""

import pytest

from kg.extract.entities import extract_mentions
from kg.types import Document, Sentence


@pytest.mark.parametrize("slogan", ["一企一策", "三改一拆"])
def test_numbered_slogans_are_policies(slogan):
    text = f"深入开展{slogan}帮扶活动。"
    doc = Document(text, (Sentence(0, text, 0, len(text), None, None),), ())
    assert (slogan, "Policy") in {(m.name, m.type) for m in extract_mentions(doc)}


def test_plan_title_in_book_marks_is_a_policy(found):
    text = "《青山县国民经济和社会发展第十四个五年规划纲要（草案）》提请大会审议。"
    assert ("青山县国民经济和社会发展第十四个五年规划纲要", "Policy") in found(text)


def test_spelled_numerals_are_not_slogans_and_quoted_head_phrase_is_kept(found):
    assert found("新增城镇就业两千三百人。") == set()
    assert found("执行“三重一大”决策制度。") == {("三重一大决策制度", "Policy")}


def test_quoted_label_of_a_kind_of_company_is_no_policy(found):
    assert found("新增专精特新“小巨人”企业30家。") == set()


def test_a_glossary_headword_opening_with_a_numeral_is_a_slogan(found):
    text = "名词解释\n1.“三好农村路”（P3）：指把农村公路建好、管好、护好。"
    assert ("三好农村路", "Policy") in found(text)
    assert ("三好农村路", "Project") not in found(text)


def test_a_quoted_name_takes_the_head_written_after_the_quote_and_the_place_before_it(found):
    text = "“春风”艺术团走进白沙镇慰问演出，白沙镇“一台戏”项目取得重大进展，“一村一品”加快推广。"
    assert found(text) == {
        ("春风艺术团", "Organization"),
        ("白沙镇", "Place"),
        ("白沙镇一台戏项目", "Project"),
        ("一村一品", "Policy"),
    }


def test_five_year_periods_are_no_policies_but_their_plans_are(found):
    assert found("实现了“十二五”时期的良好开局，提前完成“十三五”任务。") == set()
    assert found("“十三五”规划顺利收官，编制十四五规划纲要。") == {
        ("十三五规划", "Policy"),
        ("十四五规划", "Policy"),
    }


def test_quoted_goal_clauses_are_slogans_and_short_quoted_reforms_stay(found):
    text = (
        "围绕“把白鹭建设得更加美丽”发展目标和“打造沿江开放带上的特色门户城市”发展定位，"
        "推行“一窗受理、集成服务”，实现“只进一扇门、最多跑一次”。"
    )
    assert found(text) == {("一窗受理、集成服务", "Policy"), ("最多跑一次", "Policy")}


def test_a_slogan_of_how_a_division_grows_is_a_policy_not_a_place(found):
    assert found("坚持科教兴县、工业强县，质量强省建设成效显著。") == {
        ("科教兴县", "Policy"),
        ("工业强县", "Policy"),
        ("质量强省", "Policy"),
    }
    assert found("宜兴市经济平稳增长。") == {("宜兴市", "Place")}
    assert found("坚持“生态立县、工业强县”。") == {("生态立县、工业强县", "Policy")}  # one motto


def test_quoted_figures_of_speech_are_no_policies(found):
    assert found("敢啃“硬骨头”，坚决不搞“一刀切”。") == set()
    assert found("不搞“大水漫灌”式强刺激。") == set()
    assert found("深化“一网通办”改革，推行“秒批”。") == {("一网通办改革", "Policy"), ("秒批", "Policy")}


def test_a_quoted_numbered_slogan_stays_a_policy_though_the_dictionary_holds_it(found):
    assert ("一国两制", "Policy") in found("全面准确贯彻“一国两制”方针。")
