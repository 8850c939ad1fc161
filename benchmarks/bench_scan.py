"""Benchmark `scan` on a generated province, with a plain-networkx baseline in the same run.

    python benchmarks/bench_scan.py --cases 250000

Steps: generate (cached under --workdir), ingest, scan (time per step), then the community step
side by side: ringtrace's projection (integer arrays straight from the stored tables) + networkit
PLM, against a baseline that builds a networkx graph in a Python loop and runs
`louvain_communities`. Prints seconds, peak traced memory per edge, modularity and the ratios.
"""

from __future__ import annotations

import argparse
import shutil
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np

from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.ingest import ingest_paths
from ringtrace.queries.communities import communities, modularity
from ringtrace.queries.projection import EDGE_KINDS, entity_projection
from ringtrace.queries.scan import run_scan


def timed(fn: Callable[[], Any], trace: bool = False) -> tuple[Any, float, int]:
    if trace:
        tracemalloc.start()
    t0 = time.perf_counter()
    value = fn()
    seconds = time.perf_counter() - t0
    peak = 0
    if trace:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return value, seconds, peak


def generator_fingerprint() -> str:
    """Hash of the generator's source, so a cached province is rebuilt when the generator changes."""
    import hashlib

    import ringtrace.synth

    h = hashlib.sha256()
    for path in sorted(Path(ringtrace.synth.__file__).parent.rglob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()[:10]


def province(workdir: Path, cases: int, seed: int) -> Path:
    from ringtrace.synth import generate

    out = workdir / f"province-{cases}-{seed}-{generator_fingerprint()}"
    stamp = out / ".complete"
    if not stamp.exists():
        shutil.rmtree(out, ignore_errors=True)
        _, seconds, _ = timed(lambda: generate(out, seed=seed, cases=cases))
        stamp.write_text("ok")
        print(f"generate {cases} cases: {seconds:.1f} s")
    return out


def baseline_graph(store: SQLiteStore) -> nx.Graph:
    """The plain-networkx way: a Python loop over the stored edges into nx.Graph."""
    g = nx.Graph()
    for kind in EDGE_KINDS:
        for e in store.iter_edges(kind):
            g.add_edge(e.src, e.dst)
    return g


def baseline_louvain(store: SQLiteStore, seed: int) -> list[set[str]]:
    return nx.community.louvain_communities(baseline_graph(store), seed=seed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=250_000)
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--workdir", type=Path, default=Path(".bench"))
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args()
    src = province(args.workdir, args.cases, args.seed)
    ws = args.workdir / f"ws-{args.cases}-{args.seed}"
    shutil.rmtree(ws, ignore_errors=True)
    store = SQLiteStore.open(ws)
    summary, seconds, _ = timed(lambda: ingest_paths(store, [src], batch_size=2000))
    edges = sum(summary.counts_after["edges"].values())
    print(f"ingest: {summary.records} records, {edges} relationships in {seconds:.1f} s "
          f"({summary.records / seconds:,.0f} records/s)")

    marks: list[tuple[str, float]] = []
    t0 = time.perf_counter()
    result, total, _ = timed(lambda: run_scan(store, progress=lambda s: marks.append(
        (s, time.perf_counter()))))
    end = t0 + total
    print(f"scan: {result['meta']['cases_scanned']} cases, {result['meta']['rings']} rings, "
          f"{result['meta']['leads']} leads in {total:.1f} s (target <= 30 s at 250,000 cases)")
    for (step, start), (_, nxt) in zip(marks, [*marks[1:], ("end", end)], strict=True):
        print(f"  {step:<12} {nxt - start:6.2f} s")

    proj, t_proj, _ = timed(lambda: entity_projection(store))
    _, _, m_proj = timed(lambda: entity_projection(store), trace=True)  # memory, traced apart
    labels, t_comm, _ = timed(lambda: communities(proj.n, proj.sources, proj.targets, seed=42))
    q_ours = modularity(proj.n, proj.sources, proj.targets, labels)
    m = len(proj.sources)
    print(f"projected entity graph: {proj.n:,} nodes, {m:,} edges")
    print(f"  ringtrace  build {t_proj:6.2f} s ({m_proj / max(m, 1):5.0f} B/edge traced)  "
          f"networkit PLM {t_comm:6.2f} s  modularity {q_ours:.4f}")
    if args.skip_baseline:
        return
    parts, t_nx, _ = timed(lambda: baseline_louvain(store, 42))  # untraced, like ours
    index = {nid: i for i, nid in enumerate(proj.ids)}
    base_labels = np.zeros(proj.n, dtype=np.int64)
    for c, part in enumerate(parts):
        for nid in part:
            base_labels[index[nid]] = c
    q_nx = modularity(proj.n, proj.sources, proj.targets, base_labels)
    _, t_build, m_build = timed(lambda: baseline_graph(store), trace=True)
    print(f"  networkx   build {t_build:6.2f} s ({m_build / max(m, 1):5.0f} B/edge traced)  "
          f"build+louvain {t_nx:6.2f} s  modularity {q_nx:.4f}")
    print(f"  ratio: community step {t_nx / max(t_proj + t_comm, 1e-9):.1f}x faster "
          f"(target >= 20x); memory per edge {m_build / max(m_proj, 1):.1f}x smaller")


if __name__ == "__main__":
    main()
