"""Rule weights and thresholds: the shipped defaults (``rules.toml``) and user overrides.

A rules file has the same layout as the defaults; it may change any weight or threshold but may
not invent rules or keys (a typo would otherwise silently do nothing).
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Mapping
from copy import deepcopy
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ringtrace.errors import RuleError
from ringtrace.queries.settings import (
    CapsSettings,
    ExposureSettings,
    GroupsSettings,
    RingsSettings,
    ScoringSettings,
    caps_of,
    checked_value,
    settings_of,
    to_table,
    type_hints,
)
from ringtrace.resolve.settings import ResolveSettings

if TYPE_CHECKING:  # the rule catalogue imports this module
    from ringtrace.queries.redflags.params import RuleParams

#: a table of a rules file as ``tomllib`` reads it (or an override of one): key -> number,
#: string, list or nested table
Table = Mapping[str, object]

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
    """The typed tables of a rules file (:mod:`ringtrace.queries.settings`) plus each rule's
    parameters, typed by the rule's parameter class (:mod:`ringtrace.queries.redflags.params`).

    Values are kept as the file wrote them (``weight = 1`` stays an int), so :meth:`to_dict`,
    the :attr:`fingerprint` and ``ringtrace rules show`` give the file back value for value; a
    rule reads its parameters through :meth:`RuleParams.of
    <ringtrace.queries.redflags.params.RuleParams.of>`, which converts (an int given for a
    float becomes a float)."""

    scoring: ScoringSettings
    #: rule id -> its parameters (an instance of the rule's parameter class), in file order
    rules: Mapping[str, RuleParams]
    exposure: ExposureSettings
    source: str
    caps: CapsSettings
    rings: RingsSettings
    groups: GroupsSettings
    #: none in a configuration stored by a scan from before the ``[spark]`` table
    spark: SparkSettings | None = None
    #: entity resolution's settings (the ``[resolve]`` table); none in a configuration stored
    #: by a scan from before it
    resolve: ResolveSettings | None = None
    #: settings (``section.key``, ``rules.ID.key``) that a configuration stored by an older
    #: scan lacked and that read the shipped default (:meth:`from_dict`); empty for a file.
    #: Not a value in force: left out of :meth:`to_dict`, the fingerprint and equality.
    filled: tuple[str, ...] = field(default=(), compare=False)

    def rule(self, rule_id: str) -> RuleParams:
        """The parameters of ``rule_id``, as the file wrote them."""
        try:
            return self.rules[rule_id]
        except KeyError:
            raise RuleError(f"no parameters for rule {rule_id!r} in {self.source}") from None

    def params(self, rule_id: str) -> Table:
        """The table of ``rule_id`` as the file wrote it (lists for tuples): what
        :meth:`RuleParams.from_table <ringtrace.queries.redflags.params.RuleParams.from_table>`
        reads."""
        return to_table(self.rule(rule_id))

    def weight(self, rule_id: str) -> float:
        return float(self.rule(rule_id).weight)

    @property
    def fingerprint(self) -> str:
        """SHA-256 (first 12 hex digits) of every value in force, whatever file they came from:
        two runs with the same fingerprint used the same weights and thresholds."""
        values = {k: v for k, v in self.to_dict().items() if k != "source"}
        text = json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]

    def to_dict(self) -> dict[str, Any]:
        return {"scoring": to_table(self.scoring),
                "rules": {r: to_table(p) for r, p in self.rules.items()},
                "exposure": to_table(self.exposure), "caps": self.caps.to_dict(),
                "rings": to_table(self.rings), "groups": to_table(self.groups),
                **({"resolve": self.resolve.to_dict()} if self.resolve else {}),
                **({"spark": self.spark.to_dict()} if self.spark else {}),
                "source": self.source}

    @classmethod
    def from_dict(cls, stored: Mapping[str, Any]) -> RuleConfig:
        """The rule configuration a scan stored in its meta (``source`` names the file it
        came from). Read through the same typed tables, but a record, not a file to refuse: a
        setting that an older scan did not have (a key, or a whole rule), or stored in a form
        this version does not read (a number where a list is now), reads the shipped default
        and is named in :attr:`filled`; one it had that is gone is dropped, and its caps are
        taken as they were (missing: empty). :func:`filled_note` words the fill for the
        reader."""
        from ringtrace.queries.redflags import RULES_BY_ID  # the catalogue imports this module

        source = str(stored.get("source", "stored scan"))
        shipped = default_rules().to_dict()
        filled: list[str] = []

        def merged(kind: type, path: str, kept: Mapping[str, Any], default: Mapping[str, Any]
                   ) -> dict[str, Any]:
            hints = type_hints(kind)
            out = {}
            for key, value in default.items():
                try:
                    checked_value(hints[key], kept[key], path, convert=False)
                    out[key] = kept[key]
                except (KeyError, RuleError):
                    filled.append(f"{path}.{key}")
                    out[key] = value
            return out

        def table(kind: type, name: str) -> dict[str, Any]:
            return merged(kind, name, stored.get(name) or {}, shipped[name])

        kept_rules = stored.get("rules") or {}
        rules = {r: merged(RULES_BY_ID[r].params, f"rules.{r}", kept_rules.get(r) or {}, t)
                 if r in kept_rules else t for r, t in shipped["rules"].items()}
        filled.extend(f"rules.{r}" for r in shipped["rules"] if r not in kept_rules)
        return cls(
            scoring=settings_of(ScoringSettings, table(ScoringSettings, "scoring"), source,
                                "scoring"),
            rules=_rule_params(rules, source, checked=True),
            exposure=settings_of(ExposureSettings, table(ExposureSettings, "exposure"), source,
                                 "exposure"),
            source=source, caps=caps_of(stored.get("caps", {}), source),
            rings=settings_of(RingsSettings, table(RingsSettings, "rings"), source, "rings"),
            groups=settings_of(GroupsSettings, table(GroupsSettings, "groups"), source,
                               "groups"),
            spark=SparkSettings(**stored["spark"]) if "spark" in stored else None,
            resolve=(ResolveSettings.from_table(table(ResolveSettings, "resolve"), "stored scan")
                     if "resolve" in stored else None),
            filled=tuple(sorted(filled)))

    def with_overrides(self, overrides: Table, source: str = "overrides") -> RuleConfig:
        """This configuration with ``overrides`` applied (same checks as a rules file)."""
        data = deepcopy({k: v for k, v in self.to_dict().items() if k != "source"})
        _merge(data, overrides, "", source)
        return _checked(data, f"{self.source} + {source}")


def filled_note(config: RuleConfig) -> str | None:
    """What a configuration read back from an older scan lacked, in a sentence that says how to
    get a scan made with every current setting; none when nothing was filled.

    >>> filled_note(default_rules()) is None
    True
    """
    if not config.filled:
        return None
    return (f"the stored scan predates {len(config.filled)} setting(s) of the rules file, or "
            f"stored them in a form this version does not read ({', '.join(config.filled)}); "
            "they read the shipped defaults. Run `ringtrace scan` again to record a scan made "
            "with every current setting")


def _defaults() -> dict[str, Any]:
    text = resources.files("ringtrace.queries").joinpath("rules.toml").read_text("utf-8")
    return tomllib.loads(text)


def _merge(base: dict[str, Any], override: Table, path: str, source: str) -> None:
    for key, value in override.items():
        where = f"{path}.{key}" if path else key
        if key not in base:
            raise RuleError(f"{source}: unknown key {where!r}; see the shipped defaults "
                            "(ringtrace/queries/rules.toml) for the valid names")
        if isinstance(base[key], dict):
            if not isinstance(value, Mapping):
                raise RuleError(f"{source}: {where} must be a table")
            _merge(base[key], value, where, source)
        else:
            if isinstance(base[key], (int, float)) and not isinstance(value, (int, float)):
                raise RuleError(f"{source}: {where} must be a number, got {value!r}")
            base[key] = value


def load_rules(path: Path | None = None, overrides: Table | None = None) -> RuleConfig:
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
    rules = data.get("rules")
    if not isinstance(rules, dict) or not all(isinstance(t, dict) for t in rules.values()):
        raise RuleError(f"{source}: rules must hold one table per rule")
    for rule_id, params in rules.items():
        w = params.get("weight")
        if not isinstance(w, (int, float)) or not -MAX_WEIGHT <= w <= MAX_WEIGHT:
            raise RuleError(f"{source}: rules.{rule_id}.weight must be a log-likelihood ratio "
                            f"between -{MAX_WEIGHT} and {MAX_WEIGHT}, got {w!r}")
    config = RuleConfig(
        scoring=settings_of(ScoringSettings, data.get("scoring"), source, "scoring"),
        rules=_rule_params(rules, source),
        exposure=settings_of(ExposureSettings, data.get("exposure"), source, "exposure"),
        source=source, caps=caps_of(data.get("caps"), source),
        rings=settings_of(RingsSettings, data.get("rings"), source, "rings"),
        groups=settings_of(GroupsSettings, data.get("groups"), source, "groups"),
        spark=_spark(data.get("spark"), source),
        resolve=(ResolveSettings.from_table(data["resolve"], source)
                 if "resolve" in data else None))
    placed: dict[str, str] = {}
    for cap in config.caps:
        unknown = [r for r in cap.rules if r not in rules]
        if unknown:
            raise RuleError(f"{source}: caps.{cap.name} names unknown rules {', '.join(unknown)}")
        held = cap.groups or ()
        unknown = [g for g in held if g not in config.caps.names or g == cap.name]
        if unknown:
            raise RuleError(f"{source}: caps.{cap.name} holds unknown caps {', '.join(unknown)}")
        for member in [*cap.rules, *(f"caps.{g}" for g in held)]:
            if member in placed:
                raise RuleError(f"{source}: {member} is in caps.{placed[member]} and "
                                f"caps.{cap.name}; a rule or cap belongs to one cap at most")
            placed[member] = cap.name
    for table, key, named in (
            ("rings", "employer_group_rules", config.rings.employer_group_rules),
            ("rings", "employer_anchored_rules", config.rings.employer_anchored_rules),
            ("groups", "explaining_rules", config.groups.explaining_rules)):
        unknown = [r for r in named if r not in rules]
        if unknown:
            raise RuleError(f"{source}: {table}.{key} names unknown rules {', '.join(unknown)}")
    return config


def _rule_params(tables: Mapping[str, Mapping[str, Any]], source: str, *,
                 checked: bool = False) -> dict[str, RuleParams]:
    """Each rule's table as its parameter class, kept as written. Unless already ``checked``
    (a stored scan's, read key by key), checked as the rule itself reads it when the rules file
    is loaded: a missing key, a 2.5 for a count is refused naming file and key, before ingest
    or scan reads the store, not when the scan reaches the rule."""
    from ringtrace.queries.redflags import RULES_BY_ID  # the catalogue imports this module

    unknown = [r for r in tables if r not in RULES_BY_ID]
    if unknown:
        raise RuleError(f"{source}: {', '.join(unknown)} is no rule of the catalogue "
                        "(ringtrace rules show lists them)")
    out: dict[str, RuleParams] = {}
    for rule_id, table in tables.items():
        kind = RULES_BY_ID[rule_id].params
        if not checked:
            kind.from_table(table, source, rule_id)  # the checks and messages a rule's reading has
        out[rule_id] = settings_of(kind, table, source, f"rules.{rule_id}")
    return out


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
