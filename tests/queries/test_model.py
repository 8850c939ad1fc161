"""The scan's records read the stored scan without losing or reordering anything.

The store keeps plain JSON and the records are a reading of it: if ``from_dict`` dropped a key
or ``to_dict`` wrote one in another order, a JSON output built from a record would change and a
workspace's scan could no longer be written back as it is. So the round trip is checked on a
scanned province down to the compressed blocks the workspace keeps.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections import Counter
from pathlib import Path
from typing import cast

import pytest

from ringtrace.graph.scan_json import ScanJson
from ringtrace.graph.store import SQLiteStore
from ringtrace.graph.store.scan_blocks import LAYOUT_KEY, encode, pack, small_parts
from ringtrace.queries.model import RingRecord, ScanMeta, ScoredCase, StoredScan
from ringtrace.queries.results import ScanResults
from tests.scanned_province import ScannedProvince


def _raw(workspace: Path) -> ScanJson:
    with SQLiteStore.open(workspace, create=False) as store:
        raw = store.load_scan()
    assert raw is not None
    return raw


def _stored_rows(workspace: Path) -> tuple[dict[str, bytes], list[tuple[str, int, str, bytes]]]:
    """The workspace's scan table (small parts) and scan blocks, as stored."""
    with sqlite3.connect(workspace / "ringtrace.sqlite") as conn:
        parts = dict(conn.execute("SELECT key, value FROM scan"))
        blocks = conn.execute("SELECT part, block, save, value FROM scan_block "
                              "ORDER BY part, block").fetchall()
    return parts, blocks


def test_records_give_back_the_stored_scan_byte_for_byte(
        scanned_province: ScannedProvince) -> None:
    raw = _raw(scanned_province.workspace)
    back = cast("ScanJson", StoredScan.from_dict(raw).to_dict())
    assert json.dumps(back, ensure_ascii=False) == json.dumps(raw, ensure_ascii=False)

    # written back through the store's own encoding, the records give the very same blocks
    parts, blocks = _stored_rows(scanned_province.workspace)
    save = json.loads(zlib.decompress(parts[LAYOUT_KEY]))["save"]
    layout, encoded, _subjects = encode(back, save)
    assert encoded == blocks
    assert {k: pack(v) for k, v in small_parts(back).items()} == \
        {k: v for k, v in parts.items() if k != LAYOUT_KEY}
    assert pack(layout.to_json()) == parts[LAYOUT_KEY]


def test_scan_results_hand_out_the_records_of_the_stored_rows(
        scanned_province: ScannedProvince) -> None:
    raw = _raw(scanned_province.workspace)
    whole = StoredScan.from_dict(raw)
    with SQLiteStore.open(scanned_province.workspace, create=False) as store:
        scan = ScanResults.load(store)
        some = sorted(whole.cases)[::97]
        assert scan.meta == whole.meta and scan.meta.cases_scanned >= len(whole.cases)
        assert scan.rings == list(whole.rings) and scan.leads == list(whole.leads)
        assert scan.explained_groups == list(whole.explained_groups)
        assert scan.cases(some) == {c: whole.cases[c] for c in some}
        case = whole.leads[0]
        assert scan.findings_for_case(case) == [whole.findings[i]
                                                for i in whole.cases[case].findings]
        employer = whole.explained_groups[0].employer_id if whole.explained_groups else \
            next(f.subject for f in whole.findings if f.subject.startswith("Employer:"))
        assert scan.findings_for_subject(employer) == [f for f in whole.findings
                                                       if f.subject == employer]
        assert scan.rules_of(case) == whole.cases[case].rules
        assert scan.rules_of("Case:none") == ()
        assert scan.all_cases() == whole.cases
        assert scan.rule_hits() == Counter(f.rule_id for f in whole.findings)
        ring = whole.rings[0]
        assert scan.ring(ring.ring_id) == ring == scan.ring(f"#{ring.rank}")
        assert scan.lead_case(whole.cases[case].lead_id) == case


def test_a_scan_of_an_older_version_reads_with_defaults() -> None:
    """Rings stored before ``leads``/``reported``/``batched_share`` existed, and case rows
    without ``ring_log_odds``/``community``, read as the readers always took them."""
    ring = {"rank": 1, "ring_id": "R-1", "score": 0.9, "strength": 0.8, "cases": ["Case:a"],
            "structure": {"cases": 1, "applicants": 1, "employers": 1, "forums": 1,
                          "agents": 0, "lay_agents": 0, "top_agent_share": 0.0,
                          "coordinated_share": 0.0, "link_kinds": {}},
            "community": None, "intermediaries": [], "links": [],
            "exposure": {"amount_yuan": 1.0, "claimed_years": 1.0, "method": "m"},
            "reasons": [], "rules": {}}
    old = RingRecord.from_dict(ring)
    assert (old.leads, old.reported, old.structure.batched_share) == (0, True, 0.0)
    row = ScoredCase.from_dict({"rule_score": 0.5, "final_score": 0.5, "log_odds": 0.0,
                                "rules": [], "findings": [], "ring_id": None,
                                "lead_id": "L-1", "is_lead": False})
    assert (row.ring_log_odds, row.community) == (0.0, None)


def test_a_stored_row_missing_a_field_is_refused_by_name() -> None:
    with pytest.raises(KeyError, match="lead_threshold"):
        ScanMeta.from_dict({"ringtrace_version": "0", "snapshot": "s", "scanned_at": "t",
                            "rules": {"scoring": {}, "rules": {}, "exposure": {}},
                            "community_seed": 7, "cases_scanned": 0, "findings": 0,
                            "rings": 0, "leads": 0})
