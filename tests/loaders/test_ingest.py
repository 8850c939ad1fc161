"""Ingest: idempotent, encodings, quarantine with file/line/field, streaming in batches."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from ringtrace.errors import LoadError, StoreError
from ringtrace.graph.identity import KEYS_VERSION
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.ingest import ingest_paths
from tests.conftest import REGISTRY_HEADER, sham_case

ROW = ("安阳市恒达废旧物资回收有限公司,91410502MA3X5Y0K2B,李强,注销,2005年3月1日,50万人民币,2,"
       "安阳市文峰区中华路8号,0372-5551234,有限责任公司,废旧物资回收,安阳恒达回收站；恒达回收")


def test_ingesting_the_same_inputs_twice_changes_no_count(province: Path, tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path / "ws") as store:
        first = ingest_paths(store, [province])
        second = ingest_paths(store, [province])
        assert first.records == second.records == 9
        assert second.counts_after == first.counts_after
        assert second.counts_before == first.counts_after


def test_registry_saved_as_gbk_ingests_correctly(tmp_path: Path) -> None:
    path = tmp_path / "registry.csv"
    path.write_bytes(f"{REGISTRY_HEADER}\n{ROW}\n".encode("gbk"))
    with SQLiteStore.open(tmp_path / "ws") as store:
        summary = ingest_paths(store, [path])
        [employer] = list(store.iter_nodes("Employer"))
    assert summary.files[0].encoding == "gb18030"
    assert employer.props["name"] == "安阳市恒达废旧物资回收有限公司"
    assert employer.props["founded"] == "2005-03-01"
    assert employer.props["former_names"] == ["安阳恒达回收站", "恒达回收"]
    assert employer.props["insured_headcount"] == 2


def test_registry_xlsx_ingests(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(REGISTRY_HEADER.split(","))
    ws.append(ROW.split(","))
    wb.save(tmp_path / "registry.xlsx")
    with SQLiteStore.open(tmp_path / "ws") as store:
        summary = ingest_paths(store, [tmp_path / "registry.xlsx"])
        assert summary.records == 1
        assert next(store.iter_nodes("Employer")).props["uscc"] == "91410502MA3X5Y0K2B"


def test_malformed_rows_are_quarantined_with_line_numbers(tmp_path: Path) -> None:
    good = json.dumps(sham_case(1, "张桂兰", "1968-05-02"), ensure_ascii=False)
    bad_role = json.dumps({**sham_case(2, "刘秀英", "1967-02-02"),
                           "parties": [{"name": "x", "role": "boss"}]}, ensure_ascii=False)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cases.jsonl").write_text(f"{good}\n{{broken\n{bad_role}\n", "utf-8")
    (tmp_path / "in" / "registry.csv").write_text(
        f"{REGISTRY_HEADER}\n{ROW}\n坏公司,123,张三,存续,2005-01-01,1万,2,,,,,\n"
        "好公司,,王五,存续,2005-13-45,1万,3,,,,,\n", "utf-8")
    with SQLiteStore.open(tmp_path / "ws") as store:
        summary = ingest_paths(store, [tmp_path / "in"])
        stored = store.problems()
        assert store.counts()["documents"] == {"total": 1}
    where = sorted((Path(p.file).name, p.line, p.field) for p in summary.problems)
    assert where == [("cases.jsonl", 2, ""), ("cases.jsonl", 3, "parties[0].role"),
                     ("registry.csv", 3, "统一社会信用代码"), ("registry.csv", 4, "成立日期")]
    assert summary.quarantined == 4 and summary.records == 2
    assert len(stored) == 4 and all(p.reason for p in stored)


def test_utf16_tables_are_read_and_undecodable_files_quarantined(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "registry.csv").write_bytes(f"{REGISTRY_HEADER}\n{ROW}\n".encode("utf-16"))
    (tmp_path / "in" / "garbage.csv").write_bytes(b"\xff\xff\xff\x80,a\n")
    with SQLiteStore.open(tmp_path / "ws") as store:
        summary = ingest_paths(store, [tmp_path / "in"])
        [problem] = store.problems()
        employer = store.node("Employer:安阳市恒达废旧物资回收有限公司")
    registry = next(f for f in summary.files if f.path.endswith("registry.csv"))
    assert summary.records == 1 and registry.encoding == "utf-16"
    # decoded, not merely read: the row's Chinese text and dates reach the store intact
    assert employer is not None
    assert {k: employer.props[k] for k in ("uscc", "legal_representative", "status", "founded",
                                           "address", "former_names")} == {
        "uscc": "91410502MA3X5Y0K2B", "legal_representative": "李强", "status": "注销",
        "founded": "2005-03-01", "address": "安阳市文峰区中华路8号",
        "former_names": ["安阳恒达回收站", "恒达回收"]}
    assert (Path(problem.file).name, problem.line) == ("garbage.csv", 0)
    assert "--encoding" in problem.reason
    assert [f.status for f in summary.files if f.path.endswith("garbage.csv")] == ["quarantined"]


def test_unknown_table_is_quarantined_and_says_which_columns_are_accepted(
        province: Path, tmp_path: Path) -> None:
    (province / "other.csv").write_text("a,b,c\n1,2,3\n", "utf-8")
    with SQLiteStore.open(tmp_path / "ws") as store:
        summary = ingest_paths(store, [province])
        [problem] = store.problems()
    assert summary.records == 9
    assert [f.status for f in summary.files if f.path.endswith("other.csv")] == ["quarantined"]
    assert Path(problem.file).name == "other.csv" and problem.line == 0
    assert "docs/inputs.md" in problem.reason


def test_a_missing_path_is_an_error(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path / "ws") as store, pytest.raises(LoadError, match="nope"):
        ingest_paths(store, [tmp_path / "nope"])


def test_small_batches_give_the_same_store(province: Path, tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path / "a") as a, SQLiteStore.open(tmp_path / "b") as b:
        ingest_paths(a, [province], batch_size=1)
        ingest_paths(b, [province], batch_size=1000)
        assert a.counts() == b.counts()
        assert [n.id for n in a.iter_nodes()] == [n.id for n in b.iter_nodes()]


def test_a_tianyancha_jsonl_export_is_read_as_a_registry(tmp_path: Path) -> None:
    """Tianyancha API dumps are JSON Lines of registry records: told apart from case records by
    their keys, dates in epoch milliseconds (China time), before 1970 too."""
    import json

    from ringtrace.graph.store.sqlite import SQLiteStore
    from ringtrace.loaders.ingest import ingest_paths
    from ringtrace.loaders.sources import classify

    rows = [{"name": "安阳市恒达废旧物资回收有限公司", "creditCode": "91410502MA3X5Y0K2B",
             "legalPersonName": "李强", "regStatus": "吊销，未注销", "estiblishTime": -136540800000,
             "socialStaffNum": 2, "historyNames": "安阳市恒达物资站;恒达回收站"},
            {"name": "新乡市瑞丰再生资源回收有限公司", "creditCode": None,
             "regNumber": "410700000012345", "estiblishTime": 847900800000}]
    path = tmp_path / "registry.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    assert classify(path).kind == "registry"  # type: ignore[union-attr]
    with SQLiteStore.open(tmp_path / "ws") as store:
        summary = ingest_paths(store, [path])
        assert summary.records == 2 and summary.quarantined == 0
        employers = {n.props["name"]: n.props for n in store.iter_nodes("Employer")}
    first = employers["安阳市恒达废旧物资回收有限公司"]
    assert first["founded"] == "1965-09-04" and first["insured_headcount"] == 2
    assert first["former_names"] == ["安阳市恒达物资站", "恒达回收站"]
    assert employers["新乡市瑞丰再生资源回收有限公司"]["founded"] == "1996-11-14"


GONGSHI = ("主体名称,统一社会信用代码/注册号,类型,法定代表人,登记机关,成立日期,核准日期,经营期限自,经营期限至,"
           "登记状态,住所")


@pytest.mark.parametrize(("header", "code", "uscc", "registration"), [
    (GONGSHI, "91410502MA3X5Y0K2B", "91410502MA3X5Y0K2B", None),
    (GONGSHI, "410502000012345", None, "410502000012345"),   # closed before the 2015 reform
    (GONGSHI.replace("统一社会信用代码/注册号", "统一社会信用代码（注册号）"), "410502000012345", None,
     "410502000012345"),
    (GONGSHI.replace("统一社会信用代码/注册号", "注册号/统一社会信用代码"), "4105021000123", None,
     "4105021000123"),                                       # a 13-digit 注册号 of the 1990s
    (GONGSHI.replace("统一社会信用代码/注册号", "统一社会信用代码"), "410502000012345", None,
     "410502000012345"),
])
def test_a_gongshi_table_is_read_as_a_registry(tmp_path: Path, header: str, code: str,
                                               uscc: str | None, registration: str | None) -> None:
    """The 公示系统's own column names (主体名称, one column for USCC or 注册号, 核准日期 and
    营业期限 beside 成立日期): 注册号 goes where it belongs and 核准日期 is no founding date."""
    path = tmp_path / "gongshi.csv"
    path.write_text(f"{header}\n安阳市恒达废旧物资回收有限公司,{code},有限责任公司(自然人投资或控股),李强,"
                    "安阳市文峰区市场监督管理局,1996年11月14日,2019年03月01日,1996年11月14日,长期,存续,"
                    "安阳市文峰区中华路8号\n", "utf-8")
    with SQLiteStore.open(tmp_path / "ws") as store:
        summary = ingest_paths(store, [path])
        [employer] = list(store.iter_nodes("Employer"))
    assert summary.files[0].kind == "registry" and summary.clean
    props = employer.props
    assert props["name"] == "安阳市恒达废旧物资回收有限公司"
    assert props.get("uscc") == uscc and props.get("registration_number") == registration
    assert props["founded"] == "1996-11-14" and props["status"] == "存续"
    assert props["legal_representative"] == "李强"
    assert props["company_type"] == "有限责任公司(自然人投资或控股)"
    assert props["address"] == "安阳市文峰区中华路8号"


def test_a_registry_organisation_code_column_is_kept(tmp_path: Path) -> None:
    """Tianyancha exports carry 组织机构代码 beside the USCC (a closed firm may have no USCC)."""
    path = tmp_path / "tianyancha.csv"
    path.write_text("企业名称,统一社会信用代码,组织机构代码,登记状态\n"
                    "沧州市五环纸业有限公司,,10661739-1,吊销，未注销\n", "utf-8")
    with SQLiteStore.open(tmp_path / "ws") as store:
        summary = ingest_paths(store, [path])
        [employer] = list(store.iter_nodes("Employer"))
    assert summary.files[0].kind == "registry" and summary.clean
    assert employer.props["org_code"] == "10661739-1" and not employer.props.get("uscc")


@pytest.mark.parametrize("label", ["法定代表人", "负责人", "经营者", "投资人"])
def test_each_registrant_type_names_its_representative(tmp_path: Path, label: str) -> None:
    """The 公示系统 labels the person by the registrant's type: a company's 法定代表人, a
    branch's 负责人, a 个体工商户's 经营者, a 个人独资企业's 投资人."""
    path = tmp_path / "registry.csv"
    path.write_text(f"企业名称,统一社会信用代码,{label}\n安阳市文峰区恒达回收站,92410502MA3X5Y0K2B,李强\n",
                    "utf-8")
    with SQLiteStore.open(tmp_path / "ws") as store:
        ingest_paths(store, [path])
        [employer] = list(store.iter_nodes("Employer"))
    assert employer.props["legal_representative"] == "李强"


_TYC = {"name": "安阳市恒达废旧物资回收有限公司", "creditCode": "91410502MA3X5Y0K2B",
        "regStatus": "存续（在营、开业、在册）", "estiblishTime": "847900800000",
        "historyNames": "安阳市恒达物资站\t恒达回收站;\t", "socialStaffNum": "-",
        "companyOrgType": "有限责任公司(自然人投资或控股)", "cancelDate": None,
        "revokeDate": "-136540800000"}


@pytest.mark.parametrize("line", [_TYC, {"result": _TYC, "reason": "ok", "error_code": 0}],
                         ids=["record", "api-envelope"])
def test_tianyancha_api_lines_as_clients_write_them(tmp_path: Path, line: dict[str, object]
                                                   ) -> None:
    """API clients write epochs as text and append whole responses (envelope included); the
    former names come tab-separated with a trailing separator."""
    path = tmp_path / "tyc.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", "utf-8")
    with SQLiteStore.open(tmp_path / "ws") as store:
        summary = ingest_paths(store, [path])
        [employer] = list(store.iter_nodes("Employer"))
    assert summary.files[0].kind == "registry" and summary.clean
    props = employer.props
    assert props["founded"] == "1996-11-14" and props["revoke_date"] == "1965-09-04"
    assert props["former_names"] == ["安阳市恒达物资站", "恒达回收站"]
    assert "insured_headcount" not in props  # "-" is unknown, not zero
    assert props["status"] == "存续（在营、开业、在册）"
    assert props["uscc"] == "91410502MA3X5Y0K2B"


def test_copies_are_found_hashing_each_file_at_most_once(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from ringtrace.loaders.parsed import file_digest as digest

    hashed: list[Path] = []

    def counted(path: Path) -> str:
        hashed.append(path)
        return digest(path)

    monkeypatch.setattr("ringtrace.loaders.ingest.file_digest", counted)
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(30):  # thirty documents of one size, the last two copies of the first two
        (folder / f"{n:02d}.txt").write_text(f"判决书{n % 28:02d}", encoding="utf-8")
    (folder / "other.txt").write_text("另一个长度的文书", encoding="utf-8")
    with SQLiteStore.open(tmp_path / "ws") as store:
        summary = ingest_paths(store, [folder])
    copies = {Path(f.path).name: Path(f.same_as or "").name for f in summary.duplicates}
    assert copies == {"28.txt": "00.txt", "29.txt": "01.txt"}
    assert len(hashed) == len(set(hashed)) == 30  # the one file of its size is never hashed


def test_masked_case_numbers_keep_their_disputes_apart(tmp_path: Path) -> None:
    """Mirrors that mask the serial (``第X号``) print one number for every masked ruling of a
    court and year: two such documents are two cases, and a ledger row citing that number
    links to neither."""
    records = []
    for n, applicant in enumerate(["谢XX", "王XX"]):
        record = sham_case(n, applicant, "1966-05-0" + str(n + 1))
        record["case_number"] = "[2021]豫0502民初字第X号"
        records.append(record)
    records.append(sham_case(7, "李桂兰", "1965-02-01"))
    path = tmp_path / "cases.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    with SQLiteStore.open(tmp_path / "ws") as store:
        first = ingest_paths(store, [path])
        again = ingest_paths(store, [path])
        assert first.counts_after["nodes"]["Case"] == 3
        assert again.counts_after == first.counts_after
        assert len(store.case_ids_for_number("(2021)豫0502民初X号")) == 2  # a search lists both
        assert store.basis_case_ids("(2021)豫0502民初字第X号") == []
        assert store.basis_case_ids("(2021)豫0502民初7号") == store.case_ids_for_number(
            "（2021）豫0502民初７号") != []


def test_a_workspace_keyed_by_other_identity_rules_refuses_ingest(tmp_path: Path) -> None:
    """Node ids made by other identity rules would store a document already held a second time
    under its new id: ingest says to use a new workspace; the old one stays readable."""
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps(sham_case(1, "张桂兰", "1966-05-01"), ensure_ascii=False) + "\n",
                    encoding="utf-8")
    with SQLiteStore.open(tmp_path / "ws") as store:
        ingest_paths(store, [path])
        assert store.keys_version() == KEYS_VERSION
        ingest_paths(store, [path])  # the same rules: idempotent, as ever
        store.record_keys_version(KEYS_VERSION - 1)
        with pytest.raises(StoreError, match="new workspace") as refused:
            ingest_paths(store, [path])
        assert f"version {KEYS_VERSION - 1}" in str(refused.value)
        assert store.counts()["nodes"]["Case"] == 1
        store.conn.execute("DELETE FROM meta WHERE key = 'keys_version'")  # before versions
        with pytest.raises(StoreError, match="an older version"):
            ingest_paths(store, [path])
