"""Identifiers with real check characters: USCC (GB 32100), 组织机构代码 (GB 11714), resident ID
numbers (GB 11643) and phone numbers.

The USCC check character comes from :func:`ringtrace.graph.identity.uscc_check_char`, the same
function detection uses, so a generated code is valid by construction; :func:`legacy_uscc`
makes the few early codes that are genuine but fail the checksum.
"""

from __future__ import annotations

import datetime as dt
import random
from operator import mul

from ringtrace.graph.identity import USCC_CHARSET, org_check_char, uscc_check_char

_ORG_BODY = "0123456789" * 20 + "ABCDEFGHJKLMNPQRTUWXY"
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151",
                    "152", "153", "155", "156", "157", "158", "159", "176", "177", "180", "181",
                    "182", "183", "185", "186", "187", "188", "189", "199")


def _with_org_check(body: str) -> str:
    """``body`` and its GB 11714 check character, from the function detection checks codes
    with (:func:`ringtrace.graph.identity.org_check_char`: letters count A=10 ... Z=35)."""
    return body + org_check_char(body)


def org_code(rng: random.Random) -> str:
    """A 9-character 组织机构代码: 8 characters (mostly digits) and the GB 11714 check character."""
    return _with_org_check("".join(rng.choice(_ORG_BODY) for _ in range(8)))


def uscc(rng: random.Random, region_code: str, *, category: str = "91",
         registered_after_reform: bool = False) -> str:
    """A valid 18-character USCC: registry department + category, region, 主体标识码, check.

    ``category`` is ``91`` for enterprises registered with market supervision, ``92`` for
    individual businesses, ``93`` for farmers' cooperatives, ``12`` for public institutions.
    The 主体标识码 is the firm's old 组织机构代码, or an ``MA…`` code for firms registered after
    the 2015 reform.
    """
    if registered_after_reform:
        body = _with_org_check("MA" + "".join(rng.choice(USCC_CHARSET) for _ in range(6)))
    else:
        body = org_code(rng)
    first17 = category + region_code + body
    return first17 + uscc_check_char(first17)


def legacy_uscc(rng: random.Random, region_code: str) -> str:
    """An early-pilot code that is genuine but fails the GB 32100 checksum."""
    code = uscc(rng, region_code)
    wrong = [c for c in USCC_CHARSET if c != code[17]]
    return code[:17] + rng.choice(wrong)


def registration_number(rng: random.Random, region_code: str) -> str:
    """A 15-digit 工商注册号 (pre-2015): region, sequence, ISO 7064 MOD 11,10 check digit.

    >>> number = registration_number(random.Random(3), "410502")
    >>> len(number), number[:6], registration_check(number[:14]) == number[14]
    (15, '410502', True)
    """
    body = region_code + "".join(str(rng.randrange(10)) for _ in range(8))
    return body + registration_check(body)


def registration_check(first14: str) -> str:
    """The ISO 7064 MOD 11,10 check digit of a 注册号."""
    p = 10
    for char in first14:
        s = p % 11 + int(char)
        p = (s % 10 or 10) * 2
    return str((11 - p % 11) % 10)


def id_check_digit(first17: str) -> str:
    """The GB 11643 check character of a resident ID number."""
    total = sum(map(mul, map(int, first17), _ID_WEIGHTS))
    return _ID_CHECK[total % 11]


def id_number_valid(number: str) -> bool:
    return (len(number) == 18 and number[:17].isdigit()
            and id_check_digit(number[:17]) == number[17])


def resident_id(rng: random.Random, region_code: str, birth: dt.date, sex: str) -> str:
    """An 18-character ID: region, birth date, sequence (odd = male), GB 11643 check."""
    seq = rng.randrange(0, 500) * 2 + (1 if sex == "男" else 0)
    first17 = f"{region_code}{birth.year:04d}{birth.month:02d}{birth.day:02d}{seq:03d}"
    return first17 + id_check_digit(first17)


#: Number of ID masking styles (0-2 common, 3-5 rarer ones seen in varied worlds).
ID_MASK_STYLES = 6


def masked_id(number: str, style: int) -> str:
    """How judgments print an ID: region + birth year-month, or region + birth date, masked.

    >>> n = "410502196803021234"
    >>> [masked_id(n, s) for s in range(ID_MASK_STYLES)]  # doctest: +NORMALIZE_WHITESPACE
    ['410502196803******', '4105021968********', '410502********123*',
     '410502************', '4105**********1234', '41050219680302****']
    """
    if style == 0:
        return number[:12] + "******"
    if style == 1:
        return number[:10] + "********"
    if style == 2:
        return number[:6] + "********" + number[14:17] + "*"
    if style == 3:
        return number[:6] + "*" * 12
    if style == 4:
        return number[:4] + "*" * 10 + number[14:]
    return number[:14] + "****"


def mobile(rng: random.Random) -> str:
    return rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def landline(rng: random.Random, area_code: str) -> str:
    digits = 8 if area_code in ("023", "0371", "0898") else 7
    first = str(rng.randint(2, 8))
    return f"{area_code}-{first}{rng.randrange(10 ** (digits - 1)):0{digits - 1}d}"
