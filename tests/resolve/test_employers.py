"""Employer rules: USCC first, then registry name variants; never a branch with its parent."""

from __future__ import annotations

from pathlib import Path

from ringtrace.graph.identity import employer_id
from ringtrace.graph.records import RegistryRecord
from ringtrace.resolve import resolve
from ringtrace.resolve.model import Merge, Resolution
from tests.resolve.helpers import case, store_of

JINYUAN = RegistryRecord(name="金源（商丘）包装有限公司", uscc="91411400MA40ABCD1X",
                         legal_representative="赵明", address="商丘市梁园区建设路8号")


def _merge(res: Resolution, node: str) -> Merge:
    [merge] = res.merges_of(node)
    return merge


def test_a_printed_uscc_joins_the_registry_row_whatever_the_name(tmp_path: Path) -> None:
    doc = case(1, employer="商丘市金鼎包装厂", uscc="91411400MA40ABCD1X")
    res = resolve(store_of(tmp_path, [doc], [JINYUAN]))
    row = employer_id(JINYUAN.name)
    assert res.entity(employer_id("商丘市金鼎包装厂")) == row
    assert _merge(res, row).rule == "same_uscc"
    assert _merge(res, row).evidence == "same USCC 91411400MA40ABCD1X"


def test_region_brackets_and_city_市_are_registry_name_variants(tmp_path: Path) -> None:
    docs = [case(1, employer="商丘市金源包装有限公司"), case(2, employer="商丘金源包装有限责任公司")]
    res = resolve(store_of(tmp_path, docs, [JINYUAN]))
    row = employer_id(JINYUAN.name)
    assert res.members(row) == tuple(sorted([row, employer_id("商丘市金源包装有限公司"),
                                             employer_id("商丘金源包装有限责任公司")]))
    reasons = {m.evidence for m in res.merges_of(row)}
    assert reasons == {"registry name variant: region brackets moved",
                       "registry name variant: region brackets moved; legal form 有限责任公司/有限公司"}


def test_a_variant_of_a_former_name_is_that_registry_row(tmp_path: Path) -> None:
    renamed = RegistryRecord(name="安阳市恒信物资有限公司", former_names=["安阳市恒达废旧物资回收站"])
    res = resolve(store_of(tmp_path, [case(1, employer="安阳恒达废旧物资回收站")], [renamed]))
    merge = _merge(res, employer_id(renamed.name))
    assert merge.rule == "former_name"
    assert merge.evidence == "former name (曾用名) 安阳市恒达废旧物资回收站 of 安阳市恒信物资有限公司"


def test_two_registry_rows_that_fit_leave_the_document_alone(tmp_path: Path) -> None:
    rows = [RegistryRecord(name="安阳市龙宏化肥厂"), RegistryRecord(name="安阳市龙宏化肥有限公司")]
    res = resolve(store_of(tmp_path, [case(1, employer="安阳龙宏化肥公司")], rows))
    assert res.entity(employer_id("安阳龙宏化肥公司")) == employer_id("安阳龙宏化肥公司")
    assert not res.merged


def test_different_usccs_are_never_one_employer(tmp_path: Path) -> None:
    doc = case(1, employer="商丘市金源包装有限公司", uscc="91411400MA40YYYY9Q")
    res = resolve(store_of(tmp_path, [doc], [JINYUAN]))
    assert not res.merged
    assert res.refused == {"conflicting uscc": 1}


def test_codes_masked_with_x_are_not_one_enterprise(tmp_path: Path) -> None:
    """Mirrors mask a USCC with X (``XXXXXXXXXXXXXX4891``), and X is a USCC character: two
    documents printing the same masked code are not thereby one enterprise."""
    docs = [case(1, employer="延安瑞达建业有限责任公司", uscc="XXXXXXXXXXXXXX4891"),
            case(2, employer="宝塔区某某建材有限公司", uscc="XXXXXXXXXXXXXX4891"),
            case(3, employer="子长市某某商贸有限公司", uscc="XXXXXXXXXXXXXXXXXX")]
    res = resolve(store_of(tmp_path, docs, []))
    assert not res.merged


def test_an_old_organisation_code_joins_the_registry_row_of_its_uscc(tmp_path: Path) -> None:
    """Documents before 2016 print the 组织机构代码 (``10661739-1``); the registry prints the USCC
    that carries it as characters 9-17, whatever the name the document uses. When two USCCs
    carry it, the code names no one of them."""
    row = RegistryRecord(name="沧州市五环纸业有限公司", uscc="91130900106617391K")
    doc = case(1, employer="沧州市鑫达纸品厂")
    doc["parties"][-1]["org_code"] = "10661739-1"
    res = resolve(store_of(tmp_path / "one", [doc], [row]))
    merge = _merge(res, employer_id(row.name))
    assert res.entity(employer_id("沧州市鑫达纸品厂")) == employer_id(row.name)
    assert (merge.rule, merge.evidence) == ("same_org_code", "same 组织机构代码 106617391")

    twin = RegistryRecord(name="河北五环实业有限公司", uscc="91130000106617391B")
    res = resolve(store_of(tmp_path / "two", [doc], [row, twin]))
    assert not res.merged


def test_a_mistyped_or_placeholder_organisation_code_joins_nothing(tmp_path: Path) -> None:
    """A code that fails its GB 11714 check character is no key: ``10661739-7`` (the check
    character misread) and a placeholder ``00000000-0`` join no registry row, and two
    documents printing the same placeholder are not thereby one enterprise."""
    rows = [RegistryRecord(name="沧州市五环纸业有限公司", uscc="91130900106617391K"),
            RegistryRecord(name="沧州市华通物流有限公司", uscc="91130900106617397F")]
    docs = [case(1, employer="沧州市鑫达纸品厂"), case(2, employer="沧州市某某建材厂"),
            case(3, employer="沧州市另一建材厂")]
    for doc, code in zip(docs, ("10661739-7", "00000000-0", "00000000-0"), strict=True):
        doc["parties"][-1]["org_code"] = code
    res = resolve(store_of(tmp_path, docs, rows))
    assert not res.merged


def test_a_branch_is_tied_to_its_parent_not_merged(tmp_path: Path) -> None:
    parent = RegistryRecord(name="河南华信建设有限公司", uscc="91410100MA44AAAA1Q")
    docs = [case(1, employer="河南华信建设有限公司安阳分公司", uscc="91410100MA44AAAA1Q"),
            case(2, employer="河南华信建设有限公司安阳公司")]
    res = resolve(store_of(tmp_path, docs, [parent]))
    branch = employer_id("河南华信建设有限公司安阳分公司")
    assert res.entity(employer_id(parent.name)) == employer_id(parent.name)
    assert res.members(branch) == tuple(sorted([branch, employer_id("河南华信建设有限公司安阳公司")]))
    [tie] = res.relations
    assert (tie.src, tie.dst, tie.kind) == (res.entity(branch), employer_id(parent.name), "branch_of")


def test_a_masked_name_needs_one_fitting_row_and_agreeing_evidence(tmp_path: Path) -> None:
    row = RegistryRecord(name="安阳市鑫源建材有限公司", uscc="91410502MA46XYZW2K",
                         legal_representative="孙伟")
    other = RegistryRecord(name="安阳市华源建材有限公司", legal_representative="钱多")
    agreeing = case(1, employer="安阳市鑫某建材有限公司", rep="孙某")
    res = resolve(store_of(tmp_path / "a", [agreeing], [row, other]))
    merge = _merge(res, employer_id(row.name))
    assert merge.rule == "masked_name"
    assert "legal representative 孙某" in merge.evidence
    silent = case(1, employer="安阳市鑫某建材有限公司", rep=None)
    assert not resolve(store_of(tmp_path / "b", [silent], [row, other])).merged
    two = RegistryRecord(name="安阳市鑫达建材有限公司", legal_representative="孙立")
    assert not resolve(store_of(tmp_path / "c", [agreeing], [row, two])).merged


def test_a_close_name_with_the_same_legal_representative(tmp_path: Path) -> None:
    row = RegistryRecord(name="安阳市恒达废旧物资回收有限公司", legal_representative="李强")
    res = resolve(store_of(tmp_path, [case(1, employer="安阳市恒达废旧物质回收有限公司")], [row]))
    merge = _merge(res, employer_id(row.name))
    assert merge.rule == "similar_name"
    assert "legal representative 李强" in merge.evidence


def test_unregistered_spellings_of_one_firm_join_each_other(tmp_path: Path) -> None:
    docs = [case(1, employer="安阳市天宇劳务服务有限公司"), case(2, employer="安阳天宇劳务服务有限公司")]
    res = resolve(store_of(tmp_path, docs))
    merge = _merge(res, employer_id("安阳天宇劳务服务有限公司"))
    assert (merge.rule, merge.evidence) == ("name_variant", "name variant: city 市 dropped")


def test_masked_names_in_two_documents_are_two_mentions(tmp_path: Path) -> None:
    docs = [case(1, employer="***煤业有限公司", uscc="914101849050675417", rep=None),
            case(2, employer="***煤业有限公司", rep=None)]
    row = RegistryRecord(name="郑州市联创煤业有限公司", uscc="914101849050675417")
    res = resolve(store_of(tmp_path, docs, [row]))
    first = employer_id("***煤业有限公司", document="Case:(2021)豫0502民初1号|河南省安阳市文峰区人民法院")
    second = employer_id("***煤业有限公司", document="Case:(2021)豫0502民初2号|河南省安阳市文峰区人民法院")
    assert res.members(employer_id(row.name)) == tuple(sorted([employer_id(row.name), first]))
    assert res.entity(second) == second


MINE = RegistryRecord(name="巩义市永和煤矿", uscc="9141018114X6J9943M", legal_representative="陈俊峰",
                      address="河南省巩义市水冶镇平原路91号")
SEAT = "河南省巩义市水冶镇平原路91号"


def test_a_masked_name_at_a_known_enterprises_seat_is_that_enterprise(tmp_path: Path) -> None:
    # ``***煤矿`` hides the place with the trade name (永和 is itself a place name)
    docs = [case(1, employer="***煤矿", rep="***", address=SEAT),
            case(2, employer="***煤矿", rep="***", address="巩义市水冶镇平原路91号"),
            case(3, employer="***煤矿", rep="***", address="河南省巩义市城郊镇西大街82号"),
            case(4, employer="***煤矿", rep="***", address="巩义市")]
    res = resolve(store_of(tmp_path, docs, [MINE]))
    row = employer_id(MINE.name)
    scoped = [employer_id("***煤矿", document=f"Case:(2021)豫0502民初{n}号|河南省安阳市文峰区人民法院")
              for n in (1, 2, 3, 4)]
    assert res.members(row) == tuple(sorted([row, *scoped[:2]]))
    assert {m.rule for m in res.merges_of(row)} == {"masked_name_address"}
    assert any("fits only 巩义市永和煤矿 among the enterprises at 巩义水冶镇平原路91号" in m.evidence
               for m in res.merges_of(row))
    # another address, or a town without a house number, says nothing
    assert res.entity(scoped[2]) == scoped[2] and res.entity(scoped[3]) == scoped[3]


def test_a_masked_name_joins_an_enterprise_that_documents_name_at_that_seat(tmp_path: Path) -> None:
    docs = [case(1, employer="郑州宏盛针织有限公司", uscc="914101810782137274", rep="赵文博",
                 address="河南省巩义市城郊镇平原路171号"),
            case(2, employer="郑州宏某针织有限公司", rep="赵某某", address="河南省巩义市城郊镇平原路171号"),
            # a copy naming the enterprise in full but masking its representative
            case(3, employer="郑州宏盛针织有限公司", rep="**博", address="河南省巩义市城郊镇平原路171号")]
    res = resolve(store_of(tmp_path, docs))
    masked = employer_id("郑州宏某针织有限公司",
                         document="Case:(2021)豫0502民初2号|河南省安阳市文峰区人民法院")
    assert res.entity(masked) == employer_id("郑州宏盛针织有限公司")


def test_a_masked_name_at_a_seat_shared_by_two_that_fit_or_disagreeing_stays_apart(
        tmp_path: Path) -> None:
    neighbour = RegistryRecord(name="巩义市宏达煤矿", legal_representative="王强", address=SEAT)
    doc = case(1, employer="***煤矿", rep="***", address=SEAT)
    assert not resolve(store_of(tmp_path / "a", [doc], [MINE, neighbour])).merged
    # the masked legal representative cannot be 陈俊峰 (two characters, not three)
    other_rep = case(1, employer="***煤矿", rep="**", address=SEAT)
    assert not resolve(store_of(tmp_path / "b", [other_rep], [MINE])).merged
    # another industry at the same seat does not fit the name
    mill = case(1, employer="***面粉厂", rep="***", address=SEAT)
    assert not resolve(store_of(tmp_path / "c", [mill], [MINE])).merged


XINYUAN = RegistryRecord(name="安阳市鑫源建材有限责任公司", uscc="91410502MA46XYWW2K")


def test_a_name_without_its_place_is_the_only_row_of_its_core_in_the_forums_prefecture(
        tmp_path: Path) -> None:
    docs = [case(1, employer="鑫源建材有限公司"), case(2, employer="河南鑫源建材公司")]
    res = resolve(store_of(tmp_path, docs, [XINYUAN]))
    row = employer_id(XINYUAN.name)
    assert res.members(row) == tuple(sorted([row, employer_id("鑫源建材有限公司"),
                                             employer_id("河南鑫源建材公司")]))
    merge = next(m for m in res.merges_of(row) if m.b == employer_id("鑫源建材有限公司")
                 or m.a == employer_id("鑫源建材有限公司"))
    assert merge.rule == "registry_place_left_out"
    assert merge.evidence == ("name without its place: 鑫源建材有限公司 fits only registry row "
                              "安阳市鑫源建材有限责任公司 (same trade name and industry 鑫源建材), "
                              "registered in the forums' prefecture 4105")


def test_a_name_without_its_place_heard_elsewhere_or_with_a_namesake_row_stays_apart(
        tmp_path: Path) -> None:
    elsewhere = resolve(store_of(tmp_path / "a", [case(1, employer="鑫源建材有限公司",
                                                       court="zhengzhou")], [XINYUAN]))
    assert not elsewhere.merged
    both = resolve(store_of(tmp_path / "d", [case(1, employer="鑫源建材有限公司"),
                                             case(2, employer="鑫源建材有限公司",
                                                  court="zhengzhou")], [XINYUAN]))
    assert not both.merged
    namesake = RegistryRecord(name="郑州鑫源建材厂", uscc="91410105MA46XYWW2K")
    two = resolve(store_of(tmp_path / "b", [case(1, employer="鑫源建材有限公司")],
                           [XINYUAN, namesake]))
    assert not two.merged
    other_province = resolve(store_of(tmp_path / "c", [case(1, employer="河北鑫源建材有限公司")],
                                      [XINYUAN]))
    assert not other_province.merged
    # the registry covers part of the province: a namesake the documents name with its own
    # place (林州市, a county-level city of the same prefecture) is an enterprise it lacks
    unregistered = resolve(store_of(tmp_path / "e", [case(1, employer="鑫源建材有限公司"),
                                                     case(2, employer="林州市鑫源建材有限公司")],
                                    [XINYUAN]))
    assert not unregistered.merged

COUNTY = RegistryRecord(name="安阳县金源建材有限公司", uscc="91410522MA46KKKK1X")
CITY = RegistryRecord(name="安阳市金源建材有限公司", uscc="91410500MA46CCCC2Y")


def test_a_county_and_the_city_of_one_stem_are_two_places(tmp_path: Path) -> None:
    """安阳县 is a county of 安阳市: a document's 安阳县 name is not the 安阳市 registry row,
    nor a document's 安阳市 name (keys compare stems only, so that 市 may be left out)."""
    county_doc = resolve(store_of(tmp_path / "a", [case(1, employer=COUNTY.name)], [CITY]))
    assert not county_doc.merged
    docs = [case(1, employer=COUNTY.name), case(2, employer=CITY.name)]
    unregistered = resolve(store_of(tmp_path / "b", docs))
    assert not unregistered.merged
    # with both rows registered, a spelling that prints the county is the county's row (the
    # city's row no longer makes it ambiguous)
    spelt = "河南省安阳县金源建材有限公司"
    both = resolve(store_of(tmp_path / "c", [case(1, employer=spelt)], [COUNTY, CITY]))
    assert both.members(employer_id(COUNTY.name)) == tuple(sorted(
        [employer_id(COUNTY.name), employer_id(spelt)]))
    assert both.entity(employer_id(CITY.name)) == employer_id(CITY.name)
    # beside a city row, a row printing the bare stem may be the county's or another: a county
    # spelling joins only a row printing 县
    bare = RegistryRecord(name="安阳金源建材有限公司", uscc="91410527MA46BBBB3Z")
    beside = resolve(store_of(tmp_path / "d", [case(1, employer=spelt)], [CITY, bare]))
    assert not beside.merged
    three = resolve(store_of(tmp_path / "e", [case(1, employer=spelt)], [COUNTY, CITY, bare]))
    assert three.members(employer_id(COUNTY.name)) == tuple(sorted(
        [employer_id(COUNTY.name), employer_id(spelt)]))


def test_a_name_with_市_dropped_still_joins_the_city_row(tmp_path: Path) -> None:
    res = resolve(store_of(tmp_path, [case(1, employer="安阳金源建材有限公司")], [CITY]))
    merge = _merge(res, employer_id(CITY.name))
    assert (merge.rule, merge.evidence) == ("registry_name_variant",
                                            "registry name variant: city 市 dropped")


def test_a_bare_stem_that_fits_a_county_row_and_a_city_row_joins_neither(tmp_path: Path) -> None:
    res = resolve(store_of(tmp_path, [case(1, employer="安阳金源建材有限公司")], [COUNTY, CITY]))
    assert not res.merged
    docs = [case(1, employer="安阳金源建材有限公司"), case(2, employer=COUNTY.name),
            case(3, employer=CITY.name), case(4, employer="河南省安阳县金源建材有限责任公司")]
    unregistered = resolve(store_of(tmp_path / "b", docs))
    county = employer_id(COUNTY.name)
    assert unregistered.members(county) == tuple(sorted(
        [county, employer_id("河南省安阳县金源建材有限责任公司")]))
    assert [m.rule for m in unregistered.merges_of(county)] == ["name_variant"]
    for alone in ("安阳金源建材有限公司", CITY.name):
        assert unregistered.entity(employer_id(alone)) == employer_id(alone)
