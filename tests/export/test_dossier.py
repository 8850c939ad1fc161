"""The 线索移送函 DOCX, read back with python-docx."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from docx import Document

from ringtrace.export.dossier import write_dossier
from ringtrace.export.rings import ring_exports
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.viz.formatting import yuan

ISSUED = dt.date(2026, 12, 7)


def _paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def test_letter_layout_and_content(ring_store: SQLiteStore, tmp_path: Path) -> None:
    [ring] = ring_exports(ring_store)
    write_dossier(ring, tmp_path / "letter.docx", issued=ISSUED)
    doc = Document(str(tmp_path / "letter.docx"))
    text = [p.text for p in doc.paragraphs]
    assert text[0] == "线索移送函"
    assert text[1] == f"编号：〔2026〕{ring.ring_id}号"
    assert text[2] == "河南省安阳市文峰区公安机关："  # the police of the procuratorate's region
    assert text[3].startswith(ring.procuratorate) and f"{len(ring.cases)}件案件" in text[3]
    headings = ["一、基本情况", "二、涉及案件", "三、主要证据摘录", "四、涉案金额估算",
                "五、材料完整性", "附件清单"]
    assert [t for t in text if t in headings] == headings
    [table] = doc.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0][:2] == ["序号", "案号"]
    assert [r[1] for r in rows[1:]] == [c.case_number for c in ring.cases]
    assert [r[5] for r in rows[1:]] == ["、".join(c.applicants) for c in ring.cases]
    for item in ring.evidence:  # every quote, with the case number it comes from
        assert f"（{item.case_number}）【{item.label}】{item.text}" in text
    assert f"估算可能造成的社会保险基金损失：{yuan(ring.exposure_yuan)}" in text
    assert "万元" in yuan(ring.exposure_yuan)
    assert any(ring.snapshot and ring.snapshot in t and "尚未生成证据包" in t for t in text)
    assert text[-2:] == [ring.procuratorate, "2026年12月7日"]
    assert doc.core_properties.subject == ring.ring_id
    assert "13812345678" not in "".join(text)


def test_manifest_hash_when_a_pack_exists(ring_store: SQLiteStore, tmp_path: Path) -> None:
    [ring] = ring_exports(ring_store)
    packed = dataclasses.replace(ring, manifest_sha256="ab" * 32)
    write_dossier(packed, tmp_path / "letter.docx", issued=ISSUED)
    text = _paragraphs(tmp_path / "letter.docx")
    assert f"证据包清单（manifest.json）SHA-256：{'ab' * 32}" in text
    assert not any("尚未生成证据包" in t for t in text)
    attachments = text[text.index("附件清单") + 1:-2]
    assert len(attachments) == 3 and attachments[2].startswith("3. 证据包")


def test_control_characters_from_documents_are_dropped(ring_store: SQLiteStore,
                                                       tmp_path: Path) -> None:
    [ring] = ring_exports(ring_store)
    odd = dataclasses.replace(ring, reasons=("王建国\x1b[31m代理\x00五件",))
    write_dossier(odd, tmp_path / "letter.docx", issued=ISSUED)
    assert "王建国[31m代理五件" in _paragraphs(tmp_path / "letter.docx")
