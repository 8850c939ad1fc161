"""Benchmark entity resolution on an ingested workspace, with the code before its speed-up as a
baseline measured in the same run.

    python benchmarks/bench_resolve.py --workspace .bench/ws-250000-20261128
    python benchmarks/bench_resolve.py --cases 50000     # generated and ingested (cached)

Each side runs in a process of its own, as a scan meets it (nothing cached yet): this
checkout, and the baseline - ``--baseline-rev``, the commit before the speed-up - exported
with ``git archive`` into a temporary directory. Each computes the resolution of the
workspace (``ringtrace.resolve.resolve``, what ``resolve.run`` computes before keeping it; the
workspace is only read) and the fingerprint that ``resolve.ensure`` checks on every scan.
Prints seconds, mentions (Person and Employer nodes) per second and the ratio, and compares
the two resolutions (SHA-256 of their canonical JSON). They were identical when the speed-up
landed; resolution has since gained rules (masked mentions, addresses, forum-less copies), so
today they differ by design and the comparison is printed, not enforced: the ratio says what
resolution costs now against the code before its speed-up. ``--require-same`` enforces it, for
a change that should only make resolution faster.

Exits non-zero when the speed-up is below ``--min-speedup`` (or, with ``--require-same``, when
the resolutions differ).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from baseline import extract_ringtrace

ROOT = Path(__file__).resolve().parent.parent
#: main before the resolution speed-up (resolve-speed branch)
BASELINE_REV = "2ad59d404bdee6fbfc2220015b53c729441c5cfe"


def measure(workspace: str, repeat: int) -> dict[str, Any]:
    """Time resolution of ``workspace`` with whichever ``ringtrace`` is on the path (best of
    ``repeat``), and describe the result."""
    import hashlib
    import time

    from ringtrace import resolve
    from ringtrace.graph.store import open_store
    from ringtrace.resolve import judgements

    store = open_store(workspace)
    best = best_cpu = best_fp = float("inf")
    result = None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = resolve.resolve(store)
        best = min(best, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        wall = time.perf_counter()
        resolve.fingerprint(store, judgements.stored(store))
        best_fp = min(best_fp, time.perf_counter() - wall)
    assert result is not None
    text = json.dumps(result.to_dict(), sort_keys=True, ensure_ascii=False)
    counts = store.counts()["nodes"]
    return {"seconds": best, "cpu_seconds": best_cpu, "fingerprint_seconds": best_fp,
            "mentions": counts.get("Person", 0) + counts.get("Employer", 0),
            "entities": len(result.entities), "sha256": hashlib.sha256(text.encode()).hexdigest()}


def run_side(code: Path, workspace: Path, repeat: int) -> dict[str, Any]:
    """:func:`measure` in a fresh process with ``code`` (a directory holding ``ringtrace``)."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    out = subprocess.run([sys.executable, __file__, "--measure", str(workspace),
                          "--repeat", str(repeat)],
                         env=env, cwd=code, check=True, capture_output=True, text=True).stdout
    found: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return found


def export_baseline(rev: str, into: Path) -> bool:
    """``ringtrace/`` as of ``rev`` into ``into``; False when git or the commit is missing."""
    failed = extract_ringtrace(rev, into)
    if failed is not None:
        print(f"baseline {rev[:10]} not available ({failed}); measuring this checkout only")
        return False
    return True


def workspace_for(workdir: Path, cases: int, seed: int) -> Path:
    """An ingested workspace of ``cases`` generated cases, built once under ``workdir``."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_scan import cached_workspace  # the same cached provinces as the scan benchmark

    return cached_workspace(workdir, "resolve-ws", cases, seed, scanned=False)


def report(label: str, side: dict[str, Any]) -> None:
    print(f"  {label:<9} {side['seconds']:6.2f} s (cpu {side['cpu_seconds']:5.2f} s)  "
          f"{side['mentions'] / side['seconds']:9,.0f} mentions/s  "
          f"{side['entities']:,} merged entities  "
          f"fingerprint {side['fingerprint_seconds']:.2f} s  sha256 {side['sha256'][:12]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspace", type=Path, help="an ingested workspace (only read)")
    parser.add_argument("--cases", type=int, default=50_000,
                        help="without --workspace: generate and ingest this many cases")
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--workdir", type=Path, default=Path(".bench"))
    parser.add_argument("--baseline-rev", default=BASELINE_REV)
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs per side")
    parser.add_argument("--min-speedup", type=float, default=2.0,
                        help="budget: fail below this ratio (the target is 3x)")
    parser.add_argument("--require-same", action="store_true",
                        help="fail when the resolution differs from the baseline's")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.repeat)))
        return 0

    ws = (args.workspace or workspace_for(args.workdir, args.cases, args.seed)).resolve()
    current = run_side(ROOT, ws, args.repeat)
    print(f"resolution of {ws} ({current['mentions']:,} Person and Employer nodes)")
    report("current", current)
    if args.skip_baseline:
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-resolve-") as tmp:
        if not export_baseline(args.baseline_rev, Path(tmp)):
            return 0
        baseline = run_side(Path(tmp), ws, args.repeat)
    report("baseline", baseline)
    ratio = baseline["seconds"] / current["seconds"]
    same = baseline["sha256"] == current["sha256"]
    print(f"  speed-up {ratio:.1f}x (budget >= {args.min_speedup:g}x, target 3x); "
          f"resolution {'identical' if same else 'differs from the baseline'}"
          + ("" if same or args.require_same else " (rules added since: expected)"))
    return 0 if (same or not args.require_same) and ratio >= args.min_speedup else 1


if __name__ == "__main__":
    sys.exit(main())
