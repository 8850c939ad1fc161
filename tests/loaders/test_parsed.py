"""The parsed-corpus format: rows for parsed and quarantined documents, and a folder of another
format refused with the fix (spark parse writing real corpora is tested in tests/spark)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ringtrace.errors import LoadError, RecordProblem
from ringtrace.graph.records import CaseRecord
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.ingest import ingest_paths
from ringtrace.loaders.parsed import MANIFEST, document_rows, manifest
from ringtrace.loaders.sources import Read


def test_a_parsed_document_keeps_its_warnings_and_its_interchange_line() -> None:
    record = CaseRecord("(2021)豫0502民初100号", "河南省安阳市文峰区人民法院", "判决书")
    warning = RecordProblem("a.txt", 1, "cause", "no cause", severity="warning")
    table, row = document_rows(0, "a.txt", "ab", [warning, Read("a.txt", 1, record)])
    assert table == "documents"
    assert json.loads(row["record"]) == record.to_dict()
    assert row["problems"][0]["severity"] == "warning"


def test_a_document_without_a_record_is_quarantined_with_its_problems() -> None:
    problem = RecordProblem("b.txt", 1, "forum", "no court or arbitration commission found")
    table, row = document_rows(4, "b.txt", "cd", [problem])
    assert (table, row["level"]) == ("quarantine", "record")
    assert row["problems"][0]["field"] == "forum"


def test_a_corpus_of_another_format_is_refused_and_quarantined_whole(tmp_path: Path) -> None:
    corpus = tmp_path / "parsed"
    corpus.mkdir()
    (corpus / MANIFEST).write_text(json.dumps({"format": "ringtrace-parsed/0"}), "utf-8")
    with pytest.raises(LoadError, match="spark parse"):
        manifest(corpus)
    with SQLiteStore.open(tmp_path / "ws") as store:
        summary = ingest_paths(store, [corpus])
        assert [(f.status, f.kind) for f in summary.files] == [("quarantined", "parsed")]
        assert store.problems()[0].file == str(corpus)


def test_a_refused_corpus_is_read_again_by_the_quarantine_retry_once_fixed(tmp_path: Path) -> None:
    """The whole corpus was quarantined under the folder's name; once its manifest is right,
    ``retry_quarantined`` reads the folder again instead of reporting it gone (it is a folder,
    not a file)."""
    from ringtrace.loaders.ingest import retry_quarantined
    from ringtrace.loaders.parsed import FORMAT

    corpus = tmp_path / "parsed"
    corpus.mkdir()
    (corpus / MANIFEST).write_text(json.dumps({"format": "ringtrace-parsed/0"}), "utf-8")
    with SQLiteStore.open(tmp_path / "ws") as store:
        ingest_paths(store, [corpus])
        (corpus / MANIFEST).write_text(json.dumps({"format": FORMAT}), "utf-8")
        summary, missing = retry_quarantined(store)
        assert missing == []
        assert [(f.path, f.kind, f.status) for f in summary.files] == []  # no documents in it
        assert [p for p in store.problems() if p.severity == "error"] == []


def test_a_damaged_parquet_part_costs_the_corpus_not_the_ingest(tmp_path: Path) -> None:
    """A part file cut short (a copy interrupted) cannot be read by pyarrow; the corpus is
    quarantined with the fix, and the other inputs of the same ingest are still stored."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from ringtrace.loaders.limits import current_limits
    from ringtrace.loaders.parallel import read_document
    from ringtrace.loaders.parsed import DOCUMENTS, FORMAT, file_digest

    real = Path(__file__).parent.parent / "fixtures" / "real_docs"
    first, other = real / "01.txt", real / "02.txt"
    corpus = tmp_path / "parsed"
    (corpus / DOCUMENTS).mkdir(parents=True)
    _, row = document_rows(0, str(first), file_digest(first),
                           read_document(first, None, current_limits()))
    pq.write_table(pa.Table.from_pylist([row]), corpus / DOCUMENTS / "part-00000.parquet")
    whole = (corpus / DOCUMENTS / "part-00000.parquet").read_bytes()
    (corpus / DOCUMENTS / "part-00001.parquet").write_bytes(whole[:len(whole) // 2])
    (corpus / MANIFEST).write_text(json.dumps({"format": FORMAT}), "utf-8")
    with SQLiteStore.open(tmp_path / "ws") as store:
        summary = ingest_paths(store, [corpus, other])
        statuses = {f.path: f.status for f in summary.files}
        assert statuses[str(corpus)] == "quarantined"
        assert statuses[str(other)] == "ok"
        assert store.counts()["nodes"]["Case"] == 1
        refused = [p for p in store.problems() if p.file == str(corpus)]
        assert len(refused) == 1 and "spark parse" in refused[0].reason
