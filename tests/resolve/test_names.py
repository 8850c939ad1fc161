"""Name keys: the variants of one company name give one key; different enterprises do not."""

from __future__ import annotations

import pytest

from ringtrace.resolve.names import (
    company_name,
    mask_pattern,
    person_key,
    places_disagree,
    uscc_key,
    variant,
)


@pytest.mark.parametrize("spelling", [
    "商丘市金源包装有限公司", "商丘金源包装有限公司", "金源（商丘）包装有限公司",
    "河南省商丘市金源包装有限责任公司", "商丘市金源包裝有限公司", "商丘市 金源包装有限公司",
])
def test_spellings_of_one_company_share_a_key(spelling: str) -> None:
    assert company_name(spelling).key == company_name("商丘市金源包装有限公司").key


@pytest.mark.parametrize(("a", "b", "disagree"), [
    ("安阳县金源建材有限公司", "安阳市金源建材有限公司", "安阳县/安阳市"),
    ("河南省安阳县金源建材有限公司", "金源（安阳市）建材有限公司", "安阳县/安阳市"),
    ("吉林省金源有限公司", "吉林市金源有限公司", "吉林省/吉林市"),
    ("安阳金源建材有限公司", "安阳县金源建材有限公司", None),
    ("河南省安阳市金源建材有限公司", "安阳市金源建材有限责任公司", None),
])
def test_a_place_printed_at_two_levels_is_two_places_under_one_key(
        a: str, b: str, disagree: str | None) -> None:
    ca, cb = company_name(a), company_name(b)
    assert ca.key == cb.key or ca.loose_key == cb.loose_key
    assert places_disagree(ca, cb) == disagree


def test_legal_form_is_dropped_only_from_the_loose_key() -> None:
    factory, company = company_name("安阳市龙宏化肥厂"), company_name("安阳市龙宏化肥有限公司")
    assert factory.key != company.key
    assert factory.loose_key == company.loose_key


def test_other_places_and_trade_names_keep_keys_apart() -> None:
    assert company_name("商丘市金源包装有限公司").key != company_name("安阳市金源包装有限公司").key
    assert company_name("商丘市金源包装有限公司").key != company_name("商丘市金沅包装有限公司").key


def test_a_branch_is_not_its_parent_and_分公司_may_be_spelt_公司() -> None:
    parent = company_name("河南华信建设有限公司")
    branch = company_name("河南华信建设有限公司安阳分公司")
    spelt = company_name("河南华信建设有限公司安阳公司")
    assert (branch.is_branch, branch.branch, branch.parent) == (True, "安阳", "河南华信建设有限公司")
    assert branch.key == spelt.key != parent.key
    assert not parent.is_branch


def test_variant_names_the_difference() -> None:
    assert variant("商丘市金源包装有限公司", "商丘金源包装有限公司") == "city 市 dropped"
    assert variant("鄭州市煤礦有限公司", "郑州市煤矿有限公司") == "traditional script"
    assert variant("安阳市龙宏化肥厂", "安阳市龙宏化肥有限公司") == "legal form 厂/有限公司"


def test_masked_company_names_and_codes() -> None:
    pattern = mask_pattern("安阳市鑫某建材有限公司")
    assert pattern is not None and pattern.match("安阳市鑫源建材有限公司")
    assert not pattern.match("安阳市华源建材有限公司")
    assert mask_pattern("安阳市鑫源建材有限公司") is None
    assert uscc_key("91340824704942063N(1-4)") == "91340824704942063N"
    assert uscc_key("914105******") is None


def test_person_key_unifies_script_width_and_spaces() -> None:
    assert person_key("張 建國") == person_key("张建国") == "张建国"
