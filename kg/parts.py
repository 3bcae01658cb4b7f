"""Whether a sentence speaks of the year under review or of the plan, from its words alone.

Used by :mod:`kg.ingest` where the headings do not say (a slogan heading, no headings at all):
a linear model over character unigrams and bigrams, trained by ``scripts/train_parts.py`` on the
sentences of reports whose headings name their part (工作回顾 / 工作安排). Its weights ship as
``kg/lexicons/part_weights.tsv`` (one n-gram and its weight a line; the first line is the bias), read
once; scoring is a sum, so it is fast and the same on every machine.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

WEIGHTS = Path(__file__).parent / "lexicons" / "part_weights.tsv"
#: Longest n-gram the model reads.
MAX_N = 2


@lru_cache(maxsize=1)
def _weights() -> tuple[float, dict[str, float]]:
    bias, table = 0.0, {}
    for line in WEIGHTS.read_text(encoding="utf-8").splitlines():
        gram, _, weight = line.rpartition("\t")
        if gram == "<bias>":
            bias = float(weight)
        elif gram:
            table[gram] = float(weight)
    return bias, table


def grams(sentence: str) -> set[str]:
    """The distinct character n-grams (1 to :data:`MAX_N`) the model reads.

    >>> sorted(grams("增长了"))
    ['了', '增', '增长', '长', '长了']
    """
    return {sentence[i : i + n] for n in range(1, MAX_N + 1) for i in range(len(sentence) - n + 1)}


def plan_score(sentence: str) -> float:
    """Log-odds that ``sentence`` belongs to the plan part rather than the review: above 0 plan.

    >>> plan_score("今年要加快推进产业转型,力争全年增长6%左右。") > 0
    True
    >>> plan_score("去年全市生产总值比上年增长了7.1%,圆满完成了年初确定的目标。") < 0
    True
    """
    bias, table = _weights()
    return bias + sum(table.get(g, 0.0) for g in grams(sentence))
