"""Dates as written in judgments, to ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

Body text uses Arabic numerals (``2015年12月17日``, ``1994年3月份``, ``2016-12-02`` in metadata);
the signature block uses Chinese numerals with several zero glyphs (``二〇一七年三月一日``,
``二Ｏ一六年十月二十四日``, ``二○二一年``, ``二零二一年``). Impossible dates give None.
"""

from __future__ import annotations

import datetime as dt
import re

from ringtrace.graph.identity import CN_DIGITS

#: the Chinese numerals of :data:`~ringtrace.graph.identity.CN_DIGITS`, plus the zeros a
#: signature block's date is also typeset with: Latin, full-width and Arabic (``二Ｏ一六年``)
_CN_DIGITS = {**CN_DIGITS, "O": 0, "Ｏ": 0, "o": 0, "ｏ": 0, "0": 0, "０": 0}
CN_DIGIT = "".join(_CN_DIGITS)
CN_SMALL = "一二三四五六七八九十"

#: 二〇一七年三月一日 / 二Ｏ一六年十月二十四日
CN_DATE = re.compile(rf"(?P<y>[{CN_DIGIT}]{{4}})\s*年\s*(?P<m>[{CN_SMALL}]{{1,3}})\s*月"
                     rf"(?:\s*(?P<d>[{CN_SMALL}]{{1,4}})\s*日)?")
#: 2015年12月17日 / 1994年3月份 / 1979年 / 2016-12-02 / 2016.12.2 / 2014年4月25至… (no 日)
DATE = re.compile(r"(?P<y>[12１２][09０９]\d{2})\s*(?:年\s*(?:(?P<m>\d{1,2})\s*月份?"
                  r"(?:\s*(?P<d>\d{1,2})\s*(?:[日号]|(?=[至到])))?)?|[-./](?P<m2>\d{1,2})"
                  r"(?:[-./](?P<d2>\d{1,2}))?)")


#: a date printed without its year, after a story that gave one: ``8月18日被告将原告辞退``,
#: ``8月份离职`` (not a month inside a full date, not ``3个月``)
MONTH_DAY = re.compile(r"(?<![\d０-９年./\-－])(?P<m>\d{1,2})\s*月(?:份|\s*(?P<d>\d{1,2})\s*[日号])")
#: a month dated by the year told before it: ``次年2月原告离职`` (the next year), ``同年10月份被辞退``
#: (the same year); the prefix marks it as a date, so a bare month counts
RELATIVE_MONTH = re.compile(r"(?P<rel>次年|翌年|第二年|同年|当年)\s*(?P<m>\d{1,2})\s*月份?"
                            r"(?:\s*(?P<d>\d{1,2})\s*[日号])?")
#: the years a :data:`RELATIVE_MONTH` prefix adds to the year told before it
RELATIVE_YEARS = {"次年": 1, "翌年": 1, "第二年": 1, "同年": 0, "当年": 0}


def _small_number(text: str) -> int | None:
    """一..九十九 written with 十 (三十一, 十二, 二十) or digit by digit."""
    if "十" not in text:
        value = 0
        for ch in text:
            if ch not in _CN_DIGITS:
                return None
            value = value * 10 + _CN_DIGITS[ch]
        return value
    tens, _, units = text.partition("十")
    high = _CN_DIGITS.get(tens, -1) if tens else 1
    low = _CN_DIGITS.get(units, -1) if units else 0
    return None if high < 0 or low < 0 else high * 10 + low


def iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO text for a (partial) date, or None if the date cannot exist."""
    try:
        if month is None:
            return f"{year:04d}" if 1900 <= year <= 2100 else None
        if day is None:
            dt.date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def chinese_date(match: re.Match[str]) -> str | None:
    """ISO date of a :data:`CN_DATE` match."""
    year = 0
    for ch in match.group("y"):
        year = year * 10 + _CN_DIGITS[ch]
    month = _small_number(match.group("m"))
    day = _small_number(match.group("d")) if match.group("d") else None
    if month is None or (match.group("d") and day is None):
        return None
    return iso(year, month, day)


def arabic_date(match: re.Match[str]) -> str | None:
    """ISO date of a :data:`DATE` match (year, year-month or full date)."""
    month = match.group("m") or match.group("m2")
    day = match.group("d") or match.group("d2")
    return iso(int(match.group("y")), int(month) if month else None, int(day) if day else None)


def year_less_date(match: re.Match[str], year: int) -> str | None:
    """ISO date of a :data:`MONTH_DAY` or :data:`RELATIVE_MONTH` match in ``year`` (the year the
    story gave last, or the one its prefix names)."""
    day = match.group("d")
    return iso(year, int(match.group("m")), int(day) if day else None)


def parse_date(text: str) -> str | None:
    """The first date in ``text`` (Arabic or Chinese numerals) as ISO, or None."""
    m = DATE.search(text)
    if m:
        return arabic_date(m)
    c = CN_DATE.search(text)
    return chinese_date(c) if c else None
