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

A parsed corpus (a folder ``ringtrace spark parse`` wrote, :mod:`ringtrace.loaders.parsed`) is
read document by document as if the documents had been parsed here: the same summaries, the
same duplicate check (by the digest the executors took), the same quarantine.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ringtrace.errors import LoadError, RecordProblem, RingtraceError, StoreError
from ringtrace.graph.build import backpayment_batch, case_batch, registry_batch
from ringtrace.graph.elements import GraphBatch
from ringtrace.graph.records import BackPaymentRecord, CaseRecord, RegistryRecord
from ringtrace.graph.store.base import GraphStore
from ringtrace.graph.store.rows import BatchRows, encoded
from ringtrace.loaders.jsonl import read_case_records
from ringtrace.loaders.limits import (
    Limits,
    applied,
    current_limits,
)
from ringtrace.loaders.mapping import load_mapping
from ringtrace.loaders.parallel import Prepared, read_documents, unconvertible
from ringtrace.loaders.parsed import file_digest
from ringtrace.loaders.sources import Read, Source, discover, is_parsed_corpus
from ringtrace.loaders.tabular import BadRow, read_table, undecodable
from ringtrace.progress import SILENT, Progress

__all__ = ["FileSummary", "IngestSummary", "ingest_paths", "retry_quarantined", "source_items"]

Item = Read | RecordProblem
#: raw documents from which an ingest into a store holding no more documents than that stages
#: them and writes them at its end, without the indexes only reads use
#: (:meth:`GraphStore.deferred_indexes`)
DEFER_INDEXES_FROM = 2000


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
    """A table's or case file's items (a generator: a file that cannot be read raises when
    the ingest starts on it)."""
    if source.problem is not None:
        raise LoadError(source.problem)
    if source.kind == "cases":
        yield from read_case_records(source.path, encoding)
    else:
        yield from _table_records(source, encoding, summary)


def source_items(source: Source, encoding: str | None = None) -> Iterator[Item]:
    """The items ingest reads from a table or case file (valid records and problems), for a
    reader that stores them elsewhere (``ringtrace spark scan`` takes registry and ledger rows
    this way, so they are read exactly as ingest reads them)."""
    return _items(source, encoding, FileSummary(str(source.path), source.kind))


class _Copies:
    """Spots byte-identical copies of files already read in this run, hashing only files whose
    size another file has, and each of them once (at a million documents of a few sizes,
    hashing every earlier file of a size again at each new one cost hours)."""

    def __init__(self) -> None:
        self.unhashed: dict[int, list[Path]] = {}  # the files of each size seen so far, until
        self.hashes: dict[str, Path] = {}          # a second file of that size comes

    def original(self, path: Path) -> Path | None:
        size = path.stat().st_size
        earlier = self.unhashed.get(size)
        if earlier is None:
            self.unhashed[size] = [path]  # the first of its size: no copy of anything yet
            return None
        for other in earlier:
            self.hashes.setdefault(file_digest(other), other)
        earlier.clear()
        found = self.hashes.setdefault(file_digest(path), path)
        return None if found is path else found


def ingest_paths(store: GraphStore, paths: Iterable[Path], *, encoding: str | None = None,
                 batch_size: int = 1000, progress: Progress | None = None,
                 exclude: Iterable[Path] = (), limits: Limits | None = None,
                 jobs: int = 1) -> IngestSummary:
    """Read every input under ``paths`` into ``store``; see the module docstring.

    ``jobs`` processes parse raw documents (:mod:`ringtrace.loaders.parallel`); this process
    writes, in input order, so the store is the same whatever ``jobs`` is. Holds the store's
    writer lock for the whole run (:class:`~ringtrace.errors.WorkspaceBusy` when another
    process holds it). Raises :class:`~ringtrace.errors.LoadError` only when a given path does
    not exist, and :class:`~ringtrace.errors.StoreError` when the store fails; everything
    wrong with the input itself is quarantined and summarised. ``progress`` counts the files
    read.
    """
    limits = limits or current_limits()
    with store.writing("ingest"), applied(limits):
        store.check_keys_version()
        sources, skipped = discover(list(paths), encoding, exclude)
        summary = IngestSummary(skipped=[str(p) for p in skipped], counts_before=store.counts())
        tell = progress or SILENT
        tell.start(len(sources), "files")
        planned = _planned(sources, summary)
        tell(len(sources) - len(planned))  # copies of files read before: nothing to read
        raw = [i for i, (s, _) in enumerate(planned) if _parsed(s)]
        documents = read_documents([planned[i][0].path for i in raw], encoding, limits, jobs,
                                   prepare=True)
        writer = _Writer(store, summary, batch_size)
        # a load at least as large as the store stages its documents' rows and writes them
        # after the last document, in key order, without the indexes only reads use, built
        # after them (before the ledgers, which look cases up by number)
        stored = summary.counts_before.get("documents", {}).get("total", 0)
        deferring = bool(raw) and len(raw) >= max(DEFER_INDEXES_FROM, stored)
        with ExitStack() as bulk:
            for at, (source, file_summary) in enumerate(planned):
                if deferring and at == raw[0]:
                    writer.flush()
                    bulk.enter_context(store.deferred_indexes())
                if _parsed(source):
                    _ingest_file(writer, source, _replayed(next(documents)), file_summary)
                elif source.kind == "parsed":
                    _ingest_parsed(writer, source, summary, file_summary)
                else:
                    # tables are written file by file: a back-payment row looks up the cases
                    # before it
                    writer.flush()
                    _ingest_file(writer, source, _items(source, encoding, file_summary),
                                 file_summary)
                    writer.flush()
                tell()
                if deferring and at == raw[-1]:
                    writer.flush()
                    _build_indexes(bulk, tell, remaining=len(planned) - at - 1)
        writer.flush()
        summary.counts_after = store.counts()
    return summary


def _build_indexes(deferred: ExitStack, tell: Progress, remaining: int) -> None:
    """Merge the rows a large load staged and build the read indexes it left out
    (:meth:`GraphStore.deferred_indexes`), as a stage of its own (minutes at a million
    documents, during which a files bar would stand at its end), then go on counting the
    ``remaining`` files (the ledgers after the documents)."""
    tell.start(1, "merge")
    deferred.close()
    tell()
    if remaining:
        tell.start(remaining, "files")


def _planned(sources: list[Source], summary: IngestSummary) -> list[tuple[Source, FileSummary]]:
    """Every source with its summary (listed in ``summary``), byte-identical copies left out."""
    copies = _Copies()
    planned = []
    for source in sources:
        file_summary = FileSummary(str(source.path), source.kind)
        summary.files.append(file_summary)
        original = (copies.original(source.path)
                    if source.problem is None and source.kind != "parsed" else None)
        if original is not None:
            file_summary.status, file_summary.same_as = "duplicate", str(original)
        else:
            planned.append((source, file_summary))
    return planned


def _parsed(source: Source) -> bool:
    """Is ``source`` a raw document for the parser (one :func:`_items` does not read)?"""
    return source.kind == "document" and source.problem is None


def _ingest_parsed(writer: _Writer, corpus: Source, summary: IngestSummary,
                   corpus_summary: FileSummary) -> None:
    """Every document of a parsed corpus, each summarised as a document file of its own (in
    the corpus's place in the summary). A Parquet part that cannot be read (cut short by an
    interrupted copy) stops the corpus - ``partial`` after the documents read before it,
    else ``quarantined`` - and the ingest goes on with its other inputs."""
    from ringtrace.loaders.parsed import manifest, read_parsed

    try:
        manifest(corpus.path)
    except LoadError as exc:
        corpus_summary.status, corpus_summary.reason = "quarantined", str(exc)
        writer.file_problem(RecordProblem(str(corpus.path), 0, "", str(exc)))
        return
    first: dict[str, str] = {}  # digest -> the first document with those bytes
    files: list[FileSummary] = []
    at = summary.files.index(corpus_summary)
    try:
        for doc in read_parsed(corpus.path):
            file_summary = FileSummary(doc.file, "document")
            files.append(file_summary)
            original = first.setdefault(doc.sha256, doc.file) if doc.sha256 else doc.file
            if original != doc.file:
                file_summary.status, file_summary.same_as = "duplicate", original
                continue
            _ingest_file(writer, Source(Path(doc.file), "document"), _replayed(doc.result),
                         file_summary)
    except StoreError:
        raise
    except Exception as exc:  # a damaged Parquet part: the corpus, not the ingest, failed
        corpus_summary.status = "partial" if files else "quarantined"
        corpus_summary.reason = (
            (f"reading stopped after {len(files)} documents: " if files else "")
            + f"a Parquet part cannot be read ({type(exc).__name__}: {str(exc)[:200]}); "
            "write the folder again with `ringtrace spark parse`")
        writer.file_problem(RecordProblem(str(corpus.path), 0, "", corpus_summary.reason))
        files.append(corpus_summary)
    summary.files[at:at + 1] = files


def _replayed(parsed: Sequence[Item | Prepared] | Exception) -> Iterator[Item | Prepared]:
    """A document's items as :func:`_items` would have yielded them (or raised)."""
    if isinstance(parsed, Exception):
        raise parsed
    yield from parsed


def _ingest_file(writer: _Writer, source: Source, items: Iterator[Item | Prepared],
                 file_summary: FileSummary) -> None:
    last_line = 0
    try:
        for item in items:
            last_line = max(last_line, item.line)
            writer.add(item, file_summary)
    except StoreError:
        raise
    except Exception as exc:  # the file, not the ingest, failed: keep what was read before
        reason = str(exc) if isinstance(exc, RingtraceError) else (
            f"{source.path}: reading failed ({type(exc).__name__}: {str(exc)[:200]})")
        reason = reason.removeprefix(f"{source.path}: ")
        if last_line:
            file_summary.status = "partial"
            reason = f"reading stopped after line {last_line}: {reason}"
        else:
            file_summary.status = "quarantined"
        file_summary.reason = reason
        writer.file_problem(RecordProblem(str(source.path), 0, "", reason))


class _Writer:
    """Batches records, across files, into transactions and quarantines what cannot go in.

    A record comes as read (turned into rows here) or :class:`Prepared` already, by the
    process that parsed its document.
    """

    def __init__(self, store: GraphStore, summary: IngestSummary, batch_size: int) -> None:
        self.store, self.summary = store, summary
        self.batch_size = batch_size
        self.pending: list[tuple[Read | Prepared, BatchRows, FileSummary]] = []
        self.problems: list[RecordProblem] = []
        self.file_problems: list[RecordProblem] = []

    def add(self, item: Item | Prepared, file: FileSummary) -> None:
        if isinstance(item, RecordProblem):
            self._quarantine(item, file)
            return
        if isinstance(item, Prepared):
            rows = item.rows
        else:
            try:
                rows = encoded(self._batch(item))
            except StoreError:
                raise
            except Exception as exc:
                self._quarantine(unconvertible(item, exc), file)
                return
        self.pending.append((item, rows, file))
        if len(self.pending) + len(self.problems) >= self.batch_size:
            self.flush()

    def file_problem(self, problem: RecordProblem) -> None:
        """A whole file that could not be read (counted in its status, not as a record)."""
        self.summary.problems.append(problem)
        self.file_problems.append(problem)

    def _batch(self, item: Read) -> GraphBatch:
        record = item.record
        if isinstance(record, CaseRecord):
            return case_batch(record)
        if isinstance(record, RegistryRecord):
            return registry_batch(record)
        assert isinstance(record, BackPaymentRecord)
        basis = self.store.basis_case_ids(record.basis_case_number)
        if record.basis_case_number and not basis:
            self.summary.unresolved_basis += 1
        return backpayment_batch(record, basis)

    def _quarantine(self, problem: RecordProblem, file: FileSummary) -> None:
        self.problems.append(problem)
        self.summary.problems.append(problem)
        if problem.severity == "error":
            file.quarantined += 1

    def flush(self) -> None:
        pending, self.pending = self.pending, []
        if pending:
            merged = BatchRows()
            for _, rows, _ in pending:
                merged.extend(rows)
            try:
                self.store.write_rows(merged)
            except StoreError:
                raise
            except Exception:  # some record cannot be stored: write them one by one
                pending = self._one_by_one(pending)
            for _, _, file in pending:
                file.records += 1
        if self.problems or self.file_problems:
            self.store.add_problems([*self.problems, *self.file_problems])
        self.problems, self.file_problems = [], []

    def _one_by_one(self, pending: list[tuple[Read | Prepared, BatchRows, FileSummary]]
                    ) -> list[tuple[Read | Prepared, BatchRows, FileSummary]]:
        stored = []
        for read, batch, file in pending:
            try:
                self.store.write_rows(batch)
            except StoreError:
                raise
            except Exception as exc:
                self._quarantine(RecordProblem(read.file, read.line, "", "cannot be stored "
                                               f"({type(exc).__name__}: {str(exc)[:200]})"), file)
            else:
                stored.append((read, batch, file))
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
    # a parsed corpus refused whole is quarantined under its folder's name
    present = [n for n in names if Path(n).is_file() or is_parsed_corpus(Path(n))]
    missing = [n for n in names if n not in present]
    with store.writing("quarantine retry"):
        store.clear_problems(present)
        summary = ingest_paths(store, [Path(n) for n in present], encoding=encoding,
                               batch_size=batch_size, progress=progress, limits=limits)
    return summary, missing
