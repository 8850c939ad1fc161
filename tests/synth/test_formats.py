"""What real corpora vary, present in varied worlds: forms, layouts, script, noise, registry."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path

import pytest

from ringtrace.synth import generate
from ringtrace.synth.registry import TYC_FIELDS
from ringtrace.synth.variation import REGISTRY_FORMATS
from tests.synth.conftest import World, document_text, registry_field, registry_rows
from tests.synth.features import FEATURES, inventory, missing


def test_every_feature_occurs_at_level_one_half(half_varied: World) -> None:
    assert missing(half_varied) == []


def test_every_feature_occurs_at_level_one(varied: World) -> None:
    assert missing(varied) == []


def test_level_zero_has_none_of_the_new_features(tmp_path: Path) -> None:
    generate(tmp_path, seed=2, cases=400, texts=True)
    counts = inventory(World(tmp_path))
    new = ("mirror_blocks", "repost", "docx", "utf8_bom", "crlf", "colonless", "bare_birth",
           "traditional", "gloss", "duplicate", "masked_company", "supporter_line",
           "two_lawyers_one_line", "addressed_refusal", "rare_id_mask", "regnumber_only")
    assert {name: counts[name] for name in new} == dict.fromkeys(new, 0)
    assert set(new) <= set(FEATURES)


def test_docx_files_are_word_documents(varied: World) -> None:
    docs = [varied.root / c["file"] for c in varied.truth["cases"]
            if c["file"].endswith(".docx")]
    assert docs
    for path in docs[:20]:
        with zipfile.ZipFile(path) as archive:
            assert {"[Content_Types].xml", "_rels/.rels", "word/document.xml"} <= set(
                archive.namelist())
        assert "人民" in document_text(path) or "仲裁" in document_text(path)


def test_duplicates_are_the_same_case_in_another_form(varied: World) -> None:
    by_file = {c["file"]: c for c in varied.truth["cases"]}
    copies = [c for c in varied.truth["cases"] if c.get("duplicate_of")]
    assert copies
    for copy in copies:
        first = by_file[copy["duplicate_of"]]
        assert copy["line"] == first["line"] and copy["kind"] == first["kind"]
        assert copy["layout"]["form"] != first["layout"]["form"]
        keys = {m["entity"] for m in copy["mentions"]}
        assert keys & {m["entity"] for m in first["mentions"]}  # the same people
    numbers = sorted(int(Path(c["file"]).stem) for c in copies)
    assert numbers[0] >= len(varied.records)  # numbered after the cases: names carry no truth


def test_traditional_documents_print_names_in_traditional_script(varied: World) -> None:
    cases = [c for c in varied.truth["cases"] if c["layout"].get("script") == "traditional"]
    assert cases
    for case in cases:
        text = document_text(varied.root / case["file"])
        assert "與" in text or "勞" in text or "號" in text
        for mention in case["mentions"]:
            assert mention["printed"] in text


@pytest.mark.parametrize("level", [0.0, 1.0])
@pytest.mark.parametrize("fmt", REGISTRY_FORMATS)
def test_registry_formats(tmp_path: Path, fmt: str, level: float) -> None:
    summary = generate(tmp_path, seed=3, cases=300, registry_format=fmt, variation=level)
    rows = registry_rows(tmp_path)
    assert len(rows) == summary.registry_rows > 0
    truth = json.loads((tmp_path / "truth.json").read_text("utf-8"))
    assert [e["printed"] for e in truth["registry"]] == [registry_field(r, "name")
                                                        for r in rows]
    if not fmt.startswith("tyc"):
        return
    assert list(rows[0]) == list(TYC_FIELDS)
    china = dt.timezone(dt.timedelta(hours=8))
    for row in rows:
        stamp = dt.datetime.fromtimestamp(row["estiblishTime"] / 1000, china)
        assert (stamp.hour, stamp.minute, stamp.second) == (0, 0, 0)  # midnight, China time
        assert row["regCapital"].endswith("万人民币")
        assert row["staffNumRange"] in ("小于50人", "50-99人", "100-499人", "500-999人",
                                        "1000-4999人", "5000-9999人", "10000人以上", "-")
        assert row["creditCode"] or len(row["regNumber"]) == 15


def test_registry_spellings_differ_from_the_documents(varied: World) -> None:
    counts = inventory(varied)
    assert counts["registry_spelling"] >= 10
    assert counts["registry_missing"] > 0 and counts["regnumber_only"] > 0
    printed = counts["uscc_printed"] / (counts["uscc_printed"] + counts["uscc_not_printed"])
    assert 0.2 < printed < 0.99  # a USCC join works for most employers, not all


def test_registry_spellings_never_put_the_city_before_a_county(varied: World) -> None:
    """``市 added`` spells 安阳金源… as 安阳市金源…, never 安阳县金源… as 安阳市县金源…: no real
    export prints a place at two levels."""
    names = [str(registry_field(row, "name")) for row in registry_rows(varied.root)]
    assert names and not [n for n in names if re.match(r"^[\u4e00-\u9fff]{2,3}市[县区旗]", n)]
