"""Contacts: phones and addresses shared across people who should not share them.

What it flags
    ``CONTACT_SHARED`` one phone number or precise address is given by at least ``min_people``
    distinct people among applicants, lay agents and legal representatives, across different
    cases. Lawyers are left out (colleagues share their firm's phone) and so are addresses that
    are too vague to link (see graph.build.specific_address).
Why it matters
    Intermediaries register applicants with their own phone or office address, and the
    employer's manager shares contact data with the intermediary (DOMAIN.md signal 4, P9; issue
    typology "agents differ but share phones or addresses").
Thresholds
    ``min_people`` in ``rules.toml`` [rules.CONTACT_SHARED].
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ringtrace.queries.findings import Evidence, Finding
from ringtrace.queries.frame import Frame
from ringtrace.queries.redflags.common import Rule, is_confirmation


def people_by_identifier(frame: Frame) -> dict[str, dict[str, set[str]]]:
    """identifier id -> person id -> the confirmation cases where that person appears."""
    cases_of: dict[str, set[str]] = defaultdict(set)
    for case in frame.case_list():
        if not is_confirmation(case):
            continue
        for w in case.workers:
            cases_of[w.id].add(case.id)
        for a in case.agents:
            if a.kind not in ("lawyer", "intern", "legal_aid"):
                cases_of[a.id].add(case.id)
        for e in case.employers:
            for rep in frame.legal_reps.get(e.id, set()):
                cases_of[rep].add(case.id)
    out: dict[str, dict[str, set[str]]] = defaultdict(dict)
    for person, cases in cases_of.items():
        for ident in frame.contacts.get(person, set()):
            out[ident][person] = cases
    return out


def shared(frame: Frame, params: dict[str, Any]) -> Iterator[Finding]:
    minimum = int(params["min_people"])
    for ident, people in sorted(people_by_identifier(frame).items()):
        cases = sorted(set().union(*people.values()))
        if len(people) >= minimum and len(cases) >= 2:
            props = frame.identifiers.get(ident, {})
            names = sorted({frame.persons.get(p, {}).get("name", p) for p in people})
            label = "电话" if props.get("kind") == "phone" else "地址"
            yield Finding("CONTACT_SHARED", ident, cases,
                          f"{len(people)}人共用{label}{props.get('value')}",
                          [Evidence("link", None, f"{label}={props.get('value')}；使用人: " +
                                    "、".join(names[:20]))])


RULES = [Rule("CONTACT_SHARED", "contacts", "多人共用电话或地址", shared)]
