"""Exceptions raised by ringtrace.

Every error ringtrace raises on purpose derives from :class:`RingtraceError`, so callers can
catch one class. Only ``ringtrace.cli`` turns them into click errors.
"""

from __future__ import annotations

from dataclasses import dataclass


class RingtraceError(Exception):
    """Root of every error raised by ringtrace on purpose."""


class SchemaError(RingtraceError):
    """The graph schema declaration (``graph/schema/*.yaml``) is inconsistent."""


class LoadError(RingtraceError):
    """An input file cannot be read at all (missing, unknown format, undecodable).

    Record-level problems do not raise: they are quarantined as :class:`RecordProblem`.
    """


class InputTooLarge(LoadError):
    """An input is over a size cap (:class:`ringtrace.loaders.limits.Limits`): a document's
    text, or the decompressed size of a zip container (``.docx``, ``.xlsx``). The file is
    quarantined with this reason; raise the cap to read it."""


class InputTooSlow(LoadError):
    """Reading one document took longer than the time cap
    (:attr:`ringtrace.loaders.limits.Limits.max_parse_seconds`): the file is quarantined so
    that one pathological input cannot stall an ingest."""


class StoreError(RingtraceError):
    """The workspace or server store cannot be opened, read or written."""


class WorkspaceBusy(StoreError):
    """Another ringtrace process holds the workspace's writer lock (an ingest, a scan …).

    One writer at a time: the message names the process holding the lock. The CLI exits with
    status 75 (``EX_TEMPFAIL``: try again later).
    """


class SnapshotChanged(StoreError):
    """The data changed while a scan was reading it, so its results were not stored."""


class PackError(RingtraceError):
    """An evidence pack cannot be written, signed or checked (bad key, bad hash, bad folder)."""


class RuleError(RingtraceError):
    """A rules file is malformed or names an unknown rule or threshold."""


class NotFound(RingtraceError):
    """A queried entity, ring or case does not exist in the store."""


@dataclass(frozen=True)
class RecordProblem:
    """Why one input record was quarantined: where it came from and what is wrong with it.

    ``line`` is 1-based (the header of a CSV file is line 1); ``field`` names the column or
    record field at fault, or is empty when the whole record is unreadable. ``severity`` is
    ``"error"`` when the record was not stored and ``"warning"`` when a (partial) record was
    stored and the problem is kept beside it.
    """

    file: str
    line: int
    field: str
    reason: str
    raw: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.field + ': ' if self.field else ''}{self.reason}"


class MissingExtra(RingtraceError):
    """A command needs a library from an optional extra that is not installed.

    The message names the extra to install, e.g. ``pip install 'ringtrace[neo4j]'``.
    """
