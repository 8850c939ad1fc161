"""Money amounts claimed: ``75000元``, ``1.2万元``, ``三万五千元``, ``壹万贰仟元整``, ``5000-8000元``.

Chinese numerals are read with ``cn2an``. Court and arbitration fees are not claims; the 大写
repetition of an amount (``75000元（大写：柒万伍仟元整）``) is not a second amount, nor is the
figure repeating a written-out amount (``壹万贰仟元整（¥12000元）``, ``（小写：12000元）``) and the
figures in a bracket that works an amount out (``48075元（3846元/月×12.5年）``); a total
(``共计``, ``合计``) is kept only when it is the one amount given; a range gives both ends.
Claims are typed as well as printed, so a full-width decimal point (``1．2万元``, from an input
method left in full-width mode) is a decimal point, and an approximate sum (``12345余元``,
``3000多元``) is that sum.
"""

from __future__ import annotations

import re

import cn2an

from ringtrace.loaders.judgments.patterns import FEES

_CN = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬"
AMOUNT_ANY = re.compile(
    rf"(?=[\d{_CN}])"  # first characters: lets the scan skip ahead
    r"(?:(?P<low>\d+(?:[.．]\d+)?)\s*(?:-|－|—|~|～|至|到)\s*)?"
    rf"(?:(?P<num>\d+(?:[,，]\d{{3}})*(?:[.．]\d+)?)|(?P<cn>[{_CN}]{{1,20}}))"
    r"\s*(?:余|多)?\s*(?P<unit>万元|万|元)")
_TOTAL = re.compile(r"(?:共计|合计|总计|总额|总共|共)\s*(?:人民币)?\s*$")
_UPPER_CASE = re.compile(r"大写\s*[:：]?\s*(?:人民币)?\s*$")
#: the opening of a bracket that restates the amount just before it in figures:
#: ``壹万贰仟元整（¥12000元）``, ``…元（小写：12000元）``
_RESTATED = re.compile(r"^\s*整?\s*[(（]\s*(?:小写\s*[:：]?)?\s*(?:人民币)?\s*[¥￥]?\s*$")


#: a bracket opened right after a counted amount and not yet closed: the figures inside work the
#: amount out (``48075元（3846元/月×12.5年）``) or split it (``8000元（其中工资5000元…）``)
_WORKING = re.compile(r"\s*整?\s*[(（][^()（）]*\Z")


def _number(text: str) -> float:
    return float(text.replace(",", "").replace("，", "").replace("．", "."))


def _value(match: re.Match[str]) -> float | None:
    if match.group("num"):
        return _number(match.group("num"))
    try:
        return float(cn2an.cn2an(match.group("cn"), "smart"))
    except (ValueError, KeyError, TypeError):  # not a number (三点五万, a stray 十)
        return None


def claim_amounts(text: str) -> list[float]:
    """The amounts of money in a claim, in 元, in order of appearance."""
    items: list[tuple[float, bool]] = []  # (value, is a total)
    if "元" not in text and "万" not in text:
        return []
    last: tuple[int, float] | None = None  # (end, value) of the amount before
    kept_end = -1  # end of the last amount counted
    for m in AMOUNT_ANY.finditer(text):
        before = text[max(0, m.start() - 12):m.start()]
        if FEES.search(before) or (m.group("cn") and _UPPER_CASE.search(before)):
            continue
        if kept_end >= 0 and _WORKING.match(text, kept_end, m.start()):
            continue  # ``48075元（3846元/月×12.5年）``: how the amount was worked out
        kept_end = m.end()
        value = _value(m)
        if value is None:
            continue
        scale = 10000.0 if m.group("unit").startswith("万") else 1.0
        previous, last = last, (m.end(), value * scale)
        if previous is not None and previous[1] == value * scale and \
                _RESTATED.match(text[previous[0]:m.start()]):
            continue
        total = bool(_TOTAL.search(before))
        if m.group("low"):
            items.append((_number(m.group("low")) * scale, False))
        items.append((value * scale, total))
    plain = [v for v, total in items if not total]
    return plain if plain else [v for v, _ in items]
