"""``ringtrace spark parse``: parse raw documents on Spark's executors into a parsed corpus.

Each executor runs :func:`ringtrace.loaders.parallel.read_document` - the very function
``ringtrace ingest`` calls per document, with the same size and time caps - so a document
gives the same record, warnings or quarantine entry on a cluster as on one machine. The rows
are written as the parsed-corpus Parquet of :mod:`ringtrace.loaders.parsed`; a document that
fails is a row of ``quarantine/`` with its file, field and reason, never lost.

Input is a local (or mounted) folder, walked exactly as ingest walks it, or a Hadoop URI
(``hdfs://``, ``s3a://``, ...) read with Spark's ``binaryFile`` source: the executor writes
each document's bytes to a temporary file of the same suffix, parses it, and names the
original URI in everything it returns.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from ringtrace import __version__
from ringtrace.errors import LoadError
from ringtrace.extras import require
from ringtrace.loaders.limits import Limits, current_limits
from ringtrace.loaders.parallel import read_document
from ringtrace.loaders.parsed import (
    DOCUMENTS,
    FORMAT,
    MANIFEST,
    QUARANTINE,
    document_rows,
    file_digest,
)
from ringtrace.loaders.sources import DOCUMENT_SUFFIXES, discover

__all__ = ["ParseSummary", "is_uri", "parse_corpus"]

#: documents per Spark task at least (a task costs a few milliseconds to schedule)
MIN_TASK_DOCUMENTS = 64


@dataclass(frozen=True)
class ParseSummary:
    """What ``spark parse`` did: documents seen, parsed, quarantined, and files skipped."""

    source: str
    out: str
    documents: int
    parsed: int
    quarantined: int
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def is_uri(source: str) -> bool:
    """Is ``source`` a Hadoop URI (read through Spark's ``binaryFile`` source, ``file://``
    included) rather than a local path (walked as ingest walks it)?

    >>> is_uri("hdfs://nn:8020/judgments"), is_uri("judgments/"), is_uri("file:///data")
    (True, False, True)
    """
    scheme, sep, _ = source.partition("://")
    return bool(sep) and scheme.isalnum()


def _problem_schema(types: Any) -> Any:
    return types.ArrayType(types.StructType([
        types.StructField("file", types.StringType()),
        types.StructField("line", types.LongType()),
        types.StructField("field", types.StringType()),
        types.StructField("reason", types.StringType()),
        types.StructField("raw", types.StringType()),
        types.StructField("severity", types.StringType()),
    ]))


def schemas() -> dict[str, Any]:
    """The Spark schemas of the two datasets (see :mod:`ringtrace.loaders.parsed`)."""
    t = require("pyspark.sql.types", "scale", purpose="ringtrace spark parse")
    head = [t.StructField("seq", t.LongType(), False), t.StructField("file", t.StringType()),
            t.StructField("sha256", t.StringType())]
    return {
        DOCUMENTS: t.StructType([*head, t.StructField("record", t.StringType()),
                                 t.StructField("problems", _problem_schema(t))]),
        QUARANTINE: t.StructType([*head, t.StructField("level", t.StringType()),
                                  t.StructField("problems", _problem_schema(t))]),
    }


def _parse_paths(encoding: str | None, limits: Limits,
                 items: Iterator[tuple[int, str]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Executor side: parse documents at paths the executor can read."""
    for seq, name in items:
        path = Path(name)
        try:
            digest = file_digest(path)
        except OSError as exc:
            yield document_rows(seq, name, "", LoadError(f"{name}: cannot read ({exc})"))
            continue
        yield document_rows(seq, name, digest, read_document(path, encoding, limits))


def _renamed(value: Any, old: str, new: str) -> Any:
    """``value`` with every occurrence of ``old`` in its strings replaced by ``new``."""
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, list):
        return [_renamed(v, old, new) for v in value]
    if isinstance(value, dict):
        return {k: _renamed(v, old, new) for k, v in value.items()}
    return value


def _parse_bytes(encoding: str | None, limits: Limits,
                 items: Iterator[tuple[int, str, bytes]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Executor side: parse documents read by Spark (bytes), naming their URI."""
    for seq, uri, content in items:
        digest = hashlib.sha256(content).hexdigest()
        with tempfile.TemporaryDirectory(prefix="ringtrace-") as folder:
            path = Path(folder) / f"document{Path(uri).suffix.lower()}"
            path.write_bytes(content)
            table, row = document_rows(seq, uri, digest, read_document(path, encoding, limits))
        yield table, _renamed(row, str(path), uri)


def _local_documents(source: Path) -> tuple[list[str], list[str]]:
    """The documents under ``source`` in ingest's order, and the files ``spark parse`` skips
    (tables and case files: ``ringtrace ingest`` reads those directly)."""
    sources, skipped = discover([source])
    documents = [str(s.path) for s in sources if s.kind == "document"]
    others = [str(s.path) for s in sources if s.kind != "document"]
    return documents, [*others, *(str(p) for p in skipped)]


def _rows_rdd(spark: Any, source: str, encoding: str | None, limits: Limits
              ) -> tuple[Any, list[str]]:
    """The RDD of ``(dataset, row)`` for every document of ``source``, and the skipped files."""
    sc = spark.sparkContext
    if not is_uri(source):
        documents, skipped = _local_documents(Path(source))
        slices = max(1, min(len(documents),
                            max(sc.defaultParallelism * 4, len(documents) // 2000)))
        rdd = sc.parallelize(list(enumerate(documents)), slices)
        return rdd.mapPartitions(partial(_parse_paths, encoding, limits)), skipped
    functions = require("pyspark.sql.functions", "scale", purpose="ringtrace spark parse")
    suffixes = "|".join(s.lstrip(".") for s in DOCUMENT_SUFFIXES)
    files = (spark.read.format("binaryFile").option("recursiveFileLookup", "true")
             .load(source)
             .filter(functions.lower(functions.col("path")).rlike(rf"\.({suffixes})$"))
             .select("path", "content").orderBy("path"))
    rdd = files.rdd.zipWithIndex().map(lambda pair: (pair[1], pair[0][0], bytes(pair[0][1])))
    return rdd.mapPartitions(partial(_parse_bytes, encoding, limits)), []


def parse_corpus(spark: Any, source: str, out: Path, *, encoding: str | None = None,
                 limits: Limits | None = None) -> ParseSummary:
    """Parse every document of ``source`` on ``spark``'s executors into the parsed corpus at
    ``out`` (a folder the driver can write; replaced if it exists).

    Raises :class:`~ringtrace.errors.LoadError` when a local ``source`` does not exist.
    """
    storage = require("pyspark", "scale", purpose="ringtrace spark parse").StorageLevel
    started = time.monotonic()
    limits = limits or current_limits()
    rows, skipped = _rows_rdd(spark, source, encoding, limits)
    rows = rows.persist(storage.MEMORY_AND_DISK)
    try:
        for name, schema in schemas().items():
            part = rows.filter(lambda pair, n=name: pair[0] == n).map(lambda pair: pair[1])
            (spark.createDataFrame(part, schema).sortWithinPartitions("seq")
             .write.mode("overwrite").parquet(str(out / name)))
        counts = rows.map(lambda pair: pair[0]).countByValue()
    finally:
        rows.unpersist()
    summary = ParseSummary(source, str(out), counts.get(DOCUMENTS, 0) + counts.get(QUARANTINE, 0),
                           counts.get(DOCUMENTS, 0), counts.get(QUARANTINE, 0), skipped,
                           round(time.monotonic() - started, 3))
    (out / MANIFEST).write_text(json.dumps(
        {"format": FORMAT, "ringtrace_version": __version__, **summary.to_dict()},
        ensure_ascii=False, indent=1), "utf-8")
    return summary
