"""The body of a court document or arbitration award, as tagged paragraphs.

A document is a list of ``(section, paragraph)`` pairs using the 裁判文书网 section names
(``WBSB`` head, ``DSRXX`` parties, ``SSJL`` procedure, ``AJJBQK`` claims and facts, ``CPYZ``
reasoning, ``PJJG`` operative part, ``WBWB`` signature), so one body can be written as plain
text, as a 裁判文书网 page or as a mirror page. Every sentence quoted in the record's ``spans``
appears verbatim.
"""

from __future__ import annotations

import datetime as dt
import random

from ringtrace.graph.records import CaseRecord
from ringtrace.synth import names
from ringtrace.synth.assemble import CaseText
from ringtrace.synth.plan import CasePlan
from ringtrace.synth.render import parts
from ringtrace.synth.render.numerals import chinese_date
from ringtrace.synth.wording import cn_date

Para = tuple[str, str]

_TITLES = {"判决书": "民 事 判 决 书", "调解书": "民 事 调 解 书", "裁定书": "民 事 裁 定 书",
           "仲裁裁决书": "仲 裁 裁 决 书", "仲裁调解书": "仲 裁 调 解 书",
           "不予受理通知书": "不予受理通知书"}
_JOBS = ("保洁", "搬运", "分拣", "库管", "门卫", "驾驶", "机器操作", "炊事", "电工", "装卸",
         "记账", "仓库保管")


def _judge(rng: random.Random) -> str:
    sex = "男" if rng.random() < 0.55 else "女"
    return names.person_name(rng, sex, rng.randint(1965, 1992))


def title(record: CaseRecord, rng: random.Random) -> str:
    text = _TITLES[record.document_type]
    return text if rng.random() < 0.8 else text.replace(" ", "")


def facts(rng: random.Random, plan: CasePlan, text: CaseText) -> str:
    """事实和理由: when and how the worker says they worked (no new facts beyond the claim)."""
    v = text.voice
    w, e = v.worker_label, v.employer_label
    if plan.claimed_start is None:
        return f"{w}曾在{e}处工作，双方发生争议。"
    start = cn_date(plan.claimed_start, plan.precision)
    if not plan.worker_is_plaintiff:  # the employer's account in its own suit
        return (f"{w}称其{start}起在{e}处工作，但{w}并非{e}招用的人员，不接受{e}的管理，"
                f"双方不存在劳动关系。")
    job = rng.choice(_JOBS)
    tail = f"{cn_date(plan.claimed_end, plan.precision)}，{w}离开{e}。" if plan.claimed_end \
        else f"{w}至今仍在{e}处工作。"
    return (f"{w}于{start}到{e}处从事{job}工作，{e}未与{w}签订书面劳动合同，"
            f"亦未为{w}缴纳社会保险。{tail}")


def reasoning(plan: CasePlan, text: CaseText) -> str:
    v = text.voice
    w, e = v.worker_label, v.employer_label
    o = plan.outcome
    if o == "upheld":
        mover = w if plan.worker_appeals else e
        return (f"{mover}的上诉请求缺乏事实和法律依据，不能成立，应予驳回；一审判决认定事实清楚，"
                f"适用法律正确，应予维持。")
    if o == "reversed":
        return "一审判决认定事实不清，适用法律不当，本院予以纠正。"
    if o in ("confirmed", "mediated") and plan.worker_is_plaintiff:
        basis = f"{e}对{w}主张的事实予以认可，" if plan.response in ("admits", "no_objection") \
            else ""
        return (f"劳动关系是指用人单位招用劳动者为其成员，劳动者在用人单位的管理下提供有报酬的"
                f"劳动而产生的权利义务关系。{basis}{w}在{e}处从事{e}安排的工作，接受{e}的管理，"
                f"双方符合劳动关系的构成要件，对{w}的请求予以支持。")
    if o in ("denied", "dismissed"):
        return (f"当事人对自己提出的主张，有责任提供证据。{w}提交的证据不足以证明其与{e}之间存在"
                f"劳动关系，应承担举证不能的不利后果。")
    if o == "withdrawn":
        return f"{w}的撤诉申请系其真实意思表示，且不违反法律规定，应予准许。"
    return f"{w}与{e}之间的争议事实清楚，{w}的合理请求应予支持。"


def _heard(text: CaseText) -> list[str]:
    """What the hearing put on record, in a decision's order: the respondent's answer, the
    evidence and its cross-examination, the facts found (each when the case has one)."""
    return [part for part in (text.response, text.evidence, text.facts) if part]


def _signature(rng: random.Random, record: CaseRecord, panel: bool, clerk: str) -> list[Para]:
    day = dt.date.fromisoformat(record.decision_date or "2020-01-01")
    zero = rng.choices(("〇", "○", "Ｏ"), weights=(8, 1, 1))[0]
    gap = rng.choice(("　　", "  ", "　"))
    if record.forum_kind == "arbitration":
        lines = [f"仲裁员{gap}{_judge(rng)}"] if not panel else [
            f"首席仲裁员{gap}{_judge(rng)}", f"仲裁员{gap}{_judge(rng)}",
            f"仲裁员{gap}{_judge(rng)}"]
    elif panel:
        lines = [f"审判长{gap}{_judge(rng)}", f"审判员{gap}{_judge(rng)}",
                 f"{rng.choice(('审判员', '人民陪审员'))}{gap}{_judge(rng)}"]
    else:
        lines = [f"审判员{gap}{_judge(rng)}"]
    lines += [chinese_date(day, zero), f"{clerk}{gap}{_judge(rng)}"]
    return [("WBWB", line) for line in lines]


def _labels(text: CaseText) -> dict[str, str]:
    """Party name -> the short label used in the body (原告 / 被上诉人 / 申请人 ...)."""
    return {line.party.name: line.party.role_in_text.split("（")[0].split("(")[0]
            for line in text.lines if line.party is not None}


def _short(label_of: dict[str, str], record: CaseRecord, role: str) -> str:
    names_ = [p.name for p in record.parties if p.role == role]
    if not names_:
        return ""
    head = f"{label_of[names_[0]]}{names_[0]}"
    return head + ("等" if len(names_) > 1 and role == "plaintiff" else "")


def _opening(rng: random.Random, record: CaseRecord, text: CaseText
             ) -> tuple[dict[str, str], str, str, str, list[Para]]:
    """What every body starts with: the labels of the parties, the two sides' short names, the
    cause, and the heading paragraphs (forum, title, case number)."""
    label_of = _labels(text)
    first = _short(label_of, record, "plaintiff")
    second = _short(label_of, record, "defendant")
    heading: list[Para] = [("WBSB", record.forum), ("WBSB", title(record, rng)),
                           ("WBSB", record.case_number or "")]
    return label_of, first, second, record.cause or "劳动争议", heading


def _prior_clause(plan: CasePlan, text: CaseText, mover: str) -> str | None:
    prior = plan.prior
    if prior is None or not text.prior_number or plan.procedure != "一审":
        return None
    kind = "不予受理通知书" if prior.document_type == "不予受理通知书" else "仲裁裁决书"
    worker = text.voice.worker
    return (f"{worker}于{cn_date(prior.filing)}向{prior.forum.name}申请仲裁，该委于"
            f"{cn_date(prior.decision)}作出{text.prior_number}{kind}。{mover}不服，诉至本院。")


def court_body(rng: random.Random, plan: CasePlan, record: CaseRecord, text: CaseText,
               style: parts.Style) -> list[Para]:
    label_of, plaintiff, defendant, cause, paras = _opening(rng, record, text)
    paras += [("DSRXX", line) for line in parts.party_block(text, style)]
    filed = f"本院于{parts.cn_day(record.filing_date)}立案后" if record.filing_date else \
        "本院受理后"
    heard = f"于{parts.cn_day(record.hearing_date)}" if record.hearing_date else ""
    present = text.absence or ""
    present += parts.attendance(text, label_of, text.absence, style.agent_label)
    panel = not record.simple_procedure
    if record.procedure == "二审":
        prior_court = plan.prior.forum.name if plan.prior else "原审法院"
        prior_ref = text.prior_number or ""
        first = (f"{plaintiff}因与{defendant}{cause}一案，不服{prior_court}{prior_ref}民事判决，"
                 f"向本院提起上诉。{filed}，依法组成合议庭，{heard}公开开庭进行了审理。{present}"
                 "本案现已审理终结。")
        panel = True
    elif record.procedure == "再审":
        first = (f"{plaintiff}因与{defendant}{cause}一案，不服{text.prior_number or '原审'}民事"
                 f"判决，向本院申请再审。{filed}，依法组成合议庭进行了审查，现已审查终结。")
        panel = True
    elif record.document_type == "调解书":
        procedure = "简易程序" if record.simple_procedure else "普通程序"
        first = (f"{plaintiff}与{defendant}{cause}一案，{filed}，依法适用{procedure}，{heard}"
                 f"进行了审理。{present}")
    else:
        procedure = "简易程序" if record.simple_procedure else "普通程序"
        first = (f"{plaintiff}与{defendant}{cause}一案，{filed}，依法适用{procedure}，{heard}"
                 f"公开开庭进行了审理。{present}本案现已审理终结。")
    paras.append(("SSJL", first))
    mover = plaintiff
    story = facts(rng, plan, text)
    body: list[str] = []
    if text.supporter and not text.supporter_in_block:
        body.append(text.supporter)
    prior = _prior_clause(plan, text, mover)
    if prior:
        body.append(prior)
    if record.procedure == "一审":
        if text.claim.startswith("诉讼请求"):
            claim = f"{plaintiff}向本院提出{text.claim}"
        else:
            claim = f"{plaintiff}诉称：{text.claim}"
        body.append(claim + f"事实和理由：{story}" + (text.purpose or ""))
    else:
        body.append(text.claim + (text.purpose or ""))
    body += _heard(text)
    if record.document_type != "调解书":  # a mediation statement records no findings
        body.append(("经审理查明：" if rng.random() < 0.4 else "本院经审理认定事实如下：")
                    + story.split("，")[0] + "。")
    paras += [("AJJBQK", p) for p in body]
    paras += _court_decision(rng, plan, record, text)
    if record.procedure == "一审" and record.document_type == "判决书":
        paras.append(("PJJG", "如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，"
                              "并按对方当事人的人数提出副本，上诉于"
                              f"{plan.forum.prefecture.court_name}。"))
    paras += _signature(rng, record, panel, "书记员")
    return paras


def _court_decision(rng: random.Random, plan: CasePlan, record: CaseRecord,
                    text: CaseText) -> list[Para]:
    doc = record.document_type
    if doc == "调解书":
        return [("PJJG", f"本案审理过程中，经本院主持调解，{text.outcome}"),
                ("PJJG", "上述协议，不违反法律规定，本院予以确认。"),
                ("PJJG", "案件受理费10元，减半收取5元，由原告负担。"),
                ("PJJG", "本调解书经双方当事人签收后，即具有法律效力。")]
    verb = "裁定如下" if doc == "裁定书" else "判决如下"
    law = ("《中华人民共和国民事诉讼法》第一百四十五条" if plan.outcome == "withdrawn" else
           "《中华人民共和国民事诉讼法》第二百零四条" if record.procedure == "再审" else
           "《中华人民共和国民事诉讼法》第一百七十条第一款" if record.procedure == "二审" else
           "《中华人民共和国劳动合同法》第七条、第十条")
    paras = [("CPYZ", f"本院认为，{reasoning(plan, text)}依照{law}之规定，{verb}："),
             ("PJJG", text.outcome)]
    if record.procedure == "二审":
        paras += [("PJJG", "二审案件受理费10元，由上诉人负担。"), ("PJJG", "本判决为终审判决。")]
    elif record.procedure == "一审":
        fee = "案件受理费10元，减半收取5元" if record.simple_procedure else "案件受理费10元"
        payer = "原告" if plan.outcome in ("denied", "withdrawn") else "被告"
        paras.append(("PJJG", f"{fee}，由{payer}负担。"))
    return paras


def arbitration_body(rng: random.Random, plan: CasePlan, record: CaseRecord, text: CaseText,
                     style: parts.Style) -> list[Para]:
    label_of, applicant, respondent, cause, paras = _opening(rng, record, text)
    if record.document_type == "不予受理通知书":
        paras += [("DSRXX", line) for line in parts.party_block(text, style)]
        filed = f"于{parts.cn_day(record.filing_date)}" if record.filing_date else ""
        paras += [("AJJBQK", f"{applicant}{filed}向本委提出的与{respondent}{cause}的仲裁申请收悉。"
                             f"{text.claim}"),
                  ("CPYZ", "经审查，该申请不属于劳动人事争议仲裁委员会的受理范围。根据《劳动人事"
                           "争议仲裁办案规则》第三十条的规定，决定如下："),
                  ("PJJG", text.outcome), ("PJJG", "特此通知。")]
        day = dt.date.fromisoformat(record.decision_date or "2020-01-01")
        return [*paras, ("WBWB", chinese_date(day))]
    paras += [("DSRXX", line) for line in parts.party_block(text, style)]
    filed = f"本委于{parts.cn_day(record.filing_date)}受理后" if record.filing_date else \
        "本委受理后"
    heard = f"于{parts.cn_day(record.hearing_date)}" if record.hearing_date else ""
    present = text.absence or ""
    present += parts.attendance(text, label_of, text.absence, style.agent_label).replace(
        "到庭参加诉讼", "到庭参加仲裁活动")
    panel = rng.random() < 0.4
    how = "依法组成仲裁庭" if panel else "依法适用简易程序，由仲裁员独任审理"
    paras.append(("SSJL", f"{applicant}与{respondent}{cause}一案，{filed}，{how}，{heard}"
                          f"公开开庭进行了审理。{present}本案现已审理终结。"))
    if text.claim.startswith("仲裁请求"):
        claim = f"{applicant}提出{text.claim}"
    elif text.claim.startswith("请求"):
        claim = f"{applicant}{text.claim}"
    else:
        claim = f"{applicant}请求：{text.claim}"
    story = facts(rng, plan, text)
    body = [claim, f"{applicant}称：{story}" + (text.purpose or "")]
    body += _heard(text)
    body.append("经审理查明：" + story.split("，")[0] + "。")
    paras += [("AJJBQK", p) for p in body]
    if record.document_type == "仲裁调解书":
        paras += [("PJJG", f"本案审理过程中，经本委主持调解，{text.outcome}"),
                  ("PJJG", "本调解书经双方当事人签收后，即发生法律效力。")]
    else:
        paras += [("CPYZ", f"本委认为，{reasoning(plan, text)}依照《中华人民共和国劳动争议调解"
                           "仲裁法》第二条、第四十七条之规定，裁决如下："),
                  ("PJJG", text.outcome),
                  ("PJJG", "本裁决为非终局裁决。当事人不服本裁决的，可以自收到裁决书之日起十五日内"
                           "向人民法院提起诉讼；期满不起诉的，本裁决书即发生法律效力。")]
    return paras + _signature(rng, record, panel, "书记员")


def statement_body(rng: random.Random, plan: CasePlan, record: CaseRecord, text: CaseText,
                   style: parts.Style) -> list[Para]:
    """A mediation statement that is only the parties and the agreement (some courts and
    commissions write them so): no claim, no answer, no findings; at most the facts the
    parties agreed from the records."""
    _, first, second, cause, paras = _opening(rng, record, text)
    arbitration = record.forum_kind == "arbitration"
    me = "本委" if arbitration else "本院"
    paras += [("DSRXX", line) for line in parts.party_block(text, style)]
    filed = f"{me}于{parts.cn_day(record.filing_date)}受理后" if record.filing_date else \
        f"{me}受理后"
    paras.append(("SSJL", f"{first}与{second}{cause}一案，{filed}，依法进行了调解。"))
    if text.supporter and not text.supporter_in_block:
        paras.append(("AJJBQK", text.supporter))
    if text.facts:
        paras.append(("AJJBQK", text.facts))
    paras.append(("PJJG", f"经{me}主持调解，{text.outcome}"))
    if arbitration:
        paras.append(("PJJG", "本调解书经双方当事人签收后，即发生法律效力。"))
    else:
        paras += [("PJJG", "上述协议，不违反法律规定，本院予以确认。"),
                  ("PJJG", "本调解书经双方当事人签收后，即具有法律效力。")]
    clerk = "书记员"
    return paras + _signature(rng, record, False, clerk)


def addressed_notice_body(rng: random.Random, plan: CasePlan, record: CaseRecord,
                          text: CaseText) -> list[Para]:
    """A 不予受理通知书 addressed to the applicant by name (``王秀英：``), without a 申请人
    label; the employer is named only in the sentence."""
    day = dt.date.fromisoformat(record.decision_date or "2020-01-01")
    return [("WBSB", record.forum), ("WBSB", title(record, rng)),
            ("WBSB", record.case_number or ""), ("DSRXX", f"{text.voice.worker}："),
            ("AJJBQK", text.outcome), ("PJJG", "特此通知。"),
            ("WBWB", record.forum), ("WBWB", chinese_date(day))]
