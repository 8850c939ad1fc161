"""Places and forums: real codes, court names, unique abbreviations."""

from __future__ import annotations

from collections import Counter

from ringtrace.synth.geography import build_geography


def test_anyang_courts_and_commissions() -> None:
    geo = build_geography()
    court = geo.basic_courts["410502"]
    assert (court.name, court.court_code, court.region_code) == (
        "河南省安阳市文峰区人民法院", "豫0502", "410502")
    assert geo.basic_courts["410526"].name == "河南省滑县人民法院"
    assert geo.basic_courts["410581"].court_code == "豫0581"
    assert geo.intermediate_courts["4105"].name == "河南省安阳市中级人民法院"
    assert geo.intermediate_courts["4105"].court_code == "豫05"
    assert geo.city_commissions["4105"].name == "安阳市劳动人事争议仲裁委员会"
    assert geo.county_commissions["410502"].name == "安阳市文峰区劳动人事争议仲裁委员会"
    assert geo.county_commissions["410526"].name == "滑县劳动人事争议仲裁委员会"


def test_other_provinces_use_their_own_names_and_codes() -> None:
    geo = build_geography()
    assert geo.basic_courts["500117"].name == "重庆市合川区人民法院"
    assert geo.basic_courts["500117"].court_code == "渝0117"
    assert geo.basic_courts["650103"].name == "新疆维吾尔自治区乌鲁木齐市沙依巴克区人民法院"
    assert geo.basic_courts["469005"].name == "海南省文昌市人民法院"
    assert geo.intermediate_courts["4690"].court_code == "琼96"


def test_court_code_is_the_last_four_digits_of_the_county() -> None:
    geo = build_geography()
    for county in geo.counties:
        court = geo.basic_courts[county.code]
        assert court.court_code == court.province.abbr + county.code[2:]


def test_number_abbreviations_are_unique() -> None:
    geo = build_geography()
    shorts = Counter(f.short for f in geo.forums() if f.level in ("basic", "county"))
    # a county's court and commission share its abbreviation; no two counties do
    assert all(n == 2 for n in shorts.values())
    prefecture_shorts = [p.short for p in geo.prefectures]
    assert len(prefecture_shorts) == len(set(prefecture_shorts))
    assert not set(prefecture_shorts) & set(shorts)


def test_henan_dominates() -> None:
    geo = build_geography()
    henan = [c for c in geo.counties if c.code.startswith("41")]
    assert len(henan) > len(geo.counties) / 2
