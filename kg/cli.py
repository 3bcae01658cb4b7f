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
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole extraction as JSON.")] = False,
) -> None:
    """Show what the extractor finds in FILE, before it becomes RDF: mentions, observations, relations.

    Without --json, prints counts and the observations as a table; with --json, every fact with
    its sentence index and character offsets.

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
    types = Counter(m.type for m in extraction.mentions)
    predicates = Counter(r.predicate for r in extraction.relations)
    console.print(f"mentions: {dict(sorted(types.items()))}", markup=False)
    console.print(f"relations: {dict(sorted(predicates.items()))}", markup=False)
    table = Table("indicator", "year", "kind", "value", "unit", "qualifier", title="observations")
    for obs in extraction.observations:
        cells = (obs.indicator, str(obs.year), obs.kind, f"{obs.value:g}", obs.unit, obs.qualifier or "")
        table.add_row(*(Text(cell) for cell in cells))  # report text is never read as rich markup
    console.print(table)


if __name__ == "__main__":  # pragma: no cover
    app()
