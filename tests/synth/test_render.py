"""Raw documents (``--texts``): one per case, saying what the record says, in real formats."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from ringtrace.graph.identity import normalize_case_number, normalize_company
from ringtrace.synth import generate
from ringtrace.synth.render.numerals import chinese_date, small_number

CASES = 700


@pytest.fixture(scope="module")
def texts_province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("texts") / "province"
    generate(root, seed=9, cases=CASES, texts=True)
    return root


def _records(root: Path) -> list[dict[str, Any]]:
    with (root / "cases.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _decode(path: Path) -> tuple[str, str]:
    data = path.read_bytes()
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("gb18030"), "gb18030"


def _plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def _documents(root: Path) -> list[Path]:
    return sorted((root / "documents").iterdir())


def test_small_numbers() -> None:
    assert [small_number(n) for n in (1, 10, 12, 20, 31)] == ["一", "十", "十二", "二十", "三十一"]
    assert chinese_date(dt.date(2021, 3, 5)) == "二〇二一年三月五日"
    assert chinese_date(dt.date(2016, 10, 24), zero="Ｏ") == "二Ｏ一六年十月二十四日"


def test_one_document_per_case_in_several_forms(texts_province: Path) -> None:
    docs = _documents(texts_province)
    assert [p.stem for p in docs] == [f"{i:06d}" for i in range(CASES)]
    suffixes = Counter(p.suffix for p in docs)
    assert suffixes[".txt"] > suffixes[".html"] > 0
    encodings = Counter(_decode(p)[1] for p in docs)
    assert 0 < encodings["gb18030"] < 0.2 * CASES


def test_documents_say_what_the_records_say(texts_province: Path) -> None:
    for record, path in zip(_records(texts_province), _documents(texts_province), strict=True):
        text = _plain(_decode(path)[0])
        assert record["case_number"] in text, path.name
        assert record["forum"] in text, path.name
        for span in record["spans"]:
            assert span["text"] in text, (path.name, span)
        for party in record["parties"]:
            assert party["name"] in text, (path.name, party["name"])
        for agent in record.get("agents", []):
            assert agent["name"] in text, (path.name, agent["name"])
        day = dt.date.fromisoformat(record["decision_date"])
        assert any(chinese_date(day, z) in text for z in "〇○Ｏ"), path.name
        for field in ("filing_date", "hearing_date"):
            if record.get(field):
                day = dt.date.fromisoformat(record[field])
                assert f"{day.year}年{day.month}月{day.day}日" in text, (path.name, field)


def test_wenshu_pages_carry_section_anchors(texts_province: Path) -> None:
    pages = [_decode(p)[0] for p in _documents(texts_province) if p.suffix == ".html"]
    assert pages
    for page in pages:
        for anchor in ("WBSB", "DSRXX", "SSJL", "AJJBQK", "PJJG", "WBWB"):
            assert f"name='{anchor}'" in page


def test_mirror_pages_and_wording_eras(texts_province: Path) -> None:
    texts = [_decode(p)[0] for p in _documents(texts_province)]
    mirrors = [t for t in texts if "全文" in t or "来源:中国裁判文书网" in t]
    assert mirrors and all("，" not in t.split("全文")[-1] for t in mirrors if "全文" in t)
    assert any("委托代理人：" in t for t in texts) and any("委托诉讼代理人：" in t for t in texts)
    assert any("仲 裁 裁 决 书" in t or "仲裁裁决书" in t for t in texts)
    assert any("民 事 调 解 书" in t or "民事调解书" in t for t in texts)


def test_texts_do_not_change_the_records(texts_province: Path, tmp_path: Path) -> None:
    generate(tmp_path, seed=9, cases=CASES)
    assert (tmp_path / "cases.jsonl").read_bytes() == \
        (texts_province / "cases.jsonl").read_bytes()


def test_documents_are_deterministic(tmp_path: Path) -> None:
    for name in ("a", "b"):
        generate(tmp_path / name, seed=2, cases=60, texts=True)
    first = sorted((tmp_path / "a" / "documents").iterdir())
    assert [p.read_bytes() for p in first] == [
        (tmp_path / "b" / "documents" / p.name).read_bytes() for p in first]


def test_a_rerun_replaces_old_documents(tmp_path: Path) -> None:
    generate(tmp_path, seed=1, cases=30, texts=True)
    generate(tmp_path, seed=1, cases=20, texts=True)
    assert len(list((tmp_path / "documents").iterdir())) == 20


def test_the_project_parser_reads_the_documents(texts_province: Path) -> None:
    """Documents written for real-world readers are read by the parser built on real samples
    (checked on the fields every document states plainly)."""
    judgments = pytest.importorskip("ringtrace.loaders.judgments")
    agree: Counter[str] = Counter()
    records = _records(texts_province)
    for record, path in zip(records, _documents(texts_province), strict=True):
        parsed = judgments.parse_file(path).record
        if parsed is None:
            continue
        agree["case_number"] += normalize_case_number(parsed.case_number or "") == \
            normalize_case_number(record["case_number"])
        agree["decision_date"] += parsed.decision_date == record["decision_date"]
        agree["workers"] += sorted(p.name for p in parsed.workers()) == sorted(
            p["name"] for p in record["parties"] if p["side"] == "worker")
        agree["employers"] += sorted(normalize_company(p.name) for p in parsed.employers()) == \
            sorted(normalize_company(p["name"]) for p in record["parties"]
                   if p["side"] == "employer")
    for field in ("case_number", "decision_date", "workers", "employers"):
        assert agree[field] > 0.9 * len(records), field
