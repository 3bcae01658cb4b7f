"""Tests of kg.corpus: report identity, isolation, parallel and cached builds, layouts, outputs.

All reports here are invented for the tests (short texts in the genre).
"""

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kg.corpus import Cache, build_corpus, output_names, report_files, write_corpus
from kg.errors import InputError
from kg.store import open_store_dir

ID = "https://w3id.org/govkg/id/"
SHARED_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"

LIANXI_2021 = (
    "2021年濂溪区政府工作报告\n一、2020年工作回顾\n全年实现地区生产总值120.5亿元，增长7.2%。\n"
    "白鹭湾新城开工建设。\n二、2021年工作安排\n地区生产总值增长6%左右。\n"
)
# A second report of the same region and year (another session's), with a different text.
LIANXI_2021_SECOND = (
    "2021年濂溪区政府工作报告\n一、2020年工作回顾\n全年完成固定资产投资80亿元，增长9%。\n"
    "二、2021年工作安排\n固定资产投资增长8%。\n"
)
LIANXI_2022 = (
    "2022年濂溪区政府工作报告\n一、2021年工作回顾\n全年实现地区生产总值131亿元，增长8.1%。\n"
    "二、2022年工作安排\n地区生产总值增长6.5%。\n"
)
NO_REGION_A = "全年完成固定资产投资80亿元，增长9%。\n"
NO_REGION_B = "全年实现社会消费品零售总额45亿元，增长11%。\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def as_html(text: str) -> str:
    """The page a government site would serve for ``text`` (one paragraph per line)."""
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines())
    return f"<!DOCTYPE html><html><head><title>报告</title></head><body><div>{paragraphs}</div></body></html>"


def built(paths, **options):
    return list(build_corpus(paths, jobs=1, **options))


def report_graphs(nquads: bytes) -> dict[str, int]:
    """Triples per report graph in N-Quads."""
    counts: dict[str, int] = {}
    for quad in ox.parse(nquads, format=ox.RdfFormat.N_QUADS):
        name = quad.graph_name.value
        if "/report/" in name:
            counts[name] = counts.get(name, 0) + 1
    return counts


# ---------------------------------------------------------------------------------------------- identity


def test_one_report_per_region_and_year_keeps_its_plain_iri(tmp_path):
    results = built([write(tmp_path, "a.txt", LIANXI_2021), write(tmp_path, "b.txt", LIANXI_2022)])
    assert [r.report_iri for r in results] == [f"{ID}report/360402/2021", f"{ID}report/360402/2022"]
    assert all(r.built and not r.missing for r in results)


def test_two_texts_of_one_region_and_year_stay_two_reports_with_distinct_sentences(tmp_path):
    first, second = built(
        [write(tmp_path, "a.txt", LIANXI_2021), write(tmp_path, "b.txt", LIANXI_2021_SECOND)]
    )
    assert first.report_iri != second.report_iri
    assert first.report_iri.startswith(f"{ID}report/360402/2021-")
    assert second.report_iri.startswith(f"{ID}report/360402/2021-")
    sentences = [
        {
            q.subject.value
            for q in ox.parse(r.nquads, format=ox.RdfFormat.N_QUADS)
            if "/sentence/" in q.subject.value
        }
        for r in (first, second)
    ]
    assert sentences[0] and sentences[1] and not sentences[0] & sentences[1]


def test_the_same_text_twice_is_one_report_and_said_so(tmp_path):
    txt = write(tmp_path, "a.txt", LIANXI_2021)
    page = write(tmp_path, "a-page.html", as_html(LIANXI_2021))
    copy = write(tmp_path, "copy/a.txt", LIANXI_2021)
    results = built([txt, page, copy])
    assert [r.built for r in results] == [True, False, False]
    assert [r.same_as for r in results] == [None, txt, txt]
    assert results[0].report_iri == f"{ID}report/360402/2021"  # a copy does not make the IRI shared
    written = write_corpus(iter(results), tmp_path / "out", "nq")
    assert list(report_graphs((tmp_path / "out" / "graph.nq").read_bytes())) == [results[0].report_iri]
    assert written.counts["Report"] == 1


def test_reports_without_region_or_year_get_a_content_hash_and_are_named(tmp_path):
    a, b = built([write(tmp_path, "a.txt", NO_REGION_A), write(tmp_path, "b.txt", NO_REGION_B)])
    assert a.report_iri != b.report_iri
    assert a.report_iri.startswith(f"{ID}report/unknown/unknown-")
    assert a.missing == ("region", "year")
    result = kg(
        "build", tmp_path / "a.txt", tmp_path / "b.txt", "--out", tmp_path / "out", "--no-cache", "-j", "1"
    )
    assert result.returncode == 0, result.stderr
    assert f"Not found: {tmp_path / 'a.txt'}: no region and no year found." in result.stderr


# ---------------------------------------------------------------------------------------------- isolation


def test_a_failing_report_is_named_and_the_others_are_written(tmp_path):
    good = write(tmp_path, "in/good.txt", LIANXI_2021)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    write(tmp_path, "in/english.txt", "Minutes of the board meeting. Revenue grew 5%.\n")
    result = kg("build", tmp_path / "in", "--out", tmp_path / "out", "--no-cache", "-j", "1")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert f"Failed: {tmp_path / 'in' / 'empty.txt'}: The file" in result.stderr
    assert "no Chinese text" in result.stderr
    assert "2 of 3 inputs failed." in result.stderr
    graphs = report_graphs((tmp_path / "out" / "graph.nq").read_bytes())
    assert list(graphs) == [f"{ID}report/360402/2021"]
    assert good.exists()


@pytest.mark.skipif(not (SHARED_CORPUS / "national-1957.txt").is_file(), reason="../shared/corpus is absent")
def test_a_real_report_that_crashed_the_build_is_isolated(tmp_path):
    good = write(tmp_path, "good.txt", LIANXI_2021)
    result = kg(
        "build", SHARED_CORPUS / "national-1957.txt", good, "--out", tmp_path / "out", "--no-cache", "-j", "1"
    )
    assert "Traceback" not in result.stdout + result.stderr
    graphs = report_graphs((tmp_path / "out" / "graph.nq").read_bytes())
    assert f"{ID}report/360402/2021" in graphs
    assert (result.returncode == 1) == ("Failed: " in result.stderr)


# ---------------------------------------------------------------------------------------------- parallel, cache


def test_two_workers_write_the_same_bytes_as_one(tmp_path):
    inputs = [
        write(tmp_path, "in/a.txt", LIANXI_2021),
        write(tmp_path, "in/b.txt", LIANXI_2022),
        write(tmp_path, "in/c.txt", NO_REGION_A),
    ]
    one = write_corpus(build_corpus(inputs, jobs=1), tmp_path / "one", "nq")
    two = write_corpus(build_corpus(inputs, jobs=2), tmp_path / "two", "nq")
    assert one.files[0].read_bytes() == two.files[0].read_bytes()
    assert len(report_graphs(one.files[0].read_bytes())) == 3


def test_an_unchanged_report_comes_from_the_cache(tmp_path):
    a = write(tmp_path, "a.txt", LIANXI_2021)
    b = write(tmp_path, "b.txt", LIANXI_2022)
    cache = Cache(tmp_path / "cache")
    first = write_corpus(build_corpus([a, b], jobs=1, cache=cache), tmp_path / "out", "nq")
    text = first.files[0].read_bytes()
    again = write_corpus(build_corpus([a, b], jobs=1, cache=cache), tmp_path / "out", "nq")
    assert [r.cached for r in again.results] == [True, True]
    assert again.files[0].read_bytes() == text
    b.write_text(LIANXI_2022.replace("131亿元", "132亿元"), encoding="utf-8")
    changed = write_corpus(build_corpus([a, b], jobs=1, cache=cache), tmp_path / "out", "nq")
    assert [r.cached for r in changed.results] == [True, False]
    assert b'"132"' in changed.files[0].read_bytes()


def test_a_new_text_claiming_a_cached_reports_region_and_year_rebuilds_both_apart(tmp_path):
    a = write(tmp_path, "a.txt", LIANXI_2021)
    cache = Cache(tmp_path / "cache")
    (alone,) = build_corpus([a], jobs=1, cache=cache)
    b = write(tmp_path, "b.txt", LIANXI_2021_SECOND)
    first, second = build_corpus([a, b], jobs=1, cache=cache)
    assert alone.report_iri == f"{ID}report/360402/2021"
    assert not first.cached and first.report_iri != alone.report_iri != second.report_iri


# ---------------------------------------------------------------------------------------------- layout


def test_trig_holds_one_named_graph_per_report_and_the_ontology(tmp_path):
    inputs = [write(tmp_path, "a.txt", LIANXI_2021), write(tmp_path, "b.txt", LIANXI_2022)]
    written = write_corpus(build_corpus(inputs, jobs=1), tmp_path / "out", "trig")
    dataset = Dataset()
    dataset.parse(written.files[0], format="trig")
    names = sorted(str(g.identifier) for g in dataset.graphs() if len(g))
    assert names == [f"{ID}report/360402/2021", f"{ID}report/360402/2022", "https://w3id.org/govkg/ontology"]


def test_split_writes_one_turtle_file_per_report(tmp_path):
    inputs = [write(tmp_path, "a.txt", LIANXI_2021), write(tmp_path, "sub/b.txt", LIANXI_2022)]
    result = kg(
        "build",
        tmp_path / "a.txt",
        tmp_path / "sub",
        "--out",
        tmp_path / "out",
        "--split",
        "--no-cache",
        "-j",
        "1",
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.ttl", "b.ttl"]
    assert inputs[1].exists()
    assert kg("validate", tmp_path / "out" / "b.ttl").returncode == 0


def test_the_store_answers_queries_and_holds_only_the_last_build(tmp_path):
    a = write(tmp_path, "a.txt", LIANXI_2021)
    b = write(tmp_path, "b.txt", LIANXI_2022)
    write_corpus(build_corpus([a, b], jobs=1), tmp_path / "out", "nq", store=tmp_path / "store")
    write_corpus(build_corpus([a], jobs=1), tmp_path / "out", "nq", store=tmp_path / "store")
    assert open_store_dir(tmp_path / "store").graphs() == [
        f"{ID}report/360402/2021",
        "https://w3id.org/govkg/ontology",
    ]
    result = kg("query", "targets", "--store", tmp_path / "store", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith("地区生产总值,2021,6")


def test_report_files_searches_folders_for_report_files_only(tmp_path):
    write(tmp_path, "in/a.txt", LIANXI_2021)
    write(tmp_path, "in/deep/b.HTML", as_html(LIANXI_2022))
    write(tmp_path, "in/notes.md", "not a report")
    write(tmp_path, "in/.hidden/c.txt", LIANXI_2021)
    assert [
        p.relative_to(tmp_path).as_posix() for p in report_files([tmp_path / "in", tmp_path / "in/a.txt"])
    ] == [
        "in/a.txt",
        "in/deep/b.HTML",
    ]
    with pytest.raises(InputError, match="holds no report files"):
        report_files([write(tmp_path, "notes/x.md", "").parent])


def test_a_format_without_named_graphs_is_refused_for_many_reports():
    with pytest.raises(InputError, match="--format nq or trig"):
        output_names([Path("a.txt"), Path("b.txt")], "ttl", False)


# ---------------------------------------------------------------------------------------------- outputs


def test_an_output_that_cannot_be_written_is_said_before_any_work(tmp_path):
    report = write(tmp_path, "a.txt", LIANXI_2021)
    (tmp_path / "file").write_text("x")
    (tmp_path / "out" / "graph.ttl").mkdir(parents=True)
    for out, fragment in (
        (tmp_path / "file", "is a file"),
        (Path("/proc/govkg-out"), "cannot be created"),
        (tmp_path / "out", "is a directory"),
    ):
        result = kg("build", report, "--out", out, "--no-cache", "-j", "1")
        assert result.returncode == 1 and fragment in result.stderr, result.stderr
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_folder_is_one_sentence(tmp_path):
    (tmp_path / "ro").mkdir(mode=0o555)
    result = kg(
        "build", write(tmp_path, "a.txt", LIANXI_2021), "--out", tmp_path / "ro", "--no-cache", "-j", "1"
    )
    assert result.returncode == 1 and "is not writable" in result.stderr


def test_stale_temporary_files_of_dead_runs_are_removed(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    dead = out / ".graph-999999999-abc.tmp"
    live = out / f".graph-{os.getpid()}-abc.tmp"
    dead.write_text("half")
    live.write_text("being written")
    write_corpus(build_corpus([write(tmp_path, "a.txt", LIANXI_2021)], jobs=1), out, "nq")
    assert sorted(p.name for p in out.iterdir()) == sorted(["graph.nq", live.name])
    assert oct(os.stat(out / "graph.nq").st_mode & 0o044) == oct(0o044 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def kg(*args):
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True, text=True, check=False
    )


# ---------------------------------------------------------------------------------------------- dask


def test_a_dask_cluster_builds_the_same_bytes_as_the_local_build(tmp_path):
    from distributed import Client, LocalCluster

    inputs = [
        write(tmp_path, "in/a.txt", LIANXI_2021),
        write(tmp_path, "in/b.txt", LIANXI_2021_SECOND),
        write(tmp_path, "in/c.txt", NO_REGION_A),
    ]
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    local = write_corpus(build_corpus([tmp_path / "in"], jobs=1), tmp_path / "local", "nq")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = kg(
            "build",
            tmp_path / "in",
            "--out",
            tmp_path / "dask",
            "--scheduler",
            cluster.scheduler_address,
            "--no-cache",
        )
        with Client(cluster) as client:
            assert len(client.scheduler_info()["workers"]) == 2
    assert result.returncode == 1 and "Failed: " in result.stderr  # the empty file, named
    assert (tmp_path / "dask" / "graph.nq").read_bytes() == local.files[0].read_bytes()
    assert len(report_graphs(local.files[0].read_bytes())) == len(inputs)


def test_a_scheduler_that_does_not_answer_is_one_sentence(tmp_path):
    result = kg(
        "build",
        write(tmp_path, "a.txt", LIANXI_2021),
        "--out",
        tmp_path / "out",
        "--scheduler",
        "tcp://127.0.0.1:9",
        "--no-cache",
    )
    assert result.returncode == 1 and "does not answer" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_the_store_leaves_a_graph_alone_when_its_key_is_unchanged(tmp_path):
    from kg.store import StoreDirWriter

    old, new = (f'<urn:s> <urn:p> "{v}" <urn:r> .\n'.encode() for v in ("old", "new"))

    def store_after(nquads: bytes, key: str) -> list:
        writer = StoreDirWriter(tmp_path / "store")
        writer.put("urn:r", nquads, key)
        writer.close()
        return open_store_dir(tmp_path / "store").query("SELECT ?o WHERE { GRAPH <urn:r> { ?s ?p ?o } }").rows

    assert store_after(old, "k1") == [["old"]]
    assert store_after(new, "k1") == [["old"]]  # same key: the same build, not loaded again
    assert store_after(new, "k2") == [["new"]]
    assert store_after(new, "") == [["new"]]
