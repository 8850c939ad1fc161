from __future__ import annotations

import pytest

from ringtrace.viz import formatting as fmt


@pytest.mark.parametrize("href", [
    "javascript:alert(1)", "JavaScript:alert(1)", "http://x.example/a", "//cdn.example/x.js",
    "/etc/passwd", "data:text/html,<b>", "rings/a b.html", "rings/\tx.html", "a\\b.html", "", None,
])
def test_safe_href_refuses_anything_but_a_relative_local_link(href: object) -> None:
    assert fmt.safe_href(href) is None


def test_safe_href_keeps_relative_links() -> None:
    assert fmt.safe_href("rings/R-3f2a9c1b.html") == "rings/R-3f2a9c1b.html"
    assert fmt.safe_href("../index.html#rings") == "../index.html#rings"


def test_numbers_money_rates_and_periods() -> None:
    assert fmt.yuan(1234567) == "123.5万元"
    assert fmt.yuan(875.0) == "875元"
    assert fmt.yuan(181_234_567) == "1.81亿元"
    assert fmt.yuan_exact(45321.5) == "45,321.50元"
    assert fmt.rate(0.8571) == "86%"
    assert fmt.rate(0.72) == "72%" and fmt.rate(0.001) == "0.1%" and fmt.rate(0.0) == "0%"
    assert fmt.rate(12) == "12"
    assert fmt.score(0.934) == "0.93"
    assert fmt.count([1, 2, 3]) == "3" and fmt.count(1200) == "1,200"
    assert fmt.period("2001-01-01", "2015-12-31") == "2001-01-01 至 2015-12-31（约 15.0 年）"
    assert fmt.period("2001", None) == "2001 至 —"
    assert fmt.text(None) == fmt.MISSING and fmt.text(["甲", "乙"]) == "甲、乙"
    assert fmt.names([{"name": "张三"}, "李四"]) == "张三、李四"
