"""The document header: case number, forum, document type, procedure and cause.

The header is the text before the first party line: forum name, title (``民 事 判 决 书``) and
case number. The case number decides most of the rest: its 法院代字 gives the court code and
region, its type 代字 the procedure (``民初`` 一审, ``民终`` 二审, ``民申``/``民再`` 再审), and an
arbitration number (``安劳人仲案字〔2020〕第123号``) marks an award. Mirror metadata fill gaps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ringtrace.graph.identity import halfwidth
from ringtrace.loaders.judgments.metadata import Metadata
from ringtrace.loaders.judgments.patterns import (
    ARBITRATION_NUMBER,
    CAUSE,
    CAUSE_GENERIC,
    COMMISSION,
    COURT,
    COURT_CODE,
    COURT_NUMBER,
    PARTY_LABEL,
    RECORD_CLAUSE,
    TITLE,
)
from ringtrace.regions.courts import court_name, region_from_court_code
from ringtrace.regions.places import region_from_name, starts_with_place
from ringtrace.regions.provinces import COURT_ABBREVIATIONS

_HEAD_LIMIT = 1500
_TAIL_LIMIT = 300
_PLACE_CHARS = 4  # longest place abbreviation before 劳 (浙余姚: 3)
_READ_BACK = 6  # characters read back before 劳, so that a verb glued in front is seen
#: words read back before 劳 that end the place: verbs (``作出安劳人仲…``) and the forum's own
#: name, which judgments print right before the number (``…仲裁委员会安劳人仲案字（2018）第43号``)
_JUNK_WORDS = ("作出", "作岀", "做出", "出具", "不服", "根据", "依据", "送达", "下发", "下达", "制作", "提交", "提供",
               "出示", "撤销", "见", "委员会", "仲裁院", "法院")
#: a place written as a code (``豫0502劳仲案字[2019]12号``: county commissions that number their
#: cases with the court-style 代字 of their county) or masked by the publisher (``X劳人仲不字…``,
#: ``XX劳人仲案字…``) - not Chinese characters, so the read-back would lose it
_CODED_PLACE = re.compile(rf"(?:[{COURT_ABBREVIATIONS}]"
                          r"(?:[0-9０-９]{4}|[0-9０-９]{2})|[XxＸｘ×*＊]{1,3})$")
_JUNK_BEFORE_ARBITRATION = ("经", "于", "的", "以", "向", "按", "被", "即", "据", "及", "和", "与", "在",
                            "对", "该", "其", "号", "书", "委", "院", "了", "已", "由", "将", "为", "是")
_SPACES = re.compile(r"\s+")


@dataclass
class CaseNumber:
    """One case number as written, with what it tells about the forum and procedure."""

    text: str
    start: int
    end: int
    arbitration: bool
    court_code: str | None = None
    procedure: str | None = None


@dataclass
class Header:
    case_number: CaseNumber | None = None
    forum: str | None = None
    forum_kind: str = "court"
    document_type: str | None = None
    procedure: str = "一审"
    court_code: str | None = None
    region_code: str | None = None
    party_start: int = 0
    related: list[str] = field(default_factory=list)
    inferred: dict[str, str] = field(default_factory=dict)


def _procedure_of(mid: str) -> str | None:
    kind = mid.replace("字第", "").replace("字", "").rstrip("第")
    if "仲" in kind or ("劳" in kind and "裁" in kind):
        return "仲裁"
    for marks, procedure in (("再申监抗", "再审"), ("终", "二审"), ("初", "一审"), ("特撤辖督催", "其他")):
        if any(ch in kind[-3:] for ch in marks):
            return procedure
    return None


def _court_number(m: re.Match[str]) -> CaseNumber:
    mid = m.group("mid")
    arbitration = "劳" in mid and ("仲" in mid or "裁" in mid)
    code = COURT_CODE.match(mid)
    court_code = None if arbitration or not code else code.group("abbr") + halfwidth(
        code.group("digits") or "")
    return CaseNumber(m.group(0), m.start(), m.end(), arbitration, court_code, _procedure_of(mid))


def _arbitration_number(m: re.Match[str]) -> CaseNumber:
    text = m.string
    coded = _CODED_PLACE.search(text, max(0, m.start() - 5), m.start())
    if coded is not None:
        return CaseNumber(text[coded.start():m.end()], coded.start(), m.end(), True, None, "仲裁")
    start = m.start()
    while start > max(0, m.start() - _READ_BACK) and "\u4e00" <= text[start - 1] <= "\u9fff":
        start -= 1  # the place abbreviation before 劳: 安 / 明永 / 浙余姚
    prefix = text[start:m.start()] + m.group("prefix")
    place = text[start:m.start()]
    cut = max((place.rfind(w) + len(w) for w in _JUNK_WORDS if w in place), default=0)
    prefix, start = prefix[cut:], start + cut
    if prefix.startswith("日") and start > 0 and m.string[start - 1].isdigit():
        prefix, start = prefix[1:], start + 1  # …7月19日作出康劳裁不字…
    trimmed = True
    while trimmed:
        trimmed = False
        for junk in _JUNK_BEFORE_ARBITRATION:
            if prefix.startswith(junk) and not prefix.startswith(junk + "劳"):
                prefix, start, trimmed = prefix[len(junk):], start + len(junk), True
                break
    if m.start() - start > _PLACE_CHARS:
        start = m.start() - _PLACE_CHARS + 1
    return CaseNumber(text[start:m.end()], start, m.end(), True, None, "仲裁")


def find_case_numbers(text: str, start: int = 0, end: int | None = None) -> list[CaseNumber]:
    """Every court and arbitration number in ``text[start:end]``, in order of appearance."""
    stop = len(text) if end is None else end
    found = [_arbitration_number(m) for m in ARBITRATION_NUMBER.finditer(text, start, stop)]
    taken = [(n.start, n.end) for n in found]
    for m in COURT_NUMBER.finditer(text, start, stop):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(_court_number(m))
    return sorted(found, key=lambda n: n.start)


def _trim_forum(name: str) -> str:
    """Drop site junk glued before a forum name (``中国裁判文书网山东省…法院``)."""
    if starts_with_place(name) or name.startswith("最高"):
        return name
    for i in range(1, len(name) - 4):
        if starts_with_place(name[i:]) or name.startswith("最高", i):
            return name[i:]
    return name


#: words before a forum's name that make it a mention in a sentence (``不服某某法院…判决``,
#: ``向某某仲裁委员会申请仲裁``), not the document's own heading
_MENTION_BEFORE = re.compile(r"(?:不服|向|经|由|据|于|在|被|对|与|至|的)\s*$")
#: a name right after a comma or a full stop is inside a sentence: a repost's or a blog's own
#: words (``近日，河南省安阳市中级人民法院审结一起…``, ``2019年3月，安阳市…仲裁委员会作出裁决``),
#: never the heading a document starts with, which stands on a line of its own
_IN_SENTENCE = "，,。；;"
#: labels of mirror field blocks that end in 法院 (``审理法院``)
_FIELD_LABELS = frozenset(("审理法院", "法院", "经办法院", "承办法院"))
_MAX_CANDIDATES = 8
_LINE_START = "\n \t\u3000"


def _named_forum(name: str) -> bool:
    """A forum's name starts with its place (``安阳市…``), or is the supreme court's."""
    return starts_with_place(name) or name.startswith("最高")


def _forum(text: str, start: int, end: int) -> tuple[str, str] | None:
    best: tuple[int, str, str] | None = None
    for pattern, kind in ((COURT, "court"), (COMMISSION, "arbitration")):
        for i, m in enumerate(pattern.finditer(text, start, end)):
            if i >= _MAX_CANDIDATES:
                break
            name = m.group(0)
            trimmed = _trim_forum(name)
            at = m.start() + len(name) - len(trimmed)  # ``…19日向某仲裁委员会``: junk trimmed
            if name in _FIELD_LABELS or _MENTION_BEFORE.search(text, max(0, at - 3), at):
                continue
            if at > 0 and text[at - 1] in _IN_SENTENCE:
                continue
            if at > 0 and text[at - 1] not in _LINE_START and not _named_forum(trimmed):
                continue  # ``…，经审查不属于劳动人事争议仲裁委员会的受理范围``: words, not a name
            if best is None or m.start() < best[0]:
                best = (m.start(), trimmed, kind)
            break
    return (best[1], best[2]) if best else None


def _sealed_forum(text: str, start: int) -> tuple[str, str] | None:
    """The commission or court on a line of its own near the end (``某某仲裁委员会（印）``)."""
    found = _forum(text, start, len(text))
    if found is None:
        return None
    at = text.rfind(found[0], start)
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    rest = line.replace(found[0], "", 1).strip(" （）()印章公")
    return found if not rest else None


#: the first party line of the block (a court named after it is in the case record)
_FIRST_PARTY = re.compile(r"(?:^|[\n。])[ \t\u3000]*(?:再审申请人|上诉人|被上诉人|申请人|被申请人|原告|被告|"
                          r"申诉人|起诉人)", re.M)


#: a title that names another document in a sentence (``该委作出…号不予受理通知书``)
_RECITAL = re.compile(r"(?:作出|做出|作岀|出具|下发|下达|送达|制作|收到|依据|根据|不服|撤销)[^。\n]{0,40}$")


def _recited_title(text: str, at: int) -> bool:
    clause = max(text.rfind("。", max(0, at - 60), at), text.rfind("\n", max(0, at - 60), at))
    return _RECITAL.search(text, clause + 1 if clause >= 0 else max(0, at - 60), at) is not None


#: titles only a commission gives its documents: a copy without the commission's name is still
#: an arbitration (``劳动争议仲裁调解书`` over the parties, no forum line)
_ARBITRATION_TYPES = ("仲裁裁决书", "仲裁调解书")


def document_type_of(title: str, forum_kind: str) -> str | None:
    """Map a title (``民 事 判 决 书``, ``裁决书``…) to one of the record DOCUMENT_TYPES."""
    t = _SPACES.sub("", title)
    if "不予受理" in t:
        return "不予受理通知书"
    if "裁决" in t:
        return "仲裁裁决书"
    if "调解" in t:
        return "仲裁调解书" if forum_kind == "arbitration" or "仲裁" in t else "调解书"
    if "判决" in t:
        return "判决书"
    if "裁定" in t:
        return "裁定书"
    return None


def _own_number(text: str, start: int) -> CaseNumber | None:
    """The document's own number: the first one in the head that a title or a party line
    touches (a number in a provenance line or a case-name line above the head is skipped)."""
    limit = min(len(text), start + _HEAD_LIMIT)
    candidates = []
    for number in find_case_numbers(text, start, limit):
        clause = max(text.rfind("。", start, number.start), text.rfind("\n", start, number.start))
        if RECORD_CLAUSE.search(text, max(start, clause + 1), number.start):
            break  # from here on the numbers are cited inside the case record
        if _RECITAL.search(text, max(start, clause + 1), number.start):
            continue  # ``…法院于2011年7月27日作出(2011)…号民事判决``: another document's number
        candidates.append(number)
    for number in candidates:  # first choice: the number the party block follows
        after = text[number.end:number.end + 4]
        if PARTY_LABEL.match(text, number.end + len(after) - len(after.lstrip())):
            return number
    for number in candidates:  # else one under a title or a forum (a mirror's 案号 field too)
        before = text[max(start, number.start - 60):number.start]
        if TITLE.search(before) or COURT.search(before) or COMMISSION.search(before):
            return number
    return candidates[0] if candidates else None


#: a confirmation joined to another cause in the record: ``确认劳动关系及经济补偿金纠纷一案``,
#: ``确认劳动关系、追索劳动报酬纠纷一案`` - the cause is both (the worker asks to confirm the
#: relationship and claims money), never the money alone; ``解除/终止/变更/恢复劳动关系及…`` is a
#: dismissal or reinstatement dispute, no confirmation
_JOINED_CONFIRMATION = re.compile(r"(?<![除止更复])(?:确认)?劳动关系(?:确认)?(?:纠纷)?(?:及|、|和|与|并)$")


def _cause(text: str, meta: Metadata, head_start: int, head_end: int, record: str) -> str | None:
    if meta.get("案由"):
        return meta.get("案由")
    case_line = record.find("一案")
    if case_line >= 0:
        window = record[max(0, case_line - 60):case_line]
        m = CAUSE.search(window)
        if m:
            joined = _JOINED_CONFIRMATION.search(window, 0, m.start())
            return (joined.group(0) if joined else "") + m.group("cause")
    for source in (text[head_start:head_end], meta.get("案件名称") or ""):
        m = CAUSE.search(source)
        if m:
            return m.group("cause")
    m = CAUSE_GENERIC.search(record[:400])
    return m.group("cause") if m else None


def read_header(text: str, meta: Metadata) -> Header:
    """Case number, forum, document type and procedure from the head of the document."""
    start = meta.body_start
    header = Header(party_start=start)
    number = _own_number(text, start)
    head_end = number.start if number else min(len(text), start + 400)
    if number is None:  # a copy without a case number: the head ends at the first party line
        first_party = _FIRST_PARTY.search(text, start, head_end)
        if first_party is not None:
            head_end = first_party.start()
    if number is not None:
        header.case_number = number
        header.party_start = number.end
    else:  # the mirror's 案号 field, or a number printed above its 全文 line
        listed = find_case_numbers(meta.get("案号") or "") or find_case_numbers(text, 0, start)
        if listed:
            header.case_number = replace(listed[0], start=-1, end=-1)
    forum = _forum(text, start, head_end)
    if forum is None:  # no name in the head: the seal line at the end (``某某仲裁委员会（印）``)
        sealed = _sealed_forum(text, max(start, len(text) - _TAIL_LIMIT))
        forum = sealed if sealed and sealed[0] else None
    if forum is None and meta.get("法院"):
        forum = (meta.get("法院") or "", "court")
    if forum is None and meta.get("审理法院"):
        forum = (meta.get("审理法院") or "", "court")
    if forum is not None:
        header.forum, header.forum_kind = forum
    if header.case_number is not None and header.case_number.arbitration:
        header.forum_kind = "arbitration"
    if header.forum is None and header.case_number is not None and \
            header.case_number.court_code:  # no court line: the court the number names
        code = header.case_number.court_code
        header.forum = court_name(code)
        if header.forum:
            header.inferred["forum"] = f"from the court code {code} of the case number"
    titles = [t for t in TITLE.finditer(text, start, min(len(text), (number.end if number else
                                                                     head_end) + 40))
              if not _recited_title(text, t.start())]
    if number is None and titles:
        header.party_start = max(header.party_start, titles[-1].end())
    for candidate in [t.group(0) for t in reversed(titles)] + [meta.get("案件名称") or "",
                                                                 meta.get("文书类型") or ""]:
        doc_type = document_type_of(candidate, header.forum_kind)
        if doc_type:
            header.document_type = doc_type
            break
    if header.forum is None and header.forum_kind == "court" and \
            header.document_type in _ARBITRATION_TYPES:  # ``劳动争议仲裁调解书`` and no forum line
        header.forum_kind = "arbitration"
        header.inferred["procedure"] = f"the title ({header.document_type})"
    _procedure(header, meta)
    _region(header)
    return header


def _procedure(header: Header, meta: Metadata) -> None:
    if header.forum_kind == "arbitration":
        header.procedure = "仲裁"
        return
    number = header.case_number
    if number is not None and number.procedure and number.procedure != "仲裁":
        header.procedure = number.procedure
        return
    stage = meta.get("审理程序") or meta.get("案件名称") or ""
    for word in ("再审", "二审", "一审"):
        if word in stage:
            header.procedure = word
            return


def _region(header: Header) -> None:
    number = header.case_number
    if number is not None and number.court_code and header.forum_kind == "court":
        header.court_code = number.court_code
        header.region_code = region_from_court_code(number.court_code)
    if header.region_code is None:
        header.region_code = region_from_name(header.forum)


def cause_of(text: str, meta: Metadata, header: Header, record: str) -> str | None:
    """The cause of action (案由): metadata, then the ``…纠纷一案`` phrase, then the title."""
    number = header.case_number
    in_body = number is not None and number.start >= meta.body_start
    head_end = number.start if number is not None and in_body else min(len(text),
                                                                        meta.body_start + 400)
    return _cause(text, meta, meta.body_start, head_end, record)
