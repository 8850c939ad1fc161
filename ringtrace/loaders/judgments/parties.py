"""Parties: one per party line of the party block, with role, side and personal or entity facts.

``role`` is the procedural position (原告/上诉人/申请人/再审申请人 -> plaintiff; 被告/被上诉人/
被申请人 -> defendant; 第三人 -> third_party); ``role_in_text`` keeps the label as written
(``上诉人（原审被告）``). ``side`` is decided later by :func:`assign_sides` from the *entity
type*, because in employer-initiated suits the worker is the 被告.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ringtrace.graph.identity import MASKED_CODE, halfwidth, uscc_valid
from ringtrace.graph.records import Party
from ringtrace.loaders.judgments.dates import iso
from ringtrace.loaders.judgments.fields import (
    PersonFacts,
    person_fact,
    split_fields,
    split_trailing_bracket,
)
from ringtrace.loaders.judgments.patterns import (
    ENTITY_SUFFIX,
    OCCUPATION,
    OCCUPATIONS,
    ORG_CODE,
    REGISTRATION_NUMBER,
    SHORT_NAME,
    USCC,
)

_PLAINTIFF_ROLES = ("再审申请人", "申诉人", "申请人", "上诉人", "原告", "反诉原告", "起诉人", "申请执行人")
_DEFENDANT_ROLES = ("再审被申请人", "被申诉人", "被申请人", "被上诉人", "被告", "反诉被告", "被执行人",
                    "被诉人")
_SUPPORTER_ROLES = ("支持起诉机关", "支持起诉单位", "支持起诉人")
_ORIGINAL_ROLE = re.compile(r"(?:原审|一审|原)(?P<role>原告|被告|第三人|申请人|被申请人)")
_ENTITY_FIELD = re.compile(r"^(?:住所地|住所|注册地|营业场所|经营场所|统一社会信用代码|社会信用代码|"
                           r"组织机构代码|注册号)")
_INDIVIDUAL_EMPLOYER = re.compile(r"个体工商户|个体户|经营者|业主|字号|包工头|承包人")
_DROP_BRACKET = re.compile(r"^原|^系|简称|曾用名|原名|下称|个体|经营者|字号|业主|之(?:父|母|子|女|夫|妻|兄|弟|姐|妹)|"
                           r"受害人|死者|近亲属|监护人")


def procedural_role(label: str) -> str:
    """plaintiff | defendant | third_party for a role label without its bracket."""
    base = label
    for prefix in ("原审", "一审", "二审"):
        if base.startswith(prefix) and base != prefix:
            base = base[len(prefix):]
    if base in _SUPPORTER_ROLES:
        return "supporter"
    if "第三人" in base:
        return "third_party"
    if base in _DEFENDANT_ROLES:
        return "defendant"
    return "plaintiff" if base in _PLAINTIFF_ROLES else "defendant"


@dataclass
class ParsedParty:
    """A party with what the parser needs besides the record fields."""

    party: Party
    original_role: str  # plaintiff | defendant | third_party at first instance
    aliases: list[str]
    line: int
    individual_employer: bool = False


def parse_party(role: str, role_in_text: str, paren: str, rest: str, line: int,
                problems: list[tuple[int, str, str, str]]) -> ParsedParty | None:
    """One party line after its label. ``problems`` collects (line, field, reason, raw)."""
    fields = split_fields(rest)
    if not fields:
        return None
    name, bracket = split_trailing_bracket(fields[0])
    aliases: list[str] = []
    individual_employer = False
    if bracket is not None:
        alias = SHORT_NAME.search(f"({bracket})")
        if alias:
            aliases.append(alias.group("alias"))
        if _INDIVIDUAL_EMPLOYER.search(bracket):
            individual_employer = True
        if not _DROP_BRACKET.search(bracket):
            name = fields[0]
    party = Party(name=name, role=procedural_role(role), role_in_text=role_in_text)
    facts = PersonFacts()
    entity_cue = False
    for text in fields[1:]:
        if _ENTITY_FIELD.match(text):
            entity_cue = True
        code = USCC.search(text)
        if code:
            _uscc(party, code.group("code"), text, line, problems)
            continue
        if _registration(party, text) or _org_code(party, text):
            entity_cue = True
            continue
        if person_fact(facts, text):
            continue
        m = OCCUPATION.match(text)
        if m:
            party.occupation = party.occupation or m.group("occupation")
        elif text in OCCUPATIONS:
            party.occupation = party.occupation or text
        elif _INDIVIDUAL_EMPLOYER.search(text):
            individual_employer = True
        alias = SHORT_NAME.search(text)
        if alias:
            aliases.append(alias.group("alias"))
    party.sex, party.birth_date, party.ethnicity = facts.sex, facts.birth_date, facts.ethnicity
    party.address, party.id_number, party.phone = facts.address, facts.id_number, facts.phone
    facts_from_id(party)
    is_person = bool(facts.sex or facts.birth_date or facts.ethnicity or facts.id_number)
    party.is_entity = not is_person and (entity_cue or looks_like_entity(name)
                                         or party.role == "supporter")
    original = _ORIGINAL_ROLE.search(paren)
    original_role = procedural_role(original.group("role")) if original else party.role
    return ParsedParty(party, original_role, aliases, line, individual_employer)


def facts_from_id(party: Party) -> None:
    """Birth date (digits 7–14) and sex (digit 17, odd = male) from an ID number, when the
    text does not state them; a masked ID (``410506196804******``) still gives year and month."""
    number = halfwidth(party.id_number or "")
    if len(number) != 18:
        return
    if party.birth_date is None:
        if number[6:14].isdigit():
            party.birth_date = iso(int(number[6:10]), int(number[10:12]), int(number[12:14]))
        elif number[6:12].isdigit():
            party.birth_date = iso(int(number[6:10]), int(number[10:12]))
    if party.sex is None and number[16].isdigit():
        party.sex = "男" if int(number[16]) % 2 else "女"


def looks_like_entity(name: str) -> bool:
    """True for organisation names (``…有限公司``, ``…塑编厂``, ``…管理局``)."""
    return len(name) >= 4 and bool(ENTITY_SUFFIX.search(name))


def _uscc(party: Party, code: str, text: str, line: int,
          problems: list[tuple[int, str, str, str]]) -> None:
    value = halfwidth(code).upper()
    party.uscc = party.uscc or value
    party.is_entity = True
    if not MASKED_CODE.search(value) and not uscc_valid(value):
        problems.append((line, "uscc", f"统一社会信用代码 {value} fails the GB 32100 check "
                         "character; kept as written (some genuine early codes fail it)", text))


def _registration(party: Party, text: str) -> bool:
    """``注册号320100400019845``: the pre-USCC business registration number."""
    m = REGISTRATION_NUMBER.search(text)
    if m is None:
        return False
    party.registration_number = party.registration_number or halfwidth(m.group("number"))
    party.is_entity = True
    return True


def _org_code(party: Party, text: str) -> bool:
    """``组织机构代码：10661739-1``: the organisation code documents printed before the USCC."""
    m = ORG_CODE.search(text)
    if m is None:
        return False
    party.org_code = party.org_code or halfwidth(m.group("code")).replace(" ", "")
    party.is_entity = True
    return True


def add_entity_fact(parsed: ParsedParty, text: str, line: int,
                    problems: list[tuple[int, str, str, str]]) -> bool:
    """Attach a continuation line (``住所地…``, ``统一社会信用代码…``) to the last party."""
    party = parsed.party
    code = USCC.search(text)
    if code:
        _uscc(party, code.group("code"), text, line, problems)
        return True
    if _registration(party, text) or _org_code(party, text):
        return True
    facts = PersonFacts(party.sex, party.birth_date, party.ethnicity, party.address,
                        party.id_number, party.phone)
    if not person_fact(facts, text):
        return False
    party.sex, party.birth_date, party.ethnicity = facts.sex, facts.birth_date, facts.ethnicity
    party.address, party.id_number, party.phone = facts.address, facts.id_number, facts.phone
    return True


def set_representative_title(parsed: ParsedParty, title: str) -> None:
    """``职务：总经理`` on its own line after the representative."""
    if parsed.party.legal_representative and not parsed.party.legal_representative_title:
        parsed.party.legal_representative_title = title.strip(" 。")


def set_representative(parsed: ParsedParty, rest: str) -> None:
    """``法定代表人：张桂清，董事长`` -> representative and title of the last (entity) party."""
    fields = split_fields(rest)
    if not fields:
        return
    party = parsed.party
    party.is_entity = True
    party.legal_representative = party.legal_representative or fields[0]
    if len(fields) > 1 and party.legal_representative_title is None:
        party.legal_representative_title = fields[1]


def cross_appeal_roles(parsed: list[ParsedParty]) -> None:
    """Both sides appealed (``上诉人（原审原告、并案被告）：赵某`` and ``上诉人（原审被告、并案原告）：
    某公司``, no 被上诉人): the procedural roles are those of the first instance, so that the
    first-instance defendant is the defendant here too rather than a second plaintiff.

    >>> worker = ParsedParty(Party(name="赵某", role="plaintiff"), "plaintiff", [], 1)
    >>> firm = ParsedParty(Party(name="某公司", role="plaintiff"), "defendant", [], 2)
    >>> cross_appeal_roles([worker, firm]); firm.party.role
    'defendant'
    """
    sides = [p for p in parsed if p.party.role in ("plaintiff", "defendant")]
    if any(p.party.role == "defendant" for p in sides) or \
            {p.original_role for p in sides} != {"plaintiff", "defendant"}:
        return
    for p in sides:
        p.party.role = p.original_role


def assign_sides(parsed: list[ParsedParty]) -> None:
    """worker / employer by entity type: organisations (and 个体工商户 operators) employ.

    When no party is an organisation, the first-instance plaintiffs are taken as workers and
    the first-instance defendants as employers (a worker suing an individual employer).
    A supporting procuratorate, union or legal-aid centre (支持起诉机关) is on neither side.
    """
    parsed_sides = [p for p in parsed if p.party.role != "supporter"]
    for p in parsed:
        if p.party.role == "supporter":
            p.party.side = "other"
    has_entity = any(p.party.is_entity or p.individual_employer for p in parsed_sides)
    for p in parsed_sides:
        if p.party.is_entity or p.individual_employer:
            p.party.side = "employer"
        elif has_entity or p.original_role == "plaintiff":
            p.party.side = "worker"
        elif p.original_role == "defendant":
            p.party.side = "employer"
        else:
            p.party.side = "unknown"


def collect_aliases(text: str, start: int, parsed: list[ParsedParty], limit: int = 4000) -> None:
    """Short names defined in the body: ``江苏神龙海洋工程有限公司（以下简称神龙公司）``."""
    for m in SHORT_NAME.finditer(text, start, min(len(text), start + limit)):
        head = text[max(start, m.start() - 70):m.start()].rstrip(" (（")
        for p in sorted(parsed, key=lambda q: len(q.party.name), reverse=True):
            if head.endswith(p.party.name):
                if m.group("alias") not in p.aliases:
                    p.aliases.append(m.group("alias"))
                break
