"""List where ringtrace went wrong on one blind world, after ingest + scan of that world.

    python -m tools.blindcorpus.failures WORLD_DIR WORKSPACE [--out failures.json]

Prints (and writes as JSON) every false ring, missed ring and look-alike case inside a ring, with
the documents' files and case numbers and what ringtrace said (`ringtrace ring ID --json`,
`ringtrace leads --json`), the quarantined documents, and the fields `ringtrace parse --json`
read differently from what the generator wrote. It only calls the ringtrace CLI and reads the
world's truth.json; it does not import ringtrace's detector.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from ringtrace.graph.identity import normalize_case_number

RINGTRACE = os.environ.get("RINGTRACE", str(Path(sys.executable).with_name("ringtrace")))
DOC_TYPES = {"judgment": "判决书", "appeal": "判决书", "court_mediation": "调解书", "award": "仲裁裁决书",
             "arb_mediation": "仲裁调解书", "refusal": "不予受理通知书"}
RESPONSES = {"no_objection": {"no_objection", "admits"}, "admits": {"admits", "no_objection"},
             "partial": {"partial"}, "contests": {"contests"}, "absent": {"absent"}}


def rt(ws: Path | None, *args: str) -> Any:
    cmd = [RINGTRACE, "-q"] + (["-w", str(ws)] if ws else []) + list(args)
    out = subprocess.run(cmd, capture_output=True, text=True, check=False).stdout
    if "--json" in args and args[0] == "parse":
        return [json.loads(line) for line in out.splitlines() if line.strip()]
    return json.loads(out) if out.strip() else None


def norm(n: str | None) -> str:
    return normalize_case_number(n) if n else ""


def misparses(world: Path, truth: dict[str, Any]) -> tuple[dict[str, list[dict[str, Any]]], dict[str, dict[str, Any]]]:
    records = rt(None, "parse", str(world / "documents"), "--json")
    by_file: dict[str, dict[str, Any]] = {}
    for r in records:
        sp = r.get("source_path") or ""
        key = "documents/" + Path(sp).name
        by_file[key] = r
    bad: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)

    def flag(field: str, tc: dict[str, Any], wrote: Any, read: Any) -> None:
        bad[field].append({"file": tc["file"], "case_number": tc["printed_case_number"], "layout": tc["layout"],
                           "wrote": wrote, "read": read})

    for tc in truth["cases"]:
        r = by_file.get(tc["file"])
        if r is None:
            flag("no_record", tc, "a document", None)
            continue
        f = tc["facts"]
        if tc["case_number"] and norm(r.get("case_number")) != norm(tc["case_number"]):
            flag("case_number", tc, tc["case_number"], r.get("case_number"))
        if tc["layout"].get("form") != "repost" and r.get("document_type") != DOC_TYPES[tc["document_type"]]:
            flag("document_type", tc, DOC_TYPES[tc["document_type"]], r.get("document_type"))
        parties = r.get("parties") or []
        workers = [p["name"] for p in parties if p.get("side") == "worker"]
        employers = [p["name"] for p in parties if p.get("side") == "employer"]
        printed_w = [m["printed"] for m in tc["mentions"] if m["role"] == "party" and m["side"] == "worker"]
        printed_e = [m["printed"] for m in tc["mentions"] if m["role"] == "party" and m["side"] == "employer"]
        # a repost that starts after the party block carries no party lines to read
        has_parties = tc["layout"].get("starts_at") != "body"
        if has_parties and printed_w and printed_w[0] not in workers:
            flag("worker_name", tc, printed_w, workers or [p["name"] + "/" + str(p.get("side")) for p in parties])
        if has_parties and printed_e and printed_e[0] not in employers:
            flag("employer_name", tc, printed_e[0], employers or [p["name"] + "/" + str(p.get("side")) for p in parties])
        if tc["document_type"] in ("refusal", "appeal") or f["employer_initiated"]:
            continue
        for fld in ("claimed_start", "claimed_end"):
            if f[fld] and (r.get(fld) or "")[:7] != f[fld][:7]:
                flag(fld, tc, f[fld], r.get(fld))
        want = RESPONSES.get(f["response"], set())
        if r.get("defendant_response") not in want:
            flag("defendant_response", tc, f["response"], r.get("defendant_response"))
        kind = "with_amounts" if f["amounts"] else "confirmation_only"
        if r.get("claim_kind") != kind:
            flag("claim_kind", tc, kind, r.get("claim_kind"))
        if has_parties and len(r.get("agents") or []) < len(set(f["agents"])):
            flag("agents", tc, f["agents"], [a["name"] for a in r.get("agents") or []])
    return bad, by_file


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("world", type=Path)
    ap.add_argument("workspace", type=Path)
    ap.add_argument("--out", type=Path)
    a = ap.parse_args()
    truth = json.loads((a.world / "truth.json").read_text(encoding="utf-8"))
    bad, by_file = misparses(a.world, truth)
    # store case key -> truth cases
    doc_of: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for tc in truth["cases"]:
        r = by_file.get(tc["file"], {})
        key = norm(r.get("case_number")) or ("sha256:" + str(r.get("doc_id")) if r.get("doc_id") else tc["file"])
        doc_of[key].append(tc)

    def truth_of(case: dict[str, Any]) -> dict[str, Any] | None:
        hits = doc_of.get(norm(case.get("case_number"))) or doc_of.get(str(case.get("id", "")).split("|")[0].replace("Case:", ""))
        return hits[0] if hits else None

    leads = {ld["case_id"]: ld for ld in rt(a.workspace, "leads", "--min-score", "0", "-n", "1000000", "--json") or []}
    reported = []
    for ring in rt(a.workspace, "rings", "-n", "10000", "--json") or []:
        detail = rt(a.workspace, "ring", ring["ring_id"], "--json")
        members = []
        for c in detail["cases"]:
            t = truth_of(c)
            members.append({"case_number": c.get("case_number"), "score": c.get("score"), "rules": c.get("rules"),
                            "file": t["file"] if t else None, "group": t["group"] if t else "?",
                            "kind": t["kind"] if t else "?", "ring_id": t["ring_id"] if t else None})
        reported.append({"ring_id": ring["ring_id"], "score": ring["score"], "intermediaries": ring.get("intermediaries"),
                         "employers": [e.get("name") if isinstance(e, dict) else e for e in detail.get("employers", [])],
                         "agents": [g.get("name") if isinstance(g, dict) else g for g in detail.get("agents", [])][:6],
                         "members": members})
    planted: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for tc in truth["cases"]:
        # a refusal notice is part of the ring's paper trail but confirms nothing: not counted
        if tc["ring_id"] and tc["document_type"] != "refusal":
            planted[tc["ring_id"]].append(tc)
    planted_n = {rid: len({tc["printed_case_number"] for tc in cs}) for rid, cs in planted.items()}
    found: set[str] = set()
    false_rings: list[dict[str, Any]] = []
    for rr in reported:
        cnt = collections.Counter(m["ring_id"] for m in rr["members"])
        hit = None
        for rid, n in cnt.items():
            if rid and n * 2 >= planted_n[rid] and n * 2 >= len(rr["members"]):
                hit = rid
        if hit:
            found.add(hit)
        else:
            false_rings.append({**rr, "composition": dict(collections.Counter(
                f"{m['group']}:{m['kind']}" + (f":{m['ring_id']}" if m["ring_id"] else "") for m in rr["members"]))})
    ring_of_case = {m["case_number"]: rr["ring_id"] for rr in reported for m in rr["members"]}
    typ = {r["ring_id"]: r["typology"] for r in truth["rings"]}
    missed: list[dict[str, Any]] = []
    for rid, cs in planted.items():
        if rid in found:
            continue
        rows: list[dict[str, Any]] = []
        for tc in cs:
            r = by_file.get(tc["file"], {})
            lead = next((ld for ld in leads.values() if norm(ld.get("case_number")) == norm(r.get("case_number"))
                         and r.get("case_number")), None)
            rows.append({"file": tc["file"], "case_number": tc["printed_case_number"], "document_type": tc["document_type"],
                         "form": tc["layout"]["form"], "score": lead["score"] if lead else None,
                         "rules": lead["rules"] if lead else None,
                         "in_ring": ring_of_case.get(r.get("case_number"))})
        missed.append({"ring_id": rid, "typology": typ.get(rid), "size": planted_n[rid], "cases": rows})
    decoys_in_rings = [{"ring": rr["ring_id"], **m} for rr in reported for m in rr["members"] if m["group"] == "decoy"]
    quarantine = rt(a.workspace, "quarantine", "--json") or []
    ev = json.loads(subprocess.run([RINGTRACE, "-q", "-w", str(a.workspace), "eval", "--truth", str(a.world / "truth.json"),
                                    "--json"], capture_output=True, text=True, check=False).stdout or "{}")
    summary = {k: ev.get(k) for k in ("ring_recall", "ring_precision", "case_precision", "case_recall",
                                     "decoy_ring_rate", "decoy_flag_rate", "quarantine_rate", "rings_planted",
                                     "rings_reported")}
    result: dict[str, Any] = {"world": str(a.world), "summary": summary, "false_rings": false_rings, "missed_rings": missed,
              "decoys_in_rings": decoys_in_rings, "quarantine": quarantine,
              "misparse_counts": {k: len(v) for k, v in bad.items()},
              "misparse_pairs": {k: collections.Counter(f"{x['wrote']} -> {x['read']}" for x in v
                                                        if isinstance(x["wrote"], str)).most_common(8)
                                 for k, v in bad.items()},
              "misparses": {k: v[:15] for k, v in bad.items()}, "documents": len(truth["cases"])}
    if a.out:
        a.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(summary, ensure_ascii=False))
    print(f"false rings {len(false_rings)}:")
    for fr in false_rings:
        print("  ", fr["ring_id"], len(fr["members"]), fr["composition"], fr["employers"][:3], fr["intermediaries"])
    print(f"missed rings {len(missed)}:")
    for mr in missed:
        print("  ", mr["ring_id"], mr["typology"], mr["size"],
              [(c["case_number"], c["score"], c["in_ring"]) for c in mr["cases"][:4]])
    print(f"look-alike cases in rings {len(decoys_in_rings)}:",
          collections.Counter(d["kind"] for d in decoys_in_rings))
    print(f"quarantined {len(quarantine)}; misparsed fields of {len(truth['cases'])} documents:",
          dict(result["misparse_counts"]))


if __name__ == "__main__":
    main()
