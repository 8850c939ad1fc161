"""Reading stored scan results: rings, case scores, findings and leads, as typed records.

:class:`ScanResults` reads through the store's
:class:`~ringtrace.graph.store.scan_reader.ScanReader`: a query about one entity reads that
entity's rows, not the whole scan; :meth:`ScanResults.all_cases` reads every case row for the
few consumers that walk them all (feedback, re-weighting, leads below the scan's threshold).
Every row comes back as a record of
:mod:`ringtrace.queries.model` (the store keeps plain JSON: the graph layer knows nothing of
these records, and a workspace scanned before them reads the same).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ringtrace.errors import NotFound
from ringtrace.graph.identity import lead_id
from ringtrace.graph.store.base import GraphStore
from ringtrace.graph.store.scan_reader import ScanReader, WholeScan
from ringtrace.queries.model import ExplainedGroup, RingRecord, RuleHit, ScanMeta, ScoredCase
from ringtrace.queries.scan_json import ScanJson


class ScanResults:
    """The stored scan with lookups by case, subject and ring."""

    def __init__(self, reader: ScanReader) -> None:
        self._reader = reader
        self._rings: list[RingRecord] | None = None
        self._meta: ScanMeta | None = None
        self._cases: dict[str, ScoredCase] | None = None

    @classmethod
    def load(cls, store: GraphStore) -> ScanResults:
        reader = store.scan_reader()
        if reader is None:
            raise NotFound("the workspace has not been scanned yet: run `ringtrace scan` first")
        return cls(reader)

    @classmethod
    def of(cls, data: ScanJson) -> ScanResults:
        """Results over a scan mapping already in memory (what ``run_scan`` returns)."""
        return cls(WholeScan(data.copy()))

    @property
    def meta(self) -> ScanMeta:
        if self._meta is None:
            self._meta = ScanMeta.from_dict(self._reader.part("meta"))
        return self._meta

    @property
    def rings(self) -> list[RingRecord]:
        """Rings, then clusters, by rank."""
        if self._rings is None:
            self._rings = [RingRecord.from_dict(r) for r in self._reader.part("rings") or []]
        return self._rings

    @property
    def leads(self) -> list[str]:
        """Lead case ids, strongest first."""
        return list(self._reader.part("leads") or [])

    @property
    def explained_groups(self) -> list[ExplainedGroup]:
        return [ExplainedGroup.from_dict(g) for g in self._reader.part("explained_groups") or []]

    def ring(self, ring_id: str) -> RingRecord:
        for ring in self.rings:
            if ring.ring_id == ring_id or str(ring.rank) == ring_id.lstrip("#"):
                return ring
        raise NotFound(f"no ring {ring_id!r}; `ringtrace rings` lists them")

    def lead_case(self, lead: str) -> str | None:
        """The case whose lead id is ``lead``, else None. Lead ids are computed from case ids
        (:func:`~ringtrace.graph.identity.lead_id`), so the leads are looked through without
        reading a row; only a lead id of a case below the lead threshold reads every case."""
        for case_id in self.leads:
            if lead_id(case_id) == lead:
                return case_id
        rows = self._reader.everything()["cases"]  # the raw rows: no record for each case
        return next((c for c, row in rows.items() if row["lead_id"] == lead), None)

    def case(self, case_id: str) -> ScoredCase | None:
        return self.cases([case_id]).get(case_id)

    def cases(self, case_ids: Iterable[str]) -> dict[str, ScoredCase]:
        """The rows of these cases (those the scan scored)."""
        if self._cases is not None:
            return {c: self._cases[c] for c in case_ids if c in self._cases}
        return {c: ScoredCase.from_dict(row) for c, row in self._reader.cases(case_ids).items()}

    def all_cases(self) -> dict[str, ScoredCase]:
        """Every scored case by id (reads every row once, then keeps them)."""
        if self._cases is None:
            rows = self._reader.everything()["cases"]
            self._cases = {c: ScoredCase.from_dict(row) for c, row in rows.items()}
        return self._cases

    def rule_hits(self) -> Counter[str]:
        """How many findings each rule recorded (reads every finding, builds no record)."""
        return Counter(f["rule_id"] for f in self._reader.everything()["findings"])

    def findings_for_case(self, case_id: str) -> list[RuleHit]:
        row = self.case(case_id)
        if row is None:
            return []
        return [RuleHit.from_dict(f) for f in self._reader.findings(row.findings)]

    def findings_for_subject(self, subject: str) -> list[RuleHit]:
        return [RuleHit.from_dict(f) for f in self._reader.findings_of(subject)]

    def rules_of(self, case_id: str) -> tuple[str, ...]:
        """The rules that fired on a case (none for a case the scan did not score)."""
        row = self.case(case_id)
        return row.rules if row else ()

    def ring_of_case(self, case_id: str) -> str | None:
        row = self.case(case_id)
        return row.ring_id if row else None
