"""The one reader of ringtrace's logs: JSON lines back as typed records."""

from __future__ import annotations

from pathlib import Path

import pytest

from ringtrace.errors import StoreError
from ringtrace.export.jsonl import append_jsonl, read_records
from ringtrace.queries.feedback.persistence import OUTCOMES_FILE, read_outcomes


def test_lines_come_back_as_records_oldest_first(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    append_jsonl(log, [{"n": 1}, {"n": 2}])
    assert read_records(log, "the log", lambda line: line["n"]) == [1, 2]
    assert read_records(tmp_path / "none.jsonl", "the log", dict) == []


def test_a_line_without_a_field_names_the_file_and_the_field(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    append_jsonl(log, [{"n": 1}, {"m": 2}])
    with pytest.raises(StoreError, match=r"log\.jsonl: a line has no 'n'; the log has been edited"):
        read_records(log, "the log", lambda line: line["n"])


def test_an_edited_outcomes_log_says_so(tmp_path: Path) -> None:
    append_jsonl(tmp_path / OUTCOMES_FILE, [{"lead_id": "L-1"}])
    with pytest.raises(StoreError, match=r"outcomes\.jsonl: a line has no .*; the outcomes log "
                                         r"has been edited"):
        read_outcomes(tmp_path)
