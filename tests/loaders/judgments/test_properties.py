"""Property tests: any text, and any cut of a real document, parses without an exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ringtrace.errors import RingtraceError
from ringtrace.loaders.judgments import parse_text
from ringtrace.loaders.judgments.parser import ParseOutcome, parse_document

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SAMPLES = [p.read_text(encoding="utf-8") for d in ("real_docs", "docs", "real_docs_more")
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


# ---------------------------------------------------------------- hostile text
#: what an adversary (or a broken converter) repeats: whitespace of every kind, one character,
#: punctuation, markup openers that never close, bracket and number openers
RUNS = [" ", "\t", "\u3000", "\n", "\n ", "\r\n", "原", "告", "，", "。", "：", "(", "（", "<",
        "<!--", "<div>", "<span>", "<!", "<a ", "&", "*", "X", "劳", "号", "（2021）", "年", "1",
        "委托诉讼代理人", "原告：", "\ufffd", "\u200b"]


def _hostile(text: str) -> ParseOutcome | None:
    """Parse without the guard; only the project's own errors may escape."""
    try:
        outcome = parse_document(text, "hostile.txt")
    except RingtraceError:
        return None
    assert outcome.record is not None or outcome.problems
    return outcome


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(RUNS), st.integers(1, 6000))
                | st.tuples(st.sampled_from(PIECES), st.just(1)), max_size=8))
def test_long_runs_never_crash(parts: list[tuple[str, int]]) -> None:
    _hostile("".join(piece * count for piece, count in parts))


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["div", "p", "span", "table", "a type='dir'"]), st.integers(1, 3000),
       st.sampled_from(SAMPLES))
def test_deep_html_nesting_never_crashes(tag: str, depth: int, sample: str) -> None:
    name = tag.split()[0]
    _hostile(f"<{tag}>" * depth + sample + f"</{name}>" * depth)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(SAMPLES), st.integers(1, 40), st.sampled_from(RUNS))
def test_huge_lines_never_crash(sample: str, times: int, filler: str) -> None:
    line = sample.replace("\n", filler)
    _hostile(line * times)
