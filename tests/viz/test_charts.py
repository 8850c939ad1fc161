from __future__ import annotations

import re
from typing import Any

import pytest

from ringtrace.viz import charts
from ringtrace.viz.pages import dashboard_page
from tests.viz.conftest import EVIL_EMPLOYER, Markup, assert_inert


def test_nice_ticks_cover_the_maximum_in_round_steps() -> None:
    assert charts.nice_ticks(37) == [0, 10, 20, 30, 40]
    assert charts.nice_ticks(5) == [0, 1, 2, 3, 4, 5]
    assert charts.nice_ticks(0.37) == [0, 0.1, 0.2, 0.3, 0.4]
    assert charts.nice_ticks(1200) == [0, 500, 1000, 1500]
    assert charts.nice_ticks(0) == [0, 1]


def test_histogram_bins_whole_numbers_by_value_or_by_range() -> None:
    assert charts.histogram_bins([2, 3, 3, 5]) == [("2", 1), ("3", 2), ("4", 0), ("5", 1)]
    assert charts.histogram_bins([2, 3, 3, 4, 5, 5, 8, 12, 27, 40]) == [
        ("2–9", 7), ("10–17", 1), ("18–25", 0), ("26–33", 1), ("34–41", 1)]
    assert charts.histogram_bins([0.5, 1.0, 2.0], bins=3) == [
        ("0.50–1", 1), ("1–1.50", 1), ("1.50–2", 1)]
    assert charts.histogram_bins([]) == []


@pytest.mark.parametrize("chart", [
    lambda: charts.bar_chart([(EVIL_EMPLOYER, 3), ("乙", 1)], title=EVIL_EMPLOYER),
    lambda: charts.hbar_chart([(EVIL_EMPLOYER, 3), ("乙", 1)], title="t", notes=["参保 2 人", "—"]),
    lambda: charts.line_chart(["2021-01", "2021-02"], [(EVIL_EMPLOYER, [1, 2])], title="t"),
    lambda: charts.histogram([1, 2, 2, 9], title=EVIL_EMPLOYER),
])
def test_charts_escape_labels_and_are_stable(chart: Any) -> None:
    svg = str(chart())
    assert svg == str(chart())
    assert svg.startswith('<svg class="rt-svg" viewBox=') and svg.rstrip().endswith("</svg>")
    assert "<script" not in svg and "http" not in svg
    assert [t for t, _ in Markup(svg).tags if t not in {
        "svg", "title", "rect", "line", "text", "polyline", "circle"}] == []


def test_bar_heights_are_proportional_to_values() -> None:
    svg = str(charts.bar_chart([("甲", 40), ("乙", 10)], title="t", height=228))
    heights = [float(h) for h in re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" '
                                            r'height="([\d.]+)"', svg)]
    assert heights == [184.0, 46.0]  # plot is 184 px tall; ticks end at 40
    assert "<title>甲：40</title>" in svg


def test_long_labels_are_shortened_with_the_full_text_as_tip() -> None:
    name = "安阳市某某劳务派遣服务有限公司第一分公司（原安阳市某某国营粮库劳动服务公司）"
    svg = str(charts.hbar_chart([(name, 5)], title="t", width=400))
    assert f"<title>{name}</title>" in svg
    assert "…</text>" in svg


def test_empty_charts_say_so() -> None:
    for svg in (charts.bar_chart([], title="t"), charts.hbar_chart([], title="t"),
                charts.line_chart([], [], title="t"), charts.histogram([], title="t")):
        assert "无数据" in str(svg)


def test_dashboard_page_draws_each_chart_with_its_table(dashboard_data: dict[str, Any]) -> None:
    page = dashboard_page(dashboard_data)
    assert_inert(page, scripts=0)
    assert "http://" not in page and "https://" not in page
    ids = [dict(a).get("id") for t, a in Markup(page).tags if t == "figure"]
    assert ids == ["cases-per-month", "top-employers", "leads-by-region", "ring-sizes",
                   "rule-hits"]
    assert page.count("<svg ") == 5 and page.count("<summary>数据表</summary>") == 5
    assert "参保 2 人" in page and "每月案件数" in page and "共 10 个团伙" in page
    assert page == dashboard_page(dashboard_data)


def test_dashboard_renders_only_what_is_present() -> None:
    page = dashboard_page({"ring_sizes": [3, 4]})
    assert page.count("<svg ") == 1 and "团伙规模分布" in page and "<h1>总览</h1>" in page
    assert "没有可显示的图表数据" in dashboard_page({})
