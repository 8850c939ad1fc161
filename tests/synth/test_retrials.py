"""Retrials revoking a ring's suit as a sham: documents the truth does not list."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

import ringtrace.synth as synth
from ringtrace.graph.identity import normalize_case_number
from ringtrace.loaders.judgments import parse_text
from ringtrace.synth import generate
from ringtrace.synth.variation import Variation
from tests.synth.conftest import VARIED_CASES, VARIED_SEED, World, document_text


def _extra(world: World) -> list[str]:
    """The documents that are no case of the truth: each listed under ``retrials`` or
    ``control_retrials``."""
    listed = {c["file"] for c in world.truth["cases"]}
    found = [f"documents/{p.name}" for p in sorted((world.root / "documents").iterdir())
             if f"documents/{p.name}" not in listed]
    assert found == sorted(r["file"] for key in ("retrials", "control_retrials")
                           for r in world.truth.get(key, []))
    return found


def _retrials(world: World) -> list[Path]:
    """The retrials revoking a planted suit (listed under ``retrials``)."""
    _extra(world)
    return [world.root / r["file"] for r in world.truth.get("retrials", [])]


def _controls(world: World) -> list[dict[str, str]]:
    """The retrials of genuine suits (listed under ``control_retrials``)."""
    _extra(world)
    return list(world.truth.get("control_retrials", []))


def test_a_retrial_revokes_a_planted_suit_and_reads_as_one(varied: World) -> None:
    found = _retrials(varied)
    assert found, "a world at level 1 has retrials"
    sham = {normalize_case_number(n) for n in varied.truth["sham_case_numbers"]}
    for path in found:
        record = parse_text(document_text(path), str(path)).record
        assert record is not None
        assert (record.procedure, record.outcome) == ("再审", "reversed")
        assert [s for s in record.spans if s.kind == "sham_finding"]
        [operative] = [s.text for s in record.spans if s.kind == "outcome"]
        revoked = [n for n in record.related_case_numbers
                   if normalize_case_number(n) in sham and n in operative]
        assert len(revoked) == 1, f"{path.name} revokes one planted suit by number"
        assert normalize_case_number(record.case_number or "") not in sham
        [listed] = [r for r in varied.truth["retrials"] if r["file"].endswith(path.name)]
        assert normalize_case_number(listed["revokes"]) == normalize_case_number(revoked[0])


def test_retrials_leave_the_truth_and_the_cases_unchanged(
        varied: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = synth._variation

    def without(seed: int, level: float) -> Variation:
        return dataclasses.replace(drawn(seed, level), retrial_share=0.0,
                                   control_retrial_share=0.0)

    monkeypatch.setattr(synth, "_variation", without)
    root = tmp_path / "world"
    generate(root, seed=VARIED_SEED, cases=VARIED_CASES, texts=True, variation=1.0)
    plain = World(root)
    assert _retrials(plain) == []
    assert (root / "cases.jsonl").read_bytes() == (varied.root / "cases.jsonl").read_bytes()
    assert plain.truth["retrials"] == plain.truth["control_retrials"] == []
    for key in ("rings", "decoys", "sham_case_numbers", "cases", "registry"):
        assert json.dumps(plain.truth[key]) == json.dumps(varied.truth[key]), key


def test_a_control_retrial_reviews_a_genuine_suit_and_finds_no_sham(
        varied: World, half_varied: World) -> None:
    controls = _controls(varied) + _controls(half_varied)
    assert {c["kind"] for c in controls} == {"upheld", "procedural", "amount", "remand"}
    for world in (varied, half_varied):
        sham = {normalize_case_number(n) for n in world.truth["sham_case_numbers"]}
        # the canonical numbers (cases.jsonl) of the genuine suits: a copy may print another
        genuine = {normalize_case_number(world.record(c)["case_number"]) for c in world.cases()
                   if c["group"] != "ring"}
        for listed in _controls(world):
            path = world.root / listed["file"]
            record = parse_text(document_text(path), str(path)).record
            assert record is not None
            reviewed = normalize_case_number(listed["reviews"])
            assert reviewed in genuine and reviewed not in sham
            assert record.procedure == "再审"
            expected = "upheld" if listed["kind"] == "upheld" else "reversed"
            assert record.outcome == expected, (path.name, listed["kind"])
            assert not [s for s in record.spans if s.kind == "sham_finding"], path.name
            assert reviewed in {normalize_case_number(n) for n in record.related_case_numbers}


def test_control_retrials_leave_the_cases_and_the_sham_retrials_unchanged(
        varied: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = synth._variation

    def without(seed: int, level: float) -> Variation:
        return dataclasses.replace(drawn(seed, level), control_retrial_share=0.0)

    monkeypatch.setattr(synth, "_variation", without)
    root = tmp_path / "world"
    generate(root, seed=VARIED_SEED, cases=VARIED_CASES, texts=True, variation=1.0)
    plain = World(root)
    assert plain.truth["control_retrials"] == []
    assert (root / "cases.jsonl").read_bytes() == (varied.root / "cases.jsonl").read_bytes()
    texts = sorted((root / r["file"]).read_bytes() for r in plain.truth["retrials"])
    assert texts == sorted((varied.root / r["file"]).read_bytes()
                           for r in varied.truth["retrials"])
