"""What the document decided, and whether a labour relationship stands confirmed by it.

``outcome`` is the procedural result of *this* document: ``confirmed`` / ``denied`` (first
instance or award), ``mediated``, ``upheld`` / ``reversed`` (appeal, retrial), ``dismissed``,
``withdrawn``, ``not_accepted``. An appeal that upholds says nothing by itself about the
relationship, so the lower court's result recited in the text is kept as a ``lower_outcome``
span and :func:`relationship_confirmed` reads through it.
"""

from __future__ import annotations

import re

from ringtrace.graph.records import CaseRecord
from ringtrace.loaders.judgments.patterns import (
    CONFIRMED,
    DENIED,
    DISMISSED,
    KEPT,
    LOWER_RESULT,
    MEDIATION,
    NOT_ACCEPTED,
    REVERSED,
    UPHELD,
    WITHDRAWN,
)
from ringtrace.loaders.judgments.sections import Sections

_OPERATIVE_LIMIT = 500
_NO_RELATION = re.compile(r"不存在(?:事实)?劳动(?:合同)?关系|不构成劳动关系|劳动关系不成立")
_LABEL = re.compile(r"(?:(?:判决|裁决|裁定|决定)如下|(?:自愿)?达成(?:如下)?(?:调解)?协议(?:如下)?|"
                    r"调解协议如下|协议如下)\s*[:：]?\s*")
_TAIL = re.compile(r"审\s*判\s*长|审\s*判\s*员|仲\s*裁\s*员|首席仲裁员|如不服|本判决为终审判决|本裁决为|"
                   r"本裁决书|本调解书|上述协议|案件受理费|本案受理费|受理费|仲裁费")


def classify_outcome(text: str, procedure: str = "一审") -> str:
    """The result stated by an operative text (``判决如下：…``)."""
    if WITHDRAWN.search(text):
        return "withdrawn"
    if procedure in ("二审", "再审"):
        if UPHELD.search(text):
            return "upheld"
        if REVERSED.search(text):
            return "reversed"
        if KEPT.search(text):
            return "upheld"
    if DISMISSED.search(text):
        return "dismissed"
    if NOT_ACCEPTED.search(text):
        return "not_accepted"
    if MEDIATION.search(text):
        return "mediated"
    if _NO_RELATION.search(text):
        return "denied"
    if CONFIRMED.search(text):
        return "confirmed"
    if DENIED.search(text):
        return "denied"
    return "unknown"


def operative_text(sections: Sections) -> str:
    """The operative part, cut before fees and the signature block."""
    text = sections.slice(sections.operative, _OPERATIVE_LIMIT)
    label = _LABEL.match(text)
    if label:
        text = text[label.end():]
    stop = _TAIL.search(text)
    if stop:
        text = text[:stop.start()]
        last = max(text.rfind(mark) for mark in "。；;")
        if last >= 0:
            text = text[:last + 1]
    return text.strip(" :：\n")


def lower_outcome_text(sections: Sections) -> str | None:
    """The lower court's or commission's result as recited (``原审法院判决：…``)."""
    stop = sections.operative or sections.end
    found = None
    for m in LOWER_RESULT.finditer(sections.text, sections.start, stop):
        found = m
    if found is None:
        return None
    rest = sections.text[found.end():min(stop, found.end() + 300)]
    end = rest.find("。")
    return rest[:end + 1 if end >= 0 else len(rest)].strip()


def read_outcome(sections: Sections, document_type: str, procedure: str) -> tuple[str, str]:
    """(outcome, operative text) of one document."""
    text = operative_text(sections)
    if document_type in ("调解书", "仲裁调解书"):
        return "mediated", text
    if document_type == "不予受理通知书":
        return "not_accepted", text
    if not text:
        return "unknown", text
    return classify_outcome(text, procedure), text


def relationship_confirmed(record: CaseRecord) -> bool | None:
    """Whether the relationship stands confirmed after this document (None when not shown).

    ``upheld`` takes the recited lower result; ``reversed`` and ``mediated`` read their own
    operative text; a dismissed, withdrawn or refused case confirms nothing.
    """
    outcome = record.outcome
    spans = {s.kind: s.text for s in record.spans}
    if outcome == "confirmed":
        return True
    if outcome in ("denied", "dismissed", "withdrawn", "not_accepted"):
        return False
    if outcome in ("upheld", "reversed", "mediated"):
        source = spans.get("lower_outcome" if outcome == "upheld" else "outcome", "")
        if _NO_RELATION.search(source):
            return False
        if CONFIRMED.search(source):
            return True
        if outcome == "upheld" and DENIED.search(source):
            return False
    return None
