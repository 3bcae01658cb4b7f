"""Tests of kg.extract.names (typing by head, filters) and kg.extract.lexicons."""

import pytest

from kg.extract.lexicons import divisions, head_examples, heads, terms
from kg.extract.names import (
    glued_conjunction,
    head_of,
    is_generic,
    is_honour,
    is_slogan,
    normalise,
    type_of,
)


def test_type_by_longest_head():
    assert [type_of(n) for n in ("红星路西延", "金禾食品", "柳岸社区", "“一网通办”改革", "县文化馆")] == [
        "Project",
        "Company",
        "Place",
        "Policy",
        "Organization",
    ]
    assert head_of("白鹭湾片区治理开发项目") == "片区治理开发项目"


def test_gongcheng_is_built_or_a_programme():
    assert type_of("古塔修缮工程") == "Project"
    assert type_of("农技人员素质提升工程") == "Policy"


def test_filters():
    assert is_generic("派出所") and not is_generic("青山派出所")
    assert is_honour("全省先进单位") and not is_honour("青山县")
    assert normalise("“五水共治” 升级版") == "五水共治升级版"


def test_lexicons_have_no_blank_or_comment_lines():
    for name in (
        "policies_national.txt",
        "organizations_national.txt",
        "generic_nouns.txt",
        "frame_words.txt",
    ):
        assert all(t and not t.startswith("#") for t in terms(name))
    assert divisions()["青海省"][1] == "province"
    assert set(heads().values()) <= {"Project", "Company", "Place", "Policy", "Organization"}


def test_construction_phase_keeps_the_type_and_makes_gongcheng_a_work():
    assert type_of("青湾港区一期工程") == "Project"
    assert type_of("白鹭湖湿地公园二期") == "Project"
    assert type_of("柳河综合治理工程") == "Policy"


def test_new_heads_of_transport_works_departments_and_industries():
    assert [type_of(n) for n in ("青湾过江通道", "白鹭国际机场", "省水利厅", "青禾米业", "鸿远重工")] == [
        "Project",
        "Project",
        "Organization",
        "Company",
        "Company",
    ]
    assert type_of("柳岸医院门诊综合楼") == "Project"


def test_bare_activity_phrases_are_not_national_policies():
    policies = terms("policies_national.txt")
    assert "老旧小区改造" not in policies and "棚户区改造" not in policies
    assert "城市更新行动" in policies and "四好农村路" in policies


def test_rankings_are_honours_and_a_glued_conjunction_ends_no_name():
    assert is_honour("全国工业百强区") and is_honour("全省十强县") and is_honour("全国综合实力100强县")
    assert not is_honour("工业强区") and not is_honour("全国文明城市")
    assert glued_conjunction("市政协及") and glued_conjunction("青山县与")
    assert not glued_conjunction("碳中和") and not glued_conjunction("太和")


def test_news_media_are_organizations():
    assert [type_of(n) for n in ("青山日报", "白鹭晚报", "金川商报网", "青山县电视台")] == [
        "Organization"
    ] * 4


def test_titles_won_and_regional_offices():
    assert is_honour("国家生态文明建设示范县") and is_honour("白鹭优秀示范县") and is_honour("中国白茶之乡")
    assert not is_honour("青山县") and not is_honour("白沙乡")
    assert type_of("联合国开发计划署中国区") == "Organization" and type_of("金禾集团华东区") == "Company"
    assert type_of("春风艺术团") == "Organization" and type_of("青山县委党校") == "Organization"
    assert is_generic("高新区") and is_generic("综合保税区") and not is_generic("青山高新区")


def test_city_brands_and_famous_towns_are_titles_won():
    assert is_honour("中国茶都") and is_honour("中国竹编名城") and is_honour("世界盆景之都")
    assert is_honour("国家历史文化名镇") and is_honour("全国特色名村")
    assert not is_honour("扬名村") and not is_honour("首都") and not is_honour("青山县")


def test_regional_strategies_are_national_policies_and_generic_methods_are_not():
    policies = terms("policies_national.txt")
    for term in ("成渝地区双城经济圈", "长江经济带", "京津冀协同发展", "长三角一体化"):
        assert term in policies
    assert "黄河流域生态保护和高质量发展" in policies and "西部陆海新通道" in policies
    assert "脱贫攻坚" in policies and "网格化管理" not in policies


def test_a_generic_noun_after_a_word_of_state_is_generic_but_a_programme_is_not():
    assert is_generic("无房派出所") and is_generic("老旧农贸市场")
    assert not is_generic("无废城市") and not is_generic("城关派出所")


def test_a_slogan_on_a_division_is_no_division_of_that_shape():
    assert [
        is_slogan(n) for n in ("科教兴市", "依港立市", "开放活市", "生态强县", "宜兴市", "枣强县", "科教中心")
    ] == [
        True,
        True,
        True,
        True,
        False,
        False,
        False,
    ]


@pytest.mark.parametrize(("head", "kind", "sentence", "name"), head_examples())
def test_each_head_row_with_an_example_types_its_name(found, head, kind, sentence, name):
    assert name.endswith(head)
    assert (name, kind) in found(sentence)
