"""JSON Lines: the one reader of ringtrace's logs (audit log, export ledger, outcomes) and the
line splitter of interchange files.

A log line is only ever appended, one ``write`` per line; :func:`read_jsonl` reads every line
back and names the file and line of one that is not JSON (a log edited by hand or cut short).
:func:`iter_lines` hands out raw lines with their numbers and never holds more than one line
(bounded by ``max_bytes``) in memory, so a hostile file cannot exhaust memory.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from ringtrace.errors import StoreError

__all__ = ["Line", "append_jsonl", "iter_lines", "read_jsonl", "read_records"]

T = TypeVar("T")

_CHUNK = 1 << 16


@dataclass(frozen=True)
class Line:
    """One raw line of a file: its 1-based number, its bytes (without the line end), and
    whether it was cut at ``max_bytes`` (then ``data`` holds only the start)."""

    number: int
    data: bytes
    too_long: bool = False


def iter_lines(path: Path, max_bytes: int | None = None) -> Iterator[Line]:
    """Every non-blank line of ``path`` with its number; lines longer than ``max_bytes`` come
    out cut (``too_long``) and the rest of such a line is skipped without being held."""
    limit = max_bytes if max_bytes is not None else -1
    with Path(path).open("rb") as fh:
        number = 0
        while True:
            data = fh.readline(limit + 1 if limit >= 0 else -1)
            if not data:
                return
            number += 1
            too_long = limit >= 0 and len(data) > limit and not data.endswith(b"\n")
            if too_long:
                while True:  # skip the rest of the line
                    rest = fh.readline(_CHUNK)
                    if not rest or rest.endswith(b"\n"):
                        break
                yield Line(number, data[:limit], True)
                continue
            text = data.rstrip(b"\r\n")
            if text.strip():
                yield Line(number, text)


def read_jsonl(path: Path, what: str = "the file") -> list[dict[str, object]]:
    """Every line of a ringtrace log as a JSON object, oldest first ([] when there is no file).
    Its values are whatever JSON holds: the caller reads them through the line's typed record
    (:func:`read_records`) or narrows them itself.

    Raises :class:`~ringtrace.errors.StoreError` naming the file and line of a line that is not
    a JSON object; ``what`` names the log in that message (``"the audit log"``).
    """
    path = Path(path)
    if not path.exists():
        return []
    out: list[dict[str, object]] = []
    for line in iter_lines(path):
        try:
            value = json.loads(line.data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise StoreError(f"{path}:{line.number}: not a JSON line "
                             f"({getattr(exc, 'msg', exc.__class__.__name__)}); {what} has been "
                             "edited or truncated") from exc
        if not isinstance(value, dict):
            raise StoreError(f"{path}:{line.number}: not a JSON object; {what} has been edited")
        out.append(value)
    return out


def read_records(path: Path, what: str, record: Callable[[Mapping[str, object]], T]) -> list[T]:
    """Every line of a ringtrace log read as ``record`` (a typed line's ``from_dict``), oldest
    first; a line without one of the record's fields raises
    :class:`~ringtrace.errors.StoreError` naming the file and the field (the log was edited)."""
    lines = read_jsonl(path, what)
    try:
        return [record(line) for line in lines]
    except KeyError as exc:
        raise StoreError(f"{path}: a line has no {exc}; {what} has been edited") from exc


def append_jsonl(path: Path, lines: Iterable[Mapping[str, object]]) -> None:
    """Append ``lines`` (each a typed line's ``to_dict()``) to ``path`` (created with its
    folder if missing) in one ``write``."""
    path = Path(path)
    text = "".join(json.dumps(dict(line), ensure_ascii=False) + "\n" for line in lines)
    if not text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(fd, text.encode("utf-8"))
    finally:
        os.close(fd)
