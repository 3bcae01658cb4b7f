"""Nothing runaway, nothing that calls out, nothing half-written: the limits of kg/limits.py,
kg/query.py, kg/serve.py and kg/outputs.py, each checked on the real thing."""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.extract import extract
from kg.ingest import ingest, ingest_text
from kg.limits import MAX_INPUT_ENV, MAX_SENTENCE_CHARS, bounded_spans

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
    assert time.monotonic() - started < 5  # the interpreter's start included
    assert_plain_error(result, "more than the 5 MB govkg reads")
    assert MAX_INPUT_ENV in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_size_limit_can_be_raised(tmp_path, monkeypatch):
    from kg.ingest import read_text

    report = tmp_path / "r.txt"
    report.write_text("2020年青禾县政府工作报告\n全年增长8%。\n" * 40, encoding="utf-8")
    monkeypatch.setenv(MAX_INPUT_ENV, "0.001")
    with pytest.raises(InputError, match="more than the 0.001 MB"):
        read_text(report)
    monkeypatch.setenv(MAX_INPUT_ENV, "0.01")
    assert "全年增长8%" in read_text(report)
