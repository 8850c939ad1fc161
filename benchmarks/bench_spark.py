"""Seconds per stage of ringtrace on Spark, beside the embedded path, for one generated province.

Usage::

    python benchmarks/bench_spark.py --cases 6000 [--master local[2]] [--work DIR]

Generates a province with raw texts (seed 7), then times: Spark's start, ``spark parse`` of
the documents, ``ingest`` of the parsed corpus with the tables (the workspace the results are
imported into), the embedded ``scan`` of that workspace, ``spark scan`` (items, components,
bins, scan, merge) and ``import-results``, and checks that the Spark scan's rings and leads
are the embedded scan's. Prints one line per stage and a JSON summary; exits non-zero when
they differ. docs/spark.md quotes its figures.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.ingest import ingest_paths
from ringtrace.queries.scan import run_scan
from ringtrace.spark.imports import import_results
from ringtrace.spark.parse import parse_corpus
from ringtrace.spark.scan import RESULTS_FILE, scan_corpus
from ringtrace.spark.session import spark_session
from ringtrace.synth import generate


def _timed(stages: dict[str, float], name: str, started: float) -> float:
    now = time.monotonic()
    stages[name] = round(now - started, 2)
    print(f"{name:<24} {stages[name]:>8.2f} s", flush=True)
    return now


def run(cases: int, master: str, work: Path) -> dict[str, Any]:
    stages: dict[str, float] = {}
    province, parsed, results = work / "province", work / "parsed", work / "results"
    clock = time.monotonic()
    generate(province, seed=7, cases=cases, texts=True)
    clock = _timed(stages, "synth", clock)
    spark = spark_session(master, "ringtrace bench")
    clock = _timed(stages, "spark start", clock)
    parse = parse_corpus(spark, str(province / "documents"), parsed)
    clock = _timed(stages, "spark parse", clock)
    tables = [province / "registry.csv", province / "backpayments.csv"]
    with SQLiteStore.open(work / "ws") as store:
        ingest_paths(store, [parsed, *tables])
        clock = _timed(stages, "ingest parsed corpus", clock)
        local = run_scan(store)
        clock = _timed(stages, "embedded scan", clock)
    summary = scan_corpus(spark, parsed, results, tables=tables)
    for stage, seconds in summary.seconds.items():
        stages[f"spark scan: {stage}"] = seconds
    clock = _timed(stages, "spark scan", clock)
    with SQLiteStore.open(work / "ws") as store:
        import_results(store, results)
    clock = _timed(stages, "import-results", clock)
    remote = json.loads((results / RESULTS_FILE).read_text("utf-8"))
    same = (remote["leads"] == local["leads"]
            and [r["cases"] for r in remote["rings"]] == [r["cases"] for r in local["rings"]])
    return {"cases": cases, "master": master, "documents": parse.documents,
            "components": summary.components, "largest_component": summary.largest_component,
            "oversized": summary.oversized, "bins": summary.bins, "rounds": summary.rounds,
            "rings": summary.rings, "leads": summary.leads, "same_as_embedded": same,
            "seconds": stages}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=6000)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--work", type=Path, help="keep the files here (default: a temp dir)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="ringtrace-bench-spark-"))
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        report = run(args.cases, args.master, work)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(report, ensure_ascii=False))
    return 0 if report["same_as_embedded"] else 1


if __name__ == "__main__":
    sys.exit(main())
