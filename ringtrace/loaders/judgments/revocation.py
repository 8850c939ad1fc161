"""A court's own finding that a suit was a sham (虚假诉讼), quoted from its reasoning.

When a procuratorate protests a confirmation (抗诉), or sends the court a 检察建议, or the court
reopens the case itself (审判监督程序), the retrial that finds the parties colluded says so in
its own words - ``本院再审认为，张某与某公司恶意串通，虚构劳动关系……属于虚假诉讼`` - and revokes the
judgment or mediation statement (民事诉讼法 art. 115; docs/domain.md §2.2 P14). The sentence
that says so is kept as a ``sham_finding`` span: it is what an investigator quotes, and
detection (:mod:`ringtrace.queries.redflags.retrial`) reads it to tie the ruling to the case
it revokes.

Only the court's reasoning counts (from ``本院认为`` / ``本院再审认为`` to the operative part):
the procuratorate's protest (``抗诉机关认为……系虚假诉讼``) and a party's argument are
allegations, and a retrial may reject them. A clause that denies the finding (``不属于虚假诉讼``,
``不能认定双方恶意串通``) or a sentence that rejects it (``……系虚假诉讼的意见，本院不予采纳``)
is no finding; nor is a ground the court reports as another's allegation or asks as its own
question (``抗诉机关认为原审系虚假诉讼，但未提供证据``, ``关于双方是否恶意串通的问题``) unless the
same sentence adopts it (``……的抗诉意见成立，本院予以采纳``): a retrial may revoke on another
ground (a party left out, a procedural error) after weighing and dismissing the allegation.
"""

from __future__ import annotations

import re

from ringtrace.loaders.judgments.response import sentence_at
from ringtrace.loaders.judgments.sections import Sections

__all__ = ["SHAM_GROUND", "sham_findings"]

#: the grounds of a sham: a false suit, collusion, a relationship made up (虚构/捏造/虚假)
SHAM_GROUND = re.compile(r"虚假诉讼|恶意串通|(?:虚构|捏造|编造)(?:了)?[^，。；]{0,12}?劳动关系|"
                         r"虚假(?:的)?劳动关系")
#: words before the ground, in its clause, that deny it (``不属于虚假诉讼``)
_DENIED = re.compile(r"不属于|不构成|不能认定|无法认定|难以认定|不足以(?:认定|证明)|并非|不是|"
                     r"没有(?:证据|充分证据|事实)|无(?:证据|充分证据)|未能证明|不存在(?:恶意|虚假|串通)")
#: words after the ground, in its sentence, that reject it (``……的意见，本院不予采纳``)
_REJECTED = re.compile(r"不予采纳|不予支持|不能成立|不成立|缺乏(?:事实|证据|法律)?(?:和法律)?依据|"
                       r"证据不足|依据不足|本院不予")
_CLAUSE = "，,：:"
_LIMIT = 3


#: this court speaking for itself: ``本院认为``, ``本院再审认为``, ``本院经再审审理认为``
_OWN_VOICE = re.compile(r"本院(?:经|在)?(?:再审|审理|审查)*(?:后)?认为")


def _own_reasoning(sections: Sections) -> tuple[int, int] | None:
    """Where this court's reasoning is: from its first ``本院…认为`` to the operative part."""
    stop = sections.operative if sections.operative is not None else sections.end
    m = _OWN_VOICE.search(sections.text, sections.start, stop)
    return (m.start(), stop) if m else None


#: words before the ground, in its sentence, that make it another's allegation or the court's
#: question rather than its finding: ``抗诉机关认为原审系虚假诉讼``, ``检察机关关于……的意见``,
#: ``关于双方是否恶意串通的问题``, ``本案应审查双方是否存在恶意串通`` (the court's own
#: ``本院…认为`` and the titles of the laws it cites are left out first)
_REPORTED = re.compile(r"认为|主张|辩称|声称|诉称|提出的|是否|有无|关于|应当?审查")
#: the title of a law or document the court cites (``《最高人民法院关于防范和制裁虚假诉讼的指导意见》``)
_TITLE = re.compile(r"《[^》]*》")
#: words after such a ground, in its sentence, by which the court adopts it
#: (``……的抗诉意见成立，本院予以采纳``)
_ADOPTED = re.compile(r"予以采纳|予以支持|予以采信|予以确认|予以认定|(?<!不)成立|属实")


def _affirmed(text: str, sentence_start: int, sentence_end: int, match: re.Match[str]) -> bool:
    """True when the ground at ``match`` is asserted: no denial earlier in its clause, no
    rejection later in its sentence, and - when the sentence reports it as another's
    allegation or asks it as a question (:data:`_REPORTED`) - adopted later in its sentence.
    A ground inside the title of a law the court cites (``《…关于防范和制裁虚假诉讼的指导
    意见》``) finds nothing, and such a title's words report no one."""
    if text.rfind("《", sentence_start, match.start()) > text.rfind("》", sentence_start,
                                                                  match.start()):
        return False
    clause = max(text.rfind(c, sentence_start, match.start()) for c in _CLAUSE)
    before = text[max(sentence_start, clause + 1):match.start()]
    after = text[match.end():sentence_end]
    if _DENIED.search(before) or _REJECTED.search(after):
        return False
    told = _OWN_VOICE.sub("", _TITLE.sub("", text[sentence_start:match.start()]))
    return not _REPORTED.search(told) or bool(_ADOPTED.search(after))


def sham_findings(sections: Sections) -> list[str]:
    """The sentences of the court's own reasoning that find the suit a sham (at most three).

    >>> from ringtrace.loaders.judgments.sections import find_sections
    >>> text = ("检察院抗诉认为系虚假诉讼。本院再审认为，双方恶意串通，虚构劳动关系，属于虚假诉讼。"
    ...         "判决如下：撤销原调解书。")
    >>> sham_findings(find_sections(text, 0))
    ['本院再审认为，双方恶意串通，虚构劳动关系，属于虚假诉讼。']
    >>> sham_findings(find_sections("本院认为，现有证据不足以认定双方恶意串通。判决如下：驳回。", 0))
    []
    >>> sham_findings(find_sections("本院经再审审理认为，双方系虚假诉讼。判决如下：撤销原判。", 0))
    ['本院经再审审理认为，双方系虚假诉讼。']
    """
    where = _own_reasoning(sections)
    if where is None:
        return []
    text = sections.text
    begin, stop = where
    found: list[str] = []
    for m in SHAM_GROUND.finditer(text, begin, stop):
        sentence = sentence_at(text, m.start(), begin, stop)
        if sentence in found:
            continue
        start = text.rfind(sentence, max(begin, m.start() - len(sentence)), m.end() + len(sentence))
        start = start if start >= 0 else begin
        if _affirmed(text, start, start + len(sentence), m):
            found.append(sentence)
            if len(found) >= _LIMIT:
                break
    return found
