"""The sham-ring typologies: one row each, with its share of rings and how its cases look.

``--typologies`` switches rows on and off; shares are renormalised over the rows left on.
Routes: ``award`` (仲裁裁决书), ``court`` (一审判决书), ``court_mediation`` (民事调解书),
``arbitration_mediation`` (仲裁调解书). Agent styles say who stands in for the applicants:
``lay`` (the intermediary as a citizen agent), ``lawyer`` (a complicit small-firm lawyer),
``relatives`` (the applicants' family), ``subagents`` (several associates of the intermediary),
``none`` (the intermediary stays out of the documents).
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


def select(names: str | list[str] | None) -> list[Typology]:
    """The typologies named (comma list or list); all of them for None or ``all``; none for
    ``none``. Unknown names raise :class:`RingtraceError` listing the valid ones."""
    if names is None:
        return list(TYPOLOGIES.values())
    items = names.split(",") if isinstance(names, str) else list(names)
    items = [n.strip() for n in items if n.strip()]
    if items in (["all"], []):
        return list(TYPOLOGIES.values())
    if items == ["none"]:
        return []
    unknown = [n for n in items if n not in TYPOLOGIES]
    if unknown:
        raise RingtraceError(f"unknown typology {', '.join(unknown)}; choose from "
                             f"{', '.join(TYPOLOGIES)} (or all / none)")
    return [TYPOLOGIES[n] for n in dict.fromkeys(items)]
