"""Raw-document ingest by this checkout beside the code before scale27, in the same run.

    python benchmarks/bench_ingest.py                   # 10,000 generated documents
    python benchmarks/bench_ingest.py --cases 20000 --jobs 2 --rounds 2

The same generated documents (``bench_scan.documents_province``, cached under --workdir) are
ingested into a fresh workspace by the code before scale27 (:data:`INGEST_BASELINE_REV`,
extracted with ``git archive``) and by this checkout, alternating, each in a fresh process,
``--rounds`` times. Prints the CPU seconds of each side (the process and its parsing
processes: ``process_time`` is unfair to a shared machine's wall clock, CPU seconds much
less), documents per CPU second, and the ratio; the stored tables of both sides must be
identical (a digest of every row of nodes, edges, documents, aliases, quarantine and meta).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from baseline import extract_ringtrace

#: main before scale27's ingest changes (orjson rows, contact edges and case numbers
#: normalised once)
INGEST_BASELINE_REV = "6204800aa66b3984453dbdbb4efec5819457ca72"
#: the tables a digest covers, each in its key order
_TABLES = (("nodes", "id"), ("edges", "src, dst, kind, source_doc"), ("documents", "case_id"),
           ("aliases", "alias"), ("quarantine", "file, line, field, reason"), ("meta", "key"))


def store_digest(workspace: Path) -> str:
    """SHA-256 of every row of the stored tables, in key order: equal stores, equal digests."""
    h = hashlib.sha256()
    with sqlite3.connect(workspace / "ringtrace.sqlite") as conn:
        for table, order in _TABLES:
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY {order}"):
                h.update(repr(row).encode())
    return h.hexdigest()


def measure_ingest(documents: str, workspace: str, jobs: int) -> dict[str, Any]:
    """Ingest ``documents`` into a fresh ``workspace`` in this process (with whichever
    ``ringtrace`` is on the path): CPU seconds of this process and its parsing processes,
    documents, and the digest of the store."""
    import resource

    from ringtrace.graph.store.sqlite import SQLiteStore
    from ringtrace.loaders.ingest import ingest_paths

    def cpu() -> float:
        return sum(u.ru_utime + u.ru_stime for u in (
            resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))

    shutil.rmtree(workspace, ignore_errors=True)
    before = cpu()
    with SQLiteStore.open(workspace) as store:
        summary = ingest_paths(store, [Path(documents)], batch_size=2000, jobs=jobs)
    seconds = cpu() - before
    digest = store_digest(Path(workspace))
    shutil.rmtree(workspace, ignore_errors=True)
    return {"cpu": seconds, "documents": len(summary.files), "digest": digest}


def ingest_side(code: Path, documents: Path, workspace: Path, jobs: int) -> dict[str, Any]:
    """:func:`measure_ingest` in a fresh process with ``code`` (a directory holding
    ``ringtrace``)."""
    env = {**os.environ, "PYTHONPATH": f"{code}{os.pathsep}{Path(__file__).resolve().parent}"}
    out = subprocess.run([sys.executable, "-c", "import sys, json, bench_ingest; print(json.dumps("
                          "bench_ingest.measure_ingest(sys.argv[1], sys.argv[2], int(sys.argv[3]"
                          "))))", str(documents), str(workspace), str(jobs)],
                         env=env, cwd=code, check=True, capture_output=True, text=True).stdout
    found: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return found


def ingest_line(documents: Path, workdir: Path, jobs: int, rounds: int) -> bool:
    """The line this benchmark prints; False when the two sides stored different tables or the
    baseline cannot be extracted."""
    root = Path(__file__).resolve().parent.parent
    workspace = (workdir / f"ingest-side-{os.getpid()}").resolve()
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        failed = extract_ringtrace(INGEST_BASELINE_REV, tmp)
        if failed is not None:
            print(f"ingest baseline {INGEST_BASELINE_REV[:10]} not available ({failed})")
            return False
        sides: dict[str, list[dict[str, Any]]] = {"base": [], "now": []}
        for _ in range(rounds):
            sides["base"].append(ingest_side(Path(tmp), documents, workspace, jobs))
            sides["now"].append(ingest_side(root, documents, workspace, jobs))
    docs = sides["now"][0]["documents"]

    def cpus(side: str) -> str:
        return " / ".join(f"{run['cpu']:.2f}" for run in sides[side])

    def mean(side: str) -> float:
        return sum(run["cpu"] for run in sides[side]) / rounds

    print(f"ingest {docs:,} raw documents, jobs={jobs} (CPU s, {rounds} rounds): before scale27 "
          f"{cpus('base')} ({docs / mean('base'):,.0f} docs per CPU s), now {cpus('now')} "
          f"({docs / mean('now'):,.0f} docs per CPU s): ratio {mean('base') / mean('now'):.2f}x")
    same = len({run["digest"] for runs in sides.values() for run in runs}) == 1
    print(f"  stored tables before scale27 and now are identical: {'met' if same else 'MISSED'}")
    return same


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--workdir", type=Path, default=Path(".bench"))
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    from bench_scan import documents_province

    documents = documents_province(args.workdir, args.cases, args.seed)
    return 0 if ingest_line(documents, args.workdir, args.jobs, args.rounds) else 1


if __name__ == "__main__":
    sys.exit(main())
