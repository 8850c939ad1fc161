"""Lines broken in the middle of a sentence, joined again.

Copies taken from PDF viewers, web pages and e-mail wrap lines at arbitrary points: inside a
claim (``请求确认申请人与被申请人`` / ``自2000年7月至2019年6月期间存在劳动关系。``), inside a date
(``2012年2`` / ``月27日``), an amount or a party line (``…联系`` / ``电话：136…``). Every reader of
the parser takes a line break for the end of a clause, so such a break loses the claim, the
answer or the rest of the party block. Chinese text has no spaces between words, so the two
halves are joined without one.

A break is kept when the line before it ends a sentence (``。；！？`` or a closing quote or
bracket) or is a line of its own by nature (court, title, case number, mirror field, heading,
signature, date), and when the line after it starts a paragraph (an indent, a numbered item, a
signature, a mirror field, a section landmark, an agent or representative label, a continuation
of a party line such as ``住所地``). A colon leads on to the next line (``…住址：`` / ``河南省…``,
``请求依法判令：`` / ``被告支付…``), and so does an item's number (``仲裁请求：1.`` / ``确认…``).
A party label is only a weak start: after a line that ends on a word that cannot end a clause
(``与``, ``对``, ``，``) or after a line of the body (not itself a party line), the break is
joined; in the header and after a party line it starts the next party.

Only the break characters are removed, so the joined text has the same characters as before
minus the breaks; :func:`broken_breaks` gives their offsets so that the printed form of a
traditional-script document can be joined at the same places as its simplified form.
"""

from __future__ import annotations

import re

from ringtrace.loaders.judgments.patterns import (
    AGENT_LABEL,
    COURT_NUMBER,
    METADATA_LINE,
    PARTY_LABEL,
    RECORD_CLAUSE,
    REPRESENTATIVE_LABEL,
    TITLE,
)

#: what ends a sentence or a self-contained line
_ENDS = frozenset("。．.：:；;！？!?」』”’）)】〕］]》")
#: words that join what follows to the sentence (a party label after them is not a new line)
_CONNECTIVE = frozenset("，,、与和及或对向在于因由被将把为从自至到的其并且但而经按据以同跟给让使令即系是")
_WS = " \t\u3000\u00a0"
_CJK = "\u4e00-\u9fff"

_TAIL_TITLE = r"(?:审\s*判\s*长|代理审判员|审\s*判\s*员|人民陪审员|陪\s*审\s*员|书\s*记\s*员|法官助理|" \
              r"首席仲裁员|仲\s*裁\s*员|速\s*录\s*员|执\s*行\s*员)"
#: 审判长  王剑平 / 书记员　　强　斐 / 仲裁员 张爱华 (the title, a name, nothing else)
_SIGNATURE = re.compile(rf"{_TAIL_TITLE}[\s\u3000]*[{_CJK}*＊×XＸ某\s\u3000]{{0,10}}$")
#: 二〇一七年三月一日 / 二Ｏ一六年… / 2017年3月1日, alone on a line
_DATE_LINE = re.compile(r"(?:[二〇○Ｏ零OＯ一三四五六七八九]{4}\s*年[一二三四五六七八九十]{1,3}\s*月"
                        r"[一二三四五六七八九十]{1,3}\s*日|[12]\d{3}\s*[年.\-/]\s*\d{1,2}\s*[月.\-/]"
                        r"\s*\d{1,2}\s*日?)$")
#: 一、 / （一） / 1. / 1、 / (2) / 第一百七十条 — a numbered item starts a paragraph
_NUMBERED = re.compile(r"(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|"
                       r"\d{1,2}\s*[、.．](?![\d.．])|第[一二三四五六七八九十百零〇\d]{1,6}条)")
#: landmarks that open a section (never the middle of a sentence)
_SECTION = re.compile(r"(?:本院认为|本委认为|本会认为|仲裁委认为|本庭认为|仲裁庭认为|本院再审认为|经审理查明|审理查明|"
                      r"本院查明|本委查明|经查明|本院经审理|本委经审理|综上|如不服本|如不服|当事人不服|"
                      r"本判决为|本裁决为|本调解书|本裁定为|本件与原本核对无异|附\s*[:：件录]|来源\s*[:：]|"
                      r"全\s*文\s*[:：]?\s*$|正\s*文\s*[:：]?\s*$|事实(?:和|与|及)理由|诉讼请求|仲裁请求|"
                      r"上诉请求|再审请求)")
#: a line continuing a party line (read by the party block as a fact of the last party)
_PARTY_FACT = re.compile(r"(?:住所地|住所|住址|现住|户籍|身份证|公民身份|居民身份|统一社会信用代码|社会信用代码|"
                         r"组织机构代码|注册号|职务|代理权限|特别授权|一般代理)")
#: a heading on a line of its own: 诉讼请求 / 一、原告诉称 / 本院认为
_HEADING = re.compile(r"(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．])?\s*"
                      r"(?:诉讼请求|仲裁请求|上诉请求|再审请求|事实(?:和|与|及)理由|本院认为|本委认为|"
                      r"本院查明|经审理查明|审理查明|判决如下|裁决如下|裁定如下|调解协议|"
                      r"(?:原告|被告|申请人|被申请人|上诉人|被上诉人|第三人)(?:诉称|辩称|辩解称|述称|称|答辩称)|"
                      r"相关法律条文|法律条文|附录|附件|附)\s*$")
#: a court or commission named alone on a line (a header, or a mirror's value)
_FORUM_LINE = re.compile(rf"[{_CJK}]{{2,30}}(?:人民法院|法院|仲裁委员会|仲裁院)$")
_FORUM_START = re.compile(rf"[{_CJK}]{{2,30}}?(?:人民法院|仲裁委员会|仲裁院)(?:\s|$|"
                          r"民\s*事|仲\s*裁|行\s*政|[(（〔\[])")
_NUMBER_END = re.compile(r"[号號]$")
_CLAUSE_MARK = re.compile(r"[，,。；;：:]")


def _standalone(line: str) -> bool:
    """True when ``line`` (stripped, not ending a sentence) is a line of its own by nature."""
    if len(line) <= 40:
        if _SIGNATURE.match(line) or _DATE_LINE.match(line) or _HEADING.fullmatch(line):
            return True
        if line[-1] in "院会" and _FORUM_LINE.fullmatch(line.replace(" ", "")):
            return True
        if METADATA_LINE.match(line):
            return True
        if "书" in line and TITLE.search(line) and not _CLAUSE_MARK.search(line):
            return True  # (every title ends with 书: the cheap test first)
    # (2013)孟民初字第2119号 or 卫滨劳人仲案[2024]8号, alone or after the court and the title
    return bool(_NUMBER_END.search(line)) and not _CLAUSE_MARK.search(line) and (
        COURT_NUMBER.search(line[-40:]) is not None or ("劳" in line[-30:] and len(line) <= 60))


def _strong_start(line: str, raw: str) -> bool:
    """True when ``line`` (stripped) starts a paragraph whatever came before it."""
    if raw[:2] in ("\u3000\u3000", "  ", "\t") or raw[:1] == "\t":
        return True  # an indented paragraph
    head = line[:60]
    if _NUMBERED.match(head) or _SECTION.match(head) or _PARTY_FACT.match(head):
        return True
    if len(line) <= 40 and (_SIGNATURE.match(line) or _DATE_LINE.match(line) or
                            METADATA_LINE.match(line) or (line[-1] == "书" and TITLE.fullmatch(line))):
        return True
    if METADATA_LINE.match(head) and _CLAUSE_MARK.search(head[:8]):
        return True  # 案号: (2013)…  on a line of its own
    if REPRESENTATIVE_LABEL.match(head) or _FORUM_START.match(head):
        return True
    if COURT_NUMBER.match(head):
        return True
    agent = AGENT_LABEL.match(head) if "代理人" in head[:12] or "代表人" in head[:12] else None
    return agent is not None and not agent.group("shared")  # 委托代理人：… (not 上列…的)


def _party_line(line: str) -> bool:
    """A line of the party block (a party, agent or representative line, not the record)."""
    head = line[:80]
    starts = PARTY_LABEL.match(head) or REPRESENTATIVE_LABEL.match(head) or \
        (("代理人" in head[:20] or "代表人" in head[:20]) and AGENT_LABEL.match(head))
    return bool(starts) and not RECORD_CLAUSE.search(line) and "请求" not in line


def _block_line(line: str) -> bool:
    """A line of the party block: a party, agent or representative line, or a fact continuing
    one on a line of its own (``身份证号码：×××`` under each of a group's plaintiffs)."""
    return _party_line(line) or (_PARTY_FACT.match(line) is not None
                                 and not RECORD_CLAUSE.search(line))


def _shared_agent_line(line: str) -> bool:
    """A line opening with an agent label for several parties (``共同委托诉讼代理人：…``,
    ``上列原告委托代理人：…``), not the record's ``…的委托代理人某某到庭``."""
    head = line[:80]
    if "代理人" not in head and "代表人" not in head:
        return False
    agent = AGENT_LABEL.match(head)
    return agent is not None and bool(agent.group("shared")) and \
        not RECORD_CLAUSE.search(line) and "的" not in agent.group("shared")


#: a line that ends on an item's number (``…仲裁请求：1.`` / ``确认…``): the item is on the next line
_ITEM_MARK_END = re.compile(r"(?:^|[：:；;。，,])\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.．、]$")


#: a line break after anything but a full stop (whitespace before it included): the breaks
#: worth looking at
_CANDIDATE = re.compile("\n(?<=[^。！？!?；;」』”’）)】〕］\\]》\n]\n)")


def broken_breaks(text: str) -> list[int]:
    """Offsets of the line breaks in ``text`` that break a sentence (see the module docstring)."""
    found: list[int] = []
    header_end = -1  # where the first party line starts (found when first needed)
    for m in _CANDIDATE.finditer(text):  # most lines end a sentence: only the others
        at = m.start()
        a_start = text.rfind("\n", 0, at) + 1
        b_end = text.find("\n", at + 1)
        raw_b = text[at + 1:b_end] if b_end >= 0 else text[at + 1:]
        a = text[a_start:at].strip(_WS)
        b = raw_b.strip(_WS)
        if not a or not b:
            continue
        if len(a) <= 20 and _SIGNATURE.match(a):
            break  # the signature block: no sentence is broken from here on
        if a[-1] in _ENDS and a[-1] not in "：:" and \
                not (a[-1] in ".．、" and _ITEM_MARK_END.search(a[-6:])):
            continue
        if _standalone(a) or _strong_start(b, raw_b):
            continue
        # a party label after a word that cannot end a clause is a word of the sentence
        # (``确认申请人与`` / ``被申请人自…``); in the header, or after a line of the party
        # block, it starts the next party
        if PARTY_LABEL.match(b[:60]):
            if header_end < 0:
                header_end = _first_party_line(text)
            if a_start < header_end or (a[-1] not in _CONNECTIVE and _block_line(a)):
                continue
        elif _shared_agent_line(b) and a[-1] not in _CONNECTIVE and _block_line(a):
            continue  # ``共同委托诉讼代理人：…`` after a party's last line
        found.append(at)
    return found


def _first_party_line(text: str) -> int:
    """Start of the first line that begins with a party label (the header ends there)."""
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if PARTY_LABEL.match(text[pos:min(end, pos + 64)].lstrip(_WS)):
            return pos
        pos = end + 1
    return len(text)


def join_at(text: str, breaks: list[int]) -> str:
    """``text`` without the characters at ``breaks`` (line breaks found by
    :func:`broken_breaks`), and without the layout blanks around each of them."""
    if not breaks:
        return text
    out: list[str] = []
    last = 0
    for at in breaks:
        out.append(text[last:at].rstrip(" \t"))
        last = at + 1
        while last < len(text) and text[last] in " \t":
            last += 1
    out.append(text[last:])
    return "".join(out)
