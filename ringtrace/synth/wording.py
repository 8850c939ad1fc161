"""The sentences a document says about the claim, its purpose, the defence and the outcome.

The same sentence objects become the record's ``spans`` (what a parser would quote) and, with
``--texts``, part of the raw document, so the two always agree. Every phrasing is shared by sham
and genuine cases: 无异议 and 为办理养老保险补缴 appear in genuine cases too.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from ringtrace.synth.plan import CasePlan


def cn_date(day: dt.date, precision: str = "day") -> str:
    """``2001年3月1日`` / ``2001年3月`` / ``2001年``."""
    if precision == "year":
        return f"{day.year}年"
    if precision == "month":
        return f"{day.year}年{day.month}月"
    return f"{day.year}年{day.month}月{day.day}日"


def amount_text(value: float) -> str:
    """``12000元`` / ``3560.50元`` as judgments write sums."""
    return f"{int(value)}元" if float(value).is_integer() else f"{value:.2f}元"


@dataclass(frozen=True)
class Voice:
    """Who is who in one document: labels (原告/申请人/上诉人…) and names as printed."""

    worker_label: str
    employer_label: str
    worker: str  # the workers' names as printed (possibly masked), joined with 、
    employer: str  # employer name as printed
    arbitration: bool
    forum_self: str  # 本院 / 本委

    @property
    def request(self) -> str:
        return "仲裁请求" if self.arbitration else "诉讼请求"


def period_text(plan: CasePlan) -> str:
    if plan.claimed_start is None:
        return ""
    start = cn_date(plan.claimed_start, plan.precision)
    end = "今" if plan.claimed_end is None else cn_date(plan.claimed_end, plan.precision)
    return f"自{start}至{end}"


def review_request(rng: random.Random, plan: CasePlan, v: Voice) -> str:
    """What the appellant (二审) or the retrial applicant (再审) asks for."""
    period = period_text(plan)
    w, e = v.worker_label, v.employer_label
    mover, other = (w, e) if plan.worker_appeals else (e, w)
    verb = "上诉请求" if plan.procedure == "二审" else "申请再审称，请求"
    relief = (f"确认{w}与{e}{period}存在劳动关系" if plan.confirmation and period
              else f"支持{w}的全部诉讼请求") if plan.worker_appeals else f"驳回{other}的诉讼请求"
    if not plan.worker_is_plaintiff:
        relief = f"驳回{e}的诉讼请求" if plan.worker_appeals else \
            f"确认{e}与{w}之间不存在劳动关系"
    return rng.choice((f"{mover}{verb}：撤销原审判决，依法改判{relief}。",
                       f"{mover}{verb}：1.撤销原判决；2.改判{relief}；3.诉讼费用由{other}负担。"))


def claim_sentence(rng: random.Random, plan: CasePlan, v: Voice) -> str:
    if plan.procedure in ("二审", "再审"):
        return review_request(rng, plan, v)
    period = period_text(plan)
    w, e = v.worker_label, v.employer_label
    if plan.claim_kind == "denial":  # the employer sues: e is 原告, w is 被告
        return rng.choice((f"请求确认{e}与{w}{period}期间不存在劳动关系。",
                           f"请求判决{e}与{w}{v.worker}之间不存在劳动关系。"))
    if plan.claim_kind == "with_amounts":
        items = "、".join(f"{label}{amount_text(a)}" for label, a in
                         zip(_amount_labels(plan), plan.amounts, strict=False))
        head = (f"确认{w}与{e}{period}期间存在劳动关系，" if period and plan.confirmation
                else "")
        return rng.choice((
            f"请求依法判令：{head}{e}支付{w}{items}。",
            f"{v.request}：{head}{e}向{w}支付{items}；本案费用由{e}承担。",
        ))
    if not period:
        return f"请求确认{w}与{e}之间存在劳动关系。"
    extra = f"；2.本案诉讼费用由{e}承担" if not v.arbitration and rng.random() < 0.5 else ""
    return rng.choice((
        f"请求确认{w}与{e}{period}期间存在劳动关系。",
        f"{v.request}：1.确认{w}与{e}{period}存在劳动关系{extra}。",
        f"请求依法确认{w}与{e}之间{period}存在事实劳动关系。",
        f"确认{w}{period}在{e}处工作，双方存在劳动关系。",
    ))


def _amount_labels(plan: CasePlan) -> list[str]:
    labels = ("拖欠工资", "经济补偿金", "未签订劳动合同二倍工资差额", "加班费", "工伤保险待遇")
    if plan.purpose == "injury":
        labels = ("工伤保险待遇", "停工留薪期工资", "医疗费", "经济补偿金", "拖欠工资")
    return list(labels[: len(plan.amounts)])


_PURPOSE = {
    "backpay": ("{w}为办理养老保险补缴手续，诉至{self}。", "因办理社会保险补缴需要，{w}特诉至{self}。",
                "为确认补缴责任，{w}诉至{self}。", "现因补缴养老保险需要确认劳动关系，故提出{req}。"),
    "pension": ("{w}为了日后老有所养，故向{self}提出{req}。", "为享受养老保险待遇，{w}提出{req}。",
                "现{w}年事已高，为办理养老保险，特诉至{self}。"),
    "retire": ("现{w}已到退休年龄，因办理退休手续需要，诉至{self}。",
               "{w}即将达到法定退休年龄，为办理退休手续，特提出{req}。"),
    "injury": ("{w}在工作中受伤，因申请工伤认定需确认劳动关系，故诉至{self}。",
               "{w}为申请工伤认定，特提出{req}。"),
}


def purpose_sentence(rng: random.Random, plan: CasePlan, v: Voice) -> str | None:
    if plan.purpose is None:
        return None
    template = rng.choice(_PURPOSE[plan.purpose])
    return template.format(w=v.worker_label, self=v.forum_self, req=v.request)


def response_sentence(rng: random.Random, plan: CasePlan, v: Voice,
                      former_name: str | None = None) -> str | None:
    """What the side opposing the worker said (the employer, or the worker when the employer
    sued; on appeal, the employer's stance whichever side appealed)."""
    e, w = v.employer_label, v.worker_label
    r = plan.response
    if plan.procedure in ("二审", "再审") and r == "contests":
        if plan.worker_appeals:  # the employer answers the worker's appeal
            return rng.choice((f"{e}辩称，原审判决认定事实清楚，适用法律正确，请求驳回{w}的请求。",
                               f"{e}辩称，双方不存在劳动关系，{w}的请求不能成立，应予驳回。"))
        return rng.choice((f"{e}认为，{w}并非其职工，双方不存在劳动关系，原审认定错误。",
                           f"{e}认为，原审认定双方存在劳动关系缺乏证据。"))
    if not plan.worker_is_plaintiff:  # the worker answers the employer's suit
        e, w = v.worker_label, v.employer_label
    if plan.claim_kind == "with_amounts" and not plan.confirmation and r in ("admits",
                                                                               "no_objection"):
        if r == "admits":
            return rng.choice((f"{e}辩称，认可拖欠{w}工资的事实，但因经营困难暂无力支付。",
                               f"{e}认可{w}主张的事实及数额。"))
        return rng.choice((f"{e}对{w}主张的数额无异议。", f"{e}辩称，对{w}的请求没有异议。"))
    if plan.partial:  # the years are admitted, the money is not (closing firms)
        return rng.choice((
            f"{e}辩称，对{w}主张的工作期间无异议，但{w}主张的工资数额过高，且{e}已停产，无力支付。",
            f"{e}辩称，对工作期间无异议，但工资数额过高，{e}现经营困难，无力支付。",
            f"{e}对{w}在{e}处工作的事实及工作期间无异议，但认为{w}主张的经济补偿金计算有误。",
        ))
    if r == "no_objection":
        if v.arbitration:
            return rng.choice((f"{e}对{w}的仲裁请求无异议。", f"{e}称，对{w}所述事实无异议。",
                               f"{e}辩称，对{w}的请求没有异议。"))
        return rng.choice((f"{e}辩称，对{w}的诉讼请求无异议。", f"{e}对{w}诉求无异议。",
                           f"{e}辩称，{w}所述属实，{e}无异议。", f"{e}辩称，对原告诉求无异议。"
                           .replace("原告", w)))
    if r == "admits":
        if plan.evidence == "dormant_archives":
            return rng.choice((
                f"{e}辩称，经查阅本单位保存的职工档案及招工登记表，{w}确系本单位职工，对其主张的"
                f"工作期间无异议。",
                f"{e}辩称，{w}所述属实，{e}保存的职工花名册、工资发放表中均有{w}的记载，同意确认"
                f"双方存在劳动关系。",
            ))
        if plan.evidence == "archives":
            old = f"原{former_name}" if former_name else "本单位"
            return (f"{e}辩称，经查阅改制时移交的人事档案及职工花名册，{w}确系{old}职工，"
                    f"对{w}主张的工作期间予以认可。")
        return rng.choice((f"{e}辩称，认可{w}在{e}处工作的事实，同意确认双方存在劳动关系。",
                           f"{e}认可{w}的{v.request}。",
                           f"{e}辩称，{w}确系{e}职工，对其主张的工作期间予以认可。",
                           f"{e}称，{w}所述情况属实，同意{w}的请求。"))
    if r == "contests":
        if not plan.worker_is_plaintiff:
            return rng.choice((f"{e}辩称，{e}自{_start(plan)}起即在{w}处工作，双方存在劳动关系，"
                               f"请求驳回{w}的诉讼请求。",
                               f"{e}辩称，{w}的诉讼请求没有事实依据，双方存在劳动关系。"))
        return rng.choice((
            f"{e}辩称，{w}并非{e}职工，双方不存在劳动关系，请求驳回{w}的{v.request}。",
            f"{e}辩称，双方系劳务关系而非劳动关系，{w}的请求没有事实和法律依据。",
            f"{e}辩称，{w}的请求已超过仲裁时效，且{w}主张的工作期间与事实不符。",
            f"{e}辩称，不同意{w}的请求，{w}从未与{e}建立劳动关系。",
            f"{e}辩称，对{w}在{e}处工作的事实无异议，但{w}主张的入职时间与事实不符。",
        ))
    return None


def _start(plan: CasePlan) -> str:
    return cn_date(plan.claimed_start, plan.precision) if plan.claimed_start else "入职之日"


def absence_sentence(rng: random.Random, plan: CasePlan, v: Voice) -> str | None:
    if not plan.absent:
        return None
    who = v.employer_label if plan.worker_is_plaintiff else v.worker_label
    if v.arbitration:
        return rng.choice((f"{who}经本委书面通知，无正当理由未到庭，本委依法缺席审理。",
                           f"{who}经合法传唤未到庭参加仲裁庭审。"))
    return rng.choice((f"{who}经本院传票传唤，无正当理由未到庭参加诉讼，本院依法缺席审理。",
                       f"{who}经本院合法传唤未到庭参加诉讼，亦未提交书面答辩意见。",
                       f"{who}经公告送达开庭传票，未到庭参加诉讼。"))


_EVIDENCE = {
    "roster": "{w}提交了职工花名册、工资发放表、招工登记表等证据。",
    "archives": "{e}提交了改制时移交的人事档案及职工花名册复印件。",
    "contract": "{w}提交了劳动合同、工资条及{e}出具的工作证明。",
    "witness": "{w}提交了证人证言及工作证，证明其在{e}处工作。",
    "wage_account": "{w}提交了银行工资流水及社会保险缴费记录。",
    "injury": "{w}提交了医院诊断证明及工友的证人证言。",
    "payroll": "{w}提交了{e}出具的工资表，{e}对其真实性无异议。",
    "dormant_archives": "{e}提交了职工档案、招工登记表、工资发放表及职工花名册复印件。",
}


def addressed_refusal(rng: random.Random, plan: CasePlan, v: Voice) -> str:
    """The decision of a refusal notice addressed to the applicant (no 申请人 label)."""
    cause = plan.cause or "劳动争议"
    return rng.choice((
        f"你提出的与{v.employer}{cause}的仲裁申请，经审查，不符合受理条件，本委决定不予受理。",
        f"你（你们）与{v.employer}之间的{cause}，经审查不属于劳动人事争议仲裁委员会的受理范围，"
        f"本委决定不予受理。",
    ))


def supporter_sentence(rng: random.Random, plan: CasePlan, v: Voice) -> str | None:
    """The 支持起诉 line of the party block, or the body's mention of the supporter."""
    org = plan.supporter
    if org is None:
        return None
    if plan.supporter_in_block:
        return f"{org.label}：{org.name}。"
    verb = {"procuratorate": "依法支持", "union": "支持", "legal_aid": "支持"}[org.kind]
    return rng.choice((f"{org.name}{verb}{v.worker_label}提起诉讼。",
                       f"本案由{org.name}{verb}起诉。"))


def facts_note(plan: CasePlan, v: Voice) -> str | None:
    """Facts a statement cites from the records (archives), in the document's labels."""
    if plan.facts_note is None or plan.claimed_start is None:
        return None
    end = cn_date(plan.claimed_end, plan.precision) if plan.claimed_end else "今"
    return plan.facts_note.format(w=v.worker_label, e=v.employer_label,
                                  year=plan.claimed_start.year + 1,
                                  start=cn_date(plan.claimed_start, plan.precision), end=end)


def evidence_sentence(plan: CasePlan, v: Voice) -> str | None:
    template = _EVIDENCE.get(plan.evidence)
    if template is None:
        return None
    return template.format(w=v.worker_label, e=v.employer_label)


def outcome_sentence(rng: random.Random, plan: CasePlan, v: Voice, prior_text: str = "") -> str:
    """The operative part (判决如下 / 裁决如下 / 调解协议) as one sentence."""
    o = plan.outcome
    period = period_text(plan)
    worker, employer = v.worker, v.employer
    w, e = v.worker_label, v.employer_label
    if o == "upheld":
        return "驳回上诉，维持原判。"
    if o == "reversed":
        base = f"撤销{prior_text}；" if prior_text else "撤销原判；"
        if plan.prior is not None and plan.prior.outcome == "confirmed":
            return base + f"驳回{worker}的诉讼请求。"
        return base + f"确认{worker}与{employer}{period}存在劳动关系。"
    if o == "dismissed":
        return f"驳回{worker if plan.worker_appeals else employer}的再审申请。" \
            if plan.procedure == "再审" else f"驳回{w}{worker}的起诉。"
    if o == "withdrawn":
        return f"准许申请人{worker}撤回仲裁申请。" if v.arbitration else f"准许{w}{worker}撤回起诉。"
    if o == "not_accepted":
        return f"申请人{worker}的仲裁申请不符合受理条件，本委决定不予受理。"
    if not plan.worker_is_plaintiff:
        if o == "denied":
            return f"{e}{employer}与{w}{worker}{period}不存在劳动关系。"
        return f"驳回{e}{employer}的诉讼请求。"
    if o == "confirmed" and plan.amounts and plan.claim_kind == "with_amounts":
        # confirmed and paid (varied worlds: genuine groups, rings' token claims)
        total = amount_text(sum(plan.amounts))
        if v.arbitration:
            return (f"一、确认申请人{worker}与被申请人{employer}{period}存在劳动关系；二、被申请人"
                    f"{employer}于本裁决生效之日起十日内支付申请人{worker}{total}。")
        return (f"一、确认{w}{worker}与{e}{employer}{period}存在劳动关系；二、{e}{employer}于本"
                f"判决生效之日起十日内支付{w}{worker}{total}。")
    if o == "confirmed":
        if v.arbitration:
            return rng.choice((f"申请人{worker}与被申请人{employer}{period}存在劳动关系。",
                               f"确认申请人{worker}与被申请人{employer}{period}存在劳动关系。"))
        if not period:
            return f"{w}{worker}与{e}{employer}之间存在事实劳动关系。"
        return rng.choice((f"确认{w}{worker}与{e}{employer}{period}期间存在劳动关系。",
                           f"{w}{worker}与{e}{employer}{period}存在劳动关系。"))
    if o == "mediated" and plan.short_statement:
        relation = f"{worker}与{employer}{period}存在劳动关系" if period else \
            f"{worker}与{employer}之间存在劳动关系"
        paid = f"，{employer}支付{worker}{amount_text(sum(plan.amounts))}" if plan.amounts else ""
        return rng.choice((f"双方自愿达成如下协议：确认{relation}{paid}。",
                           f"双方当事人自愿达成如下协议：确认{relation}{paid}；双方再无其他争议。"))
    if o == "mediated":
        items = []
        if plan.confirmation or not plan.amounts:
            items.append(f"{worker}与{employer}{period}存在劳动关系" if period else
                         f"{worker}与{employer}之间存在劳动关系")
        if plan.amounts:
            items.append(f"{employer}于协议签订之日起十日内支付{worker}"
                         f"{amount_text(sum(plan.amounts))}")
        items.append("双方再无其他争议")
        numbered = "；".join(f"{'一二三'[i]}、{item}" for i, item in enumerate(items))
        return f"双方当事人自愿达成如下协议：{numbered}。"
    if o == "denied":
        return f"驳回申请人{worker}的仲裁请求。" if v.arbitration else f"驳回{w}{worker}的诉讼请求。"
    # granted money claims without a ruling on the relationship
    total = amount_text(sum(plan.amounts)) if plan.amounts else "相应款项"
    return f"{e}{employer}于本判决生效之日起十日内支付{w}{worker}{total}。" if not v.arbitration \
        else f"被申请人{employer}于本裁决生效之日起十日内支付申请人{worker}{total}。"
