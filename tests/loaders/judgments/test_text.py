"""From bytes and markup to the lines the parser reads."""

from __future__ import annotations

import io
import zipfile

import pytest

from ringtrace.errors import LoadError
from ringtrace.loaders.judgments.text import (
    clean_text,
    docx_to_text,
    html_to_text,
    looks_like_html,
    strip_provenance,
)
from ringtrace.loaders.judgments.tradsimp import is_traditional, to_simplified


def test_word_html_joins_numbers_split_across_spans() -> None:
    html = ('<p class=MsoNormal><span lang=EN-US>(2020)</span><span>内</span><span lang=EN-US>0102'
            '</span><span>民初</span><span lang=EN-US>4785</span><span>号</span></p>'
            '<p class=MsoNormal><span>原告：郝某，女。</span></p>')
    lines = [line for line in html_to_text(html).split("\n") if line]
    assert lines == ["(2020)内0102民初4785号", "原告：郝某，女。"]


def test_wenshu_anchors_break_lines_and_scripts_are_dropped() -> None:
    html = ("<html><head><title>标题</title><script>var a='<div>';</script></head><body>"
            "<a type='dir' name='WBSB'></a>某某法院<a type='dir' name='DSRXX'></a>原告：张三"
            "<!--[if gte mso 9]><xml>x</xml><![endif]--> &amp; 李四&nbsp;</body></html>")
    lines = [line for line in html_to_text(html).split("\n") if line]
    assert lines == ["某某法院", "原告：张三 & 李四 "]


@pytest.mark.parametrize(("text", "expected"), [
    ("委  托诉讼代理人：张某", "委托诉讼代理人：张某"),
    ("统一社\u3000会信用代码914101810A98P8P71U", "统一社会信用代码914101810A98P8P71U"),
    ("住河南省新郑市北大　街455号", "住河南省新郑市北大街455号"),
    ("自2014年  11月至2017年11月", "自2014年11月至2017年11月"),
    ("经审理查明  ：申请人于2014年", "经审理查明：申请人于2014年"),
    ("民 事 判 决 书", "民事判决书"),
    # blanks between letters or digits, or around ASCII punctuation, are left alone
    ("Word 2007 export (2019)", "Word 2007 export (2019)"),
])
def test_blanks_inside_chinese_words_are_dropped(text: str, expected: str) -> None:
    assert clean_text(text) == expected


def test_html_sniffing() -> None:
    assert looks_like_html("<!DOCTYPE html><html>")
    assert looks_like_html("<p class=MsoNormal>原告</p>")
    assert not looks_like_html("原告：张三，男。被告（2021）…<二审>")


def test_page_marker_inside_a_sentence_rejoins_the_word() -> None:
    text = "还曾签订一份合同，2013\n—2—\n年11月26日。\n- 3 -\n本院认为"
    assert clean_text(text) == "还曾签订一份合同，2013年11月26日。\n本院认为"


def test_provenance_lines_and_invisible_characters_go() -> None:
    assert strip_provenance("# source: x\n# more\n原告") == "原告"
    assert strip_provenance("原告 # 不是注释") == "原告 # 不是注释"
    assert clean_text("原\u200b告\r\n被告   \n\n\n\n第三人") == "原告\n被告\n\n第三人"


def _docx(paragraphs: list[str]) -> bytes:
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{ns}"><w:body>{body}' \
          "</w:body></w:document>"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("word/document.xml", xml)
    return buf.getvalue()


def test_docx_paragraphs_become_lines() -> None:
    assert docx_to_text(_docx(["某某人民法院", "民事判决书"])) == "某某人民法院\n民事判决书"


def test_a_broken_docx_names_the_file() -> None:
    with pytest.raises(LoadError, match=r"x\.docx: not a readable \.docx"):
        docx_to_text(b"not a zip", "x.docx")


def test_traditional_text_is_converted_character_for_character() -> None:
    text = "原告張某與被告寧波某某有限公司確認勞動關係糾紛一案，本院於2020年立案。判決書"
    assert is_traditional(text)
    simplified = to_simplified(text)
    assert simplified == "原告张某与被告宁波某某有限公司确认劳动关系纠纷一案，本院于2020年立案。判决书"
    assert len(simplified) == len(text)


def test_a_simplified_text_quoting_one_traditional_name_is_left_alone() -> None:
    text = "原告张三与被告香港長江有限公司确认劳动关系纠纷一案。" * 20
    assert not is_traditional(text)
