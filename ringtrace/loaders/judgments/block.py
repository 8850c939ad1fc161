"""The party block: the run of party, representative and agent lines after the case number.

The block is read clause by clause (a clause ends at ``。`` or a line break, so mirror pages
that print the whole document on one line read the same as one-line-per-party texts). It ends
at the first clause that belongs to the case record (``上诉人翟楼因与…一案，不服…``), even when
a publisher fused that paragraph onto the last agent line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ringtrace.graph.identity import is_masked_name
from ringtrace.graph.records import Agent
from ringtrace.loaders.judgments.agents import (
    apply_relation,
    is_shared_prefix,
    parse_agents,
    represented,
)
from ringtrace.loaders.judgments.parties import (
    ParsedParty,
    add_entity_fact,
    parse_party,
    set_representative,
    set_representative_title,
)
from ringtrace.loaders.judgments.patterns import (
    AGENT_LABEL,
    AUTHORITY,
    PARTY_LABEL,
    RECORD_CLAUSE,
    REPRESENTATIVE_LABEL,
    SHORT_NAME,
)

_CLAUSE = re.compile(r"[^。\n]+")
_MAX_BLOCK = 12000
_MAX_LEADING_JUNK = 6
_AGENT_LABEL_REACH = 72  # the longest shared prefix (60) plus the longest label
#: the name given to a party whose line is its role word alone (``原告。`` ``第三人。``: some
#: mirrors strip every name rather than mask it): the masked form the rest of ringtrace already
#: treats as "no name" (never merged, never linked by name)
REDACTED = "***"
_TITLE_LINE = re.compile(r"^(?:职务|职位)\s*[:：]\s*(?P<title>.+)$")
_KEY_VALUE = re.compile(r"^[\u4e00-\u9fff]{2,8}\s*[:：]\s*\S{1,60}$")
#: the 诉讼记录 fused onto the last party line without a full stop:
#: ``…住所地某市某路1号原告张三与被告某公司劳动争议一案，…``; or, in a copy that leaves the
#: record out and goes straight to the claims, the claim itself (``…住所地某市原告张三诉称，…``,
#: ``…原告张三向本院提出诉讼请求：…``) - the paragraph break lost when the page was flattened
_RECORD_START = re.compile(r"(?:再审申请人|上诉人|申请人|申诉人|原告|被告)(?:[^，,。；;:：]{1,40}?(?:因与|与|诉)"
                           r"[^。；;]{0,80}?(?:一案|纠纷|争议)|[^，,。；;:：]{0,10}?(?:诉称|向本(?:院|委)提出|"
                           r"请求(?:依法)?(?:判令|裁决|确认)))")
_CONTINUATION = re.compile(r"^(?:住|现住|户籍|身份证|公民身份|居民身份|联系电话|电话|手机|统一社会信用代码|"
                           r"社会信用代码|组织机构代码|注册号|民族|出生|性别)")

#: a clause that is a bracketed note and nothing else (``（系原告姑表弟）``)
_NOTE = re.compile(r"[(（]([^()（）]{1,30})[)）]")


@dataclass
class PartyBlock:
    parties: list[ParsedParty] = field(default_factory=list)
    agents: list[Agent] = field(default_factory=list)
    end: int = 0
    problems: list[tuple[int, str, str, str]] = field(default_factory=list)  # line, field, why, raw
    split_at: int | None = None  # where the record starts inside the last (fused) party clause


def _line_of(text: str, pos: int, cache: dict[str, int]) -> int:
    last, line = cache.get("pos", 0), cache.get("line", 1)
    if pos < last:
        last, line = 0, 1
    line += text.count("\n", last, pos)
    cache["pos"], cache["line"] = pos, line
    return line


def read_party_block(text: str, start: int) -> PartyBlock:
    """Parties and agents from ``text[start:]`` until the case record begins."""
    block = PartyBlock(end=start)
    lines: dict[str, int] = {}
    junk = 0
    last_agents: list[Agent] = []
    for m in _CLAUSE.finditer(text, start, min(len(text), start + _MAX_BLOCK)):
        clause = m.group(0).strip(" \t\u3000")
        if not clause:
            continue
        offset = m.start() + (len(m.group(0)) - len(m.group(0).lstrip(" \t\u3000")))
        line = _line_of(text, offset, lines)
        if text.startswith("。", m.end()) and PARTY_LABEL.fullmatch(clause):
            clause += REDACTED  # ``原告。``: a mirror that strips every name keeps the role
        kind = _dispatch(clause, block, line, last_agents)
        if kind == "end":
            block.end = offset + (block.split_at or 0)
            return block
        if kind == "skip":
            if block.parties:
                block.end = offset
                return block
            junk += 1
            if junk > _MAX_LEADING_JUNK:
                block.end = start
                return block
            continue
        if kind != "agent":
            last_agents = last_agents if kind == "continuation" else []
        block.end = m.end()
    return block


#: what comes right before a role word that is the other side of the record's own sentence,
#: never the start of a record fused onto a party line: ``…因与被上诉人…`` (上诉人 inside 被上诉人),
#: ``再审申请人`` (申请人 inside it), ``…与被告…`` / ``…诉被告…`` / ``…、被告…``
_INSIDE_RECORD = ("被", "审", "与", "诉", "、", "和", "及")


def _fused_record(clause: str, start: int) -> re.Match[str] | None:
    """Where a record fused onto a party line starts (``…住所地某市原告张三与被告…一案``), or
    None when the clause is the record itself: ``上诉人**宽因与被上诉人某某机械与物理研究所…一案``
    (a masked or short name leaves the first role word inside the skipped part; the next role
    word, in ``被上诉人``, is the other side of the same sentence, not a new record)."""
    for m in _RECORD_START.finditer(clause, start):
        if not clause.endswith(_INSIDE_RECORD, 0, m.start()):
            return m
    return None


def _listed_party(agent: Agent, parties: list[ParsedParty]) -> ParsedParty | None:
    """The listed party a group's 诉讼代表人 line names again: the same name, or a masked name
    with the same birth date. A 诉讼代表人 is chosen from among the parties (民事诉讼法 art. 56,
    57) and acts for the group as one of them; counted as an agent, the group's own member would
    look like one outsider acting for many applicants."""
    masked = is_masked_name(agent.name)
    for p in parties:
        if p.party.side == "employer" or p.party.is_entity:
            continue
        if agent.name == p.party.name and not masked:
            return p
        if masked and agent.birth_date and agent.birth_date == p.party.birth_date and \
                is_masked_name(p.party.name):
            return p
    return None


def _authority_word(word: str) -> str:
    return "特别授权" if word == "特别授权" else "一般代理"


def _dispatch(clause: str, block: PartyBlock, line: int, last_agents: list[Agent]) -> str:
    head = clause[:_AGENT_LABEL_REACH]
    agent = AGENT_LABEL.match(clause) if "代理人" in head or "代表人" in head else None
    shared = agent.group("shared") if agent else ""
    authority = AUTHORITY.fullmatch(shared.strip()) if shared.strip() else None
    if agent and (authority or is_shared_prefix(shared)) and not RECORD_CLAUSE.search(clause):
        paren = agent.group("paren") or ""
        if authority and last_agents and all(a.authority is None for a in last_agents):
            for a in last_agents:  # ``…副校长。特别授权`` fused with the next agent line
                a.authority = _authority_word(authority.group(0))
        elif authority:
            paren += f"({authority.group(0)})"
        agents = parse_agents(agent.group("label"), paren, clause[agent.end():])
        if agent.group("label") == "诉讼代表人":
            agents = [a for a in agents if _listed_party(a, block.parties) is None]
            if not agents:
                last_agents.clear()
                return "representative"  # one of the group's own plaintiffs, not an agent
        names = represented("" if authority else shared, block.parties)
        for a in agents:
            a.represents = list(names)
        if not names:
            block.problems.append((line, "agents", "agent line before any party", clause))
        block.agents.extend(agents)
        last_agents[:] = agents
        return "agent"
    party = PARTY_LABEL.match(clause)
    if party:
        if RECORD_CLAUSE.search(clause):
            fused = _fused_record(clause, party.end() + 2)
            if fused is None:
                return "end"
            _dispatch(clause[:fused.start()], block, line, last_agents)
            block.split_at = fused.start()
            return "end"
        role_in_text = clause[:party.end()].rstrip(" :：,，\u3000")
        parsed = parse_party(party.group("role"), role_in_text, party.group("paren") or "",
                             clause[party.end():], line, block.problems)
        if parsed is None:
            return "skip"
        block.parties.append(parsed)
        return "party"
    rep = REPRESENTATIVE_LABEL.match(clause)
    if rep and block.parties:
        set_representative(block.parties[-1], clause[rep.end():])
        return "representative"
    return _continuation(clause, block, line, last_agents)


def _continuation(clause: str, block: PartyBlock, line: int, last_agents: list[Agent]) -> str:
    if not block.parties:
        return "skip"
    if last_agents and (clause.startswith(("代理权限", "代理人权限", "权限"))
                        or AUTHORITY.fullmatch(clause.rstrip("代理"))):
        authority = AUTHORITY.search(clause)
        if authority:
            for a in last_agents:
                a.authority = _authority_word(authority.group("authority"))
        return "continuation"
    note = _NOTE.fullmatch(clause)
    if last_agents and note and all(apply_relation(a, note.group(1)) for a in last_agents):
        return "continuation"  # ``…住某市。（系原告姑表弟）``: the relation after the agent's address
    if _CONTINUATION.match(clause) and not RECORD_CLAUSE.search(clause):
        if not last_agents:
            add_entity_fact(block.parties[-1], clause, line, block.problems)
        return "continuation"
    alias = SHORT_NAME.search(clause)
    if alias and len(clause) < 40:
        block.parties[-1].aliases.append(alias.group("alias"))
        return "continuation"
    title = _TITLE_LINE.match(clause)
    if title:
        set_representative_title(block.parties[-1], title.group("title"))
        return "continuation"
    if _KEY_VALUE.match(clause) and not RECORD_CLAUSE.search(clause):
        return "continuation"  # another stated fact (``邮编：…``), not the end of the block
    return "skip"
