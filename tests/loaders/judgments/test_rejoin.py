"""Lines broken in the middle of a sentence (PDF and web copies) are joined again."""

from __future__ import annotations

import pytest

from ringtrace.loaders.judgments import parse_text
from ringtrace.loaders.judgments.parser import prepare
from ringtrace.loaders.judgments.rejoin import broken_breaks, join_at


def _joined(text: str) -> str:
    return join_at(text, broken_breaks(text))


AWARD = ("新乡市卫滨区劳动人事争议仲裁委员会\n仲 裁 裁 决 书\n卫滨劳人仲案[2024]8号\n"
         "申请人周某梅，女，1971年3月13日出生，汉族，住址：河南省辉县市后张庄村2组176号。身份证号码：4107**********4687。联系\n"
         "电话：13611622981。\n"
         "被申请人新乡市某某面粉有限公司，住所地：河南省新乡市卫滨区中华路244号。\n"
         "法定代表人：李某胜，总经理。\n"
         "委托代理人王某杰，联系电话：15297158753，该公司人事部门负责人。\n"
         "申请人周某梅与被申请人新乡市某某面粉有限公司劳动争议一案，本委受理后，依法组成仲裁庭，于2024年1月15日公开"
         "开庭进行了审理。本案现已审理终结。\n"
         "申请人周某梅请求确认申请人与被申请人\n自2000年7月至2019年6月期间存在劳动关系。\n"
         "申请人周某梅称：申请人于2000年7月到被申请人处从事机器操作工作。\n"
         "被申请人辩称，对申请人的请求没有\n异议。\n"
         "本委认为，劳动关系是指用人单位招用劳动者为其成员，劳动者在用人单位的\n管理下提供有报酬的劳动。裁决如下：\n"
         "确认申请人周某梅与被申请人新乡市某某面粉有限公司自2000年7月至2019年6月存在劳动关系。\n"
         "首席仲裁员  赵某\n仲裁员  张某华\n二Ｏ二四年一月十六日\n书记员  张某红\n")


def test_an_award_wrapped_mid_sentence_reads_whole() -> None:
    record = parse_text(AWARD).record
    assert record is not None
    assert [p.name for p in record.parties] == ["周某梅", "新乡市某某面粉有限公司"]
    assert record.parties[0].phone == "13611622981"
    assert record.claim_kind == "confirmation_only"
    assert (record.claimed_start, record.claimed_end) == ("2000-07", "2019-06")
    assert record.defendant_response == "no_objection"
    assert record.outcome == "confirmed" and record.decision_date == "2024-01-16"


def test_header_signature_and_paragraph_ends_are_kept() -> None:
    text = prepare(AWARD)
    lines = text.split("\n")
    assert lines[:3] == ["新乡市卫滨区劳动人事争议仲裁委员会", "仲裁裁决书", "卫滨劳人仲案[2024]8号"]
    assert lines[-4:] == ["首席仲裁员赵某", "仲裁员张某华", "二Ｏ二四年一月十六日", "书记员张某红"]
    assert "申请人周某梅请求确认申请人与被申请人自2000年7月至2019年6月期间存在劳动关系。" in lines
    assert "被申请人辩称，对申请人的请求没有异议。" in lines


@pytest.mark.parametrize(("text", "expected"), [
    # inside a date and an amount: PDF copies wrap anywhere
    ("原告于2012年2\n月27日到被告处工作。", "原告于2012年2月27日到被告处工作。"),
    ("被告支付工资3\n3300元。", "被告支付工资33300元。"),
    # a party label inside the sentence, after a word that cannot end it
    ("原告王某请求确认原告与\n被告自2000年7月起存在劳动关系。", "原告王某请求确认原告与被告自2000年7月起存在劳动关系。"),
    # a party line without its full stop, then the next party: kept
    ("原告：张三，男，汉族\n被告：某某有限公司，住所地某市。", "原告：张三，男，汉族\n被告：某某有限公司，住所地某市。"),
    ("委托诉讼代理人：李四，某某律师事务所律师\n被告：某某有限公司。", "委托诉讼代理人：李四，某某律师事务所律师\n被告：某某有限公司。"),
    # a line cut after an item's number
    ("申请人王某提出仲裁请求：1.\n确认申请人与被申请人自1994年6月9日起存在劳动关系。",
     "申请人王某提出仲裁请求：1.确认申请人与被申请人自1994年6月9日起存在劳动关系。"),
    # a party line cut after the key of its last field
    ("原告：刘某凤，女，1962年2月1日生，回族，农民，住址：\n河南省安阳市文峰区。",
     "原告：刘某凤，女，1962年2月1日生，回族，农民，住址：河南省安阳市文峰区。"),
    # a colon introduces what the next line says, unless that line opens a paragraph
    ("原告诉称：\n原告于2000年到被告处工作。", "原告诉称：原告于2000年到被告处工作。"),
    ("原告张某诉称：请求依法判令：\n被告支付原告拖欠工资74868元。", "原告张某诉称：请求依法判令：被告支付原告拖欠工资74868元。"),
    ("判决如下：\n一、确认原告与被告存在劳动关系；", "判决如下：\n一、确认原告与被告存在劳动关系；"),
    ("案件名称：\n张三与某公司劳动争议一审民事判决书", "案件名称：\n张三与某公司劳动争议一审民事判决书"),
    # a party line continued on its own line (住所地, 统一社会信用代码, 法定代表人): kept
    ("被告：某某有限公司\n住所地：某市某路1号。", "被告：某某有限公司\n住所地：某市某路1号。"),
    ("被告：某某有限公司，住所地某市\n法定代表人：孙某，经理。", "被告：某某有限公司，住所地某市\n法定代表人：孙某，经理。"),
    # numbered items, headings, indented paragraphs and landmarks start paragraphs
    ("诉讼请求\n1.确认原告与被告存在劳动关系；", "诉讼请求\n1.确认原告与被告存在劳动关系；"),
    ("原告诉称\n原告于2000年到被告处工作。", "原告诉称\n原告于2000年到被告处工作。"),
    ("原告于2000年到被告处工作\n\u3000\u3000被告辩称，无异议。", "原告于2000年到被告处工作\n\u3000\u3000被告辩称，无异议。"),
    ("原告于2000年到被告处工作\n本院认为，双方存在劳动关系。", "原告于2000年到被告处工作\n本院认为，双方存在劳动关系。"),
    # mirror fields, one per line, and the header
    ("案件名称\n张三与某公司劳动争议一审民事判决书\n审理法院\n某某县人民法院",
     "案件名称\n张三与某公司劳动争议一审民事判决书\n审理法院\n某某县人民法院"),
    ("某某县人民法院\n民 事 判 决 书\n（2021）豫0502民初100号\n原告：张某，女。",
     "某某县人民法院\n民 事 判 决 书\n（2021）豫0502民初100号\n原告：张某，女。"),
    # a blog's date line before the party block is the header, not a sentence
    ("某某确认劳动关系纠纷二审民事判决书\n2021-06-09 评论0\n上诉人(原审被告):魏某,汉族。",
     "某某确认劳动关系纠纷二审民事判决书\n2021-06-09 评论0\n上诉人(原审被告):魏某,汉族。"),
])
def test_which_breaks_are_joined(text: str, expected: str) -> None:
    assert _joined(text) == expected


def test_traditional_script_is_joined_at_the_same_places() -> None:
    text = ("浙江省寧波市中級人民法院\n民 事 判 決 書\n（2015）浙甬民一終字第119號\n"
            "上訴人（原審被告）：寧波市某某編織廠，住所地寧波市。\n被上訴人（原審原告）：陳某某，女。\n"
            "上訴人寧波市某某編織廠因與被上訴人陳某某確認勞動關係糾紛一案，不服浙江省寧波市鄞州區人民法院"
            "（2014）甬鄞民初字第1號民事判決，向本院提起上訴。\n"
            "陳某某訴稱：請求確認雙方自2003年3月\n起存在勞動關係。\n")
    record = parse_text(text).record
    assert record is not None
    assert record.case_number == "（2015）浙甬民一終字第119號"
    assert record.claimed_start == "2003-03"
