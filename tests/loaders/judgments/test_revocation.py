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
    # the protest's allegation, reported by the court, which found no proof of it (rev26)
    "本院再审认为，抗诉机关认为原审系虚假诉讼，但未提供充分证据予以证明，原审遗漏当事人，应予撤销。",
    "本院再审认为，检察机关关于原审系虚假诉讼的意见缺乏证据支持，但原审遗漏当事人，应予撤销。",
    # the question the court asks itself, then answers for the worker (rev26)
    "本院再审认为，关于双方是否恶意串通的问题，现有证据无法证明。原审遗漏当事人，应予撤销。",
    "本院再审认为，本案应审查双方是否存在恶意串通、虚构劳动关系的情形。经查，{a}确在{e}处工作，"
    "但原审遗漏当事人，应予撤销。",
    # the ground only in the title of a law the court cites (rev26)
    "本院再审认为，原审遗漏必要当事人，违反法定程序，依照《最高人民法院关于防范和制裁虚假诉讼的"
    "指导意见》第十二条之规定，应予撤销。",
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


@pytest.mark.parametrize("reasoning", [
    "本院再审认为，{a}与{e}恶意串通，虚构劳动关系，企图通过诉讼确认劳动关系以补缴养老保险，属于虚假诉讼。",
    # the protest's view, which the court adopts in the same sentence (rev26)
    "本院再审认为，检察机关关于{a}与{e}虚构劳动关系、原审系虚假诉讼的抗诉意见成立，本院予以采纳。",
    # the court's own finding, with the missing proof as its reason (rev26)
    "本院再审认为，{a}未能提供证据证明其在{e}工作，双方恶意串通，虚构劳动关系，属于虚假诉讼。",
    # the finding after the title of the guidance it rests on (rev26: a title's 关于 is no
    # report of another's allegation)
    "本院再审认为，根据《最高人民法院关于防范和制裁虚假诉讼的指导意见》的规定，{a}与{e}恶意串通，"
    "属于虚假诉讼。",
    # "upon examination" and the protest's lodging are no report of an allegation (rev26)
    "本院再审认为，经审查，{a}与{e}恶意串通，虚构劳动关系，属于虚假诉讼。",
    "本院再审认为，检察机关提出抗诉后，经本院再审查明，{a}与{e}恶意串通，属于虚假诉讼。",
])
def test_the_courts_own_finding_is_read(reasoning: str) -> None:
    assert _findings(retrial_text(ORIGINAL, reasoning=reasoning)) != []
