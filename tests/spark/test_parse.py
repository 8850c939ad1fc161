"""``spark parse`` on local[2]: the executors parse with ringtrace's own parser, nothing is
lost, and a workspace ingested from the parsed corpus equals one ingested from the documents."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from ringtrace.graph.records import CaseRecord
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.ingest import ingest_paths
from ringtrace.loaders.limits import current_limits
from ringtrace.loaders.parallel import read_document
from ringtrace.loaders.parsed import MANIFEST, manifest, read_parsed
from ringtrace.loaders.sources import Read
from ringtrace.spark.parse import parse_corpus
from tests.conftest import FIXTURES

pytestmark = pytest.mark.spark

HOSTILE_DOCUMENTS = ("not_a_judgment.txt", "undecodable.txt", "broken.docx", "bomb.docx")


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Real judgments (each also as a byte-identical copy), hostile documents among them, and
    a registry table that spark parse leaves to ingest."""
    folder = tmp_path_factory.mktemp("docs")
    real = sorted(FIXTURES.joinpath("real_docs").glob("*.txt"))
    for n, path in enumerate(real):
        shutil.copy(path, folder / f"{n:03d}a.txt")
        shutil.copy(path, folder / f"{n:03d}b.txt")
    for name in HOSTILE_DOCUMENTS:
        shutil.copy(FIXTURES / "hostile" / name, folder / name)
    (folder / "notes.md").write_text("not an input", "utf-8")
    return folder


@pytest.fixture(scope="module")
def parsed(spark: Any, documents: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("parsed") / "corpus"
    out.mkdir()
    parse_corpus(spark, str(documents), out)
    return out


def _outcome(item: object) -> object:
    """A document's items, or its error's message (ingest keeps the message, not the class)."""
    return ("error", str(item)) if isinstance(item, Exception) else item


def test_each_document_gives_what_the_ingest_parser_gives(documents: Path, parsed: Path
                                                         ) -> None:
    docs = list(read_parsed(parsed))
    paths = sorted(p for p in documents.iterdir() if p.suffix in (".txt", ".docx"))
    assert [d.file for d in docs] == [str(p) for p in paths]
    assert [d.seq for d in docs] == list(range(len(paths)))
    limits = current_limits()
    assert [_outcome(d.result) for d in docs] == [
        _outcome(read_document(p, None, limits)) for p in paths]


def test_failed_documents_are_quarantined_with_file_and_reason(parsed: Path) -> None:
    facts = manifest(parsed)
    failed = {Path(d.file).name: d.result for d in read_parsed(parsed)
              if not isinstance(d.result, list)
              or not any(type(i).__name__ == "Read" for i in d.result)}
    assert {"broken.docx", "bomb.docx", "not_a_judgment.txt"} <= set(failed)
    assert facts["quarantined"] == len(failed)
    assert facts["parsed"] + facts["quarantined"] == facts["documents"]
    assert any(s.endswith("notes.md") for s in facts["skipped"])
    assert "bomb.docx" in str(failed["bomb.docx"])
    assert (parsed / MANIFEST).is_file()


def _tables(workspace: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(workspace / "ringtrace.sqlite")
    return {table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in ("nodes", "edges", "documents", "aliases", "quarantine")}


def test_a_workspace_from_the_parsed_corpus_equals_one_from_the_documents(
        documents: Path, parsed: Path, tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path / "direct") as store:
        direct = ingest_paths(store, [documents], jobs=1)
    with SQLiteStore.open(tmp_path / "spark") as store:
        via_spark = ingest_paths(store, [parsed])
    docs = [f.__dict__ for f in direct.files if f.kind == "document"]
    assert [f.__dict__ for f in via_spark.files] == docs
    assert via_spark.records == direct.records > 0
    assert via_spark.quarantined == direct.quarantined > 0
    assert any(f.status == "duplicate" for f in via_spark.files)
    assert _tables(tmp_path / "spark") == _tables(tmp_path / "direct")


def test_a_folder_holding_a_parsed_corpus_reads_it_as_one_source(parsed: Path,
                                                                 tmp_path: Path) -> None:
    from ringtrace.loaders.sources import discover

    outer = tmp_path / "outer"
    shutil.copytree(parsed, outer / "corpus")
    sources, skipped = discover([outer])
    assert [(s.kind, s.path.name) for s in sources] == [("parsed", "corpus")]
    assert skipped == []


def test_a_uri_is_read_through_spark_and_named_in_what_it_gives(spark: Any, documents: Path,
                                                                tmp_path: Path) -> None:
    """The hdfs:// / s3a:// path, exercised with a file:// URI: each document is parsed from
    its bytes and its records and problems name the URI, not the executor's temporary file."""
    out = tmp_path / "corpus"
    out.mkdir()
    summary = parse_corpus(spark, documents.as_uri(), out)
    docs = list(read_parsed(out))
    assert summary.documents == len(docs) == len(
        [p for p in documents.iterdir() if p.suffix in (".txt", ".docx")])
    assert all(d.file.startswith("file:") and d.file.endswith((".txt", ".docx")) for d in docs)
    assert [Path(d.file).name for d in docs] == sorted(Path(d.file).name for d in docs)
    records = [i for d in docs if isinstance(d.result, list) for i in d.result
               if isinstance(i, Read) and isinstance(i.record, CaseRecord)]
    assert records and all(r.record.source_path == r.file for r in records)  # type: ignore[union-attr]
    broken = next(d for d in docs if d.file.endswith("broken.docx"))
    assert isinstance(broken.result, Exception) and "ringtrace-" not in str(broken.result)
