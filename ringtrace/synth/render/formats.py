"""Ways a document reaches an analyst: plain text, a 裁判文书网 page, or a mirror site page.

* plain ``.txt``: one paragraph per line, as exported from a case-management system;
* 裁判文书网 ``.html``: ``<div>`` paragraphs with ``<a type='dir' name='WBSB'>`` section
  anchors; some pages are Word exports (``<p class="MsoNormal">`` with ``<span>`` fragments
  splitting numbers), and on some the last agent line is fused into the 诉讼记录 paragraph;
* mirror pages: a metadata header (案号, 裁判日期, 法院, 案由...) followed by 全文 on one line, or a
  "来源:中国裁判文书网" page; both with half-width punctuation.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import random
import re
import zipfile

from ringtrace.graph.records import CaseRecord
from ringtrace.synth.casenumbers import mirror_punctuation
from ringtrace.synth.render.body import Para

_ANCHORED = ("WBSB", "DSRXX", "SSJL", "AJJBQK", "CPYZ", "PJJG", "WBWB")
_CENTER = "TEXT-ALIGN: center; LINE-HEIGHT: 25pt; MARGIN: 0.5pt 0cm; FONT-FAMILY: 宋体; FONT-SIZE: 18pt;"
_BODY = "LINE-HEIGHT: 25pt; TEXT-INDENT: 30pt; MARGIN: 0.5pt 0cm; FONT-FAMILY: 宋体; FONT-SIZE: 16pt;"


def case_title(record: CaseRecord) -> str:
    """``王秀英与某某公司确认劳动关系纠纷一审民事判决书`` (the 案件名称 of listings)."""
    first = [p.name for p in record.parties if p.role == "plaintiff"]
    second = [p.name for p in record.parties if p.role == "defendant"]
    doc = {"判决书": "民事判决书", "调解书": "民事调解书", "裁定书": "民事裁定书"}.get(
        record.document_type, record.document_type)
    return (f"{'、'.join(first[:2])}{'等' if len(first) > 2 else ''}与{'、'.join(second[:2])}"
            f"{record.cause or '劳动争议'}{record.procedure}{doc}")


def to_txt(paras: list[Para]) -> str:
    return "\n".join(text for _, text in paras) + "\n"


def to_wenshu_html(paras: list[Para], record: CaseRecord, rng: random.Random,
                   word_share: float = 0.1, fuse_share: float = 0.1, number_at: int = 2) -> str:
    """A 裁判文书网 page; some Word-exported (``word_share``), some with the misplaced SSJL
    anchor (``fuse_share``). ``number_at`` is the index of the case-number paragraph."""
    word = rng.random() < word_share
    fuse = rng.random() < fuse_share
    lines = list(paras)
    if fuse:  # the last 当事人 line runs into the 诉讼记录 paragraph (seen on real pages)
        for i in range(1, len(lines)):
            if lines[i][0] == "SSJL" and lines[i - 1][0] == "DSRXX":
                lines[i - 1:i + 1] = [("SSJL", lines[i - 1][1] + lines[i][1])]
                break
    out = ["<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">",
           f"<title>{html.escape(case_title(record))}</title></head><body>"]
    seen: set[str] = set()
    for i, (section, text) in enumerate(lines):
        anchor = ""
        if section in _ANCHORED and section not in seen:
            seen.add(section)
            anchor = f"<a type='dir' name='{section}'></a>"
        body = html.escape(text)
        if word:
            if i == number_at:  # the number line: Word splits runs of digits into spans
                body = re.sub(r"(\d+)", r"<span>\1</span>", body)
            out.append(f"<p class=\"MsoNormal\">{anchor}<span style=\"font-family:宋体\">"
                       f"{body}</span></p>")
        else:
            style = _CENTER if i < 3 else _BODY
            out.append(f"<div style='{style}'>{anchor}{body}</div>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def to_mirror(paras: list[Para], record: CaseRecord, rng: random.Random,
              fields_share: float = 0.6) -> str:
    """A mirror page: metadata fields then the full text (half-width punctuation)."""
    full = mirror_punctuation("".join(text for _, text in paras))
    court = record.forum
    if rng.random() < fields_share:
        decided = dt.date.fromisoformat(record.decision_date or "2020-01-01")
        published = (decided + dt.timedelta(days=rng.randint(10, 200))).isoformat()
        fields = [
            record.case_number or "", "",
            f"裁判日期: {record.decision_date}", "",
            f"公开日期: {published}", "",
            "案件名称", "", case_title(record), "",
            "法院", "", court, "",
            "案件类型", "", "民事案件", "",
            "审理程序", "", record.procedure, "",
            "当事人", "", ",".join(p.name for p in record.parties), "",
            "案由", "", record.cause or "", "",
            "全文", "", full,
        ]
        return "\n".join(fields) + "\n"
    employer = next((p.name for p in record.parties if p.is_entity), "")
    lines = mirror_punctuation(to_txt(paras)).rstrip("\n").split("\n")
    return "\n".join([employer, "", case_title(record), "", "来源:中国裁判文书网", *lines]) + "\n"


def to_field_blocks(paras: list[Para], record: CaseRecord, rng: random.Random) -> str:
    """A mirror page laid out as field blocks: each label (``审理法院``, ``案号``, ``裁判日期``...)
    on its own line, its value on the next; then the text, one paragraph per line."""
    fields = [("案件名称", case_title(record)), ("审理法院", record.forum),
              ("案号", record.case_number or ""), ("裁判日期", record.decision_date or ""),
              ("案由", record.cause or ""), ("审理程序", record.procedure),
              ("文书类型", record.document_type)]
    if rng.random() < 0.5:
        fields.append(("当事人", "、".join(p.name for p in record.parties)))
    rng.shuffle(fields[3:])
    lines = [line for label, value in fields for line in (label, value)]
    lines.append(rng.choice(("裁判文书正文", "全文", "正文")))
    lines += [text for _, text in paras]
    return mirror_punctuation("\n".join(lines)) + "\n"


_DOCX_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="rels" '
               'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               '<Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/word/document.xml" ContentType="application/'
               'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
               '</Types>')
_DOCX_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
              'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
              'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
              '</Relationships>')
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _runs(text: str, split_digits: bool) -> str:
    pieces = re.split(r"(\d+)", text) if split_digits else [text]
    return "".join(f'<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
                   f'<w:t xml:space="preserve">{_escape(p)}</w:t></w:r>'
                   for p in pieces if p)


def _escape(text: str) -> str:
    """XML text of a run; a stray line break becomes ``<w:br/>`` as Word writes it."""
    return html.escape(text, quote=False).replace(
        "\n", '</w:t><w:br/><w:t xml:space="preserve">')


def to_docx(paras: list[Para], number_at: int = -1) -> bytes:
    """A minimal Word document (one ``<w:p>`` per paragraph), byte-identical for the same
    paragraphs: a fixed timestamp on every zip member. Word splits the digits of the number
    paragraph into runs of their own, as real exports do."""
    center = '<w:pPr><w:jc w:val="center"/></w:pPr>'
    body = "".join(f"<w:p>{center if section == 'WBSB' else ''}{_runs(text, i == number_at)}"
                   f"</w:p>" for i, (section, text) in enumerate(paras))
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document xmlns:w="{_W}"><w:body>{body}<w:sectPr/></w:body></w:document>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (("[Content_Types].xml", _DOCX_TYPES), ("_rels/.rels", _DOCX_RELS),
                           ("word/document.xml", document)):
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()
