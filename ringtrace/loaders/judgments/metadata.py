"""Metadata fields that mirror sites print above the document (案号, 裁判日期, 法院, 案由…).

Two layouts are common: a key on its own line with the value on the next non-empty line
(cn.govopendata.com, reposts with ``审理法院`` / ``案号`` / ``裁判日期`` / ``当事人`` blocks), or
``key: value`` on one line (``案  号: (2017)黑01民终3817号``, spaces inside the key allowed); legal
databases print the key in brackets with the value after it (``【裁判日期】2020年5月6日``). The
document itself follows a ``全文`` line. The fields are a fallback: the document's own header wins where both exist, because the
mirror shortens names (``沂源县人民法院`` for ``山东省沂源县人民法院``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ringtrace.loaders.judgments.patterns import FULL_TEXT_MARK, FULL_TEXT_TAIL, METADATA_LINE

_MAX_HEADER_LINES = 120
_MAX_LOOSE_LINES = 20
_KEY_SPACES = re.compile(r"[ \u3000]")


@dataclass
class Metadata:
    """Mirror fields by key, and where the document text starts (after ``全文``)."""

    fields: dict[str, str] = field(default_factory=dict)
    body_start: int = 0

    def get(self, key: str) -> str | None:
        value = self.fields.get(key)
        return value or None


def read_metadata(text: str) -> Metadata:
    """Read the mirror fields above ``全文`` (or loose ``key: value`` lines at the very top)."""
    reach = min(len(text), 20000)
    mark = FULL_TEXT_MARK.search(text, 0, reach)
    span = (mark.start(), mark.end()) if mark else _text_tail_mark(text, reach)
    if span and text.count("\n", 0, span[0]) <= _MAX_HEADER_LINES:
        fields = _fields(text[:span[0]].split("\n"), loose=False)
        return Metadata(fields, span[1])
    head = text.split("\n", _MAX_LOOSE_LINES)[:_MAX_LOOSE_LINES]
    return Metadata(_fields(head, loose=True), 0)


def _text_tail_mark(text: str, reach: int) -> tuple[int, int] | None:
    """(start, end) of ``裁判文书正文`` / ``文书正文`` ending a line within ``reach``."""
    at = text.find("文书正文", 0, reach)
    while at >= 0:
        m = FULL_TEXT_TAIL.match(text, at)
        if m:
            start = at - 2 if text.startswith("裁判", at - 2) else at
            return start, m.end()
        at = text.find("文书正文", at + 4, reach)
    return None


def _fields(lines: list[str], *, loose: bool) -> dict[str, str]:
    fields: dict[str, str] = {}
    pending: str | None = None
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        m = METADATA_LINE.match(stripped)
        if m:
            key = _KEY_SPACES.sub("", m.group("key"))
            value = (m.group("value") or "").strip()
            if value:
                fields.setdefault(key, value)
                pending = None
            else:  # ``审理法院`` alone on its line: the value is on the next line
                pending = key
            continue
        if pending is not None:
            fields.setdefault(pending, stripped)
            pending = None
    return fields
