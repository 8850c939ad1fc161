"""Masking: what a masked view shows never narrows an ID number to fewer than 1,000 people."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

from ringtrace.export import cells, csv, jsonl, masking
from ringtrace.export.masking import (
    id_candidates,
    mask_birth_date,
    mask_id,
    mask_phone,
    mask_text,
    mask_value,
)


@pytest.mark.parametrize(("value", "expected"), [
    ("410502196603011234", "410502************"),
    ("41050219660301123X", "410502************"),
    ("4105021966", "41050*****"),
    ("410502196603", "410502******"),
    ("豫A", "豫*"),
    ("", ""),
])
def test_mask_id_keeps_the_region_prefix_only(value: str, expected: str) -> None:
    assert mask_id(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("13812345678", "138****5678"),
    ("03725951234", "037****1234"),
    ("5951234", "5****34"),
    ("1234", "****"),
])
def test_mask_phone_hides_the_middle_four(value: str, expected: str) -> None:
    assert mask_phone(value) == expected


def test_mask_value_picks_the_rule_by_property() -> None:
    assert mask_value("Person", "phone", "13812345678") == "138****5678"
    assert mask_value("Identifier", "value", "13812345678", {"kind": "phone"}) == "138****5678"
    assert mask_value("Identifier", "value", "河南省安阳市文峰区光华路12号3单元",
                      {"kind": "address"}) == "河南省安阳市************"
    assert mask_value("Person", "id_number", ["410502196603011234"]) == ["410502************"]
    assert mask_value("Person", "birth_date", "1966-03-01") == "1966"
    assert mask_value("Person", "id_number", None) is None
    assert mask_birth_date("不详") == "**"


@pytest.mark.parametrize("id_number", ["410502196603011234", "11010519491231002X",
                                       "440301200002291236", "650102198012310017"])
@pytest.mark.parametrize("sex", ["男", "女", None])
def test_the_shown_fields_leave_at_least_a_thousand_candidates(id_number: str,
                                                               sex: str | None) -> None:
    birth = f"{id_number[6:10]}-{id_number[10:12]}-{id_number[12:14]}"
    shown_id = mask_value("Person", "id_number", id_number)
    shown_birth = mask_value("Person", "birth_date", birth)
    assert id_candidates(shown_id, shown_birth, sex) >= 1000
    # and even if a full birth date leaked beside the masked ID, more than the old rule's 9
    assert id_candidates(shown_id, birth, sex) >= 500


def test_the_earlier_rule_left_about_nine_candidates() -> None:
    """First 6 + last 2 digits beside the birth date and sex: what issue 12 reproduced."""
    assert id_candidates("410502**********34", "1966-03-01", "男") < 20


def test_ids_phones_and_birth_dates_in_quoted_text_are_masked() -> None:
    text = "原告张桂兰，女，1966年3月1日出生，公民身份号码410502196603011234，电话13812345678"
    assert mask_text(text) == ("原告张桂兰，女，1966年**月**日出生，公民身份号码410502************，"
                               "电话138****5678")


@pytest.mark.parametrize("module", [cells, csv, jsonl, masking], ids=lambda m: m.__name__)
def test_docstring_examples(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.failed == 0
