"""Node identity rules: case numbers, companies, people, USCC."""

from __future__ import annotations

import pytest

from ringtrace.graph import identity as ident


@pytest.mark.parametrize("code", ["12370323F49088516M", "91360321162472422F", "91440101729890060E",
                                  "91360900796958467G", "91340824704942063N", "91340000MA2MT9QA0T",
                                  "91340400581520599A", "91520000214434146R"])
def test_real_uscc_codes_pass_the_checksum(code: str) -> None:
    assert ident.uscc_valid(code)


def test_legacy_code_fails_the_checksum_without_raising() -> None:
    assert ident.uscc_valid("91350100M0001TGQXM") is False


def test_case_numbers_with_any_brackets_are_one_case() -> None:
    forum = "河南省安阳市文峰区人民法院"
    assert ident.case_id("（2021）豫0502民初1234号", forum) == ident.case_id(
        "(2021)豫0502民初1234号", forum)


def test_a_zero_among_chinese_numerals_is_no_mask() -> None:
    """``○`` is a typesetter's zero in a year or serial written in Chinese numerals: such a
    number names its one case (keyed by the number, so two copies of the judgment are one
    case); a serial of ``○`` alone is masked (keyed by the document)."""
    forum = "河南省安阳市文峰区人民法院"
    printed = "（二○一八）豫0502民初字第一二三号"
    assert not ident.is_masked_case_number(printed)
    assert ident.case_id(printed, forum, "doc-a") == ident.case_id(printed, forum, "doc-b")
    assert ident.case_number_key(printed) is not None
    for masked in ("（2018）豫0502民初第○○号", "（二○一八）豫0502民初字第○○号", "(20○○)豫05民终3号"):
        assert ident.is_masked_case_number(masked), masked
        assert ident.case_id(masked, forum, "doc-a") != ident.case_id(masked, forum, "doc-b")


def test_company_suffix_variants_link() -> None:
    assert ident.employer_id("安阳市某某有限责任公司") == ident.employer_id("安阳市某某有限公司")
    assert ident.employer_id("某某(北京)科技有限公司") == ident.employer_id("某某（北京）科技有限公司")
    assert ident.employer_id("某某公司安阳分公司") != ident.employer_id("某某公司")


@pytest.mark.parametrize("name", ["***", "张某某", "谢XX", "**年", "王*"])
def test_masked_names_are_never_linked_across_documents(name: str) -> None:
    a = ident.person_id(name, birth_date="1960-01-01", document="doc-a")
    b = ident.person_id(name, birth_date="1960-01-01", document="doc-b")
    assert a != b


def test_person_needs_a_disambiguator_to_link() -> None:
    assert ident.person_id("王伟", document="a") != ident.person_id("王伟", document="b")
    assert ident.person_id("王伟", birth_date="1960-01-01", document="a") == ident.person_id(
        "王伟", birth_date="1960-01-01", document="b")
    assert ident.person_id("王伟", law_firm="河南某律师事务所", document="a") == ident.person_id(
        "王伟", law_firm="河南某律师事务所", document="b")


def test_lead_and_ring_ids_are_stable_hashes_of_the_case_id() -> None:
    case = ident.case_id("（2019）豫0502民初1234号", "河南省安阳市文峰区人民法院")
    assert ident.lead_id(case) == "L-" + ident.digest(case, length=10)
    assert ident.ring_id(case) == "R-" + ident.digest(case, length=8)
    # the same case written with other brackets and spacing is the same lead
    assert ident.lead_id(ident.case_id("(2019)豫0502民初1234号", "河南省安阳市文峰区人民法院 ")) \
        == ident.lead_id(case)
    assert ident.lead_id(case) != ident.lead_id(case.replace("1234", "1235"))


def test_a_number_in_chinese_numerals_keys_as_its_arabic_copy() -> None:
    """``（二○一八）豫0502民初字第一二三号`` (a typeset copy) and ``(2018)豫0502民初123号`` (the
    mirror's) are one case: keyed apart, its two copies would count twice in the employer's
    burst. The zero is written ○ or 〇 or 零; a serial of ○ alone stays a mask, and
    different serials stay apart."""
    arabic = ident.normalize_case_number("(2018)豫0502民初123号")
    for printed in ("（二○一八）豫0502民初字第一二三号", "（二〇一八）豫0502民初字第一二三号",
                    "（二零一八）豫0502民初字第一二三号"):
        assert ident.normalize_case_number(printed) == arabic, printed
    assert ident.case_number_key("（二○一八）豫0502民初字第一○五号") == \
        ident.case_number_key("(2018)豫0502民初105号")
    assert ident.case_number_key("（二○一八）豫0502民初字第一二四号") != arabic
    assert ident.case_number_key("（二○一八）豫0502民初字第○○号") is None


@pytest.mark.parametrize(("kind", "value"), [
    ("phone", "＋86 138-0000-0000"), ("phone", "0372-5951234"),
    ("address", "河南省安阳市文峰区　中华路１２号。"), ("address", "住 北京市朝阳区建国路1号."),
])
def test_an_identifier_keyed_from_its_normalised_value_is_its_id(kind: str, value: str) -> None:
    normalized = (ident.normalize_phone(value) if kind == "phone"
                  else ident.normalize_cleaned_address(ident.clean(value)))
    assert ident.identifier_key(kind, normalized) == ident.identifier_id(kind, value)


def test_a_kept_case_number_is_the_number_normalised_again() -> None:
    number = "（2019）豫0502民初第01234号"
    first = ident.normalize_case_number(number)
    assert ident.normalize_case_number(number) == first == ident.normalize_case_number.__wrapped__(number)
