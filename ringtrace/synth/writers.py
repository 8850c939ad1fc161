"""Write the province's files: registry export, case records, 补缴 ledger and ground truth.

Files are written as an analyst would receive them: the registry and the ledger as UTF-8 CSV
with a BOM (Excel-friendly) and Chinese headers (or the registry as ``.xlsx``), case records as
JSONL in the interchange format, and ``truth.json`` for scoring. Rows are ordered by neutral
keys (names, dates), never by how they were generated.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import orjson

from ringtrace.graph.records import CaseRecord
from ringtrace.synth import registry
from ringtrace.synth.employers import REGISTRY_DATE
from ringtrace.synth.plan import CasePlan
from ringtrace.synth.registry import REGISTRY_HEADER
from ringtrace.synth.world import World

BACKPAY_HEADER = ("姓名", "身份证号", "单位名称", "补缴起始年月", "补缴终止年月", "补缴金额",
                  "依据文书案号", "办理日期")
_FIRST_BACKPAY_MONTH = dt.date(1995, 1, 1)  # Henan: no 补缴 before 1995-01


# -- case records -------------------------------------------------------------------------
def _pruned(obj: Any) -> dict[str, Any]:
    # truthy values short-circuit; of the falsy ones only None, "" and [] are dropped (False
    # and 0 stay, as in records._prune)
    return {k: v for k, v in vars(obj).items()
            if v or not (v is None or v == "" or v == [])}


def record_dict(record: CaseRecord) -> dict[str, Any]:
    """``record.to_dict()`` without ``dataclasses.asdict``'s deep copies (several times faster).

    Same pruning rule: ``None``, ``[]`` and ``""`` values are dropped at every level (the only
    nested objects of a record are its parties, agents and spans); the tests compare both on
    every generated record.
    """
    out = _pruned(record)
    for key in ("parties", "agents", "spans"):
        if key in out:
            out[key] = [_pruned(item) for item in out[key]]
    return out


def record_line(record: CaseRecord) -> str:
    """One JSONL line: compact, Chinese kept readable. Written by orjson, which gives the same
    text as ``json.dumps(..., ensure_ascii=False, separators=(",", ":"))`` for the values a
    record holds (strings, integers, finite floats, booleans, lists and dicts) several times
    faster; a test compares both on every generated record."""
    return orjson.dumps(record_dict(record)).decode() + "\n"


# -- registry -----------------------------------------------------------------------------
registry_file_name = registry.file_name


def registry_table(world: World, rng: random.Random, fmt: str) -> registry.Table:
    """The registry export's rows (see :mod:`ringtrace.synth.registry`)."""
    if not world.var.active:
        return registry.table(world, rng, fmt)
    from ringtrace.synth.render.script import to_traditional

    return registry.table(world, rng, fmt, to_traditional)


def write_registry(path: Path, fmt: str, table: registry.Table) -> int:
    """Write the export in ``fmt``; returns the number of rows."""
    if fmt == "tyc-jsonl":
        with path.open("w", encoding="utf-8", newline="\n") as fh:
            for _, cells in table:
                fh.write(json.dumps(cells["record"], ensure_ascii=False) + "\n")
        return len(table)
    if fmt == "tyc-xlsx":
        rows = ([cells["record"][k] for k in registry.TYC_FIELDS] for _, cells in table)
        return write_xlsx(path, registry.TYC_FIELDS, rows, sheet="企业列表")
    rows = (cells["row"] for _, cells in table)
    if fmt == "xlsx":
        return write_xlsx(path, REGISTRY_HEADER, rows)
    return write_csv(path, REGISTRY_HEADER, rows)


def write_csv(path: Path, header: Iterable[str], rows: Iterable[list[str]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(list(header))
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def write_xlsx(path: Path, header: Iterable[str], rows: Iterable[list[Any]],
               sheet: str = "企业信息") -> int:
    """A one-sheet workbook (write-only mode, so memory stays flat); cells stay text."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    ws.append(list(header))
    count = 0
    for row in rows:
        ws.append(row)
        count += 1
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(_without_timestamps(buffer.getvalue()))
    return count


_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
_CORE_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*")


def _without_timestamps(workbook: bytes) -> bytes:
    """The workbook with the save time taken out of its zip entries and ``docProps/core.xml``.

    openpyxl stamps both with the clock, so the same seed would write different bytes.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for entry in src.infolist():
            data = src.read(entry)
            if entry.filename == "docProps/core.xml":
                data = _CORE_STAMP.sub(rb"\g<1>2000-01-01T00:00:00Z", data)
            info = zipfile.ZipInfo(entry.filename, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, data)
    return out.getvalue()


# -- 补缴 ledger --------------------------------------------------------------------------
def _monthly_base(year: int) -> float:
    """Contribution base: 60% of a Henan average monthly wage (≈350 yuan in 1995, +10.5%/year)."""
    return 0.6 * 350.0 * 1.105 ** (year - 1995)


def backpay_amount(start: dt.date, end: dt.date, rng: random.Random) -> float:
    """Employer and personal contributions (24%) over the months, plus late fees."""
    total = 0.0
    for year in range(start.year, end.year + 1):
        first = start.month if year == start.year else 1
        last = end.month if year == end.year else 12
        total += (last - first + 1) * _monthly_base(year) * 0.24
    return round(total * rng.uniform(1.1, 2.1), 2)


def backpay_row(plan: CasePlan, rng: random.Random) -> list[str] | None:
    """The ledger row a 补缴 on the basis of ``plan`` leaves, or None if nothing is payable."""
    if plan.claimed_start is None:
        return None
    start = max(plan.claimed_start, _FIRST_BACKPAY_MONTH)
    end = plan.claimed_end or plan.decision
    if end < start:
        return None
    worker = plan.workers[0]
    paid = min(plan.decision + dt.timedelta(days=rng.randint(15, 150)), REGISTRY_DATE)
    employer = plan.employer.name if rng.random() < 0.7 else plan.employer.name_on(plan.filing)
    basis = plan.written_number if rng.random() < 0.7 else plan.case_number
    return [worker.name, worker.id_number, employer, f"{start:%Y-%m}", f"{end:%Y-%m}",
            f"{backpay_amount(start, end, rng):.2f}", basis, paid.isoformat()]


# -- truth --------------------------------------------------------------------------------
def write_json(path: Path, data: dict[str, Any], compact: tuple[str, ...] = ()) -> None:
    """A JSON object with one top-level key per line and one list item per line: readable and
    diff-friendly, yet written with the fast compact encoder (orjson, no spaces, for the
    ``compact`` keys: the long per-case lists)."""
    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    def fast(value: Any) -> str:
        return orjson.dumps(value).decode()

    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("{\n")
        for i, (key, value) in enumerate(data.items()):
            fh.write(f"{dumps(key)}: ")
            if isinstance(value, list) and value:
                encode = fast if key in compact else dumps
                fh.write("[\n" + ",\n".join(encode(item) for item in value) + "\n]")
            else:
                fh.write(dumps(value))
            fh.write(",\n" if i < len(data) - 1 else "\n")
        fh.write("}\n")


def open_text(path: Path) -> IO[str]:
    return path.open("w", encoding="utf-8", newline="\n")
