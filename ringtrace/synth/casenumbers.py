"""Case numbers (案号) of every era and forum, assigned in filing order.

Court numbers follow the 2016 rules (``(2021)豫0502民初1234号``, 中院 ``(2021)豫05民终88号``,
``民申``/``民再``) or the older form (``(2014)文民初字第123号``). Each arbitration commission keeps
one house style (``安劳人仲案字〔2020〕第123号``, ``文劳人仲案字[2020]123号``,
``滑劳人仲案（2020）第12号``...), and 不予受理 notices use its ``不字`` register.

Serials grow through the year with the forum's whole caseload (labour cases are a small part of
it), so cases filed together get consecutive numbers and later filings higher ones. Numbers are
unique across the province after normalisation.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable

from ringtrace.graph.identity import normalize_case_number
from ringtrace.synth.geography import Forum
from ringtrace.synth.plan import CasePlan
from ringtrace.synth.world import World

#: House styles of commissions (index = ``World.arbitration_style``); the last four occur only
#: in varied worlds. ``{m}`` is a volume number (``南劳人仲案(2016)8-23号``).
ARBITRATION_STYLES = (
    "{s}劳人仲{k}字〔{y}〕第{n}号",
    "{s}劳人仲{k}字[{y}]{n}号",
    "{s}劳人仲{k}（{y}）第{n}号",
    "({y}){s}劳人仲{k}字第{n}号",
    "{ps}{s}劳人仲{k}字〔{y}〕{n}号",
    "{s}劳人仲{k}〔{y}〕{n}号",
    "{s}劳人仲{k}字（{y}）第{n}号",
    "{s}劳人仲{k}({y}){m}-{n}号",
    "{s}劳人仲{k}字〔{y}〕{n}号",
    "{s}劳仲{k}字({y}){n}号",
)
_BRACKETS = (("（", "）"), ("(", ")"), ("〔", "〕"), ("[", "]"))


def _volume(forum: Forum, kind: str) -> int:
    """Rough yearly caseload of a number register (all case types, not only labour)."""
    if kind == "民初":
        weight = forum.county.weight if forum.county else 2.0
        return int(1500 + 900 * weight)
    return {"民终": 2500, "民申": 300, "民再": 60, "仲裁": 1200 if forum.level == "city" else 400,
            "仲不": 60}.get(kind, 500)


def register_kind(plan: CasePlan) -> str:
    if plan.document_type == "不予受理通知书":
        return "仲不"
    return plan.number_kind


def format_number(world: World, forum: Forum, year: int, kind: str, serial: int) -> str:
    """The canonical (house-style) number of a case."""
    if forum.kind == "arbitration":
        style = ARBITRATION_STYLES[world.arbitration_style[forum.name]]
        short = forum.short
        prefix = forum.prefecture.short if forum.level == "county" else ""
        k = "不" if kind == "仲不" else "案"
        return style.format(s=short, ps=prefix, k=k, y=year, n=serial, m=serial // 60 + 1)
    if year >= 2016:
        return f"（{year}）{forum.court_code}{kind}{serial}号"
    return f"（{year}）{forum.short}{kind}字第{serial}号"


def rebracket(number: str, rng: random.Random, keep: float) -> str:
    """The number as one document prints it: the house brackets, or with probability
    ``1 - keep`` another pair (（）()〔〕[] all occur in the wild)."""
    if rng.random() < keep:
        return number
    for left, right in _BRACKETS:
        if left in number:
            others = [b for b in _BRACKETS if b[0] != left]
            weights = [6.0 if b[0] == "(" else 1.0 for b in others]
            new_left, new_right = rng.choices(others, weights=weights)[0]
            return number.replace(left, new_left, 1).replace(right, new_right, 1)
    return number


_MIRROR = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"})


def mirror_punctuation(text: str) -> str:
    """Mirror sites re-type documents with half-width commas, colons and brackets."""
    return text.translate(_MIRROR)


def with_priors(plans: Iterable[CasePlan]) -> list[CasePlan]:
    """The plans and every earlier instance they cite, each once, in first-seen order."""
    seen: dict[int, CasePlan] = {}
    for plan in plans:
        chain: CasePlan | None = plan
        while chain is not None and id(chain) not in seen:
            seen[id(chain)] = chain
            chain = chain.prior
    return list(seen.values())


def assign_numbers(world: World, plans: Iterable[CasePlan], rng: random.Random) -> None:
    """Give every plan (and every cited prior) its canonical and written case number."""
    spaces: dict[tuple[str, int, str], list[CasePlan]] = defaultdict(list)
    forums: dict[str, Forum] = {}
    for plan in with_priors(plans):
        key = (plan.forum.name, plan.filing.year, register_kind(plan))
        spaces[key].append(plan)
        forums[plan.forum.name] = plan.forum
    used: set[str] = set()
    for key in sorted(spaces):
        name, year, kind = key
        forum = forums[name]
        volume = _volume(forum, kind) * rng.uniform(0.8, 1.2)
        members = spaces[key]
        order = sorted(range(len(members)), key=lambda i: (members[i].filing, rng.random()))
        previous = 0
        for i in order:
            plan = members[i]
            target = int(plan.filing.timetuple().tm_yday / 366 * volume) + rng.randint(1, 4)
            serial = max(previous + 1, target)
            number = format_number(world, forum, year, kind, serial)
            norm = normalize_case_number(number)
            while norm in used:  # pragma: no cover - forum abbreviations are unique
                serial += 1
                number = format_number(world, forum, year, kind, serial)
                norm = normalize_case_number(number)
            used.add(norm)
            previous = serial
            plan.case_number = number
            keep = 0.75 if forum.kind == "arbitration" else 0.65
            plan.written_number = rebracket(number, rng, keep)
            if plan.mask_style is not None:  # mirror sites print half-width brackets
                plan.written_number = mirror_punctuation(plan.written_number)
