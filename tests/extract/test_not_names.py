"""Tests of kg.extract.not_names: sessions, indicators, datelines, plenums and titles won hold no name, read through
:func:`kg.extract.entities.extract_mentions` on invented sentences in the genre's style (no names from any
report)."""


def test_the_region_inside_an_output_indicator_is_no_place(found):
    assert found("万元地区生产总值能耗下降3.2%，地区生产总值增长6%。") == set()


def test_rankings_won_are_honours_not_policies(found):
    text = (
        "在年度“全国营商活力百强区”名单中位列第52位，首次入选“全国数字经济百强区”，连续三年进入全省“十强县”。"
    )
    assert found(text) == set()


def test_a_news_dateline_is_front_matter(found):
    text = "【青川晚报网讯】3月2日，青山县第十六届人民代表大会第四次会议开幕。金禾集团落户青山县。"
    assert found(text) == {("青山县", "Place"), ("金禾集团", "Company")}


def test_a_list_of_plenary_sessions_holds_no_name(found):
    assert found("全面贯彻党的十九大和十九届二中、三中、四中全会精神，落实各项决策部署。") == set()


def test_titles_won_hold_no_name_and_a_regional_office_is_its_body(found):
    text = (
        "连续第三年被评为“湖南省经济实力十强县”，获评国家生态文明建设示范县，先后获得中国白茶之乡、"
        "联合国开发计划署中国区“绿色发展优秀示范县”等荣誉称号。"
    )
    assert found(text) == {("联合国开发计划署中国区", "Organization")}


def test_quoted_city_brands_after_a_review_or_a_verb_of_winning_are_titles(found):
    text = (
        "通过“中国竹都”“中国羽绒服装名城”复评，获评全省唯一一个“中国果蔬名城”，"
        "荣获“山水画廊”称号，入选“金溪样板”，深入推进“青溪模式”改革。"
    )
    assert found(text) == {("青溪模式改革", "Policy")}


def test_a_title_won_up_to_chenghao_holds_no_place(found):
    text = "青山县荣获全省平安县市区称号，白沙镇获评全国文明村镇荣誉。"
    assert found(text) == {("青山县", "Place"), ("白沙镇", "Place")}


def test_a_body_named_before_de_stays_outside_the_title(found):
    assert found("金禾集团荣获县政府授予的纳税大户称号。") == {
        ("金禾集团", "Company"),
        ("县政府", "Organization"),
    }
