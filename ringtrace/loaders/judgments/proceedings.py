"""Procedural facts of the case record: filing, hearing and decision dates, simple procedure.

``本院于2021年10月27日立案后，依法适用简易程序公开开庭进行了审理`` gives the filing date and
the procedure; the decision date is the Chinese-numeral date of the signature block
(``二〇一七年三月一日``), not one recited in the body (``原审法院于二Ｏ一六年十月二十四日作出判决``),
with the mirror's ``裁判日期`` as a fallback. Documents typed in a word processor rather than
set by a court's system (most arbitration commissions' awards and notices, some courts' Word
exports) sign with Arabic numerals on a line of their own (``2020年6月8日``): such a line is read
when no Chinese-numeral date is found.
"""

from __future__ import annotations

import re

from ringtrace.loaders.judgments.dates import CN_DATE, DATE, arabic_date, chinese_date, parse_date
from ringtrace.loaders.judgments.patterns import (
    FILING,
    HEARING,
    ORDINARY_PROCEDURE,
    SIMPLE_PROCEDURE,
)
from ringtrace.loaders.judgments.sections import Sections

_TAIL_WINDOW = 800
#: a full date in Arabic numerals filling its line: a signature, never a date recited in a sentence
_SIGNATURE_LINE = re.compile(r"^[ \t\u3000]*(?P<date>[12１２][09０９]\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
                             r"[ \t\u3000]*$", re.M)
_RECITED = ("作出", "作岀", "做出", "判决", "裁决", "立案", "受理", "开庭", "起诉", "申请", "送达", "签收")


def filing_date(record: str) -> str | None:
    """The 立案/受理 date stated in the case record."""
    return _stated_date(FILING, record)


def hearing_date(record: str) -> str | None:
    """The 开庭 date stated in the case record."""
    return _stated_date(HEARING, record)


def _stated_date(pattern: re.Pattern[str], record: str) -> str | None:
    """The date (its ``date`` group) where ``pattern`` first matches in ``record``."""
    m = pattern.search(record)
    if not m:
        return None
    d = DATE.search(m.group("date"))
    return arabic_date(d) if d else None


def simple_procedure(record: str) -> bool | None:
    """True for 简易程序 (or 小额诉讼), False for 普通程序 / a collegial panel, None if unstated."""
    if SIMPLE_PROCEDURE.search(record):
        return "转为普通程序" not in record
    if ORDINARY_PROCEDURE.search(record):
        return False
    return None


def decision_date(sections: Sections, metadata_date: str | None) -> str | None:
    """The signature-block date (Chinese numerals, else an Arabic date on a line of its own);
    else the mirror's 裁判日期; else None."""
    text = sections.text
    start = sections.tail if sections.tail is not None else (sections.operative or sections.start)
    start = max(sections.start, min(start, sections.end - _TAIL_WINDOW)) \
        if sections.tail is None else start
    for m in CN_DATE.finditer(text, start, sections.end):
        after = text[m.end():m.end() + 6]
        if any(after.lstrip(" ，,").startswith(word) for word in _RECITED):
            continue
        value = chinese_date(m)
        if value:
            return value
    for m in _SIGNATURE_LINE.finditer(text, start, sections.end):
        d = DATE.search(m.group("date"))
        value = arabic_date(d) if d else None
        if value:
            return value
    return parse_date(metadata_date) if metadata_date else None
