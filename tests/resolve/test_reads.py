"""Reading the store: the bulk reads resolution relies on give what the generic reads give, so a
store without them (Neo4j) resolves the same; and the name and code helpers that work once
per distinct value agree with the per-value functions."""

from __future__ import annotations

from pathlib import Path

import pytest

from ringtrace.graph.records import BackPaymentRecord, RegistryRecord
from ringtrace.graph.store.base import GraphStore
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.resolve import names, resolve
from ringtrace.resolve.mentions import Mentions, namesakes, read_mentions
from tests.resolve.helpers import case, store_of


class GenericReads(SQLiteStore):
    """The workspace read through the base class's bulk reads only (as a store without its
    own, such as the Neo4j store, reads it)."""

    node_values = GraphStore.node_values
    edge_values = GraphStore.edge_values
    edge_values_into = GraphStore.edge_values_into


def _store(tmp_path: Path) -> SQLiteStore:
    docs = [
        case(1, workers=[{"name": "王卫东", "birth_date": "1961-07-29", "phone": "13800001111"},
                         {"name": "張 建國", "id_number": "410502196107291472"}],
             agents=[{"name": "孔龙", "kind": "lawyer", "law_firm": "河南（安阳）律师事务所"}]),
        case(2, workers=[{"name": "王**"}, {"name": "李四", "id_number": "410502198*******"}],
             employer="商丘市金源包装有限公司", uscc="91411400MA40ABCD1X",
             agents=[{"name": "孔龙", "phone": "13912345678"}], day="2021-05-01"),
        case(3, agents=[{"name": "孔某", "side": "employer"}], court="zhengzhou", rep="***"),
    ]
    registry = [RegistryRecord(name="金源（商丘）包装有限公司", uscc="91411400MA40ABCD1X",
                               legal_representative="李强", former_names=["商丘金源纸箱厂"]),
                RegistryRecord(name="安阳市恒达废旧物资回收有限公司", legal_representative="李强")]
    ledger = [BackPaymentRecord("王卫东", "安阳市恒达废旧物资回收有限公司", "2003-01", "2018-05",
                                basis_case_number="(2021)豫0502民初1号")]
    return store_of(tmp_path, docs, registry, ledger)


def _comparable(m: Mentions) -> Mentions:
    """The mentions with each case's workers in one order (read in any order, compared as a
    set by the ledger rule)."""
    for facts in m.cases.values():
        facts.workers.sort()
    return m


@pytest.mark.parametrize(("kind", "fields"), [
    ("Person", ("name", "birth_date", "id_number", "sex", "masked")),
    ("Employer", ("name", "uscc", "in_registry", "former_names", "absent")),
    ("Case", ("filing_date",)),
])
def test_node_values_are_the_generic_read(tmp_path: Path, kind: str, fields: tuple[str, ...]
                                          ) -> None:
    store = _store(tmp_path)
    fast = list(store.node_values(kind, fields))
    assert fast and fast == list(GraphStore.node_values(store, kind, fields))


def test_edge_values_are_the_generic_read(tmp_path: Path) -> None:
    store = _store(tmp_path)
    for kind, fields in (("AGENT_IN", ("agent_kind", "law_firm", "represents_side")),
                         ("PARTY_IN", ("side",))):
        fast = list(store.edge_values(kind, fields))
        assert fast and fast == list(GraphStore.edge_values(store, kind, fields))
    cases = [*(src for src, _ in store.edge_pairs(["DECIDED_BY"]))][:2]
    into = sorted(store.edge_values_into("PARTY_IN", [*cases, "Case:none"], ("side",)))
    generic = GraphStore.edge_values_into(store, "PARTY_IN", [*cases, "Case:none"], ("side",))
    assert into and into == sorted(generic)


def test_mentions_and_resolution_do_not_depend_on_the_bulk_reads(tmp_path: Path) -> None:
    store = _store(tmp_path)
    generic = GenericReads(store.path, store.conn)
    assert _comparable(read_mentions(store)) == _comparable(read_mentions(generic))
    assert resolve(store).to_dict() == resolve(generic).to_dict()


def test_name_keys_of_distinct_names_are_the_single_keys() -> None:
    printed = ["張 建國", "张建国", "王**", "", "Ｌｉ　Ｍｉｎｇ", "張 建國"]
    keys = names.person_keys(printed)
    assert list(keys) == ["張 建國", "张建国", "王**", "", "Ｌｉ　Ｍｉｎｇ"]
    assert keys == {p: names.person_key(names.simplified(p)) for p in printed}


@pytest.mark.parametrize("code", [None, "", "91411400MA40ABCD1X", "91411400ma40abcd1x(1-4)",
                                  "９１４１１４００ＭＡ４０ＡＢＣＤ１Ｘ", "410502000012345",
                                  "914105******", "9141050×××××××××××", "91411400MA40ABCD1X(*)"])
def test_codes_are_the_three_code_readings(code: str | None) -> None:
    assert names.codes(code) == (names.uscc_key(code), names.registration_number(code),
                                 names.code_fragment(code))
    assert names.codes(code, "410502000099999")[1] == "410502000099999"


def test_namesakes_keep_only_names_printed_twice(tmp_path: Path) -> None:
    m = read_mentions(_store(tmp_path))
    kept = namesakes([p for p in m.person_list if not p.masked])
    assert {p.key for p in kept} == {"孔龙", "李强", "王卫东"}
    assert kept == sorted(kept, key=lambda p: p.id)
