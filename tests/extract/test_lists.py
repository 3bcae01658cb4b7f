"""Tests of kg.extract.lists: coordinated lists and the genre's frames, read through
:func:`kg.extract.entities.extract_mentions` on invented sentences in the genre's style (no names from any
report)."""


def test_list_with_classifier_and_support_frame_give_companies(found):
    text = "积极对接金禾集团、银湖控股、青松物流等大型企业，支持天翼机械、鸿达建材进一步做大做强。"
    assert found(text) == {
        ("金禾集团", "Company"),
        ("银湖控股", "Company"),
        ("青松物流", "Company"),
        ("天翼机械", "Company"),
        ("鸿达建材", "Company"),
    }


def test_road_extensions_and_tunnel_are_projects(found):
    text = "强力推进红星路东延、白沙路西延等路网建设，力促白鹭湾隧道建成通车。"
    assert found(text) == {
        ("红星路东延", "Project"),
        ("白沙路西延", "Project"),
        ("白鹭湾隧道", "Project"),
        ("白鹭湾", "Place"),  # the bay the tunnel is named after, nested in its name
    }


def test_shared_division_head_is_distributed_over_the_list(found):
    assert found("设立桃源、清溪、柳岸社区。") == {
        ("桃源社区", "Place"),
        ("清溪社区", "Place"),
        ("柳岸社区", "Place"),
    }


def test_apposition_frame_and_building_programme(found):
    text = "加快以白鹭湾新城为代表的文旅产业群建设，完成金塔修缮工程。"
    assert found(text) == {("白鹭湾新城", "Project"), ("金塔修缮工程", "Project")}


def test_company_list_item_stops_at_its_verb(found):
    assert found("支持鸿达建材、青禾食品建设原料基地。") == {("鸿达建材", "Company"), ("青禾食品", "Company")}


def test_listed_divisions_keep_their_own_heads(found):
    assert found("全面推进凤岭镇、石桥乡等8个贫困村出列。") == {("凤岭镇", "Place"), ("石桥乡", "Place")}


def test_counted_classifier_after_deng_types_the_list(found):
    assert found("瑞丰光学、鸿远精工等28家外资企业落户。") == {
        ("瑞丰光学", "Company"),
        ("鸿远精工", "Company"),
    }


def test_a_company_listed_before_a_ranking_of_enterprises_is_a_company(found):
    assert found("泰国金禾控股等世界500强企业入驻，丰源控股等中国500强企业落户。") == {
        ("泰国金禾控股", "Company"),
        ("丰源控股", "Company"),
    }


def test_a_campaign_verb_before_a_listed_policy_and_a_generic_method_are_left_out(found):
    text = "在决胜全面建成小康社会、决战脱贫攻坚的关键时刻，依托社区网格化管理开展群防群控，落实“四早”要求。"
    assert found(text) == {("全面建成小康社会", "Policy"), ("脱贫攻坚", "Policy"), ("四早", "Policy")}


def test_a_verb_of_going_before_a_place_head_makes_a_destination_not_shared_head(found):
    assert found("推动医疗、教育、文化下社区，组织干部进村入户。") == set()
    assert found("推动城管、环卫、便民服务下社区。") == set()


def test_a_verb_opening_a_list_item_governs_the_work_or_body(found):
    assert found("3、打通青山路二期等8条断头路。") == {("青山路二期", "Project")}
    assert ("领航农业", "Company") in found("引进领航农业、金穗食品等企业。")


def test_lines_named_by_two_places_share_the_head_of_the_next_line(found):
    assert {("宁杭铁路", "Project"), ("沪昆铁路", "Project")} <= found("宁杭、沪昆铁路和沈海高速全线贯通。")
    assert found("加强水利、中西部铁路和公路等薄弱环节建设。") <= {("中西部", "Place")}


def test_treaties_named_by_their_parties_share_the_head(found):
    assert found("签署中冰、中瑞自贸协定。") == {("中冰自贸协定", "Policy"), ("中瑞自贸协定", "Policy")}


def test_items_of_a_list_of_industries_are_no_firms(found):
    assert found("大力发展临港化工、海工装备、海洋生物等新兴产业。") == set()
    assert found("培育青禾集团、金穗食品等龙头企业和生物医药等产业。") == {
        ("青禾集团", "Company"),
        ("金穗食品", "Company"),
    }


def test_an_item_closing_with_what_its_subject_does_is_no_name(found):
    assert found("支持港澳拓展发展空间。") == set()


def test_a_count_of_firms_closes_the_last_item_and_kinds_of_firms_follow_deng(found):
    pairs = found("产品获奖，云岚科技、青溪宝两家企业获评省“创新之星”。")
    assert {("云岚科技", "Company"), ("青溪宝", "Company")} <= pairs
    pairs = found("青禾创意港吸引了白鹭电子商务、蓝色海螺等21家创新型企业入驻。")
    assert {("白鹭电子商务", "Company"), ("蓝色海螺", "Company")} <= pairs


def test_an_institution_in_a_frame_of_firms_stays_a_body(found):
    assert found("引进青山外国语大学等知名教育品牌合作办学。") == {("青山外国语大学", "Organization")}


def test_list_items_that_are_clauses_or_strategies(found):
    assert found("高标准、高质量建设青溪新区。") == {("青溪新区", "Place")}
    assert found("加快电商、快递进农村，扩大县乡消费。") == set()
    assert ("白鹭湾经济带发展", "Policy") in found("扎实推动白鹭湾经济带发展、青山城市群建设。")
