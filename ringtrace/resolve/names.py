"""Name keys for resolution: people's names and the parts of a Chinese company name.

Documents spell the same registered enterprise in several ways: traditional script
(``鄭州市…有限責任公司``), full-width characters and spaces, with or without the city's ``市``
(``商丘市金源包装有限公司`` / ``商丘金源包装有限公司``), the region in brackets after the trade
name (``金源（商丘）包装有限公司``), another legal form (``有限责任公司`` / ``有限公司`` / ``公司`` /
``厂``), and a branch spelt without ``分`` (``…有限公司安阳公司`` for ``…有限公司安阳分公司``).
:func:`company_name` takes a name apart into place stems, core (trade name and industry), legal
form and branch, so that each of those variants gives the same key; :func:`variant` says in
words which variant separates two names (the reason quoted for a merge).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property

from ringtrace.graph import identity as ident
from ringtrace.regions import gb2260

# -- script -------------------------------------------------------------------------------


@cache
def _converter() -> object | None:
    try:
        import opencc
    except ImportError:  # pragma: no cover - opencc is a dependency; keep working without it
        return None
    return opencc.OpenCC("t2s")


_simple_cache: dict[str, str] = {}


def simplified(text: str) -> str:
    """``text`` in simplified characters (OpenCC ``t2s``); unchanged without OpenCC."""
    found = _simple_cache.get(text)
    if found is None:
        conv = _converter()
        found = conv.convert(text) if conv is not None else text  # type: ignore[attr-defined]
        if len(_simple_cache) < 1 << 20:
            _simple_cache[text] = found
    return found


def simplified_many(texts: list[str]) -> list[str]:
    """:func:`simplified` of many short texts with one OpenCC call (names never hold a newline);
    the results also fill :func:`simplified`'s cache."""
    conv = _converter()
    if conv is None or not texts:
        return list(texts)
    out: list[str] = conv.convert("\n".join(texts)).split("\n")  # type: ignore[attr-defined]
    if len(out) != len(texts):
        return [simplified(t) for t in texts]
    _simple_cache.update(zip(texts, out, strict=True))
    return out


_NAME_NOISE = re.compile("[\\s\"'“”‘’「」『』·•・.。,，]")


def person_key(name: str) -> str:
    """A person's name as compared: simplified, half-width, without spaces or dots.

    >>> person_key("張 建國")
    '张建国'
    """
    return _NAME_NOISE.sub("", simplified(ident.halfwidth(name)))


def person_keys(printed: Iterable[str]) -> dict[str, str]:
    """:func:`person_key` of the :func:`simplified` half-width form of each distinct name
    (the key :func:`~ringtrace.resolve.mentions.read_mentions` compares), with one OpenCC
    call for all of them: a province prints a hundred thousand names, far fewer distinct.

    >>> person_keys(["張 建國", "张建国"])
    {'張 建國': '张建国', '张建国': '张建国'}
    """
    distinct = list(dict.fromkeys(printed))
    simple = simplified_many([ident.halfwidth(name) for name in distinct])
    return {name: person_key(s) for name, s in zip(distinct, simple, strict=True)}


def masked(name: str) -> bool:
    """True for a publisher-anonymised name (``***``, ``张某某``, ``谢XX``): never merged by
    the name alone."""
    return ident.is_masked_name(name)


# -- places -------------------------------------------------------------------------------

_PLACE_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州",
                   "自治县", "地区", "省", "市", "区", "县", "盟", "旗")
#: the table's placeholder rows, and names that many places share (too generic for a key)
_PLACEHOLDERS = gb2260.PLACEHOLDERS | frozenset({"矿区", "郊区", "城区", "新区", "开发区"})


@dataclass(frozen=True)
class Places:
    #: full place names (``安阳市``, ``浚县``) and their stems (``安阳``) -> stem
    stem_of: dict[str, str]
    #: stems of provinces (``河南``), dropped from keys when a lower place follows
    provinces: frozenset[str]
    #: the lengths of the names in ``stem_of``, longest first
    lengths: tuple[int, ...]
    #: first character -> the lengths of the names in ``stem_of`` that start with it, longest
    #: first (a place is looked for only among the names that can start where the text does)
    lengths_by_head: dict[str, tuple[int, ...]]


@cache
def places() -> Places:
    """Place names of the GB/T 2260 table (:mod:`ringtrace.regions.gb2260`)."""
    codes = gb2260.codes()
    stem_of: dict[str, str] = {}
    provinces: set[str] = set()
    for code, name in sorted(codes.items()):
        if name in _PLACEHOLDERS:
            continue
        stem = name
        for suffix in _PLACE_SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                stem = name[: -len(suffix)]
                break
        stem_of.setdefault(name, stem)
        if len(stem) >= 2:
            stem_of.setdefault(stem, stem)
        if code.endswith("0000"):
            provinces.add(stem)
    by_head: dict[str, set[int]] = {}
    for name in stem_of:
        by_head.setdefault(name[0], set()).add(len(name))
    return Places(stem_of, frozenset(provinces),
                  tuple(sorted({len(n) for n in stem_of}, reverse=True)),
                  {head: tuple(sorted(sizes, reverse=True)) for head, sizes in by_head.items()})


def leading_places(text: str) -> tuple[tuple[str, ...], str]:
    """The place stems at the head of ``text`` and the rest (``河南省安阳市龙宏化肥厂`` ->
    ``(('河南', '安阳'), '龙宏化肥厂')``), longest place name first at each step."""
    found, cuts = _leading(text)
    return found, text[cuts[-1] if cuts else 0:]


def place_cuts(text: str) -> tuple[int, ...]:
    """Where each of the places at the head of ``text`` ends (a trade name may itself be a
    place name: ``巩义市永和煤矿`` reads as 巩义 + 永和 + 煤矿, so a reader of the name without
    its places tries each cut).

    >>> place_cuts("巩义市永和煤矿")
    (3, 5)
    """
    return _leading(text)[1]


def leading_levels(text: str) -> tuple[str, ...]:
    """The level suffix printed with each of the places at the head of ``text`` ("" for a
    bare stem), in the order of :func:`leading_places`.

    >>> leading_levels("河南省安阳县金源建材有限公司"), leading_levels("安阳金源建材有限公司")
    (('省', '县'), ('',))
    """
    found, cuts = _leading(text)
    starts = (0, *cuts)
    return tuple(text[starts[i]: cuts[i]][len(stem):] for i, stem in enumerate(found))


def place_level(text: str) -> str:
    """The level suffix of a place name as printed (``安阳县`` -> ``县``; ``安阳`` -> "");
    "" when ``text`` is not a place name."""
    stem = place_stem(text)
    return text[len(stem):] if stem is not None and text.startswith(stem) else ""


def _leading(text: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    table = places()
    found: list[str] = []
    cuts: list[int] = []
    pos = 0
    end = len(text)
    while pos < end:
        for size in table.lengths_by_head.get(text[pos], ()):
            if size > end - pos - 1:
                continue
            stem = table.stem_of.get(text[pos: pos + size])
            if stem is not None:
                found.append(stem)
                pos += size
                cuts.append(pos)
                break
        else:
            break
    return tuple(found), tuple(cuts)


def place_stem(text: str) -> str | None:
    """The stem of a place name (``商丘市`` -> ``商丘``), or None when ``text`` is not one."""
    return places().stem_of.get(text)


# -- companies ----------------------------------------------------------------------------

#: legal forms at the end of a name, longest first, with the label quoted in reasons
LEGAL_FORMS = ("股份有限公司", "有限责任公司", "责任有限公司", "有限公司", "集团公司", "总公司",
               "公司", "总厂", "厂")
_BRANCH = re.compile(r"^(?P<parent>.+?(?:有限公司|公司|厂))(?P<label>[^()]{0,12}?)"
                     r"(?P<kind>分公司|分厂|分店|营业部|办事处)$")
#: a branch written without 分: ``…有限公司安阳公司`` (the label must be a place)
_BRANCH_NO_FEN = re.compile(r"^(?P<parent>.+?有限公司)(?P<label>[^()]{2,8}?)公司$")
_REGION_BRACKET = re.compile(r"\(([^()]{2,8})\)")
_MASK_RUN = re.compile("(?:[*＊xXｘＸ×○?]|某)+")


@dataclass(frozen=True)
class CompanyName:
    """A company name taken apart (see the module docstring)."""

    #: simplified, half-width, brackets unified, quotes, spaces and trailing notes dropped
    text: str
    #: place stems at the head, and a region moved out of brackets (province dropped
    #: when a lower place follows)
    places: tuple[str, ...]
    #: trade name and industry: what is left without places and legal form
    core: str
    #: the legal form at the end (one of :data:`LEGAL_FORMS`), or ""
    form: str
    #: a region written in brackets after the trade name (``金源（商丘）包装``)
    bracket_region: bool
    #: for a branch: the parent's name as written, and the branch label (``安阳``)
    parent: str | None = None
    branch: str | None = None
    masked: bool = False
    #: the level suffix printed with each of :attr:`places` (``县``, ``市``, ``区``; "" for a
    #: bare stem): a key compares stems only, :func:`places_disagree` compares these
    levels: tuple[str, ...] = ()

    @cached_property
    def key(self) -> str:
        """Places + core + legal form: equal for names that differ only in 市, province,
        bracket position, script, width or spacing (``有限责任公司`` counts as ``有限公司``)."""
        return f"{'/'.join(self.places)}|{self.core}|{_form_class(self.form)}|{self._branch_key}"

    @cached_property
    def loose_key(self) -> str:
        """:attr:`key` without the legal form (``龙宏化肥厂`` ~ ``龙宏化肥有限公司``)."""
        return f"{'/'.join(self.places)}|{self.core}|{self._branch_key}"

    @cached_property
    def _branch_key(self) -> str:
        if self.parent is None:
            return ""
        return f"branch:{company_name(self.parent).loose_key}:{self.branch or ''}"

    @property
    def is_branch(self) -> bool:
        return self.parent is not None


def _form_class(form: str) -> str:
    return {"有限责任公司": "有限公司", "责任有限公司": "有限公司", "股份有限公司": "股份公司"}.get(
        form, form)


def company_text(name: str) -> str:
    """The cleaned text of a company name (script, width, brackets, quotes, trailing notes)."""
    return ident.normalize_company(simplified(name)).replace("股份公司", "股份有限公司")


@cache
def company_name(name: str) -> CompanyName:
    """Take a company name apart (cached: the same names come back for every mention).

    >>> c = company_name("金源（商丘）包装有限公司")
    >>> c.places, c.core, c.form
    (('商丘',), '金源包装', '有限公司')
    >>> company_name("商丘市金源包装有限公司").key == c.key
    True
    >>> b = company_name("河南华信建设有限公司安阳公司")
    >>> b.is_branch, b.branch
    (True, '安阳')
    """
    text = company_text(name)
    is_masked = ident.is_masked_company(text)
    parent = branch = None
    m = _BRANCH.match(text)
    if m:
        parent, branch = m.group("parent"), m.group("label")
    else:
        m = _BRANCH_NO_FEN.match(text)
        if m and place_stem(m.group("label")) is not None:
            parent, branch = m.group("parent"), m.group("label")
    body = parent if parent is not None else text
    places_found, rest = leading_places(body)
    levels_found = leading_levels(body)
    bracket = False
    moved: list[tuple[str, str]] = []
    for region in _REGION_BRACKET.findall(rest):
        stem = place_stem(region)
        if stem is not None:
            moved.append((stem, place_level(region)))
            rest = rest.replace(f"({region})", "", 1)
            bracket = True
    form = next((f for f in LEGAL_FORMS if rest.endswith(f) and len(rest) > len(f)), "")
    core = rest[: len(rest) - len(form)] if form else rest
    if len(places_found) > 1 and places_found[0] in places().provinces:
        places_found, levels_found = places_found[1:], levels_found[1:]
    level_of: dict[str, str] = {}
    for stem, level in [*zip(places_found, levels_found, strict=True), *moved]:
        level_of[stem] = level_of.get(stem) or level
    stems = list(level_of)
    if parent is not None:
        # a branch's own key is its parent's (loose) key plus the label; the places and core
        # describe the parent
        label = place_stem(branch or "") or branch
        branch = label
    return CompanyName(text, tuple(stems), core, form, bracket,
                       parent, branch, is_masked, tuple(level_of.values()))


def same_levels(a: CompanyName, b: CompanyName) -> bool:
    """Does ``b`` print every place that ``a`` prints with a level at that same level (and
    ``a`` print at least one)?

    >>> same_levels(company_name("安阳县金源建材有限公司"), company_name("河南省安阳县金源建材厂"))
    True
    >>> same_levels(company_name("安阳县金源建材有限公司"), company_name("安阳金源建材有限公司"))
    False
    """
    other = dict(zip(b.places, b.levels, strict=True))
    printed = [(stem, level) for stem, level in zip(a.places, a.levels, strict=True) if level]
    return bool(printed) and all(other.get(stem) == level for stem, level in printed)


def places_disagree(a: CompanyName, b: CompanyName) -> str | None:
    """The place two names print at different levels (``安阳县`` / ``安阳市``), or None.

    A county and the city of one stem are two places (安阳县 is a county of 安阳市) and two
    registration districts: ``安阳县金源建材有限公司`` and ``安阳市金源建材有限公司`` are two
    enterprises even though their keys (which compare stems, so that ``市`` may be left out)
    are equal. A name printing the bare stem (``安阳金源…``) disagrees with neither.

    >>> places_disagree(company_name("安阳县金源建材有限公司"), company_name("安阳市金源建材有限公司"))
    '安阳县/安阳市'
    >>> places_disagree(company_name("安阳金源建材有限公司"), company_name("安阳县金源建材有限公司")) is None
    True
    """
    other = dict(zip(b.places, b.levels, strict=True))
    for stem, level in zip(a.places, a.levels, strict=True):
        theirs = other.get(stem)
        if level and theirs and level != theirs:
            return f"{stem}{level}/{stem}{theirs}"
    return None


def variant(a: str, b: str) -> str:
    """In words, how two spellings of one company differ (the reason quoted for a merge).

    >>> variant("商丘市金源包装有限公司", "金源（商丘）包装有限责任公司")
    'region brackets moved; legal form 有限公司/有限责任公司'
    """
    if a == b:
        return "same name"
    parts: list[str] = []
    if simplified(a) != a or simplified(b) != b:
        parts.append("traditional script")
    ca, cb = company_name(a), company_name(b)
    if ca.bracket_region != cb.bracket_region:
        parts.append("region brackets moved")
    elif ident.halfwidth(a) != ident.halfwidth(b) and (ident.halfwidth(a) != a
                                                        or ident.halfwidth(b) != b):
        parts.append("full/half width")
    if re.search(r"\s", a + b):
        parts.append("spacing")
    ta, tb = ca.text, cb.text
    la, lb = leading_places(ta)[0], leading_places(tb)[0]
    if len(la) != len(lb) and not (ca.bracket_region or cb.bracket_region):
        parts.append("province/place prefix")
    elif ta.count("市") != tb.count("市") and ca.bracket_region == cb.bracket_region:
        parts.append("city 市 dropped")
    fa, fb = _written_form(a), _written_form(b)
    if fa != fb:
        parts.append(f"legal form {fa or '-'}/{fb or '-'}")
    if ca.is_branch and cb.is_branch and ("分" in ta) != ("分" in tb):
        parts.append("分公司 spelt 公司")
    return "; ".join(dict.fromkeys(parts)) or "spelling"


def _written_form(name: str) -> str:
    text = ident.clean(simplified(name))
    return next((f for f in LEGAL_FORMS if text.endswith(f)), "")


def mask_pattern(name: str) -> re.Pattern[str] | None:
    """A pattern matching the names that a masked company name can stand for (each run of mask
    characters stands for one to three characters), or None when ``name`` is not masked.

    >>> bool(mask_pattern("安阳市鑫某建材有限公司").match("安阳市鑫源建材有限公司"))
    True
    """
    text = company_text(name)
    if not _MASK_RUN.search(text):
        return None
    parts = _MASK_RUN.split(text)
    return re.compile(".{1,3}".join(re.escape(p) for p in parts) + "$")


# -- codes ---------------------------------------------------------------------------------

_USCC_JUNK = re.compile(r"\(.*$")
_USCC_CHARS = frozenset(ident.USCC_CHARSET)


def uscc_key(code: str | None) -> str | None:
    """An 18-character USCC as compared (upper case, half-width, a trailing note such as
    ``(1-4)`` dropped), or None when ``code`` is not one (masked, short, a 注册号)."""
    return _uscc(_USCC_JUNK.sub("", ident.clean(code))) if code else None


def registration_number(code: str | None) -> str | None:
    """A 15-digit 注册号 (business registration number, before the USCC), or None."""
    return _registration(_USCC_JUNK.sub("", ident.clean(code))) if code else None


def code_fragment(code: str | None) -> str | None:
    """The visible head of a masked USCC (``914105******``), at least 6 characters, or None."""
    return _fragment(ident.clean(code)) if code else None


def codes(printed: str | None, registration: str | None = None
          ) -> tuple[str | None, str | None, str | None]:
    """(:func:`uscc_key`, :func:`registration_number`, :func:`code_fragment`) of the code an
    employer row prints (its 注册号 from ``registration`` when the row has one apart), the
    text cleaned once for all three (a province has tens of thousands of registry rows)."""
    if not printed:
        return None, registration_number(registration), None
    cleaned = ident.clean(printed)
    stripped = _USCC_JUNK.sub("", cleaned)
    reg = registration_number(registration) if registration else _registration(stripped)
    return _uscc(stripped), reg, _fragment(cleaned)


def _uscc(stripped: str) -> str | None:
    """
    >>> _uscc("91410500MA40XXXXXX") is None, _uscc("XXXXXXXXXXXXXX4891") is None
    (True, True)
    >>> _uscc("91520000214434146R")
    '91520000214434146R'
    """
    text = stripped.upper()
    if len(text) != 18 or not _USCC_CHARS.issuperset(text) or ident.MASKED_CODE.search(text):
        return None
    return text


def _registration(stripped: str) -> str | None:
    return stripped if len(stripped) == 15 and stripped.isdigit() else None


def _fragment(cleaned: str) -> str | None:
    """
    >>> _fragment("914105******"), _fragment("91410500MA40XXXXXX"), _fragment("XXXXXXXXXXXXXX4891")
    ('914105', '91410500MA40', None)
    """
    text = cleaned.upper()
    if not ident.MASKED_CODE.search(text):
        return None
    head = ident.MASKED_CODE.split(text, maxsplit=1)[0]
    return head if len(head) >= 6 else None
