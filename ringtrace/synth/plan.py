"""The plan of one case: who, where, when, what was claimed and how it ended.

Rings, decoys and background disputes all produce :class:`CasePlan` objects; nothing about a
plan's shape says which of them made it (``group`` and ``label`` are read only by the truth
writer). Case numbers are filled in afterwards by :mod:`ringtrace.synth.casenumbers`, and
:mod:`ringtrace.synth.assemble` turns a plan into the interchange record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ringtrace.synth.employers import Employer
from ringtrace.synth.geography import Forum
from ringtrace.synth.people import Person

#: Number spaces of a forum: court case types and the arbitration register.
NUMBER_KINDS = ("民初", "民终", "民申", "民再", "仲裁")


@dataclass(slots=True, eq=False)
class AgentRole:
    """A person acting as 委托(诉讼)代理人 in one case."""

    person: Person
    kind: str  # lawyer | intern | legal_aid | employee | relative | other
    firm: str | None = None
    relation: str | None = None  # 原告之子, 该公司员工, 人事部门负责人, 经村民委员会推荐...
    authority: str | None = None  # 一般代理 | 特别授权


@dataclass(slots=True, eq=False)
class Supporter:
    """An organisation that supports a worker's suit (支持起诉): a procuratorate, a trade union
    or a legal-aid centre. It is named in the document but is not a party."""

    name: str
    kind: str  # procuratorate | union | legal_aid

    @property
    def label(self) -> str:
        return "支持起诉机关" if self.kind == "procuratorate" else "支持起诉单位"


@dataclass(slots=True, eq=False)
class CasePlan:
    forum: Forum
    document_type: str  # one of records.DOCUMENT_TYPES
    procedure: str  # 一审 | 二审 | 再审 | 仲裁
    number_kind: str  # one of NUMBER_KINDS
    cause: str
    filing: dt.date
    decision: dt.date
    workers: list[Person]
    employer: Employer
    hearing: dt.date | None = None
    simple: bool | None = None
    worker_is_plaintiff: bool = True
    worker_appeals: bool = True  # on appeal / retrial: which side brought it
    co_defendants: list[Employer] = field(default_factory=list)
    worker_agents: list[AgentRole] = field(default_factory=list)
    employer_agents: list[AgentRole] = field(default_factory=list)
    claim_kind: str = "confirmation_only"
    amounts: list[float] = field(default_factory=list)
    claimed_start: dt.date | None = None
    claimed_end: dt.date | None = None  # None with a start = 至今 (still employed)
    precision: str = "day"  # day | month | year: how the claimed period is written
    purpose: str | None = None  # pension | backpay | retire | injury | None
    evidence: str = "none"  # what the worker or employer produced (wording key)
    response: str = "unknown"
    absent: bool = False
    outcome: str = "unknown"
    prior: CasePlan | None = None  # the earlier instance this one follows
    group: str = "background"  # ring | decoy | background (truth only)
    label: str = ""  # typology, decoy kind or background kind (truth only)
    ring_id: str | None = None
    case_number: str = ""  # canonical form, set by the numbering pass
    written_number: str = ""  # as printed in this document
    mask_style: str | None = None  # mirror anonymisation of natural persons
    show_phone: bool = False
    id_style: int | None = None  # how ID numbers are printed, None = not printed
    backpay: bool = False  # a 补缴 row follows this case
    template: int | None = None  # shared by cases drafted together (same phrasing)
    # -- only set in varied worlds (level > 0) --
    supporter: Supporter | None = None
    supporter_in_block: bool = True  # named in the party block (else only in the body)
    short_statement: bool = False  # a mediation written up as parties + agreement only
    partial: bool = False  # "对工作期间无异议，但工资数额过高……无力支付"
    facts_note: str | None = None  # facts the statement cites (archives), with {w}/{e} labels
    same_firm_ok: bool = False  # lawyers of one firm on both sides (kept by tidy_agents)

    @property
    def sham(self) -> bool:
        return self.group == "ring"

    @property
    def confirmation(self) -> bool:
        """A case about whether a labour relationship existed (the kind the rings produce)."""
        return "确认劳动关系" in self.cause
