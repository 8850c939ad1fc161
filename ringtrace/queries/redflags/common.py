"""Shared helpers for rule families: dates, ages, case predicates and evidence quotes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Generic, Literal, TypeVar

from ringtrace.datemath import add_months, add_years
from ringtrace.graph.props import PersonProps
from ringtrace.queries.findings import Evidence, Finding
from ringtrace.queries.frame import CaseInfo, Frame, PartyRef
from ringtrace.queries.redflags.params import RuleParams
from ringtrace.queries.rules import RuleConfig

K = TypeVar("K")
V = TypeVar("V")
#: a rule's parameter class; covariant, so that one list holds rules of every parameter class
#: (a rule's ``run`` is only ever called with what its ``params_of`` builds)
P_co = TypeVar("P_co", bound=RuleParams, covariant=True)

#: agent kinds that practise law; colleagues share a firm's phone, a firm serves many clients
#: (``legal_worker``: a licensed 基层法律服务工作者 of a 法律服务所, see frame.agent_kind)
PROFESSIONAL = ("lawyer", "intern", "legal_aid", "legal_worker")

#: how many case numbers a finding's evidence lists (display only: the finding holds every case)
CITED_CASES = 30


@dataclass(frozen=True)
class Rule(Generic[P_co]):
    """A red-flag rule: id, family, Chinese title, and the function that finds its hits.

    Generic in the rule's parameter class, so that mypy refuses a rule whose ``run`` reads
    another class than the ``params`` it declares (tests/queries/redflags/test_params.py
    checks that the two are the very same class)."""

    id: str
    family: str
    title: str
    #: the frame and the rule's typed parameters to its findings
    run: Callable[[Frame, P_co], Iterator[Finding]]
    #: a mitigating rule lowers the score of the cases it hits instead of raising it
    mitigating: bool = False
    #: the class of the rule's parameters, built from its ``rules.toml`` table (``run`` takes
    #: an instance)
    params: type[P_co] = field(kw_only=True)

    def params_of(self, config: RuleConfig) -> P_co:
        """This rule's parameters in ``config``, checked (:meth:`RuleParams.from_table`)."""
        return self.params.of(config, self.id)


class LazyMap(dict[K, V]):
    """A dict that computes a missing key's value with ``compute`` when first read, and keeps
    it: reading a known key is one dict lookup instead of a call (rules ask for the same
    employer, birth date or date string many times)."""

    def __init__(self, compute: Callable[[K], V]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, key: K) -> V:
        value = self[key] = self.compute(key)
        return value


def to_date(value: Any, *, end: bool = False) -> dt.date | None:
    """ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` to a date (start of period, or its end)."""
    if not value or not isinstance(value, str):
        return None
    return _parse_date(value, end)


@lru_cache(maxsize=1 << 17)
def _parse_date(value: str, end: bool) -> dt.date | None:
    """:func:`to_date` for a non-empty string, remembered: a province has a few ten thousand
    distinct dates, read again by every rule."""
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
        if len(parts) > 2:
            return dt.date(year, month, int(parts[2]))
        if end:
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(year, month, 1)
    except (ValueError, IndexError):
        return None


def years_between(a: dt.date, b: dt.date) -> float:
    return (b - a).days / 365.25


#: 全国人大常委会关于实施渐进式延迟法定退休年龄的决定 (2024-09-13, in force 2025-01-01): for each
#: former retirement age, whose age it is, the first birth month it delays, how many birth
#: months add one month of delay, and the most delay (men 60 → 63 and women cadres 55 → 58, a
#: month per four months of birth; women workers 50 → 55, a month per two)
_DELAY = {60: ("男", 1965, 4, 36), 55: ("女", 1970, 4, 36), 50: ("女", 1975, 2, 60)}


def retirement_days(birth: dt.date, age: int, sex: object = None) -> tuple[dt.date, ...]:
    """The days a worker born on ``birth``, of ``sex`` (``男``/``女`` as the party line or the
    ID number's 17th digit gives it; anything else is unknown), may retire at the former
    statutory age ``age``.

    * Sex known: a woman's 60th birthday is none (no rule ever retired a woman at 60; the
      2024 decision raises women cadres to 58 at most). A man's 55th or 50th is his birthday
      only: the ages of 国发〔1978〕104号 art. 1 for men in 特殊工种 (underground, high-altitude,
      high-temperature or especially heavy work: 55) and for a man certified wholly unable to
      work (50) - a mine or a heavy-industry host's men retire so (docs/domain.md §1.3), and
      no delayed day follows those. The sex's own age gives the birthday, and for those born
      since the 2024 decision's first cohort of that sex also the day it delays retirement
      to (the birthday stays a lawful day: elastic early retirement may come back to the
      former age).
    * Sex unknown (a copy that prints neither 性别 nor the ID number): the birthday only. Every
      day offered is a chance for a genuine worker's end to meet it by coincidence, and both
      readers of these days err against the worker when it does - ``TL_END_AT_RETIREMENT``
      incriminates, and an end at retirement keeps a workforce from ``EVID_ENDED_TOGETHER`` -
      so the wider window is not the safe side for precision. The former birthdays stay: they
      are the published pattern (docs/domain.md P3, ends on a 50th or 60th birthday), were
      the only lawful days for every claim ending before 2025, and dropping them would silence
      the rule wherever a publisher leaves sex out. The delayed day is one sex's schedule
      (six days in all for three ages) and is offered only when the sex says whose it is.

    >>> retirement_days(dt.date(1964, 12, 5), 60, "男")
    (datetime.date(2024, 12, 5),)
    >>> retirement_days(dt.date(1966, 1, 31), 60, "男")   # 12 birth months after January 1965: 4 months
    (datetime.date(2026, 1, 31), datetime.date(2026, 5, 31))
    >>> retirement_days(dt.date(1966, 1, 31), 60, "女"), retirement_days(dt.date(1966, 1, 31), 60)
    ((), (datetime.date(2026, 1, 31),))
    >>> retirement_days(dt.date(1971, 5, 2), 55, "男")   # 特殊工种: the birthday, no delay
    (datetime.date(2026, 5, 2),)
    >>> retirement_days(dt.date(1990, 3, 1), 50, "女")[-1]  # women workers: at most five years
    datetime.date(2045, 3, 1)
    """
    birthday = add_years(birth, age)
    rule = _DELAY.get(age)
    if rule is None:
        return (birthday,)
    whose, first_year, per, most = rule
    if sex not in ("男", "女"):
        return (birthday,)
    if sex != whose:
        return (birthday,) if sex == "男" else ()
    months = (birth.year - first_year) * 12 + birth.month - 1
    if months < 0:
        return (birthday,)
    return birthday, add_months(birthday, min(most, months // per + 1))


#: the dates that stand for a case's filing, best first (:func:`filing_date`)
_FILING_DATES: tuple[Literal["filing_date", "hearing_date", "decision_date"], ...] = (
    "filing_date", "hearing_date", "decision_date")


def filing_date(case: CaseInfo) -> dt.date | None:
    """The best available date of filing: filing, else hearing, else decision date."""
    for key in _FILING_DATES:
        d = to_date(case.props.get(key))
        if d is not None:
            return d
    return None


def is_confirmation(case: CaseInfo) -> bool:
    """A labour-relationship confirmation case (the population the scheme hides in): by its
    cause, claim or outcome, or a mediation that only confirms a relationship
    (:func:`confirmed_by_agreement`)."""
    return case.confirmation or confirmed_by_agreement(case)


#: causes that name no particular dispute: the agreement says what the case was about
GENERIC_CAUSES = ("劳动争议", "劳动人事争议")


def confirmed_by_agreement(case: CaseInfo) -> bool:
    """A mediation statement whose agreement confirms a labour relationship over a period and
    says nothing else: no claim the parser could read, no amount, a cause that names no other
    dispute (``劳动争议``).

    Mediated confirmations are often written up as the parties and a one-line agreement
    (``双方当事人自愿达成如下协议：确认韩某与郑州某建筑工程公司自2000年8月至2013年8月存在劳动关系；双方再无
    其他争议。``): the whole story is that line (issue 15: "cases closed by mediation
    where the whole story is in a short statement"). Such a statement is a confirmation case
    as much as a judgment confirming the same period - it is what the 补缴 office is shown -
    though neither its cause nor a claim says so. A mediated wage or severance settlement
    names amounts or its own cause (追索劳动报酬纠纷) and is not one; neither is an agreement
    that pays an amount the parser did not read (``一次性支付申请人款项（大写：壹万元整）``: in
    words only), which its quoted operative part shows (:data:`AGREEMENT_PAYS`).
    """
    props = case.props
    mediated = (props.get("outcome") == "mediated"
                or str(props.get("document_type") or "").endswith("调解书"))
    cause = props.get("cause")
    return (mediated and props.get("claim_kind") in (None, "unknown") and not case.claim_amounts
            and bool(props.get("claimed_start")) and bool(props.get("claimed_end"))
            and (not cause or cause in GENERIC_CAUSES)
            and not AGREEMENT_PAYS.search(first_text(case, "outcome") or ""))


#: an agreement that pays something, whether or not an amount was read: a settlement, not a
#: bare confirmation (``工资已结清`` settles nothing now and is not one)
AGREEMENT_PAYS = re.compile(r"支付|给付|付给|支给|赔付|发放|付清|款项|现金|大写")


def uncontested(case: CaseInfo) -> bool:
    """The employer side did not fight: admitted, no objection, mediated or absent."""
    return case.uncontested


def fired_cases(frame: Frame) -> dict[str, set[str]]:
    """rule id -> the cases its findings implicate, for the rules run so far on this frame
    (filled by :func:`~ringtrace.queries.redflags.run_all` in catalogue order; a rule switched
    off fired on nothing)."""
    fired: dict[str, set[str]] = frame.memoised("redflags.fired", dict)
    return fired


def confirmation_cases(frame: Frame) -> list[CaseInfo]:
    """The confirmation cases, ordered by case id (computed once per frame)."""
    return frame.memoised("redflags.confirmation_cases",
                          lambda: [c for c in frame.case_list() if is_confirmation(c)])


@dataclass(slots=True)
class WorkerFacts:
    """A worker of a case with the person facts the rules read."""

    ref: PartyRef
    #: ``birth_date`` as recorded, and as a date (None when missing or unreadable)
    birth_text: str | None
    birth: dt.date | None
    sex: str | None
    address: str | None


@dataclass(slots=True)
class CaseFacts:
    """One confirmation case with its dates parsed and its workers looked up, once per frame
    (many rules read the same few fields; reading them once keeps the catalogue fast)."""

    case: CaseInfo
    #: :func:`filing_date` (filing, else hearing, else decision date)
    filed: dt.date | None
    #: the ``filing_date`` and ``decision_date`` fields themselves
    filing: dt.date | None
    decided: dt.date | None
    #: the claimed period: start, and the first and the last day of its end period
    start: dt.date | None
    end: dt.date | None
    end_last: dt.date | None
    workers: list[WorkerFacts]
    #: ``claimed_end`` as recorded (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or None)
    end_text: str | None = None

    @property
    def group_suit(self) -> bool:
        """One document for several applicants: its claimed period is the group's, not any
        one member's (:mod:`ringtrace.queries.redflags.timeline`, "Group suits")."""
        return len(self.workers) > 1


def case_facts(frame: Frame) -> list[CaseFacts]:
    """:class:`CaseFacts` of every confirmation case, in :func:`confirmation_cases` order
    (computed once per frame)."""
    def build() -> list[CaseFacts]:
        reader = _FactReader(frame.persons)
        return [reader.facts(c) for c in confirmation_cases(frame)]
    return frame.memoised("redflags.case_facts", build)


def _last_day(value: str | None) -> dt.date | None:
    return to_date(value, end=True)


class _FactReader:
    """Builds :class:`CaseFacts`, reading each distinct date once."""

    def __init__(self, persons: Mapping[str, PersonProps]) -> None:
        self.persons = persons
        # the dates of a frame repeat a lot: each distinct recorded value is parsed once
        self.first_day: LazyMap[str | None, dt.date | None] = LazyMap(to_date)
        self.last_day: LazyMap[str | None, dt.date | None] = LazyMap(_last_day)

    def facts(self, case: CaseInfo) -> CaseFacts:
        props, day = case.props, self.first_day
        filing, decided = day[props.get("filing_date")], day[props.get("decision_date")]
        filed = filing or day[props.get("hearing_date")] or decided
        claimed_end = props.get("claimed_end")
        return CaseFacts(case, filed, filing, decided, day[props.get("claimed_start")],
                         day[claimed_end], self.last_day[claimed_end],
                         [self.worker(w) for w in case.workers], claimed_end)

    def worker(self, ref: PartyRef) -> WorkerFacts:
        person = self.persons.get(ref.id, {})
        birth_text = person.get("birth_date")
        return WorkerFacts(ref, birth_text, self.first_day[birth_text], person.get("sex"),
                           person.get("address"))


def busiest_window(dated: list[tuple[dt.date, str]], window: int) -> list[str]:
    """The cases of the earliest largest run of ``dated`` (sorted (day, case id) pairs) that
    spans at most ``window`` days.

    >>> d = dt.date
    >>> busiest_window([(d(2020, 1, 1), "a"), (d(2020, 6, 1), "b"), (d(2021, 3, 1), "c")], 300)
    ['a', 'b']
    """
    best_lo = best_size = lo = 0
    for hi, (day, _) in enumerate(dated):
        while (day - dated[lo][0]).days > window:
            lo += 1
        if hi - lo + 1 > best_size:
            best_lo, best_size = lo, hi - lo + 1
    return [c for _, c in dated[best_lo:best_lo + best_size]]


def employer_confirmation_cases(frame: Frame) -> dict[str, list[CaseFacts]]:
    """Every employer with cases (in id order) -> the facts of its confirmation cases, in case
    id order, possibly none (computed once per frame)."""
    def build() -> dict[str, list[CaseFacts]]:
        by_employer: dict[str, list[CaseFacts]] = {}
        for facts in case_facts(frame):
            for ref in facts.case.employers:
                found = by_employer.get(ref.id)
                if found is None:
                    by_employer[ref.id] = [facts]
                else:
                    found.append(facts)
        return {employer: by_employer.get(employer, [])
                for employer in sorted(frame.employer_cases)}
    return frame.memoised("redflags.employer_confirmation_cases", build)


@dataclass(frozen=True)
class Workforce:
    """When the registry gives no headcount, the suits can show a big employer's workforce.

    A registry row may be missing (no match, an old SOE never re-registered) or carry no 参保人数,
    and then nothing says an employer is large. Its suits can: a scheme uses a host employer for
    a few years - until it is exhausted, closed or noticed (Anyang's "被密集起诉", docs/domain.md
    R3) - while a real workforce of a mill, a mine or a builder keeps producing confirmation
    suits year after year as its former workers reach retirement or lose their papers. At least
    ``min_workers`` different workers whose confirmation suits were filed in at least
    ``min_years`` different calendar years make a workforce (``[rules.GROUP_UNPROVEN]``).
    """

    min_workers: int
    min_years: int


def large_employers(frame: Frame, min_headcount: int, workforce: Workforce) -> frozenset[str]:
    """The employers big enough that many suits against them are no group: insured for
    ``min_headcount`` people or more, or of unknown headcount with suits that show a workforce
    (:class:`Workforce`); computed once per frame and thresholds."""
    def build() -> frozenset[str]:
        found: set[str] = set()
        for employer, facts in employer_confirmation_cases(frame).items():
            headcount = frame.employers.get(employer, {}).get("insured_headcount")
            if isinstance(headcount, int):
                if headcount >= min_headcount:
                    found.add(employer)
                continue
            if len(facts) < workforce.min_workers:
                continue
            workers = {w.ref.id for f in facts for w in f.workers}
            years = {f.filed.year for f in facts if f.filed is not None}
            if len(workers) >= workforce.min_workers and len(years) >= workforce.min_years:
                found.add(employer)
        return frozenset(found)
    key = f"redflags.large.{min_headcount}.{workforce.min_workers}.{workforce.min_years}"
    return frame.memoised(key, build)


def span(case: CaseInfo, kind: str | tuple[str, ...] | None = None,
         keywords: tuple[str, ...] = ()) -> str | None:
    """The first quoted span of ``kind`` (one kind or several) that contains one of
    ``keywords`` (any text when none are given), in document order."""
    return span_finder(kind, keywords)(case)


def span_finder(kind: str | tuple[str, ...] | None = None,
                keywords: tuple[str, ...] = ()) -> Callable[[CaseInfo], str | None]:
    """:func:`span` with ``kind`` and ``keywords`` read once, for a rule that searches every
    case for the same kind and keywords."""
    kinds = (kind,) if isinstance(kind, str) else kind
    contains_keyword = any_of(keywords).search if keywords else None

    def find(case: CaseInfo) -> str | None:
        for s in case.spans:
            if kinds is not None and s.get("kind") not in kinds:
                continue
            text = s.get("text", "")
            if contains_keyword is None or contains_keyword(text):
                return text
        return None

    return find


#: a sentence or clause of quoted text, up to 。 ； or a line break
_SENTENCE = re.compile(r"[^。；;\n]+")


def sentences(text: str) -> list[str]:
    """The sentences of a quoted span (split at 。 ； and line breaks).

    >>> sentences("被告前身系某厂。2003年改制；原告随厂转入")
    ['被告前身系某厂', '2003年改制', '原告随厂转入']
    """
    return _SENTENCE.findall(text)


def sentence_around(text: str, pos: int) -> str:
    """The sentence of ``text`` that holds position ``pos`` ('' at a separator).

    >>> sentence_around("原告提交了工资表。社保缴费记录显示其以灵活就业人员身份参保。", 10)
    '社保缴费记录显示其以灵活就业人员身份参保'
    """
    for m in _SENTENCE.finditer(text):
        if m.start() <= pos < m.end():
            return m.group(0)
    return ""


@lru_cache(maxsize=256)
def any_of(keywords: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that matches wherever one of ``keywords`` occurs (one scan of the text
    instead of one per keyword); with no keywords, a pattern that matches nothing."""
    if not keywords:
        return re.compile("(?!)")  # an empty lookahead that fails: no match anywhere
    return re.compile("|".join(re.escape(k) for k in keywords))


def text_evidence(case: CaseInfo, kind: str, fallback: str) -> Evidence:
    """The first span of ``kind`` quoted, else ``fallback`` as a record fact."""
    quoted = first_text(case, kind)
    if quoted:
        return Evidence("text", case.case_number, quoted)
    return Evidence("record", case.case_number, fallback)


def first_text(case: CaseInfo, kind: str) -> str | None:
    """``span(case, kind)`` for one kind and no keywords, without building a finder: it is
    read for most findings."""
    for s in case.spans:
        if s.get("kind") == kind:
            text: str = s.get("text", "")
            return text
    return None


def case_finding(rule_id: str, case: CaseInfo, summary: str,
                 *evidence: Evidence) -> Finding:
    return Finding(rule_id, case.id, [case.id], summary, list(evidence))
