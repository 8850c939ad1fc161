"""Encoding detection: UTF-8, GB18030 and Big5 told apart, a page's declared charset honoured."""

from __future__ import annotations

from pathlib import Path

import pytest

from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.encoding import decode_bytes, detect_encoding
from ringtrace.loaders.ingest import ingest_paths

#: an invented traditional-script judgment head (a Hong Kong or Taiwan mirror's copy)
TRADITIONAL = ("河南省安陽市文峰區人民法院\n民事判決書\n（2021）豫0502民初1234號\n"
               "原告：張桂蘭，女，1968年5月2日出生，漢族，住安陽市文峰區。\n"
               "被告：安陽市恆達廢舊物資回收有限公司，住所地安陽市文峰區中華路8號。\n"
               "原告張桂蘭與被告確認勞動關係糾紛一案，本院受理後，依法適用簡易程序審理。\n")
SIMPLIFIED = ("河南省安阳市文峰区人民法院\n民事判决书\n（2021）豫0502民初1234号\n"
              "原告：张桂兰，女，1968年5月2日出生，汉族，住安阳市文峰区。\n")


@pytest.mark.parametrize(("text", "encoding", "expected"), [
    (TRADITIONAL, "big5", "big5hkscs"),   # decodes as GB18030 too, as mojibake
    (TRADITIONAL, "cp950", "big5hkscs"),  # Windows Big5 (Taiwan)
    (SIMPLIFIED, "gb18030", "gb18030"),
    (SIMPLIFIED, "gbk", "gb18030"),
    (TRADITIONAL, "utf-8", "utf-8"),
])
def test_the_encoding_whose_text_reads_as_chinese_wins(text: str, encoding: str,
                                                       expected: str) -> None:
    data = text.encode(encoding)
    assert detect_encoding(data) == expected
    assert decode_bytes(data, "doc.txt") == text


def test_a_pages_declared_charset_is_honoured_when_its_bytes_fit() -> None:
    page = f'<html><head><meta charset="big5"></head><body>{TRADITIONAL}</body></html>'
    assert detect_encoding(page.encode("big5")) == "big5"
    mislabelled = page.replace("big5", "utf-8").encode("gb18030")  # declared, but not so
    assert detect_encoding(mislabelled) == "gb18030"


def test_a_big5_copy_is_ingested_not_rejected_as_mojibake(tmp_path: Path) -> None:
    path = tmp_path / "copy.txt"
    path.write_bytes(TRADITIONAL.encode("big5"))
    with SQLiteStore.open(tmp_path / "ws") as store:
        summary = ingest_paths(store, [path])
        [case] = list(store.iter_nodes("Case"))
    assert summary.records == 1 and summary.clean
    assert case.props["case_number"] == "（2021）豫0502民初1234號"


@pytest.mark.parametrize("declared", ["iso-8859-1", "latin-1", "us-ascii"])
def test_a_single_byte_declared_charset_is_no_evidence(declared: str) -> None:
    # a mirror's template declares Latin-1 over Chinese text: every byte string decodes as
    # Latin-1, so honouring it turned every such page into mojibake (then "not a judgment")
    for encoding in ("utf-8", "gb18030"):
        page = f'<html><head><meta charset="{declared}"></head><body>{SIMPLIFIED}</body></html>'
        assert detect_encoding(page.encode(encoding)) == encoding
        assert decode_bytes(page.encode(encoding), "page.html") == page


def test_a_stale_declaration_does_not_override_utf8() -> None:
    # a GBK page converted to UTF-8 keeps its old <meta charset="gbk">; short UTF-8 Chinese
    # also decodes as GBK (张三 -> 寮犱笁), but UTF-8 bytes are UTF-8 whatever the page says
    page = '<meta charset="gbk">原告张三'
    assert page.encode("utf-8").decode("gbk")  # the bytes fit the declaration too
    assert detect_encoding(page.encode("utf-8")) == "utf-8"
