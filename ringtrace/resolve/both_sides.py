"""Agent rule: the employer's "staff" who brings its workers' suits in the same filing round.

The published operations put the intermediary on the employer's side: the labour-service firm
sent 焦某 "以其人事部门负责人名义" to answer forty applicants' awards and raise no objection
(SPP-2024-04; docs/domain.md §2.2 P9, §1.1), and an intermediary may "直接参与、充当虚假诉讼的
当事人". The same person can also carry the applicants' own claims against that employer, as
a citizen or as a 基层法律服务所 worker (one agent for many applicants, G7). The documents then
print one name in two dresses: ``委托诉讼代理人李某娥，该公司员工`` in the employer's answer and
``委托诉讼代理人：李某娥，某某法律服务所法律工作者`` in the workers' agent lines. The agent
rules of :mod:`ringtrace.resolve.agents` keep a legal professional apart from an employer's
staff - a law office's worker is ordinarily no clerk of the firm they sue - so the two stay two
people, and the operation falls apart into one small group per employer.

``agent_both_sides``: an unmasked line of an employer's staff acting for employer E (the
employer's side of a suit) joins the basic legal-service worker of the same name (a citizen
agent printed with a 法律服务所, 基层法律服务工作者) who acts for workers against the same
employer E in a suit filed within ``both_sides_days`` of it (``[resolve]``), when exactly one
such agent entity exists and nothing exclusive (birth date, ID number) tells them apart. Both conditions are about one small employer's one filing round: a chance
namesake on the other side of the same firm's suits in the same weeks is far less likely than
the intermediary printed twice, and a full name is required (a masked line fits too many).
Joined, the person acts on both sides of one employer's suits, which
:mod:`ringtrace.queries.redflags.agents` reads as ``AGENT_BOTH_SIDES``. Lawyers and legal aid
are not looked for: a legal-aid lawyer is assigned by a state centre that checks the worker's
means and case (E6), and a practising lawyer answers to a firm and may not act on both sides
of one matter (律师法 art. 39), so a staff member of their name is a namesake far more often
(on the development worlds the one such join, a depot's clerk and a legal-aid lawyer, was
wrong). A citizen agent printed bare is of a kind compatible with staff, and the agent rules
already join it to the clerk of one employer (``agent_same_practice``). A line acting on both
sides already, or a relative (each applicant's own), proposes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ringtrace.resolve.agents import agent_class
from ringtrace.resolve.cluster import Clusterer
from ringtrace.resolve.mentions import PROFESSIONAL, Mentions, PersonMention
from ringtrace.resolve.settings import ResolveSettings, shipped

#: (employer entity, filing day, mention) of one agent line's suits
_Suit = tuple[str, dt.date, PersonMention]


def resolve_both_sides(m: Mentions, uf: Clusterer, settings: ResolveSettings | None = None
                       ) -> None:
    """Join each employer's unmasked staff line to the one namesake bringing that employer's
    workers' suits within ``both_sides_days`` (see the module)."""
    settings = settings or shipped()
    staff: dict[str, list[_Suit]] = defaultdict(list)
    workers_side: dict[str, list[_Suit]] = defaultdict(list)
    for p in m.person_list:
        if not p.agent_cases or p.masked or not p.key or len(p.agent_sides) != 1:
            continue
        cls, [side] = agent_class(p), p.agent_sides
        if cls == "staff" and side == "employer":
            staff[p.key].extend(_suits(m, uf, p))
        elif side == "worker" and _legal_worker(p):
            workers_side[p.key].extend(_suits(m, uf, p))
    for key in sorted(staff.keys() & workers_side.keys()):
        for employer, day, clerk in staff[key]:
            near = [w for e, d, w in workers_side[key]
                    if e == employer and abs((d - day).days) <= settings.both_sides_days]
            if len({uf.find(w.id) for w in near}) != 1:
                continue
            uf.merge(near[0].id, clerk.id, "agent_both_sides",
                     f"{clerk.name} acts for {employer} as its staff and, in a suit filed "
                     f"within {settings.both_sides_days} days, for a worker against it "
                     f"(the only agent of that name there)")


def _legal_worker(p: PersonMention) -> bool:
    """Is ``p`` printed as a basic legal-service worker: a citizen agent (no lawyer, intern or
    legal-aid kind) whose every printed office is a 法律服务所?"""
    return (bool(p.firms) and not p.agent_kinds & PROFESSIONAL
            and all("法律服务" in firm for firm in p.firms))


def _suits(m: Mentions, uf: Clusterer, p: PersonMention) -> list[_Suit]:
    """The (employer entity, filing day) of each of ``p``'s agent cases that has both."""
    out: list[_Suit] = []
    for case_id in p.agent_cases:
        case = m.cases.get(case_id)
        if case is None or case.day is None:
            continue
        out.extend((uf.find(e), case.day, p) for e in case.employers)
    return out
