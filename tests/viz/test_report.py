"""The report of a scanned synthetic province, read as a Chinese investigator reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries.ringviews import list_rings
from ringtrace.viz.report import ReportFiles, write_report
from tests.viz.conftest import rule_ids, untranslated, visible_text


@pytest.fixture
def report(store: SQLiteStore, tmp_path: Path) -> ReportFiles:
    return write_report(store, tmp_path / "report", top=3,
                        evaluation={"ring_recall": 0.818, "decoy_flag_rate": 0.001,
                                    "rings_found": 12})


def test_index_has_no_rule_codes_raw_dicts_or_english_keys(report: ReportFiles) -> None:
    page = report.index.read_text("utf-8")
    assert untranslated(page, rule_ids()) == []
    text = visible_text(page)
    assert "团伙召回率" in text and "82%" in text and "0.1%" in text
    assert not [t for t in text if t.endswith(".0%")]


def test_index_headline_counts_what_investigators_ask(report: ReportFiles,
                                                      store: SQLiteStore) -> None:
    text = visible_text(report.index.read_text("utf-8"))
    rings = list_rings(store)
    start = text.index("团伙") - 1
    assert text[start:start + 10:2] == [str(len(rings)), text[start + 2], str(sum(
        r.applicants for r in rings)), text[start + 6], text[start + 8]]
    assert text[start + 1:start + 10:2] == ["团伙", "线索", "申请人", "中介", "估计涉案金额"]
    assert text[start + 8].endswith(("万元", "亿元"))


def test_every_ring_on_the_index_shows_its_intermediaries_and_reasons(
        report: ReportFiles, store: SQLiteStore) -> None:
    page = report.index.read_text("utf-8")
    rings = list_rings(store)
    assert len(rings) > 3  # rings without a page of their own are on the index too
    table = page[page.index('<section id="rings">'):page.index("</section>", page.index(
        '<section id="rings">'))]
    rows = table.split("<tr>")[2:]
    assert len(rows) == len(rings)
    for ring, row in zip(rings, rows, strict=True):
        cells = visible_text(row)
        assert ring.ring_id in cells
        shown = cells[cells.index(ring.ring_id) + 5]  # the intermediaries column
        assert shown == ("、".join(ring.intermediaries) if ring.intermediaries
                         else "未识别（无中介线索）") or all(
            name in shown for name in ring.intermediaries)
        assert cells[-1] and cells[-1] != "—"  # reasons
