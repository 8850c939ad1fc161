from __future__ import annotations

from ringtrace.queries.redflags import CATALOGUE
from ringtrace.viz.catalogue import (
    evidence_text,
    labels,
    role_label,
    rule_name,
    rule_names,
    translate_rule_ids,
)
from ringtrace.viz.roles import role_styles
from tests.viz.conftest import rule_ids


def test_every_rule_has_a_chinese_name_in_the_one_catalogue() -> None:
    ids = rule_ids() | {rule.id for rule in CATALOGUE}
    names = labels()["rules"]
    assert ids <= set(names), sorted(ids - set(names))
    for rule_id in ids:
        name = rule_name(rule_id)
        assert name != rule_id and not name.isascii(), rule_id
    assert len(set(names.values())) == len(names)  # no two rules read the same


def test_english_keeps_the_ids_and_unknown_ids_pass_through() -> None:
    assert rule_name("EMP_BURST", "en") == "EMP_BURST"
    assert rule_names(["CLAIM_MEDIATED", "X_UNKNOWN"]) == ["调解结案", "X_UNKNOWN"]
    assert translate_rule_ids("CLAIM_MEDIATED（3件）、EMP_BURST", "en") == (
        "CLAIM_MEDIATED（3件）、EMP_BURST")


def test_rule_ids_inside_free_text_are_named() -> None:
    text = "主要红旗：AGENT_MANY_APPLICANTS（62件）；CONTACT_SHARED（4件）；NOT_A_RULE"
    assert translate_rule_ids(text) == (
        "主要红旗：同一代理人代理多名申请人（62件）；多人共用电话或地址（4件）；NOT_A_RULE")


def test_every_role_has_a_chinese_name() -> None:
    for role in role_styles():
        assert not role_label(role).isascii(), role


def test_evidence_fields_and_codes_are_written_in_chinese() -> None:
    assert evidence_text("defendant_response=no_objection") == "被告答辩=无异议"
    assert evidence_text("claimed_start=1995-06-16") == "主张劳动关系起始=1995-06-16"
    assert evidence_text("claim_amounts=[]") == "诉请金额=无"
    assert evidence_text("成立日期=2003-05-02") == "成立日期=2003-05-02"
    assert evidence_text("unknown_key=1") == "unknown_key=1"  # never invents a label
    assert evidence_text("claimed_start=1995-06-16", "en") == "claimed_start=1995-06-16"


def test_every_setting_but_a_rules_own_has_a_chinese_explanation_and_no_stale_one() -> None:
    from ringtrace.queries.rules_listing import tunables
    from ringtrace.viz.catalogue import labels, tunable_text

    paths = {t.path for t in tunables()}
    catalogue = labels()["tunables"]
    assert set(catalogue) <= paths  # no entry for a setting that does not exist
    assert {p for p in paths if not p.startswith("rules.")} <= set(catalogue)
    by_path = {t.path: t for t in tunables()}
    assert tunable_text(by_path["rules.EMP_BURST.headcount_ratio"]).startswith("用人单位被密集起诉")
