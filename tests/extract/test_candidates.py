"""Tests of kg.extract.candidates: generic nouns, honours, metadata and junk filtered; overlaps resolved, read through
:func:`kg.extract.entities.extract_mentions` on invented sentences in the genre's style (no names from any
report)."""

from kg.extract.entities import extract_mentions
from kg.ingest import ingest_text


def test_combined_bodies_are_split_and_quoted_policy_keeps_its_head(found):
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


def test_generic_nouns_are_not_entities(found):
    assert found("新建安置房3000套，改造农贸市场5个，完成城区公厕改造。") == set()


def test_honours_are_not_places(found):
    assert found("青山县荣获全国文明城市称号，成功创建省级示范区。") == {("青山县", "Place")}


def test_the_meeting_is_not_an_entity(found):
    assert found("2019年3月1日在青山县第十七届人民代表大会第三次会议上") == {("青山县", "Place")}


def test_the_report_title_is_no_organization():
    doc = ingest_text("2019年青山县政府工作报告\n各位代表：\n青山县人民政府向大会报告工作。")
    assert {(m.name, m.type) for m in extract_mentions(doc)} == {("青山县人民政府", "Organization")}


def test_unbalanced_brackets_are_never_a_name(found):
    assert found("德国Veltra精工（绵阳）有限公司落户。") == {("德国Veltra精工(绵阳)有限公司", "Company")}
    assert found("美国Norvia精工（绵阳）有限公司投产。") == {("美国Norvia精工(绵阳)有限公司", "Company")}


def test_latin_junk_glued_before_a_body_is_split_off_and_a_party_school_is_no_committee(found):
    text = "各位代表：FTR湖南省人民政府向大会报告工作。会议在青山县委党校举行。"
    assert found(text) == {("湖南省人民政府", "Organization"), ("青山县委党校", "Organization")}


def test_a_generic_noun_after_a_word_of_state_is_still_generic(found):
    assert found("解决无房派出所和老旧派出所用房问题。") == set()


def test_a_development_slogan_on_the_city_is_no_place(found):
    text = "二、2020年工作安排\n深化实施依港立市、工业强市、开放活市、科教兴市战略,坚持生态立县、科教兴县。"
    assert not {name for name, kind in found(text) if kind == "Place"}
