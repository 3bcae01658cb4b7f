"""Bounds on the work one input may cause: the size of a report file, the length of a sentence,
the time of a query.

Tagging and matching cost more than linear time in the length of a sentence, so a scraped page
whose punctuation was lost (a flattened table, a 5 MB "sentence") used to take minutes and many
gigabytes. Ingest therefore cuts every sentence longer than :data:`MAX_SENTENCE_CHARS` into pieces
(at a comma, colon or space when there is one, else hard), which keeps work and memory linear in
the size of the input; no sentence of a real report is that long (the longest in the shared corpus
has 663 characters). A file larger than :data:`MAX_INPUT_BYTES` is refused before it is read.

A SPARQL query on the in-memory store runs inside the engine without returning to Python, so
neither a timer nor Ctrl-C could stop it there: :func:`call_with_timeout` runs it in a forked child
(which shares the store's memory copy-on-write) and kills the child when time is up or the user
presses Ctrl-C.
"""

from __future__ import annotations

import math
import os
import pickle
import select
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from kg.errors import GovKGError, InputError, QueryError

T = TypeVar("T")

#: The largest report file read, in bytes: the longest real report has 0.2 MB, and a 4 MB one peaks
#: at 1.9 GB while it builds (bench/bench_limits.py). ``GOVKG_MAX_INPUT_MB`` raises or lowers it.
MAX_INPUT_BYTES = 4_000_000
MAX_INPUT_ENV = "GOVKG_MAX_INPUT_MB"

#: The longest sentence handed to the extractors, in characters.
MAX_SENTENCE_CHARS = 1000

#: Where a long sentence is best cut: after a clause mark or a space.
_SOFT_BREAKS = frozenset("，,、：: ")


def max_input_bytes() -> int:
    """The largest report file read: :data:`MAX_INPUT_BYTES`, or ``GOVKG_MAX_INPUT_MB`` megabytes.

    >>> max_input_bytes() == MAX_INPUT_BYTES or MAX_INPUT_ENV in os.environ
    True
    """
    value = os.environ.get(MAX_INPUT_ENV, "").strip()
    if not value:
        return MAX_INPUT_BYTES
    try:
        megabytes = float(value)
    except ValueError:
        raise InputError(f"{MAX_INPUT_ENV}={value!r} is not a number of megabytes: write e.g. 50.") from None
    return int(megabytes * 1_000_000)


def check_input_size(path: Path) -> None:
    """Refuse a file larger than :func:`max_input_bytes` with one sentence, before reading it.

    >>> check_input_size(Path("data/shigu-2019-gov-work-report.txt"))
    """
    size, limit = path.stat().st_size, max_input_bytes()
    if size > limit:
        raise InputError(
            f"The file {path} has {size / 1e6:.1f} MB, more than the {limit / 1e6:g} MB govkg reads "
            f"(real reports have well under 1 MB): split it into reports, or set {MAX_INPUT_ENV} higher."
        )


def bounded_spans(text: str, start: int, end: int, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """The span ``start:end`` of ``text`` cut into pieces of at most ``limit`` characters.

    A piece ends after the last comma, colon or space of its second half, else hard at ``limit``.

    >>> text = "甲乙丙，丁戊己庚辛"
    >>> [text[a:b] for a, b in bounded_spans(text, 0, len(text), limit=5)]
    ['甲乙丙，', '丁戊己庚辛']
    >>> text = "一二三四五六七"
    >>> [text[a:b] for a, b in bounded_spans(text, 0, len(text), limit=3)]
    ['一二三', '四五六', '七']
    """
    spans = []
    while end - start > limit:
        cut = start + limit
        soft = next(
            (i + 1 for i in range(cut - 1, start + limit // 2 - 1, -1) if text[i] in _SOFT_BREAKS), None
        )
        cut = soft or cut
        spans.append((start, len(text[start:cut].rstrip(" ")) + start))
        start = cut
        while start < end and text[start] == " ":
            start += 1
    if start < end:
        spans.append((start, end))
    return spans


def call_with_timeout(function: Callable[[], T], timeout: float, what: str = "The query") -> T:
    """``function()`` run in a forked child, killed after ``timeout`` seconds or on Ctrl-C.

    ``timeout`` may be ``math.inf`` (no time limit; Ctrl-C still stops the child). The answer and
    any GovKGError come back pickled; where ``os.fork`` is missing (Windows) the call runs here.

    >>> call_with_timeout(lambda: sum(range(10)), 5)
    45
    >>> call_with_timeout(lambda: time.sleep(10), 0.2)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: The query ran longer than 0.2 s and was stopped: ...
    """
    if not hasattr(os, "fork"):  # pragma: no cover - Windows
        return function()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; coverage does not follow it
        _answer_in_child(function, read_end, write_end)
    os.close(write_end)
    finished = False
    try:
        data = _read_until(read_end, time.monotonic() + timeout, timeout, what)
        finished = True
    finally:
        os.close(read_end)
        if not finished:
            _kill(pid)
    _, status = os.waitpid(pid, 0)
    if not data:
        raise QueryError(
            f"{what} ended without an answer (exit status {os.waitstatus_to_exitcode(status)}): it may "
            "have run out of memory; narrow it."
        )
    ok, value = pickle.loads(data)
    if ok:
        return value
    raise value


def _answer_in_child(function: Callable[[], object], read_end: int, write_end: int) -> None:
    """In the child: compute, send ``(ok, value)`` pickled through the pipe, and exit at once."""
    try:
        os.close(read_end)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides; it kills the child
        try:
            outcome = (True, function())
        except GovKGError as error:
            outcome = (False, error)
        except (MemoryError, OSError, RuntimeError, ValueError) as error:
            outcome = (False, QueryError(f"The query failed while running ({error}): check it."))
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        os._exit(0)


def _read_until(read_end: int, deadline: float, timeout: float, what: str) -> bytes:
    """Everything the child writes before it closes the pipe; QueryError once ``deadline`` passes."""
    chunks = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise QueryError(
                f"{what} ran longer than {timeout:g} s and was stopped: narrow it (a LIMIT, more specific "
                "patterns) or give --timeout more seconds."
            )
        ready, _, _ = select.select([read_end], [], [], None if math.isinf(remaining) else remaining)
        if ready:
            chunk = os.read(read_end, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


def _kill(pid: int) -> None:
    """End the child at once (it may hold gigabytes) and reap it."""
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:  # pragma: no cover - it had just finished
        pass
    os.waitpid(pid, 0)
