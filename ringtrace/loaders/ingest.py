"""Ingest input files into a store: streaming, batched, transactional and idempotent.

Records are read one at a time and written in batches of ``batch_size`` records, each batch one
transaction; memory stays bounded by the batch size. Writing the same input twice changes
nothing, and a byte-identical copy of a file already read in the same run is skipped as a
duplicate.

**Hostile input never costs data.** A record that fails validation or conversion for any reason
(wrong type, broken text, NaN, an impossible date, nesting too deep) is quarantined with file,
line, field and reason, and its neighbours are stored; if a batch cannot be written, its records
are written one by one so that only the bad one is quarantined. A file that cannot be read at
all (unknown header, undecodable, damaged ``.docx``, over a size or time cap of
:mod:`ringtrace.loaders.limits`) is quarantined as a whole (line 0) and the ingest goes on with
the next file. Only the store failing (disk full, workspace locked) stops an ingest. Quarantined
problems are kept in the store (``ringtrace quarantine``), and :func:`retry_quarantined` reads
their files again after a fix.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ringtrace.errors import LoadError, RecordProblem, RingtraceError, StoreError
from ringtrace.graph.build import backpayment_batch, case_batch, registry_batch
from ringtrace.graph.elements import GraphBatch
from ringtrace.graph.records import BackPaymentRecord, CaseRecord, RegistryRecord
from ringtrace.graph.store.base import GraphStore
from ringtrace.loaders.jsonl import read_case_records
from ringtrace.loaders.limits import (
    Limits,
    applied,
    check_file_size,
    current_limits,
    time_budget,
)
from ringtrace.loaders.mapping import load_mapping
from ringtrace.loaders.sources import Read, Source, discover
from ringtrace.loaders.tabular import BadRow, read_table, undecodable
from ringtrace.progress import SILENT, Progress

__all__ = ["FileSummary", "IngestSummary", "ingest_paths", "retry_quarantined"]

Item = Read | RecordProblem


@dataclass
class FileSummary:
    """What became of one input file.

    ``status``: ``ok`` (read to the end; bad records, if any, quarantined), ``quarantined`` (not
    readable at all: ``reason`` says why), ``partial`` (reading stopped part-way: the records
    before the stop are stored), ``duplicate`` (same bytes as ``same_as``, not read again).
    """

    path: str
    kind: str
    records: int = 0
    quarantined: int = 0
    encoding: str | None = None
    status: str = "ok"
    reason: str | None = None
    same_as: str | None = None


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
        """Valid records read (and stored) from the files read in this run."""
        return sum(f.records for f in self.files)

    @property
    def quarantined(self) -> int:
        """Records quarantined (files quarantined as a whole are counted apart)."""
        return sum(f.quarantined for f in self.files)

    @property
    def quarantined_files(self) -> list[FileSummary]:
        return [f for f in self.files if f.status in ("quarantined", "partial")]

    @property
    def duplicates(self) -> list[FileSummary]:
        return [f for f in self.files if f.status == "duplicate"]

    @property
    def clean(self) -> bool:
        """True when nothing was quarantined (warnings aside)."""
        return not self.quarantined and not self.quarantined_files

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
            "quarantined_files": len(self.quarantined_files),
            "duplicate_files": len(self.duplicates),
            "problems": [p.__dict__ for p in self.problems[:200]],
            "unresolved_backpayment_basis": self.unresolved_basis,
            "counts": self.counts_after,
        }


def _document_records(path: Path, encoding: str | None) -> Iterator[Item]:
    try:
        from ringtrace.loaders import judgments
    except ImportError as exc:  # pragma: no cover - the parser ships with the package
        raise LoadError(f"{path}: the document parser is not available ({exc})") from exc
    if path.suffix.lower() != ".docx":  # a .docx is capped on its decompressed size
        check_file_size(path)
    try:
        with time_budget(str(path)):
            outcome = judgments.parse_file(path, encoding=encoding)
    except RingtraceError:
        raise
    except Exception as exc:  # the parser must not take the ingest down with it
        raise LoadError(f"{path}: the parser failed on this document ({type(exc).__name__}: "
                        f"{str(exc)[:200]})") from exc
    if outcome.record is None:
        yield from outcome.problems
        return
    yield from (replace(p, severity="warning") for p in outcome.problems)
    yield Read(str(path), 1, outcome.record)


def _table_records(source: Source, encoding: str | None, summary: FileSummary
                   ) -> Iterator[Item]:
    mapping = load_mapping(source.kind)
    header, rows, used = read_table(source.path, encoding)
    summary.encoding = used
    name = str(source.path)
    columns = mapping.match_header(header, name)
    for item in rows:
        if isinstance(item, BadRow):
            yield RecordProblem(name, item.line, "", item.reason)
            continue
        line, cells = item
        if undecodable(cells):
            yield RecordProblem(name, line, "", f"bytes not valid {used}; pass "
                                "--encoding gb18030 or re-save the file as UTF-8",
                                ",".join(str(c) for c in cells).encode("utf-8", "replace")
                                .decode("utf-8")[:500])
            continue
        row = mapping.row(columns, cells, name, line)
        yield row if isinstance(row, RecordProblem) else Read(name, line, row)


def _items(source: Source, encoding: str | None, summary: FileSummary) -> Iterator[Item]:
    if source.problem is not None:
        raise LoadError(source.problem)
    if source.kind == "cases":
        return read_case_records(source.path, encoding)
    if source.kind == "document":
        return _document_records(source.path, encoding)
    return _table_records(source, encoding, summary)


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class _Copies:
    """Spots byte-identical copies of files already read in this run (hashing only files whose
    size another file had)."""

    def __init__(self) -> None:
        self.sizes: dict[int, list[Path]] = {}
        self.hashes: dict[str, Path] = {}

    def original(self, path: Path) -> Path | None:
        size = path.stat().st_size
        earlier = self.sizes.setdefault(size, [])
        if earlier:
            for other in earlier:  # hash the earlier ones lazily, once
                self.hashes.setdefault(_digest(other), other)
            found = self.hashes.get(_digest(path))
            if found is not None:
                return found
        earlier.append(path)
        return None


def ingest_paths(store: GraphStore, paths: Iterable[Path], *, encoding: str | None = None,
                 batch_size: int = 1000, progress: Progress | None = None,
                 exclude: Iterable[Path] = (), limits: Limits | None = None) -> IngestSummary:
    """Read every input under ``paths`` into ``store``; see the module docstring.

    Holds the store's writer lock for the whole run
    (:class:`~ringtrace.errors.WorkspaceBusy` when another process holds it). Raises
    :class:`~ringtrace.errors.LoadError` only when a given path does not exist, and
    :class:`~ringtrace.errors.StoreError` when the store fails; everything wrong with the
    input itself is quarantined and summarised. ``progress`` counts the files read.
    """
    with store.writing("ingest"), applied(limits or current_limits()):
        sources, skipped = discover(list(paths), encoding, exclude)
        summary = IngestSummary(skipped=[str(p) for p in skipped], counts_before=store.counts())
        copies = _Copies()
        tell = progress or SILENT
        tell.start(len(sources), "files")
        for source in sources:
            file_summary = FileSummary(str(source.path), source.kind)
            summary.files.append(file_summary)
            original = copies.original(source.path) if source.problem is None else None
            if original is None:
                _ingest_file(store, source, encoding, file_summary, summary, batch_size)
            else:
                file_summary.status, file_summary.same_as = "duplicate", str(original)
            tell()
        summary.counts_after = store.counts()
    return summary


def _ingest_file(store: GraphStore, source: Source, encoding: str | None,
                 file_summary: FileSummary, summary: IngestSummary, batch_size: int) -> None:
    writer = _Writer(store, file_summary, summary, batch_size)
    try:
        for item in _items(source, encoding, file_summary):
            writer.add(item)
    except StoreError:
        raise
    except Exception as exc:  # the file, not the ingest, failed: keep what was read before
        writer.flush()
        reason = str(exc) if isinstance(exc, RingtraceError) else (
            f"{source.path}: reading failed ({type(exc).__name__}: {str(exc)[:200]})")
        reason = reason.removeprefix(f"{source.path}: ")
        if writer.last_line:
            file_summary.status = "partial"
            reason = f"reading stopped after line {writer.last_line}: {reason}"
        else:
            file_summary.status = "quarantined"
        file_summary.reason = reason
        problem = RecordProblem(str(source.path), 0, "", reason)
        summary.problems.append(problem)
        store.add_problems([problem])
    else:
        writer.flush()


class _Writer:
    """Batches the records of one file into transactions and quarantines what cannot go in."""

    def __init__(self, store: GraphStore, file_summary: FileSummary, summary: IngestSummary,
                 batch_size: int) -> None:
        self.store, self.file, self.summary = store, file_summary, summary
        self.batch_size = batch_size
        self.pending: list[tuple[Read, GraphBatch]] = []
        self.problems: list[RecordProblem] = []
        self.last_line = 0

    def add(self, item: Item) -> None:
        if isinstance(item, RecordProblem):
            self.last_line = max(self.last_line, item.line)
            self._quarantine(item)
            return
        self.last_line = max(self.last_line, item.line)
        try:
            batch = self._batch(item)
        except StoreError:
            raise
        except Exception as exc:
            self._quarantine(RecordProblem(item.file, item.line, "", "cannot convert the record "
                                           f"({type(exc).__name__}: {str(exc)[:200]})"))
            return
        self.pending.append((item, batch))
        if len(self.pending) + len(self.problems) >= self.batch_size:
            self.flush()

    def _batch(self, item: Read) -> GraphBatch:
        record = item.record
        if isinstance(record, CaseRecord):
            return case_batch(record)
        if isinstance(record, RegistryRecord):
            return registry_batch(record)
        assert isinstance(record, BackPaymentRecord)
        basis = (self.store.case_ids_for_number(record.basis_case_number)
                 if record.basis_case_number else [])
        if record.basis_case_number and not basis:
            self.summary.unresolved_basis += 1
        return backpayment_batch(record, basis)

    def _quarantine(self, problem: RecordProblem) -> None:
        self.problems.append(problem)
        self.summary.problems.append(problem)
        if problem.severity == "error":
            self.file.quarantined += 1

    def flush(self) -> None:
        pending, self.pending = self.pending, []
        if pending:
            merged = GraphBatch()
            for _, batch in pending:
                merged.extend(batch)
            try:
                self.store.write_batch(merged)
            except StoreError:
                raise
            except Exception:  # some record cannot be stored: write them one by one
                pending = self._one_by_one(pending)
            self.file.records += len(pending)
        if self.problems:
            self.store.add_problems(self.problems)
        self.problems = []

    def _one_by_one(self, pending: list[tuple[Read, GraphBatch]]) -> list[tuple[Read, GraphBatch]]:
        stored = []
        for read, batch in pending:
            try:
                self.store.write_batch(batch)
            except StoreError:
                raise
            except Exception as exc:
                self._quarantine(RecordProblem(read.file, read.line, "", "cannot be stored "
                                               f"({type(exc).__name__}: {str(exc)[:200]})"))
            else:
                stored.append((read, batch))
        return stored


def retry_quarantined(store: GraphStore, *, encoding: str | None = None,
                      batch_size: int = 1000, progress: Progress | None = None,
                      limits: Limits | None = None, files: Iterable[str] | None = None
                      ) -> tuple[IngestSummary, list[str]]:
    """Read again every file with quarantined problems (or only ``files``).

    Each file's quarantine entries are cleared and the file ingested again: records fixed
    since are stored, records still bad are quarantined again, records already stored are
    unchanged. Returns the summary and the files that no longer exist (their entries stay).
    """
    wanted = set(files) if files is not None else None
    names = sorted({p.file for p in store.problems() if p.severity == "error"
                    and (wanted is None or p.file in wanted)})
    present = [n for n in names if Path(n).is_file()]
    missing = [n for n in names if not Path(n).is_file()]
    with store.writing("quarantine retry"):
        store.clear_problems(present)
        summary = ingest_paths(store, [Path(n) for n in present], encoding=encoding,
                               batch_size=batch_size, progress=progress, limits=limits)
    return summary, missing
