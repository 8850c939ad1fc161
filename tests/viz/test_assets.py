from __future__ import annotations

import json

import pytest

from ringtrace.errors import RingtraceError
from ringtrace.viz.assets import defang_urls, inline_safe, vis_script, vis_style


def test_defang_keeps_the_value_of_javascript_strings() -> None:
    literal = defang_urls('"http://www.w3.org/2000/svg"')
    assert literal == '"http:\\/\\/www.w3.org/2000/svg"'
    assert json.loads(literal) == "http://www.w3.org/2000/svg"  # \/ is / in JS and JSON


def test_inlined_library_has_no_url_and_cannot_close_its_element() -> None:
    for text in (vis_script(), vis_style()):
        assert "http://" not in text and "https://" not in text and "//cdn" not in text
        assert "</script" not in text.lower() and "</style" not in text.lower()
    assert "vis-network" in vis_script()[:200]
    assert 'createElementNS("http:\\/\\/www.w3.org/2000/svg"' in vis_script()


def test_inline_safe_refuses_text_that_would_end_the_element() -> None:
    with pytest.raises(RingtraceError, match="</script"):
        inline_safe("var a = '</SCRIPT>';", "x.js")
