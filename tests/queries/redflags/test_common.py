from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import pytest

from ringtrace.collector import collector_paused
from ringtrace.queries.findings import Evidence
from ringtrace.queries.redflags.common import (
    LazyMap,
    any_of,
    case_facts,
    confirmation_cases,
    confirmed_by_agreement,
    employer_confirmation_cases,
    filing_date,
    is_confirmation,
    retirement_days,
    span,
    span_finder,
    text_evidence,
    to_date,
)
from tests.conftest import legit_case, sham_case
from tests.queries.redflags.helpers import frame_of


def test_to_date_reads_periods_as_their_start_or_end() -> None:
    assert to_date("2018-05") == dt.date(2018, 5, 1)
    assert to_date("2018-02", end=True) == dt.date(2018, 2, 28)
    assert to_date("2018", end=True) == dt.date(2018, 12, 31)
    assert to_date("2018-05-02") == to_date("2018-05-02", end=True) == dt.date(2018, 5, 2)


def test_to_date_gives_none_for_missing_or_unreadable_values() -> None:
    assert [to_date(v) for v in (None, "", 2018, "2018-13", "unknown")] == [None] * 5


def test_confirmation_cases_keep_case_id_order_and_are_computed_once(tmp_path: Path) -> None:
    frame = frame_of(tmp_path, [sham_case(2, "刘秀英", "1967-02-02"),
                                sham_case(1, "张桂兰", "1968-05-02"),
                                {**legit_case(3, "孙建军", "1980-01-01"), "cause": "劳动争议",
                                 "outcome": "denied"}])
    cases = confirmation_cases(frame)
    assert [c.id for c in cases] == sorted(c.id for c in frame.cases.values() if c.confirmation)
    assert len(cases) == 2 and confirmation_cases(frame) is cases


def _short_mediation(n: int, **changes: object) -> dict[str, object]:
    """A mediation statement that is the parties and one line: ``确认…自2000年8月至2013年8月存在
    劳动关系；双方再无其他争议。`` - no claim read, cause ``劳动争议``."""
    case = sham_case(n, f"申请人{n}", "1962-03-23")
    case.update({"document_type": "调解书", "cause": "劳动争议", "claim_kind": "unknown",
                 "outcome": "mediated", "defendant_response": "unknown",
                 "claimed_start": "2000-08", "claimed_end": "2013-08", "spans": []})
    case.update(changes)
    return case


def test_a_mediation_that_only_confirms_a_period_is_a_confirmation_case(tmp_path: Path) -> None:
    settled = "确认双方自2000年8月至2013年8月存在劳动关系，双方工资已结清；双方再无其他争议。"
    frame = frame_of(tmp_path, [_short_mediation(1, spans=[{"kind": "outcome", "text": settled}])])
    case = next(iter(frame.cases.values()))
    assert not case.confirmation  # neither its cause nor a claim says so
    assert confirmed_by_agreement(case) and is_confirmation(case)
    assert [c.id for c in confirmation_cases(frame)] == [case.id]


def test_mediated_settlements_of_other_disputes_are_not_confirmations(tmp_path: Path) -> None:
    """A wage or severance settlement names amounts or its own cause; a mediation without a
    confirmed period says nothing about a labour relationship."""
    frame = frame_of(tmp_path, [
        _short_mediation(1, claim_kind="with_amounts", claim_amounts=[12000.0]),
        _short_mediation(2, cause="追索劳动报酬纠纷"),
        _short_mediation(3, claimed_start=None, claimed_end=None),
        _short_mediation(4, outcome="confirmed", document_type="判决书", cause="劳动争议",
                         claim_kind="unknown", claimed_start=None),
        # a settlement that pays an amount written in words only (not read as an amount)
        _short_mediation(5, spans=[{"kind": "outcome", "text": "确认双方自2000年8月至2013年8月存在劳动"
                                    "关系；被申请人一次性支付申请人款项（大写：壹万元整）。"}]),
    ])
    assert [c.case_number for c in frame.cases.values() if confirmed_by_agreement(c)] == []
    assert confirmation_cases(frame) == [c for c in frame.case_list() if c.confirmation]


def test_case_facts_parse_each_confirmation_case_once(tmp_path: Path) -> None:
    undated = {**sham_case(1, "张桂兰", "1968-05-02"), "filing_date": None}
    frame = frame_of(tmp_path, [undated])
    [facts] = case_facts(frame)
    assert facts.filed == filing_date(facts.case) == dt.date(2021, 3, 10)  # the decision date
    assert facts.filing is None and facts.decided == dt.date(2021, 3, 10)
    assert (facts.start, facts.end, facts.end_last, facts.end_text) == (
        dt.date(2003, 1, 1), dt.date(2018, 5, 1), dt.date(2018, 5, 31), "2018-05")
    [worker] = facts.workers
    assert (worker.ref.name, worker.birth, worker.birth_text, worker.sex) == (
        "张桂兰", dt.date(1968, 5, 2), "1968-05-02", "女")
    assert case_facts(frame)[0] is facts


def test_employer_confirmation_cases_list_every_employer(tmp_path: Path) -> None:
    contested = {**legit_case(3, "孙建军", "1980-01-01"), "cause": "劳动争议", "outcome": "denied"}
    frame = frame_of(tmp_path, [sham_case(1, "张桂兰", "1968-05-02"),
                                sham_case(2, "刘秀英", "1967-02-02"), contested])
    by_employer = employer_confirmation_cases(frame)
    assert list(by_employer) == sorted(frame.employer_cases)
    assert {e: [f.case.id for f in facts] for e, facts in by_employer.items()} == {
        e: [c for c in cases if frame.cases[c].confirmation]
        for e, cases in frame.employer_cases.items()}
    assert [] in by_employer.values()


def test_collector_paused_restores_the_collector_state() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_span_finds_the_first_span_of_a_kind_holding_a_keyword(tmp_path: Path) -> None:
    case = sham_case(1, "张桂兰", "1968-05-02")
    case["spans"] = [{"kind": "claim", "text": "请求确认劳动关系(2003-2018)"},
                     {"kind": "purpose", "text": "为补缴养老保险"},
                     {"kind": "claim", "text": "并办理退休"}]
    [info] = frame_of(tmp_path, [case]).cases.values()
    assert span(info, "claim") == "请求确认劳动关系(2003-2018)"
    assert span(info, ("purpose", "claim"), ("退休", "补缴")) == "为补缴养老保险"
    assert span(info, "claim", ("退休",)) == "并办理退休"
    assert span(info, "claim", ("(2003-",)) == "请求确认劳动关系(2003-2018)"
    assert span(info, "claim", ("社保",)) is None


def test_span_finder_and_text_evidence_read_spans_as_span_does(tmp_path: Path) -> None:
    case = sham_case(1, "张桂兰", "1968-05-02")
    case["spans"] = [{"kind": "outcome", "text": ""}, {"kind": "claim", "text": "为补缴养老保险"},
                     {"kind": "outcome", "text": "确认劳动关系"}]
    [info] = frame_of(tmp_path, [case]).cases.values()
    reads: list[tuple[str | tuple[str, ...] | None, tuple[str, ...]]] = [
        ("claim", ()), (("outcome", "claim"), ("补缴",)), ("outcome", ()), (None, ("劳动",)),
        ("absence", ())]
    for kind, keywords in reads:
        assert span_finder(kind, keywords)(info) == span(info, kind, keywords)
    number = info.case_number
    assert text_evidence(info, "claim", "x") == Evidence("text", number, "为补缴养老保险")
    assert text_evidence(info, "outcome", "x") == Evidence("record", number, "x")  # first is empty
    assert text_evidence(info, "absence", "x") == Evidence("record", number, "x")


def test_any_of_without_keywords_matches_nothing() -> None:
    assert any_of(()).search("任何文字") is None and any_of(("", "乙")).search("甲") is not None


def test_lazy_map_computes_each_missing_key_once() -> None:
    calls: list[int] = []

    def square(n: int) -> int:
        calls.append(n)
        return n * n

    squares: LazyMap[int, int] = LazyMap(square)
    assert [squares[3], squares[4], squares[3]] == [9, 16, 9]
    assert calls == [3, 4]
    assert dict(squares) == {3: 9, 4: 16}


D = dt.date


@pytest.mark.parametrize(("birth", "sex", "age", "days"), [
    # men: 60, delayed a month per four birth months from January 1965, at most 36 (63)
    (D(1964, 12, 15), "男", 60, (D(2024, 12, 15),)),
    (D(1965, 1, 15), "男", 60, (D(2025, 1, 15), D(2025, 2, 15))),
    (D(1970, 6, 10), "男", 60, (D(2030, 6, 10), D(2031, 11, 10))),  # 65 months: 17
    (D(1975, 3, 1), "男", 60, (D(2035, 3, 1), D(2037, 10, 1))),     # 122 months: 31
    (D(1985, 1, 1), "男", 60, (D(2045, 1, 1), D(2048, 1, 1))),      # capped at 63
    # a man's 55th (特殊工种) and 50th (unable to work) are his, the birthday only (104号)
    (D(1965, 1, 15), "男", 55, (D(2020, 1, 15),)),
    (D(1971, 1, 15), "男", 55, (D(2026, 1, 15),)),
    (D(1965, 1, 15), "男", 50, (D(2015, 1, 15),)),
    # women cadres: 55, delayed a month per four birth months from January 1970 (58)
    (D(1965, 1, 15), "女", 55, (D(2020, 1, 15),)),
    (D(1970, 1, 15), "女", 55, (D(2025, 1, 15), D(2025, 2, 15))),
    (D(1975, 1, 15), "女", 55, (D(2030, 1, 15), D(2031, 5, 15))),   # 60 months: 16
    # women workers: 50, delayed a month per two birth months from January 1975 (55)
    (D(1970, 1, 15), "女", 50, (D(2020, 1, 15),)),
    (D(1974, 12, 31), "女", 50, (D(2024, 12, 31),)),
    (D(1975, 1, 15), "女", 50, (D(2025, 1, 15), D(2025, 2, 15))),
    (D(1975, 5, 31), "女", 50, (D(2025, 5, 31), D(2025, 8, 31))),   # 4 months: 3
    (D(1965, 1, 15), "女", 60, ()),  # a man's age is no retirement of a woman's
    # sex unknown: the former birthdays only, never a delayed day of either schedule
    (D(1965, 1, 15), None, 60, (D(2025, 1, 15),)),
    (D(1970, 1, 15), "", 55, (D(2025, 1, 15),)),
    (D(1975, 1, 15), "未知", 50, (D(2025, 1, 15),)),
])
def test_retirement_days_follow_the_workers_sex_and_the_2024_schedules(
        birth: dt.date, sex: str | None, age: int, days: tuple[dt.date, ...]) -> None:
    assert retirement_days(birth, age, sex) == days
