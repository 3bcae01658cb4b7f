"""Built graph → charts of its figures: Plotly figures, and one self-contained offline page of them.

Charts (each a function returning a ``plotly.graph_objects.Figure``, for notebooks too):

- :func:`headline_chart` — the headline indicators of each report: level and growth;
- :func:`targets_chart` — the target of year Y beside the outcome of year Y (the outcome is
  usually given by the next report of the same region, computed here from the observations);
- :func:`series_chart` — indicator series, region × year, as small multiples;
- :func:`projects_chart` — projects by status per year;
- :func:`names_chart` — the most named companies or policies.

Every mark's hover shows value, unit, qualifier and the evidence sentence. Report text reaches
Plotly escaped (``<`` as ``&lt;``), because Plotly reads a small HTML subset in every label and
hover text: so a name such as ``<script>`` shows as text and is never markup.

The page (:func:`write_charts`) inlines plotly.js, so it works from ``file://`` with no network:
the cartesian bundle (bar, heatmap, scatter: all these charts need), 1.5 MB, which the page parses
in about a fifth of the time of the full 4.8 MB bundle the ``plotly`` wheel ships (measured in
bench/bench_viz.py's charts rows). It is ``kg/templates/plotly-cartesian.min.js``, from the npm
package ``plotly.js-cartesian-dist-min`` of the plotly.js version the wheel ships (MIT, licence
beside it; ``npm pack plotly.js-cartesian-dist-min@VERSION`` to refresh it, and
tests/test_charts.py checks the two versions agree). Plotly was chosen over pyecharts (whose
wheel ships no echarts.js) and altair (whose offline page needs the vl-convert binary to inline
Vega) because its Python figures and its browser bundle come from one project.
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.network import Facts, ViewError, local_name, term_label
from kg.types import PROJECT_STATUSES

if TYPE_CHECKING:
    import plotly.graph_objects as go

#: Headline indicators by canonical name (skos:prefLabel), in the order a report gives them.
#: The most reported other indicators fill the chart up to :data:`HEADLINE_COUNT`.
HEADLINE_INDICATORS: tuple[str, ...] = (
    "地区生产总值",
    "一般公共预算收入",
    "财政总收入",
    "固定资产投资",
    "规模以上工业增加值",
    "社会消费品零售总额",
    "城镇居民人均可支配收入",
    "农村居民人均可支配收入",
    "进出口总额",
    "实际利用外资",
)
HEADLINE_COUNT = 12
#: The growth rates (%) the headline colours span; rates beyond take the end colours.
GROWTH_RANGE = (-10.0, 20.0)
#: How many panels of small multiples, lines per panel, and bars of names, at most.
PANELS, LINES, NAMES = 12, 8, 20
FONT = '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif'
_WRAP = 28  # characters per line of an evidence sentence in a hover card


@dataclass(frozen=True)
class Figure:
    """One observation of the graph with what a chart needs: where, which indicator, the number, why."""

    region: str
    report_year: int
    indicator: str
    year: int | None
    kind: str
    value: float
    unit: str
    qualifier: str
    evidence: str


@dataclass(frozen=True)
class ChartData:
    """What the charts draw, read in one pass over a graph: figures, project statuses, names."""

    figures: tuple[Figure, ...]
    statuses: tuple[tuple[int, str, str, str], ...]  # (year, status, project name, evidence)
    names: tuple[tuple[str, str, int, int, str], ...]  # (type, name, sentences, reports, evidence)
    reports: tuple[tuple[str, int], ...]  # (region, year) of every report


def read(graph) -> ChartData:
    """Read a built graph (file(s) or rdflib Graph) into :class:`ChartData`.

    >>> data = read("tests/fixtures/viz-mini.ttl")
    >>> data.reports, [(f.indicator, f.year, f.kind, f.value) for f in data.figures][:2]
    ((('濂溪区', 2020),), [('固定资产投资', 2020, 'target', 10.2), ('地区生产总值', 2019, 'actual', 210.5)])
    """
    facts = Facts.read(graph)
    where = {report: facts.where(report) for report in facts.reports}
    figures = []
    for indicator, observations in facts.observations.items():
        for observation in observations:
            figure = facts.figure(observation)
            if figure["value"] is None:
                continue
            region, report_year = where.get(facts.report_of(observation), ("", 0))
            figures.append(
                Figure(
                    region=region,
                    report_year=report_year,
                    indicator=facts.name(indicator),
                    year=figure["year"],
                    kind=figure["kind"],
                    value=figure["value"],
                    unit=figure["unit"],
                    qualifier=figure["qualifier"],
                    evidence=_sentence(facts, facts.values("evidence", observation)),
                )
            )
    statuses = []
    for project in facts.by["hasStatus"]:
        for record in facts.values("hasStatus", project):
            status, year = facts.first("status", record), facts.first("year", record)
            if status and year:
                evidence = _sentence(facts, facts.values("evidence", record))
                statuses.append((int(year[:4]), local_name(status), facts.name(project), evidence))
    names = []
    for iri, kind in facts.type_of.items():
        if kind in ("Company", "Policy"):
            sentences = facts.values("mentionedIn", iri)
            reports = {facts.sentences[s]["report"] for s in sentences if s in facts.sentences}
            names.append((kind, facts.name(iri), len(sentences), len(reports), _sentence(facts, sentences)))
    return ChartData(
        figures=tuple(sorted(figures, key=_figure_key)),
        statuses=tuple(sorted(statuses)),
        names=tuple(sorted(names)),
        reports=tuple(sorted(set(where.values()))),
    )


def _sentence(facts: Facts, sentences: Iterable[str]) -> str:
    """The text of the first of ``sentences`` in report order, or ''."""
    records = facts.provenance(sentences)
    return records[0]["sentence"] if records else ""


def _figure_key(f: Figure) -> tuple:
    return (f.region, f.report_year, f.indicator, f.year or 0, f.kind, f.value, f.unit, f.evidence)


# ---------------------------------------------------------------- text for Plotly


def plain(text: object) -> str:
    """Report text made safe for Plotly's HTML-subset labels: ``<``, ``>`` and ``&`` as entities.

    >>> plain("<script>alert(1)</script>")
    '&lt;script&gt;alert(1)&lt;/script&gt;'
    """
    return html.escape(str(text), quote=False)


def wrap(text: str, width: int = _WRAP) -> str:
    """A sentence escaped and cut into hover-card lines of ``width`` characters (joined by ``<br>``).

    >>> wrap("一二三四五", 2)
    '一二<br>三四<br>五'
    """
    return "<br>".join(plain(text[i : i + width]) for i in range(0, len(text), width)) or "—"


def figure_text(f: Figure) -> str:
    """A figure's value as written: number, qualifier, unit.

    >>> figure_text(Figure("甲区", 2020, "地区生产总值", 2020, "target", 8.0, "%", "左右", ""))
    '8左右%'
    """
    return f"{f.value:g}{f.qualifier}{f.unit}"


def hover(f: Figure, title: str) -> str:
    """The hover card of one figure: title, value with unit and qualifier, kind and year, evidence.

    >>> hover(Figure("甲区", 2020, "地区生产总值", 2019, "actual", 1.5, "亿元", "", "<b>甲</b>"), "甲区")
    '<b>甲区</b><br>地区生产总值：1.5亿元<br>2019年 实际值 · 2020年报告<br>&lt;b&gt;甲&lt;/b&gt;'
    """
    kind = term_label(f.kind) if f.kind else ""
    when = f"{f.year}年 {kind}" if f.year else kind
    return (
        f"<b>{plain(title)}</b><br>{plain(f.indicator)}：{plain(figure_text(f))}<br>"
        f"{plain(when)} · {f.report_year}年报告<br>{wrap(f.evidence)}"
    )


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title={"text": plain(title), "x": 0.01, "font": {"size": 18}},
        font={"family": FONT, "size": 13},
        height=height,
        margin={"l": 10, "r": 10, "t": 60, "b": 40},
        hoverlabel={"font": {"family": FONT, "size": 13}, "align": "left"},
        plot_bgcolor="#fbfbfb",
        legend={"orientation": "h", "y": -0.12},
    )
    return fig


def _empty(title: str, why: str) -> go.Figure:
    import plotly.graph_objects as go

    fig = go.Figure()
    fig.add_annotation(text=plain(why), showarrow=False, font={"size": 14, "color": "#666"})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, 220)


def report_name(region: str, year: int) -> str:
    """How a chart names a report.

    >>> report_name("甲区", 2020), report_name("", 1990)
    ('甲区 2020', '（地区未识别） 1990')
    """
    return f"{region or '（地区未识别）'} {year}"


# ---------------------------------------------------------------- the charts


def headline_indicators(figures: Iterable[Figure], count: int = HEADLINE_COUNT) -> list[str]:
    """The indicators the headline chart shows: :data:`HEADLINE_INDICATORS` present, then the most reported.

    >>> f = [Figure("甲区", 2020, name, 2019, "actual", 1.0, "亿元", "", "") for name in ("甲", "甲", "地区生产总值")]
    >>> headline_indicators(f)
    ['地区生产总值', '甲']
    """
    reported = Counter(f.indicator for f in figures if f.kind in ("actual", "growth"))
    known = [name for name in HEADLINE_INDICATORS if name in reported]
    others = sorted((name for name in reported if name not in known), key=lambda n: (-reported[n], n))
    return (known + others)[:count]


def headline_chart(data: ChartData) -> go.Figure:
    """The headline indicators of each report: one row per report, one column per indicator.

    The cell's colour is the growth rate (%), its text the level (the actual value and unit);
    a report without a growth for an indicator shows its level on grey.

    >>> fig = headline_chart(read("tests/fixtures/viz-mini.ttl"))
    >>> fig.data[0].x[0], fig.data[0].text[0][0]
    ('地区生产总值', '210.5亿元')
    """
    import plotly.graph_objects as go

    title = "各报告的主要指标：水平与增速"
    figures = [
        f
        for f in data.figures
        if (f.kind == "actual" or (f.kind == "growth" and f.unit == "%"))
        and (f.year or f.report_year) <= f.report_year  # no figure about a later year (a plan)
    ]
    columns = headline_indicators(figures)
    if not columns:
        return _empty(title, "图中没有指标的实际值或增速。")
    rows = sorted({(f.region, f.report_year) for f in figures}, key=lambda r: (r[0], -r[1]))
    # the latest figure of each kind the report gives about a year before its own (the review part)
    cell: dict[tuple, dict[str, Figure]] = defaultdict(dict)
    for f in figures:
        slot = cell[(f.region, f.report_year), f.indicator]
        previous = slot.get(f.kind)
        if previous is None or (f.year or 0, f.value) > (previous.year or 0, previous.value):
            slot[f.kind] = f
    z, text, hovers = [], [], []
    for row in rows:
        z_row, text_row, hover_row = [], [], []
        for column in columns:
            slot = cell.get((row, column), {})
            level, growth = slot.get("actual"), slot.get("growth")
            z_row.append(growth.value if growth else None)
            text_row.append(plain(figure_text(level)) if level else "")
            lines = [hover(f, report_name(*row)) for f in (level, growth) if f]
            hover_row.append("<br><br>".join(lines) or f"{plain(column)}：本报告未给出")
        z.append(z_row)
        text.append(text_row)
        hovers.append(hover_row)
    labels = [report_name(*row) for row in rows]
    fig = go.Figure(
        go.Heatmap(
            x=[plain(c) for c in columns],
            y=[plain(label) for label in labels],
            z=z,
            text=text,
            texttemplate="%{text}",
            customdata=hovers,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale="RdYlGn",
            zmin=GROWTH_RANGE[0],
            zmax=GROWTH_RANGE[1],
            zmid=0,
            colorbar={"title": {"text": "增速 %"}},
            hoverongaps=True,
            xgap=2,
            ygap=2,
        )
    )
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(side="top", type="category", tickangle=0 if len(columns) <= 8 else -30)
    return _layout(fig, title, max(260, 120 + 34 * len(rows)))


def small_multiples(titles: list[str], columns: int = 3) -> tuple[go.Figure, int]:
    """An empty grid of panels titled ``titles`` (escaped), ``columns`` wide; returns it and its width.

    >>> fig, columns = small_multiples(["甲", "乙"])
    >>> columns, [a.text for a in fig.layout.annotations]
    (2, ['甲', '乙'])
    """
    from plotly.subplots import make_subplots

    columns = min(columns, len(titles))
    rows = -(-len(titles) // columns)
    fig = make_subplots(
        rows=rows,
        cols=columns,
        subplot_titles=[plain(title) for title in titles],
        vertical_spacing=0.45 / rows if rows > 1 else 0.2,
        horizontal_spacing=0.06,
    )
    return fig, columns


def target_outcomes(figures: Iterable[Figure]) -> list[tuple[Figure, Figure | None]]:
    """Each target of year Y paired with the outcome of year Y of the same region and indicator.

    The outcome is the actual (or, for a target in %, the growth) about year Y from a later
    report (usually the next year's); a target whose year no report reviews has None.

    >>> t = Figure("甲区", 2020, "地区生产总值", 2020, "target", 6.0, "%", "左右", "")
    >>> a = Figure("甲区", 2021, "地区生产总值", 2020, "growth", 3.5, "%", "", "")
    >>> target_outcomes([t, a]) == [(t, a)]
    True
    """
    figures = list(figures)
    outcomes: dict[tuple, Figure] = {}
    for f in figures:
        if f.kind in ("actual", "growth") and f.year is not None and f.year < f.report_year:
            key = (f.region, f.indicator, f.year, f.unit)
            if key not in outcomes or f.report_year < outcomes[key].report_year:
                outcomes[key] = f
    return [
        (f, outcomes.get((f.region, f.indicator, f.year, f.unit)))
        for f in figures
        if f.kind == "target" and f.year is not None
    ]


def targets_chart(data: ChartData) -> go.Figure:
    """Targets beside outcomes: one panel per region and indicator, two bars per year.

    With one report per region the outcome of a target's year is not in the graph yet, so the
    report's own review (the year before) stands beside its targets instead.

    >>> fig = targets_chart(read("tests/fixtures/viz-mini.ttl"))
    >>> sorted({trace.name for trace in fig.data}), fig.layout.annotations[0].text
    (['实际', '目标'], '濂溪区 · 固定资产投资（%）')
    """
    import plotly.graph_objects as go

    title = "目标与实际：当年目标 · 该年实际（取自下一年的报告）"
    pairs = target_outcomes(data.figures)
    if not pairs:
        return _empty(title, "图中没有目标值。")
    reviewed = defaultdict(list)  # (region, indicator, unit) → figures of the year before the report
    for f in data.figures:
        if f.kind in ("actual", "growth") and f.year is not None and f.year < f.report_year:
            reviewed[f.region, f.indicator, f.unit].append(f)
    panels: dict[tuple, list[tuple[Figure, Figure | None]]] = defaultdict(list)
    for target, outcome in pairs:
        panels[target.region, target.indicator, target.unit].append((target, outcome))
    compared = [k for k in panels if reviewed[k]] or list(panels)  # panels with both kinds of bar first
    ranked = sorted(
        compared,
        key=lambda k: (
            -sum(o is not None for _, o in panels[k]),
            -len(reviewed[k]),
            k[1] not in HEADLINE_INDICATORS,
            k,
        ),
    )[:PANELS]
    fig, columns = small_multiples(
        [f"{region} · {indicator}（{unit or '—'}）" for region, indicator, unit in ranked]
    )
    for i, key in enumerate(ranked):
        targets = [t for t, _ in panels[key]]
        outcomes = [o for _, o in panels[key] if o is not None]
        if not outcomes:  # one report: its review of the year before
            outcomes = reviewed[key]
        for name, color, marks in (("目标", "#f28e2b", targets), ("实际", "#4e79a7", outcomes)):
            fig.add_trace(
                go.Bar(
                    name=name,
                    legendgroup=name,
                    showlegend=i == 0,
                    marker_color=color,
                    x=[str(f.year) for f in marks],
                    y=[f.value for f in marks],
                    text=[plain(figure_text(f)) for f in marks],
                    textposition="outside",
                    customdata=[hover(f, f"{name} · {report_name(f.region, f.report_year)}") for f in marks],
                    hovertemplate="%{customdata}<extra></extra>",
                ),
                row=i // columns + 1,
                col=i % columns + 1,
            )
    fig.update_xaxes(type="category")
    fig.update_layout(barmode="group")
    return _layout(fig, title, 120 + 260 * -(-len(ranked) // columns))


def series_chart(data: ChartData) -> go.Figure:
    """Indicator series region × year: one small panel per indicator, one line per region.

    The panels are the indicators with the most (region, year) actual values in one unit; each
    panel keeps the regions with the most years.

    >>> fig = series_chart(read("tests/fixtures/viz-mini.ttl"))
    >>> [(trace.name, list(trace.x), list(trace.y)) for trace in fig.data]
    [('濂溪区', [2019], [210.5])]
    """
    import plotly.graph_objects as go

    title = "指标序列：地区 × 年份（实际值）"
    points: dict[tuple[str, str], dict[str, dict[int, Figure]]] = defaultdict(lambda: defaultdict(dict))
    for f in data.figures:
        if f.kind == "actual" and f.year is not None and f.year <= f.report_year:
            known = points[f.indicator, f.unit][f.region]
            # a year's figure from the report closest after it (the review, not an estimate years later)
            if f.year not in known or f.report_year < known[f.year].report_year:
                known[f.year] = f
    if not points:
        return _empty(title, "图中没有指标的实际值。")
    ranked = sorted(
        points,
        key=lambda k: (
            -sum(len(years) for years in points[k].values()),
            k[0] not in HEADLINE_INDICATORS,
            k,
        ),
    )[:PANELS]
    fig, columns = small_multiples([f"{indicator}（{unit or '—'}）" for indicator, unit in ranked])
    regions = sorted({region for key in ranked for region in points[key]})
    palette = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#9c755f")
    color = {region: palette[i % len(palette)] for i, region in enumerate(regions)}
    shown: set[str] = set()
    for i, key in enumerate(ranked):
        lines = sorted(points[key].items(), key=lambda item: (-len(item[1]), item[0]))[:LINES]
        for region, by_year in sorted(lines):
            marks = [by_year[year] for year in sorted(by_year)]
            fig.add_trace(
                go.Scatter(
                    name=plain(region),
                    legendgroup=plain(region),
                    showlegend=region not in shown,
                    mode="lines+markers",
                    line={"color": color[region]},
                    x=[f.year for f in marks],
                    y=[f.value for f in marks],
                    customdata=[hover(f, region) for f in marks],
                    hovertemplate="%{customdata}<extra></extra>",
                ),
                row=i // columns + 1,
                col=i % columns + 1,
            )
            shown.add(region)
    fig.update_xaxes(tickformat="d")
    return _layout(fig, title, 120 + 260 * -(-len(ranked) // columns))


def projects_chart(data: ChartData) -> go.Figure:
    """Projects by status per year: stacked bars of the number of status records.

    >>> fig = projects_chart(read("tests/fixtures/viz-mini.ttl"))
    >>> [(trace.name, list(trace.y)) for trace in fig.data]
    [('在建', [1])]
    """
    import plotly.graph_objects as go

    title = "项目状态：各年份的项目数"
    if not data.statuses:
        return _empty(title, "图中没有项目状态。")
    years = sorted({year for year, *_ in data.statuses})
    fig = go.Figure()
    for status in [s for s in PROJECT_STATUSES if any(r[1] == s for r in data.statuses)]:
        counts, cards = [], []
        for year in years:
            records = [r for r in data.statuses if r[0] == year and r[1] == status]
            counts.append(len(records))
            names = "、".join(plain(r[2]) for r in records[:5]) + ("…" if len(records) > 5 else "")
            evidence = wrap(records[0][3]) if records else ""
            cards.append(
                f"<b>{year}年 {plain(term_label(status))}：{len(records)} 个项目</b><br>{names}<br>{evidence}"
            )
        fig.add_trace(
            go.Bar(
                name=plain(term_label(status)),
                x=[str(year) for year in years],
                y=counts,
                customdata=cards,
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(type="category", title="年份")
    fig.update_yaxes(title="项目数")
    return _layout(fig, title, 380)


def names_chart(data: ChartData, kind: str) -> go.Figure:
    """The most named companies (``kind="Company"``) or policies: bars of the sentences naming each.

    >>> fig = names_chart(read("tests/fixtures/viz-mini.ttl"), "Company")
    >>> sorted(fig.data[0].y)
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '华能新材料有限公司']
    """
    import plotly.graph_objects as go

    if kind not in ("Company", "Policy"):
        raise ViewError(f"Unknown kind of name {kind!r}: choose Company or Policy.")
    title = f"提及最多的{term_label(kind)}"
    named = sorted((r for r in data.names if r[0] == kind), key=lambda r: (-r[2], -r[3], r[1]))[:NAMES]
    if not named:
        return _empty(title, f"图中没有{term_label(kind)}。")
    named.reverse()  # the most named at the top
    fig = go.Figure(
        go.Bar(
            orientation="h",
            x=[r[2] for r in named],
            y=[plain(r[1]) for r in named],
            marker_color="#4e79a7" if kind == "Company" else "#f28e2b",
            customdata=[
                f"<b>{plain(r[1])}</b><br>{r[2]} 句提及 · {r[3]} 份报告<br>{wrap(r[4])}" for r in named
            ],
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    fig.update_xaxes(title="提及句数")
    fig.update_yaxes(type="category", automargin=True)
    return _layout(fig, title, 120 + 24 * len(named))


def charts(data: ChartData) -> dict[str, go.Figure]:
    """Every chart of the page, by the id of its section, in page order.

    >>> list(charts(read("tests/fixtures/viz-mini.ttl")))
    ['headline', 'targets', 'series', 'projects', 'companies', 'policies']
    """
    return {
        "headline": headline_chart(data),
        "targets": targets_chart(data),
        "series": series_chart(data),
        "projects": projects_chart(data),
        "companies": names_chart(data, "Company"),
        "policies": names_chart(data, "Policy"),
    }


# ---------------------------------------------------------------- the page


def plotly_js() -> str:
    """The plotly.js bundle the page inlines (see the module doc).

    >>> "plotly.js (cartesian - minified) v" in plotly_js()[:100]
    True
    """
    from kg.viz import TEMPLATES

    return (TEMPLATES / "plotly-cartesian.min.js").read_text(encoding="utf-8")


def render(data: ChartData, title: str = "govkg · 图表") -> str:
    """The charts page: plotly.js inlined once, each figure's JSON in a ``<script type="application/json">``.

    >>> page = render(read("tests/fixtures/viz-mini.ttl"))
    >>> "<script>alert(1)</script>" in page, "Plotly.newPlot" in page
    (False, True)
    """
    import plotly.io as pio

    from kg.viz import TEMPLATES, script_json

    figures = charts(data)
    specs = {key: json.loads(pio.to_json(fig, validate=False, engine="json")) for key, fig in figures.items()}
    regions = sorted({region for region, _ in data.reports if region})
    years = sorted({year for _, year in data.reports if year})
    summary = (
        f"{len(data.reports)} 份报告 · {len(regions)} 个地区 · "
        f"{f'{years[0]}–{years[-1]}' if years else '—'} 年 · {len(data.figures)} 个数据"
    )
    config = {"title": title, "summary": summary, "charts": list(specs)}
    sections = "\n".join(
        f'<section class="kg-chart" id="chart-{key}"><div class="kg-plot" id="plot-{key}"></div></section>'
        for key in specs
    )
    style = (TEMPLATES / "charts.css").read_text(encoding="utf-8")
    script = (TEMPLATES / "charts.js").read_text(encoding="utf-8")
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{style}</style>\n"
        f"<script>{plotly_js()}</script>\n</head>\n<body>\n"
        f'<header><h1 id="kg-title"></h1><p id="kg-summary"></p></header>\n<main>\n{sections}\n</main>\n'
        f'<script type="application/json" id="kg-config">{script_json(config)}</script>\n'
        f'<script type="application/json" id="kg-figures">{script_json(specs)}</script>\n'
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


def write_charts(graphs, out: str | Path, title: str = "govkg · 图表") -> Path:
    """Read ``graphs`` and write the charts page to ``out`` (written whole, then renamed into place).

    >>> import tempfile
    >>> page = write_charts("tests/fixtures/viz-mini.ttl", Path(tempfile.mkdtemp()) / "charts.html")
    >>> page.name, page.stat().st_size > 1_500_000
    ('charts.html', True)
    """
    path = Path(out)
    if path.suffix.lower() not in (".html", ".htm"):
        raise ViewError(f"The charts are an HTML page: give --out a name ending in .html, not {path.name!r}.")
    data = read(graphs)
    if not data.reports:
        raise ViewError("The graph has no reports: give a graph built by `kg build`.")
    page = render(data, title)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(page, encoding="utf-8")
    partial.replace(path)
    return path
