"""Lead exports: one file per receiving procuratorate, and no lead exported twice."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ringtrace.errors import StoreError
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries.exports import COLUMNS, LEDGER, LedgerLine, export_leads, read_ledger
from ringtrace.queries.jurisdiction import case_jurisdiction
from ringtrace.queries.leads import list_leads
from tests.scanned_province import ScannedProvince


@pytest.fixture
def store(scanned_province: ScannedProvince) -> Iterator[SQLiteStore]:
    opened = SQLiteStore.open(scanned_province.workspace, create=False)
    yield opened
    opened.close()


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_each_file_holds_the_leads_of_one_procuratorate(store: SQLiteStore,
                                                         tmp_path: Path) -> None:
    result = export_leads(store, tmp_path / "ws", tmp_path / "out", fmt="csv")
    leads = list_leads(store)
    assert result.exported == len(leads) > 0 and result.already_exported == 0
    expected = Counter(case_jurisdiction(store, lead.case_id).procuratorate.name
                       for lead in leads)
    assert {f.procuratorate.name: len(f.lead_ids) for f in result.files} == dict(expected)
    assert [row.to_dict() for row in result.rows()] == [
        {"procuratorate": f.procuratorate.name, "code": f.procuratorate.code,
         "leads": len(f.lead_ids), "file": str(f.path)} for f in result.files]
    for f in result.files:
        rows = _csv_rows(f.path)
        assert list(rows[0]) == list(COLUMNS.values())
        assert {r["受理检察院"] for r in rows} == {f.procuratorate.name}
        assert [r["线索编号"] for r in rows] == f.lead_ids
        assert f.path.name.startswith(f"{f.procuratorate.code}_{f.procuratorate.name}_")


def test_a_second_export_sends_nothing_again_unless_asked(store: SQLiteStore,
                                                         tmp_path: Path) -> None:
    first = export_leads(store, tmp_path / "ws", tmp_path / "out", fmt="csv")
    second = export_leads(store, tmp_path / "ws", tmp_path / "out", fmt="csv")
    assert second.exported == 0 and second.files == []
    assert second.already_exported == first.exported
    ledger = read_ledger(tmp_path / "ws")
    assert len(ledger) == first.exported == len({line.lead_id for line in ledger})
    again = export_leads(store, tmp_path / "ws", tmp_path / "out", fmt="csv", again=True)
    assert again.exported == first.exported and again.export_id != first.export_id
    assert len(read_ledger(tmp_path / "ws")) == 2 * first.exported


def test_the_ledger_reads_back_as_the_lines_it_wrote(store: SQLiteStore, tmp_path: Path) -> None:
    """Each ledger line is a :class:`LedgerLine`'s JSON, fields in order; a line edited to lose
    a field is an error naming the ledger, not a lead silently exported again."""
    result = export_leads(store, tmp_path / "ws", tmp_path / "out", fmt="csv")
    ledger = read_ledger(tmp_path / "ws")
    first = ledger[0]
    assert (first.export_id, first.file) == (result.export_id, str(result.files[0].path))
    path = tmp_path / "ws" / LEDGER
    written = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert [line.to_dict() for line in ledger] == written
    assert list(written[0]) == [f.name for f in fields(LedgerLine)]
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"lead_id": "L-x"}) + "\n")
    with pytest.raises(StoreError, match="export ledger"):
        read_ledger(tmp_path / "ws")


def test_only_new_leads_are_exported_after_the_threshold_is_lowered(store: SQLiteStore,
                                                                     tmp_path: Path) -> None:
    first = export_leads(store, tmp_path / "ws", tmp_path / "out", fmt="csv")
    wider = export_leads(store, tmp_path / "ws", tmp_path / "out", fmt="csv", min_score=0.6)
    first_ids = {lead for f in first.files for lead in f.lead_ids}
    wider_ids = {lead for f in wider.files for lead in f.lead_ids}
    assert wider_ids and not first_ids & wider_ids
    assert wider.exported + first.exported == len(list_leads(store, min_score=0.6))


def test_xlsx_files_have_the_leads_and_an_about_sheet(store: SQLiteStore,
                                                       tmp_path: Path) -> None:
    result = export_leads(store, tmp_path / "ws", tmp_path / "out")
    first = result.files[0]
    book = load_workbook(first.path, read_only=True)
    rows = list(book["线索"].iter_rows(values_only=True))
    about = dict(book["说明"].iter_rows(values_only=True))
    assert rows[0] == tuple(COLUMNS.values())
    assert [r[0] for r in rows[1:]] == first.lead_ids
    assert about["受理检察院"] == first.procuratorate.name
    assert about["导出批次"] == result.export_id and about["线索数"] == len(first.lead_ids)


def test_by_province_groups_leads_for_the_provincial_procuratorate(store: SQLiteStore,
                                                                   tmp_path: Path) -> None:
    result = export_leads(store, tmp_path / "ws", tmp_path / "out", fmt="csv", by="province")
    assert {f.procuratorate.level for f in result.files} <= {"province", "unknown"}
    assert sum(len(f.lead_ids) for f in result.files) == len(list_leads(store))


def test_unknown_format_is_refused(store: SQLiteStore, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="format"):
        export_leads(store, tmp_path, tmp_path / "out", fmt="pdf")
