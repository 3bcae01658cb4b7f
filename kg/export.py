"""networkx graph of things → files other tools read: GEXF (Gephi), GraphML, CSV.

GEXF and GraphML only hold strings and numbers, so list and dict attributes (aliases, figures,
provenance, statuses) are written as JSON strings (``ensure_ascii=False``, readable Chinese) and
missing values as empty strings. CSV writes two files, ``nodes.csv`` and ``edges.csv``, into the
directory given as ``out`` (created if needed), UTF-8 without BOM, with the same JSON encoding;
a cell that begins with ``=``, ``+``, ``-`` or ``@`` gets a leading ``'`` so that a spreadsheet
shows it as text instead of running it as a formula. Every file is written atomically
(:mod:`kg.outputs`): a killed export leaves the previous file, never half of a new one.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx

from kg.network import ViewError
from kg.outputs import atomic_path, check_output_dir, check_output_file

FORMATS: tuple[str, ...] = ("gexf", "graphml", "csv")
NODE_COLUMNS: tuple[str, ...] = (
    "id", "label", "type", "aliases", "status", "deadline", "definition", "figures", "provenance",
)  # fmt: skip
EDGE_COLUMNS: tuple[str, ...] = ("source", "target", "predicate", "label", "provenance")


def flat_value(value: object) -> str | int | float | bool:
    """An attribute value as GraphML/GEXF/CSV can hold it: scalars kept, lists and dicts as JSON.

    >>> flat_value(["乙", "甲"]), flat_value(None), flat_value(2.5)
    ('["乙", "甲"]', '', 2.5)
    """
    if value is None:
        return ""
    if isinstance(value, str | int | float | bool):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def flat_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose node and edge attributes are all strings or numbers.

    >>> G = nx.MultiDiGraph(); G.add_node("a", aliases=["甲"]); G.add_edge("a", "a", key="partOf", provenance=[])
    'partOf'
    >>> H = flat_graph(G); H.nodes["a"]["aliases"], H.edges["a", "a", "partOf"]["provenance"]
    ('["甲"]', '[]')
    """
    flat = nx.MultiDiGraph()
    flat.add_nodes_from((n, {k: flat_value(v) for k, v in d.items()}) for n, d in G.nodes(data=True))
    flat.add_edges_from(
        (u, v, k, {a: flat_value(b) for a, b in d.items()}) for u, v, k, d in G.edges(keys=True, data=True)
    )
    return flat


#: First characters with which a spreadsheet starts a formula.
_FORMULA_STARTS = ("=", "+", "-", "@")


def spreadsheet_safe(value: str | float | bool) -> str | float | bool:
    """A CSV cell that a spreadsheet shows as text: a leading ``'`` before ``= + - @`` in strings.

    >>> print(spreadsheet_safe("=1+1"), spreadsheet_safe("@SUM(A1)"), spreadsheet_safe("-3%"), spreadsheet_safe(-3))
    '=1+1 '@SUM(A1) '-3% -3
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _write_rows(path: Path, header: tuple[str, ...], rows) -> None:
    with atomic_path(path) as temp, temp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)


def write_csv(G: nx.MultiDiGraph, directory: str | Path) -> list[Path]:
    """Write ``directory/nodes.csv`` and ``directory/edges.csv``; return their paths."""
    directory = check_target("csv", directory)
    nodes_path, edges_path = directory / "nodes.csv", directory / "edges.csv"
    _write_rows(
        nodes_path,
        NODE_COLUMNS,
        (
            [node, *(flat_value(data.get(c)) for c in NODE_COLUMNS[1:])]
            for node, data in sorted(G.nodes(data=True))
        ),
    )
    edges = sorted(G.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("predicate", "")))
    _write_rows(
        edges_path,
        EDGE_COLUMNS,
        ([u, v, *(flat_value(data.get(c)) for c in EDGE_COLUMNS[2:])] for u, v, data in edges),
    )
    return [nodes_path, edges_path]


def check_target(fmt: str, out: str | Path) -> Path:
    """``out`` checked before any work: a writable folder for csv, a writable file otherwise.

    >>> check_target("gexf", "/proc/graph.gexf")
    Traceback (most recent call last):
    ...
    kg.outputs.OutputError: /proc is inside /proc, the system's own files: choose another folder.
    """
    if fmt not in FORMATS:
        raise ViewError(f"Unknown export format {fmt!r}: choose gexf, graphml or csv.")
    path = Path(out)
    if fmt == "csv":
        if path.exists() and not path.is_dir():
            raise ViewError(f"CSV export writes nodes.csv and edges.csv into a directory: {path} is a file.")
        return check_output_dir(path)
    if path.is_dir():
        raise ViewError(f"{path} is a directory: give --out a file name such as graph.{fmt}.")
    return check_output_file(path)


def export(G: nx.MultiDiGraph, fmt: str, out: str | Path) -> list[Path]:
    """Write ``G`` as ``fmt`` (gexf, graphml or csv) to ``out``; return the files written.

    For gexf and graphml ``out`` is the file; for csv it is a directory.

    >>> import tempfile
    >>> from kg.network import to_networkx
    >>> G = to_networkx("tests/fixtures/viz-mini.ttl")
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in export(G, "csv", tmp)]
    ['nodes.csv', 'edges.csv']
    """
    if fmt == "csv":
        return write_csv(G, out)
    path = check_target(fmt, out)
    writer = nx.write_gexf if fmt == "gexf" else nx.write_graphml
    with atomic_path(path) as temp:
        writer(flat_graph(G), temp)
    return [path]
