"""Tests of kg.ingest: reading files, normalising, sections, sentences, parts, years, region."""

from __future__ import annotations

import hashlib
from itertools import zip_longest
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import ingest, ingest_text, normalise, read_text
from kg.ingest_noise import rejoin_split_entities
from kg.ingest_region import resolve_region, title_region_name

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
BUNDLED = Path(__file__).resolve().parent.parent / "data" / "shigu-2019-gov-work-report.txt"

# An invented county report in the genre's style, with site chrome, a broken line and a glossary.
REPORT = """当前位置:首页 > 政务公开 > 规划计划
2020年青山县政府工作报告
来源:县政府办 发布时间:2020-01-15
——2020年1月8日在青山县第十七届人民代表大会第四次会议上
各位代表:
现在,我代表县人民政府向大会报告工作,请予审议。
一、2019年工作回顾
过去一年,全县经济稳中有进。全县实现地区生产总值120.5亿元,增长7.2%；财政总收入9.8亿元!
(一)聚焦产业发展,工业经济提质增效。新增规模以上工业企业12家。
2017年,全县启动园区扩区工作。
二、2020年工作安排
今年主要预期目标是:地区生产总值增长7%左右,完成节能减
排任务。
(一)加快项目建设。新开工项目30个
三、加强政府自身建设
始终把纪律挺在前面。
名词解释
1.三线一单:指生态保护红线、环境质量底线、资源利用上线和生态环境准入清单。
2.放管服:即简政放权、放管结合、优化服务。
相关阅读:
青山县召开常务会议
"""

REPORT_SENTENCES = [
    ("2020年青山县政府工作报告", "front", 2020, None),
    ("——2020年1月8日在青山县第十七届人民代表大会第四次会议上", "front", 2020, None),
    ("各位代表:", "front", None, None),
    ("现在,我代表县人民政府向大会报告工作,请予审议。", "front", None, None),
    ("一、2019年工作回顾", "review", 2019, 0),
    ("过去一年,全县经济稳中有进。", "review", 2019, 0),
    ("全县实现地区生产总值120.5亿元,增长7.2%；", "review", 2019, 0),
    ("财政总收入9.8亿元！", "review", 2019, 0),
    ("(一)聚焦产业发展,工业经济提质增效。", "review", 2019, 1),
    ("新增规模以上工业企业12家。", "review", 2019, 1),
    ("2017年,全县启动园区扩区工作。", "review", 2017, 1),
    ("二、2020年工作安排", "plan", 2020, 2),
    ("今年主要预期目标是:地区生产总值增长7%左右,完成节能减排任务。", "plan", 2020, 2),
    ("(一)加快项目建设。", "plan", 2020, 3),
    ("新开工项目30个", "plan", 2020, 3),
    ("三、加强政府自身建设", "plan", 2020, 4),
    ("始终把纪律挺在前面。", "plan", 2020, 4),
    ("名词解释", "glossary", None, 5),
    ("1.三线一单:指生态保护红线、环境质量底线、资源利用上线和生态环境准入清单。", "glossary", None, 6),
    ("2.放管服:即简政放权、放管结合、优化服务。", "glossary", None, 7),
]


@pytest.fixture(scope="module")
def report():
    return ingest_text(REPORT, source="qingshan.txt")


@pytest.fixture(scope="module")
def bundled():
    return ingest(BUNDLED)


# ---------------------------------------------------------------------------------------------- normalise


def test_normalise_folds_full_width_forms_and_keeps_chinese_sentence_punctuation():
    assert (
        normalise("增长１２．５％，（一）；完成！是否？顿号、句号。")
        == "增长12.5%,(一)；完成！是否？顿号、句号。"
    )


def test_normalise_turns_stray_ascii_stops_after_chinese_into_chinese_ones():
    assert normalise("各位代表!增长5%;是否?") == "各位代表！增长5%；是否？"


def test_normalise_leaves_ascii_stops_inside_latin_tokens():
    assert normalise("见a=1;b=2") == "见a=1;b=2"


def test_normalise_decodes_leftover_html_entities():
    assert normalise("&ldquo;放管服&rdquo;改革&nbsp;深化&amp;nbsp;") == "“放管服”改革深化"


def test_normalise_converts_traditional_to_simplified():
    assert (
        normalise("今年將繼續推進經濟發展，實現地區生產總值增長6%。")
        == "今年将继续推进经济发展,实现地区生产总值增长6%。"
    )


def test_normalise_cleans_whitespace_and_empty_lines():
    assert normalise("  一、 工作回顾\u3000\r\n\r\n\t全年 增长 8% 。\u200b\n\nGDP growth  rate") == (
        "一、工作回顾\n全年增长8%。\nGDP growth rate"
    )


def test_normalise_writes_out_unit_symbols_and_circled_numbers():
    assert normalise("改造6万㎡,①新建道路") == "改造6万平方米,(1)新建道路"


def test_normalise_drops_site_chrome():
    text = "当前位置:首页 > 政务公开\n来源:县政府办 发布时间:2020-01-15\n【字体:大 中 小】\n正文一句。\n打印本页 关闭窗口\n"
    assert normalise(text) == "正文一句。"


def test_normalise_drops_everything_from_related_reading_on():
    assert normalise("正文一句。\n相关阅读:\n青山县召开常务会议") == "正文一句。"


def test_normalise_joins_a_word_broken_across_lines():
    assert normalise("完成节能减\n\n排、安全生产任务。") == "完成节能减排、安全生产任务。"


def test_normalise_joins_a_number_broken_across_lines():
    assert normalise("地区生产总值增长1\n2.5%。") == "地区生产总值增长12.5%。"


def test_normalise_joins_a_line_ending_in_a_comma():
    assert normalise("全县上下团结一心,\n克服困难。") == "全县上下团结一心,克服困难。"


def test_normalise_keeps_breaks_before_headings_years_and_new_paragraphs():
    text = "圆满完成全年目标任务\n——开创了新局面。\n一、2019年工作回顾\n2019年,全县增长7%\n今年,要加快发展。"
    assert normalise(text).split("\n") == [
        "圆满完成全年目标任务",
        "——开创了新局面。",
        "一、2019年工作回顾",
        "2019年,全县增长7%",
        "今年,要加快发展。",
    ]


# ---------------------------------------------------------------------------------------------- structure


def test_sentences_texts_parts_years_and_sections(report):
    got = [(s.text, s.part, s.year, s.section) for s in report.sentences]
    assert got == REPORT_SENTENCES
    assert [s.index for s in report.sentences] == list(range(len(REPORT_SENTENCES)))


def test_sentence_offsets_point_into_the_text(report):
    assert all(s.text == report.text[s.start : s.end] for s in report.sentences)
    assert (report.sentences[0].start, report.sentences[0].end) == (0, 14)
    assert report.text.startswith("2020年青山县政府工作报告\n——2020年1月8日")


def test_sections_levels_titles_and_parents(report):
    got = [(s.index, s.title, s.level, s.parent) for s in report.sections]
    assert got == [
        (0, "2019年工作回顾", 1, None),
        (1, "聚焦产业发展,工业经济提质增效", 2, 0),
        (2, "2020年工作安排", 1, None),
        (3, "加快项目建设", 2, 2),
        (4, "加强政府自身建设", 1, None),
        (5, "名词解释", 1, None),
        (6, "三线一单", 3, 5),
        (7, "放管服", 3, 5),
    ]


def test_section_spans_cover_heading_to_next_heading_of_same_level(report):
    review = report.sections[0]
    assert report.text[review.start : review.end] == (
        "一、2019年工作回顾\n"
        "过去一年,全县经济稳中有进。全县实现地区生产总值120.5亿元,增长7.2%；财政总收入9.8亿元！\n"
        "(一)聚焦产业发展,工业经济提质增效。新增规模以上工业企业12家。\n"
        "2017年,全县启动园区扩区工作。"
    )
    item = report.sections[7]
    assert report.text[item.start : item.end] == "2.放管服:即简政放权、放管结合、优化服务。"


def test_chrome_is_not_in_the_text(report):
    assert "当前位置" not in report.text
    assert "发布时间" not in report.text
    assert "常务会议" not in report.text


def test_document_metadata(report):
    assert report.year == 2020
    assert report.title == "2020年青山县政府工作报告"
    assert report.source == "qingshan.txt"
    assert report.checksum == hashlib.sha256(report.text.encode("utf-8")).hexdigest()


def test_unknown_region_keeps_the_name_as_written(report):
    assert (report.region, report.region_full, report.region_code, report.region_level) == (
        "青山县",
        "青山县",
        None,
        "county",
    )


def test_level_two_heading_with_body_on_the_same_line():
    doc = ingest_text("一、2018年工作回顾\n(一)突出抓项目,发展动能增强。重点项目有序推进。")
    assert [(s.title, s.level, s.parent) for s in doc.sections] == [
        ("2018年工作回顾", 1, None),
        ("突出抓项目,发展动能增强", 2, 0),
    ]
    assert [s.text for s in doc.sentences][1:] == ["(一)突出抓项目,发展动能增强。", "重点项目有序推进。"]


def test_report_year_from_plan_heading_when_no_meeting_line():
    doc = ingest_text("政府工作报告\n一、过去五年工作回顾\n年均增长7%。\n二、2023年工作安排\n今年增长6%。")
    assert doc.year == 2023
    assert [(s.part, s.year) for s in doc.sentences[1:]] == [
        ("review", 2022),
        ("review", 2022),
        ("plan", 2023),
        ("plan", 2023),
    ]


def test_body_year_wins_over_a_wrong_title_year():
    doc = ingest_text(
        "2019年青山县政府工作报告\n一、2020年工作回顾\n全年增长5%。\n二、2021年工作安排\n增长6%。"
    )
    assert (doc.year, doc.title) == (2021, "2021年青山县政府工作报告")
    assert [(s.text, s.year) for s in doc.sentences[:2]] == [
        ("一、2020年工作回顾", 2020),
        ("全年增长5%。", 2020),
    ]


def test_december_meeting_reviews_the_year_then_ending():
    doc = ingest_text("——2019年12月28日在青山县第十七届人民代表大会第五次会议上\n即将过去的一年,全县增长7%。")
    assert doc.year == 2019
    assert doc.sentences[1].year == 2019


def test_heading_without_cue_words_is_placed_by_its_year_and_its_sentences():
    doc = ingest_text(
        "——2019年1月10日在青山县第十七届人民代表大会第三次会议上\n一、2018年工作情况\n全县增长7%。\n"
        "二、坚定信心乘势而上\n今年全县增长6.5%左右。\n全县上下团结奋斗。"
    )
    assert [(s.part, s.year) for s in doc.sentences] == [
        ("front", 2019),
        ("review", 2018),
        ("review", 2018),
        ("plan", 2019),
        ("plan", 2019),
        ("plan", 2019),
    ]


def test_slogan_headings_are_parted_by_what_their_sentences_say():
    # No heading names its part, no meeting line, no title: the sentences decide parts and years.
    doc = ingest_text(
        "各位代表:\n现在,我代表区人民政府向大会作工作报告。\n一、迎难而上,经济发展取得新成效\n"
        "2023年,全区地区生产总值完成了1200亿元,比上年增长了5.2%。\n圆满完成了年初确定的各项目标任务。\n"
        "二、乘势而上,奋力开创发展新局面\n今年要坚持稳中求进,力争地区生产总值增长6%左右。\n要加快推进产业转型升级。"
    )
    assert doc.year == 2024
    assert [(s.part, s.year) for s in doc.sentences[2:]] == [
        ("review", 2023),
        ("review", 2023),
        ("review", 2023),
        ("plan", 2024),
        ("plan", 2024),
        ("plan", 2024),
    ]


def test_text_without_headings_splits_once_into_review_and_plan():
    doc = ingest_text(
        "过去一年,全市上下攻坚克难,完成了全年目标。2021年全市生产总值增长了6.1%。"
        "今年经济社会发展的主要预期目标是:生产总值增长5.5%左右。要加快推进重点项目建设。"
    )
    assert [s.part for s in doc.sentences] == ["review", "review", "plan", "plan"]
    assert doc.year == 2022 and doc.sentences[1].year == 2021 and doc.sentences[2].year == 2022


def test_digits_spaced_out_are_one_number():
    doc = ingest_text("一、工作回顾\n本届政府从2 0 1 8 年就职,2 0 2 2 年全市增长了5%。")
    assert "2022年全市增长了5%" in doc.text


def test_meeting_line_with_lost_digits_gives_the_year():
    doc = ingest_text("2021315日在青山县\n第十八届人民代表大会第六次会议上\n各位代表:")
    assert doc.year == 2021


def test_text_without_headings_has_front_and_body_parts():
    doc = ingest_text("各位代表:\n现在,我代表县人民政府报告工作。\n全县增长了7%。")
    assert [s.part for s in doc.sentences] == ["front", "front", "review"]


def test_blank_text_is_refused():
    with pytest.raises(InputError, match="no text"):
        ingest_text(" \n\u3000\n")


# ---------------------------------------------------------------------------------------------- region


def test_region_from_title_is_resolved_with_jionlp_divisions():
    doc = ingest_text("2021年长沙市岳麓区政府工作报告\n各位代表:\n一、2020年工作回顾\n全区增长5%。")
    assert (doc.region, doc.region_full, doc.region_code, doc.region_level) == (
        "长沙市岳麓区",
        "湖南省长沙市岳麓区",
        "430104",
        "county",
    )


@pytest.mark.parametrize(
    ("name", "context", "full", "code", "level"),
    [
        ("湖南省", "", "湖南省", "430000", "province"),
        ("长沙市", "", "湖南省长沙市", "430100", "city"),
        ("北京市海淀区", "", "北京市海淀区", "110108", "county"),
        ("仙桃市", "", "湖北省仙桃市", "429004", "county"),
        ("朝阳区", "吉林省长春市经济", "吉林省长春市朝阳区", "220104", "county"),
        ("朝阳区", "北京市", "北京市朝阳区", "110105", "county"),
        ("长沙市岳麓区青山镇", "", "湖南省长沙市岳麓区青山镇", None, "township"),
    ],
)
def test_resolve_region(name, context, full, code, level):
    region = resolve_region(name, context)
    assert (region.full, region.code, region.level) == (full, code, level)


# ---------------------------------------------------------------------------------------------- files


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        ingest(tmp_path / "nope.txt")


def test_directory(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        ingest(tmp_path)


@pytest.mark.parametrize("content", [b"", b" \n\t\r\n "])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match="is empty"):
        ingest(path)


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00report.txt\x00\x00",
    ],
)
def test_binary_file(tmp_path, content):
    path = tmp_path / "report.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match="looks binary"):
        ingest(path)


def test_undecodable_file(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 20)
    with pytest.raises(InputError, match="could not be decoded as text"):
        ingest(path)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "gbk"])
def test_encodings_give_the_same_document(tmp_path, report, encoding):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(REPORT.encode(encoding))
    assert ingest(path).text == report.text


def test_big5_traditional_file_gives_simplified_text(tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes("二、2021年工作安排\n今年將繼續推進經濟發展，實現地區生產總值增長6%。".encode("big5"))
    assert ingest(path).text == "二、2021年工作安排\n今年将继续推进经济发展,实现地区生产总值增长6%。"


def test_gb18030_copy_of_bundled_report_gives_the_same_text(tmp_path, bundled):
    path = tmp_path / "gbk.txt"
    path.write_bytes(BUNDLED.read_text(encoding="utf-8").encode("gb18030"))
    doc = ingest(path)
    assert doc.text == bundled.text
    assert doc.sentences == bundled.sentences


def test_read_text_returns_decoded_text_not_normalised(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes("增长１２％\r\n".encode("gb18030"))
    assert read_text(path) == "增长１２％\r\n"


def test_html_page_keeps_the_report_and_drops_site_chrome():
    doc = ingest(FIXTURES / "gov_page.html")
    for chrome in (
        "网站首页",
        "政务公开菜单",
        "导航统计脚本",
        "页脚统计代码",
        "主办单位",
        "分享到",
        "当前位置",
        "相关阅读",
    ):
        assert chrome not in doc.text
    assert [(s.title, s.level) for s in doc.sections] == [
        ("2020年工作回顾", 1),
        ("产业发展稳中向好", 2),
        ("民生保障持续加强", 2),
        ("2021年工作安排", 1),
        ("加快产业转型升级", 2),
        ("持续改善人居环境", 2),
    ]
    assert (doc.year, doc.title, doc.region) == (2021, "2021年青山县政府工作报告", "青山县")
    growth = next(s for s in doc.sentences if "218.4亿元" in s.text)
    assert (growth.text, growth.part, growth.year) == (
        "全县实现地区生产总值218.4亿元,增长3.6%；",
        "review",
        2020,
    )


@pytest.mark.parametrize("layout", ["<div class='content'>{}</div>", "<table><tr><td>{}</td></tr></table>"])
def test_html_report_in_a_block_or_a_layout_table_keeps_every_line(tmp_path, report, layout):
    paragraphs = "".join(f"<p>{line}</p>" for line in REPORT.splitlines())
    page = f"<html><body><div class='nav'><a>网站首页</a></div>{layout.format(paragraphs)}</body></html>"
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert ingest(path).text == report.text


def test_site_chrome_words_inside_a_long_line_are_kept():
    line = "来源:" + "全县实现地区生产总值120.5亿元,增长7.2%,发布会如期召开" * 4
    assert normalise(line) == line


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><div><p>一、2020年工作回顾<p>全年增长5%。</div></span></table>",
        "<div>二、2021年工作安排<br>今年增长6%。",
    ],
)
def test_malformed_html_does_not_crash(tmp_path, page):
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    doc = ingest(path)
    assert "增长" in doc.text


def _write_pdf(path: Path, lines: list[str]) -> None:
    import matplotlib

    matplotlib.use("pdf")
    import matplotlib.pyplot as plt

    with plt.rc_context({"pdf.fonttype": 42, "font.family": ["WenQuanYi Micro Hei", "DejaVu Sans"]}):
        figure = plt.figure(figsize=(6, 1 + 0.4 * len(lines)))
        for i, line in enumerate(lines):
            figure.text(0.05, 1 - (i + 1) / (len(lines) + 1), line)
        figure.savefig(path)
        plt.close(figure)


def test_pdf_text_is_read(tmp_path):
    path = tmp_path / "report.pdf"
    _write_pdf(path, ["一、2020年工作回顾", "全县实现地区生产总值218.4亿元。"])
    doc = ingest(path)
    assert [s.text for s in doc.sentences] == ["一、2020年工作回顾", "全县实现地区生产总值218.4亿元。"]
    assert doc.sentences[1].year == 2020


PARAGRAPH = "全县实现地区生产总值218.4亿元,增长3.6%,一般公共预算收入12.7亿元,城乡居民收入稳步增长,民生保障持续加强,社会大局和谐稳定。"


def test_hard_wrapped_text_is_reflowed():
    wrapped = [PARAGRAPH[i : i + 16] for i in range(0, len(PARAGRAPH), 16)]
    assert normalise("\n".join(["一、2020年工作回顾", *wrapped, "二、2021年工作安排"])) == (
        f"一、2020年工作回顾\n{PARAGRAPH}\n二、2021年工作安排"
    )


def test_pdf_lines_are_reflowed_and_page_numbers_dropped(tmp_path):
    path = tmp_path / "report.pdf"
    wrapped = [PARAGRAPH[i : i + 16] for i in range(0, len(PARAGRAPH), 16)]
    _write_pdf(path, ["一、2020年工作回顾", *wrapped, "- 1 -"])
    assert ingest(path).text == f"一、2020年工作回顾\n{PARAGRAPH}"


def _write_pdf_pages(path: Path, pages: list[list[tuple[float, float, str]]]) -> None:
    """A PDF of A4-shaped pages with each text drawn at (x, y) in page fractions."""
    import matplotlib

    matplotlib.use("pdf")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    with (
        plt.rc_context({"pdf.fonttype": 42, "font.family": ["WenQuanYi Micro Hei", "DejaVu Sans"]}),
        PdfPages(path) as pdf,
    ):
        for texts in pages:
            figure = plt.figure(figsize=(8.3, 11.7))
            for x, y, text in texts:
                figure.text(x, y, text, fontsize=10)
            pdf.savefig(figure)
            plt.close(figure)


REVIEW = "全县实现地区生产总值105.6亿元,增长4.2%,新增城镇就业3100人,城乡居民收入稳步增长,社会大局和谐稳定。"
PLAN = "今年地区生产总值增长8%左右,新开工项目50个,完成固定资产投资80亿元,城乡居民收入增长与经济增长同步。"
LEFT = ["一、2020年工作回顾", *(REVIEW[i : i + 14] for i in range(0, len(REVIEW), 14))]
RIGHT = ["二、2021年工作安排", *(PLAN[i : i + 14] for i in range(0, len(PLAN), 14))]


def test_two_column_pdf_reads_columns_in_order_without_running_headers(tmp_path):
    path = tmp_path / "report.pdf"
    page = []
    for row, (left, right) in enumerate(zip_longest(LEFT, RIGHT, fillvalue="")):
        y = 0.85 - row * 0.04
        page += [(0.08, y, left), (0.55, y, right)]
    header = (0.35, 0.95, "安远县人民政府文件")
    pages = [
        [header, *page, (0.45, 0.04, "- 1 -")],
        [
            header,
            (0.08, 0.85, "三、加强政府自身建设"),
            (0.08, 0.81, "始终把纪律挺在前面。"),
            (0.45, 0.04, "- 2 -"),
        ],
    ]
    _write_pdf_pages(path, pages)
    doc = ingest(path)
    assert doc.text == (
        f"一、2020年工作回顾\n{REVIEW}\n二、2021年工作安排\n{PLAN}\n三、加强政府自身建设\n始终把纪律挺在前面。"
    )


def test_pdf_footer_with_page_count_repeated_on_every_page_is_dropped(tmp_path):
    path = tmp_path / "report.pdf"
    footer = "安远县人民政府办公室印发 第{}页 共3页"
    pages = [
        [(0.08, 0.9, "一、2020年工作回顾"), (0.08, 0.86, "全年增长4%。"), (0.3, 0.04, footer.format(1))],
        [(0.08, 0.9, "新增就业3100人。"), (0.3, 0.04, footer.format(2))],
        [(0.08, 0.9, "二、2021年工作安排"), (0.08, 0.86, "今年增长8%左右。"), (0.3, 0.04, footer.format(3))],
    ]
    _write_pdf_pages(path, pages)
    assert (
        ingest(path).text
        == "一、2020年工作回顾\n全年增长4%。\n新增就业3100人。\n二、2021年工作安排\n今年增长8%左右。"
    )


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage")
    with pytest.raises(InputError, match="could not be read"):
        ingest(path)


# ---------------------------------------------------------------------------------------------- the bundled report


def test_bundled_report_metadata(bundled):
    assert (bundled.year, bundled.title) == (2019, "2019年石鼓区政府工作报告")
    assert (bundled.region_full, bundled.region_code, bundled.region_level) == (
        "湖南省衡阳市石鼓区",
        "430407",
        "county",
    )
    assert bundled.region.endswith("石鼓区")


def test_bundled_report_review_and_plan_years(bundled):
    actual = next(s for s in bundled.sentences if "实现地区生产总值175.6亿元" in s.text)
    target = next(s for s in bundled.sentences if "地区生产总值增长8.5%左右" in s.text)
    assert (actual.part, actual.year) == ("review", 2018)
    assert (target.part, target.year) == ("plan", 2019)


def test_bundled_report_glossary(bundled):
    glossary = [s for s in bundled.sections if s.level == 3]
    assert len(glossary) == 12
    items = [s for s in bundled.sentences if s.section in {g.index for g in glossary}]
    assert items and all(s.part == "glossary" for s in items)
    assert all(s.text == bundled.text[s.start : s.end] for s in bundled.sentences)


# ---------------------------------------------------------------------------------------------- years of reports of other shapes

DECEMBER = """——2020年12月26日在安远县第十七届人民代表大会第六次会议上
一、2020年和十三五时期工作回顾
即将过去的一年,全县增长4%。
今年以来,新增就业3000人。
五年来,地区生产总值年均增长7.5%。
十二五时期末,全县财政收入8亿元。
二、2021年工作安排
明年,地区生产总值增长7%左右。"""

THREE_PARTS = """——2021年1月18日在安远县第十八届人民代表大会第一次会议上
一、2020年工作回顾
全年增长4%。
过去五年,年均增长7.5%。
二、十四五时期主要目标任务
到2025年,地区生产总值达到300亿元。
地区生产总值年均增长7%。
三、2021年工作安排
今年地区生产总值增长7%左右。
全年新开工项目50个。"""


def test_december_report_reviews_its_own_year_and_plans_the_next():
    doc = ingest_text(DECEMBER)
    assert (doc.year, doc.title, doc.region_code) == (2020, "2020年安远县政府工作报告", "360726")
    assert [(s.part, s.year) for s in doc.sentences] == [
        ("front", 2020),
        ("review", 2020),
        ("review", 2020),  # 即将过去的一年
        ("review", 2020),  # 今年以来, said in December
        ("review", 2020),  # 五年来: 十三五 ends with the review year
        ("review", 2015),  # 十二五时期
        ("plan", 2021),
        ("plan", 2021),  # 明年
    ]


def test_three_parts_review_five_year_plan_and_this_years_plan():
    doc = ingest_text(THREE_PARTS)
    assert doc.year == 2021
    assert [(s.part, s.year) for s in doc.sentences] == [
        ("front", 2021),
        ("review", 2020),
        ("review", 2020),
        ("review", 2020),
        ("plan", 2025),  # 十四五 targets are about the period's last year
        ("plan", 2025),
        ("plan", 2025),
        ("plan", 2021),
        ("plan", 2021),
        ("plan", 2021),
    ]


def test_review_heading_without_a_year_takes_the_year_before_the_meeting():
    doc = ingest_text(
        "——2022年1月10日在安远县第十八届人民代表大会第二次会议上\n一、过去一年工作回顾\n全县增长6%。\n"
        "二、今年工作安排\n增长7%左右。"
    )
    assert [(s.part, s.year) for s in doc.sentences] == [
        ("front", 2022),
        ("review", 2021),
        ("review", 2021),
        ("plan", 2022),
        ("plan", 2022),
    ]


# ---------------------------------------------------------------------------------------------- scraped copies


def test_scraped_copy_keeps_only_the_report():
    doc = ingest(FIXTURES / "scraped_noisy.txt")
    assert doc.text == (
        "——2021120日在安远县第十八届人民代表大会第五次会议上\n"
        "安远县人民政府县长赵明远\n"
        "各位代表:\n"
        "现在,我代表县人民政府向大会报告工作,请予审议。\n"
        "一、2020年工作回顾\n"
        "过去一年,全县GDP实现105.6亿元,增长4.2%。\n"
        "深化放管服改革,新增市场主体2300户,建成5G基站160个。\n"
        "“一网通办”事项占比达到95%,全县新签约PPP项目3个。\n"
        "(一)产业发展提质增效。青岚精密科技年产8万台电机项目建成投产。\n"
        "(二)民生保障持续加强。新增城镇就业3100人,城镇调查失业率控制在5%以内。\n"
        "二、2021年工作安排\n"
        "今年经济社会发展的主要预期目标是:地区生产总值增长8%左右。\n"
        "(一)加快项目建设。全年安排重点项目60个,完成投资80亿元。\n"
        "三、加强政府自身建设\n"
        "各位代表！让我们团结奋斗,再创安远发展新辉煌！"
    )


def test_scraped_copy_trusts_the_body_over_a_wrong_page_title():
    doc = ingest(FIXTURES / "scraped_noisy.txt")
    assert (doc.year, doc.title, doc.region, doc.region_full, doc.region_code, doc.region_level) == (
        2021,
        "2021年安远县政府工作报告",
        "安远县",
        "江西省赣州市安远县",
        "360726",
        "county",
    )
    assert [(s.title, s.level) for s in doc.sections] == [
        ("2020年工作回顾", 1),
        ("产业发展提质增效", 2),
        ("民生保障持续加强", 2),
        ("2021年工作安排", 1),
        ("加快项目建设", 2),
        ("加强政府自身建设", 1),
    ]
    assert [(s.part, s.year) for s in doc.sentences if s.part != "front"] == [("review", 2020)] * 8 + [
        ("plan", 2021)
    ] * 7


def test_region_from_the_speaker_line_when_the_title_names_a_county_the_body_never_does():
    doc = ingest_text(
        "2021年攸县政府工作报告\n安远县人民政府县长赵明远\n各位代表:\n一、2020年工作回顾\n全县增长4%。"
    )
    assert (doc.title, doc.region_full, doc.region_code) == (
        "2021年安远县政府工作报告",
        "江西省赣州市安远县",
        "360726",
    )
    assert "攸县" not in doc.text


@pytest.mark.parametrize(
    ("line", "clean"),
    [
        ("二、2021年工作安排【澳门威尼斯人娱乐官网 加微信ab8888】", "二、2021年工作安排"),
        ("三、加强政府自身建设 百家乐 真人视讯 稳赚不赔", "三、加强政府自身建设"),
        ("百家乐在线开户 首存送彩金 www.bet-demo88.com", ""),
        ("安远县人民政府网 www.anyuan-demo.gov.cn", ""),
        ("全年增长4%。x7kq2w", "全年增长4%。"),
        ("全年增长4%。zq81全县新增就业3000人。", "全年增长4%。全县新增就业3000人。"),
        ("建成aaaa级景区2个、5g基站160个,iii类水质", "建成AAAA级景区2个、5G基站160个,III类水质"),
        ("新增装机10万kw", "新增装机10万kw"),
    ],
)
def test_noise_inside_lines_is_removed(line, clean):
    assert normalise(line) == clean


@pytest.mark.parametrize(
    "line",
    [
        "网站首页 | 政务公开 | 办事服务 | 互动交流",
        "设为首页 加入收藏 无障碍浏览",
        "版权所有:安远县人民政府办公室 赣ICP备00000000号",
        "主办单位:安远县人民政府 网站标识码:0000000000",
    ],
)
def test_site_chrome_lines_are_dropped(line):
    assert normalise(f"{line}\n全年增长4%。") == "全年增长4%。"


def test_tagline_appended_to_lines_is_removed_but_closing_quotes_stay():
    text = "增长4%。——安远之窗\n新增就业3000人。——安远之窗\n他说:“要干。”\n又说:“要快。”\n再说:“要实。”"
    assert normalise(text) == "增长4%。\n新增就业3000人。\n他说:“要干。”\n又说:“要快。”\n再说:“要实。”"


def test_repeated_title_is_kept_once():
    text = "2021年安远县政府工作报告\n2021年安远县政府工作报告\n一、2020年工作回顾\n2021年安远县政府工作报告\n全年增长4%。"
    assert normalise(text) == "2021年安远县政府工作报告\n一、2020年工作回顾\n全年增长4%。"


# ---------------------------------------------------------------------------------------------- encodings and pages of scraped copies

ANYUAN_PAGE_TEXT = (
    "2021年安远县政府工作报告\n——2021年1月18日在安远县第十八届人民代表大会第一次会议上\n一、2020年工作回顾\n"
    "全县实现地区生产总值105.6亿元,增长4.2%；一般公共预算收入9.3亿元。\n二、2021年工作安排\n今年地区生产总值增长8%左右。"
)


@pytest.mark.parametrize("page", ["gbk_wrong_meta.html", "big5_traditional.html"])
def test_html_page_whose_meta_charset_is_wrong_is_read_in_its_real_encoding(page):
    doc = ingest(FIXTURES / page)
    assert doc.text == ANYUAN_PAGE_TEXT
    assert (doc.year, doc.region_code) == (2021, "360726")


def test_html_page_of_navigation_only_has_no_report_text():
    with pytest.raises(InputError, match="has no report text"):
        ingest(FIXTURES / "nav_only.html")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16", "utf-8-sig"])
def test_utf16_with_or_without_bom_and_utf8_with_bom(tmp_path, report, encoding):
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.encode(encoding))
    assert ingest(path).text == report.text


@pytest.mark.parametrize(
    ("tail", "message"),
    [
        (bytes(range(256)) * 8, "looks binary"),
        (bytes(range(0x80, 0x100)) * 16, "could not be decoded as text"),
    ],
)
def test_file_that_is_half_binary_is_refused(tmp_path, tail, message):
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.encode("utf-8") + tail)
    with pytest.raises(InputError, match=message):
        ingest(path)


def test_past_five_years_end_with_the_review_year_even_when_two_periods_are_named():
    doc = ingest_text(
        "——2023年1月12日在安远县第十八届人民代表大会第三次会议上\n一、过去五年工作回顾\n"
        "过去五年,全县推进十三五收官和十四五开局,年均增长6.5%。\n十三五时期,全县年均增长7%。"
    )
    assert [(s.part, s.year) for s in doc.sentences[1:]] == [
        ("review", 2022),
        ("review", 2022),
        ("review", 2020),
    ]


def test_stray_lower_case_tokens_ending_lines_are_removed():
    assert normalise("全面完成整改任务。 nbsp\n新增就业3000人。 qk") == "全面完成整改任务。\n新增就业3000人。"


# ---------------------------------------------------------------------------------------------- hard-wrapped copies, generic titles, news write-ups


def test_hard_wrapped_copy_is_rejoined_with_junk_tokens_and_split_entities_repaired():
    doc = ingest(FIXTURES / "hard_wrapped.txt")
    assert doc.text.split("\n") == [
        "荷塘区政府工作报告全文-某某文库",
        "文库2020-03-02 10:15:41工作报告",
        "政府工作报告",
        "——2020年1月9日在荷塘区第十届人民代表大会第四次会议上",
        "荷塘区人民政府区长周立新",
        "各位代表:",
        "现在,我代表区人民政府向大会报告工作,请予审议,并请政协委员和其他列席人员提出意见。",
        "一、2019年工作回顾",
        (
            "2019年是全面建成小康社会的关键之年。一年来,在区委的坚强领导下,全区上下攻坚克难,"
            "圆满完成了全年目标任务。全区地区生产总值完成512.4亿元,同比增长7.6%；一般公共预算收入完成"
            "41.3亿元,增长6%,其中税收收入33.5亿元；社会消费品零售总额实现233.8亿元,增长9.1%；"
            "城乡居民人均可支配收入分别达41250元和21630元；规模以上工业增加值增长8.2%,高于全省平均水平。"
            "在年度全省县域经济考核中,我区位列第3位,前进两个位次。"
        ),
        (
            "(一)产业转型步伐加快。淘汰落后产能企业12家。完成技改投资36亿元,占工业投资的比重达41.5%；"
            "万元地区生产总值能耗提前完成“十三五”目标,居全市前列。新增高新技术企业15家。"
        ),
        "二、2020年工作安排",
        (
            "今年经济社会发展的主要预期目标是:地区生产总值增长7%左右,一般公共预算收入增长6%,"
            "城乡居民收入增长与经济增长同步。"
        ),
    ]
    assert (doc.year, doc.title, doc.region_full, doc.region_code) == (
        2020,
        "2020年荷塘区政府工作报告",
        "湖南省株洲市荷塘区",
        "430202",
    )
    assert [(s.title, s.level) for s in doc.sections] == [
        ("2019年工作回顾", 1),
        ("产业转型步伐加快", 2),
        ("2020年工作安排", 1),
    ]
    wrapped = {s.text: (s.part, s.year) for s in doc.sentences}
    assert wrapped["社会消费品零售总额实现233.8亿元,增长9.1%；"] == ("review", 2019)
    assert wrapped["完成技改投资36亿元,占工业投资的比重达41.5%；"] == ("review", 2019)


def test_hard_wrap_is_not_seen_in_a_copy_whose_few_open_lines_differ_in_width():
    text = "政府工作报告\n——2020年1月9日在荷塘区第十届人民代表大会第四次会议上\n荷塘区人民政府区长周立新\n各位代表:"
    assert normalise(text) == text


def test_html_entity_split_across_lines_is_rejoined_and_decoded():
    assert normalise("提前完成&l\ndquo;十三五&rdquo;目标。") == "提前完成“十三五”目标。"
    assert rejoin_split_entities("研发R&D\nok;") == "研发R&D\nok;"


def test_junk_token_ending_several_lines_is_removed_everywhere_and_a_single_one_kept():
    text = "政府工作报告Q7x\n各位代表:Q7x\n一、2019年工作回顾Q7x\n全县Q7x新增就业3000人。\n峰会代号G20"
    assert normalise(text) == "政府工作报告\n各位代表:\n一、2019年工作回顾\n全县新增就业3000人。\n峰会代号G20"


GENERIC_TITLE = """政府工作报告
2020年2月27日在安远县第十八届人民代表大会第五次会议上
赵 明 远
各位代表:
现在,我代表县人民政府向大会报告工作,请予审议。
一、2019年工作回顾
2019年,全县地区生产总值完成88.2亿元,同比增长5.1%。"""


def test_a_title_that_names_no_region_is_built_from_the_year_and_region():
    doc = ingest_text(GENERIC_TITLE)
    assert (doc.title, doc.year, doc.region, doc.region_code) == (
        "2020年安远县政府工作报告",
        2020,
        "安远县",
        "360726",
    )
    assert ingest_text("2020年政府工作报告\n" + GENERIC_TITLE).title == "2020年安远县政府工作报告"


def test_title_region_name_is_never_a_year():
    assert (title_region_name("2020年政府工作报告"), title_region_name("安远县2020年政府工作报告")) == (
        "",
        "安远县",
    )


def test_a_title_that_names_its_region_is_kept():
    assert ingest_text("安远县人民政府工作报告\n" + GENERIC_TITLE).title == "安远县人民政府工作报告"


def test_news_write_up_in_traditional_characters_gets_year_region_and_parts_from_its_body():
    doc = ingest(FIXTURES / "news_writeup_traditional.txt")
    assert (doc.year, doc.title, doc.region, doc.region_full, doc.region_code, doc.region_level) == (
        2020,
        "2020年宜昌市西陵区政府工作报告",
        "宜昌市西陵区",
        "湖北省宜昌市西陵区",
        "420502",
        "county",
    )
    assert doc.sections == ()
    assert [(s.part, s.year) for s in doc.sentences] == [("review", 2019)] * 6 + [("plan", 2020)]
    assert doc.sentences[-1].text.startswith("林志远在报告中提出了2020年经济社会发展主要预期目标:")


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2月19日,大会开幕。会上提出了2021年经济社会发展主要预期目标:增长7%。", 2021),
        ("2月19日,大会开幕。区长说,2020年全区发展取得显著成效。全年增长5%。", 2021),
        ("2月19日,大会开幕。回顾过去一年,2020年全区增长5%。", 2021),
        ("2月19日,大会开幕。2020年全区增长5%。", 2021),
        ("2月19日,大会开幕。全区增长5%。", None),
    ],
)
def test_report_year_from_the_body_when_there_is_no_meeting_line(text, year):
    assert ingest_text(text).year == year


def test_text_without_headings_has_review_and_plan_parts_once_its_year_is_known():
    doc = ingest_text("2月19日,大会开幕。区长说,2020年全区发展取得显著成效。全年增长5%。今年增长6%左右。")
    assert [(s.part, s.year) for s in doc.sentences] == [
        ("review", 2020),
        ("review", 2020),
        ("review", 2020),
        ("plan", 2021),
    ]


# ---------------------------------------------------------------------------------------------- paragraph marks, speaker's government, redacted years


def test_paragraph_mark_of_a_one_line_copy_becomes_line_breaks_before_acronyms_are_upper_cased():
    doc = ingest(FIXTURES / "paragraph_marks.txt")
    assert doc.text.split("\n") == [
        "(江西省)2021年安远县人民政府工作报告(全文)政府工作报告",
        "2021年2月3日在安远县第十八届人民代表大会第六次会议上",
        "安远县人民政府县长赵明远",
        "各位代表:",
        "现在,我代表县人民政府,向大会报告工作,请予审议,并请各位政协委员和其他列席人员提出意见。",
        "一、2020年工作回顾",
        (
            "2020年,全县生产总值完成98.6亿元,增长4.1%,新增5G基站120个。面对严重汛情,全县上下连续奋战,"
            "顶格启动应急响应。岚峰公司在抗洪期间调运赣州救灾物资3.6万件。"
        ),
        "二、2021年工作安排",
        "今年全县地区生产总值增长7%左右。",
    ]
    assert (doc.year, doc.title, doc.region_full, doc.region_code) == (
        2021,
        "2021年安远县政府工作报告",
        "江西省赣州市安远县",
        "360726",
    )
    assert [(s.title, s.level) for s in doc.sections] == [("2020年工作回顾", 1), ("2021年工作安排", 1)]


def test_a_lower_cased_acronym_used_several_times_is_no_paragraph_mark():
    assert (
        normalise("全县gdp增长8%。gdp总量第一,gdp达到9亿元。") == "全县GDP增长8%。GDP总量第一,GDP达到9亿元。"
    )


def test_a_meeting_line_cut_before_its_session_is_one_line():
    text = "2021年2月3日在安远县第十八届人民代表大会\n第六次会议上\n各位代表:"
    assert normalise(text) == "2021年2月3日在安远县第十八届人民代表大会第六次会议上\n各位代表:"


def test_a_ratio_colon_written_as_a_presentation_form_is_a_colon():
    assert normalise("三次产业比调整为11.8︰48.3︰39.9,即3∶2。") == "三次产业比调整为11.8:48.3:39.9,即3:2。"


REDACTED_YEAR = """各位代表:
现在,我代表安远县人民政府,向大会报告政府工作,请予审议。
20XX年工作回顾
20XX年,全县预计实现地区生产总值88亿元,增长6.1%。三次产业比调整为11.8︰48.3︰39.9。"""


def test_region_from_the_speakers_government_and_no_year_when_the_copy_redacted_it():
    doc = ingest_text(REDACTED_YEAR)
    assert (doc.title, doc.region, doc.region_full, doc.region_code, doc.year) == (
        "",
        "安远县",
        "江西省赣州市安远县",
        "360726",
        None,
    )
    assert {s.year for s in doc.sentences} == {None}


def test_region_from_the_government_that_reports_to_the_meeting_in_the_body():
    doc = ingest_text("各位代表:\n请予审议。\n一年来,安远县人民政府向大会报告的各项任务全面完成。")
    assert (doc.region, doc.region_code) == ("安远县", "360726")


UNNAMED_CITY = (
    "各位代表:\n我代表市人民政府,向大会报告工作,请予审议。\n一、过去五年工作回顾\n"
    "过去五年,是泸州加快转型的五年,泸州在全省的位次持续前移。"
    "预计2024年全市地区生产总值突破2600亿元、年均增长7.2%。\n二、今后五年的目标任务\n年均增长6%左右。"
)


def test_a_provisional_figure_in_the_review_gives_the_year_and_the_short_name_the_unnamed_city():
    doc = ingest_text(UNNAMED_CITY)
    assert (doc.title, doc.region, doc.region_full, doc.region_code, doc.region_level, doc.year) == (
        "2025年泸州市政府工作报告",
        "泸州市",
        "四川省泸州市",
        "510500",
        "city",
        2025,
    )
    assert [(s.part, s.year) for s in doc.sentences if "增长" in s.text] == [("review", 2024), ("plan", 2025)]


def test_a_provisional_figure_in_the_plan_part_gives_no_year():
    doc = ingest_text("各位代表:\n一、今后五年的目标任务\n预计2030年全市地区生产总值突破5000亿元。")
    assert doc.year is None


@pytest.mark.parametrize(
    "opening",
    [
        "过去五年,泸州发展,自贡发展。",  # two cities as often: ambiguous
        "过去五年,泸州加快转型。",  # named only once
        "乡村振兴全面推进,乡村振兴成效明显。",  # a common word that is also a district's short name
    ],
)
def test_an_unnamed_speaker_gets_no_region_from_an_ambiguous_or_rare_short_name(opening):
    doc = ingest_text(f"各位代表:\n我代表区人民政府向大会报告工作。\n一、工作回顾\n{opening}")
    assert (doc.region, doc.region_code) == ("", None)


def test_an_unnamed_provincial_speaker_gets_the_province_of_the_visit_phrases():
    text = (
        "各位代表:\n现在,我代表省人民政府向大会报告工作。\n一、2022年工作回顾\n"
        "总书记来黔视察,为全省发展指明方向。我们深入学习总书记来黔视察重要讲话,全年增长4%。"
    )
    doc = ingest_text(text)
    assert (doc.title, doc.region, doc.region_code, doc.region_level) == (
        "2023年贵州省政府工作报告",
        "贵州省",
        "520000",
        "province",
    )


def test_visit_phrases_naming_two_provinces_or_another_kind_of_division_give_no_region():
    two = "各位代表:\n我代表省人民政府向大会报告工作。\n一、2022年工作回顾\n来黔考察,来滇考察。"
    city = "各位代表:\n我代表县人民政府向大会报告工作。\n一、2022年工作回顾\n来黔考察。"
    assert [ingest_text(t).region_code for t in (two, city)] == [None, None]


def test_a_news_write_up_takes_the_headline_year_the_acting_mayors_city_and_a_list_of_targets():
    text = (
        "报告提出:2015年宜宾经济社会发展预期目标\n"
        "本报讯 代市长张三昨日在政府工作报告中提出2014年工作总体要求,,宜宾要加快发展,、宜宾先行,。\n"
        "主要预期目标是:地区生产总值增长9%,；财政总收入增长8%；外贸出口增长6%。\n"
    )
    doc = ingest_text(text)
    assert (doc.year, doc.region_full, doc.region_code) == (2015, "四川省宜宾市", "511500")
    assert "总体要求,宜宾要加快发展、宜宾先行。" in doc.text
    assert [(s.text, s.part, s.year) for s in doc.sentences[-3:]] == [
        ("主要预期目标是:地区生产总值增长9%；", "plan", 2015),
        ("财政总收入增长8%；", "plan", 2015),
        ("外贸出口增长6%。", "plan", 2015),
    ]


def test_a_year_before_targets_in_the_plan_part_is_the_plan_year():
    text = "市长作政府工作报告\n本报讯 市长在报告中提出2014年工作的预期目标。\n全年增长8%。"
    assert ingest_text(text).year == 2014


def test_an_unnumbered_part_heading_ends_the_front_matter():
    text = "政府工作报告\n各位代表:\n现在,我代表县人民政府报告工作。\n2020年工作回顾\n2020年,全县生产总值增长6%；\n一、坚持稳中求进\n全年增长8%。"
    doc = ingest_text(text)
    assert [(s.text, s.part) for s in doc.sentences][2:5] == [
        ("现在,我代表县人民政府报告工作。", "front"),
        ("2020年工作回顾", "review"),
        ("2020年,全县生产总值增长6%；", "review"),
    ]


def test_the_source_is_the_normalised_path():
    assert (
        ingest("data/../data/shigu-2019-gov-work-report.txt").source == "data/shigu-2019-gov-work-report.txt"
    )


def test_region_from_a_preparatory_group_of_a_new_district_government():
    doc = ingest_text(
        "各位代表:\n现在,我代表安远县政府筹备组向大会作工作报告。\n一、2016年工作回顾\n增长了。"
    )
    assert (doc.region, doc.region_code) == ("安远县", "360726")


def test_a_report_on_a_years_plan_is_of_that_year_whatever_years_it_names_later():
    text = (
        "各位代表：\n我代表人民政府，提出关于一九六二年度国民经济计划的报告，请予审议。\n"
        "（一）一九六一年的工作\n一九六一年，粮食产量有所增加。\n（二）一九六三年以后的设想\n一九六三年要继续调整。"
    )
    doc = ingest_text(text)
    assert doc.year == 1962
    assert "from the opening sentence" in next(s for s in doc.structure if s.startswith("year"))
    assert (
        ingest_text("各位代表：\n现在提出关于1980、1981年国民经济计划安排的报告。\n1979年工业增长8%。").year
        == 1980
    )


def test_an_appended_account_of_the_past_year_is_a_review_of_that_year():
    text = (
        "各位代表：\n现在我代表区人民政府作工作报告。\n一、2019年工作回顾\n全区生产总值增长6%。\n"
        "二、2020年工作安排\n新建学校3所。\n附件1\n2019年区民生实事完成情况清单\n完成5所学校的改扩建工程。\n"
    )
    doc = ingest_text(text)
    last = doc.sentences[-1]
    assert "完成5所学校" in last.text and (last.part, last.year) == ("review", 2019)
    assert doc.year == 2020
    tables = ingest_text(
        text.replace("附件1\n2019年区民生实事完成情况清单\n完成5所学校的改扩建工程。\n", "")
        + "附件2\n2019年主要经济指标完成情况\n地区生产总值\t增长6.2\n2020年主要指标预期\n地区生产总值\t增长6%左右\n"
    )
    rows = {s.text: (s.part, s.year) for s in tables.sentences if s.text.startswith("地区生产总值")}
    assert rows == {"地区生产总值增长6.2": ("review", 2019), "地区生产总值增长6%左右": ("plan", 2020)}
