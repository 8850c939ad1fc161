"""Evidence: what the worker proved the relationship with.

What it flags
    ``EVID_INDEPENDENT`` (mitigating) the documents cite records kept by third parties or made
    at the time - personnel archives handed over at a restructuring (人事档案), staff rosters
    (职工花名册), recruitment registers (招工登记表), bank wage statements (银行工资流水) or
    social-insurance payment records (社会保险缴费记录). Such a case is *less* suspicious: its
    score is multiplied by ``1 - weight``. Documents the two colluding parties can make between
    themselves (a contract, a certificate or wage sheet issued by the employer, witnesses) do not
    mitigate.
Why it matters
    Sham cases rest on "伪造工资条、劳动合同等证明材料" (SPP 2024-04) and typically show "no
    contract, wage-account or pension record among the evidence" (DOMAIN.md signal 7); genuine
    restructured-SOE claims are confirmed "from archives", which courts check against 工资表 and
    花名册 (DOMAIN.md §2.4, legitimate look-alikes).
Thresholds
    ``keywords`` in ``rules.toml`` [rules.EVID_INDEPENDENT].
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ringtrace.queries.findings import Evidence, Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.redflags.common import Rule, case_finding, confirmation_cases, span_finder

#: span kinds that can quote the evidence produced (the answer may cite the archives)
EVIDENCE_SPANS = ("evidence", "other", "defendant_response")


def independent(frame: Frame, params: dict[str, Any]) -> Iterator[Finding]:
    keywords = tuple(params["keywords"])
    find = span_finder(EVIDENCE_SPANS, keywords)
    for case in confirmation_cases(frame):
        quoted = find(case)
        if quoted:
            hit = next(k for k in keywords if k in quoted)
            yield case_finding("EVID_INDEPENDENT", case, f"有第三方或原始书证（{hit}）",
                               Evidence("text", case.case_number, quoted))


RULES = [Rule("EVID_INDEPENDENT", "evidence", "有档案/花名册/工资流水等独立书证（减轻）", independent,
              mitigating=True)]
