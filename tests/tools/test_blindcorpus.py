"""The blind corpus (tools/blindcorpus) builds a small world deterministically and consistently."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tools.blindcorpus.build import write
from tools.blindcorpus.people import USCC_CHARS, USCC_WEIGHTS, uscc


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("blind")
    return out, write(11, out, 160)


def test_same_seed_same_bytes(world: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    out, truth = world
    again = write(11, tmp_path, 160)
    assert again == truth
    for case in truth["cases"]:
        assert (tmp_path / case["file"]).read_bytes() == (out / case["file"]).read_bytes()
    assert (tmp_path / "registry.csv").read_bytes() == (out / "registry.csv").read_bytes()


def test_another_seed_another_world(world: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    assert write(12, tmp_path, 160)["cases"] != world[1]["cases"]


def test_truth_is_consistent(world: tuple[Path, dict[str, Any]]) -> None:
    out, truth = world
    on_disk = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    assert on_disk["rings"] == truth["rings"]
    files = {c["file"] for c in truth["cases"]}
    assert all((out / f).is_file() for f in files)
    printed = {c["printed_case_number"] for c in truth["cases"]}
    for ring in truth["rings"]:
        assert set(ring["case_numbers"]) <= printed
    assert set(truth["sham_case_numbers"]) <= printed
    groups = {c["group"] for c in truth["cases"]}
    assert {"ring", "decoy", "background"} <= groups
    assert all(c["mentions"] for c in truth["cases"])


def test_uscc_check_character() -> None:
    import random

    code = uscc(random.Random(3), "410502")
    total = sum(USCC_CHARS.index(ch) * w for ch, w in zip(code[:17], USCC_WEIGHTS, strict=True))
    assert (total + USCC_CHARS.index(code[17])) % 31 == 0
