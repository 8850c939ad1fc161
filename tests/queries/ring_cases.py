"""Small case records the ring tests build their stores from."""

from __future__ import annotations

from typing import Any

from tests.conftest import sham_case


def confirmation_case(n: int, day: str, *, agent: str = "王建国",
                      employer: str = "安阳市恒达废旧物资回收有限公司",
                      decided: str | None = None) -> dict[str, Any]:
    """An uncontested confirmation suit of applicant ``申请人{n}`` filed on ``day``."""
    case = sham_case(n, f"申请人{n}", "1968-01-02", agent=agent, employer=employer, day=day)
    case["decision_date"] = decided or day
    return case


def manager_pair(second_day: str = "2021-03-05") -> list[dict[str, Any]]:
    """Two near-retirement applicants, each with their own agent, whose suits the employer's
    office manager admitted."""
    cases = [confirmation_case(1, "2021-03-01", agent="刘某甲"),
             confirmation_case(2, second_day, agent="陈某乙")]
    for case in cases:
        case["agents"].append({"name": "张经理", "represents": [case["parties"][1]["name"]],
                               "kind": "employee", "relation": "该公司办公室主任",
                               "birth_date": "1975-04-04"})
    return cases
