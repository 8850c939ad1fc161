"""Cell parsers for tabular sources: dates, integers, amounts, lists and codes.

Each parser returns the normalised value or raises ``ValueError`` with a reason that the
mapping turns into a quarantine entry naming the file, line and field.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from ringtrace.graph.identity import halfwidth

_EMPTY = {"", "-", "--", "—", "/", "无", "暂无", "null", "None", "nan", "NaN"}
_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})?$")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
#: an amount may carry an exponent (exports write 1.2E+05); 1e400 is then infinite, not 1
_AMOUNT = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")


def is_empty(value: object) -> bool:
    """None, blank or a placeholder exports print for "no value" (``-``, ``--``, ``暂无``…), in
    half or full width: spreadsheets typed on a Chinese input method hold ``－`` (U+FF0D)."""
    return value is None or (isinstance(value, str) and halfwidth(value).strip() in _EMPTY)


def parse_date(value: object) -> str | None:
    """``2003-05-12``, ``2003年5月12日``, ``2003/5/12``, ``20030512``, ``2003-05``, a datetime,
    Tianyancha epoch milliseconds (China time) or an Excel date serial -> ISO ``YYYY-MM-DD`` /
    ``YYYY-MM``.

    Epoch milliseconds come as JSON numbers or, from API clients that write every field as text,
    as strings (``"847900800000"``: twelve digits for any day before September 2001, negative
    before 1970). An Excel serial (``35383``, five digits: days since 1899-12-30) is what a
    workbook holds when the date column was left in the General format, or what a CSV saved
    from such a workbook prints; it never has the four digits of a bare year.

    >>> parse_date("847900800000"), parse_date(35383), parse_date("35383.0")
    ('1996-11-14', '1996-11-14', '1996-11-14')
    """
    if is_empty(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        found = _numeric_date(value)
        if found is not None:
            return found
    text = halfwidth(str(value)).strip()
    text = text.split(" ")[0] if re.match(r"^\d{4}-\d{2}-\d{2} ", text) else text
    m = _YMD.match(text) or _COMPACT.match(text)
    if not m:
        if _NUMERAL.fullmatch(text):
            found = _numeric_date(float(text) if "." in text else int(text))
            if found is not None:
                return found
        raise ValueError(f"not a date: {value!r} (expected e.g. 2003-05-12 or 2003年5月12日)")
    year, month, day = int(m.group(1)), int(m.group(2)), m.group(3)
    try:
        if day is None:
            dt.date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        return dt.date(year, month, int(day)).isoformat()
    except ValueError:
        raise ValueError(f"not a valid calendar date: {value!r}") from None


#: a number written as text (an epoch or an Excel serial; ``YYYYMMDD`` is matched before)
_NUMERAL = re.compile(r"-?\d+(?:\.\d+)?")
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def _numeric_date(value: float) -> str | None:
    """The date a number stands for (epoch milliseconds or an Excel serial), or None when it
    is neither (a ``YYYYMMDD`` or ``YYYYMM`` number, read as text by the caller)."""
    if value > 10**11 or value < -(10**9):
        # epoch milliseconds: 1973 onwards (> 1e11), or before 1970 (negative); a Tianyancha
        # 成立日期 of 1971 (5.9e10) is told apart from a YYYYMMDD number by size below
        return _from_epoch_ms(value)
    if isinstance(value, int) and 10**9 < value <= 10**11 and not 10**7 <= value < 10**8:
        return _from_epoch_ms(value)
    if 10**4 <= value < 10**5:  # an Excel serial: 1927-05-18 to 2173
        day = _EXCEL_EPOCH + dt.timedelta(days=int(value))
        if day.year > 2100:
            raise ValueError(f"not a date: {value!r} (out of range)")
        return day.isoformat()
    return None


def _from_epoch_ms(value: float) -> str:
    """Epoch milliseconds at 00:00 China time (Tianyancha's dates) -> ISO date.

    >>> _from_epoch_ms(847900800000), _from_epoch_ms(-136540800000), _from_epoch_ms(58636800000)
    ('1996-11-14', '1965-09-04', '1971-11-11')
    """
    china = dt.timezone(dt.timedelta(hours=8))
    try:
        day = (dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
               + dt.timedelta(milliseconds=value)).astimezone(china).date()
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"not a date: {value!r} (out of range)") from None
    if not 1900 <= day.year <= 2100:
        raise ValueError(f"not a date: {value!r} (out of range)")
    return day.isoformat()


def parse_int(value: object) -> int | None:
    """``12``, ``12人``, ``12.0`` -> 12; empty markers -> None."""
    if is_empty(value):
        return None
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return _bounded(int(value), value)
    text = halfwidth(str(value)).replace(",", "").strip()
    m = _NUMBER.fullmatch(text.rstrip("人名个"))
    if not m or ("." in m.group(0) and not float(m.group(0)).is_integer()):
        raise ValueError(f"not a whole number: {value!r}")
    return _bounded(int(float(m.group(0))), value)


#: the largest magnitude a count or amount in a registry export or ledger can have
LARGEST = 10**12


def _bounded(number: int, value: object) -> int:
    if abs(number) > LARGEST:
        raise ValueError(f"number out of range: {value!r}")
    return number


def parse_float(value: object) -> float | None:
    """``12345.6``, ``12,345.60元``, ``1.2万`` -> float; empty markers -> None; NaN, infinities
    and magnitudes beyond 10^12 raise ``ValueError``."""
    if is_empty(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _finite(float(value), value)
    text = halfwidth(str(value)).replace(",", "").strip()
    scale = 10000.0 if "万" in text else 1.0
    m = _AMOUNT.search(text)
    if not m:
        raise ValueError(f"not an amount: {value!r}")
    return _finite(float(m.group(0)) * scale, value)


def _finite(number: float, value: object) -> float:
    """NaN, infinities and absurd magnitudes are errors, not amounts."""
    if not math.isfinite(number) or abs(number) > LARGEST:
        raise ValueError(f"not a finite amount: {value!r}")
    return number


def parse_list(value: object) -> list[str]:
    """Several names in one cell, separated by ``；`` ``;`` ``、`` ``,``, tabs or line breaks.

    Tianyancha's ``historyNames`` separates former names with ``;`` or a tab and often ends
    with one (``贵州力源液压股份有限公司;\t``); a cell edited in Excel holds ``\r\n``.
    """
    if is_empty(value):
        return []
    parts = re.split(r"[;；、,，\t\r\n]+", str(value))
    return [p.strip() for p in parts if p.strip() and p.strip() not in _EMPTY]


def parse_string(value: object) -> str | None:
    if is_empty(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_uscc(value: object) -> str | None:
    """An 18-character code (upper-cased, junk suffixes like ``(1-4)`` removed), or the 13- or
    15-digit 注册号 an export prints in its place for a firm closed before the 2015 reform
    (the registry record keeps that as its registration number).

    The checksum is not enforced here: some genuine early codes fail it.
    """
    text = parse_string(value)
    if text is None:
        return None
    code = re.sub(r"[\s(（].*$", "", halfwidth(text).upper())
    if not (code.isalnum() and len(code) in (15, 18)) and not (code.isdigit() and len(code) == 13):
        raise ValueError(f"not a credit code or registration number: {value!r}")
    return code


PARSERS = {
    "string": parse_string,
    "date": parse_date,
    "int": parse_int,
    "float": parse_float,
    "list": parse_list,
    "uscc": parse_uscc,
}
