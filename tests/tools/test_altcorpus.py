"""The independent corpus generator: deterministic per seed, writes every file its truth names,
and its truth is consistent with what the documents print."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tools.altcorpus.build import write
from tools.altcorpus.world import USCC_CHARS, World, uscc


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("alt")
    return out, write(3, out)


def _text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def test_same_seed_same_bytes(corpus: tuple[Path, dict], tmp_path: Path) -> None:
    out, truth = corpus
    again = write(3, tmp_path)
    assert again == truth
    for case in truth["cases"][:40]:
        assert (tmp_path / case["file"]).read_bytes() == (out / case["file"]).read_bytes()
    assert (tmp_path / "registry.csv").read_bytes() == (out / "registry.csv").read_bytes()


def test_another_seed_another_corpus(corpus: tuple[Path, dict], tmp_path: Path) -> None:
    assert write(4, tmp_path)["cases"] != corpus[1]["cases"]


def test_every_named_file_is_written(corpus: tuple[Path, dict]) -> None:
    out, truth = corpus
    files = [c["file"] for c in truth["cases"]]
    assert len(files) == len(set(files))
    assert all((out / f).is_file() for f in files)
    assert sorted(p.name for p in (out / "documents").iterdir()) == sorted(Path(f).name for f in files)
    assert (out / "registry.csv").is_file() and (out / "backpayments.csv").is_file()


def test_truth_is_consistent(corpus: tuple[Path, dict]) -> None:
    out, truth = corpus
    cases = truth["cases"]
    ring_cases = [c for c in cases if c["group"] == "ring"]
    assert sorted(truth["sham_case_numbers"]) == sorted(c["case_number"] for c in ring_cases)
    assert all(c["ring_id"] for c in ring_cases)
    assert all(c["ring_id"] is None for c in cases if c["group"] != "ring")
    for ring in truth["rings"]:
        members = [c for c in ring_cases if c["ring_id"] == ring["ring_id"]]
        assert sorted(ring["case_numbers"]) == sorted(c["case_number"] for c in members)
        assert {c["kind"] for c in members} == {ring["typology"]}
    assert len(truth["decoys"]) == sum(c["group"] == "decoy" for c in cases)
    assert len({c["case_number"] for c in cases}) == len(cases)  # numbers are unique
    # the full layouts print their number and forum; reposts print neither
    for c in cases:
        text = _text(out / c["file"])
        if c["layout"] in ("full", "full+gb18030"):
            assert c["case_number"] in text and c["forum"] in text
        if c["layout"].startswith("repost"):
            assert c["case_number"] not in text


def test_the_mix_real_corpora_carry(corpus: tuple[Path, dict]) -> None:
    truth = corpus[1]
    kinds = {c["kind"] for c in truth["cases"]}
    assert {"intermediary", "hr_agent", "relatives", "prefounding", "mediation"} <= kinds
    assert {"closing_layoff", "closing_longserving", "young_firm", "supported_suit", "dormant_collective",
            "restructured_soe", "one_firm_group"} <= kinds
    layouts = " ".join(truth["layouts"])
    for form in ("full", "mirror", "repost", "html", "gb18030"):
        assert form in layouts


def test_registry_spells_some_employers_otherwise(corpus: tuple[Path, dict]) -> None:
    out, truth = corpus
    registry = (out / "registry.csv").read_text("utf-8-sig")
    assert registry.splitlines()[0].startswith("天眼查")  # a title row above the header
    texts = " ".join(_text(out / c["file"]) for c in truth["cases"])
    bracketed = [line.split(",")[0] for line in registry.splitlines() if "）" in line.split(",")[0]]
    assert bracketed and not all(name in texts for name in bracketed)


def test_uscc_check_character() -> None:
    """Generated codes satisfy GB 32100's check (weights 3^i mod 31)."""
    w = World(1)
    for _ in range(50):
        code = uscc(w.rng, "410502")
        total = sum(USCC_CHARS.index(ch) * pow(3, i, 31) for i, ch in enumerate(code[:17]))
        assert code[17] == USCC_CHARS[(31 - total % 31) % 31]
        assert json.dumps(code).strip('"') == code


def test_compare_checks_every_document_and_reports_an_unread_one(tmp_path: Path) -> None:
    from tools.altcorpus.compare import compare

    truth = write(5, tmp_path)
    assert compare(tmp_path).checked["record"] == len(truth["cases"])
    victim = truth["cases"][0]
    (tmp_path / victim["file"]).write_text("此页面无法显示\n", "utf-8")  # a broken download
    tally = compare(tmp_path)
    assert tally.missed["record"] == 1
    assert tally.examples["record"][0][0] == victim["file"]
