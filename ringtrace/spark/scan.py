"""``ringtrace spark scan``: the embedded scan, run part by part on Spark's executors.

A rule is written once, and this is how it also runs on Spark: the corpus is cut into parts no
link crosses, and each part is scanned by :func:`ringtrace.queries.scan.run_scan` itself - the
same frame, rules, resolution, ring assembly and scoring as ``ringtrace scan`` - so there is
no second implementation to keep in step. The steps:

1. **items**: the parsed corpus's case records (a byte-identical copy is skipped, as ingest
   skips it) and the registry and ledger rows of ``tables`` (read by ingest's own readers);
2. **links**: each item's keys (:func:`ringtrace.spark.links.record_keys`, on the executors);
3. **components** of the item-key graph by large-star / small-star
   (:mod:`ringtrace.spark.components`);
4. **bins**: components are packed into bins of about ``bin_cases`` cases (a bin holds whole
   components); a component over ``max_component_cases`` gets a bin of its own and its size is
   recorded (both from the rules file's ``[spark]`` table unless given);
5. **scan**: each bin is written into a temporary workspace on its executor, in ingest's
   order (registry rows, documents in input order, ledger rows), and scanned;
6. **merge**: the bins' scans become one scan mapping (:mod:`ringtrace.spark.merge`), written
   to ``RESULTS/scan.json`` for ``ringtrace import-results``.

Why the parts' scans add up to the whole corpus's: docs/spark.md ("what a component is").
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypedDict

from ringtrace.errors import LoadError
from ringtrace.extras import require
from ringtrace.graph.build import backpayment_batch, case_batch, registry_batch
from ringtrace.graph.elements import GraphBatch
from ringtrace.graph.records import BackPaymentRecord, RegistryRecord, case_from_json
from ringtrace.loaders.ingest import source_items
from ringtrace.loaders.parsed import DOCUMENTS, manifest
from ringtrace.loaders.sources import Read, discover
from ringtrace.queries.rules import RuleConfig, default_rules, load_rules
from ringtrace.queries.scan_json import EngineJson, OversizedJson, ScanJson
from ringtrace.spark import imports
from ringtrace.spark.components import item_components
from ringtrace.spark.links import record_keys
from ringtrace.spark.merge import merge_scans

__all__ = ["RESULTS_FILE", "ScanSummary", "scan_corpus"]

#: the merged scan mapping inside the RESULTS folder
RESULTS_FILE = imports.RESULTS_FILE
#: item ranks: ingest writes registry rows, then documents, then ledger rows
REGISTRY, CASE, LEDGER = 0, 1, 2
#: records written to a bin's workspace per transaction
WRITE_BATCH = 1000


@dataclass(frozen=True)
class ScanSummary:
    """What ``spark scan`` did, stage by stage."""

    out: str
    cases: int
    components: int
    largest_component: int
    oversized: list[OversizedJson]
    bins: int
    rounds: int
    rings: int
    leads: int
    seconds: dict[str, float]


def _tables(paths: Iterable[Path], encoding: str | None) -> list[tuple[int, Any]]:
    """Registry and ledger rows of ``paths``, ranked as ingest orders them."""
    sources, _ = discover(list(paths))
    rows: list[tuple[int, Any]] = []
    for source in sources:
        if source.kind not in ("registry", "backpayments"):
            raise LoadError(f"{source.path}: spark scan takes registry exports and back-payment "
                            "ledgers beside the parsed corpus; parse documents with "
                            "`ringtrace spark parse` first")
        rank = REGISTRY if source.kind == "registry" else LEDGER
        rows += [(rank, item.record) for item in source_items(source, encoding)
                 if isinstance(item, Read)]
    return rows


def _record(rank: int, payload: Any) -> Any:
    return case_from_json(payload) if rank == CASE else payload


def _keys(item: tuple[int, tuple[int, Any]]) -> list[tuple[int, str]]:
    number, (rank, payload) = item
    return [(number, key) for key in record_keys(_record(rank, payload))]


def _write(store: Any, records: list[tuple[int, int, Any]]) -> None:
    """A bin's records into its workspace, in ingest's order."""
    batch = GraphBatch()
    for rank, _, payload in sorted(records, key=lambda r: (r[0], r[1])):
        record = _record(rank, payload)
        if isinstance(record, RegistryRecord):
            batch.extend(registry_batch(record))
        elif isinstance(record, BackPaymentRecord):
            if batch:
                store.write_batch(batch)
                batch = GraphBatch()
            basis = store.basis_case_ids(record.basis_case_number)
            store.write_batch(backpayment_batch(record, basis))
            continue
        else:
            batch.extend(case_batch(record))
        if len(batch) >= WRITE_BATCH * 10:
            store.write_batch(batch)
            batch = GraphBatch()
    if batch:
        store.write_batch(batch)


class BinStats(TypedDict):
    """What one executor task did: its bin, the cases in it and the seconds it took."""

    bin: str
    cases: int
    seconds: float


def _scan_bin(config: RuleConfig, entry: tuple[str, Iterable[tuple[int, int, Any]]]
              ) -> tuple[str, str, BinStats]:
    """Executor side: scan one bin in a temporary workspace with ringtrace's own scan."""
    from ringtrace.graph.store.sqlite import SQLiteStore
    from ringtrace.queries.scan import run_scan

    name, rows = entry
    records = list(rows)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="ringtrace-bin-") as folder, \
            SQLiteStore.open(Path(folder) / "ws", create=True) as store:
        with store.writing("spark scan"):
            _write(store, records)
        result = run_scan(store, config)
    stats: BinStats = {"bin": name, "cases": sum(r[0] == CASE for r in records),
                       "seconds": round(time.monotonic() - started, 3)}
    return name, json.dumps(result, ensure_ascii=False), stats


def scan_corpus(spark: Any, corpus: Path, out: Path, *, tables: Iterable[Path] = (),
                config: RuleConfig | None = None, encoding: str | None = None,
                bin_cases: int | None = None, max_component_cases: int | None = None
                ) -> ScanSummary:
    """Scan the parsed corpus at ``corpus`` (plus the registry and ledger ``tables``) on
    ``spark``'s executors; write the merged scan to ``out / RESULTS_FILE``.

    ``bin_cases`` and ``max_component_cases`` default to ``config``'s ``[spark]`` table."""
    functions = require("pyspark.sql.functions", "scale", purpose="ringtrace spark scan")
    config = config or load_rules()
    settings = config.spark or default_rules().spark
    assert settings is not None  # the shipped defaults have a [spark] table
    bin_cases = bin_cases or settings.bin_cases
    max_component_cases = max_component_cases or settings.max_component_cases
    seconds: dict[str, float] = {}
    clock = time.monotonic()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.monotonic()
        seconds[stage] = round(now - clock, 3)
        clock = now

    manifest(corpus)
    sc = spark.sparkContext
    docs = spark.read.parquet(str(corpus / DOCUMENTS)).select("seq", "sha256", "record")
    first = docs.groupBy("sha256").agg(functions.min("seq").alias("seq"))
    kept = docs.join(first, ["sha256", "seq"]).select("seq", "record")
    case_items = kept.rdd.map(lambda r: (int(r["seq"]), (CASE, r["record"])))
    rows = _tables(tables, encoding)
    top = int(docs.agg(functions.max("seq")).first()[0] or 0) + 1
    table_items = sc.parallelize([(top + n, row) for n, row in enumerate(rows)],
                                 max(1, sc.defaultParallelism))
    items = case_items.union(table_items).persist()
    lap("items")
    pairs = spark.createDataFrame(items.flatMap(_keys), "item long, key string")
    numbers = spark.createDataFrame(items.map(lambda i: (i[0],)), "item long")
    labels, rounds = item_components(pairs, numbers)
    labels = labels.localCheckpoint()
    lap("components")
    ranks = spark.createDataFrame(items.map(lambda i: (i[0], i[1][0])), "item long, rank int")
    sizes = (labels.join(ranks, "item").where(functions.col("rank") == CASE)
             .groupBy("component").count().collect())
    cases = sum(int(r["count"]) for r in sizes)
    n_bins = max(1, -(-cases // bin_cases))
    oversized = {int(r["component"]): int(r["count"]) for r in sizes
                 if int(r["count"]) > max_component_cases}
    bin_of = spark.createDataFrame(
        [(int(c), f"alone-{c}") for c in oversized] or [], "component long, bin string")
    binned = (labels.join(bin_of, "component", "left")
              .select("item", functions.coalesce(
                  "bin", functions.concat(functions.lit("bin-"),
                                          (functions.col("component") % n_bins).cast("string"))
              ).alias("bin")))
    by_item = binned.rdd.map(lambda r: (int(r["item"]), r["bin"]))
    grouped = (by_item.join(items)
               .map(lambda kv: (kv[1][0], (kv[1][1][0], kv[0], kv[1][1][1])))
               .groupByKey(numPartitions=max(1, min(n_bins + len(oversized),
                                                    sc.defaultParallelism * 4))))
    lap("bins")
    parts: list[ScanJson] = []
    stats: list[BinStats] = []
    for _, result, stat in grouped.map(lambda e: _scan_bin(config, e)).toLocalIterator():
        parts.append(json.loads(result))
        stats.append(stat)
    items.unpersist()
    lap("scan")
    alone: list[OversizedJson] = [
        {"component": c, "cases": n,
         "seconds": next((s["seconds"] for s in stats if s["bin"] == f"alone-{c}"), None)}
        for c, n in sorted(oversized.items())]
    engine: EngineJson = {
        "name": "spark", "master": sc.master, "components": len(sizes),
        "largest_component": max((int(r["count"]) for r in sizes), default=0),
        "oversized": alone, "bins": len(stats), "rounds": rounds}
    merged = merge_scans(sorted(parts, key=_first_case), engine)
    out.mkdir(parents=True, exist_ok=True)
    (out / RESULTS_FILE).write_text(json.dumps(merged, ensure_ascii=False), "utf-8")
    lap("merge")
    return ScanSummary(str(out), cases, len(sizes), engine["largest_component"], alone,
                       len(stats), rounds, merged["meta"]["rings"], merged["meta"]["leads"],
                       seconds)


def _first_case(part: ScanJson) -> str:
    return min(part["cases"], default="")

