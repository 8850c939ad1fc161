"""Reading stored scan results: rings, case scores, findings and leads.

:class:`ScanResults` reads through the store's
:class:`~ringtrace.graph.store.scan_reader.ScanReader`: a query about one entity reads that
entity's rows, not the whole scan; :attr:`ScanResults.data` loads everything for the few
consumers that walk every case (evaluation, feedback, the overview).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ringtrace.errors import NotFound
from ringtrace.graph.identity import lead_id
from ringtrace.graph.store.base import GraphStore
from ringtrace.graph.store.scan_reader import ScanReader, WholeScan


class ScanResults:
    """The stored scan with lookups by case, subject and ring."""

    def __init__(self, reader: ScanReader) -> None:
        self._reader = reader
        self._rings: list[dict[str, Any]] | None = None

    @classmethod
    def load(cls, store: GraphStore) -> ScanResults:
        reader = store.scan_reader()
        if reader is None:
            raise NotFound("the workspace has not been scanned yet: run `ringtrace scan` first")
        return cls(reader)

    @classmethod
    def of(cls, data: dict[str, Any]) -> ScanResults:
        """Results over a scan mapping already in memory (what ``run_scan`` returns)."""
        return cls(WholeScan(data))

    @property
    def data(self) -> dict[str, Any]:
        """The whole scan as one mapping (reads every row: prefer the lookups below)."""
        return self._reader.everything()

    @property
    def meta(self) -> dict[str, Any]:
        meta: dict[str, Any] = self._reader.part("meta")
        return meta

    @property
    def rings(self) -> list[dict[str, Any]]:
        if self._rings is None:
            self._rings = list(self._reader.part("rings") or [])
        return self._rings

    @property
    def leads(self) -> list[str]:
        """Lead case ids, strongest first."""
        return list(self._reader.part("leads") or [])

    @property
    def explained_groups(self) -> list[dict[str, Any]]:
        return list(self._reader.part("explained_groups") or [])

    def ring(self, ring_id: str) -> dict[str, Any]:
        for ring in self.rings:
            if ring["ring_id"] == ring_id or str(ring["rank"]) == ring_id.lstrip("#"):
                return ring
        raise NotFound(f"no ring {ring_id!r}; `ringtrace rings` lists them")

    def lead_case(self, lead: str) -> str | None:
        """The case whose lead id is ``lead``, else None. Lead ids are computed from case ids
        (:func:`~ringtrace.graph.identity.lead_id`), so the leads are looked through without
        reading a row; only a lead id of a case below the lead threshold reads every case."""
        for case_id in self.leads:
            if lead_id(case_id) == lead:
                return case_id
        return next((c for c, row in self.data["cases"].items() if row["lead_id"] == lead),
                    None)

    def case(self, case_id: str) -> dict[str, Any] | None:
        return self._reader.cases([case_id]).get(case_id)

    def cases(self, case_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The rows of these cases (those the scan scored)."""
        return self._reader.cases(case_ids)

    def findings_for_case(self, case_id: str) -> list[dict[str, Any]]:
        row = self.case(case_id)
        if row is None:
            return []
        return self._reader.findings(row["findings"])

    def findings_for_subject(self, subject: str) -> list[dict[str, Any]]:
        return self._reader.findings_of(subject)

    def ring_of_case(self, case_id: str) -> str | None:
        row = self.case(case_id)
        return row["ring_id"] if row else None
