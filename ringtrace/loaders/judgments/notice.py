"""Parties of documents without party lines: refusal notices and copies cut before the block.

A copy that starts after its party block (a repost that begins with the claim) names the
sides in the body: in one sentence (``原告王某与被告某某有限公司…一案``), or each where it is
first named in full (``申请人王某英请求…``, ``被申请人某某化工有限公司于本裁决生效之日起…支付``).

Non-acceptance notices (不予受理通知书) are written to the applicant by name.

A commission's notice often has no party lines: it is addressed to the applicant
(``张三：``, ``某某有限公司：``) and names the other side only in its first sentence::

    张三：
        你（单位）与安阳市某某有限公司劳动争议一案，本委于2021年3月1日收到仲裁申请……

The model notice of the 劳动人事争议仲裁办案规则 (the one most commissions print) says when the
application came in before naming the other side, and some commissions print the addressee's
ID number after the name::

    赵某（身份证号：410502196512******）：
        你（单位）于2021年4月6日向本委提出的与安阳某某物资有限公司确认劳动关系争议的仲裁申请……

The addressee becomes the applicant (plaintiff) and the employer named in the sentence the
respondent (defendant); both keep ``role_in_text`` empty, since the notice gives no label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ringtrace.graph.records import Party
from ringtrace.loaders.judgments.block import PartyBlock
from ringtrace.loaders.judgments.parties import ParsedParty, looks_like_entity, procedural_role

#: ``张三：`` on its own line, or run into the notice's first sentence (``张三：你（你们）与…``);
#: an ID number in brackets after the name is not part of it (``赵某（身份证号：4105…）：``)
_NAME_COLON = (r"[ \t\u3000]*(?P<name>[^\s:：，,。；;（）()]{2,40})"
               r"(?:[ \t\u3000]*[（(][^（）()\n]{1,40}[）)])?[ \t\u3000]*[:：][ \t\u3000]*")
_ADDRESSEE = re.compile(_NAME_COLON + r"(?:\n|(?=你))")
#: ``你（单位）`` / ``你（你们）`` / ``你``, then when and how the application came
#: (``于2021年3月1日向本委提出的``), then ``与``: the words before the other side's name
_YOU_AND = (r"你(?:[（(][^（）()]{1,4}[）)]|单位)?(?:于[^，,。；;与和]{1,30}?(?:向(?:本|我)(?:委|会|院))?)?"
            r"(?:提出的|申请的|提交的)?(?:与|和|诉)")
#: 你（单位）与… / 你（你们）与… / 你提出的与… / 你（单位）于…向本委提出的与…
_OTHER_SIDE = re.compile(_YOU_AND + r"(?P<other>[^，,。；;、]{2,40}?)(?:之间)?(?:的)?"
                         r"(?:确认劳动关系|劳动人事争议|劳动争议|人事争议|工资|劳动报酬|劳动合同)")
#: the same with any dispute (``…有限公司经济补偿争议的仲裁申请``): the longest name that ends
#: like an organisation's
_OTHER_SIDE_ANY = re.compile(_YOU_AND +
                             r"(?P<other>[^，,。；;、]{2,40}(?:公司|厂|店|中心|学校|医院|合作社|事务所|商行|"
                             r"酒店|宾馆|超市|矿|场|站|部|社|队|院|所|局))"
                             r"(?=(?:之间)?的?[\u4e00-\u9fff]{0,10}?(?:争议|纠纷))")
#: the addressee anywhere in the notice: a line that is a name and a colon, and the notice's
#: ``你…`` sentence after it (a mirror page's field block - 案号, 当事人… - comes first)
_ADDRESSED = re.compile(r"(?m)^" + _NAME_COLON + r"(?:\n[ \t\u3000]*)*(?=你)")
#: how a notice closes: ``特此通知``, or the model notice's ``如不服本通知…``
_NOTICE_CLOSE = re.compile(r"特此通知|不服本通知|本通知书之日")
_REACH = 400
_NOTICE_REACH = 3000


def reads_as_refusal_notice(text: str, start: int) -> bool:
    """True for a notice refusing the case whose title was cut off: it refuses (``不予受理``,
    ``不属于…受理范围``) and closes like a notice (``特此通知``, the model notice's ``如不服本通知,
    可自收到本通知书之日起…``)."""
    stop = min(len(text), start + _NOTICE_REACH)
    return _NOTICE_CLOSE.search(text, start, stop) is not None and (
        text.find("不予受理", start, stop) >= 0 or text.find("受理范围", start, stop) >= 0)


def addressee_block(text: str, start: int) -> PartyBlock:
    """The applicant and the employer of a notice without party lines (empty if not found)."""
    block = PartyBlock(end=start)
    # web copies and Word-exported HTML (one <p> a paragraph, empty ones between) leave blank
    # lines between the number and the addressee
    while start < len(text) and text[start] in " \t\u3000\r\n":
        start += 1
    head = _ADDRESSEE.match(text, start, min(len(text), start + _REACH))
    if head is None:
        head = _ADDRESSEE.match(text, text.find("\n", start) + 1 if start < len(text) else start,
                                min(len(text), start + _REACH))
    if head is None:
        head = _ADDRESSED.search(text, start, min(len(text), start + _NOTICE_REACH))
    if head is None:
        return block
    name = head.group("name")
    stop = min(len(text), head.end() + _REACH)
    other = _OTHER_SIDE.search(text, head.end(), stop) or \
        _OTHER_SIDE_ANY.search(text, head.end(), stop)
    line = text.count("\n", 0, head.start()) + 1
    applicant = Party(name=name, role="plaintiff", is_entity=looks_like_entity(name))
    block.parties.append(ParsedParty(applicant, "plaintiff", [], line))
    if other is not None:
        respondent_name = other.group("other").strip()
        respondent = Party(name=respondent_name, role="defendant",
                           is_entity=looks_like_entity(respondent_name))
        block.parties.append(ParsedParty(respondent, "defendant", [], line + 1))
    block.end = head.end()
    return block


#: one sentence naming both sides, in a copy whose party block was cut off:
#: ``原告王某与被告某某有限公司劳动争议一案``, ``确认原告王某与被告某某有限公司自2010年…``,
#: ``原告王某与被告某某有限公司、第三人某某人力资源有限公司劳动争议一案`` (a third party after 、)
_BOTH_SIDES = re.compile(
    r"(?P<role1>再审申请人|原告|申请人|上诉人)(?P<name1>[^，,。；;、\s:：()（）]{2,30}?)(?:因与|诉|与)"
    r"(?P<role2>被告|被申请人|被上诉人)(?P<name2>[^，,。；;、\s:：]{2,40}?)"
    r"(?:[（(]以下简称[^（）()]{1,20}[）)])?"  # ``中共某某党校（以下简称某校）``: the note is no name
    r"(?=劳动(?:争议|合同|关系|报酬|人事)|人事(?:争议|纠纷)|确认|追索|之间|自|于|在|存在|一案|纠纷|争议|的|[，,。]|"
    r"、(?:原审)?第三人)")
_BODY_REACH = 6000


def mentioned_parties(text: str, start: int) -> PartyBlock:
    """Worker and employer named in the first sentence that names both sides; else each side
    where the body first names it by role and full name, the side still missing from an
    agreement or a declaration that names both without roles (``一、马某金与平顶山市某某保洁服务
    有限公司自2016年至2018年存在劳动关系``); empty if none is found.

    Only for copies without any party line; ``role_in_text`` is the role word of that
    sentence (``原告``), which is also how the rest of the body refers to the party.
    """
    block = PartyBlock(end=start)
    stop = min(len(text), start + _BODY_REACH)
    pos = start
    while (m := _BOTH_SIDES.search(text, pos, stop)) is not None:
        if _plausible(m.group("name1")) and _plausible(m.group("name2")):
            _add(block, text, _Named(m.group("role1"), m.group("name1"), m.start(), True))
            _add(block, text, _Named(m.group("role2"), m.group("name2"), m.start(), False))
            return block
        pos = m.start() + 1  # a phrase, not two names: the real sentence may start inside it
    named = _named_sides(text, start, stop)
    if len(named) < 2:
        named = _completed(named, text, start, stop)
    for side in named:
        _add(block, text, side)
    return block


@dataclass
class _Named:
    role: str  # the role word as written (empty when the text gives none)
    name: str
    at: int
    plaintiff: bool


def _add(block: PartyBlock, text: str, side: _Named) -> None:
    procedural = "plaintiff" if side.plaintiff else "defendant"
    party = Party(name=side.name, role=procedural, role_in_text=side.role,
                  is_entity=looks_like_entity(side.name))
    block.parties.append(ParsedParty(party, procedural, [], text.count("\n", 0, side.at) + 1))


_NAME_CHARS = "[\u4e00-\u9fff*＊×Xx]"
#: a side named by role and name anywhere in the body of a copy that starts after its party
#: block: ``申请人王某英请求…``, ``原告王某诉称``, ``被申请人开封某某化工有限公司于本裁决生效之日起…``
_NAMED = re.compile(
    r"(?P<role>再审申请人|被申请人|被上诉人|申请人|上诉人|原告|被告)"
    r"(?P<name>[^\s\d，,。；;、:：“”\"《》]{2,40}?)"
    r"(?=诉称|辩称|称[:：，,]|请求|提出|不服|与|于本|于\d|自\d|向|支付|及其|的委托|到庭|未到庭|确认|"
    r"劳动(?:争议|合同|关系|报酬|人事)|之间|存在|[，,。；;])")
#: two names joined by 与 without role words, the second an organisation, before a period or
#: the relationship: the operative part of an agreement (``一、马某金与某某有限公司自2016年…``)
#: or of a judgment (``…民事判决；确认李某娜与某某粮库存在劳动关系``)
_PAIR = re.compile(rf"(?:(?<=确认)|(?<![\u4e00-\u9fff*＊×]))(?P<person>{_NAME_CHARS}{{2,4}})与"
                   r"(?P<entity>[^\s\d，,。；;、:：“”\"《》]{4,40}?)(?=自\d|之间|于\d|存在|劳动关系)")
#: an organisation ordered or agreeing to pay a person, without role words:
#: ``一、郑州某某保安服务有限公司于协议签订之日起十日内支付李某军29800元``
_PAYS = re.compile(r"(?:^|(?<=[、：:\n]))(?P<entity>[^\s\d，,。；;、:：“”\"《》]{4,40}?)于[^。；;\n]{0,30}?"
                   rf"(?:支付|给付|补发|赔偿|补偿)给?(?P<person>{_NAME_CHARS}{{2,4}}?)(?=[\d０-９]|人民币)")
#: words that a name never contains: the phrase after the role word is not a name
_NOT_A_NAME = re.compile(r"原告|被告|申请|上诉|本院|本委|法院|仲裁|称|诉|辩|请求|提交|提供|认为|主张|对|处|"
                         r"之间|双方|工作|支付|同意|认可|所述|承担|负担|建立|从未|的|已|未|至今|因|经|在|自|及|与|"
                         r"不|无|应|均")
_NOT_AN_ORGANISATION = re.compile(r"原告|被告|申请人|上诉人|之间|请求|确认")
_PERSON = re.compile(rf"{_NAME_CHARS}{{2,4}}")
#: the other side's role word, by which the body refers to a side named without one
_OPPOSITE = {"原告": "被告", "被告": "原告", "申请人": "被申请人", "被申请人": "申请人",
             "上诉人": "被上诉人", "被上诉人": "上诉人", "再审申请人": "被申请人"}


def _named_sides(text: str, start: int, stop: int) -> list[_Named]:
    """The first plausible name of each side (worker's and employer's roles alike: an
    employer may be the plaintiff), plaintiff first."""
    found: dict[bool, _Named] = {}
    for m in _NAMED.finditer(text, start, stop):
        if not _plausible(m.group("name")):
            continue
        plaintiff = procedural_role(m.group("role")) == "plaintiff"
        found.setdefault(plaintiff, _Named(m.group("role"), m.group("name"), m.start(), plaintiff))
        if len(found) == 2:
            break
    return [found[side] for side in (True, False) if side in found]


def _completed(named: list[_Named], text: str, start: int, stop: int) -> list[_Named]:
    """``named`` (one side or none) with the missing side taken from a pair named without roles
    (:data:`_PAIR`, :data:`_PAYS`); without any side, the person is taken for the plaintiff."""
    pairs = [*_PAIR.finditer(text, start, stop), *_PAYS.finditer(text, start, stop)]
    for m in pairs:
        person, entity = m.group("person"), m.group("entity")
        if not (_plausible(person) and looks_like_entity(entity) and _plausible(entity)):
            continue
        if not named:
            return [_Named("", person, m.start(), True), _Named("", entity, m.start(), False)]
        known = named[0]
        if known.name in (person, entity):
            other = entity if known.name == person else person
            both = [known, _Named(_OPPOSITE.get(known.role, ""), other, m.start(),
                                  not known.plaintiff)]
            return sorted(both, key=lambda n: not n.plaintiff)
    return named


def _plausible(name: str) -> bool:
    """An organisation's name, or a person's (two to four characters, or masked), not a phrase
    of the sentence (``提交的证据不足以证明其``, ``从未``, ``自2014年至2015年期间``)."""
    if looks_like_entity(name):
        return not _NOT_AN_ORGANISATION.search(name)
    return bool(_PERSON.fullmatch(name)) and not _NOT_A_NAME.search(name)
