"""No tuning number hides in the code of ``ringtrace/queries`` or ``ringtrace/resolve``.

Every threshold, window, weight, share and minimum count that decides what is flagged, linked or
scored lives in ``ringtrace/queries/rules.toml`` (with a comment saying what it does and why the
default holds) and is read through the one typed configuration (``RuleConfig``, ``RingParams``,
``Reach``). This test reads every int and float literal in ``ringtrace/queries/**/*.py`` (bools
aside; ``-x`` counts as the literal ``-x``). 0, 1 and -1 are identities and allowed anywhere; any
other number must be listed in :data:`ALLOWED` for its module, with the reason it is not a
tunable - so the list is also the catalogue of the numbers the code keeps, and why.

A new number that decides a finding belongs in ``rules.toml``, not in this list.

Entity resolution (``ringtrace/resolve``) is held to the same: the numbers that decide whether
two mentions are one agent, person or employer are the ``[resolve]`` table, read as a
``ResolveSettings``; the numbers its code keeps are listed in :data:`RESOLVE_ALLOWED`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import ringtrace.queries
import ringtrace.resolve

ROOT = Path(ringtrace.queries.__file__).resolve().parent
RESOLVE_ROOT = Path(ringtrace.resolve.__file__).resolve().parent

#: identities, allowed in any module
TRIVIAL = frozenset({0, 1, -1})

# reasons shared by several modules
_PAIR = "'two or more': a link, series or reach needs more than one case, agent or employer"
_HALF = "'at least half' written as 2 * part >= whole (integer arithmetic, no float rounding)"
_ROUND = "rounding of reported values (decimal places), not a threshold"
_ISO_DAY = "len('YYYY-MM-DD') == 10: a full ISO date rather than a year or month"
_RETIRE = ("law: the 2024 decision on the gradual rise of the retirement age (former ages 60/55/50, "
           "first cohorts born 1965/1970/1975, a month per 4 or 2 birth months, at most 36/60)")
_REGION = "digit positions of a GB/T 2260 region code (province 2, prefecture 4, county 6)"

#: (module under ringtrace/queries, value) -> why the number is not a tunable
ALLOWED: dict[tuple[str, float], str] = {
    # configuration loader
    ("rules", 10.0): "MAX_WEIGHT: the validation bound on any weight (e^10), part of the loader",
    ("rules", 12): "hex digits of the rules fingerprint shown in eval reports",
    # calendar and date arithmetic
    ("redflags.common", 365.25): "calendar: mean days per year (Julian year) for ages and lengths",
    ("redflags.common", 12): "calendar: months per year (a YYYY date ends in December)",
    ("redflags.common", 2): "index of the day in a split 'YYYY-MM-DD'",
    ("redflags.common", 60): _RETIRE,
    ("redflags.common", 55): _RETIRE,
    ("redflags.common", 50): _RETIRE,
    ("redflags.common", 1965): _RETIRE,
    ("redflags.common", 1970): _RETIRE,
    ("redflags.common", 1975): _RETIRE,
    ("redflags.common", 4): _RETIRE,
    ("redflags.common", 36): _RETIRE,
    ("redflags.timeline", 31): "calendar: a month-precise claimed end may lie up to a month's "
                               "31 days from the exact birthday",
    ("redflags.timeline", 10): _ISO_DAY,
    ("redflags.batch", 10): _ISO_DAY,
    ("rings", 10): _ISO_DAY,
    ("ringlinks", 5): "workers of one suit paired every way up to this many (5! = 120 orders); "
                  "a computing bound, not a detection threshold",
    ("scan", 12): "MONTHS_PER_YEAR: a pension is paid monthly (exposure estimate)",
    ("overview", 7): "str(date)[:7] is the month 'YYYY-MM' of a chart bucket",
    ("feedback.simulate", 10): "str(timestamp)[:10] is the date 'YYYY-MM-DD' of a scan",
    ("exports", 19): "timestamp[:19] is 'YYYY-MM-DDTHH:MM:SS' in an export id",
    ("search", 4): "str(birth_date)[:4] is the birth year shown beside a search hit",
    ("search", 50): "default number of search hits listed (a page length, not a finding)",
    # identifier and code parsing
    ("redflags.geography", 18): "a USCC (统一社会信用代码) has 18 characters",
    ("redflags.geography", 2): "USCC characters 3-8 are the registering authority's region code",
    ("redflags.geography", 8): "USCC characters 3-8 are the registering authority's region code",
    ("redflags.geography", 12): "parsing: a place's province name lies in its first 12 characters "
                                "(the memo key of the head it is read from)",
    ("jurisdiction", 2): _REGION + "; two-digit court branch numbers",
    ("jurisdiction", 4): _REGION,
    ("jurisdiction", 6): _REGION,
    ("overview", 2): _REGION,
    ("overview", 4): _REGION,
    ("feedback.report", 2): _REGION,
    # stable ids (changing them would rename every ring and lead)
    ("exports", 6): "hex digits of an export id's digest",
    # rounding of stored and reported values
    ("rings", 4): _ROUND,
    ("rings", 6): _ROUND,
    ("scan", 6): _ROUND,
    ("scoring", 6): _ROUND,
    ("evaluate", 4): _ROUND,
    ("feedback.precision", 4): _ROUND,
    ("feedback.report", 4): _ROUND,
    ("exports", 4): _ROUND,
    ("reweight", 4): _ROUND + "; and a Bernoulli variance of 1/4 at p = 1/2: prior_strength "
                     "pseudo-observations give a Gaussian prior of precision strength / 4",
    ("reweight", 6): _ROUND,
    ("reweight", 9): _ROUND + " (offsets grouped for the solver)",
    ("reweight", 10000): "a suggested threshold floored to 4 decimals",
    # 'two or more' and 'half': counting, not thresholds
    ("rings", 2): _PAIR,
    ("series", 2): _PAIR + "; " + _HALF + " (a lawyer's series is half the candidates between)",
    ("ties", 2): _PAIR + "; " + _REGION + " (a municipality's prefecture is its first two digits)",
    ("ties", 4): _REGION,
    ("ties", 6): _REGION,
    ("pairlinks", 2): _PAIR + " (two applicants' claims make a pair)",
    ("confirmed", 2): _PAIR + " (a revoked suit and one more of its agent's or employer's)",
    ("fragments", 2): _PAIR + " (two suits of one agent, a pair of groups, a run of groups)",
    ("ringlinks", 2): _PAIR + " (two candidates sharing an impossible start make a host; a "
                         "chain of two or more cases is a link)",
    ("nominee_reach", 2): _PAIR + " (a nominee's two suits, at two employers, for two strangers)",
    ("counsel", 2): _PAIR + " (usual counsel of two or more of the forum's ordinary suits: one "
                    "suit is any counsel's)",
    ("redflags.agents", 2): _PAIR + " (agent reach: several employers, series, dated cases)",
    ("redflags.contacts", 2): _PAIR + " (a shared identifier joins two or more people/cases)",
    ("redflags.closure", 2): _PAIR + "; " + _HALF + " (the docstring's 'fewer than half')",
    ("redflags.timeline", 2): _HALF + " (at least half of a group suit's members near retirement)",
    ("frame", 2): _PAIR + " (identifiers owned by two or more people)",
    ("scan", 2): _PAIR + " (a ring is two or more leads of two or more applicants, most of "
                 "its cases leads); and 2 decimals of a yuan amount",
    ("evaluate", 2): _HALF + ": a found ring matches a true ring when each holds half the "
                     "other (evaluation, not detection)",
    # display limits (what is listed, never what is found)
    ("redflags.common", 30): "CITED_CASES: case numbers a finding's evidence lists",
    ("redflags.agents", 10): "evidence items listed for an AGENT_BOTH_SIDES case",
    ("redflags.claims", 6): "claim amounts quoted in CLAIM_MONEY's and CLAIM_CONFIRMATION_ONLY's "
                            "evidence",
    ("redflags.evidence", 40): "parsing: how far back in a record's clause a negation (未能提供…) "
                               "is looked for; a clause rarely runs longer",
    ("redflags.contacts", 20): "names listed in CONTACT_SHARED's evidence",
    ("scan", 4): "top rules named in a ring's reasons",
    ("scan", 5): "intermediaries listed per ring",
    ("scan", 200): "links listed per ring row",
    ("ringviews", 2): "intermediaries shown on a ring card",
    ("ringviews", 3): "top rules shown on a ring card",
    ("ringviews", 1500): "node cap of a drawn ring graph",
    ("entities", 200): "search hits read when looking a person up by name",
    ("overview", 20): "employers in the overview's top list",
    ("paths", 20): "search hits read per name when resolving a path's ends",
    ("paths", 5): "path explorer: paths returned (CLI --limit)",
    ("paths", 6): "path explorer: hops searched (CLI --max-hops)",
    ("paths", 500): "path explorer: nodes this connected are not walked through (keeps the "
                    "search small; shows paths, decides no finding)",
    ("exports", 12): "export sheet: default column width",
    ("exports", 16): "export sheet: column width",
    ("exports", 26): "export sheet: column width",
    ("exports", 28): "export sheet: column width",
    ("exports", 30): "export sheet: column width",
    ("exports", 40): "export sheet: column width",
    ("exports", 48): "export sheet: column width",
    ("exports", 50): "export sheet: column width",
    ("exports", 60): "export sheet: column width",
    # seeds, evaluation and feedback harness options (CLI defaults, not detection)
    ("communities", 42): "default seed for direct calls; a scan passes [scoring].community_seed",
    ("feedback.report", 7): "default seed of the holdout split (CLI --seed)",
    ("feedback.simulate", 7): "default seed of simulated outcomes (CLI --seed)",
    ("feedback.report", 50): "k of precision@k in a feedback report (CLI -k)",
    ("feedback.report", 0.5): "holdout share of a feedback report (CLI --holdout)",
    ("feedback.simulate", 0.5): "simulated outcome share (CLI --share)",
    ("evaluate", 50): "k of precision@k in an evaluation",
    ("evaluate", 100): "k of precision@k in an evaluation",
    ("evaluate", -2): "a document is known by the last two parts of its path",
    ("evaluate", 3): "SIZE_BANDS: the evaluation reports ring recall per band of planted size",
    ("evaluate", 5): "SIZE_BANDS: the evaluation reports ring recall per band of planted size",
    ("evaluate", 10): "SIZE_BANDS: the evaluation reports ring recall per band of planted size",
    ("reweight", 20.0): "DEFAULT_PRIOR_STRENGTH: the re-weighting prior's pseudo-observations "
                        "(CLI --prior-strength of `feedback report`); suggests weights, flags nothing",
    # numerical optimisation (Newton steps of the re-weighting)
    ("reweight", 100): "iteration cap of the Newton solver",
    ("reweight", 1e-09): "convergence tolerance of the Newton solver",
    ("reweight", 1e-06): "smallest line-search step",
    ("reweight", 1e-12): "line-search slack for floating-point noise",
    ("reweight", 2): "line search halves its step",
    ("reweight", 0.5): "the 1/2 of the Gaussian log-prior",
    # search input (what a search accepts, not what it finds)
    ("search", 100): "MAX_QUERY_CHARS: longest search text (SQLite refuses very long patterns)",
    ("search", 15): "a first-generation resident ID number has 15 digits",
    ("search", 18): "a resident ID number has 18 characters",
    # processes, buffers and caches
    ("community_step", 0.5): "seconds between checks that the parent process is alive",
    ("community_step", 5): "seconds to wait for the community process to stop",
    ("projection", 262144): "pairs per chunk when projecting (memory, not results)",
    ("projection", 2): "two ends per edge in a flat array",
    ("redflags.common", 17): "lru_cache size 2^17 for parsed dates",
    ("redflags.common", 256): "lru_cache size",
    ("redflags.geography", 16): "lru_cache size 2^16 for place heads",
    ("frame_cache", 20000): "entries per segment of the kept frame (memory, not results)",
    ("frame_cache", 3600.0): "age in seconds of a temporary file an interrupted scan left",
    ("frame_cache", 255): "the end mark of the kept frame's file format",
    ("frame_cache", 32): "hex digits of the kept frame's key",
}


#: (module under ringtrace/resolve, value) -> why the number is not a tunable
RESOLVE_ALLOWED: dict[tuple[str, float], str] = {
    # the settings loader
    ("settings", 100): "similar_name is a rapidfuzz ratio, out of 100 (validation bound)",
    ("settings", 12): "hex digits of the settings' digest in the kept resolution's key",
    # 'two or more'
    ("agents", 2): _PAIR + " (a block of namesakes; a usual counsel among several lawyers)",
    ("judgements", 2): "a judgement joins two or more mentions; a candidate's hint shows its "
                       "first two facts",
    # identifier and date parsing
    ("employers", 2): "USCC characters 3-6 are the registering authority's region code",
    ("employers", 6): "USCC characters 3-6 are the registering authority's region code",
    ("seats", 18): "a USCC (统一社会信用代码) has 18 characters",
    ("seats", 2): "USCC characters 3-6 are the registering authority's prefecture code",
    ("seats", 6): "USCC characters 3-6 are the registering authority's prefecture code",
    ("seats", 4): _REGION,
    ("mentions", 7): "len('YYYY-MM') == 7: the shortest date string read as a day",
    ("mentions", 2): "index of the day in a split date",
    ("mentions", 4): _REGION + "; the year of a YYYYMMDD birth date",
    ("mentions", 6): "a resident ID number's birth date starts at its 7th character; "
                     "the month of a YYYYMMDD birth date",
    ("mentions", 14): "a resident ID number's birth date ends at its 14th character",
    ("mentions", 10): _ISO_DAY,
    ("mentions", 17): "a resident ID number's first 17 characters are digits",
    ("mentions", 18): "a resident ID number has 18 characters",
    ("names", 2): "a place name's stem (安阳 of 安阳市) has two characters at least",
    ("names", 6): "parsing: a masked code's visible head is a fragment once it shows the "
                  "six-character region part (a shorter head names nothing)",
    ("names", 15): "a registration number (注册号) has 15 digits",
    ("names", 18): "a USCC (统一社会信用代码) has 18 characters",
    ("persons", 6): "a masked ID number shows the region (6 characters) and the last 4; the "
                    "rank after every identifying key",
    ("persons", -4): "a masked ID number shows the region (6 characters) and the last 4",
    ("persons", 2): "rank of an identifying key (full ID, birth date, fragment, firm, phone, "
                    "document): the order mentions are named by, not a threshold",
    ("persons", 3): "rank of an identifying key (see above)",
    ("persons", 4): "rank of an identifying key (see above)",
    ("persons", 5): "rank of an identifying key (see above)",
    # rounding, ids and evaluation
    ("evaluate", 4): _ROUND,
    ("evaluate", 2): "pairs among n mentions: n (n - 1) / 2 (evaluation, not resolution)",
    ("evaluate", -2): "a document is known by the last two parts of its path",
    ("stage", 12): "hex digits of the rules version (source digest)",
    ("stage", 16): "hex digits of a resolution's fingerprint",
    ("stage", 15): "hex digits of a kept key (after its 'g')",
    ("stage", 2): "the first two fields of the decoded-resolution memo",
    # display limits and caches
    ("judgements", 200): "search hits read when looking a judged name up",
    ("agents", 14): "lru_cache size 2^14 for mask patterns",
    ("mentions", 16): "lru_cache size 2^16 for parsed dates",
    ("names", 20): "cache size 2^20 for simplified names",
}


def _module(path: Path, root: Path = ROOT) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts)


def numeric_literals(root: Path = ROOT) -> Iterator[tuple[Path, int, str, float]]:
    """(file, line, module, value) of every int/float literal under ``root`` (a package
    folder: ``ringtrace/queries`` by default)."""
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        negated: set[int] = set()
        for node in ast.walk(tree):
            if (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub)
                    and isinstance(node.operand, ast.Constant)):
                negated.add(id(node.operand))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, (int, float))
                    and not isinstance(node.value, bool)):
                value = -node.value if id(node) in negated else node.value
                yield path, node.lineno, _module(path, root), value


def test_no_tuning_literal_outside_rules_toml() -> None:
    offending = [f"{path.relative_to(ROOT.parents[1])}:{line}:{value!r}"
                 for path, line, module, value in numeric_literals()
                 if value not in TRIVIAL and (module, value) not in ALLOWED]
    for where in offending:
        print(where)
    assert not offending, (
        "numbers in ringtrace/queries that are neither in rules.toml nor allowlisted in "
        "tests/queries/test_tunables.py (a tunable belongs in rules.toml):\n"
        + "\n".join(offending))


def test_every_allowlisted_number_is_still_used() -> None:
    used = {(module, value) for _path, _line, module, value in numeric_literals()}
    stale = sorted((key for key in ALLOWED if key not in used), key=str)
    assert not stale, f"allowlist entries no longer in the code, remove them: {stale}"


def test_every_allowlisted_number_says_why() -> None:
    assert all(reason.strip() for reason in ALLOWED.values())


def test_no_tuning_literal_in_resolution_outside_rules_toml() -> None:
    offending = [f"{path.relative_to(RESOLVE_ROOT.parents[1])}:{line}:{value!r}"
                 for path, line, module, value in numeric_literals(RESOLVE_ROOT)
                 if value not in TRIVIAL and (module, value) not in RESOLVE_ALLOWED]
    assert not offending, (
        "numbers in ringtrace/resolve that are neither in the [resolve] table of rules.toml "
        "nor allowlisted in tests/queries/test_tunables.py (RESOLVE_ALLOWED):\n"
        + "\n".join(offending))


def test_every_allowlisted_resolution_number_is_still_used() -> None:
    used = {(module, value) for _path, _line, module, value in numeric_literals(RESOLVE_ROOT)}
    stale = sorted((key for key in RESOLVE_ALLOWED if key not in used), key=str)
    assert not stale, f"RESOLVE_ALLOWED entries no longer in the code, remove them: {stale}"
    assert all(reason.strip() for reason in RESOLVE_ALLOWED.values())
