"""Tests for kg.extract.glossary: glossary items in clean and scraped form, in-text definitions."""

from __future__ import annotations

import re

from kg.extract.glossary import extract_definitions, normalise_term
from kg.extract.relations import extract_relations
from kg.types import Document, Mention, Sentence

GLOSSARY = (
    "《政府工作报告》相关名词解释\n"
    "1.“三联三帮”工作法(P2):即联村帮户、联企帮难、联项目帮建。\n"
    "2.一码通办P4:指群众凭一个码办理各类事项。该模式已在全县推开。\n"
    "3.“智慧园区P5):即以物联网为基础的园区管\n理平台,服务1.2万人。\n"
    "4.清廉村居(P9):即村务公开、财务规范的村居。\n"
    "(以上说明均根据相关单位提供资料整理)"
)


def glossary_doc(body: str = "今年全面推行一码通办。", glossary: str = GLOSSARY) -> Document:
    """A plan sentence, then the glossary cut into sentences at 。 and line ends, as ingest does."""
    text = body + "\n" + glossary
    sentences = [Sentence(0, body, 0, len(body), None, 2020, "plan")]
    for match in re.finditer(r"[^。\n]+。?", glossary):
        start = len(body) + 1 + match.start()
        sentences.append(
            Sentence(len(sentences), match.group(), start, start + len(match.group()), None, None, "glossary")
        )
    return Document(text=text, sentences=tuple(sentences), sections=(), year=2020)


def test_glossary_items_with_and_without_quotes_and_page_references():
    definitions = extract_definitions(glossary_doc())
    assert [(r.subject, r.subject_type, r.predicate, r.object, r.object_type) for r in definitions] == [
        ("三联三帮工作法", "Policy", "definition", "即联村帮户、联企帮难、联项目帮建。", None),
        ("一码通办", "Policy", "definition", "指群众凭一个码办理各类事项。该模式已在全县推开。", None),
        ("智慧园区", "Policy", "definition", "即以物联网为基础的园区管理平台,服务1.2万人。", None),
        ("清廉村居", "Policy", "definition", "即村务公开、财务规范的村居。", None),
    ]


def test_a_definition_spanning_two_sentences_keeps_its_evidence():
    doc = glossary_doc()
    relation = extract_definitions(doc)[1]
    assert (
        doc.text[relation.start : relation.end]
        == "2.一码通办P4:指群众凭一个码办理各类事项。该模式已在全县推开。"
    )
    assert doc.sentences[relation.sentence].text == "2.一码通办P4:指群众凭一个码办理各类事项。"


def test_the_subject_takes_the_type_of_a_mention_of_the_term():
    doc = glossary_doc()
    start = doc.text.index("一码通办")
    mentions = [Mention("一码通办", "Project", 0, start, start + 4)]
    assert [(r.subject, r.subject_type) for r in extract_definitions(doc, mentions)][:2] == [
        ("三联三帮工作法", "Policy"),
        ("一码通办", "Project"),
    ]


def test_a_policy_mention_of_the_term_wins_over_other_types():
    doc = glossary_doc(body="一码通办服务站建成。推行一码通办。")
    first, second = doc.text.index("一码通办"), doc.text.index("一码通办", 5)
    mentions = [
        Mention("一码通办", "Place", 0, first, first + 4),
        Mention("一码通办", "Policy", 0, second, second + 4),
    ]
    assert [(r.subject, r.subject_type) for r in extract_definitions(doc, mentions)][1] == (
        "一码通办",
        "Policy",
    )


def test_numbers_out_of_sequence_are_not_items():
    glossary = "名词解释\n1.双百行动(P3):即百企帮百村。\n5.\n2.零跑腿(P4):即网上办理。"
    assert [r.subject for r in extract_definitions(glossary_doc(glossary=glossary))] == ["双百行动", "零跑腿"]


def test_no_glossary_no_definitions():
    doc = Document(
        text="今年全面推行一码通办。",
        sentences=(Sentence(0, "今年全面推行一码通办。", 0, 11, None, 2020, "plan"),),
        sections=(),
    )
    assert extract_definitions(doc) == ()


def test_in_text_definitions():
    body = "所谓“两山”转化,即把绿水青山变成金山银山。河湖长制是指由党政负责人担任河湖长。"
    doc = Document(text=body, sentences=(Sentence(0, body, 0, len(body), None, 2020, "plan"),), sections=())
    start = body.index("河湖长制")
    mentions = [Mention("河湖长制", "Policy", 0, start, start + 4)]
    assert [(r.subject, r.object) for r in extract_definitions(doc, mentions)] == [
        ("两山转化", "即把绿水青山变成金山银山。"),
        ("河湖长制", "指由党政负责人担任河湖长。"),
    ]


def test_extract_relations_includes_the_definitions():
    doc = glossary_doc()
    assert [r.subject for r in extract_relations(doc, []) if r.predicate == "definition"] == [
        "三联三帮工作法",
        "一码通办",
        "智慧园区",
        "清廉村居",
    ]


def test_normalise_term():
    assert normalise_term("“四个一”工作法(P12)") == "四个一工作法"
    assert normalise_term("一码通办 P4") == "一码通办"
    assert normalise_term("“智慧园区P5)") == "智慧园区"
