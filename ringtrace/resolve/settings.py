"""The tunables of entity resolution: the ``[resolve]`` table of the rules file.

Every number that decides whether two mentions are one agent, person or employer lives in the
``[resolve]`` table of ``ringtrace/queries/rules.toml`` (each with the reason its default holds)
and reaches the rules as a :class:`ResolveSettings`. The typed rule configuration
(:class:`ringtrace.queries.rules.RuleConfig`) builds it from a rules file with
:meth:`ResolveSettings.from_table`; this package cannot import ``queries`` (it sits on a lower
layer), so a resolution asked for without settings (a query, the desk) reads the same table of
the shipped file here, through the same checks (:func:`shipped`). The settings are part of the
kept resolution's key (:func:`ringtrace.resolve.stage.kept_key`): a resolution made with other
settings is recomputed, not reused.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import asdict, dataclass, fields
from functools import cache
from importlib import resources
from typing import Any

from ringtrace.errors import RuleError


@dataclass(frozen=True)
class ResolveSettings:
    """The ``[resolve]`` table, typed (what each setting means: rules.toml and the rule's
    module docstring). The fields are in alphabetical order, as a stored scan's JSON keeps
    them, so that its records give the stored configuration back byte for byte."""

    #: two mentions of one agent act at most this many days apart (:mod:`~.agents`)
    agent_gap_days: int
    #: an employer's staff line is the one namesake bringing its workers' suits filed at most
    #: this many days from it (:mod:`~.both_sides`)
    both_sides_days: int
    #: a masked lawyer line joins the employer's usual counsel of the firm when they act in at
    #: least this many times as many of its suits as the other fitting lawyers together
    counsel_dominance: int
    #: a lay masked line on the workers' side is not an agent who stood for the employer
    #: itself in at least this many of its suits (:mod:`~.agents`)
    employer_agent_suits: int
    #: a masked lawyer line that fits another lawyer of its firm at some time joins the one it
    #: fits within agent_gap_days only when they act this many days apart at most
    #: (:mod:`~.agents`)
    firm_namesake_days: int
    #: a masked ID number's visible head identifies with the name from this many characters
    #: (:mod:`~.persons`)
    id_fragment_min_chars: int
    #: the joins that need no co-occurrence - a bare name whose only identified namesake in
    #: the prefecture is one person, a masked lawyer line whose firm has one lawyer the mask
    #: fits - reach at most this many days (:mod:`~.agents`)
    rare_agent_gap_days: int
    #: a lay masked line joins the one fitting agent on its side of the employer's suits only
    #: when that agent acts in at least this many of them (:mod:`~.agents`)
    regular_agent_suits: int
    #: ... and acts on that side within this many days of the line (:mod:`~.agents`)
    same_side_days: int
    #: an unregistered employer name this close (rapidfuzz ratio 0-100) to one registry row's,
    #: with its legal representative or address, is that row (:mod:`~.employers`)
    similar_name: int

    @classmethod
    def from_table(cls, table: Any, source: str) -> ResolveSettings:
        """The settings of a ``[resolve]`` table, checked: each a whole number, at least 1
        (``similar_name`` at most 100), no key missing or unknown."""
        if not isinstance(table, dict):
            raise RuleError(f"{source}: resolve must be a table")
        names = [f.name for f in fields(cls)]
        unknown = sorted(set(table) - set(names))
        if unknown:
            raise RuleError(f"{source}: unknown key(s) resolve.{', resolve.'.join(unknown)}")
        for name in names:
            value = table.get(name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise RuleError(f"{source}: resolve.{name} must be a whole number, at least 1, "
                                f"got {value!r}")
        if table["similar_name"] > 100:
            raise RuleError(f"{source}: resolve.similar_name is a similarity out of 100, got "
                            f"{table['similar_name']!r}")
        return cls(**{name: table[name] for name in names})

    def to_dict(self) -> dict[str, int]:
        return asdict(self)

    @property
    def digest(self) -> str:
        """A short digest of the values (part of the kept resolution's key)."""
        text = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()[:12]


@cache
def shipped() -> ResolveSettings:
    """The ``[resolve]`` table of the shipped rules file (read once)."""
    text = resources.files("ringtrace").joinpath("queries", "rules.toml").read_text("utf-8")
    return ResolveSettings.from_table(tomllib.loads(text).get("resolve"), "defaults")
