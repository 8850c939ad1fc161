"""Bounded work per input: size caps and the per-document time cap quarantine a file whole."""

from __future__ import annotations

import contextlib
import io
import time
import zipfile
from pathlib import Path

import pytest

from ringtrace.errors import InputTooLarge, InputTooSlow
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders import judgments
from ringtrace.loaders.ingest import ingest_paths
from ringtrace.loaders.judgments.text import docx_to_text
from ringtrace.loaders.limits import MB, Limits, applied, time_budget


def _docx(text: str, extra: int = 0) -> bytes:
    xml = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", xml)
        if extra:
            archive.writestr("word/media/padding.bin", b"\0" * extra)
    return buf.getvalue()


def test_a_docx_is_capped_on_what_it_decompresses_to_before_inflating_it() -> None:
    assert docx_to_text(_docx("判决书")) == "判决书"
    with applied(Limits(max_unzipped_bytes=MB)), pytest.raises(InputTooLarge,
                                                                match="--max-unzipped-mb"):
        docx_to_text(_docx("判决书", extra=2 * MB), "big.docx")
    with applied(Limits(max_document_bytes=1000)), pytest.raises(InputTooLarge,
                                                                  match="--max-document-mb"):
        docx_to_text(_docx("判" * 1200), "long.docx")


def test_oversized_documents_and_records_are_quarantined(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "big.txt").write_bytes(b" " * 5000)
    (tmp_path / "in" / "cases.jsonl").write_bytes(b'{"x": "' + b"y" * 5000 + b'"}\n{"a": 1}\n')
    with SQLiteStore.open(tmp_path / "ws") as store:
        ingest_paths(store, [tmp_path / "in"], limits=Limits(max_document_bytes=4000))
        found = {(Path(p.file).name, p.line): p.reason for p in store.problems()}
    assert "over the document cap" in found[("big.txt", 0)]
    assert found[("cases.jsonl", 1)].startswith("record longer than the cap of 4,000 bytes")
    assert ("cases.jsonl", 2) in found  # the next line is read as usual


def test_the_time_budget_stops_work_that_catches_every_exception() -> None:
    started = time.monotonic()
    with pytest.raises(InputTooSlow, match="--max-parse-seconds"), time_budget("slow.txt", 0.2):
        while True:  # busy: the budget counts CPU time, as a backtracking pattern burns it
            with contextlib.suppress(Exception):  # a parser's catch-all does not swallow it
                sum(range(1000))
    assert time.monotonic() - started < 5


def test_the_time_budget_counts_cpu_not_waiting() -> None:
    """A document is not quarantined because the machine was busy: waiting uses no budget."""
    with time_budget("idle.txt", 0.2):
        time.sleep(0.4)


def test_a_document_over_the_time_budget_is_quarantined(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def stuck(path: Path, encoding: str | None = None) -> None:
        while True:
            sum(range(1000))

    monkeypatch.setattr(judgments, "parse_file", stuck)
    (tmp_path / "slow.txt").write_text("民事判决书", "utf-8")
    with SQLiteStore.open(tmp_path / "ws") as store:
        summary = ingest_paths(store, [tmp_path / "slow.txt"],
                               limits=Limits(max_parse_seconds=0.2))
    assert summary.files[0].status == "quarantined"
    assert "took longer than the cap of 0.2 s" in (summary.files[0].reason or "")
