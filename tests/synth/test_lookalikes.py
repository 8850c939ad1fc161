"""The look-alikes and ring typologies of varied worlds look like what they are."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from typing import Any

from ringtrace.synth.lookalikes import LOOKALIKE_KINDS
from ringtrace.synth.typologies import NEW_TYPOLOGIES
from tests.synth.conftest import World, document_text, registry_field, registry_rows

GROUP_KINDS = ("supported_suit", "closing_firm_staff", "young_firm_closure",
               "factory_closure_group")


def _employer(case: dict[str, Any]) -> str:
    # "" for a copy that prints no employer (a repost starting at the story)
    return next((m["entity"] for m in case["mentions"]
                 if m["role"] == "party" and m["side"] == "employer"), "")


def _groups(world: World, kind: str) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for case in world.cases(kind):
        groups[_employer(case)].append(world.record(case))
    return groups


def _date(text: str) -> dt.date:
    parts = [int(x) for x in text.split("-")] + [1, 1]
    return dt.date(*parts[:3])


def test_every_new_kind_and_typology_occurs(varied: World) -> None:
    kinds = Counter(c["kind"] for c in varied.cases(group="decoy"))
    assert set(LOOKALIKE_KINDS) <= set(kinds)
    typologies = {r["typology"] for r in varied.truth["rings"]}
    assert set(NEW_TYPOLOGIES) <= typologies
    assert {d["kind"] for d in varied.truth["decoys"]} >= set(LOOKALIKE_KINDS)


def test_lookalikes_pass_the_published_screening_rules(varied: World) -> None:
    """Small employers, bursts, no objection: what makes them look-alikes."""
    for kind in LOOKALIKE_KINDS:
        records = [varied.record(c) for c in varied.cases(kind)]
        quiet = sum(r["defendant_response"] in ("admits", "no_objection", "absent", "unknown")
                    or r["outcome"] == "mediated" for r in records)
        assert quiet > 0.6 * len(records), kind
        days = Counter((_employer(c), varied.record(c).get("filing_date"))
                       for c in varied.cases(kind))
        assert max(days.values()) >= 3, kind  # a burst: three or more filed on one day


def test_closing_firms_lay_off_across_a_month_boundary(varied: World) -> None:
    groups = [g for g in _groups(varied, "closing_firm_staff").values() if len(g) >= 2]
    assert groups
    for records in groups:
        ends = sorted(_date(r["claimed_end"]) for r in records)
        assert len({(d.year, d.month) for d in ends}) >= 2  # straddles a month boundary
        assert (ends[-1] - ends[0]).days <= 45  # several weeks, not years
    partial = [r for g in groups for r in g if any(
        "无异议，但" in s["text"] for s in r["spans"] if s["kind"] == "defendant_response")]
    assert partial


def test_young_firms_have_short_tenures_starting_close_together(varied: World) -> None:
    groups = [g for g in _groups(varied, "young_firm_closure").values() if len(g) >= 3]
    assert groups
    for records in groups:
        spans = [(_date(r["claimed_end"]) - _date(r["claimed_start"])).days / 365.25
                 for r in records]
        assert all(0.4 < s <= 6.1 for s in spans)
        starts = sorted(_date(r["claimed_start"]) for r in records)
        assert (starts[len(starts) // 2] - starts[0]).days < 4 * 365


def test_dormant_collectives_admit_from_archives_until_closure(varied: World) -> None:
    rows = registry_rows(varied.root)
    by_entity = {e["entity"]: rows[e["row"]] for e in varied.truth["registry"]}
    groups = _groups(varied, "dormant_collective")
    assert groups
    typed = 0
    for entity, records in groups.items():
        ends = Counter(r["claimed_end"][:4] for r in records)  # precision varies per case
        assert ends.most_common(1)[0][1] >= 0.5 * len(records)  # the closure year
        texts = " ".join(s["text"] for r in records for s in r["spans"])
        assert re.search("档案|招工登记表|工资发放表|职工花名册", texts)
        row = by_entity.get(entity)
        if row is not None:
            typed += registry_field(row, "type") in ("集体所有制", "全民所有制")
            assert registry_field(row, "headcount") in (0, "0", "", "-", None)
            assert registry_field(row, "founded").year < 1990
    assert typed


def test_supported_suits_name_their_supporter(varied: World) -> None:
    cases = varied.cases("supported_suit")
    assert cases
    for case in cases:
        supporters = [m for m in case["mentions"] if m["role"] == "supporter"]
        if case.get("layout", {}).get("starts_at") == "story" and not supporters:
            continue  # a repost that starts after the party block may not name it
        assert len(supporters) == 1 and supporters[0]["side"] == "other"
        name = supporters[0]["printed"]
        assert name.endswith(("人民检察院", "人民檢察院", "总工会", "總工會", "法律援助中心",
                              "法律援助中心")), name
        record = varied.record(case)
        assert record["forum_kind"] == "court"
        assert any("支持" in s["text"] for s in record["spans"] if s["kind"] == "other")
    lines = [c for c in cases if c["file"] and re.search(
        "支持起诉(机关|单位)[：:]", document_text(varied.root / c["file"]))]
    assert lines  # in the party block, as 支持起诉机关：…人民检察院


def test_genuine_groups_claim_money_far_more_often_than_rings(varied: World) -> None:
    def money_share(cases: list[dict[str, Any]]) -> float:
        records = [varied.record(c) for c in cases]
        return sum(r["claim_kind"] == "with_amounts" for r in records) / len(records)

    genuine = money_share([c for k in GROUP_KINDS for c in varied.cases(k)])
    sham = money_share(varied.cases(group="ring"))
    assert genuine > 0.45 and genuine > 3 * sham
    assert sham > 0  # a token amount is no free pass
    tokens = [a for c in varied.cases(group="ring")
              for a in varied.record(c).get("claim_amounts", [])]
    assert tokens and max(tokens) <= 6000


def test_mediation_short_statements_are_bare(varied: World) -> None:
    cases = varied.cases("mediation_short")
    assert cases
    for case in cases:
        record = varied.record(case)
        assert record["outcome"] == "mediated"
        assert {s["kind"] for s in record["spans"]} <= {"outcome", "other"}
        if case["file"]:
            # stray spaces and line breaks (space_noise, linebreak_noise) may fall inside words
            text = re.sub(r"\s", "", document_text(varied.root / case["file"]))
            assert not re.search("辩称|辯稱|诉称|訴稱", text)
            assert re.search("自愿达成如下协议|自願達成如下協議", text)


def test_before_founding_rings_claim_years_the_employer_did_not_exist(varied: World) -> None:
    rows = registry_rows(varied.root)
    founded = {e["entity"]: registry_field(rows[e["row"]], "founded")
               for e in varied.truth["registry"]}
    before = checked = 0
    for case in varied.cases("before_founding_lawyers"):
        record = varied.record(case)
        day = founded.get(_employer(case))
        if day is None or record["procedure"] == "二审":
            continue
        checked += 1
        before += _date(record["claimed_start"]) < day
        kinds = {a["kind"] for a in record.get("agents", [])
                 if record["parties"][0]["name"] in a["represents"]}
        assert kinds <= {"lawyer", "intern", "other"}  # lawyers (or bare names), no relatives
    assert checked and before == checked


def test_small_related_rings_are_families_of_one_village(varied: World) -> None:
    rings = [r for r in varied.truth["rings"] if r["typology"] == "small_related"]
    assert rings and all(2 <= len(r["applicants"]) <= 4 for r in rings)
    for ring in rings:
        records = [varied.record(c) for c in varied.cases() if c["ring_id"] == ring["ring_id"]]
        workers = [p for r in records for p in r["parties"] if p["side"] == "worker"]
        surnames = Counter(w["name"][0] for w in workers)
        villages = Counter(w["address"].split("村")[0] for w in workers
                           if "村" in w.get("address", ""))
        assert max(surnames.values()) >= 2 or (villages and max(villages.values()) >= 2)


def test_rings_show_each_sham_signal_only_where_the_world_says_so() -> None:
    """A ring's sham signals follow the world's probabilities: forced on, they vary the
    lengths, spread the filings, slow the decisions and cite forged wage sheets."""
    from dataclasses import replace

    from ringtrace.synth.rings import make_ring
    from ringtrace.synth.rng import Rng
    from ringtrace.synth.typologies import TYPOLOGIES
    from ringtrace.synth.variation import DEFAULT, draw
    from ringtrace.synth.world import World as SynthWorld

    def ring(var: Any) -> list[Any]:
        world = SynthWorld(3, var)
        built = make_ring(world, Rng("3:test-ring"), "ring-0001",
                          TYPOLOGIES["arbitration_batch"], 60)
        return [p for p in built.plans if p.procedure == "仲裁"]

    forced = replace(draw(3, 1.0), ring_varied_lengths=1.0, ring_spread_in_time=1.0,
                     ring_slow_share=1.0, ring_forged_payroll=1.0)
    for var, varied in ((DEFAULT, False), (forced, True)):
        plans = ring(var)
        years = [(p.claimed_end - p.claimed_start).days / 365.25 for p in plans]
        near_fifteen = sum(13.5 <= y < 17.6 for y in years) / len(years)
        days = Counter(p.filing for p in plans)
        waits = [(p.decision - p.filing).days for p in plans]
        forged = sum(p.evidence in ("payroll", "roster") for p in plans) / len(plans)
        if varied:
            assert near_fifteen < 0.45 and max(days.values()) <= 3
            assert sum(w > 30 for w in waits) > 0.5 * len(waits) and forged > 0.6
        else:
            assert near_fifteen > 0.5 and max(days.values()) >= 3
            assert max(waits) <= 30
