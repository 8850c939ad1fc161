"""Node identity: how names, numbers and contact data become stable node ids.

Two mentions become one node only when their ids are equal, so these rules decide what links
documents together. They are deliberately conservative for people: a person is linked across
documents by name plus a birth date, an ID fragment, a law firm or a phone number, never by name
alone, and a masked name (``***``, ``某某``, ``XX``) is never linked at all.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

#: the version of the rules below that make node ids. A workspace records the version its ids
#: were made with; ingesting into it with other rules would store a document already held under
#: a new id beside the old one, so ingest refuses (:func:`check_keys_version`). Raise it whenever
#: a change gives an input already ingested another id.
#:
#: 2 - a masked case number (``第X号``) keys its case by the document, not the number.
#: 3 - an award's number printed year first (``(2013)唐劳人仲裁字第037号``) keys as the
#:     commission prints it (``唐劳人仲裁(2013)37号``).
#: 4 - ``○`` among Chinese numerals is a zero (``（二○一八）…第一二三号``), not a mask: such a
#:     number keys its case by the number again, not by the document; a year or serial in
#:     Chinese digits keys as its Arabic copy (``(2018)…123号``).
KEYS_VERSION = 4

_FULLWIDTH = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
_BRACKETS = str.maketrans({"（": "(", "）": ")", "〔": "(", "〕": ")", "[": "(", "]": ")",
                           "【": "(", "】": ")", "［": "(", "］": ")", "｛": "(", "｝": ")"})
_SPACE = re.compile(r"\s+")
_MASK = re.compile(r"(\*|＊|某某|某|ｘ|Ｘ|×|XX|xx|X$|x$|○○|\?)")
_REGION_BRACKET = re.compile(r"\(([\u4e00-\u9fff]{2,4}(省|市|区|县)?)\)")


def halfwidth(text: str) -> str:
    """Full-width ASCII letters, digits and punctuation to half-width; ideographic space to space."""
    return text.translate(_FULLWIDTH)


def clean(text: str) -> str:
    """NFKC-free light cleaning: half-width, unified brackets, no whitespace."""
    return _SPACE.sub("", halfwidth(text).translate(_BRACKETS))


def is_masked_name(name: str) -> bool:
    """True for names anonymised by the publisher (``***``, ``张某某``, ``谢XX``, ``**年``)."""
    return bool(_MASK.search(name)) or not name.strip()


_MASK_CHARS = frozenset("*＊某xXｘＸ×○?")


def masked_matches(masked: str, name: str) -> bool:
    """Can the anonymised ``masked`` (``**河``, ``孟某某``, ``***``) stand for ``name``?
    Same length, and every character that is not a mask character agrees."""
    m, n = clean(masked), clean(name)
    return len(m) == len(n) and all(a == b or a in _MASK_CHARS for a, b in zip(m, n, strict=True))


def kept_characters(masked: str) -> int:
    """How many characters of an anonymised name the publisher left readable.

    >>> kept_characters("张某某"), kept_characters("**"), kept_characters("谢XX")
    (1, 0, 1)
    """
    return sum(1 for c in clean(masked) if c not in _MASK_CHARS)


def masks_compatible(a: str, b: str) -> bool:
    """Can two printed names, either or both anonymised, stand for one name? Same length, and
    at every position the characters agree or one of them is a mask character.

    >>> masks_compatible("**香", "王某某"), masks_compatible("王某某", "李某某")
    (True, False)
    """
    x, y = clean(a), clean(b)
    return len(x) == len(y) and all(
        c == d or c in _MASK_CHARS or d in _MASK_CHARS for c, d in zip(x, y, strict=True))


_QUOTES = re.compile("[\"'“”‘’「」『』·•・]")
#: a trailing annotation that is not part of the registered name: （原安阳市某某厂）, (曾用名…)
_ANNOTATION = re.compile(r"\((?:原|曾用名|原名|原称|下称|以下简称|简称)[^()]*\)$")
_FIRM_PARTNERSHIP = re.compile(r"\((?:特殊)?普通合伙\)")
_MUNICIPALITY_FIRM = re.compile(r"^(北京|上海|天津|重庆)市(?=.+律师事务所)")


def normalize_company(name: str) -> str:
    """Canonical company name for linking documents and registry rows.

    Unifies full/half-width brackets and drops quotes and spaces. A region bracket is part of
    the registered name (``某某（北京）有限公司`` and ``某某北京有限公司`` are different
    registrations), so only its bracket style is unified. ``有限责任公司`` (and the common slip
    ``责任有限公司``) is treated as ``有限公司``, ``股份有限公司`` as ``股份公司``. A trailing note
    that is not part of the name (``（原某某厂）``, ``（以下简称某某）``) is dropped. A branch
    (``分公司``) stays distinct from its parent.
    """
    text = _QUOTES.sub("", clean(name))
    text = _ANNOTATION.sub("", text)
    text = text.replace("有限责任公司", "有限公司").replace("责任有限公司", "有限公司")
    return text.replace("股份有限公司", "股份公司")


def normalize_firm(name: str) -> str:
    """Canonical law-firm name: brackets and width unified, whitespace and quotes removed.

    Firms in the four municipalities are written both with and without ``市``
    (``上海市海华永泰律师事务所`` / ``上海海华永泰律师事务所``); the partnership note
    ``（特殊普通合伙）`` is often left out; ``律所`` is short for ``律师事务所``. Branch brackets
    (``北京盈科（安阳）律师事务所``) are kept: a branch is its own office.
    """
    text = _QUOTES.sub("", clean(name))
    text = _FIRM_PARTNERSHIP.sub("", text)
    if text.endswith("律所"):
        text = text[:-2] + "律师事务所"
    return _MUNICIPALITY_FIRM.sub(r"\1", text)


#: the Chinese numerals that typeset a number digit by digit (a year, a serial), zero as 〇, ○
#: or 零, with their values: the one table of them. A date in a signature block is typeset the
#: same way with Latin and full-width zeros too (``二Ｏ一六年``): the judgment parser's table
#: (``loaders/judgments/dates.py``) is this one plus those zeros. A case number takes only these:
#: an ``O`` in it is a letter, not a zero.
CN_DIGITS: dict[str, int] = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
                             "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMERALS = "".join(CN_DIGITS)
#: a year or a serial typeset digit by digit in Chinese numerals
_CN_YEAR = re.compile(rf"\(([{_CN_NUMERALS}]{{4}})\)")
_CN_SERIAL = re.compile(rf"[{_CN_NUMERALS}]+(?=号$)")
_CN_TO_ARABIC = str.maketrans({glyph: str(value) for glyph, value in CN_DIGITS.items()})


def _masks_only(run: str) -> bool:
    """Is a run of Chinese numerals only ``○``? Typesetters write a zero among numerals as
    ``○`` (``二○一八``), and publishers mask digits with it (``第○○号``): alone it is a mask."""
    return not run.strip("○")


def _arabic(digits: str) -> str:
    """Chinese digits as Arabic ones; a run of ``○`` alone is a mask and stays."""
    return digits if _masks_only(digits) else digits.translate(_CN_TO_ARABIC)


_SERIAL_ORDINAL = re.compile(r"第(?=[\dXx×*]+(?:-\d+)?(?:、\d+)*号)")
_SERIAL_ZEROS = re.compile(r"(?<![\d-])0+(?=\d+(?:-\d+)?号$)")
_WORD_MARK = re.compile(r"字(?=\(|\d|[Xx×*]+号)")
#: an arbitration number printed with its year first (``(2013)唐劳人仲裁字第037号``), as courts
#: print theirs, where the commission prints it after its mark (``唐劳人仲裁字(2013)037号``)
_YEAR_FIRST_AWARD = re.compile(r"^\((\d{4})\)(\D[^()]*?(?:劳|仲)[^()]*?[^\d()])"
                               r"(?=[\dXx×*]+(?:-\d+)?(?:、\d+)*号$)")


@lru_cache(maxsize=1)
def _traditional_to_simplified() -> Callable[[str], str]:
    try:
        import opencc
    except ImportError:  # pragma: no cover - opencc is a declared dependency
        return lambda text: text
    return opencc.OpenCC("t2s").convert


#: case numbers kept normalised: an ingest asks for each document's number twice (its case id,
#: its document row), a scan for the same numbers again and again
_CASE_NUMBERS_KEPT = 4096


@lru_cache(maxsize=_CASE_NUMBERS_KEPT)
def normalize_case_number(number: str) -> str:
    """Canonical case number: the key two copies of one number share.

    Folds what publishers vary and nothing else: half- and full-width forms, bracket styles
    (``（）`` ``〔〕`` ``【】`` ``[]``), spaces, traditional script (``勞人仲案``, ``號``), the
    ordinal ``第`` and the word ``字`` before the year or the serial (``安劳人仲案字〔2020〕第123号``
    = ``安劳人仲案〔2020〕123号``; ``(2015)通中民终字第00220号`` = ``(2015)通中民终字220号``) and
    leading zeros of the serial, a year or serial typeset in Chinese digits
    (``（二○一八）…第一二三号`` = ``(2018)…123号``; a serial of ``○`` alone is a mask and stays),
    and the place of an award's year (``(2013)唐劳人仲裁字第037号`` =
    ``唐劳人仲裁字(2013)037号``). Year, court, type 代字 (``民初``/``民终``), serial, suffixes
    (``392-1``) and multi-numbers (``37、67``) stay, so different cases stay apart.

    >>> normalize_case_number("(2013)唐劳人仲裁字第037号") == normalize_case_number("唐劳人仲裁字(2013)037号")
    True
    >>> normalize_case_number("(2015)通中民终字第00220号")
    '(2015)通中民终220号'
    """
    text = clean(_traditional_to_simplified()(number)) if number else ""
    text = _CN_YEAR.sub(lambda m: f"({_arabic(m.group(1))})", text)
    text = _CN_SERIAL.sub(lambda m: _arabic(m.group()), text)
    text = _SERIAL_ORDINAL.sub("", text)
    text = _WORD_MARK.sub("", text)
    text = _YEAR_FIRST_AWARD.sub(r"\2(\1)", text)
    return _SERIAL_ZEROS.sub("", text)


_ORG_SEPARATORS = re.compile(r"[-－—\s]")
_ORG_CODE = re.compile(r"[0-9A-Z]{9}")


#: GB 11714-1997: the weights of the eight body characters
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def org_check_char(body: str) -> str:
    """The GB 11714 check character of an 8-character 组织机构代码 body: digits count as
    themselves, letters A-Z as 10-35; 11 - (weighted sum mod 11), 10 written X, 11 written 0.

    >>> org_check_char("21443414"), org_check_char("10661739"), org_check_char("MA2MT9QA")
    ('6', '1', '0')
    """
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w
                for c, w in zip(body, ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def normalize_org_code(code: str | None) -> str | None:
    """A 组织机构代码 as compared: 9 characters, upper case, half-width, no hyphen; None when
    ``code`` is not one, is masked (``*``, or X where digits were), fails its GB 11714 check
    character, or is a placeholder (one character eight times, ``00000000-0``).

    The code is a join key (resolution's ``same_org_code``: a document's code to the registry
    row whose USCC carries it), so a code that is not a real one must join nothing: an OCR'd
    or mistyped code (``10661789-1`` for ``10661739-1``), a form's placeholder, or characters
    read from the wrong field. The check character catches any one wrong digit and any
    swap of two neighbouring digits of the body; every code the registry issued passes it (also the 主体标识码 of
    ``MA…`` USCCs and of the early pilot codes that fail the GB 32100 check), so a genuine code
    is never refused. A code refused here stays on its node as printed; it only links nothing.

    >>> normalize_org_code("10661739-1"), normalize_org_code("１０６６１７３９－１")
    ('106617391', '106617391')
    >>> normalize_org_code("XXXXXXXX-1") is None, normalize_org_code("1066****-1") is None
    (True, True)
    >>> normalize_org_code("10661789-1") is None, normalize_org_code("00000000-0") is None
    (True, True)
    """
    if not code:
        return None
    text = _ORG_SEPARATORS.sub("", halfwidth(code)).upper()
    if not _ORG_CODE.fullmatch(text) or text[:8].count("X") >= 4 or len(set(text[:8])) == 1:
        return None
    return text if org_check_char(text[:8]) == text[8] else None


def org_code_of_uscc(uscc: str | None) -> str | None:
    """The 组织机构代码 a USCC carries as its characters 9-17 (GB 32100: an enterprise that had
    one before 2015 kept it there), or None.

    >>> org_code_of_uscc("91130900106617391K")
    '106617391'
    """
    if not uscc or len(uscc) != 18:
        return None
    return normalize_org_code(uscc[8:17])


_NOT_DIGITS = re.compile(r"\D")


def normalize_phone(phone: str) -> str:
    digits = _NOT_DIGITS.sub("", halfwidth(phone))
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits


def normalize_address(address: str) -> str:
    return normalize_cleaned_address(clean(address))


def normalize_cleaned_address(cleaned: str) -> str:
    """:func:`normalize_address` of an address already :func:`clean`."""
    return cleaned.rstrip("。.")


def digest(*parts: str, length: int = 16) -> str:
    """Short stable hash of text parts (used where a natural key is missing)."""
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:length]


def lead_id(case_id: str) -> str:
    """Stable lead id of a case (``L-`` and 10 hex digits): the same case gives the same id on
    every scan, so exports, ledgers and investigators' feedback can refer to it across re-scans.

    >>> lead_id("Case:(2019)豫0502民初1234号|河南省安阳市文峰区人民法院")[:2]
    'L-'
    """
    return "L-" + digest(case_id, length=10)


def ring_id(first_case: str) -> str:
    """Stable ring id (``R-`` and 8 hex digits) from the id of the ring's first case, so a ring
    that keeps its first case keeps its id across re-scans."""
    return "R-" + digest(first_case, length=8)


_MASKED_NUMBER = re.compile(r"[*Xx×某○?]")
#: a run of Chinese numerals, in which ``○`` is a zero (``二○一八``, ``一○五``)
_CHINESE_NUMERALS = re.compile(r"[〇○零一二三四五六七八九十百千]+")


def _numeral_zero(run: re.Match[str]) -> str:
    text = run.group()
    return text if _masks_only(text) else text.replace("○", "〇")


def is_masked_case_number(number: str) -> bool:
    """True for a case number the publisher masked (``[2011]沈中民五终字第X号``,
    ``(20××)豫05民终**号``, ``X劳人仲不字〔2021〕24号``, ``（2018）豫0502民初第○○号``).

    Such a number names no one case: every masked ruling of that court and year prints the same
    text, so it is no key - not for the case, not for the ledger's basis, not for a link.
    ``○`` masks digits, but it is also how typesetters write a zero among Chinese numerals
    (``（二○一八）豫0502民初字第一二三号``, older and mirrored copies): in a run with other
    numerals it is that zero, and only a run of ``○`` alone is a mask.

    >>> is_masked_case_number("[2011]沈中民五终字第X号"), is_masked_case_number("（2019）豫0502民初１２３４号")
    (True, False)
    >>> is_masked_case_number("（二○一八）豫0502民初字第一二三号"), is_masked_case_number("（2018）豫0502民初第○○号")
    (False, True)
    """
    return bool(_MASKED_NUMBER.search(_CHINESE_NUMERALS.sub(_numeral_zero, clean(number))))


def case_number_key(number: str | None) -> str | None:
    """The key a case number links by (:func:`normalize_case_number`), or None when there is
    no number or a masked one (:func:`is_masked_case_number`: it names no one case).

    >>> case_number_key("（2021）豫0502民初第0123号"), case_number_key("[2011]沈中民五终字第X号")
    ('(2021)豫0502民初123号', None)
    """
    if not number or is_masked_case_number(number):
        return None
    return normalize_case_number(number)


def case_id(case_number: str | None, forum: str, doc_id: str | None = None) -> str:
    """The case's node id: its normalised number at its forum; by its document's hash when the
    copy prints no number, or a masked one (:func:`is_masked_case_number`), which would join
    different disputes of one court and year into one case."""
    if case_number and not (doc_id and is_masked_case_number(case_number)):
        return f"Case:{normalize_case_number(case_number)}|{clean(forum)}"
    if not doc_id:
        raise ValueError("a case needs a case number or a document hash")
    return f"Case:sha256:{doc_id}"


_MASKED_COMPANY = re.compile(r"\*|＊|某|×|XX|ＸＸ|xx|○○")


def is_masked_company(name: str) -> bool:
    """True for a company name anonymised by the publisher (``***煤业有限公司``,
    ``安阳市信某保安服务有限公司``, ``焦作XX煤矿``)."""
    return bool(_MASKED_COMPANY.search(name))


def employer_id(name: str, document: str | None = None) -> str:
    """Stable id of an employer: its normalised name.

    A masked name stands for different enterprises in different documents, so with
    ``document`` it is scoped to that document (entity resolution joins it to the registry
    row it fits, by its USCC or other evidence).
    """
    if document and is_masked_company(name):
        return f"Employer:{normalize_company(name)}|doc:{document}"
    return f"Employer:{normalize_company(name)}"


def lookup_ids(kind: str, text: str) -> list[str]:
    """The node ids a name or id typed by a user may stand for, before aliases are followed:
    the text itself, the id of that name for ``kind``, and for an employer its normalised name.
    Every store's :meth:`~ringtrace.graph.store.base.GraphStore.find_nodes` looks these up
    first, so the stores agree on what a search finds.

    >>> lookup_ids("Person", "张桂兰")
    ['张桂兰', 'Person:张桂兰']
    >>> lookup_ids("Employer", "恒达公司（原恒达回收站）")[1:]
    ['Employer:恒达公司(原恒达回收站)', 'Employer:恒达公司']
    """
    ids = [text, f"{kind}:{clean(text)}"]
    if kind == "Employer":
        ids.append(employer_id(text))
    return ids


def firm_id(name: str) -> str:
    return f"LawFirm:{normalize_firm(name)}"


def forum_id(name: str) -> str:
    return f"Forum:{clean(name)}"


def identifier_id(kind: str, value: str) -> str:
    norm = normalize_phone(value) if kind == "phone" else normalize_address(value)
    return identifier_key(kind, norm)


def identifier_key(kind: str, normalized: str) -> str:
    """:func:`identifier_id` of a value already normalised (``normalize_phone`` for a phone,
    ``normalize_address`` for an address)."""
    return f"Identifier:{kind}:{normalized}"


def id_fragment(id_number: str | None) -> str | None:
    """The unmasked part of an ID number that identifies a person (region + birth date)."""
    if not id_number:
        return None
    text = halfwidth(id_number).upper().replace(" ", "")
    visible = re.sub(r"[*Xx×]+$", "", text) if "*" in text else text
    return visible if len(visible) >= 6 else None


def person_id(
    name: str,
    *,
    birth_date: str | None = None,
    id_number: str | None = None,
    law_firm: str | None = None,
    phone: str | None = None,
    document: str | None = None,
) -> str:
    """Stable id of a person, from the strongest disambiguator available.

    Order: full ID number, birth date, ID fragment, law firm, phone. Without any of them, or with
    a masked name, the id is scoped to ``document`` so that the mention is not linked elsewhere
    (a masked name keeps its birth date too, so that two ``***`` of one document stay apart).
    """
    n = clean(name)
    if not is_masked_name(name):
        if id_number and len(halfwidth(id_number)) == 18 and "*" not in id_number:
            return f"Person:{n}|id:{halfwidth(id_number).upper()}"
        if birth_date:
            return f"Person:{n}|b:{birth_date}"
        frag = id_fragment(id_number)
        if frag:
            return f"Person:{n}|idf:{frag}"
        if law_firm:
            return f"Person:{n}|firm:{normalize_firm(law_firm)}"
        if phone and normalize_phone(phone):
            return f"Person:{n}|tel:{normalize_phone(phone)}"
    scope = f"Person:{n}|doc:{document or digest(n)}"
    # two people printed with the same mask in one document stay apart by their birth dates
    return f"{scope}|b:{birth_date}" if birth_date and is_masked_name(name) else scope


USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc_check_char(first17: str) -> str:
    """The GB 32100-2015 check character for the first 17 characters of a USCC."""
    total = sum(USCC_CHARSET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


#: where a publisher masked a code (USCC, 注册号, ID number): ``*`` / ``＊`` / ``×`` anywhere
#: (91340824********3N, 914105××××××), or a run of four or more X (XXXXXXXXXXXXXX4891). X is a
#: code character (a USCC may hold one, an ID number ends with one), so a shorter run is the code
#: itself: a code masked with X would otherwise pass as a code, and every all-X code would be one
#: enterprise. The loaders read a printed code with it, resolution a registry's.
#:
#: >>> [bool(MASKED_CODE.search(c)) for c in ("91340824********3N", "914105××××××",
#: ...                                        "XXXXXXXXXXXXXX4891", "xxxx", "91520000214434146X")]
#: [True, True, True, True, False]
MASKED_CODE = re.compile(r"[*＊×]|[Xx]{4,}")


def uscc_valid(code: str) -> bool:
    """True when ``code`` is 18 characters of the USCC charset with a correct check character.

    Some genuine early codes fail the check, so callers warn rather than reject - and
    resolution's ``same_uscc`` joins on the printed code without asking (unlike
    :func:`normalize_org_code`, which refuses a code failing GB 11714). It stays so because a
    USCC joins only on all 18 characters, and GB 32100's check (weights 3^i mod 31, 31 prime)
    catches every single wrong character and every swap of neighbours: a mistyped code equals
    no code the registry issued, so it fails to join its own row but joins no one else's;
    what requiring the check would add is refusing the early pilot codes that the registry
    prints exactly as the documents do (``91350100M0001TGQXM``, docs/domain.md §5.3), a true
    join lost. A 9-character 组织机构代码 is matched against the body of every registry USCC,
    and no genuine code fails its check: there the check costs nothing.
    """
    code = halfwidth(code).upper()
    if len(code) != 18 or any(c not in USCC_CHARSET for c in code):
        return False
    return uscc_check_char(code[:17]) == code[17]


def unicode_name(text: str) -> str:
    """NFC-normalised text (used for names read from mixed-encoding sources)."""
    return unicodedata.normalize("NFC", text)
