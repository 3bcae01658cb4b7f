"""A real SPARQL server over built graphs: the ``oxigraph`` executable from PyPI.

:func:`start_server` loads graph files with :func:`kg.store.load` (one named graph per
report, plus the ontology), writes them as N-Quads, has ``oxigraph load`` put them in a
temporary database, and starts ``oxigraph serve-read-only`` (or ``serve`` when writable)
on ``host:port`` with ``--union-default-graph``, so queries see every report without
``GRAPH``. The server answers SPARQL at ``/query``, updates at ``/update`` (writable
only), the Graph Store Protocol at ``/store`` and its query UI at ``/``.
:meth:`Server.stop` ends the process and removes the temporary directory.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from kg.errors import EndpointError
from kg.store import load


def oxigraph_executable() -> str:
    """The ``oxigraph`` executable beside this Python (the PyPI package), else on PATH.

    >>> Path(oxigraph_executable()).name
    'oxigraph'
    """
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise EndpointError("The oxigraph server is not installed: run `pip install oxigraph`.")
    return found


def port_is_free(host: str, port: int) -> bool:
    """True when nothing listens on ``host:port``, so a server can bind it.

    >>> port_is_free("127.0.0.1", free_port())
    True
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
        return True


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port on ``host`` that nothing listens on right now.

    >>> 0 < free_port() < 65536
    True
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    """A running oxigraph server: its process, base URL and temporary directory."""

    process: subprocess.Popen
    url: str
    directory: Path
    writable: bool

    @property
    def query_url(self) -> str:
        """The SPARQL query endpoint."""
        return f"{self.url}query"

    @property
    def store_url(self) -> str:
        """The SPARQL 1.1 Graph Store Protocol endpoint."""
        return f"{self.url}store"

    def wait(self) -> int:
        """Block until the server exits and return its status; SIGTERM is raised as KeyboardInterrupt.

        So ``kill`` stops ``kg serve`` as cleanly as Ctrl-C (the caller's ``stop`` still runs).
        """
        if threading.current_thread() is not threading.main_thread():
            return self.process.wait()
        previous = signal.signal(signal.SIGTERM, _interrupt)
        try:
            return self.process.wait()
        finally:
            signal.signal(signal.SIGTERM, previous)

    def stop(self) -> None:
        """End the server process and remove its temporary directory."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _run_oxigraph(args: list[str], log: Path) -> None:
    """Run an oxigraph subcommand to completion; EndpointError with its last log line on failure."""
    with log.open("ab") as out:
        status = subprocess.run(
            [oxigraph_executable(), *args], stdout=out, stderr=out, check=False
        ).returncode
    if status != 0:
        raise EndpointError(f"oxigraph {args[0]} failed ({_last_line(log)}): check the graph files.")


def _last_line(log: Path) -> str:
    lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    return lines[-1] if lines else "no message"


def _wait_until_ready(server: Server, log: Path, timeout: float) -> None:
    """Poll the server's UI page until it answers; EndpointError if it exits or stays silent."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise EndpointError(
                f"The oxigraph server stopped at start ({_last_line(log)}): try another --port."
            )
        try:
            with urllib.request.urlopen(server.url, timeout=1) as response:
                response.read()
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise EndpointError(f"The oxigraph server did not answer at {server.url} within {timeout:.0f} s.")


def start_server(
    paths: Sequence[str | Path] = (),
    *,
    host: str = "127.0.0.1",
    port: int | None = None,
    writable: bool = False,
    timeout: float = 30.0,
) -> Server:
    """Load ``paths`` into a temporary database and start an oxigraph server on it.

    Parameters
    ----------
    paths : graph files (at least one for a read-only server; none gives an empty writable one).
    host, port : where to listen (a free port when ``port`` is None); keep the host on loopback
        unless others must reach it.
    writable : start ``oxigraph serve`` (updates and Graph Store PUT allowed) instead of
        ``serve-read-only``.
    timeout : seconds to wait for the server to answer.

    Returns
    -------
    Server, already answering; use it as a context manager or call :meth:`Server.stop`.
    """
    if not paths and not writable:
        raise EndpointError("A read-only server needs at least one graph file: give the graphs to serve.")
    if port is not None and not port_is_free(host, port):
        raise EndpointError(f"Port {port} on {host} is already in use: try another --port.")
    directory = Path(tempfile.mkdtemp(prefix="govkg-serve-"))
    log = directory / "oxigraph.log"
    database = directory / "db"
    try:
        if paths:
            quads = load(paths).dump(directory / "graphs.nq")
            _run_oxigraph(["load", "--location", str(database), "--file", str(quads)], log)
        port = port or free_port(host)
        command = [
            oxigraph_executable(),
            "serve" if writable else "serve-read-only",
            "--location",
            str(database),
            "--bind",
            f"{host}:{port}",
            "--union-default-graph",
        ]
        with log.open("ab") as out:
            process = subprocess.Popen(command, stdout=out, stderr=out, stdin=subprocess.DEVNULL)
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    server = Server(process, f"http://{host}:{port}/", directory, writable)
    try:
        _wait_until_ready(server, log, timeout)
    except BaseException:
        server.stop()
        raise
    return server
