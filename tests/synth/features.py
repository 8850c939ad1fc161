"""What a varied world contains, counted by inspecting its files and truth (never by parsing
them with ringtrace's parser): one count per real-corpus feature the variation knob adds."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from tests.synth.conftest import World, document_text, registry_field, registry_rows

#: Features a 3000-case world at level >= 0.5 must show at least once.
FEATURES = (
    "txt", "html", "word_html", "mirror_fields", "mirror_blocks", "mirror_source", "repost",
    "repost_from_story", "no_court_line", "docx", "utf8", "utf8_bom", "gb", "crlf",
    "colonless", "bare_birth", "sheng", "chusheng", "zhuzhi", "hujidi", "zhusuodi",
    "rare_id_mask", "fused_party", "supporter_line", "agent_full_and_bare",
    "two_lawyers_one_line", "addressed_refusal", "arb_an_zi_bare", "arb_yearfirst",
    "arb_volume", "arb_bu", "partial_admission", "mediation_archives", "traditional",
    "gloss", "halfwidth", "mask_stars", "mask_mou", "mask_x", "masked_company", "namesakes",
    "agent_namesake", "spaces", "breaks", "duplicate", "no_filing_date", "no_birth_date",
    "typo", "registry_missing", "registry_spelling", "registry_branch", "registry_width",
    "regnumber_only", "uscc_printed", "uscc_not_printed",
)

_GLOSS = re.compile(r"[區縣鎮鄉]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùü]+\)")
_COLONLESS = re.compile(r"^(原告|被告|申请人|被申请人)[^：:\n，,]{2,30}[，,](男|女|住所)", re.M)
_BARE_BIRTH = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日[，,](汉族|回族|满族|蒙古族|土家族|维吾尔族)")
_TWO_LAWYERS = re.compile(r"代理人[：:]?[^\n，,、：:]{1,5}、[^\n，,、]{1,5}[，,][^\n]{2,30}律师事务所")
_ADDRESSED = re.compile(r"^[^\n：:]{2,6}[：:]\n你", re.M)
_ARCHIVES = re.compile("招工登记表|工资发放表|职工档案|职工花名册")
_TYPOS = re.compile("做出|其它|签定|交纳|事实与理由|辩解称")
_ARBITRATION = {
    "arb_an_zi_bare": re.compile(r"劳人仲案字[〔\[（(]\d{4}[〕\]）)]\d+号"),
    "arb_yearfirst": re.compile(r"[（(]\d{4}[）)][^\s，,。]{1,6}劳人仲案字第\d+号"),
    "arb_volume": re.compile(r"劳人仲案[（(]\d{4}[）)]\d+-\d+号"),
    "arb_bu": re.compile(r"劳人仲不字[〔\[（(]\d{4}[〕\]）)](第)?\d+号"),
}
_RARE_ID = re.compile(r"^(\d{6}\*{12}|\d{4}\*{10}\d{4}|\d{14}\*{4})$")


def _masked(name: str) -> bool:
    return any(mark in name for mark in ("*", "某", "X"))


def inventory(world: World) -> Counter[str]:
    """Counts of every feature in :data:`FEATURES` found in ``world``'s files."""
    found: Counter[str] = Counter()
    truth, root = world.truth, world.root
    agent_details: dict[str, set[bool]] = defaultdict(set)
    printed_keys: dict[str, set[str]] = defaultdict(set)
    intermediaries = {r["intermediary"]["name"] for r in truth["rings"]}
    for case in truth["cases"]:
        record = world.record(case)
        path = root / case["file"]
        raw = path.read_bytes()
        text = document_text(path)
        layout = case.get("layout", {})
        form = layout.get("form")
        found[form] += 1
        if case.get("duplicate_of"):
            found["duplicate"] += 1
        if raw.startswith(b"PK"):  # a docx (counted by its form): a zip archive
            pass
        elif raw.startswith(b"\xef\xbb\xbf"):
            found["utf8_bom"] += 1
        else:
            try:
                raw.decode("utf-8")
                found["utf8"] += 1
            except UnicodeDecodeError:
                found["gb"] += 1
        found["crlf"] += b"\r\n" in raw
        found["word_html"] += form == "html" and "MsoNormal" in raw.decode("utf-8")
        if form == "repost":
            found["repost_from_story"] += layout.get("starts_at") == "story"
            assert record["case_number"] not in text
        if record["procedure"] == "二审" and not text.startswith(record["forum"]) \
                and form not in ("mirror_fields", "mirror_blocks", "mirror_source"):
            found["no_court_line"] += "不服" in text
        found["colonless"] += bool(_COLONLESS.search(text))
        found["bare_birth"] += bool(_BARE_BIRTH.search(text))
        found["sheng"] += bool(re.search(r"\d日生[，,]", text))
        found["chusheng"] += "日出生" in text
        found["zhuzhi"] += "住址：" in text
        found["hujidi"] += "户籍地：" in text
        found["zhusuodi"] += "住所地" in text
        found["fused_party"] += bool(layout.get("fused_party_line"))
        found["supporter_line"] += bool(re.search("支持起诉(机关|单位)[：:]", text))
        found["two_lawyers_one_line"] += bool(_TWO_LAWYERS.search(text))
        found["addressed_refusal"] += "不予受理通知书" in text and bool(_ADDRESSED.search(text))
        found["partial_admission"] += "无异议，但" in text or "无异议,但" in text
        found["mediation_archives"] += "调解" in record["document_type"] and bool(
            _ARCHIVES.search(text))
        found["traditional"] += layout.get("script") == "traditional" and "號" in text
        found["gloss"] += bool(_GLOSS.search(text))
        found["halfwidth"] += bool(layout.get("halfwidth"))
        found["spaces"] += bool(layout.get("spaces"))
        found["breaks"] += bool(layout.get("breaks"))
        found["typo"] += bool(layout.get("typos")) and bool(_TYPOS.search(text))
        for name, pattern in _ARBITRATION.items():
            found[name] += bool(pattern.search(text))
        if not case.get("duplicate_of"):
            found["no_filing_date"] += "filing_date" not in record
            for party in record["parties"]:
                if party["side"] == "worker":
                    found["no_birth_date"] += "birth_date" not in party
                    found["rare_id_mask"] += bool(_RARE_ID.match(party.get("id_number", "")))
                    name = party["name"]
                    found["mask_stars"] += name.startswith("*")
                    found["mask_mou"] += "某" in name
                    found["mask_x"] += name.endswith("X")
                if party["side"] == "employer":
                    found["masked_company"] += _masked(party["name"])
                    found["uscc_printed" if party.get("uscc") else "uscc_not_printed"] += 1
        agents = {a["name"]: a for a in record.get("agents", [])}
        for mention in case["mentions"]:
            if mention["role"] == "agent" and mention["printed"] in agents \
                    and agents[mention["printed"]]["kind"] == "other":
                agent_details[mention["entity"]].add("birth_date" in agents[mention["printed"]])
            if mention["entity"].startswith("P:") and not _masked(mention["printed"]):
                printed_keys[mention["printed"]].add(mention["entity"])
            if mention["role"] == "agent" and case["group"] != "ring":
                found["agent_namesake"] += mention["printed"] in intermediaries
    found["agent_full_and_bare"] = sum(v == {True, False} for v in agent_details.values())
    found["namesakes"] = sum(len(v) > 1 for v in printed_keys.values())
    _registry(world, found)
    return found


def _registry(world: World, found: Counter[str]) -> None:
    rows = registry_rows(world.root)
    listed = {e["entity"]: e["printed"] for e in world.truth["registry"]}
    shown: dict[str, set[str]] = defaultdict(set)
    for case in world.truth["cases"]:
        for mention in case["mentions"]:
            if mention["role"] == "party" and mention["side"] == "employer":
                shown[mention["entity"]].add(mention["printed"])
    found["registry_missing"] = sum(e not in listed for e in shown)
    for entity, names in shown.items():
        if entity in listed and listed[entity] not in names and not any(
                _masked(n) for n in names):
            found["registry_spelling"] += 1
            printed = listed[entity]
            found["registry_branch"] += printed.endswith("分公司")
            found["registry_width"] += "(" in printed or " " in printed
    for row in rows:
        code = registry_field(row, "uscc")
        number = row.get("regNumber")
        found["regnumber_only"] += not code and (number is None or len(str(number)) == 15)


def missing(world: World) -> list[str]:
    """The features of :data:`FEATURES` that ``world`` lacks."""
    counts = inventory(world)
    return [name for name in FEATURES if not counts[name]]
