"""What a ring export holds, read from the stored scan the way the evidence pack reads it.

The graph, i2, FollowTheMoney and dossier writers all take :class:`RingExport` objects: the
ring's graph (from :func:`~ringtrace.queries.ringviews.ring_graph`) with every node and edge
carrying the case numbers it comes from, and the facts of a referral (cases, quoted evidence,
exposure, snapshot, pack manifest) from :func:`~ringtrace.viz.pack_data.pack_data`. Nothing is
re-derived here, so an export says what ``ringtrace ring ID`` and ``ringtrace pack`` say.

Masking follows the pack (:class:`~ringtrace.viz.pack_data.Masker`): unless ``unmask=True``,
sensitive properties and quoted text are masked, and person and contact node ids (which embed
birth dates, ID and phone numbers) become opaque stable refs.

Unlike the writers beside it (csv, excel, jsonl, masking, cells), this module sits above the
views: lower layers must never import it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from ringtrace.graph.audit import AuditEntry
from ringtrace.graph.model import schema
from ringtrace.graph.props import AnyProps
from ringtrace.graph.store.base import GraphStore
from ringtrace.queries.results import ScanResults
from ringtrace.queries.ringviews import list_rings, ring_detail, ring_graph
from ringtrace.queries.views import RingDetail
from ringtrace.viz.catalogue import labels
from ringtrace.viz.pack_data import Masker, pack_data
from ringtrace.viz.pack_manifest import MANIFEST, sha256_file
from ringtrace.viz.templating import value_label

__all__ = ["CaseFacts", "Evidence", "RingExport", "merged_graph", "pack_manifest", "ring_exports",
           "role_of"]

#: commands whose audit lines record an evidence pack's manifest hash
_PACK_COMMANDS = ("ringtrace pack build", "ringtrace pack")
_CASE_EDGES = ("PARTY_IN", "AGENT_IN", "DECIDED_BY")


@dataclass(frozen=True)
class CaseFacts:
    """One case of the ring as the dossier's case table lists it."""

    case_id: str
    case_number: str
    forum: str
    filing_date: str | None
    decision_date: str | None
    cause: str | None
    outcome: str
    applicants: tuple[str, ...]
    procuratorate: str
    doc_sha256: str | None


@dataclass(frozen=True)
class Evidence:
    """A quoted span or red-flag evidence, with the case it comes from."""

    case_number: str
    label: str
    text: str


@dataclass(frozen=True, eq=False)
class RingExport:
    """One ring, ready for any export format (masked unless ``masked`` is False)."""

    ring_id: str
    rank: int
    score: float
    reasons: tuple[str, ...]
    cases: tuple[CaseFacts, ...]
    evidence: tuple[Evidence, ...]
    intermediaries: tuple[str, ...]
    employers: tuple[str, ...]
    applicants: int
    exposure_yuan: float
    exposure_method: str
    backpayment_total_yuan: float
    procuratorate: str
    snapshot: str | None
    scanned_at: str | None
    manifest_sha256: str | None
    masked: bool
    #: nodes and edges with ``kind``, ``kind_zh``, ``role``, ``label``, ``case_numbers``,
    #: ``rings`` and the (masked) stored properties; values may be lists
    graph: nx.MultiDiGraph


def role_of(kind: str, edges: Iterable[AnyProps], props: AnyProps) -> str:
    """The part a node plays in the ring: applicant, employer, agent, legal_rep, case, forum,
    phone, address, law_firm or other (from its kind and the edges it has in the ring).

    ``edges`` are the ring graph's attributes of the node's edges (``kind`` and the
    relationship's props) and ``props`` the node's (masked) props; only ``kind``, ``side``
    and an Identifier's kind are read.

    >>> role_of("Person", [{"kind": "AGENT_IN"}], {})
    'agent'
    >>> role_of("Identifier", [], {"identifier_kind": "phone"})
    'phone'
    """
    kinds = {e.get("kind") for e in edges}
    sides = {e.get("side") for e in edges if e.get("kind") == "PARTY_IN"}
    if kind == "Case":
        return "case"
    if kind == "Forum":
        return "forum"
    if kind == "LawFirm":
        return "law_firm"
    if kind == "Identifier":
        return str(props.get("identifier_kind") or props.get("kind") or "identifier")
    if "employer" in sides or kind == "Employer":
        return "employer"
    if "worker" in sides:
        return "applicant"
    if "AGENT_IN" in kinds:
        return "agent"
    if "LEGAL_REP_OF" in kinds:
        return "legal_rep"
    return "other"


def _label(kind: str, props: Mapping[str, Any], ref: str) -> str:
    node_kind = schema().nodes.get(kind)
    caption = props.get(node_kind.caption) if node_kind else None
    return str(caption or props.get("name") or ref)


def _text(masker: Masker, value: Any) -> Any:
    """A property value with ID and phone numbers in its text masked (list items too)."""
    if isinstance(value, list | tuple):
        return [masker.text(v) for v in value]
    return masker.text(value)


def _graph(store: GraphStore, detail: RingDetail, pack: dict[str, Any],
           masker: Masker) -> nx.MultiDiGraph:
    """The ring graph with masked ids and properties and each item's source case numbers."""
    raw = ring_graph(store, detail.case_ids)
    ring_id = detail.ring_id
    number = {c.id: c.case_number or c.id for c in detail.cases}
    cases = {c["id"]: c for c in pack["cases"]}
    span_kinds = labels()["dossier"]["span_kinds"]
    roles = labels()["export_roles"]
    direct: dict[str, set[str]] = {n: set() for n in raw}
    edge_numbers: dict[tuple[str, str, str], set[str]] = {}
    for u, v, key, data in raw.edges(keys=True, data=True):
        own = {number[x] for x in (u, v, data.get("source_doc")) if x in number}
        edge_numbers[(u, v, key)] = own
        if data.get("kind") in _CASE_EDGES:
            direct[u] |= own
            direct[v] |= own
    for (u, v, _), own in edge_numbers.items():
        if not own:
            own |= direct[u] | direct[v]
    g = nx.MultiDiGraph()
    for nid, data in raw.nodes(data=True):
        kind = data.get("kind", "")
        props = masker.props(kind, {k: v for k, v in data.items() if k != "kind"})
        numbers = set(direct[nid])
        for u, v, key in [*raw.out_edges(nid, keys=True), *raw.in_edges(nid, keys=True)]:
            numbers |= edge_numbers[(u, v, key)]
        if nid in number:
            numbers = {number[nid]}
        edges = [d for _, _, d in [*raw.out_edges(nid, data=True), *raw.in_edges(nid, data=True)]]
        ref = masker.ref(nid)
        role = role_of(kind, edges, props)
        attrs: dict[str, Any] = {
            **{k: _text(masker, v) for k, v in props.items() if k != "kind"},
            "kind": kind, "kind_zh": schema().nodes[kind].label_zh if kind in schema().nodes
            else kind, "role": role, "role_zh": roles.get(role, role),
            "label": _label(kind, props, ref),
            "case_numbers": sorted(numbers), "rings": [ring_id]}
        if nid in cases:
            case = cases[nid]
            attrs["spans"] = [f"{span_kinds.get(s['kind'], s['kind'])}：{s['text']}"
                              for s in case["spans"]]
            attrs["flags"] = [f["title"] for f in case["flags"]]
            attrs["outcome_zh"] = value_label("Case", "outcome", case.get("outcome"))
        g.add_node(ref, **attrs)
    for u, v, key, data in raw.edges(keys=True, data=True):
        sources = sorted(edge_numbers[(u, v, key)])
        dates = sorted({cases[c]["filing_date"] for c in (u, v, data.get("source_doc"))
                        if c in cases and cases[c].get("filing_date")})
        kind = data.get("kind", "")
        props = {k: _text(masker, val) for k, val in data.items()
                 if k not in ("kind", "source_doc")}
        g.add_edge(masker.ref(u), masker.ref(v), key=masker.text(key),
                   **props, kind=kind,
                   kind_zh=schema().edges[kind].label_zh if kind in schema().edges else kind,
                   label=schema().edges[kind].label_zh if kind in schema().edges else kind,
                   date=dates[0] if len(dates) == 1 else None,
                   case_numbers=sources, rings=[ring_id])
    return g


def _evidence(pack: dict[str, Any]) -> tuple[Evidence, ...]:
    """Quoted text behind the red flags, then the document's own quoted spans, per case."""
    span_kinds = labels()["dossier"]["span_kinds"]
    out: list[Evidence] = []
    for case in pack["cases"]:
        number = case["case_number"] or case["id"]
        seen: set[str] = set()
        for flag in case["flags"]:
            for item in flag["evidence"]:
                if item["kind"] == "text" and item["detail"] not in seen:
                    seen.add(item["detail"])
                    out.append(Evidence(number, flag["title"], item["detail"]))
        for span in case["spans"]:
            if span["text"] not in seen:
                seen.add(span["text"])
                out.append(Evidence(number, span_kinds.get(span["kind"], span["kind"]),
                                    span["text"]))
    return tuple(out)


def _case_facts(store: GraphStore, pack: dict[str, Any]) -> tuple[CaseFacts, ...]:
    names = {a["ref"]: a["name"] for a in pack["applicants"]}
    masker = Masker(not pack["masked"], store.ref_key())
    rows = []
    for case in pack["cases"]:
        workers = sorted({names.get(masker.ref(e.src), "") for e in
                          store.edges_of(case["id"], ["PARTY_IN"])
                          if e.props.get("side") == "worker"} - {""})
        rows.append(CaseFacts(
            case_id=case["id"], case_number=case["case_number"] or case["id"],
            forum=case["forum"] or "", filing_date=case.get("filing_date"),
            decision_date=case.get("decision_date"), cause=case.get("cause"),
            outcome=value_label("Case", "outcome", case.get("outcome")),
            applicants=tuple(workers), procuratorate=case["procuratorate"] or "",
            doc_sha256=case.get("doc_sha256")))
    return tuple(rows)


def pack_manifest(audit: Sequence[AuditEntry], scan: ScanResults, ring_id: str) -> str | None:
    """The manifest SHA-256 of the latest evidence pack of ``ring_id`` that still exists and
    was made from the current scan, or None.

    The audit log says where each pack was written and its manifest's hash; the pack counts
    only if that manifest is still there with that hash, names this ring and the scan's
    snapshot (a pack of an older snapshot describes other data).
    """
    ring = scan.ring(ring_id)
    for entry in reversed(audit):
        result = entry.get("result") or {}
        digest, out = result.get("manifest_sha256"), result.get("out")
        if entry.get("command") not in _PACK_COMMANDS or entry.get("status") != "ok" \
                or not digest or not out:
            continue
        manifest = Path(str(out)) / MANIFEST
        if not manifest.is_file() or sha256_file(manifest) != digest:
            continue
        try:
            info = json.loads(manifest.read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if (info.get("ring_id") == ring.ring_id
                and info.get("workspace_snapshot") == scan.meta.snapshot):
            return str(digest)
    return None


def _one(store: GraphStore, scan: ScanResults, ring_id: str, unmask: bool,
         audit: Sequence[AuditEntry]) -> RingExport:
    detail = ring_detail(store, ring_id)
    pack = pack_data(store, ring_id, unmask=unmask)
    masker = Masker(unmask, store.ref_key())
    cases = _case_facts(store, pack)
    where = Counter(c.procuratorate for c in cases if c.procuratorate).most_common(1)
    exposure = pack["exposure"]
    return RingExport(
        ring_id=pack["ring_id"], rank=int(pack["rank"]), score=float(pack["score"]),
        reasons=tuple(pack["reasons"]), cases=cases, evidence=_evidence(pack),
        intermediaries=tuple(i["name"] for i in pack["intermediaries"]),
        employers=tuple(e["name"] for e in pack["employers"]),
        applicants=len(pack["applicants"]),
        exposure_yuan=float(exposure.get("amount_yuan") or 0.0),
        exposure_method=str(exposure.get("method") or ""),
        backpayment_total_yuan=float(exposure.get("backpayment_total_yuan") or 0.0),
        procuratorate=where[0][0] if where else "",
        snapshot=pack["scan"]["snapshot"], scanned_at=pack["scan"]["scanned_at"],
        manifest_sha256=pack_manifest(audit, scan, pack["ring_id"]), masked=not unmask,
        graph=_graph(store, detail, pack, masker))


def ring_exports(store: GraphStore, ring_ids: Sequence[str] | None = None, *,
                 unmask: bool = False, audit: Sequence[AuditEntry] = ()
                 ) -> list[RingExport]:
    """The rings to export: those named (ids or ranks), or every reported ring when None.

    ``audit`` is the workspace audit log (:func:`ringtrace.graph.audit.read_audit`), read for
    the manifest hashes of evidence packs already written.
    """
    scan = ScanResults.load(store)
    chosen = ring_ids if ring_ids is not None else [r.ring_id for r in list_rings(store)]
    return [_one(store, scan, r, unmask, audit) for r in chosen]


def _union(old: Any, new: Any) -> Any:
    if isinstance(old, list) and isinstance(new, list):
        return sorted(set(old) | set(new))
    return old


def merged_graph(rings: Sequence[RingExport]) -> nx.MultiDiGraph:
    """One graph of several rings: shared nodes once, their case numbers and rings merged."""
    g = nx.MultiDiGraph()
    for ring in rings:
        for nid, data in ring.graph.nodes(data=True):
            if nid in g:
                old = g.nodes[nid]
                for key in ("case_numbers", "rings", "spans", "flags"):
                    if key in data:
                        old[key] = _union(old.get(key, []), data[key])
            else:
                g.add_node(nid, **data)
        for u, v, key, data in ring.graph.edges(keys=True, data=True):
            if g.has_edge(u, v, key):
                old = g.edges[u, v, key]
                for name in ("case_numbers", "rings"):
                    old[name] = _union(old[name], data[name])
            else:
                g.add_edge(u, v, key=key, **data)
    g.graph.update(rings=[r.ring_id for r in rings], masked=all(r.masked for r in rings),
                   snapshot=next((r.snapshot for r in rings if r.snapshot), None))
    return g
