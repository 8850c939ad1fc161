"""Benchmark `ringtrace push`: copy an ingested province into Neo4j, twice.

    python benchmarks/bench_push.py                      # 100,000 cases, own throwaway server
    python benchmarks/bench_push.py --cases 20000 --neo4j bolt://127.0.0.1:7687 --wipe

Steps: generate a synthetic province (cached under --workdir), ingest it into a workspace
(cached), then push it into an empty database and push it again. Prints seconds and
relationships per second for both pushes, and checks that the second push changed no count.
Without --neo4j (or NEO4J_URI) it starts its own server with tools/neo4j-dev/start.sh and stops
it afterwards; a server you name is only emptied first when you pass --wipe.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ringtrace.graph.store.copy import copy_store
from ringtrace.graph.store.neo4j import Neo4jStore
from ringtrace.graph.store.neo4j_uri import mask_uri
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.ingest import ingest_paths

ROOT = Path(__file__).resolve().parent.parent
DEV_SERVER = ROOT / "tools" / "neo4j-dev"


def workspace(workdir: Path, cases: int, seed: int) -> Path:
    """An ingested workspace for ``cases`` synthetic cases (built once, then reused)."""
    from ringtrace.synth import generate

    ws = workdir / f"workspace-{cases}-{seed}"
    stamp = ws / ".complete"
    if stamp.exists():
        return ws
    province = workdir / f"province-{cases}-{seed}"
    shutil.rmtree(province, ignore_errors=True)
    shutil.rmtree(ws, ignore_errors=True)
    t0 = time.perf_counter()
    generate(province, seed=seed, cases=cases)
    t1 = time.perf_counter()
    with SQLiteStore.open(ws) as store:
        ingest_paths(store, [province], batch_size=1000)
    t2 = time.perf_counter()
    print(f"generate {cases} cases: {t1 - t0:.1f} s; ingest: {t2 - t1:.1f} s", flush=True)
    stamp.write_text("ok")
    return ws


@contextmanager
def server(uri: str | None) -> Iterator[tuple[str, bool]]:
    """The URI to push to and whether it is ours (so it may be wiped)."""
    if uri:
        yield uri, False
        return
    state = Path(tempfile.mkdtemp(prefix="bench-push-neo4j-"))
    env = {**os.environ, "NEO4J_DEV_STATE": str(state)}
    try:
        started = subprocess.run([str(DEV_SERVER / "start.sh")], env=env, check=True,
                                 capture_output=True, text=True)
        yield started.stdout.strip(), True
    finally:
        subprocess.run([str(DEV_SERVER / "stop.sh")], env=env, check=False,
                       capture_output=True)
        shutil.rmtree(state, ignore_errors=True)


def wipe(store: Neo4jStore) -> None:
    with store.driver.session(database=store.database) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
                    ).consume()
    store.ensure_schema()
    store.refresh()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch-size", type=int, default=2000)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "rt-bench")
    parser.add_argument("--neo4j", default=os.environ.get("NEO4J_URI"),
                        help="server to push to (default: $NEO4J_URI, else a throwaway one)")
    parser.add_argument("--wipe", action="store_true",
                        help="empty the named server's database before the first push")
    args = parser.parse_args(argv)

    args.workdir.mkdir(parents=True, exist_ok=True)
    ws = workspace(args.workdir, args.cases, args.seed)
    with server(args.neo4j) as (uri, ours), SQLiteStore.open(ws, create=False) as src:
        counts = src.counts()
        rels = sum(counts["edges"].values())
        print(f"workspace: {sum(counts['nodes'].values())} nodes, {rels} relationships, "
              f"{counts['documents']['total']} documents; pushing to {mask_uri(uri)}", flush=True)
        dst = Neo4jStore.connect(uri)
        try:
            if ours or args.wipe:
                wipe(dst)
            elif sum(dst.counts()["nodes"].values()):
                print("target database is not empty: pass --wipe to measure a first push")
            results = []
            for label in ("first push", "second push"):
                summary = copy_store(src, dst, batch_size=args.batch_size)
                phases = ", ".join(f"{k} {v:.1f}s" for k, v in summary.phase_seconds.items())
                print(f"{label}: {summary.seconds:.1f} s, {summary.edges_per_second:,.0f} "
                      f"relationships/s overall, {summary.edges / summary.phase_seconds['edges']:,.0f}"
                      f" relationships/s in the edge phase ({phases})", flush=True)
                results.append(dst.counts())
            same = results[0] == results[1] == counts
            print(f"counts after both pushes equal the workspace: {same}")
            for section, by_kind in counts.items():
                for kind, n in by_kind.items():
                    if results[1].get(section, {}).get(kind) != n:
                        print(f"  {section}.{kind}: workspace {n}, neo4j "
                              f"{results[1].get(section, {}).get(kind)}")
        finally:
            dst.close()
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
