"""The audit log: one JSON line per command, secrets removed, provenance of a scan snapshot."""

from __future__ import annotations

import doctest
import json
from pathlib import Path
from types import ModuleType

import pytest

from ringtrace import __version__
from ringtrace.errors import StoreError
from ringtrace.graph import audit
from ringtrace.graph.audit import (
    AUDIT_FILE,
    AuditEntry,
    append_audit,
    audit_entry,
    provenance,
    read_audit,
    scrub,
)


def test_an_entry_has_time_user_command_params_result_and_version(tmp_path: Path) -> None:
    entry = append_audit(tmp_path, "ringtrace scan", {"rules_file": tmp_path / "r.toml"},
                         {"leads": 5})
    [line] = (tmp_path / AUDIT_FILE).read_text("utf-8").splitlines()
    assert json.loads(line) == entry
    assert entry["command"] == "ringtrace scan" and entry["status"] == "ok"
    assert entry["params"] == {"rules_file": str(tmp_path / "r.toml")}
    assert entry["result"] == {"leads": 5} and entry["ringtrace_version"] == __version__
    assert entry["time"].endswith("+00:00") and entry["user"]


def test_secrets_are_removed_from_parameters_and_uris() -> None:
    params = {"password": "hunter2", "neo4j_password": "pw", "api_key": "k", "token": None,
              "store_uri": "neo4j://admin:hunter2@db.local:7687", "name": "安阳市某公司"}
    assert scrub(params) == {"password": "***", "neo4j_password": "***", "api_key": "***",
                             "token": None, "store_uri": "neo4j://admin:***@db.local:7687",
                             "name": "安阳市某公司"}
    assert "hunter2" not in json.dumps(audit_entry("ringtrace push", params))


def test_lines_are_appended_and_chinese_stays_readable(tmp_path: Path) -> None:
    append_audit(tmp_path, "ringtrace employer", {"name": "安阳市恒达废旧物资回收有限公司"})
    append_audit(tmp_path, "ringtrace rings", {})
    text = (tmp_path / AUDIT_FILE).read_text("utf-8")
    assert "安阳市恒达废旧物资回收有限公司" in text and "\\u" not in text
    assert [e["command"] for e in read_audit(tmp_path)] == ["ringtrace employer",
                                                            "ringtrace rings"]


def test_a_damaged_log_is_reported_with_its_line(tmp_path: Path) -> None:
    append_audit(tmp_path, "ringtrace rings", {})
    with (tmp_path / AUDIT_FILE).open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    with pytest.raises(StoreError, match=r"audit.jsonl:2"):
        read_audit(tmp_path)


def _entry(command: str, snapshot: str, status: str = "ok") -> AuditEntry:
    return audit_entry(command, {}, {"snapshot": snapshot}, status=status)


def test_provenance_is_the_ingests_before_the_scan_of_the_snapshot() -> None:
    log = [_entry("ringtrace ingest", "a"), _entry("ringtrace ingest", "b", "error"),
           _entry("ringtrace ingest", "b"), _entry("ringtrace scan", "b"),
           _entry("ringtrace rings", "b"), _entry("ringtrace scan", "b"),
           _entry("ringtrace ingest", "c"), _entry("ringtrace scan", "c")]
    picked = provenance(log, "b")
    assert picked == [log[0], log[2], log[5]]
    assert provenance(log, "c")[-1] is log[7] and len(provenance(log, "c")) == 4


def test_provenance_without_a_matching_scan_keeps_the_ingests() -> None:
    log = [_entry("ringtrace ingest", "a"), _entry("ringtrace rings", "a")]
    assert provenance(log, "zzz") == [log[0]]


@pytest.mark.parametrize("module", [audit], ids=lambda m: m.__name__)
def test_docstring_examples(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.failed == 0 and result.attempted > 0
