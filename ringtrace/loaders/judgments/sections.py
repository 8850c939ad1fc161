"""Where the parts of the body are: record, claims, defence, facts, reasoning, operative, tail.

One pass of :data:`~ringtrace.loaders.judgments.patterns.LANDMARK` over the body finds every
landmark phrase; each section is then a slice between landmarks. Sections may be missing
(excerpts stop mid-sentence) and the code that reads them copes with empty slices.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ringtrace.loaders.judgments.patterns import LANDMARK


@dataclass
class Sections:
    """Landmark offsets (absolute, in the document text) of one document body."""

    text: str
    start: int
    end: int
    first: dict[str, int] = field(default_factory=dict)
    all: dict[str, list[int]] = field(default_factory=dict)
    ends: dict[int, int] = field(default_factory=dict)  # landmark start -> its end
    starts: list[int] = field(default_factory=list)  # landmark starts except claims, in order
    operative: int | None = None
    #: an operative part recited from the lower court (``原审法院…判决如下：“确认…”``)
    recited_operative: int | None = None
    tail: int | None = None

    def slice(self, start: int | None, limit: int) -> str:
        if start is None:
            return ""
        return self.text[start:min(self.end, start + limit)]

    def next_landmark(self, pos: int) -> int:
        """Start of the first landmark after ``pos`` that opens a new part (the body end if
        none). Claim words are not counted: answers quote them (``对仲裁请求无异议``)."""
        starts = self.starts
        i = bisect_right(starts, pos)
        return starts[i] if i < len(starts) else self.end

    @property
    def record(self) -> str:
        """The 诉讼记录 paragraph: from the end of the party block to the first claim."""
        stop = min([self.end] + [v for k, v in self.first.items() if k != "tail"])
        return self.text[self.start:min(stop, self.start + 1500)]

    @property
    def before_reasoning(self) -> tuple[int, int]:
        """Claims and facts: from the party block to 本院认为 (or the operative part)."""
        stop = self.first.get("reasoning", self.operative or self.end)
        return self.start, max(self.start, stop)


#: whose decision a 判决如下 in the body is when it is not this court's
_LOWER = re.compile(r"原审法院|一审法院|原审|一审|原判|原仲裁|仲裁委员会(?:作出|做出|裁决)")
_SENTENCE_BACK = 160


def _recited(text: str, pos: int, start: int) -> bool:
    """True when the operative phrase at ``pos`` recites a lower court's or commission's
    decision (``原审法院经审理后，依照…的规定，判决如下：“…”``) rather than this document's."""
    begin = max(start, pos - _SENTENCE_BACK)
    cut = max(text.rfind(c, begin, pos) for c in "。\n")
    return bool(_LOWER.search(text, cut + 1 if cut >= 0 else begin, pos))


def find_sections(text: str, start: int, end: int | None = None) -> Sections:
    """Locate the landmarks of ``text[start:end]``."""
    stop = len(text) if end is None else end
    sections = Sections(text, start, stop)
    for m in LANDMARK.finditer(text, start, stop):
        kind = m.lastgroup or ""
        sections.first.setdefault(kind, m.start())
        sections.all.setdefault(kind, []).append(m.start())
        sections.ends[m.start()] = m.end()
        if kind != "claims":
            sections.starts.append(m.start())
    operatives = sections.all.get("operative", [])
    own = [o for o in operatives if not _recited(text, o, start)]
    if own:
        sections.operative = own[-1]
    recited = [o for o in operatives if o not in own]
    if recited:
        sections.recited_operative = recited[0]
    tails = [t for t in sections.all.get("tail", []) if t > (sections.operative or start)]
    sections.tail = tails[0] if tails else None
    return sections
