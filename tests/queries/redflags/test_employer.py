from __future__ import annotations

from pathlib import Path

from ringtrace.graph.records import RegistryRecord
from tests.conftest import sham_case
from tests.queries.redflags.helpers import frame_of, hits

EMPLOYER = "安阳市恒达废旧物资回收有限公司"


def _ring(n: int) -> list[dict]:
    return [sham_case(10 + i, f"申请人{chr(0x4e00 + i)}", f"1968-0{1 + i % 9}-02") for i in range(n)]


def test_burst_against_tiny_headcount_is_flagged_with_registry_evidence(tmp_path: Path) -> None:
    frame = frame_of(tmp_path, _ring(5), [RegistryRecord(EMPLOYER, insured_headcount=2)])
    [f] = hits(frame, "EMP_BURST")
    assert len(f.cases) == 5 and f.evidence[0].detail == "参保人数=2"


def test_unknown_headcount_is_not_small(tmp_path: Path) -> None:
    frame = frame_of(tmp_path, _ring(5), [RegistryRecord(EMPLOYER)])
    assert hits(frame, "EMP_BURST") == [] and hits(frame, "EMP_OVER_HEADCOUNT") == []


def test_big_employer_is_not_a_burst(tmp_path: Path) -> None:
    frame = frame_of(tmp_path, _ring(5), [RegistryRecord(EMPLOYER, insured_headcount=800)])
    assert hits(frame, "EMP_BURST") == []


def test_status_type_and_start_before_founding(tmp_path: Path) -> None:
    frame = frame_of(tmp_path, _ring(2), [RegistryRecord(
        EMPLOYER, status="吊销，未注销", founded="2005-03-01", company_type="有限责任公司")])
    assert [f.evidence[0].detail for f in hits(frame, "EMP_STATUS")] == ["登记状态=吊销，未注销"]
    assert len(hits(frame, "EMP_TYPE")) == 1  # 回收 in the name
    assert len(hits(frame, "EMP_START_BEFORE_FOUNDING")) == 2


def test_a_restructuring_told_in_the_story_explains_a_start_before_founding(
        tmp_path: Path) -> None:
    told = _ring(2)
    told[0]["spans"] = [*told[0].get("spans", []), {
        "kind": "history", "text": "2003年安阳第二棉纺织厂改制为被告，原告随厂转入被告处工作。"}]
    told[1]["spans"] = [*told[1].get("spans", []), {
        "kind": "history", "text": "本院决定合并审理。"}]
    frame = frame_of(tmp_path, told, [RegistryRecord(EMPLOYER, founded="2005-03-01",
                                                     company_type="有限责任公司")])
    [f] = hits(frame, "EMP_START_BEFORE_FOUNDING")
    assert f.cases == [next(c for c in frame.cases if "民初11号" in c)]


def test_an_individual_business_turned_company_explains_a_start_before_founding(
        tmp_path: Path) -> None:
    """A 个体工商户 converted into a company (个转企) is a new legal person with no former name in
    the registry; its staff worked for the 个体户 before the company's 成立日期."""
    told = _ring(2)
    told[0]["spans"] = [*told[0].get("spans", []), {
        "kind": "history", "text": "被告原系个体工商户，2016年个转企登记为有限责任公司。"}]
    frame = frame_of(tmp_path, told, [RegistryRecord(EMPLOYER, founded="2005-03-01",
                                                     company_type="有限责任公司")])
    [f] = hits(frame, "EMP_START_BEFORE_FOUNDING")
    assert f.cases == [next(c for c in frame.cases if "民初11号" in c)]


def test_a_branch_registered_after_its_parent_explains_a_start_before_founding(
        tmp_path: Path) -> None:
    """A 分公司 registered years after the parent company that hired its staff: the branch's
    成立日期 is not when their employment could begin; a firm's own founding date is."""
    branch = "中铁十局集团有限公司安阳分公司"
    cases = [{**c, "parties": [p if p["side"] != "employer" else {**p, "name": branch}
                               for p in c["parties"]]} for c in _ring(2)]
    frame = frame_of(tmp_path / "branch", cases, [RegistryRecord(
        branch, founded="2005-03-01", company_type="有限责任公司分公司")])
    assert hits(frame, "EMP_START_BEFORE_FOUNDING") == []
    firm = frame_of(tmp_path / "firm", _ring(2), [RegistryRecord(
        EMPLOYER, founded="2005-03-01", company_type="有限责任公司")])
    assert len(hits(firm, "EMP_START_BEFORE_FOUNDING")) == 2


def test_a_branch_reporting_no_insured_staff_is_not_small(tmp_path: Path) -> None:
    """A 分公司's staff are insured under the parent: its 0 is unknown, a firm's 0 is small."""
    branch = "中铁十局集团有限公司安阳分公司"
    cases = [{**c, "parties": [p if p["side"] != "employer" else {**p, "name": branch}
                               for p in c["parties"]]} for c in _ring(5)]
    frame = frame_of(tmp_path / "branch", cases, [RegistryRecord(branch, insured_headcount=0)])
    assert hits(frame, "EMP_BURST") == [] and hits(frame, "EMP_OVER_HEADCOUNT") == []
    firm = frame_of(tmp_path / "firm", _ring(5), [RegistryRecord(EMPLOYER, insured_headcount=0)])
    assert len(hits(firm, "EMP_BURST")) == 1


def test_an_employer_in_court_before_its_registry_founding_is_not_flagged(
        tmp_path: Path) -> None:
    """A firm cannot be sued before it exists: two suits of 2015 against an employer the
    registry says was founded in 2020 show the 成立日期 is a later namesake's or
    re-registration's, so claims starting before it prove nothing. One such suit (a misread
    date, a namesake's suit joined by name) or suits within the year of setting up clear
    nothing."""
    ring = _ring(2)
    early = [{**sham_case(30 + i, f"王{i}", "1970-05-05"), "claim_kind": "with_amounts",
              "filing_date": "2015-04-01", "decision_date": "2015-06-01",
              "case_number": f"(2015)豫0502民初{30 + i}号"} for i in range(2)]
    registry = [RegistryRecord(EMPLOYER, founded="2020-11-15", company_type="有限责任公司")]
    assert hits(frame_of(tmp_path / "sued", [*ring, *early], registry),
                "EMP_START_BEFORE_FOUNDING") == []
    assert len(hits(frame_of(tmp_path / "once", [*ring, early[0]], registry),
                    "EMP_START_BEFORE_FOUNDING")) == 3
    within = [{**c, "filing_date": "2020-04-01", "decision_date": "2020-06-01"} for c in early]
    assert len(hits(frame_of(tmp_path / "within", [*ring, *within], registry),
                    "EMP_START_BEFORE_FOUNDING")) == 4


def _at(employer: str, start: str) -> list[dict]:
    return [{**c, "claimed_start": start,
             "parties": [p if p["side"] != "employer" else {**p, "name": employer}
                         for p in c["parties"]]} for c in _ring(2)]


def test_a_planned_economy_factory_re_registered_explains_a_start_before_founding(
        tmp_path: Path) -> None:
    """A state or collective factory (国营, 地方国营, a numbered 第三机床厂) registered anew in the
    late 1980s-1990s shows that date as its 成立日期, with no former name and often no
    企业类型 in the export, while its workers were hired before it."""
    for i, name in enumerate(("地方国营安阳市棉织厂", "安阳市第三机床厂", "国营七五五厂")):
        frame = frame_of(tmp_path / str(i), _at(name, "1982-03"), [RegistryRecord(
            name, founded="1993-05-02", company_type="")])
        assert hits(frame, "EMP_START_BEFORE_FOUNDING") == [], name


def test_a_factory_name_does_not_explain_a_late_founding_nor_does_a_private_firm(
        tmp_path: Path) -> None:
    """The name explains only a founding date of the re-registration years: a 第三机床厂
    registered in 2012, or a private firm founded in 2010, did not employ anyone in 2005."""
    late = frame_of(tmp_path / "late", _at("安阳市第三机床厂", "2005-03"), [RegistryRecord(
        "安阳市第三机床厂", founded="2012-05-02", company_type="")])
    assert len(hits(late, "EMP_START_BEFORE_FOUNDING")) == 2
    private = frame_of(tmp_path / "private", _at(EMPLOYER, "2005-03"), [RegistryRecord(
        EMPLOYER, founded="2010-05-02", company_type="有限责任公司(自然人投资或控股)")])
    assert len(hits(private, "EMP_START_BEFORE_FOUNDING")) == 2
    blank = frame_of(tmp_path / "blank", _at(EMPLOYER, "1982-03"), [RegistryRecord(
        EMPLOYER, founded="1993-05-02", company_type="")])
    assert len(hits(blank, "EMP_START_BEFORE_FOUNDING")) == 2
