"""Typed rule parameters: each rule reads fields of a frozen dataclass, not keys of a dict.

A rule's parameter class subclasses :class:`RuleParams` (which holds ``weight``, the key every
rule has) and :meth:`RuleParams.from_table` builds it from the rule's ``rules.toml`` table,
checking every key and type and naming the file and key on error::

    >>> @dataclass(frozen=True)
    ... class Demo(RuleParams):
    ...     min_cases: int
    ...     ages: tuple[float, float]
    >>> Demo.from_table({"weight": 1, "min_cases": 3, "ages": [45, 56]}, "rules.toml", "X")
    Demo(weight=1.0, min_cases=3, ages=(45.0, 56.0))
    >>> Demo.from_table({"weight": 1, "min_cases": 2.5, "ages": [45, 56]}, "my.toml", "X")
    Traceback (most recent call last):
    ...
    ringtrace.errors.RuleError: my.toml: rules.X.min_cases must be a whole number, got 2.5
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, fields
from typing import Any, TypeVar

from ringtrace.errors import RuleError
from ringtrace.queries.rules import RuleConfig
from ringtrace.queries.settings import checked_value

P = TypeVar("P", bound="RuleParams")


@dataclass(frozen=True)
class RuleParams:
    """The parameters every rule has; a rule with more subclasses this."""

    #: log-likelihood ratio the rule adds to the score of a case it hits (0 switches it off)
    weight: float

    @classmethod
    def of(cls: type[P], config: RuleConfig, rule_id: str) -> P:
        """The parameters of ``rule_id`` in ``config``."""
        return cls.from_table(config.params(rule_id), config.source, rule_id)

    @classmethod
    def from_table(cls: type[P], table: Mapping[str, object], source: str, rule_id: str) -> P:
        """The parameters of ``rule_id`` from its table of the rules file ``source``."""
        hints = typing.get_type_hints(cls)
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(table) - names)
        if unknown:
            raise RuleError(f"{source}: rules.{rule_id}.{unknown[0]} is no parameter of "
                            f"{rule_id} (it reads {', '.join(sorted(names))})")
        values: dict[str, Any] = {}
        for f in fields(cls):
            where = f"{source}: rules.{rule_id}.{f.name}"
            if f.name not in table:
                if f.default is MISSING:
                    raise RuleError(f"{where} is missing")
                continue
            values[f.name] = checked_value(hints[f.name], table[f.name], where)
        return cls(**values)


@dataclass(frozen=True)
class KeywordParams(RuleParams):
    """A rule that quotes the documents for words (``keywords`` in its table)."""

    keywords: tuple[str, ...]
