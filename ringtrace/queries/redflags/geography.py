"""Geography: applicants, employer and forum that do not belong together.

What it flags
    ``GEO_OTHER_PROVINCE`` the applicant's residence is in another province than the forum that
    decided the case; ``GEO_FORUM_FAR`` the forum is in another province than the employer
    (from the employer's registered address or the region digits of its USCC).
Why it matters
    Chongqing farmers confirmed as employees of an Urumqi caustic-soda plant (NFZM-CQ, docs/domain.md
    P6): intermediaries move applicants to wherever a compliant employer and forum are.
    Both are screening signs, not evidence beyond them, so they count inside the screening cap
    (``[caps.screening]``): migrant workers sue where they worked (劳动争议调解仲裁法 art. 21:
    the place of performance has jurisdiction), so in a coastal province's corpus most genuine
    claimants live in another province, and builders registered elsewhere are sued at the site.
Thresholds
    Categorical; a place that cannot be read is never flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ringtrace.queries.findings import Evidence, Finding
from ringtrace.queries.frame import CaseInfo, Frame
from ringtrace.queries.redflags.common import (
    CaseFacts,
    LazyMap,
    Rule,
    case_facts,
    case_finding,
)
from ringtrace.queries.redflags.params import RuleParams
from ringtrace.regions.provinces import PROVINCES, province_name, province_of_code


def province_of_place(text: str | None) -> str | None:
    """:func:`~ringtrace.regions.provinces.province_of_text`, remembered by the head of the text it
    reads (places in one province share a few thousand heads)."""
    return _province_of_head(text[:12]) if text else None


#: every province's full and short name, in code order: the leftmost match is the first name
#: in the text, and of names starting at one place the first code's, as province_of_text picks
_PROVINCE_NAMES = re.compile("|".join(
    re.escape(name) for full, short, _ in PROVINCES.values() for name in (full, short)))
_CODE_OF_NAME = {name: code for code, (full, short, _) in PROVINCES.items()
                 for name in (short, full)}


@lru_cache(maxsize=1 << 16)
def _province_of_head(head: str) -> str | None:
    """:func:`~ringtrace.regions.provinces.province_of_text` of ``head`` in one regex scan instead of
    one search per province name."""
    found = _PROVINCE_NAMES.search(head)
    return _CODE_OF_NAME[found.group()] if found else None


def forum_province(frame: Frame, case: CaseInfo) -> str | None:
    """The province of the forum that decided ``case`` (computed once per forum and frame)."""
    known: dict[tuple[str, str], str | None] = frame.memoised("redflags.forum_province", dict)
    key = (case.forum_id, case.forum)
    if key not in known:
        props = frame.forums.get(case.forum_id, {})
        known[key] = province_of_code(props.get("region_code")) or province_of_place(case.forum)
    return known[key]


def employer_province(frame: Frame, employer_id: str) -> str | None:
    """The province of an employer's registered address, else of its USCC region digits,
    else of its name (computed once per employer and frame)."""
    return _employer_provinces(frame)[employer_id]


def _employer_provinces(frame: Frame) -> LazyMap[str, str | None]:
    """employer id -> :func:`employer_province`, each computed when first read."""
    def province(employer_id: str) -> str | None:
        props = frame.employers.get(employer_id, {})
        uscc = props.get("uscc") or ""
        from_code = province_of_code(uscc[2:8]) if len(uscc) == 18 else None
        return province_of_place(props.get("address")) or from_code or (
            province_of_place(props.get("name")))
    return frame.memoised("redflags.employer_province", lambda: LazyMap(province))


def _judged(frame: Frame) -> list[tuple[CaseFacts, str]]:
    """Each confirmation case whose forum's province is known, with that province (computed
    once per frame)."""
    return frame.memoised("redflags.judged", lambda: [
        (facts, forum) for facts in case_facts(frame)
        if (forum := forum_province(frame, facts.case)) is not None])


def other_province(frame: Frame, params: RuleParams) -> Iterator[Finding]:
    for facts, forum in _judged(frame):
        for w in facts.workers:
            home = province_of_place(w.address)
            if home and home != forum:
                yield case_finding("GEO_OTHER_PROVINCE", facts.case,
                                   f"{w.ref.name}住{province_name(home)}，案件由{province_name(forum)}审理",
                                   Evidence("record", facts.case.case_number, f"住址={w.address}"))
                break


def forum_far(frame: Frame, params: RuleParams) -> Iterator[Finding]:
    provinces = _employer_provinces(frame)
    for facts, forum in _judged(frame):
        for e in facts.case.employers:
            where = provinces[e.id]
            if where and where != forum:
                yield case_finding("GEO_FORUM_FAR", facts.case,
                                   f"用人单位在{province_name(where)}，审理机关在{province_name(forum)}",
                                   Evidence("registry", facts.case.case_number,
                                            f"{e.name}：{province_name(where)}"))
                break


RULES = [
    Rule("GEO_OTHER_PROVINCE", "geography", "申请人住所地与审理机关不在同一省", other_province, params=RuleParams),
    Rule("GEO_FORUM_FAR", "geography", "审理机关远离用人单位", forum_far, params=RuleParams),
]
