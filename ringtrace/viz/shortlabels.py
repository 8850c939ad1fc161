"""Short node labels that keep the part telling two nodes apart.

A ring's cases share year, court code and procedure: ``(2021)豫0502民初1234号`` and
``(2021)豫0502民初1299号`` differ only at the end, so clipping the front (``(2021)豫0502民初…``)
makes every label the same. :func:`case_labels` keeps the serial and adds the court code or the
year only where the serial alone would be ambiguous among the cases shown. Names drop what
every name of their sort carries (``有限公司``, ``河南省``, ``人民法院`` → ``法院``) before
they are clipped, so the trade name (字号) stays visible.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

__all__ = ["case_labels", "short_name"]

_CASE = re.compile(r"^\s*[（(〔\[](?P<year>\d{4})[)）〕\]]\s*(?P<court>[^\d\s]{1,4}\d{2,6})?"
                   r"(?P<type>[^\d\s]+)(?P<serial>\d+)(?P<tail>[号號].*)?$")
_AWARD = re.compile(r"^\s*(?P<prefix>\S+?)\s*[（(〔\[](?P<year>\d{4})[)）〕\]]\s*(?P<type>\D*?)"
                    r"(?P<serial>\d+)(?P<tail>[号號].*)$")
_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "总公司", "公司")
_PROVINCE = re.compile(r"^(.{2,3}(?:省|自治区)|北京市|天津市|上海市|重庆市)(?=.{4,})")
_TAIL_CHARS = 12


def _levels(number: str) -> list[str]:
    """Candidate labels from shortest to full: type+serial, court+type+serial, full."""
    m = _CASE.match(number)
    award = _AWARD.match(number) if m is None else None
    if award is not None:  # arbitration: 安劳人仲案字〔2020〕第413号
        end = f"{award['type']}{award['serial']}{award['tail']}"
        return [end, f"〔{award['year']}〕{end}", number.strip()]
    if m is None:
        tail = number if len(number) <= _TAIL_CHARS else "…" + number[-(_TAIL_CHARS - 1):]
        return [tail, number]
    end = m["serial"] + (m["tail"] or "")
    return [f"{m['type']}{end}", f"{m['court'] or ''}{m['type']}{end}", number.strip()]


def case_labels(numbers: Iterable[str]) -> dict[str, str]:
    """A short label per case number, distinct whenever the numbers differ.

    >>> case_labels(["(2021)豫0502民初1234号", "(2021)豫0502民初1299号"])
    {'(2021)豫0502民初1234号': '民初1234号', '(2021)豫0502民初1299号': '民初1299号'}
    >>> sorted(case_labels(["(2021)豫0502民初7号", "(2021)豫0503民初7号"]).values())
    ['豫0502民初7号', '豫0503民初7号']
    >>> sorted(case_labels(["(2020)豫0502民初7号", "(2021)豫0502民初7号"]).values())
    ['(2020)豫0502民初7号', '(2021)豫0502民初7号']
    >>> sorted(case_labels(["卫劳人仲案字（2020）第413号", "卫劳人仲案字（2020）第414号"]).values())
    ['第413号', '第414号']
    """
    unique = sorted(set(numbers))
    levels = {n: _levels(n) for n in unique}
    depth = {n: 0 for n in unique}
    while True:
        shown = Counter(levels[n][depth[n]] for n in unique)
        clashing = [n for n in unique if shown[levels[n][depth[n]]] > 1
                    and depth[n] < len(levels[n]) - 1]
        if not clashing:
            return {n: levels[n][depth[n]] for n in unique}
        for n in clashing:
            depth[n] += 1


def short_name(name: str, role: str, limit: int = 12) -> str:
    """A node's label: the name without the parts every name of its sort has, then clipped.

    >>> short_name("安阳市晟美建筑工程有限公司", "employer")
    '安阳市晟美建筑工程'
    >>> short_name("河南省安阳市文峰区人民法院", "forum")
    '安阳市文峰区法院'
    >>> short_name("安阳市劳动人事争议仲裁委员会", "forum")
    '安阳市劳动人事争议仲裁委'
    """
    text = name.strip()
    if role == "employer":
        for form in _FORMS:
            if text.endswith(form) and len(text) > len(form) + 1:
                text = text[: -len(form)]
                break
    elif role == "forum":
        text = _PROVINCE.sub("", text).replace("人民法院", "法院").replace("仲裁委员会", "仲裁委")
    if len(text) <= limit:
        return text
    return text[: limit - 1] + "…"
