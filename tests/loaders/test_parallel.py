"""Documents parsed in several processes: same items, same order, same store as one process."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders import parallel
from ringtrace.loaders.ingest import ingest_paths
from ringtrace.loaders.limits import current_limits
from tests.conftest import FIXTURES

HOSTILE_DOCUMENTS = ("not_a_judgment.txt", "undecodable.txt", "broken.docx", "bomb.docx")


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Real judgments, each under two names, and hostile documents among them: more documents
    than one chunk, so the pool is used."""
    folder = tmp_path_factory.mktemp("docs")
    for n, path in enumerate(sorted([*(FIXTURES / "real_docs").glob("*.txt"),
                                     *(FIXTURES / "real_docs_more").glob("*.txt")])):
        text = path.read_text(encoding="utf-8")
        (folder / f"{n:03d}a.txt").write_text(text, encoding="utf-8")
        (folder / f"{n:03d}b.txt").write_text(text + "\n", encoding="utf-8")
    for name in HOSTILE_DOCUMENTS:
        shutil.copy(FIXTURES / "hostile" / name, folder / name)
    assert len(list(folder.iterdir())) > 2 * parallel.CHUNK
    return folder


def _outcome(item: object) -> object:
    return (type(item).__name__, str(item)) if isinstance(item, Exception) else item


def test_the_pool_gives_each_document_what_one_process_gives(documents: Path) -> None:
    paths = sorted(documents.iterdir())
    limits = current_limits()
    alone = [_outcome(x) for x in parallel.read_documents(paths, None, limits, jobs=1)]
    pooled = [_outcome(x) for x in parallel.read_documents(paths, None, limits, jobs=2)]
    assert pooled == alone
    assert len(alone) == len(paths)
    failed = {p.name for p, x in zip(paths, alone, strict=True) if isinstance(x, tuple)}
    assert {"broken.docx", "bomb.docx"} <= failed


def test_the_warm_up_document_reaches_every_table_loaded_on_first_use() -> None:
    """The document the parent parses before forking (parallel.warm) must stay a full record
    in traditional script with a region, or the parsing processes load those tables again."""
    from ringtrace.graph.model import schema
    from ringtrace.graph.store.rows import _caption
    from ringtrace.loaders.judgments import parse_text

    outcome = parse_text(parallel._WARM_TEXT)
    assert outcome.record is not None and not outcome.problems
    assert outcome.record.forum == "北京市朝阳区人民法院"  # the script converter ran
    assert outcome.record.region_code  # the region tables were read
    assert [p.name for p in outcome.record.parties] == ["张三", "北京某某有限公司"]
    assert outcome.record.agents
    parallel.warm()
    assert schema.cache_info().currsize == 1 and _caption.cache_info().currsize >= 4


def _tables(workspace: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(workspace / "ringtrace.sqlite")
    return {table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in ("nodes", "edges", "documents", "aliases", "quarantine")}


def test_an_ingest_on_two_processes_stores_what_one_process_stores(documents: Path,
                                                                    tmp_path: Path) -> None:
    summaries = []
    for jobs in (1, 2):
        with SQLiteStore.open(tmp_path / f"ws{jobs}") as store:
            summaries.append(ingest_paths(store, [documents], jobs=jobs))
    one, two = summaries
    assert [f.__dict__ for f in one.files] == [f.__dict__ for f in two.files]
    assert one.records == two.records > 0 and one.quarantined == two.quarantined > 0
    assert _tables(tmp_path / "ws1") == _tables(tmp_path / "ws2")


def test_documents_share_transactions_instead_of_one_each(documents: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    writes: list[int] = []
    original = SQLiteStore.write_rows

    def counted(self: SQLiteStore, batch: object) -> None:
        writes.append(1)
        original(self, batch)  # type: ignore[arg-type]

    monkeypatch.setattr(SQLiteStore, "write_rows", counted)
    with SQLiteStore.open(tmp_path / "ws") as store:
        summary = ingest_paths(store, [documents], batch_size=1000, jobs=2)
    assert summary.records > 2 * parallel.CHUNK
    assert len(writes) == 1


def test_a_document_that_kills_its_worker_is_the_only_one_lost(
        documents: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from ringtrace.loaders import judgments

    paths = sorted(documents.iterdir())
    victim = paths[len(paths) // 2]
    parse = judgments.parse_file

    def crashing(path: Path, encoding: str | None = None) -> object:
        if path == victim:
            os._exit(3)  # what a crash in a native library or the OOM killer looks like
        return parse(path, encoding=encoding)

    monkeypatch.setattr(judgments, "parse_file", crashing)
    limits = current_limits()
    got = list(parallel.read_documents(paths, None, limits, jobs=2))
    lost = [p.name for p, x in zip(paths, got, strict=True)
            if isinstance(x, Exception) and "process ended" in str(x)]
    assert lost == [victim.name]
    monkeypatch.setattr(judgments, "parse_file", parse)
    alone = [_outcome(x) for x in parallel.read_documents(paths, None, limits, jobs=1)]
    assert [_outcome(x) for p, x in zip(paths, got, strict=True) if p != victim] == [
        x for p, x in zip(paths, alone, strict=True) if p != victim]


def _indexes(workspace: Path) -> set[str]:
    conn = sqlite3.connect(workspace / "ringtrace.sqlite")
    return {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}


def test_a_load_without_the_read_indexes_stores_the_same_and_builds_them(
        documents: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ringtrace.loaders import ingest

    with SQLiteStore.open(tmp_path / "kept") as store:
        ingest_paths(store, [documents], jobs=2)
    monkeypatch.setattr(ingest, "DEFER_INDEXES_FROM", 1)
    deferred: list[int] = []
    original = SQLiteStore.deferred_indexes

    def counted(self: SQLiteStore) -> object:
        deferred.append(1)
        return original(self)

    monkeypatch.setattr(SQLiteStore, "deferred_indexes", counted)
    with SQLiteStore.open(tmp_path / "deferred") as store:
        ingest_paths(store, [documents], jobs=2, batch_size=7)
        ingest_paths(store, [documents], jobs=2)  # as many documents as stored: again
    assert len(deferred) == 2
    assert _tables(tmp_path / "kept") == _tables(tmp_path / "deferred")
    assert _indexes(tmp_path / "kept") == _indexes(tmp_path / "deferred")
    assert {"edges_dst", "edges_kind", "nodes_kind_name", "nodes_uscc"} <= _indexes(
        tmp_path / "deferred")
    conn = sqlite3.connect(tmp_path / "deferred" / "ringtrace.sqlite")
    assert conn.execute("SELECT * FROM meta WHERE key = 'read_indexes_deferred'").fetchall() == []


def test_a_load_cut_short_builds_the_read_indexes_it_had_dropped(
        documents: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ringtrace.loaders import ingest

    monkeypatch.setattr(ingest, "DEFER_INDEXES_FROM", 1)
    original = SQLiteStore.write_rows
    calls: list[int] = []

    def interrupted(self: SQLiteStore, rows: object) -> None:
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        original(self, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(SQLiteStore, "write_rows", interrupted)
    with SQLiteStore.open(tmp_path / "ws") as store, pytest.raises(KeyboardInterrupt):
        ingest_paths(store, [documents], batch_size=5)
    assert {"edges_dst", "edges_kind", "nodes_kind_name", "nodes_uscc"} <= _indexes(tmp_path / "ws")


_KILLED_BEFORE_THE_MERGE = """
import os, signal, sys
from pathlib import Path
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders import ingest

ingest.DEFER_INDEXES_FROM = 1
SQLiteStore._merge_staged = lambda self, final: os.kill(os.getpid(), signal.SIGKILL)
with SQLiteStore.open(sys.argv[1]) as store:
    ingest.ingest_paths(store, [Path(sys.argv[2])], batch_size=5)
"""


def test_a_load_killed_between_staging_and_merging_is_merged_by_the_next_ingest(
        documents: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large load's batches are staged, then merged at its end: killed in between (no
    handler runs), the store holds what it held before, the next writer deletes the staged
    rows, and the ingest run again stores the load; once more, it stores nothing twice."""
    import os
    import signal
    import subprocess
    import sys

    from ringtrace.loaders import ingest

    with SQLiteStore.open(tmp_path / "clean") as store:
        ingest_paths(store, [documents])
    ws = tmp_path / "killed"
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), os.environ.get(
        "PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", _KILLED_BEFORE_THE_MERGE, str(ws),
                           str(documents)], env=env, cwd=root, capture_output=True, check=False)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()
    conn = sqlite3.connect(ws / "ringtrace.sqlite")
    assert conn.execute("SELECT count(*) FROM documents").fetchone() == (0,)  # as before
    assert (ws / "ringtrace.stage.sqlite").exists()
    assert conn.execute("SELECT count(*) FROM quarantine").fetchone()[0] > 0  # kept at once
    conn.close()
    monkeypatch.setattr(ingest, "DEFER_INDEXES_FROM", 1)
    with SQLiteStore.open(ws) as store:
        ingest_paths(store, [documents], batch_size=5)
    assert _tables(ws) == _tables(tmp_path / "clean")
    with SQLiteStore.open(ws) as store:
        ingest_paths(store, [documents], batch_size=5)  # again: nothing stored twice
    assert _tables(ws) == _tables(tmp_path / "clean")
    assert _indexes(ws) == _indexes(tmp_path / "clean")
    assert not (ws / "ringtrace.stage.sqlite").exists()
    conn = sqlite3.connect(ws / "ringtrace.sqlite")
    assert conn.execute("SELECT key FROM meta WHERE key = 'read_indexes_deferred'"
                        ).fetchall() == []


def test_merging_a_large_load_and_building_its_indexes_is_a_stage_of_its_own(
        documents: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ringtrace.loaders import ingest
    from ringtrace.progress import Recorder

    monkeypatch.setattr(ingest, "DEFER_INDEXES_FROM", 1)
    files = len(list(documents.iterdir()))
    seen = Recorder()
    with SQLiteStore.open(tmp_path / "ws") as store:
        ingest_paths(store, [documents], progress=seen)
    assert seen.stages == [("files", files), ("merge", 1)]
    assert seen.done == files + 1
