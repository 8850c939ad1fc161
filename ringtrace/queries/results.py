"""Reading stored scan results: rings, case scores, findings and leads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ringtrace.errors import NotFound
from ringtrace.graph.store.base import GraphStore


@dataclass
class ScanResults:
    """The stored scan with lookups by case, subject and ring."""

    data: dict[str, Any]

    @classmethod
    def load(cls, store: GraphStore) -> ScanResults:
        data = store.load_scan()
        if data is None:
            raise NotFound("the workspace has not been scanned yet: run `ringtrace scan` first")
        return cls(data)

    @property
    def meta(self) -> dict[str, Any]:
        return self.data["meta"]

    @property
    def rings(self) -> list[dict[str, Any]]:
        return self.data["rings"]

    def ring(self, ring_id: str) -> dict[str, Any]:
        for ring in self.rings:
            if ring["ring_id"] == ring_id or str(ring["rank"]) == ring_id.lstrip("#"):
                return ring
        raise NotFound(f"no ring {ring_id!r}; `ringtrace rings` lists them")

    def case(self, case_id: str) -> dict[str, Any] | None:
        return self.data["cases"].get(case_id)

    def findings_for_case(self, case_id: str) -> list[dict[str, Any]]:
        row = self.case(case_id)
        if row is None:
            return []
        return [self.data["findings"][i] for i in row["findings"]]

    def findings_for_subject(self, subject: str) -> list[dict[str, Any]]:
        return [f for f in self.data["findings"] if f["subject"] == subject]

    def ring_of_case(self, case_id: str) -> str | None:
        row = self.case(case_id)
        return row["ring_id"] if row else None
