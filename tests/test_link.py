"""Tests of kg.link: alias merging, stable and scoped IRIs."""

from kg.link import admin_level, alias_key, entity_iri, link, report_iri, resolve_division, slug
from kg.types import Document, Extraction, Mention, Relation, Sentence

TEXT = "青山县人民路改造。白鹭湾新城开工。金禾食品集团投资白鹭湾新城。金禾食品来了。青山来了。"


def doc(region_full="江西省赣州市青山县", code=None, text=TEXT):
    sentences, start = [], 0
    for i, part in enumerate(text.split("。")[:-1]):
        end = start + len(part) + 1
        sentences.append(Sentence(i, text[start:end], start, end, None, 2020, "review"))
        start = end
    return Document(
        text=text,
        sentences=tuple(sentences),
        sections=(),
        region="青山县",
        region_full=region_full,
        region_code=code,
        region_level="county",
        year=2021,
    )


def mention(name, type_, sentence, d):
    s = d.sentences[sentence]
    start = d.text.index(name, s.start)
    return Mention(name, type_, sentence, start, start + len(name), name)


def test_aliases_of_one_type_merge_into_one_entity_with_all_mentions():
    d = doc()
    ms = (mention("金禾食品集团", "Company", 2, d), mention("金禾食品", "Company", 3, d))
    (entity,) = link(Extraction(d, ms)).entities
    assert (entity.name, entity.aliases, len(entity.mentions)) == ("金禾食品集团", ("金禾食品",), 2)
    assert entity.iri == "https://w3id.org/govkg/id/company/金禾食品集团"


def test_region_and_its_short_name_are_one_node_with_level_and_code():
    d = doc(code="360799")
    ms = (mention("青山县", "Place", 0, d), mention("青山", "Place", 4, d))
    (entity,) = link(Extraction(d, ms)).entities
    assert entity.iri == "https://w3id.org/govkg/id/place/江西省赣州市青山县"
    assert (entity.admin_level, entity.region_code) == ("county", "360799")


def test_same_street_in_two_regions_gets_two_iris_and_same_distinctive_company_one():
    a, b = doc(), doc(region_full="湖北省黄冈市青山区")
    assert entity_iri("Place", "人民路", a) != entity_iri("Place", "人民路", b)
    assert entity_iri("Project", "白鹭湾新城", a) != entity_iri("Project", "白鹭湾新城", b)
    assert entity_iri("Company", "金禾食品集团", a) == entity_iri("Company", "金禾食品集团有限公司", b)
    assert entity_iri("Company", "金禾食品", a) != entity_iri(
        "Company", "金禾食品", b
    )  # a short name stays local


def test_relation_ends_without_mentions_become_entities_and_resolve():
    d = doc()
    rel = Relation("金禾食品", "Company", "participatesIn", "白鹭湾文旅产业群", "Project", 3, 30, 36)
    linked = link(Extraction(d, (mention("金禾食品", "Company", 3, d),), relations=(rel,)))
    assert sorted(e.name for e in linked.entities) == ["白鹭湾文旅产业群", "金禾食品"]
    assert ("Project", "白鹭湾文旅产业群") in linked.index


def test_linking_is_deterministic_whatever_the_mention_order():
    d = doc()
    ms = [
        mention("白鹭湾新城", "Project", 1, d),
        mention("白鹭湾新城", "Project", 2, d),
        mention("青山县", "Place", 0, d),
    ]
    assert link(Extraction(d, tuple(ms))).entities == link(Extraction(d, tuple(reversed(ms)))).entities


def test_names_and_keys():
    assert slug("互联网+政务服务") == "互联网+政务服务"
    assert slug("a b/c") == "a%20b%2Fc"
    assert alias_key("乡村振兴战略", "Policy") == "乡村振兴"
    assert alias_key("新区", "Place") == "新区"
    assert admin_level("红星镇") == "township" and admin_level("高新区") == "zone"
    assert resolve_division("赣州市", doc()) == "江西省赣州市"
    assert resolve_division("红星镇", doc()) is None
    assert report_iri(doc()) == "https://w3id.org/govkg/id/report/江西省赣州市青山县/2021"
    assert report_iri(doc(code="360799")) == "https://w3id.org/govkg/id/report/360799/2021"


def test_a_company_short_name_merges_into_its_one_long_name_and_an_ambiguous_one_does_not():
    text = "青峰不锈钢投产。青峰扩产。白鹭食品开业。白鹭纸业开业。白鹭来了。"
    d = doc(text=text)
    ms = tuple(
        mention(n, "Company", k, d)
        for n, k in (("青峰不锈钢", 0), ("青峰", 1), ("白鹭食品", 2), ("白鹭纸业", 3), ("白鹭", 4))
    )
    entities = {e.name: e.aliases for e in link(Extraction(d, ms)).entities}
    assert entities == {"青峰不锈钢": ("青峰",), "白鹭食品": (), "白鹭纸业": (), "白鹭": ()}
