from __future__ import annotations

import base64
import hashlib
import json

from ringtrace.graph import records
from ringtrace.viz.catalogue import labels
from ringtrace.viz.templating import (
    content_security_policy,
    page_head,
    script_json,
    value_label,
)


def test_script_json_escapes_what_could_end_a_script_and_round_trips() -> None:
    value = {"name": "</script><!--&\u2028\u2029", "中文": "确认劳动关系"}
    text = str(script_json(value))
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in text
    assert "确认劳动关系" in text  # Chinese stays readable
    assert json.loads(text) == value


def test_csp_allows_exactly_the_inline_scripts_by_hash_and_no_fetch() -> None:
    head = page_head("t", network=True)
    assert len(head.scripts) == 2
    for script in head.scripts:
        digest = base64.b64encode(hashlib.sha256(str(script).encode()).digest()).decode()
        assert f"'sha256-{digest}'" in head.csp
    assert head.csp.startswith("default-src 'none'")
    assert "unsafe-inline" not in head.csp.split("script-src", 1)[1].split(";", 1)[0]
    assert "script-src 'none'" in content_security_policy(())


def test_every_code_value_of_the_interchange_format_has_a_chinese_label() -> None:
    values = labels()["values"]
    for group, codes in (("roles", records.ROLES), ("sides", records.SIDES),
                         ("agent_kinds", records.AGENT_KINDS), ("responses", records.RESPONSES),
                         ("outcomes", records.OUTCOMES), ("claim_kinds", records.CLAIM_KINDS)):
        assert set(codes) <= set(values[group]), group
    assert set(labels()["properties"].values()) <= set(values)


def test_value_label_uses_the_owner_specific_vocabulary_first() -> None:
    assert value_label("Case", "outcome", "mediated") == "调解结案"
    assert value_label("Forum", "kind", "arbitration") == "劳动人事争议仲裁委员会"
    assert value_label("Identifier", "kind", "phone") == "电话"
    assert value_label("Case", "cause", "确认劳动关系纠纷") == "确认劳动关系纠纷"
    assert value_label("Case", "outcome", "new_code") == "new_code"
