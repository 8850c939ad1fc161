"""The workspace's scan tables: whole scans round-trip, lookups read only their rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, cast

import pytest

from ringtrace.graph.scan_json import ScanJson
from ringtrace.graph.store import scan_blocks
from ringtrace.graph.store.scan_blocks import BLOCK_ROWS, CASE_BLOCK_ROWS, ScanReplaced
from ringtrace.graph.store.scan_reader import WholeScan
from ringtrace.graph.store.sqlite import SQLiteStore


def _scan(n_cases: int, tag: str = "a") -> ScanJson:
    """A scan shaped like run_scan's: case rows citing findings by position, findings about
    cases and about employers."""
    findings: list[dict[str, Any]] = []
    cases: dict[str, Any] = {}
    for i in range(n_cases):
        case = f"Case:({2000 + i % 20})豫0502民初{i}号|安阳市北关区人民法院"
        own = [len(findings), len(findings) + 1]
        findings += [{"rule_id": "TL_PERIOD_15Y", "subject": case, "cases": [case],
                      "summary": f"{tag}{i}", "evidence": []},
                     {"rule_id": "EMP_BURST", "subject": f"Employer:厂{i % 7}", "cases": [case],
                      "summary": f"{tag}{i}", "evidence": []}]
        cases[case] = {"final_score": i / n_cases, "findings": own, "ring_id": None}
    return cast("ScanJson", {"meta": {"snapshot": tag}, "rings": [{"ring_id": "R-1", "rank": 1}],
                             "leads": sorted(cases)[:3], "cases": cases, "findings": findings})


def test_a_scan_of_many_blocks_comes_back_whole(tmp_path: Path) -> None:
    scan = _scan(5 * BLOCK_ROWS + 3)
    with SQLiteStore.open(tmp_path) as store:
        store.save_scan(scan)
        assert store.load_scan() == scan
        blocks = store.conn.execute("SELECT part, count(*) FROM scan_block GROUP BY part")
        # 323 case rows in blocks of 16 (hashed: every block gets some), 646 findings in 64s
        assert CASE_BLOCK_ROWS == 16
        assert dict(blocks.fetchall()) == {"cases": 21, "findings": 11}


def test_the_reader_answers_every_lookup_as_the_whole_scan_does(tmp_path: Path) -> None:
    scan = _scan(3 * BLOCK_ROWS)
    whole = WholeScan(scan)
    with SQLiteStore.open(tmp_path) as store:
        store.save_scan(scan)
        reader = store.scan_reader()
        assert isinstance(reader, scan_blocks.BlockScanReader)
        assert reader.part("meta") == {"snapshot": "a"} and reader.part("_layout") is None
        some = [*sorted(scan["cases"])[::17], "Case:not scanned"]
        assert reader.cases(some) == whole.cases(some)
        assert reader.findings([5, 0, 130]) == whole.findings([5, 0, 130])
        for subject in ["Employer:厂3", some[0], "Employer:nobody"]:
            assert reader.findings_of(subject) == whole.findings_of(subject)
        assert len(reader.findings_of("Employer:厂3")) == len(
            [f for f in scan["findings"] if f["subject"] == "Employer:厂3"]) > 0
        assert reader.everything() == scan


def test_a_lookup_after_a_new_scan_was_stored_says_so(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as store:
        store.save_scan(_scan(10, "a"))
        reader = store.scan_reader()
        assert reader is not None
        store.save_scan(_scan(10, "b"))
        with pytest.raises(ScanReplaced, match="run the command again"):
            reader.cases([next(iter(_scan(10)["cases"]))])
        fresh = store.scan_reader()
        assert fresh is not None
        assert fresh.findings([0])[0]["summary"] == "b0"


def test_a_workspace_scanned_before_blocks_is_read_whole(tmp_path: Path) -> None:
    scan = _scan(4)
    with SQLiteStore.open(tmp_path) as store:
        # the earlier layout: every part one zlib JSON value in ``scan``
        store.conn.executemany("INSERT INTO scan VALUES (?, ?)",
                               [(k, scan_blocks.pack(v)) for k, v in scan.items()])
        assert store.load_scan() == scan
        reader = store.scan_reader()
        assert isinstance(reader, WholeScan)
        assert reader.findings_of("Employer:厂1") == WholeScan(scan).findings_of("Employer:厂1")


def test_a_partial_scan_mapping_gains_no_parts(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as store:
        store.save_scan(cast("ScanJson", {"meta": {"n": 1}}))
        assert store.load_scan() == {"meta": {"n": 1}}
        assert sqlite3.connect(tmp_path / "ringtrace.sqlite").execute(
            "SELECT count(*) FROM scan_block").fetchone() == (0,)


def test_findings_of_an_employer_after_a_new_scan_was_stored_say_so(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as store:
        store.save_scan(_scan(3 * BLOCK_ROWS, "a"))
        reader = store.scan_reader()
        assert reader is not None
        assert reader.findings_of("Employer:厂1")  # blocks now cached from scan "a"
        store.save_scan(_scan(2 * BLOCK_ROWS, "b"))
        with pytest.raises(ScanReplaced):
            reader.findings_of("Employer:厂1")
