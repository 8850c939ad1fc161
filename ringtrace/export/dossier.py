"""The referral letter (线索移送函) of a ring as a Word document, written with python-docx.

The letter is what actually leaves the building when a procuratorate hands a ring to the
public-security organ (移送公安机关), so it follows the layout of one: title, 编号, the
recipient 公安机关, an opening that states the suspicion and the legal basis, then the facts,
the table of cases, quoted evidence with the case number of each quote, the estimated fund
exposure in 元 (with its 万元 equivalent), the evidence pack's manifest hash (or the scan
snapshot id when no pack was made), the 附件清单 and the sender and date. The wording lives in
``viz/templates/labels_zh.yaml`` (``dossier``); names and quotes come masked unless the export
was unmasked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ringtrace.export.rings import RingExport
from ringtrace.export.xmltext import xml_text
from ringtrace.extras import require
from ringtrace.viz.catalogue import labels
from ringtrace.viz.formatting import yuan

__all__ = ["BODY_FONT", "TITLE_FONT", "recipient_region", "write_dossier"]

#: fonts of official documents (公文): 方正小标宋 for the title, 仿宋 for the body
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
_PROCURATORATE = "人民检察院"


def recipient_region(procuratorate: str) -> str:
    """The region of the public-security organ that matches a procuratorate.

    >>> recipient_region("河南省安阳市文峰区人民检察院")
    '河南省安阳市文峰区'
    >>> recipient_region("")
    ''
    """
    return procuratorate.split(_PROCURATORATE)[0] if _PROCURATORATE in procuratorate else ""


def _font(run: Any, name: str, size: float, docx: Any, *, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = docx.shared.Pt(size)
    run.font.bold = bold
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(docx.oxml.ns.qn("w:eastAsia"), name)


def _para(doc: Any, docx: Any, text: str, *, size: float = 14, bold: bool = False,
          align: str | None = None, indent: bool = False) -> Any:
    p = doc.add_paragraph()
    _font(p.add_run(xml_text(text)), BODY_FONT, size, docx, bold=bold)
    if align:
        p.alignment = getattr(docx.enum.text.WD_ALIGN_PARAGRAPH, align)
    if indent:
        p.paragraph_format.first_line_indent = docx.shared.Pt(size * 2)
    return p


def _cases_table(doc: Any, docx: Any, ring: RingExport, columns: list[str]) -> Any:
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, columns, strict=True):
        cell.text = ""
        _font(cell.paragraphs[0].add_run(xml_text(name)), BODY_FONT, 10.5, docx, bold=True)
    for i, case in enumerate(ring.cases, start=1):
        values = [str(i), case.case_number, case.forum, case.filing_date or "",
                  case.decision_date or "", "、".join(case.applicants), case.outcome]
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = ""
            _font(cell.paragraphs[0].add_run(xml_text(value)), BODY_FONT, 10.5, docx)
    return table


def _sections(doc: Any, docx: Any, ring: RingExport, words: Mapping[str, Any]) -> None:
    _para(doc, docx, words["facts"], bold=True)
    for reason in ring.reasons:
        _para(doc, docx, reason, indent=True)
    if ring.intermediaries:
        _para(doc, docx, words["intermediaries"].format(names="、".join(ring.intermediaries)),
              indent=True)
    _para(doc, docx, words["cases"], bold=True)
    _cases_table(doc, docx, ring, list(words["case_columns"]))
    _para(doc, docx, words["evidence"], bold=True)
    for item in ring.evidence:
        _para(doc, docx, words["evidence_line"].format(
            case_number=item.case_number, label=item.label, text=item.text), indent=True)
    _para(doc, docx, words["exposure"], bold=True)
    _para(doc, docx, words["exposure_amount"].format(amount=yuan(ring.exposure_yuan)),
          indent=True)
    if ring.exposure_method:
        _para(doc, docx, words["exposure_method"].format(method=ring.exposure_method),
              indent=True)
    if ring.backpayment_total_yuan:
        _para(doc, docx, words["backpayments"].format(amount=yuan(ring.backpayment_total_yuan)),
              indent=True)
    _para(doc, docx, words["integrity"], bold=True)
    if ring.manifest_sha256:
        _para(doc, docx, words["manifest"].format(sha256=ring.manifest_sha256), indent=True)
    else:
        _para(doc, docx, words["no_manifest"].format(snapshot=ring.snapshot or "—",
                                                      ring_id=ring.ring_id), indent=True)
    _para(doc, docx, words["snapshot"].format(snapshot=ring.snapshot or "—",
                                              scanned_at=ring.scanned_at or "—",
                                              ring_id=ring.ring_id), indent=True)
    if ring.masked:
        _para(doc, docx, words["masked"], indent=True)
    _para(doc, docx, words["notice"], indent=True)


def write_dossier(ring: RingExport, path: Path, *, issued: dt.date | None = None) -> Path:
    """Write the ring's 线索移送函 as a .docx at ``path`` (dated ``issued``, default today)."""
    docx = require("docx", "export", purpose="ringtrace export docx")
    require("docx.oxml.ns", "export")
    require("docx.enum.text", "export")
    words = labels()["dossier"]
    day = issued or dt.datetime.now(dt.UTC).date()
    doc = docx.Document()
    doc.core_properties.title = f"{words['title']} {ring.ring_id}"
    doc.core_properties.subject = ring.ring_id
    doc.core_properties.keywords = ring.snapshot or ""
    doc.core_properties.author = xml_text(ring.procuratorate) or "ringtrace"
    title = doc.add_paragraph()
    title.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    _font(title.add_run(xml_text(words["title"])), TITLE_FONT, 22, docx, bold=True)
    _para(doc, docx, words["number"].format(number=f"〔{day.year}〕{ring.ring_id}号"),
          align="RIGHT")
    region = recipient_region(ring.procuratorate)
    _para(doc, docx, words["recipient"].format(region=region) if region
          else words["recipient_default"])
    sender = ring.procuratorate or words["sender_default"]
    _para(doc, docx, words["opening"].format(
        sender=sender, cases=len(ring.cases), applicants=ring.applicants,
        employers=len(ring.employers)).replace(" ", ""), indent=True)
    _sections(doc, docx, ring, words)
    _para(doc, docx, words["attachments"], bold=True)
    items = [*words["attachment_items"], *([words["attachment_pack"]] if ring.manifest_sha256
                                           else [])]
    for i, item in enumerate(items, start=1):
        _para(doc, docx, f"{i}. " + item.format(cases=len(ring.cases)), indent=True)
    _para(doc, docx, sender, align="RIGHT")
    _para(doc, docx, words["date"].format(date=f"{day.year}年{day.month}月{day.day}日"),
          align="RIGHT")
    doc.save(str(path))
    return path
