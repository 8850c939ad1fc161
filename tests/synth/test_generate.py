"""The generated province: valid records, consistent truth, determinism, distributions."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest

from ringtrace.errors import RingtraceError
from ringtrace.graph.identity import normalize_case_number, normalize_company, uscc_valid
from ringtrace.graph.records import case_from_dict
from ringtrace.synth import generate
from ringtrace.synth.ids import id_number_valid
from ringtrace.synth.registry import REGISTRY_HEADER
from ringtrace.synth.writers import BACKPAY_HEADER
from tests.synth.conftest import CASES, SEED, Province

FILES = ("cases.jsonl", "registry.csv", "backpayments.csv", "truth.json")


def _read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} must start with a UTF-8 BOM"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _age(birth: str, on: str) -> float:
    return (dt.date.fromisoformat(on) - dt.date.fromisoformat(birth)).days / 365.25


def _years(start: str, end: str) -> float:
    def point(text: str) -> float:
        parts = [int(x) for x in text.split("-")]
        return parts[0] + (parts[1] - 1) / 12 if len(parts) > 1 else parts[0] + 0.5
    return point(end) - point(start)


# -- files and records ----------------------------------------------------------------------
def test_every_line_is_a_valid_interchange_record(province: Province) -> None:
    assert len(province.records) == CASES == province.summary.cases
    for line in province.records:
        record = case_from_dict(line)
        assert record.to_dict() == line  # exactly CaseRecord.to_dict()


def test_each_line_is_the_text_the_standard_json_writer_gives(province: Province) -> None:
    lines = (province.root / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == CASES
    for text in lines:
        assert text == json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))


def test_case_numbers_are_unique_across_the_province(province: Province) -> None:
    assert len(province.by_number) == CASES


def test_files_and_headers(province: Province) -> None:
    for name in FILES:
        assert (province.root / name).is_file()
    header, rows = _read_csv(province.root / "registry.csv")
    assert header == list(REGISTRY_HEADER)
    assert len(rows) == province.summary.registry_rows > 0
    header, rows = _read_csv(province.root / "backpayments.csv")
    assert header == list(BACKPAY_HEADER)
    assert len(rows) == province.summary.backpayments > 0


def test_registry_cells_look_like_an_export(province: Province) -> None:
    _, rows = _read_csv(province.root / "registry.csv")
    statuses = Counter(r["登记状态"] for r in rows)
    assert set(statuses) <= {"存续", "在业", "注销", "吊销", "清算", "迁出", "停业"}
    assert statuses["存续"] > statuses["注销"] > 0
    founded = [r["成立日期"] for r in rows]
    assert sum(len(d) == 10 and d[4] == "-" for d in founded) > 0.8 * len(rows)
    assert any("年" in d for d in founded) and any("/" in d for d in founded)
    assert all(r["注册资本"].endswith(("万人民币", "万元", "万元人民币")) for r in rows)
    headcounts = [r["参保人数"] for r in rows]
    assert all(h.isdigit() or h in ("", "-") for h in headcounts)
    assert any("；" in r["曾用名"] for r in rows) or any(r["曾用名"] for r in rows)
    assert all(r["注销日期"] for r in rows if r["登记状态"] == "注销")


def test_registered_names_identify_one_firm(province: Province) -> None:
    _, rows = _read_csv(province.root / "registry.csv")
    names = [normalize_company(n) for r in rows
             for n in [r["企业名称"], *filter(None, r["曾用名"].split("；"))]]
    assert len(names) == len(set(names))
    assert len({r["统一社会信用代码"] for r in rows}) == len(rows)


def test_uscc_checksums_valid_except_a_few_legacy_codes(province: Province) -> None:
    _, rows = _read_csv(province.root / "registry.csv")
    invalid = [r["统一社会信用代码"] for r in rows if not uscc_valid(r["统一社会信用代码"])]
    assert all(len(code) == 18 for code in invalid)
    assert 0 < len(invalid) < 0.03 * len(rows)


def test_backpayment_rows(province: Province) -> None:
    _, rows = _read_csv(province.root / "backpayments.csv")
    for row in rows:
        assert id_number_valid(row["身份证号"])
        assert row["补缴起始年月"] >= "1995-01"  # Henan: no back-payment before 1995
        assert row["补缴起始年月"] <= row["补缴终止年月"]
        assert float(row["补缴金额"]) > 0
        assert normalize_case_number(row["依据文书案号"]) in province.by_number
    sham_basis = sum(normalize_case_number(r["依据文书案号"]) in province.sham for r in rows)
    assert 0 < sham_basis < len(rows)  # legitimate confirmations are back-paid too
    confirmed_sham = [n for n in province.sham if province.by_number[n]["outcome"]
                      in ("confirmed", "mediated")]
    assert sham_basis > 0.6 * len(confirmed_sham)  # most confirmed sham cases are back-paid


# -- truth ------------------------------------------------------------------------------
def test_truth_is_consistent_with_the_cases(province: Province) -> None:
    truth = province.truth
    assert truth["seed"] == SEED and truth["case_count"] == CASES and truth["generator_version"]
    ring_numbers = [normalize_case_number(n) for ring in truth["rings"]
                    for n in ring["case_numbers"]]
    assert len(ring_numbers) == len(set(ring_numbers))
    assert set(ring_numbers) == province.sham
    assert province.sham <= set(province.by_number)
    assert set(province.decoys) <= set(province.by_number)
    assert not province.sham & set(province.decoys)
    for ring in truth["rings"]:
        assert ring["intermediary"]["name"] and ring["intermediary"]["phone"]
        dt.date.fromisoformat(ring["intermediary"]["birth_date"])
        assert ring["employers"] and ring["forums"] and len(ring["applicants"]) >= 2
        forums = {province.by_number[normalize_case_number(n)]["forum"]
                  for n in ring["case_numbers"]}
        assert forums == set(ring["forums"])


def _masked(name: str) -> bool:
    return any(mark in name for mark in ("*", "某", "X"))


def test_ring_applicants_and_agents_appear_in_their_cases(province: Province) -> None:
    for ring in province.truth["rings"]:
        records = [province.by_number[normalize_case_number(n)] for n in ring["case_numbers"]]
        first = [r for r in records if r["procedure"] != "二审"]
        assert len(first) == len(ring["applicants"])  # one case per applicant
        workers = [p["name"] for r in first for p in r["parties"] if p["side"] == "worker"]
        assert {w for w in workers if not _masked(w)} <= set(ring["applicants"])
        agents = [a["name"] for r in records for a in r.get("agents", [])]
        missing = set(ring["agents"]) - set(agents)
        assert not missing or any(_masked(a) for a in agents)  # hidden only by masking


def test_decoys_of_every_kind(province: Province) -> None:
    kinds = Counter(province.decoys.values())
    assert set(kinds) == {"restructured_soe", "factory_closure_group", "work_injury",
                          "big_employer", "busy_law_firm"}


# -- determinism ------------------------------------------------------------------------
def test_same_seed_same_bytes_different_seed_different(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", seed=5, cases=400)
    b = generate(tmp_path / "b", seed=5, cases=400)
    generate(tmp_path / "c", seed=6, cases=400)
    assert a.files == b.files
    for name in FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
        assert (tmp_path / "a" / name).read_bytes() != (tmp_path / "c" / name).read_bytes()


# -- typology switches ------------------------------------------------------------------
def test_typology_switch_keeps_only_the_chosen_rings(tmp_path: Path) -> None:
    summary = generate(tmp_path, seed=3, cases=1500, typologies="tiny,spread")
    truth = json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))
    assert {r["typology"] for r in truth["rings"]} == {"tiny", "spread"}
    assert all(2 <= len(r["applicants"]) <= 4 for r in truth["rings"] if r["typology"] == "tiny")
    assert set(summary.rings) == {"tiny", "spread"}


def test_no_rings_gives_a_clean_province(tmp_path: Path) -> None:
    summary = generate(tmp_path, seed=3, cases=300, typologies="none")
    truth = json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))
    assert truth["rings"] == [] and truth["sham_case_numbers"] == []
    assert summary.sham_cases == 0 and summary.cases == 300


def test_unknown_typology_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RingtraceError, match="unknown typology bogus; choose from"):
        generate(tmp_path, seed=1, cases=10, typologies="bogus")


def test_xlsx_registry(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    summary = generate(tmp_path, seed=2, cases=200, registry_format="xlsx")
    assert "registry.xlsx" in summary.files and not (tmp_path / "registry.csv").exists()
    rows = list(load_workbook(tmp_path / "registry.xlsx", read_only=True).worksheets[0]
                .iter_rows(values_only=True))
    assert list(rows[0]) == list(REGISTRY_HEADER)
    assert len(rows) - 1 == summary.registry_rows


# -- distributions ----------------------------------------------------------------------
def _sham_workers(province: Province) -> list[tuple[dict, dict]]:
    out = []
    for number in province.sham:
        record = province.by_number[number]
        if record["procedure"] != "二审":
            out.append((record, next(p for p in record["parties"] if p["side"] == "worker")))
    return out


def test_sham_applicants_ages_and_sex(province: Province) -> None:
    pairs = _sham_workers(province)
    women = [w for _, w in pairs if w["sex"] == "女"]
    assert 0.55 < len(women) / len(pairs) < 0.75
    ages = [(w["sex"], _age(w["birth_date"], r["filing_date"])) for r, w in pairs
            if w.get("birth_date") and r.get("filing_date")]
    female = [a for s, a in ages if s == "女"]
    male = [a for s, a in ages if s == "男"]
    assert sum(44.5 <= a <= 58.5 for a in female) > 0.97 * len(female)
    assert sum(53.5 <= a <= 63.5 for a in male) > 0.97 * len(male)
    assert 0.04 < sum(a >= 55 for a in female) / len(female) < 0.3  # some just over retirement


def test_sham_claimed_periods(province: Province) -> None:
    lengths = [_years(r["claimed_start"], r["claimed_end"]) for r, _ in _sham_workers(province)]
    n = len(lengths)
    mid = sum(13.5 <= x < 17.6 for x in lengths) / n
    short = sum(9.5 <= x < 13.5 for x in lengths) / n
    long = sum(x >= 17.6 for x in lengths) / n
    assert 0.55 < mid < 0.85 and 0.1 < short < 0.32 and 0.04 < long < 0.2
    starts = [int(r["claimed_start"][:4]) for r, _ in _sham_workers(province)]
    assert sum(s < 1995 for s in starts) > 0.03 * n


def test_sham_decisions_come_within_a_month(province: Province) -> None:
    delays = [(dt.date.fromisoformat(r["decision_date"])
               - dt.date.fromisoformat(r["filing_date"])).days
              for r, _ in _sham_workers(province) if r.get("filing_date")]
    assert all(0 <= d <= 30 for d in delays)
    assert any(d == 0 for d in delays)


def test_most_confirmation_cases_are_legitimate(province: Province) -> None:
    assert 0.70 <= province.summary.legitimate_confirmation_share <= 0.85


def test_naive_rules_also_flag_legitimate_cases(province: Province) -> None:
    """Admissions, mediations, pension purposes and deregistered employers occur in genuine
    confirmation cases too, so no single naive signal identifies a sham case."""
    def confirmation(r: dict) -> bool:
        return "确认劳动关系" in r.get("cause", "") or r["claim_kind"] == "confirmation_only"

    signals = {
        "admits": lambda r: r["defendant_response"] in ("admits", "no_objection"),
        "mediated": lambda r: r["outcome"] == "mediated",
        "purpose": lambda r: any(s["kind"] == "purpose" for s in r["spans"]),
        "relative_agent": lambda r: any(a["kind"] == "relative" for a in r.get("agents", [])),
        "lay_agent": lambda r: any(a["kind"] == "other" for a in r.get("agents", [])),
        "quick": lambda r: r.get("filing_date") is not None and (
            dt.date.fromisoformat(r["decision_date"])
            - dt.date.fromisoformat(r["filing_date"])).days <= 30,
    }
    for name, signal in signals.items():
        flagged = [n for n, r in province.by_number.items() if confirmation(r) and signal(r)]
        sham = sum(n in province.sham for n in flagged)
        assert 0.04 < sham / len(flagged) < 0.85, name


def test_file_order_does_not_separate_sham_cases(province: Province) -> None:
    positions = [i / CASES for i, r in enumerate(province.records)
                 if normalize_case_number(r["case_number"]) in province.sham]
    assert 0.3 < sum(positions) / len(positions) < 0.7
    assert len({int(p * 10) for p in positions}) >= 7  # sham lines in most tenths of the file


def test_number_registers_mix_sham_and_legitimate_cases(province: Province) -> None:
    registers: dict[tuple[str, str], set[bool]] = {}
    for number, record in province.by_number.items():
        key = (record["forum"], number[:6])
        registers.setdefault(key, set()).add(number in province.sham)
    assert sum(kinds == {True, False} for kinds in registers.values()) >= 10


def test_masked_names_and_ids_appear_on_a_few_documents(province: Province) -> None:
    masked = [r for r in province.records
              if any("*" in p["name"] or "某" in p["name"] or "X" in p["name"]
                     for p in r["parties"] if p["side"] == "worker")]
    assert 0.01 < len(masked) / CASES < 0.08
    ids = [p["id_number"] for r in province.records for p in r["parties"] if p.get("id_number")]
    assert ids and all("*" in i and len(i) == 18 for i in ids)
