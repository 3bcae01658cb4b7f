"""Administrative divisions a report names, resolved to their GB/T 2260 code from context, never guessed.

The national list is the one region detection reads (:func:`kg.ingest_region.division_list`: every
province, prefecture-level city and county with its code, short name and parents), so a division
named in a report and a report's own region get the same full name and node.
A place name with a division ending (南山区, 海口市, 朝阳区) names the division of that name that the
context singles out, by the first rule that leaves exactly one candidate:

1. the name itself names a parent (海口市龙华区, 吉林省长春市朝阳区);
2. one candidate lies in the report's own city, else one in the report's own province;
3. one candidate's city or province is named (full or short name) in the sentence of the mention;
4. the name is borne by one division only.

Otherwise the name stays unresolved (a place of the report's region, as a street is) with a note that
names the divisions it could be. Generic names that the list also holds as divisions (城区, 郊区,
矿区) are never resolved.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

#: Names the national list holds as divisions that reports use as common nouns (城区: the urban area).
GENERIC_NAMES = frozenset({"城区", "郊区", "矿区", "市辖区", "新区", "开发区", "高新区", "经开区"})

_LONGEST_NAME = 16


@dataclass(frozen=True)
class Division:
    """A division of the national list: own name, short name, level, code, full name, parents' codes."""

    name: str
    short: str
    level: str
    code: str
    full: str
    parents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Resolution:
    """What a place name resolves to: one division, or none with a note saying why."""

    division: Division | None = None
    note: str = ""


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Division]:
    """Every division by its code."""
    from kg.ingest_region import division_list

    return {
        region.code: Division(region.name, short, region.level, region.code, region.full, parents)
        for region, short, parents in division_list()
    }


@lru_cache(maxsize=1)
def divisions_by_name() -> dict[str, tuple[Division, ...]]:
    """Every division by its own name (朝阳区 → the two of them), in code order.

    >>> [d.full for d in divisions_by_name()["朝阳区"]]
    ['北京市朝阳区', '吉林省长春市朝阳区']
    """
    out: dict[str, list[Division]] = {}
    for code, division in sorted(_by_code().items()):
        out.setdefault(division.name, []).append(division)
    return {name: tuple(found) for name, found in out.items()}


def encloses(parent: str, code: str) -> bool:
    """True when the division coded ``parent`` contains the one coded ``code``.

    >>> encloses("440300", "440305"), encloses("440000", "440305"), encloses("460100", "440305")
    (True, True, False)
    """
    division = _by_code().get(code)
    return division is not None and parent in division.parents


def split_names(name: str) -> list[str] | None:
    """``name`` as a chain of division names, outermost first, or None when it is not one.

    >>> split_names("海口市龙华区"), split_names("南山区"), split_names("南山路")
    (['海口市', '龙华区'], ['南山区'], None)
    """
    known = divisions_by_name()
    chain, position = [], 0
    while position < len(name):
        for length in range(min(_LONGEST_NAME, len(name) - position), 1, -1):
            if name[position : position + length] in known:
                chain.append(name[position : position + length])
                position += length
                break
        else:
            return None
    return chain or None


def _single(candidates: list[Division]) -> Division | None:
    return candidates[0] if len(candidates) == 1 else None


def resolve(name: str, region_code: str | None = None, sentence: str = "") -> Resolution:
    """The division ``name`` stands for in a report of the region coded ``region_code``.

    Parameters
    ----------
    name : a place name as the report writes it (南山区, 海口市龙华区).
    region_code : the GB/T 2260 code of the report's region, when known.
    sentence : the sentence of the mention, where a parent city or province may be named.

    Returns
    -------
    Resolution with the division, or without one and a note (empty when ``name`` is no division).

    Example
    -------
    >>> resolve("龙华区", "440305").division.full          # a report of 深圳市南山区
    '广东省深圳市龙华区'
    >>> resolve("龙华区", "460105").division.code          # a 海口 district's report
    '460106'
    >>> resolve("龙华区", "330106", "与海口市开展合作").division.code
    '460106'
    >>> resolve("龙华区", "330106").note
    '龙华区 is the name of several divisions (广东省深圳市龙华区 440309, 海南省海口市龙华区 460106): not resolved'
    >>> resolve("南山路", "440305")
    Resolution(division=None, note='')
    """
    chain = split_names(name)
    if not chain or chain[-1] in GENERIC_NAMES:
        return Resolution()
    candidates = list(divisions_by_name()[chain[-1]])
    for parent_name in chain[:-1]:
        parents = [p.code for p in divisions_by_name()[parent_name]]
        candidates = [c for c in candidates if any(encloses(p, c.code) for p in parents)]
    if not candidates:
        return Resolution(note=f"{name}: no division of this name lies in the parents it names")
    if len(chain) > 1 and len(candidates) == 1:
        return Resolution(candidates[0])
    region = _by_code().get(region_code or "")
    if region:  # inside the report's region, else its city, else its province
        for parent in (region.code, *reversed(region.parents)):
            found = _single([c for c in candidates if encloses(parent, c.code) or c.code == region.code])
            if found:
                return Resolution(found)
    named = [c for c in candidates if _parent_named(c, sentence)]
    found = _single(named) or _single(candidates)
    if found:
        return Resolution(found)
    options = ", ".join(f"{c.full} {c.code}" for c in candidates)
    return Resolution(note=f"{name} is the name of several divisions ({options}): not resolved")


def _parent_named(division: Division, sentence: str) -> bool:
    """True when the sentence names the city or province of ``division`` (full or short name)."""
    parents = [_by_code()[code] for code in division.parents]
    return any(p.name in sentence or (len(p.short) >= 2 and p.short in sentence) for p in parents)
