"""agent_both_sides: an employer's "staff" who brings its workers' suits in the same round."""

from __future__ import annotations

from pathlib import Path

from ringtrace.resolve import resolve
from tests.resolve.helpers import case, store_of

EMPLOYER = "商丘市宏业劳动服务有限公司"
OFFICE = "梁园区城关法律服务所"
COURT = "河南省安阳市文峰区人民法院"


def _line(n: int, name: str = "李月娥") -> str:
    return f"Person:{name}|doc:Case:(2021)豫0502民初{n}号|{COURT}"


def _staff(name: str = "李月娥") -> dict[str, object]:
    return {"name": name, "kind": "employee", "relation": "该公司员工", "represents": [EMPLOYER]}


def _worker_agent(office: str = OFFICE, kind: str = "other") -> dict[str, object]:
    return {"name": "李月娥", "kind": kind, "law_firm": office}


def _round(staff_day: str = "2021-07-26", staff_employer: str = EMPLOYER,
           staff: dict[str, object] | None = None,
           worker_agent: dict[str, object] | None = None) -> list[dict[str, object]]:
    """Two workers' suits against EMPLOYER brought by 李月娥 of OFFICE (or ``worker_agent``),
    and a third suit of the round that she answers for the employer as its staff."""
    agent = worker_agent or _worker_agent()
    return [case(1, employer=EMPLOYER, agents=[agent], day="2021-07-26"),
            case(2, employer=EMPLOYER, agents=[agent], day="2021-07-26"),
            case(3, employer=staff_employer, day=staff_day,
                 agents=[{**(staff or _staff()), "represents": [staff_employer]}])]


def test_the_employer_s_staff_is_the_workers_legal_worker_of_the_same_round(
        tmp_path: Path) -> None:
    """李月娥, 该公司员工, answers one suit for the employer; 李月娥 of a 法律服务所 brings two
    workers' suits against the same employer filed that day: one person, on both sides, and
    the merge says so."""
    res = resolve(store_of(tmp_path, _round()))
    office_entity = res.entity(f"Person:李月娥|firm:{OFFICE}")
    assert res.entity(_line(3)) == office_entity
    [merge] = [m for m in res.merges_of(_line(3)) if _line(3) in (m.a, m.b)]
    assert merge.rule == "agent_both_sides"
    assert EMPLOYER in merge.evidence and "for a worker against it" in merge.evidence


def test_the_staff_line_stays_alone_elsewhere_later_masked_or_with_two_namesakes(
        tmp_path: Path) -> None:
    # the staff of another employer
    other = resolve(store_of(tmp_path / "other", _round(staff_employer="安阳市恒达建材有限公司")))
    assert other.entity(_line(3)) == _line(3)
    # the same employer's suit, but half a year after the round (beyond both_sides_days)
    later = resolve(store_of(tmp_path / "later", _round(staff_day="2022-01-26")))
    assert later.entity(_line(3)) == _line(3)
    # a masked staff line fits too many names
    masked = resolve(store_of(tmp_path / "masked", _round(staff=_staff("李某某"))))
    assert masked.entity(_line(3, "李某某")) == _line(3, "李某某")
    # two legal workers of that name, of two offices, against the employer that day
    docs = _round()
    docs.append(case(4, employer=EMPLOYER, agents=[_worker_agent("梁园区平原法律服务所")],
                     day="2021-07-27"))
    two = resolve(store_of(tmp_path / "two", docs))
    assert two.entity(_line(3)) == _line(3)


def test_a_legal_aid_or_law_firm_lawyer_of_the_name_is_not_the_employer_s_staff(
        tmp_path: Path) -> None:
    """A legal-aid lawyer is assigned by a state centre, and a lawyer answers to a firm and may
    not act on both sides of one matter: a staff member of their name is a namesake."""
    aid = resolve(store_of(tmp_path / "aid", _round(worker_agent=_worker_agent(
        "伊川县法律援助中心", kind="legal_aid"))))
    assert aid.entity(_line(3)) == _line(3)
    lawyer = resolve(store_of(tmp_path / "lawyer", _round(worker_agent=_worker_agent(
        "河南英泰律师事务所", kind="lawyer"))))
    assert lawyer.entity(_line(3)) == _line(3)
