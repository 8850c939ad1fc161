"""How the employer side answered the worker's claim, and whether it stayed away.

Red flag R5 asks whether the party opposing the worker objected. That party is the employer
(by entity type), whatever its procedural role:

* employer is 被告/被申请人/被上诉人: its 辩称 / 答辩 paragraph is classified as ``admits``
  (认可, 属实), ``no_objection`` (无异议, 同意…请求) or ``contests`` (不同意, 不存在劳动关系,
  请求驳回); negated forms (``不认可``, ``有异议``) are tested first.
* employer is the one who sued or appealed (``…不存在劳动关系`` claims, ``不服…提起上诉``): it
  ``contests``.
* employer ``未到庭`` / ``缺席`` without any answer: ``absent`` (this is not an admission).

* without a 辩称 paragraph, a sentence whose subject is the employer side and that states
  no objection or an admission (``被告对原告诉求无异议。``) counts as its answer.

A publisher can leave all of this out; then the answer is ``unknown``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ringtrace.loaders.judgments.parties import ParsedParty
from ringtrace.loaders.judgments.patterns import (
    ABSENCE,
    ADMISSION,
    ADMITTED_RELATION,
    CANNOT_PAY,
    COMMISSION_SELF,
    CONTEST,
    DENIED_RELATION,
    NO_OBJECTION,
    PARTLY,
    PARTLY_FACTS,
    PERIOD_DISPUTE,
    PERIOD_WRONG,
    STATUS_DEFENCE,
)
from ringtrace.loaders.judgments.sections import Sections
from ringtrace.loaders.judgments.speakers import sides, speaker

_RESPONSE_LIMIT = 600
_RESPONSE_STOP = re.compile(r"\n|本院|本委|" + COMMISSION_SELF + r"|经审理|经查|审理查明|仲裁委")
_APPEAL = re.compile(r"不服[^。]{0,120}?(?:上诉|再审)|上诉请求|上诉称|申请再审称|申请再审")
#: an employer's application to set an award aside (民特): ``请求撤销…仲裁裁决``
_SET_ASIDE = re.compile(r"(?:请求|申请)撤销[^。]{0,60}?裁决")
_NO_ANSWER = re.compile(r"未(?:提交|提供|作|发表)(?:书面)?答辩|未答辩|亦未答辩|未发表(?:答辩)?意见|"
                        r"没有(?:提交|提供)?(?:书面)?答辩")
_SENTENCE_BREAK = "。；;\n"
_MIN_ANSWER = 4
#: an answer that is agreement and nothing else: ``被告辩称：同意。``
_BARE_AGREEMENT = re.compile(r"^\s*(?:完全|全部)?同意\s*[。.]?\s*$")


@dataclass
class Response:
    value: str = "unknown"
    absent: bool = False
    response_text: str | None = None
    absence_text: str | None = None


def classify_response(text: str) -> str:
    """admits / no_objection / partial / contests / unknown for one answer paragraph.

    ``partial``: the employer admits the relationship or the work (``对工作期间无异议``,
    ``对劳动关系无异议``, ``原告确实在被告处工作``, ``认可存在劳动关系``, ``认可原告在被告处工作``)
    and contests the rest (``但工资数额过高``, ``不同意支付经济补偿金``, ``加班费没有依据``,
    ``已足额支付工资``) - not the denial of the relationship itself. A plea that it cannot pay,
    after an agreement to the relationship (``同意确认劳动关系，但公司现已停产，没有能力支付``), is
    partial too: the money claimed stays unconceded, and a bought confirmation claims no money
    to refuse (a closing firm's answer, docs/domain.md §3); an admission of the debt with that
    plea (``认可拖欠工资的事实，但暂无力支付``) is an admission. The work granted while its start is
    disputed (``入职时间与实际不符…对其余事实没有异议``, ``系2014年才到我处工作``) is partial. An admission of *part* of the claim (``部分认可``) is never
    a plain no-objection: partial when the part is the relationship, else a contest; the worker's
    story called partly true (``原告所述部分属实``) admits the work, so it is partial.
    Negated forms (``不认可``, ``有异议``) are contests, never admissions. A bare ``同意`` is no
    objection, a bare ``不同意`` a contest (awards print answers that short).

    Real defences name what the relationship was instead (``双方系劳务关系``, ``雇佣关系``,
    ``承揽关系``, ``不构成劳动关系``): contests. A dispute of the period alone (``原告实际入职
    时间为2008年``, ``入职时间应为…``, ``中间有中断``) grants the work: partial. The worker's status
    (``原告系临时工``, ``退休返聘人员``, ``已达到法定退休年龄``) contests when nothing else is said or
    when it follows a ``但``; beside an agreement it is only a description.

    Clauses about the evidence (``对原告提交的证据真实性无异议``, ``对证明目的有异议``) are dropped
    first: courts print the parties' 质证 next to their answers, and an employer that grants the
    authenticity of a wage slip has said nothing yet about the claim.
    """
    text = _without_evidence(text)
    if _BARE_AGREEMENT.match(text):
        return "no_objection"
    if PARTLY.search(text):
        facts = PARTLY_FACTS.search(text) and not DENIED_RELATION.search(text)
        return "partial" if facts or _admits_relation(text) else "contests"
    if NO_OBJECTION.search(text):
        rest = NO_OBJECTION.sub("", text)
        if not _contests(rest):
            if (PERIOD_DISPUTE.search(rest) or PERIOD_WRONG.search(rest) or CANNOT_PAY.search(rest)) \
                    and _admits_relation(text):
                return "partial"
            return "no_objection"
        return "partial" if _admits_relation(text) else "contests"
    if _contests(text):
        return "partial" if _admits_relation(text) else "contests"
    if ADMISSION.search(text):
        return "admits"
    if STATUS_DEFENCE.search(text):
        return "contests"
    return "unknown"


#: a status defence after a caveat: ``认可原告在被告处工作，但原告系临时工``
_BUT_STATUS = re.compile(r"(?:但|然而|不过|只是)[^。；;]{0,20}?(?:" + STATUS_DEFENCE.pattern + ")")


def _contests(text: str) -> bool:
    return bool(CONTEST.search(text) or _BUT_STATUS.search(text))


#: a clause whose object is the evidence, not the claim: ``被告对原告提交的证据真实性无异议``,
#: ``对工资条的三性均无异议``, ``对证明目的有异议``, ``经质证``
_EVIDENCE_CLAUSE = re.compile(r"(?:对|就|关于)[^，,。；;]{0,30}?(?:证据|证明|材料|提交的|提供的|出示的|举示的)|"
                              r"质证|三性|真实性|合法性|关联性|证明目的|证明力")
_CLAUSES = re.compile(r"[^，,；;。]+[，,；;。]?")


def _without_evidence(text: str) -> str:
    """``text`` without its clauses about evidence (see :func:`classify_response`)."""
    if not _EVIDENCE_CLAUSE.search(text):
        return text
    return "".join(c for c in _CLAUSES.findall(text) if not _EVIDENCE_CLAUSE.search(c))


def _admits_relation(text: str) -> bool:
    """True when the employer, while contesting, agrees to the relationship or the work itself
    (an agreement that is not negated and is about the relationship, its period or the work)."""
    if DENIED_RELATION.search(text):
        return False
    if PERIOD_DISPUTE.search(text):
        return True  # ``原告实际入职时间为2008年``: when the work began, so that it did
    for pattern in (NO_OBJECTION, ADMISSION):
        for m in pattern.finditer(text):
            if text[max(0, m.start() - 1):m.start()] in ("不", "未", "否") or \
                    text[max(0, m.start() - 2):m.start()] == "部分":
                continue
            # what is agreed to stands before the verb (``对工作期间无异议``) or after it, to the
            # end of its clause (``认可存在劳动关系``, ``认可原告在被告处工作``)
            after = _CLAUSE_END.search(text, m.end(), m.end() + _OBJECT_REACH)
            window = text[max(0, m.start() - 30):max(m.end() + 4, after.start() if after else
                                                     m.end() + _OBJECT_REACH)]
            if ADMITTED_RELATION.search(window):
                return True
    return False


_CLAUSE_END = re.compile(r"[,，。；;]")
_OBJECT_REACH = 20


_SENTENCE_REACH = 400
_RIGHT = re.compile(r"[。；;\n]")


def sentence_at(text: str, pos: int, start: int, end: int) -> str:
    """The sentence around ``pos`` within ``text[start:end]`` (at most 400 characters either
    side: every search stays local, so quoting many sentences stays linear)."""
    start = max(start, pos - _SENTENCE_REACH)
    end = min(end, pos + _SENTENCE_REACH)
    left = max(text.rfind("。", start, pos), text.rfind("\n", start, pos),
               text.rfind("；", start, pos), text.rfind(";", start, pos)) + 1
    right = _RIGHT.search(text, pos, end)
    return text[max(left, start):right.end() if right else end].strip()


def read_response(sections: Sections, parties: list[ParsedParty], procedure: str,
                  claim_kind: str) -> Response:
    """The employer side's answer and absence (see the module docstring)."""
    result = Response()
    text = sections.text
    employer_words, other_words = sides(parties)
    employers = [p for p in parties if p.party.side == "employer"]
    workers = [p for p in parties if p.party.side == "worker"]
    # the employer sued, appealed or applied (to set aside an award) and no worker did
    employer_moved = any(p.party.role == "plaintiff" for p in employers) and \
        not any(p.party.role == "plaintiff" for p in workers)
    if employer_moved:
        _employer_initiated(result, sections, procedure, claim_kind)
    else:
        for pos in sections.all.get("defence", []):
            if speaker(text, pos, employer_words, other_words) != "employer" or \
                    _NO_ANSWER.search(text, max(0, pos - 8), pos + 4):
                continue
            start = sections.ends.get(pos, pos + 2)
            window = text[start:min(sections.end, start + _RESPONSE_LIMIT,
                                    sections.next_landmark(start))]
            stop = _RESPONSE_STOP.search(window, 2)
            answer = window[:stop.start()] if stop else window
            answer = answer.strip(" :：,，。")
            value = classify_response(answer)
            if len(answer) < _MIN_ANSWER and value == "unknown":
                continue  # a fragment of the label, not an answer; 不同意 / 无异议 alone are answers
            if result.response_text is None or value != "unknown":
                result.response_text = answer
                result.value = value
            if value != "unknown":
                break
    if result.value == "unknown" and not employer_moved:
        _stated_answer(result, sections, employer_words, other_words)
    _absence(result, sections, employer_words, other_words)
    if result.absent and result.value == "unknown":
        result.value = "absent"
    return result


_STATEMENT = re.compile(f"{NO_OBJECTION.pattern}|{ADMISSION.pattern}")


def _stated_answer(result: Response, sections: Sections, employer: list[str],
                   others: list[str]) -> None:
    """An answer written without a 辩称 landmark: ``被告对原告诉求无异议。``,
    ``被申请人认可申请人的仲裁请求。`` - a sentence whose subject is the employer side. A sentence
    about the evidence (``被告对原告提交的证据真实性无异议。``) answers nothing: its evidence
    clauses are dropped before it is read (:func:`classify_response`)."""
    text = sections.text
    begin, stop = sections.before_reasoning
    for m in _STATEMENT.finditer(text, begin, stop):
        sentence = sentence_at(text, m.start(), begin, stop)
        if not any(sentence.startswith(w) for w in employer):
            continue
        value = classify_response(sentence)
        if value != "unknown":
            result.value, result.response_text = value, sentence
            return


def _employer_initiated(result: Response, sections: Sections, procedure: str,
                        claim_kind: str) -> None:
    text = sections.text
    if procedure in ("二审", "再审", "其他"):
        m = _APPEAL.search(text, sections.start, sections.end) or \
            _SET_ASIDE.search(text, sections.start, sections.end)
        if m:
            result.value = "contests"
            result.response_text = sentence_at(text, m.start(), sections.start, sections.end)
    elif claim_kind == "denial":
        result.value = "contests"
        claims = sections.first.get("claims")
        if claims is not None:
            denial = text.find("不存在", claims, sections.end)
            at = denial if denial >= 0 else claims
            result.response_text = sentence_at(text, at, sections.start, sections.end)


def _absence(result: Response, sections: Sections, employer: list[str], others: list[str]) -> None:
    text = sections.text
    begin, stop = sections.before_reasoning
    for m in ABSENCE.finditer(text, begin, stop):
        who = speaker(text, m.start(), employer, others)
        generic = m.group(0).startswith("缺席")
        if who == "employer" or (who is None and generic):
            result.absent = True
            result.absence_text = sentence_at(text, m.start(), begin, stop)
            if _NO_ANSWER.search(text, m.start(), min(stop, m.end() + 40)):
                result.value = "absent" if result.value == "unknown" else result.value
            return
