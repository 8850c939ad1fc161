"""The sham-ring typologies: one row each, with its share of rings and how its cases look.

``--typologies`` switches rows on and off; shares are renormalised over the rows left on.
Routes: ``award`` (仲裁裁决书), ``court`` (一审判决书), ``court_mediation`` (民事调解书),
``arbitration_mediation`` (仲裁调解书). Agent styles say who stands in for the applicants:
``lay`` (the intermediary as a citizen agent), ``lawyer`` (a complicit small-firm lawyer),
``relatives`` (the applicants' family), ``subagents`` (several associates of the intermediary),
``none`` (the intermediary stays out of the documents), ``lawyers_many`` (each applicant has a
lawyer of a different local firm; no lay intermediary visible).

:data:`TYPOLOGIES` are today's rows; :data:`NEW_TYPOLOGIES` join them in varied worlds
(``--variation`` above 0) or when named explicitly.
"""

from __future__ import annotations

from dataclasses import dataclass

from ringtrace.errors import RingtraceError

Weights = tuple[tuple[str, float], ...]

_MIX: Weights = (("award", 0.5), ("court_mediation", 0.18), ("arbitration_mediation", 0.12),
                 ("court", 0.2))
_AGENTS: Weights = (("lay", 0.32), ("lawyer", 0.2), ("relatives", 0.15), ("none", 0.18),
                    ("subagents", 0.15))


@dataclass(frozen=True)
class Typology:
    name: str
    share: float
    description: str
    routes: Weights
    batch: tuple[int, int] | None  # applicants filed together; None = spread out, no bursts
    agent_styles: Weights = _AGENTS
    employer_agent: str = "manager"  # manager | intermediary
    cross_province: bool = False
    shared_contacts: bool = False
    tiny: bool = False
    employers: tuple[int, int] | None = None  # fixed range of employers used
    short_statement: bool = False  # mediations written up as parties + agreement only
    before_founding: bool = False  # claimed starts before the employer was founded
    related: bool = False  # applicants are relatives (spouses, siblings) of one village


TYPOLOGIES: dict[str, Typology] = {t.name: t for t in (
    Typology("court_judgment", 0.18, "court judgments confirming the relationship, in batches",
             (("court", 1.0),), (3, 20)),
    Typology("arbitration_batch", 0.22, "many awards issued by one commission on the same day",
             (("award", 1.0),), (5, 40)),
    Typology("mediation", 0.16, "court or arbitration mediation statements",
             (("court_mediation", 0.6), ("arbitration_mediation", 0.4)), (2, 15)),
    Typology("spread", 0.10, "several small employers and forums, no burst at any one",
             _MIX, None, employers=(3, 5)),
    Typology("cross_province", 0.12, "applicants living in another province than the "
             "employer and forum", _MIX, (4, 30), cross_province=True),
    Typology("intermediary_as_employer_agent", 0.10, "the intermediary acts for the employer "
             "as its HR head or employee",
             (("award", 0.6), ("court_mediation", 0.15), ("arbitration_mediation", 0.1),
              ("court", 0.15)), (3, 25), agent_styles=(("none", 0.5), ("relatives", 0.3),
                                                       ("subagents", 0.2)),
             employer_agent="intermediary"),
    Typology("shared_contacts", 0.07, "different agents who share phones or addresses",
             _MIX, (2, 12), agent_styles=(("subagents", 1.0),), shared_contacts=True),
    Typology("tiny", 0.05, "two to four applicants", _MIX, (2, 4), tiny=True,
             employers=(1, 1)),
)}


NEW_TYPOLOGIES: dict[str, Typology] = {t.name: t for t in (
    Typology("mediation_short", 0.12, "mediation statements that are only the parties and "
             "a one-line agreement confirming the relationship",
             (("court_mediation", 0.5), ("arbitration_mediation", 0.5)), (2, 15),
             short_statement=True),
    Typology("before_founding_lawyers", 0.08, "claimed employment starts before the employer "
             "was founded; lawyers of different firms act, no lay intermediary visible",
             (("award", 0.4), ("court", 0.35), ("court_mediation", 0.25)), (3, 20),
             agent_styles=(("lawyers_many", 1.0),), before_founding=True),
    Typology("small_related", 0.07, "two to four relatives of one village (spouses, "
             "siblings) at a closing employer whose manager colludes; relatives as agents",
             _MIX, (2, 4), agent_styles=(("relatives", 1.0),), tiny=True, employers=(1, 1),
             related=True),
)}
ALL_TYPOLOGIES: dict[str, Typology] = {**TYPOLOGIES, **NEW_TYPOLOGIES}


def select(names: str | list[str] | None, varied: bool = False) -> list[Typology]:
    """The typologies named (comma list or list); for None or ``all`` today's typologies, plus
    the new ones when ``varied``; none for ``none``. Unknown names raise
    :class:`RingtraceError` listing the valid ones.

    >>> [t.name for t in select("tiny,mediation_short")]
    ['tiny', 'mediation_short']
    >>> len(select(None)), len(select("all", varied=True))
    (8, 11)
    """
    every = ALL_TYPOLOGIES if varied else TYPOLOGIES
    if names is None:
        return list(every.values())
    items = names.split(",") if isinstance(names, str) else list(names)
    items = [n.strip() for n in items if n.strip()]
    if items in (["all"], []):
        return list(every.values())
    if items == ["none"]:
        return []
    unknown = [n for n in items if n not in ALL_TYPOLOGIES]
    if unknown:
        raise RingtraceError(f"unknown typology {', '.join(unknown)}; choose from "
                             f"{', '.join(ALL_TYPOLOGIES)} (or all / none)")
    return [ALL_TYPOLOGIES[n] for n in dict.fromkeys(items)]
