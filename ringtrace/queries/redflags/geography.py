"""Geography: applicants, employer and forum that do not belong together.

What it flags
    ``GEO_OTHER_PROVINCE`` the applicant's residence is in another province than the forum that
    decided the case; ``GEO_FORUM_FAR`` the forum is in another province than the employer
    (from the employer's registered address or the region digits of its USCC).
Why it matters
    Chongqing farmers confirmed as employees of an Urumqi caustic-soda plant (NFZM-CQ, DOMAIN.md
    P6): intermediaries move applicants to wherever a compliant employer and forum are.
Thresholds
    Categorical; a place that cannot be read is never flagged.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ringtrace.graph.regions import province_name, province_of_code, province_of_text
from ringtrace.queries.findings import Evidence, Finding
from ringtrace.queries.frame import CaseInfo, Frame
from ringtrace.queries.redflags.common import Rule, case_finding, is_confirmation


def forum_province(frame: Frame, case: CaseInfo) -> str | None:
    props = frame.forums.get(case.forum_id, {})
    return province_of_code(props.get("region_code")) or province_of_text(case.forum)


def employer_province(frame: Frame, employer_id: str) -> str | None:
    props = frame.employers.get(employer_id, {})
    uscc = props.get("uscc") or ""
    from_code = province_of_code(uscc[2:8]) if len(uscc) == 18 else None
    return province_of_text(props.get("address")) or from_code or province_of_text(
        props.get("name"))


def other_province(frame: Frame, params: dict[str, Any]) -> Iterator[Finding]:
    for case in frame.case_list():
        if not is_confirmation(case):
            continue
        forum = forum_province(frame, case)
        if forum is None:
            continue
        for w in case.workers:
            address = frame.persons.get(w.id, {}).get("address")
            home = province_of_text(address)
            if home and home != forum:
                yield case_finding("GEO_OTHER_PROVINCE", case,
                                   f"{w.name}住{province_name(home)}，案件由{province_name(forum)}审理",
                                   Evidence("record", case.case_number, f"住址={address}"))
                break


def forum_far(frame: Frame, params: dict[str, Any]) -> Iterator[Finding]:
    for case in frame.case_list():
        if not is_confirmation(case):
            continue
        forum = forum_province(frame, case)
        for e in case.employers:
            where = employer_province(frame, e.id)
            if forum and where and where != forum:
                yield case_finding("GEO_FORUM_FAR", case,
                                   f"用人单位在{province_name(where)}，审理机关在{province_name(forum)}",
                                   Evidence("registry", case.case_number,
                                            f"{e.name}：{province_name(where)}"))
                break


RULES = [
    Rule("GEO_OTHER_PROVINCE", "geography", "申请人住所地与审理机关不在同一省", other_province),
    Rule("GEO_FORUM_FAR", "geography", "审理机关远离用人单位", forum_far),
]
