from __future__ import annotations

import json
import re
from typing import Any

import networkx as nx
import pytest

from ringtrace.graph.model import schema
from ringtrace.viz.network import (
    layout_positions,
    network_data,
    network_fragment,
    network_html,
    source_label,
)
from ringtrace.viz.roles import role_styles
from tests.viz.conftest import (
    EVIL_EMPLOYER,
    EVIL_FIRM,
    EVIL_PERSON,
    ID_NUMBER,
    PHONE,
    Markup,
    assert_inert,
    hostile_batch,
    to_graph,
)


def _json_block(page: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" class="rt-network-data">(.*?)</script>',
                      page, re.S)
    assert match is not None
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def _node(data: dict[str, Any], text: str) -> dict[str, Any]:
    return next(n for n in data["nodes"] if n["caption"] == text)


def test_page_is_inert_for_hostile_names(hostile_graph: nx.MultiDiGraph,
                                         ring_members: list[str]) -> None:
    page = network_html(hostile_graph, title=EVIL_EMPLOYER, highlight=ring_members)
    assert_inert(page, scripts=2)  # vis-network and network.js; the data block is JSON
    assert f"<h1>{EVIL_EMPLOYER.replace('<', '&lt;').replace('>', '&gt;')}</h1>" in page
    data = _json_block(page)  # the JSON round-trips to the exact strings, shown as text
    assert _node(data, EVIL_EMPLOYER)["title"].startswith(f"用人单位：{EVIL_EMPLOYER}\n")
    assert _node(data, EVIL_PERSON)["kind"] == "Person"
    assert _node(data, EVIL_FIRM)["label"] == EVIL_FIRM[:11] + "…"


def test_page_is_self_contained(hostile_graph: nx.MultiDiGraph) -> None:
    page = network_html(hostile_graph, title="离线")
    for forbidden in ("http://", "https://", "//cdn"):
        assert forbidden not in page
    for _tag, attrs in Markup(page).tags:  # nothing to fetch: no src, no link to elsewhere
        assert all(name != "src" and (name != "href" or (value or "").startswith("#"))
                   for name, value in attrs)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "vis.Network" in page and "default-src &#39;none&#39;" in page


def test_same_graph_gives_the_same_bytes_whatever_the_insertion_order() -> None:
    pages = {network_html(to_graph(hostile_batch(), reverse=reverse), title="t", seed=3)
             for reverse in (False, True, False)}
    assert len(pages) == 1


def test_legend_lists_the_roles_present_with_their_colours(
        hostile_graph: nx.MultiDiGraph) -> None:
    page = network_html(hostile_graph, title="t")
    legend = [dict(a) for t, a in Markup(page).tags if t == "button" and dict(a).get("data-kind")]
    roles = [item["data-kind"] for item in legend]
    assert roles == ["agent", "employer", "legal_rep", "applicant", "case", "forum", "firm",
                     "contact", "contact_private"]
    pressed = {item["data-kind"]: item["aria-pressed"] for item in legend}
    assert pressed["case"] == "false" and pressed["employer"] == "true"  # cases drawn as edges
    employer = role_styles()["employer"]
    assert f"color: {employer.fill}; -webkit-text-stroke: 1px {employer.border}" in page
    assert "法院/仲裁委" in page and "团伙成员" not in page


def test_nodes_are_styled_by_role_numbered_and_placed(hostile_graph: nx.MultiDiGraph) -> None:
    data = network_data(hostile_graph)
    assert [n["id"] for n in data["nodes"]] == [f"n{i}" for i in range(len(hostile_graph))]
    for node in data["nodes"]:
        style = role_styles()[node["role"]]
        assert node["shape"] == style.shape and node["color"]["background"] == style.fill
        assert node["color"]["border"] == style.border and node["hidden"] is not style.shown
        assert isinstance(node["x"], int) and isinstance(node["y"], int)
        assert node["physics"] is False
    assert data["options"]["physics"] == {"enabled": False}
    case = _node(data, "(2021)豫0502民初101号")
    assert "裁判结果：调解结案" in case["title"] and "被告答辩：无异议" in case["title"]


def test_edges_carry_schema_labels_and_merge_parallel_cases(
        hostile_graph: nx.MultiDiGraph) -> None:
    data = network_data(hostile_graph)
    ids = {n["caption"]: n["id"] for n in data["nodes"]}
    between = [e for e in data["edges"]
               if e["from"] == ids[EVIL_PERSON] and e["to"] == ids[EVIL_EMPLOYER]]
    represents = [e for e in between if not e["derived"]]
    assert len(represents) == 1
    derived = [e for e in between if e["derived"]]  # the collapsed view's 代理 line
    assert len(derived) == 1 and len(derived[0]["cases"]) == 4
    edge = represents[0]
    assert edge["label"] == "代理当事人 ×4"
    assert "来源案号（4）：(2021)豫0502民初101号、(2021)豫0502民初102号" in edge["title"]
    assert "代理人身份：单位员工" in edge["title"]
    labels = {e["label"].split(" ×")[0] for e in data["edges"] if not e["derived"]}
    assert labels <= {k.label_zh for k in schema().edges.values()}


def test_tooltips_list_the_source_case_numbers_of_a_node(hostile_graph: nx.MultiDiGraph) -> None:
    title = _node(network_data(hostile_graph), EVIL_EMPLOYER)["title"]
    assert "来源案号（5）：(2021)豫0502民初101号、" in title  # 4 cases + the registry row
    assert "工商登记" in title and "登记状态：注销" in title and "参保人数：2" in title


def test_source_label_prefers_the_case_number_property() -> None:
    g = nx.MultiDiGraph()
    g.add_node("Case:(2021)豫0502民初12号|某法院", kind="Case", case_number="（2021）豫0502民初12号")
    assert source_label("Case:(2021)豫0502民初12号|某法院", g) == "（2021）豫0502民初12号"
    assert source_label("Case:(2020)豫0503民初7号|北关区人民法院", g) == "(2020)豫0503民初7号"
    assert source_label("Case:sha256:0123456789abcdef", g) == "文书 01234567"
    assert source_label("registry:91410502MA3X00000X", g) == "工商登记"


def test_sensitive_properties_and_ids_are_masked_unless_unmasked(
        hostile_graph: nx.MultiDiGraph) -> None:
    masked = network_html(hostile_graph, title="t")
    assert ID_NUMBER not in masked and PHONE not in masked and "03725951234" not in masked
    assert "410502************" in masked and "138****5678" in masked
    assert "敏感信息已遮蔽" in masked
    unmasked = network_html(hostile_graph, title="t", unmask=True)
    assert ID_NUMBER in unmasked and PHONE in unmasked


def test_highlighted_members_are_emphasised_and_others_dimmed(
        hostile_graph: nx.MultiDiGraph, ring_members: list[str]) -> None:
    data = network_data(hostile_graph, highlight=[*ring_members, "Person:not in graph"])
    employer, lawyer = _node(data, EVIL_EMPLOYER), _node(data, "周律师")
    assert employer["borderWidth"] == role_styles()["employer"].border_width + 1
    assert "opacity" not in employer and lawyer["opacity"] < 1
    assert employer["size"] == role_styles()["employer"].size + 4
    page = network_html(hostile_graph, title="t", highlight=ring_members)
    assert "团伙成员（放大显示，其余淡化）" in page


def test_layout_is_grouped_and_handles_tiny_graphs(hostile_graph: nx.MultiDiGraph) -> None:
    agent = next(n for n in hostile_graph if "onerror=\"alert" in n)
    pos = layout_positions(hostile_graph, intermediaries=[agent])
    assert pos[agent] == (0, 0)  # the intermediary in the centre
    forums = [p for n, p in pos.items() if n.startswith("Forum:")]
    assert forums and all(x > max(p[0] for n, p in pos.items() if not n.startswith("Forum:"))
                          for x, _ in forums)  # courts in the side column on the right
    assert len(set(pos.values())) == len(pos)  # no two nodes on one point
    single = nx.MultiDiGraph()
    single.add_node("Employer:甲", kind="Employer", name="甲")
    assert len(layout_positions(single)) == 1
    assert layout_positions(nx.MultiDiGraph()) == {}


def test_fragment_embeds_without_page_chrome(hostile_graph: nx.MultiDiGraph) -> None:
    fragment = network_fragment(hostile_graph, title="片段", dom_id="ring-1", height="50vh")
    assert fragment.startswith('<figure class="rt-network" id="ring-1" data-rt-network>')
    assert "<html" not in fragment and "<script>" not in fragment
    assert 'style="height: 50vh"' in fragment


@pytest.mark.parametrize(("option", "value"), [("height", "1px;background:url(x)"),
                                               ("dom_id", 'a" onclick="x')])
def test_fragment_rejects_unsafe_options(hostile_graph: nx.MultiDiGraph, option: str,
                                         value: str) -> None:
    options: dict[str, Any] = {option: value}
    with pytest.raises(ValueError, match=option):
        network_fragment(hostile_graph, title="t", **options)


def test_unknown_kinds_and_missing_captions_still_render() -> None:
    g = nx.MultiDiGraph()
    g.add_node("Case:sha256:abcdef0123", kind="Case", doc_sha256="abcdef0123")
    g.add_node("Thing:1", kind="Thing", name="<b>某物</b>")
    g.add_edge("Thing:1", "Case:sha256:abcdef0123", kind="MENTIONS", source_doc="x")
    data = network_data(g)
    assert [n["label"] for n in data["nodes"]] == ["案件 abcdef01", "<b>某物</b>"]
    assert data["edges"][0]["label"] == "MENTIONS"
    assert data["nodes"][1]["color"]["background"] == "#9c9c9c"


def test_zero_is_shown_but_empty_and_unknown_values_are_not() -> None:
    g = nx.MultiDiGraph()
    g.add_node("Employer:甲", kind="Employer", name="甲", insured_headcount=0, status="",
               in_registry=False, former_names=[])
    g.add_node("Case:sha256:ab", kind="Case", outcome="unknown", doc_sha256="ab", absent=True)
    case, employer = (n["title"] for n in network_data(g)["nodes"])  # sorted by id
    assert employer == "用人单位：甲\n参保人数：0"
    assert case == "案件：案件 ab\n缺席：是\n文书哈希：ab"
