"""The ``kg`` command: thin commands over the library.

Every command catches :class:`kg.errors.GovKGError` and prints its one-sentence
message without a traceback, exiting with status 1. Heavy libraries are imported
inside the commands so that ``kg --help`` answers at once.
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from kg.errors import GovKGError

app = typer.Typer(
    help=(
        "govkg: turn Chinese government work reports (政府工作报告) into an RDF knowledge graph.\n\n"
        "Start with:  kg build data/shigu-2019-gov-work-report.txt --out out/\n\n"
        "then query it (kg queries, kg query projects out/graph.ttl), look at it (kg viz) "
        "or check it (kg validate out/graph.ttl)."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def fail(message: str) -> None:
    """Print ``message`` as one plain error sentence on stderr and exit with status 1."""
    typer.secho(f"Error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(1)


def user_errors(command: Callable) -> Callable:
    """Turn GovKGError (and Ctrl-C) raised by ``command`` into one plain sentence and a non-zero exit."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except GovKGError as error:
            fail(str(error))
        except KeyboardInterrupt:
            typer.secho("Interrupted.", err=True)
            raise typer.Exit(130) from None

    return wrapper


FORMATS = ("ttl", "nt", "jsonld", "trig", "nq")

#: Options of kg query and kg serve that let SPARQL fetch from elsewhere (refused by default).
AllowService = Annotated[
    bool,
    typer.Option("--allow-service", help="Let SERVICE call other SPARQL endpoints (refused without it)."),
]
AllowLoad = Annotated[
    bool, typer.Option("--allow-load", help="Let an update LOAD a file or URL (refused without it).")
]


@app.command()
@user_errors
def build(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Report files (.txt in UTF-8, GBK/GB18030, UTF-16; .html, .pdf) and folders of them (searched recursively)."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory to write graph.<format> into.")] = Path(
        "out"
    ),
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="ttl (Turtle), nt, jsonld (one report); nq, trig (one named graph per report). "
            "Default: ttl for one file, nq for more.",
        ),
    ] = None,
    split: Annotated[
        bool, typer.Option("--split", help="Write one Turtle file per report, OUT/<file name>.ttl.")
    ] = False,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help="Worker processes (default: one per core).", min=1)
    ] = None,
    store: Annotated[
        Path | None,
        typer.Option(
            "--store", help="Also write an on-disk Oxigraph store that kg query/serve/viz --store open."
        ),
    ] = None,
    cache: Annotated[
        Path | None,
        typer.Option(
            "--cache", help="Cache folder: unchanged reports are not built again (default ~/.cache/govkg)."
        ),
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Build every report again.")] = False,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Build on a Dask cluster: the scheduler address, tcp://HOST:8786."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
) -> None:
    """Build the knowledge graph of reports and write OUT/graph.<format>.

    Many reports build in parallel, each in its own named graph; a report that fails is named with its
    reason and skipped (the exit status is then 1); unchanged reports come from the cache.

    Examples:  kg build data/shigu-2019-gov-work-report.txt --out out/

               kg build reports/ --out corpus/ --store corpus/store   (then: kg query targets --store corpus/store)
    """
    from rich.console import Console

    from kg.corpus import build_corpus, default_cache_dir, output_names, report_files, write_corpus

    paths = report_files(files)
    fmt = format or ("ttl" if len(paths) == 1 or split else "nq")
    output_names(paths, fmt, split)
    console = Console(stderr=True, quiet=quiet, soft_wrap=True)
    cache_dir = None if no_cache else cache or default_cache_dir()
    with _build_progress(console, enabled=len(paths) > 1) as observer:
        results = build_corpus(paths, jobs=jobs, cache=cache_dir, scheduler=scheduler, observer=observer)
        written = write_corpus(results, out, fmt, split=split, store=store)
    if len(paths) == 1 and written.failed:
        fail(written.failed[0].error)
    _print_build_summary(console, written, store)
    if written.failed:
        raise typer.Exit(1)


def _build_progress(console, enabled: bool):
    """The observer of a corpus build that draws a progress bar: reports done, characters/s, time left."""
    import contextlib

    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    from kg.corpus import Observer

    class Bar(Observer):
        def __init__(self, progress: Progress) -> None:
            self.progress, self.reports, self.task = progress, 0, None
            self.reading = progress.add_task("Reading", total=None, reports="", speed="")

        def read(self, identity) -> None:
            self.progress.advance(self.reading)

        def planned(self, reports: int, chars: int) -> None:
            self.progress.remove_task(self.reading)
            self.total = reports
            self.task = self.progress.add_task(
                "Building", total=max(chars, 1), reports=f"0/{reports}", speed=""
            )

        def built(self, result) -> None:
            self.reports += 1
            self.progress.advance(self.task, result.chars)
            speed = self.progress.tasks[-1].speed
            self.progress.update(
                self.task,
                reports=f"{self.reports}/{self.total} reports",
                speed=f"{speed:,.0f} chars/s" if speed else "",
            )

    @contextlib.contextmanager
    def observer():
        if not enabled:
            yield None
            return
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[reports]}"),
            TextColumn("{task.fields[speed]}"),
            TimeRemainingColumn(),
        )
        with Progress(*columns, console=console, transient=True) as progress:
            yield Bar(progress)

    return observer()


def _print_build_summary(console, written, store: Path | None) -> None:
    """Say what was written, then one line per failed, repeated, or incompletely identified input."""
    built = [result for result in written.results if result.built]
    for path in written.files[:1] if len(written.files) == 1 else ():
        console.print(f"Wrote {path}", markup=False)
    if len(written.files) > 1:
        console.print(f"Wrote {len(written.files)} files in {written.files[0].parent}", markup=False)
    if store is not None:
        console.print(f"Wrote the store {store}", markup=False)
    if len(written.results) > 1:
        cached = sum(result.cached for result in built)
        console.print(f"  {len(built)} reports built ({cached} unchanged, from the cache)", markup=False)
    for name, count in written.counts.items():
        console.print(f"  {name:<14}{count:>7}")
    for result in written.results:
        if result.error:
            console.print(f"Failed: {result.source}: {result.error}", markup=False)
        elif result.same_as is not None:
            console.print(
                f"Same text: {result.source} is the same text as {result.same_as}: built once.", markup=False
            )
        elif result.missing:
            console.print(
                f"Not found: {result.source}: no {' and no '.join(result.missing)} found.", markup=False
            )
    if written.failed and len(written.results) > 1:
        console.print(f"{len(written.failed)} of {len(written.results)} inputs failed.", markup=False)


@app.command()
@user_errors
def validate(
    graphs: Annotated[
        list[Path], typer.Argument(help="Built graph files (Turtle, N-Triples, JSON-LD, TriG).")
    ],
) -> None:
    """Check built graphs against the SHACL shapes in ontology/shapes.ttl.

    Exits with status 1 and lists the violations when a graph does not conform.
    """
    from kg.build import load_graph
    from kg.validate import validate_graph

    report = validate_graph(load_graph(graphs))
    if report.conforms:
        typer.echo(f"OK: {', '.join(map(str, graphs))} conform to the govkg shapes.")
        return
    typer.echo(report.text)
    fail(f"{len(report.violations)} SHACL violations: see the list above.")


@app.command()
@user_errors
def extract(
    file: Annotated[Path, typer.Argument(help="A report file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole extraction as JSON.")] = False,
) -> None:
    """Show what the extractor finds in FILE, before it becomes RDF: mentions, observations, relations.

    Without --json, prints how the year, the region and each section's part were decided, counts and
    the observations as a table; with --json, every fact with its sentence index and character offsets.

    Example:  kg extract data/shigu-2019-gov-work-report.txt --json | head
    """
    from collections import Counter

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from kg.extract import extract as run_extract
    from kg.extract import extraction_to_dict
    from kg.ingest import ingest

    extraction = run_extract(ingest(file))
    if as_json:
        json.dump(extraction_to_dict(extraction), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    console = Console()
    for line in extraction.document.structure:  # how the year, region and parts were decided
        console.print(Text(line), soft_wrap=True)
    types = Counter(m.type for m in extraction.mentions)
    predicates = Counter(r.predicate for r in extraction.relations)
    console.print(f"mentions: {dict(sorted(types.items()))}", markup=False)
    console.print(f"relations: {dict(sorted(predicates.items()))}", markup=False)
    table = Table("indicator", "year", "kind", "value", "unit", "qualifier", title="observations")
    for obs in extraction.observations:
        cells = (obs.indicator, str(obs.year), obs.kind, f"{obs.value:g}", obs.unit, obs.qualifier or "")
        table.add_row(*(Text(cell) for cell in cells))  # report text is never read as rich markup
    console.print(table)


@app.command("query")
@user_errors
def query_command(
    query: Annotated[
        str, typer.Argument(help="A saved query name (see kg queries), a .rq file or SPARQL text.")
    ],
    graphs: Annotated[
        list[Path] | None, typer.Argument(help="Graph files to query (default: out/graph.ttl).")
    ] = None,
    endpoint: Annotated[
        str | None, typer.Option("--endpoint", "-e", help="Query this SPARQL endpoint URL instead of files.")
    ] = None,
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="name=value for a query parameter; repeatable.")
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
    allow_update: Annotated[
        bool, typer.Option("--allow-update", help="Run SPARQL updates (refused without it).")
    ] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds the query may run before it is stopped; 0: no limit.")
    ] = 30.0,
    allow_service: AllowService = False,
    allow_load: AllowLoad = False,
    store: Annotated[
        Path | None, typer.Option("--store", help="Query an on-disk store written by kg build --store.")
    ] = None,
) -> None:
    """Run a saved query, a .rq file or SPARQL text over graph files, an on-disk store or a SPARQL endpoint.

    Parameters are bound as RDF literals, never pasted into the query text. A query is stopped
    after --timeout seconds (or by Ctrl-C); SERVICE and LOAD, which would fetch from elsewhere,
    are refused unless --allow-service / --allow-load is given.

    Examples:
      kg query projects out/graph.ttl
      kg query provenance out/graph.ttl --param name=来雁新城 --format csv
      kg query 'SELECT ?s WHERE { ?s a gov:Project } LIMIT 5' out/graph.ttl
      kg query targets --endpoint http://127.0.0.1:7878/query
      kg query targets --store corpus/store
    """
    from kg.query import open_store, parse_params, render, run

    params = parse_params(param or [])
    if timeout < 0:
        fail(f"--timeout {timeout:g} is negative: give seconds, or 0 for no limit.")
    target = _store_dir(store, graphs, endpoint) if store else open_store(graphs or [], endpoint)
    result = run(
        target,
        query,
        allow_update=allow_update,
        timeout=timeout or math.inf,
        allow_service=allow_service,
        allow_load=allow_load,
        **params,
    )
    width = shutil.get_terminal_size((200, 24)).columns
    sys.stdout.write(render(result, format, width=width))


def _store_dir(store: Path, graphs, endpoint=None):
    """The on-disk store given by --store, which replaces graph files and --endpoint."""
    from kg.errors import QueryError
    from kg.store import open_store_dir

    if graphs or endpoint:
        raise QueryError("Give graph files, --endpoint or --store, not two of them.")
    return open_store_dir(store)


@app.command()
@user_errors
def queries() -> None:
    """List the saved queries: name, parameters and the question each answers.

    Run one with:  kg query NAME out/graph.ttl
    Every one also takes --param region=… (a full name, its tail or a code) and --param year=… (the
    report's year), and on a graph of several reports answers with report, region and report_year.
    """
    from kg.query import saved_queries

    for saved in saved_queries():
        params = " ".join(f"--param {p.name}=…" for p in saved.params)
        typer.echo(f"{saved.name:<22}{saved.title}" + (f"  [{params}]" if params else ""))


@app.command()
@user_errors
def serve(
    graphs: Annotated[
        list[Path] | None, typer.Argument(help="Graph files to serve (one named graph per report).")
    ] = None,
    store: Annotated[
        Path | None, typer.Option("--store", help="Serve an on-disk store written by kg build --store.")
    ] = None,
    port: Annotated[int, typer.Option("--port", help="TCP port to listen on.")] = 7878,
    host: Annotated[str, typer.Option("--host", help="Address to bind; keep it on localhost.")] = "127.0.0.1",
    writable: Annotated[
        bool,
        typer.Option("--writable", help="Allow SPARQL updates and Graph Store PUT (read-only otherwise)."),
    ] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds the server lets one query run.")
    ] = 30.0,
    allow_service: AllowService = False,
    allow_load: AllowLoad = False,
    allow_host: Annotated[
        list[str] | None,
        typer.Option("--allow-host", help="Another name clients may use for this machine; repeatable."),
    ] = None,
) -> None:
    """Serve graphs with a real SPARQL server (oxigraph) until Ctrl-C.

    Prints the SPARQL endpoint (http://127.0.0.1:7878/query) and the query UI (http://127.0.0.1:7878/).
    Refuses requests whose Host header names another server, stops a query after --timeout
    seconds, and refuses SERVICE and LOAD unless --allow-service / --allow-load is given.

    Example:  kg serve out/graph.ttl --port 7878
    """
    from kg.errors import EndpointError

    if timeout <= 0:
        fail(f"--timeout {timeout:g} is not a number of seconds: give 1 or more.")
    options = {"allow_service": allow_service, "allow_load": allow_load, "allowed_hosts": allow_host or ()}
    with _start_server(
        graphs or [], store, host=host, port=port, writable=writable, query_timeout=timeout, **options
    ) as server:
        try:
            typer.echo(f"SPARQL endpoint: {server.query_url}")
            typer.echo(f"Query UI:        {server.url}")
            if writable:
                typer.echo(
                    f"Writable: updates at {server.url}update, Graph Store Protocol at {server.store_url}"
                )
            else:
                typer.echo("Read-only: start with --writable to allow updates.")
            typer.echo("Press Ctrl-C to stop.")
            status = server.wait()
        except KeyboardInterrupt:
            typer.echo("Stopped.")
            return
    raise EndpointError(f"The oxigraph server exited by itself with status {status}.")


def _store_file(store: Path, graphs) -> list[Path]:
    """The graphs of an on-disk store (--store) as one temporary N-Quads file, removed when ``kg`` exits."""
    import atexit

    from kg.store import store_dir_as_file

    _store_dir(store, graphs)
    files = contextlib.ExitStack()
    atexit.register(files.close)
    return [files.enter_context(store_dir_as_file(store))]


def _start_server(graphs: list[Path], store: Path | None, **options):
    """Start the server of ``kg serve`` on graph files, on an on-disk store (--store, served in place),
    or on a copy of one when it is to be written (--writable)."""
    from kg.serve import start_server
    from kg.store import store_dir_as_file

    if store is None:
        return start_server(graphs, **options)
    _store_dir(store, graphs)
    if not options.get("writable"):
        return start_server(store=store, **options)
    with store_dir_as_file(store) as quads:
        return start_server([quads], **options)  # the server loads its own copy before it answers


@app.command()
@user_errors
def push(
    graphs: Annotated[list[Path], typer.Argument(help="Graph files to push.")],
    endpoint: Annotated[
        str, typer.Option("--endpoint", "-e", help="SPARQL query URL of the server (…/query for oxigraph).")
    ],
    store: Annotated[
        str | None,
        typer.Option(
            "--store", help="Graph Store Protocol URL (default: the endpoint with /query → /store)."
        ),
    ] = None,
    graph: Annotated[
        str | None, typer.Option("--graph", help="Graph IRI for the one report (default: the report IRI).")
    ] = None,
) -> None:
    """Push graphs to a SPARQL server, one named graph per report, replacing what it held.

    Uses HTTP PUT of the SPARQL 1.1 Graph Store Protocol, so pushing again never duplicates triples.

    Example:  kg push out/graph.ttl --endpoint http://127.0.0.1:7878/query
    """
    from kg.store import connect
    from kg.store import push as push_graphs

    counts = push_graphs(graphs, connect(endpoint, store_url=store or ""), graph=graph)
    for name, count in counts.items():
        typer.echo(f"{count:>8} triples → <{name}>")


def _type_list(types: str | None) -> list[str] | None:
    """``"Project,Company"`` → ``["Project", "Company"]`` (None stays None)."""
    return None if types is None else [name.strip() for name in types.split(",") if name.strip()]


@app.command()
@user_errors
def viz(
    graphs: Annotated[
        list[Path] | None,
        typer.Argument(help="Built graph files (Turtle, N-Triples, N-Quads, TriG, JSON-LD)."),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML page to write.")] = Path("view.html"),
    store: Annotated[
        Path | None, typer.Option("--store", help="Draw an on-disk store written by kg build --store.")
    ] = None,
    size: Annotated[
        str, typer.Option("--size", help="Node size by centrality: degree, betweenness or pagerank.")
    ] = "degree",
    color: Annotated[str, typer.Option("--color", help="Colour by type or community (Louvain).")] = "type",
    types: Annotated[
        str | None,
        typer.Option(
            "--types", help="Node types to show, e.g. Project,Company,Place (also Indicator, Observation)."
        ),
    ] = None,
    focus: Annotated[
        str | None, typer.Option("--focus", help="Show only the neighbourhood of the node with this name.")
    ] = None,
    depth: Annotated[int, typer.Option("--depth", help="Steps around --focus.")] = 1,
    query: Annotated[
        str | None,
        typer.Option("--query", help="Show what a SPARQL query names: a .rq file or a saved query's name."),
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="name=value for a --query parameter; repeatable."),
    ] = None,
    provenance: Annotated[
        bool, typer.Option("--provenance", help="Also draw Sentence and Report nodes.")
    ] = False,
    comention: Annotated[
        bool,
        typer.Option(
            "--comention/--no-comention", help="Faint 同句提及 edges between things named in one sentence."
        ),
    ] = True,
    physics: Annotated[
        bool, typer.Option("--physics/--no-physics", help="Live layout from the computed positions.")
    ] = False,
    title: Annotated[str | None, typer.Option("--title", help="Title shown on the page.")] = None,
    figures: Annotated[
        bool, typer.Option("--figures", help="Draw indicators as nodes (default: in their region's details).")
    ] = False,
    region: Annotated[
        str | None,
        typer.Option("--region", help="Only what the reports of this region (or part of its name) name."),
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="Only what the reports of this year name.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="Most nodes drawn: the most named are kept.")] = 400,
) -> None:
    """Write an interactive, self-contained HTML view of the graph (works offline, from file://).

    Examples:  kg viz out/graph.ttl --out view.html --types Project,Company,Place

               kg viz out/graph.ttl --focus 来雁新城 --depth 2 --out ego.html

               kg viz out/graph.ttl --query neighbours --param name=来雁新城 --out neighbours.html

               kg viz corpus/graph.trig --region 石鼓区 --year 2019 --out shigu.html
    """
    from kg.outputs import atomic_path, check_output_file
    from kg.query import parse_params
    from kg.viz import view_graph, write_view

    check_output_file(out)  # a path that cannot be written is refused before the work
    shown = [store] if store else graphs or []
    graphs = _store_file(store, graphs) if store else graphs or []
    G = view_graph(
        graphs,
        types=_type_list(types),
        focus=focus,
        depth=depth,
        query=query,
        include_provenance=provenance,
        params=parse_params(param or []),
        comention=comention,
        figures=figures,
        region=region,
        year=year,
        limit=limit,
    )
    heading = title or "govkg · " + ", ".join(path.name for path in shown)
    with atomic_path(out) as temp:  # a killed run never leaves half a page at OUT
        write_view(G, temp, size_by=size, color_by=color, physics=physics, title=heading)
    typer.echo(f"Wrote {out} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges).")


@app.command()
@user_errors
def charts(
    graphs: Annotated[
        list[Path], typer.Argument(help="Built graph files (Turtle, N-Triples, N-Quads, TriG, JSON-LD).")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML page to write.")] = Path("charts.html"),
    title: Annotated[str | None, typer.Option("--title", help="Title shown on the page.")] = None,
) -> None:
    """Write one self-contained, offline HTML page of charts of the graph's figures.

    Headline indicators of each report (level and growth), targets beside
    outcomes, indicator series region × year, projects by status per year,
    the most named companies and policies. Hover a mark for its value, unit,
    qualifier and evidence sentence.

    Example:  kg charts out/graph.ttl --out charts.html
    """
    from kg.charts import write_charts

    heading = title or "govkg · 图表 · " + ", ".join(path.name for path in graphs)
    path = write_charts(graphs, out, title=heading)
    typer.echo(f"Wrote {path}.")


@app.command()
@user_errors
def export(
    graphs: Annotated[list[Path], typer.Argument(help="Built graph files.")],
    format: Annotated[str, typer.Option("--format", "-f", help="gexf (Gephi), graphml or csv.")] = "gexf",
    out: Annotated[
        Path,
        typer.Option(
            "--out", "-o", help="The file to write; for csv a directory that gets nodes.csv and edges.csv."
        ),
    ] = Path("graph.gexf"),
    types: Annotated[
        str | None, typer.Option("--types", help="Node types to keep, e.g. Project,Company,Place.")
    ] = None,
    provenance: Annotated[
        bool, typer.Option("--provenance", help="Also export Sentence and Report nodes.")
    ] = False,
) -> None:
    """Export the graph of things (entities, indicators, relations) for Gephi, Cytoscape or a spreadsheet.

    Example:  kg export out/graph.ttl --format csv --out out/csv/
    """
    from kg.export import check_target
    from kg.export import export as write_export
    from kg.network import to_networkx

    check_target(format, out)  # a path that cannot be written is refused before the work
    G = to_networkx(graphs, types=_type_list(types), include_provenance=provenance)
    for path in write_export(G, format, out):
        typer.echo(f"Wrote {path}")


if __name__ == "__main__":  # pragma: no cover
    app()
