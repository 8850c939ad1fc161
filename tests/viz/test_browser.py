"""Open the generated pages in headless Chromium (Debian's /usr/bin/chromium via Playwright).

Checks what only a browser can: the network is drawn, nothing is fetched from anywhere but the
file itself, the console stays clean (a CSP violation would be logged there), the XSS payloads
in the data never run, and tooltips show data as text, and the largest ring of a scanned
province reads as a grouped graph. Screenshots (the test artefacts) go to
/tmp/ringtrace-viz-*.png for a human look.
Without Chromium the tests are skipped with instructions, except under ``CI=true``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.queries.ringviews import list_rings, ring_detail, ring_graph
from ringtrace.viz.network import network_html
from ringtrace.viz.pages import dashboard_page, index_page, ring_page
from tests.scanned_province import ScannedProvince
from tests.viz.conftest import EVIL_EMPLOYER, SENTINEL_EMPLOYER

pytestmark = pytest.mark.browser

LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


class Visit:
    """One page load with everything the page tried to do recorded."""

    def __init__(self, context: Any, path: Path) -> None:
        self.blocked: list[str] = []
        self.console_errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = context.new_page()
        self.page.route("**/*", self._route)
        self.page.on("request", self._request)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.goto(path.as_uri(), wait_until="load")
        self.page.wait_for_timeout(200)

    def _route(self, route: Any) -> None:
        if route.request.url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _request(self, request: Any) -> None:
        if not request.url.startswith(LOCAL_SCHEMES):
            self.blocked.append(request.url)

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def assert_clean(self) -> None:
        assert self.blocked == []
        assert self.console_errors == []
        assert self.dialogs == []
        assert self.page.evaluate("window.__xss") is None

    def screenshot(self, name: str, element: str | None = None) -> None:
        """Save the page (or one element of it) as /tmp/ringtrace-viz-NAME.png."""
        path = f"/tmp/ringtrace-viz-{name}.png"
        if element is None:
            self.page.screenshot(path=path, full_page=True)
        else:
            self.page.locator(element).screenshot(path=path)


def _drawn_pixels(visit: Visit, dom_id: str, at_least: int = 2000) -> int:
    """Non-white pixels on the network's canvas, waiting (up to 5 s) until there are enough."""
    handle = visit.page.wait_for_function("""([id, atLeast]) => {
        const canvas = document.querySelector('#' + id + ' canvas');
        if (!canvas) return 0;
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let inked = 0;
        for (let i = 0; i < data.length; i += 4) {
            const dark = data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240;
            if (data[i + 3] > 0 && dark) inked++;
        }
        return inked >= atLeast ? inked : 0;
    }""", arg=[dom_id, at_least], timeout=5000)
    return int(handle.json_value())


def _hover_node(visit: Visit, dom_id: str, text: str) -> str:
    """Hover the node whose caption is ``text``; returns the tooltip's text (checked plain)."""
    point = visit.page.evaluate("""([id, text]) => {
        const network = window.ringtraceNetworks[id];
        const node = network.body.data.nodes.get({filter: n => n.caption === text})[0];
        network.moveTo({position: network.getPosition(node.id), scale: 2.5, animation: false});
        return network.canvasToDOM(network.getPosition(node.id));
    }""", [dom_id, text])
    box = visit.page.locator(f"#{dom_id} .rt-network-canvas").bounding_box()
    visit.page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    tooltip = visit.page.locator(f"#{dom_id} div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=3000)
    tags = visit.page.evaluate(f"""Array.from(document.querySelectorAll(
        '#{dom_id} div.vis-tooltip *'), e => e.tagName)""")
    assert set(tags) <= {"BR"}  # innerText turns newlines into <br>; nothing else is markup
    return str(tooltip.inner_text())


def test_network_page_draws_offline_and_shows_names_as_text(
        browser: Any, tmp_path: Path, hostile_graph: nx.MultiDiGraph,
        ring_members: list[str]) -> None:
    path = tmp_path / "network.html"
    path.write_text(network_html(hostile_graph, title=SENTINEL_EMPLOYER, highlight=ring_members),
                    "utf-8")
    visit = Visit(browser, path)
    nodes = visit.page.evaluate(
        "window.ringtraceNetworks['rt-network'].body.data.nodes.length")
    assert nodes == hostile_graph.number_of_nodes()
    assert _drawn_pixels(visit, "rt-network") >= 2000
    assert visit.page.locator("h1").inner_text() == SENTINEL_EMPLOYER
    visit.screenshot("network")
    tip = _hover_node(visit, "rt-network", EVIL_EMPLOYER)
    assert tip.startswith(f"用人单位：{EVIL_EMPLOYER}")
    visit.screenshot("network-tooltip")
    visit.assert_clean()


def test_legend_and_search_work(browser: Any, tmp_path: Path,
                                hostile_graph: nx.MultiDiGraph) -> None:
    path = tmp_path / "network.html"
    path.write_text(network_html(hostile_graph, title="t"), "utf-8")
    visit = Visit(browser, path)
    hidden_roles = """Array.from(new Set(window.ringtraceNetworks['rt-network'].body.data.nodes
        .get({filter: n => n.hidden}).map(n => n.role))).sort()"""
    derived_hidden = """window.ringtraceNetworks['rt-network'].body.data.edges
        .get({filter: e => e.derived}).every(e => e.hidden)"""
    assert visit.page.evaluate(hidden_roles) == ["case", "contact_private"]  # cases as edges
    assert visit.page.evaluate(derived_hidden) is False
    visit.page.click("button[data-kind='case']")  # case nodes in, their stand-in lines out
    assert visit.page.evaluate(hidden_roles) == ["contact_private"]
    assert visit.page.evaluate(derived_hidden) is True
    visit.page.click("button[data-kind='employer']")
    assert visit.page.evaluate(hidden_roles) == ["contact_private", "employer"]
    visit.page.click("button[data-kind='employer']")
    visit.page.fill("form.rt-network-search input", "<script>")
    visit.page.click("form.rt-network-search button")
    assert visit.page.locator("form.rt-network-search output").inner_text() == "找到 2 个节点"
    assert len(visit.page.evaluate(
        "window.ringtraceNetworks['rt-network'].getSelectedNodes()")) == 2
    visit.assert_clean()


def test_report_pages_load_clean(browser: Any, tmp_path: Path, ring_detail: dict[str, Any],
                                 hostile_graph: nx.MultiDiGraph, summary: dict[str, Any],
                                 dashboard_data: dict[str, Any]) -> None:
    pages = {"ring": ring_page(ring_detail, hostile_graph), "index": index_page(summary),
             "dashboard": dashboard_page(dashboard_data)}
    for name, html in pages.items():
        path = tmp_path / f"{name}.html"
        path.write_text(html, "utf-8")
        visit = Visit(browser, path)
        visit.screenshot(name)
        visit.assert_clean()
        if name == "ring":
            assert visit.page.evaluate(
                "window.ringtraceNetworks['ring-network'].body.data.nodes.length") > 0
            assert _drawn_pixels(visit, "ring-network") >= 2000
        if name == "dashboard":
            assert visit.page.locator("svg.rt-svg").count() == 5


def test_the_largest_ring_reads_as_a_grouped_graph(browser: Any, tmp_path: Path,
                                                   scanned_province: ScannedProvince
                                                   ) -> None:
    """The largest ring of a scanned province: role legend, employers and courts apart, case
    labels distinct, drawn offline; the screenshot is kept for a human look."""
    with SQLiteStore.open(scanned_province.workspace, create=False) as store:
        largest = max(list_rings(store), key=lambda r: (r.cases, r.ring_id))
        detail = ring_detail(store, largest.ring_id)
        graph = ring_graph(store, detail.case_ids)
    path = tmp_path / "largest.html"
    path.write_text(ring_page(detail, graph), "utf-8")
    visit = Visit(browser, path)
    assert _drawn_pixels(visit, "ring-network") >= 2000
    legend = visit.page.locator("#ring-network .rt-legend button[data-kind]")
    roles = [legend.nth(i).get_attribute("data-kind") for i in range(legend.count())]
    assert {"employer", "applicant", "case", "forum"} <= set(roles)
    if detail.intermediaries:
        assert roles[0] == "intermediary"
    visit.screenshot("largest-ring", "#ring-network")
    placed = visit.page.evaluate("""() => {
        const network = window.ringtraceNetworks['ring-network'];
        const nodes = network.body.data.nodes.get();
        return nodes.filter(n => n.role === 'employer' || n.role === 'forum').map(n => ({
            role: n.role, box: network.getBoundingBox(n.id)}));
    }""")
    for i, a in enumerate(placed):
        for b in placed[i + 1:]:
            apart = (a["box"]["right"] <= b["box"]["left"] or b["box"]["right"] <= a["box"]["left"]
                     or a["box"]["bottom"] <= b["box"]["top"]
                     or b["box"]["bottom"] <= a["box"]["top"])
            assert apart, (a, b)  # no employer hides under a court, nor under another employer
    forums = [p["box"]["left"] for p in placed if p["role"] == "forum"]
    employers = [p["box"]["right"] for p in placed if p["role"] == "employer"]
    assert min(forums) > max(employers)  # courts on their side layer
    visit.page.click("#ring-network button[data-kind='case']")
    cases = visit.page.evaluate("""window.ringtraceNetworks['ring-network'].body.data.nodes
        .get({filter: n => n.role === 'case' && !n.hidden}).map(n => [n.caption, n.label])""")
    assert len(cases) == len(detail.cases)
    labels = {label for _, label in cases}
    assert len(labels) == len({number for number, _ in cases})  # distinct numbers, labels
    visit.screenshot("largest-ring-cases", "#ring-network")
    visit.assert_clean()


def test_rule_and_date_filters_and_the_details_panel(
        browser: Any, tmp_path: Path, ring_detail: dict[str, Any],
        hostile_graph: nx.MultiDiGraph) -> None:
    cases = [{**c, "rules": ["CLAIM_MEDIATED"] if i % 2 else ["EMP_BURST"]}
             for i, c in enumerate(ring_detail["cases"])]
    path = tmp_path / "ring.html"
    path.write_text(ring_page({**ring_detail, "cases": cases}, hostile_graph), "utf-8")
    visit = Visit(browser, path)
    options = visit.page.locator("#ring-network select.rt-filter-rule option")
    assert [options.nth(i).inner_text() for i in range(options.count())] == [
        "全部规则", "调解结案（3件）", "用人单位被密集起诉（相对参保人数）（3件）"]
    shown_applicants = """window.ringtraceNetworks['ring-network'].body.data.nodes
        .get({filter: n => n.role === 'applicant' && !n.hidden}).length"""
    everyone = visit.page.evaluate(shown_applicants)
    visit.page.select_option("#ring-network select.rt-filter-rule", "CLAIM_MEDIATED")
    assert 0 < visit.page.evaluate(shown_applicants) < everyone
    visit.page.click("#ring-network .rt-filter-reset")
    assert visit.page.evaluate(shown_applicants) == everyone
    visit.page.fill("#ring-network input.rt-filter-from", "2022-01-01")
    visit.page.dispatch_event("#ring-network input.rt-filter-from", "change")
    assert visit.page.evaluate(shown_applicants) == 0  # every case was decided in 2021
    visit.page.click("#ring-network .rt-filter-reset")
    point = visit.page.evaluate("""() => {
        const network = window.ringtraceNetworks['ring-network'];
        const node = network.body.data.nodes.get({filter: n => n.role === 'employer'})[0];
        network.moveTo({position: network.getPosition(node.id), scale: 2, animation: false});
        return network.canvasToDOM(network.getPosition(node.id));
    }""")
    box = visit.page.locator("#ring-network .rt-network-canvas").bounding_box()
    visit.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    details = visit.page.locator("#ring-network .rt-details-text").inner_text()
    assert details.startswith("用人单位：") and "涉及案件：" in details
    assert visit.page.locator("#ring-network .rt-details-text *").count() == 0  # text only
    visit.assert_clean()
