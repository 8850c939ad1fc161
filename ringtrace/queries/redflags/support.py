"""Support: a public body stands behind the workers.

What it flags (both exculpatory)
    ``SUPPORT_INSTITUTION`` a procuratorate, trade union, women's federation or legal-aid centre
    supports the suit (支持起诉): a party line such as ``支持起诉机关：某县人民检察院`` or
    ``支持起诉单位：某县总工会``, a sentence the parser quoted as ``support`` (such a body
    ``支持原告起诉``, ``出庭支持起诉``), or a sentence that says so (``keywords``) and names the
    body in it. A keyword without a body is no support: ``被申请人称：支持申请人的仲裁请求`` is the
    employer agreeing to the claim - no objection, the opposite of a vetted suit - and the
    employer's answer is never read for support.
    ``AGENT_LEGAL_AID`` a worker's agent was assigned by a legal-aid centre (法律援助中心指派).
Why it matters
    Procuratorates support genuine long-term workers' suits after checking them: 检例第125号
    (安某民等80名环卫工人, back-payment of 400余万) and the 22 silk-factory women of 合川 (docs/domain.md
    §2.4). A body that vetted the workers and puts its name on the suit is the opposite of a
    scheme that needs no one to look closely. Legal-aid centres check a worker's means and the
    merits before assigning a lawyer, a weaker check; a scheme brings its own agent.
Thresholds
    ``keywords`` in ``rules.toml`` [rules.SUPPORT_INSTITUTION]; AGENT_LEGAL_AID is categorical.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ringtrace.queries.findings import Evidence, Finding
from ringtrace.queries.frame import CaseInfo, Frame
from ringtrace.queries.redflags.common import (
    Rule,
    any_of,
    case_finding,
    confirmation_cases,
    sentences,
)
from ringtrace.queries.redflags.params import KeywordParams, RuleParams

#: party roles that name a supporting body (the parser's ``supporter``, or the label verbatim)
SUPPORTER_ROLES = ("supporter",)
#: the bodies that back workers' suits (民事诉讼法 §15: 机关、社会团体、企业事业单位): a
#: procuratorate, a union, a legal-aid centre, the women's or disabled persons' federation
BODIES = re.compile(r"人民检察院|检察院|工会|法律援助|妇女联合会|妇联|残疾人联合会|残联|人民团体")
#: spans that are not the worker's side of the story: the employer's own answer
_NOT_SUPPORT = ("defendant_response",)
_NEGATED = "不未为予"


def _backing(text: str, keywords: tuple[str, ...]) -> bool:
    """True when a sentence of ``text`` says a body supports the suit: a keyword, not negated
    (``不支持起诉``), with the body named in the same sentence."""
    says = any_of(keywords)
    for sentence in sentences(text):
        if not BODIES.search(sentence):
            continue
        for m in says.finditer(sentence):
            if m.start() == 0 or sentence[m.start() - 1] not in _NEGATED:
                return True
    return False


def supporter(case: CaseInfo, keywords: tuple[str, ...]) -> Evidence | None:
    """The supporting body named in the case, as evidence, or None."""
    says = any_of(keywords).search
    for ref in case.others:
        if ref.role in SUPPORTER_ROLES or says(ref.role_in_text):
            return Evidence("record", case.case_number,
                            f"{ref.role_in_text or '支持起诉'}：{ref.name}")
    for s in case.spans:
        text = s.get("text", "")
        kind = s.get("kind")
        if kind == "support" or (kind not in _NOT_SUPPORT and _backing(text, keywords)):
            return Evidence("text", case.case_number, text)
    return None


def supported(frame: Frame, params: KeywordParams) -> Iterator[Finding]:
    keywords = params.keywords
    for case in confirmation_cases(frame):
        evidence = supporter(case, keywords)
        if evidence is not None:
            yield case_finding("SUPPORT_INSTITUTION", case, "检察机关、工会等支持起诉（减轻）", evidence)


def legal_aid(frame: Frame, params: RuleParams) -> Iterator[Finding]:
    for case in confirmation_cases(frame):
        for a in case.agents:
            if a.kind == "legal_aid" and a.side in ("worker", "both"):
                firm = f"，{a.law_firm}" if a.law_firm else ""
                yield case_finding("AGENT_LEGAL_AID", case, f"劳动者由法律援助律师{a.name}代理（减轻）",
                                   Evidence("record", case.case_number,
                                            f"{a.name}{firm}：{a.relation or '法律援助'}"))
                break


RULES = [
    Rule("SUPPORT_INSTITUTION", "support", "检察机关/工会等支持起诉（减轻）", supported, params=KeywordParams,
         mitigating=True),
    Rule("AGENT_LEGAL_AID", "support", "法律援助律师代理（减轻）", legal_aid, params=RuleParams, mitigating=True),
]
