"""Write one world: documents/, registry.csv (Tianyancha-style) and truth.json."""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from tools.blindcorpus import layout
from tools.blindcorpus.people import Company
from tools.blindcorpus.render import render
from tools.blindcorpus.world import Case, World, plan

REGISTRY_COLUMNS = ("企业名称", "统一社会信用代码", "注册号", "法定代表人", "登记状态", "成立日期", "核准日期", "注册资本",
                    "参保人数", "注册地址", "企业类型", "所属行业", "曾用名", "注销日期", "吊销日期")


def registry_spelling(c: Company, rng: random.Random, share: float) -> tuple[str, str]:
    """(registry name, document name): the registry and the documents may spell one firm apart.

    Tianyancha puts the region in brackets after the trade name (金源（安阳）…), the documents drop
    市 or shorten 有限责任公司 to 有限公司.
    """
    reg = c.name
    doc = c.name
    if rng.random() >= share:
        return reg, doc
    city = c.county.city
    r = rng.random()
    if r < 0.35 and city and reg.startswith(city) and reg.endswith("公司"):
        rest = reg[len(city):]
        word = rest[:2]
        reg = f"{word}（{city.rstrip('市')}）{rest[2:]}"
    elif r < 0.65 and city and doc.startswith(city):
        doc = city.rstrip("市") + doc[len(city):]
    elif reg.endswith("有限责任公司"):
        doc = doc[: -len("有限责任公司")] + "有限公司"
    elif reg.endswith("有限公司"):
        reg = reg[: -len("有限公司")] + "有限责任公司"
    return reg, doc


def _date_cell(d: date | None, rng: random.Random) -> str:
    if d is None:
        return rng.choice(("-", "", "--"))
    r = rng.random()
    if r < 0.7:
        return d.isoformat()
    if r < 0.85:
        return f"{d.year}年{d.month}月{d.day}日"
    dt = datetime(d.year, d.month, d.day, tzinfo=UTC)
    return str(int(dt.timestamp() * 1000) - 8 * 3600 * 1000)


def write_registry(world: World, out: Path, rng: random.Random, names: dict[str, str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([f"天眼查导出数据 共{sum(1 for c in world.companies if c.in_registry)}条 导出时间2024-06-30"] + [""] * 3)
    w.writerow(REGISTRY_COLUMNS)
    for i, c in enumerate(sorted((c for c in world.companies if c.in_registry), key=lambda c: c.uscc)):
        name = names[c.eid]
        staff = "-" if c.staff is None else str(c.staff)
        old = c.founded.year < 2000 and c.status in ("吊销", "注销") and rng.random() < 0.5
        regno = c.county.code + "".join(str(rng.randint(0, 9)) for _ in range(9))
        w.writerow([name, "-" if old else c.uscc, regno if old or rng.random() < 0.3 else "-", c.legal_rep.name, c.status, _date_cell(c.founded, rng),
                    _date_cell(c.cancelled or c.revoked or date(2020, 1, 1), rng), c.capital, staff,
                    c.address, c.org_type, c.industry, "；".join(c.former_names) or "-",
                    _date_cell(c.cancelled, rng) if c.cancelled else "-",
                    _date_cell(c.revoked, rng) if c.revoked else "-"])
        rows.append({"row": i, "printed": name, "entity": c.eid})
    (out / "registry.csv").write_bytes(("\ufeff" + buf.getvalue()).encode("utf-8"))
    return rows


def _meta(c: Case, title: str, parties: str) -> dict[str, str]:
    court = c.county.commission if c.doc_type in ("award", "arb_mediation", "refusal") else c.county.court
    return {"案号": c.case_number, "案件名称": f"{parties}{c.cause}{title}", "法院": court,
            "裁判日期": c.decision.isoformat(), "案由": c.cause, "案件类型": "民事案件",
            "审理程序": "二审" if c.doc_type == "appeal" else "一审", "当事人": parties}


def write(seed: int, out: Path, n_cases: int = 2000) -> dict[str, Any]:
    """Plan and write the world for `seed` under `out`; return the truth written to truth.json."""
    world = plan(seed, n_cases)
    rng = random.Random(seed * 7919 + 17)
    out.mkdir(parents=True, exist_ok=True)
    (out / "documents").mkdir(exist_ok=True)
    k = {
        "mask_level": rng.uniform(0.15, 0.6),
        "spelling": rng.uniform(0.15, 0.4),
        "txt": rng.uniform(0.3, 0.5), "wenshu": rng.uniform(0.1, 0.25), "mirror": rng.uniform(0.1, 0.25),
        "word": rng.uniform(0.05, 0.15), "repost": rng.uniform(0.03, 0.08),
        "gb": rng.uniform(0.1, 0.3), "traditional": rng.uniform(0.03, 0.12), "bom": rng.uniform(0.0, 0.15),
        "crlf": rng.uniform(0.1, 0.5), "breaks": rng.uniform(0.0, 0.15), "halfwidth": rng.uniform(0.0, 0.15),
        "duplicate": rng.uniform(0.01, 0.05), "former_name_docs": rng.uniform(0.2, 0.6),
    }
    reg_names: dict[str, str] = {}
    doc_names: dict[str, str] = {}
    for comp in world.companies:
        reg_names[comp.eid], doc_names[comp.eid] = registry_spelling(comp, rng, k["spelling"])
    registry_rows = write_registry(world, out, rng, reg_names)
    forms = ("txt", "wenshu", "mirror", "word", "repost")
    weights = [k[f] for f in forms]
    truth_cases: list[dict[str, Any]] = []
    all_numbers = [c.case_number for c in world.cases]
    order = list(world.cases)
    rng.shuffle(order)
    file_no = 0

    def emit(c: Case, form: str) -> None:
        nonlocal file_no
        ename = doc_names[c.company.eid] if rng.random() < 0.75 else c.company.name
        if c.company.former_names and c.filing.year < 2019 and rng.random() < k["former_name_docs"]:
            ename = c.company.former_names[0]
        doc = render(c, rng, ename, k["mask_level"])
        text = "\n".join(doc.lines)
        starts = ""
        script = "simplified"
        if form == "repost":
            text, starts = layout.repost_text(doc, rng)
        if form in ("txt", "repost") and rng.random() < k["breaks"]:
            text = layout.noisy_breaks(text, rng)
        if form == "txt" and rng.random() < k["halfwidth"]:
            text = layout.halfwidth(text)
        trad = rng.random() < k["traditional"]
        if form == "wenshu":
            body = layout.wenshu_html(doc, rng)
        elif form == "mirror":
            parties = "、".join(m["printed"] for m in doc.mentions if m["role"] in ("party",))
            body = layout.mirror_html(doc, rng, _meta(c, doc.title, parties), rng.sample(all_numbers, 3))
        elif form == "word":
            body = layout.word_html(doc, rng)
        else:
            body = text
        if trad:
            body = layout.traditional(body)
            script = "traditional"
        ext = "html" if form in ("wenshu", "mirror", "word") else "txt"
        encoding = "gb18030" if rng.random() < k["gb"] else "utf-8"
        if encoding == "gb18030" and form in ("wenshu", "mirror"):
            body = body.replace("charset=UTF-8", "charset=gbk").replace("charset='utf-8'", "charset='gbk'")
        newline = "crlf" if rng.random() < k["crlf"] else "lf"
        if newline == "crlf":
            body = body.replace("\r\n", "\n").replace("\n", "\r\n")
        data = body.encode(encoding)
        if encoding == "utf-8" and rng.random() < k["bom"]:
            data = b"\xef\xbb\xbf" + data
            encoding = "utf-8-sig"
        name = f"documents/{file_no:06d}.{ext}"
        (out / name).write_bytes(data)
        lay: dict[str, Any] = {"form": form, "script": script, "encoding": encoding, "newline": newline}
        if starts:
            lay["starts_at"] = starts
        truth_cases.append({
            "file": name, "line": 0, "case_number": c.case_number if form != "repost" else None,
            "printed_case_number": c.case_number, "forum": doc.forum, "group": c.group, "kind": c.kind,
            "ring_id": c.ring_id, "document_type": c.doc_type, "layout": lay, "mentions": doc.mentions,
            "facts": _facts(c),
        })
        file_no += 1

    for c in order:
        form = rng.choices(forms, weights)[0]
        emit(c, form)
        if rng.random() < k["duplicate"]:
            emit(c, rng.choice([f for f in forms if f != form and f != "repost"]))
    rings = []
    for r in world.rings:
        rings.append({
            "ring_id": r.ring_id, "typology": r.kind,
            "intermediary": {"name": r.intermediary.name, "birth_date": r.intermediary.birth.isoformat(),
                             "phone": r.intermediary.phone},
            "agents": r.agents, "employers": [reg_names[e.eid] for e in r.employers],
            "applicants": [p.name for p in r.applicants],
            # a 不予受理通知书 is the ring's paper trail but confirms nothing: not a case to find
            "case_numbers": [c.case_number for c in r.cases if c.doc_type != "refusal"],
            "forums": sorted({c.county.commission if c.doc_type in ("award", "arb_mediation", "refusal") else c.county.court
                              for c in r.cases}),
        })
    decoys = [{"case_number": c.case_number,
               "forum": c.county.commission if c.doc_type in ("award", "arb_mediation", "refusal") else
               (c.county.mid_court if c.doc_type == "appeal" else c.county.court), "kind": c.kind}
              for c in world.cases if c.group == "decoy"]
    truth: dict[str, Any] = {
        "seed": seed, "case_count": len(world.cases), "generator_version": "blind-1",
        "generator": "tools.blindcorpus", "rings": rings, "decoys": decoys,
        "sham_case_numbers": [c.case_number for c in world.cases if c.group == "ring" and c.doc_type != "refusal"],
        "variation": {**world.knobs, **k}, "cases": truth_cases, "registry": registry_rows,
    }
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return truth


def _facts(c: Case) -> dict[str, Any]:
    """What the document states, for comparing with `ringtrace parse --json`."""
    return {
        "worker": c.workers[0].name, "worker_birth": c.workers[0].birth.isoformat(),
        "employer": c.company.name, "employer_initiated": c.employer_initiated,
        "claimed_start": c.start.isoformat() if c.start else None,
        "claimed_end": c.end.isoformat() if c.end else None,
        "filing_date": c.filing.isoformat(), "decision_date": c.decision.isoformat(),
        "response": c.response, "outcome": c.outcome, "amounts": [a for _, a in c.amounts],
        "agents": [a.name for a in c.worker_agents + c.employer_agents],
        "supporter": c.supporter or None,
    }
