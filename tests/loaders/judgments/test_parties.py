"""Party block: roles as written, side by entity type, facts, representatives and agents."""

from __future__ import annotations

import pytest

from ringtrace.loaders.judgments.block import PartyBlock, read_party_block
from ringtrace.loaders.judgments.parties import assign_sides, procedural_role


def _block(text: str) -> PartyBlock:
    block = read_party_block(text, 0)
    assign_sides(block.parties)
    return block


def test_procedural_roles() -> None:
    assert [procedural_role(r) for r in ("原告", "上诉人", "申请人", "再审申请人", "原审原告")] == \
        ["plaintiff"] * 5
    assert [procedural_role(r) for r in ("被告", "被上诉人", "被申请人", "再审被申请人")] == \
        ["defendant"] * 4
    assert procedural_role("原审第三人") == "third_party"


def test_employer_initiated_suit_maps_sides_by_entity_type() -> None:
    block = _block("原告：安阳县某某铸造有限公司，住所地安阳县铜冶镇。\n法定代表人：马某，执行董事。\n"
                   "被告：陈某，男，1962年11月3日出生，汉族，住河南省林州市。\n"
                   "原告某某公司与被告陈某确认劳动关系纠纷一案，本院于2018年立案。")
    company, worker = (p.party for p in block.parties)
    assert (company.role, company.side, company.is_entity) == ("plaintiff", "employer", True)
    assert (company.legal_representative, company.legal_representative_title) == ("马某", "执行董事")
    assert (worker.role, worker.side, worker.sex, worker.birth_date) == (
        "defendant", "worker", "男", "1962-11-03")
    assert block.end == len("原告：安阳县某某铸造有限公司，住所地安阳县铜冶镇。\n法定代表人：马某，执行董事。\n"
                            "被告：陈某，男，1962年11月3日出生，汉族，住河南省林州市。\n")


def test_person_facts_in_every_spelling() -> None:
    block = _block("被上诉人(原审被告)高某德,男,1969年3月26日生,居民身份证号码3209191969********,汉族,"
                   "住江苏省某某市。原告:***,男,1953年12月29日,汉族,职业保洁员,住址安徽省长丰县。"
                   "申请人：李某英，女，汉族，出生日期：1968年4月15日，身份证住址：河南省安阳市。"
                   "公民身份号码：410506196804******。联系电话：13812345678。")
    gao, masked, li = (p.party for p in block.parties)
    assert (gao.name, gao.role_in_text, gao.birth_date, gao.id_number, gao.ethnicity) == (
        "高某德", "被上诉人(原审被告)", "1969-03-26", "3209191969********", "汉族")
    assert (masked.name, masked.birth_date, masked.occupation, masked.address) == (
        "***", "1953-12-29", "保洁员", "安徽省长丰县")
    assert (li.birth_date, li.address, li.id_number, li.phone) == (
        "1968-04-15", "河南省安阳市", "410506196804******", "13812345678")


def test_uscc_with_junk_suffix_and_a_failing_check_character() -> None:
    block = _block("被告:某某集团有限公司,住所地合肥市,统一社会信用代码91340824704942063N(1-4)。"
                   "被告:某某实业有限公司,统一社会信用代码:91410502MA3X4B2K7P。")
    good, bad = (p.party for p in block.parties)
    assert good.uscc == "91340824704942063N" and bad.uscc == "91410502MA3X4B2K7P"
    assert [(field, "fails the GB 32100 check" in why) for _, field, why, _ in block.problems] == \
        [("uscc", True)]


def test_a_code_masked_by_the_publisher_is_kept_without_a_check_warning() -> None:
    """A USCC printed masked (stars, or a run of X: graph.identity.MASKED_CODE) is no code to
    check; one with fewer X is, and fails the check like any mistyped code."""
    block = _block("被告:延安瑞达建业有限责任公司,统一社会信用代码:XXXXXXXXXXXXXX4891。"
                   "被告:某某集团有限公司,统一社会信用代码:91340824********3N。"
                   "被告:某某实业有限公司,统一社会信用代码:91410502MAXXX4B2K7。")
    assert [p.party.uscc for p in block.parties] == [
        "XXXXXXXXXXXXXX4891", "91340824********3N", "91410502MAXXX4B2K7"]
    assert [field for _, field, _, _ in block.problems] == ["uscc"]


def test_flat_text_without_colons() -> None:
    block = _block("上诉人(原审被告)磐安县某某塑料制品厂。负责人厉某菊。委托代理人(特别授权)马某辉。"
                   "被上诉人(原审原告)厉某芬。委托代理人(特别授权)戴某平。上诉人磐安县某某塑料制品厂因确认"
                   "劳动关系纠纷一案,不服判决,向本院提起上诉。")
    assert [(p.party.name, p.party.side) for p in block.parties] == [
        ("磐安县某某塑料制品厂", "employer"), ("厉某芬", "worker")]
    assert block.parties[0].party.legal_representative == "厉某菊"
    assert [(a.name, a.represents, a.authority) for a in block.agents] == [
        ("马某辉", ["磐安县某某塑料制品厂"], "特别授权"), ("戴某平", ["厉某芬"], "特别授权")]


def test_no_organisation_means_plaintiff_worker_and_defendant_employer() -> None:
    block = _block("上诉人(原审被告)：王某，男，1970年1月1日出生。\n被上诉人(原审原告)：赵某，女，1965年2月2日出生。\n")
    assert [(p.party.name, p.party.side) for p in block.parties] == [("王某", "employer"),
                                                                     ("赵某", "worker")]


def test_individual_business_operator_is_an_employer() -> None:
    block = _block("原告：孙某，女，1966年1月1日出生。\n被告：刘某（个体工商户，字号某某饭店），男，1970年5月5日出生。\n")
    assert [(p.party.name, p.party.side) for p in block.parties] == [("孙某", "worker"),
                                                                     ("刘某", "employer")]


@pytest.mark.parametrize(("line", "birth", "address"), [
    ("原告：王某，男，1958年3月4日生，汉族，户籍地河南省林州市，现住安阳市文峰区。", "1958-03-04", "河南省林州市"),
    ("原告：李某，女，1962.05.06出生，住址：安阳市北关区。", "1962-05-06", "安阳市北关区"),
    ("原告：赵某，女，1963年7月，汉族，住安阳县。", "1963-07", "安阳县"),  # a bare month of birth
    ("原告：钱某，女，1963年7月出生，汉族，住址安阳县。", "1963-07", "安阳县"),
    ("原告孙某，女，1964年10月份出生，住安阳县。", "1964-10", "安阳县"),
    ("原告：周某，女，出生日期：1965年5月3日，身份证住址：河南省安阳县。", "1965-05-03", "河南省安阳县"),
])
def test_birth_and_address_in_every_spelling(line: str, birth: str, address: str) -> None:
    block = _block(line + "\n被告：安阳市某某有限公司，住所地安阳市。\n")
    person = block.parties[0].party
    assert (person.birth_date, person.address, person.side) == (birth, address, "worker")


@pytest.mark.parametrize("record", [
    "原告张某诉称，原告自2001年3月在被告处工作，请求确认双方存在劳动关系。",
    "原告诉称，原告自2001年3月在被告处工作，请求确认双方存在劳动关系。",
    "原告张某向本院提出诉讼请求：确认原告与被告自2001年3月至2015年12月存在劳动关系。",
    "申请人张某请求裁决：确认申请人与被申请人存在劳动关系。",
    "原告张某与被告安阳市某某有限公司确认劳动关系纠纷一案，本院于2021年3月1日立案。",
])
def test_last_party_line_fused_with_the_next_paragraph(record: str) -> None:
    head = ("原告：张某，女，1966年7月8日出生，住安阳市。\n"
            "被告：安阳市某某有限公司，住所地安阳市文峰区中华路1号")
    for glue in ("", "。"):  # the paragraph break lost, with or without the full stop
        block = _block(head + glue + record + "\n被告辩称，无异议。\n")
        assert [(p.party.name, p.party.address) for p in block.parties] == [
            ("张某", "安阳市"), ("安阳市某某有限公司", "安阳市文峰区中华路1号")]
        assert (head + glue + record)[block.end:].startswith(record[:4])


@pytest.mark.parametrize("line", [
    "上诉人(原审被告)沧州市鑫达纸品有限公司,住所地:沧州市新华区建设路,组织机构代码:10661739-1。",
    "被告：沧州市鑫达纸品有限公司，组织机构代码证号１０６６１７３９－１，住所地沧州市新华区建设路。",
])
def test_an_organisation_code_is_kept_as_printed(line: str) -> None:
    """Documents before the USCC print the 组织机构代码; resolution joins it to the registry
    row whose USCC carries it."""
    [employer] = _block(line + "\n法定代表人王明,该公司经理。\n").parties
    assert employer.party.org_code == "10661739-1"
    assert employer.party.is_entity and employer.party.address == "沧州市新华区建设路"
