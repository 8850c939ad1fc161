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
