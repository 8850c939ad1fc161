"""Comma-separated fields of a party or agent line, and the personal facts they state.

``原告:翟明绪,男,1949年3月19日出生,汉族,住沂源县`` splits into the name and one field per fact;
commas inside brackets (``北京安博（上海）律师事务所``) do not split. Both parties and agents use
:func:`person_facts` for sex, birth date, ethnicity, address, ID number and phone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ringtrace.loaders.judgments.dates import DATE, arabic_date
from ringtrace.loaders.judgments.patterns import (
    ADDRESS,
    BIRTH,
    ETHNICITY,
    ID_NUMBER,
    PHONE,
    SEX,
)

_OPEN = "(（〔［【[﹙"
_CLOSE = ")）〕］】]﹚"
_SEPARATORS = ",，"
_STRIP = " \t\u3000。.;；:："
_MARKS = re.compile("[" + re.escape(_OPEN + _CLOSE + _SEPARATORS) + "]")


def split_fields(text: str) -> list[str]:
    """Split on commas outside brackets; empty fields are dropped.

    >>> split_fields("北京安博（上海，浦东）律师事务所，律师, ，")
    ['北京安博（上海，浦东）律师事务所', '律师']
    """
    fields, depth, start = [], 0, 0
    # only the brackets and commas are looked at, not every character in between
    for m in _MARKS.finditer(text):
        ch = m.group()
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            i = m.start()
            fields.append(text[start:i])
            start = i + 1
    fields.append(text[start:])
    return [stripped for f in fields if (stripped := f.strip(_STRIP))]


def split_trailing_bracket(text: str) -> tuple[str, str | None]:
    """``汤松(原告之子)`` -> (``汤松``, ``原告之子``); text without a final bracket is unchanged."""
    if not text or text[-1] not in _CLOSE:
        return text, None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        if text[i] in _CLOSE:
            depth += 1
        elif text[i] in _OPEN:
            depth -= 1
            if depth == 0:
                return text[:i].strip(), text[i + 1:-1].strip()
    return text, None


@dataclass
class PersonFacts:
    sex: str | None = None
    birth_date: str | None = None
    ethnicity: str | None = None
    address: str | None = None
    id_number: str | None = None
    phone: str | None = None


def person_fact(facts: PersonFacts, text: str) -> bool:
    """Read one field into ``facts``; True when the field was a personal fact."""
    m = SEX.match(text)
    if m:
        facts.sex = facts.sex or m.group("sex")
        return True
    m = BIRTH.match(text)
    if m:
        d = DATE.search(m.group("date"))
        facts.birth_date = facts.birth_date or (arabic_date(d) if d else None)
        return True
    m = ETHNICITY.match(text)
    if m:
        facts.ethnicity = facts.ethnicity or m.group("ethnicity")
        return True
    m = ID_NUMBER.search(text)
    if m:
        facts.id_number = facts.id_number or m.group("id")
        return True
    m = PHONE.search(text)
    if m:
        facts.phone = facts.phone or m.group("phone").strip()
        return True
    m = ADDRESS.match(text)
    if m:
        facts.address = facts.address or m.group("address").strip(_STRIP)
        return True
    return False
