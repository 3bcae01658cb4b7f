"""Bounds on the work one input may cause: the size of a report file and the length of a sentence.

Tagging and matching cost more than linear time in the length of a sentence, so a scraped page
whose punctuation was lost (a flattened table, a 5 MB "sentence") used to take minutes and many
gigabytes. Ingest therefore cuts every sentence longer than :data:`MAX_SENTENCE_CHARS` into pieces
(at a comma, colon or space when there is one, else hard), which keeps work and memory linear in
the size of the input; no sentence of a real report is that long (the longest in the shared corpus
has 663 characters). A file larger than :data:`MAX_INPUT_BYTES` is refused before it is read.
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import InputError

#: The largest report file read, in bytes (the longest real report is about 0.2 MB); the
#: environment variable ``GOVKG_MAX_INPUT_MB`` raises or lowers it.
MAX_INPUT_BYTES = 5_000_000
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
