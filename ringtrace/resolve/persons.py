"""Person rules: which Person nodes are one human being, from what the documents print.

In order, strongest first; all but ``same_id_number``, ``masked_birth_address`` and
``ledger_basis`` need the same (unmasked) name:

1. ``same_id_number`` - the same full 18-digit ID number (a masked name may join when its
   visible characters fit);
2. ``same_name_birth`` - name + birth date (from the party line or the ID number);
3. ``same_name_id_fragment`` - name + the visible head of a masked ID number;
   ``masked_birth_address`` - a masked name + the same birth date and specific address as
   the one mention whose name it fits (another instance or a masked copy of one dispute);
4. ``same_name_phone`` / ``same_name_address`` / ``same_name_firm`` - name + a phone, a
   specific address (house number, room, group), or the law firm printed beside an agent;
5. ``ledger_basis`` - a 补缴 ledger row and the worker of the case the row cites as its basis
   (same name, or a masked name that fits, and no other worker of that case fits);
   ``same_employer_birth`` - a masked party and the one named party against the same
   employer with its birth date whose name it fits (the instances and masked copies of one
   dispute);
   ``same_employer_claim`` - the same name against the same employer claiming the same
   period, both ends printed to the day or to the month in documents decided the same day
   (copies of one dispute: a repost cut before its party block, an award and its judgment);
6. ``legal_representative`` - the legal representative of one enterprise as printed in the
   registry and in documents (after employer resolution), and the one who acts as the
   enterprise's own (non-lawyer) agent in its cases.

A masked name (``***``, ``某某``, ``X``) is never merged by name alone, and two clusters with
different birth dates, ID numbers, sexes or law firms are never joined (:mod:`ringtrace.resolve.cluster`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from operator import attrgetter

from ringtrace.graph import identity as ident
from ringtrace.resolve import names
from ringtrace.resolve.cluster import Clusterer
from ringtrace.resolve.mentions import PROFESSIONAL, Mentions, PersonMention, namesakes
from ringtrace.resolve.settings import ResolveSettings, shipped

_ID = attrgetter("id")

#: how well a node id identifies its person (the entity takes the best one's id)
_KEY_RANK = {"id": 0, "b": 1, "idf": 2, "firm": 3, "tel": 4, "doc": 5}


def exclusive(p: PersonMention) -> dict[str, str]:
    attrs: dict[str, str] = {}
    if p.birth:
        attrs["birth date"] = p.birth
    if p.id_number:
        attrs["ID number"] = p.id_number
    if p.sex:
        attrs["sex"] = p.sex
    if len(p.firms) == 1:
        attrs["law firm"] = next(iter(p.firms))
    return attrs


def rank(p: PersonMention) -> tuple[object, ...]:
    kind = p.id.split("|", 1)[1].split(":", 1)[0] if "|" in p.id else "doc"
    return (p.masked, _KEY_RANK.get(kind, 6))


def masked_id(number: str) -> str:
    """An ID number as quoted in a reason: region and check digits only."""
    return f"{number[:6]}********{number[-4:]}"


def case_label(case_id: str) -> str:
    """The case number of a case node id (``Case:(2020)…号|forum`` -> ``(2020)…号``)."""
    return case_id.split(":", 1)[-1].split("|", 1)[0]


def _fits(a: PersonMention, b: PersonMention) -> bool:
    """Can the names stand for one person (equal, or one masked name fits the other)?"""
    if a.masked and b.masked:
        return False
    if a.masked:
        return ident.masked_matches(a.name, b.name)
    if b.masked:
        return ident.masked_matches(b.name, a.name)
    return a.key == b.key


def _by_key(people: Iterable[PersonMention], key: Callable[[PersonMention], Iterable[str]]
            ) -> list[list[PersonMention]]:
    """The groups of two or more people sharing a key, by key, each ordered by id (callers
    pass only the people that have a key: a province has a hundred thousand persons)."""
    groups: dict[str, list[PersonMention]] = defaultdict(list)
    for p in people:
        for k in key(p):
            groups[k].append(p)
    shared = sorted((k, g) for k, g in groups.items() if len(g) > 1)
    return [sorted(g, key=_ID) for _, g in shared]


def _chain(uf: Clusterer, group: list[PersonMention], rule: str,
           evidence: Callable[[PersonMention], str]) -> None:
    first = group[0]
    for other in group[1:]:
        uf.merge(first.id, other.id, rule, evidence(other))


def resolve_persons(m: Mentions, uf: Clusterer, settings: ResolveSettings | None = None
                    ) -> None:
    """Apply the person rules to ``uf`` (employers must be resolved already; ``settings``:
    the shipped ones by default)."""
    people = m.person_list
    named = namesakes([p for p in people if not p.masked and p.key])

    for group in _by_key([p for p in people if p.id_number], lambda p: [p.id_number or ""]):
        first = next((p for p in group if not p.masked), group[0])
        for other in group:
            if other is not first and (_fits(first, other) or (first.masked and other.masked)):
                uf.merge(first.id, other.id, "same_id_number",
                         f"same ID number {masked_id(first.id_number or '')}")
    for group in _by_key([p for p in named if p.birth], lambda p: [f"{p.key}|{p.birth}"]):
        _chain(uf, group, "same_name_birth",
               lambda o: f"same name {o.name} + birth date {o.birth}")
    _fragments(named, uf, (settings or shipped()).id_fragment_min_chars)
    _masked_birth_address(people, uf)
    for label, rule, values in (("phone", "same_name_phone", attrgetter("phones")),
                                ("address", "same_name_address", attrgetter("addresses")),
                                ("same law firm", "same_name_firm", attrgetter("firms"))):
        def keys(p: PersonMention, get: Callable[[PersonMention], AbstractSet[str]] = values
                 ) -> list[str]:
            return [f"{p.key}|{v}" for v in get(p)]

        for group in _by_key([p for p in named if values(p)], keys):
            shared = min(set(values(group[0])).intersection(*(values(p) for p in group[1:])),
                         default="?")
            first = group[0]
            for other in group[1:]:
                prefix = "same agent name" if rule == "same_name_firm" else "same name"
                uf.merge(first.id, other.id, rule, f"{prefix} {other.name} + {label} {shared}")
    _ledger(m, people, uf)
    _one_dispute(m, people, uf)
    _one_claim(m, named, uf)
    _legal_representatives(m, people, uf)


def _masked_birth_address(people: list[PersonMention], uf: Clusterer) -> None:
    """``masked_birth_address``: mentions with one birth date and one specific address (house
    number, room) are one person when one of them is masked and every two of their names fit
    each other.

    The first instance masks a worker as ``王某某``, the appeal as ``**香``, a repost as
    ``张某某`` beside the judgment that prints ``张玉梅``: a birth date and a flat are shared by
    one person. When two of the names cannot be one (``王某某`` and ``李某某``, or twins
    ``王秀香`` and ``王秀兰``), two people share them and nothing is joined."""
    dated = [p for p in people if p.birth and p.addresses]
    for group in _by_key(dated, lambda p: [f"{p.birth}|{a}" for a in p.addresses]):
        if not any(p.masked for p in group):
            continue  # named mentions: same_name_birth / same_name_address
        printed = [names.simplified(p.name) for p in group]
        if not all(ident.masks_compatible(a, b)
                   for i, a in enumerate(printed) for b in printed[i + 1:]):
            continue
        first = next((p for p in group if not p.masked), group[0])
        address = min(set.intersection(*(set(p.addresses) for p in group)))
        for other in group:
            if other is not first:
                uf.merge(first.id, other.id, "masked_birth_address",
                         f"{other.name} and {first.name}: same birth date {first.birth} and "
                         f"address {address}, names that fit")


def _one_dispute(m: Mentions, people: list[PersonMention], uf: Clusterer) -> None:
    """``same_employer_birth``: the instances and copies of one worker's dispute with one
    employer (the award, the refusal notice, the judgment, the appeal, a repost) print the
    worker unevenly - ``王明`` and a birth date in one, ``**`` and the same birth date in the
    next. A masked party joins the one party named in full against the same employer (entity)
    with the same birth date whose name it fits. The mask must leave a character readable
    (``王*``, ``*明``, ``王某``): a big workforce does hold people born on one day (200 workers
    over thirty years share a birthday more often than not), and a fully masked ``**`` fits
    every two-character name, so the birth date alone would join strangers; a readable surname
    or given name cuts that twentyfold and more. Two masked parties are not joined to each
    other this way (nothing says who they are), and two fitting named parties leave the masked
    one alone.

    A bare name against the same employer is not enough: a big employer's workforce has
    namesakes (two 王二军 in consecutive suits of one group), so a party printed with nothing
    but the name stays alone."""
    by_employer: dict[str, list[PersonMention]] = defaultdict(list)
    for p in people:
        if not (p.birth and p.party_cases):
            continue  # only dated parties are compared
        for case_id in sorted(set(p.party_cases)):
            case = m.cases.get(case_id)
            if case is not None:
                for e in sorted(set(case.employers)):
                    by_employer[uf.find(e)].append(p)
    for root, parties in sorted(by_employer.items()):
        employer = m.employers[root].name if root in m.employers else root
        if not any(p.masked for p in parties):
            continue
        dated = list({p.id: p for p in parties}.values())
        for group in _by_key(dated, lambda p: [p.birth or ""]):
            named = [p for p in group if not p.masked]
            for p in group:
                if not p.masked or not named:
                    continue
                printed = names.simplified(p.name)
                if not ident.kept_characters(printed):
                    continue  # nothing of the name is readable: the date alone is no proof
                fits = [o for o in named
                        if ident.masked_matches(printed, names.simplified(o.name))]
                if fits and len({uf.find(o.id) for o in fits}) == 1:
                    uf.merge(fits[0].id, p.id, "same_employer_birth",
                             f"{p.name} fits {fits[0].name}: same birth date {p.birth} "
                             f"against the same employer {employer}")


def _one_claim(m: Mentions, named: list[PersonMention], uf: Clusterer) -> None:
    """``same_employer_claim``: parties of one name against the same employer (entity) who
    claim the same period, its start and its end both printed to the day (or to the month,
    in documents decided on the same day), are one worker.

    Copies of one dispute print the claim alike: a judgment reposted on another site and cut
    before its party block (the worker then appears in the story by name alone, without the
    birth date and address the party line carried), or an award and the judgment that
    follows it. Without this the two copies count as two applicants against one employer,
    which is how one genuine worker's suit and its repost looked like a pair. Two namesakes
    of one workforce hired on the same day and leaving on the same day are far rarer than
    namesakes alone (which ``same_employer_birth`` refuses to join on the employer alone):
    a month-precision period alone is not enough (a closure lets a whole workforce go in one
    month), with the same day of decision it is, unless the documents print two numbers (two
    suits of one day's batch, :func:`_numbers`); two birth dates among them, or two parties of
    one suit (namesakes of one group suit), mean two people, so nothing is joined."""
    by_claim: dict[tuple[str, str, str], list[PersonMention]] = defaultdict(list)
    for p in named:
        for case_id in sorted(set(p.party_cases)):
            case = m.cases.get(case_id)
            if case is None or case.claim is None:
                continue
            for e in sorted({uf.find(e) for e in case.employers}):
                by_claim[(e, case.claim, p.key)].append(p)
    for (root, claim, _name), group in sorted(by_claim.items()):
        people = list({p.id: p for p in group}.values())
        if len({uf.find(p.id) for p in people}) < 2 or len({p.birth for p in people
                                                            if p.birth}) > 1:
            continue
        cases = [c for p in people for c in set(p.party_cases)]
        if len(cases) != len(set(cases)):
            continue  # two parties of one suit are two people, however alike their claims
        if ", decided " in claim and len(_numbers(m, cases)) > 1:
            continue  # decided the same day under two numbers: two suits of one batch
        said = f"claiming {claim} against the same employer {_employer_name(m, root)}"
        first = people[0]
        for other in people[1:]:
            uf.merge(first.id, other.id, "same_employer_claim", f"same name {other.name} {said}")


def _numbers(m: Mentions, case_ids: Iterable[str]) -> set[str]:
    """The case numbers of ``case_ids`` as they link (:attr:`CaseFacts.number`); a copy that
    prints no number, or a masked one, adds none.

    A month-precision claim joins copies decided on one day (``same_employer_claim``); but one
    day's decisions against one employer are also a batch - 40 awards on one day (SPP-2024-04),
    a closing firm's staff mediated in one session (docs/domain.md P8, §3.2 L2) - whose
    periods a template prints alike, and two namesakes in it are two suits under two numbers.
    A copy of one document prints that document's number, or none, or a masked one.
    """
    return {n for c in case_ids if (case := m.cases.get(c)) is not None
            and (n := case.number) is not None}


def _fragments(named: list[PersonMention], uf: Clusterer, min_chars: int) -> None:
    """``same_name_id_fragment``: a masked ID number's visible head of at least ``min_chars``
    characters, with the name, is the person whose ID number or fragment it fits."""
    with_fragment = [p for p in named if p.id_fragment and len(p.id_fragment) >= min_chars]
    if not with_fragment:
        return
    wanted = {p.key for p in with_fragment}
    pool: dict[str, list[PersonMention]] = defaultdict(list)
    for p in named:
        if p.key in wanted and (p.id_number or p.id_fragment):
            pool[p.key].append(p)
    for p in with_fragment:
        frag = p.id_fragment or ""
        fits = [o for o in pool[p.key] if o is not p and (
            (o.id_number or "").startswith(frag) or o.id_fragment == frag)]
        if fits and len({uf.find(o.id) for o in fits}) == 1:
            uf.merge(fits[0].id, p.id, "same_name_id_fragment",
                     f"same name {p.name} + ID fragment {frag}")


def _ledger(m: Mentions, people: list[PersonMention], uf: Clusterer) -> None:
    for p in people:
        if not p.ledger_cases:
            continue
        for case_id in sorted(set(p.ledger_cases)):
            case = m.cases.get(case_id)
            if case is None:
                continue
            fits = [m.persons[w] for w in sorted(set(case.workers))
                    if w in m.persons and w != p.id and _fits(p, m.persons[w])]
            if len(fits) == 1:
                uf.merge(p.id, fits[0].id, "ledger_basis",
                         f"补缴 ledger row for {p.name} cites {case_label(case_id)}, "
                         f"whose worker is {fits[0].name}")


def _legal_representatives(m: Mentions, people: list[PersonMention], uf: Clusterer) -> None:
    reps: dict[str, list[PersonMention]] = defaultdict(list)  # employer root -> its reps
    for p in people:
        if p.legal_rep_of:
            for employer in sorted(p.legal_rep_of):
                reps[uf.find(employer)].append(p)
    for root, group in sorted(reps.items()):
        _same_representative(m, uf, root, group)
    _representative_as_agent(m, people, uf, reps)


def _same_representative(m: Mentions, uf: Clusterer, root: str, group: list[PersonMention]
                         ) -> None:
    """One enterprise's representatives of one name are one person; a masked one joins when
    the enterprise has one unmasked name it fits. (Most enterprises have one representative
    mention and nothing to do: the quick exits keep that cheap.)"""
    named = [p for p in group if not p.masked]
    if len(named) > 1:  # one representative alone has no one to join
        name = _employer_name(m, root)
        for same in _by_key(named, lambda p: [p.key]):
            for other in same[1:]:
                uf.merge(same[0].id, other.id, "legal_representative",
                         f"{other.name}, legal representative of {name} "
                         "(registry and documents)")
    if len(named) == len(group) or len({p.key for p in named}) != 1:
        return  # no masked representative, or no single name for one to fit
    for p in group:
        if not p.masked:
            continue
        fits = [o for o in named if ident.masked_matches(p.name, o.name)]
        if fits:
            uf.merge(fits[0].id, p.id, "legal_representative",
                     f"masked legal representative {p.name} of {_employer_name(m, root)} "
                     f"fits {fits[0].name}")


def _employer_name(m: Mentions, root: str) -> str:
    return m.employers[root].name if root in m.employers else root


def _representative_as_agent(m: Mentions, people: list[PersonMention], uf: Clusterer,
                             reps: dict[str, list[PersonMention]]) -> None:
    """The legal representative acting as the enterprise's own agent in its cases."""
    rep_by_key: dict[tuple[str, str], str] = {}
    for root, group in reps.items():
        for p in group:
            if not p.masked:
                rep_by_key.setdefault((root, p.key), p.id)
    for p in people:
        if (not p.agent_cases or p.masked or "employer" not in p.agent_sides or p.legal_rep_of
                or p.agent_kinds & PROFESSIONAL or p.firms):
            continue  # a lawyer acting for a company is not its legal representative
        for case_id in sorted(set(p.agent_cases)):
            case = m.cases.get(case_id)
            if case is None:
                continue
            hits = {rep_by_key[(uf.find(e), p.key)] for e in case.employers
                    if (uf.find(e), p.key) in rep_by_key}
            if len(hits) == 1:
                rep = hits.pop()
                uf.merge(rep, p.id, "legal_representative",
                         f"{p.name}, legal representative of the employer, acts for it in "
                         f"{case_label(case_id)}")
                break
