"""Parse raw documents in several processes, hand them back in input order.

Parsing a judgment is pure work on one file (the parser shares nothing between documents), so
it spreads over processes; writing stays in the one process that holds the workspace's writer
lock. Results come back in the order the paths were given, so an ingest writes the same
records in the same order whatever the number of processes, and at most
``jobs * CHUNKS_AHEAD`` chunks of parsed documents wait in memory for the writer.

With ``prepare``, each case record comes back as the rows the store writes
(:class:`Prepared`, :mod:`ringtrace.graph.store.rows`), built where it was parsed: the writer
then only merges and writes, and strings cost less to send between processes than records.

>>> from pathlib import Path
>>> from ringtrace.loaders.limits import current_limits
>>> results = list(read_documents([Path("/no/such/file.txt")], None, current_limits(), jobs=1))
>>> type(results[0]).__name__
'LoadError'
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from functools import partial
from multiprocessing.context import BaseContext
from pathlib import Path

from ringtrace.errors import LoadError, RecordProblem, RingtraceError, StoreError
from ringtrace.graph.build import case_batch
from ringtrace.graph.records import CaseRecord
from ringtrace.graph.store.rows import BatchRows, encoded
from ringtrace.loaders.limits import Limits, applied, check_file_size, time_budget
from ringtrace.loaders.sources import Read

Item = Read | RecordProblem


@dataclass(frozen=True)
class Prepared:
    """A case record read at ``file``:``line``, as the rows the store writes for it."""

    file: str
    line: int
    rows: BatchRows


#: what a document gives: its items (records possibly prepared), or the error that stopped it
Result = list[Item | Prepared] | Exception

#: documents per task: big enough that sending them costs little beside parsing them
CHUNK = 16
#: chunks in flight per process: enough to keep every process busy while the writer works
CHUNKS_AHEAD = 4


def read_documents(paths: Sequence[Path], encoding: str | None, limits: Limits,
                   jobs: int = 1, *, prepare: bool = False) -> Iterator[Result]:
    """For each path in order: its items (warnings, then the record; or the problems that
    kept it from being read), or the error that stopped reading the whole file. With
    ``prepare``, each case record is :func:`prepared`."""
    read: Callable[[Path, str | None, Limits], Result] = (
        prepared_document if prepare else _document)
    if jobs <= 1 or len(paths) <= CHUNK:
        for path in paths:
            yield read(path, encoding, limits)
        return
    chunks = [list(paths[i:i + CHUNK]) for i in range(0, len(paths), CHUNK)]
    # fork where there is one: the children start at once, with the parser already imported
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    done = 0  # chunks handed back so far
    while done < len(chunks):
        try:
            for results in _pooled(read, chunks[done:], encoding, limits, jobs, context):
                yield from results
                done += 1
        except BrokenProcessPool:
            # a worker died (a crash in a native library, the kernel's OOM killer): read that
            # chunk's documents each in a process of its own, so that only the culprit is lost,
            # then go on with a fresh pool
            for path in chunks[done]:
                yield _alone(read, path, encoding, limits, context)
            done += 1


def _pooled(read: Callable[[Path, str | None, Limits], Result], chunks: list[list[Path]],
            encoding: str | None, limits: Limits, jobs: int,
            context: BaseContext) -> Iterator[list[Result]]:
    """Each chunk's results in order, at most ``jobs * CHUNKS_AHEAD`` chunks in flight."""
    task = partial(_read_chunk, read)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        waiting: deque[Future[list[Result]]] = deque()
        todo = iter(chunks)
        for chunk in todo:
            waiting.append(pool.submit(task, chunk, encoding, limits))
            if len(waiting) >= jobs * CHUNKS_AHEAD:
                break
        while waiting:
            yield waiting.popleft().result()
            following = next(todo, None)
            if following is not None:
                waiting.append(pool.submit(task, following, encoding, limits))


def _alone(read: Callable[[Path, str | None, Limits], Result], path: Path,
           encoding: str | None, limits: Limits, context: BaseContext) -> Result:
    """One document read in a process of its own; its crash is that document's error."""
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as one:
        try:
            return one.submit(read, path, encoding, limits).result()
        except BrokenProcessPool:
            return LoadError(f"{path}: the parser's process ended while reading this document "
                             "(a crash, or out of memory); the file is quarantined - try it "
                             "alone with `ringtrace parse`")


def _read_chunk(read: Callable[[Path, str | None, Limits], Result], paths: list[Path],
                encoding: str | None, limits: Limits) -> list[Result]:
    return [read(path, encoding, limits) for path in paths]


def _document(path: Path, encoding: str | None, limits: Limits) -> Result:
    result = read_document(path, encoding, limits)
    return result if isinstance(result, Exception) else [*result]


def prepared_document(path: Path, encoding: str | None, limits: Limits) -> Result:
    """:func:`read_document` with each case record :func:`prepared`."""
    result = read_document(path, encoding, limits)
    return result if isinstance(result, Exception) else [prepared(item) for item in result]


def prepared(item: Item) -> Item | Prepared:
    """A case record as the rows the store writes for it (or the problem that it cannot be
    converted); other items unchanged."""
    if not (isinstance(item, Read) and isinstance(item.record, CaseRecord)):
        return item
    try:
        return Prepared(item.file, item.line, encoded(case_batch(item.record)))
    except StoreError:
        raise
    except Exception as exc:
        return unconvertible(item, exc)


def unconvertible(item: Read, exc: Exception) -> RecordProblem:
    """The quarantine entry of a record that cannot be turned into nodes and edges."""
    return RecordProblem(item.file, item.line, "", "cannot convert the record "
                         f"({type(exc).__name__}: {str(exc)[:200]})")


def read_document(path: Path, encoding: str | None, limits: Limits) -> list[Item] | Exception:
    """One document's items, or the error that kept the file from being read; never raises
    for a bad file, so one file cannot stop a worker."""
    with applied(limits):
        try:
            return list(_document_items(path, encoding))
        except RingtraceError as exc:
            return exc
        except Exception as exc:  # the parser must not take the ingest down with it
            return LoadError(f"{path}: the parser failed on this document "
                             f"({type(exc).__name__}: {str(exc)[:200]})")


def _document_items(path: Path, encoding: str | None) -> Iterator[Item]:
    from ringtrace.loaders import judgments

    if path.suffix.lower() != ".docx":  # a .docx is capped on its decompressed size
        check_file_size(path)
    with time_budget(str(path)):
        outcome = judgments.parse_file(path, encoding=encoding)
    if outcome.record is None:
        yield from outcome.problems
        return
    yield from (replace(p, severity="warning") for p in outcome.problems)
    yield Read(str(path), 1, outcome.record)

