"""Tie feedback to this workspace: a row to its lead and case, a lead to its verdict.

A row names a lead id (线索编号) or a case number (案号); a lead id is checked against the case
number when both are given, and a bare case number must name exactly one case. A lead's verdict
is its latest outcome with a verdict, by date and then by procedural stage.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ringtrace.errors import RecordProblem
from ringtrace.graph.identity import is_masked_case_number, lead_id, normalize_case_number
from ringtrace.graph.records import FeedbackRecord
from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.evaluate import truth_cases
from ringtrace.queries.feedback.outcome import OutcomeLine
from ringtrace.queries.truth_json import TruthJson

__all__ = ["CASE_COLUMN", "LEAD_COLUMN", "Verdict", "case_number_of", "printed_case_number",
           "resolve_row",
           "truth_labels", "verdicts"]

#: the columns of ``loaders/mappings/feedback.yaml`` that name a row's lead and case
LEAD_COLUMN = "线索编号"
CASE_COLUMN = "案号"


def case_number_of(case_id: str) -> str:
    """The (normalised) case number inside a case id ``Case:<number>|<forum>``.

    >>> case_number_of("Case:(2019)豫0502民初1234号|河南省安阳市文峰区人民法院")
    '(2019)豫0502民初1234号'
    """
    return case_id.split(":", 1)[1].split("|", 1)[0]


def printed_case_number(store: GraphStore, case_id: str) -> str:
    """The (normalised) number of a case as its copy printed it: inside its id, or, for a case
    keyed by its document (``Case:sha256:…``: a masked number or none,
    :func:`~ringtrace.graph.identity.case_id`), the number stored on its node ("" if none)."""
    if not case_id.startswith(DOCUMENT_KEYED):
        return case_number_of(case_id)
    node = store.node(case_id)
    number = node.props.get("case_number") if node is not None else None
    return normalize_case_number(number) if isinstance(number, str) and number else ""


#: the prefix of a case id keyed by its document rather than its number
DOCUMENT_KEYED = "Case:sha256:"


def _problem(item: FeedbackRecord, column: str, reason: str) -> RecordProblem:
    raw = ",".join(str(v or "") for v in (item.lead_id, item.case_number, item.outcome, item.date,
                                          item.note))
    return RecordProblem(item.source_file or "", item.source_line, column, reason, raw)


def resolve_row(store: GraphStore, leads: Mapping[str, str], item: FeedbackRecord
                ) -> tuple[str, str] | RecordProblem:
    """(lead id, case id) of a feedback row, or the problem that prevents resolving it.

    ``leads`` maps this scan's lead ids to their case ids.
    """
    if item.lead_id:
        case = leads.get(item.lead_id.strip())
        if case is None:
            return _problem(item, LEAD_COLUMN, f"no lead {item.lead_id!r} in this workspace's "
                            "scan; check the id against `ringtrace leads` or the export ledger")
        printed = printed_case_number(store, case)
        if item.case_number and normalize_case_number(item.case_number) != printed:
            return _problem(item, CASE_COLUMN, f"lead {item.lead_id} is case "
                            f"{printed or '(no number)'}, not {item.case_number}")
        return item.lead_id.strip(), case
    if item.case_number and is_masked_case_number(item.case_number):
        return _problem(item, CASE_COLUMN, f"case number {item.case_number!r} is masked and "
                        "names no one case; give the lead id (线索编号) instead")
    cases = store.case_ids_for_number(item.case_number or "")
    if len(cases) != 1:
        why = "is not in the workspace" if not cases else f"matches {len(cases)} cases"
        return _problem(item, CASE_COLUMN, f"case number {item.case_number!r} {why}; give "
                        "the lead id (线索编号) instead")
    return lead_id(cases[0]), cases[0]


@dataclass(frozen=True)
class Verdict:
    """A lead's standing: did it hold up, and which outcome says so."""

    case_id: str
    lead_id: str
    held: bool
    outcome: str
    date: str


def verdicts(outcomes: Iterable[OutcomeLine]) -> dict[str, Verdict]:
    """Case id -> verdict from its latest outcome with a verdict (by date, then stage)."""
    latest: dict[str, OutcomeLine] = {}
    for o in outcomes:
        if o.verdict is None:
            continue
        prev = latest.get(o.case_id)
        if prev is None or (o.date, o.stage) >= (prev.date, prev.stage):
            latest[o.case_id] = o
    return {c: Verdict(c, o.lead_id, bool(o.verdict), o.outcome, o.date)
            for c, o in sorted(latest.items())}


def truth_labels(store: GraphStore, case_ids: Iterable[str], truth: TruthJson
                 ) -> dict[str, bool]:
    """Case id -> is it sham according to a synthetic truth (``truth.json``), for each of
    ``case_ids`` (a scan's cases).

    The truth's cases are found in the store as the evaluation finds them
    (:func:`~ringtrace.queries.evaluate.truth_cases`: by the document a case was read from,
    else by its number), not by the number inside the case id: a case whose copy printed a
    masked number, or none, is keyed by its document (``Case:sha256:…``), and its id holds no
    number to look up - a sham case would be labelled genuine, and the simulated feedback
    would tell the reweighting that its rules were wrong.
    """
    sham = {sid for c in truth_cases(store, truth) if c.group == "ring" for sid in c.store_ids}
    return {c: c in sham for c in case_ids}
