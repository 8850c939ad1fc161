"""Reading a stored scan by case, finding and subject, without loading all of it.

A scan of a province holds a row per case and a million findings. ``ringtrace employer``,
``agent``, ``person``, ``ring`` and the review app each show a handful of them, so a store
hands out a :class:`ScanReader`: the small parts (meta, rings, leads, groups) whole, case rows
and findings on request. :class:`WholeScan` reads from a mapping already in memory (any store
can give one from :meth:`~ringtrace.graph.store.base.GraphStore.load_scan`); the workspace
store reads blocks of rows from indexed tables (:mod:`ringtrace.graph.store.scan_blocks`).

>>> scan = WholeScan({"meta": {"snapshot": "s1"}, "rings": [],
...                   "cases": {"Case:1": {"findings": [0]}},
...                   "findings": [{"rule_id": "EMP_BURST", "subject": "Employer:x"}]})
>>> scan.part("meta")
{'snapshot': 's1'}
>>> scan.cases(["Case:1", "Case:2"])
{'Case:1': {'findings': [0]}}
>>> [f["rule_id"] for f in scan.findings_of("Employer:x")]
['EMP_BURST']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from ringtrace.graph.scan_json import CaseJson, FindingJson, ScanJson

#: the parts of a scan that hold one row per case or per finding; every other part is small
ROW_PARTS = ("cases", "findings")


class ScanReader(Protocol):
    """Random access to one stored scan."""

    def part(self, key: str) -> Any:
        """A small part of the scan (``meta``, ``rings``, ``leads``, ``explained_groups``), or
        None when the scan has no such part."""

    def cases(self, case_ids: Iterable[str]) -> dict[str, CaseJson]:
        """The scan's rows of these cases (cases it did not score are left out)."""

    def findings(self, indexes: Iterable[int]) -> list[FindingJson]:
        """The findings at these positions, in the order asked."""

    def findings_of(self, subject: str) -> list[FindingJson]:
        """Every finding about ``subject`` (a case, employer, agent or person id), in order."""

    def everything(self) -> ScanJson:
        """The whole scan as one mapping (what :meth:`GraphStore.load_scan` returns)."""


class WholeScan:
    """A :class:`ScanReader` over a scan already loaded into memory."""

    def __init__(self, data: ScanJson) -> None:
        self.data = data

    def part(self, key: str) -> Any:
        return self.data.get(key)

    def cases(self, case_ids: Iterable[str]) -> dict[str, CaseJson]:
        rows = self.data.get("cases", {})
        return {c: rows[c] for c in case_ids if c in rows}

    def findings(self, indexes: Iterable[int]) -> list[FindingJson]:
        found = self.data.get("findings", [])
        return [found[i] for i in indexes]

    def findings_of(self, subject: str) -> list[FindingJson]:
        return [f for f in self.data.get("findings", []) if f["subject"] == subject]

    def everything(self) -> ScanJson:
        return self.data
