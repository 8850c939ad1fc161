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
import zlib
from io import BytesIO
from xml.etree import ElementTree

from ringtrace.errors import InputTooLarge, LoadError
from ringtrace.loaders.limits import check_zip, current_limits

_BLOCK_NAMES = ("p|div|br|tr|li|h[1-6]|table|ul|ol|section|article|header|footer|blockquote|pre|dd|"
                "dt|hr|title|td|th")
#: elements dropped with their content
_SKIPPED_TAGS = ("script", "style", "head", "noscript", "template", "svg")
_SKIPPED_OPEN = re.compile(r"<(script|style|head|noscript|template|svg)\b[^<>]*>")
#: a comment (an unclosed one has been cut off before this runs, so the lazy scan is linear)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
#: <!DOCTYPE …>, <![endif]>, <?xml …?>
_DECLARATION = re.compile(r"<[!?][^<>]*>")
#: a block element boundary, or a 裁判文书网 section anchor <a type='dir' name='WBSB'>
_BLOCK = re.compile(rf"<\s*(?:/\s*)?(?:{_BLOCK_NAMES})\b[^<>]*>|<a\s[^<>]*type\s*=\s*['\"]?dir\b[^<>]*>",
                    re.I)
_TAG = re.compile(r"<[^<>]*>")
_HTML_SNIFF = re.compile(r"<\s*(?:!doctype|html|body|div|p|span|a|br|table|meta)\b", re.I)
# —1—  /  - 2 -  /  第3页  /  第 3 页 共 8 页, alone on a line
_PAGE_MARKER = re.compile(r"\n[ \t\u3000]*(?:[—\-－–─]{1,3}[ \t\u3000]*\d{1,3}[ \t\u3000]*"
                          r"[—\-－–─]{1,3}|第[ \t]*\d{1,3}[ \t]*页(?:[ \t]*共[ \t]*\d{1,3}[ \t]*页)?)"
                          r"[ \t\u3000]*(?:\n|$)")
_SENTENCE_END = "。：:；;！？!?」”）)"
#: provenance notes some collections put above a document (``# source: …``)
_COMMENT_LINES = re.compile(r"\A(?:[ \t]*#[^\n]*(?:\n|\Z))+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
#: pinyin that some converting mirrors print after a character they could not map: 现(xiàn),
#: 區（qū） (the full-width brackets of a page converted whole to full-width punctuation)
_PINYIN_NOTE = re.compile(r"[(（](?<=[\u4e00-\u9fff][(（])(?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])"
                          r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7}[)）]")
#: a character reference left in plain text (``民初&nbsp;1234号``, ``&amp;``, ``&#12288;``): text
#: copied out of a page's source, or a page escaped twice, keeps them after the tags are gone
_ENTITY = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z][a-zA-Z0-9]{1,7});")
_BLANKS = re.compile(r"[ \t\u00a0]+\n")
#: a whitespace run longer than any layout needs (it would only slow the patterns down)
_LONG_WHITESPACE = re.compile(r"\s{17,}")  # one character class: the scan skips ahead fast
_MANY_NEWLINES = re.compile(r"\n{3,}")
#: blanks between two Chinese characters (or a Chinese character and a digit or full-width
#: punctuation), or between two digits: letter-spacing of PDF and OCR copies (``委  托诉讼代理人``,
#: ``统一社  会信用代码``, ``北大　街``, ``196 1年``), alignment padding (``张　三``,
#: ``民 事 判 决 书``). Chinese never separates words with blanks, and no number in these
#: documents is split by one (a phone's ``138 1234 5678`` is the same number), so none of
#: them carries meaning.
#: (the pattern starts with the blank, so that the scan skips ahead fast; the character before
#: it is checked by a fixed-width lookbehind over both)
_CJK_OR_DIGIT = "[\u4e00-\u9fff\u3001-\u3011\uff01-\uff1f\uff5e0-9]"
_CJK = "[\u4e00-\u9fff]"
_BLANK = "[ \t\u3000\u00a0]"
_BLANK_IN_WORD = re.compile(rf"{_BLANK}(?:(?<={_CJK}{_BLANK}){_BLANK}{{0,15}}(?={_CJK_OR_DIGIT})|"
                            rf"(?<={_CJK_OR_DIGIT}{_BLANK}){_BLANK}{{0,15}}(?={_CJK})|"
                            rf"(?<=\d{_BLANK}){_BLANK}{{0,15}}(?=\d))")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def looks_like_html(text: str) -> bool:
    """True when ``text`` is markup rather than plain judgment text."""
    return bool(_HTML_SNIFF.search(text[:4000]))


def html_to_text(markup: str) -> str:
    """Plain text of an HTML page: one line per block element, inline tags joined.

    Source line breaks are layout and are dropped; scripts, styles, the ``<head>`` and
    comments (including Word's conditional comments) are removed; entities are decoded.

    Linear in the length of the page whatever it holds: every pattern stops at the next
    ``<`` or ``>`` (a run of ``<`` is scanned once), a comment opener after the last ``-->``
    ends the page (it could never close), and skipped elements are closed with ``str.find``
    from where the last search ended. (The standard library's ``html.parser`` is quadratic on
    runs of ``<!--``, and lexbor (selectolax) on deeply nested ``<div>``s.)
    """
    text = markup.replace("\r", "").replace("\n", "")
    if "<!--" in text:
        last_close = text.rfind("-->")
        unclosed = text.find("<!--", last_close + 3 if last_close >= 0 else 0)
        if unclosed >= 0:
            text = text[:unclosed]
        text = _COMMENT.sub("", text)
    lower = text.lower()
    if any(f"<{name}" in lower for name in _SKIPPED_TAGS):
        text = _drop_skipped(text, lower)
    text = _DECLARATION.sub("", text)
    text = _BLOCK.sub("\n", text)
    text = _TAG.sub("", text)
    return html.unescape(text).replace("\u00a0", " ")


def _drop_skipped(text: str, lower: str) -> str:
    """``text`` without its script, style, head… elements (one forward pass)."""
    out: list[str] = []
    i = 0
    for m in _SKIPPED_OPEN.finditer(lower):
        if m.start() < i:
            continue
        out.append(text[i:m.start()])
        end = lower.find(f"</{m.group(1)}", m.end())
        if end < 0:
            return "".join(out)
        close = lower.find(">", end)
        i = len(text) if close < 0 else close + 1
    out.append(text[i:])
    return "".join(out)


#: how much larger than its text a document's XML may be (Word's markup around each run)
_XML_PER_TEXT = 8


def docx_to_text(data: bytes, path: str = "<docx>") -> str:
    """Paragraph text of a ``.docx`` file, read with the standard library (zip + XML).

    Raises :class:`~ringtrace.errors.LoadError` when the bytes are not a Word document, and
    :class:`~ringtrace.errors.InputTooLarge` when the archive decompresses to more than the
    zip cap, its ``document.xml`` to more than 8 times the document cap, or its text to more
    than the document cap (:mod:`ringtrace.loaders.limits`), before any of it is inflated.
    """
    limits = current_limits()
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            check_zip(archive, path)
            size = archive.getinfo("word/document.xml").file_size
            if size > _XML_PER_TEXT * limits.max_document_bytes:
                raise InputTooLarge(f"{path}: word/document.xml decompresses to {size:,} bytes, "
                                    f"over {_XML_PER_TEXT} x the document cap of "
                                    f"{limits.max_document_bytes:,} bytes; raise it with "
                                    "--max-document-mb if this is a real document")
            xml = archive.read("word/document.xml")
        root = ElementTree.fromstring(xml)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, zipfile.LargeZipFile,
            NotImplementedError, EOFError, ValueError, zlib.error) as exc:
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
    text = "\n".join(lines)
    if len(text) > limits.max_document_bytes:  # characters: at least as many bytes
        raise InputTooLarge(f"{path}: the document's text is {len(text):,} characters, over the "
                            f"document cap of {limits.max_document_bytes:,} bytes; raise it with "
                            "--max-document-mb if this is a real document")
    return text


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


def _entity(match: re.Match[str]) -> str:
    value = html.unescape(match.group(0))
    return " " if value.isspace() else value


def clean_text(text: str) -> str:
    """Line endings unified; invisible characters, page markers and pinyin notes removed.

    Whitespace runs longer than 16 characters become one space (or one or two line breaks),
    so that no pattern of the parser ever walks a long run again and again (a page of 200,000
    spaces took half a minute before).

    A page marker inside a sentence is removed together with its line breaks, so that a word
    split across pages (``2013`` / ``—2—`` / ``年11月``) is whole again.

    Character references left in the text (``&nbsp;`` and the like) are decoded; a blank one
    becomes a space, which the letter-spacing rule below removes inside a case number.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in text:
        text = _ENTITY.sub(_entity, text)
    text = _INVISIBLE.sub("", text)
    text = _LONG_WHITESPACE.sub(_one_blank, text)
    if " \n" in text or "\t\n" in text or "\u00a0\n" in text:
        text = _BLANKS.sub("\n", text)  # bounded: no run is longer than 16 by now
    if "页" in text or "—" in text or "-" in text or "－" in text:
        text = "\n" + text
        text = _PAGE_MARKER.sub(lambda m: _join_page_break(m, text), text)
    if "(" in text or "（" in text:
        text = _PINYIN_NOTE.sub("", text)
    text = _BLANK_IN_WORD.sub("", text)
    if "\n\n\n" in text:
        text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()
