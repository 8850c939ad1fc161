"""Claims and responses: the employer does not fight a bare confirmation claim.

What it flags
    ``CLAIM_NO_OBJECTION`` the defendant/respondent admits the claim or raises no objection
    (无异议, 认可, 同意); ``CLAIM_MEDIATED`` the case ends in a mediation statement (调解书);
    ``CLAIM_DEFAULT`` the employer was absent (缺席) - weaker, since genuine closed employers are
    absent too; ``CLAIM_CONFIRMATION_ONLY`` the claim asks only to confirm the relationship (no
    wage, overtime or compensation amounts, or only a token sum below ``token_yuan``);
    ``CLAIM_PURPOSE`` back-payment or retirement is
    stated as the purpose (补缴, 养老保险, 退休, 老有所养).
    Exculpatory: ``CLAIM_MONEY`` the worker also claims wages or compensation of at least
    ``min_total_yuan`` in all; ``CLAIM_PARTIAL_ADMISSION`` the employer admits the relationship
    but disputes the money (对工作期间无异议，但工资数额过高／无力支付).
Why it matters
    The Anyang model's core rules: "原告诉求简单，被告对原告诉求没有异议或者基本认同" and the
    keyword 无异议 (SEED; docs/domain.md §2.1 R4/R5, §2.2 P1). A genuine worker usually also claims
    money; an employer that really owed 15 years of contributions usually contests. The other
    way round: a claim for unpaid wages or severance is a real dispute over real work - a bought
    confirmation has nothing to collect, and its employer has nothing to dispute - so money
    claimed, and an employer that fights over the amount while admitting the work, speak for
    a genuine relationship (docs/domain.md §3.3). A token amount is no such claim: a scheme that
    adds a wage claim for cover keeps it small (its colluding employer is the one ordered to
    pay), while unpaid wages for months or severance for years of service run to tens of
    thousands - hence a floor of about two months of local average pay.
Thresholds
    Keywords for CLAIM_PURPOSE, ``min_total_yuan`` for CLAIM_MONEY and ``token_yuan`` for
    CLAIM_CONFIRMATION_ONLY in ``rules.toml``; the others are categorical.
Only labour-relationship confirmation cases are considered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ringtrace.queries.findings import Evidence, Finding
from ringtrace.queries.frame import CaseInfo, Frame
from ringtrace.queries.redflags.common import (
    Rule,
    case_finding,
    confirmation_cases,
    first_text,
    span_finder,
    text_evidence,
)
from ringtrace.queries.redflags.params import KeywordParams, RuleParams


@dataclass(frozen=True)
class ConfirmationOnlyParams(RuleParams):
    """``[rules.CLAIM_CONFIRMATION_ONLY]``."""

    #: a total claimed below this many yuan is a sum added for cover
    token_yuan: float


@dataclass(frozen=True)
class MoneyParams(RuleParams):
    """``[rules.CLAIM_MONEY]``."""

    #: yuan claimed besides the confirmation that make a real dispute
    min_total_yuan: float

#: an admission of the work that goes on to dispute the money: "对工作期间无异议，但工资数额过高"
PARTIAL_ADMISSION = re.compile(
    r"(无异议|没有异议|不持异议|认可|予以确认|承认)[^。；;]{0,40}?(但|但是|然而|只是|不过)"
    r"[^。]{0,60}?(工资|数额|金额|标准|补偿|赔偿|加班|无力|过高|计算|支付|欠薪)")


def partial_admission(case: CaseInfo) -> str | None:
    """The quoted answer that admits the work but disputes the money, or None (also when the
    parser recorded the answer as ``partial``, the record field is quoted)."""
    if case.props.get("defendant_response") == "partial":
        return first_text(case, "defendant_response") or "defendant_response=partial"
    for s in case.spans:
        if s.get("kind") == "defendant_response":
            text = s.get("text", "")
            if PARTIAL_ADMISSION.search(text):
                return text
    return None


def no_objection(frame: Frame, params: RuleParams) -> Iterator[Finding]:
    for case in confirmation_cases(frame):
        response = case.props.get("defendant_response")
        if response in ("admits", "no_objection") and partial_admission(case) is None:
            label = "认可" if response == "admits" else "无异议"
            yield case_finding("CLAIM_NO_OBJECTION", case, f"用人单位对确认劳动关系的请求{label}",
                               text_evidence(case, "defendant_response",
                                             f"defendant_response={response}"))


def mediated(frame: Frame, params: RuleParams) -> Iterator[Finding]:
    for case in confirmation_cases(frame):
        props = case.props
        if props.get("document_type") == "调解书" or props.get("outcome") == "mediated":
            yield case_finding("CLAIM_MEDIATED", case, "以调解方式确认劳动关系",
                               text_evidence(case, "outcome",
                                             f"document_type={case.props.get('document_type')}"))


def default(frame: Frame, params: RuleParams) -> Iterator[Finding]:
    for case in confirmation_cases(frame):
        props = case.props
        if props.get("absent") or props.get("defendant_response") == "absent":
            yield case_finding("CLAIM_DEFAULT", case, "用人单位缺席，未抗辩",
                               text_evidence(case, "absence", "absent=true"))


def confirmation_only(frame: Frame, params: ConfirmationOnlyParams) -> Iterator[Finding]:
    """A claim for the confirmation alone, or with no more than a token sum beside it.

    A scheme can dodge a rule that only asks "is any amount claimed?" by adding a few hundred
    yuan for cover; less than ``token_yuan`` (under one month's minimum wage anywhere in China)
    collects nothing worth a lawsuit, so such a claim still reads as confirmation only.
    """
    token = params.token_yuan
    # a confirmation-only claim makes a confirmation case (see Frame): no other case can hit
    for case in confirmation_cases(frame):
        amounts = [a for a in case.claim_amounts if isinstance(a, int | float) and a > 0]
        if case.props.get("claim_kind") == "confirmation_only" and not amounts:
            yield case_finding("CLAIM_CONFIRMATION_ONLY", case, "仅请求确认劳动关系，无工资或补偿金额",
                               text_evidence(case, "claim", "claim_kind=confirmation_only"))
        elif amounts and sum(amounts) < token:
            yield case_finding("CLAIM_CONFIRMATION_ONLY", case,
                               f"除确认劳动关系外仅主张象征性金额{sum(amounts):,.0f}元",
                               text_evidence(case, "claim", f"claim_amounts={amounts[:6]}"))


def purpose(frame: Frame, params: KeywordParams) -> Iterator[Finding]:
    find = span_finder(("purpose", "claim"), params.keywords)
    for case in confirmation_cases(frame):
        quoted = find(case)
        if quoted:
            yield case_finding("CLAIM_PURPOSE", case, "以补缴社保或办理退休为诉讼目的",
                               Evidence("text", case.case_number, quoted))


def money(frame: Frame, params: MoneyParams) -> Iterator[Finding]:
    floor = params.min_total_yuan
    for case in confirmation_cases(frame):
        amounts = [a for a in case.claim_amounts if isinstance(a, int | float) and a > 0]
        total = sum(amounts)
        if total >= floor:
            yield case_finding("CLAIM_MONEY", case, f"同时主张工资或补偿等金额共计{total:,.0f}元（减轻）",
                               text_evidence(case, "claim", f"claim_amounts={amounts[:6]}"))


def partial(frame: Frame, params: RuleParams) -> Iterator[Finding]:
    for case in confirmation_cases(frame):
        quoted = partial_admission(case)
        if quoted is not None:
            yield case_finding("CLAIM_PARTIAL_ADMISSION", case,
                               "用人单位认可劳动关系但对工资等金额有争议（减轻）",
                               Evidence("text", case.case_number, quoted))


RULES = [
    Rule("CLAIM_NO_OBJECTION", "claims", "被告认可或无异议", no_objection, params=RuleParams),
    Rule("CLAIM_MEDIATED", "claims", "调解结案", mediated, params=RuleParams),
    Rule("CLAIM_DEFAULT", "claims", "被告缺席", default, params=RuleParams),
    Rule("CLAIM_CONFIRMATION_ONLY", "claims", "仅请求确认劳动关系", confirmation_only, params=ConfirmationOnlyParams),
    Rule("CLAIM_PURPOSE", "claims", "诉讼目的为补缴/退休", purpose, params=KeywordParams),
    Rule("CLAIM_MONEY", "claims", "同时主张工资/补偿金额（减轻）", money, params=MoneyParams, mitigating=True),
    Rule("CLAIM_PARTIAL_ADMISSION", "claims", "认可劳动关系但争议金额（减轻）", partial, params=RuleParams,
         mitigating=True),
]
