"""Saved SPARQL questions in queries/, parameters bound safely, rows out.

A saved query is one ``.rq`` file whose first lines are a comment header::

    # title: Projects and their status
    # answers: every project, where it is, its status and deadline
    # params: name — the entity's label (exact or contained)

(``# params: none`` when it takes none). :func:`run` accepts a saved query's name, a path
to a ``.rq`` file or SPARQL text, and a store, graph files or an endpoint URL.

Parameters are bound as RDF terms, never pasted into the query: each becomes a
``VALUES ?name { term }`` block at the start of the query's outer WHERE group, the term
written by rdflib (``Literal(value).n3()``), which escapes quotes and backslashes. A value
such as ``x" } UNION { ?s ?p ?o } #`` therefore stays one string literal. The binding
is the same for local stores and remote endpoints, so a parameter is visible to the
outer group's triple patterns, FILTERs and OPTIONALs (not inside subqueries, whose
variables are their own). pyoxigraph's ``substitutions`` were not used: they require
the variable to be projected, which would add a column to every answer.

Besides the parameters its header declares, every saved question takes the optional
:data:`REPORT_FILTERS` ``region`` and ``year``, which pick the reports its rows come from.
A filter is bound as ``?param_region`` / ``?param_year`` (a name no answer column has, so
``--param year=2019`` never collides with a figure's ``?year``), and left unbound when not
given: each saved question tests it as ``FILTER(!BOUND(?param_year) || …)``. The columns
:data:`CONTEXT_COLUMNS` (report, region, report_year) tell the rows of several reports
apart; an answer with a ``report`` column leaves them out when the graph holds one report.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import rdflib
from rdflib import Literal
from rdflib.term import Identifier

from kg.errors import QueryError
from kg.store import (
    GraphStore,
    Result,
    check_syntax,
    connect,
    is_update,
    load,
    query_form,
    refuse_outbound,
    sparql_tokens,
)

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"

#: Output formats of :func:`render`.
FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json")

_HEADER_LINE = re.compile(r"#\s*(title|answers|params)\s*:\s*(.*)")
_PARAM = re.compile(r"([A-Za-z_]\w*)\s*(?:[—–-]+\s*(.*))?")
_NAME = re.compile(r"[A-Za-z_]\w*")


@dataclass(frozen=True)
class Param:
    """A parameter of a saved query: its variable name (without ``?``) and what to give."""

    name: str
    description: str = ""


#: Optional filters every saved question takes: the report's region (its full name, a tail of it or its
#: code, as in 广东省深圳市罗湖区, 罗湖区, 440303) and the report's year (the year of the meeting).
REPORT_FILTERS: tuple[Param, ...] = (
    Param("region", "the report's region: its full name, a tail of it (罗湖区) or its code (optional)"),
    Param("year", "the report's year (optional)"),
)

#: Columns that tell the rows of several reports apart: the report (its IRI after id/report/, e.g.
#: 440303/2019), its region (full name) and its year. An answer with a ``report`` column keeps them
#: only when the graph holds several reports.
CONTEXT_COLUMNS: tuple[str, ...] = ("report", "region", "report_year")


def filter_variable(name: str) -> str:
    """The variable a report filter is bound to.

    >>> filter_variable("year")
    'param_year'
    """
    return f"param_{name}"


@dataclass(frozen=True)
class SavedQuery:
    """A question saved as one ``.rq`` file in queries/."""

    name: str
    title: str
    answers: str
    params: tuple[Param, ...]
    path: Path

    @property
    def text(self) -> str:
        """The SPARQL text of the file."""
        return self.path.read_text(encoding="utf-8")


def parse_header(text: str) -> tuple[str, str, tuple[Param, ...]]:
    """The title, answer and parameters declared by the leading comment lines of ``text``.

    Parameters are separated by ``;``; each is ``name — description``.

    >>> parse_header("# title: T\\n# answers: A\\n# params: name — a label; year — a year\\nSELECT")
    ('T', 'A', (Param(name='name', description='a label'), Param(name='year', description='a year')))
    >>> parse_header("# title: T\\n# params: none\\n")[2]
    ()
    """
    fields: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("#"):
            break
        match = _HEADER_LINE.fullmatch(line)
        if match:
            fields[match.group(1)] = match.group(2).strip()
    params = []
    declared = fields.get("params", "")
    if declared.lower() not in ("", "none"):
        for part in declared.split(";"):
            match = _PARAM.fullmatch(part.strip())
            if match:
                params.append(Param(match.group(1), (match.group(2) or "").strip()))
    return fields.get("title", ""), fields.get("answers", ""), tuple(params)


def saved_query_from_file(path: Path) -> SavedQuery:
    """Read one ``.rq`` file as a :class:`SavedQuery` named by its file stem."""
    title, answers, params = parse_header(path.read_text(encoding="utf-8"))
    return SavedQuery(path.stem, title, answers, params, path)


def saved_queries(directory: Path = QUERIES_DIR) -> list[SavedQuery]:
    """Every saved query in ``directory``, sorted by name.

    >>> [q.name for q in saved_queries()][:3]
    ['busy_sentences', 'companies', 'companies_by_cluster']
    """
    return [saved_query_from_file(path) for path in sorted(Path(directory).glob("*.rq"))]


def saved_query(name: str, directory: Path = QUERIES_DIR) -> SavedQuery:
    """The saved query called ``name``; QueryError listing the known names otherwise.

    >>> saved_query("projects").params
    ()
    """
    path = Path(directory) / f"{name}.rq"
    if _NAME.fullmatch(name) and path.is_file():
        return saved_query_from_file(path)
    known = ", ".join(q.name for q in saved_queries(directory))
    raise QueryError(f"There is no saved query {name!r}: use one of {known}, a .rq file or SPARQL text.")


def resolve(query: str | Path) -> tuple[str, SavedQuery | None]:
    """The SPARQL text of a saved query name, a ``.rq`` file path or SPARQL text, and its SavedQuery.

    >>> resolve("SELECT * WHERE { ?s ?p ?o }")
    ('SELECT * WHERE { ?s ?p ?o }', None)
    >>> resolve("policies")[1].title
    'Policies, their definitions and mentions'
    """
    text = str(query)
    if isinstance(query, Path) or (text.endswith(".rq") and "\n" not in text):
        path = Path(text)
        if not path.is_file():
            raise QueryError(f"The query file {path} does not exist: give the path of a .rq file.")
        saved = saved_query_from_file(path)
        return saved.text, saved
    if _NAME.fullmatch(text.strip()):
        saved = saved_query(text.strip())
        return saved.text, saved
    return text, None


def _rdf_term(value: object) -> Identifier:
    """The RDF term a parameter value stands for: rdflib terms as they are, anything else a literal."""
    return value if isinstance(value, Identifier) else Literal(value)


def _group_start(sparql: str) -> int:
    """The offset just after the ``{`` that opens the query's outer WHERE group."""
    tokens = sparql_tokens(sparql)
    words = [t.group().upper() if t.lastgroup == "word" else t.group() for t in tokens]
    if "WHERE" in words:
        start = words.index("WHERE")
    elif query_form(sparql) == "CONSTRUCT":  # CONSTRUCT { template } { pattern }: skip the template
        depth, start = 0, 0
        for start, word in enumerate(words):
            depth += {"{": 1, "}": -1}.get(word, 0)
            if word == "}" and depth == 0:
                break
    else:
        start = 0
    for token, word in zip(tokens[start:], words[start:], strict=True):
        if word == "{" and token.lastgroup == "other":
            return token.end()
    raise QueryError("The query has no WHERE group to bind parameters in: add one or drop the parameters.")


def bind_parameters(sparql: str, params: Mapping[str, object]) -> str:
    """``sparql`` with each parameter bound by a VALUES block at the start of its WHERE group.

    >>> bind_parameters('SELECT ?n WHERE { ?s ?p ?n }', {"n": 'say "hi" }'})
    'SELECT ?n WHERE { VALUES ?n { "say \\\\"hi\\\\" }" } ?s ?p ?n }'
    """
    if not params:
        return sparql
    blocks = []
    for name, value in sorted(params.items()):
        if not _NAME.fullmatch(name):
            raise QueryError(f"{name!r} is not a SPARQL variable name: use letters, digits and _.")
        blocks.append(f" VALUES ?{name} {{ {_rdf_term(value).n3()} }}")
    position = _group_start(sparql)
    return sparql[:position] + "".join(blocks) + sparql[position:]


def _check_params(sparql: str, saved: SavedQuery | None, params: Mapping[str, object]) -> None:
    """Refuse missing, unknown and unused parameters with a sentence that says which."""
    if saved is not None:
        declared = [p.name for p in saved.params]
        missing = [name for name in declared if name not in params]
        if missing:
            usage = " ".join(f"--param {name}=VALUE" for name in missing)
            raise QueryError(f"The query {saved.name} needs {', '.join(missing)}: give {usage}.")
        unknown = sorted(set(params) - set(declared) - {f.name for f in REPORT_FILTERS})
        if unknown:
            accepted = ", ".join([*declared, *(f.name for f in REPORT_FILTERS)])
            raise QueryError(f"The query {saved.name} takes {accepted}, not {', '.join(unknown)}.")
        return
    variables = {
        t.group()[1:] for t in sparql_tokens(sparql) if t.group()[:1] in "?$" and t.lastgroup == "word"
    }
    unused = sorted(set(params) - variables)
    if unused:
        raise QueryError(f"The query does not use ?{', ?'.join(unused)}: drop the parameter or fix its name.")


def _store(store_or_paths: GraphStore | rdflib.Graph | str | Path | Iterable[str | Path]) -> GraphStore:
    """A store from a store, an rdflib graph, an endpoint URL, or graph file paths."""
    if isinstance(store_or_paths, GraphStore):
        return store_or_paths
    if isinstance(store_or_paths, rdflib.Graph):
        return load(store_or_paths)
    if isinstance(store_or_paths, str) and re.match(r"https?://", store_or_paths):
        return connect(store_or_paths)
    if isinstance(store_or_paths, (str, Path)):
        return load([store_or_paths])
    return load(list(store_or_paths))


#: The graph ``kg query`` reads when given neither files nor an endpoint (what ``kg build`` writes).
DEFAULT_GRAPH = Path("out") / "graph.ttl"


def parse_params(pairs: Iterable[str]) -> dict[str, str]:
    """``name=value`` strings (from ``--param``) as a dict; the value may itself contain ``=``.

    >>> parse_params(["name=来雁新城", "expr=a=b"])
    {'name': '来雁新城', 'expr': 'a=b'}
    """
    params = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not _NAME.fullmatch(name.strip()):
            raise QueryError(f"--param {pair!r} is not name=value: write it like --param name=来雁新城.")
        params[name.strip()] = value
    return params


def open_store(
    graphs: Iterable[str | Path] = (), endpoint: str | None = None, store_url: str = ""
) -> GraphStore:
    """The store a command queries: an endpoint, graph files, or else :data:`DEFAULT_GRAPH`.

    >>> open_store(["tests/fixtures/mini.ttl"]).graphs()[0]
    'https://w3id.org/govkg/id/report/360402/2019'
    """
    graphs = list(graphs)
    if endpoint and graphs:
        raise QueryError("Give either graph files or --endpoint, not both.")
    if endpoint:
        return connect(endpoint, store_url=store_url)
    if graphs:
        return load(graphs)
    if DEFAULT_GRAPH.is_file():
        return load([DEFAULT_GRAPH])
    raise QueryError(
        f"No graph to query: give graph files, --endpoint URL, or build {DEFAULT_GRAPH} with kg build."
    )


#: Seconds a query may run before it is stopped (``kg query --timeout``).
DEFAULT_TIMEOUT = 30.0


def run(
    store_or_paths: GraphStore | rdflib.Graph | str | Path | Iterable[str | Path],
    query: str | Path,
    *,
    allow_update: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    allow_service: bool = False,
    allow_load: bool = False,
    **params: object,
) -> Result:
    """Run a saved query (by name), a ``.rq`` file or SPARQL text, with parameters bound safely.

    Parameters
    ----------
    store_or_paths : a store from :func:`kg.store.load` or :func:`kg.store.connect`, an rdflib
        Graph or Dataset (e.g. from :func:`kg.build_reports`), graph file path(s), or the URL of a
        SPARQL endpoint.
    query : saved query name (see :func:`saved_queries`), path of a ``.rq`` file, or SPARQL text.
    allow_update : run SPARQL updates; refused otherwise.
    timeout : seconds a query may run before it is stopped with a QueryError (``math.inf``: no
        limit); a local query runs in a child process, so Ctrl-C stops it too.
    allow_service, allow_load : let ``SERVICE`` call another endpoint, let ``LOAD`` read an IRI
        (a file or a URL); both refused otherwise, so a query never reaches out unasked.
    params : values for the query's parameters (str → string literal; int, float, bool → typed
        literal; rdflib terms as they are).

    Returns
    -------
    Result with ``.columns``, ``.rows`` and ``.to_dataframe()`` (empty for an update).

    Example
    -------
    >>> run("tests/fixtures/mini.ttl", "neighbours", name="老街改造工程").rows[0]
    ['城北污水处理厂', '项目', 2]
    """
    sparql, saved = resolve(query)
    refuse_outbound(sparql, allow_service=allow_service, allow_load=allow_load)
    if is_update(sparql):
        if not allow_update:
            raise QueryError(
                "The query is a SPARQL update and could change the graph: pass --allow-update to run it."
            )
        store = _store(store_or_paths)
        store.update(bind_parameters(sparql, params) if params else sparql)
        return Result(())
    _check_params(sparql, saved, params)
    store = _store(store_or_paths)
    if params:
        check_syntax(sparql)  # positions of errors in the text as written, before binding
    if saved is not None:
        filters = {f.name for f in REPORT_FILTERS} - {p.name for p in saved.params}
        params = {filter_variable(k) if k in filters else k: v for k, v in params.items()}
    result = store.query(bind_parameters(sparql, params), timeout=timeout)
    if saved is not None and CONTEXT_COLUMNS[0] in result.columns and _report_count(store) <= 1:
        return _without_columns(result, CONTEXT_COLUMNS)
    return result


_REPORT_COUNT = "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a gov:Report }"


def _report_count(store: GraphStore) -> int:
    """The number of reports ``store`` holds."""
    return store.query(_REPORT_COUNT).rows[0][0]


def _without_columns(result: Result, names: Iterable[str]) -> Result:
    """``result`` without the columns ``names``.

    >>> _without_columns(Result(("report", "a"), [["x", 1]]), ["report"])
    Result(columns=('a',), rows=[[1]])
    """
    keep = [i for i, column in enumerate(result.columns) if column not in set(names)]
    return Result(tuple(result.columns[i] for i in keep), [[row[i] for i in keep] for row in result.rows])


def render(result: Result, fmt: str = "table", width: int | None = None) -> str:
    """``result`` as text: an aligned table, CSV, TSV or JSON (a list of objects).

    >>> print(render(Result(("a", "b"), [[1, None]]), "csv"), end="")
    a,b
    1,
    """
    if fmt not in FORMATS:
        raise QueryError(f"Unknown output format {fmt!r}: choose one of {', '.join(FORMATS)}.")
    if fmt == "json":
        return json.dumps(result.records(), ensure_ascii=False, indent=1) + "\n"
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, dialect="excel-tab" if fmt == "tsv" else "excel", lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([["" if v is None else v for v in row] for row in result.rows])
        return out.getvalue()
    from rich.console import Console
    from rich.table import Table

    table = Table(*result.columns, show_lines=False)
    for row in result.rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console = Console(file=io.StringIO(), width=width or 200, force_terminal=False)
    console.print(table)
    console.print(f"{len(result.rows)} rows")
    return console.file.getvalue()
