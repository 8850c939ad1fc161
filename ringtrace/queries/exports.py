"""Lead exports split by receiving procuratorate, with a ledger so that no lead is sent twice.

Each export writes one file per receiving procuratorate (see :mod:`ringtrace.queries.jurisdiction`)
and appends one line per lead to ``<workspace>/exports/ledger.jsonl``. A lead already in the
ledger is left out of later exports unless ``again=True``, so weekly exports after re-scans send
only new leads. This works because lead ids are stable: ``graph.identity.lead_id`` hashes the case
id (case number + forum), which more documents or a re-scan do not change.

Exports are masked like evidence packs (:mod:`ringtrace.export.masking`): ID numbers keep their
region prefix, phones their first 3 and last 4 digits, written-out birth dates their year,
in the reasons and the quoted evidence. ``unmask=True`` (``--unmask``, recorded in the audit log)
writes them in full for the competent procuratorate. Files are written by the shared writers of
:mod:`ringtrace.export` (formula-injection guard, XLSX cells as text).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ringtrace import __version__
from ringtrace.export.csv import write_csv
from ringtrace.export.excel import Sheet, write_xlsx
from ringtrace.export.jsonl import append_jsonl, read_records
from ringtrace.export.masking import mask_text
from ringtrace.graph.audit import os_user, utc_now
from ringtrace.graph.identity import digest
from ringtrace.graph.store.base import GraphStore
from ringtrace.progress import SILENT, Progress
from ringtrace.queries.jurisdiction import (
    Jurisdiction,
    Procuratorate,
    case_jurisdiction,
    provincial,
)
from ringtrace.queries.leads import list_leads
from ringtrace.queries.redflags import RULES_BY_ID
from ringtrace.queries.results import ScanResults
from ringtrace.queries.views import LeadRow, View

__all__ = ["COLUMNS", "FORMATS", "GROUPINGS", "LEDGER", "ExportFile", "ExportFileRow",
           "ExportResult", "LedgerLine", "export_leads", "read_ledger"]

LEDGER = Path("exports") / "ledger.jsonl"
FORMATS = ("xlsx", "csv")
#: ``procuratorate``: the competent procuratorate itself; ``province``: the provincial
#: procuratorate, for batches it hands down (how the SPP distributed cross-province leads).
GROUPINGS = ("procuratorate", "province")
#: Row key -> column header of an exported file.
COLUMNS: dict[str, str] = {
    "lead_id": "线索编号", "case_number": "案号", "forum": "审理机关", "document_type": "文书类型",
    "decision_date": "裁判日期", "score": "评分", "ring_id": "团伙编号", "rules": "命中规则",
    "reasons": "研判理由", "evidence": "证据摘录", "procuratorate": "受理检察院",
    "upper": "上级检察院（提请抗诉）", "basis": "管辖依据",
}
_UNSAFE_FILENAME = re.compile(r'[\\/:*?"<>|\s]+')
_EVIDENCE_ITEMS = 12


@dataclass
class ExportFile:
    """One written file: who receives it and which leads it holds."""

    procuratorate: Procuratorate
    path: Path
    lead_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ExportFileRow(View):
    """One written file as the export's summary lists it (``leads export`` prints one row each;
    ``to_dict`` is its ``--json`` form)."""

    #: the procuratorate that receives it
    procuratorate: str
    #: that procuratorate's region code
    code: str
    #: how many leads it holds
    leads: int
    #: where it was written
    file: str


@dataclass
class ExportResult:
    export_id: str
    exported_at: str
    files: list[ExportFile]
    already_exported: int
    considered: int

    @property
    def exported(self) -> int:
        return sum(len(f.lead_ids) for f in self.files)

    def rows(self) -> list[ExportFileRow]:
        """The written files, one summary row each."""
        return [ExportFileRow(f.procuratorate.name, f.procuratorate.code, len(f.lead_ids),
                             str(f.path)) for f in self.files]


@dataclass(frozen=True, slots=True)
class LedgerLine:
    """One exported lead, as the export ledger records it (one JSON line each)."""

    #: the lead id (L-…), stable across scans: what keeps a lead from being sent twice
    lead_id: str
    #: the lead's case id
    case_id: str
    #: its case number
    case_number: str | None
    #: the procuratorate whose file it went to
    procuratorate: str
    #: that procuratorate's region code
    procuratorate_code: str
    #: how the export was split: ``procuratorate`` or ``province`` (:data:`GROUPINGS`)
    by: str
    #: the file written
    file: str
    #: the export batch (X-…)
    export_id: str
    #: when it was exported (UTC, ISO 8601)
    exported_at: str
    #: the operating-system user who ran the export
    user: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON line: fields in declaration order (the order the ledger always had)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, row: Mapping[str, Any]) -> LedgerLine:
        return cls(**{f: row[f] for f in cls.__dataclass_fields__})


def ledger_path(workspace: str | Path) -> Path:
    return Path(workspace) / LEDGER


def read_ledger(workspace: str | Path) -> list[LedgerLine]:
    """Every ledger line (one per exported lead), oldest first; a line without one of
    :class:`LedgerLine`'s fields raises :class:`~ringtrace.errors.StoreError`."""
    return read_records(ledger_path(workspace), "the export ledger", LedgerLine.from_dict)


def _evidence_text(lead: LeadRow) -> str:
    items = [f"[{e.rule_id}] {e.detail}" for e in lead.evidence
             if e.kind == "text" or e.case_number in (None, lead.case_number)]
    return "\n".join(dict.fromkeys(items[:_EVIDENCE_ITEMS]))


def _row(lead: LeadRow, where: Jurisdiction, unmask: bool) -> dict[str, Any]:
    shown = (lambda text: text) if unmask else mask_text
    return {
        "lead_id": lead.lead_id, "case_number": lead.case_number, "forum": lead.forum,
        "document_type": lead.document_type, "decision_date": lead.decision_date,
        "score": round(float(lead.score), 4), "ring_id": lead.ring_id or "",
        "rules": "、".join(f"{r} {RULES_BY_ID[r].title}" if r in RULES_BY_ID else r
                          for r in lead.rules),
        "reasons": shown("\n".join(lead.reasons)), "evidence": shown(_evidence_text(lead)),
        "procuratorate": where.procuratorate.name, "upper": where.upper.name,
        "basis": where.basis,
    }


def _receiver(where: Jurisdiction, by: str) -> Procuratorate:
    if by == "province":
        return provincial(where)
    return where.procuratorate


_WIDTHS = {"lead_id": 16, "case_number": 26, "forum": 28, "reasons": 48, "evidence": 60,
           "rules": 40, "procuratorate": 30, "upper": 26, "basis": 50}


def _write(path: Path, fmt: str, rows: list[dict[str, Any]], about: list[tuple[str, Any]]
           ) -> None:
    header = list(COLUMNS.values())
    cells = [[row[k] for k in COLUMNS] for row in rows]
    if fmt == "csv":
        write_csv(path, header, cells)
        return
    widths = {COLUMNS[k]: w for k, w in _WIDTHS.items()}
    write_xlsx(path, [
        Sheet("线索", header, cells, widths=widths, default_width=12, wrap=True),
        Sheet("说明", ["项目", "内容"], [list(pair) for pair in about],
              widths={"项目": 16, "内容": 60}, header_row=False)])


def export_leads(store: GraphStore, workspace: str | Path, out_dir: Path, *,
                 by: str = "procuratorate", fmt: str = "xlsx", again: bool = False,
                 min_score: float | None = None, unmask: bool = False,
                 progress: Progress = SILENT) -> ExportResult:
    """Write this scan's leads, one file per receiving procuratorate, and record them.

    Leads already in the ledger are skipped unless ``again``; the result says how many.
    Nothing is recorded when there is nothing new to export. ID numbers, phones and birth
    dates in the text are masked unless ``unmask``. ``progress`` counts leads twice: finding
    each one's procuratorate, then writing it.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {', '.join(GROUPINGS)}, got {by!r}")
    scan = ScanResults.load(store)
    leads = list_leads(store, None, min_score)
    done = {line.lead_id for line in read_ledger(workspace)}
    fresh = [lead for lead in leads if again or lead.lead_id not in done]
    groups: dict[Procuratorate, list[tuple[LeadRow, Jurisdiction]]] = defaultdict(list)
    progress.start(len(fresh), "procuratorates")
    for lead in fresh:
        where = case_jurisdiction(store, lead.case_id)
        groups[_receiver(where, by)].append((lead, where))
        progress()
    now = utc_now()
    export_id = "X-" + now[:19].replace("-", "").replace(":", "") + "-" + digest(
        now, str(len(done)), *(lead.lead_id for lead in fresh), length=6)
    result = ExportResult(export_id, now, [], len(leads) - len(fresh), len(leads))
    if not fresh:
        return result
    out_dir.mkdir(parents=True, exist_ok=True)
    ledger_lines: list[LedgerLine] = []
    user = os_user()
    progress.start(len(fresh), "files")
    for office in sorted(groups, key=lambda p: (p.code, p.name)):
        members = groups[office]
        stem = _UNSAFE_FILENAME.sub("_", f"{office.code}_{office.name}_{export_id}")
        path = out_dir / f"{stem}.{fmt}"
        rows = [_row(lead, where, unmask) for lead, where in members]
        _write(path, fmt, rows, [
            ("受理检察院", office.name), ("区划代码", office.code), ("导出批次", export_id),
            ("导出时间（UTC）", now), ("线索数", len(rows)),
            ("数据快照", scan.meta.snapshot), ("生成工具", f"ringtrace {__version__}"),
            ("脱敏", "否（完整身份证号与电话）" if unmask else "是（身份证号仅留地区码，电话留前3后4位）"),
            ("说明", "线索由模型生成，不等于已查实的监督案件，需调查核实。")])
        result.files.append(ExportFile(office, path, [lead.lead_id for lead, _ in members]))
        ledger_lines += [LedgerLine(lead.lead_id, lead.case_id, lead.case_number, office.name,
                                    office.code, by, str(path), export_id, now, user)
                         for lead, _ in members]
        progress(len(members))
    append_jsonl(ledger_path(workspace), [line.to_dict() for line in ledger_lines])
    return result
