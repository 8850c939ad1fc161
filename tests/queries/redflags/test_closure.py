from __future__ import annotations

from pathlib import Path

from tests.conftest import sham_case
from tests.queries.redflags.helpers import frame_of, hits


def _cases(starts: list[str], end: str = "2017-10") -> list[dict]:
    out = []
    for i, start in enumerate(starts):
        case = sham_case(i, f"申请人{i}", "1968-01-02", agent=f"代理{i}")
        case.update(claimed_start=start, claimed_end=end)
        out.append(case)
    return out


def test_a_workforce_ending_together_with_varied_starts_is_mitigated(tmp_path: Path) -> None:
    found = hits(frame_of(tmp_path, _cases(["1992-03", "2004-05", "2012-12"])),
                 "EVID_ENDED_TOGETHER")
    assert len(found) == 3
    assert "均止于2017-10" in found[0].summary and "1992年到2012年" in found[0].summary


def test_a_template_period_for_everybody_is_not_mitigated(tmp_path: Path) -> None:
    frame = frame_of(tmp_path, _cases(["2001-01", "2001-03", "2002-01"]))
    assert hits(frame, "EVID_ENDED_TOGETHER") == []


def test_scattered_ends_are_not_mitigated(tmp_path: Path) -> None:
    cases = _cases(["1992-03", "2004-05", "2012-12"])
    cases[1]["claimed_end"] = "2015-06"
    assert hits(frame_of(tmp_path, cases), "EVID_ENDED_TOGETHER") == []
