"""Caps on how much work one input file may cost, so hostile input cannot stall an ingest.

A file over a cap is quarantined as a whole, with a reason naming the cap; the ingest goes on
with the next file. The caps are generous for real court documents (a long judgment is a few
hundred KB and parses in milliseconds) and are set per ingest (``ringtrace ingest
--max-document-mb N --max-unzipped-mb N --max-parse-seconds N``) or from library code with
:func:`applied`::

    with applied(Limits(max_document_bytes=16 << 20)):
        ingest_paths(store, paths)

Readers deep in the loaders (the ``.docx`` reader, the JSONL reader) ask :func:`current_limits`,
so the caps need not be threaded through every call.
"""

from __future__ import annotations

import signal
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from ringtrace.errors import InputTooLarge, InputTooSlow

__all__ = ["DEFAULT", "Limits", "applied", "check_file_size", "check_zip", "current_limits",
           "time_budget"]

MB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """The caps of one ingest.

    ``max_document_bytes``: a raw document (``.txt``/``.html`` file, the text of a ``.docx``)
    or one JSONL record; ``max_unzipped_bytes``: everything a zip container (``.docx``,
    ``.xlsx``) holds, decompressed, as its directory declares it (Python's zip reader never
    inflates an entry past its declared size); ``max_parse_seconds``: CPU seconds for reading and
    parsing one raw document (0: no limit; enforced with a timer signal, so only in the main
    thread).
    """

    max_document_bytes: int = 4 * MB
    max_unzipped_bytes: int = 256 * MB
    max_parse_seconds: float = 5.0

    @classmethod
    def of_megabytes(cls, document: float | None = None, unzipped: float | None = None,
                     seconds: float | None = None) -> Limits:
        """Limits from megabyte and second figures (None keeps the default)."""
        return cls(int(document * MB) if document is not None else DEFAULT.max_document_bytes,
                   int(unzipped * MB) if unzipped is not None else DEFAULT.max_unzipped_bytes,
                   seconds if seconds is not None else DEFAULT.max_parse_seconds)


DEFAULT = Limits()
_CURRENT: ContextVar[Limits] = ContextVar("ringtrace_limits", default=DEFAULT)


def current_limits() -> Limits:
    """The caps in force (the defaults unless :func:`applied` set others)."""
    return _CURRENT.get()


@contextmanager
def applied(limits: Limits) -> Iterator[Limits]:
    """Use ``limits`` for the loaders called inside the ``with`` block."""
    token = _CURRENT.set(limits)
    try:
        yield limits
    finally:
        _CURRENT.reset(token)


def _mb(n: int) -> str:
    return f"{n / MB:,.1f} MB"


def check_file_size(path: Path, limit: int | None = None) -> None:
    """Raise :class:`InputTooLarge` when the file at ``path`` is over the document cap."""
    limit = current_limits().max_document_bytes if limit is None else limit
    size = path.stat().st_size
    if size > limit:
        raise InputTooLarge(f"{path}: {_mb(size)} is over the document cap of {_mb(limit)}; "
                            "raise it with --max-document-mb if this is a real document")


def check_zip(archive: zipfile.ZipFile, name: str, limit: int | None = None) -> int:
    """The declared decompressed size of ``archive``; :class:`InputTooLarge` over the cap."""
    limit = current_limits().max_unzipped_bytes if limit is None else limit
    total = sum(info.file_size for info in archive.infolist())
    if total > limit:
        raise InputTooLarge(f"{name}: decompresses to {_mb(total)}, over the cap of "
                            f"{_mb(limit)} for zip containers (.docx, .xlsx); raise it with "
                            "--max-unzipped-mb if this is a real file")
    return total


@contextmanager
def time_budget(what: str, seconds: float | None = None) -> Iterator[None]:
    """Raise :class:`InputTooSlow` in the ``with`` block once it has used ``seconds`` of CPU.

    CPU time, not wall-clock time (``ITIMER_PROF``): a document that parses in a millisecond
    must not be quarantined because the machine was busy or the process was paused, or the same
    input would give another store on a loaded machine. What the cap guards against - a
    pattern that backtracks without end, a table that expands without end - burns CPU.

    A no-op outside the main thread, where there are no timer signals, or when a timer is
    already armed by someone else (a profiler).
    """
    seconds = current_limits().max_parse_seconds if seconds is None else seconds
    usable = (seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread()
              and signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0))
    if not usable:
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise _Expired  # a BaseException: no ``except Exception`` in a parser can swallow it

    previous = signal.signal(signal.SIGPROF, expired)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    except _Expired:
        raise InputTooSlow(f"{what}: reading took longer than the cap of {seconds:g} s (CPU) per "
                           "document; raise it with --max-parse-seconds if this is a real "
                           "document") from None
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


class _Expired(BaseException):
    """The time budget ran out (turned into :class:`InputTooSlow` by :func:`time_budget`)."""
