"""The TypedDicts of the stored case record name the same keys as the record dataclasses."""

from __future__ import annotations

import typing
from dataclasses import fields

import pytest

from ringtrace.graph import record_json, records
from ringtrace.graph.store.sqlite import SQLiteStore
from tests.scanned_province import ScannedProvince

PAIRS = [(record_json.PartyJson, records.Party), (record_json.AgentJson, records.Agent),
         (record_json.SpanJson, records.Span), (record_json.CaseRecordJson, records.CaseRecord)]


@pytest.mark.parametrize(("shape", "record"), PAIRS, ids=[r.__name__ for _, r in PAIRS])
def test_each_json_shape_has_its_records_fields(shape: type, record: type) -> None:
    assert set(typing.get_type_hints(shape)) == {f.name for f in fields(record)}


def test_every_key_may_be_absent() -> None:
    """The interchange line leaves out empty fields, so no key is required."""
    for shape, _ in PAIRS:
        assert not shape.__required_keys__  # type: ignore[attr-defined]


def test_a_stored_record_is_a_case_record_json(scanned_province: ScannedProvince) -> None:
    with SQLiteStore.open(scanned_province.workspace, create=False) as store:
        case_id, record = next(store.iter_documents())
        assert store.document(case_id) == record
    assert set(record) <= set(record_json.CaseRecordJson.__annotations__)
    for party in record.get("parties", []):
        assert set(party) <= set(record_json.PartyJson.__annotations__)
    for agent in record.get("agents", []):
        assert set(agent) <= set(record_json.AgentJson.__annotations__)
