"""Benchmark the second half on a generated province: exports, an evidence pack, feedback.

    python benchmarks/bench_second_half.py --cases 50000

Steps: generate (cached under --workdir), ingest and scan (reused when the workspace is there),
then time `leads export` per procuratorate (xlsx), the evidence pack of the top ring (with its
manifest and verification), simulated outcomes for half of the leads, their import, and the
feedback report with re-weighting and the held-out evaluation. Prints seconds per step and the
figures each step produced.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ringtrace.graph.records import FeedbackRecord
from ringtrace.graph.store.sqlite import DB_NAME, SQLiteStore
from ringtrace.loaders.ingest import ingest_paths
from ringtrace.queries.evaluate import load_truth
from ringtrace.queries.exports import export_leads
from ringtrace.queries.feedback import feedback_report, record_feedback, simulate_outcomes
from ringtrace.queries.scan import run_scan
from ringtrace.viz.pack import write_pack
from ringtrace.viz.pack_manifest import verify_pack


def timed(label: str, fn: Callable[[], Any]) -> Any:
    t0 = time.perf_counter()
    value = fn()
    print(f"{label:<34} {time.perf_counter() - t0:8.2f} s")
    return value


def workspace(workdir: Path, cases: int, seed: int) -> tuple[SQLiteStore, Path, Path]:
    from ringtrace.synth import generate

    province = workdir / f"province-{cases}-{seed}"
    if not (province / ".complete").exists():
        shutil.rmtree(province, ignore_errors=True)
        timed(f"generate {cases} cases", lambda: generate(province, seed=seed, cases=cases))
        (province / ".complete").write_text("ok")
    ws = workdir / f"ws2-{cases}-{seed}"
    fresh = not (ws / DB_NAME).exists()
    store = SQLiteStore.open(ws)
    if fresh:
        inputs = [province / n for n in ("registry.csv", "cases.jsonl", "backpayments.csv")]
        timed("ingest", lambda: ingest_paths(store, inputs))
        timed("scan", lambda: run_scan(store))
    return store, ws, province / "truth.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--workdir", type=Path, default=Path(".bench"))
    args = parser.parse_args()
    store, _, truth_path = workspace(args.workdir, args.cases, args.seed)
    out = Path(tempfile.mkdtemp(prefix="ringtrace-bench-"))
    ledger_ws = out / "ledger"
    exported = timed("leads export (xlsx)",
                     lambda: export_leads(store, ledger_ws, out / "exports", fmt="xlsx"))
    print(f"  {exported.exported} leads in {len(exported.files)} files")
    pack = timed("pack of ring 1", lambda: write_pack(store, "1", out / "pack",
                                                      zip_path=out / "pack.zip"))
    check = timed("pack verify (zip)", lambda: verify_pack(out / "pack.zip"))
    print(f"  {len(pack.files)} files, verify ok={check.ok}")
    truth = load_truth(truth_path)
    rows = timed("simulate outcomes (half)", lambda: simulate_outcomes(store, truth))
    records = [FeedbackRecord(outcome=r["核查结果"], date=r["日期"], lead_id=r["线索编号"],
                              verdict=r["核查结果"] == "核实属实", stage=1,
                              source_file="simulated", source_line=i)
               for i, r in enumerate(rows, start=2)]
    imported = timed("feedback import", lambda: record_feedback(store, ledger_ws, records))
    print(f"  {imported.recorded} outcomes recorded")
    report = timed("feedback report (truth)",
                   lambda: feedback_report(store, ledger_ws, truth=truth))
    ev = report.evaluation
    print(f"  held-out {ev.held_out}: precision@{ev.k} {ev.precision_before} -> "
          f"{ev.precision_after}, AP {ev.average_precision_before} -> "
          f"{ev.average_precision_after}")
    store.close()
    shutil.rmtree(out)


if __name__ == "__main__":
    main()
