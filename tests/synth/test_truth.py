"""truth.json: every document, every printed name and the true identity behind it."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from ringtrace.graph.identity import normalize_case_number
from ringtrace.synth import generate
from tests.synth.conftest import Province, World, document_text, registry_field, registry_rows


def _masked(name: str) -> bool:
    return any(mark in name for mark in ("*", "某", "X"))


def test_every_record_and_document_has_an_entry(varied: World) -> None:
    lines = {c["line"] for c in varied.truth["cases"]}
    assert lines == set(range(len(varied.records)))
    files = [c["file"] for c in varied.truth["cases"]]
    assert len(files) == len(set(files)) and all(files)
    retrials = [r["file"] for key in ("retrials", "control_retrials")
                for r in varied.truth[key]]
    assert varied.truth["retrials"] and varied.truth["control_retrials"]
    assert not set(retrials) & set(files) and len(set(retrials)) == len(retrials)
    assert {p.name for p in (varied.root / "documents").iterdir()} == \
        {Path(f).name for f in files + retrials}
    for case in varied.truth["cases"]:
        assert case["group"] in ("ring", "decoy", "background") and case["kind"]
        assert (case["ring_id"] is not None) == (case["group"] == "ring")
        assert case["forum"] == varied.record(case)["forum"]


def test_every_printed_mention_is_in_its_document(varied: World) -> None:
    checked = 0
    for case in varied.truth["cases"]:
        text = document_text(varied.root / case["file"])
        for mention in case["mentions"]:
            assert mention["printed"] in text, (case["file"], mention)
            checked += 1
        if case["case_number"]:
            assert case["case_number"] in text, case["file"]
    assert checked > 4 * len(varied.truth["cases"])


def test_ring_cases_are_marked(varied: World) -> None:
    sham = {normalize_case_number(n) for n in varied.truth["sham_case_numbers"]}
    marked = {normalize_case_number(varied.record(c)["case_number"])
              for c in varied.cases(group="ring")}
    assert marked == sham
    ring_ids = {r["ring_id"] for r in varied.truth["rings"]}
    assert {c["ring_id"] for c in varied.cases(group="ring")} == ring_ids


def test_entity_keys_are_consistent_across_cases(varied: World) -> None:
    births: dict[str, set[str]] = defaultdict(set)
    codes: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, set[str]] = defaultdict(set)
    for case in varied.cases():
        record = varied.record(case)
        parties = {p["name"]: p for p in record["parties"]}
        for mention in case["mentions"]:
            key = mention["entity"]
            assert key[:2] in ("P:", "E:")
            kinds[key].add("person" if mention["role"] in ("agent", "legal_rep") or (
                mention["role"] == "party" and mention["side"] == "worker") else "org")
            party = parties.get(mention["printed"])
            if mention["role"] != "party" or party is None or _masked(mention["printed"]):
                continue
            if party.get("birth_date"):
                births[key].add(party["birth_date"])
            if party.get("uscc"):
                codes[key].add(party["uscc"])
    assert all(len(v) == 1 for v in kinds.values())
    assert {k[:2] for k, v in kinds.items() if v == {"person"}} == {"P:"}
    assert births and all(len(v) == 1 for v in births.values())  # one person, one birthday
    assert codes and all(len(v) == 1 for v in codes.values())


def test_names_are_not_identities(varied: World) -> None:
    keys: dict[str, set[str]] = defaultdict(set)
    for case in varied.cases():
        for mention in case["mentions"]:
            if mention["entity"].startswith("P:") and not _masked(mention["printed"]):
                keys[mention["printed"]].add(mention["entity"])
    namesakes = [name for name, found in keys.items() if len(found) > 1]
    assert len(namesakes) > 20  # different people, same printed name


def test_a_ring_operative_has_one_key_however_printed(varied: World) -> None:
    for ring in varied.truth["rings"]:
        agents = set(ring["agents"])
        found: dict[str, set[str]] = defaultdict(set)
        for case in varied.cases():
            if case["ring_id"] != ring["ring_id"]:
                continue
            for mention in case["mentions"]:
                if mention["role"] == "agent" and mention["printed"] in agents:
                    found[mention["printed"]].add(mention["entity"])
        assert all(len(keys) == 1 for keys in found.values()), ring["ring_id"]


def test_registry_rows_carry_their_firm(varied: World) -> None:
    rows = registry_rows(varied.root)
    entries = varied.truth["registry"]
    assert [e["row"] for e in entries] == list(range(len(rows)))
    for entry, row in zip(entries, rows, strict=True):
        assert entry["printed"] == registry_field(row, "name")
        assert entry["entity"].startswith("E:")
    employers = {m["entity"] for c in varied.cases() for m in c["mentions"]
                 if m["role"] == "party" and m["side"] == "employer"}
    listed = {e["entity"] for e in entries}
    assert 0.5 < len(employers & listed) / len(employers) < 1.0  # coverage below 1


@pytest.mark.parametrize("texts", [False, True])
def test_level_zero_truth_names_every_mention(tmp_path: Path, texts: bool) -> None:
    generate(tmp_path, seed=4, cases=150, texts=texts)
    world = World(tmp_path)
    assert len(world.truth["cases"]) == 150 == world.truth["case_count"]
    for case in world.truth["cases"]:
        record = world.record(case)
        assert case["case_number"] == record["case_number"]
        names = {m["printed"] for m in case["mentions"]}
        assert {p["name"] for p in record["parties"]} <= names
        assert {a["name"] for a in record.get("agents", [])} <= names
        assert (case["file"] is not None) == texts


def test_the_session_province_has_truth_for_every_line(province: Province) -> None:
    assert len(province.truth["cases"]) == len(province.records)
