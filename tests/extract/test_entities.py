"""Tests of kg.extract.entities: the whole pipeline of name rules, offsets, order and determinism, read through
:func:`kg.extract.entities.extract_mentions` on invented sentences in the genre's style (no names from any
report)."""

from kg.extract.entities import extract_mentions
from kg.ingest import ingest_text
from kg.types import ENTITY_TYPES, Document


def test_traditional_characters_are_read_after_normalising(found):
    found_pairs = found("實施鄉村振興戰略，推進青山縣白鷺灣新城建設。")
    assert ("乡村振兴战略", "Policy") in found_pairs
    assert all(name != "白鷺灣新城" for name, _ in found_pairs)


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


def test_campaign_year_ends_a_policy_name(found):
    assert found("深入开展营商环境攻坚年活动。") == {("营商环境攻坚年", "Policy")}


def test_places_listed_before_dengdi_and_session_reference_is_metadata(found):
    assert found("与苏州、无锡等地签约项目12个。") == {("苏州", "Place"), ("无锡", "Place")}
    assert found("较好完成了县五届人大一次会议确定的目标任务。") == set()


def test_provinces_and_cities_by_short_name_but_not_inside_an_idiom(found):
    assert found("与上海、安徽共建产业合作园区。") == {("上海", "Place"), ("安徽", "Place")}
    assert found("确保青溪河水体长治久清。") == {("青溪河", "Place")}


def test_investor_and_capacity_inside_a_project_name(found):
    assert found("青禾集团年产5万吨有机肥项目建成投产。") == {
        ("青禾集团年产5万吨有机肥项目", "Project"),
        ("青禾集团", "Company"),
    }


def test_a_facility_with_its_capacity_after_a_company_is_a_project(found):
    assert ("金禾集团10万吨粮食储备库", "Project") in found("金禾集团10万吨粮食储备库即将建成投产。")


def test_product_and_phase_before_a_yearly_capacity_stay_in_the_project(found):
    pairs = found("青禾能源天然气II系列8.5亿立方米/年工程投产送气。")
    assert ("青禾能源天然气II系列8.5亿立方米/年工程", "Project") in pairs
    assert ("青禾能源", "Company") in pairs


def test_products_listed_after_a_company_up_to_one_project_are_one_project(found):
    pairs = found("青禾科技焦油加氢、粗苯精制、酚醛树脂项目完成设备安装。")
    assert ("青禾科技焦油加氢、粗苯精制、酚醛树脂项目", "Project") in pairs


def test_a_route_from_one_place_to_another_is_one_project(found):
    assert found("加快青山至白沙快速通道建设。") == {("青山至白沙快速通道", "Project")}


def test_a_division_in_brackets_stays_inside_the_name(found):
    assert found("德国Veltra精工（绵阳）有限公司落户。") == {("德国Veltra精工(绵阳)有限公司", "Company")}
    assert found("建设中国（四川）自由贸易试验区。") == {("中国(四川)自由贸易试验区", "Place")}
    assert found("召开会议（扩大）部署工作。") == set()


def test_a_conjunction_never_ends_a_body_and_region_bodies_are_no_companies(found):
    text = "一年来，在县委的坚强领导下，在县人大和县政协的监督支持下，我们圆满完成了目标任务。"
    assert found(text) == {("县委", "Organization"), ("县人大", "Organization"), ("县政协", "Organization")}


def test_a_news_site_named_in_the_body_is_an_organization(found):
    assert ("青川商报网", "Organization") in found("青川商报网连续报道了青山县的新变化。")


def test_a_centre_listed_with_a_platform_is_a_project(found):
    text = "做实青禾国际经贸平台和欧洲白鹭中心。"
    assert ("欧洲白鹭中心", "Project") in found(text)
    assert ("欧洲白鹭中心", "Organization") not in found(text)


def test_a_national_policy_term_before_a_park_head_only_describes_the_park():
    text = "推进三江数字经济产业园建设，发展数字经济。"
    mentions = [(m.name, m.type, m.start) for m in extract_mentions(ingest_text(text))]
    assert mentions == [("数字经济", "Policy", text.rindex("数字经济"))]


def test_a_name_with_a_latin_technology_suffix_before_its_projects_is_a_project(found):
    text = "金溪LNG等多个百亿级项目落地建设，推动青禾IDC项目、白鹭5G项目开工，新建5G基站1200个。"
    assert found(text) == {
        ("金溪LNG", "Project"),
        ("青禾IDC项目", "Project"),
        ("白鹭5G项目", "Project"),
    }


def test_regional_strategies_are_policies_and_an_earthquake_names_only_its_place(found):
    text = "主动融入成渝地区双城经济圈建设和西部陆海新通道建设，有效应对青川6.1级地震、特大暴雨等重大考验。"
    found_here = found(text)
    assert {("成渝地区双城经济圈", "Policy"), ("西部陆海新通道", "Policy")} <= found_here
    assert found_here - {("成渝地区双城经济圈", "Policy"), ("西部陆海新通道", "Policy")} <= {
        ("青川", "Place")
    }


def test_a_policy_head_before_the_other_half_of_a_compound_is_no_head(found):
    text = (
        "让广大群众共享改革发展成果，举办庆祝改革开放40周年文艺汇演，白沙镇农村综合改革实践获评全省优秀案例。"
    )
    assert found(text) == {("白沙镇", "Place")}  # 改革开放 here is the era, used generically


def test_a_policy_head_before_a_noun_or_another_head_leaves_no_shorter_policy(found):
    assert found("推动青禾乡土地制度改革任务落地。") == {("青禾乡", "Place")}


def test_a_policy_name_without_a_compound_after_it_stays(found):
    assert found("深化户籍制度改革，推行最多跑一次改革和放管服改革。") == {
        ("户籍制度改革", "Policy"),
        ("最多跑一次改革", "Policy"),
        ("放管服改革", "Policy"),
    }


def test_a_headings_opening_verb_is_no_company(found):
    assert found("二、2020年工作安排\n(一)聚力推进乡村振兴,加快农业现代化。") == {("乡村振兴", "Policy")}


def test_a_ranking_before_a_company_is_no_part_of_its_name(found):
    pairs = found("引进世界500强企业青禾控股集团、中国民营企业500强江西白鹭集团。")
    assert ("青禾控股集团", "Company") in pairs
    assert ("江西白鹭集团", "Company") in pairs
    assert all("强" not in name for name, _ in pairs)


def test_a_member_of_the_cppcc_or_congress_is_no_mention_of_the_body(found):
    assert found("请政协委员和列席人员提出意见。") == set()
    assert found("办理县人大代表建议52件、县政协委员提案40件。") == set()
    assert found("县政协开展民主监督。") == {("县政协", "Organization")}


def test_a_qualified_generic_noun_and_a_bare_level_word_are_no_places(found):
    assert found("全面启动智慧矿山建设。") == set()
    assert found("成功晋升为自治区级园林县城。") == set()


def test_works_counted_by_many_are_a_kind(found):
    assert found("新建农村饮水安全工程95处。") == set()


def test_technical_items_before_one_project_head_are_no_policies(found):
    pairs = found("青禾科技焦油加氢、粗苯精制、酚醛树脂项目完成设备安装。")
    assert ("青禾科技", "Company") in pairs and all(kind != "Policy" for _, kind in pairs)


def test_a_common_noun_read_as_an_organisation_before_a_noun_is_no_company(found):
    assert found("资源能源消耗持续下降。") == set()
    assert {("联想", "Company"), ("百度", "Company")} <= found("积极对接联想、百度等企业。")


def test_the_zone_a_committee_is_named_after_is_a_place(found):
    pairs = found("青山县白鹭产业园区管委会挂牌成立。")
    assert {("青山县白鹭产业园区管委会", "Organization"), ("青山县白鹭产业园区", "Place")} <= pairs


# Classes of names seen in real reports (issue 9, part 4), each on invented sentences.


def test_policy_documents_whose_head_holds_a_frame_verb(found):
    pairs = found("编制白鹭湾科技扶持办法，出台青禾片区更新实施办法。")
    assert ("白鹭湾科技扶持办法", "Policy") in pairs
    assert ("青禾片区更新实施办法", "Policy") in pairs


def test_policy_instruments_with_a_qualified_head(found):
    pairs = found("建立小微企业贷款风险补偿机制，出台白鹭芯片专项政策。")
    assert ("小微企业贷款风险补偿机制", "Policy") in pairs
    assert ("白鹭芯片专项政策", "Policy") in pairs


def test_a_policy_head_after_a_word_of_description_alone_is_no_name(found):
    assert found("推进重大改革，实施核心战略，开展专项整治。") == set()


def test_built_venues_and_freight_trains_are_projects(found):
    pairs = found("青禾文体中心、白鹭山体育馆建成，青禾班列开行。")
    assert {("青禾文体中心", "Project"), ("白鹭山体育馆", "Project")} <= pairs
    assert ("青禾班列", "Project") in pairs


def test_macro_regions_are_places_and_their_strategies_policies(found):
    pairs = found("主动对接京津冀、长三角和成渝，融入粤港澳大湾区，推进京津冀协同发展。")
    assert {("京津冀", "Place"), ("长三角", "Place"), ("成渝", "Place"), ("粤港澳大湾区", "Place")} <= pairs
    assert ("京津冀协同发展", "Policy") in pairs


def test_kinds_of_settlement_and_metaphors_are_no_names(found):
    assert found("推进城中村和新农村建设，守护“春天的花朵”，让绿水青山变成金山银山。") == set()


def test_items_listed_before_deng_xiangmu_are_projects_with_their_phases(found):
    assert found("金禾汽车、赛诺瑞一期等项目陆续建成。") == {
        ("金禾汽车", "Project"),
        ("赛诺瑞一期", "Project"),
    }


def test_a_hospital_is_a_body_unless_its_clause_builds_it(found):
    pairs = found("区属医院与青山医院、省妇科医院深入合作，白鹭医院门诊楼建成，新建县中医院。")
    assert {("青山医院", "Organization"), ("省妇科医院", "Organization")} <= pairs
    assert {("白鹭医院门诊楼", "Project"), ("县中医院", "Project")} <= pairs
    assert not any(name == "区属医院" for name, _ in pairs)


def test_numbered_policy_packages_are_policies_and_counts_of_things_are_not(found):
    pairs = found("落实促进企业上市6条，出台3个20条和1+14工作方案，新建道路6条。")
    assert pairs == {("促进企业上市6条", "Policy"), ("3个20条", "Policy"), ("1+14工作方案", "Policy")}
    assert found("随着青禾联防机制二十条出台，抓落实才是第一条。") == {("青禾联防机制二十条", "Policy")}


def test_a_verb_of_going_or_of_closing_is_no_part_of_a_name(found):
    assert found("组织企业赴北京招商，赴深圳、上海考察。") == {
        ("北京", "Place"),
        ("深圳", "Place"),
        ("上海", "Place"),
    }
    pairs = found("青峰煤业闭井，白溪煤业关闭退出。")
    assert {("青峰煤业", "Company"), ("白溪煤业", "Company")} <= pairs


def test_qizhong_and_yiji_never_open_a_name(found):
    pairs = found("其中青禾云谷科技有限公司投资5亿元，以及白鹭数码有限公司落户。")
    assert pairs == {("青禾云谷科技有限公司", "Company"), ("白鹭数码有限公司", "Company")}


def test_towns_streets_and_villages_are_places_wherever_they_stand(found):
    pairs = found("白沙镇、东屏街道、青石村完成改造，在白沙镇建设农贸市场。")
    assert {("白沙镇", "Place"), ("东屏街道", "Place"), ("青石村", "Place")} <= pairs


def test_routes_between_places_and_bracketed_phases_are_projects(found):
    pairs = found("青山至白沙快速路开工，青禾茶叶交易中心（二期）建成，延伸至白沙大道。")
    assert pairs == {
        ("青山至白沙快速路", "Project"),
        ("青禾茶叶交易中心二期", "Project"),
        ("白沙大道", "Project"),
    }
    assert ("白溪流域综合治理工程", "Project") in found("白溪流域综合治理工程完工。")


def test_a_works_name_before_gongcheng_makes_it_a_project_and_line_numbers_stay(found):
    pairs = found("推进白沙码头工程（口岸）建设，轨道6号线建成，白沙北站投用。")
    assert {("白沙码头工程", "Project"), ("轨道6号线", "Project"), ("白沙北站", "Project")} <= pairs


def test_counted_firms_listed_before_deng_are_companies_and_industries_are_not(found):
    assert found("青禾浩海、畅想云帆等5家企业获奖，电子信息、生物医药等企业集聚。") == {
        ("青禾浩海", "Company"),
        ("畅想云帆", "Company"),
    }


def test_firsts_measures_counted_divisions_and_reduplications_are_no_part_of_names(found):
    assert ("青禾数字标准体系", "Policy") in found("建成全国首创青禾数字标准体系。")
    assert found("推动六区一市协同，一步一步推进，整备片区35万平方米潜力地块。") == set()


def test_a_region_office_the_tagger_names_is_a_body_and_industries_are_no_firms(found):
    assert found("区婚姻登记处搬迁至新址。") == {("区婚姻登记处", "Organization")}
    assert found("支持金融科技、跨境电商发展，活动获央视报道。") == {("央视", "Organization")}


def test_named_platforms_and_systems_are_policies_and_kinds_of_them_are_not(found):
    pairs = found(
        "搭建招商平台和政务服务平台，白鹭应急指挥系统、青禾智慧管理指挥平台上线，债务全部为系统内债务。"
    )
    assert pairs == {("白鹭应急指挥系统", "Policy"), ("青禾智慧管理指挥平台", "Policy")}


def test_a_kind_of_city_is_no_place_and_national_bodies_need_no_proper_noun(found):
    assert found("建成海绵城市，规模以上工业企业增至百家。") == set()
    assert ("国家海洋科考中心", "Organization") in found("国家海洋科考中心落户。")


def test_switch_reforms_and_plans_named_by_their_year_are_policies_and_records_are_not(found):
    pairs = found(
        "煤改气稳步实施，出台《青山制造2035》，总投资2025万元，实现“十连增”，整改到位，和改善民生。"
    )
    assert pairs == {("煤改气", "Policy"), ("青山制造2035", "Policy")}


def test_two_characters_alone_are_no_firm_but_a_listed_brand_is(found):
    assert ("聚力", "Company") not in found("聚力打造白鹭港。")
    pairs = found("主动对接鑫丰、华鼎、禾润等大型企业。")
    assert {("鑫丰", "Company"), ("华鼎", "Company"), ("禾润", "Company")} <= pairs


def test_quoted_counted_aims_are_no_policies_and_a_head_after_the_quote_still_names_one(found):
    assert found("实现“三个提升”“两个增强”。") == set()
    assert ("四个成片原则", "Policy") in found("坚持“四个成片”原则。")


def test_the_country_is_the_state_councils_region_and_its_development_is_no_firm():
    from kg.extract.lexicons import region_shorts

    assert region_shorts(Document("", (), (), region_full="中华人民共和国")) == ("中国",)
    text = "任何困难都挡不住中国发展前行的步伐。"
    doc = ingest_text(text)
    assert [(m.name, m.type) for m in extract_mentions(doc)] == []


def test_a_quote_closing_with_a_works_head_is_a_project_and_a_slogans_programme_a_policy(found):
    pairs = found("提速“白鹭LNG走廊”建设，实施“四好农村路”工程。")
    assert ("白鹭LNG走廊", "Project") in pairs and ("四好农村路工程", "Policy") in pairs


def test_a_shore_word_names_the_water_and_a_short_name_beside_no_firm_is_none(found):
    assert {("青山湖", "Place"), ("白溪河", "Place")} <= found("云集青山湖畔、白溪河边。")
    assert not any(t == "Company" for _, t in found("推动交通联通、规划融通。"))


def test_a_list_counted_as_firms_or_closed_by_works_types_its_items(found):
    pairs = found("青禾科技、鲜果宝两家企业获评，推进绿廊、青禾湾和白鹭湾生态修复等重点生态工程。")
    assert {("青禾科技", "Company"), ("鲜果宝", "Company"), ("白鹭湾生态修复", "Project")} <= pairs
    assert found("推动冷链物流发展，主体工程贯通。") == set()


def test_a_side_of_a_region_names_a_work_and_praise_before_a_brand_names_nothing(found):
    pairs = found("完成东部海堤三期工程2公里建设，打造产业知名品牌，青山群众品牌深入人心。")
    assert pairs == {("东部海堤三期工程", "Project"), ("青山群众品牌", "Policy")}


def test_figures_are_no_packages_or_plans_and_a_pilot_needs_a_name(found):
    text = "落实整改措施1102条，出台稳增长8条，全省高铁运营里程2065公里，开展全国试点和综合改革试点。"
    assert found(text) == {("稳增长8条", "Policy"), ("综合改革试点", "Policy")}


def test_a_region_short_name_the_tagger_left_a_noun_opens_a_place_name():
    from kg.extract.entities import _own_places
    from kg.extract.tokens import Token

    toks = [Token("青山", "n", 0, 2), Token("中心", "n", 2, 4), Token("区", "n", 4, 5)]
    assert [t.tag for t in _own_places(toks, ("青山",))] == ["LOC", "n", "n"]
    assert [t.tag for t in _own_places(toks, ("白沙",))] == ["n", "n", "n"]


def test_a_strategic_layout_after_a_quote_closes_the_policy(found):
    assert ("四个统筹战略布局", "Policy") in found("协调推进“四个统筹”战略布局。")


def test_a_quote_holding_only_a_head_names_nothing(found):
    assert found("建设“云平台”，推进“一网通办”。") == {("一网通办", "Policy")}


def test_state_council_departments_are_organisations(found):
    assert found("教育部、财政部和海关总署联合印发通知。") == {
        ("教育部", "Organization"),
        ("财政部", "Organization"),
        ("海关总署", "Organization"),
    }


def test_a_verb_ending_with_a_head_character_closes_no_name(found):
    assert ("区普惠金融服务平台上线", "Project") not in found("区普惠金融服务平台上线，惠及企业300家。")
    assert ("省安委会督办", "Organization") not in found("省安委会督办的隐患全部整改。")


def test_determiners_and_bounds_of_a_count_are_no_part_of_a_name(found):
    assert found("争取青禾产业示范区相关项目落户。") == set()
    assert found("完成2个以上工业园区循环化改造。") == set()


def test_abstract_nouns_the_tagger_reads_as_firms_are_no_companies(found):
    assert found("积极推进公办教育均衡化、民办教育优质化。") == set()
    assert found("把营商环境作为核心竞争力精心培育。") == set()
    assert found("支持青山国际大学园高质量发展。") == {("青山国际大学园", "Project")}


def test_a_region_or_person_before_a_weak_company_head_is_a_field_not_a_firm(found):
    assert found("举办青山区科技创新大会。") == {("青山区", "Place")}
    assert ("青禾农业", "Company") in found("支持金禾食品、青禾农业做大做强。")


def test_a_division_opening_a_work_is_a_place_of_its_own(found):
    pairs = found("白沙镇茶叶交易中心（二期）6月底前建成投用。")
    assert {("白沙镇茶叶交易中心二期", "Project"), ("白沙镇", "Place")} <= pairs
    assert ("美丽乡村", "Place") not in found("推进青山镇美丽乡村建设。")


def test_a_noun_of_how_a_campaign_goes_leaves_its_name_standing(found):
    assert ("青山治水攻坚", "Policy") in found("青山治水攻坚力度加大，河湖面貌明显改善。")


def test_a_firms_short_name_after_its_full_name_is_a_mention_of_it(found):
    pairs = found("恒鑫不锈钢扩产增效，恒鑫实现产值5亿元。")
    assert {("恒鑫不锈钢", "Company"), ("恒鑫", "Company")} <= pairs
    assert found("聚力打造青山新城。") == {("青山新城", "Project")}


def test_kinds_of_banks_are_no_firms_and_nationwide_campaigns_and_bodies_are_known(found):
    assert found("支持中小银行、村镇银行发展。") == set()
    assert ("平安中国", "Policy") in found("推进平安中国建设。")
    assert ("中国共产党", "Organization") in found("坚持中国共产党的领导。")


def test_a_street_then_a_nationwide_programme_are_two_names(found):
    pairs = found("推进白沙街道美丽乡村建设。")
    assert ("白沙街道", "Place") in pairs
    assert all(not name.startswith("白沙街道美丽") for name, _ in pairs)


def test_a_town_opening_a_name_the_tagger_wrote_as_one_word_is_a_place(found):
    assert ("白沙镇", "Place") in found("白沙镇茶叶交易中心（二期）6月底前建成投用。")
    assert ("美丽乡村", "Place") not in found("建设美丽乡村示范带项目。")


def test_a_centre_or_laboratory_being_opened_or_built_is_a_project(found):
    assert ("青山综合服务中心", "Project") in found("青山综合服务中心即将投入运营。")
    assert ("白鹭湖数据实验室", "Project") in found("白鹭湖数据实验室主体封顶。")
    assert ("金禾文化中心", "Project") in found("建成金禾文化中心，群众文化生活更加丰富。")


def test_a_centre_that_works_or_is_an_aim_stays_a_body(found):
    assert ("青山综合服务中心", "Organization") in found("青山综合服务中心为群众提供一站式服务。")
    assert "Project" not in {t for n, t in found("加快建成青山国际金融中心。") if n.endswith("中心")}


def test_a_verb_opening_the_clause_is_no_part_of_the_model_it_takes(found):
    assert ("邻里互助陪伴模式", "Policy") in found("创新邻里互助陪伴模式，推广白鹭经验。")
    assert ("创新邻里互助陪伴模式", "Policy") not in found("创新邻里互助陪伴模式，推广白鹭经验。")
    assert ("创新驱动发展战略", "Policy") in found("创新驱动发展战略深入实施。")


def test_a_thing_counted_as_a_kind_is_no_name(found):
    assert not {n for n, _ in found("建成20个街心公园和3条花景大道。")} & {"街心公园", "花景大道"}
    assert "公办幼儿园" not in {n for n, _ in found("新增公办幼儿园29所。")}
    assert ("青山湖大桥", "Project") in found("新建一座青山湖大桥。")  # one counted is the one named
    assert ("青禾农业", "Company") in found("引进金禾食品、青禾农业3家企业。")


def test_a_campaign_named_after_the_region_is_a_policy():
    text = "各位代表：现在，我代表长沙市岳麓区人民政府向大会报告工作。推进智慧岳麓和平安岳麓建设，美丽岳麓山景区提质。"
    doc = ingest_text(text)
    found = {(m.name, m.type) for m in extract_mentions(doc) if m.rule == "campaign"}
    assert ("智慧岳麓", "Policy") in found and ("平安岳麓", "Policy") in found
    assert not any(name.startswith("美丽") for name, _ in found)  # 美丽 岳麓山: a mountain described


def test_a_school_or_university_named_by_its_kind_alone_is_no_name(found):
    assert found("办好乡镇寄宿制学校和乡村小规模学校，建设高水平大学。") == set()
    assert ("集成电路", "Project") not in found("出台集成电路、生物医药等专项扶持政策。")


def test_a_verb_of_aim_between_its_object_and_a_programme_head_is_the_names(found):
    assert ("重点人群健康促进工程", "Policy") in found("实施重点人群健康促进工程，群众健康水平提高。")
    assert ("特色品牌培育计划", "Policy") in found("实施特色品牌培育计划。")
    assert found("大力促进消费。") == set()


def test_a_quoted_label_of_problems_or_of_a_reputation_is_no_policy(found):
    assert ("慢半拍", "Policy") in found("改变“慢半拍”作风。")  # the same words quoted elsewhere are one
    assert found("处置了一批“拆不动”，改变了白鹭“慢半拍”的印象。") == set()
    assert ("双循环叠加", "Policy") in found("面对“双循环叠加”的局面，推行“一网通办”。")


def test_a_body_the_tagger_writes_as_one_word_is_no_firm(found):
    assert ("卫生部", "Organization") in found("铁道部、卫生部加强协作。")
    assert ("中国人民解放军", "Organization") in found("中国人民解放军在抢险救灾中发挥作用。")


def test_a_division_named_in_a_frame_stays_a_place(found):
    assert ("宜宾", "Place") in found("支持宜宾做好酒都文章。")


def test_a_verb_or_its_complement_glued_to_a_name_is_no_part_of_it(found):
    assert ("青山实验室", "Organization") in found("发挥好青山实验室作用。")
    assert ("区技术转移促进中心", "Organization") in found("依托区技术转移促进中心，大力引进人才。")
    assert ("好孩子集团", "Company") in found("好孩子集团扩大产能。")


def test_a_quoted_name_of_a_storm_a_craft_or_a_spirit_is_no_policy(found):
    assert found("抵御了超强台风“白鹭”的袭击，“青山一号”卫星发射成功。") == set()
    assert ("一网通办", "Policy") in found("推行“一网通办”。")


def test_a_name_ends_before_its_role_or_a_predicate_inside_the_span(found):
    assert ("金湖枢纽", "Project") in found("以金湖枢纽为中心，建设综合交通体系。")
    assert ("青山大学附属医院", "Organization") in found("支持青山大学附属医院等高水平医院发展。")
    assert ("青山中等职业学校", "Project") in found("青山中等职业学校扩建。")


def test_items_of_a_frame_share_the_head_of_the_last(found):
    got = found("加快青湛、白肇、金龙高铁建设。")
    assert {("青湛高铁", "Project"), ("白肇高铁", "Project"), ("金龙高铁", "Project")} <= got


def test_a_weak_company_head_a_noun_carries_on_is_no_firm(found):
    assert not any(t == "Company" for _, t in found("筑牢青岭生态屏障，发挥白沙科技创新优势。"))
    assert ("金禾科技", "Company") in found("支持金禾科技扩大产能。")


def test_a_policy_head_after_a_word_of_size_or_reality_alone_names_no_instrument(found):
    assert found("以实际行动践行初心，兴修大型工程和中型工程，建立长远制度。") == set()


def test_a_slogan_quoted_before_a_weak_company_head_is_a_policy(found):
    assert found("深入落实“江河相连绿美青山”生态建设。") == {("江河相连绿美青山", "Policy")}


def test_kinds_of_area_and_bodies_written_bare_are_no_names(found):
    assert found("支持革命老区、民族地区、脱贫地区加快发展，各级政府要依法接受同级人大监督。") == set()


def test_a_last_item_that_is_a_word_of_its_own_shares_no_head(found):
    assert found("整治城市重要节点、主干道、城中村等区域环境。") == set()
    assert ("白沙社区", "Place") in found("建设青山、白沙、金湖社区。")
