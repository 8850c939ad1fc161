"""The outcomes log: ``<workspace>/feedback/outcomes.jsonl``, appended to, never rewritten.

Importing outcome rows (:func:`record_feedback`) matches each to a lead of this workspace
(:mod:`~ringtrace.queries.feedback.matching`), skips rows already recorded and quarantines the
rest, so re-importing the same sheet changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ringtrace.errors import RecordProblem
from ringtrace.export.jsonl import append_jsonl, read_records
from ringtrace.graph.audit import utc_now
from ringtrace.graph.records import FeedbackRecord
from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.feedback.matching import resolve_row
from ringtrace.queries.feedback.outcome import OutcomeLine
from ringtrace.queries.results import ScanResults

__all__ = ["OUTCOMES_FILE", "FeedbackImport", "OutcomeLine", "outcomes_path", "read_outcomes",
           "record_feedback"]

OUTCOMES_FILE = Path("feedback") / "outcomes.jsonl"


@dataclass
class FeedbackImport:
    """What an import did: rows recorded, rows already known, rows quarantined (and why)."""

    recorded: int = 0
    duplicates: int = 0
    problems: list[RecordProblem] = field(default_factory=list)

    @property
    def quarantined(self) -> int:
        return len(self.problems)

    def to_dict(self) -> dict[str, Any]:
        return {"recorded": self.recorded, "duplicates": self.duplicates,
                "quarantined": self.quarantined, "problems": [p.__dict__ for p in self.problems]}


def outcomes_path(workspace: str | Path) -> Path:
    return Path(workspace) / OUTCOMES_FILE


def read_outcomes(workspace: str | Path) -> list[OutcomeLine]:
    """Every recorded outcome line, oldest first; a line without a lead, case, outcome or date
    raises :class:`~ringtrace.errors.StoreError`."""
    return read_records(outcomes_path(workspace), "the outcomes log", OutcomeLine.from_dict)


def record_feedback(store: GraphStore, workspace: str | Path,
                    items: Iterable[FeedbackRecord | RecordProblem]) -> FeedbackImport:
    """Record outcome rows against this workspace's leads; quarantine the rows that fail.

    A row is matched by lead id (or, without one, by a case number naming exactly one case).
    Re-importing a row already recorded (same lead, outcome and date) changes nothing. Problems
    are also kept in the store's quarantine (``ringtrace status --problems``).
    """
    scan = ScanResults.load(store)
    leads = {row.lead_id: case for case, row in scan.all_cases().items()}
    known = {(o.lead_id, o.outcome, o.date) for o in read_outcomes(workspace)}
    summary = FeedbackImport()
    lines: list[OutcomeLine] = []
    now = utc_now()
    for item in items:
        if isinstance(item, RecordProblem):
            summary.problems.append(item)
            continue
        found = resolve_row(store, leads, item)
        if isinstance(found, RecordProblem):
            summary.problems.append(found)
            continue
        lead, case = found
        key = (lead, item.outcome, item.date)
        if key in known:
            summary.duplicates += 1
            continue
        known.add(key)
        lines.append(OutcomeLine(lead, case, item.outcome, item.verdict, item.stage, item.date,
                                 item.note, item.procuratorate,
                                 f"{item.source_file}:{item.source_line}", now))
    append_jsonl(outcomes_path(workspace), [line.to_dict() for line in lines])
    summary.recorded = len(lines)
    if summary.problems:
        store.add_problems(summary.problems)
    return summary
