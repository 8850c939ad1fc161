"""The interchange format validates records and names the bad field."""

from __future__ import annotations

import pytest

from ringtrace.graph.records import RecordInvalid, case_from_dict
from tests.conftest import sham_case


def test_round_trip_keeps_every_field() -> None:
    record = case_from_dict(sham_case(1, "张桂兰", "1968-05-02"))
    again = case_from_dict(record.to_dict())
    assert again == record


@pytest.mark.parametrize(("patch", "field"), [
    ({"forum": None}, "forum"),
    ({"case_number": None}, "case_number"),
    ({"document_type": "传单"}, "document_type"),
    ({"filing_date": "2021/3/1"}, "filing_date"),
    ({"parties": [{"name": "x", "role": "boss"}]}, "parties[0].role"),
    ({"parties": [{"role": "plaintiff"}]}, "parties[0].name"),
    ({"agents": [{"name": "y", "kind": "wizard"}]}, "agents[0].kind"),
    ({"claim_amounts": ["lots"]}, "claim_amounts"),
])
def test_invalid_field_is_named(patch: dict, field: str) -> None:
    data = {**sham_case(1, "张桂兰", "1968-05-02"), **patch}
    with pytest.raises(RecordInvalid) as info:
        case_from_dict(data)
    assert info.value.field == field


def test_doc_id_stands_in_for_a_missing_case_number() -> None:
    data = {**sham_case(1, "张桂兰", "1968-05-02"), "case_number": None, "doc_id": "ab" * 32}
    assert case_from_dict(data).doc_id == "ab" * 32
