"""A mid-size synthetic province generated once per session for the synth tests."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest

from ringtrace.graph.identity import normalize_case_number
from ringtrace.synth import SynthSummary, generate

SEED = 11
CASES = 6000


@dataclass
class Province:
    root: Path
    summary: SynthSummary

    @cached_property
    def truth(self) -> dict[str, Any]:
        return json.loads((self.root / "truth.json").read_text(encoding="utf-8"))

    @cached_property
    def records(self) -> list[dict[str, Any]]:
        with (self.root / "cases.jsonl").open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh]

    @cached_property
    def by_number(self) -> dict[str, dict[str, Any]]:
        return {normalize_case_number(r["case_number"]): r for r in self.records}

    @cached_property
    def sham(self) -> set[str]:
        return {normalize_case_number(n) for n in self.truth["sham_case_numbers"]}

    @cached_property
    def decoys(self) -> dict[str, str]:
        return {normalize_case_number(d["case_number"]): d["kind"] for d in self.truth["decoys"]}


@pytest.fixture(scope="session")
def province(tmp_path_factory: pytest.TempPathFactory) -> Province:
    root = tmp_path_factory.mktemp("synth") / "province"
    return Province(root, generate(root, seed=SEED, cases=CASES))
