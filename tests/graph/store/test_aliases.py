"""Former names (曾用名) as aliases: one company's old name folds its documents into it, but
never folds another registered company that holds that name now."""

from __future__ import annotations

from pathlib import Path

import pytest

from ringtrace.graph.build import registry_batch
from ringtrace.graph.elements import GraphBatch, Node
from ringtrace.graph.props import NodeProps
from ringtrace.graph.records import RegistryRecord
from ringtrace.graph.store.sqlite import SQLiteStore

RENAMED = RegistryRecord(name="安阳市恒达劳务有限公司", uscc="91410502MA3X5Y0K2B",
                         former_names=["安阳市兴旺劳务有限公司"], founded="2008-03-01")
HOLDER = RegistryRecord(name="安阳市兴旺劳务有限公司", uscc="91410503MA40ABCD1X",
                        founded="2019-06-01", insured_headcount=3)


def _employers(store: SQLiteStore) -> dict[str, NodeProps]:
    return {n.id: n.props for n in store.iter_nodes("Employer")}


@pytest.mark.parametrize("order", [(RENAMED, HOLDER), (HOLDER, RENAMED)],
                         ids=["renamed first", "holder first"])
def test_a_former_name_held_by_another_registered_company_folds_nothing(
        tmp_path: Path, order: tuple[RegistryRecord, RegistryRecord]) -> None:
    with SQLiteStore.open(tmp_path) as store:
        for record in order:
            store.write_batch(registry_batch(record))
        employers = _employers(store)
    assert set(employers) == {"Employer:安阳市恒达劳务有限公司", "Employer:安阳市兴旺劳务有限公司"}
    assert employers["Employer:安阳市兴旺劳务有限公司"]["uscc"] == HOLDER.uscc
    assert employers["Employer:安阳市恒达劳务有限公司"]["uscc"] == RENAMED.uscc


def test_the_same_company_under_its_old_and_new_name_is_one_node(tmp_path: Path) -> None:
    old_row = RegistryRecord(name="安阳市兴旺劳务有限公司", uscc=RENAMED.uscc,
                             founded="2008-03-01")
    with SQLiteStore.open(tmp_path) as store:
        store.write_batch(registry_batch(old_row))
        store.write_batch(registry_batch(RENAMED))
        employers = _employers(store)
    assert list(employers) == ["Employer:安阳市恒达劳务有限公司"]


def test_a_name_only_documents_used_still_folds_into_the_renamed_company(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as store:
        store.write_batch(GraphBatch(nodes=[Node("Employer:安阳市兴旺劳务有限公司", "Employer",
                                                 {"name": "安阳市兴旺劳务有限公司"})]))
        store.write_batch(registry_batch(RENAMED))
        assert list(_employers(store)) == ["Employer:安阳市恒达劳务有限公司"]


def test_without_usccs_a_different_founding_date_still_tells_two_companies_apart(
        tmp_path: Path) -> None:
    renamed = RegistryRecord(name=RENAMED.name, former_names=RENAMED.former_names,
                             founded="2008-03-01")
    holder = RegistryRecord(name=HOLDER.name, founded="2019-06-01")
    with SQLiteStore.open(tmp_path / "apart") as store:
        store.write_batch(registry_batch(renamed))
        store.write_batch(registry_batch(holder))
        assert len(_employers(store)) == 2
    undated = RegistryRecord(name=HOLDER.name)  # nothing to tell: an older row of one company
    with SQLiteStore.open(tmp_path / "one") as store:
        store.write_batch(registry_batch(undated))
        store.write_batch(registry_batch(renamed))
        assert list(_employers(store)) == ["Employer:安阳市恒达劳务有限公司"]
