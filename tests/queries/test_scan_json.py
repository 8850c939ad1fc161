"""The TypedDicts of the stored scan's JSON name the same keys as the records that read it."""

from __future__ import annotations

import typing
from dataclasses import fields

import pytest

from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries import model, scan_json
from ringtrace.queries.model import Record
from tests.scanned_province import ScannedProvince

PAIRS = [(scan_json.EvidenceJson, model.Evidence), (scan_json.FindingJson, model.RuleHit),
         (scan_json.CaseJson, model.ScoredCase), (scan_json.LinkJson, model.RingLink),
         (scan_json.ExposureJson, model.Exposure),
         (scan_json.RingJson, model.RingRecord), (scan_json.GroupReasonJson, model.GroupReason),
         (scan_json.GroupJson, model.ExplainedGroup), (scan_json.MetaJson, model.ScanMeta),
         (scan_json.ScanJson, model.StoredScan)]

#: keys a Spark scan adds to its meta, which no local scan's record reads
SPARK_ONLY = {"engine", "imported_from"}


@pytest.mark.parametrize(("shape", "record"), PAIRS, ids=[r.__name__ for _, r in PAIRS])
def test_each_json_shape_has_its_records_fields(shape: type, record: type[Record]) -> None:
    keys = set(typing.get_type_hints(shape))
    assert keys - SPARK_ONLY == {f.name for f in fields(record)}


def test_a_stored_scan_is_a_scan_json(scanned_province: ScannedProvince) -> None:
    """The keys a real scan stores are those the TypedDicts name (none missing, none extra)."""
    with SQLiteStore.open(scanned_province.workspace, create=False) as store:
        scan = store.load_scan()
    assert scan is not None
    assert set(scan) == set(scan_json.ScanJson.__annotations__)
    assert set(scan["meta"]) <= set(scan_json.MetaJson.__annotations__)
    assert set(scan["rings"][0]) == set(scan_json.RingJson.__annotations__)
    structure = scan["rings"][0]["structure"]
    assert set(structure) == {f.name for f in fields(model.RingStructure)}
    assert all(isinstance(v, int | float) or all(isinstance(n, int) for n in v.values())
               for v in structure.values())
    assert set(next(iter(scan["cases"].values()))) == set(scan_json.CaseJson.__annotations__)
