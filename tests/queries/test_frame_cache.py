"""The frame kept in the workspace: loaded while nothing it is built from changed, rebuilt when
anything did, and never trusted when it is damaged, cut short or from other code."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from ringtrace.graph.build import case_batch
from ringtrace.graph.records import case_from_dict
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries import frame_cache
from ringtrace.queries.frame import CaseInfo, Frame, build_frame
from ringtrace.queries.frame_cache import cache_path, cached_frame, frame_key, load, save
from ringtrace.queries.scan import run_scan
from ringtrace.resolve import Verdict, ensure, record
from tests.resolve.helpers import case, store_of

KONG = "Person:孔龙|b:1976-07-27"
OTHER = "Person:孔龙|b:1980-02-02"


def _docs() -> list[dict[str, Any]]:
    return [case(1, agents=[{"name": "孔龙", "birth_date": "1976-07-27", "phone": "13912345678"}]),
            case(2, agents=[{"name": "孔龙", "phone": "13912345678"}], day="2021-05-01"),
            case(3, agents=[{"name": "孔龙", "birth_date": "1980-02-02"}], day="2016-01-01",
                 employer="安阳市别的有限公司")]


def _state(frame: Frame) -> tuple[Any, ...]:
    """Everything a frame holds, in order (CaseInfo and refs compare field by field)."""
    tables = ("persons", "employers", "forums", "firms", "identifiers", "contacts",
              "legal_reps", "employer_cases", "agent_cases")
    return (list(frame.cases.items()),
            *[list(getattr(frame, name).items()) for name in tables])


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    return store_of(tmp_path, _docs())


def _builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the frames built from the store (not loaded) from now on."""
    built: list[int] = []

    def counting(store: Any, progress: Any = None, **options: Any) -> Frame:
        built.append(1)
        return build_frame(store, progress, **options)

    monkeypatch.setattr(frame_cache, "build_frame", counting)
    return built


def test_a_second_call_loads_the_same_frame(store: SQLiteStore,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    built = _builds(monkeypatch)
    first = cached_frame(store)
    second = cached_frame(store)
    assert built == [1]
    assert _state(second) == _state(first) == _state(build_frame(store))
    assert isinstance(next(iter(second.cases.values())), CaseInfo)
    assert second.case_list() == first.case_list()
    path = cache_path(store)
    assert path is not None and path.parent == store.path / "cache"
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_a_changed_document_rebuilds_it(store: SQLiteStore,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    built = _builds(monkeypatch)
    before = cached_frame(store)
    changed = case(2, agents=[{"name": "孔龙"}], day="2021-06-01")  # another decision date
    store.write_batch(case_batch(case_from_dict(changed)))
    after = cached_frame(store)
    assert built == [1, 1]
    [cid] = [c for c in after.cases if "民初2号" in c]
    assert before.cases[cid].props.get("decision_date") == "2021-05-01"
    assert after.cases[cid].props.get("decision_date") == "2021-06-01"
    assert _state(after) == _state(build_frame(store))


def test_the_same_document_ingested_again_keeps_it(store: SQLiteStore,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    built = _builds(monkeypatch)
    cached_frame(store)
    store.write_batch(case_batch(case_from_dict(_docs()[0])))
    cached_frame(store)
    assert built == [1]


def test_a_judgement_rebuilds_it_with_the_merge(store: SQLiteStore,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    built = _builds(monkeypatch)
    before = cached_frame(store)
    assert ensure(store).entity(OTHER) == OTHER
    record(store, Verdict.SAME, KONG, OTHER, resolution=ensure(store), user="analyst1")
    after = cached_frame(store)
    assert built == [1, 1]
    entity = ensure(store).entity(KONG)
    assert len(before.agent_cases.get(entity, [])) < len(after.agent_cases[entity]) == 3


def test_another_workspace_with_the_same_history_does_not_share_it(tmp_path: Path) -> None:
    """A workspace deleted and ingested again holds other data under the same generation."""
    one = store_of(tmp_path / "a", _docs())
    two = store_of(tmp_path / "b", _docs())
    assert one.data_generation() == two.data_generation()
    assert frame_key(one) != frame_key(two)


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "garbage", "header", "length"])
def test_a_damaged_file_is_ignored_and_replaced(store: SQLiteStore, damage: str,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    built = _builds(monkeypatch)
    good = _state(cached_frame(store))
    path = cache_path(store)
    assert path is not None
    data = path.read_bytes()
    first = len(frame_cache.FORMAT) + len(frame_key(store)) + 1 + 1  # the first part's length
    damaged = {"length": data[:first] + (2**62).to_bytes(8, "little") + data[first + 8:],
               "truncate": data[: len(data) * 2 // 3], "empty": b"",
               "flip": data[:-40] + bytes([data[-40] ^ 0xFF]) + data[-39:],
               "garbage": data[:200] + os.urandom(len(data) - 200),
               "header": data.replace(frame_cache.FORMAT, b"ringtrace-frame-cache 0\n", 1)}[damage]
    path.write_bytes(damaged)
    assert load(path, frame_key(store)) is None
    assert _state(cached_frame(store)) == good
    assert built == [1, 1]
    assert load(path, frame_key(store)) is not None  # replaced by the rebuilt frame


def test_a_province_frame_loads_with_every_value_and_its_type(province: Path,
                                                               tmp_path: Path) -> None:
    """Decoded into the typed props, a kept frame still holds every key and value built, of
    the same type (a repr tells an int from a float, where ``==`` does not)."""
    from ringtrace.loaders.ingest import ingest_paths

    with SQLiteStore.open(tmp_path / "ws") as store:
        ingest_paths(store, [province])
        built = build_frame(store)
    assert save(tmp_path / "frame.msgpack", "key", built)
    loaded = load(tmp_path / "frame.msgpack", "key")
    assert loaded is not None
    for name in ("cases", "persons", "employers", "forums", "firms", "identifiers",
                 "employer_cases", "agent_cases"):
        assert repr(getattr(loaded, name)) == repr(getattr(built, name)), name
    assert (loaded.contacts, loaded.legal_reps) == (built.contacts, built.legal_reps)


def test_a_prop_of_the_wrong_type_is_not_trusted(store: SQLiteStore, tmp_path: Path) -> None:
    """Props are read as their kind's TypedDict: a file holding an employer's insured headcount
    as text (not what any frame holds) is rebuilt rather than handed to the rules."""
    frame = build_frame(store)
    employer = next(iter(frame.employers))
    frame.employers[employer] = {**frame.employers[employer],
                                 "insured_headcount": "12"}  # type: ignore[typeddict-item]
    assert save(tmp_path / "frame.msgpack", "key", frame)
    assert load(tmp_path / "frame.msgpack", "key") is None


def test_other_code_does_not_read_it(store: SQLiteStore,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    built = _builds(monkeypatch)
    cached_frame(store)
    monkeypatch.setattr(frame_cache, "CODE_VERSION", "another version")
    cached_frame(store)
    assert built == [1, 1]


def test_an_interrupted_write_leaves_the_previous_file(store: SQLiteStore,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    cached_frame(store)
    path = cache_path(store)
    assert path is not None
    before = path.read_bytes()

    def dies(*_args: Any) -> Any:
        yield 0, b"\x90"
        raise KeyboardInterrupt  # the scan killed half way through writing

    monkeypatch.setattr(frame_cache, "_segments", dies)
    with pytest.raises(KeyboardInterrupt):
        save(path, "another key", build_frame(store))
    assert path.read_bytes() == before
    leftover = list(path.parent.glob(".frame-*.tmp"))
    assert len(leftover) == 1  # what a killed process leaves: never read, removed when stale
    old = leftover[0].stat().st_mtime - 2 * frame_cache.STALE_TEMP
    os.utime(leftover[0], (old, old))
    monkeypatch.undo()
    assert save(path, "a key", build_frame(store))
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_an_unwritable_cache_does_not_stop_the_scan(store: SQLiteStore) -> None:
    (store.path / "cache").write_text("a file where the folder goes")
    frame = cached_frame(store)
    assert len(frame.cases) == 3


def test_a_rescan_gives_the_same_results(province: Path, tmp_path: Path) -> None:
    from ringtrace.loaders.ingest import ingest_paths

    with SQLiteStore.open(tmp_path / "ws") as store:
        ingest_paths(store, [province])
        first = run_scan(store)
        path = cache_path(store)
        assert path is not None and path.exists()
        second = run_scan(store)
    assert first["meta"]["scanned_at"] and second["meta"]["scanned_at"]
    assert ({**first, "meta": {**first["meta"], "scanned_at": ""}}
            == {**second, "meta": {**second["meta"], "scanned_at": ""}})
