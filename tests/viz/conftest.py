"""Fixtures for the HTML views: a small ring graph whose names are hostile, and the dicts
(ring detail, index summary, dashboard data) the pages render.

The hostile strings are what untrusted documents can contain; every view test checks that they
come out as text. ``SENTINEL_*`` variants set ``window.__xss`` if they ever run, for the
browser test.
"""

from __future__ import annotations

import html
import re
import tomllib
from collections.abc import Iterator
from html.parser import HTMLParser
from importlib import resources
from typing import Any

import networkx as nx
import pytest

from ringtrace.graph.build import case_batch, registry_batch
from ringtrace.graph.elements import GraphBatch, merge_props
from ringtrace.graph.props import NodeProps
from ringtrace.graph.records import RegistryRecord, case_from_dict
from ringtrace.graph.store.sqlite import SQLiteStore
from tests.scanned_province import ScannedProvince

EVIL_EMPLOYER = "<script>alert(1)</script>有限公司"
EVIL_PERSON = 'x" onerror="alert(1)'
EVIL_FIRM = "href=javascript:alert(1)律师事务所"
SENTINEL_EMPLOYER = "<script>window.__xss=1</script>劳务有限公司"
SENTINEL_PERSON = '<img src=x onerror="window.__xss=1">'
SENTINEL_FIRM = '"><svg onload="window.__xss=1">律师事务所'
HOSTILE = (EVIL_EMPLOYER, EVIL_PERSON, SENTINEL_EMPLOYER, SENTINEL_PERSON, SENTINEL_FIRM)
FORUM = "河南省安阳市文峰区人民法院"
ID_NUMBER = "410502196603011234"
PHONE = "13812345678"


def case_record(n: int, applicant: str, employer: str, *, agent: str, firm: str) -> dict[str, Any]:
    """A sham-looking mediated confirmation case (interchange form)."""
    return {
        "case_number": f"(2021)豫0502民初{n}号", "forum": FORUM, "document_type": "调解书",
        "court_code": "豫0502", "region_code": "410502", "filing_date": "2021-03-01",
        "decision_date": "2021-03-05", "claimed_start": "2001-01-01",
        "claimed_end": "2015-12-31", "outcome": "mediated", "defendant_response": "no_objection",
        "parties": [
            {"name": applicant, "role": "plaintiff", "side": "worker", "sex": "女",
             "birth_date": f"1966-03-{n % 27 + 1:02d}", "id_number": ID_NUMBER, "phone": PHONE},
            {"name": employer, "role": "defendant", "side": "employer", "is_entity": True,
             "legal_representative": "李强"},
        ],
        "agents": [
            {"name": agent, "represents": [employer], "kind": "employee",
             "relation": "人事部门负责人", "birth_date": "1970-01-01"},
            {"name": "周律师", "represents": [applicant], "kind": "lawyer", "law_firm": firm},
        ],
    }


def to_graph(batch: GraphBatch, *, reverse: bool = False) -> nx.MultiDiGraph:
    """The networkx shape the stores produce: node attrs = props + ``kind``; edge attrs = props
    + ``kind`` + ``source_doc``. ``reverse`` inserts in the opposite order (same graph)."""
    g = nx.MultiDiGraph()
    nodes: dict[str, NodeProps] = {}
    kinds: dict[str, str] = {}
    for node in batch.nodes:
        nodes[node.id] = merge_props(nodes.get(node.id, {}), node.props)
        kinds[node.id] = node.kind
    for node_id in sorted(nodes, reverse=reverse):
        g.add_node(node_id, **{**nodes[node_id], "kind": kinds[node_id]})
    for edge in sorted(batch.edges, key=lambda e: e.key, reverse=reverse):
        g.add_edge(edge.src, edge.dst, key=f"{edge.kind}|{edge.source_doc}",
                   **{**edge.props, "kind": edge.kind, "source_doc": edge.source_doc})
    return g


def hostile_batch() -> GraphBatch:
    batch = GraphBatch()
    for n in range(1, 5):
        batch.extend(case_batch(case_from_dict(case_record(
            100 + n, f"申请人{n}", EVIL_EMPLOYER, agent=EVIL_PERSON, firm=EVIL_FIRM))))
    for n in range(5, 7):
        batch.extend(case_batch(case_from_dict(case_record(
            100 + n, SENTINEL_PERSON, SENTINEL_EMPLOYER, agent=EVIL_PERSON, firm=SENTINEL_FIRM))))
    batch.extend(registry_batch(RegistryRecord(
        name=EVIL_EMPLOYER, uscc="91410502MA3X00000X", status="注销", founded="2003-05-01",
        insured_headcount=2, phone="03725951234")))
    return batch


@pytest.fixture
def hostile_graph() -> nx.MultiDiGraph:
    return to_graph(hostile_batch())


@pytest.fixture
def ring_members(hostile_graph: nx.MultiDiGraph) -> list[str]:
    return sorted(n for n, kind in hostile_graph.nodes(data="kind")
                  if kind == "Employer" or (kind == "Person" and "onerror" in n))


@pytest.fixture
def ring_detail(hostile_graph: nx.MultiDiGraph, ring_members: list[str]) -> dict[str, Any]:
    """A ring in the shape of ``queries.ringviews.ring_detail``."""
    cases = sorted(n for n, kind in hostile_graph.nodes(data="kind") if kind == "Case")
    return {
        "ring_id": "R-3f2a9c1b", "rank": 1, "score": 0.934,
        "reasons": [f"用人单位 {EVIL_EMPLOYER} 参保 2 人却被诉 6 件", "同一代理人代理全部案件"],
        "intermediaries": [{"id": "p1", "name": EVIL_PERSON, "role": "单位代理人", "cases": 6}],
        "agents": [{"id": "p1", "name": EVIL_PERSON, "kind": "employee", "law_firm": None,
                    "side": "employer", "cases": 6},
                   {"id": "p2", "name": "周律师", "kind": "lawyer", "law_firm": EVIL_FIRM,
                    "side": "worker", "cases": 4}],
        "employers": [{"id": "e1", "name": EVIL_EMPLOYER, "uscc": "91410502MA3X00000X",
                       "status": "注销", "founded": "2003-05-01", "insured_headcount": 2,
                       "cases": 4},
                      {"id": "e2", "name": SENTINEL_EMPLOYER, "cases": 2}],
        "applicants": [{"id": f"a{n}", "name": f"申请人{n}", "sex": "女",
                        "birth_date": "1966-03-02", "cases": 1} for n in range(1, 5)]
        + [{"id": "a5", "name": SENTINEL_PERSON, "sex": "女", "cases": 2}],
        "forums": [{"id": "f1", "name": FORUM, "region_code": "410502", "cases": 6}],
        "cases": [{"id": c, "case_number": hostile_graph.nodes[c]["case_number"], "forum": FORUM,
                   "document_type": "调解书", "filing_date": "2021-03-01",
                   "decision_date": "2021-03-05", "outcome": "mediated",
                   "defendant_response": "no_objection", "claimed_start": "2001-01-01",
                   "claimed_end": "2015-12-31", "score": 0.81, "rules": ["R2", "R3", "R5"]}
                  for c in cases],
        "flags": [{"rule_id": "R3", "title": "用人单位被密集起诉", "count": 6},
                  {"rule_id": "R5", "title": "被告无异议或调解结案", "count": 6}],
        "exposure": {"amount_yuan": 900000.0, "method": "6 人 × 15 年 × 1 万元/年"},
        "node_ids": ring_members,
    }


@pytest.fixture
def summary(ring_detail: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": "安阳 <b>演示</b> 工作区", "workspace": "ws/<demo>", "generated_by": "ringtrace 0.1.0",
        "counts": {"nodes": {"Person": 12, "Case": 6, "Employer": 2},
                   "edges": {"PARTY_IN": 12, "AGENT_IN": 12},
                   "documents": {"total": 6}, "quarantine": {"total": 1}},
        "evaluation": {"ring_recall": 0.9, "ring_precision": 0.75, "case_precision": 0.6,
                       "case_recall": 0.825, "decoy_flag_rate": 0.05, "rings_found": 4},
        "rings": [
            {**ring_detail, "href": "rings/R-3f2a9c1b.html"},
            {"ring_id": SENTINEL_EMPLOYER, "rank": 2, "score": 0.4, "cases": 3, "applicants": 3,
             "employers": 1, "intermediaries": [EVIL_PERSON], "exposure_yuan": 30000,
             "top_rules": ["R1"], "href": "javascript:alert(1)"},
        ],
    }


@pytest.fixture
def dashboard_data() -> dict[str, Any]:
    months = [f"{2020 + i // 12}-{i % 12 + 1:02d}" for i in range(24)]
    return {
        "title": "总览 <script>alert(1)</script>",
        "cases_per_month": [[m, 20 + (i * 7) % 13, (i * 3) % 7] for i, m in enumerate(months)],
        "top_employers": [{"name": EVIL_EMPLOYER, "cases": 30, "insured_headcount": 2},
                          {"name": SENTINEL_EMPLOYER, "cases": 12, "insured_headcount": 0},
                          {"name": "安阳钢铁集团有限责任公司", "cases": 8,
                           "insured_headcount": 5000}],
        "leads_by_region": [{"province": "河南省", "city": "安阳市", "leads": 120},
                            {"province": "海南省", "city": "文昌市", "leads": 40},
                            {"province": "新疆维吾尔自治区", "city": SENTINEL_PERSON,
                             "leads": 3}],
        "ring_sizes": [2, 3, 3, 4, 5, 5, 8, 12, 27, 40],
        "rule_hits": [{"rule_id": "R1", "title": "关键词：确认劳动关系、无异议", "count": 300},
                      {"rule_id": "R3", "title": EVIL_PERSON, "count": 120}],
        "counts": {"nodes": {"Person": 12}, "edges": {"PARTY_IN": 12},
                   "documents": {"total": 6}, "quarantine": {"total": 1}},
    }


class Markup(HTMLParser):
    """Every tag, attribute and text node of a page, as a browser's tokenizer sees them."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def assert_inert(page: str, *, scripts: int) -> None:
    """No hostile string escaped its text context: exactly ``scripts`` executable scripts, no
    event-handler attribute, no javascript: URL, no element injected from data, and every
    hostile string that is shown appears HTML-escaped rather than raw."""
    parsed = Markup(page)
    executable = [a for t, a in parsed.tags if t == "script"
                  and dict(a).get("type") != "application/json"]
    assert len(executable) == scripts
    for tag, attrs in parsed.tags:
        assert tag not in {"img", "iframe", "object", "embed", "base", "link"}, tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert "javascript:" not in (value or "").lower(), (tag, name, value)
    for raw in HOSTILE:
        assert raw not in page
    assert html.escape(EVIL_EMPLOYER, quote=False) in page or "\\u003cscript\\u003e" in page


class _VisibleText(HTMLParser):
    """The text a reader sees: everything but scripts, styles and inline SVG."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += tag in ("script", "style", "svg")

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag in ("script", "style", "svg")

    def handle_data(self, data: str) -> None:
        if not self.depth and data.strip():
            self.parts.append(data.strip())


def visible_text(page: str) -> list[str]:
    """The page's text nodes as a reader sees them (no scripts, styles or SVG)."""
    return _VisibleText(page).parts


def rule_ids() -> set[str]:
    """Every rule id of ``ringtrace/queries/rules.toml``."""
    text = resources.files("ringtrace.queries").joinpath("rules.toml").read_text("utf-8")
    return set(tomllib.loads(text)["rules"])


def untranslated(page: str, rule_ids: set[str]) -> list[str]:
    """Text nodes a Chinese reader should not see: a rule id, raw dict/list text
    (``{'`` / ``{"`` / ``['``) or a snake_case key (``ring_recall``, ``amount_yuan``)."""
    snake = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
    raw = re.compile(r"[{\[]\s*['\"]")
    return [t for t in visible_text(page)
            if any(r in t for r in rule_ids) or raw.search(t) or snake.search(t)]


@pytest.fixture
def store(scanned_province: ScannedProvince) -> Iterator[SQLiteStore]:
    """The session's scanned synthetic province, opened read-only for one test."""
    opened = SQLiteStore.open(scanned_province.workspace, create=False)
    yield opened
    opened.close()
