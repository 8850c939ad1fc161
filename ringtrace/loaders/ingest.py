"""Ingest input files into a store: streaming, batched, transactional and idempotent.

Records are read one at a time and written in batches of ``batch_size`` records, each batch one
transaction; memory stays bounded by the batch size. Bad records are quarantined in the store
with file, line, field and reason, and counted; the good records still land. Writing the same
input twice changes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ringtrace.errors import LoadError, RecordProblem
from ringtrace.graph.build import backpayment_batch, case_batch, registry_batch
from ringtrace.graph.elements import GraphBatch
from ringtrace.graph.records import BackPaymentRecord, CaseRecord, RegistryRecord
from ringtrace.graph.store.base import GraphStore
from ringtrace.loaders.jsonl import read_case_records
from ringtrace.loaders.mapping import load_mapping
from ringtrace.loaders.sources import Source, discover
from ringtrace.loaders.tabular import read_table, undecodable

Progress = Callable[[int], None]


@dataclass
class FileSummary:
    path: str
    kind: str
    records: int = 0
    quarantined: int = 0
    encoding: str | None = None


@dataclass
class IngestSummary:
    files: list[FileSummary] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    problems: list[RecordProblem] = field(default_factory=list)
    unresolved_basis: int = 0
    counts_before: dict[str, dict[str, int]] = field(default_factory=dict)
    counts_after: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def records(self) -> int:
        return sum(f.records for f in self.files)

    @property
    def quarantined(self) -> int:
        return sum(f.quarantined for f in self.files)

    def to_dict(self) -> dict[str, Any]:
        by_kind: Counter[str] = Counter()
        for f in self.files:
            by_kind[f.kind] += f.records
        return {
            "files": [f.__dict__ for f in self.files],
            "skipped": self.skipped,
            "records": self.records,
            "records_by_kind": dict(sorted(by_kind.items())),
            "quarantined": self.quarantined,
            "problems": [p.__dict__ for p in self.problems[:200]],
            "unresolved_backpayment_basis": self.unresolved_basis,
            "counts": self.counts_after,
        }


def _document_records(path: Path, encoding: str | None) -> Iterator[CaseRecord | RecordProblem]:
    try:
        from ringtrace.loaders import judgments
    except ImportError as exc:  # pragma: no cover - the parser ships with the package
        raise LoadError(f"{path}: the document parser is not available ({exc})") from exc
    outcome = judgments.parse_file(path, encoding=encoding)
    if outcome.record is None:
        yield from outcome.problems
        return
    yield from (replace(p, severity="warning") for p in outcome.problems)
    yield outcome.record


def _table_records(source: Source, encoding: str | None, summary: FileSummary
                   ) -> Iterator[RegistryRecord | BackPaymentRecord | RecordProblem]:
    mapping = load_mapping(source.kind)
    header, rows, used = read_table(source.path, encoding)
    summary.encoding = used
    columns = mapping.match_header(header, str(source.path))
    for line, cells in rows:
        if undecodable(cells):
            yield RecordProblem(str(source.path), line, "", f"bytes not valid {used}; pass "
                                "--encoding gb18030 or re-save the file as UTF-8",
                                ",".join(str(c) for c in cells).encode("utf-8", "replace")
                                .decode("utf-8")[:500])
            continue
        yield mapping.row(columns, cells, str(source.path), line)


def ingest_paths(store: GraphStore, paths: Iterable[Path], *, encoding: str | None = None,
                 batch_size: int = 1000, progress: Progress | None = None,
                 exclude: Iterable[Path] = ()) -> IngestSummary:
    """Read every input under ``paths`` into ``store``; see the module docstring."""
    sources, skipped = discover(list(paths), encoding, exclude)
    summary = IngestSummary(skipped=[str(p) for p in skipped], counts_before=store.counts())
    for source in sources:
        file_summary = FileSummary(str(source.path), source.kind)
        summary.files.append(file_summary)
        items: Iterator[Any]
        if source.kind == "cases":
            items = read_case_records(source.path, encoding)
        elif source.kind == "document":
            items = _document_records(source.path, encoding)
        else:
            items = _table_records(source, encoding, file_summary)
        _write(store, items, file_summary, summary, batch_size, progress)
    summary.counts_after = store.counts()
    return summary


def _write(store: GraphStore, items: Iterator[Any], file_summary: FileSummary,
           summary: IngestSummary, batch_size: int, progress: Progress | None) -> None:
    batch = GraphBatch()
    pending = 0
    problems: list[RecordProblem] = []

    def flush() -> None:
        nonlocal batch, pending, problems
        if len(batch):
            store.write_batch(batch)
        if problems:
            store.add_problems(problems)
        if progress and pending:
            progress(pending)
        batch, pending, problems = GraphBatch(), 0, []

    for item in items:
        pending += 1
        if isinstance(item, RecordProblem):
            problems.append(item)
            summary.problems.append(item)
            if item.severity == "error":
                file_summary.quarantined += 1
            else:
                pending -= 1  # a warning rides along with the record that follows it
            continue
        if isinstance(item, CaseRecord):
            batch.extend(case_batch(item))
        elif isinstance(item, RegistryRecord):
            batch.extend(registry_batch(item))
        elif isinstance(item, BackPaymentRecord):
            basis = store.case_ids_for_number(item.basis_case_number) if item.basis_case_number \
                else []
            if item.basis_case_number and not basis:
                summary.unresolved_basis += 1
            batch.extend(backpayment_batch(item, basis))
        file_summary.records += 1
        if pending >= batch_size:
            flush()
    flush()
