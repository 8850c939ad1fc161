"""A ring read for export: masked ids and values, and every item's source case numbers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from ringtrace.export.rings import RingExport, merged_graph, ring_exports
from ringtrace.graph.audit import read_audit
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.viz.pack_data import pack_data
from tests.conftest import legit_case, sham_case
from tests.scanned_province import run

PHONE = sham_case(0, "x", "1970-01-01")["agents"][0]["phone"]


def _text(ring: RingExport) -> str:
    graph = ring.graph
    return json.dumps([list(graph.nodes(data=True)), list(graph.edges(keys=True, data=True))],
                      ensure_ascii=False, default=str)


def test_one_ring_with_its_cases_members_and_facts(ring_store: SQLiteStore) -> None:
    [ring] = ring_exports(ring_store)
    pack = pack_data(ring_store, ring.ring_id)
    assert ring.ring_id == pack["ring_id"]
    assert [c.case_number for c in ring.cases] == [c["case_number"] for c in pack["cases"]]
    assert ring.applicants == len(pack["applicants"]) == 5
    assert ring.intermediaries == ("王建国",)
    assert ring.exposure_yuan == pack["exposure"]["amount_yuan"] > 0
    assert ring.snapshot == pack["scan"]["snapshot"]
    assert {c.applicants for c in ring.cases} == {(a["name"],) for a in pack["applicants"]}
    # every quoted span of every case is there, with the case it comes from
    quoted = {(c["case_number"], s["text"]) for c in pack["cases"] for s in c["spans"]}
    assert quoted <= {(e.case_number, e.text) for e in ring.evidence}


def test_every_item_names_its_source_cases(ring_store: SQLiteStore) -> None:
    [ring] = ring_exports(ring_store)
    numbers = {c.case_number for c in ring.cases}
    for _, data in ring.graph.nodes(data=True):
        assert data["case_numbers"] and set(data["case_numbers"]) <= numbers, data
        assert data["rings"] == [ring.ring_id]
    for _, _, data in ring.graph.edges(data=True):
        assert data["case_numbers"] and set(data["case_numbers"]) <= numbers, data
    cases = [d for _, d in ring.graph.nodes(data=True) if d["role"] == "case"]
    assert len(cases) == len(ring.cases)
    assert all(d["case_numbers"] == [d["case_number"]] and d["spans"] for d in cases)
    # an applicant is in one case, the agent in all five
    roles = {d["role"]: d for _, d in ring.graph.nodes(data=True)}
    assert len(roles["applicant"]["case_numbers"]) == 1
    assert set(roles["agent"]["case_numbers"]) == numbers


def test_masked_by_default_unmasked_on_request(ring_store: SQLiteStore) -> None:
    [masked] = ring_exports(ring_store)
    assert masked.masked
    assert not any(str(n).startswith(("Person:", "Identifier:")) for n in masked.graph)
    assert PHONE not in _text(masked)
    assert "1970-01-01" not in _text(masked)  # the agent's birth date keeps its year only
    [full] = ring_exports(ring_store, unmask=True)
    assert not full.masked
    assert any(str(n).startswith("Person:") for n in full.graph)
    assert PHONE in _text(full)
    assert masked.graph.number_of_nodes() == full.graph.number_of_nodes()


def test_merged_graph_keeps_shared_nodes_once(ring_store: SQLiteStore) -> None:
    [ring] = ring_exports(ring_store)
    both = merged_graph([ring, ring])
    assert both.number_of_nodes() == ring.graph.number_of_nodes()
    assert both.number_of_edges() == ring.graph.number_of_edges()
    assert both.graph["rings"] == [ring.ring_id, ring.ring_id]
    assert both.graph["masked"] is True


def test_manifest_of_a_pack_that_exists_for_this_snapshot(ring_workspace: Path,
                                                          tmp_path: Path) -> None:
    workspace = shutil.copytree(ring_workspace, tmp_path / "ws")

    def exported() -> RingExport:
        with SQLiteStore.open(workspace, create=False) as store:
            [ring] = ring_exports(store, audit=read_audit(workspace))
        return ring

    assert exported().manifest_sha256 is None
    out = json.loads(run(workspace, "pack", "1", "--out", str(tmp_path / "pack"), "--json"))
    assert exported().manifest_sha256 == out["manifest_sha256"]
    (tmp_path / "pack" / "manifest.json").write_text("{}", "utf-8")  # altered: not that pack
    assert exported().manifest_sha256 is None
    out = json.loads(run(workspace, "pack", "1", "--out", str(tmp_path / "pack2"), "--json"))
    assert exported().manifest_sha256 == out["manifest_sha256"]
    more = tmp_path / "more.jsonl"  # new data, a new snapshot: the pack describes the old one
    more.write_text(json.dumps(legit_case(9, "赵志刚", "1982-02-02"), ensure_ascii=False) + "\n",
                    "utf-8")
    run(workspace, "ingest", str(more))
    run(workspace, "scan")
    assert exported().manifest_sha256 is None
