"""Name normalisation for linking documents: companies and law firms."""

from __future__ import annotations

import pytest

from ringtrace.graph.identity import normalize_company, normalize_firm


@pytest.mark.parametrize(("a", "b"), [
    ("安阳市某某有限责任公司", "安阳市某某有限公司"),
    ("安阳市某某责任有限公司", "安阳市某某有限公司"),
    ("某某（北京）科技有限公司", "某某(北京)科技有限公司"),
    ("安阳市“恒达”回收有限公司", "安阳市恒达回收有限公司"),
    ("安阳市恒达回收有限公司（原安阳市恒达回收厂）", "安阳市恒达回收有限公司"),
    ("河南某某股份有限公司", "河南某某股份公司"),
    ("安阳市 某某 有限公司", "安阳市某某有限公司"),
])
def test_company_variants_link(a: str, b: str) -> None:
    assert normalize_company(a) == normalize_company(b)


@pytest.mark.parametrize(("a", "b"), [
    ("某某（北京）有限公司", "某某北京有限公司"),
    ("某某有限公司安阳分公司", "某某有限公司"),
    ("某某有限公司（北京）", "某某有限公司"),
])
def test_distinct_registrations_stay_apart(a: str, b: str) -> None:
    assert normalize_company(a) != normalize_company(b)


@pytest.mark.parametrize(("a", "b"), [
    ("上海市海华永泰律师事务所", "上海海华永泰律师事务所"),
    ("北京市中伦律师事务所（特殊普通合伙）", "北京中伦律师事务所"),
    ("北京安博（上海）律师事务所", "北京安博(上海)律师事务所"),
    ("河南安泰律所", "河南安泰律师事务所"),
])
def test_firm_variants_link(a: str, b: str) -> None:
    assert normalize_firm(a) == normalize_firm(b)


def test_firm_branches_stay_apart() -> None:
    assert normalize_firm("北京盈科（安阳）律师事务所") != normalize_firm("北京盈科律师事务所")
    assert normalize_firm("上海市律师事务所") != normalize_firm("上海律师")
