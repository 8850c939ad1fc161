"""Case records from interchange JSONL files (one JSON object per line).

Each line is decoded and validated on its own (:func:`ringtrace.graph.records.case_from_json`):
a line that is not JSON, is nested too deeply, holds broken text or fails the schema becomes a
:class:`~ringtrace.errors.RecordProblem` naming the file, line and field, and the lines around
it are read as usual. A line longer than the document cap is quarantined without being held in
memory.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

from ringtrace.errors import LoadError, RecordProblem
from ringtrace.export.jsonl import iter_lines
from ringtrace.graph.records import RecordInvalid, case_from_json
from ringtrace.loaders.encoding import open_text
from ringtrace.loaders.limits import current_limits
from ringtrace.loaders.sources import Read

__all__ = ["read_case_records"]


def _shown(data: bytes) -> str:
    return data[:500].decode("utf-8", "replace")


def read_case_records(path: Path, encoding: str | None = None
                      ) -> Iterator[Read | RecordProblem]:
    """Yield a :class:`~ringtrace.loaders.sources.Read` per valid line and a
    :class:`RecordProblem` per bad one."""
    enc, _ = open_text(path, encoding)
    name = str(path)
    if codecs.lookup(enc).name.startswith("utf-16"):
        raise LoadError(f"{path}: JSONL must be UTF-8 (or GB18030), not {enc}; re-save it")
    limit = current_limits().max_document_bytes
    utf8 = codecs.lookup(enc).name in ("utf-8", "utf-8-sig")
    for line in iter_lines(path, limit):
        data = line.data.removeprefix(codecs.BOM_UTF8) if line.number == 1 else line.data
        if line.too_long:
            yield RecordProblem(name, line.number, "", f"record longer than the cap of "
                                f"{limit:,} bytes (--max-document-mb)", _shown(data))
            continue
        try:
            text = data if utf8 else data.decode(enc)
        except UnicodeDecodeError:
            yield RecordProblem(name, line.number, "", f"bytes not valid {enc}; re-save the file "
                                "as UTF-8 or pass --encoding", _shown(data))
            continue
        try:
            record = case_from_json(text)
        except RecordInvalid as exc:
            reason = exc.reason
            if not exc.field and reason.startswith("not valid JSON") and utf8:
                try:
                    data.decode("utf-8")
                except UnicodeDecodeError:
                    reason = f"bytes not valid {enc}; re-save the file as UTF-8 or pass --encoding"
            yield RecordProblem(name, line.number, exc.field, reason, _shown(data))
            continue
        if not record.source_path:
            record.source_path = f"{name}:{line.number}"
        yield Read(name, line.number, record)
