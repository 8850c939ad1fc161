"""Who is speaking: the party named just before ``辩称``, ``诉称``, ``上诉称``, ``未到庭``…

A statement is attributed to the employer side or the other side by the latest (and, on a tie,
longest) mention in the few characters before it, within the same sentence: a party's name,
a short name defined in the text (``神龙公司``) or its role label (``被上诉人``).
"""

from __future__ import annotations

import re

from ringtrace.loaders.judgments.parties import ParsedParty

_WINDOW = 40
_SENTENCE_BREAK = "。；;\n"
_BRACKET = re.compile(r"[(（]")


def tokens(parties: list[ParsedParty]) -> list[str]:
    """Names, short names and role labels by which ``parties`` are referred to."""
    words: list[str] = []
    for p in parties:
        words.append(p.party.name)
        words += p.aliases
        base = _BRACKET.split(p.party.role_in_text)[0]
        if base:
            words.append(base)
    return sorted({w for w in words if len(w) >= 2}, key=len, reverse=True)


def speaker(text: str, pos: int, employer: list[str], others: list[str]) -> str | None:
    """``employer``, ``other`` or None for the statement starting at ``pos``."""
    window = text[max(0, pos - _WINDOW):pos]
    for br in _SENTENCE_BREAK:
        window = window.rsplit(br, 1)[-1]
    best: tuple[int, int, str] | None = None  # (end, length, group): the latest, longest mention
    for group, words in (("employer", employer), ("other", others)):
        for w in words:
            at = window.rfind(w)
            if at >= 0 and (best is None or (at + len(w), len(w)) > best[:2]):
                best = (at + len(w), len(w), group)
    return best[2] if best else None


def subject(sentence: str, employer: list[str], others: list[str]) -> str | None:
    """``employer``, ``other`` or None: the side named first in ``sentence`` (its subject, in a
    sentence the court writes of a party: ``原告为补缴养老保险，于2020年申请仲裁``)."""
    best: tuple[int, int, str] | None = None  # (start, -length, group): the earliest, longest
    for group, words in (("employer", employer), ("other", others)):
        for w in words:
            at = sentence.find(w)
            if at >= 0 and (best is None or (at, -len(w)) < best[:2]):
                best = (at, -len(w), group)
    return best[2] if best else None


def sides(parties: list[ParsedParty]) -> tuple[list[str], list[str]]:
    """Reference tokens of the employer side and of everyone else.

    Without any employer (no organisation among the parties) the defendants stand in for it;
    without any defendant either (a copy that names only the worker), the role word opposite
    the worker's (``申请人`` → ``被申请人``) does.
    """
    employers = [p for p in parties if p.party.side == "employer"]
    others = [p for p in parties if p.party.side != "employer"]
    if not employers:
        employers = [p for p in parties if p.party.role == "defendant"]
        others = [p for p in parties if p.party.role != "defendant"]
    if not employers:
        opposite = [_OPPOSITE[w] for w in tokens(others) if w in _OPPOSITE]
        return sorted(set(opposite), key=len, reverse=True), _with_third_party(tokens(others), [])
    employer_words = tokens(employers)
    return employer_words, _with_third_party(tokens(others), employer_words)


def _with_third_party(others: list[str], employer: list[str]) -> list[str]:
    """``others`` with the role word ``第三人`` when no party of the block carries it.

    A copy whose party lines were cut or stripped still writes ``第三人经本院合法传唤…拒不到庭``:
    without the word among the other side's tokens, that absence would be read as the
    employer's (the ``被告`` named earlier in the sentence)."""
    if _THIRD_PARTY in others or _THIRD_PARTY in employer:
        return others
    return sorted([*others, _THIRD_PARTY], key=len, reverse=True)


_THIRD_PARTY = "第三人"


_OPPOSITE = {"原告": "被告", "申请人": "被申请人", "上诉人": "被上诉人", "再审申请人": "被申请人"}
