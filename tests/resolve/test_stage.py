"""The stage: deterministic ids, kept and reused until the store or the judgements change,
and applied by the analysis frame."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ringtrace.graph.build import case_batch, registry_batch
from ringtrace.graph.elements import GraphBatch
from ringtrace.graph.identity import employer_id
from ringtrace.graph.records import RegistryRecord, case_from_dict
from ringtrace.graph.store.base import GraphStore
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries.frame import build_frame
from ringtrace.queries.frame_cache import frame_key
from ringtrace.queries.rules import default_rules, load_rules
from ringtrace.resolve import Verdict, ensure, fingerprint, record, resolve, stored
from ringtrace.resolve.model import Resolution
from ringtrace.resolve.settings import ResolveSettings, shipped
from ringtrace.resolve.stage import kept_key
from tests.resolve.helpers import case, store_of

ROW = RegistryRecord(name="金源（商丘）包装有限公司", insured_headcount=3, status="注销",
                     founded="2009-01-01")


def _docs() -> list[dict[str, Any]]:
    return [case(1, employer="商丘市金源包装有限公司", agents=[{"name": "孔龙", "phone": "13912345678"}]),
            case(2, employer="商丘金源包装有限公司", agents=[{"name": "孔龙"}], day="2021-04-01"),
            case(3, agents=[{"name": "孔龙", "birth_date": "1976-07-27", "phone": "13912345678"}])]


def test_same_store_same_entities_and_ids(tmp_path: Path) -> None:
    a = resolve(store_of(tmp_path / "a", _docs(), [ROW])).to_dict()
    b = resolve(store_of(tmp_path / "b", list(reversed(_docs())), [ROW])).to_dict()
    assert a["entities"] == b["entities"]
    assert a["fingerprint"] == b["fingerprint"]


def test_ensure_reuses_the_kept_resolution_until_something_changes(tmp_path: Path) -> None:
    store = store_of(tmp_path, _docs(), [ROW])
    first = ensure(store)
    kept = store.load_resolution()
    assert kept is not None and kept[0] == kept_key(store, [])
    store.save_resolution(kept[0], {**first.to_dict(), "refused": {"marker": 1}})
    assert ensure(store).refused == {"marker": 1}  # reused, not recomputed
    store.write_batch(case_batch(case_from_dict(case(4))))
    assert ensure(store).fingerprint != first.fingerprint
    record(store, Verdict.SPLIT, employer_id(ROW.name), resolution=ensure(store))
    assert ensure(store).entity(employer_id("商丘市金源包装有限公司")) != employer_id(ROW.name)


def _marked(store: SQLiteStore) -> None:
    """Mark the kept resolution, so that a reuse can be told from a recomputation."""
    kept = store.load_resolution()
    assert kept is not None
    store.save_resolution(kept[0], {**kept[1], "refused": {"marker": 1}})


def test_identical_input_ingested_again_reuses_the_kept_resolution(tmp_path: Path) -> None:
    store = store_of(tmp_path, _docs(), [ROW])
    first = ensure(store)
    _marked(store)
    for doc in _docs():
        store.write_batch(case_batch(case_from_dict(doc)))
    store.write_batch(registry_batch(ROW))
    again = ensure(store)
    assert again.refused == {"marker": 1}  # reused, not recomputed
    assert again.fingerprint == first.fingerprint


def test_a_changed_document_or_a_new_alias_recomputes_it(tmp_path: Path) -> None:
    store = store_of(tmp_path, _docs(), [ROW])
    first = ensure(store)
    _marked(store)
    changed = case(3, agents=[{"name": "孔龙", "birth_date": "1976-07-27", "phone": "13800000000"}])
    store.write_batch(case_batch(case_from_dict(changed)))
    second = ensure(store)
    assert second.refused == {} and second.fingerprint != first.fingerprint
    _marked(store)
    store.write_batch(GraphBatch(aliases=[(employer_id("商丘金源包装有限公司"),
                                           employer_id(ROW.name))]))
    assert store.aliases() == {employer_id("商丘金源包装有限公司"): employer_id(ROW.name)}
    third = ensure(store)
    assert third.refused == {}  # recomputed: the aliased name is no longer a mention of its own
    assert employer_id("商丘金源包装有限公司") in second.entity_of
    assert employer_id("商丘金源包装有限公司") not in third.entity_of


def test_the_kept_key_follows_the_data_generation_and_the_judgements(tmp_path: Path) -> None:
    store = store_of(tmp_path, _docs(), [ROW])
    res = ensure(store)
    key = kept_key(store, stored(store))
    assert store.load_resolution()[0] == key  # type: ignore[index]
    store.write_batch(case_batch(case_from_dict(case(4))))
    assert kept_key(store, stored(store)) != key
    key = kept_key(store, stored(store))
    record(store, Verdict.SPLIT, employer_id(ROW.name), resolution=res)
    assert kept_key(store, stored(store)) != key
    # a store that counts no generations files it under the content fingerprint
    assert isinstance(store, GraphStore)
    assert fingerprint(store, stored(store)) == resolve(store).fingerprint


def test_round_trip_through_the_store_keeps_everything(tmp_path: Path) -> None:
    res = resolve(store_of(tmp_path, _docs(), [ROW]))
    assert Resolution.from_dict(res.to_dict()) == res


def test_the_frame_sees_entity_ids_and_registry_facts(tmp_path: Path) -> None:
    store = store_of(tmp_path, _docs(), [ROW])
    frame = build_frame(store)
    row = employer_id(ROW.name)
    assert sorted(frame.employers) == [employer_id("安阳市恒达废旧物资回收有限公司"), row]
    assert frame.employers[row]["insured_headcount"] == 3
    assert len(frame.employer_cases[row]) == 2
    assert sorted(frame.agent_cases) == ["Person:孔龙|b:1976-07-27"]
    assert {c.agents[0].name for c in frame.cases.values()} == {"孔龙"}
    # the two spellings' legal representatives are one person, kept under one id
    assert frame.legal_reps[row] == {"Person:李强|doc:rep:Employer:商丘市金源包装有限公司"}


def test_the_same_store_asked_again_gets_the_copy_it_decoded_until_anything_moves(
        tmp_path: Path) -> None:
    store = store_of(tmp_path, _docs(), [ROW])
    first = ensure(store)
    assert ensure(store) is first  # not read and decoded again
    _marked(store)  # a save through the store: the copy is stale
    marked = ensure(store)
    assert marked.refused == {"marker": 1}
    store.write_batch(case_batch(case_from_dict(case(4))))
    assert ensure(store) is not marked and ensure(store).refused == {}
    with SQLiteStore.open(tmp_path / "ws") as other:  # another store object reads its own
        assert ensure(other) == ensure(store) and ensure(other) is not ensure(store)


def test_ensure_without_saving_computes_and_keeps_nothing(tmp_path: Path) -> None:
    from ringtrace.resolve import unsaved

    store = store_of(tmp_path, _docs(), [ROW])
    assert store.load_resolution() is None
    computed = ensure(store, save=False)
    assert store.load_resolution() is None  # not kept
    with unsaved():
        assert ensure(store).to_dict() == computed.to_dict()
    assert store.load_resolution() is None
    assert ensure(store).to_dict() == computed.to_dict()  # outside the block: kept again
    kept = store.load_resolution()
    assert kept is not None and kept[1] == computed.to_dict()


#: a window of 30 days, for the rare-name join too
NARROW = {"agent_gap_days": 30, "rare_agent_gap_days": 30}
BARE = "Person:孔龙|doc:Case:(2021)豫0502民初2号|河南省安阳市文峰区人民法院"


def _bare_agent_joined(res: Resolution) -> bool:
    """Is the bare 孔龙 of case 2 one entity with the identified 孔龙 of case 3?"""
    return res.entity(BARE) == res.entity("Person:孔龙|b:1976-07-27")


def test_the_settings_default_to_the_shipped_resolve_table() -> None:
    assert shipped() == default_rules().resolve
    assert shipped() == ResolveSettings(agent_gap_days=730, both_sides_days=31,
                                        counsel_dominance=4,
                                        employer_agent_suits=1, firm_namesake_days=365,
                                        id_fragment_min_chars=10, rare_agent_gap_days=3650,
                                        regular_agent_suits=2, same_side_days=365,
                                        similar_name=85)


def test_other_settings_resolve_otherwise(tmp_path: Path) -> None:
    """Case 2's bare 孔龙 acts 31 days after the identified one: one agent within the shipped
    730 days, two within a window of 30 (for the rare-name join too: 孔龙 is the only
    identified carrier of the name)."""
    store = store_of(tmp_path, _docs(), [ROW])
    narrow = load_rules(overrides={"resolve": NARROW}).resolve
    assert _bare_agent_joined(resolve(store))
    assert not _bare_agent_joined(resolve(store, settings=narrow))
    assert resolve(store, settings=narrow).fingerprint != resolve(store).fingerprint


def test_a_resolution_kept_with_other_settings_is_recomputed(tmp_path: Path) -> None:
    store = store_of(tmp_path, _docs(), [ROW])
    narrow = load_rules(overrides={"resolve": NARROW}).resolve
    assert narrow is not None
    assert kept_key(store, []) == kept_key(store, [], shipped())
    assert kept_key(store, [], narrow) != kept_key(store, [])
    assert fingerprint(store, [], narrow) != fingerprint(store, [])
    assert frame_key(store, settings=narrow) != frame_key(store)
    assert _bare_agent_joined(ensure(store))
    _marked(store)
    assert ensure(store).refused == {"marker": 1}  # same settings: reused
    res = ensure(store, settings=narrow)  # other settings: recomputed and kept
    assert res.refused != {"marker": 1} and not _bare_agent_joined(res)
    assert store.load_resolution()[0] == kept_key(store, [], narrow)  # type: ignore[index]
    _marked(store)
    assert ensure(store, settings=narrow).refused == {"marker": 1}
    assert _bare_agent_joined(ensure(store))  # back to the shipped settings: recomputed
    frame = build_frame(store, settings=narrow)
    assert len({a.id for c in frame.cases.values() for a in c.agents if a.name == "孔龙"}) == 2


def test_views_resolve_with_the_settings_the_stored_scan_ran_with(tmp_path: Path) -> None:
    """A scan run with another [resolve] table keeps its resolution; a view asking without
    settings (a profile, a ring page, the desk) gets that one, not the shipped settings' one, so
    the entity ids it shows are those of the scan's rings."""
    from ringtrace.queries.scan import run_scan
    from ringtrace.resolve.stage import scanned_with

    store = store_of(tmp_path, _docs(), [ROW])
    assert scanned_with(store) is None  # no scan yet
    config = load_rules(overrides={"resolve": NARROW})
    run_scan(store, config)
    assert scanned_with(store) == config.resolve
    kept = store.load_resolution()
    assert not _bare_agent_joined(ensure(store))
    assert store.load_resolution() == kept  # reused, not recomputed with the shipped settings


def test_a_stored_scan_that_predates_a_resolve_setting_reads_the_shipped_value(
        tmp_path: Path) -> None:
    """A scan stored before a [resolve] setting existed still tells the views how it resolved:
    the missing setting reads the shipped value, instead of refusing every ring page."""
    from ringtrace.queries.scan import run_scan
    from ringtrace.resolve.stage import scanned_with

    store = store_of(tmp_path, _docs(), [ROW])
    config = load_rules(overrides={"resolve": NARROW})
    scan = run_scan(store, config)
    del scan["meta"]["rules"]["resolve"]["both_sides_days"]
    store.save_scan(scan)
    assert scanned_with(store) == config.resolve
