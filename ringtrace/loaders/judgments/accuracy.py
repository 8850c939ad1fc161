"""Accuracy of the parser against hand-checked answers (``answers.json``), field by field.

Usage::

    python -m ringtrace.loaders.judgments.accuracy tests/fixtures/real_docs

``answers.json`` holds, per file, the values a careful reader takes from the text (see its
``_schema``). Exact fields score 1 or 0 per document; parties (name + procedural side) and
agents (name + represented parties + law firm or relation) score micro-averaged F1 over all
documents; birth dates and sex are scored per person that has one in the answers. Notes that
the answers add in brackets (``劳动争议纠纷 (claim: 确认劳动关系)``) are not part of the value, and
an award number the answers list under ``arbitration`` counts as a related case number.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ringtrace.graph.identity import clean, normalize_case_number, normalize_firm
from ringtrace.graph.records import Agent, CaseRecord, Party
from ringtrace.loaders.judgments import parse_file, relationship_confirmed
from ringtrace.loaders.judgments.header import find_case_numbers

_NOTE = re.compile(r"\s+\([^()]*\)$")
_SHARED = re.compile(r"^上列(?P<n>[一二三四五六七八九十\d]+)(?P<role>[\u4e00-\u9fff]+?)$")
_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_SIDES = {"plaintiffs_or_applicants": "plaintiff", "defendants_or_respondents": "defendant",
          "third_parties": "third_party"}

#: fields reported, in order
FIELDS = ("case_number", "forum", "document_type", "procedure", "cause", "parties_f1",
          "agents_f1", "birth_date", "sex", "claimed_period", "defendant_no_objection",
          "defendant_absent", "outcome", "judgment_date", "related_case_numbers", "claim_kind",
          "defendant_response", "uscc", "supporters_f1", "evidence")


@dataclass
class Score:
    """Counts behind one field's score: exact matches, or true/false positives and negatives."""

    correct: int = 0
    total: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    f1: bool = False

    @property
    def value(self) -> float:
        if self.f1:
            denominator = 2 * self.tp + self.fp + self.fn
            return 1.0 if denominator == 0 else 2 * self.tp / denominator
        return 1.0 if self.total == 0 else self.correct / self.total


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=dict)
    mismatches: list[tuple[str, str, str, str]] = field(default_factory=list)  # doc, field, want, got
    documents: int = 0

    def value(self, name: str) -> float:
        return self.scores[name].value

    def render(self) -> str:
        lines = [f"{self.documents} documents", f"{'field':<24} {'score':>6}  basis"]
        for name in FIELDS:
            s = self.scores[name]
            basis = f"tp={s.tp} fp={s.fp} fn={s.fn}" if s.f1 else f"{s.correct}/{s.total}"
            lines.append(f"{name:<24} {s.value:>6.3f}  {basis}")
        if self.mismatches:
            lines.append("")
            lines.append("mismatches:")
            lines += [f"  {doc} {name}: expected {want} got {got}"
                      for doc, name, want, got in self.mismatches]
        return "\n".join(lines)


def _strip_note(value: Any) -> Any:
    return _NOTE.sub("", value) if isinstance(value, str) else value


def _exact(report: Report, doc: str, name: str, want: Any, got: Any) -> None:
    score = report.scores[name]
    score.total += 1
    if want == got:
        score.correct += 1
    else:
        report.mismatches.append((doc, name, repr(want), repr(got)))


def _f1(report: Report, doc: str, name: str, want: Counter[Any], got: Counter[Any]) -> None:
    score = report.scores[name]
    tp = sum((want & got).values())
    score.tp += tp
    score.fp += sum(got.values()) - tp
    score.fn += sum(want.values()) - tp
    if want != got:
        report.mismatches.append((doc, name, repr(sorted(map(str, (want - got).elements()))),
                                  repr(sorted(map(str, (got - want).elements())))))


def _expected_parties(answer: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(side, p) for key, side in _SIDES.items() for p in answer.get(key) or []]


def _count(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return _CN.get(text)


def _represented(value: str, answer: dict[str, Any]) -> frozenset[str]:
    names: list[str] = []
    for piece in _strip_note(value).split(";"):
        piece = piece.strip()
        shared = _SHARED.match(piece)
        if shared:
            n = _count(shared.group("n")) or 0
            same = [p["name"] for _, p in _expected_parties(answer)
                    if not p.get("is_entity") and p.get("role_in_text", "").startswith(
                        shared.group("role"))]
            names += same[:n]
        elif piece:
            names.append(piece)
    return frozenset(names)


def _relation_key(relation: str | None) -> str:
    if not relation:
        return ""
    text = clean(_strip_note(relation))
    return text[1:] if text.startswith("系") else text


def _agent_key(name: str, represents: Iterable[str], firm: str | None, relation: str | None
               ) -> tuple[str, frozenset[str], str]:
    other = normalize_firm(firm) if firm else _relation_key(relation)
    return name, frozenset(represents), other


def _people(record: CaseRecord) -> list[tuple[str, str, Party | Agent]]:
    people: list[tuple[str, str, Party | Agent]] = [(p.name, p.role, p) for p in record.parties]
    people += [(a.name, "agent", a) for a in record.agents]
    return people


def _person_fields(report: Report, doc: str, answer: dict[str, Any], record: CaseRecord) -> None:
    pool = _people(record)
    wanted = [(p["name"], side, p) for side, p in _expected_parties(answer)]
    wanted += [(a["name"], "agent", a) for a in answer.get("agents") or []]
    for name, side, want in wanted:
        match = next((i for i, (n, s, _) in enumerate(pool) if n == name and s == side), None)
        got = pool.pop(match)[2] if match is not None else None
        for attr in ("birth_date", "sex"):
            if want.get(attr):
                _exact(report, doc, attr, want[attr], getattr(got, attr, None))


def _no_objection(response: str) -> bool | None:
    if response in ("admits", "no_objection"):
        return True
    return False if response in ("contests", "partial") else None


def _optional_fields(report: Report, doc: str, answer: dict[str, Any], record: CaseRecord) -> None:
    """Fields that only some answers give: scored where the answer has them."""
    for key, got in (("claim_kind", record.claim_kind),
                     ("defendant_response", record.defendant_response)):
        if answer.get(key):
            _exact(report, doc, key, answer[key], got)
    pool = list(record.parties)
    for _, want in _expected_parties(answer):
        code = want.get("unified_social_credit_code")
        got_party = next((p for p in pool if p.name == want["name"]), None)
        if code:
            _exact(report, doc, "uscc", code, got_party.uscc if got_party else None)
    if "supporters" in answer:
        _f1(report, doc, "supporters_f1", Counter(s["name"] for s in answer["supporters"]),
            Counter(p.name for p in record.parties if p.role == "supporter"))
    evidence = " ".join(s.text for s in record.spans if s.kind == "evidence")
    for word in answer.get("evidence") or []:
        _exact(report, doc, "evidence", word, word if word in evidence else None)


def score_document(report: Report, doc: str, answer: dict[str, Any], record: CaseRecord) -> None:
    """Compare one parsed record with its answer, adding to ``report``."""
    _exact(report, doc, "case_number", normalize_case_number(answer.get("case_number") or ""),
           normalize_case_number(record.case_number or ""))
    _exact(report, doc, "forum", clean(answer.get("court_or_commission") or ""),
           clean(record.forum or ""))
    _exact(report, doc, "document_type", answer.get("document_type"),
           None if record.document_type == "unknown" else record.document_type)
    _exact(report, doc, "procedure", answer["procedure"], record.procedure)
    _exact(report, doc, "cause", _strip_note(answer.get("cause_of_action")), record.cause)
    _f1(report, doc, "parties_f1",
        Counter((p["name"], side) for side, p in _expected_parties(answer)),
        Counter((p.name, p.role) for p in record.parties))
    _f1(report, doc, "agents_f1",
        Counter(_agent_key(a["name"], _represented(a["represents"], answer), a.get("law_firm"),
                           a.get("relation")) for a in answer.get("agents") or []),
        Counter(_agent_key(a.name, a.represents, a.law_firm, a.relation) for a in record.agents))
    _person_fields(report, doc, answer, record)
    period = answer.get("claimed_employment_period") or {}
    _exact(report, doc, "claimed_period", (period.get("start"), period.get("end")),
           (record.claimed_start, record.claimed_end))
    _exact(report, doc, "defendant_no_objection", answer.get("defendant_no_objection"),
           _no_objection(record.defendant_response))
    _exact(report, doc, "defendant_absent", bool(answer.get("defendant_absent")), record.absent)
    _exact(report, doc, "outcome", answer.get("labour_relationship_confirmed"),
           relationship_confirmed(record))
    _exact(report, doc, "judgment_date", answer.get("judgment_date"), record.decision_date)
    related = list(answer.get("related_case_numbers") or [])
    arbitration = answer.get("arbitration") or {}
    related += [n.text for n in find_case_numbers(arbitration.get("document") or "")]
    _exact(report, doc, "related_case_numbers", sorted(normalize_case_number(n) for n in related),
           sorted(normalize_case_number(n) for n in record.related_case_numbers))
    _optional_fields(report, doc, answer, record)


def evaluate(directory: Path) -> Report:
    """Parse every document named in ``directory/answers.json`` and score it."""
    answers = json.loads((directory / "answers.json").read_text(encoding="utf-8"))["documents"]
    report = Report(scores={name: Score(f1=name.endswith("_f1")) for name in FIELDS})
    _score_all(directory, answers, report)
    return report


def _score_all(directory: Path, answers: dict[str, Any], report: Report) -> None:
    for doc in sorted(answers):
        outcome = parse_file(directory / doc)
        report.documents += 1
        record = outcome.record
        if record is None:
            reason = "; ".join(str(p) for p in outcome.problems)
            report.mismatches.append((doc, "record", "a record", f"none ({reason})"))
            record = CaseRecord(case_number=None, forum="", document_type="")
        score_document(report, doc, answers[doc], record)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m ringtrace.loaders.judgments.accuracy DIR (with answers.json)",
              file=sys.stderr)
        return 2
    directory = Path(args[0])
    if not (directory / "answers.json").is_file():
        print(f"{directory}: no answers.json here", file=sys.stderr)
        return 2
    print(evaluate(directory).render())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
