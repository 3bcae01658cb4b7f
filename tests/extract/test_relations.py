"""Tests for kg.extract.relations: hand-written sentences in the genre's style, invented names."""

from __future__ import annotations

from kg.extract.relations import extract_relations
from kg.types import Document, Mention, Relation, Sentence


def make_doc(*sentences: tuple[str, str]) -> Document:
    """A document with one sentence per (text, part), one per line; review is 2019, plan 2020."""
    built, text = [], ""
    for index, (sentence, part) in enumerate(sentences):
        start = len(text)
        text += sentence
        built.append(
            Sentence(index, sentence, start, len(text), None, 2019 if part == "review" else 2020, part)
        )
        text += "\n"
    return Document(text=text, sentences=tuple(built), sections=(), year=2020)


def mention(doc: Document, name: str, type_: str, nth: int = 0) -> Mention:
    """The ``nth`` occurrence of ``name`` in ``doc`` as a mention of type ``type_``."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(name, start + 1)
    sentence = next(s.index for s in doc.sentences if s.start <= start < s.end)
    return Mention(name, type_, sentence, start, start + len(name), text=name)


def triples(relations, predicate: str) -> list[tuple[str, str]]:
    return [(r.subject, r.object) for r in relations if r.predicate == predicate]


# ---------------------------------------------------------------------------------------------- status


def test_a_verb_after_a_list_applies_to_every_item():
    doc = make_doc(("青峰路西延、白鹭大道北延竣工在即,临江隧道全线贯通。", "review"))
    ms = [mention(doc, n, "Project") for n in ("青峰路西延", "白鹭大道北延", "临江隧道")]
    assert triples(extract_relations(doc, ms), "status") == [
        ("青峰路西延", "underConstruction"),
        ("白鹭大道北延", "underConstruction"),
        ("临江隧道", "completed"),
    ]


def test_a_list_with_a_generic_tail_shares_the_verb():
    doc = make_doc(("蓝湾物流园、松涛家居广场等一批重点项目顺利推进。", "review"))
    ms = [mention(doc, n, "Project") for n in ("蓝湾物流园", "松涛家居广场")]
    assert triples(extract_relations(doc, ms), "status") == [
        ("蓝湾物流园", "underConstruction"),
        ("松涛家居广场", "underConstruction"),
    ]


def test_review_statuses_from_verbs_before_and_after():
    doc = make_doc(
        ("枫林体育馆建设正式启动。", "review"),
        ("完成青石小学、白沙中学提质改造。", "review"),
        ("启动翠湖公园前期工作。", "review"),
        ("东岭污水处理厂主体完工。", "review"),
    )
    ms = [
        mention(doc, n, "Project")
        for n in ("枫林体育馆", "青石小学", "白沙中学", "翠湖公园", "东岭污水处理厂")
    ]
    assert triples(extract_relations(doc, ms), "status") == [
        ("枫林体育馆", "started"),
        ("青石小学", "completed"),
        ("白沙中学", "completed"),
        ("翠湖公园", "planned"),
        ("东岭污水处理厂", "underConstruction"),
    ]


def test_plan_part_statuses_are_planned_with_their_deadline():
    doc = make_doc(
        ("争取蓝湾物流园、松涛家居广场在6月底前投入使用。", "plan"),
        ("完成枫林体育馆建设。", "plan"),
    )
    ms = [mention(doc, n, "Project") for n in ("蓝湾物流园", "松涛家居广场", "枫林体育馆")]
    relations = extract_relations(doc, ms)
    assert triples(relations, "status") == [
        ("蓝湾物流园", "planned"),
        ("松涛家居广场", "planned"),
        ("枫林体育馆", "planned"),
    ]
    assert triples(relations, "deadline") == [("蓝湾物流园", "6月底前"), ("松涛家居广场", "6月底前")]


def test_the_same_verb_reads_differently_in_review_and_plan():
    doc = make_doc(("枫林体育馆建成投用。", "review"), ("枫林体育馆建成投用。", "plan"))
    ms = [mention(doc, "枫林体育馆", "Project", 0), mention(doc, "枫林体育馆", "Project", 1)]
    assert [(r.object, r.sentence) for r in extract_relations(doc, ms) if r.predicate == "status"] == [
        ("completed", 0),
        ("planned", 1),
    ]


def test_deadlines_as_written():
    doc = make_doc(
        ("年内建成枫林体育馆。", "plan"),
        ("确保临江隧道9月30日前贯通。", "plan"),
        ("力争青石小学2021年底投入使用。", "plan"),
        ("东岭污水处理厂上半年开工。", "plan"),
    )
    ms = [mention(doc, n, "Project") for n in ("枫林体育馆", "临江隧道", "青石小学", "东岭污水处理厂")]
    assert triples(extract_relations(doc, ms), "deadline") == [
        ("枫林体育馆", "年内"),
        ("临江隧道", "9月30日前"),
        ("青石小学", "2021年底"),
        ("东岭污水处理厂", "上半年"),
    ]


def test_no_status_from_a_verb_in_another_clause():
    doc = make_doc(("栖霞广场招商火热,周边道路已全部竣工；翠湖公园方案获批,另有三条道路开工。", "review"))
    ms = [mention(doc, n, "Project") for n in ("栖霞广场", "翠湖公园")]
    assert triples(extract_relations(doc, ms), "status") == []


def test_no_status_from_a_verb_far_away_or_behind_another_name():
    doc = make_doc(
        ("栖霞广场周边的停车场公厕绿化亮化工程全部竣工。", "review"), ("翠湖公园带动青禾农业开工。", "review")
    )
    ms = [
        mention(doc, "栖霞广场", "Project"),
        mention(doc, "翠湖公园", "Project"),
        mention(doc, "青禾农业", "Company"),
    ]
    assert triples(extract_relations(doc, ms), "status") == []


def test_a_verb_inside_a_name_is_not_a_status():
    doc = make_doc(("翠湖片区开发项目招商良好。", "review"))
    ms = [mention(doc, "翠湖片区开发项目", "Project")]
    assert extract_relations(doc, ms) == ()


def test_status_carries_its_evidence_span():
    doc = make_doc(("去年,临江隧道全线贯通。", "review"))
    relation = extract_relations(doc, [mention(doc, "临江隧道", "Project")])[0]
    assert relation == Relation("临江隧道", "Project", "status", "completed", None, 0, 3, 11)
    assert doc.text[relation.start : relation.end] == "临江隧道全线贯通"


def test_only_projects_get_a_status():
    doc = make_doc(("青禾农业、临江隧道开工。", "review"))
    ms = [mention(doc, "青禾农业", "Company"), mention(doc, "临江隧道", "Project")]
    assert triples(extract_relations(doc, ms), "status") == [("临江隧道", "started")]


def test_a_bracketed_section_or_phase_does_not_part_a_project_from_its_verb():
    doc = make_doc(
        ("青川至白岭铁路(南溪段)实现开工,云港高速(南溪段)建设项目基本完工。", "review"),
        ("翠湖康养小镇(二期)主体完工,松涛物流园(一期)、蓝湾物流园(二期)建成投用。", "review"),
    )
    ms = [
        mention(doc, "青川至白岭铁路", "Project"),
        mention(doc, "南溪", "Place"),
        mention(doc, "云港高速", "Project"),
        mention(doc, "南溪", "Place", 1),
        *(mention(doc, n, "Project") for n in ("翠湖康养小镇", "松涛物流园", "蓝湾物流园")),
    ]
    relations = extract_relations(doc, ms)
    assert triples(relations, "status") == [
        ("青川至白岭铁路", "started"),
        ("云港高速", "underConstruction"),
        ("翠湖康养小镇", "underConstruction"),
        ("松涛物流园", "completed"),
        ("蓝湾物流园", "completed"),
    ]
    assert triples(relations, "locatedIn") == [("青川至白岭铁路", "南溪"), ("云港高速", "南溪")]


def test_a_bracketed_phase_or_organisation_is_no_place_of_the_project():
    doc = make_doc(("青峰产业园(南溪镇二期)建成,白沙中学(南溪镇)投用。", "review"))
    ms = [
        mention(doc, "青峰产业园", "Project"),
        mention(doc, "南溪镇", "Place"),
        mention(doc, "白沙中学", "Project"),
        mention(doc, "南溪镇", "Place", 1),
    ]
    relations = extract_relations(doc, ms)
    assert triples(relations, "locatedIn") == []
    assert triples(relations, "status") == [("青峰产业园", "completed")]


def test_landing_and_an_investment_between_verb_and_project():
    doc = make_doc(
        ("引进落地总投资12.5亿元的青峰新材料项目,白鹭电子产业园项目落地。", "review"),
        ("签约之后历经多年筹备的枫林物流园。", "review"),
    )
    ms = [mention(doc, n, "Project") for n in ("青峰新材料项目", "白鹭电子产业园项目", "枫林物流园")]
    assert triples(extract_relations(doc, ms), "status") == [
        ("青峰新材料项目", "started"),
        ("白鹭电子产业园项目", "started"),
    ]


def test_production_soon_or_in_full():
    doc = make_doc(
        ("云港光伏电站即将建成投产,松涛纸业技改项目全面投产,翠湖锂电项目顺利实现投产。", "review"),
    )
    ms = [mention(doc, n, "Project") for n in ("云港光伏电站", "松涛纸业技改项目", "翠湖锂电项目")]
    assert triples(extract_relations(doc, ms), "status") == [
        ("云港光伏电站", "underConstruction"),
        ("松涛纸业技改项目", "completed"),
        ("翠湖锂电项目", "completed"),
    ]


# ---------------------------------------------------------------------------------------------- located in


def test_places_written_together_nest():
    doc = make_doc(("强力推进金沙镇柳塘村生态茶园项目。", "plan"))
    ms = [
        mention(doc, "金沙镇", "Place"),
        mention(doc, "柳塘村", "Place"),
        mention(doc, "生态茶园项目", "Project"),
    ]
    assert triples(extract_relations(doc, ms), "locatedIn") == [
        ("柳塘村", "金沙镇"),
        ("生态茶园项目", "柳塘村"),
    ]


def test_a_project_named_after_a_place_is_in_it():
    doc = make_doc(("金沙镇农网改造完成。", "review"), ("金沙镇污水处理厂和金沙路开工。", "review"))
    ms = [
        mention(doc, "金沙镇", "Place"),
        mention(doc, "金沙镇污水处理厂", "Project"),
        mention(doc, "金沙", "Place", 2),
        mention(doc, "金沙路", "Project"),
    ]
    located = [r for r in extract_relations(doc, ms) if r.predicate == "locatedIn"]
    assert [(r.subject, r.object, r.object_type, r.sentence) for r in located] == [
        ("金沙镇污水处理厂", "金沙镇", "Place", 1)
    ]


def test_a_list_of_places_with_a_shared_head():
    doc = make_doc(("强力实施东坡、南湖、西岭三大片区棚户区改造。", "plan"))
    ms = [mention(doc, n, "Place") for n in ("东坡", "南湖", "西岭")]
    relations = extract_relations(doc, ms)
    located = [r for r in relations if r.predicate == "locatedIn"]
    assert [(r.subject, r.subject_type, r.object) for r in located] == [
        ("三大片区棚户区改造", "Project", "东坡"),
        ("三大片区棚户区改造", "Project", "南湖"),
        ("三大片区棚户区改造", "Project", "西岭"),
    ]
    assert triples(relations, "status") == [("三大片区棚户区改造", "planned")]


def test_a_list_of_places_with_a_head_mention():
    doc = make_doc(("东坡、南湖片区提质改造顺利推进。", "review"))
    ms = [
        mention(doc, "东坡", "Place"),
        mention(doc, "南湖", "Place"),
        mention(doc, "片区提质改造", "Project"),
    ]
    assert triples(extract_relations(doc, ms), "locatedIn") == [
        ("片区提质改造", "东坡"),
        ("片区提质改造", "南湖"),
    ]


def test_an_uncounted_shared_head_is_one_project_per_place():
    doc = make_doc(("加快推进东溪河、西溪河等综合治理。", "plan"))
    ms = [mention(doc, "东溪河", "Place"), mention(doc, "西溪河", "Place")]
    relations = extract_relations(doc, ms)
    assert triples(relations, "locatedIn") == [
        ("东溪河综合治理", "东溪河"),
        ("西溪河综合治理", "西溪河"),
    ]
    assert triples(relations, "status") == [("东溪河综合治理", "planned"), ("西溪河综合治理", "planned")]


def test_a_shared_head_ending_in_a_works_noun_or_renewing_old_areas_names_projects():
    doc = make_doc(
        ("北沙河、南沙河沿岸整治工程有序推进。", "review"),
        ("启动柳塘村、桃溪村城中村改造。", "review"),
    )
    ms = [mention(doc, n, "Place") for n in ("北沙河", "南沙河", "柳塘村", "桃溪村")]
    relations = extract_relations(doc, ms)
    assert triples(relations, "locatedIn") == [
        ("北沙河沿岸整治工程", "北沙河"),
        ("南沙河沿岸整治工程", "南沙河"),
        ("柳塘村城中村改造", "柳塘村"),
        ("桃溪村城中村改造", "桃溪村"),
    ]
    assert triples(relations, "status") == [
        ("北沙河沿岸整治工程", "underConstruction"),
        ("南沙河沿岸整治工程", "underConstruction"),
        ("柳塘村城中村改造", "started"),
        ("桃溪村城中村改造", "started"),
    ]


def test_a_shared_activity_of_places_is_no_project():
    doc = make_doc(
        ("推动云台综合保税区、白鹭综合保税区扩区提质。", "plan"),
        ("推进北沙河、南沙河沿岸综合整治。", "plan"),
        ("支持东岭经开区、西岭高新区提质扩容。", "plan"),
        ("加快青山经开区、绿水高新区综合整治。", "plan"),
        ("推进东坡片区、南湖片区开发建设。", "plan"),
    )
    names = ("云台综合保税区", "白鹭综合保税区", "北沙河", "南沙河", "东岭经开区", "西岭高新区")
    names += ("青山经开区", "绿水高新区", "东坡片区", "南湖片区")
    ms = [mention(doc, n, "Place") for n in names]
    relations = extract_relations(doc, ms)
    assert [(r.subject, r.predicate, r.object) for r in relations] == []


def test_moved_to_and_built_in_a_place():
    doc = make_doc(("科创孵化园移交云台经开区。", "review"), ("在北湖以东规划建设枫林农贸市场。", "plan"))
    ms = [
        mention(doc, "科创孵化园", "Project"),
        mention(doc, "云台经开区", "Place"),
        mention(doc, "北湖", "Place"),
        mention(doc, "枫林农贸市场", "Project"),
    ]
    assert triples(extract_relations(doc, ms), "locatedIn") == [
        ("科创孵化园", "云台经开区"),
        ("枫林农贸市场", "北湖"),
    ]


def test_no_location_across_clauses():
    doc = make_doc(("在北湖以东,新建枫林农贸市场。", "plan"))
    ms = [mention(doc, "北湖", "Place"), mention(doc, "枫林农贸市场", "Project")]
    assert triples(extract_relations(doc, ms), "locatedIn") == []


# ---------------------------------------------------------------------------------------------- participation


def test_a_company_takes_part_in_what_it_invests_in_or_controls():
    doc = make_doc(
        ("远山集团重组控股星湖置业公司。", "review"), ("银河文旅投资建设临江物流园项目。", "review")
    )
    ms = [
        mention(doc, "远山集团", "Company"),
        mention(doc, "星湖置业", "Company"),
        mention(doc, "银河文旅", "Company"),
        mention(doc, "临江物流园项目", "Project"),
    ]
    participates = [r for r in extract_relations(doc, ms) if r.predicate == "participatesIn"]
    assert [(r.subject, r.object, r.object_type) for r in participates] == [
        ("远山集团", "星湖置业", "Company"),
        ("银河文旅", "临江物流园项目", "Project"),
    ]


def test_representatives_of_a_cluster_take_part_in_it():
    doc = make_doc(("重点建设以远山集团、银河文旅为代表的文旅综合开发产业群,确保项目高效推进。", "plan"))
    ms = [mention(doc, "远山集团", "Company"), mention(doc, "银河文旅", "Company")]
    participates = [r for r in extract_relations(doc, ms) if r.predicate == "participatesIn"]
    assert [(r.subject, r.object, r.object_type) for r in participates] == [
        ("远山集团", "文旅综合开发产业群", "Cluster"),
        ("银河文旅", "文旅综合开发产业群", "Cluster"),
    ]


def test_a_representative_of_a_cluster_gets_no_status_from_the_verb_before_it():
    doc = make_doc(("重点建设以蓝湾物流园为代表的商贸物流产业群。", "plan"))
    relations = extract_relations(doc, [mention(doc, "蓝湾物流园", "Project")])
    assert [(r.subject, r.predicate, r.object) for r in relations] == [
        ("蓝湾物流园", "partOf", "商贸物流产业群")
    ]


def test_cooperation_to_develop_a_parcel():
    doc = make_doc(("与远山集团合作开发江畔B3地块。", "plan"))
    ms = [mention(doc, "远山集团", "Company"), mention(doc, "江畔B3地块", "Project")]
    assert triples(extract_relations(doc, ms), "participatesIn") == [("远山集团", "江畔B3地块")]


def test_support_without_an_object_gives_nothing():
    doc = make_doc(("支持远山集团、银河文旅进一步做大做强。", "plan"))
    ms = [mention(doc, "远山集团", "Company"), mention(doc, "银河文旅", "Company")]
    assert extract_relations(doc, ms) == ()


# ---------------------------------------------------------------------------------------------- part of


def test_items_strung_into_a_route_are_part_of_it():
    doc = make_doc(("将竹溪山庄、桃源农庄等项目串联起来,打造全县乡村旅游精品线路。", "plan"))
    ms = [mention(doc, "竹溪山庄", "Project"), mention(doc, "桃源农庄", "Company")]
    part_of = [r for r in extract_relations(doc, ms) if r.predicate == "partOf"]
    assert [(r.subject, r.object, r.object_type) for r in part_of] == [
        ("竹溪山庄", "全县乡村旅游精品线路", "Cluster"),
        ("桃源农庄", "全县乡村旅游精品线路", "Cluster"),
    ]


def test_a_base_for_an_industry():
    doc = make_doc(("以青禾农业、竹溪山庄为依托,做大做优茶叶产业。", "plan"))
    ms = [mention(doc, "青禾农业", "Company"), mention(doc, "竹溪山庄", "Project")]
    relations = extract_relations(doc, ms)
    assert triples(relations, "participatesIn") == [("青禾农业", "茶叶产业")]
    assert triples(relations, "partOf") == [("竹溪山庄", "茶叶产业")]


def test_included_in_a_named_programme():
    doc = make_doc(("将南湖湿地公园纳入城市绿道工程。", "plan"))
    ms = [mention(doc, "南湖湿地公园", "Project"), mention(doc, "城市绿道工程", "Policy")]
    part_of = [r for r in extract_relations(doc, ms) if r.predicate == "partOf"]
    assert [(r.subject, r.object, r.object_type) for r in part_of] == [
        ("南湖湿地公园", "城市绿道工程", "Policy")
    ]


# ---------------------------------------------------------------------------------------------- whole


def test_relations_are_sorted_and_unique():
    doc = make_doc(("临江隧道、临江隧道全线贯通。", "review"))
    ms = [mention(doc, "临江隧道", "Project", 0), mention(doc, "临江隧道", "Project", 1)]
    relations = extract_relations(doc, ms)
    assert relations == tuple(sorted(relations, key=lambda r: (r.sentence, r.start, r.end)))
    assert len(relations) == len(set(relations)) == 2


def test_no_mentions_no_relations():
    doc = make_doc(("临江隧道全线贯通。", "review"))
    assert extract_relations(doc, []) == ()


# ---------------------------------------------------------------------------------------------- rules added for coverage


def test_more_completion_verbs():
    doc = make_doc(("东岭污水处理厂投入运行,翠湖公园对外开放,青石小学实现秋季招生。", "review"))
    ms = [mention(doc, n, "Project") for n in ("东岭污水处理厂", "翠湖公园", "青石小学")]
    assert triples(extract_relations(doc, ms), "status") == [
        ("东岭污水处理厂", "completed"),
        ("翠湖公园", "completed"),
        ("青石小学", "completed"),
    ]


def test_deadlines_of_a_clause_go_to_each_project_of_it():
    doc = make_doc(
        ("力争枫林体育馆、临江隧道年内完工,东岭污水处理厂10月前投用。", "plan"),
        ("确保青石小学2021年底前交付使用。", "plan"),
    )
    ms = [mention(doc, n, "Project") for n in ("枫林体育馆", "临江隧道", "东岭污水处理厂", "青石小学")]
    assert triples(extract_relations(doc, ms), "deadline") == [
        ("枫林体育馆", "年内"),
        ("临江隧道", "年内"),
        ("东岭污水处理厂", "10月前"),
        ("青石小学", "2021年底前"),
    ]


def test_a_clause_with_a_verb_of_its_own_is_no_shared_head():
    doc = make_doc(
        ("东沙街道、西沙街道完成老旧小区改造32个。", "review"),
        ("与甲城、乙城等地签约项目20个。", "review"),
        ("抓好北岭镇、南岭乡省级示范乡镇建设。", "plan"),
    )
    ms = [mention(doc, n, "Place") for n in ("东沙街道", "西沙街道", "甲城", "乙城", "北岭镇", "南岭乡")]
    assert triples(extract_relations(doc, ms), "locatedIn") == []


def test_an_area_renewed_is_named_by_the_area():
    doc = make_doc(("推进北湖片区、南湖片区更新改造。", "plan"))
    ms = [mention(doc, n, "Place") for n in ("北湖片区", "南湖片区")]
    assert triples(extract_relations(doc, ms), "locatedIn") == []


def test_a_place_before_its_project():
    doc = make_doc(
        ("加快金沙镇的生态茶园项目建设。", "plan"),
        ("推进青山县境内的临江高速建设。", "plan"),
        ("在柳塘村、桃溪村新建一批村级幼儿园。", "plan"),
        ("在金沙镇启动枫林农贸市场建设。", "plan"),
    )
    ms = [
        mention(doc, "金沙镇", "Place"),
        mention(doc, "生态茶园项目", "Project"),
        mention(doc, "青山县", "Place"),
        mention(doc, "临江高速", "Project"),
        mention(doc, "柳塘村", "Place"),
        mention(doc, "桃溪村", "Place"),
        mention(doc, "金沙镇", "Place", 1),
        mention(doc, "枫林农贸市场", "Project"),
    ]
    assert triples(extract_relations(doc, ms), "locatedIn") == [
        ("生态茶园项目", "金沙镇"),
        ("临江高速", "青山县"),
        ("枫林农贸市场", "金沙镇"),
    ]


def test_a_project_placed_by_its_verb():
    doc = make_doc(
        ("临江物流园项目在金沙镇开工建设。", "review"),
        ("蓝湾智能制造项目正式落户云台经开区。", "review"),
        ("枫林体育馆在金沙镇人民的支持下建成。", "review"),
    )
    ms = [
        mention(doc, "临江物流园项目", "Project"),
        mention(doc, "金沙镇", "Place"),
        mention(doc, "蓝湾智能制造项目", "Project"),
        mention(doc, "云台经开区", "Place"),
        mention(doc, "枫林体育馆", "Project"),
        mention(doc, "金沙镇", "Place", 1),
    ]
    assert triples(extract_relations(doc, ms), "locatedIn") == [
        ("临江物流园项目", "金沙镇"),
        ("蓝湾智能制造项目", "云台经开区"),
    ]


def test_no_location_from_a_place_in_another_list_or_clause():
    doc = make_doc(
        ("金沙镇、青石小学和枫林体育馆建成。", "review"),
        ("金沙镇脱贫摘帽,枫林体育馆建成。", "review"),
    )
    ms = [
        mention(doc, "金沙镇", "Place"),
        mention(doc, "青石小学", "Project"),
        mention(doc, "枫林体育馆", "Project"),
        mention(doc, "金沙镇", "Place", 1),
        mention(doc, "枫林体育馆", "Project", 1),
    ]
    assert triples(extract_relations(doc, ms), "locatedIn") == []


def test_a_road_section_is_in_its_place():
    doc = make_doc(("金沙镇脱贫摘帽。", "review"), ("G105国道金沙镇段改造全面完成。", "review"))
    ms = [mention(doc, "金沙镇", "Place"), mention(doc, "G105国道金沙镇段改造", "Project")]
    assert triples(extract_relations(doc, ms), "locatedIn") == [("G105国道金沙镇段改造", "金沙镇")]


def test_a_company_at_the_head_of_a_project_name_takes_part_in_it():
    doc = make_doc(("青禾农业做大做强。", "review"), ("青禾农业茶叶加工园、青禾路开工。", "review"))
    ms = [
        mention(doc, "青禾农业", "Company"),
        mention(doc, "青禾农业茶叶加工园", "Project"),
        mention(doc, "青禾路", "Project"),
    ]
    assert triples(extract_relations(doc, ms), "participatesIn") == [("青禾农业", "青禾农业茶叶加工园")]


def test_companies_that_build_sign_for_or_settle_in_a_project():
    doc = make_doc(
        ("引进远山集团建设临江物流园。", "review"),
        ("枫林商业综合体与银河文旅成功签约。", "review"),
        ("与远山集团签约蓝湾康养小镇项目。", "review"),
        ("星湖电子正式入驻云台科技园。", "review"),
    )
    ms = [
        mention(doc, "远山集团", "Company"),
        mention(doc, "临江物流园", "Project"),
        mention(doc, "枫林商业综合体", "Project"),
        mention(doc, "银河文旅", "Company"),
        mention(doc, "远山集团", "Company", 1),
        mention(doc, "蓝湾康养小镇项目", "Project"),
        mention(doc, "星湖电子", "Company"),
        mention(doc, "云台科技园", "Project"),
    ]
    assert triples(extract_relations(doc, ms), "participatesIn") == [
        ("远山集团", "临江物流园"),
        ("银河文旅", "枫林商业综合体"),
        ("远山集团", "蓝湾康养小镇项目"),
        ("星湖电子", "云台科技园"),
    ]


def test_no_participation_across_a_clause_or_with_a_place():
    doc = make_doc(("引进远山集团,新建临江物流园。", "review"), ("远山集团与金沙镇签约。", "review"))
    ms = [
        mention(doc, "远山集团", "Company"),
        mention(doc, "临江物流园", "Project"),
        mention(doc, "远山集团", "Company", 1),
        mention(doc, "金沙镇", "Place"),
    ]
    assert triples(extract_relations(doc, ms), "participatesIn") == []


def test_a_counted_list_of_areas_holds_names_that_look_like_roads():
    doc = make_doc(("强力实施东坡、青石路、西岭三大片区棚户区改造。", "plan"))
    ms = [mention(doc, "东坡", "Place"), mention(doc, "青石路", "Project"), mention(doc, "西岭", "Place")]
    located = [r for r in extract_relations(doc, ms) if r.predicate == "locatedIn"]
    assert [(r.subject, r.object, r.object_type) for r in located] == [
        ("三大片区棚户区改造", "东坡", "Place"),
        ("三大片区棚户区改造", "青石路", "Place"),
        ("三大片区棚户区改造", "西岭", "Place"),
    ]
