"""The body: claims and period, the employer's answer, absence, outcome, dates."""

from __future__ import annotations

import pytest

from ringtrace.graph.records import CaseRecord
from ringtrace.loaders.judgments import parse_text
from ringtrace.loaders.judgments.claims import purpose_sentences
from ringtrace.loaders.judgments.outcome import classify_outcome
from ringtrace.loaders.judgments.response import classify_response

HEAD = ("某某县人民法院\n民事判决书\n（2021）豫0502民初100号\n"
        "原告：张某，女，1966年7月8日出生，汉族。\n被告：安阳市某某回收有限公司，住所地安阳市。\n"
        "法定代表人：孙某，经理。\n")


def _record(body: str) -> CaseRecord:
    return _parsed(HEAD + body)


def _parsed(text: str) -> CaseRecord:
    outcome = parse_text(text)
    assert outcome.record is not None, outcome.problems
    return outcome.record


@pytest.mark.parametrize(("answer", "expected"), [
    ("对原告的诉讼请求无异议", "no_objection"), ("对原告所述事实没有异议，同意原告的诉讼请求", "no_objection"),
    ("认可原告在我公司工作", "admits"), ("原告所述属实", "admits"),
    ("不认可原告的诉讼请求", "contests"), ("对原告主张有异议，双方不存在劳动关系", "contests"),
    ("无异议，但原告已超过仲裁时效，请求驳回", "contests"), ("请求依法裁判", "unknown"),
    # a plea that it cannot pay admits the debt; a dispute about the amount is partial
    ("认可拖欠原告工资的事实，但因经营困难暂无力支付", "admits"),
    ("对工作期间无异议，但工资数额过高，被告现经营困难，无力支付", "partial"),
    ("原告确系被告职工，双方存在劳动关系", "admits"),
    # the relationship granted, the money not: a closing firm's answer, not a colluder's
    ("同意确认劳动关系，但公司现已停产，没有能力支付原告主张的款项", "partial"),
    ("原告曾在我处工作，但主张的加班费没有依据，不同意支付", "partial"),
    # the back-payment left to the applicant is what a bought confirmation does: no dispute
    ("同意确认劳动关系，但公司无力承担补缴养老保险的费用", "no_objection"),
    ("同意确认劳动关系，但公司无力为原告缴纳社会保险", "no_objection"),
    # the work granted, its start disputed
    ("原告的入职时间与实际不符，原告系2014年才到我处工作，对其余事实没有异议", "partial"),
    ("原告不曾在我处工作，不同意原告的请求", "contests"),
    ("原告的请求已超过仲裁时效，且原告主张的工作期间与事实不符", "contests"),  # grants nothing
    ("原告的入职时间与实际不符，对其余事实没有异议", "partial"),  # the rest granted
    # the worker's claim recited and denied is no admission of the work
    ("原告所称曾在被告处工作不属实，请求驳回", "contests"),
    ("原告主张其曾在我公司工作，与事实不符，不同意原告的请求", "contests"),
    # 原告方 / 双方 is a side, not 方 "only then": no disputed start
    ("对原告的诉讼请求无异议，同意原告方到社保部门工作人员处办理补缴", "no_objection"),
    ("对原告的诉讼请求无异议，双方到劳动部门工作人员处办理了手续", "no_objection"),
    ("对原告的诉讼请求无异议，原告2014年方到我处工作", "partial"),
])
def test_answers_are_classified_with_negations_first(answer: str, expected: str) -> None:
    assert classify_response(answer) == expected


AWARD_HEAD = ("安阳市劳动人事争议仲裁委员会\n仲裁裁决书\n安劳人仲案字〔2020〕第123号\n"
              "申请人：李桂英，女，汉族，1968年4月15日出生，住河南省安阳市龙安区。\n"
              "被申请人：安阳市恒达机械有限公司，住所地安阳市文峰区光明路西段88号。\n"
              "法定代表人：赵志刚，总经理。\n"
              "申请人李桂英与被申请人安阳市恒达机械有限公司确认劳动关系争议一案，本委于2020年5月28日受理后，"
              "依法组成仲裁庭公开开庭进行了审理。\n"
              "申请人仲裁请求：1.确认申请人与被申请人自2003年3月1日至2018年2月28日期间存在劳动关系；"
              "2.被申请人支付拖欠工资36000元、经济补偿金15000元。\n")


@pytest.mark.parametrize(("answer", "expected"), [
    # the relationship or the work admitted, the money disputed: partial, not a plain yes
    ("被告辩称，认可存在劳动关系，但不同意支付经济补偿金。", "partial"),
    ("被告辩称，认可原告在被告处工作，但原告主张的工资标准过高。", "partial"),
    ("被告辩称，对双方存在劳动关系无异议，但原告主张的加班费没有依据。", "partial"),
    ("被告辩称，双方确实存在劳动关系，但原告请求的经济补偿金计算有误。", "partial"),
    ("被告辩称，原告确系被告职工，但被告已足额支付工资，不欠原告工资。", "partial"),
    ("被告辩称，对原告的诉讼请求部分认可，认可双方存在劳动关系，对工资数额不予认可。", "partial"),
    ("被申请人答辩称，对申请人在我公司工作的事实无异议，但申请人主张的工资数额过高，公司目前无力支付。",
     "partial"),
    # part of the claim admitted, the part unnamed: never a plain no-objection
    ("被告辩称，对原告的诉讼请求部分认可。", "contests"),
    # plain agreement
    ("被告辩称，同意确认。", "no_objection"),
    ("被告辩称，同意确认双方存在劳动关系。", "no_objection"),
    ("被告辩称，原告所诉属实，被告同意确认与原告之间的劳动关系。", "no_objection"),
    ("被告辩称，对原告的诉讼请求不持异议。", "no_objection"),
    ("被申请人认可申请人的全部仲裁请求。", "admits"),
    # still a plea of poverty, not a dispute
    ("被告辩称，认可拖欠原告工资的事实，但因经营困难暂无力支付。", "admits"),
])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_answers_as_courts_and_commissions_write_them(answer: str, expected: str,
                                                     script: str) -> None:
    if answer.startswith("被申请人"):
        text = AWARD_HEAD + answer + "\n经审理查明：申请人于2003年3月1日进入被申请人处工作。\n"
    else:
        text = HEAD + ("原告张某向本院提出诉讼请求：1.确认原告与被告自2002年1月至2016年12月存在劳动关系；"
                       "2.被告支付拖欠工资36000元。\n") + answer + "\n"
    if script == "traditional":
        text = pytest.importorskip("opencc").OpenCC("s2t").convert(text)
    assert _parsed(text).defendant_response == expected


@pytest.mark.parametrize(("operative", "procedure", "expected"), [
    ("确认原告与被告自2002年1月至2016年12月存在劳动关系。", "一审", "confirmed"),
    ("一、确认原告与被告存在事实劳动关系；二、驳回原告的其他诉讼请求。", "一审", "confirmed"),
    ("确认原告与被告之间不存在劳动关系。", "一审", "denied"),
    ("驳回原告的诉讼请求。", "一审", "denied"),
    ("驳回原告的起诉。", "一审", "dismissed"),
    ("准许原告撤回起诉。", "一审", "withdrawn"),
    ("驳回上诉，维持原判。", "二审", "upheld"),
    ("一、撤销某某法院（2014）民初1号民事判决；二、确认双方存在劳动关系。", "二审", "reversed"),
    ("撤销原判，发回某某法院重审。", "再审", "reversed"),
    ("双方自愿达成如下协议：确认双方存在劳动关系。", "一审", "mediated"),
    ("本案按撤诉处理。", "一审", "withdrawn"),
    # a retrial that keeps what it reviewed names it by number rather than 原判
    ("维持本院（2022）豫0506民初1247号民事调解书。", "再审", "upheld"),
    ("维持本院(2016)豫0526民初2421号民事判决。", "再审", "upheld"),
    ("维持某某县人民法院（2019）豫0502民初88号民事判决。", "再审", "upheld"),
    # revoking part and keeping the rest changes what was decided
    ("一、撤销本院（2019）豫0502民初88号民事判决第二项；二、维持本院（2019）豫0502民初88号民事判决第一项。",
     "再审", "reversed"),
])
def test_outcomes(operative: str, procedure: str, expected: str) -> None:
    assert classify_outcome(operative, procedure) == expected


def test_confirmation_only_claim_with_fees_is_not_a_money_claim() -> None:
    record = _record("原告向本院提出诉讼请求：1.确认原告与被告自2002年1月起至2016年12月止存在劳动关系；"
                     "2.本案诉讼费10元由被告负担。事实和理由：原告为补缴养老保险，诉至法院。\n")
    assert (record.claim_kind, record.claim_amounts) == ("confirmation_only", [])
    assert (record.claimed_start, record.claimed_end) == ("2002-01", "2016-12")
    assert [s.text for s in record.spans if s.kind == "purpose"] == [
        "事实和理由：原告为补缴养老保险，诉至法院。"]


def test_a_claim_written_as_one_sentence_without_a_colon() -> None:
    record = _record("原告张某与被告确认劳动关系纠纷一案，本院于2021年3月1日立案后公开开庭进行了审理。\n"
                     "原告张某请求依法确认原告与被告之间自1998年至2014年存在事实劳动关系。\n"
                     "原告张某称：原告于1998年到被告处从事记账工作。\n")
    assert record.claim_kind == "confirmation_only"
    assert (record.claimed_start, record.claimed_end) == ("1998", "2014")


@pytest.mark.parametrize(("claim", "kind", "amounts"), [
    ("原告张某请求依法判令：被告支付原告拖欠工资33300元、经济补偿金21600.25元。", "with_amounts",
     [33300.0, 21600.25]),
    ("原告张某请求判令被告支付原告拖欠工资5000元。", "with_amounts", [5000.0]),
    ("原告张某请求依法裁决：确认原告与被告自2011年2月起存在劳动关系。", "confirmation_only", []),
])
def test_a_claim_asking_the_court_to_order_without_a_claim_heading(
        claim: str, kind: str, amounts: list[float]) -> None:
    record = _record("原告张某与被告劳动争议一案，本院于2021年3月1日立案后公开开庭进行了审理。\n"
                     + claim + "\n原告张某称：原告于2011年2月12日到被告处从事搬运工作。\n")
    assert (record.claim_kind, record.claim_amounts) == (kind, amounts)


def test_a_notice_reciting_the_request_without_a_speaker() -> None:
    record = _record("你与某某有限公司劳动争议的仲裁申请收悉。请求依法判令：被申请人支付申请人拖欠工资26000元。"
                     "经审查，本委决定不予受理。\n")
    assert (record.claim_kind, record.claim_amounts) == ("with_amounts", [26000.0])


def test_a_notice_reciting_a_bare_request_to_confirm() -> None:
    record = _record("申请人张某于2013年1月19日向本委提出的与被申请人某某贸易有限公司劳动争议的仲裁申请收悉。"
                     "请求依法确认申请人与被申请人之间自2010年8月至2012年6月存在劳动关系。经审查，本委决定不予受理。\n")
    assert record.claim_kind == "confirmation_only"
    assert (record.claimed_start, record.claimed_end) == ("2010-08", "2012-06")


def test_a_story_claim_is_not_replaced_by_a_later_mention_of_the_request() -> None:
    record = _record("原告王某诉称：确认原告自2012年12月20日至2013年5月17日在被告处工作，双方存在劳动关系。"
                     "事实和理由：原告于2012年12月20日到被告处从事门卫工作。原告为申请工伤认定，特提出诉讼请求。\n")
    assert record.claim_kind == "confirmation_only"
    assert (record.claimed_start, record.claimed_end) == ("2012-12-20", "2013-05-17")


@pytest.mark.parametrize("answer", ["被告辩解称，原告并非被告职工，双方不存在劳动关系，请求驳回原告的诉讼请求。",
                                    "被告辩解：不同意原告的请求，原告从未与被告建立劳动关系。"])
def test_an_answer_introduced_by_bian_jie(answer: str) -> None:
    record = _record("原告张某与被告劳动争议一案，本院于2021年3月1日立案后公开开庭进行了审理。\n"
                     "原告向本院提出诉讼请求：确认原告与被告自2011年2月起存在劳动关系。\n" + answer + "\n")
    assert record.defendant_response == "contests"


def test_a_claimed_period_followed_by_a_money_item_of_the_same_claim() -> None:
    record = _record("原告李某向本院提出诉讼请求：确认原告与被告自2011年12月25日至2015年2月4日期间存在劳动关系，"
                     "被告向原告支付拖欠工资33670元、未签订劳动合同二倍工资差额7700元。\n")
    assert (record.claimed_start, record.claimed_end) == ("2011-12-25", "2015-02-04")
    money = _record("原告李某向本院提出诉讼请求：被告支付原告2014年1月至2014年12月未签订劳动合同二倍工资差额"
                    "22000元；确认原告自2013年3月起与被告存在劳动关系。\n")
    assert money.claimed_start == "2013-03"  # the 二倍工资 months are money, not the employment


def test_a_period_whose_end_follows_the_relationship() -> None:
    """``确认原告与被告自2009年1月起建立劳动关系至2021年6月30日止``: the end comes after the
    relationship it ends (it was lost: the period read as open-ended)."""
    record = _record("原告向本院提出诉讼请求：一、确认原告与被告自2010年3月起建立劳动关系至2020年6月30日止；"
                     "二、判令被告支付原告违法解除劳动合同赔偿金41000元。\n")
    assert (record.claimed_start, record.claimed_end) == ("2010-03", "2020-06-30")
    assert record.claim_kind == "with_amounts"


def test_the_story_after_a_claim_is_not_the_claim() -> None:
    """``…存在劳动关系。原告诉称：其…每月工资1500元``: the wage told in the story is no money
    claimed - a bare confirmation stays one (it read as a money claim of 1500元)."""
    record = _record("原告张某向本院提出诉讼请求，要求判令：确认原告与被告于2001年4月1日至2016年3月31日期间存在"
                     "劳动关系。原告诉称：其于2001年4月到被告处上班，每月工资1200元，被告未为其缴纳社会保险。\n"
                     "被告辩称，对原告的诉讼请求无异议。\n")
    assert (record.claim_kind, record.claim_amounts) == ("confirmation_only", [])
    assert (record.claimed_start, record.claimed_end) == ("2001-04-01", "2016-03-31")
    money = _record("原告张某向本院提出诉讼请求：1.确认原告与被告于2018年3月5日至2019年4月30日期间存在劳动关系；"
                    "2.被告支付原告未签订劳动合同双倍工资差额55,000元。原告诉称：其每天工资260元，餐补20元。\n")
    assert (money.claim_kind, money.claim_amounts) == ("with_amounts", [55000.0])


def test_a_claim_added_in_court_after_the_story_is_still_claimed() -> None:
    """``…存在劳动关系。原告当庭陈述称：另要求被告支付拖欠工资8000元``: a claim added at the
    hearing is told with the same speech verb as a story, but it is a claim - the money owed
    is the worker's adverse interest and must not be lost (review25)."""
    record = _record("原告李某向本院提出诉讼请求：确认原告与被告于2003年5月1日至2017年8月31日期间存在劳动关系。"
                     "原告当庭陈述称：另要求被告支付拖欠工资8000元。\n"
                     "被告辩称，对原告的诉讼请求无异议。\n")
    assert (record.claim_kind, record.claim_amounts) == ("with_amounts", [8000.0])


def test_an_agreement_told_in_the_evidence_is_not_the_operative_part() -> None:
    """``3、备忘录，证明…因原告工伤双方达成协议``: an earlier agreement cited as evidence in a
    judgment cut before its operative part - not a mediation statement's agreement (it was read
    as 调解书, outcome mediated)."""
    outcome = parse_text("原告：蔡某，女，1971年5月2日出生，汉族，户籍地某某省某某市。\n"
                         "被告：某某歌舞团，住所地某某市。\n"
                         "原告蔡某与被告某某歌舞团确认劳动关系纠纷一案，本院于2019年6月1日立案后，依法适用简易程序进行了审理。\n"
                         "原告蔡某向本院提出诉讼请求：确认原告与被告于2017年1月3日至2018年4月9日期间存在劳动关系。\n"
                         "原告向本院提供了如下证据：\n1、工作证，证明原告为被告工作。\n"
                         "2、备忘录，证明因原告工伤双方达成协议。\n")
    assert outcome.record is not None
    assert (outcome.record.document_type, outcome.record.outcome) == ("unknown", "unknown")
    mediated = _parsed(HEAD.replace("民事判决书", "民事调解书") +
                       "经本院主持调解，双方当事人自愿达成协议：\n一、确认原告与被告于2001年至2015年存在劳动关系。\n")
    assert (mediated.document_type, mediated.outcome) == ("调解书", "mediated")


def test_a_labour_contract_named_as_the_cause_or_a_claim_is_no_evidence() -> None:
    """``…劳动合同纠纷一案``, ``违法解除劳动合同赔偿金``, ``违反劳动合同法``: 劳动合同 names the
    cause, a dismissal claim or the statute, and no paper is produced (each was quoted as
    documentary proof); a contract the worker hands in still is."""
    text = HEAD + (
        "原告张某与被告安阳市某某回收有限公司劳动合同纠纷一案，本院于2020年3月2日立案受理后，依法适用简易程序进行了审理。\n"
        "原告张某向本院提出诉讼请求：1.确认原告与被告自2012年5月至2019年8月存在劳动关系；"
        "2.判令被告支付原告违法解除劳动合同赔偿金36000元。事实与理由：被告的做法违反劳动合同法。\n")
    spans = [s.text for s in _parsed(text).spans if s.kind == "evidence"]
    assert spans == []
    cited = _parsed(text + "原告提交了劳动合同一份，证明双方存在劳动关系。\n")
    assert [s.text for s in cited.spans if s.kind == "evidence"] == ["原告提交了劳动合同一份，证明双方存在劳动关系。"]


def test_a_claimed_period_given_as_the_years_of_work() -> None:
    """``确认原告为某某农场职工（固定工），工作年限从1987年1月1日至2016年12月31日止``: an old
    state farm's worker claims the years of work, the relationship named far before them (no
    period was read)."""
    record = _record("原告向本院提出诉讼请求：1.依法判决，按原告与被告事实发生的劳动关系，被告确认原告为某某市某某区国营农场职工"
                     "（固定工），工作年限从1988年1月1日至2015年12月31日止；2.被告为原告办理参保。事实和理由："
                     "1979年至2009年，某某农场统筹生产，原告年满十八周岁即成为农场职工。\n")
    assert (record.claimed_start, record.claimed_end) == ("1988-01-01", "2015-12-31")


@pytest.mark.parametrize("cause", ["确认劳动关系及经济补偿金纠纷", "确认劳动关系、追索劳动报酬纠纷"])
def test_a_confirmation_joined_to_a_money_cause(cause: str) -> None:
    """``…确认劳动关系及经济补偿金纠纷一案``: the cause is both, never the money alone (the
    case fell out of the confirmation cases the rules read)."""
    record = _record(f"原告张某与被告安阳市某某回收有限公司{cause}一案，本院立案后，依法适用简易程序公开开庭进行了审理。\n")
    assert record.cause == cause


def test_a_factory_merged_into_the_employer_is_its_history() -> None:
    """``因某某造船厂于2000年左右并入了被告处``: the worker's factory merged into the defendant -
    the employer's past, told to explain a start before the defendant was founded."""
    record = _record("原告张某诉称，1966年9月1日原告进入某某造船厂工作。因某某造船厂于2000年左右并入了被告处，"
                     "故原告要求确认自1988年11月至2007年12月期间存在劳动关系。\n")
    assert [s.text for s in record.spans if s.kind == "history"] == [
        "因某某造船厂于2000年左右并入了被告处，故原告要求确认自1988年11月至2007年12月期间存在劳动关系。"]


def test_wages_merged_into_pay_are_no_employer_history() -> None:
    """``被告将原告的加班费并入工资发放``: pay items merged are no firm merged into the employer -
    only an enterprise (a factory, a company, a unit) that 并入 another is its history (review25)."""
    record = _record("原告张某诉称，2009年3月原告到被告处工作，被告将原告的加班费并入工资发放，"
                     "故原告要求确认自2009年3月至2020年12月期间存在劳动关系。\n")
    assert [s.text for s in record.spans if s.kind == "history"] == []


def test_the_end_of_a_long_story_after_the_work_carried_on() -> None:
    """``自1983年2月份开始…到被告处工作，…在被告处工作至2016年8月份``: a school worker's story
    tells of promises and five headmasters between the start and the end (the end was lost)."""
    record = _record(
        "原告齐某向本院提出诉讼请求：依法确认原告与被告之间存在劳动关系。事实和理由：原告自1984年3月份开始经人介绍到被告处"
        "工作，当时学校承诺先将原告转为学校计划内临时工，再转成合同制工作人员，但是一直没有兑现承诺，工作期间原告兢兢业业、"
        "任劳任怨，月工资1600元，被告一直没有与原告签订书面劳动合同，也未依法给原告交纳养老保险并办理退休手续。原告在校"
        "工作期间共经历四位校长在职，分别为甲某、乙某、丙某、丁某，原告在被告处工作至2015年9月份，被告未支付原告应享受的"
        "待遇。\n")
    assert (record.claimed_start, record.claimed_end) == ("1984-03", "2015-09")


def test_an_employers_appeal_reciting_the_workers_request() -> None:
    """Only the employer appealed, and it recites the worker's request after stating its own
    shorter period: the claimed period is the request's (none was read)."""
    record = _parsed(
        "某某市中级人民法院\n民事判决书\n（2021）闽01民终100号\n"
        "上诉人（原审原告）：某某控制设备厂，住所地某某市。\n法定代表人：***，清算组组长。\n"
        "被上诉人（原审被告）：***，男，1964年11月2日出生，汉族，住某某市。\n"
        "上诉人某某控制设备厂因与被上诉人***劳动争议一案，不服某某区人民法院（2021）闽0105民初100号民事判决，向本院提起上诉。\n"
        "某某控制设备厂上诉请求：1.撤销一审判决，改判支持其一审诉讼请求。事实和理由：一、***与某某控制设备厂之间曾经存在的"
        "劳动合同关系自1996年2月到1998年4月1日，***在2021年2月提起劳动仲裁，申请确认与某某控制设备厂的劳动合同关系存续"
        "时间为1986年9月至1998年11月，已经超过二十年期限。\n")
    assert (record.claimed_start, record.claimed_end) == ("1986-09", "1998-11")


def test_the_figures_that_work_an_amount_out_are_not_claimed() -> None:
    """``赔偿金48075元（3846元/月×12.5年）``: the monthly wage in the bracket works the sum out;
    counted, it would lift a token claim above the token threshold (and the items of a total
    in its bracket would count it twice)."""
    record = _record("原告向本院提出诉讼请求：一、确认原告与被告自2010年3月至2020年6月存在劳动关系；二、判令被告支付"
                     "违法解除劳动合同赔偿金41000元（4000元/月×10.25年）；三、支付工资8000元（其中基本工资5000元、"
                     "加班费3000元）。\n")
    assert record.claim_amounts == [41000.0, 8000.0]


def test_money_claims_have_amounts() -> None:
    record = _record("原告向本院提出诉讼请求：1.确认原告与被告存在劳动关系；2.判令被告支付工资1.2万元、"
                     "经济补偿金3,500元。\n")
    assert (record.claim_kind, record.claim_amounts) == ("with_amounts", [12000.0, 3500.0])


@pytest.mark.parametrize(("item", "amounts"), [
    ("被告支付拖欠工资12,345元", [12345.0]),
    ("被告支付经济补偿金1.2万元", [12000.0]),
    ("被告支付拖欠工资1．2万元", [12000.0]),  # a full-width decimal point, typed in full-width mode
    ("被告支付拖欠工资壹万贰仟元", [12000.0]),
    ("被告支付拖欠工资人民币12345.00元", [12345.0]),
    ("被告支付拖欠工资12345余元", [12345.0]),
    ("被告支付违法解除劳动合同赔偿金人民币叁万陆仟元整（¥36000元）", [36000.0]),
    ("被告支付未签订劳动合同二倍工资差额33000元（小写：33000元）", [33000.0]),
    ("被告支付拖欠工资3.5万元、经济补偿金2万元", [35000.0, 20000.0]),
])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_money_items_as_claims_print_them(item: str, amounts: list[float], script: str) -> None:
    body = ("原告张某向本院提出诉讼请求：1.确认原告与被告自2002年1月至2016年12月存在劳动关系；"
            f"2.{item}。事实和理由：原告自2002年1月到被告处工作。\n")
    if script == "traditional":
        s2t = pytest.importorskip("opencc").OpenCC("s2t")
        record = _parsed(s2t.convert(HEAD + body))
    else:
        record = _record(body)
    assert (record.claim_kind, record.claim_amounts) == ("with_amounts", amounts)


def test_claimed_start_from_the_story_when_the_claim_has_no_dates() -> None:
    record = _record("原告诉称：自1994年3月份开始被告聘用原告从事育苗工作，直至2015年12月离职。"
                     "请求确认双方存在劳动关系。\n")
    assert (record.claimed_start, record.claimed_end) == ("1994-03", "2015-12")


@pytest.mark.parametrize(("story", "end"), [
    # the employment ended with the employer: closure or restructuring, not a leaving verb
    ("原告自1998年3月进入被告处工作，直至2012年6月企业改制。", "2012-06"),
    ("原告于1998年3月进入被告处工作，2012年6月被告被吊销营业执照后，原告回家务农。", "2012-06"),
    ("原告于1998年3月进入被告处工作，2012年6月企业关闭，原告回家。", "2012-06"),
    ("原告于1998年3月进入被告处工作，2012年6月被告歇业。", "2012-06"),
    ("原告于1998年3月进入被告处工作，2012年6月被告被兼并。", "2012-06"),
    ("原告于1998年3月进入被告处工作，2012年6月被告解散并进入清算。", "2012-06"),
    ("原告于1998年3月进入被告处工作，至2012年6月企业破产。", "2012-06"),
    # ... unless the worker stayed on, or a leaving verb says when
    ("原告于1998年3月进入被告处工作，2010年6月被告停产，原告留守看厂至2015年3月离开。", "2015-03"),
    ("原告于1998年3月进入被告处工作，2005年被告改制，原告继续在改制后的公司工作至2016年12月离职。",
     "2016-12"),
])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_period_ending_with_the_employer(story: str, end: str, script: str) -> None:
    text = HEAD + "原告张某向本院提出诉讼请求：确认原告与被告存在劳动关系。事实和理由：" + story + "\n"
    if script == "traditional":
        text = pytest.importorskip("opencc").OpenCC("s2t").convert(text)
    record = _parsed(text)
    assert (record.claimed_start, record.claimed_end) == ("1998-03", end)


def test_a_claimed_period_ending_at_the_employers_closure() -> None:
    record = _record("原告张某向本院提出诉讼请求：确认原告与被告自1998年3月至被告2012年6月停产时止存在"
                     "劳动关系。\n")
    assert (record.claimed_start, record.claimed_end) == ("1998-03", "2012-06")


def test_absent_defendant_without_an_answer() -> None:
    record = _record("原告张某与被告安阳市某某回收有限公司确认劳动关系纠纷一案，本院于2018年1月2日立案后，依法"
                     "适用简易程序公开开庭进行了审理。被告经本院传票传唤无正当理由拒不到庭参加诉讼，本院依法缺席"
                     "审理。\n被告未到庭，亦未提交书面答辩意见。\n")
    assert (record.absent, record.defendant_response) == (True, "absent")
    assert (record.filing_date, record.simple_procedure) == ("2018-01-02", True)
    assert any(s.kind == "absence" and "拒不到庭" in s.text for s in record.spans)


def test_an_absent_plaintiff_is_not_an_absent_defendant() -> None:
    record = _record("原告经本院传票传唤无正当理由拒不到庭。\n被告辩称，不同意原告的诉讼请求。\n"
                     "本院认为，原告拒不到庭，裁定如下：\n本案按撤诉处理。\n")
    assert (record.absent, record.defendant_response, record.outcome) == (
        False, "contests", "withdrawn")


def test_an_absent_third_party_is_not_an_absent_defendant() -> None:
    """A copy without party lines names the third party only in the body; its absence is not
    the employer's (the 被告 named earlier in the same sentence came)."""
    record = _parsed("某某县人民法院\n民事判决书\n（2025）豫0502民初400号\n"
                     "原告王某英与被告安阳市某某通讯有限公司、第三人某某人力资源有限公司劳动争议一案，本院"
                     "于2025年3月12日立案后，依法适用普通程序公开开庭进行了审理。原告、被告到庭参加诉讼，"
                     "第三人经本院合法传唤无正当理由拒不到庭参加诉讼。本案现已审理终结。\n")
    assert [(p.role, p.name) for p in record.parties] == [
        ("plaintiff", "王某英"), ("defendant", "安阳市某某通讯有限公司")]
    assert (record.absent, record.defendant_response) == (False, "unknown")


def test_party_lines_stripped_of_their_names_keep_the_roles() -> None:
    """Some mirrors remove every name and leave ``原告。``: the parties stay, unnamed (masked),
    instead of phrases of the body (``原告拒绝调岗``) being taken for names."""
    record = _parsed("某某县人民法院\n民事判决书\n（2025）豫0502民初401号\n原告。\n被告。\n第三人。\n"
                     "原告与被告、第三人劳动争议一案，本院于2025年3月12日立案后公开开庭进行了审理。原告、被告"
                     "到庭参加诉讼，第三人经本院合法传唤无正当理由拒不到庭参加诉讼。\n原告向本院提出诉讼请求："
                     "确认原告和被告之间存在劳动关系。事实与理由：2024年6月领导约谈调岗，原告拒绝调岗。\n")
    assert [(p.role, p.name) for p in record.parties] == [
        ("plaintiff", "***"), ("defendant", "***"), ("third_party", "***")]
    assert (record.absent, record.defendant_response) == (False, "unknown")


@pytest.mark.parametrize("verb", ["作出", "做出"])
def test_signature_date_wins_over_recited_dates(verb: str) -> None:
    record = _record(f"原审法院于二Ｏ一六年十月二十四日{verb}判决。\n本院认为，判决如下：\n"
                     "确认原告与被告存在劳动关系。\n审判员　王某\n二〇一七年三月一日\n书记员　李某\n")
    assert record.decision_date == "2017-03-01"


# the employer's defences as real answers word them (the generator's always say 不存在劳动关系),
# with the parties' 质证 printed after the answer: an evidence sentence is never the answer
_DEFENCE_CLAIM = ("原告张某与被告安阳市某某回收有限公司确认劳动关系纠纷一案，本院于2021年3月2日立案后，依法适用"
                  "简易程序公开开庭进行了审理。\n原告张某向本院提出诉讼请求：确认原告与被告自2002年1月至2016年12月"
                  "存在劳动关系。事实和理由：原告于2002年1月进入被告处工作，至2016年12月离职。\n")
_DEFENCE_FACTS = ("经审理查明：原告于2002年1月进入被告处工作。\n原告提交了工资条等证据。被告对原告提交的证据"
                  "真实性无异议。\n本院认为，原告主张成立。\n判决如下：\n确认原告与被告存在劳动关系。\n审判员 王某\n")


@pytest.mark.parametrize(("answer", "expected"), [
    # another relationship named instead of the labour one
    ("被告辩称，双方系劳务关系，原告系临时工。", "contests"),
    ("被告辩称，双方系雇佣关系，请求驳回。", "contests"),
    ("被告辩称，原告为被告加工产品，双方系承揽关系。", "contests"),
    ("被告辩称，原告已达到法定退休年龄，双方不构成劳动关系。", "contests"),
    # the worker's status as the whole defence
    ("被告辩称，原告系临时工。", "contests"),
    ("被告辩称，原告系挂靠在被告处的车辆司机。", "contests"),
    ("被告辩称，原告系退休返聘人员。", "contests"),
    ("被告辩称，原告已达到法定退休年龄。", "contests"),
    # ... but beside an agreement or admission it only describes the worker
    ("被告辩称，原告系我厂临时工，同意确认劳动关系。", "no_objection"),
    ("被告辩称，原告所述属实，原告已达到法定退休年龄。", "admits"),
    ("被告辩称，认可原告在被告处工作，但原告系临时工。", "partial"),
    # the period disputed, the work granted
    ("被告辩称，原告实际入职时间为2008年。", "partial"),
    ("被告辩称，原告入职时间应为2008年3月，中间有中断。", "partial"),
    ("被告辩称，对劳动关系无异议，但原告入职时间应为2008年3月。", "partial"),
    ("被告辩称，双方系劳务关系，原告入职时间应为2008年3月。", "contests"),
    ("被告辩称，原告在被告处工作至今，一直未中断，对原告的诉讼请求无异议。", "no_objection"),
    # the story called partly true
    ("被告辩称，原告所述部分属实。", "partial"),
    ("被告辩称，原告所述部分属实，但双方系劳务关系。", "contests"),
    # evidence clauses inside the answer are not the answer
    ("被告辩称，对原告提交的证据真实性无异议，但认为不能证明双方存在劳动关系。", "contests"),
    ("被告辩称，对原告提交的证据无异议，对原告的诉讼请求无异议。", "no_objection"),
    ("被告辩称，请求依法裁判。", "unknown"),
])
def test_real_defences_and_evidence_sentences(answer: str, expected: str) -> None:
    record = _record(_DEFENCE_CLAIM + answer + "\n" + _DEFENCE_FACTS)
    assert record.defendant_response == expected
    quoted = [s.text for s in record.spans if s.kind == "defendant_response"]
    assert quoted == [answer.removeprefix("被告辩称，").rstrip("。")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("被告对原告提交的证据真实性无异议。", "unknown"),
    ("被告对工资条的三性均无异议，但对证明目的有异议。", "unknown"),
    ("被告对原告提交的证据真实性无异议，对原告的诉讼请求亦无异议。", "no_objection"),
])
def test_a_stated_answer_is_not_a_sentence_about_evidence(sentence: str, expected: str) -> None:
    facts = _DEFENCE_FACTS.replace("被告对原告提交的证据真实性无异议。", sentence)
    assert _record(_DEFENCE_CLAIM + facts).defendant_response == expected


_PURPOSE_CLAIM = ("原告张某向本院提出诉讼请求：确认原告与被告自2002年1月至2016年12月存在劳动关系。事实和理由：原告于"
                  "2002年1月进入被告处工作，至2016年12月离职。")
_PURPOSE_END = "本院认为，原告已达到法定退休年龄，其要求补缴养老保险不属本案审理范围。\n判决如下：\n确认原告与被告存在劳动关系。\n"


@pytest.mark.parametrize(("body", "purposes"), [
    # the employer telling the worker's age is its defence, not the worker's purpose
    (_PURPOSE_CLAIM + "\n被告辩称，原告已达到法定退休年龄，双方系雇佣关系。\n", []),
    (_PURPOSE_CLAIM + "\n被告辩称，对原告的诉讼请求无异议，原告已于2020年退休。\n", []),
    # nor are the facts the court found, nor its reasoning
    (_PURPOSE_CLAIM + "\n被告辩称，不同意原告的诉讼请求。\n经审理查明：原告现已退休，被告未为原告缴纳养老保险。\n", []),
    # the worker's own words: in its claim, its 事实和理由, the record, its own statement
    (_PURPOSE_CLAIM + "原告为补缴养老保险，诉至法院。\n被告辩称，原告已达到法定退休年龄。\n",
     ["原告为补缴养老保险，诉至法院。"]),
    ("原告张某为补缴养老保险，于2020年5月申请仲裁，仲裁委不予受理，原告不服诉至本院。\n" + _PURPOSE_CLAIM
     + "\n被告辩称，原告已达到法定退休年龄。\n", ["原告张某为补缴养老保险，于2020年5月申请仲裁，仲裁委不予受理，原告不服诉至本院。"]),
    ("原告张某向本院提出诉讼请求：1.确认原告与被告自2002年1月至2016年12月存在劳动关系；2.被告为原告补缴养老保险。\n"
     "被告辩称，原告系退休返聘人员。\n", ["2.被告为原告补缴养老保险。"]),
])
def test_a_purpose_is_the_workers_own(body: str, purposes: list[str]) -> None:
    record = _record(body + _PURPOSE_END)
    assert [s.text for s in record.spans if s.kind == "purpose"] == purposes


@pytest.mark.parametrize("story", [
    # retirement as an event of the worker's story, in a claim for wages: no purpose stated
    "原告于2003年3月到被告处工作至2018年8月退休，被告尚欠原告工资8000元。",
    "原告退休后，被告未支付其2018年的工资。",
    "原告已达到法定退休年龄，被告拖欠工资至今未付。",
])
def test_retirement_told_as_an_event_is_no_purpose(story: str) -> None:
    """A plain 退休 in a wage claim tells when the work ended, not why the worker sued
    (realdocs25); retirement to be arranged (办理退休手续, 享受退休待遇) is a purpose."""
    record = _record("原告张某向本院提出诉讼请求：1.确认原告与被告存在劳动关系；2.被告支付拖欠工资8000元。"
                     "事实和理由：" + story + "\n被告辩称，不同意原告的诉讼请求。\n")
    assert [s.text for s in record.spans if s.kind == "purpose"] == []
    arranged = _record("原告张某向本院提出诉讼请求：确认原告与被告存在劳动关系。事实和理由：" + story
                       + "原告为办理退休手续，诉至法院。\n被告辩称，不同意原告的诉讼请求。\n")
    assert [s.text for s in arranged.spans if s.kind == "purpose"] == ["原告为办理退休手续，诉至法院。"]
    assert purpose_sentences("原告为了日后老有所养，故向法院起诉。") == ["原告为了日后老有所养，故向法院起诉。"]


@pytest.mark.parametrize(("story", "end"), [
    # the year is printed once; the end that follows prints only the month and day of it
    ("原告于2003年3月到被告处工作，2018年5月被告停发工资，8月18日被告将原告辞退。", "2018-08-18"),
    ("原告于2003年3月到被告处工作，2018年5月被告停发工资，8月18日被被告以原告旷工为由辞退。",
     "2018-08-18"),
    ("原告于2003年3月到被告处工作，2018年5月起被告停发工资，原告于8月份离职。", "2018-08"),
    # a month of wages owed is no end
    ("原告于2003年3月到被告处工作，2018年5月被告拖欠8月份的工资，2019年1月原告离职。", "2019-01"),
    # a month before the last printed one is in the next year: the story runs forward
    ("原告于2003年3月到被告处工作，2018年11月被告全面停产放假，原告留守看管厂房设备，2月份原告离职。", "2019-02"),
    # a month dated by its prefix: the next year, the same year (closing26)
    ("原告于2003年3月到被告处工作，2018年11月被告停产，次年2月原告离职。", "2019-02"),
    ("原告于2003年3月到被告处工作，2018年8月被告停产，同年10月原告被辞退。", "2018-10"),
])
def test_an_end_printed_without_its_year_takes_the_year_told_before(story: str, end: str) -> None:
    """``8月18日被…辞退`` (realdocs25): a story gives the year once and then only months and
    days of the same year."""
    record = _record("原告张某向本院提出诉讼请求：确认原告与被告存在劳动关系。事实和理由：" + story
                     + "\n被告辩称，不同意原告的诉讼请求。\n")
    assert (record.claimed_start, record.claimed_end) == ("2003-03", end)


def test_a_purpose_in_a_workers_answer_to_the_employers_appeal() -> None:
    text = ("某某市中级人民法院\n民事判决书\n（2021）豫05民终100号\n"
            "上诉人（原审被告）：安阳市某某机械厂，住所地安阳市。\n法定代表人：孙某，厂长。\n"
            "被上诉人（原审原告）：张某，女，1966年7月8日出生，汉族。\n"
            "上诉人安阳市某某机械厂因与被上诉人张某确认劳动关系纠纷一案，不服一审判决，向本院提起上诉。\n"
            "安阳市某某机械厂上诉请求：撤销一审判决。事实和理由：张某已达到法定退休年龄，双方系劳务关系。\n"
            "张某辩称，其自1990年起在上诉人处工作，为办理退休手续才提起诉讼，请求驳回上诉。\n"
            "本院认为，双方存在劳动关系。判决如下：\n驳回上诉，维持原判。\n")
    record = _parsed(text)
    assert [s.text for s in record.spans if s.kind == "purpose"] == [
        "张某辩称，其自1990年起在上诉人处工作，为办理退休手续才提起诉讼，请求驳回上诉。"]


@pytest.mark.parametrize("story", [
    "原告于2003年3月到被告处工作，2016年8月停工，2017年2月离职。",
    "原告于2003年3月到被告处工作，2016年8月停发，2017年2月原告离职。",
    "原告于2003年3月到被告处工作，2016年8月停工，次年2月离职。",
])
def test_a_leaving_verb_belongs_to_the_date_right_before_it(story: str) -> None:
    """A leaving verb within a few characters of a date, with another date between, ends the
    employment at that other date (closing26: ``_ends_here`` took 2016-08 across the clause)."""
    record = _record("原告张某向本院提出诉讼请求：确认原告与被告存在劳动关系。事实和理由：" + story
                     + "\n被告辩称，不同意原告的诉讼请求。\n")
    assert (record.claimed_start, record.claimed_end) == ("2003-03", "2017-02")


@pytest.mark.parametrize("story", [
    # an old state or collective worker's story: hired by the plan, ended by the restructuring
    "原告于1985年3月招工进厂，2000年6月下岗。",
    "原告于1985年3月进厂，2000年6月买断工龄。",
    "原告1985年3月被招工到被告处，2000年6月内退。",
    "原告1985年3月参加工作，2000年6月待岗。",
    "原告于1985年3月接班进厂当工人，2000年6月被辞退。",
    "原告于1985年3月招工进厂，2000年6月被除名。",
    "原告于1985年3月进厂，2000年6月离岗回家。",
    "原告于1985年3月被招工进入被告处，2000年6月下岗，领取了下岗证。",
])
def test_a_planned_economy_story_period(story: str) -> None:
    record = _record("原告张某向本院提出诉讼请求：确认原告与被告存在劳动关系。事实和理由：" + story
                     + "\n被告辩称，不同意原告的诉讼请求。\n")
    assert (record.claimed_start, record.claimed_end) == ("1985-03", "2000-06")


@pytest.mark.parametrize(("answer", "expected"), [
    ("同意。", "no_objection"), ("不同意。", "contests"), ("无异议。", "no_objection"),
    ("认可。", "admits"), ("不认可。", "contests"),
])
def test_an_answer_of_one_word_is_an_answer(answer: str, expected: str) -> None:
    """Awards print answers that short (被申请人辩称：不同意。): a word shorter than the
    fragments the reader skips is still the employer's answer."""
    record = _record("原告张某与被告安阳市某某回收有限公司确认劳动关系纠纷一案，本院于2021年3月1日立案。\n"
                     "原告向本院提出诉讼请求：确认原告与被告自2003年1月至2018年5月存在劳动关系。\n"
                     f"被告辩称，{answer}\n本院认为，双方存在劳动关系。判决如下：\n"
                     "确认原告与被告自2003年1月至2018年5月存在劳动关系。\n")
    assert record.defendant_response == expected


@pytest.mark.parametrize(("agreement", "kind", "amounts"), [
    ("确认原告与被告自2000年8月至2013年8月存在劳动关系；双方再无其他争议。", "confirmation_only", []),
    ("一、确认原告与被告自2000年8月至2013年8月存在劳动关系；二、被告于2021年5月1日前支付原告经济补偿金"
     "20000元。", "with_amounts", [20000.0]),
    ("确认原告与被告自2000年8月至2013年8月存在劳动关系，双方工资已结清。", "unknown", []),
    # a payment whose amount is in 大写 only, or not named, is no bare confirmation
    ("确认原告与被告自2000年8月至2013年8月存在劳动关系；被告一次性支付原告款项（大写：壹万元整）。",
     "unknown", []),
    ("原告与被告于2013年8月31日解除劳动关系，被告支付原告一次性款项，双方再无其他争议。", "unknown", []),
    # the applicant waives their other claims: there were some, unprinted
    ("确认原告与被告自2000年8月至2013年8月存在劳动关系；原告放弃其他诉讼请求。", "unknown", []),
    # an agreement that ends the relationship without confirming it
    ("原告与被告于2013年8月31日解除劳动关系，双方再无其他争议。", "unknown", []),
    # a back-payment of social insurance is what a confirmation is for, not money claimed
    ("确认原告与被告自2000年8月至2013年8月存在劳动关系；被告为原告补缴上述期间的社会保险费。",
     "confirmation_only", []),
])
def test_a_bare_mediation_statement_claims_what_its_agreement_settles(
        agreement: str, kind: str, amounts: list[float]) -> None:
    """A 调解书 written as the parties and the agreement alone: what was settled is what was
    claimed, and the record says the claim was read from the agreement."""
    record = _parsed("某某县人民法院\n民事调解书\n（2021）豫0502民初300号\n"
                     "原告：张某，女，1966年7月8日出生，汉族。\n被告：安阳市某某回收有限公司，住所地安阳市。\n"
                     f"本案在审理过程中，经本院主持调解，双方当事人自愿达成如下协议：\n{agreement}\n"
                     "案件受理费10元，减半收取5元，由被告负担。\n")
    assert (record.outcome, record.claim_kind, record.claim_amounts) == ("mediated", kind, amounts)
    inferred = (record.inferred or {}).get("claim_kind")
    assert (inferred is not None) == (kind != "unknown")


@pytest.mark.parametrize("announced", [
    "双方当事人自愿达成协议，内容如下：\n", "双方当事人自愿达成调解协议，具体内容如下：\n",
    "双方当事人自愿达成协议。一、", "双方当事人自愿达成以下协议：\n", "双方当事人自愿达成了如下协议：\n"])
def test_an_agreement_announced_in_other_words_is_the_operative_part(announced: str) -> None:
    """A mediation statement announces its agreement in several printed forms (``达成协议，内容
    如下：``, ``达成以下协议：``, ``达成协议。一、…``): each is the operative part, so that the period
    the agreement confirms is read and an untitled copy is still a 调解书 (the forms after the
    bare ``达成协议`` was narrowed lost both)."""
    body = ("原告张某向本院提出诉讼请求：确认原告与被告存在劳动关系。\n经本院主持调解，" + announced +
            ("" if announced.endswith("一、") else "一、") +
            "确认原告与被告于2001年至2015年存在劳动关系；二、被告支付原告工资8000元。\n")
    for head in (HEAD.replace("民事判决书", "民事调解书"), HEAD.replace("民事判决书\n", "")):
        record = _parsed(head + body)
        assert (record.document_type, record.outcome) == ("调解书", "mediated")
        assert (record.claimed_start, record.claimed_end) == ("2001", "2015")


@pytest.mark.parametrize("cause", ["解除劳动关系及经济补偿金纠纷", "终止劳动关系及经济补偿金纠纷"])
def test_a_dismissal_joined_to_a_money_cause_is_no_confirmation(cause: str) -> None:
    """``解除劳动关系及经济补偿金纠纷一案`` is a dismissal dispute: the joined-confirmation reading
    must not cut it to ``劳动关系及经济补偿金纠纷`` (a text the page does not print, and a cause the
    rules take for a confirmation, which would count a closing firm's severance suits in its
    burst of confirmations)."""
    record = _record(f"原告张某与被告安阳市某某回收有限公司{cause}一案，本院立案后，依法适用简易程序公开开庭进行了审理。\n")
    assert record.cause is not None and "劳动关系" not in record.cause


@pytest.mark.parametrize("paper", ["解除劳动合同通知书", "终止劳动合同协议书", "解除劳动合同证明"])
def test_a_termination_paper_handed_in_is_evidence(paper: str) -> None:
    """A termination notice, agreement or certificate (劳动合同法 art. 50: the employer issues
    one when the contract ends) is a paper produced, like the contract itself; only 劳动合同
    naming the cause, the statute or a dismissal claim is no evidence."""
    sentence = f"原告提交了{paper}一份。"
    record = _record("原告张某与被告安阳市某某回收有限公司确认劳动关系纠纷一案，本院于2020年3月2日立案受理后，依法适用"
                     "简易程序进行了审理。\n原告张某向本院提出诉讼请求：确认原告与被告自2002年5月至2016年8月存在劳动关系。\n"
                     + sentence + "\n")
    spans = [s.text for s in record.spans if s.kind == "evidence"]
    assert spans == [sentence]
