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
from ringtrace.queries.redflags.params import KeywordParams
from ringtrace.queries.rules import load_rules


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
    ("男，196 1年4月5日出生，联系电话：138 1234 5678", "男，1961年4月5日出生，联系电话：13812345678"),
    # blanks between letters, or a letter and a digit, or around ASCII punctuation, stay
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


def test_place_and_person_names_in_traditional_script_are_simplified() -> None:
    # forums and parties: 鞏義 (巩义), 陽穀 (阳谷), 濬縣 (浚县), 文峯 (文峰), 澗西 (涧西), 呂 (吕)
    assert to_simplified("河南省鞏義市人民法院 陽穀縣 濬縣 安陽市文峯區 洛陽市澗西區 呂某評") == \
        "河南省巩义市人民法院 阳谷县 浚县 安阳市文峰区 洛阳市涧西区 吕某评"


def test_every_traditional_form_of_a_gb2312_character_is_simplified() -> None:
    opencc = pytest.importorskip("opencc")
    s2t = opencc.OpenCC("s2t")
    gb2312 = set()
    for high in range(0xB0, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                gb2312.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    missing = []
    for char in sorted(gb2312):
        traditional = s2t.convert(char)
        if len(traditional) == 1 and traditional != char and traditional not in gb2312 and \
                to_simplified(traditional) == traditional:
            missing.append(traditional + char)
    assert missing == []
    # simplified characters are left alone, but for four of the first table that GB 2312 also
    # holds and simplified texts hardly use (後, 徵, 於, 麽), and 摺 (simplified texts write the
    # wage passbook 存折)
    assert {c for c in gb2312 if to_simplified(c) != c} == set("後徵於麽摺")


def test_evidence_vocabulary_survives_a_round_trip_through_traditional_script() -> None:
    # OpenCC converts phrase by phrase (存折 -> 存摺), so a traditional copy can print a
    # character that no single GB 2312 character maps to; the rules' keywords must read back
    opencc = pytest.importorskip("opencc")
    s2t = opencc.OpenCC("s2t")
    rules = load_rules()
    params = [rules.rule(r) for r in ("EVID_INDEPENDENT", "EVID_EMPLOYER_RECORDS",
                                      "SUPPORT_INSTITUTION")]
    assert all(isinstance(p, KeywordParams) for p in params)
    words = [w for p in params if isinstance(p, KeywordParams) for w in p.keywords]
    assert "工资存折" in words
    assert [w for w in words if to_simplified(s2t.convert(w)) != w] == []


def test_a_simplified_text_quoting_one_traditional_name_is_left_alone() -> None:
    text = "原告张三与被告香港長江有限公司确认劳动关系纠纷一案。" * 20
    assert not is_traditional(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("住滄州市運河區(qū)。", "住滄州市運河區。"),
    ("住滄州市運河區（qū）。", "住滄州市運河區。"),  # a page converted to full-width punctuation
    ("河北天某藥業(yè)股份有限公司", "河北天某藥業股份有限公司"),
    ("住所地滄州經(jīng)濟技術開發區（qū）", "住所地滄州經濟技術開發區"),
    ("某某有限公司（以下简称某某公司）", "某某有限公司（以下简称某某公司）"),  # words, not a gloss
    ("张某（abc）", "张某（abc）"),  # no tone mark: not taken for pinyin
])
def test_pinyin_glosses_are_dropped_in_either_bracket_width(text: str, expected: str) -> None:
    assert clean_text(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("（2021）豫0502民初&nbsp;1234号", "（2021）豫0502民初1234号"),
    ("（2021）豫0502民初&#160;1234&#xa0;号", "（2021）豫0502民初1234号"),
    ("原告：张某&emsp;，女", "原告：张某，女"),
    ("某某建材有限公司&amp;某某厂", "某某建材有限公司&某某厂"),
    ("工资A&B两项", "工资A&B两项"),  # a bare ampersand is no reference
])
def test_character_references_left_in_plain_text_are_decoded(text: str, expected: str) -> None:
    assert clean_text(text) == expected


def test_a_name_character_mainland_texts_print_too_is_kept() -> None:
    """``黃昇``: 昇 is a standard character of mainland names (通用规范汉字表), so the worker of a
    traditional mirror is the 黄昇 of the court's own copy, not 黄升 (another person)."""
    text = "原告:黃昇,男,1961年6月2日出生,漢族。被告辯稱,對原告的訴訟請求無異議。確認勞動關係。"
    assert is_traditional(text)
    assert to_simplified(text).startswith("原告:黄昇,")
