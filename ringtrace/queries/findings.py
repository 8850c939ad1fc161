"""Findings: what a rule says about a case or an entity, with the evidence behind it.

A rule builds a :class:`Finding`; the scan stores it with ``to_dict`` and readers get it back
as a :class:`~ringtrace.queries.model.RuleHit`. :class:`Evidence` is one class for both (it
lives with the stored records).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ringtrace.queries.model import Evidence
from ringtrace.queries.scan_json import FindingJson

__all__ = ["Evidence", "Finding"]


@dataclass(slots=True)
class Finding:
    """A rule hit: the rule, the node it is about, the cases it implicates and why."""

    rule_id: str
    subject: str
    cases: list[str]
    summary: str
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> FindingJson:
        return {"rule_id": self.rule_id, "subject": self.subject, "cases": self.cases,
                "summary": self.summary,
                "evidence": [{"kind": e.kind, "case_number": e.case_number, "detail": e.detail}
                             for e in self.evidence]}
