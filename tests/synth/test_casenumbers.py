"""Case numbers: formats of every era and forum, filing order, uniqueness."""

from __future__ import annotations

import datetime as dt
import random
import re

from ringtrace.graph.identity import normalize_case_number
from ringtrace.synth.casenumbers import assign_numbers, format_number, rebracket
from ringtrace.synth.plan import CasePlan
from ringtrace.synth.world import World


def test_court_numbers_by_era() -> None:
    world = World(1)
    geo = world.geo
    assert format_number(world, geo.basic_courts["410502"], 2021, "民初", 1234) == \
        "（2021）豫0502民初1234号"
    assert format_number(world, geo.basic_courts["410502"], 2014, "民初", 123) == \
        "（2014）文民初字第123号"
    assert format_number(world, geo.intermediate_courts["4105"], 2019, "民终", 88) == \
        "（2019）豫05民终88号"
    assert format_number(world, geo.intermediate_courts["4105"], 2015, "民终", 9) == \
        "（2015）安中民终字第9号"


def test_arbitration_numbers_keep_the_commission_house_style() -> None:
    world = World(1)
    styles = set()
    for forum in [*world.geo.city_commissions.values(), *world.geo.county_commissions.values()]:
        number = format_number(world, forum, 2020, "仲裁", 123)
        assert "劳人仲案" in number and "2020" in number and "123号" in number
        assert number == format_number(world, forum, 2020, "仲裁", 123)
        styles.add(re.sub(r"[\u4e00-\u9fff]+劳人仲", "劳人仲", number))
        notice = format_number(world, forum, 2020, "仲不", 7)
        assert "劳人仲不" in notice
    assert len(styles) >= 4  # several bracket/第 conventions across commissions


def test_rebracket_changes_only_the_brackets() -> None:
    rng = random.Random(2)
    number = "（2021）豫0502民初1234号"
    variants = {rebracket(number, rng, keep=0.0) for _ in range(50)}
    assert len(variants) >= 3 and number not in variants
    assert {normalize_case_number(v) for v in variants} == {normalize_case_number(number)}


def test_numbers_follow_filing_order_and_are_unique() -> None:
    world = World(4)
    rng = random.Random(4)
    county = world.geo.counties[0]
    emp = world.employer(rng, county, "small")
    worker = world.adult(rng, county, 30, 50)
    court = world.court(county)
    days = [dt.date(2020, 1, 6) + dt.timedelta(days=rng.randrange(300)) for _ in range(60)]
    plans = [CasePlan(forum=court, document_type="判决书", procedure="一审", number_kind="民初",
                      cause="确认劳动关系纠纷", filing=d, decision=d, workers=[worker],
                      employer=emp) for d in days]
    assign_numbers(world, plans, rng)
    serial = {id(p): int(re.findall(r"民初(\d+)号", p.case_number)[0]) for p in plans}
    ordered = sorted(plans, key=lambda p: (p.filing, serial[id(p)]))
    serials = [serial[id(p)] for p in ordered]
    assert serials == sorted(serials) and len(set(serials)) == len(serials)
    assert all(normalize_case_number(p.written_number) == normalize_case_number(p.case_number)
               for p in plans)
