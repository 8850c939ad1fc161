"""A small hand-made province for the Neo4j tests, written identically to both stores.

Sham employers with same-day batches and a shared intermediary, a genuine employer, a registry
row with a former name (an alias), back-payments, quarantined rows and a scan, with names full of
quotes, backslashes, newlines and Cypher keywords.
"""

from __future__ import annotations

from typing import cast

from ringtrace.errors import RecordProblem
from ringtrace.graph import identity as ident
from ringtrace.graph.build import backpayment_batch, case_batch, registry_batch
from ringtrace.graph.elements import GraphBatch
from ringtrace.graph.records import Agent, BackPaymentRecord, CaseRecord, Party, RegistryRecord
from ringtrace.graph.scan_json import ScanJson
from ringtrace.graph.store.base import GraphStore

SHAM = "安阳市宏达废旧物资回收有限公司"
SHAM_FORMER = "安阳市宏达物资回收有限公司"
SHAM_USCC = "91410502MA44XW2B3R"
SECOND_SHAM = "林州市红旗渠劳务服务有限公司"
GENUINE = "安阳钢铁集团建筑安装有限责任公司"
NASTY_EMPLOYER = "Robert'); DROP TABLE nodes;-- \\ \"引号\" 公司"
INTERMEDIARY = "焦建国"
INTERMEDIARY_PHONE = "13803720001"
SHARED_ADDRESS = "河南省安阳市文峰区光明路18号3单元502室"
COURT = "安阳市文峰区人民法院"
COMMISSION = "安阳市劳动人事争议仲裁委员会"
EMPLOYER_ADDRESSES = {
    SHAM: "安阳市文峰区中华路1号", SHAM_FORMER: "安阳市文峰区中华路1号",
    SECOND_SHAM: "林州市红旗渠大道88号", GENUINE: "安阳市殷都区梅元庄12号",
    NASTY_EMPLOYER: "安阳市北关区\\红旗路\"7\"号",
}
NASTY_NAMES = (
    'O\'Brien "Bob" 张',
    "李\\四\\n",
    "王\n五",
    "MATCH (n) DETACH DELETE n",
    "RETURN 1; // `x` $param {id: 1}",
    "赵'); CALL db.clearQueryCaches() //",
)


def _worker(name: str, birth: str, sex: str = "女", address: str | None = None,
            phone: str | None = None) -> Party:
    return Party(name=name, role="plaintiff", role_in_text="原告", side="worker", sex=sex,
                 birth_date=birth, ethnicity="汉族", address=address or f"住河南省{name}村",
                 phone=phone)


def _employer(name: str, role: str = "defendant", uscc: str | None = None,
              rep: str | None = None) -> Party:
    return Party(name=name, role=role, role_in_text="被告", side="employer", is_entity=True,
                 uscc=uscc, address=EMPLOYER_ADDRESSES[name], legal_representative=rep,
                 legal_representative_title="经理" if rep else None)


def _sham_case(i: int, employer: str, worker: Party, day: str, forum: str = COMMISSION) -> CaseRecord:
    arbitration = forum == COMMISSION
    return CaseRecord(
        case_number=(f"安劳人仲案字〔2019〕第{100 + i}号" if arbitration
                     else f"（2019）豫0502民初{2000 + i}号"),
        forum=forum, document_type="仲裁裁决书" if arbitration else "民事调解书",
        procedure="仲裁" if arbitration else "一审",
        forum_kind="arbitration" if arbitration else "court", court_code=None if arbitration
        else "豫0502", region_code="410502", cause="确认劳动关系纠纷", filing_date=day,
        hearing_date=day, decision_date=day, simple_procedure=True,
        parties=[worker, _employer(employer, uscc=SHAM_USCC if employer == SHAM else None,
                                   rep="刘长河")],
        agents=[Agent(name=INTERMEDIARY, represents=[employer], kind="employee",
                      relation="人事部门负责人", phone=INTERMEDIARY_PHONE)],
        claim_kind="confirmation_only", claimed_start="2001-03-01", claimed_end="2015-12-31",
        defendant_response="no_objection", outcome="confirmed" if arbitration else "mediated",
        doc_id=f"sham{i:04d}", source_path=f"awards/{i:04d}.txt",
    )


def _genuine_case(i: int, worker: Party) -> CaseRecord:
    return CaseRecord(
        case_number=f"(2020)豫0502民初{3100 + i}号", forum=COURT, document_type="判决书",
        procedure="一审", court_code="豫0502", region_code="410502", cause="确认劳动关系纠纷",
        filing_date=f"2020-0{i + 1}-1{i}", decision_date=f"2020-0{i + 4}-2{i}",
        simple_procedure=False, parties=[worker, _employer(GENUINE, rep="孙国强")],
        agents=[Agent(name="陈律师", represents=[worker.name], kind="lawyer",
                      law_firm="河南安阳正义律师事务所", authority="特别授权"),
                Agent(name="周法务", represents=[GENUINE], kind="employee", relation="该公司员工",
                      birth_date="1980-02-02")],
        claim_kind="with_amounts", claim_amounts=[35000.5, 1200.0], claimed_start="1998-07-01",
        claimed_end="2019-06-30", defendant_response="contests", outcome="confirmed",
        spans=[],
    )


def province_records() -> tuple[list[RegistryRecord], list[CaseRecord], list[BackPaymentRecord]]:
    """The registry rows, case records and back-payments of the test province."""
    registry = [
        RegistryRecord(name=SHAM, uscc=SHAM_USCC, legal_representative="刘长河", status="注销",
                       founded="2003-05-20", registered_capital="50万人民币", insured_headcount=2,
                       address="安阳市文峰区中华路1号", phone="0372-5551234",
                       company_type="有限责任公司", former_names=[SHAM_FORMER],
                       cancel_date="2020-01-15"),
        RegistryRecord(name=GENUINE, uscc="91410500170000000X", status="存续",
                       founded="1958-01-01", insured_headcount=3400, former_names=[]),
    ]
    cases: list[CaseRecord] = []
    # Eight applicants against the sham employer, all filed and decided on one day; two share an
    # address; the last one names the employer by its former name (resolved through the alias).
    for i in range(8):
        address = SHARED_ADDRESS if i in (2, 5) else None
        worker = _worker(f"申请人{'甲乙丙丁戊己庚辛'[i]}", f"196{i}-0{i + 1}-1{i}", address=address)
        employer = SHAM_FORMER if i == 7 else SHAM
        cases.append(_sham_case(i, employer, worker, "2019-03-12"))
    # The same intermediary acts for a second employer: three court mediations on one day.
    for i in range(3):
        worker = _worker(f"王{'一二三'[i]}", f"195{8 + i % 2}-11-0{i + 1}", sex="男")
        cases.append(_sham_case(20 + i, SECOND_SHAM, worker, "2019-06-03", forum=COURT))
    # A genuine employer with contested cases on different days.
    for i in range(3):
        cases.append(_genuine_case(i, _worker(f"钢{'甲乙丙'[i]}", f"196{i}-05-05", sex="男")))
    # Names with quotes, backslashes, newlines and Cypher keywords, against an employer whose name
    # is an injection attempt; one of them carries a phone shared with the intermediary.
    for i, name in enumerate(NASTY_NAMES):
        phone = INTERMEDIARY_PHONE if i == 0 else None
        worker = _worker(name, f"1970-01-0{i + 1}", address=f"河南省\\路\"{i}\"号\n{i}单元",
                         phone=phone)
        record = _sham_case(40 + i, NASTY_EMPLOYER, worker, "2021-09-0" + str(1 + i % 2))
        record.parties[1].uscc = None
        cases.append(record)
    backpayments = [
        BackPaymentRecord(person_name=cases[i].parties[0].name, employer_name=SHAM,
                          start="2001-03", end="2015-12", amount=98000.0 + i,
                          basis_case_number=cases[i].case_number, paid_date="2019-05-01")
        for i in range(3)
    ]
    return registry, cases, backpayments


def province_batches() -> list[GraphBatch]:
    """One batch per record, in the order an ingest writes them."""
    registry, cases, backpayments = province_records()
    batches = [registry_batch(r) for r in registry] + [case_batch(c) for c in cases]
    for bp in backpayments:
        assert bp.basis_case_number is not None
        basis = ident.case_id(bp.basis_case_number, COMMISSION)
        batches.append(backpayment_batch(bp, [basis]))
    return batches


PROBLEMS = [
    RecordProblem("registry.csv", 7, "uscc", "bad check character", raw="9141…,\"x\""),
    RecordProblem("cases.jsonl", 3, "parties[0].role", "'judge' is not one of plaintiff, ...",
                  raw='{"name": "张\\n三"}'),
    RecordProblem("cases.jsonl", 3, "parties[0].role", "'judge' is not one of plaintiff, ...",
                  raw="duplicate of the row above"),
    RecordProblem("docs/01.txt", 1, "", "no case number found", severity="warning"),
]

#: any JSON mapping is stored as it is: this one is not a scan's shape
SCAN = cast("ScanJson", {
    "snapshot": "abc123",
    "rings": [{"id": "R1", "employers": [SHAM], "cases": 8, "score": 0.93,
               "reason": "同日8件仲裁裁决, 被申请人均无异议"}],
    "leads": [{"case": "Case:x", "flags": ["R1", "R3"], "weight": 1.5, "masked": False,
               "note": None}],
})


def load_province(store: GraphStore) -> None:
    """Write the whole province, its quarantined problems and a scan into ``store``."""
    for batch in province_batches():
        store.write_batch(batch)
    store.add_problems(PROBLEMS)
    store.save_scan(SCAN)


def snapshot(store: GraphStore) -> dict[str, object]:
    """Everything a store returns through the GraphStore interface, for whole-store comparison."""
    nodes = list(store.iter_nodes())
    docs = {n.id: store.document(n.id) for n in nodes if n.kind == "Case"}
    return {
        "counts": store.counts(),
        "nodes": nodes,
        "edges": list(store.iter_edges()),
        "edges_of": {n.id: store.edges_of(n.id) for n in nodes},
        "documents": docs,
        "problems": store.problems(),
        "scan": store.load_scan(),
    }
