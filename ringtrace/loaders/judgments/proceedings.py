"""Procedural facts of the case record: filing, hearing and decision dates, simple procedure.

``本院于2021年10月27日立案后，依法适用简易程序公开开庭进行了审理`` gives the filing date and
the procedure; the decision date is the Chinese-numeral date of the signature block
(``二〇一七年三月一日``), not one recited in the body (``原审法院于二Ｏ一六年十月二十四日作出判决``),
with the mirror's ``裁判日期`` as a fallback.
"""

from __future__ import annotations

from ringtrace.loaders.judgments.dates import CN_DATE, DATE, arabic_date, chinese_date, parse_date
from ringtrace.loaders.judgments.patterns import (
    FILING,
    HEARING,
    ORDINARY_PROCEDURE,
    SIMPLE_PROCEDURE,
)
from ringtrace.loaders.judgments.sections import Sections

_TAIL_WINDOW = 800
_RECITED = ("作出", "作岀", "做出", "判决", "裁决", "立案", "受理", "开庭", "起诉", "申请", "送达", "签收")


def filing_date(record: str) -> str | None:
    """The 立案/受理 date stated in the case record."""
    m = FILING.search(record)
    if not m:
        return None
    d = DATE.search(m.group("date"))
    return arabic_date(d) if d else None


def hearing_date(record: str) -> str | None:
    m = HEARING.search(record)
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
    """The signature-block date; else the mirror's 裁判日期; else None."""
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
    return parse_date(metadata_date) if metadata_date else None
