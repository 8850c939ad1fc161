"""Non-acceptance notices (不予受理通知书) written to the applicant by name.

A commission's notice often has no party lines: it is addressed to the applicant
(``张三：``, ``某某有限公司：``) and names the other side only in its first sentence::

    张三：
        你（单位）与安阳市某某有限公司劳动争议一案，本委于2021年3月1日收到仲裁申请……

The addressee becomes the applicant (plaintiff) and the employer named in the sentence the
respondent (defendant); both keep ``role_in_text`` empty, since the notice gives no label.
"""

from __future__ import annotations

import re

from ringtrace.graph.records import Party
from ringtrace.loaders.judgments.block import PartyBlock
from ringtrace.loaders.judgments.parties import ParsedParty, looks_like_entity

_ADDRESSEE = re.compile(r"[ \t\u3000]*(?P<name>[^\s:：，,。；;（）()]{2,40})[ \t\u3000]*[:：][ \t\u3000]*\n")
_OTHER_SIDE = re.compile(r"你(?:[（(]?单位[）)]?)?(?:与|和|诉)(?P<other>[^，,。；;、]{2,40}?)(?:之间)?(?:的)?"
                         r"(?:确认劳动关系|劳动人事争议|劳动争议|人事争议|工资|劳动报酬|劳动合同)")
_REACH = 400


def addressee_block(text: str, start: int) -> PartyBlock:
    """The applicant and the employer of a notice without party lines (empty if not found)."""
    block = PartyBlock(end=start)
    head = _ADDRESSEE.match(text, start, min(len(text), start + _REACH))
    if head is None:
        head = _ADDRESSEE.match(text, text.find("\n", start) + 1 if start < len(text) else start,
                                min(len(text), start + _REACH))
    if head is None:
        return block
    name = head.group("name")
    other = _OTHER_SIDE.search(text, head.end(), min(len(text), head.end() + _REACH))
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
