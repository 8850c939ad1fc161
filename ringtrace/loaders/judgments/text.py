"""From file bytes to the plain text the parser reads.

Judgments arrive as plain text (one paragraph per line, or a whole mirror page flattened onto one
line), as HTML (裁判文书网 pages with ``<a type='dir' name='WBSB'>`` anchors, Word-exported
``<p class=MsoNormal><span>`` fragments that split numbers across tags, mirror pages) or as
``.docx``. Every form becomes lines of text here; the rest of the parser never sees markup.

Inline tags (``span``, ``font``, ``b``…) are dropped *without* a break so that
``内<span>0102</span>民初<span>4785</span>号`` reads back as one case number; block tags and the
section anchors end a line. Page markers such as ``—2—`` (which can cut ``2013年`` in two) are
removed, re-joining the sentence they interrupted.
"""

from __future__ import annotations

import html
import re
import zipfile
from io import BytesIO
from xml.etree import ElementTree

from ringtrace.errors import LoadError

#: elements whose start or end tag ends a line
_BLOCK_TAGS = frozenset(["p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "section", "article", "header", "footer", "blockquote", "pre", "dd", "dt", "hr", "title", "td", "th"])
#: elements dropped with their content
_SKIPPED_TAGS = frozenset(("script", "style", "head", "noscript", "template", "svg"))
#: a comment opener, or a tag: ``<`` up to the next ``>`` with no ``<`` inside (linear on any
#: run of ``<``); ``name`` is empty for declarations and processing instructions
_MARKUP = re.compile(r"<!--|<(?:[!?][^<>]*|\s*(?P<close>/)?\s*(?P<name>[A-Za-z][A-Za-z0-9]{0,15})"
                     r"\b[^<>]*)>")
#: a 裁判文书网 section anchor <a type='dir' name='WBSB'>
_DIR_ANCHOR = re.compile(r"\btype\s{0,8}=\s{0,8}['\"]?dir\b", re.I)
_HTML_SNIFF = re.compile(r"<\s*(?:!doctype|html|body|div|p|span|a|br|table|meta)\b", re.I)
# —1—  /  - 2 -  /  第3页  /  第 3 页 共 8 页, alone on a line
_PAGE_MARKER = re.compile(r"\n[ \t\u3000]*(?:[—\-－–─]{1,3}[ \t\u3000]*\d{1,3}[ \t\u3000]*"
                          r"[—\-－–─]{1,3}|第[ \t]*\d{1,3}[ \t]*页(?:[ \t]*共[ \t]*\d{1,3}[ \t]*页)?)"
                          r"[ \t\u3000]*(?:\n|$)")
_SENTENCE_END = "。：:；;！？!?」”）)"
#: provenance notes some collections put above a document (``# source: …``)
_COMMENT_LINES = re.compile(r"\A(?:[ \t]*#[^\n]*(?:\n|\Z))+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
#: pinyin that some converting mirrors print after a character they could not map: 现(xiàn)
_PINYIN_NOTE = re.compile(r"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùü"
                          r"ǖǘǚǜ]{1,7}\)")
#: a whitespace run longer than any layout needs (it would only slow the patterns down)
_LONG_WHITESPACE = re.compile(r"[ \t\u00a0\u3000]{17,}|\s{17,}")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def looks_like_html(text: str) -> bool:
    """True when ``text`` is markup rather than plain judgment text."""
    return bool(_HTML_SNIFF.search(text[:4000]))


def html_to_text(markup: str) -> str:
    """Plain text of an HTML page: one line per block element, inline tags joined.

    Source line breaks are layout and are dropped; scripts, styles, the ``<head>`` and
    comments (including Word's conditional comments) are removed; entities are decoded.

    Linear in the length of the page whatever it holds: a tag is ``<`` up to the next ``>``
    with no ``<`` inside (so a run of ``<`` is scanned once), and comments and skipped
    elements are closed with ``str.find`` from where the last search of the same kind ended.
    (The standard library's ``html.parser`` is quadratic on runs of ``<!--``, and lexbor
    (selectolax) on deeply nested ``<div>``s.)
    """
    text = markup.replace("\r", "").replace("\n", "")
    lower: str | None = None
    n = len(text)
    out: list[str] = []
    found: dict[str, int] = {}  # the last position found for each needle (-1: none left)

    def find(needle: str, start: int) -> int:
        nonlocal lower
        if lower is None:
            lower = text.lower()
        at = found.get(needle)
        if at is None or (at != -1 and at < start):
            at = lower.find(needle, start)
            found[needle] = at
        return at

    i = 0
    while i < n:
        m = _MARKUP.search(text, i)
        if m is None:
            out.append(text[i:])
            break
        out.append(text[i:m.start()])
        i = m.end()
        if m.group(0) == "<!--":
            end = find("-->", i)
            i = n if end < 0 else end + 3
            continue
        name = (m.group("name") or "").lower()
        if not name:  # <!DOCTYPE …>, <![endif]>, <?xml …?>
            continue
        if name in _SKIPPED_TAGS and not m.group("close") and not m.group(0).endswith("/>"):
            end = find(f"</{name}", i)
            if end < 0:
                break
            close = find(">", end)
            i = n if close < 0 else close + 1
        elif name in _BLOCK_TAGS or (name == "a" and _DIR_ANCHOR.search(m.group(0))):
            out.append("\n")
    return html.unescape("".join(out)).replace("\u00a0", " ")


def docx_to_text(data: bytes, path: str = "<docx>") -> str:
    """Paragraph text of a ``.docx`` file, read with the standard library (zip + XML).

    Raises :class:`~ringtrace.errors.LoadError` when the bytes are not a Word document.
    """
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
        root = ElementTree.fromstring(xml)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as exc:
        raise LoadError(f"{path}: not a readable .docx file ({exc}); save it again from Word "
                        "or export it as .txt") from exc
    lines = []
    for para in root.iter(f"{_W}p"):
        chunks = []
        for node in para.iter():
            if node.tag == f"{_W}t" and node.text:
                chunks.append(node.text)
            elif node.tag == f"{_W}tab":
                chunks.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                chunks.append("\n")
        lines.append("".join(chunks))
    return "\n".join(lines)


def _join_page_break(match: re.Match[str], text: str) -> str:
    before = text[max(0, match.start() - 8):match.start()].rstrip(" \t\u3000")
    return "\n" if not before or before[-1] in _SENTENCE_END else ""


def strip_provenance(text: str) -> str:
    """Drop ``# source: …`` lines that some collections put above a document."""
    return _COMMENT_LINES.sub("", text.lstrip("\ufeff")) if text.lstrip().startswith("#") \
        else text


def _one_blank(match: re.Match[str]) -> str:
    run = match.group(0)
    return "\n\n" if run.count("\n") > 1 else "\n" if "\n" in run else " "


def clean_text(text: str) -> str:
    """Line endings unified; invisible characters, page markers and pinyin notes removed.

    Whitespace runs longer than 16 characters become one space (or one or two line breaks),
    so that no pattern of the parser ever walks a long run again and again (a page of 200,000
    spaces took half a minute before).

    A page marker inside a sentence is removed together with its line breaks, so that a word
    split across pages (``2013`` / ``—2—`` / ``年11月``) is whole again.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    if "   " in text or "\t" in text or "\u3000\u3000" in text or "\n\n\n" in text:
        text = _LONG_WHITESPACE.sub(_one_blank, text)
    text = "\n".join(line.rstrip(" \t\u00a0") for line in text.split("\n"))
    if "页" in text or "—" in text or "-" in text or "－" in text:
        text = "\n" + text
        text = _PAGE_MARKER.sub(lambda m: _join_page_break(m, text), text)
    if "(" in text:
        text = _PINYIN_NOTE.sub("", text)
    return _MANY_NEWLINES.sub("\n\n", text).strip()
