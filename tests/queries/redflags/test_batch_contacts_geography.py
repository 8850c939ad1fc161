from __future__ import annotations

from pathlib import Path

from ringtrace.graph.records import RegistryRecord
from ringtrace.queries.redflags.contacts import sharing_by_identifier
from ringtrace.queries.redflags.geography import (
    employer_province,
    forum_province,
    province_of_place,
)
from ringtrace.regions.provinces import PROVINCES, province_of_text
from tests.conftest import sham_case
from tests.queries.redflags.helpers import frame_of, hits


def test_same_day_batch_of_three(tmp_path: Path) -> None:
    cases = [sham_case(i, f"申请人{i}", "1968-01-02") for i in range(3)]
    cases.append({**sham_case(9, "别人", "1968-01-02", day="2021-06-01"),
                  "decision_date": "2021-06-20"})
    found = hits(frame_of(tmp_path, cases), "BATCH_SAME_DAY", min_cases=3)
    assert sorted(f.summary for f in found) == [
        "2021-03-01同日立案3件针对安阳市恒达废旧物资回收有限公司的案件",
        "2021-03-10同日裁判3件针对安阳市恒达废旧物资回收有限公司的案件"]


def test_phone_shared_by_three_lay_agents_is_flagged_lawyers_excluded(tmp_path: Path) -> None:
    cases = []
    for i in range(3):
        c = sham_case(i, f"申请人{i}", "1968-01-02", agent=f"代理{i}")
        c["agents"][0]["birth_date"] = f"197{i}-01-01"
        cases.append(c)
    summaries = [f.summary for f in hits(frame_of(tmp_path, cases), "CONTACT_SHARED")]
    assert "3人共用电话13812345678（多名代理人共用）" in summaries
    for c in cases:
        c["agents"][0].update(kind="lawyer", law_firm="某律师事务所")
    summaries = [f.summary for f in hits(frame_of(tmp_path / "b", cases), "CONTACT_SHARED")]
    assert not any("电话13812345678" in s for s in summaries)


def test_applicant_from_another_province(tmp_path: Path) -> None:
    case = sham_case(1, "张桂兰", "1968-05-02")
    case["parties"][0]["address"] = "重庆市万州区某村3组12号"
    [f] = hits(frame_of(tmp_path, [case]), "GEO_OTHER_PROVINCE")
    assert "重庆市" in f.summary and "河南省" in f.summary


def test_forum_far_from_employer(tmp_path: Path) -> None:
    case = sham_case(1, "张桂兰", "1968-05-02")
    frame = frame_of(tmp_path, [case], [RegistryRecord(
        "安阳市恒达废旧物资回收有限公司", address="新疆维吾尔自治区乌鲁木齐市某路1号")])
    assert len(hits(frame, "GEO_FORUM_FAR")) == 1


def test_workers_of_one_employer_sharing_an_address_is_ordinary(tmp_path: Path) -> None:
    cases = [sham_case(i, f"申请人{i}", "1968-01-02") for i in range(4)]
    for c in cases:
        c["agents"] = []
    assert hits(frame_of(tmp_path, cases), "CONTACT_SHARED") == []


def test_province_of_place_reads_places_as_province_of_text() -> None:
    places = [None, "", "重庆市万州区某村3组12号", "河南省安阳市文峰区光明路12号",
              "某某县新疆路1号", "内蒙古自治区包头市", "光明路12号"]
    assert [province_of_place(p) for p in places] == [province_of_text(p) for p in places]


def test_province_of_place_picks_the_first_name_as_province_of_text_does() -> None:
    names = [n for full, short, _ in PROVINCES.values() for n in (full, short)]
    places = [f"{pad}{a}{b}路" for pad in ("", "某某县", "某某县某某镇1") for a in names
              for b in names]
    assert [province_of_place(p) for p in places] == [province_of_text(p) for p in places]


def test_forum_and_employer_provinces_are_read_once_per_frame(tmp_path: Path) -> None:
    frame = frame_of(tmp_path, [sham_case(1, "张桂兰", "1968-05-02")])
    case = next(iter(frame.cases.values()))
    assert forum_province(frame, case) == "41"
    assert employer_province(frame, case.employers[0].id) is None  # "安阳市…" names no province
    assert frame.memo["redflags.forum_province"] == {(case.forum_id, case.forum): "41"}
    assert frame.memo["redflags.employer_province"] == {case.employers[0].id: None}


def test_a_masked_mention_of_a_sharer_is_not_a_second_person(tmp_path: Path) -> None:
    named = sham_case(1, "申请人1", "1968-01-02", agent="孟长河")
    masked = sham_case(2, "申请人2", "1968-01-02", agent="**河", employer="另一公司")
    for c in (named, masked):
        c["agents"][0]["birth_date"] = "1973-02-02"
    other = sham_case(3, "申请人3", "1968-01-02", agent="赵六")
    frame = frame_of(tmp_path, [named, masked, other])
    [phone] = [s for i, s in sharing_by_identifier(frame).items() if "13812345678" in i]
    assert sorted(str(frame.persons[p]["name"]) for p in phone.people) == ["孟长河", "赵六"]
    assert len(phone.all_cases()) == 3 and phone.crossing() == "多名代理人共用"
    assert sharing_by_identifier(frame) is frame.memo["sharing"]


def test_sharing_lists_identifiers_of_two_or_more_owners_unless_asked_for_one(
        tmp_path: Path) -> None:
    cases = [sham_case(i, f"申请人{i}", "1968-01-02", agent=f"代理{i}", employer=f"公司{i}")
             for i in range(3)]
    cases += [sham_case(3 + i, f"申请人{3 + i}", "1968-01-02", agent="独行", employer=f"公司{i}")
              for i in range(2)]
    for c in cases[3:]:
        c["agents"][0]["phone"] = "13900000000"
    frame = frame_of(tmp_path, cases)
    assert [i for i in sharing_by_identifier(frame) if "phone" in i] == [
        "Identifier:phone:13812345678"]
    assert "Identifier:phone:13812345678" in [
        f.subject for f in hits(frame, "CONTACT_SHARED", min_people=2)]
    alone = [f for f in hits(frame, "CONTACT_SHARED", min_people=1) if "139" in f.subject]
    assert [(f.summary[:4], len(f.cases)) for f in alone] == [("1人共用", 2)]


def test_an_address_shared_across_employers_links_only_when_it_is_one_household(
        tmp_path: Path) -> None:
    """Workers of two employers from one village group are neighbours; from one numbered house
    they are one household, or a scheme's address."""
    def shared(address: str, where: Path) -> list[str]:
        cases = [sham_case(i, f"申请人{i}", f"1968-01-0{i + 1}", employer=f"公司{i}")
                 for i in range(3)]
        for c in cases:
            c["agents"] = []
            c["parties"][0]["address"] = address
            c["parties"][0].pop("phone", None)
        return [f.summary for f in hits(frame_of(where, cases), "CONTACT_SHARED")]
    assert shared("河南省滑县城关镇东王庄村3组", tmp_path / "group") == []
    assert any("涉及3家用人单位" in s
               for s in shared("河南省滑县城关镇东王庄村3组28号", tmp_path / "house"))


def test_a_phone_only_employers_list_in_the_registry_links_nothing(tmp_path: Path) -> None:
    """Small firms list their bookkeeping agent's number (代理记账): a person printing it in a
    case is what ties the sides."""
    cases = [sham_case(i, f"申请人{i}", f"1968-01-0{i + 1}", employer=f"安阳市公司{i}")
             for i in range(3)]
    for c in cases:
        c["agents"] = []
        c["parties"][0].pop("phone", None)
        c["parties"][0].pop("address", None)
    registry = [RegistryRecord(f"安阳市公司{i}", phone="03725551234") for i in range(3)]
    assert hits(frame_of(tmp_path / "firms", cases, registry), "CONTACT_SHARED") == []
    cases[0]["parties"][0]["phone"] = "03725551234"  # a worker gives the same number
    assert [f.summary for f in hits(frame_of(tmp_path / "worker", cases, registry),
                                    "CONTACT_SHARED")] != []
