"""Questions across reports: targets beside the next report's outcome, series, projects followed from
report to report, policy language over time, the report filters and columns of every saved question,
and one node per real thing (divisions, companies, projects).

The two reports of tests/fixtures/across/ are invented (an invented county, 青禾县, 2020 and 2021; its
projects, companies and people are made up); the divisions they name are real ones of the national list.
"""

from collections import Counter
from pathlib import Path

import pytest

from kg.build import build_reports
from kg.divisions import resolve, split_names
from kg.link import PROJECT_VARIANTS, is_distinctive_company, project_key
from kg.query import CONTEXT_COLUMNS, REPORT_FILTERS, run, saved_queries
from kg.store import load

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "across"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def two_years():
    """The invented county's reports of 2020 and 2021 in one store (one named graph per report)."""
    return load(build_reports([FIXTURES / "qinghe-2020.txt", FIXTURES / "qinghe-2021.txt"]))


def records(store, name, **params):
    return run(store, name, **params).records()


# ---------------------------------------------------------------- targets and outcomes


def test_each_target_meets_the_next_reports_figure_with_a_verdict_by_the_documented_rule(two_years):
    rows = [r for r in records(two_years, "target_outcomes") if r["year"] == 2020]
    got = {r["indicator"]: (r["target"], r["upper"], r["qualifier"], r["actual"], r["verdict"]) for r in rows}
    assert got == {
        "地区生产总值": (7.0, None, "左右", 6.8, "met"),  # about: a shortfall of at most 3 % of the target
        "一般公共预算收入": (5.0, None, "以上", 4.2, "missed"),
        "固定资产投资": (6.0, 8.0, "6%—8%", 6.5, "met"),  # a range: its lower bound is the target
        "城镇登记失业率": (4.0, None, "以内", 3.6, "met"),  # a ceiling: met when not passed
        "社会消费品零售总额": (120.0, None, None, 125.0, "met"),  # a level target meets the level
        "规模以上工业增加值": (6.0, None, None, 5.0, "missed"),
        "居民人均可支配收入": (8.0, None, None, None, "not reported"),  # the 2021 report is silent
    }
    assert {r["indicator"] for r in rows if r["provisional"]} == {"规模以上工业增加值"}  # 预计全年…
    assert {(r["report"], r["region"], r["actual_report"]) for r in rows} == {
        ("青禾县/2020", "青禾县", "青禾县/2021")
    }


def test_outcomes_carry_both_evidence_sentences(two_years):
    (gdp,) = [r for r in records(two_years, "target_outcomes", year=2020) if r["indicator"] == "地区生产总值"]
    assert "地区生产总值增长7%左右" in gdp["target_evidence"]
    assert gdp["actual_evidence"] == "2020年,全县实现地区生产总值105.3亿元,增长6.8%。"


def test_a_target_without_a_next_report_has_no_verdict(two_years):
    rows = records(two_years, "target_outcomes", year="2021")
    assert {(r["indicator"], r["target"], r["actual"], r["verdict"]) for r in rows} == {
        ("地区生产总值", 6.5, None, None),
        ("一般公共预算收入", 5.0, None, None),
    }


# ---------------------------------------------------------------- series, projects, policies


def test_indicator_series_gives_one_point_per_year_and_kind_with_its_report(two_years):
    rows = [r for r in records(two_years, "indicator_series") if r["indicator"] == "地区生产总值"]
    assert [(r["year"], r["kind"], r["value"], r["unit"], r["report"]) for r in rows] == [
        (2019, "actual", 98.6, "亿元", "青禾县/2020"),
        (2020, "actual", 105.3, "亿元", "青禾县/2021"),
        (2019, "growth", 7.5, "%", "青禾县/2020"),
        (2020, "growth", 6.8, "%", "青禾县/2021"),
        (2020, "target", 7.0, "%", "青禾县/2020"),
        (2021, "target", 6.5, "%", "青禾县/2021"),
    ]
    assert all(r["evidence"] and r["region"] == "青禾县" for r in rows)


def test_a_project_written_differently_in_two_reports_is_one_node_followed_report_by_report(two_years):
    rows = records(two_years, "project_history")
    path = {}
    for r in rows:
        path.setdefault(r["project"], []).append((r["report_year"], r["status"], r["reports"]))
    # 青禾大道(东段)工程 (2020) and 青禾大道 (2021): a bracket and 工程 are variants of one name
    assert path["青禾大道"] == [(2020, "计划", 2), (2021, "已完成", 2)]
    # 白溪湖污水处理厂 (2020) and 白溪湖污水处理厂项目 (2021)
    assert path["白溪湖污水处理厂"] == [(2020, "计划", 2), (2021, "在建", 2)]
    # 云杉科技园一期 (2020) and 云杉科技园二期 (2021): the phases of one park
    assert [step[:2] for step in path["云杉科技园一期"]] == [(2020, "已完成"), (2021, "启动")]
    assert all(r["evidence"] for r in rows)


def test_a_project_promised_and_never_reported_again_is_flagged(two_years):
    flagged = {
        r["project"] for r in records(two_years, "project_history") if r["promised_never_reported_again"]
    }
    assert flagged == {"金穗物流中心项目"}


def test_a_project_of_the_last_report_or_of_a_report_without_its_next_one_is_never_flagged(tmp_path):
    # the 2020 report alone: nothing says its projects were dropped; with a 2022 report instead of
    # 2021 (the next year's report missing) neither
    later = tmp_path / "qinghe-2022.txt"
    later.write_text(
        (FIXTURES / "qinghe-2021.txt").read_text(encoding="utf-8").replace("2021", "2022"), encoding="utf-8"
    )
    for files in ([FIXTURES / "qinghe-2020.txt"], [FIXTURES / "qinghe-2020.txt", later]):
        rows = records(load(build_reports(files)), "project_history")
        assert rows and not [r["project"] for r in rows if r["promised_never_reported_again"]]


def test_policy_trends_count_reports_and_mentions_per_year(two_years):
    rows = {
        (r["policy"], r["year"]): (r["reports"], r["mentions"]) for r in records(two_years, "policy_trends")
    }
    assert rows[("林长制", 2020)] == (1, 1) and rows[("林长制", 2021)] == (1, 1)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("甲湾大道(东段)", "甲湾大道"),
        ("乙湖综合治理工程", "乙湖综合治理"),
        ("丙谷科技园二期项目", "丙谷科技园"),
        ("丁港码头建设工程", "丁港码头"),
        ("戊站", "戊站"),
    ],
)
def test_project_variants_rule(name, key):
    assert project_key(name) == key


@pytest.mark.parametrize("row", PROJECT_VARIANTS, ids=lambda row: row[1])
def test_every_project_variant_rule_does_what_its_example_says(row):
    _pattern, _what, example = row
    written, key = example.split(" → ")
    assert project_key(written) == key


# ---------------------------------------------------------------- report filters and columns


def test_answers_of_several_reports_say_which_report_each_row_comes_from(two_years):
    result = run(two_years, "projects")
    assert result.columns[:3] == CONTEXT_COLUMNS
    assert {tuple(row[:3]) for row in result.rows} == {
        ("青禾县/2020", "青禾县", 2020),
        ("青禾县/2021", "青禾县", 2021),
    }


@pytest.mark.parametrize("saved", saved_queries(), ids=lambda saved: saved.name)
def test_every_saved_question_takes_the_report_filters(two_years, saved):
    params = {p.name: "青禾大道" for p in saved.params}
    everything = run(two_years, saved.name, **params)
    one_year = run(two_years, saved.name, **params, region="青禾县", year="2021")
    assert [f.name for f in REPORT_FILTERS] == ["region", "year"]
    assert len(one_year.rows) <= len(everything.rows)
    assert run(two_years, saved.name, **params, region="没有这个县").rows == []
    if "report_year" in one_year.columns and "LIMIT" not in saved.text:
        # exactly the rows of the 2021 report
        year = everything.columns.index("report_year")
        assert sorted(map(tuple, one_year.rows)) == sorted(
            tuple(r) for r in everything.rows if r[year] == 2021
        )


def test_the_region_filter_takes_a_code_or_a_full_name_too(two_years):
    by_name = run(two_years, "indicators", region="青禾县").rows
    assert by_name and run(two_years, "indicators", region="青禾县", year=2020).rows != by_name


# ---------------------------------------------------------------- one node per real thing


def test_divisions_named_in_a_report_are_resolved_from_context_or_left_with_a_note(two_years):
    places = run(
        two_years,
        "SELECT DISTINCT ?label ?code ?note WHERE { ?p a gov:Place ; rdfs:label ?label . "
        "OPTIONAL { ?p gov:regionCode ?code } OPTIONAL { ?p skos:editorialNote ?note } }",
    ).rows
    got = {label: (code, note) for label, code, note in places}
    assert got["海口市龙华区"] == ("460106", None)  # the parent city is in the name
    assert got["北京市朝阳区"] == ("110105", None)
    code, note = got["龙华区"]  # an invented county names no parent: 深圳 or 海口? never guessed
    assert code is None and "440309" in note and "460106" in note


@pytest.mark.parametrize(
    ("name", "region_code", "sentence", "code"),
    [
        ("龙华区", "440305", "", "440309"),  # a report of 深圳市南山区: the district of its own city
        ("龙华区", "460105", "", "460106"),  # a report of 海口市秀英区
        ("龙华区", None, "与海口结对", "460106"),  # the parent city named in the sentence
        ("新华区", "130100", "", "130105"),  # a report of 石家庄市: inside its own city
        ("朝阳区", "220100", "", "220104"),
        ("南山区", "440300", "", "440305"),
        ("海口市龙华区", None, "", "460106"),
    ],
)
def test_an_ambiguous_division_name_is_settled_by_the_context(name, region_code, sentence, code):
    assert resolve(name, region_code, sentence).division.code == code


def test_without_context_an_ambiguous_name_is_not_guessed_and_a_non_division_is_no_division():
    assert resolve("新华区").division is None and "3 " not in resolve("新华区").note
    assert resolve("朝阳区", "330106").note.startswith("朝阳区 is the name of several divisions")
    assert resolve("城区", "440305").division is None  # a common noun the list also holds
    assert split_names("人民路") is None


def test_a_short_company_name_joins_the_full_name_of_the_same_report(two_years):
    rows = run(
        two_years, "SELECT DISTINCT ?c ?name WHERE { ?c a gov:Company ; skos:prefLabel|skos:altLabel ?name }"
    ).rows
    assert {name for _, name in rows} == {"恒禾新材料集团有限公司", "恒禾新材"}
    assert {c for c, _ in rows} == {"https://w3id.org/govkg/id/company/恒禾新材料集团"}
    assert is_distinctive_company("华为") and not is_distinctive_company("恒禾")


def division_nodes(store):
    """(node, code) of every Place with a division code."""
    return run(store, "SELECT DISTINCT ?p ?code WHERE { ?p a gov:Place ; gov:regionCode ?code }").rows


def assert_one_node_per_division(store):
    rows = division_nodes(store)
    codes_per_node = Counter(node for node, _ in rows)
    nodes_per_code = Counter(code for _, code in rows)
    assert [n for n, k in codes_per_node.items() if k > 1] == []  # no node for two divisions
    assert [c for c, k in nodes_per_code.items() if k > 1] == []  # no division with two nodes
    named = run(store, "SELECT DISTINCT ?p ?label WHERE { ?p a gov:Place ; rdfs:label ?label }").rows
    coded = {node for node, _ in rows}
    for node, label in named:  # a name only one division bears is never a second, uncoded node
        chain = split_names(label)
        if chain and node not in coded:
            assert resolve(label).division is None, (node, label)


def test_no_division_has_two_nodes_in_the_invented_reports(two_years):
    assert_one_node_per_division(two_years)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs the shared corpus at ../shared/corpus")
def test_no_division_has_two_nodes_across_real_reports_of_two_districts():
    files = [CORPUS / "sz-luohu-2019.txt", CORPUS / "sz-futian-2019.txt", CORPUS / "sz-luohu-2020.txt"]
    store = load(build_reports(files))
    assert_one_node_per_division(store)
    assert len(division_nodes(store)) >= 3
