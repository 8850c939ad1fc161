"""Raw document texts for a synthetic province (``--texts``).

:class:`DocumentWriter` writes one file per case into ``documents/``: court documents as plain
text or 裁判文书网 pages, mirror copies as mirror pages, arbitration documents as plain text;
some plain-text files are GB18030-encoded, as files from older systems are. The text says what
the case record says (same parties, dates, claim, answer and outcome), in varied real-world
wording, without regard to any particular parser.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from pathlib import Path

from ringtrace.graph.records import CaseRecord
from ringtrace.synth.assemble import CaseText, Mention
from ringtrace.synth.casenumbers import mirror_punctuation
from ringtrace.synth.plan import CasePlan
from ringtrace.synth.render import body, formats
from ringtrace.synth.render.parts import Style
from ringtrace.synth.render.varied import VariedRenderer
from ringtrace.synth.variation import DEFAULT, Variation

__all__ = ["Document", "DocumentWriter"]


@dataclass
class Document:
    """One written file and what ``truth.json`` says about it."""

    file: str  # documents/000123.txt
    case_number: str | None  # as printed (None: the copy prints none)
    mentions: list[Mention]
    duplicate_of: str | None = None  # the first copy of the same case
    layout: dict[str, object] | None = None  # form, encoding, script... (see render.varied)

#: Shares of the file forms (the rest are UTF-8 plain text).
WENSHU_HTML_SHARE = 0.35
GB18030_SHARE = 0.08


class DocumentWriter:
    """Writes ``documents/<index>.txt|.html`` in output order (file names carry no truth)."""

    def __init__(self, directory: Path, rng: random.Random, var: Variation = DEFAULT,
                 total: int = 0) -> None:
        self.directory = directory
        self.rng = rng
        self.var = var
        self.count = 0
        self.varied = VariedRenderer(var, rng) if var.active else None
        self._next_extra = total  # second copies are numbered after the cases
        directory.mkdir(parents=True, exist_ok=True)
        for stale in directory.glob("[0-9][0-9][0-9][0-9][0-9][0-9].*"):
            stale.unlink()  # files of an earlier run into the same directory

    def render(self, plan: CasePlan, record: CaseRecord, text: CaseText) -> tuple[str, str]:
        """(suffix, document text) for one case."""
        rng = self.rng
        modern = (record.decision_date or "2016") >= "2016"
        arbitration = record.forum_kind == "arbitration"
        style = Style.draw(rng, modern=modern, arbitration=arbitration)
        if plan.short_statement:
            paras = body.statement_body(rng, plan, record, text, style)
            if arbitration:
                return ".txt", formats.to_txt(paras)
        elif arbitration:
            return ".txt", formats.to_txt(body.arbitration_body(rng, plan, record, text, style))
        else:
            paras = body.court_body(rng, plan, record, text, style)
        if text.mirror:
            return ".txt", formats.to_mirror(paras, record, rng)
        if rng.random() < WENSHU_HTML_SHARE:
            return ".html", formats.to_wenshu_html(paras, record, rng)
        return ".txt", formats.to_txt(paras)

    def write(self, index: int, plan: CasePlan, record: CaseRecord, text: CaseText
              ) -> list[Document]:
        """Write the case's document (and, in varied worlds, sometimes a second copy);
        returns what each file prints."""
        if self.varied is not None:
            return self._write_varied(index, plan, record, text)
        suffix, document = self.render(plan, record, text)
        encoding = "gb18030" if suffix == ".txt" and self.rng.random() < GB18030_SHARE \
            else "utf-8"
        name = f"{index:06d}{suffix}"
        (self.directory / name).write_bytes(document.encode(encoding))
        self.count += 1
        mentions = text.mentions
        if text.mirror:  # mirror pages re-type every character half-width, names included
            mentions = [replace(m, printed=mirror_punctuation(m.printed)) for m in mentions]
        form = "mirror" if text.mirror else suffix[1:]
        return [Document(f"documents/{name}", record.case_number, mentions,
                         layout={"form": form, "encoding": encoding})]

    def write_extra(self, text: str) -> str:
        """Write a document that is no case of the truth (a retrial revoking one) as the
        next plain-text file after the cases; returns its path under the output folder."""
        name = f"{self._next_extra:06d}.txt"
        self._next_extra += 1
        (self.directory / name).write_bytes(text.encode("utf-8"))
        self.count += 1
        return f"documents/{name}"

    def _write_varied(self, index: int, plan: CasePlan, record: CaseRecord, text: CaseText
                      ) -> list[Document]:
        assert self.varied is not None
        out: list[Document] = []
        first = self.varied.render(plan, record, text)
        copies = [first]
        if self.rng.random() < self.var.duplicate_share:  # the same case from a second source
            copies.append(self.varied.render(plan, record, text, avoid=str(first.layout["form"])))
        for n, copy in enumerate(copies):
            number = index if n == 0 else self._next_extra
            self._next_extra += n > 0
            name = f"{number:06d}{copy.suffix}"
            (self.directory / name).write_bytes(copy.data)
            self.count += 1
            out.append(Document(f"documents/{name}", copy.case_number, copy.mentions,
                                duplicate_of=out[0].file if out else None, layout=copy.layout))
        return out
