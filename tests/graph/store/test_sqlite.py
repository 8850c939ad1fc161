"""The embedded workspace store: idempotent writes, aliases, registry precedence, documents,
one writer at a time, atomic scans."""

from __future__ import annotations

import math
import os
import sqlite3
from pathlib import Path
from typing import Any, cast

import pytest

from ringtrace.errors import RecordProblem, SnapshotChanged, StoreError, WorkspaceBusy
from ringtrace.graph.build import case_batch, registry_batch
from ringtrace.graph.elements import GraphBatch
from ringtrace.graph.props import edge_props
from ringtrace.graph.records import RegistryRecord, case_from_dict
from ringtrace.graph.scan_json import ScanJson
from ringtrace.graph.store.base import GraphStore
from ringtrace.graph.store.sqlite import SQLiteStore
from tests.conftest import sham_case


def test_writing_the_same_batch_twice_stores_it_once(tmp_path: Path) -> None:
    batch = case_batch(case_from_dict(sham_case(1, "张桂兰", "1968-05-02")))
    with SQLiteStore.open(tmp_path) as store:
        store.write_batch(batch)
        first = store.counts()
        store.write_batch(case_batch(case_from_dict(sham_case(1, "张桂兰", "1968-05-02"))))
        assert store.counts() == first
        assert first["documents"] == {"total": 1}
        assert first["edges"]["PARTY_IN"] == 2


def test_rewriting_a_document_replaces_its_edges(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as store:
        store.write_batch(case_batch(case_from_dict(sham_case(1, "张桂兰", "1968-05-02"))))
        changed = sham_case(1, "张桂兰", "1968-05-02", agent="赵六")
        store.write_batch(case_batch(case_from_dict(changed)))
        agents = [e for e in store.iter_edges("AGENT_IN")]
        assert [store.node(e.src).name for e in agents] == ["赵六"]  # type: ignore[union-attr]


def test_registry_facts_outrank_document_mentions(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as store:
        store.write_batch(registry_batch(RegistryRecord(
            name="安阳市恒达废旧物资回收有限公司", uscc="91410502MA3X5Y0K2B", insured_headcount=2)))
        store.write_batch(case_batch(case_from_dict(
            sham_case(1, "张桂兰", "1968-05-02", employer="安阳市恒达废旧物资回收有限责任公司"))))
        [employer] = list(store.iter_nodes("Employer"))
        assert employer.props["name"] == "安阳市恒达废旧物资回收有限公司"
        assert employer.props["insured_headcount"] == 2


def test_former_name_becomes_an_alias_and_repoints_edges(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as store:
        store.write_batch(case_batch(case_from_dict(
            sham_case(1, "张桂兰", "1968-05-02", employer="安阳恒达回收站"))))
        store.write_batch(registry_batch(RegistryRecord(
            name="安阳市恒达废旧物资回收有限公司", former_names=["安阳恒达回收站"])))
        ids = [n.id for n in store.iter_nodes("Employer")]
        assert ids == ["Employer:安阳市恒达废旧物资回收有限公司"]
        party = [e for e in store.iter_edges("PARTY_IN") if e.src.startswith("Employer:")]
        assert [e.src for e in party] == ids
        assert store.node("Employer:安阳恒达回收站").id == ids[0]  # type: ignore[union-attr]
        # a later document naming the old name lands on the same node
        store.write_batch(case_batch(case_from_dict(
            sham_case(2, "刘秀英", "1967-02-02", employer="安阳恒达回收站"))))
        assert [n.id for n in store.iter_nodes("Employer")] == ids


def test_every_edge_keeps_its_source_document(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as store:
        store.write_batch(case_batch(case_from_dict(sham_case(1, "张桂兰", "1968-05-02"))))
        case_id = next(store.iter_nodes("Case")).id
        assert {e.source_doc for e in store.iter_edges()} == {case_id}


def test_opening_a_missing_workspace_without_create_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="ringtrace ingest"):
        SQLiteStore.open(tmp_path / "nope", create=False)


def test_a_failed_batch_leaves_the_store_unchanged(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as store:
        store.write_batch(case_batch(case_from_dict(sham_case(1, "张桂兰", "1968-05-02"))))
        before = store.counts()
        bad = case_batch(case_from_dict(sham_case(2, "刘秀英", "1967-02-02")))
        bad.edges[0].props = edge_props({"unserialisable": object()})
        with pytest.raises(TypeError):
            store.write_batch(bad)
        assert store.counts() == before


def test_field_reads_give_what_the_full_properties_hold(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as store:
        store.write_batch(case_batch(case_from_dict(sham_case(1, "张桂兰", "1968-05-02"))))
        fields = ("name", "birth_date", "masked", "not_there")
        assert list(store.node_fields("Person", fields)) == [
            (n.id, {f: n.props.get(f) for f in fields}) for n in store.iter_nodes("Person")]
        edge_fields = ("agent_kind", "represents", "not_there")
        agents = list(store.edge_fields("AGENT_IN", edge_fields))
        assert agents and agents == [(e.src, e.dst, {f: e.props.get(f) for f in edge_fields})
                                     for e in store.iter_edges("AGENT_IN")]
        assert isinstance(agents[0][2]["represents"], list)


def test_edge_pairs_as_utf8_are_the_edge_pairs_encoded(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as store:
        store.write_batch(case_batch(case_from_dict(sham_case(1, "张桂兰", "1968-05-02"))))
        kinds = ["PARTY_IN", "AGENT_IN"]
        pairs = list(store.edge_pairs(kinds))
        assert pairs and list(store.edge_pairs_utf8(kinds)) == [
            (a.encode(), b.encode()) for a, b in pairs]


def test_nodes_props_by_id_match_the_generic_scan_of_the_kind(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as store:
        for n in range(3):
            store.write_batch(case_batch(case_from_dict(sham_case(n, f"申请人{n}", "1968-05-02"))))
        idents = {n.id for n in store.iter_nodes("Identifier")}
        wanted = {*sorted(idents)[:1], "Person:nobody", next(iter(
            n.id for n in store.iter_nodes("Person")))}
        fast = store.nodes_props("Identifier", wanted)
        assert list(fast) == sorted(idents)[:1]
        assert fast == GraphStore.nodes_props(store, "Identifier", wanted)


def test_a_saved_scan_loads_back_equal(tmp_path: Path) -> None:
    scan = {"meta": {"名称": "扫描", "score": 0.1 + 0.2, "big": 2**70, "flag": True},
            "findings": [{"subject": "Case:甲", "value": None, "list": [1.5e-7, 3]}],
            "cases": {"b": 1, "a": 2}, "by_number": {3: "int keys are stored as text"}}
    with SQLiteStore.open(tmp_path) as store:
        assert store.load_scan() is None
        store.save_scan(cast("ScanJson", scan))
        loaded = store.load_scan()
        assert loaded == {**scan, "by_number": {"3": "int keys are stored as text"}}
        assert list(loaded["cases"]) == ["a", "b"]  # keys sorted, as before


def test_a_scan_stored_as_json_text_by_an_older_version_still_loads(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as store:
        store.conn.execute("INSERT INTO scan VALUES ('meta', '{\"名称\":\"扫描\",\"x\":NaN}')")
        loaded = store.load_scan()
        assert loaded is not None
        meta = cast("dict[str, Any]", loaded["meta"])  # not a scan's meta: whatever was stored
        assert meta["名称"] == "扫描" and math.isnan(meta["x"])


def test_a_second_writer_is_refused_with_the_holder_named(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as one, SQLiteStore.open(tmp_path) as two:
        with one.writing("ingest"), one.writing("quarantine retry"), \
                pytest.raises(WorkspaceBusy) as info, two.writing("scan"):  # re-entrant
            pass
        assert str(info.value) == (
            f"another ringtrace ingest (pid {os.getpid()}) is running on this workspace "
            f"({tmp_path}); wait for it to finish or use another workspace (--workspace)")
        with two.writing("scan"):  # released when the holder is done
            pass


def test_a_sqlite_level_lock_becomes_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as store:
        other = sqlite3.connect(tmp_path / "ringtrace.sqlite", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        store.conn.execute("PRAGMA busy_timeout = 50")
        try:
            with pytest.raises(WorkspaceBusy, match="wait for it to finish"):
                store.add_problems([RecordProblem("f", 1, "x", "y")])
        finally:
            other.execute("ROLLBACK")
            other.close()


def test_a_save_that_fails_half_way_keeps_the_previous_scan(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as store:
        store.save_scan(cast("ScanJson", {"meta": {"n": 1}, "rings": [1]}))
        store.conn.execute("CREATE TEMP TRIGGER boom AFTER INSERT ON main.scan WHEN "
                           "NEW.key = 'rings' BEGIN SELECT RAISE(ABORT, 'disk gone'); END")
        with pytest.raises(sqlite3.IntegrityError, match="disk gone"):
            store.save_scan(cast("ScanJson", {"meta": {"n": 2}, "rings": [2]}))
        assert store.load_scan() == {"meta": {"n": 1}, "rings": [1]}


def test_a_scan_of_a_changed_snapshot_is_not_stored(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as store:
        store.write_batch(case_batch(case_from_dict(sham_case(1, "张桂兰", "1968-05-02"))))
        read = store.snapshot()
        store.save_scan_if_unchanged(cast("ScanJson", {"meta": {"n": 1}}), read)
        store.write_batch(case_batch(case_from_dict(sham_case(2, "刘秀英", "1967-02-02"))))
        with pytest.raises(SnapshotChanged, match="run `ringtrace scan` again"):
            store.save_scan_if_unchanged(cast("ScanJson", {"meta": {"n": 2}}), read)
        assert store.load_scan() == {"meta": {"n": 1}}
        assert GraphStore.snapshot(store) == store.snapshot() != read


def test_the_snapshot_is_read_again_only_when_the_data_generation_moved(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads = []
    hashes = SQLiteStore.document_hashes

    def counted(store: SQLiteStore) -> Any:
        reads.append(1)
        return hashes(store)

    monkeypatch.setattr(SQLiteStore, "document_hashes", counted)
    with SQLiteStore.open(tmp_path) as store:
        store.write_batch(case_batch(case_from_dict(sham_case(1, "张桂兰", "1968-05-02"))))
        first = store.snapshot()
        # a scan: its start, the check as its results are stored, the audit entry
        store.save_scan_if_unchanged(cast("ScanJson", {"meta": {"n": 1}}), store.snapshot())
        assert store.snapshot() == first and len(reads) == 1
        store.write_batch(case_batch(case_from_dict(sham_case(2, "刘秀英", "1967-02-02"))))
        assert store.snapshot() != first and len(reads) == 2
        assert store.snapshot() == GraphStore.snapshot(store)
        # a write rolled back: a snapshot read inside its transaction is not kept
        store.conn.execute("BEGIN IMMEDIATE")
        store.conn.execute("INSERT INTO documents VALUES ('Case:x', NULL, 'ab', NULL, '{}')")
        store.conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 "
                           "WHERE key = 'data_generation'")
        inside = store.snapshot()
        store.conn.execute("ROLLBACK")
        assert store.snapshot() == GraphStore.snapshot(store) != inside


def test_quarantine_entries_are_kept_cleared_per_file_and_made_storable(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as store:
        assert store.add_problems([RecordProblem("a.csv", 2, "x", "bad \udcff byte"),
                                   RecordProblem("b.csv", 0, "", "unreadable")]) == 2
        assert [p.reason for p in store.problems()] == ["bad \ufffd byte", "unreadable"]
        assert store.clear_problems(["a.csv"]) == 1
        assert [p.file for p in store.problems()] == ["b.csv"]


def test_the_data_generation_moves_with_the_data_and_nothing_else(tmp_path: Path) -> None:
    def case(n: int, **kw: str) -> GraphBatch:
        return case_batch(case_from_dict(sham_case(n, "张桂兰", "1968-05-02", **kw)))

    with SQLiteStore.open(tmp_path) as store:
        assert store.data_generation() == 0
        store.write_batch(case(1))
        assert store.data_generation() == 1
        store.write_batch(case(1))  # the same input again
        assert store.data_generation() == 1
        store.write_batch(case(1, agent="赵六"))  # a changed document
        assert store.data_generation() == 2
        row = RegistryRecord(name="安阳市恒达废旧物资回收有限公司", former_names=["安阳恒达回收站"])
        store.write_batch(registry_batch(row))  # a registry row, with an alias
        assert store.data_generation() == 3 and store.aliases()
        store.write_batch(registry_batch(row))
        assert store.data_generation() == 3
        # results and bookkeeping are not data
        store.save_scan(cast("ScanJson", {"meta": {"rings": 0}, "cases": {}}))
        store.save_resolution("fp", {"entities": []})
        store.add_problems([RecordProblem("a.txt", 1, "x", "unreadable", "raw")])
        store.add_judgement_row({"verdict": "same", "a": "x", "b": "y", "time": "t", "user": "u"})
        assert store.data_generation() == 3
        bad = case_batch(case_from_dict(sham_case(2, "刘秀英", "1967-02-02")))
        bad.edges[0].props = edge_props({"unserialisable": object()})
        with pytest.raises(TypeError):
            store.write_batch(bad)
        assert store.data_generation() == 3  # rolled back with the batch
    with SQLiteStore.open(tmp_path) as store:
        assert store.data_generation() == 3  # kept in the workspace


def test_a_new_alias_alone_moves_the_data_generation(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as store:
        store.write_batch(registry_batch(RegistryRecord(name="安阳市恒达废旧物资回收有限公司")))
        store.write_batch(case_batch(case_from_dict(
            sham_case(1, "张桂兰", "1968-05-02", employer="安阳恒达回收站"))))
        before = store.data_generation()
        store.write_batch(GraphBatch(aliases=[("Employer:安阳恒达回收站",
                                               "Employer:安阳市恒达废旧物资回收有限公司")]))
        assert store.aliases() == {"Employer:安阳恒达回收站": "Employer:安阳市恒达废旧物资回收有限公司"}
        assert store.data_generation() == (before or 0) + 1


def test_read_indexes_dropped_by_a_load_that_died_are_built_by_the_next_writer(
        tmp_path: Path) -> None:
    def indexes() -> set[str]:
        conn = sqlite3.connect(tmp_path / "ringtrace.sqlite")
        return {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}

    with SQLiteStore.open(tmp_path) as store:
        store.write_batch(case_batch(case_from_dict(sham_case(1, "张桂兰", "1968-05-02"))))
    everything = indexes()
    conn = sqlite3.connect(tmp_path / "ringtrace.sqlite")  # what a load killed midway leaves
    with conn:
        conn.execute("INSERT INTO meta VALUES ('read_indexes_deferred', '1')")
        conn.execute("DROP INDEX edges_dst")
    conn.close()
    with SQLiteStore.open(tmp_path) as store:  # a reader: the same answers, no index built
        assert "edges_dst" not in indexes()
        person = store.find_nodes("Person", "张桂兰")[0].id
        assert "PARTY_IN" in [e.kind for e in store.edges_of(person)]
        with store.writing("scan"):
            assert indexes() == everything
    with SQLiteStore.open(tmp_path) as store:
        assert store.conn.execute("SELECT count(*) FROM meta WHERE key = "
                                  "'read_indexes_deferred'").fetchone() == (0,)


def test_opening_while_another_process_writes_does_not_build_missing_indexes(
        tmp_path: Path) -> None:
    """A workspace without its read indexes, opened while another connection holds the write
    lock (a load between its drop and its build), opens without them instead of failing."""
    SQLiteStore.open(tmp_path / "ws").close()
    db = tmp_path / "ws" / "ringtrace.sqlite"
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("DROP INDEX nodes_uscc")
    other.execute("BEGIN IMMEDIATE")
    try:
        reader = SQLiteStore.open(tmp_path / "ws")  # waits out the busy timeout, then reads on
        assert "nodes_uscc" not in {n for (n,) in reader.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index'")}
        reader.close()
    finally:
        other.execute("ROLLBACK")
        other.close()
    with SQLiteStore.open(tmp_path / "ws") as store:  # free again: built on opening
        assert "nodes_uscc" in {n for (n,) in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_a_large_load_stages_its_batches_in_groups_each_failing_alone_then_merges_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ringtrace.graph.store import sqlite as sqlite_store

    monkeypatch.setattr(sqlite_store, "GROUP_DOCUMENTS", 2)
    names = ["张桂兰", "刘秀英", "王淑珍", "李秀兰", "陈玉梅"]

    def case(n: int) -> GraphBatch:
        return case_batch(case_from_dict(sham_case(n, names[n % 5], "1968-05-02")))

    with SQLiteStore.open(tmp_path / "one") as store:
        for n in range(1, 6):
            store.write_batch(case(n))
    with SQLiteStore.open(tmp_path / "grouped") as store, store.writing("test"), \
            store.deferred_indexes():
        reader = sqlite3.connect(tmp_path / "grouped" / "ringtrace.sqlite")
        stage = sqlite3.connect(tmp_path / "grouped" / sqlite_store.STAGE_NAME)
        staged = "SELECT count(*) FROM stage_documents"
        store.write_batch(case(1))
        assert stage.execute(staged).fetchone() == (0,)  # open group
        bad = case(9)
        bad.edges[0].props = edge_props({"unserialisable": object()})
        with pytest.raises(TypeError):
            store.write_batch(bad)  # rolled back alone: the batch before it stays
        store.write_batch(case(2))  # two documents: the group is committed
        assert stage.execute(staged).fetchone() == (2,)
        assert reader.execute("SELECT count(*) FROM documents").fetchone() == (0,)  # unmerged
        for n in range(3, 6):
            store.write_batch(case(n))
        stage.close()
    assert not (tmp_path / "grouped" / sqlite_store.STAGE_NAME).exists()  # merged, deleted
    reader.close()
    tables = ("nodes", "edges", "documents", "aliases", "meta")

    def rows(ws: Path) -> dict[str, list[tuple[object, ...]]]:
        conn = sqlite3.connect(ws / "ringtrace.sqlite")
        return {t: sorted(conn.execute(f"SELECT * FROM {t} WHERE {'key' if t == 'meta' else 1}"
                                       f" != 'ref_key'")) for t in tables}

    assert rows(tmp_path / "one") == rows(tmp_path / "grouped")  # the data generation too


def test_a_large_load_staged_again_changes_nothing_and_merges_into_stored_nodes(
        tmp_path: Path) -> None:
    names = ["张桂兰", "刘秀英", "王淑珍"]
    batches = [case_batch(case_from_dict(sham_case(n, names[n % 3], "1968-05-02",
                                                   agent="赵六" if n % 2 else "王建国")))
               for n in range(1, 7)]
    with SQLiteStore.open(tmp_path / "one") as store:
        for batch in batches:
            store.write_batch(batch)
        for batch in batches[2:]:
            store.write_batch(batch)
    with SQLiteStore.open(tmp_path / "staged") as store, store.writing("test"):
        for batch in batches[:2]:
            store.write_batch(batch)  # stored first, then merged into by the staged load
        with store.deferred_indexes():
            for batch in batches[2:]:
                store.write_batch(batch)
        generation = store.data_generation()
        with store.deferred_indexes():
            for batch in batches[2:]:
                store.write_batch(batch)
        assert store.data_generation() == generation  # the same load again changes nothing
    tables = ("nodes", "edges", "documents", "aliases")

    def rows(ws: Path) -> dict[str, list[tuple[object, ...]]]:
        conn = sqlite3.connect(ws / "ringtrace.sqlite")
        return {t: sorted(conn.execute(f"SELECT * FROM {t}")) for t in tables}

    assert rows(tmp_path / "one") == rows(tmp_path / "staged")


def test_a_batch_adding_aliases_in_a_large_load_is_written_after_the_staged_ones(
        tmp_path: Path) -> None:
    """An alias re-points what is stored: the batches staged before it are merged first, and
    a case naming the company by its former name afterwards is staged under the current one."""
    firm = "安阳市恒达废旧物资回收有限公司"
    row = RegistryRecord(name=firm, former_names=["安阳恒达回收站"])
    batches = [case_batch(case_from_dict(sham_case(1, "张桂兰", "1968-05-02"))),
               case_batch(case_from_dict(sham_case(2, "刘秀英", "1967-02-02",
                                                   employer="安阳恒达回收站"))),
               registry_batch(row),
               case_batch(case_from_dict(sham_case(3, "王淑珍", "1966-01-01",
                                                   employer="安阳恒达回收站")))]
    with SQLiteStore.open(tmp_path / "one") as store:
        for batch in batches:
            store.write_batch(batch)
    with SQLiteStore.open(tmp_path / "staged") as store, store.writing("test"), \
            store.deferred_indexes():
        for batch in batches:
            store.write_batch(batch)
    tables = ("nodes", "edges", "documents", "aliases")

    def rows(ws: Path) -> dict[str, list[tuple[object, ...]]]:
        conn = sqlite3.connect(ws / "ringtrace.sqlite")
        return {t: sorted(conn.execute(f"SELECT * FROM {t}")) for t in tables}

    stored = rows(tmp_path / "one")
    assert stored["aliases"] and stored == rows(tmp_path / "staged")


def test_a_large_load_interrupted_keeps_the_batches_written_before(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ringtrace.graph.store import sqlite as sqlite_store

    monkeypatch.setattr(sqlite_store, "GROUP_DOCUMENTS", 100)
    with SQLiteStore.open(tmp_path) as store, pytest.raises(KeyboardInterrupt), \
            store.writing("test"), store.deferred_indexes():
        store.write_batch(case_batch(case_from_dict(sham_case(1, "张桂兰", "1968-05-02"))))
        raise KeyboardInterrupt
    with SQLiteStore.open(tmp_path) as store:
        assert store.counts()["documents"] == {"total": 1}
        assert store.data_generation() == 1


def test_of_two_rows_with_one_key_in_a_batch_the_later_is_stored(tmp_path: Path) -> None:
    from ringtrace.graph.store.rows import BatchRows, encoded

    one = encoded(case_batch(case_from_dict(sham_case(1, "张桂兰", "1968-05-02", agent="赵六"))))
    other = encoded(case_batch(case_from_dict(sham_case(1, "张桂兰", "1968-05-02"))))
    assert one.documents[0][0] == other.documents[0][0] and one.documents != other.documents
    for earlier, later in ((one, other), (other, one)):
        both = BatchRows()
        both.extend(earlier)
        both.extend(later)
        with SQLiteStore.open(tmp_path / str(id(later))) as store:
            store.write_rows(both)
            stored = store.conn.execute("SELECT * FROM documents").fetchall()
        assert stored == later.documents
