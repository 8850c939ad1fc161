from __future__ import annotations

from pathlib import Path

from tests.conftest import sham_case
from tests.queries.redflags.helpers import frame_of, hits


def test_end_on_fiftieth_birthday_is_flagged(tmp_path: Path) -> None:
    case = {**sham_case(1, "张桂兰", "1968-05-02"), "claimed_end": "2018-05-02"}
    other = {**sham_case(2, "刘秀英", "1967-02-02"), "claimed_end": "2010-01-01"}
    frame = frame_of(tmp_path, [case, other])
    [f] = hits(frame, "TL_END_AT_RETIREMENT")
    assert "50周岁" in f.summary and "民初1号" in f.subject


def test_an_end_at_the_retirement_day_the_2024_decision_delays_to_is_flagged(tmp_path: Path
                                                                          ) -> None:
    """A man born in March 1966 retires at 60 and 4 months (the gradual rise in force since
    2025): a claim ending on 2026-07-10 ends at his retirement, not on his birthday."""
    case = {**sham_case(1, "王建军", "1966-03-10"), "claimed_end": "2026-07-10"}
    case["parties"][0]["sex"] = "男"
    before = {**sham_case(2, "李国庆", "1964-03-10"), "claimed_end": "2024-07-10"}
    frame = frame_of(tmp_path, [case, before])
    [f] = hits(frame, "TL_END_AT_RETIREMENT")
    assert "民初1号" in f.subject and "法定退休日" in f.summary and "2026-07-10" in f.summary


def test_an_end_at_no_retirement_age_of_the_workers_sex_is_not_flagged(tmp_path: Path) -> None:
    """A woman's claim ending on her 60th birthday ends at no retirement of hers, while a
    man's 50th or 55th is one of his (特殊工种, unable to work: 国发〔1978〕104号); the same end
    for a worker whose sex the copy does not give is taken as a retirement birthday (the
    published pattern), but not the delayed day of either sex's 2024 schedule."""
    def suit(n: int, birth: str, end: str, sex: str | None) -> dict:
        case = {**sham_case(n, f"申请人{n}", birth), "claimed_end": end}
        case["parties"][0]["sex"] = sex
        return case
    frame = frame_of(tmp_path, [
        suit(1, "1968-05-02", "2018-05-02", "男"),    # a man's 50th
        suit(2, "1963-05-02", "2018-05-02", "男"),    # a man's 55th
        suit(3, "1958-05-02", "2018-05-02", "女"),    # a woman's 60th
        suit(4, "1968-05-02", "2018-05-02", "女"),    # a woman's 50th
        suit(5, "1958-05-02", "2018-05-02", "男"),    # a man's 60th
        suit(6, "1968-05-02", "2018-05-02", None),   # 50th, sex not given
        suit(7, "1966-03-10", "2026-07-10", None),   # a man's delayed day, sex not given
        suit(8, "1966-03-10", "2026-07-10", "女"),   # ... a woman's: nothing at 60
    ])
    flagged = sorted(int(f.subject.split("民初")[1].split("号")[0])
                     for f in hits(frame, "TL_END_AT_RETIREMENT"))
    assert flagged == [1, 2, 4, 5, 6]


def test_age_window_depends_on_sex(tmp_path: Path) -> None:
    woman = sham_case(1, "张桂兰", "1968-05-02")  # 52 at filing in 2021
    young = sham_case(2, "刘秀英", "1990-02-02")
    frame = frame_of(tmp_path, [woman, young])
    assert [f.subject for f in hits(frame, "TL_NEAR_RETIREMENT")] == [
        next(c for c in frame.cases if "民初1号" in c)]


def test_fifteen_year_period_and_pre_1995_start(tmp_path: Path) -> None:
    early = {**sham_case(1, "张桂兰", "1968-05-02"), "claimed_start": "1993-06",
             "claimed_end": "2008-07"}
    short = {**sham_case(2, "刘秀英", "1967-02-02"), "claimed_start": "2015-01",
             "claimed_end": "2016-01"}
    frame = frame_of(tmp_path, [early, short])
    assert len(hits(frame, "TL_PERIOD_15Y")) == 1
    assert len(hits(frame, "TL_BEFORE_1995")) == 1


def test_start_before_age_sixteen_is_implausible(tmp_path: Path) -> None:
    case = {**sham_case(1, "张桂兰", "1968-05-02"), "claimed_start": "1980-01"}
    frame = frame_of(tmp_path, [case])
    [f] = hits(frame, "TL_IMPLAUSIBLE_START_AGE")
    assert "11岁" in f.summary


def _group_suit(n: int, members: list[tuple[str, str, str]], **fields: str) -> dict:
    """One document for several applicants (``原告张某等N人``): one claimed period for all."""
    case = {**sham_case(n, members[0][0], members[0][1]), **fields}
    first = case["parties"][0]
    case["parties"] = [{**first, "name": name, "birth_date": birth, "sex": sex}
                       for name, birth, sex in members] + case["parties"][1:]
    return case


def test_a_group_suits_earliest_start_is_not_its_youngest_members(tmp_path: Path) -> None:
    """The group's period starts in 1988 (its oldest member's); its youngest member was born
    in 1975. Nobody is a child at work: one member could have started then."""
    group = _group_suit(1, [("张桂兰", "1966-05-02", "女"), ("刘秀英", "1975-02-02", "女")],
                        claimed_start="1988-01", claimed_end="2019-09")
    nobody = _group_suit(2, [("王淑珍", "1978-01-15", "女"), ("李凤英", "1979-07-20", "女")],
                         claimed_start="1988-01", claimed_end="2019-09")
    frame = frame_of(tmp_path, [group, nobody])
    [f] = hits(frame, "TL_IMPLAUSIBLE_START_AGE")
    assert "民初2号" in f.subject  # no member of the second group could have started in 1988


def test_a_group_suits_common_end_is_no_ones_retirement_birthday(tmp_path: Path) -> None:
    """The factory closed on 2018-05-31; one member turned 50 that month. A shared end is a
    closure, not a bought claim ending on one person's birthday."""
    members = [("张桂兰", "1968-05-20", "女"), ("刘秀英", "1972-02-02", "女"),
               ("王淑珍", "1975-01-15", "女")]
    group = _group_suit(1, members, claimed_end="2018-05-31")
    alone = {**sham_case(2, "李凤英", "1968-05-20"), "claimed_end": "2018-05-31"}
    frame = frame_of(tmp_path, [group, alone])
    assert [f.subject for f in hits(frame, "TL_END_AT_RETIREMENT")] == [
        next(c for c in frame.cases if "民初2号" in c)]


def test_a_group_suit_is_near_retirement_when_half_its_members_are(tmp_path: Path) -> None:
    older = _group_suit(1, [("张桂兰", "1968-05-02", "女"), ("刘秀英", "1969-02-02", "女"),
                            ("王淑珍", "1990-01-15", "女")])  # two of three aged 51-52 in 2021
    younger = _group_suit(2, [("李凤英", "1968-07-20", "女"), ("陈秀兰", "1988-11-30", "女"),
                              ("赵秀珍", "1990-03-03", "女")])  # one of three
    frame = frame_of(tmp_path, [older, younger])
    [f] = hits(frame, "TL_NEAR_RETIREMENT")
    assert "民初1号" in f.subject and "（2/3名申请人）" in f.summary
