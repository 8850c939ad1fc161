"""Agent rules: one citizen agent across bare mentions; namesakes elsewhere stay apart."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from ringtrace.resolve import resolve
from tests.resolve.helpers import case, store_of

IDENTIFIED = {"name": "孔龙", "birth_date": "1976-07-27"}
BARE = {"name": "孔龙"}


def _bare_id(n: int, court: str = "河南省安阳市文峰区人民法院", code: str = "豫0502") -> str:
    return f"Person:孔龙|doc:Case:(2021){code}民初{n}号|{court}"


def test_bare_mentions_join_the_only_identified_agent_of_the_name(tmp_path: Path) -> None:
    docs = [case(1, agents=[IDENTIFIED]), case(2, agents=[BARE], day="2021-05-01"),
            case(3, agents=[BARE], day="2021-09-01", employer="安阳市别的有限公司")]
    res = resolve(store_of(tmp_path, docs))
    assert res.members("Person:孔龙|b:1976-07-27") == ("Person:孔龙|b:1976-07-27", _bare_id(2),
                                                       _bare_id(3))
    assert {m.rule for m in res.merges_of(_bare_id(2))} == {"agent_only_namesake"}


def test_a_common_name_in_two_provinces_is_two_agents(tmp_path: Path) -> None:
    docs = [case(1, agents=[IDENTIFIED]), case(2, agents=[BARE], court="chongqing")]
    assert not resolve(store_of(tmp_path, docs)).merged


def test_namesakes_years_apart_or_both_active_leave_a_bare_mention_alone(tmp_path: Path) -> None:
    # years apart, and the name is not rare: another identified 孔龙 acts in another city
    other = {"name": "孔龙", "birth_date": "1950-03-03"}
    far = [case(1, agents=[IDENTIFIED], day="2014-01-01"), case(2, agents=[BARE]),
           case(3, agents=[other], court="zhengzhou")]
    assert not resolve(store_of(tmp_path / "far", far)).merged
    # a rare name, but more than a decade (rare_agent_gap_days) apart
    decade = [case(1, agents=[IDENTIFIED], day="2009-01-01"), case(2, agents=[BARE])]
    assert not resolve(store_of(tmp_path / "decade", decade)).merged
    two = [case(1, agents=[IDENTIFIED], employer="甲公司"),
           case(2, agents=[{"name": "孔龙", "birth_date": "1980-02-02"}], employer="乙公司"),
           case(3, agents=[BARE], employer="丙公司")]
    assert not resolve(store_of(tmp_path / "two", two)).merged


def test_a_bare_rare_name_joins_its_only_identified_carrier_years_apart(tmp_path: Path) -> None:
    docs = [case(1, agents=[IDENTIFIED], day="2016-01-01"), case(2, agents=[BARE])]
    res = resolve(store_of(tmp_path, docs))
    assert res.entity(_bare_id(2)) == "Person:孔龙|b:1976-07-27"
    [merge] = res.merges_of(_bare_id(2))
    assert merge.rule == "agent_rare_name"
    assert "the only identified agent of that name in the prefecture" in merge.evidence


def test_relatives_are_each_applicant_s_own(tmp_path: Path) -> None:
    relative = {"name": "孔龙", "kind": "relative", "relation": "原告之子"}
    docs = [case(1, agents=[{**IDENTIFIED, "kind": "relative"}]), case(2, agents=[relative])]
    assert not resolve(store_of(tmp_path, docs)).merged


def test_lawyers_of_different_firms_are_different_people(tmp_path: Path) -> None:
    docs = [case(1, agents=[{"name": "张伟", "kind": "lawyer", "law_firm": "河南甲律师事务所"}]),
            case(2, agents=[{"name": "张伟", "kind": "lawyer", "law_firm": "河南乙律师事务所"}]),
            case(3, agents=[{"name": "张伟", "kind": "lawyer"}])]
    assert not resolve(store_of(tmp_path, docs)).merged


def test_bare_mentions_against_one_employer_are_one_agent(tmp_path: Path) -> None:
    docs = [case(1, agents=[BARE]), case(2, agents=[BARE], day="2021-04-01")]
    res = resolve(store_of(tmp_path, docs))
    [merge] = res.merges_of(_bare_id(1))
    assert merge.rule == "agent_same_practice"
    assert merge.evidence.endswith("same employer")


def test_a_masked_agent_joins_only_with_a_shared_birth_date(tmp_path: Path) -> None:
    docs = [case(1, agents=[IDENTIFIED]),
            case(2, agents=[{"name": "孔某", "birth_date": "1976-07-27"}]),
            case(3, agents=[{"name": "**"}])]
    res = resolve(store_of(tmp_path, docs))
    masked = "Person:孔某|doc:Case:(2021)豫0502民初2号|河南省安阳市文峰区人民法院#a0|b:1976-07-27"
    assert res.members("Person:孔龙|b:1976-07-27") == (masked, "Person:孔龙|b:1976-07-27")
    assert [m.rule for m in res.merges_of(masked)] == ["masked_agent"]


def test_a_relative_through_the_appeal_chain_of_one_applicant(tmp_path: Path) -> None:
    son = {"name": "王向阳", "kind": "relative", "relation": "原告之子"}
    worker = [{"name": "张桂兰", "birth_date": "1966-05-02"}]
    docs = [case(1, workers=worker, agents=[son]),
            case(2, workers=worker, agents=[son], court="zhengzhou", day="2021-09-01"),
            case(3, workers=[{"name": "李凤英", "birth_date": "1967-01-01"}], agents=[son])]
    res = resolve(store_of(tmp_path, docs))
    first = "Person:王向阳|doc:Case:(2021)豫0502民初1号|河南省安阳市文峰区人民法院"
    [entity] = [e for e in res.entities.values() if first in e.members]
    assert len(entity.members) == 2  # not the namesake who represents another applicant
    assert entity.merges[0].rule == "agent_same_client"


def test_a_bare_mention_joins_the_one_namesake_seen_before_its_forum(tmp_path: Path) -> None:
    def at_beiguan(doc: dict[str, object]) -> dict[str, object]:
        return {**doc, "forum": "河南省安阳市北关区人民法院", "court_code": "豫0503",
                "region_code": "410503", "case_number": str(doc["case_number"]).replace("0502", "0503")}
    other = {"name": "孔龙", "birth_date": "1980-02-02"}
    docs = [case(1, agents=[IDENTIFIED], employer="甲公司"),
            at_beiguan(case(2, agents=[other], employer="乙公司")),
            at_beiguan(case(3, agents=[BARE], employer="丙公司", day="2021-06-01"))]
    res = resolve(store_of(tmp_path, docs))
    bare = _bare_id(3, court="河南省安阳市北关区人民法院", code="豫0503")
    assert res.entity(bare) == res.entity("Person:孔龙|b:1980-02-02")
    [merge] = res.merges_of(bare)
    assert merge.rule == "agent_same_practice" and "same forum" in merge.evidence


def test_a_son_and_a_lawyer_of_one_name_for_one_applicant_stay_two(tmp_path: Path) -> None:
    worker = [{"name": "张改琴", "birth_date": "1966-05-02"}]
    son = {"name": "张子豪", "kind": "relative", "relation": "原告之子", "birth_date": "1995-01-13"}
    lawyer = {"name": "张子豪", "kind": "lawyer", "law_firm": "河南金博大（安阳）律师事务所"}
    res = resolve(store_of(tmp_path, [case(1, workers=worker, agents=[son, lawyer])]))
    assert res.entity("Person:张子豪|b:1995-01-13") != res.entity(
        "Person:张子豪|firm:河南金博大(安阳)律师事务所")


def _headerless(n: int, **kwargs: object) -> dict[str, object]:
    """A repost that prints no header: no case number, no forum."""
    doc = case(n, **kwargs)  # type: ignore[arg-type]
    doc.update(case_number=None, forum="", court_code=None, region_code=None,
               doc_id=f"{n:064x}")
    return doc


def test_a_copy_without_forum_is_placed_where_its_employer_is_heard(tmp_path: Path) -> None:
    docs = [case(1, agents=[IDENTIFIED]), _headerless(2, agents=[BARE], day="2021-05-01")]
    res = resolve(store_of(tmp_path / "one", docs))
    [bare] = [n for n in res.members("Person:孔龙|b:1976-07-27") if "|doc:" in n]
    assert bare.startswith("Person:孔龙|doc:Case:")
    assert {m.rule for m in res.merges_of(bare)} == {"agent_only_namesake"}
    # an employer heard in two prefectures does not say where the copy belongs
    two = [*docs, case(3, agents=[{"name": "王五"}], court="zhengzhou")]
    assert not resolve(store_of(tmp_path / "two", two)).merged


def _unplaced(n: int, **kwargs: object) -> dict[str, object]:
    """An award of a committee the division table cannot place (长垣 became a city in 2019):
    a forum printed, no court code, no division code."""
    doc = case(n, **kwargs)  # type: ignore[arg-type]
    doc.update(case_number=f"垣劳人仲案(2021){n}号", forum="长垣市劳动人事争议仲裁委员会",
               court_code=None, region_code=None)
    return doc


def test_a_forum_without_division_code_is_placed_where_its_employer_is_heard(
        tmp_path: Path) -> None:
    docs = [case(1, agents=[IDENTIFIED]), _unplaced(2, agents=[BARE], day="2021-05-01")]
    res = resolve(store_of(tmp_path / "one", docs))
    bare = "Person:孔龙|doc:Case:垣劳人仲案(2021)2号|长垣市劳动人事争议仲裁委员会"
    assert res.entity(bare) == res.entity("Person:孔龙|b:1976-07-27")
    assert {m.rule for m in res.merges_of(bare)} == {"agent_only_namesake"}
    # an employer heard in two prefectures does not say where the committee is
    two = [*docs, case(3, agents=[{"name": "王五"}], court="zhengzhou")]
    assert resolve(store_of(tmp_path / "two", two)).entity(bare) == bare


def test_a_masked_agent_keeping_the_given_name_joins_the_one_of_the_same_employer(
        tmp_path: Path) -> None:
    staff = {"name": "张鹏", "kind": "employee", "birth_date": "1976-07-05"}
    docs = [case(1, agents=[staff]), case(2, agents=[{"name": "*鹏", "kind": "employee"}]),
            case(3, agents=[{"name": "*鹏", "kind": "employee"}], employer="安阳市别的有限公司")]
    res = resolve(store_of(tmp_path / "one", docs))
    masked = "Person:*鹏|doc:Case:(2021)豫0502民初{}号|河南省安阳市文峰区人民法院#a0"
    assert res.entity(masked.format(2)) == "Person:张鹏|b:1976-07-05"
    [merge] = [m for m in res.merges_of(masked.format(2)) if masked.format(2) in (m.a, m.b)]
    assert merge.rule == "masked_agent_same_employer"
    assert res.entity(masked.format(3)) == masked.format(3)  # another employer: nothing
    # two fitting agents of that employer (张鹏, 李鹏): nothing either
    rival = {"name": "李鹏", "kind": "employee", "birth_date": "1980-01-01"}
    docs2 = [case(1, agents=[staff]), case(4, agents=[rival]), docs[1]]
    assert resolve(store_of(tmp_path / "two", docs2)).entity(masked.format(2)) == masked.format(2)


def test_a_masked_relative_joins_by_birth_date_never_by_co_occurrence(tmp_path: Path) -> None:
    son = {"name": "石金山", "kind": "relative", "relation": "原告之子", "birth_date": "1970-10-11"}
    docs = [case(1, agents=[son]),
            case(2, agents=[{"name": "石某某", "kind": "relative", "birth_date": "1970-10-11"}]),
            case(3, agents=[{"name": "石某某", "kind": "relative"}])]
    res = resolve(store_of(tmp_path / "kin", docs))
    dated = "Person:石某某|doc:Case:(2021)豫0502民初2号|河南省安阳市文峰区人民法院#a0|b:1970-10-11"
    bare = "Person:石某某|doc:Case:(2021)豫0502民初3号|河南省安阳市文峰区人民法院#a0"
    assert res.entity(dated) == "Person:石金山|b:1970-10-11"
    assert res.entity(bare) == bare  # the same employer says nothing about a relative
    # a relative is not the employer's staff of the same birth date
    staff = [case(1, agents=[{**son, "kind": "employee", "relation": ""}]), docs[1]]
    assert not resolve(store_of(tmp_path / "staff", staff)).merged


FIRM = "郑州市洹水律师事务所"


def _counsel_docs(usual: int, other: int, *, masked_employer: str = "安阳市恒达废旧物资回收有限公司"
                  ) -> list[dict[str, object]]:
    """``usual`` suits of the employer with 李二军 of FIRM, ``other`` with his colleague
    李向东, then a masked ``李某某`` of FIRM in a suit of ``masked_employer``."""
    def lawyer(name: str) -> dict[str, str]:
        return {"name": name, "kind": "lawyer", "law_firm": FIRM}

    docs = [case(n, agents=[lawyer("李二军")], day=f"2021-{n:02d}-01")
            for n in range(1, usual + 1)]
    docs += [case(20 + n, agents=[lawyer("李向东")], day=f"2021-{n:02d}-15")
             for n in range(1, other + 1)]
    docs.append(case(40, agents=[{**lawyer("李某某")}], day="2021-12-01",
                     employer=masked_employer))
    return docs


_MASKED_LINE = "Person:李某某|doc:Case:(2021)豫0502民初40号|河南省安阳市文峰区人民法院#a0"


def test_a_masked_lawyer_line_joins_the_employer_s_usual_counsel_of_that_firm(
        tmp_path: Path) -> None:
    res = resolve(store_of(tmp_path, _counsel_docs(usual=4, other=1)))
    assert res.entity(_MASKED_LINE) == res.entity(f"Person:李二军|firm:{FIRM}")
    [merge] = [m for m in res.merges_of(_MASKED_LINE) if _MASKED_LINE in (m.a, m.b)]
    assert merge.rule == "masked_agent_usual_counsel"
    assert merge.evidence.startswith(f"masked agent 李某某 of {FIRM} in a suit of 安阳市恒达")
    assert "李二军 acts in 4 of that employer's suits, the others together in 1" in merge.evidence
    assert res.entity(f"Person:李向东|firm:{FIRM}") != res.entity(_MASKED_LINE)


def test_a_masked_lawyer_line_stays_alone_without_a_clear_usual_counsel(tmp_path: Path) -> None:
    # two colleagues who both act for the employer often enough: either could be the line
    shared = resolve(store_of(tmp_path / "shared", _counsel_docs(usual=4, other=2)))
    assert shared.entity(_MASKED_LINE) == _MASKED_LINE
    # three suits against one: not four times as many
    few = resolve(store_of(tmp_path / "few", _counsel_docs(usual=3, other=1)))
    assert few.entity(_MASKED_LINE) == _MASKED_LINE
    # the masked line is in another employer's suit: no one is that employer's counsel
    other = resolve(store_of(tmp_path / "other", _counsel_docs(
        usual=4, other=1, masked_employer="安阳市别的有限公司")))
    assert other.entity(_MASKED_LINE) == _MASKED_LINE


def test_a_copy_without_forum_whose_employer_is_heard_nowhere_else_is_placed_at_its_seat(
        tmp_path: Path) -> None:
    # the employer's only suit is the copy: its seat (the name's city here) places it
    docs = [case(1, agents=[IDENTIFIED]),
            _headerless(2, agents=[BARE], day="2021-05-01", employer="安阳市新建机械有限公司")]
    res = resolve(store_of(tmp_path / "seat", docs))
    [bare] = [n for n in res.members("Person:孔龙|b:1976-07-27") if "|doc:" in n]
    assert {m.rule for m in res.merges_of(bare)} == {"agent_only_namesake"}
    # a name that says nowhere (a county's stem is as often a trade name) places nothing
    nowhere = [case(1, agents=[IDENTIFIED]),
               _headerless(2, agents=[BARE], day="2021-05-01", employer="长顺水泥厂")]
    assert not resolve(store_of(tmp_path / "nowhere", nowhere)).merged


WORKER = {"name": "王建华", "birth_date": "1965-03-04"}


def _suit(n: int, agents: list[dict[str, object]], **kwargs: object) -> dict[str, object]:
    return case(n, workers=[dict(WORKER)], agents=agents, **kwargs)  # type: ignore[arg-type]


def test_a_masked_agent_joins_the_named_agent_of_the_same_party_in_the_same_dispute(
        tmp_path: Path) -> None:
    docs = [_suit(1, [{"name": "赵文博"}]), _suit(2, [{"name": "***"}], day="2021-08-01")]
    res = resolve(store_of(tmp_path, docs))
    masked = "Person:***|doc:Case:(2021)豫0502民初2号|河南省安阳市文峰区人民法院#a0"
    named = "Person:赵文博|doc:Case:(2021)豫0502民初1号|河南省安阳市文峰区人民法院"
    assert res.entity(masked) == res.entity(named)
    [merge] = [m for m in res.merges_of(masked) if masked in (m.a, m.b)]
    assert merge.rule == "masked_agent_same_suit"
    assert merge.evidence == ("masked agent *** fits only 赵文博, who represents the same party "
                              "in another instance of the same dispute")


def test_a_masked_agent_stays_alone_when_two_fit_or_the_dispute_is_another(
        tmp_path: Path) -> None:
    # two agents of the party that the mask fits: either could be the line
    two = [_suit(1, [{"name": "赵文博"}, {"name": "赵建国"}]),
           _suit(2, [{"name": "***"}], day="2021-08-01")]
    masked = "Person:***|doc:Case:(2021)豫0502民初2号|河南省安阳市文峰区人民法院#a0"
    assert resolve(store_of(tmp_path / "two", two)).entity(masked) == masked
    # another worker against the same employer is another dispute
    other = [case(1, agents=[{"name": "赵文博"}]),
             _suit(2, [{"name": "***"}], day="2021-08-01")]
    assert resolve(store_of(tmp_path / "other", other)).entity(masked) == masked
    # a lawyer of another firm is not the line of this firm
    firm = [_suit(1, [{"name": "赵文博", "kind": "lawyer", "law_firm": "河南甲律师事务所"}]),
            _suit(2, [{"name": "***", "kind": "lawyer", "law_firm": "河南乙律师事务所"}],
                  day="2021-08-01")]
    assert resolve(store_of(tmp_path / "firm", firm)).entity(masked) == masked


def _firm_docs(colleague: str | None) -> list[dict[str, object]]:
    """李二军 of FIRM in 2016, a masked ``李某某`` of FIRM in 2021 in another employer's suit
    (and, when given, a colleague of FIRM acting in 2017)."""
    def lawyer(name: str) -> dict[str, str]:
        return {"name": name, "kind": "lawyer", "law_firm": FIRM}

    docs = [case(1, agents=[lawyer("李二军")], day="2016-01-01")]
    if colleague:
        docs.append(case(2, agents=[lawyer(colleague)], day="2017-01-01",
                         employer="安阳市第三有限公司"))
    docs.append(case(40, agents=[lawyer("李某某")], day="2021-12-01",
                     employer="安阳市别的有限公司"))
    return docs


def test_a_masked_lawyer_line_joins_the_only_lawyer_of_its_firm_the_mask_fits(
        tmp_path: Path) -> None:
    res = resolve(store_of(tmp_path, _firm_docs(colleague="王向东")))
    assert res.entity(_MASKED_LINE) == res.entity(f"Person:李二军|firm:{FIRM}")
    [merge] = [m for m in res.merges_of(_MASKED_LINE) if _MASKED_LINE in (m.a, m.b)]
    assert merge.rule == "masked_agent_firm_only"
    assert merge.evidence.startswith(f"masked agent 李某某 of {FIRM}: the only lawyer")


def test_a_masked_lawyer_line_stays_alone_when_two_of_its_firm_fit_at_any_time(
        tmp_path: Path) -> None:
    res = resolve(store_of(tmp_path, _firm_docs(colleague="李向东")))
    assert res.entity(_MASKED_LINE) == _MASKED_LINE


EMPLOYER = "安阳市恒达废旧物资回收有限公司"


def _staff_docs(usual: int, other: int) -> list[dict[str, object]]:
    """``usual`` suits where 王超 acts for the employer as its staff, ``other`` where 马倩 does,
    then a fully masked staff line ``**`` in its next suit."""
    def staff(name: str) -> dict[str, object]:
        return {"name": name, "kind": "employee", "represents": [EMPLOYER]}

    docs = [case(n, agents=[staff("王超")], day=f"2021-{n:02d}-01") for n in range(1, usual + 1)]
    docs += [case(20 + n, agents=[staff("马倩")], day=f"2021-{n:02d}-15")
             for n in range(1, other + 1)]
    docs.append(case(40, agents=[staff("**")], day="2021-12-01"))
    return docs


_MASKED_STAFF = "Person:**|doc:Case:(2021)豫0502民初40号|河南省安阳市文峰区人民法院#a0"


def test_a_masked_staff_line_joins_the_employer_s_usual_agent(tmp_path: Path) -> None:
    res = resolve(store_of(tmp_path, _staff_docs(usual=5, other=1)))
    assert res.entity(_MASKED_STAFF) == res.entity(
        "Person:王超|doc:Case:(2021)豫0502民初1号|河南省安阳市文峰区人民法院")
    [merge] = [m for m in res.merges_of(_MASKED_STAFF) if _MASKED_STAFF in (m.a, m.b)]
    assert merge.rule == "masked_agent_usual_agent"
    assert "王超 acts in 5 of that employer's suits, the others together in 1" in merge.evidence


def test_a_fully_masked_staff_line_needs_a_usual_agent(tmp_path: Path) -> None:
    # the only staff member seen, but in three suits: not the employer's usual agent; only
    # as the one regular on the line's side this year (masked_agent_same_side)
    few = resolve(store_of(tmp_path / "few", _staff_docs(usual=3, other=0)))
    assert {m.rule for m in few.merges_of(_MASKED_STAFF)
            if _MASKED_STAFF in (m.a, m.b)} == {"masked_agent_same_side"}
    # two who both act often enough
    two = resolve(store_of(tmp_path / "two", _staff_docs(usual=5, other=2)))
    assert two.entity(_MASKED_STAFF) == _MASKED_STAFF


def test_a_masked_worker_agent_never_joins_the_employer_s_usual_agent(tmp_path: Path) -> None:
    """The fully masked citizen who acts for the worker (``**``, kind other, the worker's side)
    is not the employer's clerk who answers its suits: joined, one person would act on both
    sides - the very link to the other side that marks an intermediary."""
    docs = _staff_docs(usual=5, other=0)[:-1]
    docs.append(case(40, agents=[{"name": "**", "kind": "other"}], day="2021-12-01"))
    res = resolve(store_of(tmp_path, docs))
    assert res.entity(_MASKED_STAFF) == _MASKED_STAFF


def test_a_bare_common_name_for_another_employer_years_later_is_no_one_known(
        tmp_path: Path) -> None:
    """One identified 孔龙 in the workspace does not make the name rare in the population: a
    bare 孔龙 acting against another employer years later joins no one (joined, the two would
    be one agent with reach across employers - an intermediary's mark)."""
    docs = [case(1, agents=[IDENTIFIED], day="2016-01-01"),
            case(2, agents=[BARE], employer="安阳市宏达建材有限公司")]
    assert not resolve(store_of(tmp_path, docs)).merged


def test_a_workers_masked_lawyer_line_is_not_the_firms_lawyer_for_employers(
        tmp_path: Path) -> None:
    """李二军 of FIRM only ever acted for an employer; a masked 李某某 of FIRM acting for a worker
    years later is not joined to him (one person on both sides is an intermediary's mark)."""
    docs = _firm_docs(colleague=None)
    docs[0] = case(1, agents=[{"name": "李二军", "kind": "lawyer", "law_firm": FIRM,
                               "represents": ["安阳市恒达废旧物资回收有限公司"]}], day="2016-01-01")
    res = resolve(store_of(tmp_path, docs))
    assert res.entity(_MASKED_LINE) == _MASKED_LINE


def _side_docs(clerk_suits: list[str], *, second_clerk: list[str] = (),  # type: ignore[assignment]
               line_day: str = "2021-06-01") -> list[dict[str, object]]:
    """王超 answers the employer's suits as its staff on ``clerk_suits`` days (李娜 too on
    ``second_clerk``), 马倩 brings a worker's suit against it as a citizen agent, and a masked
    staff line ``**`` answers its suit of ``line_day``."""
    def staff(name: str) -> dict[str, object]:
        return {"name": name, "kind": "employee", "represents": [EMPLOYER]}

    docs = [case(n, agents=[staff("王超")], day=day) for n, day in enumerate(clerk_suits, 1)]
    docs += [case(10 + n, agents=[staff("李娜")], day=day)
             for n, day in enumerate(second_clerk, 1)]
    docs.append(case(20, agents=[{"name": "马倩", "kind": "other"}], day="2021-04-01"))
    docs.append(case(40, agents=[staff("**")], day=line_day))
    return docs


def test_a_masked_staff_line_joins_the_only_regular_on_its_side(tmp_path: Path) -> None:
    """王超 answered two of the employer's suits this year; the only other agent the mask fits
    brought a worker's suit (the other side). The masked staff line is 王超, and the reason
    says the side and the count."""
    res = resolve(store_of(tmp_path, _side_docs(["2021-02-01", "2021-03-01"])))
    assert res.entity(_MASKED_STAFF) == res.entity(
        "Person:王超|doc:Case:(2021)豫0502民初1号|河南省安阳市文峰区人民法院")
    [merge] = [m for m in res.merges_of(_MASKED_STAFF) if _MASKED_STAFF in (m.a, m.b)]
    assert merge.rule == "masked_agent_same_side"
    assert "on the employer side" in merge.evidence and "(in 2 of them)" in merge.evidence


def test_a_masked_staff_line_stays_alone_without_one_regular_on_its_side(tmp_path: Path) -> None:
    # 王超 stood in once: no regular of the employer's hearings
    once = resolve(store_of(tmp_path / "once", _side_docs(["2021-03-01"])))
    assert once.entity(_MASKED_STAFF) == _MASKED_STAFF
    # two clerks of the employer whom the mask fits, both regulars this year
    two = resolve(store_of(tmp_path / "two", _side_docs(["2021-02-01", "2021-03-01"],
                                                        second_clerk=["2021-02-15",
                                                                      "2021-03-15"])))
    assert two.entity(_MASKED_STAFF) == _MASKED_STAFF
    # 王超's suits were more than a year (same_side_days) before the line
    old = resolve(store_of(tmp_path / "old", _side_docs(["2020-01-01", "2020-02-01"])))
    assert old.entity(_MASKED_STAFF) == _MASKED_STAFF


def test_a_workers_masked_citizen_line_is_not_the_workers_regular_helper(tmp_path: Path) -> None:
    """On the workers' side each worker brings their own agent: a colleague who helped two
    workers sue the closing employer this year is one regular there, and a third worker's
    fully masked citizen agent (a neighbour, a relative printed without the relation) fits
    his name too. Joined, the colleague would act for three applicants - the "one agent for
    many applicants" sign made by resolution itself. The same-side rule joins employer-side
    lines (the employer's clerk) only."""
    helper = {"name": "马倩", "kind": "other"}
    docs = [case(1, agents=[helper], day="2021-02-01"), case(2, agents=[helper], day="2021-03-01"),
            case(40, agents=[{"name": "**", "kind": "other"}], day="2021-06-01")]
    res = resolve(store_of(tmp_path, docs))
    line = "Person:**|doc:Case:(2021)豫0502民初40号|河南省安阳市文峰区人民法院#a0"
    assert res.entity(line) == line


def _counsel_line_docs(*, defends: bool) -> list[dict[str, object]]:
    """张振宇 of a firm acts in a suit of EMPLOYER - for the employer itself when ``defends``,
    else for its worker - and for a worker against another employer; then a worker's masked
    citizen line ``张某`` (no firm printed) in EMPLOYER's next suit."""
    lawyer = {"name": "张振宇", "kind": "lawyer", "law_firm": "河南泽华律师事务所",
              "birth_date": "1975-03-02"}
    first = case(1, agents=[{**lawyer, "represents": [EMPLOYER] if defends else ["申请人1"]}],
                 day="2021-01-10")
    elsewhere = case(2, agents=[lawyer], employer="安阳市宏达建材有限公司", day="2021-02-10")
    masked = case(3, agents=[{"name": "张某", "kind": "other"}], day="2021-05-10")
    return [first, elsewhere, masked]


_MASKED_CITIZEN = "Person:张某|doc:Case:(2021)豫0502民初3号|河南省安阳市文峰区人民法院#a0"


def test_a_workers_masked_citizen_line_is_not_the_employers_own_lawyer(tmp_path: Path) -> None:
    """张振宇 defended EMPLOYER in its suit (and brought a worker's claim against another
    employer, so he has stood on a worker's side): a worker's 张某 in EMPLOYER's next suit is
    not him - the employer's counsel does not sue it for its worker (employer_agent_suits)."""
    res = resolve(store_of(tmp_path, _counsel_line_docs(defends=True)))
    assert res.entity(_MASKED_CITIZEN) == _MASKED_CITIZEN


def test_a_workers_masked_citizen_line_joins_the_workers_lawyer_of_that_employer(
        tmp_path: Path) -> None:
    """The same, but 张振宇 stood for the employer's worker, not for the employer: the
    only agent the mask fits beside that employer, on the line's side (kept)."""
    res = resolve(store_of(tmp_path, _counsel_line_docs(defends=False)))
    assert res.entity(_MASKED_CITIZEN) == "Person:张振宇|b:1975-03-02"
    [merge] = [m for m in res.merges_of(_MASKED_CITIZEN) if _MASKED_CITIZEN in (m.a, m.b)]
    assert merge.rule == "masked_agent_same_employer"


def test_a_masked_staff_line_a_season_after_the_only_fitting_clerk_stays_alone(
        tmp_path: Path) -> None:
    """张鹏 answered the employer's hearing 500 days before the masked ``*鹏`` (within
    agent_gap_days, beyond same_side_days): its staff has turned over since, and a surname
    in common is not enough; 200 days before, the line is him (kept)."""
    staff = {"name": "张鹏", "kind": "employee", "birth_date": "1976-07-05"}
    masked = "Person:*鹏|doc:Case:(2021)豫0502民初2号|河南省安阳市文峰区人民法院#a0"
    for days, joined in ((500, False), (200, True)):
        start = (date(2021, 6, 1) - timedelta(days=days)).isoformat()
        docs = [case(1, agents=[staff], day=start),
                case(2, agents=[{"name": "*鹏", "kind": "employee"}], day="2021-06-01")]
        res = resolve(store_of(tmp_path / str(days), docs))
        assert (res.entity(masked) == "Person:张鹏|b:1976-07-05") is joined


def test_a_masked_lawyer_line_a_year_from_the_one_it_fits_stays_alone_beside_a_colleague(
        tmp_path: Path) -> None:
    """李二军 of FIRM acts 500 days before the masked ``李某某`` of FIRM (within
    agent_gap_days), and his colleague 李向东 of FIRM acts in 2016: the mask fits both, and
    a year and more apart the window no longer says which (firm_namesake_days); 200 days
    before, the line is 李二军 (kept)."""
    def lawyer(name: str) -> dict[str, str]:
        return {"name": name, "kind": "lawyer", "law_firm": FIRM}

    for days, joined in ((500, False), (200, True)):
        start = (date(2021, 12, 1) - timedelta(days=days)).isoformat()
        docs = [case(1, agents=[lawyer("李二军")], day=start),
                case(2, agents=[lawyer("李向东")], day="2016-01-01", employer="安阳市第三有限公司"),
                case(40, agents=[lawyer("李某某")], day="2021-12-01")]
        res = resolve(store_of(tmp_path / str(days), docs))
        together = res.entity(_MASKED_LINE) == res.entity(f"Person:李二军|firm:{FIRM}")
        assert together is joined
        if joined:
            [merge] = [m for m in res.merges_of(_MASKED_LINE) if _MASKED_LINE in (m.a, m.b)]
            assert merge.rule == "masked_agent"


APPEAL = "Person:***|doc:Case:(2021)豫05民终7号|河南省安阳市中级人民法院#a0"
FIRST = "Person:赵文博|doc:Case:(2021)豫0502民初1号|河南省安阳市文峰区人民法院"


def _appeal(agents: list[dict[str, object]], cites: list[str],
            employer: str = "安阳市恒达废旧物资回收有限公司") -> dict[str, object]:
    """The appeal of the first instance ``(2021)豫0502民初1号``, published with the worker masked
    (``王某某``, no birth date: the worker entity does not link it) and ``cites`` printed."""
    doc = case(7, workers=[{"name": "王某某"}], agents=agents, day="2021-09-01",
               employer=employer)
    doc.update(case_number="(2021)豫05民终7号", forum="河南省安阳市中级人民法院",
               court_code="豫05", region_code="410500", related_case_numbers=cites)
    return doc


def test_a_masked_agent_takes_the_name_the_cited_instance_prints_on_its_side(
        tmp_path: Path) -> None:
    docs = [_suit(1, [{"name": "赵文博"}]),
            _appeal([{"name": "***"}], cites=["（2021）豫0502民初1号"])]
    res = resolve(store_of(tmp_path, docs))
    assert res.entity(APPEAL) == res.entity(FIRST)
    [merge] = [m for m in res.merges_of(APPEAL) if APPEAL in (m.a, m.b)]
    assert merge.rule == "masked_agent_cited_case"
    assert merge.evidence == ("masked agent *** fits only 赵文博, who acts on the worker side in "
                              "(2021)豫0502民初1号, the other instance of the same dispute that "
                              "the case numbers link")


def test_a_masked_agent_stays_alone_without_a_cited_instance_that_says_who(
        tmp_path: Path) -> None:
    cites = ["（2021）豫0502民初1号"]
    # nothing cited: the masked worker leaves the two instances unlinked
    bare = [_suit(1, [{"name": "赵文博"}]), _appeal([{"name": "***"}], cites=[])]
    assert resolve(store_of(tmp_path / "bare", bare)).entity(APPEAL) == APPEAL
    # the cited suit is another dispute: another worker against another employer
    other = [_suit(1, [{"name": "赵文博"}]),
             _appeal([{"name": "***"}], cites=cites, employer="安阳市别的有限公司")]
    assert resolve(store_of(tmp_path / "other", other)).entity(APPEAL) == APPEAL
    # the named agent stood for the employer there, the masked line for the worker
    employer_side = _suit(1, [{"name": "赵文博"}])
    employer_side["agents"][0]["represents"] = ["安阳市恒达废旧物资回收有限公司"]  # type: ignore[index]
    side = [employer_side, _appeal([{"name": "***"}], cites=cites)]
    assert resolve(store_of(tmp_path / "side", side)).entity(APPEAL) == APPEAL
    # two masked lines of the worker: which of them is 赵文博 is not said
    twins = [_suit(1, [{"name": "赵文博"}]),
             _appeal([{"name": "***"}, {"name": "***"}], cites=cites)]
    assert resolve(store_of(tmp_path / "twins", twins)).entity(APPEAL) == APPEAL
    # the cited number names two stored cases (two forums print it): no link
    twice = _suit(1, [{"name": "赵建国"}], court="zhengzhou")
    twice["case_number"] = "(2021)豫0502民初1号"
    two = [_suit(1, [{"name": "赵文博"}]), twice, _appeal([{"name": "***"}], cites=cites)]
    assert resolve(store_of(tmp_path / "two", two)).entity(APPEAL) == APPEAL


def test_an_employer_s_staff_is_not_a_namesake_acting_in_other_employers_suits(
        tmp_path: Path) -> None:
    clerk = {"name": "孔龙", "kind": "employee", "birth_date": "1976-07-27"}
    # the clerk of one enterprise, and a bare citizen agent 孔龙 in another's suit
    elsewhere = [case(1, agents=[clerk]),
                 case(2, agents=[BARE], day="2021-05-01", employer="安阳市别的有限公司")]
    assert not resolve(store_of(tmp_path / "elsewhere", elsewhere)).merged
    # a bare 孔龙 who is that enterprise's staff elsewhere, against the citizen agent 孔龙
    citizen = [case(1, agents=[IDENTIFIED]),
               case(2, agents=[{"name": "孔龙", "kind": "employee"}], day="2021-05-01",
                    employer="安阳市别的有限公司")]
    assert not resolve(store_of(tmp_path / "citizen", citizen)).merged
    # in the same enterprise's next suit the bare name is its clerk
    same = [case(1, agents=[clerk]), case(2, agents=[BARE], day="2021-05-01")]
    res = resolve(store_of(tmp_path / "same", same))
    assert res.entity(_bare_id(2)) == "Person:孔龙|b:1976-07-27"


def test_a_bare_agent_name_takes_the_lawyer_of_that_name_in_the_cited_instance(
        tmp_path: Path) -> None:
    lawyer: dict[str, object] = {"name": "赵文博", "kind": "lawyer", "law_firm": "河南甲律师事务所"}
    # a namesake of another firm acts for the employer meanwhile: the name, the employer and
    # the prefecture fit both lawyers
    rival = case(3, agents=[{"name": "赵文博", "kind": "lawyer", "law_firm": "河南乙律师事务所",
                             "represents": ["安阳市恒达废旧物资回收有限公司"]}], day="2021-06-01")
    bare = "Person:赵文博|doc:Case:(2021)豫05民终7号|河南省安阳市中级人民法院"
    docs = [_suit(1, [lawyer]), rival,
            _appeal([{"name": "赵文博", "kind": "lawyer"}], cites=["（2021）豫0502民初1号"])]
    res = resolve(store_of(tmp_path / "cited", docs))
    assert res.entity(bare) == res.entity("Person:赵文博|firm:河南甲律师事务所")
    [merge] = [m for m in res.merges_of(bare) if bare in (m.a, m.b)]
    assert merge.rule == "agent_cited_case"
    assert merge.evidence == ("bare agent name 赵文博: the agent of that name on the worker side "
                              "in (2021)豫0502民初1号, the other instance of the same dispute "
                              "that the case numbers link")
    # nothing cited: either lawyer could be the bare name
    docs[-1] = _appeal([{"name": "赵文博", "kind": "lawyer"}], cites=[])
    assert resolve(store_of(tmp_path / "bare", docs)).entity(bare) == bare


def test_a_coworkers_suit_the_judgment_cites_lends_its_agent_no_name(tmp_path: Path) -> None:
    """A judgment citing another applicant's suit against the same employer (本院另案, a
    co-worker's suit) cites another dispute: the masked 王某 (李四's son) stays apart from
    王强 (张三's son) there, as from 王刚 in a third suit (rev26)."""
    first = case(1, workers=[{"name": "张三", "birth_date": "1965-02-03"}],
                 agents=[{"name": "王强", "relation": "原告之子"}], day="2021-03-01")
    third = case(3, workers=[{"name": "赵五", "birth_date": "1964-04-05"}],
                 agents=[{"name": "王刚", "relation": "原告之子"}], day="2021-05-01")
    citing = case(2, workers=[{"name": "李四", "birth_date": "1966-04-05"}],
                  agents=[{"name": "王某", "relation": "原告之子"}], day="2021-06-01")
    citing["related_case_numbers"] = ["（2021）豫0502民初1号"]
    res = resolve(store_of(tmp_path, [first, third, citing]))
    assert "masked_agent_cited_case" not in {m.rule for e in res.entities.values()
                                             for m in e.merges}
