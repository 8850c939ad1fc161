"""Text decoding for Chinese sources: UTF-8 (with or without BOM), GB18030/GBK, or UTF-16 with
a byte-order mark (what Excel writes as "Unicode text").

Detection is deliberately simple and strict: UTF-16 when the file starts with its BOM, UTF-8
when the bytes decode as UTF-8, otherwise GB18030 (a superset of GBK and GB2312) when they
decode as that. Anything else is a :class:`~ringtrace.errors.LoadError` that names the file and
suggests ``--encoding``; ingest quarantines such a file and goes on with the next one.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ringtrace.errors import LoadError

SUPPORTED = ("utf-8", "utf-8-sig", "gb18030", "gbk", "gb2312", "utf-16")


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
    for candidate in ("utf-8", "gb18030"):
        try:
            head.decode(candidate)
            return candidate
        except UnicodeDecodeError as exc:
            # a multi-byte character cut at the end of the sample is not evidence against UTF-8
            if candidate == "utf-8" and exc.start >= len(head) - 3 and exc.reason.startswith(
                    "unexpected end"):
                return candidate
    return None


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
