"""kg.charts: the figures read from a graph, each chart, the page, and the page in headless chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from browser import chromium_available, open_page, wait_until_charted
from typer.testing import CliRunner

from kg.charts import (
    ChartData,
    Figure,
    charts,
    headline_chart,
    read,
    series_chart,
    target_outcomes,
    targets_chart,
    write_charts,
)
from kg.cli import app
from kg.network import ViewError

FIXTURE = Path(__file__).parent / "fixtures" / "viz-mini.ttl"
XSS = "<script>alert(1)</script>"
needs_chromium = pytest.mark.skipif(
    not chromium_available(), reason="needs /usr/bin/chromium (.ci/install-chromium.sh)"
)


def figure(region, report_year, indicator, year, kind, value, unit="%", qualifier="", evidence="句。"):
    return Figure(region, report_year, indicator, year, kind, value, unit, qualifier, evidence)


# Two invented regions over three report years: each report reviews the year before and sets targets.
FIGURES = (
    figure("甲区", 2020, "地区生产总值", 2019, "growth", 6.1, evidence="甲区地区生产总值增长6.1%。"),
    figure("甲区", 2020, "地区生产总值", 2019, "actual", 300.0, "亿元"),
    figure("甲区", 2020, "地区生产总值", 2020, "target", 6.5, qualifier="左右"),
    figure("甲区", 2021, "地区生产总值", 2020, "growth", 3.2, evidence="甲区地区生产总值增长3.2%。"),
    figure("甲区", 2021, "地区生产总值", 2020, "actual", 310.0, "亿元"),
    figure("甲区", 2021, "地区生产总值", 2021, "target", 7.0, qualifier="以上"),
    figure("乙县", 2021, "地区生产总值", 2020, "actual", 80.0, "亿元"),
    figure("乙县", 2021, "地区生产总值", 2021, "target", 8.0),
)
DATA = ChartData(
    figures=FIGURES, statuses=(), names=(), reports=(("甲区", 2020), ("甲区", 2021), ("乙县", 2021))
)


def test_read_gives_every_figure_with_its_evidence():
    data = read(FIXTURE)
    assert data.reports == (("濂溪区", 2020),)
    assert [(f.indicator, f.year, f.kind, f.value, f.unit, f.qualifier) for f in data.figures] == [
        ("固定资产投资", 2020, "target", 10.2, "%", ""),
        ("地区生产总值", 2019, "actual", 210.5, "亿元", ""),
        ("地区生产总值", 2020, "target", 8.0, "%", "左右"),
    ]
    assert data.figures[1].evidence == "全区实现地区生产总值210.5亿元，增长8.1%。"
    assert data.statuses[0][:3] == (2020, "underConstruction", "滨江大道改造工程")
    assert sorted(name for kind, name, *_ in data.names if kind == "Company") == [XSS, "华能新材料有限公司"]


def test_a_target_meets_the_outcome_given_by_the_next_report():
    pairs = [(t.region, t.year, t.value, o and (o.value, o.report_year)) for t, o in target_outcomes(FIGURES)]
    assert pairs == [("甲区", 2020, 6.5, (3.2, 2021)), ("甲区", 2021, 7.0, None), ("乙县", 2021, 8.0, None)]


def test_targets_chart_puts_each_target_beside_its_outcome():
    fig = targets_chart(DATA)
    assert fig.layout.annotations[0].text == "甲区 · 地区生产总值（%）"
    bars = {(trace.name, trace.xaxis): (list(trace.x), list(trace.y)) for trace in fig.data}
    assert bars["目标", "x"] == (["2020", "2021"], [6.5, 7.0])
    assert bars["实际", "x"] == (["2020"], [3.2])
    assert "甲区地区生产总值增长3.2%。" in fig.data[1].customdata[0]


def test_headline_chart_shows_level_and_growth_per_report():
    fig = headline_chart(DATA)
    heat = fig.data[0]
    assert list(heat.y) == ["乙县 2021", "甲区 2021", "甲区 2020"]
    assert list(heat.x) == ["地区生产总值"]
    assert [row[0] for row in heat.z] == [None, 3.2, 6.1]
    assert [row[0] for row in heat.text] == ["80亿元", "310亿元", "300亿元"]
    assert "甲区地区生产总值增长6.1%。" in heat.customdata[2][0]


def test_series_chart_draws_one_line_per_region():
    fig = series_chart(DATA)
    lines = {trace.name: (list(trace.x), list(trace.y)) for trace in fig.data}
    assert lines == {"乙县": ([2020], [80.0]), "甲区": ([2019, 2020], [300.0, 310.0])}


def test_every_chart_escapes_report_text():
    text = "".join(
        json.dumps(fig.to_plotly_json(), ensure_ascii=False, default=str)
        for fig in charts(read(FIXTURE)).values()
    )
    assert XSS not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_a_graph_without_figures_still_gives_every_chart():
    empty = ChartData(figures=(), statuses=(), names=(), reports=(("甲区", 2020),))
    figures = charts(empty)
    assert [fig.layout.annotations[0].text for fig in figures.values()] == [
        "图中没有指标的实际值或增速。",
        "图中没有目标值。",
        "图中没有指标的实际值。",
        "图中没有项目状态。",
        "图中没有企业。",
        "图中没有政策。",
    ]


def test_page_is_offline_escaped_and_byte_identical(tmp_path):
    first = write_charts(FIXTURE, tmp_path / "a.html").read_bytes()
    second = write_charts(FIXTURE, tmp_path / "b.html").read_bytes()
    assert first == second
    html = first.decode("utf-8")
    # plotly.js carries URLs in its code (never fetched: the browser test records every request)
    assert (
        re.findall(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=""", html, flags=re.IGNORECASE)
        == []
    )
    assert XSS not in html and "</script><!--" not in html
    assert not list(tmp_path.glob("*.partial"))


def test_cli_charts_writes_the_page_and_refuses_bad_input(tmp_path):
    out = tmp_path / "charts.html"
    result = CliRunner().invoke(app, ["charts", str(FIXTURE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {out}.\n"
    for args, message in (
        (["charts", str(FIXTURE), "--out", str(tmp_path / "c.png")], "ending in .html"),
        (["charts", str(tmp_path / "none.ttl"), "--out", str(out)], "does not exist"),
    ):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output
    empty = tmp_path / "empty.ttl"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ViewError, match="no reports"):
        write_charts(empty, tmp_path / "e.html")
    assert not (tmp_path / "e.html").exists()


def hover_mark(page, selector: str) -> None:
    """Move the mouse onto the middle of the first mark (Plotly's drag layer lies over the marks)."""
    mark = page.locator(selector).first
    mark.scroll_into_view_if_needed()
    box = mark.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


@needs_chromium
def test_page_draws_offline_and_hover_shows_the_evidence(tmp_path):
    page_file = write_charts(FIXTURE, tmp_path / "charts.html")
    with open_page(page_file) as (page, record):
        wait_until_charted(page)
        assert page.text_content("#kg-summary") == "1 份报告 · 1 个地区 · 2020–2020 年 · 3 个数据"
        # hover the bar of the project status chart, then of a company
        hover_mark(page, "#plot-projects g.point path")
        card = page.locator("#plot-projects .hoverlayer .hovertext")
        card.wait_for()
        assert "年底前建成滨江大道改造工程" in card.text_content()
        page.mouse.move(0, 0)
        ticks = page.eval_on_selector_all("#plot-companies .ytick text", "ts => ts.map(t => t.textContent)")
        assert XSS in ticks
        hover_mark(page, "#plot-companies g.point path")
        card = page.locator("#plot-companies .hoverlayer .hovertext")
        card.wait_for()
        assert "华能新材料有限公司入驻新材料产业园，" + XSS + "参与建设。" in card.text_content()
        assert page.evaluate("document.querySelectorAll('main script, main img').length") == 0
    assert record.dialogs == []
    assert record.console_errors == [] and record.page_errors == []
    assert record.external_requests == [] and record.failed_requests == []


def test_the_inlined_plotly_js_is_the_version_the_python_package_writes_for():
    from plotly.offline import get_plotlyjs_version

    from kg.charts import plotly_js

    (bundled,) = re.findall(r"plotly\.js \(cartesian - minified\) v(\S+)", plotly_js()[:200])
    assert bundled.split(".")[0] == get_plotlyjs_version().split(".")[0], (bundled, get_plotlyjs_version())


def test_the_page_is_byte_identical_whatever_the_hash_seed(tmp_path):
    import os
    import subprocess
    import sys

    pages = []
    for seed in ("1", "2"):
        out = tmp_path / f"charts-{seed}.html"
        subprocess.run(
            [sys.executable, "-m", "kg.cli", "charts", str(FIXTURE), "--out", str(out), "--title", "t"],
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
        )
        pages.append(out.read_bytes())
    assert pages[0] == pages[1]
