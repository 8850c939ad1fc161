"""FollowTheMoney entities: valid against the FtM model, references resolved, cases sourced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from followthemoney import model

from ringtrace.export.ftm import write_ftm
from ringtrace.export.rings import ring_exports
from ringtrace.graph.store.sqlite import SQLiteStore


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.mark.parametrize("unmask", [False, True])
def test_entities_validate_and_reference_each_other(ring_store: SQLiteStore, tmp_path: Path,
                                                    unmask: bool) -> None:
    rings = ring_exports(ring_store, unmask=unmask)
    counts = write_ftm(rings, tmp_path / "ring.ftm.json")
    entities = _read(tmp_path / "ring.ftm.json")
    ids = {e["id"] for e in entities}
    assert len(ids) == len(entities) == sum(counts.values())
    for entity in entities:
        proxy = model.get_proxy(entity, cleaned=False)  # cleans every value again
        assert proxy.to_dict()["properties"] == entity["properties"], entity
        assert proxy.schema.name == entity["schema"]
        for prop in proxy.schema.properties.values():
            if prop.type.name == "entity":
                assert set(proxy.get(prop)) <= ids, (entity, prop.name)
        assert any(v.startswith("来源案号：") for v in proxy.get("description")), entity
    ring = rings[0]
    assert counts["CourtCase"] == len(ring.cases)
    assert counts["Employment"] == len(ring.cases)  # one claimed relationship per case
    assert counts["Representation"] == len(ring.cases)  # the agent, for each applicant
    cases = {e["properties"]["caseNumber"][0] for e in entities if e["schema"] == "CourtCase"}
    assert cases == {c.case_number for c in ring.cases}
    phones = sorted(p for e in entities for p in e["properties"].get("phone", []))
    # the agent's mobile and the employer's registry landline, in full only when unmasked
    assert phones == (["+8613812345678", "+863725551234"] if unmask else [])


def test_ids_are_stable_across_exports(ring_store: SQLiteStore, tmp_path: Path) -> None:
    write_ftm(ring_exports(ring_store), tmp_path / "a.json")
    write_ftm(ring_exports(ring_store), tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
