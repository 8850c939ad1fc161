"""Hostile inputs cost bounded work: each is read or quarantined in under --budget seconds.

    python benchmarks/bench_hostile.py [--budget 2] [--timeout 120]

Each case is one file ingested, as ``ringtrace ingest`` would (default caps), into a fresh
workspace, in its own process so that a runaway case is stopped at ``--timeout`` and reported.
The cases are issue 12's: 1 MB of spaces, 1 MB of one repeated character (ASCII, Chinese,
newlines), and a ``.docx`` that decompresses to 300 MB (tests/fixtures/hostile/bomb.docx). The
time is the ingest call's own (not the interpreter's start). Prints seconds and what became of
each file; exits 1 when a case misses the budget.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CASES = {
    "1 MB of spaces (.txt)": ("spaces.txt", b" " * 1_000_000),
    "1 MB of 'a' (.txt)": ("a.txt", b"a" * 1_000_000),
    "1 MB of '判' (.txt)": ("pan.txt", "判".encode() * 333_334),
    "1 MB of newlines (.txt)": ("newlines.txt", b"\n" * 1_000_000),
    "300 MB-decompressed .docx": ("bomb.docx", None),
}
CHILD = """
import json, sys, tempfile, time
from pathlib import Path
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.ingest import ingest_paths
with tempfile.TemporaryDirectory() as ws, SQLiteStore.open(ws) as store:
    started = time.perf_counter()
    summary = ingest_paths(store, [Path(sys.argv[1])])
    seconds = time.perf_counter() - started
f = summary.files[0]
print(json.dumps({"seconds": seconds, "status": f.status, "reason": f.reason,
                  "problems": [p.reason for p in summary.problems][:1]}))
"""


def run_case(path: Path, timeout: float) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True,
                              text=True, timeout=timeout, check=False, cwd=ROOT,
                              env={"PYTHONPATH": str(ROOT), "PATH": ""})
    except subprocess.TimeoutExpired:
        return {"seconds": time.perf_counter() - started, "status": f"stopped at {timeout:g} s"}
    if done.returncode != 0:
        return {"seconds": float("nan"), "status": "crashed", "reason": done.stderr[-300:]}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--budget", type=float, default=2.0, help="seconds allowed per case")
    parser.add_argument("--timeout", type=float, default=120.0, help="stop a case after this")
    args = parser.parse_args(argv)
    missed = []
    with tempfile.TemporaryDirectory() as tmp:
        for title, (name, data) in CASES.items():
            path = ROOT / "tests" / "fixtures" / "hostile" / name if data is None else \
                Path(tmp) / name
            if data is not None:
                path.write_bytes(data)
            result = run_case(path, args.timeout)
            seconds = float(result["seconds"])
            outcome = result.get("reason") or (result.get("problems") or [""])[0]
            ok = seconds < args.budget
            missed += [] if ok else [title]
            print(f"{title:<28} {seconds:7.2f} s  {'ok  ' if ok else 'MISS'}  "
                  f"{result['status']}: {str(outcome)[:90]}")
    if missed:
        print(f"over the {args.budget:g} s budget: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
