"""Every tunable in force, with its value, its shipped default and what it means.

The shipped ``rules.toml`` explains each key in a comment: on the key's line, on the lines
just above it, or on indented lines continuing the key's comment. :func:`explanations` reads
those comments (``tomllib`` drops them); :func:`tunables` pairs them with the values of a
:class:`~ringtrace.queries.rules.RuleConfig`, so ``ringtrace rules show`` can say what a
threshold is for next to the value a scan will use, and which of them a rules file changed.
A key of a rule's own table that has no comment is explained by the rule's id and the key.
Each :class:`Tunable` says which rule's table holds it and whether a comment explains it, so
the label catalogue (:func:`ringtrace.viz.catalogue.tunable_text`) words it in the reader's
language from those facts, not from this module's English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ringtrace.queries.rules import RuleConfig, default_rules

#: the order sections are listed in (the order of the shipped file)
SECTIONS = ("scoring", "rings", "caps", "groups", "rules", "exposure", "resolve", "spark")

_HEADER = re.compile(r"^\[([A-Za-z0-9_.]+)\]\s*(?:#.*)?$")
_KEY = re.compile(r"^([A-Za-z0-9_]+)\s*=")


@dataclass(frozen=True)
class Tunable:
    """One setting: ``section`` (``rings``, ``rules.EMP_BURST``, ``caps.burst`` ...), ``key``,
    the ``value`` in force, the shipped ``default`` and its ``explanation`` (English)."""

    section: str
    key: str
    value: Any
    default: Any
    explanation: str
    #: the rule whose own table holds the setting (``rules.<id>``), else none
    rule_id: str | None = None
    #: whether a comment of rules.toml explains it (else the explanation names rule and key)
    commented: bool = True

    @property
    def path(self) -> str:
        return f"{self.section}.{self.key}"

    @property
    def changed(self) -> bool:
        return bool(self.value != self.default)

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "section": self.section, "key": self.key,
                "value": self.value, "default": self.default, "changed": self.changed,
                "explanation": self.explanation}


def _comment(line: str) -> str | None:
    """The comment of a TOML line (text after a ``#`` outside a string), or None.

    >>> _comment('keywords = ["a#b"]  # why')
    'why'
    >>> _comment('weight = 0.9') is None
    True
    """
    quote = ""
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            return line[i + 1:].strip()
    return None


def _depth(line: str) -> int:
    """How many brackets ``line`` opens minus closes, outside strings and comments."""
    code = line.split("#", 1)[0] if _comment(line) is not None else line
    code = re.sub(r'"[^"]*"|\'[^\']*\'', "", code)
    return code.count("[") - code.count("]")


def explanations(text: str | None = None) -> dict[str, str]:
    """``section.key`` -> the comment that explains it in a rules file (the shipped one by
    default). A key without a comment of its own takes its section's: the comment block just
    above the section header (or, for a table of several like ``[caps.*]``, the nearest one
    above of its kind).

    >>> explanations('[rings]\\n# why the next\\nn = 2  # what it is\\n'
    ...              '                # and more\\n\\n# counted together\\n[caps.a]\\n'
    ...              'max = 1\\n[caps.b]\\nmax = 2\\n')
    {'rings.n': 'why the next what it is and more', 'caps.a.max': 'counted together', \
'caps.b.max': 'counted together'}
    """
    if text is None:
        text = resources.files("ringtrace.queries").joinpath("rules.toml").read_text("utf-8")
    found: dict[str, str] = {}
    section_notes: dict[str, str] = {}
    section = ""
    above: list[str] = []
    last: str | None = None  # the key whose inline comment may continue on the next lines
    depth = 0
    for raw in text.splitlines():
        line = raw.strip()
        if depth > 0:  # inside a multi-line value: its comments belong to its key
            depth += _depth(line)
            if last is not None and (note := _comment(line)):
                found[last] = f"{found.get(last, '')} {note}".strip()
            continue
        if not line:
            above, last = [], None
            continue
        if (header := _HEADER.match(line)) is not None:
            section = header.group(1)
            kind = section.split(".")[0]
            section_notes[section] = " ".join(above) or section_notes.get(kind, "")
            section_notes.setdefault(kind, section_notes[section])
            above, last = [], None
            continue
        if line.startswith("#"):
            if last is not None and raw.startswith((" ", "\t")):
                found[last] = f"{found[last]} {line.lstrip('#').strip()}"
            else:
                above.append(line.lstrip("#").strip())
                last = None
            continue
        if (key := _KEY.match(line)) is not None and section:
            path = f"{section}.{key.group(1)}"
            parts = [*above, _comment(line) or ""]
            found[path] = " ".join(p for p in parts if p) or section_notes.get(section, "")
            above, last = [], path if found[path] else None
            depth = _depth(line)
            if depth > 0 and last is None:
                last = path
    return _chained({k: v for k, v in found.items() if v})


def _chained(notes: dict[str, str]) -> dict[str, str]:
    """Comments written as one sentence over several keys (``... needs this many ...`` then
    ``... unless ...``) read whole on each key: a note that starts with ``...`` is prefixed
    with the previous key's note of the same section.

    >>> _chained({"r.a": "needs this many ...", "r.b": "... unless this"})["r.b"]
    'needs this many ... unless this'
    """
    out: dict[str, str] = {}
    previous: tuple[str, str] | None = None
    for path, note in notes.items():
        section = path.rsplit(".", 1)[0]
        if (note.startswith("...") and previous is not None and previous[0] == section
                and previous[1].endswith("...")):
            note = f"{previous[1]} {note.removeprefix('...').strip()}"
        out[path] = note
        previous = (section, note)
    return out


def _flatten(config: RuleConfig) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    data = config.to_dict()
    for top in SECTIONS:
        value = data.get(top) or {}
        nested = top in ("caps", "rules")
        for name, item in value.items():
            if nested:
                for key, v in item.items():
                    flat[f"{top}.{name}.{key}"] = v
            else:
                flat[f"{top}.{name}"] = item
    return flat


def tunables(config: RuleConfig | None = None) -> list[Tunable]:
    """Every tunable of ``config`` (the shipped defaults by default), in the file's order."""
    from ringtrace.queries.redflags import RULES_BY_ID

    config = config or default_rules()
    notes = explanations()
    defaults = _flatten(default_rules())
    found = []
    for path, value in _flatten(config).items():
        section, key = path.rsplit(".", 1)
        note = notes.get(path, "")
        rule_id = section.removeprefix("rules.") if section.startswith("rules.") else None
        if not note and rule_id in RULES_BY_ID:
            note = (f"{rule_id}: weight (log-likelihood ratio)" if key == "weight"
                    else f"{rule_id}: {key}")
        found.append(Tunable(section, key, value, defaults.get(path), note, rule_id,
                             bool(notes.get(path))))
    return found


def matching(found: list[Tunable], patterns: tuple[str, ...]) -> list[Tunable]:
    """The tunables whose path contains any of ``patterns`` (case-insensitive); all for none.

    >>> t = [Tunable("rings", "min_ring_cases", 2, 2, ""), Tunable("scoring", "x", 1, 1, "")]
    >>> [x.path for x in matching(t, ("MIN_RING",))]
    ['rings.min_ring_cases']
    """
    if not patterns:
        return found
    wanted = [p.lower() for p in patterns]
    return [t for t in found if any(p in t.path.lower() for p in wanted)]
