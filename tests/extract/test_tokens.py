"""Tests of kg.extract.tokens: the tagger's words repaired and the words a name is made of, read through
:func:`kg.extract.entities.extract_mentions` on invented sentences in the genre's style (no names from any
report)."""


def test_name_cut_by_the_tagger_is_repaired_from_the_document(found):
    text = "回龙塔修缮工程全面启动。完成回龙塔周边整治，回龙塔对外开放。"
    # The tagger cuts the last 回龙塔 as 回 (a verb) + 龙塔; the document's other uses glue it back.
    pairs = found(text)
    assert ("回龙塔修缮工程", "Project") in pairs and ("回龙塔", "Project") in pairs
    assert all(not name.startswith("龙塔") for name, _ in pairs)


def test_a_verb_inside_the_head_and_a_place_before_an_industry_word_do_not_cut_a_work(found):
    text = "推进柳河镇污水处理厂建设，青禾湖生态修复工程完工。"
    assert {("柳河镇污水处理厂", "Project"), ("青禾湖生态修复工程", "Project")} <= found(text)


def test_clause_verbs_and_superlatives_never_lie_inside_a_name(found):
    text = "始终把群众满意作为最高工作标准，把权力关进制度的笼子，把安全生产纳入年度考核，坚持最高政治原则。"
    assert found(text) == set()


def test_zuowei_splits_a_national_theory_from_the_government(found):
    text = "把习近平新时代中国特色社会主义思想作为政府工作的根本遵循。"
    assert found(text) == {("习近平新时代中国特色社会主义思想", "Policy")}


def test_an_industry_word_glued_to_a_product_is_split_off_after_a_company_name(found):
    text = "恒达生物危化品和原钢铁厂固废清理到位，支持振洋汽配、龙都建材做大做强。"
    assert found(text) == {("恒达生物", "Company"), ("振洋汽配", "Company"), ("龙都建材", "Company")}


def test_no_name_starts_with_the_second_half_of_a_split_word(found):
    assert found("二、2020年工作安排\n健全联农带农机制,完善到户产业奖补办法,鼓励发展。") == {
        ("产业奖补办法", "Policy")
    }


def test_an_adverb_of_manner_inside_a_mechanism_stays_in_its_name(found):
    assert found("建立群众投诉快速响应机制。") == {("群众投诉快速响应机制", "Policy")}
    assert found("深化土地要素相对集中配置改革。") == {("土地要素相对集中配置改革", "Policy")}
    assert ("快速响应中心", "Organization") not in found("青山快速响应中心投入使用。")
    assert found("率先构建青禾技能人才评价体系。") == {("青禾技能人才评价体系", "Policy")}


def test_a_verb_noun_before_a_known_body_governs_it(found):
    pairs = found("46、组建区公共法律服务中心，构建三级服务体系。")
    assert ("区公共法律服务中心", "Organization") in pairs
    assert all(not name.startswith("组建") for name, _ in pairs)


def test_an_ordinal_of_a_place_or_body_is_no_part_of_a_name(found):
    assert found("白沙迎来第一所大学。") <= {("白沙", "Place")}
    assert ("青山第一中学", "Project") in found("青山第一中学扩建。")
    assert ("白鹭江保护第三个三年行动计划", "Policy") in found("实施白鹭江保护第三个三年行动计划。")


def test_gaosu_closing_a_name_is_the_expressway_not_the_adverb(found):
    assert ("乐山高速", "Project") in found("青白铁路和乐山高速建成通车。")
    assert found("经济保持高速增长。") == set()
