"""parse_text / parse_file: the entry points, encodings, file kinds, partial records."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest

from ringtrace.errors import LoadError
from ringtrace.graph.identity import normalize_case_number
from ringtrace.graph.records import case_from_dict
from ringtrace.loaders.judgments import SUFFIXES, parse_file, parse_text

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
DOCS = FIXTURES / "docs"


def test_suffixes() -> None:
    assert SUFFIXES == (".txt", ".html", ".htm", ".docx")


@pytest.mark.parametrize("path", sorted(p for d in (DOCS, FIXTURES / "real_docs")
                                        for p in d.iterdir() if p.suffix in SUFFIXES),
                         ids=lambda p: p.name)
def test_every_fixture_gives_a_record_that_round_trips(path: Path) -> None:
    outcome = parse_file(path)
    assert outcome.record is not None
    record = outcome.record
    assert record.source_path == str(path)
    again = case_from_dict(record.to_dict())
    assert again.to_dict() == record.to_dict()


def test_doc_id_is_the_sha256_of_the_decoded_text() -> None:
    text = (DOCS / "award_anyang.txt").read_text(encoding="utf-8")
    record = parse_text(text, "x.txt").record
    assert record is not None and record.doc_id == hashlib.sha256(text.encode()).hexdigest()


def test_gb18030_is_detected_and_a_wrong_encoding_is_named() -> None:
    record = parse_file(DOCS / "gb18030_erqi.txt").record
    assert record is not None and record.forum == "河南省郑州市二七区人民法院"
    with pytest.raises(LoadError, match=r"gb18030_erqi\.txt.*--encoding"):
        parse_file(DOCS / "gb18030_erqi.txt", encoding="utf-8")


def test_undecodable_bytes_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xfe\xfa\x00abc")
    with pytest.raises(LoadError, match=r"bad\.txt: cannot decode.*--encoding"):
        parse_file(path)


def test_missing_file_and_unknown_kind(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="cannot read"):
        parse_file(tmp_path / "none.txt")
    with pytest.raises(LoadError, match="not a document the parser reads"):
        parse_file(tmp_path / "x.pdf")


def test_docx_file(tmp_path: Path) -> None:
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    lines = (DOCS / "absent_judgment.txt").read_text(encoding="utf-8").split("\n")
    body = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{ns}"><w:body>{body}'
                         "</w:body></w:document>")
    path = tmp_path / "judgment.docx"
    path.write_bytes(buf.getvalue())
    record = parse_file(path).record
    assert record is not None
    assert (record.case_number, record.absent, record.outcome) == (
        "（2017）豫0503民初1876号", True, "confirmed")


def test_parties_without_a_case_number_give_a_partial_record() -> None:
    text = "河南省安阳市文峰区人民法院\n民事判决书\n原告：张某，女，1966年7月8日出生。\n被告：某某有限公司，住所地安阳市。\n"
    outcome = parse_text(text, "p.txt")
    assert outcome.record is not None and outcome.record.case_number is None
    assert outcome.record.doc_id == hashlib.sha256(text.encode()).hexdigest()
    assert [(p.field, p.severity) for p in outcome.problems] == [("case_number", "warning")]


def test_text_that_is_not_a_judgment_is_quarantined() -> None:
    outcome = parse_text("今天天气很好。", "weather.txt")
    assert outcome.record is None
    assert [(p.file, p.severity) for p in outcome.problems] == [("weather.txt", "error")]
    assert "not a judgment" in outcome.problems[0].reason


def test_uscc_failing_the_check_is_a_warning_not_a_rejection() -> None:
    text = ("某某县人民法院\n民事判决书\n（2021）豫0502民初100号\n原告：张某，女，1966年7月8日出生。\n"
            "被告：某某有限公司，统一社会信用代码91410502MA3X4B2K7P。\n")
    outcome = parse_text(text)
    assert outcome.record is not None and outcome.record.parties[1].uscc == "91410502MA3X4B2K7P"
    assert [(p.field, p.line, p.severity) for p in outcome.problems] == [("uscc", 5, "warning")]


def test_traditional_fixture_is_read_in_simplified_characters() -> None:
    record = parse_file(DOCS / "traditional_ningbo.txt").record
    assert record is not None
    assert (record.forum, record.cause) == ("浙江省宁波市中级人民法院", "确认劳动关系纠纷")
    assert record.parties[0].name == "郑秀娟"
    # the case number stays as printed; the identity key folds the script
    assert record.case_number == "（2015）浙甬民一終字第119號"
    assert record.related_case_numbers == ["（2014）甬北民初字第1502號"]
    assert normalize_case_number(record.case_number) == normalize_case_number(
        "(2015)浙甬民一终字第119号")


def test_word_and_wenshu_html_fixtures() -> None:
    word = parse_file(DOCS / "word_export.html").record
    assert word is not None and word.case_number == "(2020)内0102民初4785号"
    assert (word.court_code, word.region_code, word.claim_amounts) == ("内0102", "150102", [12000.0])
    anchors = parse_file(DOCS / "wenshu_anchor.html").record
    assert anchors is not None and (anchors.outcome, anchors.region_code) == ("upheld", "440600")
    assert [s.text for s in anchors.spans if s.kind == "lower_outcome"] == [
        "确认刘某某、黄某某与佛山市禅城区某某五金制品厂自2008年1月1日至2017年12月31日期间存在劳动关系。"]


def test_masked_names_are_kept_as_written() -> None:
    record = parse_file(FIXTURES / "real_docs" / "07.txt").record
    assert record is not None
    assert [p.name for p in record.parties][:6] == ["聊城旭润建设有限公司", "***", "***", "***", "***",
                                                    "**堂"]
