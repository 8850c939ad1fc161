"""Detection figures against a truth: ring recall per planted size band, false rings."""

from __future__ import annotations

from collections import Counter

from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries.evaluate import FalseRing, evaluate, load_truth
from ringtrace.queries.truth_json import TruthCaseJson
from tests.scanned_province import ScannedProvince


def test_a_ring_none_of_whose_cases_was_read_counts_in_its_planted_band(
        scanned_province: ScannedProvince) -> None:
    """A planted ring of six cases that the store never received is a miss of the 5-9 band,
    not of the two-case band (its size is the truth's, not what was found)."""
    truth = load_truth(scanned_province.truth)
    with SQLiteStore.open(scanned_province.workspace) as store:
        before = evaluate(store, truth)
        unread: list[TruthCaseJson] = [
            {"file": None, "line": -1, "case_number": f"未入库〔2020〕{n}号", "forum": "",
             "group": "ring", "kind": "tiny", "ring_id": "ring-unread", "mentions": []}
            for n in range(6)]
        after = evaluate(store, {**truth, "cases": [*truth["cases"], *unread]})
    assert after.rings_planted == before.rings_planted + 1
    assert after.ring_recall_by_size["2"] == before.ring_recall_by_size["2"]
    five_nine = before.ring_recall_by_size["5-9"]
    assert five_nine is not None and after.ring_recall_by_size["5-9"] is not None
    assert after.ring_recall_by_size["5-9"] < five_nine
    assert after.unmatched_truth_cases == before.unmatched_truth_cases + 6


def test_a_reported_ring_of_no_planted_ring_is_described_as_a_false_ring(
        scanned_province: ScannedProvince) -> None:
    """The largest planted ring, relabelled as background: the ring reported for it matches no
    planted ring and is described by what its cases are (``--json``: a plain mapping)."""
    truth = load_truth(scanned_province.truth)
    sizes = Counter(c["ring_id"] for c in truth["cases"] if c["group"] == "ring")
    largest = max(sizes, key=lambda r: (sizes[r], r))
    relabelled = [_background(c) if c.get("ring_id") == largest else c for c in truth["cases"]]
    with SQLiteStore.open(scanned_province.workspace) as store:
        before = evaluate(store, truth)
        after = evaluate(store, {**truth, "cases": relabelled})
    [new] = [f for f in after.false_rings if f not in before.false_rings]
    assert isinstance(new, FalseRing) and new.cases >= sizes[largest] // 2
    assert new.made_of["background:relabelled"] * 2 >= new.cases
    shown = after.to_dict()["false_rings"]
    assert shown[after.false_rings.index(new)] == {
        "ring_id": new.ring_id, "cases": new.cases, "made_of": new.made_of,
        "planted_rings": new.planted_rings}


def _background(case: TruthCaseJson) -> TruthCaseJson:
    moved = case.copy()
    moved["group"], moved["kind"], moved["ring_id"] = "background", "relabelled", None
    return moved
