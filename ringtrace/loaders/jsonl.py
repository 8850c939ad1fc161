"""Case records from interchange JSONL files (one JSON object per line)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ringtrace.errors import RecordProblem
from ringtrace.graph.records import CaseRecord, RecordInvalid, case_from_dict
from ringtrace.loaders.encoding import open_text


def _undecodable(text: str) -> bool:
    """True when the line holds bytes the file's encoding could not decode (surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def read_case_records(path: Path, encoding: str | None = None
                      ) -> Iterator[CaseRecord | RecordProblem]:
    """Yield a :class:`CaseRecord` per valid line and a :class:`RecordProblem` per bad one."""
    enc, _ = open_text(path, encoding)
    name = str(path)
    with path.open("r", encoding=enc, errors="surrogateescape") as fh:
        for number, line in enumerate(fh, start=1):
            text = line.strip()
            if not text:
                continue
            if _undecodable(text):
                yield RecordProblem(name, number, "", f"bytes not valid {enc}; re-save the file as "
                                    "UTF-8 or pass --encoding", text.encode("utf-8",
                                    "surrogateescape").decode("utf-8", "replace")[:500])
                continue
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                yield RecordProblem(name, number, "", f"not valid JSON: {exc.msg} at column "
                                    f"{exc.colno}", text[:500])
                continue
            try:
                record = case_from_dict(data)
            except RecordInvalid as exc:
                yield RecordProblem(name, number, exc.field, exc.reason, text[:500])
                continue
            if not record.source_path:
                record.source_path = f"{name}:{number}"
            yield record
