"""Evidence packs: one ring in a folder that works offline, with hashes that show it unchanged.

A pack is what a procuratorate hands over with a criminal referral once a ring is confirmed::

    index.html      the ring (Chinese by default, ``lang="en"`` for English): intermediaries,
                    agents, employers, applicants; the timeline of filings, hearings, decisions
                    and back-payments; every case with its number, forum, dates, outcome and the
                    quoted text behind each red flag; registry facts contradicting the claims;
                    the estimated fund exposure with its method; the interactive ring graph.
                    Self-contained (inline scripts, no URL, a CSP that forbids fetches) and
                    print-friendly.
    index.pdf       only with ``pdf=True``: index.html printed by headless Chromium
    members.csv/.json, cases.csv/.json, flags.csv/.json, pack.json   the same data as tables
    audit.jsonl     the audit-log lines that produced the pack
    README.txt      for the recipient: how to check the pack (with or without ringtrace)
    manifest.json   SHA-256 of every file, the source documents' hashes and paths, the
                    ringtrace version, rules and thresholds, community seed, snapshot and time
    manifest.sig    only with ``sign_key``: the Ed25519 signature of manifest.json

ID and phone numbers are masked unless ``unmask=True`` (see :mod:`ringtrace.viz.pack_data`).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup

from ringtrace import __version__
from ringtrace.errors import RingtraceError
from ringtrace.export.csv import write_csv
from ringtrace.graph.audit import AuditEntry, entry_line, provenance, utc_now
from ringtrace.graph.store.base import GraphStore
from ringtrace.progress import SILENT, Progress
from ringtrace.queries.ringviews import ring_graph
from ringtrace.viz import formatting as fmt
from ringtrace.viz.catalogue import evidence_text, rule_name, rule_names, translate_rule_ids
from ringtrace.viz.network import network_fragment
from ringtrace.viz.pack_data import pack_data
from ringtrace.viz.pack_manifest import (
    FORMAT,
    MANIFEST,
    SIGNATURE,
    sign_manifest,
    write_manifest,
    zip_pack,
)
from ringtrace.viz.pages import Column, Section, Table
from ringtrace.viz.templating import page_head, render, template_text, value_label

__all__ = ["LANGUAGES", "PackFiles", "pack_html", "pack_labels", "write_pack"]

LANGUAGES = ("zh", "en")
_MEMBER_FIELDS = ("group", "id", "name", "role", "kind", "side", "law_firm", "sex", "birth_date",
                  "id_number", "phone", "uscc", "status", "founded", "insured_headcount", "cases")
_CASE_FIELDS = ("case_number", "forum", "document_type", "procedure", "filing_date",
                "hearing_date", "decision_date", "claimed_start", "claimed_end",
                "defendant_response", "outcome", "score", "rules", "procuratorate", "doc_sha256",
                "source_path")
_FLAG_FIELDS = ("case_number", "scope", "rule_id", "title", "summary", "evidence_kind",
                "evidence")


@dataclass
class PackFiles:
    """What :func:`write_pack` wrote (``signed_by``: the signing key's id, when signed)."""

    out_dir: Path
    manifest: Path
    manifest_sha256: str
    files: list[Path] = field(default_factory=list)
    zip: Path | None = None
    signed_by: str | None = None
    #: the audit line of the command that wrote the pack, as the pack carries it (naming the
    #: ring by its id and rank: a rank alone points at another ring after the next scan)
    command: AuditEntry | None = None


_README = """Evidence pack {ring_id} / 证据包 {ring_id}
ringtrace {version}, {created_at}

Open index.html in a browser (it works offline). / 用浏览器打开 index.html（无需联网）。

How to check that this pack is complete and unchanged / 如何校验本证据包完整、未被改动
-----------------------------------------------------------------------------------
The sender gives you the SHA-256 of manifest.json separately (for example in the referral
letter), never inside this pack. / 移送方应另行（如在移送函中）提供 manifest.json 的 SHA-256 值。

With ringtrace / 使用 ringtrace:

    ringtrace pack verify <this folder or .zip> --expect <SHA-256 received separately>
{pubkey_line}
It fails on any changed, missing or added file, on duplicate or escaping zip entries, and
when the manifest's hash is not the one you received. / 任何文件被修改、缺失或新增，zip 条目
重复或越出目录，或 manifest.json 的哈希与另行收到的不一致，校验均不通过。

Without ringtrace / 不使用 ringtrace:
  1. sha256sum manifest.json  (Windows: certutil -hashfile manifest.json SHA256)
     must print the SHA-256 you received separately.
  2. every file listed in manifest.json under "files" must exist with the "sha256" given
     there (sha256sum FILE), and no other file may be in the folder except manifest.json
     and manifest.sig.
{openssl_line}"""


def _readme(ring_id: str, created_at: str, signed: bool) -> str:
    pubkey = ("    (signed: add --pubkey <the sender's public key file> to check the signature)\n"
              if signed else "")
    openssl = ("  3. the signature: openssl pkeyutl -verify -pubin -inkey SENDER.pub -rawin "
               "-in manifest.json -sigfile manifest.sig\n" if signed else "")
    return _README.format(ring_id=ring_id, version=__version__, created_at=created_at,
                          pubkey_line=pubkey, openssl_line=openssl)


@cache
def pack_labels() -> dict[str, Any]:
    """The pack's labels per language (``viz/templates/pack_labels.yaml``)."""
    data = yaml.safe_load(template_text("pack_labels.yaml"))
    if not isinstance(data, dict) or not all(lang in data for lang in LANGUAGES):
        raise RingtraceError("viz/templates/pack_labels.yaml must have a table per language")
    return data


class _Words:
    """Labels and coded-value names of one language."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise RingtraceError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
        self.lang = lang
        self.t = pack_labels()[lang]
        self.values_en = pack_labels()["values_en"]

    def value(self, owner: str, prop: str, value: Any) -> str:
        if value in (None, ""):
            return fmt.MISSING
        if self.lang == "zh":
            return value_label(owner, prop, value)
        return str(self.values_en.get(prop, {}).get(str(value), value))

    def rule(self, rule_id: Any, title: Any = None) -> str:
        """A rule as this language's reader needs it: the catalogue's name in Chinese, the id
        and title in English."""
        if self.lang == "zh":
            return rule_name(rule_id)
        return " ".join(fmt.text(v) for v in (rule_id, title) if v)

    def coded(self, owner: str, prop: str) -> Callable[[Any, Mapping[str, Any]], str]:
        return lambda value, row: self.value(owner, prop, value)

    def column(self, key: str, fmt_: Callable[[Any, Mapping[str, Any]], str] | None = None,
               numeric: bool = False) -> Column:
        header = self.t["columns"][key]
        if fmt_ is None:
            return Column(header, key, numeric=numeric)
        return Column(header, key, fmt_, numeric=numeric)


def _count(value: Any, row: Mapping[str, Any]) -> str:
    return fmt.count(value)


def _int(value: Any, row: Mapping[str, Any]) -> str:
    return fmt.integer(value)


def _member_sections(data: Mapping[str, Any], w: _Words) -> list[Section]:
    s, c = w.t["sections"], w.column
    people = (c("sex"), c("birth_date"), c("id_number"), c("phone"))
    return [
        Section("intermediaries", s["intermediaries"], table=Table.of(
            (c("name"), c("role", w.coded("pack", "role")), c("cases", _count, True)),
            data["intermediaries"])),
        Section("agents", s["agents"], table=Table.of(
            (c("name"), c("kind", w.coded("AGENT_IN", "agent_kind")),
             c("side", w.coded("AGENT_IN", "represents_side")), c("law_firm"), *people,
             c("cases", _count, True)), data["agents"])),
        Section("employers", s["employers"], table=Table.of(
            (c("name"), c("uscc"), c("status"), c("founded"),
             c("insured_headcount", _int, True), c("cases", _count, True)), data["employers"])),
        Section("applicants", s["applicants"], table=Table.of(
            (c("name"), *people, c("cases", _count, True)), data["applicants"])),
        Section("forums", s["forums"], table=Table.of(
            (c("name"), c("region_code"), c("cases", _count, True)), data["forums"])),
    ]


def _sections(data: Mapping[str, Any], w: _Words, graph_markup: Markup) -> list[Section]:
    s, c, notes, ex = w.t["sections"], w.column, w.t["notes"], w.t["exposure"]
    exposure = data["exposure"]
    contradictions = [{**row, "contradiction": w.t["contradictions"][row["kind"]]}
                      for row in data["contradictions"]]
    timeline = [{**row, "event": w.t["events"].get(row["event"], row["event"])}
                for row in data["timeline"]]
    return [
        Section("reasons", s["reasons"], items=tuple(translate_rule_ids(fmt.text(r), w.lang)
                                                     for r in data["reasons"])),
        Section("exposure", s["exposure"], note=notes["exposure"], pairs=(
            (ex["amount"], fmt.yuan(exposure.get("amount_yuan"))),
            (ex["method"], fmt.text(exposure.get("method"))),
            (ex["claimed_years"], fmt.text(exposure.get("claimed_years"))),
            (ex["backpayments"], fmt.integer(exposure.get("backpayments"))),
            (ex["backpayment_total"], fmt.yuan(exposure.get("backpayment_total_yuan"))))),
        Section("graph", s["graph"], markup=graph_markup, note=notes["graph"]),
        *_member_sections(data, w),
        Section("contradictions", s["contradictions"], table=Table.of(
            (c("employer"), c("contradiction"), c("fact"), c("claim"), c("case_number")),
            contradictions)),
        Section("timeline", s["timeline"], table=Table.of(
            (c("date"), c("event"), c("case_number"), c("detail")), timeline)),
        Section("ring_flags", s["ring_flags"], table=Table.of(
            (c("rule_id", lambda v, r: w.rule(v, r.get("title"))), c("summary"),
             c("cases", lambda v, r: fmt.text(v))), data["ring_flags"])),
        Section("backpayments", s["backpayments"], table=Table.of(
            (c("person_name"), c("id_number"), c("employer_name"), c("period"),
             c("amount", lambda v, r: fmt.yuan_exact(v), True), c("case_number"),
             c("paid_date")),
            [{**b, "case_number": b["basis_case_number"]} for b in data["backpayments"]])),
    ]


def _appendix(data: Mapping[str, Any], w: _Words, audit: list[AuditEntry],
              files: Iterable[str]) -> list[Section]:
    s, c, notes = w.t["sections"], w.column, w.t["notes"]
    audit_rows = [{"time": e.get("time"), "user": e.get("user"), "command": e.get("command"),
                   "params": ", ".join(f"{k}={v}" for k, v in (e.get("params") or {}).items()
                                       if v not in (None, False, "", []) and k != "workspace"),
                   "outcome": e.get("status")} for e in audit]
    file_rows = [{"file": name, "description": w.t["files"].get(name, ""), "href": name}
                 for name in files]
    return [
        Section("sources", s["sources"], note=notes["sources"], table=Table.of(
            (c("case_number"), c("doc_sha256"), c("source_path")), data["sources"])),
        Section("audit", s["audit"], note=notes["audit"], table=Table.of(
            (c("time"), c("user"), c("command"), c("params"), c("outcome")), audit_rows)),
        Section("files", s["files"], note=notes["files"], table=Table.of(
            (Column(w.t["columns"]["file"], "file", href=lambda r: fmt.safe_href(r.get("href"))),
             c("description")), file_rows)),
    ]


def _case_views(data: Mapping[str, Any], w: _Words) -> list[dict[str, Any]]:
    k = w.t["case"]
    views = []
    for index, case in enumerate(data["cases"], start=1):
        facts = (
            (k["forum"], fmt.text(case["forum"])),
            (k["document_type"], fmt.text(case["document_type"])),
            (k["procedure"], fmt.text(case.get("procedure"))),
            (k["filing_date"], fmt.text(case["filing_date"])),
            (k["hearing_date"], fmt.text(case["hearing_date"])),
            (k["decision_date"], fmt.text(case["decision_date"])),
            (k["claimed"], fmt.period(case["claimed_start"], case["claimed_end"])),
            (k["defendant_response"], w.value("Case", "defendant_response",
                                              case["defendant_response"])),
            (k["outcome"], w.value("Case", "outcome", case["outcome"])),
            (k["score"], fmt.score(case["score"])),
            (k["procuratorate"], fmt.text(case["procuratorate"])),
            (k["doc_sha256"], fmt.text(case["doc_sha256"])),
            (k["source_path"], fmt.text(case["source_path"])),
        )
        flags = [{**f, "name": w.rule(f["rule_id"], f.get("title")),
                  "evidence": [{**e, "label": w.t["evidence_kinds"].get(e["kind"], e["kind"]),
                                "detail": evidence_text(str(e["detail"]), w.lang)
                                if e["kind"] != "text" else e["detail"]}
                               for e in f["evidence"]]} for f in case["flags"]]
        spans = [{**sp, "label": w.t["span_kinds"].get(sp["kind"], sp["kind"])}
                 for sp in case["spans"]]
        views.append({"anchor": f"case-{index}", "number": fmt.text(case["case_number"]),
                      "facts": facts, "flags": flags,
                      "ring_flags": rule_names(case["ring_flags"], w.lang),
                      "spans": spans})
    return views


_PRINT_CSS = """
.rt-notice { margin: 8px 0; padding: 6px 10px; border-left: 4px solid var(--accent);
  background: #fdf6f3; }
.rt-case { margin-top: 18px; padding-top: 6px; border-top: 1px solid var(--rule); }
.rt-case h3 { font-size: 16px; }
.rt-case h4 { font-size: 14px; margin: 10px 0 4px; }
.rt-flag { margin: 6px 0 10px; }
.rt-flag ul, .rt-spans { margin: 2px 0; padding-left: 20px; }
.rt-case blockquote { margin: 2px 0; padding: 3px 10px; border-left: 3px solid #8b959e;
  background: var(--band); }
.rt-kind { display: inline-block; margin-right: 6px; padding: 0 5px; font-size: 12px;
  color: var(--muted); border: 1px solid var(--rule); border-radius: 3px; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  .rt-network-canvas { height: 150mm !important; }
  .rt-network-tools, nav { display: none; }
  .rt-case { break-before: page; }
  .rt-flag, blockquote, .rt-pairs { break-inside: avoid; }
}
"""


def pack_html(data: Mapping[str, Any], graph_markup: Markup, *, lang: str = "zh",
              audit: list[AuditEntry] | None = None, files: Iterable[str] = (),
              created_at: str = "") -> str:
    """The pack's ``index.html`` from :func:`~ringtrace.viz.pack_data.pack_data` output."""
    w = _Words(lang)
    t = w.t
    title = f"{t['title']} {fmt.text(data['ring_id'])}"
    scan = data["scan"]
    meta = [f"{t['meta']['rank']} {fmt.integer(data['rank'])}",
            f"{t['meta']['score']} {fmt.score(data['score'])}",
            f"{t['meta']['generated']} {created_at}",
            f"{t['meta']['snapshot']} {fmt.text(scan.get('snapshot'))}",
            f"{t['meta']['scanned']} {fmt.text(scan.get('scanned_at'))}",
            f"{t['meta']['seed']} {fmt.text(scan.get('community_seed'))}",
            f"{t['meta']['version']} ringtrace {__version__}"]
    sections = _sections(data, w, graph_markup)
    appendix = _appendix(data, w, audit or [], files)
    cases_heading = Section("cases", t["sections"]["cases"])
    return render("pack.html.j2", head=page_head(title, network=True), t=t, title=title,
                  meta=meta, masked=data["masked"], sections=sections, appendix=appendix,
                  toc=[*sections, cases_heading, *appendix], cases=_case_views(data, w),
                  extra_css=Markup(_PRINT_CSS))


def _write_csv(path: Path, fields: tuple[str, ...], rows: Iterable[Mapping[str, Any]]) -> None:
    write_csv(path, fields, ([row.get(f) for f in fields] for row in rows))


def _write_json(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", "utf-8")


def _tables(data: Mapping[str, Any]) -> dict[str, Any]:
    """members, cases and flags as rows (for CSV) and documents (for JSON)."""
    members = [{**m, "group": group} for group in
               ("intermediaries", "agents", "employers", "applicants", "forums")
               for m in data[group]]
    flags = [{"case_number": None, "scope": "ring", "rule_id": f["rule_id"], "title": f["title"],
              "summary": f["summary"], "cases": f["cases"], "evidence_kind": e["kind"],
              "evidence": e["detail"]} for f in data["ring_flags"] for e in f["evidence"]]
    flags += [{"case_number": case["case_number"], "scope": "case", "rule_id": f["rule_id"],
               "title": f["title"], "summary": f["summary"], "evidence_kind": e["kind"],
               "evidence": e["detail"]}
              for case in data["cases"] for f in case["flags"] for e in f["evidence"]]
    return {"members": members, "cases": data["cases"], "flags": flags}


def _prepare(out_dir: Path) -> None:
    """Make ``out_dir`` an empty folder; only an earlier pack may be replaced."""
    if out_dir.exists():
        manifest = out_dir / MANIFEST
        earlier = manifest.is_file() and f'"{FORMAT}"' in manifest.read_text("utf-8", "replace")
        if not out_dir.is_dir() or (any(out_dir.iterdir()) and not earlier):
            raise RingtraceError(f"{out_dir} exists and is not an earlier evidence pack; "
                                 "choose a new or empty folder")
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)


def _print_pdf(html: Path, pdf: Path) -> None:
    """Print ``html`` to ``pdf`` with headless Chromium through Playwright (optional)."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise RingtraceError("--pdf needs Playwright: pip install playwright, and a Chromium "
                             "(playwright install chromium, or the system chromium package)"
                             ) from exc
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
            page = browser.new_page()
            page.route("**/*", lambda route: route.abort()
                       if not route.request.url.startswith("file:") else route.continue_())
            page.goto(html.resolve().as_uri(), wait_until="load")
            page.emulate_media(media="print")
            page.pdf(path=str(pdf), format="A4", print_background=True)
            browser.close()
    except PlaywrightError as exc:
        raise RingtraceError(f"could not print the PDF with Chromium: {exc}") from exc


def write_pack(store: GraphStore, ring_id: str, out_dir: Path, *, lang: str = "zh",
               unmask: bool = False, audit_log: Iterable[AuditEntry] = (),
               command: AuditEntry | None = None, seed: int = 7, pdf: bool = False,
               zip_path: Path | None = None, sign_key: Path | None = None,
               progress: Progress = SILENT) -> PackFiles:
    """Write the evidence pack of ``ring_id`` (id or rank) into ``out_dir``.

    ``audit_log`` is the workspace's audit log: the pack keeps the ingest and scan lines behind
    its scan snapshot (:func:`ringtrace.graph.audit.provenance`) followed by ``command``, the
    audit line of the command writing the pack. ``seed`` is the layout seed of the graph;
    ``zip_path`` also writes the folder as a zip there; ``sign_key`` (an Ed25519 private key
    file) signs the manifest. ``progress`` hears of each step (the ring's data, the tables,
    the graph, the page, the PDF, the manifest, the signature, the zip).
    """
    words = _Words(lang)
    progress.start(pack_steps(pdf=pdf, zip_path=zip_path, sign_key=sign_key), "ring data")
    data = pack_data(store, ring_id, unmask=unmask)
    progress()
    node_ids = data.pop("node_ids")
    intermediaries = data.pop("intermediary_ids")
    _prepare(out_dir)
    created_at = utc_now()
    lines = provenance(list(audit_log), str(data["scan"]["snapshot"]))
    line = _naming_the_ring(command, data) if command else None
    lines += [line] if line else []
    (out_dir / "audit.jsonl").write_text("".join(entry_line(e) for e in lines), "utf-8")
    tables = _tables(data)
    _write_csv(out_dir / "members.csv", _MEMBER_FIELDS, tables["members"])
    _write_csv(out_dir / "cases.csv", _CASE_FIELDS, tables["cases"])
    _write_csv(out_dir / "flags.csv", _FLAG_FIELDS, tables["flags"])
    for name, value in tables.items():
        _write_json(out_dir / f"{name}.json", value)
    _write_json(out_dir / "pack.json", data)
    progress()
    (out_dir / "README.txt").write_text(_readme(str(data["ring_id"]), created_at,
                                                sign_key is not None), "utf-8")
    files = ["index.html", *(["index.pdf"] if pdf else []), "members.csv", "members.json",
             "cases.csv", "cases.json", "flags.csv", "flags.json", "pack.json", "audit.jsonl",
             "README.txt", MANIFEST, *([SIGNATURE] if sign_key is not None else [])]
    graph = network_fragment(ring_graph(store, [c["id"] for c in data["cases"]]),
                             title=f"{words.t['sections']['graph']} {data['ring_id']}",
                             highlight=node_ids, seed=seed, height="720px", unmask=unmask,
                             dom_id="ring-network", intermediaries=intermediaries,
                             case_rules={c["id"]: c.get("rules") or [] for c in data["cases"]})
    progress()
    html = pack_html(data, Markup(graph), lang=lang, audit=lines, files=files,
                     created_at=created_at)
    (out_dir / "index.html").write_text(html, "utf-8")
    progress()
    if pdf:
        _print_pdf(out_dir / "index.html", out_dir / "index.pdf")
        progress()
    manifest, digest = write_manifest(out_dir, {
        "ring_id": data["ring_id"], "created_at": created_at, "ringtrace_version": __version__,
        "lang": lang, "masked": not unmask, "layout_seed": seed,
        "workspace_snapshot": data["scan"]["snapshot"],
        "workspace_snapshot_now": store.snapshot(), "scanned_at": data["scan"]["scanned_at"],
        "community_seed": data["scan"]["community_seed"], "rules": data["scan"]["rules"],
        "sources": data["sources"]})
    progress()
    signed_by = sign_manifest(out_dir, sign_key)[1] if sign_key is not None else None
    if sign_key is not None:
        progress()
    written = sorted(p for p in out_dir.rglob("*") if p.is_file())
    result = PackFiles(out_dir, manifest, digest, written, signed_by=signed_by, command=line)
    if zip_path is not None:
        result.zip = zip_pack(out_dir, zip_path)
        progress()
    return result


def _naming_the_ring(command: AuditEntry, data: Mapping[str, Any]) -> AuditEntry:
    """The command's audit line with the ring's id and rank in its result (the command line
    may have named the ring by rank, which the next scan gives to another ring)."""
    result = {**command.get("result", {}), "ring_id": data["ring_id"], "rank": data["rank"]}
    return {**command, "result": result}


def pack_steps(*, pdf: bool = False, zip_path: Path | None = None,
               sign_key: Path | None = None) -> int:
    """How many steps :func:`write_pack` reports: data, tables, graph, page, manifest, and the
    PDF, signature and zip when asked for.

    >>> pack_steps(), pack_steps(pdf=True, zip_path=Path("p.zip"))
    (5, 7)
    """
    return 5 + pdf + (zip_path is not None) + (sign_key is not None)
