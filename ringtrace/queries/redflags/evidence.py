"""Evidence: what the worker proved the relationship with.

What it flags (both exculpatory)
    ``EVID_INDEPENDENT`` the document cites records in the custody of a third party or of an
    archive - social-insurance or tax records (社保缴费记录, 个人所得税 with the employer as
    扣缴义务人), bank wage statements (银行工资流水, 代发工资), labour-bureau filings and approvals
    (劳动手册, 用工备案, 招工审批), personnel archives (人事档案, 职工档案, archives handed over at a
    restructuring).
    ``EVID_EMPLOYER_RECORDS`` the document cites papers the employer itself issues or keeps - a
    staff roster, a recruitment form, a labour contract, wage sheets or slips, attendance
    records, a work pass, a certificate of employment. Weak: these are exactly what
    intermediaries forge.
Why it matters
    Sham cases rest on "伪造工资条、劳动合同等证明材料" (SPP 2024-04) and typically show "no
    contract, wage-account or pension record among the evidence" (docs/domain.md §2.4 S7, G6);
    genuine restructured-enterprise claims are confirmed "from archives", which courts check
    against 三十余年前的工资表、职工花名册 (docs/domain.md §3.3 E1/E2). What decides the weight is custody:
    a social-insurance agency, a bank, a tax bureau or an archive is not a party to the
    collusion, and a personnel file built up over years is hard to fake; a roster or a wage
    table the colluding employer issues today can be made to order ("伪造工资条、劳动合同",
    "2001年至2015年工资表").
    A record the document says is *missing* proves nothing: "原告未能提供劳动合同、工资表、社保缴费
    记录", "双方未签订书面劳动合同", "没有工资条", "人事档案已遗失" are what courts write when the
    documents are absent - the very gap (G6) that marks a bought confirmation - so a keyword
    negated within its clause is not a citation.
    A social-insurance record of the worker's *own* contributions - ``参保证明显示原告以灵活就业人员
    身份缴纳养老保险``, ``城乡居民养老保险缴费记录`` - is a third party's record that the worker was
    *not* insured by this employer: it proves nothing of the employment (and is what a near-
    retirement applicant who paid in alone holds), so it is not cited.
    A restructuring's records (职工安置名册, 安置方案, 买断工龄协议) are the enterprise's own papers,
    unless the same sentence says the 国资 or labour authority approved or holds them
    (``经国资委批复的职工安置方案``, ``报劳动部门备案的安置名册``): the approval file is outside the
    enterprise, as the archives handed over at a restructuring are.
Thresholds
    ``keywords`` in ``rules.toml`` [rules.EVID_INDEPENDENT] and [rules.EVID_EMPLOYER_RECORDS],
    ``filed_records`` in [rules.EVID_INDEPENDENT]; a document citing both tiers counts only the
    stronger.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ringtrace.queries.findings import Evidence, Finding
from ringtrace.queries.frame import CaseInfo, Frame
from ringtrace.queries.redflags.common import (
    Rule,
    any_of,
    case_finding,
    confirmation_cases,
    sentence_around,
    sentences,
)
from ringtrace.queries.redflags.params import KeywordParams


@dataclass(frozen=True)
class IndependentParams(KeywordParams):
    """``[rules.EVID_INDEPENDENT]``: the words of a record, and the records filed with a suit."""

    filed_records: tuple[str, ...] = ()

#: span kinds that can quote the evidence produced (the answer or the facts may cite archives)
EVIDENCE_SPANS = ("evidence", "facts", "other", "defendant_response", "claim")

#: a negation earlier in the record's clause: ``原告未能提供劳动合同、工资表``, ``双方未签订书面劳动
#: 合同``, ``没有工资条``, ``无社保缴费记录`` (not ``无异议``, nor the 无 of 无锡); a ``但`` starts afresh
_MISSING_BEFORE = re.compile(r"(?:未|没有|没|无法|不能|并无|从未|缺乏|缺少|不存在|无(?!异议|争议|误|锡))"
                             r"[^，,。；;：:但而却]*$")
#: the record lost, right after it: ``原告的人事档案已遗失``, ``工资表已经灭失``
_MISSING_AFTER = re.compile(r"[^，,。；;]{0,6}?(?:遗失|丢失|灭失|毁损|损毁|销毁|无存|不存在|找不到|无法找到|"
                            r"无法提供|未能提供|不能提供)")
_CLAUSE = 40
#: a social-insurance record ...
_INSURANCE = re.compile(r"社会保险|社保|养老保险|参保|缴费|权益记录|个人账户|登记卡")
#: ... of the worker's own contributions, in its sentence: ``以灵活就业人员身份``, ``以个人身份``,
#: ``个体身份``, ``自行缴纳``, ``城乡居民(基本)养老保险``, ``新农保``
_SELF_INSURED = re.compile(r"灵活就业|个人身份|个体(?:工商户)?身份|自由职业|自行缴纳|自己缴纳|城乡居民|"
                           r"居民(?:基本)?养老保险|新农保|新型农村(?:社会)?养老保险")
#: an authority that approved or holds a restructuring's records, in their sentence
_AUTHORITY = re.compile(r"国资|国有资产|劳动局|劳动部门|劳动行政|劳动和社会保障|劳动保障|人社|人力资源和社会保障|"
                        r"经贸委|经委|主管部门")
_FILED = re.compile(r"备案|批复|批准|审批|核准|存档")


def cited(text: str, keywords: tuple[str, ...]) -> str | None:
    """The first of ``keywords`` that ``text`` cites as produced, or None: a keyword the text
    says is missing (negated earlier in its clause, or lost right after it) is not cited, nor
    a social-insurance record of the worker's own contributions."""
    for m in any_of(keywords).finditer(text):
        before = text[max(0, m.start() - _CLAUSE):m.start()]
        if _MISSING_BEFORE.search(before) or _MISSING_AFTER.match(text, m.end()):
            continue
        if _INSURANCE.search(m.group(0)) and _SELF_INSURED.search(sentence_around(text, m.start())):
            continue
        return m.group(0)
    return None


def filed(text: str, records: tuple[str, ...]) -> str | None:
    """The first of a restructuring's ``records`` that ``text`` cites with the authority that
    approved or holds it in the same sentence (``经国资委批复的职工安置方案``), or None."""
    for sentence in sentences(text):
        hit = cited(sentence, records)
        if hit is not None and _AUTHORITY.search(sentence) and _FILED.search(sentence):
            return hit
    return None


def citing_span(case: CaseInfo, keywords: tuple[str, ...],
                filed_records: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """(quoted span, keyword) of the first evidence span that cites one of ``keywords`` (or one
    of ``filed_records`` with the authority that holds it)."""
    for s in case.spans:
        if s.get("kind") not in EVIDENCE_SPANS:
            continue
        text = s.get("text", "")
        hit = cited(text, keywords)
        if hit is None and filed_records:
            hit = filed(text, filed_records)
        if hit is not None:
            return text, hit
    return None


def _quoting(rule_id: str, summary: str, keywords: tuple[str, ...],
             frame: Frame, skip: set[str], filed_records: tuple[str, ...] = ()) -> Iterator[Finding]:
    for case in confirmation_cases(frame):
        if case.id in skip:
            continue
        found = citing_span(case, keywords, filed_records)
        if found:
            quoted, hit = found
            yield case_finding(rule_id, case, f"{summary}（{hit}）",
                               Evidence("text", case.case_number, quoted))


def independent(frame: Frame, params: IndependentParams) -> Iterator[Finding]:
    yield from _quoting("EVID_INDEPENDENT", "有档案、花名册、流水等第三方或原始书证（减轻）",
                        params.keywords, frame, set(), params.filed_records)


def employer_records(frame: Frame, params: KeywordParams) -> Iterator[Finding]:
    stronger: set[str] = frame.memoised("redflags.evidence.independent", set)
    yield from _quoting("EVID_EMPLOYER_RECORDS", "有劳动合同、工资表等单位自制书证（略减轻）",
                        params.keywords, frame, stronger)


def _independent_noting(frame: Frame, params: IndependentParams) -> Iterator[Finding]:
    """:func:`independent`, remembering its cases so the weaker tier skips them."""
    seen: set[str] = frame.memoised("redflags.evidence.independent", set)
    for finding in independent(frame, params):
        seen.add(finding.subject)
        yield finding


RULES = [
    Rule("EVID_INDEPENDENT", "evidence", "有档案/花名册/流水等独立书证（减轻）", _independent_noting, params=IndependentParams,
         mitigating=True),
    Rule("EVID_EMPLOYER_RECORDS", "evidence", "有劳动合同/工资表等单位书证（略减轻）", employer_records, params=KeywordParams,
         mitigating=True),
]
