"""Employer rules: which Employer nodes are one registered enterprise, and which are branches.

In order, strongest first (each merge quotes its evidence):

1. ``same_uscc`` - the same 18-character 统一社会信用代码 (tried before any name);
   ``same_registration_number`` - the same 15-digit 注册号 of older documents;
   ``same_org_code`` - the same 组织机构代码, printed by documents before 2016
   (``组织机构代码：10661739-1``) or carried in a USCC as its characters 9-17 (GB 32100 kept an
   enterprise's old code there), so a document printing the old code joins the registry row
   that prints only the USCC - unless the group holds two different USCCs.
2. ``name_variant`` - names that differ only in script, width, spacing, ``市``, a province
   prefix, bracket position or legal form, when no registry row has that name.
3. ``registry_name_variant`` / ``former_name`` - a document's name that, through those
   variants, fits exactly one registry row (or one row's 曾用名). Two rows fit: no merge.
4. ``masked_name`` - a masked name (``安阳市鑫某建材有限公司``) that fits exactly one registry
   row, and only when other evidence agrees (USCC fragment, address, legal representative,
   the forums' region in the USCC) and none disagrees.
   ``masked_name_address`` - a masked name printed with a specific address (street and house
   number) that fits exactly one enterprise known at that address, from the registry or from
   documents that name it in full, and nothing printed disagrees (USCC fragment, legal
   representative).
5. ``registry_place_left_out`` - a name printed without its place (``鑫源建材有限公司``, or
   with the province only: ``河南鑫源建材有限公司``) whose trade name and industry, in any legal
   form, fit exactly one registry row, registered in the prefecture where the suits are heard.
6. ``similar_name`` - a name close to exactly one registry row's (rapidfuzz) that shares its
   legal representative or its address.

Never merged: two different USCCs, two registry rows, a branch (分公司) and its parent; a branch
is tied to its parent by a ``branch_of`` relation instead. No name rule (2-6) joins two names
that print one place at two levels (``安阳县…`` / ``安阳市…``: a county and the city of one stem
are two registration districts, :func:`~ringtrace.resolve.names.places_disagree`); a name
printing the bare stem (``安阳…``) joins either only when it is the one that fits.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz

from ringtrace.graph import identity as ident
from ringtrace.regions import gb2260
from ringtrace.resolve import names
from ringtrace.resolve.cluster import Clusterer
from ringtrace.resolve.mentions import EmployerMention, Mentions
from ringtrace.resolve.seats import seat_prefecture
from ringtrace.resolve.settings import ResolveSettings, shipped


def exclusive(m: EmployerMention) -> dict[str, str]:
    """The attributes two members of one enterprise cannot differ in."""
    attrs = {"branch": m.company._branch_key or "-"}
    if m.uscc:
        attrs["uscc"] = m.uscc
    if m.in_registry:
        attrs["registry row"] = m.id
    return attrs


def rank(m: EmployerMention) -> tuple[object, ...]:
    """Which member names the entity: the registry row, then an unmasked name."""
    return (not m.in_registry, m.company.masked)


def _chain(uf: Clusterer, ids: list[str], rule: str, evidence: str) -> None:
    first = ids[0]
    for other in ids[1:]:
        uf.merge(first, other, rule, evidence)


def _groups(items: Iterable[tuple[str | None, str]]) -> list[tuple[str, list[str]]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for key, node in items:
        if key:
            groups[key].append(node)
    return [(k, sorted(v)) for k, v in sorted(groups.items()) if len(v) > 1]


def resolve_employers(m: Mentions, uf: Clusterer, settings: ResolveSettings | None = None
                      ) -> list[tuple[str, str, str]]:
    """Apply the employer rules to ``uf`` (``settings``: the shipped ones by default);
    returns (branch node, parent node, evidence) ties."""
    emp = m.employers
    ordered = m.employer_list
    for code, ids in _groups((e.uscc, e.id) for e in ordered):
        _chain(uf, ids, "same_uscc", f"same USCC {code}")
    for code, ids in _groups((e.reg_number, e.id) for e in ordered):
        _chain(uf, ids, "same_registration_number", f"same 注册号 {code}")
    for code, ids in _groups((e.org_code, e.id) for e in ordered):
        if len({emp[i].uscc for i in ids} - {None}) <= 1:  # two USCCs are two enterprises
            _chain(uf, ids, "same_org_code", f"same 组织机构代码 {code}")

    registry = [e for e in ordered if e.in_registry]
    by_key: dict[str, set[str]] = defaultdict(set)
    by_loose: dict[str, set[str]] = defaultdict(set)
    former_of: dict[tuple[str, str], str] = {}
    #: (row, key) -> the row's names (current, former) that give that key
    written_as: dict[tuple[str, str], list[names.CompanyName]] = defaultdict(list)
    for r in registry:
        for written in (r.name, *r.former_names):
            c = names.company_name(written)
            by_key[c.key].add(r.id)
            by_loose[c.loose_key].add(r.id)
            written_as[(r.id, c.key)].append(c)
            written_as[(r.id, c.loose_key)].append(c)
            if written != r.name:
                former_of[(r.id, c.key)] = former_of[(r.id, c.loose_key)] = written

    def joined_registry(node: str) -> bool:
        return bool(uf.attr(node, "registry row"))

    def registry_match(e: EmployerMention) -> tuple[str, str] | None:
        for key, index in ((e.company.key, by_key), (e.company.loose_key, by_loose)):
            # a row whose name prints the place at another level (安阳市 for 安阳县) is another
            # registration district's enterprise, not a spelling of this one; and beside such a
            # row, a row printing the bare stem (安阳) may be either place: only a row printing
            # the name's own level fits then
            candidates = index.get(key, set())
            rows = {r for r in candidates if any(
                names.places_disagree(e.company, c) is None for c in written_as[(r, key)])}
            if rows != candidates:
                rows = {r for r in rows if any(
                    names.same_levels(e.company, c) for c in written_as[(r, key)])}
            if not rows:
                continue
            roots = {uf.find(r) for r in rows}
            if len(roots) != 1:
                return None  # two registry rows fit: ambiguous, no merge
            row = min(rows)
            former = former_of.get((row, key))
            if former:
                return row, f"former name (曾用名) {former} of {emp[row].name}"
            return row, f"registry name variant: {names.variant(e.name, emp[row].name)}"
        return None

    unmatched: list[EmployerMention] = []
    for e in ordered:
        if e.in_registry or joined_registry(e.id) or e.company.masked:
            continue
        found = registry_match(e)
        if found is None:
            unmatched.append(e)
            continue
        row, why = found
        rule = "former_name" if why.startswith("former") else "registry_name_variant"
        if not uf.merge(e.id, row, rule, why):
            unmatched.append(e)

    # documents' spellings of an enterprise the registry does not hold
    loose = [e for e in unmatched if not joined_registry(e.id)]
    for _key, ids in _groups((e.company.key, e.id) for e in loose):
        _chain_variants(uf, [emp[i] for i in ids])
    for _key, ids in _groups((e.company.loose_key, e.id) for e in loose):
        _chain_variants(uf, [emp[i] for i in ids])

    _place_left_out(m, uf, registry)
    _masked_names(m, uf, registry)
    _masked_at_address(m, uf)
    _similar_names(m, uf, registry, (settings or shipped()).similar_name)
    return _branches(m)


def _chain_variants(uf: Clusterer, group: list[EmployerMention]) -> None:
    """Join the spellings of one key, except across place levels: when two of them print the
    place at two levels (``安阳县…`` and ``安阳市…``: two enterprises), each levelled spelling
    joins only those printing the same places at the same levels, and a name printing the
    bare stem (``安阳…``) could be either and joins neither. With no such disagreement the
    whole group is one enterprise's spellings (the bare stem joins the one level printed)."""
    parts = [group]
    spelt = list({e.company.levels: e.company for e in group}.values())  # one key: same places
    if any(names.places_disagree(a, b) for i, a in enumerate(spelt) for b in spelt[i + 1:]):
        by_level: dict[tuple[tuple[str, str], ...], list[EmployerMention]] = defaultdict(list)
        for e in group:
            printed = tuple((p, lv) for p, lv in zip(e.company.places, e.company.levels,
                                                      strict=True) if lv)
            if printed:
                by_level[printed].append(e)
        parts = [by_level[k] for k in sorted(by_level)]
    for part in parts:
        first = part[0]
        for other in part[1:]:
            uf.merge(first.id, other.id, "name_variant",
                     f"name variant: {names.variant(first.name, other.name)}")


def _regions(m: Mentions, e: EmployerMention) -> set[str]:
    """Prefecture codes of the forums of ``e``'s cases."""
    return {p for c in e.cases if (case := m.cases.get(c)) and (p := case.prefecture)}


def _agreements(m: Mentions, e: EmployerMention, r: EmployerMention) -> tuple[list[str], list[str]]:
    """Evidence beside a masked or similar name: what agrees and what disagrees."""
    agree: list[str] = []
    disagree: list[str] = []
    if e.code_fragment and r.uscc:
        (agree if r.uscc.startswith(e.code_fragment) else disagree).append(
            f"USCC fragment {e.code_fragment}")
    if e.uscc and r.uscc:
        (agree if e.uscc == r.uscc else disagree).append(f"USCC {e.uscc}")
    if e.address and r.address:
        same = e.address == r.address or e.address in r.address or r.address in e.address
        if same:
            agree.append(f"address {e.address}")
    if e.legal_rep and r.legal_rep:
        rep_e, rep_r = str(e.legal_rep), str(r.legal_rep)
        # either may be printed masked (a document naming the enterprise in full may still
        # mask its representative): masked names agree when they can stand for one name
        fits = rep_e == rep_r or ((names.masked(rep_e) or names.masked(rep_r))
                                  and ident.masks_compatible(rep_e, rep_r))
        (agree if fits else disagree).append(f"legal representative {rep_e}")
    if r.uscc and e.cases:
        regions = _regions(m, e)
        if regions and r.uscc[2:6] in regions:
            agree.append(f"forum region {r.uscc[2:6]}")
    return agree, disagree


def _place_left_out(m: Mentions, uf: Clusterer, registry: list[EmployerMention]) -> None:
    """``registry_place_left_out``: a document's name without its place - none at its head, or
    the province only (``鑫源建材有限公司``, ``河南鑫源建材有限公司``: a judgment names the
    enterprise as the parties call it) - is the registry row whose trade name and industry
    (the core) it carries, in whatever legal form (有限公司 / 有限责任公司 / 公司 / 厂), when

    * exactly one registry row (enterprise) in the whole registry has that core and branch
      label - a second anywhere, in any prefecture or form, and nothing is joined (the place is
      what would have told them apart, and it is not printed); nor when the documents name in
      full, with its place, an enterprise of that core that is not that row (a registry export
      covers part of a province: the namesake it lacks is as likely as the row it holds);
    * that row is registered (its USCC, else its name's places) in the prefecture of the forums
      of the suits that print the name, all of them - a labour dispute is heard where the
      employer is (劳动争议调解仲裁法 art. 21), so the forum is the place the document left out,
      and a name heard in two prefectures may be two places' namesakes;
    * a province printed, the row's is the same; and nothing printed disagrees (USCC, USCC
      fragment, legal representative).

    A registration is unique within its registration district only, so it is the forum's
    prefecture together with the only row of that core - not the core alone - that joins."""
    by_core: dict[tuple[str, str], list[EmployerMention]] = defaultdict(list)
    for r in registry:
        for written in (r.name, *r.former_names):
            c = names.company_name(written)
            if c.core:
                by_core[(c.core, c.branch or "")].append(r)
    provinces = names.places().provinces
    #: enterprises the documents name in full (with a place below the province), by core: a
    #: registry covers part of a province, so these are namesakes it may not hold
    placed: dict[tuple[str, str], list[EmployerMention]] = defaultdict(list)
    for e in m.employer_list:
        c = e.company
        if not e.in_registry and not c.masked and c.core and any(
                p not in provinces for p in c.places):
            placed[(c.core, c.branch or "")].append(e)
    for e in m.employer_list:
        c = e.company
        if (e.in_registry or c.masked or not c.core or uf.attr(e.id, "registry row")
                or len(c.places) > 1 or (c.places and c.places[0] not in provinces)):
            continue
        rows = by_core.get((c.core, c.branch or ""), [])
        if len({uf.find(r.id) for r in rows}) != 1:
            continue
        row = rows[0]
        if any(uf.find(d.id) != uf.find(row.id) for d in placed.get((c.core, c.branch or ""), [])):
            continue  # the documents name a namesake of another place the registry lacks
        if row.company.is_branch != c.is_branch:
            continue
        seat = seat_prefecture(row.uscc, row.name)
        if seat is None or _regions(m, e) != {seat}:
            continue  # heard elsewhere too: the name may stand for another place's namesake
        if c.places and names.place_stem(gb2260.name(f"{seat[:2]}0000") or "") != c.places[0]:
            continue  # the province printed is not the row's
        agree, disagree = _agreements(m, e, row)
        if disagree:
            continue
        agree = [a for a in agree if not a.startswith("forum region")]  # quoted already
        uf.merge(e.id, row.id, "registry_place_left_out",
                 f"name without its place: {e.name} fits only registry row {row.name} "
                 f"(same trade name and industry {c.core}), registered in the forums' "
                 f"prefecture {seat}" + (f"; agrees: {', '.join(agree)}" if agree else ""))


def _masked_names(m: Mentions, uf: Clusterer, registry: list[EmployerMention]) -> None:
    by_place: dict[str, list[EmployerMention]] = defaultdict(list)
    for r in registry:
        by_place[r.company.places[0] if r.company.places else ""].append(r)
    for e in sorted(m.employers.values(), key=lambda x: x.id):
        if e.in_registry or not e.company.masked or uf.attr(e.id, "registry row"):
            continue
        pattern = names.mask_pattern(e.name)
        if pattern is None:
            continue
        block = by_place.get(e.company.places[0] if e.company.places else "", [])
        fits = [r for r in block
                if any(pattern.match(c.text) and names.places_disagree(e.company, c) is None
                       for c in map(names.company_name, (r.name, *r.former_names)))
                and r.company.is_branch == e.company.is_branch]
        if len({uf.find(r.id) for r in fits}) != 1:
            continue
        row = fits[0]
        agree, disagree = _agreements(m, e, row)
        if agree and not disagree:
            uf.merge(e.id, row.id, "masked_name",
                     f"masked name {e.name} fits only registry row {row.name}; "
                     f"agrees: {', '.join(agree)}")


def mask_fits(pattern: re.Pattern[str], name: str) -> bool:
    """Does a masked company name's ``pattern`` fit ``name``, as written or without the
    places at its head (a publisher masks ``巩义市永和煤矿`` as ``***煤矿``: the mask hides
    the place with the trade name)?

    >>> p = names.mask_pattern("***煤矿")
    >>> mask_fits(p, "巩义市永和煤矿"), mask_fits(p, "巩义市永和机床厂")
    (True, False)
    """
    text = names.company_name(name).text
    return any(pattern.match(text[cut:]) for cut in (0, *names.place_cuts(text)))


def _masked_at_address(m: Mentions, uf: Clusterer) -> None:
    """``masked_name_address``: a masked name (``***针织有限公司``, ``郑州宏某针织有限公司``)
    printed with a specific address joins the one enterprise known at that address whose name
    it fits - the registry row, or the enterprise that other documents name in full at that
    address (a registered seat with a house number is what a reader would check; an
    enterprise the reader knows nothing about at that address stays unknown).

    Candidates are the enterprises (clusters) with an unmasked member printed or registered at
    the address; two that fit, or evidence that disagrees (a USCC fragment, a legal
    representative the masked one cannot stand for), and nothing is joined."""
    # the enterprises with a named member: their named members and addresses, by the root
    # they have now (this rule only joins masked mentions to them, never two of them)
    named: dict[str, list[EmployerMention]] = defaultdict(list)
    for e in m.employer_list:
        if not e.company.masked:
            named[uf.find(e.id)].append(e)
    seats: dict[str, set[str]] = defaultdict(set)
    at: dict[str, set[str]] = defaultdict(set)
    for e in m.employer_list:
        root = uf.find(e.id)
        if e.addresses and root in named:
            seats[root].update(e.addresses)
            for address in e.addresses:
                at[address].add(root)
    for e in m.employer_list:
        if not e.company.masked or not e.addresses or uf.find(e.id) in named:
            continue
        pattern = names.mask_pattern(e.name)
        if pattern is None:
            continue
        fits: dict[str, EmployerMention] = {}
        for root in sorted({r for a in e.addresses for r in at.get(a, ())}):
            member = _named_member(named[root], pattern, e.company)
            if member is not None:
                fits[root] = member
        if len(fits) != 1:
            continue
        root, row = next(iter(fits.items()))
        agree, disagree = _agreements(m, e, row)
        if disagree:
            continue
        shared = min(e.addresses & seats[root]).replace("|", "")
        uf.merge(e.id, row.id, "masked_name_address",
                 f"masked name {e.name} fits only {row.name} among the enterprises at "
                 f"{shared}" + (f"; agrees: {', '.join(agree)}" if agree else ""))


def _named_member(members: list[EmployerMention], pattern: re.Pattern[str],
                  masked: names.CompanyName) -> EmployerMention | None:
    """The member that names an enterprise (the registry row first) when its name or a former
    name fits ``pattern`` of the ``masked`` name (a branch only for a branch, and not a name
    printing a place at another level than the masked one: 安阳县 / 安阳市); None when none
    fits."""
    for o in sorted(members, key=lambda o: (rank(o), o.id)):
        if o.company.is_branch == masked.is_branch and any(
                mask_fits(pattern, w) and names.places_disagree(masked, names.company_name(w))
                is None for w in (o.name, *o.former_names)):
            return o
    return None


def _similar_names(m: Mentions, uf: Clusterer, registry: list[EmployerMention],
                   similar_name: int) -> None:
    """``similar_name``: a name this close (rapidfuzz ratio of the cores, 0-100) to one
    registry row's, with the same legal representative or address, is that row."""
    by_rep: dict[str, list[EmployerMention]] = defaultdict(list)
    by_address: dict[str, list[EmployerMention]] = defaultdict(list)
    for r in registry:
        if r.legal_rep and not names.masked(str(r.legal_rep)):
            by_rep[str(r.legal_rep)].append(r)
        if r.address:
            by_address[r.address].append(r)
    for e in sorted(m.employers.values(), key=lambda x: x.id):
        if e.in_registry or e.company.masked or uf.attr(e.id, "registry row"):
            continue
        pool = {r.id: r for r in [*by_rep.get(str(e.legal_rep or ""), []),
                                  *by_address.get(e.address or "", [])]}
        scored = []
        for r in pool.values():
            if r.company.is_branch != e.company.is_branch:
                continue
            if e.company.places and r.company.places and not (
                    set(e.company.places) & set(r.company.places)):
                continue
            if names.places_disagree(e.company, r.company):
                continue  # 安阳县 / 安阳市: two places
            score = fuzz.ratio(e.company.core, r.company.core)
            if score >= similar_name:
                scored.append((score, r))
        if len({uf.find(r.id) for _, r in scored}) != 1:
            continue
        score, row = max(scored, key=lambda s: (s[0], s[1].id))
        agree, disagree = _agreements(m, e, row)
        if not disagree and any(a.startswith(("legal", "address")) for a in agree):
            uf.merge(e.id, row.id, "similar_name",
                     f"similar registry name {row.name} ({score:.0f}/100); "
                     f"agrees: {', '.join(agree)}")


def _branches(m: Mentions) -> list[tuple[str, str, str]]:
    """(branch, parent, evidence) for every branch whose parent is a known employer."""
    parents: dict[str, list[str]] = defaultdict(list)
    for e in m.employers.values():
        if not e.company.is_branch:
            parents[e.company.loose_key].append(e.id)
    ties = []
    for e in sorted(m.employers.values(), key=lambda x: x.id):
        if e.company.parent is None:
            continue
        found = parents.get(names.company_name(e.company.parent).loose_key)
        if found:
            parent = min(found, key=lambda p: (not m.employers[p].in_registry, p))
            ties.append((e.id, parent, f"{e.name} is a branch (分公司) of {m.employers[parent].name}"))
    return ties
