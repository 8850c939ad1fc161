"""The interchange format validates records and names the bad field."""

from __future__ import annotations

import pytest

from ringtrace.graph.records import (
    RecordInvalid,
    backpayment_from_dict,
    case_from_dict,
    case_from_json,
    registry_from_dict,
)
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
    ({"claim_amounts": ["lots"]}, "claim_amounts[0]"),
    ({"claim_amounts": [float("nan")]}, "claim_amounts[0]"),
    ({"claim_amounts": [1e300]}, "claim_amounts[0]"),
    ({"spans": 5}, "spans"),
    ({"spans": [{"kind": "claim"}]}, "spans[0].text"),
    ({"absent": "perhaps"}, "absent"),
    ({"forum": "\ud800法院"}, "forum"),
    ({"decision_date": "2021-02-30"}, "decision_date"),
    ({"parties": [{"name": 5, "role": "plaintiff"}]}, "parties[0].name"),
])
def test_invalid_field_is_named(patch: dict, field: str) -> None:
    data = {**sham_case(1, "张桂兰", "1968-05-02"), **patch}
    with pytest.raises(RecordInvalid) as info:
        case_from_dict(data)
    assert info.value.field == field


def test_doc_id_stands_in_for_a_missing_case_number() -> None:
    data = {**sham_case(1, "张桂兰", "1968-05-02"), "case_number": None, "doc_id": "ab" * 32}
    assert case_from_dict(data).doc_id == "ab" * 32


@pytest.mark.parametrize(("text", "expected"), [("false", False), ("FALSE", False), ("true", True),
                                                (0, False), (1, True), (False, False)])
def test_booleans_are_read_strictly(text: object, expected: bool) -> None:
    """Issue 12: ``"absent": "false"`` was read as true."""
    assert case_from_dict({**sham_case(1, "张桂兰", "1968-05-02"), "absent": text}).absent is expected


@pytest.mark.parametrize(("line", "reason"), [
    (b'{"case_number": "a", "forum": "b", "claim_amounts": [NaN]}', "NaN and Infinity"),
    (b'{"case_number": "a", "forum": "\\ud800"}', "unpaired surrogate"),
    (b'{"case_number": "a", "forum": "b", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
     "nested too deeply"),
    (b'["not", "an", "object"]', "expected a JSON object"),
    (b'{"case_number": "a"', "not valid JSON"),
])
def test_undecodable_lines_are_invalid_records_not_crashes(line: bytes, reason: str) -> None:
    with pytest.raises(RecordInvalid) as info:
        case_from_json(line)
    assert info.value.field == "" and reason in info.value.reason


def test_coded_values_name_the_accepted_ones() -> None:
    with pytest.raises(RecordInvalid) as info:
        case_from_dict({**sham_case(1, "张桂兰", "1968-05-02"), "outcome": "won"})
    assert info.value.reason.startswith("'won' is not one of confirmed, denied, mediated")


def test_registry_and_backpayment_rows_are_validated_by_the_same_schema() -> None:
    assert registry_from_dict({"name": "甲公司", "insured_headcount": 3}).insured_headcount == 3
    with pytest.raises(RecordInvalid) as info:
        registry_from_dict({"name": "甲公司", "insured_headcount": -1})
    assert info.value.field == "insured_headcount"
    with pytest.raises(RecordInvalid) as info:
        backpayment_from_dict({"person_name": "张", "employer_name": "甲", "start": "2003-13",
                               "end": "2010-01"})
    assert info.value.field == "start"
