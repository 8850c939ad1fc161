"""Masking of sensitive property values (schema ``sensitive: true``) in rendered views.

Views are shared beyond the analyst who built them, so ID numbers, phone numbers and contact
identifiers are shown masked unless the caller asks for ``unmask=True``. The masked forms keep
what an investigator needs to tell values apart at a glance (the region code at the start of an
ID, the carrier prefix and line number of a phone) and hide the rest.
"""

from __future__ import annotations

from typing import Any

MASK = "*"


def mask_id(value: str) -> str:
    """Keep the first 6 characters (at most half) and the last 0–2; hide the middle.

    Two trailing characters are kept only for values of 15 or more characters (ID numbers),
    one for 12–14, none for shorter values, so at least half of any value is hidden.

    >>> mask_id("410502196601011234")
    '410502**********34'
    >>> mask_id("4105021966")
    '41050*****'
    >>> mask_id("豫A")
    '豫*'
    """
    text = value.strip()
    n = len(text)
    tail = 2 if n >= 15 else 1 if n >= 12 else 0
    head = min(6, n // 2)
    return text[:head] + MASK * (n - head - tail) + text[n - tail:]


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


def mask_value(owner: str, prop: str, value: Any, props: dict[str, Any] | None = None) -> Any:
    """The masked form of a sensitive property value of a node or edge of kind ``owner``.

    Phones (a ``phone`` property, or the value of a phone ``Identifier``, whose stored value is
    digits only) lose their middle four digits; everything else (ID numbers, address
    identifiers) goes through :func:`mask_id`. Lists are masked item by item; empty values are
    returned unchanged.

    >>> mask_value("Identifier", "value", "13812345678", {"kind": "phone"})
    '138****5678'
    >>> mask_value("Person", "id_number", "410502196601011234")
    '410502**********34'
    """
    if value in (None, ""):
        return value
    if isinstance(value, list):
        return [mask_value(owner, prop, item, props) for item in value]
    text = str(value)
    is_phone = prop == "phone" or (
        owner == "Identifier" and ((props or {}).get("kind") == "phone" or text.isdigit()))
    return mask_phone(text) if is_phone else mask_id(text)
