from __future__ import annotations

from typing import Any

import networkx as nx

from ringtrace.viz.pages import index_page, ring_page
from tests.viz.conftest import (
    EVIL_EMPLOYER,
    EVIL_FIRM,
    EVIL_PERSON,
    SENTINEL_EMPLOYER,
    Markup,
    assert_inert,
)

ESCAPED_EMPLOYER = "&lt;script&gt;alert(1)&lt;/script&gt;有限公司"
ESCAPED_PERSON = "x&#34; onerror=&#34;alert(1)"


def _cells(page: str) -> list[str]:
    return [t.strip() for t in Markup(page).text if t.strip()]


def test_ring_page_shows_hostile_names_as_escaped_text(ring_detail: dict[str, Any],
                                                       hostile_graph: nx.MultiDiGraph) -> None:
    page = ring_page(ring_detail, hostile_graph)
    assert_inert(page, scripts=2)
    assert f"<td>{ESCAPED_EMPLOYER}</td>" in page and f"<td>{ESCAPED_PERSON}</td>" in page
    assert f"<td>{EVIL_FIRM}</td>" in page  # harmless text, never an attribute
    assert EVIL_EMPLOYER in _cells(page) and EVIL_PERSON in _cells(page)
    assert "http://" not in page and "https://" not in page


def test_ring_page_renders_every_section_with_chinese_labels(
        ring_detail: dict[str, Any], hostile_graph: nx.MultiDiGraph) -> None:
    page = ring_page(ring_detail, hostile_graph)
    cells = _cells(page)
    assert "团伙 R-3f2a9c1b" in cells
    for heading in ("研判理由", "关系图", "红旗规则命中", "涉案金额估算", "中介人员", "代理人",
                    "用人单位", "申请人", "审理机关", "案件"):
        assert heading in cells, heading
    for text in ("排名 第 1 位", "评分 0.93", "案件 6 件", "90.0万元",
                 "6 人 × 15 年 × 1 万元/年", "单位员工", "劳动者", "注销", "调解结案", "无异议",
                 "2001-01-01 至 2015-12-31（约 15.0 年）", "R2、R3、R5", "用人单位被密集起诉"):
        assert text in page, text
    assert 'id="ring-network"' in page and "团伙成员（放大显示，其余淡化）" in page


def test_ring_page_needs_only_a_ring_id() -> None:
    page = ring_page({"ring_id": "R-1"}, nx.MultiDiGraph())
    assert "团伙 R-1" in _cells(page)
    assert page.count('<p class="rt-empty">无</p>') == 8  # 7 tables and the exposure
    assert "0 个节点 · 0 条关系" in page


def test_ring_page_is_deterministic(ring_detail: dict[str, Any],
                                    hostile_graph: nx.MultiDiGraph) -> None:
    assert ring_page(ring_detail, hostile_graph) == ring_page(ring_detail, hostile_graph)


def test_index_page_links_rings_safely(summary: dict[str, Any]) -> None:
    page = index_page(summary)
    assert_inert(page, scripts=0)
    links = [dict(a).get("href") or "" for t, a in Markup(page).tags if t == "a"]
    assert "rings/R-3f2a9c1b.html" in links
    assert all(link.startswith(("#", "rings/")) for link in links)
    assert '<td class="rt-nowrap"><a href="rings/R-3f2a9c1b.html">R-3f2a9c1b</a></td>' in page
    assert SENTINEL_EMPLOYER in _cells(page)  # the ring with a javascript: href, unlinked
    assert "<h1>安阳 &lt;b&gt;演示&lt;/b&gt; 工作区</h1>" in page


def test_index_page_shows_counts_and_evaluation(summary: dict[str, Any]) -> None:
    page = index_page(summary)
    cells = _cells(page)
    for text in ("工作区 ws/<demo>", "20", "节点", "24", "关系", "6", "文书", "1", "隔离记录",
                 "团伙召回率", "90%", "83%", "5%", "发现团伙数", "4", "自然人", "当事人",
                 "3.0万元", "R1", f"用人单位 {EVIL_EMPLOYER} 参保 2 人却被诉 6 件；同一代理人代理全部案件"):
        assert text in cells, text
    assert not [c for c in cells if "ring_recall" in c or "Person" in c or "PARTY_IN" in c]


def test_index_page_headline_answers_what_an_investigator_asks_first(
        summary: dict[str, Any]) -> None:
    headline = {"rings": 28, "leads": 749, "applicants": 701, "intermediaries": 50,
                "exposure_yuan": 181_234_567.0}
    cells = _cells(index_page({**summary, "headline": headline}))
    start = cells.index("28")
    assert cells[start:start + 10] == ["28", "团伙", "749", "线索", "701", "申请人", "50", "中介",
                                       "1.81亿元", "估计涉案金额"]
    assert "节点" not in cells[:start + 10]


def test_index_page_without_evaluation_or_rings() -> None:
    page = index_page({"title": "空"})
    assert "评估指标" not in page and '<p class="rt-empty">无</p>' in page
    assert index_page({"title": "空"}) == page


def test_index_page_reads_member_counts_from_structure_when_lists_are_absent() -> None:
    row = {"ring_id": "R-2", "rank": 2, "score": 0.5, "reasons": [],
           "structure": {"cases": 12, "applicants": 11, "employers": 2},
           "exposure": {"amount_yuan": 1650000.0}}
    page = index_page({"rings": [row]})
    cells = _cells(page)
    assert cells[cells.index("R-2"):cells.index("R-2") + 6] == [
        "R-2", "0.50", "12", "11", "2", "未识别（无中介线索）"]
    assert "165.0万元" in cells


def test_ring_tables_name_rules_from_the_catalogue(ring_detail: dict[str, Any],
                                                  hostile_graph: nx.MultiDiGraph) -> None:
    ring = {**ring_detail,
            "cases": [{**c, "rules": ["CLAIM_MEDIATED", "EMP_BURST"]} for c in ring_detail["cases"]],
            "flags": [{"rule_id": "CLAIM_NO_OBJECTION", "title": "x", "count": 6}],
            "reasons": ["主要红旗：CLAIM_MEDIATED（6件）"]}
    cells = _cells(ring_page(ring, hostile_graph))
    assert "调解结案、用人单位被密集起诉（相对参保人数）" in cells
    assert "被告认可或无异议" in cells and "主要红旗：调解结案（6件）" in cells
    shown = [c for c in cells if not c.startswith('{"')]  # the graph's JSON keeps rule ids
    assert not [c for c in shown if "CLAIM_" in c or "EMP_BURST" in c]
