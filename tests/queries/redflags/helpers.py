"""Build an analysis frame from a few hand-made records, for rule tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ringtrace.graph.build import case_batch, registry_batch
from ringtrace.graph.records import RegistryRecord, case_from_dict
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries.findings import Finding
from ringtrace.queries.frame import Frame, build_frame
from ringtrace.queries.redflags import RULES_BY_ID
from ringtrace.queries.rules import load_rules


def frame_of(tmp_path: Path, cases: list[dict[str, Any]],
             registry: list[RegistryRecord] = ()) -> Frame:  # type: ignore[assignment]
    with SQLiteStore.open(tmp_path / "ws") as store:
        for r in registry:
            store.write_batch(registry_batch(r))
        for c in cases:
            store.write_batch(case_batch(case_from_dict(c)))
        return build_frame(store)


def hits(frame: Frame, rule_id: str, **params: Any) -> list[Finding]:
    config = load_rules(overrides={"rules": {rule_id: params}} if params else None)
    rule = RULES_BY_ID[rule_id]
    return list(rule.run(frame, rule.params_of(config)))
