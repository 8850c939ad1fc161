from __future__ import annotations

from pathlib import Path

import pytest

from ringtrace.graph.records import RegistryRecord
from ringtrace.loaders.judgments import parse_text
from tests.conftest import sham_case
from tests.queries.redflags.helpers import frame_of, hits


def _cases(starts: list[str], end: str | list[str] = "2017-10",
           births: list[str] | None = None) -> list[dict]:
    out = []
    for i, start in enumerate(starts):
        case = sham_case(i, f"申请人{i}", births[i] if births else "1968-01-02", agent=f"代理{i}")
        case.update(claimed_start=start, claimed_end=end[i] if isinstance(end, list) else end)
        out.append(case)
    return out


def test_a_workforce_ending_together_with_varied_lengths_is_exculpated(tmp_path: Path) -> None:
    found = hits(frame_of(tmp_path, _cases(["1992-03", "2004-05", "2012-12"])),
                 "EVID_ENDED_TOGETHER")
    assert len(found) == 3
    assert "均止于2017-10-01" in found[0].summary and "工龄5至26年不等" in found[0].summary


def test_a_lay_off_over_weeks_across_a_month_boundary_ends_together(tmp_path: Path) -> None:
    ends = ["2017-10-20", "2017-11-03", "2017-12-15"]
    found = hits(frame_of(tmp_path, _cases(["1992-03", "2004-05", "2012-12"], ends)),
                 "EVID_ENDED_TOGETHER")
    assert len(found) == 3 and "2017-10-20至2017-12-15之间" in found[0].summary


def test_a_young_firm_with_short_tenures_ends_together(tmp_path: Path) -> None:
    found = hits(frame_of(tmp_path, _cases(["2014-03", "2014-05", "2014-09"], "2018-06")),
                 "EVID_ENDED_TOGETHER")
    assert len(found) == 3 and "短期用工" in found[0].summary


def test_a_template_period_for_everybody_is_not_exculpated(tmp_path: Path) -> None:
    frame = frame_of(tmp_path, _cases(["2001-01", "2001-03", "2002-01"]))
    assert hits(frame, "EVID_ENDED_TOGETHER") == []


def test_scattered_ends_are_not_exculpated(tmp_path: Path) -> None:
    cases = _cases(["1992-03", "2004-05", "2012-12"])
    cases[1]["claimed_end"] = "2015-06"
    assert hits(frame_of(tmp_path, cases), "EVID_ENDED_TOGETHER") == []


def test_ends_at_the_workers_own_retirement_birthdays_are_not_a_closure(tmp_path: Path) -> None:
    # three women born within weeks of each other, each claim ending on her 50th birthday
    births = ["1967-10-02", "1967-10-20", "1967-11-15"]
    ends = ["2017-10-02", "2017-10-20", "2017-11-15"]
    frame = frame_of(tmp_path, _cases(["1992-03", "2004-05", "2012-12"], ends, births))
    assert hits(frame, "EVID_ENDED_TOGETHER") == []


def test_a_lay_off_of_near_retirees_where_half_end_near_a_birthday_is_still_a_closure(
        tmp_path: Path) -> None:
    """Four long-serving staff let go within ten days of each other; two of them happened to
    turn 50 or 55 in the weeks before. A tie is no majority: a closing firm's staff near
    retirement meet their birthdays around the closure by chance, a bought cohort's ends
    are their birthdays nearly all."""
    births = ["1958-11-10", "1962-07-13", "1967-07-01", "1957-11-22"]
    ends = ["2017-07-23", "2017-07-20", "2017-07-16", "2017-07-25"]
    frame = frame_of(tmp_path, _cases(["2000-06", "2008-03", "2007-07", "2004-04"], ends,
                                      births))
    assert len(hits(frame, "EVID_ENDED_TOGETHER")) == 4
    births[0] = "1962-07-01"  # a third woman ending at 55: most ends are birthdays
    frame = frame_of(tmp_path / "most", _cases(["2000-06", "2008-03", "2007-07", "2004-04"],
                                               ends, births))
    assert hits(frame, "EVID_ENDED_TOGETHER") == []


def test_a_group_suits_common_end_on_one_members_birthday_is_still_a_closure(
        tmp_path: Path) -> None:
    """Three group suits (two applicants each) ended with the factory; in each, one member
    turned 50 that month. A shared end is a closure, not a bought claim's birthday."""
    cases = _cases(["1992-03", "2004-05", "2012-12"], "2017-10-31",
                   ["1967-10-02", "1967-10-20", "1967-10-15"])
    for i, case in enumerate(cases):
        worker = case["parties"][0]
        case["parties"].insert(1, {**worker, "name": f"同事{i}", "birth_date": "1975-03-03"})
    found = hits(frame_of(tmp_path, cases), "EVID_ENDED_TOGETHER")
    assert len(found) == 3


def test_ends_near_the_registry_closure_date_are_exculpated(tmp_path: Path) -> None:
    ends = ["2016-03", "2016-09", "2017-01"]  # more than 100 days apart, near the 注销 date
    registry = [RegistryRecord(name="安阳市恒达废旧物资回收有限公司", status="注销",
                               cancel_date="2016-08-30")]
    found = hits(frame_of(tmp_path, _cases(["1992-03", "2004-05", "2012-12"], ends), registry),
                 "EVID_ENDED_TOGETHER")
    assert len(found) == 3 and "注销/吊销（2016-08-30）" in found[0].summary


def _judgment(n: int, worker: str, start: str, story_end: str) -> dict:
    """A real-looking judgment of a former worker of a bankrupt factory, parsed."""
    outcome = parse_text(
        f"河南省安阳市文峰区人民法院\n民事判决书\n（2018）豫0502民初{n}号\n"
        f"原告：{worker}，男，1970年1月{n}日出生，汉族，住安阳市文峰区。\n"
        "被告：安阳市红星机械厂，住所地安阳市文峰区。\n法定代表人：孙某，厂长。\n"
        f"原告{worker}与被告安阳市红星机械厂确认劳动关系纠纷一案，本院于2018年3月1日立案后，依法适用简易"
        "程序公开开庭进行了审理。\n"
        f"原告{worker}向本院提出诉讼请求：确认原告与被告存在劳动关系。事实和理由：原告于{start}进入被告处"
        f"工作，{story_end}\n被告辩称，对原告的诉讼请求无异议。\n"
        "本院认为，双方存在劳动关系。判决如下：\n确认原告与被告存在劳动关系。\n")
    assert outcome.record is not None, outcome.problems
    return outcome.record.to_dict()


@pytest.mark.parametrize("ending", ["2017年10月被告破产，原告下岗。", "2017年10月企业停产关闭。",
                                    "2017年10月被告被吊销营业执照。", "直至2017年10月企业改制。"])
def test_a_workforce_whose_stories_end_at_the_closure_is_exculpated(tmp_path: Path,
                                                                     ending: str) -> None:
    cases = [_judgment(1, "王某甲", "1992年3月", ending), _judgment(2, "李某乙", "2004年5月", ending),
             _judgment(3, "赵某丙", "2012年12月", ending)]
    assert [c["claimed_end"] for c in cases] == ["2017-10"] * 3
    found = hits(frame_of(tmp_path, cases), "EVID_ENDED_TOGETHER")
    assert len(found) == 3 and "工龄5至26年不等" in found[0].summary


def test_ends_printed_as_a_year_join_the_lay_off_in_that_year(tmp_path: Path) -> None:
    """One workforce's suits print the end as "1999年8月16日", "1999年8月" or only "1999年": a
    year that contains the lay-off is part of it, not 1 January."""
    ends = ["1999-08-16", "1999-08", "1999", "1999", "1999-08-16"]
    cases = _cases(["1985-03", "1991-05", "1993", "1986", "1996-02"], ends)
    found = hits(frame_of(tmp_path, cases), "EVID_ENDED_TOGETHER")
    assert len(found) == 5
    # a year that does not contain the precise ends is no part of them
    other = _cases(["1985-03", "1991-05", "1993", "1986", "1996-02"],
                   ["1999-08-16", "1999-08", "2001", "2001", "2003-05"])
    assert hits(frame_of(tmp_path / "other", other), "EVID_ENDED_TOGETHER") == []
