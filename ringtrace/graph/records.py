"""The record interchange format: what loaders produce and the graph builder consumes.

A *case record* is one parsed document (judgment, ruling, mediation statement, arbitration award,
non-acceptance notice). It is the line format of ``*.cases.jsonl`` files, the output of the raw
text parser (``ringtrace parse --json``) and of the synthetic generator. ``docs/interchange.md``
documents every field; :func:`case_from_dict` validates one and says which field is wrong.

Registry rows (:class:`RegistryRecord`) and back-payment rows (:class:`BackPaymentRecord`) are the
normalised forms of the enterprise-registry export and the 补缴 ledger.

**Validation is declared once, on the dataclasses' annotations**, and run by msgspec
(``msgspec.convert``): types, the accepted values of coded fields (``Choice(ROLES)``…), date
shapes, number ranges. msgspec was chosen over pydantic and jsonschema because it validates the
plain dataclasses every other module already builds (no second model to keep in step), decodes
a JSONL line in C straight into them, and reports the JSON path of the first bad field
(``$.parties[2].role``), which quarantine entries need. Booleans and numbers are read strictly:
``true``/``false`` (or the strings ``"true"``/``"false"``, any case, and 0/1); numbers must be
finite and in range, so NaN, Infinity and 1e300 are rejected. To accept a new coded value, add
it to its tuple below (``DOCUMENT_TYPES``, ``OUTCOMES``…) and to docs/interchange.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Annotated, Any, get_args, get_type_hints

import msgspec
from msgspec import Meta

from ringtrace.errors import RingtraceError

DOCUMENT_TYPES = ("判决书", "裁定书", "调解书", "仲裁裁决书", "仲裁调解书", "不予受理通知书", "unknown")
PROCEDURES = ("一审", "二审", "再审", "仲裁", "其他")
ROLES = ("plaintiff", "defendant", "third_party", "supporter")
SIDES = ("worker", "employer", "unknown", "other")
AGENT_KINDS = ("lawyer", "intern", "legal_aid", "employee", "relative", "other")
RESPONSES = ("admits", "no_objection", "partial", "contests", "absent", "unknown")
OUTCOMES = ("confirmed", "denied", "mediated", "dismissed", "upheld", "reversed", "not_accepted",
            "withdrawn", "unknown")
CLAIM_KINDS = ("confirmation_only", "with_amounts", "denial", "unknown")

_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_DATE = re.compile(_DATE_PATTERN)
#: How deeply nested a record may be (parties > party > field is 3); deeper input is refused.
MAX_DEPTH = 16


def Choice(values: tuple[str, ...]) -> Meta:  # named like a type: it reads as one in annotations
    """The constraint of a coded text field: one of ``values`` (an anchored pattern)."""
    return Meta(pattern="^(?:" + "|".join(re.escape(v) for v in values) + ")$")


#: ISO date ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a real calendar date, checked after).
IsoDate = Annotated[str, Meta(pattern=_DATE_PATTERN)]
#: An amount in yuan: finite, not negative, below a trillion.
Amount = Annotated[float, Meta(ge=0, le=1e12)]
#: A count of people (insured headcount).
Headcount = Annotated[int, Meta(ge=0, le=100_000_000)]
#: Text that must not be empty (names).
Name = Annotated[str, Meta(min_length=1)]
DocumentType = Annotated[str, Choice(DOCUMENT_TYPES)]
Procedure = Annotated[str, Choice(PROCEDURES)]
ForumKind = Annotated[str, Choice(("court", "arbitration"))]
Role = Annotated[str, Choice(ROLES)]
Side = Annotated[str, Choice(SIDES)]
AgentKind = Annotated[str, Choice(AGENT_KINDS)]
Response = Annotated[str, Choice(RESPONSES)]
Outcome = Annotated[str, Choice(OUTCOMES)]
ClaimKind = Annotated[str, Choice(CLAIM_KINDS)]


class RecordInvalid(RingtraceError, ValueError):
    """A record field is missing or malformed; ``field`` is its dotted path."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}" if field else reason)
        self.field = field
        self.reason = reason


@dataclass
class Party:
    name: Name
    role: Role  # plaintiff | defendant | third_party | supporter (支持起诉机关/单位)
    role_in_text: str = ""
    side: Side = "unknown"  # worker | employer | unknown | other (by entity type, not position)
    is_entity: bool = False
    sex: str | None = None
    birth_date: IsoDate | None = None
    ethnicity: str | None = None
    address: str | None = None
    id_number: str | None = None
    phone: str | None = None
    occupation: str | None = None
    uscc: str | None = None
    legal_representative: str | None = None
    legal_representative_title: str | None = None
    registration_number: str | None = None  # 注册号 (pre-2015 business registration number)
    org_code: str | None = None  # 组织机构代码 (9 characters; the USCC's characters 9-17)


@dataclass
class Agent:
    name: Name
    represents: list[str] = field(default_factory=list)  # party names as written
    kind: AgentKind = "other"  # lawyer | intern | legal_aid | employee | relative | other
    law_firm: str | None = None
    relation: str | None = None  # e.g. 原告之子, 该公司员工, 人事部门负责人
    authority: str | None = None  # 一般代理 | 特别授权
    sex: str | None = None
    birth_date: IsoDate | None = None
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
    forum: str  # empty only for a copy without its header, keyed by its content (doc_id)
    document_type: DocumentType
    procedure: Procedure = "一审"
    forum_kind: ForumKind = "court"  # court | arbitration
    court_code: str | None = None  # 法院代字, e.g. 豫0502
    region_code: str | None = None  # GB/T 2260 code of the forum's place
    cause: str | None = None
    filing_date: IsoDate | None = None
    hearing_date: IsoDate | None = None
    decision_date: IsoDate | None = None
    simple_procedure: bool | None = None
    parties: list[Party] = field(default_factory=list)
    agents: list[Agent] = field(default_factory=list)
    claim_kind: ClaimKind = "unknown"
    claim_amounts: list[Amount] = field(default_factory=list)
    claimed_start: IsoDate | None = None
    claimed_end: IsoDate | None = None
    defendant_response: Response = "unknown"
    absent: bool = False
    outcome: Outcome = "unknown"
    related_case_numbers: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    doc_id: str | None = None  # content hash (sha256) of the source document, when known
    source_path: str | None = None
    #: fields whose value was inferred rather than read as such, and how
    #: (``{"forum": "court code 豫05 of the case number", "document_type": "判决如下"}``)
    inferred: dict[str, str] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form (the interchange line), without empty optional fields."""
        line: dict[str, Any] = _line(self)
        return line

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

    name: Name
    uscc: str | None = None
    legal_representative: str | None = None
    status: str | None = None
    founded: IsoDate | None = None
    registered_capital: str | None = None
    insured_headcount: Headcount | None = None
    address: str | None = None
    phone: str | None = None
    company_type: str | None = None
    industry: str | None = None
    former_names: list[str] = field(default_factory=list)
    cancel_date: IsoDate | None = None
    revoke_date: IsoDate | None = None
    registration_number: str | None = None  # 注册号 (15 digits, before the USCC)
    org_code: str | None = None  # 组织机构代码 (9 characters; the USCC's characters 9-17)


@dataclass
class BackPaymentRecord:
    """One social-insurance back-payment (补缴) row."""

    person_name: Name
    employer_name: Name
    start: IsoDate
    end: IsoDate
    id_number: str | None = None
    amount: Amount | None = None
    basis_case_number: str | None = None
    paid_date: IsoDate | None = None


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


def _line(value: Any) -> Any:
    """``_prune(_plain(value))`` in one pass (ingest turns every record into its line).

    >>> _line(Party(name="甲", role="plaintiff", side="worker"))
    {'name': '甲', 'role': 'plaintiff', 'side': 'worker', 'is_entity': False}
    """
    if hasattr(value, "__dataclass_fields__"):
        return {k: _line(v) for k, v in vars(value).items() if v not in (None, [], "")}
    if isinstance(value, list):
        return [_line(v) for v in value]
    return _prune(value) if isinstance(value, dict) else value


def _prune(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items() if v not in (None, [], "")}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


_CASE_DEFAULTS = {"case_number": None, "forum": "", "document_type": "判决书"}
#: fields where "" is a value, not "absent" (a span may quote nothing)
_EMPTY_ALLOWED = frozenset({"text"})
_WHERE = re.compile(r" - at `\$(.*)`$")
_MISSING = re.compile(r"^Object missing required field `([^`]+)`")
_CHOICES = re.compile(r"matching regex '\^\(\?:(.*)\)\$'")


def _tidy(value: Any, path: str, depth: int = 0) -> Any:
    """The value with empty optional fields (None, "") dropped from objects, text checked for
    lone surrogates, and nesting bounded; ``path`` names the field in errors."""
    if depth > MAX_DEPTH:
        raise RecordInvalid(path, f"nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise RecordInvalid(path, "text holds an unpaired surrogate (\\ud800-\\udfff), "
                                "which is not a character; the producer wrote broken text"
                                ) from None
        return value
    if isinstance(value, Mapping):
        out = {}
        for key, item in value.items():
            if item is None or (item == "" and key not in _EMPTY_ALLOWED):
                continue
            out[key] = _tidy(item, f"{path}.{key}" if path else str(key), depth + 1)
        return out
    if isinstance(value, list | tuple):
        return [_tidy(item, f"{path}[{i}]", depth + 1) for i, item in enumerate(value)]
    return value


def _at(data: Any, path: str) -> Any:
    """The value at a msgspec path (``.parties[0].role``) of ``data``, or None."""
    for key, index in re.findall(r"\.([^.\[]+)|\[(\d+)\]", path):
        try:
            data = data[key] if key else data[int(index)]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _invalid(exc: msgspec.ValidationError, data: Any) -> RecordInvalid:
    """A readable :class:`RecordInvalid` from msgspec's message and the offending value."""
    message = str(exc)
    where = _WHERE.search(message)
    path = where.group(1) if where else ""
    message = _WHERE.sub("", message)
    missing = _MISSING.match(message)
    if missing:
        field_path = f"{path}.{missing.group(1)}"
        return RecordInvalid(field_path.lstrip("."), "is required")
    field_path = path.lstrip(".")
    value = _at(data, path)
    choices = _CHOICES.search(message)
    if choices:
        names = choices.group(1).replace("\\", "").split("|")
        return RecordInvalid(field_path, f"{value!r} is not one of {', '.join(names)}")
    if _DATE_PATTERN.replace("\\", "") in message.replace("\\", ""):
        return RecordInvalid(field_path, "expected a date YYYY, YYYY-MM or YYYY-MM-DD, got "
                                         f"{value!r}")
    reason = message.replace("`", "").replace("Expected", "expected")
    if value is not None and not isinstance(value, dict | list):
        reason += f" ({value!r})" if "got" in reason else f", got {value!r}"
    return RecordInvalid(field_path, reason)


def _calendar(path: str, value: str | None) -> None:
    """A matched ``YYYY-MM[-DD]`` must be a real month and day."""
    if not value or len(value) == 4:
        return
    year, month, *day = (int(part) for part in value.split("-"))
    try:
        dt.date(year, month, day[0] if day else 1)
    except ValueError:
        raise RecordInvalid(path, f"not a calendar date: {value!r}") from None


_DATE_FIELDS: dict[type, frozenset[str]] = {}


def _date_fields(kind: type) -> frozenset[str]:
    """The fields of a record class declared as :data:`IsoDate`."""
    if kind not in _DATE_FIELDS:
        hints = get_type_hints(kind, include_extras=True)
        _DATE_FIELDS[kind] = frozenset(name for name, hint in hints.items()
                                       if IsoDate in (hint, *get_args(hint)))
    return _DATE_FIELDS[kind]


def _dates(record: Any, prefix: str = "") -> None:
    """Check every date field of a record (and its parties and agents) against the calendar."""
    dates = _date_fields(type(record))
    for f in fields(record):
        value = getattr(record, f.name)
        if f.name in dates:
            _calendar(f"{prefix}{f.name}", value)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if hasattr(item, "__dataclass_fields__"):
                    _dates(item, f"{prefix}{f.name}[{i}].")


def _convert(data: Any, kind: type[Any], defaults: Mapping[str, Any]) -> Any:
    if not isinstance(data, Mapping):
        raise RecordInvalid("", f"expected a JSON object, got {type(data).__name__}")
    tidy = {**defaults, **_tidy(data, "")}
    try:
        record = msgspec.convert(tidy, kind, strict=False)
    except msgspec.ValidationError as exc:
        raise _invalid(exc, tidy) from None
    except RecursionError:
        raise RecordInvalid("", "nested too deeply to read") from None
    _dates(record)
    return record


def case_from_dict(data: Any) -> CaseRecord:
    """Validate one interchange line (already JSON-decoded) into a :class:`CaseRecord`.

    Raises :class:`RecordInvalid` naming the first bad field (dotted path, e.g. ``parties[2].role``).
    Unknown keys are ignored so that newer producers stay readable; empty optional fields
    (null, "") take their defaults.
    """
    if isinstance(data, Mapping):
        data = dict(data)
        for i, agent in enumerate(data.get("agents") or []):
            if isinstance(agent, Mapping) and isinstance(agent.get("represents"), str):
                data["agents"] = list(data["agents"])
                data["agents"][i] = {**agent, "represents": [agent["represents"]]}
    record: CaseRecord = _convert(data, CaseRecord, _CASE_DEFAULTS)
    if not record.case_number and not record.doc_id:
        raise RecordInvalid("case_number", "a record needs a case_number or a doc_id (content hash)")
    # a copy without its header (no court line, no number) is keyed by its content (doc_id)
    # and may name no forum; every other record needs one
    if not record.forum.strip() and not record.doc_id:
        raise RecordInvalid("forum", "is required (only a record keyed by doc_id may lack it)")
    return record


def case_from_json(line: bytes | str) -> CaseRecord:
    """Decode and validate one JSONL line (see :func:`case_from_dict`).

    Malformed JSON (including ``NaN``/``Infinity``, which JSON does not have, and escaped lone
    surrogates) and nesting too deep to decode raise :class:`RecordInvalid` with field ``""``.
    """
    try:
        data = msgspec.json.decode(line)
    except msgspec.DecodeError as exc:
        raise RecordInvalid("", _json_reason(line, exc)) from None
    except RecursionError:
        raise RecordInvalid("", "nested too deeply to read (a JSON record is a flat object "
                            "with lists of parties, agents and spans)") from None
    return case_from_dict(data)


def _json_reason(line: bytes | str, exc: msgspec.DecodeError) -> str:
    text = line.decode("utf-8", "replace") if isinstance(line, bytes) else line
    if re.search(r"\bNaN\b|\bInfinity\b", text):
        return "not valid JSON: NaN and Infinity are not JSON numbers"
    if re.search(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}", text):
        return "not valid JSON: an escaped unpaired surrogate (\\ud800-\\udfff) is not text"
    if str(exc).startswith("Number out of range"):
        return "not valid JSON: a number out of range (beyond 1e308, or a 64-bit integer)"
    return f"not valid JSON: {_WHERE.sub('', str(exc))}"


def registry_from_dict(data: Mapping[str, object]) -> RegistryRecord:
    """Validate a normalised registry row (field -> value) into a :class:`RegistryRecord`.

    A 注册号 (13 or 15 digits) read from the credit-code column is the row's registration
    number, not its USCC: firms closed before the 2015 reform never had a USCC, and exports
    (公示系统's one 统一社会信用代码/注册号 column, 企查查) print the 注册号 in its place.
    """
    code = data.get("uscc")
    if isinstance(code, str) and len(code) in (13, 15):
        data = {"registration_number": code, **data, "uscc": None}
    record: RegistryRecord = _convert(data, RegistryRecord, {})
    return record


def backpayment_from_dict(data: Mapping[str, object]) -> BackPaymentRecord:
    """Validate a normalised back-payment row into a :class:`BackPaymentRecord`."""
    record: BackPaymentRecord = _convert(data, BackPaymentRecord, {})
    return record
