"""Evidence packs: complete, masked, hashed, verifiable, and working offline in a browser."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from ringtrace.errors import PackError, RingtraceError
from ringtrace.export.masking import id_candidates
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.loaders.ingest import ingest_paths
from ringtrace.queries.scan import run_scan
from ringtrace.viz.catalogue import rule_name
from ringtrace.viz.pack import PackFiles, pack_labels, write_pack
from ringtrace.viz.pack_manifest import MANIFEST, SIGNATURE, generate_key, verify_pack
from tests.conftest import REGISTRY_HEADER, sham_case
from tests.viz.conftest import (
    EVIL_EMPLOYER,
    EVIL_PERSON,
    SENTINEL_EMPLOYER,
    SENTINEL_FIRM,
    SENTINEL_PERSON,
    assert_inert,
    rule_ids,
    untranslated,
    visible_text,
)

_MOBILE = re.compile(r"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])")  # not inside a hex hash
_FULL_ID = re.compile(r"(?<![0-9A-Za-z])\d{6}(19|20)\d{2}(0[1-9]|1[0-2])[0-3]\d\d{3}[\dXx]"
                      r"(?![0-9A-Za-z])")
_ARTICLE = re.compile(r'<article class="rt-case" id="case-\d+">(.*?)</article>', re.S)


@pytest.fixture
def pack(store: SQLiteStore, tmp_path: Path) -> PackFiles:
    return write_pack(store, "1", tmp_path / "pack", zip_path=tmp_path / "pack.zip")


def _data(pack: PackFiles) -> dict:
    return json.loads((pack.out_dir / "pack.json").read_text("utf-8"))


def test_the_pack_has_its_files_and_a_manifest_hashing_each_of_them(pack: PackFiles) -> None:
    names = sorted(p.name for p in pack.out_dir.iterdir())
    assert names == ["README.txt", "audit.jsonl", "cases.csv", "cases.json", "flags.csv",
                     "flags.json", "index.html", "manifest.json", "members.csv", "members.json",
                     "pack.json"]
    manifest = json.loads((pack.out_dir / MANIFEST).read_text("utf-8"))
    listed = {f["path"]: f["sha256"] for f in manifest["files"]}
    assert set(listed) == set(names) - {MANIFEST}
    for name, digest in listed.items():
        assert hashlib.sha256((pack.out_dir / name).read_bytes()).hexdigest() == digest
    assert pack.manifest_sha256 == hashlib.sha256(pack.manifest.read_bytes()).hexdigest()


def test_the_manifest_records_sources_rules_seed_snapshot_version_and_time(
        pack: PackFiles, store: SQLiteStore) -> None:
    manifest = json.loads((pack.out_dir / MANIFEST).read_text("utf-8"))
    cases = _data(pack)["cases"]
    assert [s["case_number"] for s in manifest["sources"]] == [c["case_number"] for c in cases]
    for source, case in zip(manifest["sources"], cases, strict=True):
        node = store.node(case["id"])
        assert node is not None
        assert source["doc_sha256"] == node.props["doc_sha256"]
        assert source["source_path"] == node.props["source_path"]
    scan = store.load_scan()
    assert scan is not None
    assert manifest["workspace_snapshot"] == scan["meta"]["snapshot"]
    assert manifest["community_seed"] == scan["meta"]["community_seed"]
    assert manifest["rules"]["scoring"]["lead_threshold"] == scan["meta"]["lead_threshold"]
    assert manifest["ringtrace_version"] and manifest["created_at"].endswith("+00:00")
    assert manifest["masked"] is True and manifest["lang"] == "zh"


def test_verify_passes_on_a_fresh_pack_folder_and_zip(pack: PackFiles) -> None:
    for target in (pack.out_dir, pack.zip):
        assert target is not None
        check = verify_pack(target)
        assert check.ok and check.failures == [] and check.checked == 10
        assert check.manifest_sha256 == pack.manifest_sha256


@pytest.mark.parametrize("name", ["index.html", "cases.csv", "flags.json", "audit.jsonl"])
def test_verify_names_the_file_that_was_altered(pack: PackFiles, name: str) -> None:
    path = pack.out_dir / name
    path.write_bytes(path.read_bytes() + b" ")
    check = verify_pack(pack.out_dir)
    assert not check.ok
    assert [f for f, _ in check.failures] == [name]
    assert check.failures[0][1].startswith("changed")


def test_verify_reports_missing_and_added_files(pack: PackFiles) -> None:
    (pack.out_dir / "members.csv").unlink()
    (pack.out_dir / "note.txt").write_text("added later", "utf-8")
    check = verify_pack(pack.out_dir)
    assert sorted(check.failures) == [("members.csv", "missing"),
                                      ("note.txt", "not in the manifest (added after the pack "
                                                   "was made)")]


def test_verify_fails_on_an_altered_zip_entry(pack: PackFiles, tmp_path: Path) -> None:
    assert pack.zip is not None
    altered = tmp_path / "altered.zip"
    with zipfile.ZipFile(pack.zip) as src, zipfile.ZipFile(altered, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data + b"x" if item.filename.endswith("cases.json") else data)
    check = verify_pack(altered)
    assert [f for f, _ in check.failures] == ["cases.json"]


def test_an_altered_manifest_changes_its_hash(pack: PackFiles) -> None:
    manifest = pack.out_dir / MANIFEST
    manifest.write_text(manifest.read_text("utf-8").replace('"masked": true', '"masked": false'),
                        "utf-8")
    check = verify_pack(pack.out_dir)
    assert check.ok and check.manifest_sha256 != pack.manifest_sha256


def test_every_case_is_cited_by_number_with_a_quoted_text_span(pack: PackFiles) -> None:
    html = (pack.out_dir / "index.html").read_text("utf-8")
    articles = _ARTICLE.findall(html)
    cases = _data(pack)["cases"]
    assert len(articles) == len(cases) > 1
    for case, article in zip(cases, articles, strict=True):
        assert f"<h3>{case['case_number']}</h3>" in article
        assert 'class="rt-quote"' in article or 'class="rt-span"' in article
        for flag in case["flags"]:
            assert f'data-rule="{flag["rule_id"]}"' in article


def test_the_page_has_members_timeline_contradictions_exposure_and_graph(
        pack: PackFiles) -> None:
    html = (pack.out_dir / "index.html").read_text("utf-8")
    for anchor in ("intermediaries", "agents", "employers", "applicants", "timeline",
                   "contradictions", "exposure", "graph", "sources", "audit", "files"):
        assert f'<section id="{anchor}">' in html
    data = _data(pack)
    assert data["exposure"]["method"] in html
    assert {t["event"] for t in data["timeline"]} >= {"立案", "裁判"}
    assert 'data-rt-network' in html and "http://" not in html and "https://" not in html
    assert "@media print" in html


def test_the_ring_graph_shows_every_case_of_the_ring(pack: PackFiles) -> None:
    html = (pack.out_dir / "index.html").read_text("utf-8")
    block = re.search(r'<script type="application/json" class="rt-network-data">(.*?)</script>',
                      html, re.S)
    assert block is not None
    graph = json.loads(block.group(1))
    shown = {node["caption"] for node in graph["nodes"]}
    assert {case["case_number"] for case in _data(pack)["cases"]} <= shown


def test_registry_contradictions_and_back_payments_are_found(pack: PackFiles) -> None:
    data = _data(pack)
    kinds = {c["kind"] for c in data["contradictions"]}
    assert kinds & {"start_before_founding", "over_headcount", "cancel_date", "revoke_date"}
    for row in data["contradictions"]:
        if row["kind"] == "over_headcount":
            assert row["claim"] > row["fact"]
        elif row["kind"] == "start_before_founding":
            assert str(row["claim"]) < str(row["fact"])  # the claimed start precedes founding
        else:  # deregistered or revoked before the decision
            assert str(row["claim"]) > str(row["fact"])
    assert data["exposure"]["backpayments"] == len(data["backpayments"])


def test_no_full_id_or_phone_number_is_in_a_masked_pack(pack: PackFiles) -> None:
    for path in pack.out_dir.iterdir():
        text = path.read_text("utf-8")
        for pattern in (_MOBILE, _FULL_ID):
            found = pattern.search(text)
            assert not found, (path.name, text[max(0, found.start() - 300):found.end() + 60]
                               if found else "")
        assert "Person:" not in text or path.name == "audit.jsonl", path.name


def test_the_agents_phone_is_masked_unless_asked(province: Path, tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path / "ws") as tiny:
        ingest_paths(tiny, [province])
        run_scan(tiny)
        masked = write_pack(tiny, "1", tmp_path / "masked")
        unmasked = write_pack(tiny, "1", tmp_path / "open", unmask=True)
    for path in masked.out_dir.iterdir():
        assert "13812345678" not in path.read_text("utf-8"), path.name
    assert "138****5678" in (masked.out_dir / "members.csv").read_text("utf-8")
    assert "13812345678" in (unmasked.out_dir / "members.csv").read_text("utf-8")
    assert "含未遮蔽的身份证号与电话号码" in (unmasked.out_dir / "index.html").read_text("utf-8")


def test_english_pack_uses_english_labels(store: SQLiteStore, tmp_path: Path) -> None:
    files = write_pack(store, "1", tmp_path / "en", lang="en")
    html = (files.out_dir / "index.html").read_text("utf-8")
    assert '<html lang="en">' in html and "Cases and evidence" in html
    assert "Ring evidence pack" in html
    shown = " ".join(visible_text(html))
    assert any(rule in shown for rule in rule_ids())  # English readers keep the rule ids


def test_chinese_pack_names_rules_and_fields_for_a_chinese_reader(pack: PackFiles) -> None:
    html = (pack.out_dir / "index.html").read_text("utf-8")
    assert untranslated(html, rule_ids()) == []
    data = _data(pack)
    shown = visible_text(html)
    fired = {f["rule_id"] for case in data["cases"] for f in case["flags"]}
    assert fired and all(any(rule_name(r) in t for t in shown) for r in fired)


def test_both_languages_have_the_same_labels() -> None:
    def keys(value: object, prefix: str = "") -> set[str]:
        if isinstance(value, dict):
            return {k for key, v in value.items() for k in keys(v, f"{prefix}{key}.")}
        return {prefix}

    labels = pack_labels()
    assert keys(labels["zh"]) == keys(labels["en"])


def test_tables_are_deterministic(store: SQLiteStore, tmp_path: Path) -> None:
    first = write_pack(store, "1", tmp_path / "a")
    second = write_pack(store, "1", tmp_path / "b")
    for name in ("pack.json", "members.csv", "cases.csv", "flags.csv", "flags.json"):
        assert (first.out_dir / name).read_bytes() == (second.out_dir / name).read_bytes()


def test_only_an_empty_folder_or_an_earlier_pack_is_written_into(
        store: SQLiteStore, pack: PackFiles, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("mine", "utf-8")
    with pytest.raises(RingtraceError, match="not an earlier evidence pack"):
        write_pack(store, "1", other)
    again = write_pack(store, "1", pack.out_dir)
    assert verify_pack(again.out_dir).ok


@pytest.fixture
def hostile_pack(tmp_path: Path) -> PackFiles:
    """A pack of a ring whose names and quoted text are XSS payloads (tests/viz/conftest.py)."""
    names = [(SENTINEL_PERSON, "1968-05-02"), ("刘秀英", "1967-02-02"), ("王淑珍", "1969-01-15"),
             ("李凤英", "1966-07-20"), ("陈秀兰", "1968-11-30")]
    records = []
    for i, (name, birth) in enumerate(names):
        record = sham_case(300 + i, name, birth, agent=EVIL_PERSON,
                           employer=EVIL_EMPLOYER if i < 3 else SENTINEL_EMPLOYER)
        record["spans"].append({"kind": "other", "text": f"证人{SENTINEL_FIRM}称{EVIL_EMPLOYER}"})
        records.append(record)
    (tmp_path / "cases.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", "utf-8")
    with (tmp_path / "registry.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(REGISTRY_HEADER.split(","))
        for name in (EVIL_EMPLOYER, SENTINEL_EMPLOYER):
            writer.writerow([name, "", "李强", "注销", "2005-03-01", "", "1", "", "", "", "", ""])
    with SQLiteStore.open(tmp_path / "ws") as hostile:
        ingest_paths(hostile, [tmp_path / "cases.jsonl", tmp_path / "registry.csv"])
        run_scan(hostile)
        return write_pack(hostile, "1", tmp_path / "pack")


def test_hostile_names_and_quotes_stay_text(hostile_pack: PackFiles) -> None:
    page = (hostile_pack.out_dir / "index.html").read_text("utf-8")
    assert len(_ARTICLE.findall(page)) == 5
    assert_inert(page, scripts=2)


def _chromium() -> str:
    pytest.importorskip("playwright.sync_api")
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip("no chromium on PATH: apt-get install -y chromium (make test does this)")
    return path


def _open(page_path: Path, script: str) -> tuple[Any, list[str], list[str]]:
    """Load a page in headless Chromium with every non-file request blocked, then evaluate
    ``script``; returns its value, the URLs that tried to leave, and console errors, page
    errors and dialogs (a CSP violation is logged as a console error)."""
    from playwright.sync_api import sync_playwright

    outside: list[str] = []
    noise: list[str] = []

    def route(handle: Any) -> None:
        if handle.request.url.startswith(("file:", "data:", "blob:", "about:")):
            handle.continue_()
        else:
            outside.append(handle.request.url)
            handle.abort()

    def dialog(handle: Any) -> None:
        noise.append(f"dialog {handle.message}")
        handle.dismiss()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=_chromium(), args=["--no-sandbox"])
        page = browser.new_page()
        page.route("**/*", route)
        page.on("console", lambda m: noise.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: noise.append(str(exc)))
        page.on("dialog", dialog)
        page.goto(page_path.resolve().as_uri(), wait_until="load")
        page.wait_for_timeout(200)
        value = page.evaluate(script)
        browser.close()
    return value, outside, noise


@pytest.mark.browser
def test_the_pack_opens_offline_in_chromium_and_draws_the_ring(pack: PackFiles) -> None:
    seen, outside, noise = _open(pack.out_dir / "index.html", """() => {
        const net = window.ringtraceNetworks && window.ringtraceNetworks['ring-network'];
        return {nodes: net ? net.body.data.nodes.length : 0,
                canvas: document.querySelectorAll('#ring-network canvas').length,
                cited: [...document.querySelectorAll('article.rt-case')].map(e =>
                    [e.querySelector('h3').innerText, e.querySelectorAll('blockquote').length])};
    }""")
    cases = _data(pack)["cases"]
    assert outside == [] and noise == []
    assert seen["nodes"] > len(cases) and seen["canvas"] == 1
    assert [c[0] for c in seen["cited"]] == [c["case_number"] for c in cases]
    assert all(quotes > 0 for _, quotes in seen["cited"])


@pytest.mark.browser
def test_hostile_data_never_runs_in_the_browser(hostile_pack: PackFiles) -> None:
    seen, outside, noise = _open(hostile_pack.out_dir / "index.html", """() => ({
        xss: window.__xss === undefined ? null : window.__xss,
        drawn: Object.keys(window.ringtraceNetworks || {}).length})""")
    assert seen == {"xss": None, "drawn": 1}
    assert outside == [] and noise == []


@pytest.mark.browser
def test_a_pdf_is_printed_beside_the_page(store: SQLiteStore, tmp_path: Path) -> None:
    _chromium()
    files = write_pack(store, "1", tmp_path / "pdf", pdf=True)
    pdf = files.out_dir / "index.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert verify_pack(files.out_dir).ok
    manifest = json.loads(files.manifest.read_text("utf-8"))
    assert "index.pdf" in {f["path"] for f in manifest["files"]}


def _rezip(source: Path, target: Path, extra: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        for name, data in extra:
            dst.writestr(name, data)
    return target


def test_verify_fails_on_a_file_added_to_the_zip_anywhere(pack: PackFiles, tmp_path: Path) -> None:
    assert pack.zip is not None
    top = pack.out_dir.name
    inside = _rezip(pack.zip, tmp_path / "a.zip", [(f"{top}/run.bat", b"calc")])
    outside = _rezip(pack.zip, tmp_path / "b.zip", [("run.bat", b"calc")])
    assert verify_pack(inside).failures == [
        ("run.bat", "not in the manifest (added after the pack was made)")]
    assert [f for f, _ in verify_pack(outside).failures] == ["run.bat"]
    assert "outside the pack folder" in verify_pack(outside).failures[0][1]


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_verify_fails_on_duplicate_and_escaping_zip_entries(pack: PackFiles,
                                                            tmp_path: Path) -> None:
    assert pack.zip is not None
    top = pack.out_dir.name
    twice = _rezip(pack.zip, tmp_path / "a.zip", [(f"{top}/cases.csv", b"forged")])
    check = verify_pack(twice)
    assert not check.ok
    assert any(f == f"{top}/cases.csv" and r.startswith("duplicate zip entry")
               for f, r in check.failures)
    escaping = _rezip(pack.zip, tmp_path / "b.zip", [(f"{top}/../../etc/cron.d/x", b"x"),
                                                     ("/abs.txt", b"x"), ("C:/win.txt", b"x")])
    reasons = dict(verify_pack(escaping).failures)
    assert all("escapes the pack folder" in reasons[n]
               for n in (f"{top}/../../etc/cron.d/x", "/abs.txt", "C:/win.txt"))


def test_verify_fails_on_a_link_in_the_folder(pack: PackFiles) -> None:
    (pack.out_dir / "cases.json").unlink()
    (pack.out_dir / "cases.json").symlink_to(pack.out_dir / "flags.json")
    check = verify_pack(pack.out_dir)
    assert ("cases.json", "a link, not a file: a pack holds only regular files") in \
        check.failures


def test_verify_checks_the_manifest_against_the_hash_received_separately(
        pack: PackFiles) -> None:
    assert verify_pack(pack.out_dir, expect=pack.manifest_sha256.upper()).ok
    assert verify_pack(pack.out_dir, expect="sha256:" + pack.manifest_sha256).ok
    wrong = verify_pack(pack.out_dir, expect="0" * 64)
    assert [f for f, _ in wrong.failures] == [MANIFEST]
    assert "is not the manifest that was issued" in wrong.failures[0][1]
    # whoever edits a file and recomputes the manifest still fails --expect
    manifest = pack.out_dir / MANIFEST
    manifest.write_text(manifest.read_text("utf-8").replace('"lang": "zh"', '"lang": "en"'),
                        "utf-8")
    assert verify_pack(pack.out_dir).ok
    assert not verify_pack(pack.out_dir, expect=pack.manifest_sha256).ok
    with pytest.raises(PackError, match="64 hex digits"):
        verify_pack(pack.out_dir, expect="abc")


def test_a_signed_pack_verifies_with_the_issuers_key_only(store: SQLiteStore,
                                                          tmp_path: Path) -> None:
    key, pub = generate_key(tmp_path / "issuer.key")
    _, other = generate_key(tmp_path / "other.key")
    assert key.stat().st_mode & 0o777 == 0o600
    files = write_pack(store, "1", tmp_path / "signed", sign_key=key,
                       zip_path=tmp_path / "signed.zip")
    for target in (files.out_dir, tmp_path / "signed.zip"):
        check = verify_pack(target, pubkey=pub)
        assert check.ok and check.signature == "valid" and check.signed_by == files.signed_by
        assert verify_pack(target).signature == "present"
        wrong = verify_pack(target, pubkey=other)
        assert wrong.signature == "invalid" and [f for f, _ in wrong.failures] == [SIGNATURE]
    assert "openssl pkeyutl -verify" in (files.out_dir / "README.txt").read_text("utf-8")
    manifest = files.out_dir / MANIFEST
    manifest.write_text(manifest.read_text("utf-8").replace('"masked": true', '"masked": false'),
                        "utf-8")
    assert verify_pack(files.out_dir, pubkey=pub).signature == "invalid"


def test_an_unsigned_pack_fails_when_a_signature_is_required(pack: PackFiles,
                                                             tmp_path: Path) -> None:
    _, pub = generate_key(tmp_path / "k")
    assert verify_pack(pack.out_dir, pubkey=pub).failures == [
        (SIGNATURE, "missing: the pack is not signed")]


def test_the_pack_readme_tells_the_receiver_how_to_check_it(pack: PackFiles) -> None:
    readme = (pack.out_dir / "README.txt").read_text("utf-8")
    assert "ringtrace pack verify <this folder or .zip> --expect" in readme
    assert "sha256sum manifest.json" in readme and "certutil" in readme


def test_masked_members_never_narrow_an_id_to_fewer_than_a_thousand_people(
        pack: PackFiles) -> None:
    members = [m for m in _data(pack)["applicants"] + _data(pack)["agents"] if m.get("id_number")]
    assert members
    for m in members:
        if len(m["id_number"]) == 18:
            assert id_candidates(m["id_number"], m.get("birth_date"), m.get("sex")) >= 1000
        assert m.get("birth_date") is None or len(m["birth_date"]) == 4


def test_pack_verify_cli_exits_1_on_a_wrong_expected_hash(pack: PackFiles) -> None:
    from click.testing import CliRunner

    from ringtrace.cli import cli

    ok = CliRunner().invoke(cli, ["pack", "verify", str(pack.out_dir), "--expect",
                                  pack.manifest_sha256])
    assert ok.exit_code == 0 and "the hash expected" in ok.output
    bad = CliRunner().invoke(cli, ["pack", "verify", str(pack.out_dir), "--expect", "1" * 64])
    assert bad.exit_code == 1 and "FAILED manifest.json" in bad.output
