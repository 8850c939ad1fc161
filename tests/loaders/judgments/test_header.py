"""Case numbers in every era and bracket style, forum, document type and procedure."""

from __future__ import annotations

import pytest

from ringtrace.graph.identity import normalize_case_number
from ringtrace.loaders.judgments.header import document_type_of, find_case_numbers, read_header
from ringtrace.loaders.judgments.metadata import read_metadata


@pytest.mark.parametrize(("text", "number", "court_code", "procedure"), [
    ("（2021）豫0502民初1234号", "（2021）豫0502民初1234号", "豫0502", "一审"),
    ("(2016)沪01民终13566号", "(2016)沪01民终13566号", "沪01", "二审"),
    ("(2016)鲁民再392-1号", "(2016)鲁民再392-1号", "鲁", "再审"),
    ("〔2019〕京01民申37、67号", "〔2019〕京01民申37、67号", "京01", "再审"),
    ("[2011]沈中民五终字第X号", "[2011]沈中民五终字第X号", None, "二审"),
    ("(2010)浙金民终字第1374号", "(2010)浙金民终字第1374号", None, "二审"),
    ("(2013)鼓民初字第5648号", "(2013)鼓民初字第5648号", None, "一审"),
    ("(2014)沪二中民三(民)终字第322号", "(2014)沪二中民三(民)终字第322号", None, "二审"),
    ("(2013)黄浦民一(民)初字第6632号", "(2013)黄浦民一(民)初字第6632号", None, "一审"),
    ("［2020］内0102民初4785号", "［2020］内0102民初4785号", "内0102", "一审"),
    ("(2025)宁劳人仲案字第123号", "(2025)宁劳人仲案字第123号", None, "仲裁"),
    ("(2021)粤03民特617号", "(2021)粤03民特617号", "粤03", "其他"),
])
def test_court_numbers(text: str, number: str, court_code: str | None, procedure: str) -> None:
    found = find_case_numbers("不服" + text + "民事判决")
    assert [n.text for n in found] == [number]
    assert found[0].court_code == court_code
    assert found[0].procedure == procedure


@pytest.mark.parametrize("number", [
    "安劳人仲案字〔2020〕第123号", "永劳人仲案字[2026]123号", "明永劳人仲案字[2026]89号",
    "佛劳人仲案字〔2024〕1号", "浙余姚劳人仲案（2025）第XXX号", "新劳人仲案字（2015）第228号",
    "南勞人仲案(2016)8-23號", "康劳裁不字(2010)X号", "卫滨劳仲裁字(2008)X号", "深劳人仲案(2019)97-1号",
    "深宝劳人仲(新安)案【2021】42号",
])
def test_arbitration_numbers_in_their_many_variants(number: str) -> None:
    found = find_case_numbers(f"仲裁委员会于2020年5月1日作出{number}仲裁裁决书")
    assert [n.text for n in found] == [number]
    assert found[0].arbitration and found[0].procedure == "仲裁"


@pytest.mark.parametrize("verb", ["作出", "做出"])  # 做出: a common spelling in published texts
def test_words_before_an_award_number_are_not_its_place(verb: str) -> None:
    text = f"2010年7月19日{verb}康劳裁不字(2010)X号不予受理通知书；该委{verb}安劳人仲案字〔2018〕第56号裁决"
    assert [n.text for n in find_case_numbers(text)] == ["康劳裁不字(2010)X号",
                                                         "安劳人仲案字〔2018〕第56号"]


@pytest.mark.parametrize(("title", "forum_kind", "expected"), [
    ("民 事 判 决 书", "court", "判决书"), ("民事裁定书", "court", "裁定书"),
    ("民 事 调 解 书", "court", "调解书"), ("调解书", "arbitration", "仲裁调解书"),
    ("仲 裁 裁 决 书", "arbitration", "仲裁裁决书"), ("不予受理通知书", "arbitration", "不予受理通知书"),
    ("案件名称", "court", None),
])
def test_document_types(title: str, forum_kind: str, expected: str | None) -> None:
    assert document_type_of(title, forum_kind) == expected


def test_header_of_a_flattened_mirror_page_skips_the_site_preamble() -> None:
    text = ("聊城某某物业有限公司\n\n聊城某某建设有限公司、某某等劳动合同纠纷民事二审民事判决书\n\n"
            "来源:中国裁判文书网\n山东省聊城市中级人民法院 民 事 判 决 书 (2022)鲁15民终5539号 "
            "上诉人(原审原告):聊城某某建设有限公司。")
    header = read_header(text, read_metadata(text))
    assert header.case_number is not None and header.case_number.text == "(2022)鲁15民终5539号"
    assert (header.forum, header.document_type, header.procedure) == (
        "山东省聊城市中级人民法院", "判决书", "二审")
    assert (header.court_code, header.region_code) == ("鲁15", "371500")


def test_site_junk_glued_to_the_court_name_is_trimmed() -> None:
    text = "来源中国裁判文书网河南省安阳市中级人民法院\n民事判决书\n(2020)豫05民终88号\n上诉人：张三。"
    header = read_header(text, read_metadata(text))
    assert header.forum == "河南省安阳市中级人民法院"


def test_metadata_fill_what_the_text_lacks() -> None:
    text = ("(2016)鲁0323民初2941号\n裁判日期: 2017-08-03\n案由\n\n确认劳动关系纠纷\n法院\n\n"
            "沂源县人民法院\n全文\n原告:张三,男,1949年3月19日出生。")
    meta = read_metadata(text)
    assert meta.get("案由") == "确认劳动关系纠纷" and meta.get("裁判日期") == "2017-08-03"
    header = read_header(text, meta)
    assert header.forum == "沂源县人民法院"
    assert header.case_number is not None and header.case_number.text == "(2016)鲁0323民初2941号"


@pytest.mark.parametrize(("before", "number"), [
    ("不服安阳市劳动人事争议仲裁委员会", "安劳人仲案字（2018）第43号"),  # the forum's name right before
    ("不服安阳市劳动人事争议仲裁委员会", "安劳人仲案字(2018)第43号"),
    ("经文峰区劳动人事争议仲裁院", "文劳人仲案字【2020】5号"),
    ("该委作出", "豫0502劳仲案字[2019]12号"),  # a county commission numbering with its court-style code
    ("该委作出", "豫0502劳仲案字［2019］12号"),
    ("申请人不服", "X劳人仲不字〔2021〕24号"),  # the place masked by the publisher
    ("仲裁委员会作出", "XX劳人仲案字〔2019〕7号"),
])
def test_arbitration_number_keeps_its_place_and_nothing_before(before: str, number: str) -> None:
    found = find_case_numbers(f"原告{before}{number}仲裁裁决，诉至本院。")
    assert [n.text for n in found] == [number] and found[0].arbitration


@pytest.mark.parametrize(("a", "b"), [
    ("安劳人仲案字（2018）第43号", "安劳人仲案字〔2018〕43号"),
    ("豫0502劳仲案字[2019]12号", "豫0502劳仲案字（2019）第12号"),
    ("X劳人仲不字〔2021〕24号", "X劳人仲不字(2021)24号"),
    ("(2013)唐劳人仲裁字第037号", "唐劳人仲裁字(2013)037号"),  # year first, as courts print
    ("(2019)豫0502劳仲案字第12号", "豫0502劳仲案字[2019]12号"),
])
def test_arbitration_number_keys_fold_brackets(a: str, b: str) -> None:
    assert normalize_case_number(a) == normalize_case_number(b)


@pytest.mark.parametrize("number", ["X劳人仲不字〔2021〕24号", "豫0502劳仲案字[2019]12号",
                                    "安劳人仲案字（2018）第43号"])
def test_award_heading_keeps_its_own_number_whole(number: str) -> None:
    text = (f"安阳市劳动人事争议仲裁委员会\n仲裁裁决书\n{number}\n申请人：张某，女，1966年7月8日出生。\n"
            "被申请人：安阳市某某有限公司，住所地安阳市。\n")
    header = read_header(text, read_metadata(text))
    assert header.case_number is not None and header.case_number.text == number
    assert (header.forum_kind, header.procedure) == ("arbitration", "仲裁")


@pytest.mark.parametrize(("open_", "close"), [("【", "】"), ("[", "]"), ("［", "］"), ("【", "】：")])
def test_bracketed_field_labels_of_legal_database_pages(open_: str, close: str) -> None:
    text = (f"{open_}审理法院{close}河南省安阳市中级人民法院\n{open_}案号{close}（2020）豫05民终88号\n"
            f"{open_}案由{close}劳动争议\n{open_}裁判日期{close}2020年5月6日\n"
            "上诉人（原审被告）：安阳市某某有限公司，住所地安阳市。\n被上诉人（原审原告）：张某，女。\n")
    meta = read_metadata(text)
    assert (meta.get("审理法院"), meta.get("案由"), meta.get("裁判日期")) == (
        "河南省安阳市中级人民法院", "劳动争议", "2020年5月6日")
    header = read_header(text, meta)
    assert header.forum == "河南省安阳市中级人民法院"  # the value, never the label 审理法院
    assert header.case_number is not None and header.case_number.text == "（2020）豫05民终88号"
    assert header.procedure == "二审"
