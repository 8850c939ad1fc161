"""Agents (委托诉讼代理人, 委托代理人, 法定代理人): who they are and whom they represent.

An agent line follows the party it represents. Shared lines name their parties instead:
``上列八被上诉人委托诉讼代理人`` (the last eight 被上诉人), ``二被告共同委托诉讼代理人`` (both
被告), ``被告交通集团和被告交通集团淮南管理处的共同委托诉讼代理人`` (parties by short name).
An agent listed again under a second party is one agent representing both.

``kind`` is lawyer / intern / legal_aid from the firm line, relative from a kinship phrase
(``原告之子``, ``系**年弟弟``), employee from a workplace phrase (``该公司员工``), else other;
``relation`` keeps that phrase as written.
"""

from __future__ import annotations

import re

from ringtrace.graph.identity import is_masked_name
from ringtrace.graph.records import Agent
from ringtrace.loaders.judgments.fields import (
    PersonFacts,
    person_fact,
    split_fields,
    split_trailing_bracket,
)
from ringtrace.loaders.judgments.parties import ParsedParty
from ringtrace.loaders.judgments.patterns import AUTHORITY, EMPLOYEE, FIRM, RELATIVE

_SHARED_HINT = re.compile(r"上列|上述|以上|前列|共同|均|原告|被告|申请人|上诉人|第三人")
_COUNT = re.compile(r"(?P<n>[一二两三四五六七八九十\d]{1,3})\s*(?:名|位|个)?\s*"
                    r"(?P<role>再审申请人|被申请人|申请人|被上诉人|上诉人|原告|被告|第三人)")
_ROLE_ONLY = re.compile(r"(?:上列|上述|以上|前列)\s*(?P<role>再审申请人|被申请人|申请人|被上诉人|上诉人|"
                        r"原告|被告|第三人)")
_NAME_SPLIT = re.compile(r"和|及|与|、|以及")
_ROLE_PREFIX = re.compile(r"^(?:再审申请人|再审被申请人|被申请人|申请人|被上诉人|上诉人|原审原告|原审被告|"
                          r"原告|被告|第三人)")
_RELATION_FIELD = re.compile(r"^(?:系|是|为|与)|之|的|原告|被告|申请人|上诉人|当事人|法定代表人|员工|职工|"
                             r"工作人员|推荐|公司|单位|厂|部门|负责人|经理|会计|出纳|主管|人事|法务|主任|董事|股东|"
                             r"职员|长$")
_CN_NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
               "九": 9, "十": 10}
_RECORD_LABEL = re.compile(r"(?:的|及其)?(?:共同)?(?:委托诉讼代理人|委托代理人|诉讼代理人|法定代理人)")
_PERSON_NAME = re.compile(r"^[\u4e00-\u9fff*＊×xXＸ某·]{1,6}$")


def _count(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text in _CN_NUMBERS:
        return _CN_NUMBERS[text]
    if text.startswith("十") and text[1:] in _CN_NUMBERS:
        return 10 + _CN_NUMBERS[text[1:]]
    if text.endswith("十") and text[:-1] in _CN_NUMBERS:
        return 10 * _CN_NUMBERS[text[:-1]]
    tens, _, units = text.partition("十")
    if tens in _CN_NUMBERS and units in _CN_NUMBERS:
        return 10 * _CN_NUMBERS[tens] + _CN_NUMBERS[units]
    return None


def _base_role(role_in_text: str) -> str:
    for bracket in "(（":
        role_in_text = role_in_text.split(bracket)[0]
    return role_in_text.strip()


#: ``…的共同`` / ``…均`` after the names an agent line shares (``原告甲、乙的共同委托…``)
_JOINT_SUFFIX = re.compile(r"的?共同$|的$|均$")
#: the verb before an agent's firm or relation (``系…律师事务所律师``)
_LINKING_VERB = re.compile(r"^(?:均系|均为|系|为|是)")


def _is_subsequence(short: str, name: str) -> bool:
    it = iter(name)
    return all(ch in it for ch in short)


def _by_names(prefix: str, parties: list[ParsedParty]) -> list[str]:
    text = _JOINT_SUFFIX.sub("", prefix.strip())
    found: list[str] = []
    for piece in _NAME_SPLIT.split(text):
        piece = _ROLE_PREFIX.sub("", piece.strip())
        if not piece:
            continue
        exact = [p.party.name for p in parties if piece == p.party.name or piece in p.aliases]
        fuzzy = sorted((p.party.name for p in parties if _is_subsequence(piece, p.party.name)),
                       key=len)
        match = exact[:1] or fuzzy[:1]
        if match and match[0] not in found:
            found.append(match[0])
    return found


def represented(prefix: str, parties: list[ParsedParty]) -> list[str]:
    """Names of the parties an agent line represents, from its shared prefix if any."""
    if not parties:
        return []
    prefix = prefix.strip()
    if not prefix:
        return [parties[-1].party.name]
    m = _COUNT.search(prefix)
    role_match = m or _ROLE_ONLY.search(prefix)
    if role_match:
        role = role_match.group("role")
        same = [p for p in parties if _base_role(p.party.role_in_text).endswith(role)
                and not (role == "上诉人" and _base_role(p.party.role_in_text).endswith("被上诉人"))
                and not (role == "申请人" and _base_role(p.party.role_in_text).endswith("被申请人"))]
        n = _count(m.group("n")) if m else None
        chosen = same[-n:] if n and same else same
        if chosen:
            return [p.party.name for p in chosen]
    named = _by_names(prefix, parties)
    if not named and _JOINT_ONLY.fullmatch(prefix):
        return _last_run(parties)
    return named or [parties[-1].party.name]


#: a shared label that names no party: ``共同委托诉讼代理人`` after a group of plaintiffs
_JOINT_ONLY = re.compile(r"(?:以上|上列|上述)?\s*(?:共同|均)")


def _last_run(parties: list[ParsedParty]) -> list[str]:
    """The names of the last run of parties with the last party's role (``原告：甲`` ``原告：乙``
    ``共同委托诉讼代理人：丙`` - 丙 acts for both plaintiffs)."""
    role = _base_role(parties[-1].party.role_in_text)
    names: list[str] = []
    for p in reversed(parties):
        if _base_role(p.party.role_in_text) != role:
            break
        if p.party.name not in names:
            names.insert(0, p.party.name)
    return names


def _kind_from_firm(firm: str, title: str) -> str:
    # a firm's lawyer serving a legal-aid case is printed ``…律师事务所援助律师``
    if "法律援助" in firm or "法律援助" in title or "援助律师" in title:
        return "legal_aid"
    if "实习" in title:
        return "intern"
    if "律师" in title or "律师" in firm:
        return "lawyer"
    return "other"


def apply_relation(agent: Agent, text: str) -> bool:
    """Record a kinship or workplace phrase (``原告之子``, ``该公司员工``) on ``agent``."""
    phrase = text.strip(" 。")
    if not phrase or not _RELATION_FIELD.search(phrase):
        return False
    if RELATIVE.search(phrase):
        agent.relation = agent.relation or phrase
        if agent.kind == "other":
            agent.kind = "relative"
        return True
    if EMPLOYEE.search(phrase) or "推荐" in phrase:
        agent.relation = agent.relation or phrase
        if agent.kind == "other" and "推荐" not in phrase:
            agent.kind = "employee"
        return True
    return False


def agent_field(agent: Agent, text: str, facts: PersonFacts) -> None:
    """Read one field of an agent line into ``agent`` (firm, authority, facts, relation)."""
    stripped = _LINKING_VERB.sub("", text)
    firm = FIRM.search(stripped)
    if firm and agent.law_firm is None:
        agent.law_firm = firm.group("firm").strip()
        agent.kind = _kind_from_firm(agent.law_firm, firm.group("title"))
        if "指派" in text and "法律援助" in text:
            agent.kind = "legal_aid"
        authority = AUTHORITY.search(text)
        if authority:
            agent.authority = agent.authority or _authority(authority.group("authority"))
        return
    if "法律援助" in text and "指派" in text:
        agent.kind = "legal_aid"
        return
    authority = AUTHORITY.search(text)
    if authority and ("代理" in text or "授权" in text) and len(text) <= 16:
        agent.authority = agent.authority or _authority(authority.group("authority"))
        return
    if person_fact(facts, text):
        return
    apply_relation(agent, text)


def _authority(word: str) -> str:
    return "特别授权" if word == "特别授权" else "一般代理"


def parse_agents(label: str, paren: str, rest: str) -> list[Agent]:
    """The agents named on one agent line (``委托诉讼代理人：张三、李四，XX律师事务所律师``)."""
    fields = split_fields(rest)
    if not fields:
        return []
    first, bracket = split_trailing_bracket(fields[0])
    names = [n.strip() for n in first.split("、")] if "、" in first else [first.strip()]
    if len(names) > 1 and not all(_PERSON_NAME.match(n) for n in names):
        names = [first.strip()]
    agents = []
    for name in names:
        if not name:
            continue
        agent = Agent(name=name)
        authority = AUTHORITY.search(paren)
        if authority:
            agent.authority = _authority(authority.group("authority"))
        facts = PersonFacts()
        if bracket and not apply_relation(agent, bracket):
            agent_field(agent, bracket, facts)
        for text in fields[1:]:
            agent_field(agent, text, facts)
        agent.sex, agent.birth_date, agent.address = facts.sex, facts.birth_date, facts.address
        agent.phone, agent.id_number = facts.phone, facts.id_number
        if label == "法定代理人" and agent.relation is None:
            agent.relation = "法定代理人"  # a guardian: kinship not stated
        agents.append(agent)
    return agents


def is_shared_prefix(prefix: str) -> bool:
    """True when the text before an agent label names the parties it represents."""
    return not prefix.strip() or bool(_SHARED_HINT.search(prefix))


def merge_agents(agents: list[Agent], parties: list[ParsedParty] | None = None) -> list[Agent]:
    """One agent per (name, firm or relation), representing the union of parties, in order.

    An agent line belongs to the party it follows: the same name under a worker and under the
    employer is two agents (one person may not act for both sides, 律师法 art. 39; a shared
    name across sides is two lawyers of one firm or a homonym), never one agent on both sides.
    """
    side = {p.party.name: p.party.side for p in parties or []}

    def sides_of(agent: Agent) -> set[str]:
        return {side.get(r, "unknown") for r in agent.represents} - {"unknown", "other"}

    merged: dict[tuple[str, str], Agent] = {}
    for agent in agents:
        key = (agent.name, agent.law_firm or agent.relation or "")
        target = merged.get(key)
        if target is None or agent.name.strip("*＊") == "" or \
                len(sides_of(target) | sides_of(agent)) > 1:
            if target is not None:  # masked names or opposite sides: different people
                key = (agent.name, f"{key[1]}#{len(merged)}")
            merged[key] = agent
            continue
        target.represents += [r for r in agent.represents if r not in target.represents]
    return list(merged.values())


def relation_from_body(agent: Agent, body: str) -> None:
    """Fill a missing kinship from the body: ``马清辉(厉云菊丈夫)``, ``汤松（原告之子）``."""
    if agent.relation or agent.law_firm or len(agent.name) < 2 or "*" in agent.name:
        return
    pattern = re.compile(re.escape(agent.name) + r"\s*[(（](?P<inside>[^()（）]{1,20})[)）]")
    for m in pattern.finditer(body):
        inside = m.group("inside")
        if RELATIVE.search(inside) and not inside.startswith("以下"):
            agent.relation = inside
            if agent.kind == "other":
                agent.kind = "relative"
            return


def _mentioned(segment: str, parties: list[ParsedParty]) -> list[str]:
    """Parties named in a stretch of the case record, by name or short name, else by role."""
    named = [p.party.name for p in parties
             if p.party.name in segment or any(a in segment for a in p.aliases)]
    if named:
        return named
    for role in ("再审申请人", "被申请人", "申请人", "被上诉人", "上诉人", "原告", "被告", "第三人"):
        if role in segment:
            return [p.party.name for p in parties if _base_role(p.party.role_in_text) == role]
    return []


def _one_side(names: list[str], parties: list[ParsedParty]) -> bool:
    """True when the named parties are all on one side (workers, or the employer side).

    ``原告叶龙、被告某公司的委托代理人杨俊峰到庭`` lists who attended, not whom 杨俊峰 represents:
    one agent for both sides of a case is forbidden (律师法 art. 39), so such a list never widens.
    """
    sides = {p.party.side for p in parties if p.party.name in names}
    return len(sides - {"unknown"}) <= 1


#: ``被上诉人河东万德福超市的委托诉讼代理人杜淑珍、…到庭``: an agent named only in the record;
#: also every name of a list (``被上诉人某厂的委托代理人王某杰、祝某杰到庭``) and a party's own
#: (``上诉人阎某及其委托代理人范某香，…``), as copies that drop the agent lines print them
_RECORD_AGENT = re.compile(r"(?:的|及其)(?:共同)?(?:委托诉讼代理人|委托代理人|诉讼代理人)"
                           r"(?P<names>[\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3}){0,3})"
                           r"(?=[、，,及和到])")
_PARTY_BEFORE = re.compile(r"[^，,、。；;：:]{2,40}$")
_NOT_A_NAME = re.compile(r"^(?:均|等|到|出|参|及|和|与|某|系)")


def agents_from_record(record: str, parties: list[ParsedParty], agents: list[Agent]) -> None:
    """Add the agents the 诉讼记录 names for one party that no agent line names at all."""
    if not any(w in record for w in ("的委托", "的共同委托", "的诉讼代理", "及其委托", "及其诉讼代理")):
        return
    known = {a.name for a in agents}
    for m in _RECORD_AGENT.finditer(record):
        party = _PARTY_BEFORE.search(record, max(0, m.start() - 40), m.start())
        mentioned = _mentioned(party.group(0), parties) if party else []
        if len(mentioned) != 1:
            continue
        for name in m.group("names").split("、"):
            if name in known or _NOT_A_NAME.match(name) or any(
                    name in p.party.name or p.party.name in name for p in parties):
                break  # a word, not a name: the list ends here
            if _misspelt(name, mentioned[0], agents):
                continue
            agents.append(Agent(name=name, represents=mentioned))
            known.add(name)


def _misspelt(name: str, party: str, agents: list[Agent]) -> bool:
    """True when ``name`` (three characters or more) differs by one character from an agent the
    party block already names for ``party``: the record's own misspelling (``隋广胜`` in the block, ``随广胜`` at the
    hearing), not a second agent.

    >>> _misspelt("随广胜", "某施工队", [Agent(name="隋广胜", represents=["某施工队"])])
    True
    >>> _misspelt("杜淑珍", "某超市", [Agent(name="隋广胜", represents=["某超市"])])
    False
    >>> _misspelt("王强", "某超市", [Agent(name="王伟", represents=["某超市"])])
    False
    """
    if len(name) < 3:  # 王伟 / 王强: in a two-character name one character is another person
        return False
    return any(party in a.represents and len(a.name) == len(name)
               and sum(x != y for x, y in zip(a.name, name, strict=True)) == 1 for a in agents)


def refine_from_record(record: str, parties: list[ParsedParty], agents: list[Agent]) -> None:
    """Widen whom an agent represents from the case record.

    ``被上诉人李某甲、李某乙及其委托诉讼代理人李金玉、马文孝到庭`` shows that agents listed after
    the second appellee represent both. Representation is only ever widened, only when the
    record names every party the agent was already taken to represent, and never across the
    worker and employer sides; masked names are skipped.
    """
    known: dict[str, Agent | None] = {}  # None: two agents share the name, leave them alone
    for agent in agents:
        if not is_masked_name(agent.name):
            known[agent.name] = None if agent.name in known else agent
    names = sorted((n for n, a in known.items() if a is not None), key=len, reverse=True)
    if not names:
        return
    previous = 0
    for m in _RECORD_LABEL.finditer(record):
        pos, found = m.end(), []
        while (name := next((n for n in names if record.startswith(n, pos)), None)) is not None:
            found.append(name)
            pos += len(name)
            if not record.startswith("、", pos):
                break
            pos += 1
        sentence = max(record.rfind(c, 0, m.start()) for c in "，,。；;\n") + 1
        mentioned = _mentioned(record[max(sentence, previous):m.start()], parties)
        previous = pos
        for name in found:
            target = known[name]
            if target is not None and mentioned and set(target.represents) <= set(mentioned) \
                    and _one_side(mentioned, parties):
                target.represents = mentioned
