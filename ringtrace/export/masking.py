"""Masking of ID numbers, phones and birth dates in everything shown or handed out.

Views and files leave the analyst's desk (evidence packs, lead exports, ring pages), so they
show personal identifiers masked unless the caller asks for ``unmask=True`` (which the CLI
records in the audit log). **The rule:** a masked view never lets its shown fields narrow a
person's resident ID number (身份证号) to fewer than 1,000 candidates:

* an ID number keeps only its region prefix (the first 6 characters: province, prefecture,
  county) and hides the rest, birth date and check digit included;
* a birth date is shown as the birth year only (the ID's 8 date digits stay hidden);
* sex is shown (it is a fact of the case), a phone keeps its first 3 and last 4 digits.

Shown together, region + birth year + sex leave about 365 × 100 × 5 ≈ 180,000 IDs; the earlier
rule (first 6 + last 2 digits next to the full birth date and sex) left about 9.
:func:`id_candidates` counts them, and the tests hold every masked view to the rule.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

__all__ = ["MASK", "id_candidates", "mask_birth_date", "mask_id", "mask_ids", "mask_phone",
           "mask_text", "mask_value"]

MASK = "*"

#: Resident ID numbers: 18 characters (6-digit region, birth date YYYYMMDD, 3 digits, check)
#: or the first-generation 15 digits (YYMMDD); credit codes and registration numbers do not
#: have a date there and are left alone.
_DATE = r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
_ID_NUMBER = re.compile(rf"(?<![0-9A-Za-z])(\d{{6}}(?:19|20)\d{{2}}{_DATE}\d{{3}}[\dXx]"
                        rf"|\d{{8}}{_DATE}\d{{3}})(?![0-9A-Za-z])")
_PHONE = re.compile(r"(?<!\d)(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")
#: a birth date written out: 1966年3月1日出生 / 1966年3月出生 / 出生于1966年3月1日 / 出生日期=1966-03-01
_BIRTH = re.compile(r"((?:19|20)\d{2})(\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)(?=\s*(?:出生|生))"
                    r"|(?<=出生于)((?:19|20)\d{2})(\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)"
                    r"|(?<=出生日期)([=：:]\s*(?:19|20)\d{2})[-/.]\d{1,2}(?:[-/.]\d{1,2})?")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def mask_id(value: str) -> str:
    """Keep the region prefix (the first 6 characters, at most half of the value); hide the rest.

    >>> mask_id("410502196601011234")
    '410502************'
    >>> mask_id("4105021966")
    '41050*****'
    >>> mask_id("豫A")
    '豫*'
    """
    text = value.strip()
    head = min(6, len(text) // 2)
    return text[:head] + MASK * (len(text) - head)


def mask_phone(value: str) -> str:
    """Hide the middle four characters of a phone number (all of it when 4 or fewer).

    >>> mask_phone("13812345678")
    '138****5678'
    >>> mask_phone("5951234")
    '5****34'
    """
    text = value.strip()
    n = len(text)
    if n <= 4:
        return MASK * n
    start = (n - 4) // 2
    return text[:start] + MASK * 4 + text[start + 4:]


def mask_birth_date(value: str) -> str:
    """The birth year only.

    >>> mask_birth_date("1966-03-01")
    '1966'
    >>> mask_birth_date("1966年3月")
    '1966'
    """
    text = str(value).strip()
    match = re.match(r"\d{4}", text)
    return match.group(0) if match else MASK * len(text)


def mask_value(owner: str, prop: str, value: Any, props: Mapping[str, object] | None = None
               ) -> Any:
    """The masked form of a sensitive property value of a node or edge of kind ``owner``.

    Phones (a ``phone`` property, or the value of a phone ``Identifier``, whose stored value is
    digits only) lose their middle four digits; birth dates keep their year; everything else
    (ID numbers, address identifiers) goes through :func:`mask_id`. Lists are masked item by
    item; empty values are returned unchanged.

    >>> mask_value("Identifier", "value", "13812345678", {"kind": "phone"})
    '138****5678'
    >>> mask_value("Person", "id_number", "410502196601011234")
    '410502************'
    >>> mask_value("Person", "birth_date", "1966-01-01")
    '1966'
    """
    if value in (None, ""):
        return value
    if isinstance(value, list):
        return [mask_value(owner, prop, item, props) for item in value]
    text = str(value)
    if prop == "birth_date":
        return mask_birth_date(text)
    is_phone = prop == "phone" or (
        owner == "Identifier" and ((props or {}).get("kind") == "phone" or text.isdigit()))
    return mask_phone(text) if is_phone else mask_id(text)


def mask_text(text: str) -> str:
    """``text`` with ID numbers, phone numbers and written-out birth dates masked.

    >>> mask_text("身份证号410502196601011234，电话13812345678，座机0372-5551234")
    '身份证号410502************，电话138****5678，座机0372****1234'
    >>> mask_text("原告张桂兰，女，1966年3月1日出生，汉族")
    '原告张桂兰，女，1966年**月**日出生，汉族'
    >>> mask_text("原告李秀英，女，1963年7月出生")
    '原告李秀英，女，1963年**月出生'
    >>> mask_text("出生日期=1968-03-02，立案=2021-03-01")
    '出生日期=1968，立案=2021-03-01'
    >>> mask_text("统一社会信用代码914105264088497969")
    '统一社会信用代码914105264088497969'
    """
    text = _ID_NUMBER.sub(lambda m: mask_id(m.group(1)), text)
    text = _PHONE.sub(lambda m: mask_phone(m.group(1)), text)
    return _BIRTH.sub(_birth_year_only, text)


#: The identifying parts of a person's node id (``|id:``, ``|idf:``, ``|tel:``, ``|b:``).
_ID_PART = re.compile(r"\|(id|idf|tel|b):([^|\s，,。；;）)（(]*)")
#: the birth date in a candidate's description (``张桂兰（1 个提及，1968-05-02，…）``)
_HINT_DATE = re.compile(r"(个提及，)((?:19|20)\d{2})-\d{1,2}-\d{1,2}")


def mask_ids(text: str) -> str:
    """``text`` with ID numbers, phones and birth dates masked, in prose (``mask_text``) and
    in node ids (``Person:张桂兰|b:1968-05-02`` → ``Person:张桂兰|b:1968``): what a page or
    message shows of an id in a masked view.

    >>> mask_ids("认定 Person:张桂兰|id:410502196805021228 与 Person:王|tel:13812345678")
    '认定 Person:张桂兰|id:410502************ 与 Person:王|tel:138****5678'
    >>> mask_ids("Person:张桂兰|b:1968-05-02|doc:x")
    'Person:张桂兰|b:1968|doc:x'
    >>> mask_ids("Person 张桂兰（1 个提及，1968-05-02，河南省安阳市）")
    'Person 张桂兰（1 个提及，1968，河南省安阳市）'
    """
    def part(match: re.Match[str]) -> str:
        kind, value = match.group(1), match.group(2)
        shown = {"b": mask_birth_date, "tel": mask_phone}.get(kind, mask_id)(value)
        return f"|{kind}:{shown}"

    return mask_text(_HINT_DATE.sub(r"\1\2", _ID_PART.sub(part, text)))


def _birth_year_only(match: re.Match[str]) -> str:
    """A written-out birth date with every number after the year replaced by ``**``."""
    if match.group(5):
        return match.group(5)
    year, rest = (match.group(1), match.group(2)) if match.group(1) else match.groups()[2:4]
    return year + re.sub(r"\d+", "**", rest)


def _dates(birth: str | None) -> list[str]:
    """Every YYYYMMDD from 1900 to 2099 consistent with a shown birth date (or year)."""
    shown = re.sub(r"\D", "", birth or "")
    out = []
    day = dt.date(1900, 1, 1)
    while day.year < 2100:
        digits = day.strftime("%Y%m%d")
        if digits.startswith(shown[:8]):
            out.append(digits)
        day += dt.timedelta(days=1)
    return out


def id_candidates(masked_id: str, birth_date: str | None = None, sex: str | None = None) -> int:
    """How many 18-character resident ID numbers agree with what a masked view shows.

    ``masked_id`` has ``*`` for hidden characters; ``birth_date`` (``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD``) and ``sex`` (男/女) are the other fields shown beside it. Hidden region
    digits count ten ways each (an upper bound that the masks here never need); the birth
    date must be a calendar date from 1900 to 2099, the sequence digit's parity must match the
    sex, and the check digit must be right (ISO 7064 MOD 11-2).

    >>> id_candidates("410502************", "1966", "女")
    182500
    >>> id_candidates("410502**********34", "1966-01-01", "男")  # the earlier rule
    9
    """
    shown = masked_id.strip().upper()
    if len(shown) != 18:
        raise ValueError(f"not an 18-character ID number: {masked_id!r}")

    def fits(digits: str, start: int) -> bool:
        return all(s in (MASK, d) for s, d in zip(shown[start:], digits, strict=False))

    def residue(digits: str, start: int) -> int:
        return sum(int(d) * _WEIGHTS[start + i] for i, d in enumerate(digits)) % 11

    regions = 10 ** shown[:6].count(MASK)
    region_residue = residue(shown[:6].replace(MASK, "0"), 0)
    dates = Counter(residue(d, 6) for d in _dates(birth_date) if fits(d, 6))
    parity = {"男": 1, "女": 0}.get(sex or "")
    seqs = Counter(residue(f"{n:03d}", 14) for n in range(1000)
                   if fits(f"{n:03d}", 14) and (parity is None or n % 2 == parity))
    check = shown[17]
    total = 0
    for r1, n1 in dates.items():
        for r2, n2 in seqs.items():
            code = _CHECK[(region_residue + r1 + r2) % 11]
            if check in (MASK, code):
                total += n1 * n2
    count: int = total * regions
    return count
