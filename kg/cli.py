"""The ``kg`` command: thin commands over the library.

Every command catches :class:`kg.errors.GovKGError` and prints its one-sentence
message without a traceback, exiting with status 1. Heavy libraries are imported
inside the commands so that ``kg --help`` answers at once.
"""

from __future__ import annotations

import functools
import json
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


FORMATS = ("ttl", "nt", "jsonld", "trig")


@app.command()
@user_errors
def build(
    files: Annotated[
        list[Path], typer.Argument(help="Report files: .txt (UTF-8, GBK/GB18030, UTF-16), .html, .pdf.")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory to write graph.<format> into.")] = Path(
        "out"
    ),
    format: Annotated[str, typer.Option("--format", "-f", help="ttl (Turtle), nt, jsonld or trig.")] = "ttl",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
) -> None:
    """Build the knowledge graph of one or more reports and write OUT/graph.<format>.

    Example:  kg build data/shigu-2019-gov-work-report.txt --out out/
    """
    from rich.console import Console
    from rich.progress import Progress

    from kg.build import build_reports, summary, write_graph

    if format not in FORMATS:
        fail(f"Unknown format {format!r}: choose one of {', '.join(FORMATS)}.")
    console = Console(stderr=True, quiet=quiet)
    if len(files) > 1:
        with Progress(console=console, transient=True) as progress:
            task = progress.add_task("Building", total=len(files))
            dataset = build_reports(files, on_report=lambda path: progress.advance(task))
    else:
        dataset = build_reports(files)
    target = write_graph(dataset, out, format)
    if not quiet:
        console.print(f"Wrote {target}")
        for name, count in summary(dataset).items():
            console.print(f"  {name:<14}{count:>7}")


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
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the raw extraction as JSON (default).")
    ] = True,
) -> None:
    """Print what the extractor finds in FILE, before it becomes RDF: mentions, observations, relations.

    Example:  kg extract data/shigu-2019-gov-work-report.txt --json | head
    """
    from kg.extract import extract as run_extract
    from kg.extract import extraction_to_dict
    from kg.ingest import ingest

    extraction = run_extract(ingest(file))
    json.dump(extraction_to_dict(extraction), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


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
) -> None:
    """Run a saved query, a .rq file or SPARQL text over graph files or a SPARQL endpoint.

    Parameters are bound as RDF literals, never pasted into the query text.

    Examples:
      kg query projects out/graph.ttl
      kg query provenance out/graph.ttl --param name=来雁新城 --format csv
      kg query 'SELECT ?s WHERE { ?s a gov:Project } LIMIT 5' out/graph.ttl
      kg query targets --endpoint http://127.0.0.1:7878/query
    """
    from kg.query import open_store, parse_params, render, run

    params = parse_params(param or [])
    result = run(open_store(graphs or [], endpoint), query, allow_update=allow_update, **params)
    width = shutil.get_terminal_size((200, 24)).columns
    sys.stdout.write(render(result, format, width=width))


@app.command()
@user_errors
def queries() -> None:
    """List the saved queries: name, parameters and the question each answers.

    Run one with:  kg query NAME out/graph.ttl
    """
    from kg.query import saved_queries

    for saved in saved_queries():
        params = " ".join(f"--param {p.name}=…" for p in saved.params)
        typer.echo(f"{saved.name:<22}{saved.title}" + (f"  [{params}]" if params else ""))


@app.command()
@user_errors
def serve(
    graphs: Annotated[list[Path], typer.Argument(help="Graph files to serve (one named graph per report).")],
    port: Annotated[int, typer.Option("--port", help="TCP port to listen on.")] = 7878,
    host: Annotated[str, typer.Option("--host", help="Address to bind; keep it on localhost.")] = "127.0.0.1",
    writable: Annotated[
        bool,
        typer.Option("--writable", help="Allow SPARQL updates and Graph Store PUT (read-only otherwise)."),
    ] = False,
) -> None:
    """Serve graphs with a real SPARQL server (oxigraph) until Ctrl-C.

    Prints the SPARQL endpoint (http://127.0.0.1:7878/query) and the query UI (http://127.0.0.1:7878/).

    Example:  kg serve out/graph.ttl --port 7878
    """
    from kg.errors import EndpointError
    from kg.serve import start_server

    with start_server(graphs, host=host, port=port, writable=writable) as server:
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


if __name__ == "__main__":  # pragma: no cover
    app()
