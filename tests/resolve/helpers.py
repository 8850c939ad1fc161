"""Small hand-made stores for resolution tests: cases, registry rows and ledger rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ringtrace.graph.build import backpayment_batch, case_batch, registry_batch
from ringtrace.graph.records import BackPaymentRecord, RegistryRecord, case_from_dict
from ringtrace.graph.store.sqlite import SQLiteStore

COURT = {"anyang": ("河南省安阳市文峰区人民法院", "410502", "豫0502"),
         "zhengzhou": ("河南省郑州市金水区人民法院", "410105", "豫0105"),
         "chongqing": ("重庆市江津区人民法院", "500116", "渝0116")}


def case(n: int, *, workers: list[dict[str, Any]] | None = None, employer: str = "安阳市恒达废旧物资回收有限公司",
         agents: list[dict[str, Any]] | None = None, day: str = "2021-03-01",
         court: str = "anyang", uscc: str | None = None, rep: str | None = "李强",
         address: str | None = None) -> dict[str, Any]:
    """A confirmation case record: workers (name, birth...), one employer, agents."""
    forum, region, code = COURT[court]
    workers = workers if workers is not None else [{"name": f"申请人{n}", "birth_date": "1968-01-02"}]
    parties: list[dict[str, Any]] = [
        {"role": "plaintiff", "side": "worker", **w} for w in workers]
    parties.append({"name": employer, "role": "defendant", "side": "employer", "is_entity": True,
                    "uscc": uscc, "legal_representative": rep, "address": address})
    return {
        "case_number": f"(2021){code}民初{n}号", "forum": forum, "court_code": code,
        "region_code": region, "document_type": "判决书", "cause": "确认劳动关系纠纷",
        "filing_date": day, "decision_date": day, "parties": parties,
        "agents": [{"represents": [workers[0]["name"]] if workers else [], "kind": "other", **a}
                   for a in (agents or [])],
        "claim_kind": "confirmation_only", "defendant_response": "no_objection",
        "outcome": "confirmed",
    }


def store_of(tmp_path: Path, cases: list[dict[str, Any]],
             registry: list[RegistryRecord] = (),  # type: ignore[assignment]
             ledger: list[BackPaymentRecord] = ()) -> SQLiteStore:  # type: ignore[assignment]
    """A workspace holding the registry rows, then the cases, then the ledger rows."""
    store = SQLiteStore.open(tmp_path / "ws")
    for r in registry:
        store.write_batch(registry_batch(r))
    for c in cases:
        store.write_batch(case_batch(case_from_dict(c)))
    for row in ledger:
        basis = store.case_ids_for_number(row.basis_case_number or "")
        store.write_batch(backpayment_batch(row, basis))
    return store
