"""Person rules: name + birth date / ID / phone / address across cases, ledger and registry."""

from __future__ import annotations

from pathlib import Path

from ringtrace.graph.identity import employer_id
from ringtrace.graph.records import BackPaymentRecord, RegistryRecord
from ringtrace.resolve import resolve
from ringtrace.resolve.model import Resolution
from tests.resolve.helpers import case, store_of


def _rules(res: Resolution, node: str) -> list[str]:
    return [m.rule for m in res.merges_of(node)]


def test_ledger_row_and_case_party_by_name_and_birth_date(tmp_path: Path) -> None:
    doc = case(1, workers=[{"name": "王卫东", "birth_date": "1961-07-29"}])
    row = BackPaymentRecord("王卫东", "安阳市恒达废旧物资回收有限公司", "2003-01", "2018-05",
                            id_number="410502196107291472", basis_case_number="(2021)豫0502民初1号")
    res = resolve(store_of(tmp_path, [doc], ledger=[row]))
    ledger = "Person:王卫东|id:410502196107291472"
    assert res.members(ledger) == ("Person:王卫东|b:1961-07-29", ledger)
    [merge] = res.merges_of(ledger)
    assert merge.evidence == "same name 王卫东 + birth date 1961-07-29"


def test_a_ledger_row_joins_the_masked_worker_of_the_case_it_cites(tmp_path: Path) -> None:
    doc = case(1, workers=[{"name": "王**"}])
    row = BackPaymentRecord("王卫东", "安阳市恒达废旧物资回收有限公司", "2003-01", "2018-05",
                            basis_case_number="(2021)豫0502民初1号")
    res = resolve(store_of(tmp_path, [doc], ledger=[row]))
    [ledger] = [e for e in res.entities.values() if e.kind == "Person"]
    assert _rules(res, ledger.id) == ["ledger_basis"]
    assert "cites (2021)豫0502民初1号, whose worker is 王**" in ledger.merges[0].evidence


def test_same_name_and_phone_joins_an_agent_printed_two_ways(tmp_path: Path) -> None:
    docs = [case(1, agents=[{"name": "孔龙", "birth_date": "1976-07-27", "phone": "13912345678"}]),
            case(2, agents=[{"name": "孔龙", "phone": "13912345678"}])]
    res = resolve(store_of(tmp_path, docs))
    assert res.members("Person:孔龙|b:1976-07-27") == ("Person:孔龙|b:1976-07-27",
                                                       "Person:孔龙|tel:13912345678")
    assert _rules(res, "Person:孔龙|b:1976-07-27") == ["same_name_phone"]


def test_namesakes_with_two_birth_dates_never_join_even_on_a_shared_phone(tmp_path: Path) -> None:
    docs = [case(1, agents=[{"name": "孔龙", "birth_date": "1976-07-27", "phone": "13912345678"}]),
            case(2, agents=[{"name": "孔龙", "birth_date": "1950-01-01", "phone": "13912345678"}])]
    res = resolve(store_of(tmp_path, docs))
    assert not res.merged
    assert res.refused == {"conflicting birth date": 1}


def test_masked_names_are_never_merged_by_the_name_and_birth_date(tmp_path: Path) -> None:
    docs = [case(1, workers=[{"name": "***", "birth_date": "1961-07-29"}]),
            case(2, workers=[{"name": "***", "birth_date": "1961-07-29"}])]
    assert not resolve(store_of(tmp_path, docs)).merged


def test_a_full_id_number_joins_a_masked_name_that_fits(tmp_path: Path) -> None:
    docs = [case(1, workers=[{"name": "王卫东", "id_number": "410502196107291472"}]),
            case(2, workers=[{"name": "王**", "id_number": "410502196107291472"}])]
    res = resolve(store_of(tmp_path, docs))
    [entity] = res.entities.values()
    assert [m.evidence for m in entity.merges] == ["same ID number 410502********1472"]


def test_the_legal_representative_of_one_enterprise_in_registry_and_documents(
        tmp_path: Path) -> None:
    row = RegistryRecord(name="安阳市恒达废旧物资回收有限公司", legal_representative="李强")
    res = resolve(store_of(tmp_path, [case(1, employer="安阳恒达废旧物资回收有限公司")], [row]))
    registry_rep = f"Person:李强|doc:rep:{employer_id(row.name)}"
    assert len(res.members(registry_rep)) == 2
    assert _rules(res, registry_rep) == ["legal_representative"]


def test_the_legal_representative_acting_as_the_employer_s_own_agent(tmp_path: Path) -> None:
    doc = case(1, agents=[{"name": "李强", "represents": ["安阳市恒达废旧物资回收有限公司"],
                           "kind": "employee"}])
    res = resolve(store_of(tmp_path, [doc]))
    rep = f"Person:李强|doc:rep:{employer_id('安阳市恒达废旧物资回收有限公司')}"
    assert res.entity(rep) == res.entity("Person:李强|doc:Case:(2021)豫0502民初1号|河南省安阳市文峰区人民法院")


def test_masked_instances_of_one_worker_join_by_birth_date_and_flat(tmp_path: Path) -> None:
    flat = "河南省叶县胜利路399号院9号楼4单元404号"
    first = case(1, workers=[{"name": "王某某", "birth_date": "1960-11-29", "address": flat}])
    appeal = case(2, workers=[{"name": "**香", "birth_date": "1960-11-29", "address": flat}],
                  day="2021-06-01")
    husband = case(3, workers=[{"name": "李某某", "birth_date": "1958-02-03", "address": flat}],
                   day="2021-07-01")
    res = resolve(store_of(tmp_path, [first, appeal, husband]))
    a, b, c = (f"Person:{name}|doc:Case:(2021)豫0502民初{n}号|河南省安阳市文峰区人民法院#p0|b:{birth}"
               for n, name, birth in ((1, "王某某", "1960-11-29"), (2, "**香", "1960-11-29"),
                                      (3, "李某某", "1958-02-03")))
    assert res.entity(a) == res.entity(b)
    assert res.entity(c) != res.entity(a)
    assert "masked_birth_address" in _rules(res, b) + _rules(res, a)


def _flatmates(tmp_path: Path, printed: tuple[str, ...]) -> bool:
    """Is anything merged among workers of these names with one birth date and one flat?"""
    flat = "河南省叶县胜利路399号院9号楼4单元404号"
    docs = [case(n, workers=[{"name": name, "birth_date": "1960-11-29", "address": flat}],
                 day=f"2021-0{n}-01") for n, name in enumerate(printed, 1)]
    return resolve(store_of(tmp_path, docs)).merged


def test_names_that_cannot_be_one_leave_a_shared_birth_date_and_flat_alone(
        tmp_path: Path) -> None:
    assert not _flatmates(tmp_path / "twins", ("王秀香", "王秀兰", "王某某"))
    assert not _flatmates(tmp_path / "two", ("王某某", "李某某", "**香"))
    assert _flatmates(tmp_path / "one", ("王秀香", "王某某", "**香"))


def test_a_masked_worker_with_the_birth_date_against_the_same_employer(tmp_path: Path) -> None:
    docs = [case(1, workers=[{"name": "王明", "birth_date": "1973-02-09"}]),
            case(2, workers=[{"name": "王*", "birth_date": "1973-02-09"}]),
            case(3, workers=[{"name": "王*", "birth_date": "1973-02-09"}],
                 employer="安阳市别的有限公司"),
            case(4, workers=[{"name": "王**", "birth_date": "1973-02-09"}]),
            case(5, workers=[{"name": "**", "birth_date": "1973-02-09"}])]
    res = resolve(store_of(tmp_path, docs))
    scope = "|doc:Case:(2021)豫0502民初{}号|河南省安阳市文峰区人民法院#p0|b:1973-02-09"
    masked = "Person:王*" + scope.format(2)
    assert res.entity(masked) == "Person:王明|b:1973-02-09"
    assert [m.rule for m in res.merges_of(masked)] == ["same_employer_birth"]
    # another employer, or a name that cannot be 王明 (three characters): apart
    assert res.entity("Person:王*" + scope.format(3)) == "Person:王*" + scope.format(3)
    assert res.entity("Person:王**" + scope.format(4)) == "Person:王**" + scope.format(4)
    # nothing of the name readable: a big workforce holds people born on one day, so apart
    assert res.entity("Person:**" + scope.format(5)) == "Person:**" + scope.format(5)


def _claiming(doc: dict[str, object], start: str, end: str) -> dict[str, object]:
    return {**doc, "claimed_start": start, "claimed_end": end}


def test_copies_of_one_dispute_join_by_name_employer_and_the_claim_to_the_day(
        tmp_path: Path) -> None:
    """A repost cut before its party block prints the worker by name alone; the same name
    claiming the same period to the day against the same employer is the same worker."""
    period = ("1994-01-17", "2010-03-27")
    docs = [_claiming(case(1, workers=[{"name": "王丽华", "birth_date": "1970-01-17"}]), *period),
            _claiming(case(2, workers=[{"name": "王丽华"}]), *period),
            # a month-precision claim decided on another day: a closure lets a whole
            # workforce go in one month
            _claiming(case(3, workers=[{"name": "王丽华"}], day="2021-05-01"), "1994-01", "2010-03"),
            # another employer
            _claiming(case(4, workers=[{"name": "王丽华"}], employer="安阳市别的有限公司"), *period)]
    res = resolve(store_of(tmp_path, docs))
    scope = "Person:王丽华|doc:Case:(2021)豫0502民初{}号|河南省安阳市文峰区人民法院"
    assert res.entity(scope.format(2)) == "Person:王丽华|b:1970-01-17"
    [merge] = res.merges_of(scope.format(2))
    assert merge.rule == "same_employer_claim"
    assert merge.evidence == ("same name 王丽华 claiming 1994-01-17 to 2010-03-27 against the "
                              "same employer 安阳市恒达废旧物资回收有限公司")
    assert res.entity(scope.format(3)) == scope.format(3)
    assert res.entity(scope.format(4)) == scope.format(4)


def test_copies_decided_the_same_day_join_on_a_claim_printed_to_the_month(
        tmp_path: Path) -> None:
    award = _claiming(case(1, workers=[{"name": "赵宏伟", "birth_date": "1978-09-23"}],
                           day="2016-08-29"), "2014-05", "2015-10")
    # the repost masks the number (a copy prints its document's number, none or a masked one)
    repost = _claiming({**case(2, workers=[{"name": "赵宏伟"}], day="2016-08-29"),
                        "case_number": "(2021)豫0502民初X号"}, "2014-05", "2015-10")
    store = store_of(tmp_path, [award, repost])
    res = resolve(store)
    [copy] = [n.id for n in store.iter_nodes("Person") if n.id.startswith("Person:赵宏伟|doc:")]
    assert res.entity(copy) == "Person:赵宏伟|b:1978-09-23"
    [merge] = res.merges_of(copy)
    assert merge.evidence == ("same name 赵宏伟 claiming 2014-05 to 2015-10, decided 2016-08-29 "
                              "against the same employer 安阳市恒达废旧物资回收有限公司")


def test_namesakes_of_one_days_batch_under_two_numbers_stay_apart(tmp_path: Path) -> None:
    """One day's decisions against one employer are also a batch (P8: 40 awards on one day),
    and a template prints its periods alike to the month: two suits under two numbers are two
    applicants, one of them printed without a birth date (rev27 M-3)."""
    one = _claiming(case(1, workers=[{"name": "张秀英", "birth_date": "1966-04-02"}],
                         day="2018-01-05"), "2001-01", "2015-12")
    two = _claiming(case(2, workers=[{"name": "张秀英"}], day="2018-01-05"), "2001-01", "2015-12")
    res = resolve(store_of(tmp_path, [one, two]))
    second = "Person:张秀英|doc:Case:(2021)豫0502民初2号|河南省安阳市文峰区人民法院"
    assert res.entity(second) == second


def test_namesakes_with_two_birth_dates_claiming_one_period_stay_apart(tmp_path: Path) -> None:
    period = ("1994-01-17", "2010-03-27")
    docs = [_claiming(case(1, workers=[{"name": "王丽华", "birth_date": "1970-01-17"}]), *period),
            _claiming(case(2, workers=[{"name": "王丽华", "birth_date": "1965-05-05"}]), *period),
            _claiming(case(3, workers=[{"name": "王丽华"}]), *period)]
    res = resolve(store_of(tmp_path, docs))
    assert len({res.entity(f"Person:王丽华|b:{b}") for b in ("1970-01-17", "1965-05-05")}) == 2
    third = "Person:王丽华|doc:Case:(2021)豫0502民初3号|河南省安阳市文峰区人民法院"
    assert res.entity(third) == third


def test_two_namesakes_of_one_suit_claiming_one_period_stay_apart(tmp_path: Path) -> None:
    """Two parties of one group suit are two people, however alike their printed claims."""
    period = ("1994-01-17", "2010-03-27")
    group = _claiming(case(1, workers=[{"name": "王丽华", "birth_date": "1970-01-17"},
                                       {"name": "王丽华"}]), *period)
    repost = _claiming(case(2, workers=[{"name": "王丽华"}]), *period)
    res = resolve(store_of(tmp_path, [group, repost]))
    assert not [e for e in res.entities.values()
                if e.kind == "Person" and any(m.rule == "same_employer_claim" for m in e.merges)]
