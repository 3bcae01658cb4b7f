"""Random text through ingest and extract: no exception but a plain InputError, bounded time and memory.

The text mixes Chinese characters and report words, digits, Chinese and ASCII punctuation,
spaces, line breaks and control characters (NUL, BOM, zero-width, line separators). The budget
is fixed and the examples are derandomised, so CI runs the same cases in a few seconds.
"""

import resource

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.extract import extract
from kg.ingest import ingest_text
from kg.limits import MAX_SENTENCE_CHARS

#: Invented report vocabulary: words the grammar reacts to, no name from a real report.
WORDS = (
    "2021年", "青禾县", "政府工作报告", "一、", "（二）", "工作回顾", "工作安排", "地区生产总值",
    "增长", "下降", "左右", "以上", "亿元", "万元", "%", "个百分点", "项目", "产业园", "有限公司",
    "建成", "开工", "推进", "完成投资", "位于", "第一", "分别", "名词解释", "其中", "同比",
)  # fmt: skip
CHARS = "青禾新区建设智能装备云岭科技公司一二三四五六七八九十百千万亿年月日"
DIGITS = "0123456789０１２３.．"
PUNCTUATION = "。，；！？、：“”‘’（）《》【】—…-+/%,.;:!?()[]<>&#=@"
CONTROL = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u2028\u2029\ufeff\u200b\u200d\u00ad\t\r\n "

pieces = st.one_of(
    st.sampled_from(WORDS),
    st.text(alphabet=CHARS + DIGITS + PUNCTUATION + CONTROL, min_size=1, max_size=6),
)
report_like = st.lists(pieces, max_size=200).map("".join)
#: A long run without one sentence end, as a scraped page whose punctuation was lost.
unpunctuated = st.lists(st.sampled_from(CHARS + DIGITS), min_size=MAX_SENTENCE_CHARS, max_size=2000).map(
    "".join
)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ingest_and_extract(text: str) -> None:
    try:
        doc = ingest_text(text, source="fuzz")
    except InputError:
        return  # empty after cleaning, or not Chinese: refused with a sentence, as it should be
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in doc.sentences)
    for sentence in doc.sentences:
        assert doc.text[sentence.start : sentence.end] == sentence.text
    extraction = extract(doc)
    for mention in extraction.mentions:  # offsets into doc.text, inside the mention's sentence
        sentence = doc.sentences[mention.sentence]
        assert sentence.start <= mention.start < mention.end <= sentence.end
        assert doc.text[mention.start : mention.end] == mention.text


_BUDGET = settings(
    max_examples=40,
    deadline=3000,  # ms per example: a hang or a blow-up fails here
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    phases=[Phase.explicit, Phase.generate],  # no shrinking: each example costs a tagger run
)


def test_random_report_like_text_never_raises_but_input_errors():
    extract(
        ingest_text("二、2021年工作安排\n地区生产总值增长6%左右。")
    )  # the tagger loaded outside the deadline
    before = _peak_mb()

    @_BUDGET
    @given(report_like)
    def check(text):
        _ingest_and_extract(text)

    check()
    assert _peak_mb() - before < 300


def test_long_unpunctuated_runs_stay_bounded():
    extract(ingest_text("二、2021年工作安排\n地区生产总值增长6%左右。"))

    @settings(_BUDGET, max_examples=5)
    @given(unpunctuated)
    def check(text):
        _ingest_and_extract("2021年青禾县政府工作报告\n" + text)

    check()
