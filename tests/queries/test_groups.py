"""Groups the evidence explains as legitimate are labelled with their reasons."""

from __future__ import annotations

from pathlib import Path

from ringtrace.queries.groups import explained_groups
from ringtrace.queries.redflags import run_all
from ringtrace.queries.rules import load_rules
from tests.conftest import sham_case
from tests.queries.redflags.helpers import frame_of


def _workforce(n: int, money: bool) -> dict:
    case = sham_case(n, f"工人{n}", "1968-01-02", agent=f"代理{n}")
    case["claimed_start"] = f"{1990 + 3 * n}-01"
    case["claimed_end"] = "2017-10"
    if money:
        case.update(claim_kind="with_amounts", claim_amounts=[12000.0])
    return case


def test_a_workforce_with_wage_claims_is_explained_with_its_reasons(tmp_path: Path) -> None:
    frame = frame_of(tmp_path, [_workforce(n, money=n < 3) for n in range(5)])
    config = load_rules()
    [group] = explained_groups(frame, run_all(frame, config), set(), config.groups)
    assert len(group.cases) == 5 and group.backed == 5 and group.leads == 0
    reasons = {r.reason: r.cases for r in group.reasons}
    assert reasons["劳动关系随单位集体终止（减轻）"] == 5 and reasons["同时主张工资/补偿金额（减轻）"] == 3


def test_a_group_of_leads_or_without_proof_is_not_explained(tmp_path: Path) -> None:
    cohort = [sham_case(n, f"申请人{n}", "1968-01-02", agent=f"代理{n}") for n in range(5)]
    frame = frame_of(tmp_path / "cohort", cohort)
    config = load_rules()
    assert explained_groups(frame, run_all(frame, config), set(), config.groups) == []
    workforce = frame_of(tmp_path / "led", [_workforce(n, money=True) for n in range(5)])
    everyone = set(workforce.cases)
    assert explained_groups(workforce, run_all(workforce, config), everyone,
                            config.groups) == []
