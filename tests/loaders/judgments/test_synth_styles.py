"""Wording seen in generated and real documents that has no 辩称 / 请求 landmark."""

from __future__ import annotations

import pytest

from ringtrace.loaders.judgments import parse_text

BASE = """河南省安阳市文峰区人民法院
民 事 判 决 书
（2021）豫0502民初100号
原告：张桂兰，女，1968年5月2日出生，汉族，住河南省安阳市文峰区光明路12号。
被告：安阳市恒达废旧物资回收有限公司，住所地安阳市文峰区中华路8号。
法定代表人：李强，经理。
委托代理人：杨俊峰，河南龙图律师事务所律师。
原告张桂兰与被告安阳市恒达废旧物资回收有限公司确认劳动关系纠纷一案，本院于2021年3月1日立案后，依法适用简易程序公开开庭进行了审理。原告张桂兰、被告安阳市恒达废旧物资回收有限公司的委托代理人杨俊峰到庭参加诉讼。本案现已审理终结。
CLAIM
ANSWER
EVIDENCE
本院认为，原告与被告存在劳动关系。判决如下：
确认原告张桂兰与被告安阳市恒达废旧物资回收有限公司自2003年1月1日至2018年5月2日期间存在劳动关系。
二〇二一年三月十日
"""
CLAIM = "原告张桂兰诉称：确认原告自2003年1月1日至2018年5月2日在被告处工作，双方存在劳动关系。"


def _parse(claim: str = CLAIM, answer: str = "", evidence: str = ""):
    text = BASE.replace("CLAIM", claim).replace("ANSWER", answer).replace("EVIDENCE", evidence)
    record = parse_text(text).record
    assert record is not None
    return record


@pytest.mark.parametrize(("answer", "expected"), [
    ("被告对原告诉求无异议。", "no_objection"),
    ("被告认可原告主张的事实及数额。", "admits"),
    ("", "unknown"),
])
def test_an_answer_without_a_defence_landmark(answer: str, expected: str) -> None:
    assert _parse(answer=answer).defendant_response == expected


def test_a_narrative_claim_stating_the_relationship_is_confirmation_only() -> None:
    record = _parse()
    assert record.claim_kind == "confirmation_only"
    assert (record.claimed_start, record.claimed_end) == ("2003-01-01", "2018-05-02")


def test_evidence_sentences_become_spans() -> None:
    record = _parse(evidence="原告提交了职工花名册、工资发放表、招工登记表等证据。")
    assert [s.text for s in record.spans if s.kind == "evidence"] == [
        "原告提交了职工花名册、工资发放表、招工登记表等证据。"]


def test_an_attendance_list_never_makes_one_agent_act_for_both_sides() -> None:
    [agent] = _parse().agents
    assert agent.represents == ["安阳市恒达废旧物资回收有限公司"]
