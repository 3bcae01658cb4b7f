"""Turn the bytes of a report file into text: decode any encoding, strip HTML pages, read PDFs.

Third-party failures are wrapped at this boundary into :class:`~kg.errors.InputError`.
"""

from __future__ import annotations

import codecs
import io
import re
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
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_DROPPED_TAGS = ("script", "style", "nav", "header", "footer", "noscript", "iframe", "form", "select")


def decode_bytes(data: bytes, path: Path) -> str:
    """Decode a text file: BOM, then strict UTF-8, then a declared HTML charset, then GB18030, then a guess.

    Chinese text is often misdetected by guessers, hence GB18030 before charset-normalizer.

    >>> decode_bytes("青山县".encode("gb18030"), Path("r.txt"))
    '青山县'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, path)
    if b"\x00" in data:
        raise InputError(f"The file {path} looks binary, not text: give a .txt, .html or .pdf report.")
    declared = _META_CHARSET_RE.search(data[:4096])
    encodings = ["utf-8"] + ([declared.group(1).decode("ascii")] if declared else []) + ["gb18030"]
    for encoding in encodings:
        try:
            return data.decode(_canonical(encoding))
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    text = str(best) if best is not None else ""
    junk = sum(1 for c in text if c == "\ufffd" or (ord(c) < 32 and c not in "\r\n\t"))
    if not text or junk > _MAX_JUNK * len(text):
        raise InputError(
            f"The file {path} could not be decoded as text: save it as UTF-8 (or GBK) and try again."
        )
    return text


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

    >>> html_to_text("<html><body><div><p>一、工作回顾</p><p>全年增长8%。</p></div></body></html>")
    '一、工作回顾\\n全年增长8%。'
    """
    import trafilatura

    try:
        text = trafilatura.extract(
            page,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            deduplicate=False,
        )
    except Exception:  # noqa: BLE001 - trafilatura raises many kinds on broken markup; the fallback handles them
        text = None
    return text if text and text.strip() else _body_text(page)


def _body_text(page: str) -> str:
    """Text of <body> with scripts, styles and navigation removed; one line per block."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(page)
    except Exception:  # noqa: BLE001 - lxml rejects empty or non-HTML documents
        return ""
    for element in root.xpath("//" + " | //".join(_DROPPED_TAGS)):
        element.drop_tree()
    for block in root.xpath("//p | //div | //br | //li | //tr | //h1 | //h2 | //h3 | //h4"):
        block.tail = "\n" + (block.tail or "")
    body = root.find("body")
    return (body if body is not None else root).text_content()


def pdf_to_text(data: bytes, path: Path) -> str:
    """Text of every page of a PDF, pages separated by a line break."""
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    except Exception as error:  # noqa: BLE001 - pdfminer raises many kinds on a malformed file
        raise InputError(
            f"The PDF {path} could not be read ({type(error).__name__}): give a valid PDF or a .txt copy."
        ) from None
