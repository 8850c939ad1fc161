"""Claims and responses: the employer does not fight a bare confirmation claim.

What it flags
    ``CLAIM_NO_OBJECTION`` the defendant/respondent admits the claim or raises no objection
    (无异议, 认可, 同意); ``CLAIM_MEDIATED`` the case ends in a mediation statement (调解书);
    ``CLAIM_DEFAULT`` the employer was absent (缺席) - weaker, since genuine closed employers are
    absent too; ``CLAIM_CONFIRMATION_ONLY`` the claim asks only to confirm the relationship (no
    wage, overtime or compensation amounts); ``CLAIM_PURPOSE`` back-payment or retirement is
    stated as the purpose (补缴, 养老保险, 退休, 老有所养).
Why it matters
    The Anyang model's core rules: "原告诉求简单，被告对原告诉求没有异议或者基本认同" and the
    keyword 无异议 (SEED; DOMAIN.md §2.1 R4/R5, §2.2 P1). A genuine worker usually also claims
    money; an employer that really owed 15 years of contributions usually contests.
Thresholds
    Keywords for CLAIM_PURPOSE in ``rules.toml``; the others are categorical.
Only labour-relationship confirmation cases are considered.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ringtrace.queries.findings import Evidence, Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.redflags.common import (
    Rule,
    case_finding,
    confirmation_cases,
    span_finder,
    text_evidence,
)


def no_objection(frame: Frame, params: dict[str, Any]) -> Iterator[Finding]:
    for case in confirmation_cases(frame):
        response = case.props.get("defendant_response")
        if response in ("admits", "no_objection"):
            label = "认可" if response == "admits" else "无异议"
            yield case_finding("CLAIM_NO_OBJECTION", case, f"用人单位对确认劳动关系的请求{label}",
                               text_evidence(case, "defendant_response",
                                             f"defendant_response={response}"))


def mediated(frame: Frame, params: dict[str, Any]) -> Iterator[Finding]:
    for case in confirmation_cases(frame):
        props = case.props
        if props.get("document_type") == "调解书" or props.get("outcome") == "mediated":
            yield case_finding("CLAIM_MEDIATED", case, "以调解方式确认劳动关系",
                               text_evidence(case, "outcome",
                                             f"document_type={case.get('document_type')}"))


def default(frame: Frame, params: dict[str, Any]) -> Iterator[Finding]:
    for case in confirmation_cases(frame):
        props = case.props
        if props.get("absent") or props.get("defendant_response") == "absent":
            yield case_finding("CLAIM_DEFAULT", case, "用人单位缺席，未抗辩",
                               text_evidence(case, "absence", "absent=true"))


def confirmation_only(frame: Frame, params: dict[str, Any]) -> Iterator[Finding]:
    # a confirmation-only claim makes a confirmation case (see Frame): no other case can hit
    for case in confirmation_cases(frame):
        if case.props.get("claim_kind") == "confirmation_only" and not case.claim_amounts:
            yield case_finding("CLAIM_CONFIRMATION_ONLY", case, "仅请求确认劳动关系，无工资或补偿金额",
                               text_evidence(case, "claim", "claim_kind=confirmation_only"))


def purpose(frame: Frame, params: dict[str, Any]) -> Iterator[Finding]:
    find = span_finder(("purpose", "claim"), tuple(params["keywords"]))
    for case in confirmation_cases(frame):
        quoted = find(case)
        if quoted:
            yield case_finding("CLAIM_PURPOSE", case, "以补缴社保或办理退休为诉讼目的",
                               Evidence("text", case.case_number, quoted))


RULES = [
    Rule("CLAIM_NO_OBJECTION", "claims", "被告认可或无异议", no_objection),
    Rule("CLAIM_MEDIATED", "claims", "调解结案", mediated),
    Rule("CLAIM_DEFAULT", "claims", "被告缺席", default),
    Rule("CLAIM_CONFIRMATION_ONLY", "claims", "仅请求确认劳动关系", confirmation_only),
    Rule("CLAIM_PURPOSE", "claims", "诉讼目的为补缴/退休", purpose),
]
