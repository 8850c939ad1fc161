"""The stored scan's JSON form, as TypedDicts: re-exported from :mod:`ringtrace.graph.scan_json`.

The TypedDicts live in the graph layer so that the store can type the scan it writes and reads
without importing this package; code in :mod:`ringtrace.queries` and above may keep importing
them from here.
"""

from __future__ import annotations

from ringtrace.graph.scan_json import (
    CaseJson,
    EngineJson,
    EvidenceJson,
    ExposureJson,
    FindingJson,
    GroupJson,
    GroupReasonJson,
    LinkJson,
    MetaJson,
    OversizedJson,
    RingJson,
    RingStructureJson,
    ScanJson,
)

__all__ = ["CaseJson", "EngineJson", "EvidenceJson", "ExposureJson", "FindingJson", "GroupJson",
           "GroupReasonJson", "LinkJson", "MetaJson", "OversizedJson", "RingJson",
           "RingStructureJson", "ScanJson"]
