"""Retrials that revoke a ring's confirmation as a sham suit (虚假诉讼): the published label.

Once a scheme comes to light, procuratorates protest the confirmations it bought (抗诉, or a
再审检察建议 to the court that decided them) and courts revoke them on retrial, finding the
parties colluded (docs/domain.md §2.2 P14; SPP-2024-04). Such a judgment is published like any
other. :func:`retrial_documents` writes one for one suit of a share of the planted rings
(``Variation.retrial_share``): a court suit that confirmed or mediated the relationship, retried
by the same court one to three years later. It names the revoked number in its operative part
and, when the suit followed an award, the award in its facts.

A retrial document is a new *document*, not a new sham case: the truth's rings, sham cases
and ``cases`` are unchanged, ``truth.json`` lists it under ``retrials`` (its file, number and
the number it revokes), and a scan must not make it a lead. Its file is numbered after every
case's, so file names still carry no truth.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass

from ringtrace.graph.identity import normalize_case_number
from ringtrace.synth.casenumbers import format_number, with_priors
from ringtrace.synth.plan import CasePlan
from ringtrace.synth.render.numerals import chinese_date
from ringtrace.synth.world import World

__all__ = ["Retrial", "procuratorate_of", "retrial_documents", "retrial_number"]

#: how the court words its finding ({a} the applicant, {e} the employer)
FINDINGS = (
    "本院再审认为，{a}与{e}恶意串通，虚构劳动关系，企图通过诉讼确认劳动关系以补缴养老保险，损害国家利益和社会公共利益，"
    "属于虚假诉讼。",
    "本院再审认为，{a}并未在{e}工作，双方为达到办理退休的目的，捏造劳动关系事实提起诉讼，系虚假诉讼，原审据此作出的"
    "{d}应予撤销。",
    "本院再审认为，综合上述事实，{a}与{e}之间不存在劳动关系，双方以虚构的劳动关系提起诉讼，妨害司法秩序，"
    "属于虚假诉讼，检察机关的意见成立。",
)
#: what the court found out (the intermediary's part, told without naming them)
FACTS = (
    "{a}从未在{e}工作，系经他人介绍并支付费用，由{e}出具虚假的工作证明。",
    "{e}的法定代表人到案后陈述，系受他人请托，为{a}出具了工作证明，并未实际用工。",
)


@dataclass(frozen=True)
class Retrial:
    """One retrial document: its file text and the suit it revokes."""

    case_number: str
    revokes: str
    text: str


def procuratorate_of(plan: CasePlan) -> str:
    """The procuratorate of the prefecture whose court decided ``plan``."""
    return plan.forum.prefecture.court_name.replace("中级人民法院", "人民检察院")


def retrial_number(world: World, plan: CasePlan, year: int, rng: random.Random,
                   used: set[str]) -> str:
    """A 民再 number of ``plan``'s court in ``year`` that no case in ``used`` has (added)."""
    while True:
        number = format_number(world, plan.forum, year, "民再", rng.randint(1, 120))
        key = normalize_case_number(number)
        if key not in used:
            used.add(key)
            return number


def protest_route(plan: CasePlan, decided: dt.date, rng: random.Random) -> tuple[str, str]:
    """How a procuratorate brought a court suit to retrial - a protest (抗诉) to the court above,
    which orders the retrial, or a retrial recommendation (再审检察建议) to the court itself - and
    how the retrial then names its voice: (the sentence, ``…抗诉认为`` or ``…再审检察建议认为``)."""
    prosecutor = procuratorate_of(plan)
    upper = plan.forum.prefecture.court_name
    if rng.random() < 0.6:
        return (f"{prosecutor}以{plan.forum.prefecture.short}检民（行）监〔{decided.year}〕"
                f"{rng.randint(1, 90)}号民事抗诉书向{upper}提出抗诉，{upper}作出"
                f"（{decided.year}）{plan.forum.prefecture.court_code}民抗{rng.randint(1, 40)}号"
                f"民事裁定，指令本院再审本案。", f"{prosecutor}抗诉认为")
    return (f"{prosecutor}向本院发出再审检察建议，本院经审判委员会讨论决定，对本案进行再审。",
            f"{prosecutor}再审检察建议认为")


def _text(world: World, plan: CasePlan, number: str, decided: dt.date,
          rng: random.Random) -> str:
    a = plan.workers[0].name
    e = plan.employer.name_on(plan.decision)
    paper = "民事调解书" if plan.document_type == "调解书" else "民事判决"
    original = plan.written_number or plan.case_number
    prosecutor = procuratorate_of(plan)
    how, voice = protest_route(plan, decided, rng)
    award = ""
    if plan.prior is not None and plan.prior.forum.kind == "arbitration":
        paper_before = "不予受理通知书" if plan.prior.document_type == "不予受理通知书" else \
            "仲裁调解书" if plan.prior.outcome == "mediated" else "仲裁裁决书"
        award = (f"另查明，{a}此前曾向{plan.prior.forum.name}申请仲裁，该委作出"
                 f"{plan.prior.written_number or plan.prior.case_number}{paper_before}。")
    day = f"{plan.decision.year}年{plan.decision.month}月{plan.decision.day}日"
    finding = rng.choice(FINDINGS).format(a=a, e=e, d=paper.removeprefix("民事"))
    lines = [
        plan.forum.name, "民 事 判 决 书", number,
        f"抗诉机关：{prosecutor}。" if "抗诉" in how else "",
        f"原审原告：{a}，{plan.workers[0].sex}，{plan.workers[0].birth.year}年"
        f"{plan.workers[0].birth.month}月{plan.workers[0].birth.day}日出生，汉族，"
        f"住{plan.workers[0].address}。",
        f"原审被告：{e}，住所地{plan.employer.county.prefecture.name}{plan.employer.county.name}。",
        f"原审原告{a}与原审被告{e}确认劳动关系纠纷一案，本院于{day}作出{original}{paper}，已经发生法律效力。"
        f"{how}本院依法另行组成合议庭，开庭审理了本案。本案现已审理终结。",
        f"{voice}，{a}与{e}之间不存在真实的劳动关系，原审系虚假诉讼。",
        f"本院再审查明：{rng.choice(FACTS).format(a=a, e=e)}{award}",
        f"{finding}依照《中华人民共和国民事诉讼法》第一百一十五条、第二百一十四条之规定，判决如下：",
        f"一、撤销本院{original}{paper}；",
        f"二、驳回{a}的{'起诉' if rng.random() < 0.7 else '诉讼请求'}。",
        "本判决为终审判决。",
        "审判长  " + rng.choice(("赵明", "钱亮", "孙红", "周敏")),
        "审判员  " + rng.choice(("吴刚", "郑丽", "王强", "冯娟")),
        chinese_date(decided),
        "书记员  " + rng.choice(("陈静", "褚燕", "卫东")),
    ]
    return "\n".join(line for line in lines if line) + "\n"


def _revocable(plan: CasePlan) -> bool:
    """A ring's court suit that made the relationship stand, old enough to have been retried."""
    return (plan.sham and plan.forum.kind == "court" and plan.procedure == "一审"
            and plan.outcome in ("confirmed", "mediated") and plan.decision.year <= 2022)


def retrial_documents(world: World, plans: Iterable[CasePlan], share: float,
                      rng: random.Random) -> list[Retrial]:
    """One retrial revoking one suit for ``share`` of the rings that have a revocable suit
    (drawn with ``rng``; the rings' order is that of their first case in ``plans``)."""
    plans = list(plans)
    used = {normalize_case_number(p.case_number) for p in with_priors(plans) if p.case_number}
    by_ring: dict[str, list[CasePlan]] = {}
    for plan in plans:
        if plan.ring_id is not None and _revocable(plan):
            by_ring.setdefault(plan.ring_id, []).append(plan)
    found: list[Retrial] = []
    for ring_id in sorted(by_ring):
        if rng.random() >= share:
            continue
        plan = rng.choice(by_ring[ring_id])
        decided = min(plan.decision + dt.timedelta(days=rng.randint(330, 1100)),
                      dt.date(2024, 12, 20))
        number = retrial_number(world, plan, decided.year, rng, used)
        found.append(Retrial(number, plan.case_number, _text(world, plan, number, decided, rng)))
    return found
