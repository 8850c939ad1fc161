"""Documents of a varied world: the forms, layouts, scripts and noise real corpora have.

One document is drawn as a *form* (plain text, 裁判文书网 html, a Word export, a mirror page
with metadata, a field-block mirror page, a ``来源:中国裁判文书网`` copy, a repost with no
header, a ``.docx``), then its paragraphs are *printed* (traditional script with pinyin
glosses, half-width punctuation, padded two-character names, stray spaces and line breaks,
harmless typos) and *encoded* (UTF-8 with or without BOM, GB18030 or GBK, LF or CRLF).

Names and the case number are printed as units (:func:`~ringtrace.synth.render.script.
split_protected`), so the form ``truth.json`` records as printed is exactly in the text. Every
probability comes from the world's :class:`~ringtrace.synth.variation.Variation`.
"""

from __future__ import annotations

import html
import io
import random
import re
import zipfile
from dataclasses import dataclass, replace
from typing import Any

from ringtrace.graph.records import CaseRecord
from ringtrace.synth.assemble import CaseText, Mention
from ringtrace.synth.casenumbers import mirror_punctuation
from ringtrace.synth.people import Person
from ringtrace.synth.plan import CasePlan
from ringtrace.synth.render import body, formats, script
from ringtrace.synth.render.body import Para
from ringtrace.synth.render.parts import Style
from ringtrace.synth.variation import Variation

#: Harmless slips and variant spellings seen in real judgments (meaning unchanged).
TYPOS = (("作出", "做出"), ("其他", "其它"), ("签订", "签定"), ("缴纳", "交纳"), ("账", "帐"),
         ("截至", "截止"), ("事实和理由", "事实与理由"), ("辩称", "辩解称"))
_MIRROR_FORMS = ("mirror_fields", "mirror_blocks", "mirror_source")
_TAG = re.compile(r"<[^>]+>")


@dataclass
class Rendered:
    """One document: its bytes and what truth says about it."""

    suffix: str
    data: bytes
    case_number: str | None
    mentions: list[Mention]
    layout: dict[str, Any]


class VariedRenderer:
    """Draws and writes the documents of a varied world (one random stream, in order)."""

    def __init__(self, var: Variation, rng: random.Random) -> None:
        self.var, self.rng = var, rng

    # -- choices ------------------------------------------------------------------------
    def _style(self, modern: bool, arbitration: bool) -> Style:
        rng, var = self.rng, self.var
        style = Style.draw(rng, modern=modern, arbitration=arbitration)
        return replace(style, colon="" if rng.random() < var.colonless_share else "：",
                       bare_birth=rng.random() < var.bare_birth_share,
                       joint_lawyers=rng.random() < var.joint_line_share)

    def _form(self, plan: CasePlan, text: CaseText, avoid: str | None) -> str:
        rng, var = self.rng, self.var
        if text.mirror and avoid is None:
            r = rng.random()
            if r >= var.mirror_fields_share:
                return "mirror_source"
            return "mirror_blocks" if rng.random() < var.field_block_share else "mirror_fields"
        court = plan.forum.kind == "court"
        options = [("repost", var.repost_share), ("docx", var.docx_share)]
        if court:
            options.append(("html", var.html_share))
        if avoid:  # a second copy: another form than the first
            options = [(f, w) for f, w in [*options, ("repost", 0.3), ("txt", 0.2)]
                       if f != avoid]
        roll = rng.random()
        for form, share in options:
            if roll < share:
                return form
            roll -= share
        return "txt" if avoid != "txt" else "repost"

    # -- the document ---------------------------------------------------------------------
    def render(self, plan: CasePlan, record: CaseRecord, text: CaseText,
               avoid: str | None = None) -> Rendered:
        rng, var = self.rng, self.var
        modern = (record.decision_date or "2016") >= "2016"
        arbitration = record.forum_kind == "arbitration"
        style = self._style(modern, arbitration)
        if text.addressed:
            paras = body.addressed_notice_body(rng, plan, record, text)
        elif plan.short_statement:
            paras = body.statement_body(rng, plan, record, text, style)
        elif arbitration:
            paras = body.arbitration_body(rng, plan, record, text, style)
        else:
            paras = body.court_body(rng, plan, record, text, style)
        form = self._form(plan, text, avoid)
        layout: dict[str, Any] = {"form": form}
        number: str | None = record.case_number
        dropped = text.addressed
        if form == "repost":
            number, paras, dropped = None, [p for p in paras if p[0] != "WBSB"], True
            if rng.random() < 0.35 and not text.mirror and _distinct(text.mentions):
                first = next((i for i, p in enumerate(paras) if p[0] == "AJJBQK"), 0)
                paras = paras[first:]
                layout["starts_at"] = "story"
            else:
                layout["starts_at"] = "parties"
        elif record.procedure == "二审" and form not in _MIRROR_FORMS \
                and rng.random() < var.no_court_line_share:
            paras = paras[1:]  # the text still names the lower court (不服…判决)
            layout["court_line"] = False
        if form in ("txt", "docx", "repost") and rng.random() < var.fused_party_share:
            paras = _fuse_last_party(paras)
            layout["fused_party_line"] = True
        printer = self._printer(text, form, number, layout)
        paras = [(section, printer.line(value)) for section, value in paras]
        number = printer.name(number) if number else None
        number_at = next((i for i, p in enumerate(paras) if number and p[1] == number), -1)
        suffix, document = self._format(form, paras, record, number_at)
        data, layout["encoding"], layout["newline"] = self._encode(suffix, form, document)
        mentions = [replace(m, printed=printer.name(m.printed)) for m in text.mentions]
        if dropped:  # only the names the shortened text still prints
            shown = _plain(suffix, document)
            mentions = [m for m in mentions if m.printed in shown]
        return Rendered(suffix, data, number, mentions, layout)

    def _printer(self, text: CaseText, form: str, number: str | None,
                 layout: dict[str, Any]) -> Printer:
        rng, var = self.rng, self.var
        if form in _MIRROR_FORMS:
            layout["script"] = "simplified"
            return Printer(text, number, mirror=True)
        plain = form in ("txt", "repost", "docx")
        printer = Printer(text, number)
        printer.traditional = plain and rng.random() < var.traditional_share
        printer.gloss = printer.traditional and rng.random() < var.pinyin_gloss_share
        printer.halfwidth = rng.random() < var.halfwidth_share
        printer.pad = rng.random() < var.name_pad_share
        printer.spaces = rng.random() < var.space_noise
        printer.breaks = form != "html" and rng.random() < var.linebreak_noise
        printer.typos = rng.random() < var.typo_share
        printer.rng = rng
        layout["script"] = "traditional" if printer.traditional else "simplified"
        layout.update({k: True for k in ("gloss", "halfwidth", "pad", "spaces", "breaks",
                                         "typos") if getattr(printer, k)})
        return printer

    def _format(self, form: str, paras: list[Para], record: CaseRecord,
                number_at: int) -> tuple[str, str | bytes]:
        rng, var = self.rng, self.var
        if form == "mirror_fields":
            return ".txt", formats.to_mirror(paras, record, rng, fields_share=1.0)
        if form == "mirror_source":
            return ".txt", formats.to_mirror(paras, record, rng, fields_share=0.0)
        if form == "mirror_blocks":
            return ".txt", formats.to_field_blocks(paras, record, rng)
        if form == "html":
            return ".html", formats.to_wenshu_html(paras, record, rng, var.word_export_share,
                                                   var.fused_anchor_share, number_at)
        if form == "docx":
            return ".docx", formats.to_docx(paras, number_at if rng.random() < 0.5 else -1)
        return ".txt", formats.to_txt(paras)

    def _encode(self, suffix: str, form: str, document: str | bytes) -> tuple[bytes, str, str]:
        rng, var = self.rng, self.var
        if isinstance(document, bytes):
            return document, "docx", "-"
        newline = "crlf" if rng.random() < var.crlf_share else "lf"
        if newline == "crlf":
            document = document.replace("\n", "\r\n")
        if suffix == ".html":
            return document.encode("utf-8"), "utf-8", newline
        if rng.random() < var.gb_share:
            if rng.random() < 0.4:
                try:
                    return document.encode("gbk"), "gbk", newline
                except UnicodeEncodeError:
                    pass
            return document.encode("gb18030"), "gb18030", newline
        if rng.random() < var.bom_share:
            return document.encode("utf-8-sig"), "utf-8-sig", newline
        return document.encode("utf-8"), "utf-8", newline


class Printer:
    """Prints paragraphs and names the same way (script, widths, padding, noise)."""

    def __init__(self, text: CaseText, number: str | None, mirror: bool = False) -> None:
        self.mirror = mirror
        self.traditional = self.gloss = self.halfwidth = self.pad = False
        self.spaces = self.breaks = self.typos = False
        self.rng: random.Random = random.Random(0)
        people = {m.printed for m in text.mentions if isinstance(m.subject, Person)}
        self.protected = sorted({m.printed for m in text.mentions} | ({number} if number
                                                                       else set()))
        self._people = people
        self._names: dict[str, str] = {}

    @property
    def plain(self) -> bool:
        return not (self.traditional or self.halfwidth or self.pad or self.spaces
                    or self.breaks or self.typos)

    def name(self, value: str) -> str:
        """A name (or the case number) as this document prints it."""
        if self.mirror:
            return mirror_punctuation(value)
        if value not in self._names:
            out = mirror_punctuation(value) if self.halfwidth else value
            if self.traditional:
                out = script.to_traditional(out)
            if self.pad and value in self._people and len(value) == 2 and "*" not in value:
                out = out[0] + "\u3000" + out[1]
            self._names[value] = out
        return self._names[value]

    def line(self, value: str) -> str:
        if self.mirror or self.plain:
            return value  # mirror pages are re-typed half-width by their formatter
        return "".join(self.name(seg) if is_name else self._other(seg)
                       for is_name, seg in script.split_protected(value, self.protected))

    def _other(self, value: str) -> str:
        rng = self.rng
        if self.typos:
            for right, wrong in TYPOS:
                if right in value and rng.random() < 0.5:
                    value = value.replace(right, wrong, 1)
        if self.halfwidth:
            value = mirror_punctuation(value)
        if self.traditional:
            value = script.to_traditional(value)
            if self.gloss:
                value = script.gloss(value)
        if self.spaces and len(value) > 6 and rng.random() < 0.3:
            at = rng.randrange(1, len(value) - 1)
            value = value[:at] + rng.choice((" ", "  ", "\u3000")) + value[at:]
        if self.breaks and len(value) > 20 and rng.random() < 0.25:
            at = rng.randrange(5, len(value) - 5)
            value = value[:at] + "\n" + value[at:]
        return value


def _distinct(mentions: list[Mention]) -> bool:
    """No two different people or firms print the same name (so presence identifies them)."""
    seen: dict[str, int] = {}
    return all(seen.setdefault(m.printed, id(m.subject)) == id(m.subject) for m in mentions)


def _fuse_last_party(paras: list[Para]) -> list[Para]:
    """The last party line runs into the next paragraph (seen in real exports)."""
    for i in range(1, len(paras)):
        if paras[i][0] != "DSRXX" and paras[i - 1][0] == "DSRXX":
            return [*paras[:i - 1], (paras[i][0], paras[i - 1][1] + paras[i][1]),
                    *paras[i + 1:]]
    return paras


def _plain(suffix: str, document: str | bytes) -> str:
    """The text a reader sees (tags stripped), to check which names a copy still prints."""
    if isinstance(document, bytes):  # docx: the paragraphs' text
        with zipfile.ZipFile(io.BytesIO(document)) as archive:
            document = archive.read("word/document.xml").decode("utf-8")
    elif suffix != ".html":
        return document
    return html.unescape(_TAG.sub("", document))
