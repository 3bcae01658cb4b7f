"""Tests of kg.extract.name_types: a name typed by its head and the words before it, read through
:func:`kg.extract.entities.extract_mentions` on invented sentences in the genre's style (no names from any
report)."""


def test_programme_named_with_gongcheng_is_a_policy(found):
    assert found("实施乡风文明提升工程。") == {("乡风文明提升工程", "Policy")}


def test_region_relative_facilities_and_platform_companies(found):
    text = "县人民医院新院区投入使用，城南污水处理厂建成运行，组建县城投集团、县交投公司两大平台。"
    assert found(text) == {
        ("县人民医院新院区", "Project"),
        ("城南污水处理厂", "Project"),
        ("县城投集团", "Company"),
        ("县交投公司", "Company"),
    }


def test_provincial_departments_are_organizations(found):
    assert found("省水利厅会同省生态环境厅开展联合督查。") == {
        ("省水利厅", "Organization"),
        ("省生态环境厅", "Organization"),
    }


def test_phases_and_transport_works_are_projects(found):
    assert found("实施白鹭湖湿地公园二期，青湾港区一期工程投入使用。") == {
        ("白鹭湖湿地公园二期", "Project"),
        ("青湾港区一期工程", "Project"),
        ("青湾港区", "Place"),  # nested in the works' name
    }
    assert found("建成白鹭国际机场，金沙过江通道主体完工。") == {
        ("白鹭国际机场", "Project"),
        ("金沙过江通道", "Project"),
    }


def test_generic_zones_categories_and_qualities_are_no_names(found):
    text = (
        "加快推进高新区、经开区及各类园区建设，拓展实施商务、农业、文旅等合作计划，"
        "开展首创性、差异化改革探索，推进常态化机制建设。"
    )
    assert found(text) == set()


def test_a_name_whose_middle_reads_like_a_verb_of_going_is_still_a_place(found):
    assert found("推进前进村、东进社区、岭下村改造。") == {
        ("前进村", "Place"),
        ("东进社区", "Place"),
        ("岭下村", "Place"),
    }


def test_an_adjective_ending_with_a_head_character_closes_no_name(found):
    assert found("加快推动区公办养老院建设。") == set()
