"""The general lexicons of ``kg/lexicons/``, read once on first use.

Every file carries a header comment naming its source; this module parses them and compiles the
regexes that match their terms in a text.
No lexicon holds a name from one particular report.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

from kg.types import Document

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"

#: The names of the country as a report's region (the State Council's reports).
_COUNTRY = ("中华人民共和国", "中国", "全国")

#: Short forms of divisions that are generic words, never a place's name on their own.
_GENERIC_SHORTS = frozenset({"经开区", "高新区", "新区", "开发区", "市辖区", "城区", "郊区", "矿区"})


def _lines(filename: str) -> list[str]:
    """The non-empty, non-comment lines of a lexicon file, stripped.

    >>> "国务院" in _lines("organizations_national.txt")
    True
    """
    text = (LEXICON_DIR / filename).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def terms(filename: str) -> frozenset[str]:
    """The set of terms listed one per line in ``filename``.

    >>> "河长制" in terms("policies_national.txt")
    True
    """
    return frozenset(_lines(filename))


@lru_cache(maxsize=1)
def heads() -> dict[str, str]:
    """Map each name head (suffix) to the entity type it gives (``heads.tsv``).

    >>> heads()["隧道"], heads()["社区"]
    ('Project', 'Place')
    """
    return dict(line.split("\t")[:2] for line in _lines("heads.tsv"))


def head_examples() -> list[tuple[str, str, str, str]]:
    """The rows of ``heads.tsv`` that carry an example: (head, type, sentence, the name it gives).

    >>> ("研究院", "Organization") in [row[:2] for row in head_examples()]
    True
    """
    rows = [line.split("\t") for line in _lines("heads.tsv")]
    return [(r[0], r[1], r[2], r[3]) for r in rows if len(r) >= 4]


@lru_cache(maxsize=1)
def divisions() -> dict[str, tuple[str, str]]:
    """Map each division's full name to (short name, level) from ``divisions.tsv``.

    >>> divisions()["湖南省"]
    ('湖南', 'province')
    """
    out: dict[str, tuple[str, str]] = {}
    for line in _lines("divisions.tsv"):
        name, short, level = line.split("\t")[:3]
        if short in _GENERIC_SHORTS or len(short) < 2:
            short = name
        out.setdefault(name, (short, level))
    return out


@lru_cache(maxsize=1)
def division_shorts() -> dict[str, str]:
    """Map each province's and city's short name (湖南, 长沙) to its full name.

    County short names are left out: many are common words (朝阳, 和平, 新华).

    >>> division_shorts()["湖南"]
    '湖南省'
    """
    out: dict[str, str] = {}
    for name, (short, level) in sorted(divisions().items()):
        if level != "county" and short != name:
            out.setdefault(short, name)
    return out


@lru_cache(maxsize=1)
def division_codes() -> tuple[tuple[str, str], ...]:
    """(short name, code) of every division whose short name is a name of its own (not 经开区).

    >>> ("湖南", "430000") in division_codes()
    True
    """
    out: set[tuple[str, str]] = set()
    for line in _lines("divisions.tsv"):
        name, short, _, code = line.split("\t")[:4]
        if short not in _GENERIC_SHORTS and len(short) >= 2 and short != name:
            out.add((short, code))
    return tuple(sorted(out))


#: Regexes compiled over the lexicons, by key, built on first use.
_REGEX_CACHE: dict[object, re.Pattern[str]] = {}


def _alternation(words: list[str]) -> str:
    """A regex source matching any of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def lexicon_regex() -> re.Pattern[str]:
    """One regex over the nationwide policy, organisation and macro-region lexicons, longest term first."""
    if "lexicon" not in _REGEX_CACHE:
        words = (
            terms("policies_national.txt")
            | terms("organizations_national.txt")
            | terms("places_national.txt")
        )
        _REGEX_CACHE["lexicon"] = re.compile(_alternation(list(words)))
    return _REGEX_CACHE["lexicon"]


@lru_cache(maxsize=1)
def _full_divisions() -> tuple[frozenset[str], dict[str, tuple[int, ...]], re.Pattern[str]]:
    """The division full names of three characters or more; by last character (县, 区, 市, ...) the
    lengths of the names ending in it; a regex matching one such last character."""
    names = frozenset(n for n in divisions() if len(n) >= 3)
    lengths: dict[str, set[int]] = {}
    for name in names:
        lengths.setdefault(name[-1], set()).add(len(name))
    ends = re.compile("[" + "".join(re.escape(ch) for ch in sorted(lengths)) + "]")
    return names, {ch: tuple(sorted(ls, reverse=True)) for ch, ls in lengths.items()}, ends


@lru_cache(maxsize=64)
def _shorts_regex(shorts: tuple[str, ...]) -> re.Pattern[str]:
    """A regex over ``shorts``, the longest first."""
    return re.compile(_alternation(list(shorts)))


def opens_with_division(text: str) -> bool:
    """True when ``text`` opens with a division's full name.

    >>> opens_with_division("湖南省人民政府"), opens_with_division("人民政府")
    (True, False)
    """
    names, lengths, _ = _full_divisions()
    return any(n in lengths.get(text[n - 1], ()) and text[:n] in names for n in range(3, len(text) + 1))


def find_divisions(text: str, shorts: tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans of division full names and of the report's own short names (``shorts``) in ``text``,
    left to right, the longest at each place, none overlapping: what a regex alternating them, the
    longest first, finds. Full names are found from their last character (县, 区, 市, ...), so the
    scan costs a look-up per such character, not a try of every name at every character.

    >>> find_divisions("湖南省长沙市岳麓区和长沙", ("长沙",))
    [(0, 3), (3, 6), (6, 9), (10, 12)]
    """
    names, lengths, ends = _full_divisions()
    longest: dict[int, int] = {}
    for match in ends.finditer(text):
        end = match.end()
        for n in lengths[match.group()]:
            if end - n >= 0 and text[end - n : end] in names:
                longest[end - n] = end  # ends come in order: the last one is the longest
    regex = _shorts_regex(shorts) if shorts else None
    found = regex.search(text) if regex else None
    while found:
        start, end = found.span()
        longest[start] = max(longest.get(start, 0), end)
        found = regex.search(text, start + 1)
    spans: list[tuple[int, int]] = []
    for start in sorted(longest):
        if not spans or start >= spans[-1][1]:
            spans.append((start, longest[start]))
    return spans


def region_shorts(doc: Document) -> tuple[str, ...]:
    """Short names (涪城, 绵阳) of the report's region, its parents and, for a province or a city, the
    divisions under it (a city report names its counties by their short names: 甲县 → 甲).

    >>> region_shorts(Document("", (), (), region_full="四川省绵阳市涪城区"))
    ('四川', '涪城', '绵阳')
    >>> "江油" in region_shorts(Document("", (), (), region_full="四川省绵阳市", region_code="510700"))
    True
    >>> region_shorts(Document("", (), (), region_full="中华人民共和国"))
    ('中国',)
    >>> region_shorts(Document("", (), (), region="白鹭新区", region_full="四川省绵阳市白鹭新区"))
    ('四川', '白鹭', '绵阳')
    """
    full = doc.region_full or doc.region
    if full in _COUNTRY:
        return ("中国",)  # the State Council's report: the country is its region
    out = {short for name, (short, _) in divisions().items() if full and name in full and short != name}
    out |= {short for short, name in division_shorts().items() if full and name in full}
    code = doc.region_code or ""
    prefix = code[:2] if code.endswith("0000") else code[:4] if code.endswith("00") else None
    if prefix:
        out |= {s for s, c in division_codes() if c.startswith(prefix) and c != code}
    zone = doc.region or ""
    if zone.endswith("新区") and len(zone) > 3:
        out.add(zone[:-2])  # a new area (甲乙新区) names itself 甲乙 as a division does
    return tuple(sorted(out))
