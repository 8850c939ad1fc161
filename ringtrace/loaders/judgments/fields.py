"""Comma-separated fields of a party or agent line, and the personal facts they state.

``原告:翟明绪,男,1949年3月19日出生,汉族,住沂源县`` splits into the name and one field per fact;
commas inside brackets (``北京安博（上海）律师事务所``) do not split. Both parties and agents use
:func:`person_facts` for sex, birth date, ethnicity, address, ID number and phone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
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


def _birth_date(m: re.Match[str]) -> str | None:
    d = DATE.search(m.group("date"))
    return arabic_date(d) if d else None


#: each personal fact a field may state, in the order they are tried: the ``PersonFacts``
#: field, how the text is read (a fact that fills its field is matched from its start; an ID
#: number or a phone behind its label is searched for) and the value a match gives
_FACTS: tuple[tuple[str, Callable[[str], re.Match[str] | None],
                    Callable[[re.Match[str]], str | None]], ...] = (
    ("sex", SEX.match, lambda m: m.group("sex")),
    ("birth_date", BIRTH.match, _birth_date),
    ("ethnicity", ETHNICITY.match, lambda m: m.group("ethnicity")),
    ("id_number", ID_NUMBER.search, lambda m: m.group("id")),
    ("phone", PHONE.search, lambda m: m.group("phone").strip()),
    ("address", ADDRESS.match, lambda m: m.group("address").strip(_STRIP)),
)


def person_fact(facts: PersonFacts, text: str) -> bool:
    """Read one field into ``facts`` (a fact already read is kept); True when the field was a
    personal fact."""
    for name, read, value in _FACTS:
        m = read(text)
        if m:
            setattr(facts, name, getattr(facts, name) or value(m))
            return True
    return False
