"""A retrial's own finding of a sham suit (虚假诉讼), quoted as a ``sham_finding`` span."""

from __future__ import annotations

import pytest

from ringtrace.loaders.judgments import parse_text
from tests.conftest import retrial_text

ORIGINAL = "(2021)豫0502民初1号"


def _findings(text: str) -> list[str]:
    record = parse_text(text).record
    assert record is not None
    return [s.text for s in record.spans if s.kind == "sham_finding"]


def test_a_retrial_revoking_a_sham_confirmation_is_read_whole() -> None:
    record = parse_text(retrial_text(ORIGINAL)).record
    assert record is not None
    assert (record.case_number, record.procedure, record.outcome) == \
        ("（2023）豫0502民再3号", "再审", "reversed")
    assert {ORIGINAL, "安劳人仲案字〔2020〕第88号"} <= set(record.related_case_numbers)
    [finding] = [s.text for s in record.spans if s.kind == "sham_finding"]
    assert finding.startswith("本院再审认为") and "属于虚假诉讼" in finding
    assert [p.name for p in record.parties] == ["张桂兰", "安阳市恒达废旧物资回收有限公司"]


@pytest.mark.parametrize("reasoning", [
    # the protest alleged a sham (quoted before the reasoning); the court found a procedural error
    "本院再审认为，原审未依法通知当事人到庭，违反法定程序，应予撤销。",
    # the court rejects the allegation
    "本院再审认为，抗诉机关关于本案系虚假诉讼的意见，缺乏事实依据，本院不予采纳。",
    # the court denies it in the clause
    "本院再审认为，现有证据不足以认定双方恶意串通，本案不属于虚假诉讼。",
])
def test_no_finding_without_the_courts_own_words(reasoning: str) -> None:
    assert _findings(retrial_text(ORIGINAL, reasoning=reasoning)) == []


def test_the_protests_allegation_alone_is_no_finding() -> None:
    text = retrial_text(ORIGINAL, reasoning="本院再审认为，原调解书认定事实清楚，应予维持。",
                        operative="维持原判。")
    record = parse_text(text).record
    assert record is not None
    assert record.outcome == "upheld"
    assert [s for s in record.spans if s.kind == "sham_finding"] == []
