"""Definitions of terms: the report's glossary (名词解释) and in-text "所谓X，即…" / "X是指…".

A glossary item reads ``1.“五中心合一”综治模式(P2)：即将……。`` in a clean copy and loses its
quotes or brackets in scraped ones (``3.“智慧社区P5):指……``). Items are numbered 1, 2, 3 …;
an item's definition runs to the next item, however many sentences or lines it spans.
The term is kept as written, without quotes and page reference; the definition as written,
without line breaks, its leading 即/指 included.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from kg.types import Document, Mention, Relation

#: A numbered item marker at the start of a line or after a full stop: ``1.`` ``2、`` ``10．``.
_ITEM_RE = re.compile(r"(?:^|(?<=[\n。]))\s*(\d{1,2})\s*[.．、]")
#: Term, optional page reference (P2) / (P2 / P2), colon, definition.
_TERM_RE = re.compile(
    r"(?P<term>[^:：。\n]{1,40}?)\s*(?P<page>[(（]?\s*[Pp]\s*\d{1,3}\s*[)）]?)?\s*[:：]\s*(?P<definition>.+)",
    re.DOTALL,
)
_QUOTES_RE = re.compile(r"[“”\"'‘’「」『』《》()（）\s]")
_SPACE_RE = re.compile(r"\s+")
#: The last item ends with its line (what follows is a note such as "(以上说明均根据…整理)").
_LAST_END_RE = re.compile(r"。[”’」』)]*\s*(?:\n|$)")
#: In-text definitions: "所谓X，即…" and "X是指…" (term in optional quotes).
_SUOWEI_RE = re.compile(r"所谓(?P<term>[^,，。]{2,24}?)[,，](?P<definition>(?:即|是指|就是|指)[^。]*。?)")
_SHIZHI_RE = re.compile(r"[”\"]?是(?P<definition>指[^。]*。?)")

_DEFAULT_TYPE = "Policy"


def extract_definitions(doc: Document, mentions: Sequence[Mention] = ()) -> tuple[Relation, ...]:
    """``definition`` relations from the glossary and from in-text definitions.

    The subject's type is the type of a mention with the term's name, else ``"Policy"``.

    Parameters
    ----------
    doc : the ingested report; glossary items are its sentences with ``part == "glossary"``.
    mentions : the report's mentions, used for the subjects' types and in-text definitions.

    Returns
    -------
    The relations, in text order.

    Example
    -------
    >>> from kg.types import Sentence
    >>> text = "1.“河湖长制”(P3):即由各级负责人分段负责河湖管护。\\n2.一网通办P4:指政务服务一网办理。"
    >>> sentences = (Sentence(0, text[:27], 0, 27, None, None, "glossary"),
    ...              Sentence(1, text[28:], 28, len(text), None, None, "glossary"))
    >>> doc = Document(text=text, sentences=sentences, sections=())
    >>> [(r.subject, r.object) for r in extract_definitions(doc)]
    [('河湖长制', '即由各级负责人分段负责河湖管护。'), ('一网通办', '指政务服务一网办理。')]
    """
    types = _types_by_name(mentions)
    found = list(_glossary_definitions(doc, types))
    found.extend(_in_text_definitions(doc, mentions, types))
    return tuple(sorted(found, key=lambda r: (r.start, r.end, r.subject)))


def _types_by_name(mentions: Sequence[Mention]) -> dict[str, str]:
    """The type of every name: Policy when some mention has it, else that of the first mention.

    >>> _types_by_name([Mention("甲", "Place", 0, 0, 1), Mention("甲", "Policy", 1, 5, 6)])
    {'甲': 'Policy'}
    """
    types: dict[str, str] = {}
    for mention in sorted(mentions, key=lambda m: (m.start, m.end, m.type)):
        if mention.type == _DEFAULT_TYPE or mention.name not in types:
            types[mention.name] = mention.type
    return types


def normalise_term(term: str) -> str:
    """A glossary term without quotes, brackets, spaces and trailing page reference.

    >>> normalise_term("“四个一”工作法(P12)"), normalise_term("“智慧园区P5)")
    ('四个一工作法', '智慧园区')
    """
    term = re.sub(r"[(（]?\s*[Pp]\s*\d{1,3}\s*[)）]?\s*$", "", term.strip())
    return _QUOTES_RE.sub("", term)


def _glossary_definitions(doc: Document, types: dict[str, str]):
    """Relations for the numbered items in the glossary sentences."""
    glossary = [s for s in doc.sentences if s.part == "glossary"]
    if not glossary:
        return
    start, end = glossary[0].start, glossary[-1].end
    items = _numbered_items(doc.text, start, end)
    starts = [s.start for s in doc.sentences]
    for index, (item_start, body_start) in enumerate(items):
        last = index + 1 == len(items)
        item_end = _last_item_end(doc.text, body_start, end) if last else items[index + 1][0]
        while item_end > body_start and doc.text[item_end - 1].isspace():
            item_end -= 1
        match = _TERM_RE.match(doc.text, body_start, item_end)
        if not match:
            continue
        term = normalise_term(match.group("term"))
        definition = _SPACE_RE.sub("", match.group("definition"))
        if not term or not definition:
            continue
        sentence = doc.sentences[bisect.bisect_right(starts, item_start) - 1].index
        yield Relation(
            term,
            types.get(term, _DEFAULT_TYPE),
            "definition",
            definition,
            None,
            sentence,
            item_start,
            item_end,
        )


def _numbered_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(marker start, body start) of the items numbered in sequence between ``start`` and ``end``.

    A number that does not continue the sequence (a figure inside a definition) is not an item.

    >>> _numbered_items("1.甲:即一。\\n5.乙\\n2.丙:指二。", 0, 20)
    [(0, 2), (12, 14)]
    """
    items: list[tuple[int, int]] = []
    expected = None
    for match in _ITEM_RE.finditer(text, start, end):
        number = int(match.group(1))
        if expected is None or number == expected:
            items.append((match.start(1), match.end()))
            expected = number + 1
    return items


def _last_item_end(text: str, body_start: int, end: int) -> int:
    """The end of the last item: its line's closing full stop, else the glossary's end."""
    match = _LAST_END_RE.search(text, body_start, end)
    return match.start() + 1 if match else end


def _in_text_definitions(doc: Document, mentions: Sequence[Mention], types: dict[str, str]):
    """Relations for "所谓X，即…" anywhere and for "X是指…" right after a mention X."""
    for sentence in doc.sentences:
        if sentence.part == "glossary":
            continue
        for match in _SUOWEI_RE.finditer(doc.text, sentence.start, sentence.end):
            term = normalise_term(match.group("term"))
            yield Relation(
                term,
                types.get(term, _DEFAULT_TYPE),
                "definition",
                match.group("definition"),
                None,
                sentence.index,
                match.start(),
                match.end(),
            )
    by_index = {s.index: s for s in doc.sentences}
    for mention in mentions:
        sentence = by_index.get(mention.sentence)
        if sentence is None or sentence.part == "glossary":
            continue
        match = _SHIZHI_RE.match(doc.text, mention.end, sentence.end)
        if match:
            yield Relation(
                mention.name,
                mention.type,
                "definition",
                match.group("definition"),
                None,
                mention.sentence,
                mention.start,
                match.end(),
            )
