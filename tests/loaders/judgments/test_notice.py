"""Refusal notices (不予受理通知书) addressed to the applicant by name, without party labels."""

from __future__ import annotations

import pytest

from ringtrace.graph.records import CaseRecord
from ringtrace.loaders.judgments import parse_text


def _record(text: str) -> CaseRecord:
    outcome = parse_text(text)
    assert outcome.record is not None, outcome.problems
    return outcome.record


# the model notice of the 劳动人事争议仲裁办案规则 says when the application came in before the
# other side's name; some commissions print the addressee's ID number after the name
@pytest.mark.parametrize(("addressee", "sentence", "employer"), [
    ("张某某", "你（单位）于2021年3月1日向本委提出的与安阳市某某废旧物资回收有限公司确认劳动关系争议的仲裁申请，"
     "经审查，不符合《劳动人事争议仲裁办案规则》第三十条规定的受理条件，本委决定不予受理。",
     "安阳市某某废旧物资回收有限公司"),
    ("李某", "你于2020年6月2日向本委申请的与郑州某某建筑劳务有限公司之间确认劳动关系争议一案，经审查，"
     "你的申请不属于劳动人事争议处理范围，本委决定不予受理。", "郑州某某建筑劳务有限公司"),
    ("王某英", "你（单位）于2019年11月4日提出的与林州市某某钢铁有限公司经济补偿争议的仲裁申请，经审查，"
     "已超过仲裁申请时效，本委决定不予受理。", "林州市某某钢铁有限公司"),
    ("赵某（身份证号：410502196512******）", "你（单位）于2021年4月6日向本委提出的与安阳某某物资有限公司"
     "确认劳动关系争议的仲裁申请，经审查，本委决定不予受理。", "安阳某某物资有限公司"),
], ids=["model-notice", "without-unit", "without-commission", "id-after-name"])
def test_notice_naming_the_employer_after_the_filing_date(addressee: str, sentence: str,
                                                          employer: str) -> None:
    record = _record("安阳市劳动人事争议仲裁委员会\n不予受理通知书\n安劳人仲不字〔2021〕24号\n"
                     f"{addressee}：\n    {sentence}如你（单位）对本通知不服，可自收到本通知之日起十五日内"
                     "向人民法院提起诉讼。\n特此通知。\n安阳市劳动人事争议仲裁委员会\n2021年3月5日\n")
    name = addressee.split("（")[0]
    assert [(p.name, p.role, p.side) for p in record.parties] == [
        (name, "plaintiff", "worker"), (employer, "defendant", "employer")]
    assert (record.case_number, record.forum, record.forum_kind) == (
        "安劳人仲不字〔2021〕24号", "安阳市劳动人事争议仲裁委员会", "arbitration")
    assert (record.document_type, record.outcome) == ("不予受理通知书", "not_accepted")
    assert record.decision_date == "2021-03-05"  # signed in Arabic numerals on its own line


def test_a_date_recited_in_a_sentence_is_not_the_signature() -> None:
    record = _record("李某：\n你于2020年6月2日向本委申请的与郑州某某建筑劳务有限公司确认劳动关系争议，本委决定不予受理。\n"
                     "特此通知。\n郑州市劳动人事争议仲裁委员会\n")
    assert record.decision_date is None
    signed = _record("李某：\n你于2020年6月2日向本委申请的与郑州某某建筑劳务有限公司确认劳动关系争议，本委决定不予"
                     "受理。\n特此通知。\n郑州市劳动人事争议仲裁委员会\n二〇二〇年六月八日\n")
    assert signed.decision_date == "2020-06-08"


NOTICE_LINES = ["安阳市劳动人事争议仲裁委员会", "不予受理通知书", "安劳人仲不字（2020）第36号", "王某强：",
                "你于2020年2月11日向本委提出的与安阳市某某物业服务有限公司确认劳动关系争议的仲裁申请，经审查，"
                "申请人的仲裁请求已超过仲裁时效。根据《劳动人事争议仲裁办案规则》第三十条的规定，本委决定不予受理。",
                "如不服本通知，可自收到本通知之日起十五日内向人民法院提起诉讼。", "二〇二〇年三月十五日"]


@pytest.mark.parametrize("text", [
    # a web copy with a blank line between paragraphs
    "\n\n".join(NOTICE_LINES) + "\n",
    # Word-exported HTML: one <p> a paragraph, the number split by <span>s
    "<html><body>" + "".join(f'<p class="MsoNormal"><span>{line}</span></p>' for line in NOTICE_LINES)
    .replace("（2020）第36号", "（20<span>2</span>0）第<span>3</span>6号") + "</body></html>",
], ids=["blank-lines", "word-html"])
def test_notice_with_blank_lines_before_the_addressee(text: str) -> None:
    record = _record(text)
    assert [(p.name, p.role, p.side) for p in record.parties] == [
        ("王某强", "plaintiff", "worker"), ("安阳市某某物业服务有限公司", "defendant", "employer")]
    assert (record.case_number, record.document_type) == ("安劳人仲不字（2020）第36号", "不予受理通知书")
