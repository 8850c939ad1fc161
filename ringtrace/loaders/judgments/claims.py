"""What the worker claims: the claim text, its kind and amounts, the period, the stated purpose.

The original claim (诉讼请求 / 仲裁请求 / 起诉请求) decides ``claim_kind``: only a declaration of a
labour relationship (``confirmation_only``, red flag R4), with money amounts (``with_amounts``),
or a declaration that there is *no* relationship (``denial``, employer-initiated suits). Appeal
and retrial requests are read when no original claim is in the text. Court fees are not claims.

The stated purpose (补缴, 养老, 退休) is read only where the worker side speaks: the employer
and the court tell the worker's age too, as a defence or a finding.

The claimed period comes from a date range in a claim (``确认…2015年12月17日至2016年1月14日期间…
劳动关系``), else from the operative part, else from the story (``自1994年3月份开始被告聘用原告``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ringtrace.loaders.judgments.amounts import claim_amounts
from ringtrace.loaders.judgments.dates import (
    DATE,
    MONTH_DAY,
    RELATIVE_MONTH,
    RELATIVE_YEARS,
    arabic_date,
    year_less_date,
)
from ringtrace.loaders.judgments.patterns import (
    CARRIED_ON,
    CLOSURE,
    EMPLOYMENT_VERB,
    END_VERB,
    INLINE_CLAIM,
    MONEY_CLAIM,
    PERIOD,
    PURPOSE,
    SINGLE_DATE,
)
from ringtrace.loaders.judgments.sections import Sections
from ringtrace.loaders.judgments.speakers import speaker, subject

_CLAIM_LIMIT = 500
#: where a claim ends: its reasons, a line break, the answer - or the story told after it in a
#: sentence of its own (``…期间存在劳动关系。原告诉称：其…每月工资1500元``: the wage in the story
#: is no money claimed)
#: where a claim ends: the reasons, the next paragraph, the answer, or a story told after it
#: (``…存在劳动关系。原告诉称：其…每月工资1500元``) - but not a claim added at the hearing, told
#: with the same verb (``原告当庭陈述称：另要求被告支付拖欠工资8000元``)
_CLAIM_STOP = re.compile(r"事实(?:和|与|及)理由|理由如下|理由[:：]|\n|辩称|辩解称|答辩|"
                         r"(?<=[。；;])[^。，,；;:：]{0,16}?(?:诉称|申请称|述称|陈述称)"
                         r"(?![:：，,]?\s*(?:另|还|并|增加|变更|补充)(?:要求|请求|主张))")
_APPEALS = ("上诉请求", "再审请求", "申请再审称", "上诉称")
_NARRATIVE = ("诉称", "申请称", "上诉称", "申请再审称")
_CLAIM_MARK = re.compile("上诉请求|再审请求|申请再审称|上诉称|诉讼请求|仲裁请求|起诉请求|请求事项|申请请求|"
                         "请求(?:依法)?(?:判令|裁决)|诉称|申请称|请求(?=为?[ \t]*[:：])|"
                         "请求(?<=[。\n：:]请求)(?=(?:依法)?确认)|" + INLINE_CLAIM)
_INLINE_MARK = re.compile(INLINE_CLAIM + "|请求(?=(?:依法)?确认)")  # also a bare request after a stop
_REQUEST = re.compile(r"请求|要求(?:判令|确认|裁决|法院|贵院|仲裁委)")
_NARRATIVE_LIMIT = 300
_CLAIM_VERB = re.compile(r"\s*(?:\d[.、．]\s*)?(?:要求|请求)?(?:确认|判令|裁决|判决|依法)")
#: what comes between a claim word and the claim: ``诉讼请求：``, ``仲裁请求为：``, and an award's
#: ``仲裁请求是要求被申请人：…`` (Shenzhen's published awards)
_LEAD = re.compile(r"\s*(?:为|如下|是|称|(?:是|为)?(?:要求|请求)[^:：,，。；;\n]{0,8})?\s*[:：,，]\s*")
_SENTENCE = re.compile(r"[^。；;\n]+[。；;]?")
_STORY_LIMIT = 3000
_MAX_PURPOSE = 3


@dataclass
class Claims:
    text: str | None = None
    kind: str = "unknown"
    amounts: list[float] = field(default_factory=list)
    start: str | None = None
    end: str | None = None
    purposes: list[str] = field(default_factory=list)


@dataclass
class _ClaimText:
    original: bool  # a first-instance or arbitration claim (not an appeal or retrial request)
    explicit: bool  # a request (请求…), not only the story told after 诉称
    worker: bool  # said by the worker side
    text: str


def _claim_texts(sections: Sections, employer: list[str], others: list[str]) -> list[_ClaimText]:
    """Every claim landmark's text, original claims first."""
    text = sections.text
    found: list[_ClaimText] = []
    if "claims" not in sections.first:
        return found
    for m in _CLAIM_MARK.finditer(text, sections.first["claims"], sections.end):
        mark = m.group(0)
        lead = _LEAD.match(text, m.end())
        if _mention(text, m, lead):
            continue
        begin = lead.end() if lead is not None else m.end()
        window = text[begin:min(sections.end, begin + _CLAIM_LIMIT)]
        explicit = True
        if mark in _NARRATIVE and not _CLAIM_VERB.match(window):
            # ``原告诉称：确认原告自2011年至2012年…存在劳动关系。`` states the claim itself; else
            # the request comes later in the story (``…，故诉至法院，请求…``)
            request = _REQUEST.search(window, 0, _NARRATIVE_LIMIT)
            if request:
                window = window[request.start():]
            else:
                explicit = False
        stop = _CLAIM_STOP.search(window, 1)
        claim = (window[:stop.start()] if stop else window).strip(" :：,，")
        who = speaker(text, m.start(), employer, others)
        found.append(_ClaimText(mark not in _APPEALS, explicit, who != "employer", claim))
    return sorted(found, key=lambda c: (not c.original, not c.explicit))


def _mention(text: str, m: re.Match[str], lead: re.Match[str] | None) -> bool:
    """True when the claim word at ``m`` names a claim rather than opening one: ``驳回…的诉讼
    请求。``, ``对原告的诉讼请求，本院不予支持``, ``被告辩称，对原告的诉讼请求无异议``."""
    if lead is None and not _INLINE_MARK.match(text, m.start()):
        return True
    return lead is not None and text[m.start() - 1:m.start()] == "的" and \
        not any(c in lead.group(0) for c in ":：")


def _kind(claim: str) -> tuple[str, list[float]]:
    amounts = claim_amounts(claim)
    if "不存在" in claim and "劳动关系" in claim:
        return "denial", amounts
    if amounts or MONEY_CLAIM.search(claim):
        return "with_amounts", amounts
    if "劳动关系" in claim:
        return "confirmation_only", amounts
    return "unknown", amounts


def agreement_claim(agreement: str) -> tuple[str, list[float]]:
    """(claim kind, amounts) a mediation agreement shows when the text carries no claim.

    A mediated statement is often the parties and the agreement alone; what the parties settled
    is what was claimed. An agreement paying an amount (``被申请人支付申请人经济补偿金20000元``) is
    a money claim; one that confirms a labour relationship and names no money at all is a
    confirmation only. Money words without an amount (``工资已结清``, ``再无工资等争议``) say
    neither: ``unknown``; nor does a payment whose amount is not read (``支付申请人一次性款项``,
    an amount in 大写 only: ``款项（大写：壹万元整）``, which the amount reader takes for a
    restatement of figures) - a settlement that pays is no bare confirmation - nor an agreement
    that only ends the relationship (``双方于2013年8月31日解除劳动关系``) without confirming it,
    nor one in which the applicant waives the rest of their claims (``申请人放弃其他仲裁请求``:
    there were others, which the statement does not print).

    >>> agreement_claim("确认申请人与被申请人自2000年8月至2013年8月存在劳动关系；双方再无其他争议。")
    ('confirmation_only', [])
    >>> agreement_claim("一、确认双方存在劳动关系；二、被申请人支付申请人经济补偿金20000元。")
    ('with_amounts', [20000.0])
    >>> agreement_claim("确认双方存在劳动关系，双方之间的工资已结清。")
    ('unknown', [])
    >>> agreement_claim("确认双方存在劳动关系；被申请人一次性支付申请人款项（大写：壹万元整）。")
    ('unknown', [])
    >>> agreement_claim("双方于2013年8月31日解除劳动关系，双方再无其他争议。")
    ('unknown', [])
    >>> agreement_claim("确认双方自2000年8月至2013年8月存在劳动关系；申请人放弃其他仲裁请求。")
    ('unknown', [])
    """
    amounts = claim_amounts(agreement)
    if amounts:
        return "with_amounts", amounts
    if (MONEY_CLAIM.search(agreement) or _PAYMENT.search(agreement)
            or not _CONFIRMS.search(agreement) or "不存在" in agreement
            or _WAIVES.search(agreement)):
        return "unknown", []
    return "confirmation_only", []


#: an agreement that pays, whether or not its amount is read
_PAYMENT = re.compile(r"支付|给付|付给|支给|赔付|发放|付清|款项|现金|大写")
#: an applicant waiving the claims the agreement does not settle: there were other claims
_WAIVES = re.compile(r"放弃[^。；;]{0,8}(?:请求|主张|诉求|权利)")
#: an agreement that confirms (not only ends) a labour relationship
_CONFIRMS = re.compile(r"确认[^。；;]{0,60}劳动关系|存在[^。；;]{0,8}劳动关系")


def _iso(text: str | None) -> str | None:
    if not text:
        return None
    m = DATE.search(text)
    return arabic_date(m) if m else None


def _period(m: re.Match[str]) -> tuple[str | None, str | None]:
    """(start, end) of a :data:`PERIOD` match; an end without its year takes the start's."""
    start_text = m.group("start")
    start = _iso(start_text + "日" if _BARE_DAY.search(start_text) else start_text)
    if m.group("end_month") and start:
        return start, _iso(f"{start[:4]}年{m.group('end_month')}")
    return start, _iso(m.group("end"))


_CLAUSE_END = re.compile(r"[，,；;。]")
_BARE_DAY = re.compile(r"月\s*\d{1,2}$")
#: a period of money owed (``…未签订劳动合同二倍工资差额``), not of employment
_MONEY_PERIOD = re.compile(r"二倍工资|双倍工资|未签")
#: a range that dates a sum, right after it (``支付原告自2006年5月至今的生活费约1万元``,
#: ``…至2019年6月的工资``): money, not the employment (``…至2010年存在劳动关系并支付工资`` is
#: employment: the relationship comes first)
_MONEY_AFTER = re.compile(r"(?:止|期间|之间|内)?的[^，,。；;劳]{0,8}?(?:工资|生活费|加班费|报酬|津贴|补贴|补助|"
                          r"补偿|赔偿|费用|社保费|保险费)")
#: where the work was done, right after a period (``至1996年12月份，在省建三公司…``)
_WORKPLACE = re.compile(r"在[^。；;]{0,20}(?:公司|单位|厂|处|工地|店|场|矿|所|站|中心)")


def _dates_money(clause: str) -> bool:
    """True when the clause after a range names money before any labour relationship:
    ``支付2017年5月1日至6月30日正常工作时间工资24000元`` (the period of the wages owed), not
    ``…至2016年12月存在劳动关系并支付工资``."""
    money = MONEY_CLAIM.search(clause)
    labour = clause.find("劳动")
    return money is not None and (labour < 0 or money.start() < labour)


def _period_in(text: str) -> tuple[str | None, str | None] | None:
    """A date range next to 劳动关系; else one date (``自2001年3月起…``, ``在2023年9月4日存在…``)."""
    for m in PERIOD.finditer(text):
        context = text[m.end():m.end() + 40]
        clause = _CLAUSE_END.split(context, 1)[0]  # a money claim after a comma is another item
        if ("劳动" in context or "劳动" in text[max(0, m.start() - 30):m.start()] or
                _EMPLOYMENT_BEFORE.search(text, max(0, m.start() - 12), m.start())) and \
                not _MONEY_PERIOD.search(clause) and not _MONEY_AFTER.match(context) and \
                not _dates_money(clause):
            return _period(m)
    for m in SINGLE_DATE.finditer(text):
        if "劳动关系" not in text[m.end():m.end() + 24]:
            continue
        date = _iso(m.group("date"))
        if m.group("mark") in "自从" or m.group("since"):
            until = _UNTIL.match(text, m.end())
            return date, _iso(until.group("end")) if until else None
        return date, date
    return None


#: the end of a period that names the relationship between its start and its end: ``确认原告
#: 与被告自2009年1月起建立劳动关系至2021年6月30日止``
_UNTIL = re.compile(r"[^，,。；;]{0,12}?劳动关系\s*(?:一直)?\s*(?:至|到)\s*(?P<end>[12１２][09０９]\d{2}\s*年"
                    r"(?:\s*\d{1,2}\s*月份?(?:\s*\d{1,2}\s*日)?)?)")

_SENTENCE_BREAK = re.compile(r"[。；;]")
#: a range introduced as the time of employment, in the same clause: ``招用时间从2020年3月至12月8日``,
#: ``入职时间为…``, ``工作期间为…``, a claim's ``确认原告为…职工，工作年限从1987年1月1日至2016年12月31日止``
_EMPLOYMENT_BEFORE = re.compile(r"(?:招用|聘用|雇用|录用|用工|入职|工作)(?:时间|期间|日期|年限)(?:为|是|从|自|系)?"
                                r"[^，,。；;]{0,3}$")


def _story_period(text: str) -> tuple[str | None, str | None] | None:
    """The first period the story tells: a range followed by where or how the work was done
    (``原告于1985年4月份至1996年12月份，在某公司…``), or a start date followed by an employment
    verb and an end date followed by a leaving verb, whichever comes first."""
    ranged: tuple[int, tuple[str | None, str | None]] | None = None
    for m in PERIOD.finditer(text):
        after = text[m.end():m.end() + 30]
        work = EMPLOYMENT_VERB.search(after) or _WORKPLACE.search(after)
        if (work is not None and not _SENTENCE_BREAK.search(after, 0, work.start())) or \
                _EMPLOYMENT_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            ranged = (m.start(), _period(m))
            break
    dated = _dated_story(text)
    if ranged is None:
        return dated[1] if dated else None
    return dated[1] if dated and dated[0] < ranged[0] else ranged[1]


def _dated_story(text: str) -> tuple[int, tuple[str | None, str | None]] | None:
    """A start date followed by an employment verb; its end, the first date followed by a
    leaving verb (``…离职``) or after the work carried on (``工作至2016年8月份``) - else by the
    employer's closure or restructuring (``2012年6月被告破产``, ``…企业改制``), unless the worker
    stayed on (``…留守看厂至2015年``)."""
    for m in DATE.finditer(text):
        after = text[m.end():m.end() + 30]
        verb = EMPLOYMENT_VERB.search(after)
        if verb is None or _SENTENCE_BREAK.search(after, 0, verb.start()):
            continue
        start = arabic_date(m)
        end = closed = None
        for at, past, day in _later_dates(text, m.end(), min(len(text), m.end() + _END_REACH)):
            if _MONEY_DATE.match(text, past):
                continue  # ``…拖欠2017年5月工资为由提出解除``: the month of the wages owed
            if _ends_here(text, past) or _WORKED_UNTIL.search(text, max(m.end(), at - 6), at):
                end = day
                break
            if closed is None and CLOSURE.search(text, past, past + 12) and \
                    not CARRIED_ON.search(text, past, past + 30):
                closed = day
        return m.start(), (start, end or closed)
    return None


def _later_dates(text: str, begin: int, stop: int) -> list[tuple[int, int, str | None]]:
    """The dates between ``begin`` and ``stop`` as (start, end, ISO), in order: those printed
    in full, and those printed without their year (``2018年5月被告停发工资，8月18日被告将原告
    辞退``), which take the year of the nearest date before them - a story gives the year once
    and then only months and days of the same year - or the next year when their month comes
    before that date's (``2018年11月停产，2月份被辞退``: a story runs forward in time); a month
    dated by its prefix (``次年2月离职``, ``同年10月被辞退``) takes the year it names.

    >>> _later_dates("2003年3月入职，2018年5月停发工资，8月18日被辞退", 7, 40)
    [(10, 17, '2018-05'), (22, 27, '2018-08-18')]
    >>> _later_dates("2003年3月入职，2018年11月停产，2月份被辞退", 7, 40)
    [(10, 18, '2018-11'), (21, 24, '2019-02')]
    >>> _later_dates("2003年3月入职，2018年11月停产，次年2月离职", 7, 40)
    [(10, 18, '2018-11'), (21, 25, '2019-02')]
    """
    found = [(d.start(), d.end(), arabic_date(d)) for d in DATE.finditer(text, begin, stop)]
    spans = [(a, b) for a, b, _ in found]
    for md in MONTH_DAY.finditer(text, begin, stop):
        if any(a <= md.start() < b for a, b in spans):
            continue  # the month of a full date
        before = _date_before(text, md.start())
        if before is not None:
            year, month = before
            if month is not None and int(md.group("m")) < month:
                year += 1
            found.append((md.start(), md.end(), year_less_date(md, year)))
    for rel in RELATIVE_MONTH.finditer(text, begin, stop):
        before = _date_before(text, rel.start())
        if before is not None:
            year = before[0] + RELATIVE_YEARS[rel.group("rel")]
            found.append((rel.start(), rel.end(), year_less_date(rel, year)))
    return sorted(found)


def _date_before(text: str, pos: int) -> tuple[int, int | None] | None:
    """The year and month (None when not printed) of the last full date that ends before
    ``pos``."""
    last = None
    for d in DATE.finditer(text, 0, pos):
        last = d
    if last is None:
        return None
    month = last.group("m") or last.group("m2")
    return int(last.group("y")), int(month) if month else None


#: how far after its start the story's end is looked for (a worker's story tells of promises,
#: managers and awards in between: ``自1983年2月份开始…到被告处工作，…在被告处工作至2016年8月份``)
_END_REACH = 300
#: the work carried on until a date: ``在被告处工作至2016年8月份``, ``一直干到2022年5月31日``
_WORKED_UNTIL = re.compile(r"(?:工作|上班|干|做|务工)(?:到|至)\s*$")
#: a date that dates money, not the employment: ``2017年5月工资``, ``2016年度的奖金``
_MONEY_DATE = re.compile(r"份?度?的?(?:工资|奖金|加班费|报酬|绩效|提成|社保|社会保险)")
_TAIL_REACH = 40


#: a month printed after a date, with or without its year (``10月离职``, ``次年2月份``; not
#: ``3个月``): the leaving verb after it is its own, not the date's before it
_ANY_MONTH = re.compile(r"\d\s*月")


def _ends_here(text: str, after: int) -> bool:
    """True when the employment ends at the date that ends at ``after``: a leaving verb right
    after it (within 12 characters) with no other month between (``2016年8月停产，10月离职``
    ends in October, not August), or after the reason given for leaving in its clause, with
    no other date between but a date of money (``于2017年6月30日以被申请人拖欠2017年5月工资为由
    提出解除劳动关系``: the end is 2017-06-30)."""
    verb = END_VERB.search(text, after, after + 12)
    if verb is not None and _ANY_MONTH.search(text, after, verb.start()) is None:
        return True
    tail = text[after:after + _TAIL_REACH]
    stop = _CLAUSE_END.search(tail)
    if stop is not None:
        tail = tail[:stop.end()]  # ``…为止，`` keeps its comma
    verb = END_VERB.search(tail)
    reason = tail.find("为由")
    if verb is None or not 0 <= reason < verb.start():
        return False
    return all(_MONEY_DATE.match(tail, d.end()) for d in DATE.finditer(tail, 0, verb.start()))


#: a sentence in which someone asserts or asks (the worker's claim recited by the court)
_ASSERTION = re.compile(r"称|主张|要求|请求")


#: a request to confirm the relationship, recited in an employer's appeal: ``***在2021年1月提起
#: 劳动仲裁，申请确认与某厂的劳动合同关系存续时间为1985年10月至1997年12月``
_CONFIRM_REQUEST = re.compile(r"(?:申请|要求|请求)(?:依法)?确认")


def _requested_period(text: str) -> tuple[str | None, str | None] | None:
    """The period of the first request to confirm the relationship in ``text``, read after the
    request (the employer's appeal that recites it states its own, shorter period first: ``双方
    曾经存在的劳动合同关系自1995年1月到1997年5月1日，***…申请确认…为1985年10月至1997年12月``)."""
    for m in _CONFIRM_REQUEST.finditer(text):
        stop = _SENTENCE_BREAK.search(text, m.end())
        period = _period_in(text[m.end():stop.start() if stop else len(text)])
        if period:
            return period
    return None


def _asserted_period(text: str) -> tuple[str | None, str | None] | None:
    """A claimed period in the sentences that assert or ask something, when the document has
    no claim landmark (``原审查明，**霞称2014年4月25至10月15日在…工作``, ``…申请仲裁，要求确认
    …于1999年8月至2001年12月期间存在事实劳动关系``); the court's own findings are not claims."""
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0)
        if not _ASSERTION.search(sentence):
            continue
        period = _period_in(sentence) or _story_period(sentence)
        if period:
            return period
    return None


def read_claims(sections: Sections, employer: list[str], others: list[str]) -> Claims:
    """Claim text, kind, amounts, claimed period and purpose sentences of one document.

    ``employer`` and ``others`` are the reference tokens of the two sides
    (:func:`~ringtrace.loaders.judgments.speakers.sides`): an appeal by the employer is not the
    worker's claim.
    """
    result = Claims()
    texts = _claim_texts(sections, employer, others)
    for claim in texts:
        if claim.explicit and (claim.original or claim.worker):
            result.text = claim.text
            result.kind, result.amounts = _kind(claim.text)
            break
    for claim in texts:
        if not (claim.original or claim.worker):
            continue  # an employer's appeal says what it disputes, not what the worker claims
        period = _period_in(claim.text)
        if period:
            result.start, result.end = period
            break
    if result.text is None and texts:
        result.text = texts[0].text
    for operative in (sections.operative, sections.recited_operative):
        if result.start is None and operative is not None:
            period = _period_in(sections.slice(operative, 600))
            if period:
                result.start, result.end = period
    begin, stop = sections.before_reasoning
    story = sections.text[begin:min(stop, begin + _STORY_LIMIT)]
    if result.start is None:
        claims_at = sections.first.get("claims") if texts else None
        if not texts:  # claims recited in the record: ``**霞称…``, ``要求确认…``
            period = _asserted_period(story)
            if period:
                result.start, result.end = period
        elif not any(c.original or c.worker for c in texts):
            # only the employer appealed: the worker's request it recites is the claimed period
            period = _requested_period(story)
            if period:
                result.start, result.end = period
        if claims_at is not None:
            period = _story_period(sections.text[claims_at:min(stop, claims_at + _STORY_LIMIT)]
                                   if claims_at < stop else "")
            if period is None and "facts" in sections.first:
                facts_at = sections.first["facts"]
                period = _story_period(sections.slice(facts_at, _STORY_LIMIT))
            if period:
                result.start, result.end = period
    result.purposes = []
    if PURPOSE.search(story):
        for start, end in worker_parts(sections, employer, others):
            for sentence in purpose_sentences(sections.text[start:end]):
                if sentence not in result.purposes and len(result.purposes) < _MAX_PURPOSE:
                    result.purposes.append(sentence)
    return result


#: a statement inside a worker's part that is someone else's: ``被告对此无异议，并称原告已达退休年龄``
_SAYS = re.compile(r"辩称|辩解|答辩|称|认为|表示|主张")
_SENTENCE_BREAKS = "。；;\n"


def worker_parts(sections: Sections, employer: list[str], others: list[str]) -> list[tuple[int, int]]:
    """(start, end) of the parts of the text that the worker side tells, in order: its claim
    with the 事实和理由 after it, up to the next part (an answer, the facts found), its own
    statement (``申请人称：…``, a worker answering the employer's appeal), and the sentences of
    the record whose subject is the worker (``原告为补缴养老保险，于2020年申请仲裁``).

    Not the employer's answer (``被告辩称，原告已达到法定退休年龄，双方系雇佣关系``: the employer
    telling the worker's age is a defence, not the worker's purpose), not the facts the court
    found, not its reasoning (``原告已达到法定退休年龄，其要求补缴养老保险…``)."""
    text = sections.text
    begin, stop = sections.before_reasoning
    parts: list[tuple[int, int]] = []
    landmarks = [p for k, v in sections.all.items() if k != "tail" for p in v]
    record_end = min([stop, *landmarks])
    for m in _SENTENCE.finditer(text, begin, record_end):
        if subject(m.group(0), employer, others) == "other":
            parts.append(m.span())
    covered = begin
    for pos, kind in sorted((p, k) for k in ("claims", "defence") for p in sections.all.get(k, [])):
        if pos >= stop or pos < covered:
            continue
        if kind == "claims":
            mark = _CLAIM_MARK.match(text, pos)
            if mark is not None and _mention(text, mark, _LEAD.match(text, mark.end())):
                continue  # ``被告辩称，对原告的诉讼请求无异议``: a mention inside its answer
        who = speaker(text, pos, employer, others)
        if who == "employer" or (kind == "defence" and who != "other"):
            continue
        end = covered = min(stop, sections.next_landmark(pos))
        start = max([begin] + [text.rfind(c, begin, pos) + 1 for c in _SENTENCE_BREAKS])
        for m in _SENTENCE.finditer(text, start, end):
            says = _SAYS.search(m.group(0))
            if says and speaker(text, m.start() + says.start(), employer, others) == "employer":
                continue
            parts.append(m.span())
    return sorted(set(parts))


def purpose_sentences(text: str) -> list[str]:
    """Sentences stating a pension purpose (补缴/养老/退休/老有所养), at most three."""
    found: list[str] = []
    if not PURPOSE.search(text):
        return found
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0).strip()
        if PURPOSE.search(sentence) and sentence not in found:
            found.append(sentence[:200])
            if len(found) >= _MAX_PURPOSE:
                break
    return found
