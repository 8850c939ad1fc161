"""The workspace audit log: one JSON line per command that read or wrote the workspace.

``<workspace>/audit.jsonl`` answers "who did what to this workspace, when, with which
parameters, and what came out" — the question a supervising procuratorate asks about any lead or
evidence pack. Each line holds the UTC time, the OS user, the command, its parameters with
secrets removed, a result summary and the ringtrace version. Lines are only ever appended, each
with one ``write`` on a file opened in append mode, so concurrent commands do not interleave.

Evidence packs carry the lines that produced them: :func:`provenance` picks the ingests and the
scan behind a scan snapshot.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePath
from typing import Any, TypedDict, cast

from ringtrace import __version__
from ringtrace.errors import StoreError
from ringtrace.export.jsonl import read_jsonl

AUDIT_FILE = "audit.jsonl"
REDACTED = "***"

#: Parameter names whose values are secrets (passwords, tokens, keys) and never logged.
_SECRET_NAME = re.compile(r"pass(word|wd)?|secret|token|api[_-]?key|credential|auth", re.I)
#: ``scheme://user:password@host`` in a value (store URIs): the password is removed.
_URI_PASSWORD = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*:)[^@/\s]+@")


class AuditEntry(TypedDict):
    """One line of the audit log."""

    #: UTC, ISO 8601 with seconds
    time: str
    #: the OS user who ran the command
    user: str
    #: ``ringtrace scan``, ``ringtrace serve assign`` ...
    command: str
    #: its parameters, JSON-ready with secrets removed (:func:`scrub`)
    params: dict[str, object]
    #: ``ok``, or what went wrong
    status: str
    #: a summary of what came out (the scan's snapshot, the files written ...), scrubbed
    result: dict[str, object]
    ringtrace_version: str


def scrub(value: Any, name: str = "") -> Any:
    """``value`` made JSON-ready with secrets removed.

    A parameter whose name looks like a secret is replaced by ``***`` whatever its value;
    passwords inside URIs are replaced; paths become text; tuples and sets become lists.

    >>> scrub({"store_uri": "neo4j://neo4j:hunter2@db:7687", "password": "x", "n": (1, 2)})
    {'store_uri': 'neo4j://neo4j:***@db:7687', 'password': '***', 'n': [1, 2]}
    """
    if name and _SECRET_NAME.search(name) and value not in (None, "", False):
        return REDACTED
    if isinstance(value, Mapping):
        return {str(k): scrub(v, str(k)) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [scrub(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(scrub(v) for v in value)
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, str):
        return _URI_PASSWORD.sub(rf"\g<head>{REDACTED}@", value)
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)


def os_user() -> str:
    """The login name of the user running the command (``uid:N`` when it has none)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return f"uid:{os.getuid()}" if hasattr(os, "getuid") else "unknown"


def utc_now() -> str:
    """The current UTC time as ISO 8601 with seconds (``2025-03-01T08:15:00+00:00``)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def audit_entry(command: str, params: Mapping[str, object],
                result: Mapping[str, object] | None = None, *, status: str = "ok",
                time: str | None = None) -> AuditEntry:
    """One audit line (not yet written): time, user, command, scrubbed parameters, result."""
    return {
        "time": time or utc_now(),
        "user": os_user(),
        "command": command,
        "params": scrub(dict(params)),
        "status": status,
        "result": scrub(dict(result or {})),
        "ringtrace_version": __version__,
    }


def audit_path(workspace: str | Path) -> Path:
    return Path(workspace) / AUDIT_FILE


def entry_line(entry: AuditEntry) -> str:
    """The exact line an entry is stored as (compact JSON, Chinese readable, newline-ended)."""
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"), default=str) + "\n"


def write_entry(workspace: str | Path, entry: AuditEntry) -> None:
    """Append ``entry`` to the workspace's audit log (the workspace directory must exist)."""
    data = entry_line(entry).encode("utf-8")
    try:
        fd = os.open(audit_path(workspace), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
    except OSError as exc:
        raise StoreError(f"cannot append to the audit log in {workspace}: "
                         f"{exc.strerror or exc}") from exc


def append_audit(workspace: str | Path, command: str, params: Mapping[str, object],
                 result: Mapping[str, object] | None = None, *, status: str = "ok"
                 ) -> AuditEntry:
    """Build an audit line for ``command`` and append it to ``<workspace>/audit.jsonl``.

    Returns the entry as written.
    """
    entry = audit_entry(command, params, result, status=status)
    write_entry(workspace, entry)
    return entry


def read_audit(workspace: str | Path) -> list[AuditEntry]:
    """Every audit line of a workspace, oldest first (empty when nothing was logged yet)."""
    # a line is what write_entry wrote: the log is only ever appended to by this module
    return cast("list[AuditEntry]", read_jsonl(audit_path(workspace), "the audit log"))


def _ok(entry: AuditEntry, command: str) -> bool:
    return entry.get("command") == command and entry.get("status") == "ok"


def provenance(entries: Sequence[AuditEntry], snapshot: str) -> list[AuditEntry]:
    """The audit lines behind a scan snapshot: the successful ingests, then the scan.

    The scan is the last successful ``ringtrace scan`` whose result records ``snapshot`` (each
    scan replaces the previous one); the ingests are every successful ``ringtrace ingest``
    before it, since ingests accumulate into the store the scan read. Without a matching scan
    line (a workspace scanned before logging began) the ingests before the end are returned.
    """
    scans = [i for i, e in enumerate(entries) if _ok(e, "ringtrace scan")
             and (e.get("result") or {}).get("snapshot") == snapshot]
    end = scans[-1] if scans else len(entries)
    lines = [e for e in entries[:end] if _ok(e, "ringtrace ingest")]
    if scans:
        lines.append(entries[end])
    return lines
