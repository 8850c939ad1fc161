from __future__ import annotations

import pytest

from ringtrace.viz.masking import mask_id, mask_phone, mask_value


@pytest.mark.parametrize(("value", "expected"), [
    ("410502196603011234", "410502**********34"),
    ("41050219660301123X", "410502**********3X"),
    ("4105021966", "41050*****"),
    ("410502196603", "410502*****3"),
    ("豫A", "豫*"),
    ("", ""),
])
def test_mask_id_keeps_region_and_at_most_two_trailing_chars(value: str, expected: str) -> None:
    assert mask_id(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("13812345678", "138****5678"),
    ("03725951234", "037****1234"),
    ("5951234", "5****34"),
    ("1234", "****"),
])
def test_mask_phone_hides_the_middle_four(value: str, expected: str) -> None:
    assert mask_phone(value) == expected


def test_mask_value_picks_the_phone_mask_for_phone_identifiers_and_properties() -> None:
    assert mask_value("Person", "phone", "13812345678") == "138****5678"
    assert mask_value("Identifier", "value", "13812345678", {"kind": "phone"}) == "138****5678"
    assert mask_value("Identifier", "value", "河南省安阳市文峰区光华路12号3单元",
                      {"kind": "address"}) == "河南省安阳市**********单元"
    assert mask_value("Person", "id_number", ["410502196603011234"]) == ["410502**********34"]
    assert mask_value("Person", "id_number", None) is None
