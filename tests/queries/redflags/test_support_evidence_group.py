"""Exculpatory evidence (support, documents by custody) and the unproven group."""

from __future__ import annotations

from pathlib import Path

import pytest

from ringtrace.loaders.judgments import parse_text
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


def test_suits_that_show_a_workforce_over_many_years_are_no_unproven_group(
        tmp_path: Path) -> None:
    """With no headcount on record, workers suing year after year show a real workforce; a
    host employer is used for a few years."""
    def group(other_years: list[int], where: Path) -> list:
        days = [f"2016-03-0{n + 1}" for n in range(6)] + [f"{y}-05-01" for y in other_years]
        cases = [sham_case(n, f"工人{n}", f"1966-{n % 12 + 1:02d}-02", agent=f"代理{n}", day=d)
                 for n, d in enumerate(days)]
        return hits(frame_of(where, cases), "GROUP_UNPROVEN",
                    workforce_min_workers=10, workforce_min_years=6)
    # six suits in 2016 and one a year for six more years: a workforce
    assert group([2012, 2013, 2014, 2015, 2018, 2019], tmp_path / "years") == []
    # the same twelve workers within two years: one group
    assert len(group([2017] * 6, tmp_path / "burst")) == 1


def _parsed(text: str, script: str) -> dict:
    """The record read from ``text``, converted to traditional script first when asked."""
    if script == "traditional":
        text = pytest.importorskip("opencc").OpenCC("s2t").convert(text)
    outcome = parse_text(text)
    assert outcome.record is not None, outcome.problems
    return outcome.record.to_dict()


def _judgment_citing(facts: str, script: str = "simplified") -> dict:
    """A real-looking judgment whose findings cite ``facts``, parsed into a record (printed in
    traditional script when ``script`` says so)."""
    text = ("河南省安阳市文峰区人民法院\n民事判决书\n（2019）豫0502民初3456号\n"
            "原告：张秀兰，女，1966年7月8日出生，汉族，住安阳市北关区。\n"
            "被告：安阳市宏远机械制造有限公司，住所地安阳市文峰区中华路南段16号。\n"
            "法定代表人：孙立军，经理。\n"
            "原告张秀兰与被告安阳市宏远机械制造有限公司确认劳动关系纠纷一案，本院于2019年10月21日立案后，"
            "依法适用简易程序公开开庭进行了审理。本案现已审理终结。\n"
            "原告张秀兰向本院提出诉讼请求：确认原告与被告自2002年1月起至2016年12月止存在劳动关系。"
            "事实和理由：原告自2002年1月到被告处从事车工工作。\n"
            "被告辩称，原告并非被告职工，双方不存在劳动关系，请求驳回原告的诉讼请求。\n"
            f"经审理查明：原告于2002年1月进入被告处工作。{facts}\n"
            "本院认为，原告提交的证据能够证明双方存在劳动关系。判决如下：\n"
            "确认原告张秀兰与被告安阳市宏远机械制造有限公司自2002年1月至2016年12月存在劳动关系。\n"
            "审判员　　王　磊\n二〇一九年十一月五日\n")
    return _parsed(text, script)


def _tier(tmp_path: Path, facts: str, script: str = "simplified") -> str | None:
    frame = frame_of(tmp_path, [_judgment_citing(facts, script)])
    if hits(frame, "EVID_INDEPENDENT"):
        return "independent"
    return "employer" if hits(frame, "EVID_EMPLOYER_RECORDS") else None


@pytest.mark.parametrize(("facts", "tier"), [
    # records a social-insurance agency, a bank or a labour bureau keeps, in the forms courts print
    ("原告提交了中国农业银行账户交易明细，显示被告每月向其发放工资。", "independent"),
    ("原告提交了社会保险个人权益记录单。", "independent"),
    ("原告提交了社会保险参保缴费证明。", "independent"),
    ("原告提供了由安阳市社会保险中心出具的参保证明。", "independent"),
    ("原告提供了养老保险个人账户对账单。", "independent"),
    ("原告提交了劳动合同及社保缴费清单。", "independent"),
    ("原告提交了用工登记备案表。", "independent"),
    ("原告提交了工资存折。", "independent"),
    ("原告提交了银行卡流水。", "independent"),
    # papers the employer issues itself
    ("原告提交了工资支付凭证及工资签收单。", "employer"),
    ("原告提交了被告出具的收入证明。", "employer"),
    ("原告提交了入职登记表。", "employer"),
    ("原告提交了职工名册。", "employer"),
    ("原告提交了胸卡、厂牌、出入证。", "employer"),
    ("被告对原告提交的职工花名册无异议。", "employer"),
    # a bank card shows an account, not years of wages; an ID card nothing at all
    ("原告提交了工资卡。", None),
    ("原告提交了身份证复印件。", None),
])
def test_documents_in_the_forms_courts_print_them(tmp_path: Path, facts: str,
                                                  tier: str | None) -> None:
    assert _tier(tmp_path, facts) == tier


@pytest.mark.parametrize("facts", [
    "原告未能提供劳动合同、工资表、社保缴费记录等证据。",
    "原告无法提供银行工资流水。",
    "双方未签订书面劳动合同，被告亦未为原告缴纳社会保险。",
    "被告未与原告签订劳动合同，也未保存考勤记录。",
    "原告称其工资以现金发放，没有工资条。",
    "原告没有社保缴费记录。",
    "被告称因企业改制，原告的人事档案已遗失。",
])
def test_documents_the_text_says_are_missing_prove_nothing(tmp_path: Path, facts: str) -> None:
    assert _tier(tmp_path, facts) is None


@pytest.mark.parametrize(("facts", "tier"), [
    # the negation belongs to another clause or comes after the record
    ("原告提交了劳动合同，但未提交社保缴费记录。", "employer"),
    ("原告提交的社保缴费记录显示被告未为其缴纳2005年以后的社会保险。", "independent"),
    ("被告虽未到庭但原告提交了银行工资流水。", "independent"),
    ("原告提交了无锡市社会保险中心出具的参保证明。", "independent"),
])
def test_a_negation_elsewhere_leaves_the_record_cited(tmp_path: Path, facts: str,
                                                      tier: str) -> None:
    assert _tier(tmp_path, facts) == tier


@pytest.mark.parametrize(("facts", "tier"), [
    ("原告提交了工资存折及社会保险个人权益记录单。", "independent"),  # 工資存摺
    ("原告提交了工资签收单。", "employer"),
    ("原告未能提供社保缴费记录。", None),
])
def test_a_traditional_copy_reads_the_same(tmp_path: Path, facts: str, tier: str | None) -> None:
    assert _tier(tmp_path, facts, "traditional") == tier


def _judgment_recording(record: str, script: str = "simplified") -> dict:
    """A real-looking judgment whose record paragraph ends with ``record``, parsed."""
    text = ("河南省安阳市文峰区人民法院\n民事判决书\n（2020）豫0502民初812号\n"
            "原告：安某民，男，1961年3月2日出生，汉族，住安阳市文峰区。\n"
            "委托诉讼代理人：王某，安阳市文峰区法律援助中心指派律师。\n"
            "被告：安阳市某某环境卫生服务有限公司，住所地安阳市文峰区某路1号。\n"
            "法定代表人：李某，总经理。\n"
            "原告安某民与被告安阳市某某环境卫生服务有限公司确认劳动关系纠纷一案，本院于2020年3月31日立案后，"
            f"依法适用简易程序公开开庭进行了审理。{record}本案现已审理终结。\n"
            "原告安某民向本院提出诉讼请求：确认原告与被告自2003年5月至2019年12月存在劳动关系。\n"
            "被告辩称，对原告的诉讼请求无异议。\n"
            "本院认为，双方存在劳动关系。判决如下：\n确认原告与被告自2003年5月至2019年12月存在劳动关系。\n")
    return _parsed(text, script)


@pytest.mark.parametrize("record", [
    "安阳市文峰区人民检察院支持原告起诉。",
    "安阳市文峰区人民检察院指派检察员李某出庭支持起诉。",
    "安阳市文峰区总工会指派工作人员支持原告诉讼。",
])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_support_said_in_the_record_is_found(tmp_path: Path, record: str, script: str) -> None:
    [f] = hits(frame_of(tmp_path, [_judgment_recording(record, script)]), "SUPPORT_INSTITUTION")
    assert "支持" in f.evidence[0].detail and f.evidence[0].kind == "text"


@pytest.mark.parametrize("record", [
    "原告及其委托诉讼代理人到庭参加诉讼。",
    # a procuratorate that intervenes against a judgment is no supporter of the suit
    "安阳市文峰区人民检察院向本院发出再审检察建议，并指派检察员出庭支持抗诉。",
    "安阳市文峰区人民检察院未支持原告起诉。",
])
def test_a_procuratorate_that_does_not_back_the_suit_is_no_support(tmp_path: Path,
                                                                     record: str) -> None:
    assert hits(frame_of(tmp_path, [_judgment_recording(record)]), "SUPPORT_INSTITUTION") == []


def _award(body: str) -> dict:
    """A real-looking award with ``body`` between the claim and the facts found, parsed."""
    text = ("安阳市劳动人事争议仲裁委员会\n仲裁裁决书\n安劳人仲案字〔2020〕第123号\n"
            "申请人：李桂英，女，汉族，1962年4月15日出生，住河南省安阳市龙安区。\n"
            "被申请人：安阳市恒达机械有限公司，住所地安阳市文峰区光明路西段88号。\n"
            "法定代表人：赵志刚，总经理。\n"
            "申请人李桂英与被申请人安阳市恒达机械有限公司确认劳动关系争议一案，本委于2020年5月28日受理后，"
            "依法组成仲裁庭公开开庭进行了审理。\n"
            "申请人仲裁请求：确认申请人与被申请人自2003年3月1日至2018年2月28日期间存在劳动关系。\n"
            + body +
            "经审理查明：申请人于2003年3月1日进入被申请人处工作。\n本委认为，双方存在劳动关系。裁决如下：\n"
            "确认申请人与被申请人自2003年3月1日至2018年2月28日期间存在劳动关系。\n")
    return _parsed(text, "simplified")


@pytest.mark.parametrize(("body", "response", "supported"), [
    # the employer "supporting" the claim agrees to it: no objection, never a vetted suit
    ("被申请人称：支持申请人的仲裁请求。\n", "no_objection", False),
    ("被申请人辩称，支持申请人的请求。\n", "no_objection", False),
    ("被申请人答辩称：同意并支持申请人的全部仲裁请求。\n", "no_objection", False),
    # the evidence boilerplate, even citing a union's certificate, backs nothing
    ("申请人为支持其仲裁请求，提交了安阳市总工会出具的困难职工证明。\n被申请人称：对申请人的仲裁请求无异议。\n",
     "no_objection", False),
    ("申请人为证明其主张，提交了法律援助中心出具的受援通知。\n被申请人称：对申请人的仲裁请求无异议。\n",
     "no_objection", False),
    # a body in the sentence backs the suit
    ("安阳市总工会支持申请人申请仲裁。\n被申请人称：对申请人的仲裁请求无异议。\n", "no_objection", True),
    ("安阳市龙安区人民检察院支持申请人仲裁。\n被申请人称：不同意申请人的仲裁请求。\n", "contests", True),
])
def test_support_needs_a_body_not_an_employer_agreeing(tmp_path: Path, body: str, response: str,
                                                       supported: bool) -> None:
    case = _award(body)
    assert case["defendant_response"] == response
    assert any(s["kind"] == "support" for s in case["spans"]) is supported
    found = hits(frame_of(tmp_path, [case]), "SUPPORT_INSTITUTION")
    assert bool(found) is supported


@pytest.mark.parametrize(("span", "supported"), [
    (("other", "被申请人称：支持申请人的仲裁请求。"), False),
    (("defendant_response", "被告表示安阳县总工会支持原告起诉是错误的"), False),
    (("other", "安阳县总工会不支持起诉。"), False),
    (("other", "本案由安阳县总工会支持起诉。"), True),
    (("other", "安阳县妇联支持申请人申请仲裁。"), True),
])
def test_a_support_keyword_needs_the_body_in_its_sentence(tmp_path: Path, span: tuple[str, str],
                                                          supported: bool) -> None:
    case = sham_case(1, "张桂兰", "1968-05-02")
    case["spans"].append({"kind": span[0], "text": span[1]})
    assert bool(hits(frame_of(tmp_path, [case]), "SUPPORT_INSTITUTION")) is supported


@pytest.mark.parametrize(("facts", "tier"), [
    # an old worker's papers from the social-insurance agency, the labour bureau, the bank and
    # the housing fund: third-party custody
    ("原告提交了职工养老保险手册。", "independent"),
    ("原告提交了社会保险登记卡。", "independent"),
    ("原告提交了下岗证。", "independent"),
    ("原告提交了再就业优惠证。", "independent"),
    ("原告提交了失业证。", "independent"),
    ("原告提交了就业失业登记证。", "independent"),
    ("原告提交了工资卡明细。", "independent"),
    ("原告提交了银行卡交易明细。", "independent"),
    ("原告提交了住房公积金缴存明细。", "independent"),
    ("原告提交了经劳动局鉴证的劳动合同。", "independent"),
    # a restructuring's records: the enterprise's own, unless an authority approved or holds them
    ("原告提交了改制职工安置名册。", "employer"),
    ("原告提交了企业改制职工安置方案。", "employer"),
    ("原告提交了买断工龄协议。", "employer"),
    ("原告提交了经国资委批复的改制职工安置方案。", "independent"),
    ("原告提交了报劳动部门备案的职工安置名册。", "independent"),
    # the worker insured by itself proves no employer ...
    ("原告提交了参保证明，显示原告自2005年起以灵活就业人员身份缴纳养老保险。", None),
    ("原告提交了社保缴费记录，原告系以个人身份参加城乡居民养老保险。", None),
    ("原告提交了城乡居民基本养老保险缴费记录。", None),
    # ... while another record beside it, or the employer's contributions, still count
    ("原告提交了银行流水及以灵活就业人员身份缴纳养老保险的缴费记录。", "independent"),
    ("原告提交了参保证明，显示被告自1995年起为原告缴纳养老保险。", "independent"),
])
def test_an_old_workers_documents_by_custody(tmp_path: Path, facts: str, tier: str | None) -> None:
    assert _tier(tmp_path, facts) == tier


def _group(tmp_path: Path, days: list[str] | None = None):
    """Six suits against one employer within a year (each with its own agent)."""
    days = days or [f"2021-0{n}-01" for n in range(1, 7)]
    cases = [sham_case(n, f"工人{n}", f"1966-0{n}-02", agent=f"代理{n}", day=d)
             for n, d in enumerate(days, start=1)]
    frame = frame_of(tmp_path, cases)
    return frame, sorted(frame.cases)


def test_colleagues_of_a_mostly_backed_group_are_flagged_as_its_members(tmp_path: Path) -> None:
    """A restructured enterprise's workforce: most judgments cite the archives, some say only
    that the employer admitted the work; those are the same workforce's suits."""
    frame, ids = _group(tmp_path)
    fired_cases(frame)["EVID_INDEPENDENT"] = set(ids[:2])
    fired_cases(frame)["CLAIM_MONEY"] = {ids[2]}
    found = hits(frame, "GROUP_BACKED")
    assert sorted(f.subject for f in found) == ids[3:]
    assert "6件确认案件中3件" in found[0].summary
    # two backed suits in six are no backed group
    fired_cases(frame)["CLAIM_MONEY"] = set()
    assert hits(frame, "GROUP_BACKED") == []


def test_a_colleagues_proof_does_not_speak_for_a_case_with_evidence_of_its_own(
        tmp_path: Path) -> None:
    """An applicant whose agent works for several employers' suits, or whose claim ends at the
    retirement birthday, keeps that evidence: a buyer slipped into a real workforce."""
    frame, ids = _group(tmp_path)
    fired_cases(frame)["EVID_INDEPENDENT"] = set(ids[:4])
    fired_cases(frame)["AGENT_MANY_APPLICANTS"] = {ids[4]}
    fired_cases(frame)["TL_END_AT_RETIREMENT"] = {ids[5]}
    assert hits(frame, "GROUP_BACKED") == []


def test_a_backed_group_is_one_year_of_suits(tmp_path: Path) -> None:
    """Backed suits years before do not speak for the suits of a later season."""
    days = ["2016-03-01", "2016-04-01", "2016-05-01", "2016-06-01",
            "2021-03-01", "2021-04-01", "2021-05-01"]
    frame, ids = _group(tmp_path, days)
    fired_cases(frame)["EVID_INDEPENDENT"] = set(ids[:4])  # the 2016 suits
    assert hits(frame, "GROUP_BACKED", min_cases=3) == []
    fired_cases(frame)["EVID_INDEPENDENT"] = set(ids[:3]) | {ids[4]}
    assert [f.subject for f in hits(frame, "GROUP_BACKED", min_cases=3)] == [ids[3]]


def test_a_suit_with_its_own_evidence_against_it_backs_no_colleague(tmp_path: Path) -> None:
    """A ring that adds a money claim to half its suits: those suits are its intermediary's
    (or share its phone), so they back nothing and the other half is no backed group's."""
    frame, ids = _group(tmp_path)
    fired_cases(frame)["CLAIM_MONEY"] = set(ids[:3])
    fired_cases(frame)["AGENT_MANY_APPLICANTS"] = {ids[0]}
    fired_cases(frame)["CONTACT_SHARED"] = {ids[1]}
    assert hits(frame, "GROUP_BACKED") == []
    # the same three money claims with nothing against them do back their colleagues
    fired_cases(frame)["AGENT_MANY_APPLICANTS"] = set()
    fired_cases(frame)["CONTACT_SHARED"] = set()
    assert sorted(f.subject for f in hits(frame, "GROUP_BACKED")) == ids[3:]
