"""Assemble one :class:`~ringtrace.graph.records.CaseRecord` from a document's text.

Steps: markup to lines (:mod:`.text`), traditional to simplified (:mod:`.tradsimp`), mirror
metadata (:mod:`.metadata`), header (:mod:`.header`), party block (:mod:`.block`), body sections
(:mod:`.sections`), then proceedings, claims, the employer's response and the outcome. Each step
reads its own slice of the text, so the cost stays linear in the document length.

Nothing here raises on odd input; missing pieces become :class:`~ringtrace.errors.RecordProblem`
entries. A record is kept when it names a forum or a party; without a forum it also needs a
case number, both sides, or a claim or decision about the side it names (a repost cut before
its header and party block).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ringtrace.errors import RecordProblem
from ringtrace.graph.records import CaseRecord, Span
from ringtrace.loaders.judgments.agents import (
    agents_from_record,
    merge_agents,
    refine_from_record,
    relation_from_body,
)
from ringtrace.loaders.judgments.block import PartyBlock, read_party_block
from ringtrace.loaders.judgments.claims import agreement_claim, read_claims
from ringtrace.loaders.judgments.header import Header, cause_of, find_case_numbers, read_header
from ringtrace.loaders.judgments.metadata import Metadata, read_metadata
from ringtrace.loaders.judgments.notice import (
    addressee_block,
    mentioned_parties,
    reads_as_refusal_notice,
)
from ringtrace.loaders.judgments.outcome import lower_outcome_text, read_outcome
from ringtrace.loaders.judgments.parties import (
    assign_sides,
    collect_aliases,
    cross_appeal_roles,
)
from ringtrace.loaders.judgments.patterns import (
    COMMISSION_SELF,
    EVIDENCE_WORDS,
    SUPPORTED_SUIT,
    SUPPORTING_BODY,
)
from ringtrace.loaders.judgments.proceedings import (
    decision_date,
    filing_date,
    hearing_date,
    simple_procedure,
)
from ringtrace.loaders.judgments.rejoin import broken_breaks, join_at
from ringtrace.loaders.judgments.response import read_response, sentence_at
from ringtrace.loaders.judgments.revocation import sham_findings
from ringtrace.loaders.judgments.sections import Sections, find_sections
from ringtrace.loaders.judgments.speakers import sides
from ringtrace.loaders.judgments.text import (
    clean_text,
    html_to_text,
    looks_like_html,
    strip_provenance,
)
from ringtrace.loaders.judgments.tradsimp import is_traditional, to_simplified

_SPAN_LIMIT = 300
_REPLACEMENT = "\ufffd"
_REPLACEMENT_RUN = re.compile(_REPLACEMENT + "+")


@dataclass
class ParseOutcome:
    """What parsing one document produced: a (possibly partial) record and its problems.

    ``record`` is None when the text is not recognisably a judgment, mediation statement or
    award; ``problems`` then says why (a quarantine reason). With a record, problems are
    warnings about missing or doubtful fields.
    """

    record: CaseRecord | None
    problems: list[RecordProblem] = field(default_factory=list)


class _Problems:
    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[RecordProblem] = []

    def add(self, line: int, field_name: str, reason: str, raw: str = "") -> None:
        self.items.append(RecordProblem(self.source, line, field_name, reason, raw[:500],
                                        severity="warning"))


def sha256_text(text: str) -> str:
    """The document id: sha256 hex of the decoded text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def prepare(text: str) -> str:
    """Plain, cleaned, simplified text of a document given as text or HTML."""
    return _prepare(text)[0]


def _prepare(text: str) -> tuple[str, str]:
    """(simplified, as printed): the same plain text, character for character, so that an
    offset found in the first slices the printed form from the second (case numbers). Lines
    broken in mid-sentence are joined in both at the same places (:mod:`.rejoin`)."""
    plain = strip_provenance(text)
    plain = html_to_text(plain) if looks_like_html(plain) else plain
    plain = clean_text(plain)
    simple = to_simplified(plain) if is_traditional(plain) else plain
    breaks = broken_breaks(simple)
    if not breaks:
        return simple, plain
    joined = join_at(plain, breaks)
    return (join_at(simple, breaks) if simple is not plain else joined), joined


def parse_document(text: str, source_path: str | None = None) -> ParseOutcome:
    """Parse one document's text (plain or HTML) into a record; see the module docstring."""
    source = source_path or "<text>"
    problems = _Problems(source)
    plain, printed = _prepare(text)
    if not plain.strip():
        return ParseOutcome(None, [RecordProblem(source, 1, "", "empty document")])
    meta = read_metadata(plain)
    header = read_header(plain, meta)
    block = read_party_block(plain, header.party_start)
    if not block.parties and (header.document_type == "不予受理通知书" or (
            header.document_type is None and reads_as_refusal_notice(plain, header.party_start))):
        block = addressee_block(plain, header.party_start)
    mentioned = False
    if not block.parties:  # a copy cut before its party block: the sides named in the body
        block = mentioned_parties(plain, header.party_start)
        mentioned = bool(block.parties)
    if not header.forum and not block.parties:
        return ParseOutcome(None, [RecordProblem(
            source, 1, "", "not a judgment, mediation statement or award: no court, "
            "arbitration commission or party lines found", plain[:200])])
    if not header.forum and not _both_sides(block) and header.case_number is None and \
            not _states_the_case(plain, block):
        return ParseOutcome(None, [RecordProblem(
            source, 1, "forum", "no court or arbitration commission, no case number, no "
            "plaintiff and defendant lines and no claim or decision about a named party: not "
            "recognisably a judgment, mediation statement or award", plain[:200])])
    record = _assemble(plain, meta, header, block, problems)
    if mentioned:
        record.mark_inferred("parties", "named in the body (no party lines)")
        problems.add(1, "parties", "no party lines; the parties are the two sides named in "
                     "the body")
    _printed_numbers(record, header, plain, printed)
    record.doc_id = sha256_text(text)
    record.source_path = source_path
    return ParseOutcome(record, problems.items)


def _states_the_case(text: str, block: PartyBlock) -> bool:
    """A fragment naming one side and stating a claim or a decision (``申请人张某请求依法判令：
    被申请人支付…``) is a case whose other side was cut off: it is read, keyed by content."""
    if not block.parties:
        return False
    landmarks = find_sections(text, 0).first
    return "claims" in landmarks or "operative" in landmarks


def _both_sides(block: PartyBlock) -> bool:
    roles = {p.party.role for p in block.parties}
    return "plaintiff" in roles and "defendant" in roles


#: where a mirror page's own furniture begins after the document: lists of other documents
#: (``相关文书``, ``下一篇``…), whose case numbers are no part of this one's story
_PAGE_TAIL = re.compile(r"\n[ \t\u3000]*(?:相关文书|相关案例|相关裁判文书|相关推荐|推荐阅读|猜你喜欢|热门文书|"
                        r"上一篇|下一篇)[ \t\u3000]*[:：]?[ \t\u3000]*\n")


def _page_tail(text: str, start: int) -> int:
    """The end of the document in ``text`` (a mirror page's lists of other documents cut)."""
    m = _PAGE_TAIL.search(text, start)
    return m.start() if m else len(text)


def _printed_numbers(record: CaseRecord, header: Header, plain: str, printed: str) -> None:
    """Keep case numbers as printed (traditional script stays traditional); identity uses
    :func:`~ringtrace.graph.identity.normalize_case_number`, which folds the scripts."""
    if plain is printed or plain == printed:
        return
    number = header.case_number
    if number is not None and number.start >= 0:
        record.case_number = printed[number.start:number.end]
    record.related_case_numbers = [printed[n.start:n.end] for n in
                                   find_case_numbers(plain, header.party_start,
                                                     _page_tail(plain, header.party_start))
                                   if n.start >= 0 and printed[n.start:n.end] !=
                                   record.case_number][:len(record.related_case_numbers)]


_PROCEDURE_BY_LABEL = (("再审申请人", "再审"), ("申诉人", "再审"), ("被上诉人", "二审"), ("上诉人", "二审"))
_TYPE_BY_OPERATIVE = (("判决如下", "判决书"), ("裁定如下", "裁定书"), ("裁决如下", "仲裁裁决书"),
                      ("协议", "调解书"))


#: a commission speaking of itself, or its decision: ``本委认为`` / ``经本委主持调解`` / ``裁决如下``;
#: older commissions (劳动争议仲裁委员会) say 本会: ``经本会主持调解``, ``本会认为``
_COMMISSION_VOICE = re.compile(r"本委|" + COMMISSION_SELF + r"|仲裁庭|裁决如下")


def _infer_commission(record: CaseRecord, header: Header, meta: Metadata,
                      sections: Sections) -> None:
    """Without a forum, a case number or metadata, a body in a commission's voice (``本委认为``,
    ``裁决如下``) is an arbitration."""
    if header.forum or header.case_number is not None or meta.get("审理程序") or \
            meta.get("法院") or meta.get("审理法院"):
        return
    voice = _COMMISSION_VOICE.search(sections.text, sections.start, sections.end)
    if voice is None:
        return
    record.forum_kind, record.procedure = "arbitration", "仲裁"
    record.mark_inferred("procedure", f"a commission's voice ({voice.group(0)})")
    if record.document_type == "调解书":  # titled 调解书, mediated by the commission
        record.document_type = "仲裁调解书"


def _infer_procedure(record: CaseRecord, header: Header, meta: Metadata) -> None:
    """Without a case number or a 审理程序 field, the party labels tell the instance."""
    if header.case_number is not None or meta.get("审理程序") or record.forum_kind != "court":
        return
    labels = " ".join(p.role_in_text for p in record.parties)
    for label, procedure in _PROCEDURE_BY_LABEL:
        if label in labels:
            record.procedure = procedure
            record.mark_inferred("procedure", f"party label {label}")
            return


def _infer_document_type(record: CaseRecord, header: Header, sections: Sections,
                         problems: _Problems) -> None:
    if header.document_type is not None:
        return
    if sections.operative is not None:
        label = sections.text[sections.operative:sections.operative + 8]
        for word, doc_type in _TYPE_BY_OPERATIVE:
            if word in label:
                if doc_type == "调解书" and record.forum_kind == "arbitration":
                    doc_type = "仲裁调解书"
                record.document_type = doc_type
                record.mark_inferred("document_type", f"operative part ({word})")
                problems.add(1, "document_type", f"no document title found; {doc_type} "
                             f"inferred from the operative part ({word})")
                return
    if reads_as_refusal_notice(sections.text, 0):
        record.document_type = "不予受理通知书"
        record.mark_inferred("document_type", "a notice refusing the case (不予受理…特此通知 or 不服本通知)")
        problems.add(1, "document_type", "no document title found; 不予受理通知书 inferred from "
                     "the notice's wording (不予受理…特此通知 or 不服本通知)")
        return
    record.document_type = "unknown"
    problems.add(1, "document_type", "no document title and no operative part found; the "
                 "document type is left unknown")


def _assemble(plain: str, meta: Metadata, header: Header, block: PartyBlock,
              problems: _Problems) -> CaseRecord:
    for line, field_name, reason, raw in block.problems:
        problems.add(line, field_name, reason, raw)
    _repair_names(plain, meta, block, problems)
    cross_appeal_roles(block.parties)
    assign_sides(block.parties)
    collect_aliases(plain, block.end, block.parties)
    sections = find_sections(plain, block.end)
    record_text = sections.record
    number = header.case_number
    record = CaseRecord(
        case_number=number.text if number else None,
        forum=header.forum or "",
        document_type=header.document_type or "unknown",
        procedure=header.procedure,
        forum_kind=header.forum_kind,
        court_code=header.court_code,
        region_code=header.region_code,
        cause=cause_of(plain, meta, header, record_text),
        parties=[p.party for p in block.parties],
        inferred=dict(header.inferred) or None,
    )
    _infer_commission(record, header, meta, sections)
    _infer_procedure(record, header, meta)
    _infer_document_type(record, header, sections, problems)
    _checks(record, header, block, problems)
    agents = merge_agents(block.agents, block.parties)
    body = plain[block.end:]
    for agent in agents:
        relation_from_body(agent, body)
    refine_from_record(record_text, block.parties, agents)
    agents_from_record(record_text, block.parties, agents)
    record.agents = agents
    own = {number.text} if number else set()
    record.related_case_numbers = list(dict.fromkeys(
        n.text for n in find_case_numbers(plain, block.end, _page_tail(plain, block.end))
        if n.text not in own))
    record.filing_date = filing_date(record_text)
    record.hearing_date = hearing_date(record_text)
    record.simple_procedure = simple_procedure(record_text)
    record.decision_date = decision_date(sections, meta.get("裁判日期") or meta.get("审结日期"))
    employer_words, other_words = sides(block.parties)
    claims = read_claims(sections, employer_words, other_words)
    record.claim_kind, record.claim_amounts = claims.kind, claims.amounts
    record.claimed_start, record.claimed_end = claims.start, claims.end
    response = read_response(sections, block.parties, record.procedure, claims.kind)
    record.defendant_response, record.absent = response.value, response.absent
    record.outcome, operative = read_outcome(sections, record.document_type, record.procedure)
    if claims.kind == "unknown" and record.outcome == "mediated" and operative:
        kind, amounts = agreement_claim(operative)
        if kind != "unknown":
            record.claim_kind, record.claim_amounts = kind, amounts
            record.mark_inferred("claim_kind", "the mediation agreement (no claim in the text)")
    spans = [("defendant_response", response.response_text), ("claim", claims.text),
             ("absence", response.absence_text), ("outcome", operative or None)]
    spans += [("purpose", s) for s in claims.purposes]
    spans += [("evidence", s) for s in evidence_sentences(sections)]
    spans += [("support", s) for s in support_sentences(sections)]
    spans += [("history", s) for s in history_sentences(sections)]
    spans += [("sham_finding", s) for s in sham_findings(sections)]
    if record.outcome in ("upheld", "reversed"):
        spans.append(("lower_outcome", lower_outcome_text(sections)))
    record.spans = [Span(kind, text[:_SPAN_LIMIT]) for kind, text in spans if text]
    return record


_EVIDENCE = re.compile(r"(?:提交|提供|出示|举示|调取)了?[^。；;\n]{0,60}?"
                       r"(?:证据|花名册|档案|工资|流水|合同|证明|证人|记录|登记表)")
_EVIDENCE_LIMIT = 6


#: 劳动合同 named as something other than a paper: the cause (``劳动合同纠纷一案``), the statute
#: (``违反劳动合同法``), the relationship (``劳动合同关系``), or a claim for ending it (``违法解除劳动
#: 合同赔偿金``, ``…为由解除劳动合同``) - every dismissal claim says so, no contract is produced;
#: but a termination paper (``解除劳动合同通知书``, ``终止劳动合同协议书``, ``…证明``: 劳动合同法
#: art. 50) is a paper produced
_NOT_A_RECORD = re.compile(r"(?:解除|终止)?劳动合同(?:纠纷|争议|法|关系)|"
                           r"(?:解除|终止)劳动合同(?!的?(?:通知|协议|证明|决定|确认书|书))")


def cites_a_record(sentence: str) -> bool:
    """True when ``sentence`` still cites a record once the mentions of 劳动合同 that name no
    paper (:data:`_NOT_A_RECORD`) are left out.

    >>> cites_a_record("原告李某与被告某公司劳动合同纠纷一案，本院于2018年7月19日立案受理。")
    False
    >>> cites_a_record("判令被告支付原告违法解除劳动合同赔偿金48000元。")
    False
    >>> cites_a_record("原告提交了劳动合同、工资条，证明双方存在劳动关系。")
    True
    """
    rest = _NOT_A_RECORD.sub("", sentence)
    return bool(EVIDENCE_WORDS.search(rest) or _EVIDENCE.search(rest))


def evidence_sentences(sections: Sections) -> list[str]:
    """Sentences citing documentary evidence of employment, wherever the parties' case is told
    (claims, answers, evidence lists, facts found - everything before 本院认为 - and a mediation
    statement's facts, up to its agreement): ``原告提交了劳动合同、工资条…``,
    ``经查，原告的招工登记表、工资发放表及职工花名册载明…`` - cited by the evidence rules
    (documentary proof separates genuine old workers from sham applicants)."""
    text = sections.text
    found: list[str] = []
    done = -1  # end of the last sentence quoted: later matches inside it add nothing
    begin, stop = sections.before_reasoning
    for pattern in (_EVIDENCE, EVIDENCE_WORDS):
        for m in pattern.finditer(text, begin, stop):
            if m.start() < done:
                continue
            sentence = sentence_at(text, m.start(), sections.start, sections.end)
            at = text.find(sentence, max(sections.start, m.start() - len(sentence)))
            done = at + len(sentence) if at >= 0 else m.end()
            if not cites_a_record(sentence):
                continue
            if sentence and sentence not in found and not any(sentence in f for f in found):
                found.append(sentence)
            if len(found) >= _EVIDENCE_LIMIT:
                return found
        done = -1
    return found


_SUPPORT_LIMIT = 2


def support_sentences(sections: Sections) -> list[str]:
    """Sentences in which a procuratorate, union or legal-aid centre backs the worker's suit
    (``安阳市文峰区人民检察院支持原告起诉``, ``…指派检察员出庭支持起诉``), in the record or the
    parties' case: a body that checked the workers and puts its name to the suit - the party
    line (支持起诉机关) is not always printed, the sentence in the record is."""
    return _sentences_before_reasoning(sections, SUPPORTED_SUIT, _SUPPORT_LIMIT,
                                       keep=SUPPORTING_BODY.search)


#: an employer's past told in the story: a restructuring, a renaming, a merger, a predecessor
#: (``原安阳市第二棉纺厂于2003年改制为本公司``, ``被告前身系…``, ``2008年更名为…``, ``某厂于2000年并入被告``,
#: ``被告原系个体工商户，2016年个转企登记为公司``)
#: (not 合并审理: suits joined for one hearing; 并入 only when an enterprise merged - not
#: ``加班费并入工资``)
_EMPLOYER_HISTORY = re.compile(r"改制|转制|更名|变更名称|名称变更|前身|原名|合并(?!审理)|分立|兼并|重组|划转|"
                              r"个转企|原[为系]个体|由个体|"
                              r"(?:[厂场司社站所队矿]|单位|企业)[^，。；]{0,12}?并入")
_HISTORY_LIMIT = 2


def history_sentences(sections: Sections) -> list[str]:
    """Sentences before the reasoning that tell of the employer's past (改制, 更名, 前身, 合并).

    A restructured state or collective factory is often re-registered as a new company whose
    registry 成立日期 is the restructuring date and which carries no former name (it is a new
    legal person); the story or the court's findings say what it was before. Kept so that a
    claimed start before the registry's founding can be read against it (EMP_START_BEFORE_
    FOUNDING's ``explained_by_words``).
    """
    return _sentences_before_reasoning(sections, _EMPLOYER_HISTORY, _HISTORY_LIMIT)


def _sentences_before_reasoning(sections: Sections, pattern: re.Pattern[str], limit: int,
                                keep: Callable[[str], object] = bool) -> list[str]:
    """The first ``limit`` distinct sentences before the reasoning in which ``pattern`` matches
    and that ``keep`` accepts."""
    text = sections.text
    found: list[str] = []
    begin, stop = sections.before_reasoning
    for m in pattern.finditer(text, begin, stop):
        sentence = sentence_at(text, m.start(), sections.start, sections.end)
        if keep(sentence) and sentence not in found:
            found.append(sentence)
            if len(found) >= limit:
                break
    return found


def _checks(record: CaseRecord, header: Header, block: PartyBlock, problems: _Problems) -> None:
    if record.case_number is None:
        problems.add(1, "case_number", "no case number (案号) found; the record is keyed by the "
                     "document hash")
    if not record.forum:
        problems.add(1, "forum", "no court or arbitration commission named (a copy without "
                     "its header); the forum is left empty and the record is keyed by the "
                     "document hash")
    elif record.inferred and "forum" in record.inferred:
        problems.add(1, "forum", f"no court line; {record.forum} {record.inferred['forum']}")
    if not block.parties:
        problems.add(1, "parties", "no party lines (原告/被告/申请人…) found")
    elif not any(p.party.role == "defendant" for p in block.parties):
        problems.add(block.parties[-1].line, "parties", "no defendant or respondent found; the "
                     "party block may be cut short")


def _repair_names(plain: str, meta: Metadata, block: PartyBlock, problems: _Problems) -> None:
    """Restore names with U+FFFD (bad bytes) from another spelling in the same document."""
    for parsed in block.parties:
        name = parsed.party.name
        if _REPLACEMENT not in name:
            continue
        pieces = _REPLACEMENT_RUN.split(name)
        pattern = re.compile(r"[\u4e00-\u9fff]{1,2}".join(re.escape(p) for p in pieces))
        sources = (meta.get("当事人") or "", meta.get("案件名称") or "", plain)
        counts: dict[str, int] = {}
        for source in sources:
            for m in pattern.finditer(source):
                counts[m.group(0)] = counts.get(m.group(0), 0) + 1
        if not counts:
            problems.add(parsed.line, "parties.name", f"name {name!r} contains undecodable "
                         "characters; kept as written", name)
            continue
        fixed = max(sorted(counts), key=lambda k: counts[k])
        problems.add(parsed.line, "parties.name", f"name {name!r} contains undecodable "
                     f"characters; restored as {fixed!r} from elsewhere in the document", name)
        parsed.party.name = fixed
        for agent in block.agents:
            agent.represents = [fixed if r == name else r for r in agent.represents]
