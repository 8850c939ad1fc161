from __future__ import annotations

from pathlib import Path

import pytest

from ringtrace.loaders.judgments import parse_text
from tests.conftest import legit_case, sham_case
from tests.queries.redflags.helpers import frame_of, hits


def test_no_objection_quotes_the_defendant_response(tmp_path: Path) -> None:
    frame = frame_of(tmp_path, [sham_case(1, "张桂兰", "1968-05-02"), legit_case(2, "孙建军", "1980-01-01")])
    [f] = hits(frame, "CLAIM_NO_OBJECTION")
    assert f.cases == [next(c for c in frame.cases if "民初1号" in c)]
    assert f.evidence[0].kind == "text" and "无异议" in f.evidence[0].detail


def test_mediation_and_default_are_separate_flags(tmp_path: Path) -> None:
    mediated = {**sham_case(1, "张桂兰", "1968-05-02"), "document_type": "调解书",
                "outcome": "mediated", "defendant_response": "unknown"}
    absent = {**sham_case(2, "刘秀英", "1967-02-02"), "absent": True,
              "defendant_response": "absent"}
    frame = frame_of(tmp_path, [mediated, absent])
    assert [f.summary for f in hits(frame, "CLAIM_MEDIATED")] == ["以调解方式确认劳动关系"]
    assert len(hits(frame, "CLAIM_DEFAULT")) == 1


def test_claims_with_amounts_are_not_confirmation_only(tmp_path: Path) -> None:
    frame = frame_of(tmp_path, [legit_case(2, "孙建军", "1980-01-01"),
                                sham_case(1, "张桂兰", "1968-05-02")])
    [f] = hits(frame, "CLAIM_CONFIRMATION_ONLY")
    assert "民初1号" in f.subject


def test_a_token_sum_beside_the_confirmation_is_still_confirmation_only(tmp_path: Path) -> None:
    token = {**sham_case(1, "张桂兰", "1968-05-02"), "claim_kind": "with_amounts",
             "claim_amounts": [300.0, 200.0]}
    real = {**sham_case(2, "刘秀英", "1967-02-02"), "claim_kind": "with_amounts",
            "claim_amounts": [4800.0]}
    frame = frame_of(tmp_path, [token, real])
    [f] = hits(frame, "CLAIM_CONFIRMATION_ONLY")
    assert "民初1号" in f.subject and "500元" in f.summary
    assert len(hits(frame, "CLAIM_CONFIRMATION_ONLY", token_yuan=5000)) == 2


def test_purpose_needs_a_keyword_in_a_claim_or_purpose_span(tmp_path: Path) -> None:
    plain = {**sham_case(2, "刘秀英", "1967-02-02"), "spans": []}
    frame = frame_of(tmp_path, [sham_case(1, "张桂兰", "1968-05-02"), plain])
    [f] = hits(frame, "CLAIM_PURPOSE")
    assert "养老保险补缴" in f.evidence[0].detail


def test_retirement_named_in_a_wage_claim_is_no_purpose(tmp_path: Path) -> None:
    """``支付原告退休前拖欠的工资`` tells when the work ended; ``为原告办理退休手续`` is the purpose."""
    told = {**sham_case(1, "张桂兰", "1968-05-02"),
            "spans": [{"kind": "claim", "text": "判令被告支付原告退休前拖欠的工资8000元"}]}
    arranged = {**sham_case(2, "刘秀英", "1967-02-02"),
                "spans": [{"kind": "claim", "text": "确认劳动关系，并为原告办理退休手续"}]}
    frame = frame_of(tmp_path, [told, arranged])
    [f] = hits(frame, "CLAIM_PURPOSE")
    assert "民初2号" in f.subject and "办理退休手续" in f.evidence[0].detail


def test_a_wage_claim_above_the_floor_speaks_for_the_worker(tmp_path: Path) -> None:
    token = {**sham_case(2, "刘秀英", "1967-02-02"), "claim_kind": "with_amounts",
             "claim_amounts": [500.0]}
    real = {**sham_case(3, "王秀兰", "1966-03-03"), "claim_kind": "with_amounts",
            "claim_amounts": [18000.0, 6500.5]}
    frame = frame_of(tmp_path, [sham_case(1, "张桂兰", "1968-05-02"), token, real])
    [f] = hits(frame, "CLAIM_MONEY")
    assert "民初3号" in f.subject and "24,500元" in f.summary
    assert hits(frame, "CLAIM_MONEY", min_total_yuan=400) != [f]  # the token passes a lower floor


def test_an_employer_admitting_the_work_but_disputing_the_money_is_no_objection(
        tmp_path: Path) -> None:
    partial = sham_case(1, "张桂兰", "1968-05-02")
    partial["spans"] = [{"kind": "defendant_response",
                         "text": "被告辩称，对原告的工作期间无异议，但原告主张的工资数额过高，且公司现无力支付。"}]
    recorded = {**sham_case(2, "刘秀英", "1967-02-02"), "defendant_response": "partial"}
    frame = frame_of(tmp_path, [partial, recorded, sham_case(3, "王秀兰", "1966-03-03")])
    found = hits(frame, "CLAIM_PARTIAL_ADMISSION")
    assert sorted(f.subject[-20:] for f in found) == sorted(
        c[-20:] for c in frame.cases if "民初1号" in c or "民初2号" in c)
    assert [f.subject for f in hits(frame, "CLAIM_NO_OBJECTION")] == [
        c for c in frame.cases if "民初3号" in c]


def _parsed_answer(answer: str) -> dict:
    """A judgment on a confirmation and wage claim whose employer answers ``answer``."""
    outcome = parse_text(
        "河南省安阳市文峰区人民法院\n民事判决书\n（2019）豫0502民初3456号\n"
        "原告：张秀兰，女，1966年7月8日出生，汉族，住安阳市北关区。\n"
        "被告：安阳市宏远机械制造有限公司，住所地安阳市文峰区中华路南段16号。\n"
        "法定代表人：孙立军，经理。\n"
        "原告张秀兰与被告安阳市宏远机械制造有限公司确认劳动关系纠纷一案，本院于2019年10月21日立案后，"
        "依法适用简易程序公开开庭进行了审理。\n"
        "原告张秀兰向本院提出诉讼请求：1.确认原告与被告自2002年1月至2016年12月存在劳动关系；"
        "2.被告支付经济补偿金18000元。\n" + answer + "\n"
        "本院认为，双方存在劳动关系。判决如下：\n确认原告张秀兰与被告自2002年1月至2016年12月存在劳动关系。\n")
    assert outcome.record is not None, outcome.problems
    return outcome.record.to_dict()


@pytest.mark.parametrize(("answer", "fired"), [
    ("被告辩称，认可存在劳动关系，但不同意支付经济补偿金。", {"CLAIM_PARTIAL_ADMISSION"}),
    ("被告辩称，原告确系被告职工，但被告已足额支付工资，不欠原告工资。", {"CLAIM_PARTIAL_ADMISSION"}),
    ("被告辩称，双方确实存在劳动关系，但原告请求的经济补偿金计算有误。", {"CLAIM_PARTIAL_ADMISSION"}),
    # an unnamed part admitted is neither a plain yes nor a proven partial admission
    ("被告辩称，对原告的诉讼请求部分认可。", set()),
    ("被告辩称，同意确认。", {"CLAIM_NO_OBJECTION"}),
])
def test_what_the_employers_answer_fires(tmp_path: Path, answer: str, fired: set[str]) -> None:
    frame = frame_of(tmp_path, [_parsed_answer(answer)])
    assert {r for r in ("CLAIM_PARTIAL_ADMISSION", "CLAIM_NO_OBJECTION") if hits(frame, r)} == fired
