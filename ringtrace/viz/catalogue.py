"""The one label catalogue for people: rule names, node roles and codes in Chinese.

``viz/templates/labels_zh.yaml`` holds every Chinese label a reader sees; this module is the
only reader of it, so the HTML views, the evidence pack and the CLI tables name a rule the same
way. It imports nothing heavier than PyYAML, so the CLI can use it without the HTML stack.
English (``lang="en"``) keeps the rule ids, which English-speaking analysts already use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from ringtrace.errors import RingtraceError

if TYPE_CHECKING:  # an annotation only: the catalogue stays light to import
    from ringtrace.queries.rules_listing import Tunable

__all__ = ["cell_text", "column_name", "evidence_text", "labels", "role_label", "rule_name", "rule_names",
           "translate_rule_ids", "tunable_text"]

_RULE_ID = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")
_FIELD = re.compile(r"\b([a-z]+(?:_[a-z0-9]+)*)=(\[[^\]]*\]|[^，,；;\s]*)")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@cache
def labels() -> dict[str, Any]:
    """Chinese labels for code values, metrics, rules and roles (``labels_zh.yaml``)."""
    text = resources.files("ringtrace.viz").joinpath("templates", "labels_zh.yaml").read_text(
        "utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise RingtraceError("ringtrace/viz/templates/labels_zh.yaml must be a mapping; "
                             "restore it from the ringtrace package")
    return data


def rule_name(rule_id: Any, lang: str = "zh") -> str:
    """The name a reader sees for a red-flag rule; unknown ids are returned unchanged.

    >>> rule_name("CLAIM_MEDIATED"), rule_name("CLAIM_MEDIATED", "en"), rule_name("R9")
    ('调解结案', 'CLAIM_MEDIATED', 'R9')
    """
    if lang != "zh":
        return str(rule_id)
    return str(labels()["rules"].get(str(rule_id), rule_id))


def column_name(key: str, lang: str = "zh") -> str:
    """The header a reader sees for a table column (``columns`` in the catalogue); unknown
    keys, and every key in English, are returned unchanged.

    >>> column_name("case_number"), column_name("case_number", "en"), column_name("zzz")
    ('案号', 'case_number', 'zzz')
    """
    if lang != "zh":
        return key
    return str(labels().get("columns", {}).get(key, key))


def tunable_text(tunable: Tunable, lang: str = "zh") -> str:
    """What a setting of rules.toml is for, in the reader's language: ``tunables`` in the
    catalogue, else (a rule's own threshold) the rule's name before its comment, or before
    the key when no comment explains it; in English, the tunable's own explanation.

    >>> from ringtrace.queries.rules_listing import Tunable
    >>> tunable_text(Tunable("scoring", "lead_threshold", 0.72, 0.72, "final case score ..."))
    '案件最终评分（概率）达到此值即为线索'
    >>> tunable_text(Tunable("rules.EMP_BURST", "min_cases", 3, 3, "EMP_BURST: min_cases",
    ...                      "EMP_BURST", commented=False))
    '用人单位被密集起诉（相对参保人数）：min_cases'
    >>> tunable_text(Tunable("scoring", "lead_threshold", 0.72, 0.72, "final case score ..."),
    ...              "en")
    'final case score ...'
    """
    if lang != "zh":
        return tunable.explanation
    found = labels().get("tunables", {}).get(tunable.path)
    if found:
        return str(found)
    if tunable.rule_id is not None:
        own = tunable.explanation if tunable.commented else tunable.key
        weight = "权重（对数似然比）"
        return f"{rule_name(tunable.rule_id)}：{weight if tunable.key == 'weight' else own}"
    return tunable.explanation


def cell_text(column: str, value: Any, lang: str = "zh") -> Any:
    """A coded table cell as a reader sees it (``column_values`` in the catalogue names where
    a column's codes are); other values, and every value in English, are returned unchanged.

    >>> cell_text("status", "quarantined"), cell_text("kind", "Person"), cell_text("name", "ok")
    ('已隔离', '自然人', 'ok')
    >>> cell_text("sides", {"worker": 3, "employer": 1})
    ['用人单位×1', '劳动者×3']
    """
    if lang != "zh":
        return value
    if isinstance(value, list | tuple):
        return [cell_text(column, v, lang) for v in value]
    if isinstance(value, dict):  # counts by code, e.g. the sides an agent acted for
        return [f"{cell_text(column, k, lang)}×{n}" for k, n in sorted(value.items())]
    if not isinstance(value, str):
        return value
    catalogue = labels()
    for section in catalogue.get("column_values", {}).get(column, []):
        names = catalogue.get("values", {}).get(section) or catalogue.get(section) or {}
        if value in names:
            return names[value]
    return value


def rule_names(rule_ids: Iterable[Any], lang: str = "zh") -> list[str]:
    """:func:`rule_name` of each id, in order."""
    return [rule_name(r, lang) for r in rule_ids]


def translate_rule_ids(text: str, lang: str = "zh") -> str:
    """``text`` with every known rule id written as the rule's name (for free text such as a
    ring's reasons, which can quote rule ids).

    >>> translate_rule_ids("主要红旗：CLAIM_MEDIATED（3件）")
    '主要红旗：调解结案（3件）'
    """
    if lang != "zh":
        return text
    names = labels()["rules"]
    return _RULE_ID.sub(lambda m: str(names.get(m.group(0), m.group(0))), text)


def role_label(role: str) -> str:
    """The Chinese name of a ring-graph role (``intermediary`` → ``中介``)."""
    return str(labels()["roles"].get(role, role))


def _field_value(key: str, value: str) -> str:
    if value.startswith("["):
        amounts = [float(n) for n in _NUMBER.findall(value)]
        if key == "claim_amounts":
            return "、".join(f"{a:,.2f}".rstrip("0").rstrip(".") + "元" for a in amounts) or "无"
        return "、".join(_NUMBER.findall(value)) or "无"
    group = labels()["properties"].get(key)
    return str(labels()["values"][group].get(value, value)) if group else value


def evidence_text(detail: str, lang: str = "zh") -> str:
    """A rule's evidence line with ``field=value`` pairs written for a Chinese reader.

    >>> evidence_text("defendant_response=admits")
    '被告答辩=认可'
    >>> evidence_text("claim_amounts=[12000.0, 3500.5]；见判决书")
    '诉请金额=12,000元、3,500.5元；见判决书'
    """
    if lang != "zh":
        return detail
    keys = labels()["evidence_keys"]

    def write(match: re.Match[str]) -> str:
        key, value = match.group(1), match.group(2)
        if key not in keys:
            return match.group(0)
        return f"{keys[key]}={_field_value(key, value)}"

    return _FIELD.sub(write, detail)
