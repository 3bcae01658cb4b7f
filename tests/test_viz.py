"""kg.viz: page content (unit) and the page in a real headless chromium (browser tests)."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest
from browser import chromium_available, drawing_fill, most_connected_labels, open_page, wait_until_drawn
from typer.testing import CliRunner

from kg.cli import app
from kg.network import ViewError, to_networkx
from kg.viz import (
    LABEL_TIERS,
    communities,
    ego_network,
    in_reports,
    layout,
    most_named,
    render,
    view_graph,
    write_view,
)

FIXTURE = Path(__file__).parent / "fixtures" / "viz-mini.ttl"
BUNDLED = Path(__file__).parent.parent / "data" / "shigu-2019-gov-work-report.txt"
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'
needs_chromium = pytest.mark.skipif(
    not chromium_available(), reason="needs /usr/bin/chromium (.ci/install-chromium.sh)"
)


@pytest.fixture(scope="module")
def G():
    return to_networkx(FIXTURE)


@pytest.fixture(scope="module")
def page_path(G, tmp_path_factory):
    return write_view(G, tmp_path_factory.mktemp("view") / "view.html", title="测试视图")


# ---------------------------------------------------------------- page content


def test_page_has_no_external_url(page_path):
    html = page_path.read_text(encoding="utf-8")
    assert re.findall(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html, flags=re.IGNORECASE) == []
    assert "bootstrap" not in html.lower()


def test_report_text_never_appears_as_markup(page_path):
    html = page_path.read_text(encoding="utf-8")
    for probe in (XSS_SCRIPT, "<img src=x", "</script><!--", "<b onmouseover"):
        assert probe not in html


def test_a_large_graph_opens_on_its_most_named_things():
    big = nx.MultiDiGraph(reports=[("甲区", 2020)])
    big.add_nodes_from(
        (
            f"n{i}",
            {
                "label": f"节点{i}",
                "type": "Place",
                "provenance": [{"sentence": "句。", "section": ""}] * (i % 7),
            },
        )
        for i in range(50)
    )
    big.add_edges_from((f"n{i}", f"n{i + 1}") for i in range(49))
    view = most_named(big, 10)
    assert len(view) == 10 and view.graph["total"] == 50
    # the seven nodes named in 6 sentences (n6, n13 …), then three of those named in 5, equally
    # connected, first by IRI
    assert sorted(len(view.nodes[n]["provenance"]) for n in view) == [5, 5, 5] + [6] * 7
    assert [n for n in view if len(view.nodes[n]["provenance"]) == 5] == ["n12", "n19", "n26"]
    html = render(view)
    assert "图中共 50 个节点，这里显示被提及最多的 10 个" in html


def test_physics_is_off_unless_asked(G):
    assert '"physics": {"enabled": false' in render(G)
    assert '"physics": {"enabled": true' in render(G, physics=True)


def test_figures_are_in_the_region_details_unless_asked():
    plain = view_graph(FIXTURE)
    assert {kind for _, kind in plain.nodes(data="type")} == {
        "Project",
        "Company",
        "Place",
        "Policy",
        "Organization",
    }
    region = next(n for n in plain if plain.nodes[n]["label"] == "濂溪区")
    figures = [(f["indicator"], f["kind"], f["value"]) for f in plain.nodes[region]["figures"]]
    assert figures == [
        ("固定资产投资", "target", 10.2),
        ("地区生产总值", "actual", 210.5),
        ("地区生产总值", "target", 8.0),
    ]
    with_figures = view_graph(FIXTURE, figures=True)
    assert sorted(d["label"] for _, d in with_figures.nodes(data=True) if d["type"] == "Indicator") == [
        "固定资产投资",
        "地区生产总值",
    ]


def test_region_and_year_narrow_the_view():
    assert len(view_graph(FIXTURE, region="濂溪", year=2020)) == len(view_graph(FIXTURE))
    with pytest.raises(ViewError, match="No report is of year 2019: the graph has 2020"):
        view_graph(FIXTURE, year=2019)
    G = nx.MultiDiGraph(reports=[("甲区", 2020), ("乙县", 2021)])
    G.add_node("a", reports=[("甲区", 2020), ("乙县", 2021)])
    G.add_node("b", reports=[("乙县", 2021)])
    assert list(in_reports(G, region="乙县")) == ["a", "b"]
    assert list(in_reports(G, region="甲区", year=2020)) == ["a"]
    assert list(in_reports(G, region="甲区", year=2021)) == []


def test_unknown_size_measure(G):
    with pytest.raises(ViewError, match="Unknown size measure"):
        render(G, size_by="closeness")


def test_unknown_colour_mode(G):
    with pytest.raises(ViewError, match="Unknown colour mode"):
        render(G, color_by="rainbow")


def test_out_must_be_html(G, tmp_path):
    with pytest.raises(ViewError, match="ending in .html"):
        write_view(G, tmp_path / "view.png")


def test_ego_network_of_a_project(G):
    ego = ego_network(G, "滨江大道改造工程", depth=1)
    assert sorted(ego.nodes[n]["label"] for n in ego) == ["十里街道", "滨江大道改造工程"]
    ego2 = ego_network(G, "滨江大道工程", depth=2)  # an alias finds the node too
    assert sorted(ego2.nodes[n]["label"] for n in ego2) == ["十里街道", "滨江大道改造工程", "濂溪区"]


def test_ego_network_unknown_name(G):
    with pytest.raises(ViewError, match="No node is named '产业': did you mean 新材料产业园"):
        ego_network(G, "产业")


def test_layout_is_deterministic_separates_nodes_and_leaves_out_isolated_ones(G):
    first, second = layout(G), layout(G)
    assert first == second
    connected = [n for n in G if G.degree(n)]
    assert sorted(first) == sorted(connected) and len(set(first.values())) == len(connected) < len(G)
    xs, ys = [x for x, _ in first.values()], [y for _, y in first.values()]
    assert max(max(xs) - min(xs) - 960, max(ys) - min(ys) - 820) == pytest.approx(0, abs=0.2)  # fills the box


def test_communities_follow_components(G):
    groups = communities(G)
    assert (
        groups["https://w3id.org/govkg/id/project/江西省九江市濂溪区/滨江大道改造工程"]
        == groups["https://w3id.org/govkg/id/place/江西省九江市濂溪区/十里街道"]
    )
    assert len(set(groups.values())) == 5


# ---------------------------------------------------------------- in the browser


@pytest.fixture(scope="module")
def bundled_page(tmp_path_factory):
    from kg.build import build_reports, write_graph

    out = tmp_path_factory.mktemp("bundled")
    graph = write_graph(build_reports([BUNDLED]), out, "ttl")
    return write_view(view_graph(graph), out / "view.html")


@needs_chromium
def test_the_bundled_report_is_legible_on_open(bundled_page):
    with open_page(bundled_page) as (page, record):
        drawn = wait_until_drawn(page)
        width, height = drawing_fill(page)
        labels = most_connected_labels(page, 15)
        visible = page.evaluate("kgView.nodes.length")
    assert drawn < 5000  # bench/bench_viz.py measures it without the test's load: well under 2 s
    assert max(width, height) >= 0.8, (width, height)
    assert len(labels) == 15 and all(px >= 11 and inside for _, px, inside in labels), labels
    assert LABEL_TIERS[-1][0] < visible  # the others are drawn small, readable once zoomed in
    assert record.console_errors == [] and record.page_errors == [] and record.external_requests == []


@needs_chromium
def test_isolated_names_are_a_list_in_the_panel(page_path):
    with open_page(page_path) as (page, _):
        wait_until_drawn(page)
        names = page.eval_on_selector_all("#kg-isolated-list button", "bs => bs.map(b => b.textContent)")
        assert len(names) == 2
        drawn = page.evaluate("kgView.nodes.get().map(n => n.label)")
        assert not set(names) & set(drawn)
        page.click("#kg-isolated-summary")
        page.click("#kg-isolated-list button >> nth=0")
        assert page.text_content("#kg-details h3") == names[0]
        page.fill("#kg-search", names[1])
        page.press("#kg-search", "Enter")
        assert page.text_content("#kg-details h3") == names[1]


@needs_chromium
def test_page_loads_offline_without_errors(page_path, tmp_path):
    with open_page(page_path) as (page, record):
        wait_until_drawn(page)
        assert page.evaluate("kgView.nodes.length") == 9  # two names without an edge are in the panel's list
        assert page.evaluate("kgView.edges.length") == 7
        assert page.text_content("#kg-isolated-summary") == "未与其他名称相连的名称（2）"
        assert page.text_content("#kg-counts") == "11 个节点 · 7 条边"
        page.screenshot(path=str(tmp_path / "view.png"))
    assert record.console_errors == [] and record.page_errors == []
    assert record.external_requests == [] and record.failed_requests == []
    assert (tmp_path / "view.png").stat().st_size > 10_000


@needs_chromium
def test_filter_by_type_hides_nodes(page_path):
    with open_page(page_path) as (page, _):
        wait_until_drawn(page)
        page.uncheck('input[data-type="Company"]')
        hidden = page.evaluate("kgView.nodes.get({filter: n => n.hidden}).map(n => n.group)")
        assert hidden == ["Company", "Company"]
        page.check('input[data-type="Company"]')
        assert page.evaluate("kgView.nodes.get({filter: n => n.hidden}).length") == 0


def test_comention_edges_join_things_named_in_one_sentence():
    plain = to_networkx(FIXTURE)
    G = to_networkx(FIXTURE, comention=True)
    assert not any(key == "mentionedWith" for _, _, key in plain.edges(keys=True))
    pairs = {
        (G.nodes[u]["label"], G.nodes[v]["label"]): d
        for u, v, key, d in G.edges(keys=True, data=True)
        if key == "mentionedWith"
    }
    assert len(pairs) == 10
    edge = pairs["十里街道", "滨江大道改造工程"]
    assert (edge["label"], edge["weight"], len(edge["provenance"])) == ("同句提及", 1, 1)
    assert "十里街道" in edge["provenance"][0]["sentence"]


@needs_chromium
def test_comention_switch_hides_and_shows_those_edges(tmp_path):
    G = to_networkx(FIXTURE, comention=True)
    explicit = sum(1 for _, _, key in G.edges(keys=True) if key != "mentionedWith")
    page_file = write_view(G, tmp_path / "view.html")
    count = "kgView.edges.get({filter: e => e.kg.comention && !e.hidden}).length"
    with open_page(page_file) as (page, record):
        wait_until_drawn(page)
        assert page.evaluate(count) == 10
        page.uncheck("#kg-comention")
        assert page.evaluate(count) == 0
        assert page.evaluate("kgView.edges.get({filter: e => !e.hidden}).length") == explicit == 7
        page.check("#kg-comention")
        assert page.evaluate(count) == 10
        assert record.console_errors == [] and record.page_errors == []


@needs_chromium
def test_search_focuses_a_node(page_path):
    with open_page(page_path) as (page, _):
        wait_until_drawn(page)
        page.fill("#kg-search", "新材料")
        page.press("#kg-search", "Enter")
        selected = page.evaluate("kgView.network.getSelectedNodes()")
        assert selected == ["https://w3id.org/govkg/id/project/江西省九江市濂溪区/新材料产业园"]
        assert page.text_content("#kg-details h3") == "新材料产业园"
        assert page.text_content("#kg-search-result") == "已定位：新材料产业园"
        page.fill("#kg-search", "没有这个名字")
        page.press("#kg-search", "Enter")
        assert page.text_content("#kg-search-result") == "未找到：没有这个名字"


@needs_chromium
def test_details_show_status_figures_and_sources(page_path):
    with open_page(page_path) as (page, _):
        wait_until_drawn(page)
        page.fill("#kg-search", "滨江大道改造工程")
        page.press("#kg-search", "Enter")
        details = page.inner_text("#kg-details")
        for text in (
            "项目",
            "滨江大道工程",
            "在建",
            "年底前",
            "十里街道滨江大道改造工程加快建设。",
            "一、2019年工作回顾",
        ):
            assert text in details
        page.fill("#kg-search", "地区生产总值")
        page.press("#kg-search", "Enter")
        assert page.eval_on_selector_all("#kg-details li", "items => items.map(i => i.textContent)") == [
            "2019 实际值 210.5亿元",
            "2020 目标 8左右%",
        ]


@needs_chromium
def test_xss_labels_are_inert_text(page_path):
    with open_page(page_path) as (page, record):
        wait_until_drawn(page)
        for label in (XSS_SCRIPT, XSS_IMG):
            page.fill("#kg-search", label)
            page.press("#kg-search", "Enter")
            assert page.text_content("#kg-details h3") == label
            # hover the node so the hover card is built from its data as well
            x, y = page.evaluate(
                """id => { const n = kgView.network, p = n.canvasToDOM(n.getPositions([id])[id]);
                           const r = document.getElementById('mynetwork').getBoundingClientRect();
                           return [r.left + p.x, r.top + p.y]; }""",
                page.evaluate("kgView.network.getSelectedNodes()[0]"),
            )
            page.mouse.move(x, y)
            page.wait_for_selector("#kg-hover:not([hidden])")
            assert page.text_content("#kg-hover strong") == label
        details = page.inner_text("#kg-details")
        assert "<b onmouseover=alert(1)>别名</b>" in details
        assert "华能新材料有限公司入驻新材料产业园，<script>alert(1)</script>参与建设。" in details
        assert (
            page.evaluate("document.querySelectorAll('img, #kg-details b, #kg-details script').length") == 0
        )
        page.wait_for_timeout(300)
    assert record.dialogs == []
    assert record.console_errors == [] and record.page_errors == []


# ---------------------------------------------------------------- views and the command


def test_query_construct_keeps_its_triples(tmp_path):
    rq = tmp_path / "located.rq"
    rq.write_text(
        "PREFIX gov: <https://w3id.org/govkg/ontology#>\n"
        "CONSTRUCT { ?p gov:locatedIn ?place } WHERE { ?p a gov:Project ; gov:locatedIn ?place }\n",
        encoding="utf-8",
    )
    view = view_graph(FIXTURE, query=str(rq))
    edges = [
        (view.nodes[u]["label"], d["label"], view.nodes[v]["label"]) for u, v, d in view.edges(data=True)
    ]
    assert edges == [("滨江大道改造工程", "位于", "十里街道")]
    assert view.number_of_nodes() == 2


def test_query_select_keeps_the_iris_it_returns(tmp_path):
    rq = tmp_path / "companies.rq"
    rq.write_text(
        "PREFIX gov: <https://w3id.org/govkg/ontology#>\nSELECT ?c WHERE { ?c a gov:Company }\n",
        encoding="utf-8",
    )
    view = view_graph(FIXTURE, query=str(rq), comention=False)
    assert sorted(d["label"] for _, d in view.nodes(data=True)) == [
        "<script>alert(1)</script>",
        "华能新材料有限公司",
    ]
    assert view.number_of_edges() == 0


def test_query_naming_nothing_is_an_error(tmp_path):
    rq = tmp_path / "none.rq"
    rq.write_text('SELECT ?x WHERE { VALUES ?x { "no node" } }\n', encoding="utf-8")
    with pytest.raises(ViewError, match="names no node"):
        view_graph(FIXTURE, query=str(rq))


def test_empty_graph_is_an_error(tmp_path):
    empty = tmp_path / "empty.ttl"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ViewError, match="no entities or indicators"):
        view_graph(empty)


def test_cli_viz_writes_the_page(tmp_path):
    out = tmp_path / "view.html"
    result = CliRunner().invoke(
        app, ["viz", str(FIXTURE), "--out", str(out), "--types", "Project,Place", "--color", "community"]
    )
    assert result.exit_code == 0, result.output
    # 3 relations and 2 co-mentions (十里街道 and 滨江大道改造工程 share a sentence, and so do two others)
    assert result.output == f"Wrote {out} (5 nodes, 5 edges).\n"
    assert "kg-panel" in out.read_text(encoding="utf-8")
    result = CliRunner().invoke(
        app, ["viz", str(FIXTURE), "--out", str(out), "--types", "Project,Place", "--no-comention"]
    )
    assert result.output == f"Wrote {out} (5 nodes, 3 edges).\n"
    assert "kg-panel" in out.read_text(encoding="utf-8")


def test_cli_viz_focus_unknown_name_is_one_sentence(tmp_path):
    result = CliRunner().invoke(
        app, ["viz", str(FIXTURE), "--out", str(tmp_path / "v.html"), "--focus", "无此名"]
    )
    assert result.exit_code == 1
    assert "No node is named '无此名'" in result.output
    assert "Traceback" not in result.output


def test_title_is_escaped(G):
    html = render(G, title="</title><script>alert(1)</script>")
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>" in html
    assert "<script>alert(1)" not in html


def test_cli_viz_saved_query_with_a_parameter(tmp_path):
    out = tmp_path / "neighbours.html"
    args = [
        "viz",
        str(FIXTURE),
        "--out",
        str(out),
        "--query",
        "neighbours",
        "--param",
        "name=滨江大道改造工程",
        "--no-comention",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {out} (3 nodes, 0 edges).\n"  # 区政务服务中心, 十里街道, 河长制


def test_the_page_is_byte_identical_whatever_the_hash_seed(tmp_path):
    import os
    import subprocess
    import sys

    pages = []
    for seed in ("1", "2"):
        out = tmp_path / f"view-{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "kg.cli", "viz", "tests/fixtures/viz-mini.ttl", "--out", str(out)],
            check=True,
            env=env,
            capture_output=True,
        )
        pages.append(out.read_bytes())
    assert pages[0] == pages[1]


@needs_chromium
def test_region_and_year_filters_in_the_page(tmp_path):
    G = nx.MultiDiGraph(reports=[("甲区", 2020), ("甲区", 2021), ("乙县", 2021)])
    named = {
        "a": [("甲区", 2020)],
        "b": [("甲区", 2021)],
        "c": [("乙县", 2021)],
        "d": [("甲区", 2020), ("乙县", 2021)],
    }
    for node, reports in named.items():
        G.add_node(node, label=f"名称{node}", type="Project", provenance=[], reports=reports)
    G.add_edges_from([("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")], key="partOf", label="属于")
    shown = "kgView.nodes.get({filter: n => !n.hidden}).map(n => n.id).sort()"
    with open_page(write_view(G, tmp_path / "view.html")) as (page, record):
        wait_until_drawn(page)
        assert page.text_content("#kg-reports-summary") == "3 份报告 · 2 个地区 · 2020–2021 年"
        page.select_option("#kg-region", "甲区")
        assert page.evaluate(shown) == ["a", "b", "d"]
        page.select_option("#kg-year", "2020")
        assert page.evaluate(shown) == ["a", "d"]
        page.uncheck('input[data-type="Project"]')
        assert page.evaluate(shown) == []
        page.check('input[data-type="Project"]')
        page.select_option("#kg-region", "")
        page.select_option("#kg-year", "")
        assert page.evaluate(shown) == ["a", "b", "c", "d"]
    assert record.console_errors == [] and record.page_errors == []


def test_cli_viz_unknown_region_is_one_sentence(tmp_path):
    result = CliRunner().invoke(
        app, ["viz", str(FIXTURE), "--out", str(tmp_path / "v.html"), "--region", "无此区"]
    )
    assert result.exit_code == 1
    assert "No report is of region '无此区': the graph has 濂溪区." in result.output
    assert "Traceback" not in result.output and not (tmp_path / "v.html").exists()
