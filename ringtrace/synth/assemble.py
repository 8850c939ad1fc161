"""Turn a numbered :class:`CasePlan` into the interchange record a parser would produce.

The record holds what the document shows, not what the generator knows: masked names on
mirror copies, county-level addresses where the party block gives no more, ID numbers only
where the forum prints them (masked), the employer under the name it had at filing. The
sentences quoted in ``spans`` are kept in a :class:`CaseText` for the raw-text renderer.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ringtrace.graph.records import Agent, CaseRecord, Party, Span
from ringtrace.synth import ids, wording
from ringtrace.synth.casenumbers import mirror_punctuation
from ringtrace.synth.employers import Employer
from ringtrace.synth.names import mask_company, mask_name
from ringtrace.synth.people import Person
from ringtrace.synth.periods import format_period_date
from ringtrace.synth.plan import AgentRole, CasePlan
from ringtrace.synth.rng import Rng
from ringtrace.synth.variation import DEFAULT, Variation
from ringtrace.synth.wording import Voice

_SECOND = {True: "上诉人", False: "被上诉人"}


@dataclass
class PartyLine:
    """One party or agent as the document prints it (the renderer's input)."""

    label: str  # 原告 / 被申请人 / 上诉人（原审被告） / 委托诉讼代理人
    name: str
    party: Party | None = None
    agent: Agent | None = None
    entity: Employer | None = None
    person: Person | None = None


@dataclass(slots=True)
class Mention:
    """One name a document prints, and who it really is (for ``truth.json``)."""

    role: str  # party | agent | legal_rep | supporter
    side: str  # worker | employer | other
    printed: str  # as the record (and, before script and layout changes, the text) has it
    subject: object  # the Person, Employer or Supporter behind the name


@dataclass
class CaseText:
    """Everything the raw-text renderer needs beyond the record itself."""

    voice: Voice
    lines: list[PartyLine] = field(default_factory=list)
    claim: str = ""
    purpose: str | None = None
    response: str | None = None
    absence: str | None = None
    evidence: str | None = None
    outcome: str = ""
    prior_number: str | None = None
    mirror: bool = False
    supporter: str | None = None  # 支持起诉 line (party block) or sentence (body)
    supporter_in_block: bool = False
    addressed: bool = False  # a refusal notice addressed to the applicant by name
    facts: str | None = None  # facts cited from records (a statement's only story, at times)
    mentions: list[Mention] = field(default_factory=list)


def labels(plan: CasePlan) -> tuple[str, str, str, str]:
    """(worker label, employer label, worker role, employer role) for the document's procedure."""
    wip = plan.worker_is_plaintiff
    if plan.procedure == "仲裁":
        return "申请人", "被申请人", "plaintiff", "defendant"
    if plan.procedure == "一审":
        return ("原告", "被告", "plaintiff", "defendant") if wip else \
            ("被告", "原告", "defendant", "plaintiff")
    first_w, first_e = ("原告", "被告") if wip else ("被告", "原告")
    if plan.procedure == "二审":
        w_up = plan.worker_appeals
        return (f"{_SECOND[w_up]}（原审{first_w}）", f"{_SECOND[not w_up]}（原审{first_e}）",
                "plaintiff" if w_up else "defendant", "defendant" if w_up else "plaintiff")
    appeal = plan.prior
    w_second = _SECOND[appeal.worker_appeals] if appeal and appeal.procedure == "二审" else ""
    e_second = _SECOND[not appeal.worker_appeals] if appeal and appeal.procedure == "二审" else ""
    w_app = plan.worker_appeals
    w_tail = f"（一审{first_w}、二审{w_second}）" if w_second else f"（一审{first_w}）"
    e_tail = f"（一审{first_e}、二审{e_second}）" if e_second else f"（一审{first_e}）"
    return (("再审申请人" if w_app else "被申请人") + w_tail,
            ("被申请人" if w_app else "再审申请人") + e_tail,
            "plaintiff" if w_app else "defendant", "defendant" if w_app else "plaintiff")


class Assembler:
    """Builds records in output order from one random stream (deterministic per seed)."""

    def __init__(self, rng: random.Random, var: Variation = DEFAULT) -> None:
        self.rng = rng
        self.var = var
        self._mask_lawyers = False  # per document: do mirror masks cover the lawyers too
        self._mask_companies = False  # per document (varied worlds): and the companies

    def _show(self, name: str, plan: CasePlan, lawyer: bool = False) -> str:
        if plan.mask_style is None or (lawyer and not self._mask_lawyers):
            return name
        return mask_name(name, plan.mask_style)

    def _company(self, emp: Employer, plan: CasePlan) -> str:
        name = emp.name_on(plan.filing)
        if not self._mask_companies or plan.mask_style is None:
            return name
        return mask_company(name, emp.county, plan.mask_style)

    def build(self, plan: CasePlan) -> tuple[CaseRecord, CaseText]:
        rng, var = self.rng, self.var
        self._mask_lawyers = plan.mask_style is not None and rng.random() < 0.5
        mirror = plan.mask_style is not None
        self._mask_companies = var.active and mirror and rng.random() < var.company_mask_share
        w_label, e_label, w_role, e_role = labels(plan)
        arbitration = plan.forum.kind == "arbitration"
        emp_name = self._company(plan.employer, plan)
        workers = [self._worker(plan, p, w_label, w_role, mirror) for p in plan.workers]
        employer = self._employer(plan, plan.employer, e_label, e_role, mirror)
        co = [self._employer(plan, e, e_label, e_role, mirror) for e in plan.co_defendants]
        voice = Voice(w_label.split("（")[0], e_label.split("（")[0],
                      "、".join(p.name for p in workers), emp_name, arbitration,
                      "本委" if arbitration else "本院")
        text = CaseText(voice, mirror=mirror)
        worker_lines = [PartyLine(p.role_in_text, p.name, party=p, person=person)
                        for p, person in zip(workers, plan.workers, strict=True)]
        employer_lines = [PartyLine(p.role_in_text, p.name, party=p, entity=e)
                          for p, e in zip([employer, *co], [plan.employer, *plan.co_defendants],
                                          strict=True)]
        w_agents = [self._agent(plan, a, [p.name for p in workers], voice.worker_label,
                                workers[0].name) for a in plan.worker_agents]
        e_agents = [self._agent(plan, a, [employer.name], voice.employer_label, "")
                    for a in plan.employer_agents]
        worker_block = worker_lines + [PartyLine("", a.name, agent=a, person=r.person)
                                       for a, r in zip(w_agents, plan.worker_agents, strict=True)]
        # the employer's agents follow the employer they act for, before any co-defendant
        employer_block = employer_lines[:1] + [PartyLine("", a.name, agent=a, person=r.person)
                                               for a, r in zip(e_agents, plan.employer_agents,
                                                               strict=True)] + employer_lines[1:]
        first, second = (worker_block, employer_block) if w_role == "plaintiff" else \
            (employer_block, worker_block)
        text.lines = first + second
        agents = [*w_agents, *e_agents] if w_role == "plaintiff" else [*e_agents, *w_agents]
        if plan.prior is not None:
            prior = plan.prior
            text.prior_number = prior.written_number if rng.random() < 0.6 else \
                prior.case_number
        tpl = Rng(plan.template) if plan.template is not None else rng
        former = plan.employer.former[-1][0] if plan.employer.former else None
        text.claim = wording.claim_sentence(tpl, plan, voice)
        text.purpose = wording.purpose_sentence(tpl, plan, voice)
        text.response = wording.response_sentence(tpl, plan, voice, former)
        text.absence = wording.absence_sentence(tpl, plan, voice)
        text.evidence = wording.evidence_sentence(plan, voice)
        if plan.supporter is not None:
            text.supporter = wording.supporter_sentence(tpl, plan, voice)
            text.supporter_in_block = plan.supporter_in_block
        if plan.facts_note is not None:
            text.facts = wording.facts_note(plan, voice)
        prior_text = ""
        if plan.prior is not None and text.prior_number:
            kind = "仲裁裁决" if plan.prior.forum.kind == "arbitration" else "民事判决"
            prior_text = f"{plan.prior.forum.name}{text.prior_number}{kind}"
        text.outcome = wording.outcome_sentence(tpl, plan, voice, prior_text)
        if var.active and plan.document_type == "不予受理通知书" \
                and rng.random() < var.unlabelled_refusal_share:
            text.addressed = True  # "王秀英：你提出的…" with no 申请人 label
            text.outcome = wording.addressed_refusal(tpl, plan, voice)
        if mirror:  # mirror sites re-type with half-width punctuation; quotes follow the text
            for name in ("claim", "purpose", "response", "absence", "evidence", "outcome",
                         "prior_number", "supporter", "facts"):
                value = getattr(text, name)
                if value:
                    setattr(text, name, mirror_punctuation(value))
        if text.addressed:  # the notice quotes nothing but its decision
            spans = [Span("outcome", text.outcome)]
        elif plan.short_statement:  # the statement prints no claim, answer or evidence
            spans = [Span("other", s) for s in (text.supporter, text.facts) if s]
            spans.append(Span("outcome", text.outcome))
        else:
            spans = [Span("claim", text.claim)]
            for kind, sentence in (("purpose", text.purpose),
                                   ("defendant_response", text.response),
                                   ("absence", text.absence), ("other", text.evidence),
                                   ("other", text.supporter), ("other", text.facts)):
                if sentence:
                    spans.append(Span(kind, sentence))
            spans.append(Span("outcome", text.outcome))
        record = CaseRecord(
            case_number=plan.written_number,
            forum=plan.forum.name,
            document_type=plan.document_type,
            procedure=plan.procedure,
            forum_kind=plan.forum.kind,
            court_code=plan.forum.court_code,
            region_code=plan.forum.region_code,
            cause=plan.cause,
            filing_date=plan.filing.isoformat() if rng.random() < (
                1.0 - var.missing_filing_share if var.active else 0.9) else None,
            hearing_date=plan.hearing.isoformat() if plan.hearing and (
                arbitration or rng.random() < 0.2) else None,
            decision_date=plan.decision.isoformat(),
            simple_procedure=plan.simple if plan.procedure == "一审" else None,
            parties=[p for line in text.lines if (p := line.party) is not None],
            agents=agents,
            claim_kind=plan.claim_kind,
            claim_amounts=list(plan.amounts),
            claimed_start=format_period_date(plan.claimed_start, plan.precision)
            if plan.claimed_start else None,
            claimed_end=format_period_date(plan.claimed_end, plan.precision)
            if plan.claimed_end else None,
            defendant_response=plan.response,
            absent=plan.absent,
            outcome=plan.outcome,
            related_case_numbers=[text.prior_number] if text.prior_number else [],
            spans=spans,
        )
        text.mentions = _mentions(text, plan)
        return record, text

    # -- parties ----------------------------------------------------------------------
    def _worker(self, plan: CasePlan, person: Person, label: str, role: str,
                mirror: bool) -> Party:
        rng = self.rng
        precise = rng.random() < 0.62
        birth = 1.0 - self.var.missing_birth_share if self.var.active else 0.97
        return Party(
            name=self._show(person.name, plan), role=role,
            role_in_text=mirror_punctuation(label) if mirror else label, side="worker",
            is_entity=False,
            sex=person.sex, birth_date=person.birth_iso if rng.random() < birth else None,
            ethnicity=person.ethnicity if rng.random() < 0.92 else None,
            address=person.address if precise else person.short_address(rng.random() < 0.6),
            id_number=ids.masked_id(person.id_number, plan.id_style)
            if plan.id_style is not None else None,
            phone=person.phone if plan.show_phone else None,
            occupation=person.occupation if rng.random() < 0.2 else None,
        )

    def _employer(self, plan: CasePlan, emp: Employer, label: str, role: str,
                  mirror: bool) -> Party:
        rng, var = self.rng, self.var
        modern = plan.filing.year >= 2016
        show_code = rng.random() < (var.uscc_print_modern if modern else var.uscc_print_old)
        rep = emp.legal_rep.name if rng.random() < 0.95 else None
        return Party(
            name=self._company(emp, plan), role=role,
            role_in_text=mirror_punctuation(label) if mirror else label, side="employer",
            is_entity=True,
            address=emp.address if rng.random() < 0.85 else emp.county.local_name,
            uscc=emp.uscc if show_code else None,
            phone=emp.phone if plan.show_phone and rng.random() < 0.5 else None,
            legal_representative=self._show(rep, plan) if rep else None,
            legal_representative_title=emp.legal_rep_title if rep else None,
        )

    def _agent(self, plan: CasePlan, role: AgentRole, represents: list[str], party_label: str,
               worker_name: str) -> Agent:
        rng, var = self.rng, self.var
        person = role.person
        professional = role.kind in ("lawyer", "intern", "legal_aid")
        relation = role.relation
        if role.kind == "relative" and relation:
            relation = f"{party_label}之{relation}" if rng.random() < 0.7 else \
                f"{worker_name}之{relation}"
        details = not professional and rng.random() < (
            1.0 - var.agent_bare_share if var.active else 0.7)
        kind, firm = role.kind, role.firm
        if var.active and professional and rng.random() < var.lawyer_bare_share:
            kind, firm = "other", None  # printed as a bare name: nothing says "lawyer"
        return Agent(
            name=self._show(person.name, plan, lawyer=professional), represents=represents,
            kind=kind, relation=relation, authority=role.authority,
            law_firm=mirror_punctuation(firm) if firm and plan.mask_style else firm,
            sex=person.sex if details else None,
            birth_date=person.birth_iso if details else None,
            address=(person.address if rng.random() < 0.6 else person.short_address(True))
            if details else None,
            phone=person.phone if plan.show_phone and not professional else None,
        )


def _mentions(text: CaseText, plan: CasePlan) -> list[Mention]:
    """Every name the document prints for a party, agent, legal representative or supporter,
    in party-block order, with the real person or organisation behind it."""
    out: list[Mention] = []
    agent_side = "worker"
    for line in text.lines:
        if line.party is not None:
            party = line.party
            agent_side = party.side
            subject = line.entity if party.is_entity else line.person
            out.append(Mention("party", party.side, party.name, subject))
            if party.is_entity and party.legal_representative and line.entity is not None:
                out.append(Mention("legal_rep", "employer", party.legal_representative,
                                   line.entity.legal_rep))
        elif line.agent is not None:
            out.append(Mention("agent", agent_side, line.agent.name, line.person))
    if plan.supporter is not None and text.supporter:
        out.append(Mention("supporter", "other", plan.supporter.name, plan.supporter))
    return out
