"""Tests of kg.extract.entities on invented sentences in the genre's style (no names from any report)."""

import pytest

from kg.extract.entities import extract_mentions
from kg.ingest import ingest_text
from kg.types import ENTITY_TYPES, Document, Sentence


def found(text: str) -> set[tuple[str, str]]:
    """The (name, type) pairs extracted from ``text`` read through ingest."""
    return {(m.name, m.type) for m in extract_mentions(ingest_text(text))}


def test_list_with_classifier_and_support_frame_give_companies():
    text = "积极对接金禾集团、银湖控股、青松物流等大型企业，支持天翼机械、鸿达建材进一步做大做强。"
    assert found(text) == {
        ("金禾集团", "Company"),
        ("银湖控股", "Company"),
        ("青松物流", "Company"),
        ("天翼机械", "Company"),
        ("鸿达建材", "Company"),
    }


def test_road_extensions_and_tunnel_are_projects():
    text = "强力推进红星路东延、白沙路西延等路网建设，力促白鹭湾隧道建成通车。"
    assert found(text) == {("红星路东延", "Project"), ("白沙路西延", "Project"), ("白鹭湾隧道", "Project")}


def test_shared_division_head_is_distributed_over_the_list():
    assert found("设立桃源、清溪、柳岸社区。") == {
        ("桃源社区", "Place"),
        ("清溪社区", "Place"),
        ("柳岸社区", "Place"),
    }


def test_combined_bodies_are_split_and_quoted_policy_keeps_its_head():
    text = "坚决落实党中央国务院、省委省政府决策部署，在县委的坚强领导下，深入推进“一网通办”改革和河长制。"
    assert found(text) == {
        ("党中央", "Organization"),
        ("国务院", "Organization"),
        ("省委", "Organization"),
        ("省政府", "Organization"),
        ("县委", "Organization"),
        ("一网通办改革", "Policy"),
        ("河长制", "Policy"),
    }


def test_generic_nouns_are_not_entities():
    assert found("新建安置房3000套，改造农贸市场5个，完成城区公厕改造。") == set()


def test_honours_are_not_places():
    assert found("青山县荣获全国文明城市称号，成功创建省级示范区。") == {("青山县", "Place")}


def test_the_meeting_is_not_an_entity():
    assert found("2019年3月1日在青山县第十七届人民代表大会第三次会议上") == {("青山县", "Place")}


def test_apposition_frame_and_building_programme():
    text = "加快以白鹭湾新城为代表的文旅产业群建设，完成金塔修缮工程。"
    assert found(text) == {("白鹭湾新城", "Project"), ("金塔修缮工程", "Project")}


def test_programme_named_with_gongcheng_is_a_policy():
    assert found("实施乡风文明提升工程。") == {("乡风文明提升工程", "Policy")}


def test_traditional_characters_are_read_after_normalising():
    found_pairs = found("實施鄉村振興戰略，推進青山縣白鷺灣新城建設。")
    assert ("乡村振兴战略", "Policy") in found_pairs
    assert all(name != "白鷺灣新城" for name, _ in found_pairs)


def test_name_cut_by_the_tagger_is_repaired_from_the_document():
    text = "回龙塔修缮工程全面启动。完成回龙塔周边整治，回龙塔对外开放。"
    # The tagger cuts the last 回龙塔 as 回 (a verb) + 龙塔; the document's other uses glue it back.
    pairs = found(text)
    assert ("回龙塔修缮工程", "Project") in pairs and ("回龙塔", "Project") in pairs
    assert all(not name.startswith("龙塔") for name, _ in pairs)


def test_mentions_carry_offsets_rule_and_are_sorted():
    doc = ingest_text("支持金禾食品、青禾农业做大做强。")
    mentions = extract_mentions(doc)
    assert [(m.name, m.type) for m in mentions] == [("金禾食品", "Company"), ("青禾农业", "Company")]
    for m in mentions:
        assert doc.text[m.start : m.end] == m.text
        assert m.type in ENTITY_TYPES and m.rule
    assert list(mentions) == sorted(mentions, key=lambda m: (m.start, m.end, m.type))


def test_extraction_is_deterministic():
    text = "积极对接金禾集团、银湖控股等大型企业，深入推进“一网通办”改革。"
    assert extract_mentions(ingest_text(text)) == extract_mentions(ingest_text(text))


def test_empty_document_has_no_mentions():
    assert extract_mentions(Document("", (), ())) == ()


@pytest.mark.parametrize("slogan", ["一企一策", "三改一拆"])
def test_numbered_slogans_are_policies(slogan):
    text = f"深入开展{slogan}帮扶活动。"
    doc = Document(text, (Sentence(0, text, 0, len(text), None, None),), ())
    assert (slogan, "Policy") in {(m.name, m.type) for m in extract_mentions(doc)}


def test_campaign_year_ends_a_policy_name():
    assert found("深入开展营商环境攻坚年活动。") == {("营商环境攻坚年", "Policy")}


def test_region_relative_facilities_and_platform_companies():
    text = "县人民医院新院区投入使用，城南污水处理厂建成运行，组建县城投集团、县交投公司两大平台。"
    assert found(text) == {
        ("县人民医院新院区", "Project"),
        ("城南污水处理厂", "Project"),
        ("县城投集团", "Company"),
        ("县交投公司", "Company"),
    }


def test_plan_title_in_book_marks_is_a_policy():
    text = "《青山县国民经济和社会发展第十四个五年规划纲要（草案）》提请大会审议。"
    assert ("青山县国民经济和社会发展第十四个五年规划纲要", "Policy") in found(text)


def test_places_listed_before_dengdi_and_session_reference_is_metadata():
    assert found("与苏州、无锡等地签约项目12个。") == {("苏州", "Place"), ("无锡", "Place")}
    assert found("较好完成了县五届人大一次会议确定的目标任务。") == set()


def test_spelled_numerals_are_not_slogans_and_quoted_head_phrase_is_kept():
    assert found("新增城镇就业两千三百人。") == set()
    assert found("执行“三重一大”决策制度。") == {("三重一大决策制度", "Policy")}


def test_company_list_item_stops_at_its_verb():
    assert found("支持鸿达建材、青禾食品建设原料基地。") == {("鸿达建材", "Company"), ("青禾食品", "Company")}


def test_a_verb_inside_the_head_and_a_place_before_an_industry_word_do_not_cut_a_work():
    text = "推进柳河镇污水处理厂建设，青禾湖生态修复工程完工。"
    assert found(text) == {("柳河镇污水处理厂", "Project"), ("青禾湖生态修复工程", "Project")}


def test_provincial_departments_are_organizations():
    assert found("省水利厅会同省生态环境厅开展联合督查。") == {
        ("省水利厅", "Organization"),
        ("省生态环境厅", "Organization"),
    }


def test_phases_and_transport_works_are_projects():
    assert found("实施白鹭湖湿地公园二期，青湾港区一期工程投入使用。") == {
        ("白鹭湖湿地公园二期", "Project"),
        ("青湾港区一期工程", "Project"),
    }
    assert found("建成白鹭国际机场，金沙过江通道主体完工。") == {
        ("白鹭国际机场", "Project"),
        ("金沙过江通道", "Project"),
    }


def test_provinces_and_cities_by_short_name_but_not_inside_an_idiom():
    assert found("与上海、安徽共建产业合作园区。") == {("上海", "Place"), ("安徽", "Place")}
    assert found("确保青溪河水体长治久清。") == {("青溪河", "Place")}


def test_quoted_label_of_a_kind_of_company_is_no_policy():
    assert found("新增专精特新“小巨人”企业30家。") == set()


def test_listed_divisions_keep_their_own_heads():
    assert found("全面推进凤岭镇、石桥乡等8个贫困村出列。") == {("凤岭镇", "Place"), ("石桥乡", "Place")}


def test_the_report_title_is_no_organization():
    doc = ingest_text("2019年青山县政府工作报告\n各位代表：\n青山县人民政府向大会报告工作。")
    assert {(m.name, m.type) for m in extract_mentions(doc)} == {("青山县人民政府", "Organization")}


def test_investor_and_capacity_inside_a_project_name():
    assert found("青禾集团年产5万吨有机肥项目建成投产。") == {("青禾集团年产5万吨有机肥项目", "Project")}


def test_a_route_from_one_place_to_another_is_one_project():
    assert found("加快青山至白沙快速通道建设。") == {("青山至白沙快速通道", "Project")}


def test_counted_classifier_after_deng_types_the_list():
    assert found("瑞丰光学、鸿远精工等28家外资企业落户。") == {
        ("瑞丰光学", "Company"),
        ("鸿远精工", "Company"),
    }


def test_a_division_in_brackets_stays_inside_the_name():
    assert found("德国Veltra精工（绵阳）有限公司落户。") == {("德国Veltra精工(绵阳)有限公司", "Company")}
    assert found("建设中国（四川）自由贸易试验区。") == {("中国(四川)自由贸易试验区", "Place")}
    assert found("召开会议（扩大）部署工作。") == set()


def test_unbalanced_brackets_are_never_a_name():
    assert found("德国Veltra精工（绵阳）有限公司落户。") == {("德国Veltra精工(绵阳)有限公司", "Company")}
    assert found("美国Norvia精工（绵阳）有限公司投产。") == {("美国Norvia精工(绵阳)有限公司", "Company")}


def test_a_glossary_headword_opening_with_a_numeral_is_a_slogan():
    text = "名词解释\n1.“三好农村路”（P3）：指把农村公路建好、管好、护好。"
    assert ("三好农村路", "Policy") in found(text)
    assert ("三好农村路", "Project") not in found(text)


def test_a_conjunction_never_ends_a_body_and_region_bodies_are_no_companies():
    text = "一年来，在县委的坚强领导下，在县人大和县政协的监督支持下，我们圆满完成了目标任务。"
    assert found(text) == {("县委", "Organization"), ("县人大", "Organization"), ("县政协", "Organization")}


def test_the_region_inside_an_output_indicator_is_no_place():
    assert found("万元地区生产总值能耗下降3.2%，地区生产总值增长6%。") == set()


def test_rankings_won_are_honours_not_policies():
    text = (
        "在年度“全国营商活力百强区”名单中位列第52位，首次入选“全国数字经济百强区”，连续三年进入全省“十强县”。"
    )
    assert found(text) == set()


def test_a_news_dateline_is_front_matter():
    text = "【青川晚报网讯】3月2日，青山县第十六届人民代表大会第四次会议开幕。金禾集团落户青山县。"
    assert found(text) == {("青山县", "Place"), ("金禾集团", "Company")}


def test_a_news_site_named_in_the_body_is_an_organization():
    assert ("青川商报网", "Organization") in found("青川商报网连续报道了青山县的新变化。")


def test_a_list_of_plenary_sessions_holds_no_name():
    assert found("全面贯彻党的十九大和十九届二中、三中、四中全会精神，落实各项决策部署。") == set()


def test_a_quoted_name_takes_the_head_written_after_the_quote_and_the_place_before_it():
    text = "“春风”艺术团走进白沙镇慰问演出，白沙镇“一台戏”项目取得重大进展，“一村一品”加快推广。"
    assert found(text) == {
        ("春风艺术团", "Organization"),
        ("白沙镇", "Place"),
        ("白沙镇一台戏项目", "Project"),
        ("一村一品", "Policy"),
    }


def test_titles_won_hold_no_name_and_a_regional_office_is_its_body():
    text = (
        "连续第三年被评为“湖南省经济实力十强县”，获评国家生态文明建设示范县，先后获得中国白茶之乡、"
        "联合国开发计划署中国区“绿色发展优秀示范县”等荣誉称号。"
    )
    assert found(text) == {("联合国开发计划署中国区", "Organization")}


def test_five_year_periods_are_no_policies_but_their_plans_are():
    assert found("实现了“十二五”时期的良好开局，提前完成“十三五”任务。") == set()
    assert found("“十三五”规划顺利收官，编制十四五规划纲要。") == {
        ("十三五规划", "Policy"),
        ("十四五规划", "Policy"),
    }


def test_generic_zones_categories_and_qualities_are_no_names():
    text = (
        "加快推进高新区、经开区及各类园区建设，拓展实施商务、农业、文旅等合作计划，"
        "开展首创性、差异化改革探索，推进常态化机制建设。"
    )
    assert found(text) == set()


def test_a_centre_listed_with_a_platform_is_a_project():
    text = "做实青禾国际经贸平台和欧洲白鹭中心。"
    assert ("欧洲白鹭中心", "Project") in found(text)
    assert ("欧洲白鹭中心", "Organization") not in found(text)


def test_latin_junk_glued_before_a_body_is_split_off_and_a_party_school_is_no_committee():
    text = "各位代表：FTR湖南省人民政府向大会报告工作。会议在青山县委党校举行。"
    assert found(text) == {("湖南省人民政府", "Organization"), ("青山县委党校", "Organization")}


def test_a_national_policy_term_before_a_park_head_only_describes_the_park():
    text = "推进三江数字经济产业园建设，发展数字经济。"
    mentions = [(m.name, m.type, m.start) for m in extract_mentions(ingest_text(text))]
    assert mentions == [("数字经济", "Policy", text.rindex("数字经济"))]


def test_quoted_city_brands_after_a_review_or_a_verb_of_winning_are_titles():
    text = (
        "通过“中国竹都”“中国羽绒服装名城”复评，获评全省唯一一个“中国果蔬名城”，"
        "荣获“山水画廊”称号，入选“金溪样板”，深入推进“青溪模式”改革。"
    )
    assert found(text) == {("青溪模式改革", "Policy")}


def test_quoted_goal_clauses_are_slogans_and_short_quoted_reforms_stay():
    text = (
        "围绕“把白鹭建设得更加美丽”发展目标和“打造沿江开放带上的特色门户城市”发展定位，"
        "推行“一窗受理、集成服务”，实现“只进一扇门、最多跑一次”。"
    )
    assert found(text) == {("一窗受理、集成服务", "Policy"), ("最多跑一次", "Policy")}


def test_a_name_with_a_latin_technology_suffix_before_its_projects_is_a_project():
    text = "金溪LNG等多个百亿级项目落地建设，推动青禾IDC项目、白鹭5G项目开工，新建5G基站1200个。"
    assert found(text) == {
        ("金溪LNG", "Project"),
        ("青禾IDC项目", "Project"),
        ("白鹭5G项目", "Project"),
    }


def test_a_company_listed_before_a_ranking_of_enterprises_is_a_company():
    assert found("泰国金禾控股等世界500强企业入驻，丰源控股等中国500强企业落户。") == {
        ("泰国金禾控股", "Company"),
        ("丰源控股", "Company"),
    }


def test_a_campaign_verb_before_a_listed_policy_and_a_generic_method_are_left_out():
    text = "在决胜全面建成小康社会、决战脱贫攻坚的关键时刻，依托社区网格化管理开展群防群控，落实“四早”要求。"
    assert found(text) == {("全面建成小康社会", "Policy"), ("脱贫攻坚", "Policy"), ("四早", "Policy")}


def test_regional_strategies_are_policies_and_an_earthquake_names_only_its_place():
    text = "主动融入成渝地区双城经济圈建设和西部陆海新通道建设，有效应对青川6.1级地震、特大暴雨等重大考验。"
    found_here = found(text)
    assert {("成渝地区双城经济圈", "Policy"), ("西部陆海新通道", "Policy")} <= found_here
    assert found_here - {("成渝地区双城经济圈", "Policy"), ("西部陆海新通道", "Policy")} <= {
        ("青川", "Place")
    }


def test_a_policy_head_before_the_other_half_of_a_compound_is_no_head():
    text = (
        "让广大群众共享改革发展成果，举办庆祝改革开放40周年文艺汇演，白沙镇农村综合改革实践获评全省优秀案例。"
    )
    assert found(text) == {("改革开放", "Policy"), ("白沙镇", "Place")}


def test_a_policy_head_before_a_noun_or_another_head_leaves_no_shorter_policy():
    assert found("推动青禾乡土地制度改革任务落地。") == {("青禾乡", "Place")}


def test_a_policy_name_without_a_compound_after_it_stays():
    assert found("深化户籍制度改革，推行最多跑一次改革和放管服改革。") == {
        ("户籍制度改革", "Policy"),
        ("最多跑一次改革", "Policy"),
        ("放管服改革", "Policy"),
    }


def test_clause_verbs_and_superlatives_never_lie_inside_a_name():
    text = "始终把群众满意作为最高工作标准，把权力关进制度的笼子，把安全生产纳入年度考核，坚持最高政治原则。"
    assert found(text) == set()


def test_zuowei_splits_a_national_theory_from_the_government():
    text = "把习近平新时代中国特色社会主义思想作为政府工作的根本遵循。"
    assert found(text) == {("习近平新时代中国特色社会主义思想", "Policy")}


def test_a_verb_of_going_before_a_place_head_makes_a_destination_not_shared_head():
    assert found("推动医疗、教育、文化下社区，组织干部进村入户。") == set()
    assert found("推动城管、环卫、便民服务下社区。") == set()


def test_a_name_whose_middle_reads_like_a_verb_of_going_is_still_a_place():
    assert found("推进前进村、东进社区、岭下村改造。") == {
        ("前进村", "Place"),
        ("东进社区", "Place"),
        ("岭下村", "Place"),
    }


def test_a_title_won_up_to_chenghao_holds_no_place():
    text = "青山县荣获全省平安县市区称号，白沙镇获评全国文明村镇荣誉。"
    assert found(text) == {("青山县", "Place"), ("白沙镇", "Place")}


def test_a_body_named_before_de_stays_outside_the_title():
    assert found("金禾集团荣获县政府授予的纳税大户称号。") == {
        ("金禾集团", "Company"),
        ("县政府", "Organization"),
    }


def test_a_generic_noun_after_a_word_of_state_is_still_generic():
    assert found("解决无房派出所和老旧派出所用房问题。") == set()


def test_an_industry_word_glued_to_a_product_is_split_off_after_a_company_name():
    text = "恒达生物危化品和原钢铁厂固废清理到位，支持振洋汽配、龙都建材做大做强。"
    assert found(text) == {("恒达生物", "Company"), ("振洋汽配", "Company"), ("龙都建材", "Company")}


def test_a_development_slogan_on_the_city_is_no_place():
    text = "二、2020年工作安排\n深化实施依港立市、工业强市、开放活市、科教兴市战略,坚持生态立县、科教兴县。"
    assert not {name for name, kind in found(text) if kind == "Place"}


def test_a_headings_opening_verb_is_no_company():
    assert found("二、2020年工作安排\n(一)聚力推进乡村振兴,加快农业现代化。") == {("乡村振兴", "Policy")}


def test_no_name_starts_with_the_second_half_of_a_split_word():
    assert found("二、2020年工作安排\n健全联农带农机制,完善到户产业奖补办法,鼓励发展。") == {
        ("产业奖补办法", "Policy")
    }
