"""Text decoding for Chinese sources: UTF-8 (with or without BOM), GB18030/GBK, Big5, or UTF-16
with a byte-order mark (what Excel writes as "Unicode text").

Detection is deliberately simple and strict: UTF-16 when the file starts with its BOM; UTF-8
when the bytes decode as UTF-8 (a stale ``<meta charset="gbk">`` over a converted page does not
outweigh that); the Chinese charset a page or XML file declares (``<meta charset="big5">``, a
single-byte Latin one is no evidence) when its bytes decode as that; otherwise GB18030 (a
superset of GBK and GB2312) or Big5 (traditional-script copies from Hong Kong and Taiwan
mirrors). Nearly any byte string decodes as GB18030, so a Big5 file would pass as GB18030
mojibake and be rejected as "not a judgment": when both decode, the one whose text holds more
of the characters every Chinese legal text is made of wins (:func:`_chinese_score`), GB18030 on a tie. Anything else is a
:class:`~ringtrace.errors.LoadError` that names the file and suggests ``--encoding``; ingest
quarantines such a file and goes on with the next one.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ringtrace.errors import LoadError

SUPPORTED = ("utf-8", "utf-8-sig", "gb18030", "gbk", "gb2312", "big5", "utf-16")

#: a charset declared in the first bytes of an HTML page or XML file
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]{2,20})""", re.I)
#: characters that every Chinese judgment, award or register is full of, in both scripts
_COMMON = frozenset("的一是不了人在有中为為和年月日号號法院原告被告申请請人委托託代理住公司有限责責任"
                    "劳勞动動关關系係仲裁委员員会會判决決书書定调調解本案事实實由诉訴讼訟求元工资資确確认認"
                    "存单單位作市区區县縣省出生男女族汉漢以上下于於对對其经經审審查据據证證")


def _norm(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError as exc:
        raise LoadError(f"unknown encoding {name!r}; use one of {', '.join(SUPPORTED)}") from exc


def detect_encoding(head: bytes, complete: bool = True) -> str | None:
    """Guess the encoding of ``head`` (the first bytes of a file), or None if nothing fits.

    ``complete`` says ``head`` is the whole file; otherwise a character cut at its end is not
    held against an encoding.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            head.decode("utf-16")
            return "utf-16"
        except UnicodeDecodeError as exc:
            if not complete and exc.end >= len(head) - 3:
                return "utf-16"
    if _decoded(head, "utf-8", complete) is not None:  # UTF-8 bytes are UTF-8, whatever a page says
        return "utf-8"
    declared = _declared(head)
    if declared and _decoded(head, declared, complete) is not None:
        return declared
    fits = {c: text for c in ("gb18030", "big5hkscs")
            if (text := _decoded(head, c, complete)) is not None}
    if len(fits) < 2:
        return next(iter(fits), None)
    return "big5hkscs" if _chinese_score(fits["big5hkscs"]) > _chinese_score(fits["gb18030"]) \
        else "gb18030"


#: the declared charsets that are evidence: the Chinese multi-byte ones. A single-byte charset
#: (``iso-8859-1``, ``windows-1252``: a mirror's template) decodes any byte string, Chinese text
#: as mojibake, so declaring one says nothing about a Chinese page
_CJK_DECLARED = frozenset({"gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950", "cp936",
                           "hz"})


def _declared(head: bytes) -> str | None:
    """The Chinese charset a page or XML file declares in its first 2 KB, if Python knows it."""
    m = _DECLARED.search(head[:2048])
    if m is None:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return name if name in _CJK_DECLARED else None


def _decoded(head: bytes, encoding: str, complete: bool) -> str | None:
    """``head`` decoded as ``encoding``, or None when its bytes are not that. A multi-byte
    character cut at the end of a sample (``complete`` False) is not held against it (and is
    left out of the text)."""
    try:
        return head.decode(encoding)
    except UnicodeDecodeError as exc:
        if not complete and exc.start >= len(head) - 3:
            return head.decode(encoding, errors="ignore")
        return None
    except LookupError:
        return None


def _chinese_score(text: str) -> int:
    """How many of ``text``'s characters are ones Chinese legal texts are made of: the right
    decoding of a document scores several times the wrong one (mojibake is rare characters).

    >>> text = "河南省安阳市文峰区人民法院民事判决书 原告张桂兰，被告安阳市恒达有限公司"
    >>> _chinese_score(text) > _chinese_score(text.encode("gb18030").decode("big5", "ignore"))
    True
    """
    return sum(ch in _COMMON for ch in text)


def decode_bytes(data: bytes, path: Path | str, encoding: str | None = None) -> str:
    """Decode a whole file's bytes, detecting the encoding unless one is given."""
    enc = _norm(encoding) if encoding else detect_encoding(data)
    if enc is None:
        raise LoadError(f"{path}: cannot decode as UTF-8 or GB18030; if you know the encoding, "
                        f"pass it with --encoding (e.g. --encoding big5)")
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as exc:
        raise LoadError(f"{path}: not valid {enc} at byte {exc.start}; try --encoding gb18030 "
                        f"or --encoding utf-8") from exc
    return text.lstrip("\ufeff")


def read_text(path: Path, encoding: str | None = None) -> str:
    """Read a whole text file with detection (see :func:`decode_bytes`)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return decode_bytes(data, path, encoding)


def _mostly_utf8(head: bytes) -> bool:
    """UTF-8 with under 1% of its characters undecodable (a damaged line or two)."""
    text = head.decode("utf-8", errors="replace")
    return text.count("\ufffd") * 100 < len(text)


def open_text(path: Path, encoding: str | None = None) -> tuple[str, str]:
    """Choose the encoding of a (possibly huge) text file from its first 1 MiB.

    Returns ``(encoding, sample)`` so that callers can stream the file with ``open(...,
    encoding=...)``; decoding errors are reported per line by the caller. A sample that is
    UTF-8 but for a few bad bytes is taken as UTF-8, so that one damaged line does not cost the
    file.
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(1 << 20)
    except OSError as exc:
        raise LoadError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if encoding:
        return _norm(encoding), head.decode(_norm(encoding), errors="replace")
    enc = detect_encoding(head, complete=len(head) < 1 << 20)
    if enc is None and _mostly_utf8(head):
        enc = "utf-8"  # a few bad bytes: the caller quarantines the lines that hold them
    if enc is None:
        raise LoadError(f"{path}: cannot decode as UTF-8 or GB18030; if you know the encoding, "
                        f"pass it with --encoding (e.g. --encoding gb18030)")
    return enc, head.decode(enc, errors="replace")
