"""The record interchange format: what loaders produce and the graph builder consumes.

A *case record* is one parsed document (judgment, ruling, mediation statement, arbitration award,
non-acceptance notice). It is the line format of ``*.cases.jsonl`` files, the output of the raw
text parser (``ringtrace parse --json``) and of the synthetic generator. ``docs/interchange.md``
documents every field; :func:`case_from_dict` validates one and says which field is wrong.

Registry rows (:class:`RegistryRecord`) and back-payment rows (:class:`BackPaymentRecord`) are the
normalised forms of the enterprise-registry export and the 补缴 ledger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

DOCUMENT_TYPES = ("判决书", "裁定书", "调解书", "仲裁裁决书", "仲裁调解书", "不予受理通知书", "unknown")
PROCEDURES = ("一审", "二审", "再审", "仲裁", "其他")
ROLES = ("plaintiff", "defendant", "third_party", "supporter")
SIDES = ("worker", "employer", "unknown", "other")
AGENT_KINDS = ("lawyer", "intern", "legal_aid", "employee", "relative", "other")
RESPONSES = ("admits", "no_objection", "partial", "contests", "absent", "unknown")
OUTCOMES = ("confirmed", "denied", "mediated", "dismissed", "upheld", "reversed", "not_accepted",
            "withdrawn", "unknown")
CLAIM_KINDS = ("confirmation_only", "with_amounts", "denial", "unknown")

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class RecordInvalid(ValueError):
    """A record field is missing or malformed; ``field`` is its dotted path."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


@dataclass
class Party:
    name: str
    role: str  # plaintiff | defendant | third_party | supporter (支持起诉机关/单位)
    role_in_text: str = ""
    side: str = "unknown"  # worker | employer | unknown | other (by entity type, not position)
    is_entity: bool = False
    sex: str | None = None
    birth_date: str | None = None
    ethnicity: str | None = None
    address: str | None = None
    id_number: str | None = None
    phone: str | None = None
    occupation: str | None = None
    uscc: str | None = None
    legal_representative: str | None = None
    legal_representative_title: str | None = None
    registration_number: str | None = None  # 注册号 (pre-2015 business registration number)


@dataclass
class Agent:
    name: str
    represents: list[str] = field(default_factory=list)  # party names as written
    kind: str = "other"  # lawyer | intern | legal_aid | employee | relative | other
    law_firm: str | None = None
    relation: str | None = None  # e.g. 原告之子, 该公司员工, 人事部门负责人
    authority: str | None = None  # 一般代理 | 特别授权
    sex: str | None = None
    birth_date: str | None = None
    address: str | None = None
    phone: str | None = None
    id_number: str | None = None


@dataclass
class Span:
    """A quoted piece of the document text supporting an extracted value."""

    kind: str  # defendant_response | claim | purpose | outcome | absence | evidence | ... | other
    text: str


@dataclass
class CaseRecord:
    case_number: str | None
    forum: str
    document_type: str
    procedure: str = "一审"
    forum_kind: str = "court"  # court | arbitration
    court_code: str | None = None  # 法院代字, e.g. 豫0502
    region_code: str | None = None  # GB/T 2260 code of the forum's place
    cause: str | None = None
    filing_date: str | None = None
    hearing_date: str | None = None
    decision_date: str | None = None
    simple_procedure: bool | None = None
    parties: list[Party] = field(default_factory=list)
    agents: list[Agent] = field(default_factory=list)
    claim_kind: str = "unknown"
    claim_amounts: list[float] = field(default_factory=list)
    claimed_start: str | None = None
    claimed_end: str | None = None
    defendant_response: str = "unknown"
    absent: bool = False
    outcome: str = "unknown"
    related_case_numbers: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    doc_id: str | None = None  # content hash (sha256) of the source document, when known
    source_path: str | None = None
    #: fields whose value was inferred rather than read as such, and how
    #: (``{"forum": "court code 豫05 of the case number", "document_type": "判决如下"}``)
    inferred: dict[str, str] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form (the interchange line), without empty optional fields."""
        return _prune(_plain(self))

    def mark_inferred(self, field_name: str, how: str) -> None:
        """Note that ``field_name`` was inferred rather than read, and from what."""
        self.inferred = {**(self.inferred or {}), field_name: how}

    def workers(self) -> list[Party]:
        return [p for p in self.parties if p.side == "worker"]

    def employers(self) -> list[Party]:
        return [p for p in self.parties if p.side == "employer"]


@dataclass
class RegistryRecord:
    """One enterprise-registry row (天眼查-style export), normalised."""

    name: str
    uscc: str | None = None
    legal_representative: str | None = None
    status: str | None = None
    founded: str | None = None
    registered_capital: str | None = None
    insured_headcount: int | None = None
    address: str | None = None
    phone: str | None = None
    company_type: str | None = None
    industry: str | None = None
    former_names: list[str] = field(default_factory=list)
    cancel_date: str | None = None
    revoke_date: str | None = None


@dataclass
class BackPaymentRecord:
    """One social-insurance back-payment (补缴) row."""

    person_name: str
    employer_name: str
    start: str
    end: str
    id_number: str | None = None
    amount: float | None = None
    basis_case_number: str | None = None
    paid_date: str | None = None


@dataclass
class FeedbackRecord:
    """One outcome reported back on a lead by the procuratorate that investigated it.

    ``outcome`` is the canonical outcome name (核实属实, 不属实, 再审检察建议, …, see
    ``loaders/mappings/feedback.yaml``); ``verdict`` is True when the outcome means the lead held
    up (the relationship was sham), False when it did not, None while it is still open;
    ``stage`` orders outcomes of the same date (later procedural stages are larger).
    ``source_file``/``source_line`` say where the row was read (for quarantine messages).
    """

    outcome: str
    date: str
    lead_id: str | None = None
    case_number: str | None = None
    verdict: bool | None = None
    stage: int = 0
    note: str | None = None
    procuratorate: str | None = None
    source_file: str | None = None
    source_line: int = 0


def _plain(value: Any) -> Any:
    """Dataclasses to dicts, recursively (a faster ``asdict`` for these flat records)."""
    if hasattr(value, "__dataclass_fields__"):
        return {k: _plain(v) for k, v in vars(value).items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _prune(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items() if v not in (None, [], "")}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def _check_date(path: str, value: Any) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not _DATE.match(value):
        raise RecordInvalid(path, f"expected a date YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    return value


def _check_choice(path: str, value: Any, choices: tuple[str, ...], default: str) -> str:
    if value in (None, ""):
        return default
    if value not in choices:
        raise RecordInvalid(path, f"{value!r} is not one of {', '.join(choices)}")
    return str(value)


def _check_str(path: str, value: Any, *, required: bool = False) -> str | None:
    if value in (None, ""):
        if required:
            raise RecordInvalid(path, "is required")
        return None
    if not isinstance(value, str):
        raise RecordInvalid(path, f"expected text, got {type(value).__name__}")
    return value


_PARTY_DATES = ("birth_date",)
_AGENT_DATES = ("birth_date",)
_CASE_DATES = ("filing_date", "hearing_date", "decision_date", "claimed_start", "claimed_end")


def case_from_dict(data: Any) -> CaseRecord:
    """Validate one interchange line (already JSON-decoded) into a :class:`CaseRecord`.

    Raises :class:`RecordInvalid` naming the first bad field (dotted path, e.g. ``parties[2].role``).
    Unknown keys are ignored so that newer producers stay readable.
    """
    if not isinstance(data, dict):
        raise RecordInvalid("", f"expected a JSON object, got {type(data).__name__}")
    case_number = _check_str("case_number", data.get("case_number"))
    doc_id = _check_str("doc_id", data.get("doc_id"))
    if not case_number and not doc_id:
        raise RecordInvalid("case_number", "a record needs a case_number or a doc_id (content hash)")
    # a copy without its header (no court line, no number) is keyed by its content (doc_id)
    # and may name no forum; every other record needs one
    forum = _check_str("forum", data.get("forum"), required=not doc_id)
    parties_raw = data.get("parties") or []
    agents_raw = data.get("agents") or []
    if not isinstance(parties_raw, list):
        raise RecordInvalid("parties", "expected a list")
    if not isinstance(agents_raw, list):
        raise RecordInvalid("agents", "expected a list")
    parties = [_party(f"parties[{i}]", p) for i, p in enumerate(parties_raw)]
    agents = [_agent(f"agents[{i}]", a) for i, a in enumerate(agents_raw)]
    kwargs: dict[str, Any] = {name: _check_date(name, data.get(name)) for name in _CASE_DATES}
    spans_raw = data.get("spans") or []
    spans = []
    for i, s in enumerate(spans_raw):
        if not isinstance(s, dict) or not isinstance(s.get("text"), str):
            raise RecordInvalid(f"spans[{i}]", "expected {kind, text}")
        spans.append(Span(kind=str(s.get("kind", "other")), text=s["text"]))
    amounts = data.get("claim_amounts") or []
    if not isinstance(amounts, list) or not all(isinstance(a, (int, float)) for a in amounts):
        raise RecordInvalid("claim_amounts", "expected a list of numbers")
    related = data.get("related_case_numbers") or []
    if not isinstance(related, list):
        raise RecordInvalid("related_case_numbers", "expected a list")
    simple = data.get("simple_procedure")
    if simple is not None and not isinstance(simple, bool):
        raise RecordInvalid("simple_procedure", "expected true, false or null")
    return CaseRecord(
        case_number=case_number,
        forum=forum or "",
        document_type=_check_choice("document_type", data.get("document_type"), DOCUMENT_TYPES,
                                    "判决书"),
        procedure=_check_choice("procedure", data.get("procedure"), PROCEDURES, "一审"),
        forum_kind=_check_choice("forum_kind", data.get("forum_kind"), ("court", "arbitration"),
                                 "court"),
        court_code=_check_str("court_code", data.get("court_code")),
        region_code=_check_str("region_code", data.get("region_code")),
        cause=_check_str("cause", data.get("cause")),
        simple_procedure=simple,
        parties=parties,
        agents=agents,
        claim_kind=_check_choice("claim_kind", data.get("claim_kind"), CLAIM_KINDS, "unknown"),
        claim_amounts=[float(a) for a in amounts],
        defendant_response=_check_choice("defendant_response", data.get("defendant_response"),
                                         RESPONSES, "unknown"),
        absent=bool(data.get("absent", False)),
        outcome=_check_choice("outcome", data.get("outcome"), OUTCOMES, "unknown"),
        related_case_numbers=[str(r) for r in related],
        spans=spans,
        doc_id=doc_id,
        source_path=_check_str("source_path", data.get("source_path")),
        inferred=_inferred(data.get("inferred")),
        **kwargs,
    )


def _party(path: str, raw: Any) -> Party:
    if not isinstance(raw, dict):
        raise RecordInvalid(path, "expected an object")
    name = _check_str(f"{path}.name", raw.get("name"), required=True)
    return Party(
        name=name or "",
        role=_check_choice(f"{path}.role", raw.get("role"), ROLES, "plaintiff")
        if raw.get("role") is not None
        else _raise(f"{path}.role", "is required"),
        role_in_text=str(raw.get("role_in_text") or ""),
        side=_check_choice(f"{path}.side", raw.get("side"), SIDES, "unknown"),
        is_entity=bool(raw.get("is_entity", False)),
        sex=_check_str(f"{path}.sex", raw.get("sex")),
        birth_date=_check_date(f"{path}.birth_date", raw.get("birth_date")),
        ethnicity=_check_str(f"{path}.ethnicity", raw.get("ethnicity")),
        address=_check_str(f"{path}.address", raw.get("address")),
        id_number=_check_str(f"{path}.id_number", raw.get("id_number")),
        phone=_check_str(f"{path}.phone", raw.get("phone")),
        occupation=_check_str(f"{path}.occupation", raw.get("occupation")),
        uscc=_check_str(f"{path}.uscc", raw.get("uscc")),
        legal_representative=_check_str(f"{path}.legal_representative",
                                        raw.get("legal_representative")),
        legal_representative_title=_check_str(f"{path}.legal_representative_title",
                                              raw.get("legal_representative_title")),
        registration_number=_check_str(f"{path}.registration_number",
                                       raw.get("registration_number")),
    )


def _agent(path: str, raw: Any) -> Agent:
    if not isinstance(raw, dict):
        raise RecordInvalid(path, "expected an object")
    represents = raw.get("represents") or []
    if isinstance(represents, str):
        represents = [represents]
    if not isinstance(represents, list):
        raise RecordInvalid(f"{path}.represents", "expected a list of party names")
    return Agent(
        name=_check_str(f"{path}.name", raw.get("name"), required=True) or "",
        represents=[str(r) for r in represents],
        kind=_check_choice(f"{path}.kind", raw.get("kind"), AGENT_KINDS, "other"),
        law_firm=_check_str(f"{path}.law_firm", raw.get("law_firm")),
        relation=_check_str(f"{path}.relation", raw.get("relation")),
        authority=_check_str(f"{path}.authority", raw.get("authority")),
        sex=_check_str(f"{path}.sex", raw.get("sex")),
        birth_date=_check_date(f"{path}.birth_date", raw.get("birth_date")),
        address=_check_str(f"{path}.address", raw.get("address")),
        phone=_check_str(f"{path}.phone", raw.get("phone")),
        id_number=_check_str(f"{path}.id_number", raw.get("id_number")),
    )


def _inferred(raw: Any) -> dict[str, str] | None:
    if raw in (None, "", {}):
        return None
    if not isinstance(raw, dict):
        raise RecordInvalid("inferred", "expected an object {field: how it was inferred}")
    return {str(k): str(v) for k, v in raw.items()}


def _raise(path: str, reason: str) -> str:
    raise RecordInvalid(path, reason)
