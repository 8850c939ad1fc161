"""Traditional script (OpenCC ``s2t``) and the pinyin glosses some reposts add to place names.

Names are converted on their own (:func:`convert_protected`), so the form recorded as printed
in ``truth.json`` is exactly the form in the text even where OpenCC's phrase matching would
otherwise join a name with its neighbours.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from ringtrace.errors import RingtraceError


@cache
def _converter() -> Any:
    try:
        import opencc
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise RingtraceError("traditional-script documents need OpenCC: pip install opencc"
                             ) from exc
    return opencc.OpenCC("s2t")


@cache
def to_traditional(text: str) -> str:
    """``河南省安阳市`` -> ``河南省安陽市`` (OpenCC s2t; cached, names recur)."""
    return str(_converter().convert(text))


def split_protected(text: str, names: Iterable[str]) -> list[tuple[bool, str]]:
    """``text`` as (is_name, segment) pieces; where names overlap, the longer one wins.

    >>> split_protected("原告王英与被告王英华", ["王英", "王英华"])
    [(False, '原告'), (True, '王英'), (False, '与被告'), (True, '王英华')]
    """
    taken: list[tuple[int, int]] = []
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        at = text.find(name)
        while at >= 0:
            stop = at + len(name)
            if all(stop <= a or at >= b for a, b in taken):
                taken.append((at, stop))
            at = text.find(name, stop)
    if not taken:
        return [(False, text)]
    out: list[tuple[bool, str]] = []
    last = 0
    for a, b in sorted(taken):
        if a > last:
            out.append((False, text[last:a]))
        out.append((True, text[a:b]))
        last = b
    if last < len(text):
        out.append((False, text[last:]))
    return out


def convert_protected(text: str, names: Iterable[str],
                      other: Callable[[str], str] = to_traditional,
                      name: Callable[[str], str] = to_traditional) -> str:
    """Apply ``other`` to the text between names and ``name`` to each name."""
    return "".join(name(seg) if is_name else other(seg)
                   for is_name, seg in split_protected(text, names))


_GLOSSES = {"區": "qū", "縣": "xiàn", "市": "shì", "鎮": "zhèn", "鄉": "xiāng", "省": "shěng"}
_GLOSS_AFTER = re.compile(r"(?<=[\u4e00-\u9fff])([區縣鎮鄉])(?![(（])")


def gloss(text: str) -> str:
    """Pinyin after administrative suffixes, as some reposts print them (``區(qū)``).

    >>> gloss("安陽市文峰區人民法院")
    '安陽市文峰區(qū)人民法院'
    """
    return _GLOSS_AFTER.sub(lambda m: f"{m.group(1)}({_GLOSSES[m.group(1)]})", text)
