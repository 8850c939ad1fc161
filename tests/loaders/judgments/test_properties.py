"""Property tests: any text, and any cut of a real document, parses without an exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ringtrace.loaders.judgments import parse_text
from ringtrace.loaders.judgments.parser import parse_document

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SAMPLES = [p.read_text(encoding="utf-8") for d in ("real_docs", "docs")
           for p in sorted((FIXTURES / d).iterdir())
           if p.suffix in (".txt", ".html") and p.name != "gb18030_erqi.txt"]
PIECES = ["原告", "被告", "上诉人（原审被告）", "委托诉讼代理人：", "上列八被上诉人", "法定代表人", "：", "，",
          "。", "\n", "（2021）豫0502民初", "号", "劳人仲案字〔", "判决如下：", "辩称", "无异议", "未到庭",
          "二〇一七年三月一日", "<p>", "</span>", "全文", "以下简称", "(", "）", "\ufffd", "某某", "***"]


def _check(text: str) -> None:
    outcome = parse_document(text, "t.txt")  # unguarded: a crash here is a bug
    assert outcome.record is not None or outcome.problems
    guarded = parse_text(text, "t.txt")
    assert (guarded.record is None) == (outcome.record is None)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_never_crashes(text: str) -> None:
    _check(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=60).map("".join))
def test_judgment_like_fragments_never_crash(text: str) -> None:
    _check(text)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(SAMPLES), st.integers(0, 10_000), st.integers(0, 10_000))
def test_cut_documents_never_crash(text: str, start: int, length: int) -> None:
    start = start % (len(text) + 1)
    _check(text[start:start + length])
