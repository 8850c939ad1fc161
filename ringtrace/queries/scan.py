"""``scan``: compute red flags, rings and scores over a whole store, and keep the results.

The result is a JSON-ready mapping (:class:`~ringtrace.queries.scan_json.ScanJson`, read back
as the records of :mod:`ringtrace.queries.model`) stored with
:meth:`GraphStore.save_scan_if_unchanged`; the
same store and rules always give the same mapping (except ``meta.scanned_at``). A scan holds the
store's writer lock from start to end, records the snapshot it read (``meta.snapshot``) and
stores its results only if the documents are still that snapshot, in one transaction, so
readers always see the previous complete scan or the new one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping
from typing import cast

from ringtrace import __version__
from ringtrace.collector import collector_paused
from ringtrace.graph.identity import lead_id
from ringtrace.graph.store.base import GraphStore
from ringtrace.queries import community_step
from ringtrace.queries.frame import Frame
from ringtrace.queries.frame_cache import cached_frame
from ringtrace.queries.groups import explained_groups
from ringtrace.queries.model import RingStructure
from ringtrace.queries.redflags import RULES_BY_ID, run_all
from ringtrace.queries.redflags.common import PROFESSIONAL, to_date, years_between
from ringtrace.queries.ringlinks import RingParams
from ringtrace.queries.rings import (
    Ring,
    assemble,
    batched_cases,
    coordinated_cases,
    strength,
    structure,
)
from ringtrace.queries.rules import RuleConfig, load_rules
from ringtrace.queries.scan_json import (
    CaseJson,
    ExposureJson,
    GroupJson,
    LinkJson,
    RingJson,
    RingStructureJson,
    ScanJson,
)
from ringtrace.queries.scoring import CaseScore, probability, rule_scores

Progress = Callable[[str], None]
#: The steps a scan reports through its ``progress`` callback, in order (a bar's total).
STEPS = ("frame", "rules", "rings", "scores", "communities", "save")

MONTHS_PER_YEAR = 12  # a pension is paid monthly


def claimed_years(frame: Frame, case_id: str) -> float:
    case = frame.cases[case_id]
    start = to_date(case.props.get("claimed_start"))
    end = to_date(case.props.get("claimed_end"), end=True)
    return max(0.0, years_between(start, end)) if start and end else 0.0


def exposure(frame: Frame, cases: list[str], config: RuleConfig) -> ExposureJson:
    wage = float(config.exposure.average_monthly_wage)
    years_paid = float(config.exposure.payout_years)
    rate = float(config.exposure.accrual_rate)
    total_years = sum(claimed_years(frame, c) for c in cases)
    amount = total_years * wage * rate * MONTHS_PER_YEAR * years_paid
    return {
        "amount_yuan": round(amount, 2),
        "claimed_years": round(total_years, 2),
        "method": (f"主张的劳动关系年限合计{total_years:.1f}年 × 当地月平均工资{wage:.0f}元 × {rate:.0%}/年"
                   f"（基础养老金计发比例）× 12个月 × 领取{years_paid:.0f}年；"
                   "未计个人账户养老金与补缴本金"),
    }


def _reasons(frame: Frame, ring: Ring, scores: dict[str, CaseScore], struct: RingStructure,
             lay_agents: Counter[str]) -> list[str]:
    reasons = [f"{struct.cases}件案件、{struct.applicants}名申请人、"
               f"{struct.employers}家用人单位、{struct.forums}个审理机关"]
    for agent_id, n in lay_agents.most_common(2):
        if n >= 2:
            name = frame.persons.get(agent_id, {}).get("name", agent_id)
            reasons.append(f"非律师代理人{name}参与其中{n}件")
    kinds = struct.link_kinds
    labels = {"agent": "共同代理人", "identifier": "共用电话/地址", "employer": "同一可疑用人单位",
              "batch": "同期批量", "series": "同一律师多家单位系列案",
              "firm_series": "同一律所多家单位系列案",
              "practice": "律师执业以可疑案件为主", "kin": "申请人互为代理人（亲属）",
              "tie": "同一非律师经手各案", "template": "离职时间不同却同周起诉、均主张约15年",
              "mediated": "离职时间不同却同周起诉、同日调解",
              "confirmed": "与再审认定的虚假诉讼同一经手人或用人单位",
              "founding": "同周起诉、单位均认可成立前的劳动关系",
              "reach": "同一非律师数周内代理不同单位的案件",
              "apart": "同一非律师经手、申请人离职相隔多年"}
    if kinds:
        reasons.append("关联证据：" + "，".join(f"{labels[k]}×{n}" for k, n in kinds.items()))
    rules = Counter(r for c in ring.cases for r in scores[c].rules)
    top = [f"{RULES_BY_ID[r].title}（{n}件）" for r, n in rules.most_common(4)]
    if top:
        reasons.append("主要红旗：" + "；".join(top))
    return reasons


def reportable(leads: int, cases: int, applicants: int, coordinated_share: float,
               min_uncoordinated: int, strong: int = 0) -> bool:
    """Is a cluster of candidate cases reported as a ring?

    Two or more of its cases must be leads, brought by two or more applicants (the first
    instance, appeal and retrial of one worker's dispute are one dispute, not a ring). Without
    coordination evidence (an intermediary-like agent or a shared phone or address tying cases
    together), most of its cases must be leads and there must be at least ``min_uncoordinated``
    applicants - or every case must be a strong lead (``strong``: how many are): cases held
    together only by filing together against one employer - which genuine group suits after a
    closure also do - are no ring on that account (docs/domain.md §3.2), and two ordinary
    leads against one employer are two leads. ``cases`` is the burst the cluster was filed in
    (:func:`~ringtrace.queries.ringlinks.burst_cases`): most of the employer's suits of that
    season, not only most of the few that the rules flagged, must be leads.
    """
    if leads < 2 or applicants < 2:
        return False
    if coordinated_share > 0 or strong == cases:
        return True
    return applicants >= min_uncoordinated and 2 * leads > cases


def run_scan(store: GraphStore, config: RuleConfig | None = None,
             progress: Progress | None = None) -> ScanJson:
    """Scan ``store``: findings, rings, case scores and ranked leads; saved and returned."""
    config = config or load_rules()
    scoring = config.scoring
    with store.writing("scan"):
        snapshot = store.snapshot()
        # the community step needs only the store: started first, it runs beside the rules
        pending = community_step.start(store, int(scoring.community_seed),
                                       float(scoring.community_resolution))
        try:
            with collector_paused():  # see collector_paused: the frame alone is millions of objects
                return _scan(store, config, progress or (lambda _step: None), pending, snapshot)
        finally:
            pending.close()


def _scan(store: GraphStore, config: RuleConfig, say: Progress,
          pending: community_step.PendingCommunities, snapshot: str) -> ScanJson:
    """The scan's steps, in the order :data:`STEPS` reports them: the frame, the rules' findings
    and scores, rings (each adding its evidence to its cases' scores), the case rows with
    their communities, rings ranked by what their cases became, then the result saved."""
    say("frame")
    # built, or kept from a scan of the same data resolved with the same settings
    frame = cached_frame(store, snapshot, settings=config.resolve)
    try:
        return _scan_frame(store, config, say, pending, snapshot, frame)
    finally:
        # some of what the rules memoised refers back to the frame (a LazyMap's compute closes
        # over it): a cycle only the garbage collector frees, walking every object of the frame
        # first (~1.3 s at 60,000 cases); emptied, the frame is freed when the scan returns
        frame.memo.clear()


def _scan_frame(store: GraphStore, config: RuleConfig, say: Progress,
                pending: community_step.PendingCommunities, snapshot: str,
                frame: Frame) -> ScanJson:
    """:func:`_scan` from the rules on, on ``frame``."""
    say("rules")
    findings = run_all(frame, config)
    scores = rule_scores(findings, config)
    say("rings")
    params = RingParams.of(config)
    rings = assemble(frame, findings, scores, params)
    say("scores")
    structures = [structure(frame, ring) for ring in rings]
    ring_rows = [_scored_ring(frame, ring, struct, scores, params, config)
                 for ring, struct in zip(rings, structures, strict=True)]
    say("communities")
    grouped = pending.result()
    threshold = float(config.scoring.lead_threshold)
    case_rows = _case_rows(scores, threshold, grouped.of_case)
    leads = sorted((c for c, row in case_rows.items() if row["is_lead"]),
                   key=lambda c: (-case_rows[c]["final_score"], c))
    _rank_rings(ring_rows, structures, case_rows, params)
    explained = explained_groups(frame, findings, set(leads), config.groups)
    result: ScanJson = {
        "meta": {
            "ringtrace_version": __version__, "snapshot": snapshot,
            "scanned_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "rules": config.to_dict(), "community_seed": config.scoring.community_seed,
            "cases_scanned": len(frame.cases), "findings": len(findings),
            "rings": sum(r["reported"] for r in ring_rows), "clusters": len(ring_rows),
            "leads": len(leads), "lead_threshold": threshold,
            "communities": grouped.count, "explained_groups": len(explained),
        },
        "findings": [f.to_dict() for f in findings],
        "cases": case_rows,
        "rings": ring_rows,
        "leads": leads,
        # a record's to_dict is its JSON form, typed as a plain dict
        "explained_groups": cast("list[GroupJson]", [g.to_dict() for g in explained]),
    }
    say("save")
    store.save_scan_if_unchanged(result, snapshot)
    return result


def _scored_ring(frame: Frame, ring: Ring, struct: RingStructure, scores: dict[str, CaseScore],
                 params: RingParams, config: RuleConfig) -> RingJson:
    """The stored row of one assembled ring with its ``struct``ure: its strength and score,
    with the ring's evidence added to the scores of its cases (in ``scores``). Its lead count,
    report flag and rank depend on every ring's cases: :func:`_rank_rings` sets them."""
    s = strength(struct, params)
    _add_ring_evidence(ring, scores, s, coordinated_cases(ring) | batched_cases(ring), params)
    mean_rule = sum(scores[c].rule_score for c in ring.cases) / len(ring.cases)
    ring.score = round(params.score_rule_share * mean_rule
                       + (1 - params.score_rule_share) * s, 6)
    intermediaries = Counter(a.id for c in ring.cases for a in frame.cases[c].agents
                             if a.kind not in PROFESSIONAL)
    return {
        "ring_id": ring.ring_id, "score": ring.score, "strength": s,
        # a record's to_dict is its JSON form, typed as a plain dict
        "cases": ring.cases, "structure": cast("RingStructureJson", struct.to_dict()),
        "community": ring.community,
        "intermediaries": [a for a, n in intermediaries.most_common() if n >= 2][:5],
        "links": [LinkJson(kind=lk.kind, via=lk.via, cases=len(lk.cases))
                  for lk in ring.links][:200],
        "exposure": exposure(frame, ring.cases, config),
        "reasons": _reasons(frame, ring, scores, struct, intermediaries),
        "rules": dict(sorted(Counter(r for c in ring.cases for r in scores[c].rules).items())),
        "leads": 0, "reported": False, "rank": 0,  # set by _rank_rings
    }


def _add_ring_evidence(ring: Ring, scores: dict[str, CaseScore], strength_: float,
                       coordinated: set[str], params: RingParams) -> None:
    """Each case of ``ring`` gets the ring's id and the ring's strength as log-odds: in full
    for a case the coordination or batch evidence names, a share of it for the others."""
    for c in ring.cases:
        cs = scores[c]
        cs.ring_id = ring.ring_id
        own = strength_ if c in coordinated else params.uncoordinated_share * strength_
        cs.ring_log_odds = round(params.ring_weight * own, 6)
        cs.final_score = round(probability(cs.log_odds + cs.ring_log_odds), 6)


def _case_rows(scores: dict[str, CaseScore], threshold: float,
               community_of: Mapping[str, int]) -> dict[str, CaseJson]:
    """The stored row of each scored case, by case id (sorted)."""
    return {
        c: {"rule_score": s.rule_score, "final_score": s.final_score,
            "log_odds": round(s.log_odds, 6), "ring_log_odds": s.ring_log_odds, "rules": s.rules,
            "findings": s.findings, "ring_id": s.ring_id, "lead_id": lead_id(c),
            "is_lead": s.final_score >= threshold, "community": community_of.get(c)}
        for c, s in sorted(scores.items())
    }


def _rank_rings(ring_rows: list[RingJson], structures: list[RingStructure],
                case_rows: dict[str, CaseJson], params: RingParams) -> None:
    """Count each ring's leads, decide whether it is reported (:func:`reportable`, from its
    structure in ``structures``, in the rows' order), and rank them in place: reported rings
    (with at least one lead) first, strongest first; clusters without a lead stay available
    for exploration."""
    for row, struct in zip(ring_rows, structures, strict=True):
        row["leads"] = sum(case_rows[c]["is_lead"] for c in row["cases"])
        strong = sum(case_rows[c]["final_score"] >= params.strong_lead for c in row["cases"])
        row["reported"] = reportable(row["leads"], struct.burst_cases, struct.applicants,
                                     struct.coordinated_share, params.min_uncoordinated_cases,
                                     strong)
    ring_rows.sort(key=lambda r: (not r["reported"], -r["score"], -len(r["cases"]),
                                  r["ring_id"]))
    for rank, row in enumerate(ring_rows, start=1):
        row["rank"] = rank
