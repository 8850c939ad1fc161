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


def test_a_mirror_pages_notice_is_addressed_below_its_field_block() -> None:
    """Judgment mirrors put a page title and a field block (案号, 当事人…) before the notice: its
    addressee is the name line followed by the notice's 你… sentence, wherever it stands."""
    page = ["首页 | 裁判文书 | 法律法规", "周某兰、南阳市某某煤业有限公司确认劳动关系纠纷不予受理通知书",
            "案号：南劳人仲案不字[2019]88号",
            "案件名称：周某兰、南阳市某某煤业有限公司确认劳动关系纠纷不予受理通知书",
            "法院：南阳市劳动人事争议仲裁委员会", "裁判日期：2020-06-29", "案由：确认劳动关系纠纷",
            "当事人：周某兰、南阳市某某煤业有限公司", "南阳市劳动人事争议仲裁委员会", "不予受理通知书",
            "南劳人仲案不字[2019]88号", "周某兰：",
            "你于2019年12月2日向本委提出的与南阳市某某煤业有限公司确认劳动关系自2010年3月至2016年4月的"
            "仲裁申请收悉。经审查，超过仲裁申请时效，本委决定不予受理。", *NOTICE_LINES[5:],
            "来源：中国裁判文书网", "相关文书", "洛劳人仲案字〔2017〕288号劳动争议一审民事判决书"]
    record = _record("\n\n".join(page) + "\n")
    assert [(p.name, p.side) for p in record.parties] == [
        ("周某兰", "worker"), ("南阳市某某煤业有限公司", "employer")]
    assert record.related_case_numbers == []  # the page's list of other documents is not cited


def test_a_repost_of_a_model_notice_without_title_or_number() -> None:
    """The model notice closes with 如不服本通知… instead of 特此通知: it is still a notice."""
    record = _record("【案例】一则仲裁不予受理\n\n孙**：\n你于2022年3月4日向本委提出的与新乡市某某餐饮管理有限公司"
                     "确认劳动关系自2021年7月至2021年12月的仲裁申请收悉。经审查，不属于劳动人事争议处理范围，"
                     "本委决定不予受理。\n如不服本通知，可自收到本通知书之日起十五日内向人民法院提起诉讼。\n"
                     "新乡市劳动人事争议仲裁委员会\n2022年6月8日\n")
    assert record.document_type == "不予受理通知书" and record.outcome == "not_accepted"
    assert [(p.name, p.side) for p in record.parties] == [
        ("孙**", "worker"), ("新乡市某某餐饮管理有限公司", "employer")]
