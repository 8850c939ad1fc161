"""What an evidence pack says about one ring, gathered from the store and the stored scan.

:func:`pack_data` extends :func:`ringtrace.queries.ringviews.ring_detail` with what a criminal
referral needs beside the ring's members and cases: each case's red flags with the quoted text
behind them and the document's own quoted spans, the back-payments made on the cases, registry
facts that contradict the claims, the receiving procuratorate, and the hashes and paths of the
source documents. Unless ``unmask=True``, ID numbers and phone numbers are masked — schema
properties marked ``sensitive`` through :mod:`ringtrace.viz.masking`, and the same numbers
inside quoted text — and person node ids (which can embed an ID number) become opaque refs.
"""

from __future__ import annotations

import hashlib
import hmac
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from ringtrace.graph.model import schema
from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.jurisdiction import case_jurisdiction
from ringtrace.queries.redflags import RULES_BY_ID
from ringtrace.queries.results import ScanResults
from ringtrace.queries.ringviews import ring_detail
from ringtrace.queries.views import CaseView, RingDetail
from ringtrace.viz.masking import mask_text, mask_value

__all__ = ["Masker", "mask_text", "pack_data"]

_CONFIRMED = ("confirmed", "mediated")


class Masker:
    """Applies the masking rules of one pack or export (a no-op when unmasked).

    ``key``: the store's :meth:`~ringtrace.graph.store.base.GraphStore.ref_key`, which keys the
    opaque refs.
    """

    def __init__(self, unmask: bool, key: bytes) -> None:
        self.unmask = unmask
        self.key = key

    def text(self, value: Any) -> Any:
        return value if self.unmask or not isinstance(value, str) else mask_text(value)

    def props(self, kind: str, props: Mapping[str, object]) -> dict[str, Any]:
        if self.unmask:
            return dict(props)
        sensitive = schema().node(kind).sensitive if kind in schema().nodes else frozenset()
        return {k: mask_value(kind, k, v, props) if k in sensitive else v
                for k, v in props.items()}

    def ref(self, node_id: str) -> str:
        """A person's or contact's node id, or an opaque ref when masked (their ids can embed
        ID numbers, birth dates and phone numbers). The ref is an HMAC under the store's secret
        key: the same person has the same ref in every pack and export of one workspace, and a
        plain hash of a guessed ID number or phone does not find it."""
        if self.unmask or not node_id.startswith(("Person:", "Identifier:")):
            return node_id
        tag = hmac.new(self.key, node_id.encode("utf-8"), hashlib.sha256).hexdigest()[:10]
        return ("P-" if node_id.startswith("Person:") else "I-") + tag


def _person(store: GraphStore, node_id: str, masker: Masker) -> dict[str, Any]:
    node = store.node(node_id)
    props = masker.props("Person", node.props if node else {})
    return {"ref": masker.ref(node_id), "name": props.get("name", node_id),
            "sex": props.get("sex"), "birth_date": props.get("birth_date"),
            "id_number": props.get("id_number"), "phone": props.get("phone"),
            "address": props.get("address")}


def _case_flags(scan: ScanResults, case_id: str, masker: Masker
                ) -> tuple[list[dict[str, Any]], list[str]]:
    """The case's own findings (with evidence) and the ids of ring-level findings covering it."""
    own, shared = [], []
    for f in scan.findings_for_case(case_id):
        if f.subject != case_id:
            shared.append(f.rule_id)
            continue
        own.append({"rule_id": f.rule_id, "title": _title(f.rule_id),
                    "summary": masker.text(f.summary),
                    "evidence": [{"kind": e.kind, "detail": masker.text(e.detail)}
                                 for e in f.evidence]})
    return own, sorted(set(shared))


def _title(rule_id: str) -> str:
    return RULES_BY_ID[rule_id].title if rule_id in RULES_BY_ID else rule_id


def _ring_flags(scan: ScanResults, cases: Iterable[CaseView], masker: Masker
                ) -> list[dict[str, Any]]:
    """Findings about the ring's employers, agents and contacts, once each, ring cases named."""
    number = {c.id: c.case_number for c in cases}
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for case_id in number:
        for f in scan.findings_for_case(case_id):
            if f.subject == case_id or (f.rule_id, f.subject) in seen:
                continue
            seen[(f.rule_id, f.subject)] = {
                "rule_id": f.rule_id, "title": _title(f.rule_id),
                "summary": masker.text(f.summary),
                "cases": sorted(number[c] or c for c in f.cases if c in number),
                "evidence": [{"kind": e.kind, "detail": masker.text(e.detail)}
                             for e in f.evidence]}
    return sorted(seen.values(), key=lambda f: (f["rule_id"], f["summary"]))


def _backpayments(store: GraphStore, detail: RingDetail, masker: Masker
                  ) -> list[dict[str, Any]]:
    """补缴 records based on a ring case, or made for a ring applicant through a ring employer."""
    cases = set(detail.case_ids)
    employers = {e.id for e in detail.employers}
    found: set[str] = set()
    for case in sorted(cases):
        found |= {e.src for e in store.edges_of(case, ["BACKPAY_BASIS"])}
    for person in sorted(a.id for a in detail.applicants):
        for e in store.edges_of(person, ["BACKPAY_FOR"]):
            if any(b.dst in employers for b in store.edges_of(e.src, ["BACKPAY_BY"])):
                found.add(e.src)
    rows = []
    for bid in sorted(found):
        node = store.node(bid)
        if node is not None:
            p = masker.props("BackPayment", node.props)
            rows.append({key: p.get(key) for key in (
                "person_name", "id_number", "employer_name", "period", "amount",
                "basis_case_number", "paid_date")})
    return sorted(rows, key=lambda r: (r["paid_date"] or "", r["person_name"] or ""))


def _contradictions(store: GraphStore, detail: RingDetail) -> list[dict[str, Any]]:
    """Registry facts that contradict the claims: start before founding, more confirmed
    workers than insured staff, an employer deregistered or revoked before the decision."""
    rows: list[dict[str, Any]] = []
    nodes = {e.id: store.node(e.id) for e in detail.employers}
    employers = {eid: node.props if node else {} for eid, node in nodes.items()}
    confirmed: dict[str, set[str]] = defaultdict(set)
    for case in detail.cases:
        parties = store.edges_of(case.id, ["PARTY_IN"])
        workers = {e.src for e in parties if e.props.get("side") == "worker"}
        for e in parties:
            if e.src not in employers:
                continue
            props = employers[e.src]
            founded, start = props.get("founded"), case.claimed_start
            if founded and start and str(start) < str(founded):
                rows.append({"kind": "start_before_founding", "employer": props.get("name"),
                             "fact": founded, "claim": start, "case_number": case.case_number})
            for key in ("cancel_date", "revoke_date"):
                gone, decided = props.get(key), case.decision_date
                if gone and decided and str(gone) < str(decided):
                    rows.append({"kind": key, "employer": props.get("name"), "fact": gone,
                                 "claim": decided, "case_number": case.case_number})
            if case.outcome in _CONFIRMED:
                confirmed[e.src] |= workers
    for eid, workers in sorted(confirmed.items()):
        headcount = employers[eid].get("insured_headcount")
        if isinstance(headcount, int) and len(workers) > headcount:
            rows.append({"kind": "over_headcount", "employer": employers[eid].get("name"),
                         "fact": headcount, "claim": len(workers), "case_number": None})
    return rows


def pack_data(store: GraphStore, ring_id: str, *, unmask: bool = False) -> dict[str, Any]:
    """Everything an evidence pack shows about ``ring_id`` (id or rank), masked by default."""
    scan = ScanResults.load(store)
    meta = scan.meta
    detail = ring_detail(store, ring_id)
    masker = Masker(unmask, store.ref_key())
    cases = []
    for row in detail.cases:
        node = store.node(row.id)
        props = node.props if node else {}
        document = store.document(row.id) or {}
        own, shared = _case_flags(scan, row.id, masker)
        where = case_jurisdiction(store, row.id)
        cases.append({**row.to_dict(), "doc_sha256": props.get("doc_sha256"),
                      "source_path": props.get("source_path"), "flags": own,
                      "ring_flags": shared, "procuratorate": where.procuratorate.name,
                      "jurisdiction_basis": where.basis,
                      "spans": [{"kind": s.get("kind", "other"), "text": masker.text(s["text"])}
                                for s in document.get("spans", []) if s.get("text")]})
    backpayments = _backpayments(store, detail, masker)
    timeline = [{**t.to_dict(), "kind": "case"} for t in detail.timeline]
    timeline += [{"date": b["paid_date"], "event": "补缴", "case_number": b["basis_case_number"],
                  "kind": "backpayment", "detail": f"{b['person_name']} {b['period']}"}
                 for b in backpayments if b["paid_date"]]
    timeline.sort(key=lambda t: (str(t["date"]), t["case_number"] or "", t["event"]))
    paid = [float(b["amount"]) for b in backpayments if isinstance(b["amount"], int | float)]
    people = {p: _person(store, p, masker) for p in
              [*(a.id for a in detail.agents), *(a.id for a in detail.applicants)]}
    return {
        "ring_id": detail.ring_id, "rank": detail.rank, "score": detail.score,
        "strength": detail.strength, "reasons": [masker.text(r) for r in detail.reasons],
        "structure": detail.structure.to_dict(), "masked": not unmask,
        "intermediaries": [{**i.to_dict(), "id": masker.ref(i.id)}
                           for i in detail.intermediaries],
        "agents": [{**a.to_dict(), **people[a.id], "id": masker.ref(a.id),
                    "mentions": [masker.ref(m) for m in a.mentions]}
                   for a in detail.agents],
        "employers": [e.to_dict() for e in detail.employers],
        "applicants": [{**a.to_dict(), **people[a.id], "id": masker.ref(a.id)}
                       for a in detail.applicants],
        "forums": [f.to_dict() for f in detail.forums], "cases": cases, "timeline": timeline,
        "flags": [f.to_dict() for f in detail.flags],
        "ring_flags": _ring_flags(scan, detail.cases, masker),
        "backpayments": backpayments, "contradictions": _contradictions(store, detail),
        "exposure": {**detail.exposure.to_dict(), "backpayments": len(backpayments),
                     "backpayment_total_yuan": round(sum(paid), 2)},
        "sources": [{"case_id": c["id"], "case_number": c["case_number"],
                     "doc_sha256": c["doc_sha256"], "source_path": c["source_path"]}
                    for c in cases],
        "scan": {"snapshot": meta.snapshot, "scanned_at": meta.scanned_at,
                 "community_seed": meta.community_seed, "lead_threshold": meta.lead_threshold,
                 "ringtrace_version": meta.ringtrace_version, "rules": meta.to_dict()["rules"]},
        "node_ids": list(detail.node_ids),
        "intermediary_ids": [i.id for i in detail.intermediaries],
    }
