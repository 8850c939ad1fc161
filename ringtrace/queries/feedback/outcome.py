"""One line of the outcomes log (``<workspace>/feedback/outcomes.jsonl``), as a typed record.

:func:`~ringtrace.queries.feedback.persistence.record_feedback` writes them and
:func:`~ringtrace.queries.feedback.persistence.read_outcomes` reads them back;
:func:`~ringtrace.queries.feedback.matching.verdicts` turns them into each lead's verdict.

>>> line = OutcomeLine("L-1", "Case:1", "核实属实", True, 1, "2025-03-01", None, None,
...                    "outcomes.csv:2", "2025-03-02T08:00:00+00:00")
>>> OutcomeLine.from_dict(line.to_dict()) == line
True
>>> list(line.to_dict())[:3]
['lead_id', 'case_id', 'outcome']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["OutcomeLine"]


@dataclass(frozen=True, slots=True)
class OutcomeLine:
    """An outcome reported back on one lead, as recorded."""

    #: the lead id (L-…) the outcome is about
    lead_id: str
    #: its case id
    case_id: str
    #: the canonical outcome name (核实属实, 不属实, 再审检察建议, …)
    outcome: str
    #: True when the lead held up (the relationship was sham), False when it did not, none
    #: while the matter is open
    verdict: bool | None
    #: orders outcomes of the same date: later procedural stages are larger
    stage: int
    #: the day the outcome was decided (ISO 8601)
    date: str
    #: the investigator's note, if any
    note: str | None
    #: the procuratorate that reported it, if named
    procuratorate: str | None
    #: where the row was read: ``file:line``, or ``ringtrace serve (user)`` from the desk
    source: str
    #: when it was recorded (UTC, ISO 8601)
    imported_at: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON line: fields in declaration order (the order the log always had)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, row: Mapping[str, Any]) -> OutcomeLine:
        """A recorded line; a verdict, stage, note, procuratorate, source or time it lacks reads
        as none, 0, none, none, empty and empty."""
        return cls(row["lead_id"], row["case_id"], row["outcome"], row.get("verdict"),
                   int(row.get("stage", 0)), str(row["date"]), row.get("note"),
                   row.get("procuratorate"), row.get("source", ""), row.get("imported_at", ""))
