"""Every CSV and XLSX writer neutralises formula-leading text; XLSX cells are never formulas."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from ringtrace.cli import cli
from ringtrace.export.cells import FORMULA_START, cell
from ringtrace.export.csv import csv_text, write_csv
from ringtrace.export.excel import Sheet, write_xlsx
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries.exports import export_leads
from ringtrace.viz.pack import write_pack
from tests.export.conftest import HOSTILE_EMPLOYER, HOSTILE_NAMES, PHONE

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = [*HOSTILE_NAMES, HOSTILE_EMPLOYER, "@x", "+x", "-x", "=x"]


def _csv_cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def assert_no_formula_csv(text: str) -> int:
    """Every cell that is not a number starts with something other than a formula character."""
    cells = [c for r in _csv_cells(text) for c in r]
    for value in cells:
        if value.startswith(FORMULA_START):
            assert re.fullmatch(r"-?\d+(\.\d+)?(e[+-]?\d+)?", value), value
    return len(cells)


def assert_no_formula_xlsx(path: Path) -> int:
    book = load_workbook(path)
    seen = 0
    for sheet in book.worksheets:
        for line in sheet.iter_rows():
            for target in line:
                seen += 1
                assert target.data_type != "f", (sheet.title, target.coordinate, target.value)
                if isinstance(target.value, str):
                    assert not target.value.startswith(FORMULA_START), target.value
    return seen


@pytest.mark.parametrize("text", HOSTILE)
def test_cells_starting_with_a_formula_character_get_an_apostrophe(text: str) -> None:
    assert cell(text) == "'" + text


def test_numbers_and_plain_text_are_left_alone() -> None:
    assert [cell(v) for v in (-3, -2.5, 0, "张桂兰", "(2021)豫0502民初1号", None, True)] == [
        -3, -2.5, 0, "张桂兰", "(2021)豫0502民初1号", None, "True"]


def test_csv_writer_guards_every_cell_and_the_bom_is_an_option(tmp_path: Path) -> None:
    rows = [[name, -1.5, name] for name in HOSTILE]
    write_csv(tmp_path / "a.csv", ["=head", "n", "name"], rows)
    write_csv(tmp_path / "b.csv", ["=head", "n", "name"], rows, bom=False)
    with_bom, without = (tmp_path / "a.csv").read_bytes(), (tmp_path / "b.csv").read_bytes()
    assert with_bom.startswith(b"\xef\xbb\xbf") and not without.startswith(b"\xef\xbb\xbf")
    assert with_bom[3:] == without == csv_text(["=head", "n", "name"], rows).encode()
    assert assert_no_formula_csv(without.decode()) == 3 * (len(HOSTILE) + 1)
    assert _csv_cells(without.decode())[1] == ["'=SUM(1,1)", "-1.5", "'=SUM(1,1)"]


def test_xlsx_writer_writes_text_cells_never_formulas(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    write_xlsx(path, [Sheet("s", ["=head", "n"], [[name, -2] for name in HOSTILE]),
                      Sheet("t", ["k", "v"], [["ctl", "a\x1b[31mb\x00c"]], header_row=False)])
    assert assert_no_formula_xlsx(path) == 2 * (len(HOSTILE) + 1) + 2
    book = load_workbook(path)
    assert book.sheetnames == ["s", "t"]
    assert book["s"]["A2"].value == "'=SUM(1,1)" and book["s"]["B2"].value == -2
    assert book["t"]["B1"].value == "a\ufffd[31mb\ufffdc"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_lead_exports_of_hostile_names_hold_no_formula_and_mask_phones(
        hostile_store: SQLiteStore, tmp_path: Path, fmt: str) -> None:
    result = export_leads(hostile_store, tmp_path / "ws", tmp_path / "out", fmt=fmt)
    assert result.exported == len(HOSTILE_NAMES)
    for f in result.files:
        if fmt == "csv":
            text = f.path.read_text("utf-8-sig")
            assert assert_no_formula_csv(text) > 13 * len(HOSTILE_NAMES)
            assert "'=HYPERLINK(" in text
        else:
            assert assert_no_formula_xlsx(f.path) > 13 * len(HOSTILE_NAMES)
            text = "\n".join(str(c.value) for s in load_workbook(f.path).worksheets
                             for line in s.iter_rows() for c in line)
        assert PHONE not in text and "138****5678" in text
        assert "1968-01-02" not in text


def test_unmasked_lead_exports_carry_full_phones(hostile_store: SQLiteStore,
                                                 tmp_path: Path) -> None:
    result = export_leads(hostile_store, tmp_path / "ws", tmp_path / "out", fmt="csv",
                          unmask=True)
    assert any(PHONE in f.path.read_text("utf-8-sig") for f in result.files)


def test_pack_tables_of_a_hostile_ring_hold_no_formula(hostile_store: SQLiteStore,
                                                       tmp_path: Path) -> None:
    files = write_pack(hostile_store, "1", tmp_path / "pack")
    for name in ("members.csv", "cases.csv", "flags.csv"):
        text = (files.out_dir / name).read_text("utf-8-sig")
        assert assert_no_formula_csv(text) > 10
    assert "'=HYPERLINK(" in (files.out_dir / "members.csv").read_text("utf-8-sig")


@pytest.mark.parametrize("command", [["leads"], ["rings"], ["status", "--problems"],
                                     ["employer", "91410502MA3X5Y0K2B"]])
def test_cli_csv_output_holds_no_formula(hostile_workspace: Path, command: list[str]) -> None:
    result = CliRunner().invoke(cli, ["-w", str(hostile_workspace), *command, "--csv"])
    assert result.exit_code == 0, result.output
    assert not result.output.startswith("\ufeff")
    assert assert_no_formula_csv(result.output) > 0


def test_no_module_outside_the_export_package_writes_csv_or_xlsx_itself() -> None:
    """Writers live in ringtrace/export; the generator's synthetic inputs are the exception."""
    pattern = re.compile(r"csv\.(writer|DictWriter)\(|Workbook\(")
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "ringtrace").rglob("*.py")
                 if pattern.search(p.read_text("utf-8"))
                 and not p.is_relative_to(ROOT / "ringtrace" / "export")
                 and not p.is_relative_to(ROOT / "ringtrace" / "synth")]
    assert offenders == []
