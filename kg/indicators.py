"""The canonical indicator a report's wording names (地区生产总值 for 全市生产总值, GDP, 经济增长 …).

The table is ``kg/lexicons/indicators.tsv``: one canonical indicator a row with its English label, the
names that mean it and an example. The build gives every observation of a canonical indicator the
same ``gov:Indicator`` node (a ``skos:Concept`` with the names as labels), and keeps the report's own
wording on the observation, so a corpus lines up across reports and years.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).parent / "lexicons" / "indicators.tsv"
_SCOPE_RE = re.compile(
    r"^(?:年度|区级|市级|县级|省级|全新区|新区|辖区|全国|全省|全市|全区|全县|全州|全旗|全盟|本省|本市|本区|本县|我省|我市|我区|我县|我国)"
)
#: A bracketed alias or note after a name: 地区生产总值(GDP).
_BRACKET_RE = re.compile(r"\([^()]{1,12}\)")
_GROWTH_RE = re.compile(r"(?:增速|增长率|增长|增幅|总量|总值)?(?:预期目标|目标|预期|的?(?:宏观)?调控目标)?$")


@dataclass(frozen=True)
class Indicator:
    """A canonical indicator: its name, English label, the names that mean it and an example."""

    name: str
    english: str
    names: tuple[str, ...]
    example: str


@lru_cache(maxsize=1)
def indicators() -> tuple[Indicator, ...]:
    """Every canonical indicator of the table, in its order.

    >>> indicators()[0].name, indicators()[0].english
    ('地区生产总值', 'gross domestic product')
    """
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, english, names, example = line.split("\t")
            rows.append(Indicator(name, english, tuple(names.split("|")), example))
    return tuple(rows)


@lru_cache(maxsize=1)
def _by_name() -> dict[str, Indicator]:
    return {_fold(n): ind for ind in indicators() for n in ind.names}


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKC", name).upper().replace(" ", "")


def canonical(name: str) -> Indicator | None:
    """The canonical indicator ``name`` means, or None.

    >>> [canonical(n).name for n in ("全市生产总值", "GDP", "本区地区生产总值增速", "地区生产总值(GDP)")]
    ['地区生产总值', '地区生产总值', '地区生产总值', '地区生产总值']
    >>> canonical("经济增长预期目标").name, canonical("经济增长速度的调控目标").name
    ('地区生产总值', '地区生产总值')
    >>> canonical("生产总值增长6%的目标"), canonical("经济发展质量")
    (None, None)
    """
    folded = _BRACKET_RE.sub("", _fold(_SCOPE_RE.sub("", name)))
    found = _by_name().get(folded)
    if found is None:
        found = _by_name().get(_GROWTH_RE.sub("", folded))
    return found


@lru_cache(maxsize=1)
def names_pattern() -> str:
    """A regex (source) of every name of three characters or more of a canonical indicator, longest
    first, with an optional scope word before it (全县生产总值)."""
    names = sorted({n for ind in indicators() for n in ind.names if len(n) >= 3}, key=lambda n: (-len(n), n))
    return _SCOPE_RE.pattern.lstrip("^") + "?(?:" + "|".join(map(re.escape, names)) + ")"


@lru_cache(maxsize=1)
def _names_re() -> re.Pattern[str]:
    return re.compile(names_pattern())


def last_named(text: str) -> str | None:
    """The last canonical indicator ``text`` names (as written with its scope word, three characters
    or more), or None.

    >>> last_named("五年来,我们推动全县生产总值跨上新台阶"), last_named("经济运行稳中向好")
    ('全县生产总值', None)
    """
    found = list(_names_re().finditer(text))
    return found[-1].group() if found else None
