"""Benchmark per-entity queries (employer, agent, person, ring) on a scanned workspace.

    python benchmarks/bench_queries.py --workspace .bench/ws-250000-20261128
    python benchmarks/bench_queries.py --cases 50000     # generated, ingested, scanned (cached)

What an investigator runs all day: one entity's profile. A seeded sample of employers, agents
and persons (the nodes that take part in cases) and of rings is queried in this process
(``employer_profile``, ``agent_profile``, ``person_profile``, ``ring_detail``) - p50 and p95
per kind, with the part spent in ``resolve.ensure`` (the check that the kept resolution is
current) - and through the CLI (``python -m ringtrace -w WS employer ID --json``, a fresh
process each time: imports included) - the median wall time per kind. For comparison, the old
path's cost on the same workspace: loading the whole stored scan (``store.load_scan()``), which
every query paid before scan results were stored for lookup.

The targets are issue 16's (:data:`P95_MS`, :data:`CLI_SECONDS`); a miss makes the script exit 1.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ringtrace.graph.store.sqlite import DB_NAME, SQLiteStore
from ringtrace.queries.entities import agent_profile, employer_profile, person_profile
from ringtrace.queries.results import ScanResults
from ringtrace.queries.ringviews import ring_detail
from ringtrace.resolve import stage

ROOT = Path(__file__).resolve().parent.parent
#: issue 16: per-entity query p95 in-process, milliseconds
P95_MS = 50.0
#: issue 16: per-entity query wall time through the CLI, seconds (median of the runs here)
CLI_SECONDS = 1.0
KINDS = ("employer", "agent", "person", "ring")


@dataclass(frozen=True)
class Sample:
    """Entity ids to query, per kind."""

    ids: dict[str, list[str]]


def scanned_workspace(workdir: Path, cases: int, seed: int) -> Path:
    """The workspace ``bench_scan`` left for ``cases`` (if scanned), else one of our own,
    generated, ingested and scanned once under ``workdir``."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_scan import cached_workspace  # the same cached provinces as the scan benchmark

    left = workdir / f"ws-{cases}-{seed}"
    if (left / DB_NAME).exists():
        with SQLiteStore.open(left, create=False) as store:
            if store.scan_reader() is not None:
                return left
    return cached_workspace(workdir, "queries-ws", cases, seed, scanned=True)


def sample(store: SQLiteStore, per_kind: int, seed: int) -> Sample:
    """``per_kind`` ids of each kind, drawn with ``seed`` from the sorted candidates: employers
    and persons that are parties to a case, persons who act as agents, and rings."""
    employers = {node_id for node_id, _ in store.node_values("Employer", ["name"])}
    persons = {node_id for node_id, _ in store.node_values("Person", ["name"])}
    parties = {src for src, _ in store.edge_pairs(["PARTY_IN"])}
    agents = {src for src, _ in store.edge_pairs(["AGENT_IN"])}
    rings = [r.ring_id for r in ScanResults.load(store).rings]
    rng = random.Random(seed)

    def draw(pool: set[str] | list[str]) -> list[str]:
        ordered = sorted(pool)
        return rng.sample(ordered, min(per_kind, len(ordered)))

    return Sample({"employer": draw(employers & parties),
                   "agent": draw(persons & agents),
                   "person": draw((persons & parties) - agents),
                   "ring": draw(rings)})


def query(kind: str) -> Callable[[SQLiteStore, str], Any]:
    """The library call behind ``ringtrace KIND ID``."""
    calls: dict[str, Callable[[SQLiteStore, str], Any]] = {
        "employer": employer_profile, "agent": agent_profile, "person": person_profile,
        "ring": ring_detail}
    return calls[kind]


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0-1) by the nearest-rank method."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(q * len(ordered) + 0.5) - 1))]


def in_process(store: SQLiteStore, kind: str, ids: list[str]) -> tuple[list[float], list[float]]:
    """Seconds per query, and the seconds of its ``ensure`` (timed apart, same state)."""
    run = query(kind)
    run(store, ids[0])  # warm-up, not counted: imports, the first page reads
    spent: list[float] = []
    ensured: list[float] = []
    for node_id in ids:
        t0 = time.perf_counter()
        run(store, node_id)
        spent.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        stage.ensure(store)
        ensured.append(time.perf_counter() - t0)
    return spent, ensured


def cli_wall(ws: Path, kind: str, ids: list[str]) -> list[float]:
    """Wall seconds of ``python -m ringtrace -w WS KIND ID --json``, one fresh process each."""
    out = []
    for node_id in ids:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "ringtrace", "-w", str(ws), kind, node_id,
                        "--json"], check=True, capture_output=True, cwd=ROOT)
        out.append(time.perf_counter() - t0)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspace", type=Path, help="a scanned workspace (only read)")
    parser.add_argument("--cases", type=int, default=50_000,
                        help="without --workspace: the bench_scan workspace of this many "
                             "cases if scanned, else one generated, ingested and scanned")
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--workdir", type=Path, default=Path(".bench"))
    parser.add_argument("--per-kind", type=int, default=50, help="entities queried per kind")
    parser.add_argument("--cli-runs", type=int, default=5, help="CLI runs per kind")
    parser.add_argument("--sample-seed", type=int, default=16)
    args = parser.parse_args()

    ws = (args.workspace or scanned_workspace(args.workdir, args.cases, args.seed)).resolve()
    missed: list[str] = []
    with SQLiteStore.open(ws, create=False) as store:
        documents = store.counts()["documents"]["total"]
        picked = sample(store, args.per_kind, args.sample_seed)
        print(f"per-entity queries on {ws} ({documents:,} documents); "
              f"targets: p95 <= {P95_MS:g} ms in-process, CLI median <= {CLI_SECONDS:g} s")
        for kind in KINDS:
            ids = picked.ids[kind]
            if not ids:
                print(f"  {kind:<8} nothing to query")
                continue
            spent, ensured = in_process(store, kind, ids)
            p50, p95 = percentile(spent, 0.5) * 1e3, percentile(spent, 0.95) * 1e3
            ok = p95 <= P95_MS
            if not ok:
                missed.append(f"{kind} in-process p95 {p95:.0f} ms > {P95_MS:g} ms")
            print(f"  {kind:<8} in-process n={len(ids):<3} p50 {p50:8.1f} ms  p95 {p95:8.1f} ms"
                  f"  (ensure p50 {percentile(ensured, 0.5) * 1e3:7.1f} ms)  "
                  f"{'met' if ok else 'MISSED'}")
        _, load_seconds = timed_load(store)
        print(f"  old path: store.load_scan() (the whole scan, what each query read before) "
              f"{load_seconds:.2f} s")
    for kind in KINDS:
        ids = picked.ids[kind][:args.cli_runs]
        if not ids:
            continue
        walls = cli_wall(ws, kind, ids)
        median = statistics.median(walls)
        ok = median <= CLI_SECONDS
        if not ok:
            missed.append(f"{kind} CLI median {median:.2f} s > {CLI_SECONDS:g} s")
        print(f"  {kind:<8} CLI        n={len(ids):<3} median {median:6.2f} s  "
              f"max {max(walls):6.2f} s  {'met' if ok else 'MISSED'}")
    if missed:
        print("missed: " + "; ".join(missed))
        return 1
    return 0


def timed_load(store: SQLiteStore) -> tuple[int, float]:
    """Cases in the whole stored scan, and the seconds to load it."""
    t0 = time.perf_counter()
    scan = store.load_scan()
    return len(scan.get("cases", {}) if scan else {}), time.perf_counter() - t0


if __name__ == "__main__":
    sys.exit(main())
