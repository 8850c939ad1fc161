"""Assemble one corpus: documents, a Tianyancha-style registry, a back-payment ledger and
``truth.json`` (the format ``ringtrace eval --truth`` reads)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter, defaultdict
from pathlib import Path

from tools.altcorpus import render, stories
from tools.altcorpus.world import Case, World


def cases_of(seed: int) -> tuple[World, list[Case]]:
    w = World(seed)
    cases: list[Case] = []
    makers = ([lambda rid: stories.ring_intermediary(w, rid, False)] * 3
              + [lambda rid: stories.ring_intermediary(w, rid, True)] * 2
              + [lambda rid: stories.ring_relatives(w, rid)] * 2
              + [lambda rid: stories.ring_prefounding(w, rid)]
              + [lambda rid: stories.ring_mediation(w, rid)] * 2)
    for i, make in enumerate(makers):
        cases += make(f"AR{seed}-{i:02d}")
    for make in (stories.decoy_closing, stories.decoy_closing, stories.decoy_longserving, stories.decoy_young,
                 stories.decoy_supported, stories.decoy_one_firm):
        cases += make(w)
    cases += stories.decoy_archives(w, soe=False) + stories.decoy_archives(w, soe=True)
    cases += stories.background(w, 180)
    w.rng.shuffle(cases)
    return w, cases


def write(seed: int, out: Path) -> dict:
    w, cases = cases_of(seed)
    rng = w.rng
    docs = out / "documents"
    docs.mkdir(parents=True, exist_ok=True)
    seq: Counter[str] = Counter()
    layouts: Counter[str] = Counter()
    truth_cases = []
    for i, c in enumerate(cases):
        forum = render.forum_name(c)
        seq[forum] += rng.randrange(1, 40)
        c.number = render.number(rng, c, seq[forum])
        text, layout, printed, firm = render.render(rng, c, c.number)
        if rng.random() < 0.15:
            c.file, data = f"documents/{i:05d}.html", render.to_html(rng, text).encode("utf-8")
            layout += "+html"
        elif rng.random() < 0.12:
            c.file, data = f"documents/{i:05d}.txt", text.encode("gb18030")
            layout += "+gb18030"
        else:
            c.file, data = f"documents/{i:05d}.txt", text.encode("utf-8")
        (out / c.file).write_bytes(data)
        layouts[layout] += 1
        truth_cases.append({"file": c.file, "case_number": c.number, "forum": forum, "group": c.group,
                            "kind": c.kind, "ring_id": c.ring_id, "layout": layout,
                            "facts": _facts(c, printed, firm)})
    _registry(w, out / "registry.csv")
    _ledger(cases, out / "backpayments.csv")
    rings: dict[str, dict] = defaultdict(lambda: {"case_numbers": []})
    for c in cases:
        if c.ring_id:
            rings[c.ring_id].update(ring_id=c.ring_id, typology=c.kind)
            rings[c.ring_id]["case_numbers"].append(c.number)
    truth = {"generator": "tools.altcorpus", "seed": seed, "rings": list(rings.values()),
             "sham_case_numbers": [c.number for c in cases if c.group == "ring"],
             "decoys": [{"case_number": c.number, "kind": c.kind} for c in cases if c.group == "decoy"],
             "cases": truth_cases, "layouts": dict(layouts)}
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), "utf-8")
    return truth


def _facts(c: Case, printed: str, firm: str) -> dict[str, object]:
    """What the document states, for comparing the parsed record field by field."""
    return {"document": c.doc, "applicant": printed, "employer": firm,
            "employer_registry": c.employer.name, "uscc": c.employer.uscc,
            "start": c.start.isoformat(), "end": c.end.isoformat(), "stance": c.stance,
            # an employer's suit claims no money: it asks for a finding of no relationship
            "wages": 0 if c.doc == "employer_suit" else c.wages, "supporter": c.supporter,
            # a refusal notice is written to the applicant and prints no agents
            "applicant_agent": c.applicant_agent.person.name if c.applicant_agent and c.doc != "refusal" else None,
            "employer_agent": c.employer_agent.person.name if c.employer_agent and c.doc != "refusal" else None}


def _registry(w: World, path: Path) -> None:
    """Tianyancha-style export: a title row, its own column names, about 92% coverage."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["天眼查 企业数据导出", f"导出时间：{dt.date(2024, 5, 6)}"])
        out.writerow(["公司名称", "法定代表人", "经营状态", "成立日期", "注册资本", "统一社会信用代码",
                      "参保人数", "企业类型", "注册地址", "曾用名"])
        for e in w.employers:
            if w.rng.random() < 0.08:
                continue
            out.writerow([e.name, e.legal_rep.name, e.status, f"{e.founded:%Y-%m-%d}",
                          f"{w.rng.choice([50, 100, 300, 1000])}万人民币", e.uscc or "-",
                          "-" if e.insured is None else e.insured, e.kind, e.legal_rep.address,
                          e.former_name or "-"])


def _ledger(cases: list[Case], path: Path) -> None:
    """Back-payments made on the strength of confirmed periods (shams and genuine archives)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["姓名", "身份证号", "单位名称", "补缴起始年月", "补缴终止年月", "补缴金额", "依据文书案号", "办理日期"])
        for c in cases:
            if c.doc == "refusal" or c.stance == "contest" or not (c.group == "ring" or c.purpose):
                continue
            start = max(c.start, dt.date(1995, 1, 1))
            if start >= c.end:
                continue
            out.writerow([c.applicant.name, c.applicant.id_number, c.employer.name, f"{start:%Y%m}",
                          f"{c.end:%Y%m}", (c.end.year - start.year + 1) * 9800, c.number,
                          f"{c.decided + dt.timedelta(days=40):%Y-%m-%d}"])
