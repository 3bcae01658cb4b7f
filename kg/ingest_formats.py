"""Turn the bytes of a report file into text: decode any encoding, strip HTML pages, read PDFs
and Word (.docx) files.

Third-party failures are wrapped at this boundary into :class:`~kg.errors.InputError`.
"""

from __future__ import annotations

import codecs
import io
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Share of decoded characters that may be control or replacement characters before a guess is refused.
_MAX_JUNK = 0.02
#: Share of Chinese characters that must be common (GB2312) for a GB18030 reading to be trusted over Big5.
_MIN_COMMON = 0.9
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_PAGE_NUMBER_RE = re.compile(r"^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页.{0,8}|\d{1,3})\s*$")
#: class/id fragments of page chrome blocks, dropped by the fallback extractor.
_CHROME_NAMES = ("nav", "menu", "header", "footer", "breadcrumb", "crumb", "share", "related", "copyright")
#: PDF layout: points within which words share a line; lines needed on both sides of a gutter;
#: share of lines that may cross it (full-width headings).
_SAME_LINE = 3
_MIN_COLUMN_LINES = 3
_MAX_CROSSING = 0.2
_SENTENCE_END_RE = re.compile("[。！？；]")
_DROPPED_TAGS = ("script", "style", "nav", "header", "footer", "noscript", "iframe", "form", "select")


def decode_bytes(data: bytes, path: Path) -> str:
    """Decode a text file: BOM, UTF-16 without BOM, strict UTF-8, then the declared HTML charset,
    GB18030 and Big5, whichever reads as common Chinese first, then a guess.

    A page's declared charset is often wrong, so it is checked like any other candidate;
    Chinese text is often misdetected by guessers, hence the fixed candidates before charset-normalizer.

    A Word file is recognised by its first bytes, whatever its name, and read by :func:`docx_to_text`.

    >>> decode_bytes("青山县".encode("gb18030"), Path("r.txt")), decode_bytes("青山縣".encode("big5"), Path("r.txt"))
    ('青山县', '青山縣')
    """
    if data.startswith(_ZIP_MAGIC):
        return docx_to_text(data, path)
    if data.startswith(_OLE_MAGIC):
        raise InputError(
            f"The file {path} is an old Word (.doc) or Excel file, which govkg does not read: save it as "
            ".docx or .txt."
        )
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, path)
    if b"\x00" in data:
        return _utf16_without_bom(data, path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET_RE.search(data[:4096])
    encodings = ([_canonical(declared.group(1).decode("ascii"))] if declared else []) + ["gb18030", "big5"]
    readings = []
    for encoding in dict.fromkeys(encodings):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        share = _common_share(text)
        if share >= _MIN_COMMON and _plausible(text):
            return text
        readings.append((share, text))
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    guess = str(best) if best is not None else ""
    if guess and _plausible(guess):
        readings.append((_common_share(guess), guess))
    readings = [(share, text) for share, text in readings if _plausible(text)]
    if not readings:
        raise InputError(
            f"The file {path} could not be decoded as text: save it as UTF-8 (or GBK) and try again."
        )
    return max(readings, key=lambda reading: reading[0])[1]


_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def docx_to_text(data: bytes, path: Path) -> str:
    """The text of a Word .docx file: paragraphs and table rows in document order, one per line.

    Other ZIP archives (.xlsx, .zip) and broken files are refused with one sentence.

    >>> docx_to_text(b"PK\x03\x04 not really a zip", Path("r.docx"))
    Traceback (most recent call last):
    ...
    kg.errors.InputError: The file r.docx looks binary (a ZIP archive, not a Word .docx file): give a .txt, .html, .pdf or .docx report.
    """
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            is_word = "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        is_word = False
    if not is_word:
        raise InputError(
            f"The file {path} looks binary (a ZIP archive, not a Word .docx file): give a .txt, .html, "
            ".pdf or .docx report."
        )
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        lines = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(" ".join(cell.text.strip() for cell in row.cells) for row in block.rows)
            else:
                lines.append(block.text)
    except (ValueError, KeyError, SyntaxError, zipfile.BadZipFile) as error:
        raise InputError(
            f"The Word file {path} could not be read ({error}): save it again or as .txt."
        ) from None
    return "\n".join(lines)


def _utf16_without_bom(data: bytes, path: Path) -> str:
    """UTF-16 text without a byte-order mark (little- or big-endian), else InputError: binary data.

    >>> _utf16_without_bom("全年增长8%。".encode("utf-16-be"), Path("r.txt"))
    '全年增长8%。'
    """
    if len(data) % 2 == 0:
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausible(text) and _common_share(text) >= _MIN_COMMON:
                return text
    raise InputError(f"The file {path} looks binary, not text: give a .txt, .html, .pdf or .docx report.")


def _common_share(text: str) -> float:
    """Share of the Chinese characters that are common ones (GB2312) once made simplified.

    A wrong reading of GBK or Big5 bytes gives many rare characters instead.

    >>> _common_share("实现地区生产总值"), _common_share("實現地區生產總值")
    (1.0, 1.0)
    >>> _common_share("實現地區生產總值".encode("big5").decode("gb18030")) < 0.9
    True
    """
    # Private-use characters are what GB18030 makes of bytes it has no character for.
    chinese = [c for c in to_simplified(text) if "\u4e00" <= c <= "\u9fff" or "\ue000" <= c <= "\uf8ff"]
    if not chinese:
        return 1.0
    return sum(1 for c in chinese if _in_gb2312(c)) / len(chinese)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional characters made simplified (OpenCC ``t2s``).

    >>> to_simplified("實現地區生產總值")
    '实现地区生产总值'
    """
    return _t2s().convert(text)


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _plausible(text: str) -> bool:
    """Whether a guessed decoding reads as a report: no junk, and non-ASCII text mostly Chinese.

    >>> _plausible("青山县2020年"), _plausible("Ã©Ã¨Ã¯ report")
    (True, False)
    """
    junk = sum(1 for c in text if c == "\ufffd" or (ord(c) < 32 and c not in "\r\n\t"))
    wide = [c for c in text if ord(c) > 0x7F]
    chinese = sum(1 for c in wide if "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef" or c in "“”‘’…—·")
    return junk <= _MAX_JUNK * len(text) and chinese >= len(wide) / 2


def _canonical(encoding: str) -> str:
    """GBK and GB2312 declarations are read as their superset GB18030."""
    return "gb18030" if encoding.lower().replace("-", "") in ("gbk", "gb2312", "gb18030") else encoding


def _strict(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(
            f"The file {path} starts like {encoding} text but could not be decoded: save it as UTF-8."
        ) from None


def html_to_text(page: str) -> str:
    """Main text of an HTML page: trafilatura (recall-oriented), else the <body> text without chrome.

    Layout tables are turned into blocks first (trafilatura would flatten a report laid out in a
    table cell into one line). The page's report title is put back as the first line. A page
    without a single sentence (navigation only) gives "".

    >>> html_to_text("<html><body><div><p>一、工作回顾</p><p>全年增长8%。</p></div></body></html>")
    '一、工作回顾\\n全年增长8%。'
    >>> html_to_text("<html><body><ul><li><a>网站首页</a></li><li><a>政务公开</a></li></ul></body></html>")
    ''
    """
    import trafilatura

    root = _parse(page)
    if root is None:
        return ""
    for element in root.iter("table", "tbody", "thead", "tfoot", "tr", "td", "th"):
        element.tag = "div"
    try:
        result = trafilatura.bare_extraction(
            root,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            deduplicate=False,
            with_metadata=True,
        )
    except Exception:  # noqa: BLE001 - trafilatura raises many kinds on broken markup; the fallback handles them
        result = None
    found = (result if isinstance(result, dict) else result.as_dict()) if result is not None else {}
    text = found.get("text") or ""
    if not text.strip():
        text = _body_text(_parse(page))
    elif (
        to_simplified(title := (found.get("title") or "").strip()).endswith("工作报告") and title not in text
    ):
        text = f"{title}\n{text}"
    # A page of links only (a column index, a site map) has no sentence: it holds no report.
    return text if _SENTENCE_END_RE.search(text) else ""


def _parse(page: str):
    """The lxml tree of a page, or None when lxml cannot make one."""
    import lxml.html

    try:
        return lxml.html.document_fromstring(page)
    except Exception:  # noqa: BLE001 - lxml rejects empty or non-HTML documents in many ways
        return None


def _body_text(root) -> str:
    """Text of <body> without scripts, styles and navigation blocks; one line per block."""
    if root is None:
        return ""
    chrome = " or ".join(f"contains(@{a}, '{w}')" for a in ("class", "id") for w in _CHROME_NAMES)
    for element in root.xpath(f"//{' | //'.join(_DROPPED_TAGS)} | //*[{chrome}]"):
        element.drop_tree()
    for block in root.xpath("//p | //div | //br | //li | //tr | //h1 | //h2 | //h3 | //h4"):
        block.tail = "\n" + (block.tail or "")
    body = root.find("body")
    return (body if body is not None else root).text_content()


def pdf_to_text(data: bytes, path: Path) -> str:
    """Text of every page of a PDF: columns read one after the other, page numbers and the
    headers and footers repeated on every page dropped, pages separated by a line break."""
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_page_lines(page) for page in pdf.pages]
    except Exception as error:  # noqa: BLE001 - pdfminer raises many kinds on a malformed file
        raise InputError(
            f"The PDF {path} could not be read ({type(error).__name__}): give a valid PDF or a .txt copy."
        ) from None
    lines = (line for page in _drop_running_lines(pages) for line in page)
    return "\n".join(line for line in lines if not _PAGE_NUMBER_RE.match(line))


def _page_lines(page) -> list[str]:
    """Lines of one pdfplumber page; a two-column page gives its left column, then its right."""
    words = page.extract_words()
    gutter = _gutter(_word_lines(words), page.width)
    if gutter is None:
        return (page.extract_text() or "").split("\n")
    return _column_order(_word_lines(words), gutter)


def _word_lines(words: list[dict]) -> list[list[dict]]:
    """Words grouped into lines by their top (within a few points), top to bottom, left to right."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= _SAME_LINE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _gutter(lines: list[list[dict]], width: float) -> float | None:
    """The x of the white band between two columns, or None for a one-column page.

    Two columns when, at some x in the middle of the page, several lines have words on both
    sides and few lines cross it.

    >>> row = lambda *spans: [{"x0": a, "x1": b, "top": 0} for a, b in spans]
    >>> _gutter([row((10, 90), (110, 190))] * 4, 200), _gutter([row((10, 190))] * 4, 200)
    (100.0, None)
    """
    best = None
    for step in range(int(width * 0.3), int(width * 0.7) + 1, 2):
        x = float(step)
        crossing = sum(1 for line in lines if any(w["x0"] < x < w["x1"] for w in line))
        both = sum(1 for line in lines if line[0]["x1"] <= x <= line[-1]["x0"])
        if both >= _MIN_COLUMN_LINES and crossing <= _MAX_CROSSING * len(lines):
            score = (crossing, -both, abs(x - width / 2))
            if best is None or score < best[0]:
                best = (score, x)
    return best[1] if best else None


def _column_order(lines: list[list[dict]], gutter: float) -> list[str]:
    """Lines of a two-column page in reading order; a line across the gutter (a header) stays in place."""
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []
    for line in lines:
        if any(w["x0"] < gutter < w["x1"] for w in line):
            out += left + right + [" ".join(w["text"] for w in line)]
            left, right = [], []
            continue
        left_words = [w["text"] for w in line if w["x1"] <= gutter]
        right_words = [w["text"] for w in line if w["x0"] >= gutter]
        left += [" ".join(left_words)] if left_words else []
        right += [" ".join(right_words)] if right_words else []
    return out + left + right


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Pages without the headers and footers repeated on them (page numbers may differ).

    A line among the first or last two of at least half the pages (two at least) is a running
    line; a report title on the first page is kept.

    >>> _drop_running_lines([["安远县人民政府文件", "正文一。", "第1页"], ["安远县人民政府文件", "正文二。", "第2页"]])
    [['正文一。'], ['正文二。']]
    """
    keys = Counter(
        key for page in pages for key in {_running_key(line) for line in page[:2] + page[-2:] if line.strip()}
    )
    running = {key for key, n in keys.items() if n >= max(2, len(pages) / 2)}
    return [
        [
            line
            for j, line in enumerate(page)
            if not (
                (j < 2 or j >= len(page) - 2)
                and _running_key(line) in running
                and not (i == 0 and line.strip().endswith("工作报告"))
            )
        ]
        for i, page in enumerate(pages)
    ]


def _running_key(line: str) -> str:
    """A line with its digits masked, so 第1页 and 第2页 count as one running line."""
    return re.sub(r"\d+", "#", line.strip())
