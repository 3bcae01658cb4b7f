"""A real SPARQL server over built graphs: the ``oxigraph`` executable from PyPI.

:func:`start_server` loads graph files with :func:`kg.store.load` (one named graph per
report, plus the ontology), writes them as N-Quads, has ``oxigraph load`` put them in a
temporary database, and starts ``oxigraph serve-read-only`` (or ``serve`` when writable)
on ``host:port``. Queries see every report without ``GRAPH``: read-only, the default graph holds
the merge of the report graphs (see :mod:`kg.store`); writable, oxigraph's union view
(``--union-default-graph``), which follows every update. The server answers SPARQL at ``/query``, updates at ``/update`` (writable
only), the Graph Store Protocol at ``/store`` and its query UI at ``/``.
:meth:`Server.stop` ends the process and removes the temporary directory.

Oxigraph itself listens on a private loopback port; clients reach it through a small guard in
this process, on ``host:port``, that forwards every request unchanged except those it refuses
with HTTP 403 and one sentence: a ``Host`` header naming another server (so a web page on
another site cannot reach the server through DNS rebinding), and SPARQL that would fetch from
elsewhere, ``SERVICE`` or ``LOAD`` (unless allowed). Oxigraph gets ``--timeout-s``, but that
does not stop every query (an aggregate over a cross product ran on for minutes), so the guard
answers HTTP 503 when a query's answer has not begun ``query_timeout`` seconds after it was sent
and restarts oxigraph on the same database: a client that gives up leaves no busy server. The
restart also cuts the other requests in flight at that moment: each gets HTTP 503 and a sentence
(the one of the time-out when it too had run past its time), never a dropped connection.
"""

from __future__ import annotations

import errno
import http.client
import http.server
import ipaddress
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

from kg.errors import EndpointError, QueryError
from kg.outputs import output_error
from kg.store import is_update, load, merged_store, refuse_outbound


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
    guard: _Guard | None = None
    command: list[str] = field(default_factory=list)
    _restarting: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _started: float = field(default_factory=time.monotonic, repr=False)

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
            return self._wait_for_last_process()
        previous = signal.signal(signal.SIGTERM, _interrupt)
        try:
            return self._wait_for_last_process()
        finally:
            signal.signal(signal.SIGTERM, previous)

    def _wait_for_last_process(self) -> int:
        """The exit status of the oxigraph process, once it is not one that :meth:`restart` replaced."""
        while True:
            process = self.process
            status = process.wait()
            with self._restarting:
                if self.process is process:
                    return status

    def restart(self, sent_at: float) -> None:
        """Kill oxigraph (stuck in a query sent at ``sent_at``) and start it again on the same database.

        Nothing happens when oxigraph was started after ``sent_at``: that query is gone already
        (several queries past their time restart it once).
        """
        with self._restarting:
            if self._started > sent_at:
                return
            self._started = time.monotonic()
            self.process.kill()
            self.process.wait()
            log = self.directory / "oxigraph.log"
            with log.open("ab") as out:
                self.process = subprocess.Popen(
                    self.command, stdout=out, stderr=out, stdin=subprocess.DEVNULL
                )
            _wait_until_ready(self, self.command[self.command.index("--bind") + 1], log, 30.0)

    def stop(self) -> None:
        """End the guard and the server process and remove its temporary directory."""
        if self.guard is not None:
            self.guard.close()
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


def _wait_until_ready(server: Server, address: str, log: Path, timeout: float) -> None:
    """Poll oxigraph's UI page at ``address`` until it answers; EndpointError if it exits or stays silent."""
    url = f"http://{address}/"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise EndpointError(
                f"The oxigraph server stopped at start ({_last_line(log)}): try another --port."
            )
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                response.read()
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise EndpointError(f"The oxigraph server did not answer at {url} within {timeout:.0f} s.")


def start_server(
    paths: Sequence[str | Path] = (),
    *,
    store: str | Path | None = None,
    host: str = "127.0.0.1",
    port: int | None = None,
    writable: bool = False,
    timeout: float = 30.0,
    query_timeout: float = 30.0,
    allow_service: bool = False,
    allow_load: bool = False,
    allowed_hosts: Sequence[str] = (),
) -> Server:
    """Load ``paths`` into a temporary database and start an oxigraph server on it.

    Parameters
    ----------
    paths : graph files (at least one for a read-only server; none gives an empty writable one).
    store : instead of ``paths``, an on-disk store written by ``kg build --store``, served read-only
        in place (nothing is copied or loaded, so a corpus store answers at once).
    host, port : where to listen (a free port when ``port`` is None); keep the host on loopback
        unless others must reach it.
    writable : start ``oxigraph serve`` (updates and Graph Store PUT allowed) instead of
        ``serve-read-only``.
    timeout : seconds to wait for the server to answer.
    query_timeout : seconds oxigraph lets one query run (at least 1).
    allow_service, allow_load : let queries call other endpoints with SERVICE, let updates LOAD.
    allowed_hosts : names besides ``host``, localhost and the loopback addresses that clients may
        send in their ``Host`` header (the name others use for this machine).

    Returns
    -------
    Server, already answering; use it as a context manager or call :meth:`Server.stop`.
    """
    if not paths and store is None and not writable:
        raise EndpointError("A read-only server needs at least one graph file: give the graphs to serve.")
    if store is not None and (paths or writable):
        raise EndpointError("A store is served read-only and alone: serve graph files to write to a copy.")
    guard = _Guard.bind(host, port, allow_service=allow_service, allow_load=allow_load)
    try:
        directory = Path(tempfile.mkdtemp(prefix="govkg-serve-"))
    except OSError as error:
        guard.close()
        raise output_error(tempfile.gettempdir(), error) from None
    log = directory / "oxigraph.log"
    database = directory / "db" if store is None else Path(store)
    union = writable or (store is not None and not merged_store(store))  # else the default graph is the merge
    try:
        if paths:
            quads = load(paths).dump(directory / "graphs.nq", merge=not writable)
            _run_oxigraph(["load", "--location", str(database), "--file", str(quads)], log)
        backend = free_port()
        command = [
            oxigraph_executable(),
            "serve" if writable else "serve-read-only",
            "--location",
            str(database),
            "--bind",
            f"127.0.0.1:{backend}",
            *(["--union-default-graph"] if union else []),
            "--timeout-s",
            str(max(1, round(query_timeout))),
        ]
        with log.open("ab") as out:
            process = subprocess.Popen(command, stdout=out, stderr=out, stdin=subprocess.DEVNULL)
    except BaseException:
        guard.close()
        shutil.rmtree(directory, ignore_errors=True)
        raise
    server = Server(process, guard.url, directory, writable, guard, command)
    try:
        _wait_until_ready(server, f"127.0.0.1:{backend}", log, timeout)
        guard.start(backend, allowed_hosts, query_timeout, server.restart)
    except BaseException:
        server.stop()
        raise
    return server


# ---------------------------------------------------------------- the guard in front of oxigraph

#: Headers that belong to one connection and are not forwarded.
_HOP_BY_HOP = frozenset(
    ("connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade")
)


def check_port(port: int) -> None:
    """EndpointError unless ``port`` is a TCP port number.

    >>> check_port(70000)
    Traceback (most recent call last):
    ...
    kg.errors.EndpointError: --port 70000 is not a TCP port: give a number from 1 to 65535.
    """
    if not 0 < port < 65536:
        raise EndpointError(f"--port {port} is not a TCP port: give a number from 1 to 65535.")


def _address_family(host: str) -> socket.AddressFamily:
    """The socket family of ``host``; EndpointError for what cannot be an address here.

    >>> _address_family("999.1.1.1")
    Traceback (most recent call last):
    ...
    kg.errors.EndpointError: --host 999.1.1.1 is not an address of this machine: use 127.0.0.1 (this machine only).
    """
    bad = EndpointError(
        f"--host {host} is not an address of this machine: use 127.0.0.1 (this machine only)."
    )
    try:
        return socket.AF_INET6 if ipaddress.ip_address(host).version == 6 else socket.AF_INET
    except ValueError:
        if re.fullmatch(r"[\d.]+", host):  # digits and dots, not an IPv4 address: never a name
            raise bad from None
    try:
        return socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)[0][0]
    except (OSError, UnicodeError):
        raise bad from None


def _allowed_hosts(host: str, port: int, extra: Sequence[str]) -> frozenset[str]:
    """The ``Host`` header values the guard accepts: the bound name, localhost, loopback, ``extra``.

    >>> sorted(_allowed_hosts("127.0.0.1", 7878, ()))
    ['127.0.0.1:7878', '[::1]:7878', 'localhost:7878']
    """
    names = {host, "localhost", "127.0.0.1", "[::1]", *extra}
    if ":" in host:
        names.add(f"[{host}]")
    values = {f"{name}:{port}".lower() for name in names if ":" not in name or name.startswith("[")}
    if port == 80:
        values |= {name.lower() for name in names}
    return frozenset(values)


def sparql_in_request(path: str, content_type: str, body: bytes) -> str:
    """The SPARQL text a request carries: ``query``/``update`` URL or form parameters, or the body.

    >>> sparql_in_request("/query?query=ASK%7B%7D", "", b"")
    'ASK{}'
    >>> sparql_in_request("/update", "application/sparql-update", "LOAD <file:///x>".encode())
    'LOAD <file:///x>'
    """
    texts = []
    fields = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)
    media = content_type.split(";")[0].strip().lower()
    if media == "application/x-www-form-urlencoded":
        for name, values in urllib.parse.parse_qs(body.decode("utf-8", "replace")).items():
            fields.setdefault(name, []).extend(values)
    elif media in ("application/sparql-query", "application/sparql-update"):
        texts.append(body.decode("utf-8", "replace"))
    for name in ("query", "update"):
        texts.extend(fields.get(name, []))
    return "\n".join(texts)


class _Guard(http.server.ThreadingHTTPServer):
    """The HTTP server clients talk to: checks each request, then forwards it to oxigraph."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], family: socket.AddressFamily, **rules: bool) -> None:
        self.address_family = family
        super().__init__(address, _GuardHandler)
        self.rules = rules
        self.backend = 0
        self.query_timeout = 30.0
        self.restart: Callable[[float], None] = lambda sent_at: None
        self.hosts: frozenset[str] = frozenset()
        self.thread: threading.Thread | None = None

    @classmethod
    def bind(cls, host: str, port: int | None, **rules: bool) -> _Guard:
        """Listen on ``host:port`` (any free port when None); one EndpointError sentence on failure."""
        if port is not None:
            check_port(port)
        family = _address_family(host)
        try:
            return cls((host, port or 0), family, **rules)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise EndpointError(f"Port {port} on {host} is already in use: try another --port.") from None
            if error.errno == errno.EACCES:
                raise EndpointError(
                    f"Port {port} needs administrator rights: give --port a number above 1023."
                ) from None
            raise EndpointError(
                f"Cannot listen on {host}:{port} ({error.strerror}): use --host 127.0.0.1 and a free --port."
            ) from None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{f'[{host}]' if ':' in host else host}:{port}/"

    def start(
        self,
        backend: int,
        allowed_hosts: Sequence[str],
        query_timeout: float,
        restart: Callable[[float], None],
    ) -> None:
        """Forward to oxigraph on loopback port ``backend`` from now on, in a background thread.

        A query whose answer has not begun ``query_timeout`` seconds (plus a second of grace) after
        it was sent gets HTTP 503 and a sentence, and ``restart`` kills the oxigraph process busy
        with it and starts a new one (oxigraph's own ``--timeout-s`` does not stop every query).
        """
        host, port = self.server_address[:2]
        self.backend = backend
        self.query_timeout = query_timeout
        self.restart = restart
        self.hosts = _allowed_hosts(host, port, allowed_hosts)
        self.thread = threading.Thread(target=self.serve_forever, name="govkg-serve-guard", daemon=True)
        self.thread.start()

    def close(self) -> None:
        """Stop serving and free the port."""
        if self.thread is not None:
            self.shutdown()
            self.thread = None
        self.server_close()


class _GuardHandler(http.server.BaseHTTPRequestHandler):
    """One request: refuse it with a sentence, or forward it to oxigraph and stream the answer back."""

    server: _Guard

    def _refuse(self, status: int, message: str) -> None:
        body = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _too_long(self) -> str:
        return (
            f"The query ran longer than {self.server.query_timeout:g} s and was stopped: narrow it "
            "(a LIMIT, more specific patterns) or start kg serve with a longer --timeout."
        )

    def _forward(self) -> None:
        host = self.headers.get("Host", "").strip().lower()
        if host not in self.server.hosts:
            self._refuse(
                403, f"This server does not answer for the host {host or '(none)'!r}: use {self.server.url}."
            )
            return
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self._refuse(411, "Send the request body with a Content-Length.")
            return
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        sparql = sparql_in_request(self.path, self.headers.get("Content-Type", ""), body)
        try:
            refuse_outbound(sparql, **self.server.rules)
        except QueryError as error:
            self._refuse(403, str(error).replace("pass --allow", "start kg serve with --allow"))
            return
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP | {"host"}}
        limit = self.server.query_timeout + 1 if sparql and not is_update(sparql) else None
        backend = http.client.HTTPConnection("127.0.0.1", self.server.backend, timeout=limit)
        try:
            sent_at = time.monotonic()
            try:
                backend.request(self.command, self.path, body=body or None, headers=headers)
                response = backend.getresponse()
            except TimeoutError:
                backend.close()
                self.server.restart(sent_at)
                self._refuse(503, self._too_long())
                return
            except (OSError, http.client.HTTPException):
                backend.close()  # oxigraph was killed before it answered: a restart for another query
                if limit is not None and time.monotonic() - sent_at >= self.server.query_timeout:
                    self._refuse(503, self._too_long())
                else:
                    self._refuse(
                        503,
                        (
                            "The SPARQL server stopped before it answered (it restarts when a query runs "
                            "past its time): send the request again."
                        ),
                    )
                return
            backend.sock.settimeout(None)  # the answer has begun: stream it however long it is
            self.send_response(response.status, response.reason)
            for name, value in response.getheaders():
                if name.lower() not in _HOP_BY_HOP:
                    self.send_header(name, value)
            self.end_headers()
            while chunk := response.read(1 << 16):
                self.wfile.write(chunk)
        except OSError:
            pass  # the client or oxigraph went away; nothing left to answer
        finally:
            backend.close()

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_PATCH = _forward

    def log_message(self, format: str, *args) -> None:
        pass  # oxigraph logs requests to its own log
