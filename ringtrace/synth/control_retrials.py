"""Retrials of genuine confirmations: the protest that fails, and revocations with no sham.

A procuratorate protests (抗诉) or sends a 再审检察建议 against confirmations that were bought,
but also against genuine ones: a complaint by the employer's new owner, a co-worker or the
social-insurance fund, a wrong amount, a party left out of the suit. Published retrials of
labour confirmations therefore also uphold the confirmation (``维持本院（…）号民事调解书``, the
protest's allegation of a sham rejected for want of evidence), revoke it on a procedural ground
(遗漏当事人, 未依法送达) or for a wrong wage and decide the relationship again, or - on the
intermediate court's own retrial (提审) - remand it (发回重审) without any finding of a sham
(docs/domain.md §2.2 P14: what is no label). Sometimes the genuine suit is at an employer that
also sold confirmations, retried when the scheme came to light and found genuine.

:func:`control_retrials` writes such retrials for a share of the genuine court confirmations
(``Variation.control_retrial_share``, more often at an employer a ring also used). Like the
sham retrials of :mod:`ringtrace.synth.retrials` each is a document, not a case of the truth:
``truth.json`` lists it under ``control_retrials`` (file, number, the number it reviews, and
its kind), and a scan must neither flag the suit it reviews as a court-found sham nor make the
retrial a lead. The same courts, procuratorates, party lines and layout as the sham retrials:
only the court's reasoning and operative part tell them apart, as in real judgments.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass

from ringtrace.graph.identity import normalize_case_number
from ringtrace.synth.plan import CasePlan
from ringtrace.synth.render.numerals import chinese_date
from ringtrace.synth.retrials import procuratorate_of, protest_route, retrial_number
from ringtrace.synth.world import World

__all__ = ["KINDS", "ControlRetrial", "control_retrials"]

#: what the retrial decides, with its weight: the confirmation upheld, revoked on a
#: procedural ground or for a wrong amount and decided again, or remanded by the upper court
KINDS: tuple[tuple[str, float], ...] = (("upheld", 0.4), ("procedural", 0.25), ("amount", 0.15),
                                        ("remand", 0.2))
#: how much likelier a genuine suit at an employer a ring also used is retried
RING_EMPLOYER_FACTOR = 8.0

#: the protest's grounds ({a} applicant, {e} employer): a sham alleged, or another error
ALLEGED_SHAM = "{a}与{e}之间不存在真实的劳动关系，原审系虚假诉讼"
OTHER_GROUNDS = {
    "upheld": ("原审认定{a}与{e}存在劳动关系的主要证据不足", ALLEGED_SHAM),
    "procedural": ("原审遗漏了必须参加诉讼的当事人，程序违法", "原审未依法向{e}送达起诉状副本及开庭传票，程序违法"),
    "amount": ("原审认定的工资数额缺乏证据证明", "原审对{a}工作期间的认定与其社会保险缴费记录不符"),
    "remand": ("原审认定{a}工作期间的基本事实不清", ALLEGED_SHAM),
}
#: what the retrial found (the genuine worker's proof)
FACTS = (
    "{a}自{s}起在{e}工作，{e}按月向其发放工资，有工资发放记录、工作证及同事证言为证。",
    "{e}的考勤记录、工资表及{a}同期同事的证言能够相互印证，{a}在{e}从事生产工作的事实可以认定。",
    "{a}提交的劳动合同、工资条与{e}保存的职工花名册记载一致。",
)
#: the court's reasoning, per kind ({p} the original paper)
REASONS = {
    "upheld": (
        "本院再审认为，{a}提交的证据能够相互印证，足以证明双方存在劳动关系。抗诉机关认为原审系虚假诉讼，"
        "但未提供证据证明双方恶意串通，本院不予采纳。原审{p}认定事实清楚，适用法律正确，应予维持。",
        "本院再审认为，现有证据不足以认定{a}与{e}恶意串通、虚构劳动关系，检察机关的抗诉理由不能成立。"
        "原审{p}并无不当，本院予以维持。",
        "本院再审认为，原审查明的事实有工资发放记录等证据证实，双方之间的劳动关系真实存在，原审{p}内容"
        "不违反法律规定，应予维持。",
    ),
    "procedural": (
        "本院再审认为，{a}与{e}之间的劳动关系有证据证明，但原审遗漏了必须参加诉讼的当事人，"
        "程序违法，原审{p}应予撤销。",
        "本院再审认为，原审未依法送达，剥夺了当事人的辩论权利，属程序违法，应予纠正。经再审查明，"
        "{a}与{e}之间存在劳动关系。",
    ),
    "amount": (
        "本院再审认为，{a}在{e}工作的事实清楚，但原审对其工资数额的认定缺乏证据，应予纠正。",
        "本院再审认为，双方存在劳动关系，原审认定的工作起止时间有误，本院依再审查明的事实予以改判。",
    ),
    "remand": (
        "本院再审认为，原审认定{a}在{e}工作期间的基本事实不清，证据不足，应发回重审。",
        "本院再审认为，原审对{a}的工作起止时间及工资发放情况未予查清，认定基本事实不清。",
    ),
}
JUDGES = ("赵明", "钱亮", "孙红", "周敏", "吴刚", "郑丽", "王强", "冯娟")


@dataclass(frozen=True)
class ControlRetrial:
    """One retrial of a genuine suit: its file text, the suit it reviews and what it decided."""

    case_number: str
    reviews: str
    kind: str
    text: str


def _period(plan: CasePlan) -> tuple[str, str]:
    start = plan.claimed_start or plan.filing - dt.timedelta(days=365 * 10)
    end = plan.claimed_end
    return (f"{start.year}年{start.month}月{start.day}日",
            f"{end.year}年{end.month}月{end.day}日" if end is not None else "今")


def _upper_number(plan: CasePlan, year: int, rng: random.Random, used: set[str]) -> str:
    """A 民再 number of the intermediate court above ``plan``'s court (its own retrial, 提审)."""
    pref = plan.forum.prefecture
    while True:
        serial = rng.randint(1, 90)
        number = (f"（{year}）{pref.court_code}民再{serial}号" if year >= 2016
                  else f"（{year}）{pref.short}中民再字第{serial}号")
        key = normalize_case_number(number)
        if key not in used:
            used.add(key)
            return number


def _operative(kind: str, plan: CasePlan, original: str, paper: str, rng: random.Random) -> list[str]:
    a, e = plan.workers[0].name, plan.employer.name_on(plan.decision)
    start, end = _period(plan)
    confirm = f"确认{a}与{e}自{start}至{end}期间存在劳动关系"
    if kind == "upheld":
        kept = rng.choice((f"维持本院{original}{paper}。", f"维持本院{original}{paper}。",
                           "维持原判。"))
        return ["判决如下：", kept, "本判决为终审判决。"]
    if kind == "remand":
        return ["裁定如下：", f"一、撤销{plan.forum.name}{original}{paper}；",
                f"二、本案发回{plan.forum.name}重审。", "本裁定为终审裁定。"]
    lines = ["判决如下：", f"一、撤销本院{original}{paper}；", f"二、{confirm}；"]
    if kind == "amount":
        owed = round(rng.uniform(3000, 40000), -2)
        lines.append(f"三、{e}于本判决生效之日起十日内支付{a}工资差额{owed:.0f}元。")
    lines[-1] = lines[-1].removesuffix("；") + "。"
    return [*lines, "本判决为终审判决。"]


def _text(plan: CasePlan, kind: str, number: str, decided: dt.date, rng: random.Random) -> str:
    a = plan.workers[0].name
    e = plan.employer.name_on(plan.decision)
    paper = "民事调解书" if plan.document_type == "调解书" else "民事判决"
    original = plan.written_number or plan.case_number
    prosecutor = procuratorate_of(plan)
    upper = plan.forum.prefecture.court_name
    court = upper if kind == "remand" else plan.forum.name
    if kind == "remand":
        how = (f"{prosecutor}以{plan.forum.prefecture.short}检民（行）监〔{decided.year}〕"
               f"{rng.randint(1, 90)}号民事抗诉书向本院提出抗诉，本院裁定提审本案。")
        voice = f"{prosecutor}抗诉认为"
    else:
        how, voice = protest_route(plan, decided, rng)
    day = f"{plan.decision.year}年{plan.decision.month}月{plan.decision.day}日"
    who = "本院" if kind != "remand" else plan.forum.name
    start, _end = _period(plan)
    fmt = {"a": a, "e": e, "p": paper.removeprefix("民事"), "s": start}
    lines = [
        court, "民 事 裁 定 书" if kind == "remand" else "民 事 判 决 书", number,
        f"抗诉机关：{prosecutor}。" if "抗诉" in how else "",
        f"原审原告：{a}，{plan.workers[0].sex}，{plan.workers[0].birth.year}年"
        f"{plan.workers[0].birth.month}月{plan.workers[0].birth.day}日出生，汉族，"
        f"住{plan.workers[0].address}。",
        f"原审被告：{e}，住所地{plan.employer.county.prefecture.name}{plan.employer.county.name}。",
        f"原审原告{a}与原审被告{e}确认劳动关系纠纷一案，{who}于{day}作出{original}{paper}，"
        f"已经发生法律效力。{how}本院依法另行组成合议庭，开庭审理了本案。本案现已审理终结。",
        f"{voice}，{rng.choice(OTHER_GROUNDS[kind]).format(**fmt)}。",
        f"本院再审查明：{rng.choice(FACTS).format(**fmt)}",
        rng.choice(REASONS[kind]).format(**fmt)
        + "依照《中华人民共和国民事诉讼法》第二百一十四条之规定，",
        *_operative(kind, plan, original, paper, rng),
        "审判长  " + rng.choice(JUDGES[:4]),
        "审判员  " + rng.choice(JUDGES[4:]),
        chinese_date(decided),
        "书记员  " + rng.choice(("陈静", "褚燕", "卫东")),
    ]
    return "\n".join(line for line in lines if line) + "\n"


def _retriable(plan: CasePlan) -> bool:
    """A genuine court suit that made the relationship stand, old enough to have been retried."""
    return (not plan.sham and plan.confirmation and plan.forum.kind == "court"
            and plan.procedure == "一审" and plan.outcome in ("confirmed", "mediated")
            and plan.decision.year <= 2022 and bool(plan.workers))


def control_retrials(world: World, plans: Iterable[CasePlan], share: float, used: set[str],
                     rng: random.Random) -> list[ControlRetrial]:
    """Retrials of ``share`` of the genuine court confirmations in ``plans`` (of those at an
    employer a ring also sued, :data:`RING_EMPLOYER_FACTOR` times as many, at most half),
    numbered apart from every number in ``used`` (normalised; the new ones are added)."""
    plans = list(plans)
    ring_employers = {id(p.employer) for p in plans if p.sham}
    kinds, weights = zip(*KINDS, strict=True)
    found: list[ControlRetrial] = []
    for plan in plans:
        if not _retriable(plan):
            continue
        chance = share * (RING_EMPLOYER_FACTOR if id(plan.employer) in ring_employers else 1.0)
        if rng.random() >= min(chance, 0.5):
            continue
        kind = rng.choices(kinds, weights=weights)[0]
        decided = min(plan.decision + dt.timedelta(days=rng.randint(330, 1100)),
                      dt.date(2024, 12, 20))
        number = (_upper_number(plan, decided.year, rng, used) if kind == "remand"
                  else retrial_number(world, plan, decided.year, rng, used))
        found.append(ControlRetrial(number, plan.case_number, kind,
                                    _text(plan, kind, number, decided, rng)))
    return found
