"""Parsed documents as Parquet: what ``ringtrace spark parse`` writes and ``ingest`` reads back.

A parsed corpus is a folder holding ``ringtrace-parsed.json`` (the manifest: :data:`FORMAT`, counts, the source) and
two Parquet datasets, one row per document:

``documents/``
    documents that gave a record: ``seq`` (the document's place in the input order), ``file``,
    ``sha256`` (of the file's bytes), ``record`` (the case record as its interchange JSON line,
    docs/interchange.md) and ``problems`` (the parser's warnings, kept beside the record).
``quarantine/``
    documents that did not: ``seq``, ``file``, ``sha256``, ``level`` (``file``: the file could
    not be read at all; ``record``: it was read but gave no valid record), and the
    ``problems`` that say why (line, field, reason).

The record is kept as its JSON line rather than spread over nested Parquet columns so that the
one definition of the format (``graph/records.py``) validates it on the way back in, exactly as
for a ``.jsonl`` file; a Spark job reads the fields it needs with ``from_json``.

Reading the folder back replays each document's items in ``seq`` order (:func:`read_parsed`),
the same items :func:`ringtrace.loaders.parallel.read_document` gives, so a workspace built from
a parsed corpus equals one built from the documents themselves.
"""

from __future__ import annotations

import hashlib
import heapq
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ringtrace.errors import LoadError, RecordProblem
from ringtrace.extras import require
from ringtrace.graph.records import CaseRecord, case_from_json
from ringtrace.loaders.sources import PARSED_MANIFEST, Read

__all__ = ["DOCUMENTS", "FORMAT", "MANIFEST", "QUARANTINE", "ParsedDocument", "document_rows",
           "file_digest", "manifest", "read_parsed"]

Item = Read | RecordProblem

#: the manifest's ``format``: a reader refuses a folder of another format or version
FORMAT = "ringtrace-parsed/1"
MANIFEST = PARSED_MANIFEST
DOCUMENTS = "documents"
QUARANTINE = "quarantine"
#: rows read from a Parquet file at a time
BATCH_ROWS = 1024


@dataclass(frozen=True)
class ParsedDocument:
    """One document of a parsed corpus: its items (or the error that kept it from being read)
    as :func:`ringtrace.loaders.parallel.read_document` returned them."""

    seq: int
    file: str
    sha256: str
    result: list[Item] | LoadError


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes (ingest's test for a byte-identical copy)."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _problem_row(p: RecordProblem) -> dict[str, Any]:
    return {"file": p.file, "line": p.line, "field": p.field, "reason": p.reason, "raw": p.raw,
            "severity": p.severity}


def document_rows(seq: int, file: str, sha256: str, result: list[Item] | Exception
                  ) -> tuple[str, dict[str, Any]]:
    """``("documents" | "quarantine", row)`` for one document's parse ``result``.

    >>> from ringtrace.errors import LoadError
    >>> table, row = document_rows(3, "a.txt", "00", LoadError("a.txt: damaged"))
    >>> table, row["level"], row["problems"][0]["reason"]
    ('quarantine', 'file', 'a.txt: damaged')
    """
    base: dict[str, Any] = {"seq": seq, "file": file, "sha256": sha256}
    if isinstance(result, Exception):
        return QUARANTINE, {**base, "level": "file", "problems": [{
            "file": file, "line": 0, "field": "", "reason": str(result), "raw": "",
            "severity": "error"}]}
    records = [item.record for item in result
               if isinstance(item, Read) and isinstance(item.record, CaseRecord)]
    problems = [_problem_row(item) for item in result if isinstance(item, RecordProblem)]
    if not records:
        return QUARANTINE, {**base, "level": "record", "problems": problems}
    line = json.dumps(records[0].to_dict(), ensure_ascii=False, separators=(",", ":"))
    return DOCUMENTS, {**base, "record": line, "problems": problems}


def manifest(path: Path) -> dict[str, Any]:
    """The corpus's manifest, checked to be of :data:`FORMAT`."""
    try:
        data: dict[str, Any] = json.loads((path / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise LoadError(f"{path}: cannot read {MANIFEST} ({exc}); write the folder again with "
                        "`ringtrace spark parse`") from exc
    if data.get("format") != FORMAT:
        raise LoadError(f"{path}: a parsed corpus of format {data.get('format')!r}, this "
                        f"ringtrace reads {FORMAT!r}; parse the documents again with this "
                        "version's `ringtrace spark parse`")
    return data


def _rows(dataset: Path) -> Iterator[dict[str, Any]]:
    """The dataset's rows in ``seq`` order: each Parquet part is in order (the writer sorts
    within partitions), and the parts are merged."""
    if not dataset.is_dir():
        return iter(())
    pq = require("pyarrow.parquet", "scale", purpose="reading a parsed corpus")
    parts = sorted(p for p in dataset.glob("*.parquet") if not p.name.startswith((".", "_")))

    def part_rows(part: Path) -> Iterator[dict[str, Any]]:
        for batch in pq.ParquetFile(part).iter_batches(batch_size=BATCH_ROWS):
            yield from batch.to_pylist()

    return heapq.merge(*(part_rows(p) for p in parts), key=lambda r: int(r["seq"]))


def _problems(file: str, rows: list[dict[str, Any]]) -> list[RecordProblem]:
    return [RecordProblem(r["file"] or file, int(r["line"]), r["field"] or "", r["reason"] or "",
                          r["raw"] or "", r["severity"] or "error") for r in rows or []]


def _document(row: dict[str, Any]) -> ParsedDocument:
    file, seq, digest = row["file"], int(row["seq"]), row["sha256"] or ""
    problems = _problems(file, row["problems"])
    if "record" in row and row["record"] is not None:
        # validated on the way in, as a .jsonl line is: the record was written by this format
        return ParsedDocument(seq, file, digest,
                              [*problems, Read(file, 1, case_from_json(row["record"]))])
    if row.get("level") == "file":
        return ParsedDocument(seq, file, digest, LoadError(problems[0].reason))
    return ParsedDocument(seq, file, digest, list(problems))


def read_parsed(path: Path) -> Iterator[ParsedDocument]:
    """Every document of the parsed corpus at ``path``, parsed or quarantined, in input order."""
    manifest(path)
    merged = heapq.merge(_rows(path / DOCUMENTS), _rows(path / QUARANTINE),
                         key=lambda r: int(r["seq"]))
    for row in merged:
        yield _document(row)
