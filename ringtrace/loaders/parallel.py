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
    # and its tables loaded (:func:`warm`)
    methods = multiprocessing.get_all_start_methods()
    forked = "fork" in methods
    context = multiprocessing.get_context("fork" if forked else "spawn")
    if forked:
        warm()
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


#: a short traditional-script judgment: parsing it and building its rows loads every table
#: the parser and the row builder load on first use
_WARM_TEXT = ("北京市朝陽區人民法院\n民事判決書\n（2020）京0105民初1號\n"
              "原告：張三，男，1960年1月1日出生，漢族，住北京市朝陽區建國路1號，電話13800000000。\n"
              "被告：北京某某有限公司，住所地北京市朝陽區建國路2號。\n"
              "法定代表人：李四，經理。\n委託訴訟代理人：王五，北京某某律師事務所律師。\n"
              "原告張三與被告北京某某有限公司確認勞動關係糾紛一案，本院立案後依法適用簡易程序公開開庭"
              "進行了審理。原告張三向本院提出訴訟請求：確認原告與被告2000年1月至2015年12月存在勞動"
              "關係。被告辯稱，對原告的訴訟請求無異議。本院認為，原告的訴訟請求符合法律規定。判決如下：\n"
              "確認原告張三與被告北京某某有限公司2000年1月至2015年12月存在勞動關係。\n"
              "二〇二〇年六月一日\n")


def warm() -> None:
    """Import the parser and load the tables that parsing and row building load on first use
    (the graph schema, region codes and place names, the script converter) in this process,
    so that the processes forked from it share them instead of each loading them again
    (about half a second of CPU per process: 0.3 ms per document over 3,000 documents)."""
    from ringtrace.loaders import judgments

    outcome = judgments.parse_text(_WARM_TEXT, "<warm-up>")
    if outcome.record is not None:
        prepared(Read("<warm-up>", 1, outcome.record))


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

