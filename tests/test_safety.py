"""Nothing runaway, nothing that calls out, nothing half-written: the limits of kg/limits.py,
kg/query.py, kg/serve.py and kg/outputs.py, each checked on the real thing."""

import http.server
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import ClassVar

import pytest

from kg.errors import InputError, QueryError
from kg.extract import extract
from kg.ingest import ingest, ingest_text
from kg.limits import MAX_INPUT_ENV, MAX_SENTENCE_CHARS, bounded_spans
from kg.outputs import OutputError
from kg.query import run
from kg.serve import start_server

ROOT = Path(__file__).resolve().parent.parent

#: Invented words without punctuation, as a scraped page with its punctuation lost reads.
_WORDS = ("青禾新区", "建设", "智能装备产业园", "项目", "完成投资", "12亿元", "推进", "云岭科技公司", "二期")


def unpunctuated(chars: int) -> str:
    """An invented report line of about ``chars`` characters without one punctuation mark."""
    words, total = [], 0
    while total < chars:
        word = _WORDS[len(words) % len(_WORDS)]
        words.append(word)
        total += len(word)
    return "2020年青禾县政府工作报告\n" + "".join(words)


def kg(*args, env=None, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=False,
    )


def assert_plain_error(result, fragment):
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert fragment in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


# ---------------------------------------------------------------- bounded work per input


def test_a_long_line_without_punctuation_becomes_bounded_sentences():
    doc = ingest_text(unpunctuated(12 * MAX_SENTENCE_CHARS))
    lengths = [len(s.text) for s in doc.sentences]
    assert max(lengths) <= MAX_SENTENCE_CHARS
    assert sum(lengths) >= 12 * MAX_SENTENCE_CHARS  # nothing dropped
    for sentence in doc.sentences:
        assert doc.text[sentence.start : sentence.end] == sentence.text


def test_a_long_sentence_is_cut_after_a_comma_when_it_has_one():
    text = "甲" * 700 + "，" + "乙" * 700
    assert bounded_spans(text, 0, len(text)) == [(0, 701), (701, 1401)]


def test_real_sentences_are_never_cut():
    doc = ingest(ROOT / "data" / "shigu-2019-gov-work-report.txt")
    assert all(len(s.text) < MAX_SENTENCE_CHARS for s in doc.sentences)


def test_extraction_of_a_long_unpunctuated_line_takes_bounded_time():
    doc = ingest_text(unpunctuated(30_000))
    started = time.monotonic()
    extraction = extract(doc)
    assert time.monotonic() - started < 20
    assert extraction.document is doc


def test_a_file_above_the_size_limit_is_refused_fast(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(("青禾新区建设项目" * 1000).encode() * 300)  # 7.2 MB
    started = time.monotonic()
    result = kg("build", big, "--out", tmp_path / "out")
    assert time.monotonic() - started < 30  # building 7 MB would take minutes: refused before reading
    assert_plain_error(result, "more than the 4 MB govkg reads")
    assert MAX_INPUT_ENV in result.stderr
    assert not list((tmp_path / "out").glob("*.*"))  # no graph written (the folder may stand empty)


def test_the_size_limit_can_be_raised(tmp_path, monkeypatch):
    from kg.ingest import read_text

    report = tmp_path / "r.txt"
    report.write_text("2020年青禾县政府工作报告\n全年增长8%。\n" * 40, encoding="utf-8")
    monkeypatch.setenv(MAX_INPUT_ENV, "0.001")
    with pytest.raises(InputError, match="more than the 0.001 MB"):
        read_text(report)
    monkeypatch.setenv(MAX_INPUT_ENV, "0.01")
    assert "全年增长8%" in read_text(report)


# ---------------------------------------------------------------- query limits

#: A cross product of every triple with itself four times: runs for hours on any graph.
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_a_runaway_local_query_is_stopped_at_its_timeout(mini_ttl):
    started = time.monotonic()
    with pytest.raises(QueryError, match="ran longer than 1 s and was stopped"):
        run(mini_ttl, CROSS, timeout=1)
    assert time.monotonic() - started < 30  # the query runs for hours unless stopped


def test_a_query_within_its_timeout_answers_as_before(mini_ttl):
    assert run(mini_ttl, "ASK { ?s a gov:Project }", timeout=5).rows == [[True]]


def test_kg_query_timeout_is_one_sentence_and_exit_1(mini_ttl):
    result = kg("query", CROSS, mini_ttl, "--timeout", "1")
    assert_plain_error(result, "ran longer than 1 s")


def test_ctrl_c_stops_a_local_query_and_its_child(mini_ttl):
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "query", CROSS, str(mini_ttl), "--timeout", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    time.sleep(3)  # loaded and running the query in its child
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends
    _, stderr = process.communicate(timeout=10)
    assert process.returncode == 130
    assert "Interrupted." in stderr and "Traceback" not in stderr
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):  # no child left running the query
        os.killpg(process.pid, 0)


# ---------------------------------------------------------------- no outbound calls


class _Recorder(http.server.BaseHTTPRequestHandler):
    """A SPARQL endpoint that answers one empty solution and counts who called it."""

    hits: ClassVar[list[str]] = []

    def _answer(self):
        type(self).hits.append(self.path)
        body = b'{"head": {"vars": []}, "results": {"bindings": [{}]}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def listener():
    """A real HTTP server on a loopback port: the 'remote' endpoint a query might call."""
    _Recorder.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", _Recorder.hits
    server.shutdown()
    server.server_close()


def test_service_is_refused_locally_and_calls_nobody(mini_ttl, listener):
    url, hits = listener
    query = f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"
    with pytest.raises(QueryError, match="--allow-service"):
        run(mini_ttl, query)
    assert_plain_error(kg("query", query, mini_ttl), "calls another SPARQL endpoint with SERVICE")
    assert hits == []
    run(mini_ttl, query, allow_service=True)  # asked for: then it does call
    assert hits


def test_load_is_refused_even_with_allow_update(mini_ttl, listener):
    url, hits = listener
    result = kg("query", f"LOAD <{url}>", mini_ttl, "--allow-update")
    assert_plain_error(result, "pass --allow-load")
    assert hits == []


def test_load_of_a_file_that_is_not_rdf_is_one_sentence(mini_ttl):
    result = kg("query", "LOAD <file:///etc/passwd>", mini_ttl, "--allow-update", "--allow-load")
    assert_plain_error(result, "The update failed while running")


# ---------------------------------------------------------------- kg serve: host, outbound, timeout


def http_post(url, data: dict, host=None, timeout=20):
    """POST a form as a browser would; return (status, body text), HTTP errors included."""
    request = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode())
    request.add_header("Accept", "application/sparql-results+json")
    if host:
        request.add_header("Host", host)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A read-only kg serve of the mini graph whose queries stop after 1 s."""
    with start_server([ROOT / "tests" / "fixtures" / "mini.ttl"], query_timeout=1) as server:
        yield server


def test_the_server_refuses_an_unexpected_host_header(served):
    port = served.url.rsplit(":", 1)[1].strip("/")
    ask = {"query": "ASK { ?s ?p ?o }"}
    assert http_post(served.query_url, ask)[0] == 200
    assert http_post(served.query_url, ask, host=f"localhost:{port}")[0] == 200
    status, body = http_post(served.query_url, ask, host=f"evil.example:{port}")
    assert status == 403 and "does not answer for the host 'evil.example:" in body


def test_the_server_refuses_service_and_calls_nobody(served, listener):
    url, hits = listener
    status, body = http_post(served.query_url, {"query": f"SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"})
    assert status == 403 and "--allow-service" in body
    query = urllib.parse.quote(f"ASK {{ SERVICE <{url}> {{ }} }}")
    with pytest.raises(urllib.error.HTTPError, match="403"):
        urllib.request.urlopen(f"{served.query_url}?query={query}", timeout=10)
    assert hits == []


def test_a_server_started_with_allow_service_does_call(listener):
    url, hits = listener
    with start_server([ROOT / "tests" / "fixtures" / "mini.ttl"], allow_service=True) as server:
        assert http_post(server.query_url, {"query": f"SELECT * {{ SERVICE <{url}> {{ }} }}"})[0] == 200
    assert hits


def test_a_writable_server_refuses_load(oxigraph_server, listener):
    url, hits = listener
    status, body = http_post(f"{oxigraph_server.url}update", {"update": f"LOAD <{url}>"})
    assert status == 403 and "--allow-load" in body
    assert hits == []


def test_the_server_stops_runaway_queries_at_its_timeout(served):
    first = served.process.pid
    answers = []
    clients = [
        threading.Thread(target=lambda: answers.append(http_post(served.query_url, {"query": CROSS})))
        for _ in range(2)
    ]
    started = time.monotonic()
    for client in clients:
        client.start()
    for client in clients:
        client.join(timeout=30)
    assert time.monotonic() - started < 60
    assert [status for status, _ in answers] == [503, 503]
    assert "ran longer than 1 s and was stopped" in answers[0][1]
    assert served.process.pid != first  # the busy oxigraph was killed and started again
    assert http_post(served.query_url, {"query": "ASK { ?s ?p ?o }"}, timeout=5)[0] == 200


def test_a_request_that_finds_oxigraph_gone_gets_a_sentence_not_a_dropped_connection():
    with start_server([ROOT / "tests" / "fixtures" / "mini.ttl"], query_timeout=1) as server:
        server.process.kill()  # as a restart for another query does, while this one is in flight
        server.process.wait()
        status, body = http_post(server.query_url, {"query": "ASK { ?s ?p ?o }"}, timeout=5)
    assert status == 503 and "stopped before it answered" in body and "send the request again" in body


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--port", "70000"], "--port 70000 is not a TCP port"),
        (["--host", "999.1.1.1"], "--host 999.1.1.1 is not an address of this machine"),
        (["--timeout", "0"], "--timeout 0 is not a number of seconds"),
    ],
    ids=["port", "host", "timeout"],
)
def test_kg_serve_bad_address_is_one_sentence(args, fragment):
    started = time.monotonic()
    assert_plain_error(kg("serve", ROOT / "tests" / "fixtures" / "mini.ttl", *args), fragment)
    assert time.monotonic() - started < 30


# ---------------------------------------------------------------- outputs: one sentence, whole files

VIZ_MINI = ROOT / "tests" / "fixtures" / "viz-mini.ttl"


@pytest.mark.parametrize("command", ["export", "viz"])
@pytest.mark.parametrize("where", ["/proc/kg-out/graph.{ext}", "/sys/graph.{ext}", "{tmp}"])
def test_an_output_that_cannot_be_written_is_one_sentence_before_any_work(command, where, tmp_path):
    ext = "gexf" if command == "export" else "html"
    out = where.format(ext=ext, tmp=tmp_path)  # {tmp}: a folder where a file is wanted
    result = kg(command, VIZ_MINI, "--out", out)
    assert_plain_error(result, "/proc" if "/proc" in out else "/sys" if "/sys" in out else "is a")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
@pytest.mark.parametrize("command, name", [("export", "graph.gexf"), ("viz", "view.html")])
def test_a_read_only_folder_is_one_sentence(command, name, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert_plain_error(kg(command, VIZ_MINI, "--out", folder / name), "permission denied")
    finally:
        folder.chmod(0o755)


def test_a_failed_export_leaves_the_previous_file_and_no_temporary(tmp_path, monkeypatch):
    import networkx as nx

    from kg.export import export
    from kg.network import to_networkx

    target = tmp_path / "graph.gexf"
    export(to_networkx(VIZ_MINI), "gexf", target)
    before = target.read_bytes()

    def half_then_die(G, path):
        Path(path).write_bytes(before[: len(before) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(nx, "write_gexf", half_then_die)
    with pytest.raises(OutputError, match="no space left on the disk"):
        export(to_networkx(VIZ_MINI), "gexf", target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.gexf"]


def test_temporaries_of_killed_runs_are_cleaned_and_live_ones_kept(tmp_path):
    from kg.outputs import write_text_atomic

    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True
    )
    dead = int(finished.stdout)
    stale = tmp_path / f".view.html-{dead}-abcd1234.tmp.html"
    live = tmp_path / f".view.html-{os.getpid()}-efgh5678.tmp.html"
    stale.write_text("half", encoding="utf-8")
    live.write_text("being written", encoding="utf-8")
    write_text_atomic(tmp_path / "view.html", "<html></html>")
    assert not stale.exists() and live.exists()


def test_written_files_are_readable_by_others_under_the_usual_umask(tmp_path):
    from kg.export import export
    from kg.network import to_networkx

    previous = os.umask(0o022)
    try:
        paths = export(to_networkx(VIZ_MINI), "csv", tmp_path / "csv")
        paths += export(to_networkx(VIZ_MINI), "graphml", tmp_path / "g.graphml")
    finally:
        os.umask(previous)
    assert {oct(p.stat().st_mode & 0o777) for p in paths} == {"0o644"}


def test_csv_cells_that_a_spreadsheet_would_run_start_with_a_quote(tmp_path):
    import csv

    import networkx as nx

    from kg.export import write_csv

    G = nx.MultiDiGraph()
    G.add_node("n1", label='=HYPERLINK("http://example.invalid","看")', type="Project")
    G.add_node("n2", label="+1", type="-x")
    G.add_node("n3", label="@A1", type="Place")
    G.add_edge("n1", "n2", predicate="locatedIn", label="位于")
    nodes, _ = write_csv(G, tmp_path)
    with nodes.open(encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert rows["n1"]["label"] == '\'=HYPERLINK("http://example.invalid","看")'
    assert (rows["n2"]["label"], rows["n2"]["type"]) == ("'+1", "'-x")
    assert rows["n3"]["label"] == "'@A1"


# ---------------------------------------------------------------- Word files


def test_a_docx_report_is_read_paragraphs_and_tables_in_order(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("2021年青禾县政府工作报告")
    document.add_paragraph("一、2020年工作回顾")
    document.add_paragraph("全年地区生产总值增长6.5%。")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "青禾新区智能装备产业园项目"
    table.rows[0].cells[1].text = "在建"
    document.add_paragraph("二、2021年工作安排")
    document.add_paragraph("今年地区生产总值增长6%左右。")
    path = tmp_path / "report.docx"
    document.save(path)
    doc = ingest(path)
    texts = [s.text for s in doc.sentences]
    assert "全年地区生产总值增长6.5%。" in texts and "今年地区生产总值增长6%左右。" in texts
    assert texts.index("青禾新区智能装备产业园项目在建") < texts.index("二、2021年工作安排")
    assert doc.year == 2021
    assert [o.value for o in extract(doc).observations] == [6.5, 6.0]


@pytest.mark.parametrize(
    "content, fragment",
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old Word (.doc)"),
        (b"PK\x03\x04" + b"\x00" * 600, "a ZIP archive, not a Word .docx file"),
    ],
    ids=["doc", "zip"],
)
def test_word_files_that_cannot_be_read_are_one_sentence(tmp_path, content, fragment):
    path = tmp_path / "report.doc"
    path.write_bytes(content)
    assert_plain_error(kg("build", path, "--out", tmp_path / "out"), fragment)
