"""kg.query: saved questions with answers known by hand on tests/fixtures/mini.ttl, safe parameters,
errors, output formats, the `kg query`/`kg queries` commands, and robust facts of the bundled report."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import URIRef

from kg.errors import QueryError
from kg.query import (
    QUERIES_DIR,
    Param,
    bind_parameters,
    parse_header,
    parse_params,
    render,
    resolve,
    run,
    saved_queries,
)
from kg.store import Result, load

REQUIRED_COLUMNS = {
    "projects": ("project", "place", "status", "deadline", "year"),
    "companies": ("company", "relation", "target"),
    "indicators": ("indicator", "year", "kind", "value", "unit", "qualifier"),
    "targets": ("indicator", "year", "target", "qualifier", "previous_actual"),
    "policies": ("policy", "definition", "mentions"),
    "provenance": ("entity", "type", "sentence", "section"),
}


@pytest.fixture(scope="module")
def mini(mini_ttl):
    return load([mini_ttl])


def params_for(saved, value="城北污水处理厂"):
    return {param.name: value for param in saved.params}


# ---------------------------------------------------------------- the saved queries themselves


def test_there_are_at_least_fifteen_documented_saved_queries():
    queries = saved_queries()
    assert len(queries) >= 15
    for saved in queries:
        assert saved.title and saved.answers, saved.name
        assert "# params:" in saved.text, saved.name
        assert "ORDER BY" in saved.text, saved.name
    names = {saved.name for saved in queries}
    assert {
        "projects",
        "companies",
        "indicators",
        "targets",
        "policies",
        "provenance",
        "entity",
        "neighbours",
    } <= names


def test_parameters_are_declared_where_needed():
    declared = {saved.name: [p.name for p in saved.params] for saved in saved_queries() if saved.params}
    assert declared == {"entity": ["name"], "neighbours": ["name"], "provenance": ["name"]}


@pytest.mark.parametrize("name", sorted(REQUIRED_COLUMNS))
def test_required_column_names(mini, name):
    saved = next(q for q in saved_queries() if q.name == name)
    assert run(mini, name, **params_for(saved)).columns == REQUIRED_COLUMNS[name]


@pytest.mark.parametrize("saved", saved_queries(), ids=lambda saved: saved.name)
def test_every_saved_query_answers_on_the_mini_graph_with_labels_not_iris(mini, saved):
    result = run(mini, saved.name, **params_for(saved))
    assert result.rows, saved.name
    iris = [v for row in result.rows for v in row if isinstance(v, str) and v.startswith("https://w3id.org/")]
    assert iris == [] or saved.name == "entity", iris


# ---------------------------------------------------------------- answers known by hand


def test_projects(mini):
    assert run(mini, "projects").rows == [
        ["云湖科技园", "莲花镇", None, None, None],
        ["城北污水处理厂", "莲花镇", "在建", None, 2019],
        ["滨江大道", None, "已完成", None, 2018],
        ["老街改造工程", None, "计划", "6月底前", 2019],
    ]


def test_companies(mini):
    assert run(mini, "companies").rows == [
        ["星河电子公司", "参与", "云湖科技园"],
        ["绿源食品集团", "参与", "云湖科技园"],
    ]


def test_indicators(mini):
    assert run(mini, "indicators").rows == [
        ["地区生产总值", 2018, "增速", 8.2, "%", None],
        ["地区生产总值", 2018, "实际值", 210.5, "亿元", None],
        ["地区生产总值", 2019, "目标", 8.0, "%", "左右"],
        ["社会消费品零售总额", 2018, "实际值", 95.3, "亿元", None],
        ["社会消费品零售总额", 2019, "目标", 10.0, "%", None],
    ]


def test_targets_meet_last_years_figure_in_the_same_unit(mini):
    # the 10 % retail growth target has only a 2018 level in 亿元 before it: not comparable, left blank
    assert run(mini, "targets").rows == [
        ["地区生产总值", 2019, 8.0, "左右", 8.2],
        ["社会消费品零售总额", 2019, 10.0, None, None],
    ]


def test_policies(mini):
    assert run(mini, "policies").rows == [
        ["林长制", "即由各级党政主要负责人担任林长，负责组织领导相应区域森林资源的保护发展工作。", 3],
        ["一网通办改革", None, 1],
    ]


def test_provenance_matches_a_contained_name(mini):
    rows = run(mini, "provenance", name="云湖").rows
    assert [row[:2] for row in rows] == [["云湖科技园", "项目"]] * 3
    assert [row[2][:6] for row in rows] == ["滨江大道全线", "星河电子公司", "城北污水处理"]
    assert rows[0][3] == "一、2018年工作回顾"


def test_provenance_matches_an_alias(mini):
    assert {row[0] for row in run(mini, "provenance", name="一网通办").rows} == {"一网通办改革"}


def test_entity_shows_both_directions(mini):
    rows = run(mini, "entity", name="莲花镇").rows
    assert ["莲花镇", "←", "位于", "云湖科技园"] in rows
    assert ["莲花镇", "←", "位于", "城北污水处理厂"] in rows
    assert ["莲花镇", "→", "行政级别", "乡级"] in rows
    assert ["莲花镇", "→", "完整名称", "江西省九江市濂溪区莲花镇"] in rows


def test_entity_needs_the_exact_name(mini):
    assert run(mini, "entity", name="莲花").rows == []


def test_neighbours_are_ranked_by_shared_sentences(mini):
    assert run(mini, "neighbours", name="老街改造工程").rows == [
        ["城北污水处理厂", "项目", 2],
        ["林长制", "政策", 1],
    ]


def test_places_by_projects(mini):
    assert run(mini, "places_by_projects").rows == [["莲花镇", "乡级", 2]]


def test_organizations(mini):
    assert [row[0] for row in run(mini, "organizations").rows] == ["区住建局", "濂溪区人民政府"]


def test_policies_by_section(mini):
    assert run(mini, "policies_by_section").rows == [
        ["一、2018年工作回顾", "一网通办改革", 1],
        ["一、2018年工作回顾", "林长制", 1],
        ["（一）狠抓项目建设", "林长制", 1],
        ["名词解释", "林长制", 1],
    ]


def test_projects_by_status(mini):
    assert run(mini, "projects_by_status").rows == [
        [None, None, 1],
        ["已完成", 2018, 1],
        ["在建", 2019, 1],
        ["计划", 2019, 1],
    ]


def test_growth_vs_level(mini):
    assert run(mini, "growth_vs_level").rows == [
        ["地区生产总值", 2018, 210.5, "亿元", 8.2],
        ["社会消费品零售总额", 2018, 95.3, "亿元", None],
    ]


def test_companies_by_cluster(mini):
    assert run(mini, "companies_by_cluster").rows == [["云湖科技园", 2]]


def test_busy_sentences(mini):
    rows = run(mini, "busy_sentences").rows
    assert [(row[0], row[3]) for row in rows] == [
        (7, 4),
        (3, 3),
        (8, 3),
        (0, 2),
        (2, 2),
        (4, 2),
        (6, 2),
        (9, 1),
    ]


def test_overview(mini):
    assert run(mini, "overview").records() == [
        {
            "title": "2019年濂溪区政府工作报告",
            "region": "濂溪区",
            "year": 2019,
            "sections": 4,
            "sentences": 10,
            "projects": 4,
            "companies": 2,
            "places": 2,
            "organizations": 2,
            "policies": 2,
            "observations": 5,
        }
    ]


def test_deadlines_sections_places_and_evidence(mini):
    assert run(mini, "deadlines").rows == [
        ["老街改造工程", "6月底前", "计划", 2019, "加快城北污水处理厂建设，6月底前完成老街改造工程。"]
    ]
    assert run(mini, "sections").rows[2] == ["（一）狠抓项目建设", 2, "二、2019年工作安排", 3]
    assert run(mini, "places").rows == [
        ["濂溪区", "江西省九江市濂溪区", "县级", 1],
        ["莲花镇", "江西省九江市濂溪区莲花镇", "乡级", 1],
    ]
    assert run(mini, "evidence").rows[3][:6] == [
        "地区生产总值",
        2019,
        "目标",
        8.0,
        "%",
        "地区生产总值增长8%左右",
    ]


# ---------------------------------------------------------------- parameters are RDF terms, never query text

NASTY = [
    'x" } UNION { ?s ?p ?o } #',
    "x' } UNION { ?s ?p ?o } #",
    'x""" } } SELECT * WHERE { ?s ?p ?o',
    'back\\slash \\" and } brace {',
    "line\nbreak } UNION {",
    "?name",
]


@pytest.mark.parametrize("value", NASTY)
def test_a_parameter_full_of_quotes_and_braces_stays_one_literal(mini, value):
    assert run(mini, "SELECT ?v WHERE { ?s a gov:Report }", v=value).rows == [[value]]
    assert run(mini, "provenance", name=value).rows == []


def test_typed_parameters(mini):
    assert run(mini, "SELECT ?n ?i WHERE { }", n=3, i=URIRef("https://example.org/x")).rows == [
        [3, "https://example.org/x"]
    ]


def test_bind_parameters_goes_inside_the_outer_where_group():
    text = "# WHERE { in a comment\nSELECT ?x WHERE { ?x ?p '{' }"
    assert (
        bind_parameters(text, {"x": "a"})
        == "# WHERE { in a comment\nSELECT ?x WHERE { VALUES ?x { \"a\" } ?x ?p '{' }"
    )
    construct = "CONSTRUCT { ?s ?p ?o } { ?s ?p ?o }"
    assert bind_parameters(construct, {"o": 1}).endswith(
        '{ VALUES ?o { "1"^^<http://www.w3.org/2001/XMLSchema#integer> } ?s ?p ?o }'
    )


def test_missing_unknown_and_unused_parameters(mini):
    with pytest.raises(QueryError, match="provenance needs name: give --param name=VALUE"):
        run(mini, "provenance")
    with pytest.raises(QueryError, match="projects takes region, year, not colour"):
        run(mini, "projects", colour="red")
    with pytest.raises(QueryError, match=r"does not use \?x"):
        run(mini, "SELECT ?y WHERE { ?y ?p ?o }", x="1")
    with pytest.raises(QueryError, match="not a SPARQL variable name"):
        bind_parameters("SELECT * WHERE { }", {"a b": "1"})


def test_parse_params():
    assert parse_params(["name=来雁 = 新城"]) == {"name": "来雁 = 新城"}
    with pytest.raises(QueryError, match="is not name=value"):
        parse_params(["来雁新城"])


# ---------------------------------------------------------------- resolving and refusing queries


def test_unknown_name_lists_the_known_ones(mini):
    with pytest.raises(QueryError, match=r"no saved query 'projets': use one of busy_sentences, .*projects,"):
        run(mini, "projets")


def test_a_query_file_and_its_header(tmp_path, mini):
    path = tmp_path / "mine.rq"
    path.write_text(
        "# title: Mine\n# answers: policies\n# params: none\nSELECT ?p WHERE { ?p a gov:Policy }\n"
    )
    _, saved = resolve(str(path))
    assert (saved.name, saved.title, saved.params) == ("mine", "Mine", ())
    assert len(run(mini, path).rows) == 2
    with pytest.raises(QueryError, match="does not exist"):
        resolve(str(tmp_path / "missing.rq"))


def test_parse_header_with_two_params():
    header = "# title: T\n# answers: A\n# params: name — a label; year – a year\n"
    assert parse_header(header) == ("T", "A", (Param("name", "a label"), Param("year", "a year")))


def test_malformed_sparql_reports_line_and_column(mini):
    with pytest.raises(QueryError, match=r"Malformed SPARQL query at line 4, column \d+"):
        run(mini, "SELECT ?s\nWHERE {\n  ?s ?p\n}")
    with pytest.raises(QueryError, match=r"at line 2, column \d+"):
        run(mini, "SELECT ?v WHERE {\n ?s ?p }", v="x")


def test_updates_are_refused_unless_allowed(mini_ttl):
    store = load([mini_ttl])
    with pytest.raises(QueryError, match="--allow-update"):
        run(store, "DELETE WHERE { ?s a gov:Policy }")
    assert len(run(store, "policies").rows) == 2
    run(
        store,
        "INSERT DATA { GRAPH <https://example.org/g> { id:p a gov:Policy ; rdfs:label 'X' ; "
        "gov:mentionedIn id:s . id:s gov:inReport <https://w3id.org/govkg/id/report/360402/2019> } }",
        allow_update=True,
    )
    assert len(run(store, "policies").rows) == 3


# ---------------------------------------------------------------- results out


def test_to_dataframe(mini):
    frame = run(mini, "targets").to_dataframe()
    assert list(frame.columns) == list(REQUIRED_COLUMNS["targets"])
    assert frame.loc[0, "previous_actual"] == 8.2


def test_render_formats():
    result = Result(("a", "b"), [["x,y", None], ["中", 2.5]])
    assert render(result, "csv") == 'a,b\n"x,y",\n中,2.5\n'
    assert render(result, "tsv") == "a\tb\nx,y\t\n中\t2.5\n"
    assert json.loads(render(result, "json")) == [{"a": "x,y", "b": None}, {"a": "中", "b": 2.5}]
    table = render(result, "table")
    assert "x,y" in table and "2 rows" in table
    with pytest.raises(QueryError, match="table, csv, tsv, json"):
        render(result, "xml")


# ---------------------------------------------------------------- the commands


def kg(*args):
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True, text=True, check=False
    )


def assert_plain_error(result, fragment):
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.startswith("Error: ") and fragment in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_kg_query_with_a_parameter_as_json(mini_ttl):
    result = kg("query", "neighbours", mini_ttl, "--param", "name=老街改造工程", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        {"neighbour": "城北污水处理厂", "type": "项目", "shared": 2},
        {"neighbour": "林长制", "type": "政策", "shared": 1},
    ]


def test_kg_query_errors_are_one_sentence(mini_ttl):
    assert_plain_error(kg("query", "DROP ALL", mini_ttl), "--allow-update")
    assert_plain_error(kg("query", "SELECT ?s\nWHERE { ?s }", mini_ttl), "line 2, column")
    assert_plain_error(kg("query", "projets", mini_ttl), "use one of busy_sentences")
    assert_plain_error(
        kg("query", "projects", mini_ttl, "--endpoint", "http://127.0.0.1:1/query"), "not both"
    )


def test_kg_queries_lists_every_saved_query():
    result = kg("queries")
    assert result.returncode == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert names == sorted(path.stem for path in QUERIES_DIR.glob("*.rq"))
    assert "provenance            Where the report speaks of an entity  [--param name=…]" in result.stdout


# ---------------------------------------------------------------- the bundled report, end to end


@pytest.fixture(scope="module")
def bundled(bundled_graph):
    return load([bundled_graph])


def test_bundled_overview(bundled):
    [row] = run(bundled, "overview").records()
    assert (row["title"], row["year"]) == ("2019年石鼓区政府工作报告", 2019)
    assert row["sentences"] > 300 and row["projects"] > 10 and row["observations"] > 50


def test_bundled_figures_read_from_the_report(bundled):
    rows = run(bundled, "indicators").rows
    assert ["地区生产总值", 2018, "实际值", 175.6, "亿元", None] in rows
    assert ["地区生产总值", 2018, "增速", 9.0, "%", None] in rows
    assert ["社会消费品零售总额", 2018, "实际值", 115.6, "亿元", None] in rows


def test_bundled_gdp_target_beside_last_years_growth(bundled):
    assert ["地区生产总值", 2019, 8.5, "左右", 9.0] in run(bundled, "targets").rows


@pytest.mark.parametrize("saved", saved_queries(), ids=lambda saved: saved.name)
def test_every_saved_query_runs_on_the_bundled_report(bundled, saved):
    run(bundled, saved.name, **params_for(saved, "石鼓区"))


def test_an_rdflib_dataset_in_memory_answers_like_its_file(bundled_graph):
    from kg.build import build_reports, load_graph

    dataset = build_reports(
        [Path(__file__).resolve().parent.parent / "data" / "shigu-2019-gov-work-report.txt"]
    )
    in_memory = run(dataset, "indicators")
    assert in_memory.rows == run(bundled_graph, "indicators").rows
    assert ["地区生产总值", 2018, "实际值", 175.6, "亿元", None] in in_memory.rows
    assert run(load_graph([bundled_graph]), "targets").rows == run(bundled_graph, "targets").rows
