"""The county's usual counsel (ringtrace.queries.counsel)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ringtrace.queries.counsel import usual_counsel
from ringtrace.queries.frame import Frame
from tests.conftest import sham_case
from tests.queries.redflags.helpers import frame_of

OFFICE = "安阳县某某镇法律服务所"


def _suit(n: int, day: str, agent: str | None, *, forum: str = "河南省安阳市文峰区人民法院",
          firm: str = OFFICE) -> dict[str, Any]:
    case = sham_case(n, f"申请人{n}", "1966-01-02", employer=f"安阳市第{n}商贸有限公司", day=day)
    case["forum"] = forum
    if agent is None:
        case["agents"] = []
    else:
        case["agents"][0].update(name=agent, law_firm=firm, birth_date="1970-01-01",
                                 phone="13812345670")
    return case


def _frame(tmp_path: Path, ordinary: list[dict[str, Any]]) -> tuple[Frame, set[str], list[str]]:
    """Two candidate suits for which the office's legal worker 王建设 acts (numbers 1-2), and
    ``ordinary``."""
    frame = frame_of(tmp_path, [_suit(1, "2021-03-01", "王建设"), _suit(2, "2021-03-02", "王建设"),
                                *ordinary])
    mine = sorted(c for c in frame.cases if frame.cases[c].case_number.endswith(("民初1号",
                                                                                 "民初2号")))
    return frame, set(mine), mine


def _agent(frame: Frame, name: str) -> str:
    return next(a.id for c in frame.cases.values() for a in c.agents if a.name == name)


def test_counsel_of_a_share_of_the_forums_other_suits_is_usual(tmp_path: Path) -> None:
    ordinary = [_suit(10 + n, "2021-06-01", "王建设" if n < 3 else None) for n in range(12)]
    frame, candidates, mine = _frame(tmp_path, ordinary)
    agent = _agent(frame, "王建设")
    assert usual_counsel(frame, mine, candidates, 0.15, 730, agent=agent)
    assert usual_counsel(frame, mine, candidates, 0.15, 730, office="安阳县 某某镇法律服务所")
    assert not usual_counsel(frame, mine, candidates, 0.3, 730, agent=agent)
    assert not usual_counsel(frame, mine, candidates, 0.15, 730)  # no counsel named


def test_candidates_other_forums_and_other_years_do_not_count(tmp_path: Path) -> None:
    """The counsel's own candidate suits, suits at another court and suits years away say
    nothing of the county's ordinary suits; with none of those left, no one is usual."""
    ordinary = [_suit(10, "2021-06-01", "王建设", forum="河南省安阳市北关区人民法院"),
                _suit(11, "2021-06-02", "王建设", forum="河南省安阳市北关区人民法院"),
                _suit(12, "2015-06-01", "王建设"), _suit(13, "2015-06-02", "王建设"),
                _suit(14, "2021-06-01", None)]
    frame, candidates, mine = _frame(tmp_path, ordinary)
    agent = _agent(frame, "王建设")
    assert not usual_counsel(frame, mine, candidates, 0.15, 730, agent=agent)
