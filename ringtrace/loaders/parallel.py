"""Parse raw documents in several processes, hand them back in input order.

Parsing a judgment is pure work on one file (the parser shares nothing between documents), so
it spreads over processes; writing stays in the one process that holds the workspace's writer
lock. Results come back in the order the paths were given, so an ingest writes the same
records in the same order whatever the number of processes, and at most
``jobs * CHUNKS_AHEAD`` chunks of parsed documents wait in memory for the writer.

>>> from pathlib import Path
>>> from ringtrace.loaders.limits import current_limits
>>> results = list(read_documents([Path("/no/such/file.txt")], None, current_limits(), jobs=1))
>>> type(results[0]).__name__
'LoadError'
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from multiprocessing.context import BaseContext
from pathlib import Path

from ringtrace.errors import LoadError, RecordProblem, RingtraceError
from ringtrace.loaders.limits import Limits, applied, check_file_size, time_budget
from ringtrace.loaders.sources import Read

Item = Read | RecordProblem

#: documents per task: big enough that sending them costs little beside parsing them
CHUNK = 16
#: chunks in flight per process: enough to keep every process busy while the writer works
CHUNKS_AHEAD = 4


def read_documents(paths: Sequence[Path], encoding: str | None, limits: Limits,
                   jobs: int = 1) -> Iterator[list[Item] | Exception]:
    """For each path in order: its items (warnings, then the record; or the problems that
    kept it from being read), or the error that stopped reading the whole file."""
    if jobs <= 1 or len(paths) <= CHUNK:
        for path in paths:
            yield read_document(path, encoding, limits)
        return
    chunks = [list(paths[i:i + CHUNK]) for i in range(0, len(paths), CHUNK)]
    # fork where there is one: the children start at once, with the parser already imported
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    done = 0  # chunks handed back so far
    while done < len(chunks):
        try:
            for results in _pooled(chunks[done:], encoding, limits, jobs, context):
                yield from results
                done += 1
        except BrokenProcessPool:
            # a worker died (a crash in a native library, the kernel's OOM killer): read that
            # chunk's documents each in a process of its own, so that only the culprit is lost,
            # then go on with a fresh pool
            for path in chunks[done]:
                yield _alone(path, encoding, limits, context)
            done += 1


def _pooled(chunks: list[list[Path]], encoding: str | None, limits: Limits, jobs: int,
            context: BaseContext) -> Iterator[list[list[Item] | Exception]]:
    """Each chunk's results in order, at most ``jobs * CHUNKS_AHEAD`` chunks in flight."""
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        waiting: deque[Future[list[list[Item] | Exception]]] = deque()
        todo = iter(chunks)
        for chunk in todo:
            waiting.append(pool.submit(_read_chunk, chunk, encoding, limits))
            if len(waiting) >= jobs * CHUNKS_AHEAD:
                break
        while waiting:
            yield waiting.popleft().result()
            following = next(todo, None)
            if following is not None:
                waiting.append(pool.submit(_read_chunk, following, encoding, limits))


def _alone(path: Path, encoding: str | None, limits: Limits,
           context: BaseContext) -> list[Item] | Exception:
    """One document read in a process of its own; its crash is that document's error."""
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as one:
        try:
            return one.submit(read_document, path, encoding, limits).result()
        except BrokenProcessPool:
            return LoadError(f"{path}: the parser's process ended while reading this document "
                             "(a crash, or out of memory); the file is quarantined - try it "
                             "alone with `ringtrace parse`")


def _read_chunk(paths: list[Path], encoding: str | None, limits: Limits
                ) -> list[list[Item] | Exception]:
    return [read_document(path, encoding, limits) for path in paths]


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

