"""Detection figures against a truth: ring recall per planted size band."""

from __future__ import annotations

from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries.evaluate import evaluate, load_truth
from tests.scanned_province import ScannedProvince


def test_a_ring_none_of_whose_cases_was_read_counts_in_its_planted_band(
        scanned_province: ScannedProvince) -> None:
    """A planted ring of six cases that the store never received is a miss of the 5-9 band,
    not of the two-case band (its size is the truth's, not what was found)."""
    truth = load_truth(scanned_province.truth)
    with SQLiteStore.open(scanned_province.workspace) as store:
        before = evaluate(store, truth)
        unread: list[dict[str, object]] = [
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
