"""When the claims one lay nominee filed ended years apart: someone brought them, no lay-off did.

:func:`ties_left_apart` reads the claimed ends of the suits a worker-side ``tie`` link joins
(one lay person acting for the workers in each of a few uncontested suits against one
employer within weeks,
:func:`~ringtrace.queries.ties.tie_links`) and marks the runs whose applicants left the
employer apart, by the test of the ends the template and mediated pairs ask
(:func:`~ringtrace.queries.pairlinks.left_apart`); :func:`tied_apart` says when a small ring
such a run holds whole is as strong as ``tied_apart_strength``. Ring assembly
(:mod:`ringtrace.queries.rings`) calls both.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from ringtrace.queries.findings import Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.model import RingStructure
from ringtrace.queries.nominee_reach import lay_nominee
from ringtrace.queries.pairlinks import left_apart, typical_hosts
from ringtrace.queries.ringlinks import Link, RingParams


def ties_left_apart(frame: Frame, ties: Iterable[Link], findings: list[Finding],
                    proven: AbstractSet[str], params: RingParams) -> list[Link]:
    """An ``apart`` link for each worker-side ``tie`` among ``ties`` whose person acts in each
    of its suits as a lay nominee (:func:`~ringtrace.queries.nominee_reach.lay_nominee`: a
    citizen a community or village put forward, or printed with no relation - not a relative,
    a co-worker or staff, a professional, nor a union's or legal-aid centre's nominee), none of
    whose suits has proof of the employment (``proven``) and whose claims ended apart
    (:func:`~ringtrace.queries.pairlinks.left_apart`): two or more
    applicants' claims that ended more than ``separate_leavings_days`` apart, in a small burst,
    at an employer whose winding-up does not explain their coming together. An ``apart`` link
    is coordination evidence in a small ring (:data:`~ringtrace.queries.rings.SMALL_RING_EVIDENCE`).

    Why it holds: a worker-side tie says that one person outside the family filed each of the
    suits within weeks (G7: the lay agent who brings the applicants; 民事诉讼法 art. 61 lets a
    citizen act only as a relative, staff or a community's nominee). What a genuine small group
    shows instead is
    its common event: a closing firm's staff left it together, in one lay-off, and their claims
    end together (docs/domain.md §3.3 E4; L2). Applicants who left the firm years apart share no
    such event, yet the same person handled both their suits that quarter; each fact is printed
    (the agent on both documents, the periods claimed, the filing days), and together they are
    what an investigator puts to the nominee: how did you come to file, that season, for two
    strangers who left the same firm years apart?

    What it does not catch (docs/domain.md §3.2): a closing firm's staff (L2), whose claims end
    together; an old collective or state enterprise being wound up (L1), whose liquidation
    calls in workers who left whenever (the test of the ends says no); archive-backed or supported
    suits (L1, L3) - suits with proof are left out; a big employer's old workers (L4) and any
    bigger burst - the test of the ends asks for a small one; a relative acting for a family and
    contested suits - ``tie`` links leave both out already; the employer's own clerk or manager
    answering two old workers' suits - answering every suit is a small firm's clerk's job, and
    former staff who left years apart do sue within weeks of each other (one tells the other
    after winning, a local 补缴 window opens), so an employer-side tie is never ``apart``; a
    former co-worker (``原单位职工``, the unit's staff whom 民事诉讼法 art. 61 lets act) helping
    ex-colleagues of a closing firm who left it at different times - the workforce helping its
    own, who know each other from the firm - so only a nominee with no tie to the firm is.
    """
    hosts = typical_hosts(findings, params)
    return [Link("apart", link.via, list(link.cases)) for link in ties
            if link.kind == "tie" and _nominee_throughout(frame, link)
            and proven.isdisjoint(link.cases)
            and left_apart(frame, _common_employer(frame, link.cases), link.cases, hosts, params)]


def _common_employer(frame: Frame, cases: list[str]) -> str:
    """The employer every one of ``cases`` was brought against (the first in id order when a
    suit names several): the employer a ``tie`` run (:func:`~ringtrace.queries.ties.tie_links`)
    is at."""
    common = set.intersection(*({e.id for e in frame.cases[c].employers} for c in cases))
    return min(common) if common else ""


def _nominee_throughout(frame: Frame, link: Link) -> bool:
    """Is the person of a worker-side ``tie`` (``worker:<person>``) a lay nominee in every
    suit of it?"""
    side, _, person = link.via.partition(":")
    return side == "worker" and all(
        lay_nominee(a) for c in link.cases for a in frame.cases[c].agents if a.id == person)


def tied_apart(struct: RingStructure, most: int) -> bool:
    """Is the ring a small one (at most ``most`` cases) that coordination evidence ties whole,
    among it an ``apart`` link (:func:`ties_left_apart`)?

    Two facts that do not depend on each other, as for a tied batch
    (:func:`~ringtrace.queries.rings.tied_batch`): one person outside the family controlled the
    suits, and the applicants left the employer years apart, so no lay-off explains their suing
    together. Such a ring is as strong as ``tied_apart_strength``, so that its weaker suits,
    which show only the screening signs, are leads beside the one that gives the purchase
    away; a larger cluster never qualifies.
    """
    return struct.cases <= most and "apart" in struct.link_kinds and struct.coordinated_share >= 1.0
