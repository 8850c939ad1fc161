"""Retrial: a court has revoked the confirmation as a sham suit.

What it flags (incriminating)
    ``RETRIAL_SHAM`` a confirmation that a later retrial (再审) revoked, the court finding in its
    own reasoning that the parties colluded or made the relationship up (虚假诉讼, 恶意串通,
    虚构劳动关系: the ``sham_finding`` span, :mod:`ringtrace.loaders.judgments.revocation`). The
    retrial is tied to what it revokes by the case numbers it cites (normalised, so a number
    printed with other brackets or a ``第`` still finds its case): a cited confirmation counts
    when the retrial's operative part revokes it by number (``撤销本院（2021）豫0702民初1234号民事
    调解书``), or when it names the same applicant as the retrial (not merely the employer: a
    co-worker's suit the court cites is another dispute) - the award or the
    mediation statement before the revoked judgment (``另查明……该委作出……第88号仲裁调解书``),
    one bought confirmation in two forums. A copy of the suit printed without any case number
    (a repost) is found by its parties instead: a confirmation between the retrial's applicant
    and its employer. The finding quotes the retrial's sentence and its operative part under
    the retrial's case number.
Why it matters
    It is the strongest evidence there is: not a sign that a suit may be bought but a court's
    finding that it was (docs/domain.md §2.2 P14: awards of five or six years earlier revoked in
    bulk once the scheme came to light; SPP-2024-04: procuratorates protest such confirmations
    and courts revoke them). The case is a confirmed sham; its agents, employer and applicant
    are where an investigator looks next, and ring assembly starts from it
    (:func:`~ringtrace.queries.confirmed.anchored_suits`).
    What is no label: a retrial that upholds the confirmation (驳回再审申请, 维持原判: outcome
    ``upheld``), one that revokes on another ground (a procedural error, the wrong forum: no
    sham finding in the court's words), and a protest that alleges a sham the court rejects
    (``……系虚假诉讼的意见，本院不予采纳``). The retrial document itself confirms nothing and is
    no confirmation case (:func:`~ringtrace.queries.frame.revokes_as_sham`).
Thresholds
    None: the court's finding is categorical. Its weight (``rules.toml``) is the largest of all,
    so that no exculpatory sign in the revoked document (the wage claim or the archive the
    scheme forged) outweighs the court that looked at them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ringtrace.graph.identity import case_number_key
from ringtrace.queries.findings import Evidence, Finding
from ringtrace.queries.frame import SHAM_FINDING, CaseInfo, Frame, revokes_as_sham
from ringtrace.queries.redflags.common import Rule, first_text, is_confirmation
from ringtrace.queries.redflags.params import RuleParams

__all__ = ["RULES", "ShamRuling", "sham_rulings"]

#: outcomes of a document that made a relationship stand: a confirmation, a mediation, an
#: appeal that upheld one (a 裁定 ordering the retrial, or a refusal, confirmed nothing)
CONFIRMING = ("confirmed", "mediated", "upheld")


@dataclass(frozen=True, slots=True)
class ShamRuling:
    """A retrial's finding that a suit was a sham, with the cases it revokes."""

    #: the retrial's case id and number
    ruling: str
    ruling_number: str
    #: the court's sentence finding the sham, and the retrial's operative part
    finding: str
    operative: str
    #: case ids of the confirmations it revokes or names (sorted)
    originals: tuple[str, ...]


def _by_number(frame: Frame) -> dict[str, list[str]]:
    index: dict[str, list[str]] = defaultdict(list)
    for case in frame.case_list():
        key = case_number_key(case.case_number)
        if key:
            index[key].append(case.id)
    return dict(index)


def _shares_applicant(a: CaseInfo, b: CaseInfo) -> bool:
    """Do two cases name the same applicant (as entities)? The employer is no sign that a
    cited case is the same dispute: a retrial may cite a co-worker's suit against it."""
    return bool({p.id for p in a.workers} & {p.id for p in b.workers})


def _confirming(target: CaseInfo) -> bool:
    return target.props.get("outcome") in CONFIRMING and is_confirmation(target)


def _unnumbered_copies(frame: Frame, ruling: CaseInfo) -> set[str]:
    """Confirmations printed without a case number (a repost) between the ruling's applicant
    and its employer: the copy of the suit it revokes that no number can find."""
    workers = {w.id for w in ruling.workers}
    found: set[str] = set()
    for employer in ruling.employers:
        for cid in frame.employer_cases.get(employer.id, []):
            target = frame.cases[cid]
            if (cid != ruling.id and case_number_key(target.props.get("case_number")) is None
                    and _confirming(target) and workers & {w.id for w in target.workers}):
                found.add(cid)
    return found


def _originals(frame: Frame, ruling: CaseInfo, operative: str,
               by_number: dict[str, list[str]]) -> tuple[str, ...]:
    found: set[str] = set()
    for number in ruling.related:
        for cid in by_number.get(case_number_key(number) or "", []):
            target = frame.cases[cid]
            if cid == ruling.id or not _confirming(target):
                continue
            if number in operative or _shares_applicant(ruling, target):
                found.add(cid)
    return tuple(sorted(found | _unnumbered_copies(frame, ruling)))


def sham_rulings(frame: Frame) -> list[ShamRuling]:
    """Every retrial that revokes a sham, with what it revokes (computed once per frame)."""
    def build() -> list[ShamRuling]:
        rulings = [c for c in frame.case_list() if revokes_as_sham(c)]
        if not rulings:
            return []
        by_number = _by_number(frame)
        found = []
        for case in rulings:
            operative = first_text(case, "outcome") or ""
            originals = _originals(frame, case, operative, by_number)
            if originals and "撤销" in operative:
                found.append(ShamRuling(case.id, case.case_number, first_text(case, SHAM_FINDING) or "",
                                        operative, originals))
        return found
    return frame.memoised("retrial.sham_rulings", build)


def revoked(frame: Frame, params: RuleParams) -> Iterator[Finding]:
    for ruling in sham_rulings(frame):
        for cid in ruling.originals:
            case = frame.cases[cid]
            yield Finding("RETRIAL_SHAM", cid, [cid],
                          f"再审{ruling.ruling_number}认定{case.case_number}为虚假诉讼并予撤销",
                          [Evidence("text", ruling.ruling_number, ruling.finding),
                           Evidence("text", ruling.ruling_number, ruling.operative)])


RULES = [
    Rule("RETRIAL_SHAM", "retrial", "再审认定虚假诉讼并撤销", revoked, params=RuleParams),
]
