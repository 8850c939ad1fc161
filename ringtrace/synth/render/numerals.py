"""Chinese-numeral dates as judgments sign them: ``二〇二一年三月五日``."""

from __future__ import annotations

import datetime as dt

_DIGITS = "〇一二三四五六七八九"


def small_number(n: int) -> str:
    """1-31 in Chinese numerals: 五, 十, 十二, 二十, 三十一."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else _DIGITS[tens] + "十"
    return head + (_DIGITS[ones] if ones else "")


def chinese_date(day: dt.date, zero: str = "〇") -> str:
    """``二〇二一年三月五日``; ``zero`` may be ``○`` or ``Ｏ`` as some courts type it."""
    year = "".join(_DIGITS[int(d)] for d in str(day.year)).replace("〇", zero)
    return f"{year}年{small_number(day.month)}月{small_number(day.day)}日"


def count_word(n: int) -> str:
    """二, 三 ... 十一 (for ``上列三原告``)."""
    return small_number(n) if n != 2 else "二"
