"""Findings: what a rule says about a case or an entity, with the evidence behind it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Evidence:
    """One piece of evidence: a quoted text span, a registry fact, a record field or a link.

    ``kind``: ``text`` (quoted from the document), ``registry`` (enterprise-registry field),
    ``record`` (a structured field of the case record), ``link`` (a shared agent, phone, address
    or date between documents).
    """

    kind: str
    case_number: str | None
    detail: str


@dataclass(slots=True)
class Finding:
    """A rule hit: the rule, the node it is about, the cases it implicates and why."""

    rule_id: str
    subject: str
    cases: list[str]
    summary: str
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"rule_id": self.rule_id, "subject": self.subject, "cases": self.cases,
                "summary": self.summary,
                "evidence": [{"kind": e.kind, "case_number": e.case_number, "detail": e.detail}
                             for e in self.evidence]}
