"""Name normalisation for linking documents: companies and law firms."""

from __future__ import annotations

import pytest

from ringtrace.graph.identity import MASKED_CODE, normalize_company, normalize_firm


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


@pytest.mark.parametrize(("code", "masked"), [
    ("91340824********3N", True), ("9134082４＊＊＊＊3N", True), ("914105××××××", True),
    ("XXXXXXXXXXXXXX4891", True), ("91410500MA40xxxxxx", True),
    ("91410502MAXXX4B2K7", False), ("41050619680415001X", False), ("91520000214434146R", False),
])
def test_a_masked_code_is_stars_crosses_or_a_run_of_four_x(code: str, masked: bool) -> None:
    """One pattern for the loaders (a printed USCC is not checked when masked) and resolution
    (a masked code is no key, its visible head a fragment)."""
    assert bool(MASKED_CODE.search(code)) is masked


def test_the_loaders_and_resolution_read_masks_with_the_one_pattern() -> None:
    from ringtrace.loaders.judgments import parties
    from ringtrace.resolve.names import code_fragment, uscc_key

    assert vars(parties)["MASKED_CODE"] is MASKED_CODE
    assert [code_fragment(c) for c in ("914105××××××", "914105******", "91410500MA40XXXXXX",
                                       "XXXXXXXXXXXXXX4891", "91520000214434146R")] == [
        "914105", "914105", "91410500MA40", None, None]
    assert [uscc_key(c) for c in ("XXXXXXXXXXXXXX4891", "91410500MA40xxxxxx",
                                  "91520000214434146R")] == [None, None, "91520000214434146R"]


def test_one_table_of_chinese_digits_and_the_dates_superset() -> None:
    """The case-number key and the judgment dates read Chinese digits from one table; a date
    also takes Latin and Arabic zeros (二Ｏ一六年), a case number does not (an O is a letter)."""
    from ringtrace.graph.identity import CN_DIGITS, normalize_case_number
    from ringtrace.loaders.judgments.dates import CN_DATE, chinese_date

    values = {g: n for n, glyphs in enumerate(["〇○零", *"一二三四五六七八九"]) for g in glyphs}
    assert values == CN_DIGITS
    assert normalize_case_number("(二○一八)豫0502民初一二号") == "(2018)豫0502民初12号"
    assert normalize_case_number("(二O一八)豫0502民初一二号").startswith("(二O一八)")
    for zero in "〇○零OＯoｏ0０":
        match = CN_DATE.search(f"二{zero}一六年十月二十四日")
        assert match is not None and chinese_date(match) == "2016-10-24"
