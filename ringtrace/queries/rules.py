"""Rule weights and thresholds: the shipped defaults (``rules.toml``) and user overrides.

A rules file has the same layout as the defaults; it may change any weight or threshold but may
not invent rules or keys (a typo would otherwise silently do nothing).
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from copy import deepcopy
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ringtrace.errors import RuleError
from ringtrace.resolve.settings import ResolveSettings

#: the largest weight a rule may have either way: a likelihood ratio of e^10 (about 22,000)
MAX_WEIGHT = 10.0


@dataclass(frozen=True)
class SparkSettings:
    """How ``ringtrace spark scan`` cuts a corpus into executor tasks (the ``[spark]`` table).

    They spread the work and never change the results: a bin holds whole components, and no
    link the rules or ring assembly follow crosses components (docs/spark.md)."""

    #: cases per executor task: small components are packed into bins of about this many
    bin_cases: int
    #: a component with more cases runs alone in a task, its size recorded in the results
    max_component_cases: int

    def to_dict(self) -> dict[str, int]:
        return {"bin_cases": self.bin_cases, "max_component_cases": self.max_component_cases}


@dataclass(frozen=True)
class RuleConfig:
    """Scoring settings plus one parameter table per rule id."""

    scoring: dict[str, Any]
    rules: dict[str, dict[str, Any]]
    exposure: dict[str, Any]
    source: str
    caps: dict[str, dict[str, Any]] = field(default_factory=dict)
    rings: dict[str, Any] = field(default_factory=dict)
    groups: dict[str, Any] = field(default_factory=dict)
    #: none in a configuration stored by a scan from before the ``[spark]`` table
    spark: SparkSettings | None = None
    #: entity resolution's settings (the ``[resolve]`` table); none in a configuration stored
    #: by a scan from before it
    resolve: ResolveSettings | None = None

    def params(self, rule_id: str) -> dict[str, Any]:
        try:
            return self.rules[rule_id]
        except KeyError:
            raise RuleError(f"no parameters for rule {rule_id!r} in {self.source}") from None

    def weight(self, rule_id: str) -> float:
        return float(self.params(rule_id)["weight"])

    @property
    def fingerprint(self) -> str:
        """SHA-256 (first 12 hex digits) of every value in force, whatever file they came from:
        two runs with the same fingerprint used the same weights and thresholds."""
        values = {k: v for k, v in self.to_dict().items() if k != "source"}
        text = json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]

    def to_dict(self) -> dict[str, Any]:
        return {"scoring": self.scoring, "rules": self.rules, "exposure": self.exposure,
                "caps": self.caps, "rings": self.rings, "groups": self.groups,
                **({"resolve": self.resolve.to_dict()} if self.resolve else {}),
                **({"spark": self.spark.to_dict()} if self.spark else {}),
                "source": self.source}

    def with_overrides(self, overrides: dict[str, Any], source: str = "overrides"
                       ) -> RuleConfig:
        """This configuration with ``overrides`` applied (same checks as a rules file)."""
        data = deepcopy({k: v for k, v in self.to_dict().items() if k != "source"})
        _merge(data, overrides, "", source)
        return _checked(data, f"{self.source} + {source}")


def _defaults() -> dict[str, Any]:
    text = resources.files("ringtrace.queries").joinpath("rules.toml").read_text("utf-8")
    return tomllib.loads(text)


def _merge(base: dict[str, Any], override: dict[str, Any], path: str, source: str) -> None:
    for key, value in override.items():
        where = f"{path}.{key}" if path else key
        if key not in base:
            raise RuleError(f"{source}: unknown key {where!r}; see the shipped defaults "
                            "(ringtrace/queries/rules.toml) for the valid names")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise RuleError(f"{source}: {where} must be a table")
            _merge(base[key], value, where, source)
        else:
            if isinstance(base[key], (int, float)) and not isinstance(value, (int, float)):
                raise RuleError(f"{source}: {where} must be a number, got {value!r}")
            base[key] = value


def load_rules(path: Path | None = None, overrides: dict[str, Any] | None = None) -> RuleConfig:
    """Defaults, then the TOML file at ``path``, then an in-memory ``overrides`` mapping."""
    data = _defaults()
    source = "defaults"
    if path is not None:
        try:
            user = tomllib.loads(Path(path).read_text("utf-8"))
        except OSError as exc:
            raise RuleError(f"cannot read rules file {path}: {exc.strerror or exc}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise RuleError(f"{path}: not valid TOML: {exc}") from exc
        _merge(data, user, "", str(path))
        source = str(path)
    if overrides:
        data = deepcopy(data)
        _merge(data, overrides, "", "overrides")
    return _checked(data, source)


@cache
def default_rules() -> RuleConfig:
    """The shipped defaults, loaded once (for code that needs a default without a scan's
    configuration at hand; do not mutate)."""
    return load_rules()


def _checked(data: dict[str, Any], source: str) -> RuleConfig:
    for rule_id, params in data["rules"].items():
        w = params.get("weight")
        if not isinstance(w, (int, float)) or not -MAX_WEIGHT <= w <= MAX_WEIGHT:
            raise RuleError(f"{source}: rules.{rule_id}.weight must be a log-likelihood ratio "
                            f"between -{MAX_WEIGHT} and {MAX_WEIGHT}, got {w!r}")
    caps = data.get("caps", {})
    placed: dict[str, str] = {}
    for name, cap in caps.items():
        unknown = [r for r in cap.get("rules", []) if r not in data["rules"]]
        if unknown:
            raise RuleError(f"{source}: caps.{name} names unknown rules {', '.join(unknown)}")
        unknown = [g for g in cap.get("groups", []) if g not in caps or g == name]
        if unknown:
            raise RuleError(f"{source}: caps.{name} holds unknown caps {', '.join(unknown)}")
        for member in [*cap.get("rules", []), *(f"caps.{g}" for g in cap.get("groups", []))]:
            if member in placed:
                raise RuleError(f"{source}: {member} is in caps.{placed[member]} and "
                                f"caps.{name}; a rule or cap belongs to one cap at most")
            placed[member] = name
    for table, key in (("rings", "employer_group_rules"), ("rings", "employer_anchored_rules"),
                       ("groups", "explaining_rules")):
        unknown = [r for r in data.get(table, {}).get(key, []) if r not in data["rules"]]
        if unknown:
            raise RuleError(f"{source}: {table}.{key} names unknown rules {', '.join(unknown)}")
    return RuleConfig(scoring=data["scoring"], rules=data["rules"], exposure=data["exposure"],
                      source=source, caps=data.get("caps", {}), rings=data.get("rings", {}),
                      groups=data.get("groups", {}), spark=_spark(data.get("spark"), source),
                      resolve=(ResolveSettings.from_table(data["resolve"], source)
                               if "resolve" in data else None))


def _spark(table: dict[str, Any] | None, source: str) -> SparkSettings | None:
    """The ``[spark]`` table, checked: each setting a whole number of cases, at least one."""
    if table is None:
        return None
    for key in ("bin_cases", "max_component_cases"):
        value = table.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise RuleError(f"{source}: spark.{key} must be a whole number of cases, at least "
                            f"1, got {value!r}")
    return SparkSettings(table["bin_cases"], table["max_component_cases"])
