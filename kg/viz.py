"""networkx graph of things → one self-contained, offline HTML page (pyvis / vis-network).

The page is pyvis's own template with vis-network inlined (``cdn_resources="in_line"``), then
post-processed: the Bootstrap CDN links the template still carries are removed (the page must
work from ``file://`` with no network), and a side panel is added (legend, type filters, name
search, physics toggle, node details) from ``kg/templates/``.

Safety: every text of a report is data, never markup. Node data reach the page only as JSON
inside ``<script>`` with ``<``, ``>`` and ``&`` escaped (so no label can close the script tag);
labels are drawn on the canvas; the panel and the hover card are built with ``textContent``.
Nodes carry no vis ``title`` at all, because pyvis switches to an ``innerHTML`` tooltip whenever
a title contains the letters ``href``.

Legible on open: positions are computed here (ForceAtlas2, fixed seed) and scaled to fill the
canvas; the most connected names are drawn large enough to read at the default zoom and the
others only once zoomed in (vis's label draw threshold); nodes without an edge go to a list in
the panel; figures are listed in their region's details (``figures=True`` draws indicators).
A graph of many reports opens on its :data:`VIEW_LIMIT` most named things, with region and
year filters; ``region``, ``year`` and ``focus`` narrow it first. Numbers: bench/bench_viz.py.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from html import escape
from importlib import resources
from pathlib import Path

import networkx as nx
import numpy as np

from kg.network import ViewError, ordered_subgraph, term_label, to_networkx
from kg.types import CLUSTER_TYPE, ENTITY_TYPES, OBSERVATION_KINDS, PROJECT_STATUSES
from kg.vocab import GOV

#: Colour and vis shape of each node type (shapes with the label below, so names stay legible).
TYPE_STYLES: dict[str, tuple[str, str]] = {
    "Project": ("#e15759", "dot"),
    "Company": ("#4e79a7", "square"),
    "Place": ("#59a14f", "triangle"),
    "Policy": ("#f28e2b", "diamond"),
    "Organization": ("#b07aa1", "star"),
    "Cluster": ("#ff9da7", "triangleDown"),
    "Indicator": ("#edc948", "hexagon"),
    "Observation": ("#bab0ac", "dot"),
    "Sentence": ("#9c755f", "dot"),
    "Report": ("#76b7b2", "square"),
}
#: Colours of communities, largest community first (cycled when there are more).
COMMUNITY_COLORS: tuple[str, ...] = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#17becf",
)  # fmt: skip
SIZE_MEASURES: tuple[str, ...] = ("degree", "betweenness", "pagerank")
COLOR_MODES: tuple[str, ...] = ("type", "community")
#: Node types a view draws by default: the named things (figures are in their region's details).
VIEW_TYPES: tuple[str, ...] = (*ENTITY_TYPES, CLUSTER_TYPE)
#: Most nodes a view draws: a larger graph (a corpus) opens on its most named things (``--limit``).
VIEW_LIMIT = 400
#: Largest drawing laid out with ForceAtlas2 (its cost grows with the square of the nodes).
FORCE_LIMIT = 1000
#: Largest component of a larger drawing laid out with one spring layout (above it: per community).
SPRING_LIMIT = 300
#: The box the drawing fills, in pixels: about the canvas of a 1400×900 window beside the panel.
CANVAS = (960.0, 820.0)
#: How many of the most connected names are drawn large enough to read at the default zoom,
#: with their font sizes (px) by rank; the others get :data:`SMALL_FONT`, drawn once zoomed in.
LABEL_TIERS: tuple[tuple[int, int], ...] = ((5, 20), (15, 16), (30, 14))
SMALL_FONT = 10
#: Source sentences a node, and an edge, carries into the page (a corpus names some things thousands
#: of times, and a view of 400 of them has thousands of co-mention edges).
SOURCES_SHOWN, EDGE_SOURCES_SHOWN = 10, 3
#: Figures a region's details list (the charts page has them all).
FIGURES_SHOWN = 60
#: Co-mention edges a view keeps per node drawn, the strongest (most shared sentences) first.
COMENTIONS_PER_NODE = 3
#: A label smaller than this on screen (px) is not drawn (vis ``scaling.label.drawThreshold``).
DRAW_THRESHOLD = 12
_MIN_SIZE, _MAX_SIZE = 8.0, 28.0
TEMPLATES = resources.files("kg") / "templates"


def centrality(G: nx.Graph, measure: str = "degree") -> dict[str, float]:
    """Centrality of every node on the undirected simple view of ``G`` (degree, betweenness, pagerank).

    Betweenness is estimated from 300 sampled sources (fixed seed) above 1,000 nodes.

    >>> centrality(nx.MultiDiGraph([("a", "b"), ("a", "b"), ("b", "c")]))
    {'a': 0.5, 'b': 1.0, 'c': 0.5}
    >>> centrality(nx.path_graph(3), "closeness")
    Traceback (most recent call last):
    ...
    kg.network.ViewError: Unknown size measure 'closeness': choose degree, betweenness or pagerank.
    """
    if measure not in SIZE_MEASURES:
        raise ViewError(f"Unknown size measure {measure!r}: choose degree, betweenness or pagerank.")
    simple = nx.Graph(G)
    if measure == "degree":
        return nx.degree_centrality(simple) if len(simple) > 1 else dict.fromkeys(simple, 0.0)
    if measure == "betweenness":
        k = 300 if len(simple) > 1000 else None
        return nx.betweenness_centrality(simple, k=k, seed=0)
    return nx.pagerank(simple) if len(simple) else {}


def communities(G: nx.Graph) -> dict[str, int]:
    """Community number of every node (Louvain, fixed seed), 0 for the largest community.

    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y")])
    >>> communities(G)
    {'a': 0, 'b': 0, 'c': 0, 'x': 1, 'y': 1}
    """
    found = nx.community.louvain_communities(nx.Graph(G), seed=0)
    ordered = sorted(found, key=lambda c: (-len(c), min(c)))
    return {node: i for i, community in enumerate(ordered) for node in sorted(community)}


def node_size(value: float, largest: float) -> float:
    """A node's drawn size from its centrality: square-root scale between 8 and 28.

    >>> node_size(0.0, 1.0), node_size(0.25, 1.0), node_size(1.0, 1.0), node_size(0.0, 0.0)
    (8.0, 18.0, 28.0, 8.0)
    """
    if largest <= 0:
        return _MIN_SIZE
    return round(_MIN_SIZE + (_MAX_SIZE - _MIN_SIZE) * math.sqrt(value / largest), 2)


def layout(G: nx.Graph, seed: int = 0, box: tuple[float, float] = CANVAS) -> dict[str, tuple[float, float]]:
    """Pixel positions of the nodes that have an edge (isolated nodes go to the panel's list).

    Up to :data:`FORCE_LIMIT` nodes one ForceAtlas2 layout of the whole drawing (fixed seed, lin-log
    attraction so related things sit together, strong gravity so the small components gather
    among the large one instead of ringing it: the drawing is a disc that fills the canvas); larger
    drawings are laid out per component (see ``_component_layout``) and packed in rows. Either
    way the drawing is scaled to fill ``box`` (about the canvas at 1400×900), so that at the
    default zoom a 14 px label is drawn at about 14 px.

    >>> pos = layout(nx.Graph([("a", "b"), ("c", "d")]))
    >>> sorted(pos), pos == layout(nx.Graph([("a", "b"), ("c", "d")]))
    (['a', 'b', 'c', 'd'], True)
    >>> layout(nx.Graph([("a", "a")]))
    {}
    """
    simple = nx.Graph(G)
    simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    drawn = ordered_subgraph(simple, [n for n in simple if simple.degree(n)])
    if not len(drawn):
        return {}
    if len(drawn) <= FORCE_LIMIT:
        with np.errstate(divide="ignore", invalid="ignore"):  # linlog divides by a zero self-distance
            found = nx.forceatlas2_layout(
                drawn, seed=seed, max_iter=150, scaling_ratio=5.0, strong_gravity=True, linlog=True
            )
        if not np.isfinite(list(found.values())).all():  # linlog can diverge: plain attraction then
            found = nx.forceatlas2_layout(
                drawn, seed=seed, max_iter=150, scaling_ratio=5.0, strong_gravity=True
            )
        raw = {n: (float(x), float(y)) for n, (x, y) in found.items()}
    else:
        parts = sorted(nx.connected_components(drawn), key=lambda c: (-len(c), min(c)))
        raw = _pack([_component_layout(ordered_subgraph(drawn, part), seed) for part in parts])
    return fit(raw, box)


def fit(
    positions: dict[str, tuple[float, float]], box: tuple[float, float]
) -> dict[str, tuple[float, float]]:
    """Positions scaled (one factor for both axes) and centred to fill a ``box`` of width × height.

    >>> fit({"a": (0.0, 0.0), "b": (2.0, 1.0)}, (100.0, 100.0))
    {'a': (-50.0, -25.0), 'b': (50.0, 25.0)}
    """
    xs, ys = [p[0] for p in positions.values()], [p[1] for p in positions.values()]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    scale = min(box[0] / width if width else math.inf, box[1] / height if height else math.inf)
    scale = 1.0 if scale == math.inf else scale
    return {n: (round((x - cx) * scale, 1), round((y - cy) * scale, 1)) for n, (x, y) in positions.items()}


def _component_layout(component: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Positions of one component around (0, 0), spread so that nodes sit about 80 px apart.

    Up to :data:`SPRING_LIMIT` nodes: networkx's spring layout. Larger components (whose spring
    layout costs minutes) are split into Louvain communities: the communities are laid out as
    one graph (recursively, when there are many) and each community's own layout is placed at
    its community's position.
    """
    n = len(component)
    if n <= 2:
        return dict(
            zip(sorted(component), ((-40.0, 0.0), (40.0, 0.0)) if n == 2 else ((0.0, 0.0),), strict=True)
        )
    groups = (
        sorted(nx.community.louvain_communities(component, seed=seed), key=lambda c: (-len(c), min(c)))
        if n > SPRING_LIMIT
        else [component]
    )
    if len(groups) == 1:  # small, or no community structure to split on: one (short) spring layout
        raw = nx.spring_layout(
            component, seed=seed, iterations=50 if n <= SPRING_LIMIT else 10, method="force"
        )
        return {
            node: (float(x) * 40.0 * math.sqrt(n), float(y) * 40.0 * math.sqrt(n))
            for node, (x, y) in raw.items()
        }
    group_of = {node: i for i, group in enumerate(groups) for node in group}
    quotient = nx.Graph()
    quotient.add_nodes_from(range(len(groups)))
    quotient.add_edges_from(
        (group_of[u], group_of[v]) for u, v in component.edges() if group_of[u] != group_of[v]
    )
    centers = _component_layout(quotient, seed)
    reach = max(max(abs(x), abs(y)) for x, y in centers.values()) or 1.0
    spread = 60.0 * math.sqrt(n) / reach
    positions = {}
    for i, group in enumerate(groups):
        cx, cy = centers[i]
        for node, (x, y) in _component_layout(ordered_subgraph(component, group), seed).items():
            positions[node] = (cx * spread + x, cy * spread + y)
    return positions


def _pack(boxes: list[dict[str, tuple[float, float]]], gap: float = 80.0) -> dict[str, tuple[float, float]]:
    """Place component layouts left to right in rows about as wide as the whole drawing is tall."""
    sizes = []
    for box in boxes:
        xs, ys = [p[0] for p in box.values()], [p[1] for p in box.values()]
        sizes.append((min(xs), min(ys), max(xs) - min(xs) + gap, max(ys) - min(ys) + gap))
    row_width = max(
        math.sqrt(sum(w * h for _, _, w, h in sizes)), max((w for _, _, w, _ in sizes), default=0)
    )
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for box, (left, top, width, height) in zip(boxes, sizes, strict=True):
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in box.items():
            positions[node] = (round(x + px - left, 1), round(y + py - top, 1))
        x, row_height = x + width, max(row_height, height)
    return positions


def _figure_text(figure: dict) -> str:
    """One figure as a short line: year, kind (Chinese), value, qualifier, unit.

    >>> _figure_text({"year": 2020, "kind": "target", "value": 8.0, "unit": "%", "qualifier": "左右"})
    '2020 目标 8左右%'
    >>> _figure_text({"indicator": "地区生产总值", "year": 2019, "kind": "actual", "value": 9.0, "unit": "亿元"})
    '地区生产总值 2019 实际值 9亿元'
    """
    value = figure.get("value")
    number = "" if value is None else f"{value:g}"
    kind = term_label(figure["kind"]) if figure.get("kind") in OBSERVATION_KINDS else figure.get("kind", "")
    parts = (
        figure.get("indicator", ""),
        str(figure.get("year") or ""),
        kind,
        f"{number}{figure.get('qualifier', '')}{figure.get('unit', '')}",
    )
    return " ".join(part for part in parts if part)


def sources(provenance: list[dict], shown: int = SOURCES_SHOWN) -> list[list[str]]:
    """The first ``shown`` provenance records as ``[sentence, section, report]`` (the page says how many more).

    >>> sources([{"sentence": "甲。", "section": "一、"}] * 3, shown=2)
    [['甲。', '一、', ''], ['甲。', '一、', '']]
    """
    return [[p["sentence"], p["section"], p.get("report", "")] for p in provenance[:shown]]


def label_font(rank: int) -> int:
    """The font size (px) of the label of the ``rank``-th most connected node (0 the most).

    >>> [label_font(rank) for rank in (0, 5, 29, 30)]
    [20, 16, 14, 10]
    """
    return next((size for top, size in LABEL_TIERS if rank < top), SMALL_FONT)


def node_record(
    node: str, data: dict, color: str, size: float, position: tuple[float, float] | None, rank: int = 0
) -> dict:
    """The vis-network node dict of one node: style, position, label size and the details the panel shows.

    >>> record = node_record("http://x/p", {"label": "园区", "type": "Project"}, "#e15759", 12.0, (1.0, 2.0))
    >>> record["label"], record["shape"], record["x"], record["kg"]["type"], record["font"]
    ('园区', 'dot', 1.0, '项目', {'size': 20})
    """
    kind = data.get("type", "")
    details = {
        "type": term_label(kind) if kind in TYPE_STYLES else kind,
        "aliases": list(data.get("aliases", [])),
        "figures": [_figure_text(figure) for figure in data.get("figures", [])[:FIGURES_SHOWN]],
        "figureCount": len(data.get("figures", [])),
        "provenance": sources(data.get("provenance", [])),
        "sources": len(data.get("provenance", [])),
        "reports": [list(where) for where in data.get("reports", [])],
        "rank": rank,
    }
    if data.get("status"):
        details["status"] = (
            term_label(data["status"]) if data["status"] in PROJECT_STATUSES else data["status"]
        )
    for key in ("deadline", "definition"):
        if data.get(key):
            details[key] = data[key]
    record = {
        "id": node,
        "label": data.get("label", ""),
        "group": kind,
        "shape": TYPE_STYLES.get(kind, ("", "dot"))[1],
        "color": color,
        "size": size,
        "font": {"size": label_font(rank)},
        "kg": details,
    }
    if position is not None:
        record["x"], record["y"] = position
    return record


def edge_record(u: str, v: str, data: dict) -> dict:
    """The vis-network edge dict of one relation, labelled with its Chinese name.

    >>> edge_record("a", "b", {"label": "位于", "predicate": "locatedIn", "provenance": []})
    {'from': 'a', 'to': 'b', 'label': '位于', 'kg': {'provenance': [], 'sources': 0}}
    """
    provenance = sources(data.get("provenance", []), EDGE_SOURCES_SHOWN)
    count = len(data.get("provenance", []))
    if data.get("predicate") == "mentionedWith":  # faint, dashed, unlabelled, no arrow; a switch hides them
        return {
            "from": u,
            "to": v,
            "dashes": True,
            "width": min(1 + data.get("weight", 1), 4),
            "color": {"color": "#d9d9d9", "highlight": "#888888", "hover": "#888888"},
            "arrows": {"to": {"enabled": False}},
            "kg": {
                "provenance": provenance,
                "sources": count,
                "label": data.get("label", ""),
                "comention": True,
            },
        }
    return {
        "from": u,
        "to": v,
        "label": data.get("label", ""),
        "kg": {"provenance": provenance, "sources": count},
    }


def find_nodes(G: nx.Graph, name: str) -> list[str]:
    """Nodes whose label or an alias is exactly ``name``; a clear error naming close matches if none.

    >>> G = nx.Graph(); G.add_node("n1", label="新材料产业园", aliases=["产业园"])
    >>> find_nodes(G, "产业园")
    ['n1']
    >>> find_nodes(G, "材料")
    Traceback (most recent call last):
    ...
    kg.network.ViewError: No node is named '材料': did you mean 新材料产业园?
    """
    found = sorted(n for n, d in G.nodes(data=True) if name == d.get("label") or name in d.get("aliases", ()))
    if found:
        return found
    close = sorted({d.get("label", "") for _, d in G.nodes(data=True) if name in d.get("label", "")})[:5]
    hint = f"did you mean {', '.join(close)}?" if close else "check the name with `kg query` or drop --focus."
    raise ViewError(f"No node is named {name!r}: {hint}")


def ego_network(G: nx.MultiDiGraph, name: str, depth: int = 1) -> nx.MultiDiGraph:
    """The nodes within ``depth`` steps (either direction) of the node(s) named ``name``.

    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> nx.set_node_attributes(G, {"a": "甲", "b": "乙", "c": "丙", "d": "丁"}, "label")
    >>> sorted(ego_network(G, "乙", 1))
    ['a', 'b', 'c']
    """
    if depth < 0:
        raise ViewError(f"--depth must be 0 or more, not {depth}.")
    keep: set[str] = set()
    for center in find_nodes(G, name):
        keep |= set(
            nx.single_source_shortest_path_length(G.to_undirected(as_view=True), center, cutoff=depth)
        )
    return ordered_subgraph(G, keep)


def query_subgraph(G: nx.MultiDiGraph, result) -> nx.MultiDiGraph:
    """The part of ``G`` a query answer names (a :class:`kg.store.Result`).

    A CONSTRUCT (or DESCRIBE) answer keeps the nodes it mentions and the edges whose triple it
    contains. A SELECT answer keeps the nodes whose IRI is in one of its cells, with the edges
    among them; when no cell is an IRI of the view, the nodes whose label is in a cell (saved
    queries answer with names).

    >>> from kg.store import Result
    >>> G = nx.MultiDiGraph(); G.add_edge("http://x/a", "http://x/b", key="partOf"); G.add_node("http://x/c")
    'partOf'
    >>> sorted(query_subgraph(G, Result(("s",), [["http://x/a"], ["http://x/b"], [3]])).edges)
    [('http://x/a', 'http://x/b', 'partOf')]
    >>> G.nodes["http://x/c"]["label"] = "丙"
    >>> list(query_subgraph(G, Result(("name",), [["丙"]])))
    ['http://x/c']
    >>> query_subgraph(G, Result(("s",), [["nothing"]]))
    Traceback (most recent call last):
    ...
    kg.network.ViewError: The query names no node of the view: return entity IRIs or names (SELECT) or triples about them (CONSTRUCT).
    """
    if result.columns == ("subject", "predicate", "object"):
        triples = {tuple(cell.strip("<>") for cell in row) for row in result.rows}
        keep = {node for s, _, o in triples for node in (s, o) if node in G}
        view = nx.MultiDiGraph()
        view.add_nodes_from((node, G.nodes[node]) for node in sorted(keep))
        for u, v, key, data in G.edges(keys=True, data=True):
            if (u, str(GOV[key]), v) in triples:
                view.add_edge(u, v, key=key, **data)
    else:
        cells = {cell for row in result.rows for cell in row if isinstance(cell, str)}
        keep = {cell for cell in cells if cell in G} or {
            n for n, name in G.nodes(data="label") if name in cells
        }
        view = ordered_subgraph(G, keep)
    if not len(view):
        raise ViewError(
            "The query names no node of the view: return entity IRIs or names (SELECT) "
            "or triples about them (CONSTRUCT)."
        )
    return view


def in_reports(G: nx.MultiDiGraph, region: str | None = None, year: int | None = None) -> nx.MultiDiGraph:
    """The nodes named in the reports of ``region`` (its name, or part of it) and/or ``year``.

    >>> G = nx.MultiDiGraph(reports=[("甲市乙区", 2020), ("丙县", 2021)])
    >>> G.add_node("a", reports=[("甲市乙区", 2020)]); G.add_node("b", reports=[("丙县", 2021)])
    >>> list(in_reports(G, region="乙区")), list(in_reports(G, year=2021))
    (['a'], ['b'])
    >>> in_reports(G, region="丁县")
    Traceback (most recent call last):
    ...
    kg.network.ViewError: No report is of region '丁县': the graph has 丙县, 甲市乙区.
    """
    present = G.graph.get("reports", [])
    if region is not None and not any(region in name for name, _ in present):
        names = sorted({name for name, _ in present})
        shown = ", ".join(names[:12]) + (" …" if len(names) > 12 else "")
        raise ViewError(f"No report is of region {region!r}: the graph has {shown}.")
    if year is not None and not any(year == when for _, when in present):
        years = sorted({when for _, when in present})
        raise ViewError(f"No report is of year {year}: the graph has {', '.join(map(str, years))}.")

    def chosen(where: tuple[str, int]) -> bool:
        return (region is None or region in where[0]) and (year is None or year == where[1])

    return ordered_subgraph(
        G, [n for n, reports in G.nodes(data="reports", default=()) if any(map(chosen, reports))]
    )


def most_named(G: nx.MultiDiGraph, limit: int) -> nx.MultiDiGraph:
    """The ``limit`` nodes named in the most sentences (then the most connected), in ``G``'s order.

    >>> G = nx.MultiDiGraph([("a", "b")]); G.add_node("c", provenance=[{}, {}])
    >>> list(most_named(G, 2))
    ['a', 'c']
    """
    if len(G) <= limit:
        return G
    degree = dict(G.degree())
    ranked = sorted(G, key=lambda n: (-len(G.nodes[n].get("provenance", ())), -degree[n], n))
    H = ordered_subgraph(G, ranked[:limit])
    H.graph["total"] = G.graph.get("total", len(G))
    return H


def strongest_comentions(G: nx.MultiDiGraph, keep: int) -> nx.MultiDiGraph:
    """``G`` with only its ``keep`` strongest co-mention edges (most shared sentences, then by ends).

    Explicit relations all stay; in a corpus the things named most are named together in
    thousands of sentences, and every pair drawn would hide them.

    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="mentionedWith", weight=1); G.add_edge("b", "c", key="mentionedWith", weight=5)
    'mentionedWith'
    'mentionedWith'
    >>> list(strongest_comentions(G, 1).edges())
    [('b', 'c')]
    """
    comentions = [
        (u, v, d.get("weight", 1)) for u, v, k, d in G.edges(keys=True, data=True) if k == "mentionedWith"
    ]
    if len(comentions) <= keep:
        return G
    ranked = sorted(comentions, key=lambda e: (-e[2], e[0], e[1]))
    H = G.copy()
    H.remove_edges_from((u, v, "mentionedWith") for u, v, _ in ranked[keep:])
    return H


def view_graph(
    graphs: str | Path | Iterable[str | Path],
    types: Iterable[str] | None = None,
    focus: str | None = None,
    depth: int = 1,
    query: str | Path | None = None,
    include_provenance: bool = False,
    params: dict[str, object] | None = None,
    comention: bool = True,
    figures: bool = False,
    region: str | None = None,
    year: int | None = None,
    limit: int = VIEW_LIMIT,
) -> nx.MultiDiGraph:
    """The graph ``kg viz`` draws: graph files → networkx, narrowed by a query, then to a node's neighbourhood.

    ``types`` defaults to the named things (figures are listed in their region's details);
    ``figures`` adds the indicators as nodes;
    ``query`` is a ``.rq`` file, a saved query's name or SPARQL text (see :func:`query_subgraph`),
    run with ``params`` bound (see :func:`kg.query.run`);
    ``focus`` keeps the nodes within ``depth`` steps of the node(s) named ``focus``;
    ``region`` and ``year`` keep what the reports of that region and/or year name;
    ``comention`` adds the faint 同句提及 edges between things named in one sentence;
    at most ``limit`` nodes are kept, the most named (see :func:`most_named`).

    >>> G = view_graph("tests/fixtures/viz-mini.ttl", focus="十里街道")
    >>> sorted(G.nodes[n]["label"] for n in G)
    ['十里街道', '滨江大道改造工程', '濂溪区']
    """
    if limit < 1:
        raise ViewError(f"--limit must be 1 or more, not {limit}.")
    if types is None:
        types = (*VIEW_TYPES, "Indicator") if figures else VIEW_TYPES
    G = to_networkx(graphs, types=types, include_provenance=include_provenance, comention=comention)
    if not len(G):
        raise ViewError("The graph has no entities or indicators: give a graph built by `kg build`.")
    G.graph["total"] = len(G)
    if query is not None:
        from kg.query import run

        paths = [graphs] if isinstance(graphs, str | Path) else list(graphs)
        G = query_subgraph(G, run(paths, query, **(params or {})))
    if region is not None or year is not None:
        G = in_reports(G, region, year)
    if focus is not None:
        G = ego_network(G, focus, depth)
    return strongest_comentions(most_named(G, limit), COMENTIONS_PER_NODE * min(len(G), limit))


def _styles(G: nx.MultiDiGraph, size_by: str, color_by: str) -> tuple[dict[str, str], dict[str, float]]:
    if color_by not in COLOR_MODES:
        raise ViewError(f"Unknown colour mode {color_by!r}: choose type or community.")
    if color_by == "community":
        groups = communities(G)
        colors = {n: COMMUNITY_COLORS[groups[n] % len(COMMUNITY_COLORS)] for n in G}
    else:
        colors = {n: TYPE_STYLES.get(kind, ("#888888", ""))[0] for n, kind in G.nodes(data="type")}
    values = centrality(G, size_by)
    largest = max(values.values(), default=0.0)
    return colors, {n: node_size(values[n], largest) for n in G}


def _options(physics: bool, large: bool) -> dict:
    """vis-network options: straight edges (curved ones add a physics node per edge), arrows, hover.

    Labels smaller than :data:`DRAW_THRESHOLD` px on screen are not drawn: at the default zoom
    only the most connected names (see :data:`LABEL_TIERS`), the others as one zooms in.
    """
    return {
        "nodes": {
            "font": {"size": SMALL_FONT, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 1,
            "scaling": {"label": {"drawThreshold": DRAW_THRESHOLD, "maxVisible": 30}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "smooth": False,
            "font": {"size": 10, "align": "middle", "color": "#555555"},
            "color": {"color": "#a0a0a0", "highlight": "#333333", "hover": "#333333"},
        },
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {"springLength": 90, "avoidOverlap": 0.2},
            "stabilization": {"enabled": physics, "iterations": 200, "fit": True},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
        },
        "layout": {"improvedLayout": False},
    }


def connection_ranks(G: nx.MultiDiGraph) -> dict[str, int]:
    """Each node's rank by number of edges (0 the most connected; ties by sentences, then name).

    >>> connection_ranks(nx.MultiDiGraph([("a", "b"), ("c", "b")]))
    {'b': 0, 'a': 1, 'c': 2}
    """
    degree = dict(G.degree())
    ranked = sorted(
        G, key=lambda n: (-degree[n], -len(G.nodes[n].get("provenance", ())), G.nodes[n].get("label", ""), n)
    )
    return {node: rank for rank, node in enumerate(ranked)}


def view_config(
    G: nx.MultiDiGraph, physics: bool, size_by: str, color_by: str, title: str, isolated: list[dict] = ()
) -> dict:
    """What the panel script needs besides the nodes: legend, counts, reports, the isolated names, the note.

    >>> G = nx.MultiDiGraph(); G.add_node("a", type="Place", label="甲")
    >>> config = view_config(G, False, "degree", "type", "t")
    >>> config["legend"][0]["type"], config["legend"][0]["name"], config["legend"][0]["count"]
    ('Place', '地点', 1)
    """
    counts: dict[str, int] = {}
    for _, kind in G.nodes(data="type"):
        counts[kind] = counts.get(kind, 0) + 1
    legend = [
        {"type": kind, "name": term_label(kind), "en": term_label(kind, "en"), "color": color, "shape": shape,
         "count": counts[kind]}
        for kind, (color, shape) in TYPE_STYLES.items()
        if kind in counts
    ]  # fmt: skip
    total = G.graph.get("total", len(G))
    if total > len(G):
        note = (
            f"图中共 {total} 个节点，这里显示被提及最多的 {len(G)} 个（--limit）。"
            "可用 --region、--year、--focus 缩小范围，或用下面的地区、年份筛选。"
        )
    else:
        note = f"{len(G)} 个节点。"
    note += "布局在 Python 中预先计算（ForceAtlas2），字大的是连接最多的名称；放大或悬停可见其余名称。"
    comentions = sum(1 for _, _, key in G.edges(keys=True) if key == "mentionedWith")
    reports = G.graph.get("reports", [])
    shown = {tuple(where) for _, found in G.nodes(data="reports", default=()) for where in found}
    return {
        "title": title,
        "nodes": len(G),
        "edges": G.number_of_edges(),
        "comentions": comentions,
        "legend": legend,
        "colorBy": color_by,
        "sizeBy": size_by,
        "physics": physics,
        "note": note,
        "regions": sorted({region for region, _ in reports if region}),
        "years": sorted({year for _, year in reports if year}),
        "reports": len(reports),
        "shownReports": len(shown),
        "isolated": list(isolated),
        "labelled": LABEL_TIERS[-1][0],
    }


def script_json(value: object) -> str:
    """JSON that is safe inside an HTML ``<script>``: ``<``, ``>``, ``&`` and U+2028/9 are escaped.

    >>> script_json({"label": "</script><!--x"})
    '{"label": "\\\\u003c/script\\\\u003e\\\\u003c!--x"}'
    """
    text = json.dumps(value, ensure_ascii=False)
    for char, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text


_EXTERNAL = re.compile(
    r"<(link|script)\b[^>]*\b(?:href|src)\s*=\s*[\"']https?://[^>]*>(?:\s*</script>)?", re.IGNORECASE
)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>")


def finish_page(html: str, config: dict) -> str:
    """Post-process pyvis's page: drop every external link or script, add the panel, style and script.

    >>> page = finish_page('<head><link href="https://cdn.x/b.css" rel="stylesheet"/></head><body></body>', {})
    >>> "https://" in page, page.count("kg-panel") > 0
    (False, True)
    """
    html = _EXTERNAL.sub("", html)
    html = _EMPTY_HEADING.sub("", html)
    style = (TEMPLATES / "view.css").read_text(encoding="utf-8")
    panel = (TEMPLATES / "panel.html").read_text(encoding="utf-8")
    script = (TEMPLATES / "view.js").read_text(encoding="utf-8")
    title = f"<title>{escape(config.get('title', 'govkg'))}</title>"
    html = html.replace("</head>", f"{title}\n<style>{style}</style>\n</head>", 1)
    tail = (
        f'{panel}\n<script type="application/json" id="kg-config">{script_json(config)}</script>\n'
        f"<script>{script}</script>\n</body>"
    )
    head, _, rest = html.rpartition("</body>")
    return head + tail + rest


def render(
    G: nx.MultiDiGraph,
    size_by: str = "degree",
    color_by: str = "type",
    physics: bool = False,
    title: str = "govkg",
) -> str:
    """The HTML page of ``G`` (a graph from :func:`kg.network.to_networkx`), as a string.

    Positions are computed here (see :func:`layout`); ``physics`` turns vis's live simulation on
    from them. Nodes without an edge are not drawn: the panel lists them.

    >>> from kg.network import to_networkx
    >>> page = render(to_networkx("tests/fixtures/viz-mini.ttl"))
    >>> "<script>alert(1)</script>" in page, "\\\\u003cscript\\\\u003ealert(1)" in page
    (False, True)
    """
    from pyvis.network import Network

    colors, sizes = _styles(G, size_by, color_by)
    positions = layout(G)
    ranks = connection_ranks(G)
    records = [
        node_record(n, d, colors[n], sizes[n], positions.get(n), ranks[n]) for n, d in G.nodes(data=True)
    ]
    isolated = [record for record in records if record["id"] not in positions]
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line")
    # Appending dicts directly: pyvis's add_node/add_edge check every existing item (quadratic).
    net.nodes = [record for record in records if record["id"] in positions]
    net.edges = [edge_record(u, v, d) for u, v, d in G.edges(data=True) if u != v]
    net.options = _options(physics, large=len(G) > FORCE_LIMIT)
    # pyvis writes the nodes with jinja's tojson, which escapes <, > and & like script_json.
    config = view_config(G, physics, size_by, color_by, title, isolated)
    return finish_page(net.generate_html(), config)


def write_view(G: nx.MultiDiGraph, out: str | Path, **options) -> Path:
    """Write :func:`render`'s page to ``out`` (parent directories created) and return the path.

    >>> import tempfile
    >>> from kg.network import to_networkx
    >>> page = write_view(to_networkx("tests/fixtures/viz-mini.ttl"), Path(tempfile.mkdtemp()) / "view.html")
    >>> page.name, "vis-network" in page.read_text(encoding="utf-8")
    ('view.html', True)
    """
    path = Path(out)
    if path.suffix.lower() not in (".html", ".htm"):
        raise ViewError(f"The view is an HTML page: give --out a name ending in .html, not {path.name!r}.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(G, **options), encoding="utf-8")
    return path
