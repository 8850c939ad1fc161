"""Pieces every document shares: the party block, agent lines, attendance and dates.

Each line prints exactly the facts the record holds for that party or agent (nothing more, so a
parser reading the text can recover the record), in one of the phrasings real documents use.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from ringtrace.graph.records import Agent, Party
from ringtrace.synth.assemble import CaseText, PartyLine
from ringtrace.synth.render.numerals import count_word


@dataclass(frozen=True)
class Style:
    """Per-document phrasing choices (one draw per document, so a document is consistent)."""

    born: str  # 出生 | 生
    lives: str  # 住 | 住址： | 户籍地：
    seat: str  # 住所地 | 住所地： | 住所：
    id_label: str  # 公民身份号码 | 身份证号码 | 居民身份证号码
    agent_label: str  # 委托诉讼代理人 | 委托代理人
    ethnicity_first: bool  # 汉族，1966年3月2日出生 (award templates) vs date first
    # -- varied worlds only ------------------------------------------------------------
    colon: str = "："  # "" for 被告某某有限公司，住所地…
    bare_birth: bool = False  # 1963年5月2日，汉族 (no 出生/生)
    joint_lawyers: bool = False  # 委托诉讼代理人：张三、李四，某某律师事务所律师

    @classmethod
    def draw(cls, rng: random.Random, *, modern: bool, arbitration: bool) -> Style:
        agent = "委托代理人" if arbitration or not modern or rng.random() < 0.08 else \
            "委托诉讼代理人"
        return cls(born=rng.choice(("出生", "出生", "出生", "生")),
                   lives=rng.choice(("住", "住", "住", "住址：", "户籍地：")),
                   seat=rng.choice(("住所地", "住所地", "住所地：", "住所：")),
                   id_label=rng.choice(("公民身份号码", "身份证号码", "居民身份证号码")),
                   agent_label=agent,
                   ethnicity_first=arbitration and rng.random() < 0.5)


def cn_day(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"


def person_line(label: str, party: Party, style: Style) -> str:
    """``原告：王秀英，女，1966年3月2日出生，汉族，农民，住…。公民身份号码…。``"""
    facts = [party.sex] if party.sex else []
    born_word = "" if style.bare_birth else style.born
    born = f"{cn_day(party.birth_date)}{born_word}" if party.birth_date else None
    if style.ethnicity_first:
        facts += [x for x in (party.ethnicity, born) if x]
    else:
        facts += [x for x in (born, party.ethnicity) if x]
    if party.occupation:
        facts.append(party.occupation)
    if party.address:
        facts.append(f"{style.lives}{party.address}")
    text = f"{label}{style.colon}{party.name}，" + "，".join(facts) + "。" if facts else \
        f"{label}{style.colon}{party.name}。"
    if party.id_number:
        text += f"{style.id_label}：{party.id_number}。"
    if party.phone:
        text += f"联系电话：{party.phone}。"
    return text


def entity_lines(label: str, party: Party, style: Style) -> list[str]:
    """``被告：…有限公司，住所地…，统一社会信用代码…。`` and ``法定代表人：…，经理。``"""
    facts = []
    if party.address:
        facts.append(f"{style.seat}{party.address}")
    if party.uscc:
        facts.append(f"统一社会信用代码{'：' if '：' in style.seat else ''}{party.uscc}")
    if party.phone:
        facts.append(f"联系电话：{party.phone}")
    lines = [f"{label}{style.colon}{party.name}" + ("，" + "，".join(facts) if facts else "")
             + "。"]
    if party.legal_representative:
        title = f"，{party.legal_representative_title}" if party.legal_representative_title \
            else ""
        lines.append(f"法定代表人：{party.legal_representative}{title}。")
    return lines


def agent_line(agent: Agent, label: str, colon: str = "：", names: str | None = None) -> str:
    """One 委托(诉讼)代理人 line, by kind: lawyer, intern, legal aid, legal worker, relative,
    employee or citizen agent. ``names`` prints several agents of one firm in one line."""
    head = f"{label}{colon}{names or agent.name}"
    if agent.kind in ("lawyer", "intern", "legal_aid") or agent.law_firm:
        role = {"lawyer": "律师", "intern": "实习律师", "legal_aid": "指派律师"}.get(
            agent.kind, "法律工作者")
        parts = [f"{agent.law_firm}{role}"]
    else:
        parts = []
        if agent.sex:
            parts.append(agent.sex)
        if agent.birth_date:
            parts.append(f"{cn_day(agent.birth_date)}出生")
        if agent.address:
            parts.append(f"住{agent.address}")
        if agent.phone:
            parts.append(f"联系电话：{agent.phone}")
        if agent.relation:
            parts.append(f"系{agent.relation}" if agent.kind == "relative" else agent.relation)
    if agent.authority:
        parts.append(f"代理权限为{agent.authority}")
    return head + ("，" + "，".join(parts) if parts else "") + "。"


def party_block(text: CaseText, style: Style) -> list[str]:
    """The 当事人 lines in document order: each party, then the agents acting for it."""
    lines: list[str] = []
    support = text.supporter if text.supporter and text.supporter_in_block else None
    entries = text.lines
    skip = -1
    for i, line in enumerate(entries):
        if i == skip:
            continue
        if support and line.party is not None and line.party.side == "employer":
            lines.append(support)  # after the workers and their agents
            support = None
        if line.party is not None:
            party = line.party
            if party.is_entity:
                lines += entity_lines(party.role_in_text, party, style)
            else:
                lines.append(person_line(party.role_in_text, party, style))
        elif line.agent is not None:
            agent = line.agent
            after = entries[i + 1].agent if i + 1 < len(entries) else None
            if style.joint_lawyers and after is not None and agent.law_firm \
                    and after.law_firm == agent.law_firm and after.kind == agent.kind \
                    and after.represents == agent.represents and not agent.authority:
                lines.append(agent_line(after, _agent_label(line, text, style), style.colon,
                                        f"{agent.name}、{after.name}"))
                skip = i + 1
                continue
            lines.append(agent_line(agent, _agent_label(line, text, style), style.colon))
    if support:
        lines.append(support)
    return lines


def _agent_label(line: PartyLine, text: CaseText, style: Style) -> str:
    agent = line.agent
    assert agent is not None
    if len(agent.represents) > 1:
        role = next((p.party.role_in_text for p in text.lines if p.party is not None
                     and p.party.name == agent.represents[0]), "原告").split("（")[0]
        return f"上列{count_word(len(agent.represents))}{role}共同{style.agent_label}"
    return style.agent_label


def agents_of(text: CaseText, party_name: str) -> list[str]:
    return [line.agent.name for line in text.lines
            if line.agent is not None and party_name in line.agent.represents]


def attendance(text: CaseText, label_of: dict[str, str], absent: str | None,
               agent_label: str = "委托诉讼代理人") -> str:
    """``原告王秀英及其委托诉讼代理人李某、被告…的委托诉讼代理人赵六到庭参加诉讼。``"""
    pieces = []
    for line in text.lines:
        party = line.party
        if party is None or (absent and party.role == "defendant"):
            continue
        label = label_of[party.name]
        agents = agents_of(text, party.name)
        if party.is_entity:
            who = f"{label}{party.name}的{agent_label}{'、'.join(agents)}" if agents else \
                f"{label}{party.name}的法定代表人{party.legal_representative or ''}"
        else:
            who = f"{label}{party.name}" + (f"及其{agent_label}{'、'.join(agents)}"
                                            if agents else "")
        pieces.append(who)
    return "、".join(pieces) + "到庭参加诉讼。" if pieces else ""
