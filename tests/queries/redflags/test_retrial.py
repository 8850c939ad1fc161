"""RETRIAL_SHAM: a confirmation that a retrial revoked as a sham suit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ringtrace.loaders.judgments import parse_text
from ringtrace.queries.frame import Frame
from ringtrace.queries.redflags import run_all
from ringtrace.queries.redflags.common import confirmation_cases
from ringtrace.queries.rules import load_rules
from ringtrace.queries.scoring import rule_scores
from tests.conftest import retrial_text, sham_case
from tests.queries.redflags.helpers import frame_of, hits

ORIGINAL = "(2021)豫0502民初1号"


def _retrial(**kw: Any) -> dict[str, Any]:
    record = parse_text(retrial_text(ORIGINAL, **kw), "retrial.txt").record
    assert record is not None
    return record.to_dict()


def _award() -> dict[str, Any]:
    """The arbitration mediation before the suit: same applicant and employer."""
    award = sham_case(9, "张桂兰", "1968-05-02")
    award.update(case_number="安劳人仲案字〔2020〕第88号", forum="安阳市劳动人事争议仲裁委员会",
                 forum_kind="arbitration", document_type="仲裁调解书", procedure="仲裁",
                 outcome="mediated")
    return award


def _province(tmp_path: Path, retrial: dict[str, Any]) -> Frame:
    original = sham_case(1, "张桂兰", "1968-05-02")
    original.update(document_type="调解书", outcome="mediated")
    other = sham_case(2, "刘秀英", "1967-02-02")  # the same agent and employer: not revoked
    return frame_of(tmp_path, [original, other, _award(), retrial])


def _number(frame: Frame, case_id: str) -> str:
    return frame.cases[case_id].case_number


def test_the_revoked_confirmation_and_its_award_are_confirmed_shams(tmp_path: Path) -> None:
    frame = _province(tmp_path, _retrial())
    found = hits(frame, "RETRIAL_SHAM")
    assert sorted(_number(frame, f.subject) for f in found) == [ORIGINAL, "安劳人仲案字〔2020〕第88号"]
    first = next(f for f in found if _number(frame, f.subject) == ORIGINAL)
    assert [e.case_number for e in first.evidence] == ["（2023）豫0502民再3号"] * 2
    assert "属于虚假诉讼" in first.evidence[0].detail
    assert "撤销本院(2021)豫0502民初1号民事调解书" in first.evidence[1].detail
    # the ruling itself confirms nothing: no confirmation case, nothing to find in it
    ruling = next(c for c in frame.cases.values() if c.case_number.endswith("民再3号"))
    assert ruling not in confirmation_cases(frame)


def test_a_cited_number_of_other_parties_is_no_label(tmp_path: Path) -> None:
    """A precedent the retrial cites, not revoked and naming neither party, stays unlabelled."""
    reasoning = ("本院再审认为，参照本院(2021)豫0502民初2号案件的处理，{a}与{e}恶意串通，虚构劳动关系，"
                 "属于虚假诉讼。")
    other = sham_case(2, "刘秀英", "1967-02-02", employer="安阳市另一家建材有限公司", agent="赵六")
    original = sham_case(1, "张桂兰", "1968-05-02")
    frame = frame_of(tmp_path, [original, other, _retrial(reasoning=reasoning)])
    assert [_number(frame, f.subject) for f in hits(frame, "RETRIAL_SHAM")] == [ORIGINAL]


def test_a_coworkers_suit_the_retrial_cites_is_no_label(tmp_path: Path) -> None:
    """Another applicant's suit against the same employer, which the retrial cites and does
    not revoke, is no label: the court found 张桂兰's suit a sham, not 刘秀英's (rev26)."""
    reasoning = ("本院再审认为，{e}在本院(2021)豫0502民初2号案件中亦未到庭答辩，{a}与{e}恶意串通，"
                 "虚构劳动关系，属于虚假诉讼。")
    frame = _province(tmp_path, _retrial(reasoning=reasoning))
    assert sorted(_number(frame, f.subject) for f in hits(frame, "RETRIAL_SHAM")) == \
        [ORIGINAL, "安劳人仲案字〔2020〕第88号"]


def test_an_upheld_or_otherwise_revoked_confirmation_is_no_label(tmp_path: Path) -> None:
    upheld = _retrial(reasoning="本院再审认为，原调解书认定事实清楚，应予维持。", operative="维持原判。")
    procedure = _retrial(reasoning="本院再审认为，原审未依法通知当事人到庭，违反法定程序，应予撤销。",
                         operative="一、撤销本院{n}民事调解书；\n二、本案发回重审。")
    rejected = _retrial(reasoning="本院再审认为，抗诉机关关于本案系虚假诉讼的意见，缺乏事实依据，本院不予采纳。"
                                  "但原审遗漏必要当事人，应予撤销。")
    for n, retrial in enumerate((upheld, procedure, rejected)):
        frame = _province(tmp_path / str(n), retrial)
        assert hits(frame, "RETRIAL_SHAM") == []


def test_the_court_outweighs_the_papers_the_scheme_forged(tmp_path: Path) -> None:
    """A revoked suit that cites a bank statement and claims wages is still a lead."""
    original = sham_case(1, "张桂兰", "1968-05-02")
    original.update(claim_kind="with_amounts", claim_amounts=[36000.0])
    original["spans"].append({"kind": "evidence", "text": "原告提交了银行工资流水及社会保险缴费记录。"})
    frame = frame_of(tmp_path, [original, _retrial()])
    config = load_rules()
    findings = run_all(frame, config)
    scores = rule_scores(findings, config)
    [case] = [c for c in frame.cases.values() if c.case_number == ORIGINAL]
    assert {"RETRIAL_SHAM", "EVID_INDEPENDENT", "CLAIM_MONEY"} <= set(scores[case.id].rules)
    assert scores[case.id].rule_score >= float(config.scoring.lead_threshold)
    ruling = next(c for c in frame.cases if c != case.id)
    assert ruling not in scores or scores[ruling].rule_score < float(config.scoring.lead_threshold)


def test_a_copy_without_a_number_is_found_by_its_parties(tmp_path: Path) -> None:
    """A repost prints no case number: the confirmation between the retrial's applicant and
    employer is the revoked suit; another applicant's unnumbered suit there is not."""
    repost = sham_case(1, "张桂兰", "1968-05-02")
    other = sham_case(2, "刘秀英", "1967-02-02")
    for case in (repost, other):
        case["case_number"] = None
        case["doc_id"] = f"repost-{case['parties'][0]['name']}"
    frame = frame_of(tmp_path, [repost, other, _retrial()])
    [found] = hits(frame, "RETRIAL_SHAM")
    assert [w.name for w in frame.cases[found.subject].workers] == ["张桂兰"]
