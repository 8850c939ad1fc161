"""The keys that tie records together, for cutting a corpus into independent parts.

A scan's answer for a case depends only on the records it can reach through the graph the
rules and ring assembly walk: its parties, agents, employers, phones, addresses, law firms and
related case numbers, and whatever entity resolution may merge with them. :func:`record_keys`
lists those as plain strings for one record, computed with ringtrace's own graph building
(``graph/build.py``: the node ids the store would hold) plus the keys resolution compares
(``resolve/``): a person's name key with a birth date, an address, a phone, a law firm or an ID
fragment; an agent's name key alone (agents of one name are compared in blocks); a company's
loose name key and USCC. Two records sharing a key are in one part; records sharing none, even
through other records, cannot change each other's findings, rings or scores.

Forums are left out on purpose: a court links every case it decided, and no rule compares a
case with the other cases of its court (geography reads the forum's own place only).

>>> from ringtrace.graph.records import BackPaymentRecord
>>> keys = record_keys(BackPaymentRecord("张三", "安阳市恒达有限公司", "2001-01", "2015-12",
...                                      basis_case_number="(2021)豫0502民初100号"))
>>> [k.split(":", 1)[0] for k in keys]
['BackPayment', 'Employer', 'Person', 'company', 'number']
"""

from __future__ import annotations

from collections.abc import Mapping

from ringtrace.graph import identity as ident
from ringtrace.graph.build import backpayment_batch, case_batch, registry_batch
from ringtrace.graph.elements import GraphBatch
from ringtrace.graph.records import BackPaymentRecord, CaseRecord, RegistryRecord
from ringtrace.resolve.names import company_name, masked, person_key, simplified

__all__ = ["record_keys"]

Record = CaseRecord | RegistryRecord | BackPaymentRecord

#: node kinds that are no link (see the module docstring)
_NOT_LINKS = frozenset({"Forum"})
#: person facts that, with the name, let resolution merge two person nodes
_PERSON_FACTS = ("birth_date", "address", "phone", "id_number")


def _name_key(name: str) -> str:
    return person_key(simplified(ident.halfwidth(name)))


def _person_keys(props: Mapping[str, object], firm: str | None) -> list[str]:
    name = str(props.get("name") or "")
    if not name.strip():
        return []
    facts = [(f, str(props[f])) for f in _PERSON_FACTS if props.get(f)]
    if firm:
        facts.append(("firm", ident.normalize_firm(firm)))
    if masked(name):  # a masked name is only ever matched with its birth date and address
        both = dict(facts)
        if "birth_date" in both and "address" in both:
            return [f"masked:{name}|{both['birth_date']}|"
                    f"{ident.normalize_address(both['address'])}"]
        return []
    key = _name_key(name)
    found = []
    for fact, value in facts:
        if fact == "address":
            value = ident.normalize_address(value)
        elif fact == "phone":
            value = ident.normalize_phone(value)
        elif fact == "id_number":
            value = ident.id_fragment(value) or value
        found.append(f"person:{key}|{fact}:{value}")
    return found


def _batch_keys(batch: GraphBatch) -> set[str]:
    keys: set[str] = set()
    agents = {e.src for e in batch.edges if e.kind == "AGENT_IN"}
    firms = {e.src: e.props.get("law_firm") for e in batch.edges if e.kind == "AGENT_IN"}
    for node in batch.nodes:
        if node.kind in _NOT_LINKS:
            continue
        keys.add(node.id)
        props = node.props
        if node.kind == "Person":
            keys.update(_person_keys(props, firms.get(node.id)))
            name = str(props.get("name") or "")
            if node.id in agents and name.strip() and not masked(name):
                keys.add(f"agent:{_name_key(name)}")
        elif node.kind == "Employer":
            name = str(props.get("name") or "")
            if name.strip() and not masked(name):
                keys.add(f"company:{company_name(name).loose_key}")
            if props.get("uscc"):
                keys.add(f"uscc:{props['uscc']}")
    keys.update(alias for alias, _ in batch.aliases)
    return keys


def record_keys(record: Record) -> list[str]:
    """The link keys of one record (sorted)."""
    if isinstance(record, CaseRecord):
        keys = _batch_keys(case_batch(record))
        for number in [record.case_number, *record.related_case_numbers]:
            if key := ident.case_number_key(number):
                keys.add(f"number:{key}")
    elif isinstance(record, RegistryRecord):
        keys = _batch_keys(registry_batch(record))
        keys.update(f"company:{company_name(n).loose_key}" for n in record.former_names
                    if not masked(n))
    else:
        keys = _batch_keys(backpayment_batch(record, []))
        if key := ident.case_number_key(record.basis_case_number):
            keys.add(f"number:{key}")
    return sorted(keys)
