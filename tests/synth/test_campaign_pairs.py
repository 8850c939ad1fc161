"""Pairs of genuine suits drafted together: a legal-aid campaign or a local 补缴 window."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from tests.synth.conftest import World


def _date(text: str) -> dt.date:
    parts = [int(x) for x in text.split("-")] + [1, 1]
    return dt.date(*parts[:3])


def _pairs(world: World) -> list[list[tuple[dict[str, Any], dict[str, Any]]]]:
    """(truth entry, record) of each pair's suits, by the employer's true identity."""
    groups: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = defaultdict(list)
    for case in world.cases("campaign_pair"):
        [employer] = {m["entity"] for m in case["mentions"]
                      if m["role"] == "party" and m["side"] == "employer"}
        groups[employer].append((case, world.record(case)))
    return list(groups.values())


def test_a_campaign_pair_looks_drafted_together_and_is_genuine(varied: World) -> None:
    pairs = _pairs(varied)
    assert pairs and all(2 <= len(p) <= 3 for p in pairs)
    assert all(c["group"] == "decoy" and c["ring_id"] is None
               for c in varied.cases("campaign_pair"))
    aid = 0
    for pair in pairs:
        records = [r for _c, r in pair]
        filed = sorted(_date(r["filing_date"]) for r in records if r.get("filing_date"))
        assert not filed or (filed[-1] - filed[0]).days <= 7  # one week
        assert len({r["decision_date"] for r in records}) == 1  # one session
        ends = sorted(_date(r["claimed_end"]) for r in records)
        assert (ends[-1] - ends[0]).days > 365  # their jobs ended apart
        counsel = [{m["entity"] for m in c["mentions"] if m["role"] == "agent"
                    and m["side"] == "worker"} for c, _r in pair]
        assert set.intersection(*counsel), "one lawyer for all of them"
        clerks = [{m["entity"] for m in c["mentions"] if m["role"] == "agent"
                   and m["side"] == "employer"} for c, _r in pair]
        assert len(set().union(*clerks)) <= 1, "one clerk for the firm, when it sends one"
        aid += any(a.get("kind") == "legal_aid" for r in records for a in r.get("agents", []))
        assert all(r["defendant_response"] in ("admits", "no_objection", "unknown")
                   or r["outcome"] == "mediated" for r in records)
    assert 0 < aid < len(pairs) or len(pairs) < 4


def test_campaign_pairs_only_in_varied_worlds(tmp_path: Any) -> None:
    from ringtrace.synth.variation import draw
    assert "campaign_pair" not in dict(draw(5, 0.0).decoy_shares)
    assert dict(draw(5, 1.0).decoy_shares)["campaign_pair"] > 0


def test_some_rings_send_their_buyers_to_legal_aid(varied: World, half_varied: World) -> None:
    """Legal aid is no ring-free sign: a few rings' suits come with an assigned lawyer, so the
    pair links' legal-aid excuse has a cost the evaluation can see."""
    aided = [c for world in (varied, half_varied) for c in world.cases(group="ring")
             if any(a.get("kind") == "legal_aid" for a in world.record(c).get("agents", []))]
    assert aided
