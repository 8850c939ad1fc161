"""Shared fixtures: a CLI runner, an empty workspace and a tiny hand-made province.

Guidelines: prefer fixtures over classes, use tmp_path with absolute paths, assert exact values.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests import scanned_province as _scanned

FIXTURES = Path(__file__).parent / "fixtures"

REGISTRY_HEADER = "企业名称,统一社会信用代码,法定代表人,登记状态,成立日期,注册资本,参保人数,注册地址,电话,企业类型,所属行业,曾用名"


def sham_case(n: int, applicant: str, birth: str, *, employer: str = "安阳市恒达废旧物资回收有限公司",
              agent: str = "王建国", day: str = "2021-03-01") -> dict:
    """A record shaped like a sham confirmation case (used to build small test provinces)."""
    return {
        "case_number": f"(2021)豫0502民初{n}号", "forum": "河南省安阳市文峰区人民法院",
        "document_type": "判决书", "forum_kind": "court", "court_code": "豫0502",
        "region_code": "410502", "cause": "确认劳动关系纠纷", "procedure": "一审",
        "filing_date": day, "decision_date": "2021-03-10",
        "parties": [
            {"name": applicant, "role": "plaintiff", "role_in_text": "原告", "side": "worker",
             "sex": "女", "birth_date": birth, "address": "河南省安阳市文峰区光明路12号"},
            {"name": employer, "role": "defendant", "role_in_text": "被告", "side": "employer",
             "is_entity": True, "legal_representative": "李强", "legal_representative_title": "经理"},
        ],
        "agents": [{"name": agent, "represents": [applicant], "kind": "other",
                    "birth_date": "1970-01-01", "phone": "13812345678"}],
        "claim_kind": "confirmation_only", "claimed_start": "2003-01", "claimed_end": "2018-05",
        "defendant_response": "no_objection", "outcome": "confirmed",
        "spans": [{"kind": "defendant_response", "text": "被告辩称，对原告的诉讼请求无异议。"},
                  {"kind": "purpose", "text": "原告为办理养老保险补缴，故诉至法院。"}],
    }


def legit_case(n: int, worker: str, birth: str) -> dict:
    """A contested confirmation case against a big employer, with a lawyer."""
    return {
        "case_number": f"(2020)豫0503民初{n}号", "forum": "河南省安阳市北关区人民法院",
        "document_type": "判决书", "cause": "确认劳动关系纠纷", "region_code": "410503",
        "filing_date": "2020-05-01", "decision_date": "2020-09-01",
        "parties": [
            {"name": worker, "role": "plaintiff", "side": "worker", "sex": "男", "birth_date": birth},
            {"name": "安阳钢铁集团有限责任公司", "role": "defendant", "side": "employer", "is_entity": True},
        ],
        "agents": [{"name": "赵律师", "represents": [worker], "kind": "lawyer",
                    "law_firm": "河南安阳律师事务所"}],
        "claim_kind": "with_amounts", "claim_amounts": [35000.0],
        "claimed_start": "2015-03", "claimed_end": "2019-12",
        "defendant_response": "contests", "outcome": "denied",
    }


def write_province(root: Path) -> Path:
    """A tiny province: one sham ring of five applicants, two legit cases, a registry export."""
    root.mkdir(parents=True, exist_ok=True)
    names = [("张桂兰", "1968-05-02"), ("刘秀英", "1967-02-02"), ("王淑珍", "1969-01-15"),
             ("李凤英", "1966-07-20"), ("陈秀兰", "1968-11-30")]
    lines = [sham_case(100 + i, n, b) for i, (n, b) in enumerate(names)]
    lines += [legit_case(7, "孙建军", "1980-01-01"), legit_case(8, "周志强", "1985-06-06")]
    (root / "cases.jsonl").write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", "utf-8")
    (root / "registry.csv").write_text(
        REGISTRY_HEADER + "\n"
        "安阳市恒达废旧物资回收有限公司,91410502MA3X5Y0K2B,李强,注销,2005-03-01,50万人民币,2,"
        "安阳市文峰区中华路8号,0372-5551234,有限责任公司,废旧物资回收,安阳恒达回收站\n"
        "安阳钢铁集团有限责任公司,914105001700100000,王钢,存续,1958-01-01,50亿人民币,12000,"
        "安阳市殷都区梅元庄,0372-3120000,有限责任公司,钢铁,\n", "utf-8-sig")
    return root


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def province(tmp_path: Path) -> Path:
    return write_province(tmp_path / "province")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return tmp_path / "ws"


@pytest.fixture(scope="session")
def scanned_province(tmp_path_factory: pytest.TempPathFactory) -> _scanned.ScannedProvince:
    """A synthetic province ingested and scanned once per session (:mod:`tests.scanned_province`);
    tests that change its workspace work on a copy (``copy_workspace``)."""
    return _scanned.build(tmp_path_factory.mktemp("synth"))


#: headless Chromium for the browser-marked tests (Debian's package; make test installs it)
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def _browser_unavailable(reason: str) -> None:
    message = (f"{reason}: install it with `apt-get install -y chromium chromium-driver` "
               f"(make test does this)")
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A persistent Chromium context with a fresh profile, shared by this module's tests."""
    if not CHROMIUM.exists():
        _browser_unavailable(f"{CHROMIUM} not found")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _browser_unavailable("the playwright Python package is not installed")
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900}, service_workers="block")
        yield context
        context.close()


def _spark_unavailable(reason: str) -> None:
    message = f"{reason}: Spark tests need Java 17+ and pip install 'ringtrace[scale]'"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local Spark session (``local[2]``, quiet, no network) for every Spark test of the
    session; skipped with a message without Java or the [scale] extra (a failure under CI).
    Two shuffle partitions and no adaptive planning: the tests' data are tiny, and Spark's
    per-job planning is most of their time."""
    if shutil.which("java") is None:
        _spark_unavailable("no java on PATH")
    try:
        import pyspark  # noqa: F401
    except ImportError:
        _spark_unavailable("pyspark is not installed")
    from ringtrace.spark.session import spark_session

    session = spark_session("local[2]", app="ringtrace-tests", shuffle_partitions=2)
    session.conf.set("spark.sql.adaptive.enabled", "false")
    yield session
    session.stop()


@pytest.fixture(autouse=True, scope="session")
def _workspace_walk_stays_in_the_test_tree(tmp_path_factory: pytest.TempPathFactory
                                           ) -> Iterator[None]:
    """Commands run by tests look for a workspace no higher than pytest's temporary folder: a
    ``.ringtrace`` pointer someone left in /tmp must not send a test into their workspace."""
    from ringtrace.graph.store.workspace import CEILING_VAR

    base = str(tmp_path_factory.getbasetemp().parent)
    before = os.environ.get(CEILING_VAR)
    os.environ[CEILING_VAR] = base
    yield
    if before is None:
        del os.environ[CEILING_VAR]
    else:
        os.environ[CEILING_VAR] = before


#: the court's own finding of a sham, as retrials that revoke bought confirmations word it
SHAM_REASONING = ("本院再审认为，{a}与{e}恶意串通，虚构劳动关系，企图通过诉讼确认劳动关系以补缴养老保险，"
                  "损害国家利益和社会公共利益，属于虚假诉讼。原调解书应予撤销。")
#: what the retrial decides: revoke the confirmation by number, dismiss the claim
REVOKING = "一、撤销本院{n}民事调解书；\n二、驳回{a}的起诉。"


def retrial_text(original: str, applicant: str = "张桂兰",
                 employer: str = "安阳市恒达废旧物资回收有限公司", *,
                 reasoning: str = SHAM_REASONING, operative: str = REVOKING,
                 award: str = "安劳人仲案字〔2020〕第88号") -> str:
    """A retrial judgment (再审) on a procuratorate's protest (抗诉) of the confirmation
    ``original``, the way courts publish them: the protest's allegation, the facts (naming the
    arbitration ``award`` before the suit), the court's reasoning and its operative part."""
    return f"""河南省安阳市文峰区人民法院
民 事 判 决 书
（2023）豫0502民再3号
抗诉机关：河南省安阳市人民检察院。
原审原告：{applicant}，女，1968年5月2日出生，汉族，住河南省安阳市文峰区光明路12号。
原审被告：{employer}，住所地安阳市文峰区。
法定代表人：李强，该公司经理。
原审原告{applicant}与原审被告{employer}确认劳动关系纠纷一案，本院于2021年3月10日作出{original}民事调解书，\
已经发生法律效力。河南省安阳市人民检察院以安检民（行）监〔2023〕12号民事抗诉书向安阳市中级人民法院提出抗诉，\
安阳市中级人民法院作出（2023）豫05民抗5号民事裁定，指令本院再审本案。本院依法另行组成合议庭，公开开庭审理了本案。\
本案现已审理终结。
安阳市人民检察院抗诉认为，{applicant}与{employer}之间不存在劳动关系，双方恶意串通，虚构劳动关系，原调解书系虚假诉讼的产物。
本院再审查明：{applicant}于2021年3月向本院起诉，请求确认其与{employer}自2003年1月至2018年5月存在劳动关系。\
{employer}对此无异议，双方达成调解协议。另查明，{applicant}此前曾向安阳市劳动人事争议仲裁委员会申请仲裁，\
该委作出{award}仲裁调解书。
{reasoning.format(a=applicant, e=employer)}依照《中华人民共和国民事诉讼法》第一百一十五条之规定，判决如下：
{operative.format(n=original, a=applicant)}
本判决为终审判决。
审判长  赵明
审判员  钱亮
二〇二三年九月十二日
书记员  周丽
"""
