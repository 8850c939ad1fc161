"""Exculpatory evidence (support, documents by custody) and the unproven group."""

from __future__ import annotations

from pathlib import Path

from ringtrace.queries.redflags.common import fired_cases
from tests.conftest import sham_case
from tests.queries.redflags.helpers import frame_of, hits


def test_a_supporting_procuratorate_in_the_party_block_is_found(tmp_path: Path) -> None:
    supported = sham_case(1, "张桂兰", "1968-05-02")
    supported["parties"].append({"name": "安阳市文峰区人民检察院", "role": "supporter",
                                 "role_in_text": "支持起诉机关", "side": "other",
                                 "is_entity": True})
    said = sham_case(2, "刘秀英", "1967-02-02")
    said["spans"].append({"kind": "other", "text": "本案由安阳县总工会支持起诉。"})
    frame = frame_of(tmp_path, [supported, said, sham_case(3, "王秀兰", "1966-03-03")])
    found = {f.subject: f for f in hits(frame, "SUPPORT_INSTITUTION")}
    assert len(found) == 2
    first = next(f for c, f in found.items() if "民初1号" in c)
    assert first.evidence[0].detail == "支持起诉机关：安阳市文峰区人民检察院"
    # the procuratorate is no employer of the case
    case = frame.cases[first.subject]
    assert [e.name for e in case.employers] == ["安阳市恒达废旧物资回收有限公司"]


def test_a_legal_aid_lawyer_for_the_worker_is_noted(tmp_path: Path) -> None:
    aided = sham_case(1, "张桂兰", "1968-05-02")
    aided["agents"] = [{"name": "李律师", "represents": ["张桂兰"], "kind": "legal_aid",
                        "law_firm": "安阳市法律援助中心"}]
    [f] = hits(frame_of(tmp_path, [aided]), "AGENT_LEGAL_AID")
    assert "安阳市法律援助中心" in f.evidence[0].detail


def _citing(n: int, text: str) -> dict:
    case = sham_case(n, f"申请人{n}", "1968-01-02", agent=f"代理{n}")
    case["spans"].append({"kind": "evidence", "text": text})
    return case


def test_documents_count_by_who_keeps_them(tmp_path: Path) -> None:
    frame = frame_of(tmp_path, [
        _citing(1, "原告提交了银行工资流水及社会保险缴费记录。"),
        _citing(2, "原告提交了职工花名册、工资发放表、招工登记表等证据。"),
        _citing(3, "被告提交了改制时移交的人事档案及职工花名册复印件。"),
    ])
    independent = {f.subject[-30:] for f in hits(frame, "EVID_INDEPENDENT")}
    employer = {f.subject[-30:] for f in hits(frame, "EVID_EMPLOYER_RECORDS")}
    number = {c[-30:]: frame.cases[c].case_number[-4:] for c in frame.cases}
    assert sorted(number[c] for c in independent) == ["民初1号", "民初3号"]
    assert sorted(number[c] for c in employer) == ["民初2号"]


def test_a_group_of_admitted_claims_without_any_proof_is_flagged(tmp_path: Path) -> None:
    cases = [sham_case(n, f"申请人{n}", "1968-01-02", agent=f"代理{n}") for n in range(1, 6)]
    frame = frame_of(tmp_path, cases)
    [f] = hits(frame, "GROUP_UNPROVEN")
    assert len(f.cases) == 5 and "仅0件" in f.summary
    # one case in five backed by evidence is within the allowed share; two are not
    fired_cases(frame)["CLAIM_MONEY"] = {sorted(frame.cases)[0]}
    assert len(hits(frame, "GROUP_UNPROVEN")) == 1
    fired_cases(frame)["CLAIM_MONEY"] = set(sorted(frame.cases)[:2])
    assert hits(frame, "GROUP_UNPROVEN") == []


def test_an_unproven_group_must_fall_within_one_year(tmp_path: Path) -> None:
    days = ["2016-01-05", "2017-06-01", "2019-03-01"]
    cases = [sham_case(n, f"申请人{n}", "1968-01-02", agent=f"代理{n}", day=d)
             for n, d in enumerate(days, start=1)]
    assert hits(frame_of(tmp_path, cases), "GROUP_UNPROVEN") == []
