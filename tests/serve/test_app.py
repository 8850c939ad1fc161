"""The desk's routes through Flask's test client: pages, review actions, CSRF and read-only
refusals, escaping of hostile names, and the security headers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, cast
from urllib.parse import quote

import pytest

from ringtrace.graph.audit import read_audit
from ringtrace.graph.store import SQLiteStore
from ringtrace.queries.feedback import read_outcomes
from ringtrace.queries.leads import list_leads
from ringtrace.queries.ringviews import list_rings
from ringtrace.queries.scan_json import ScanJson
from ringtrace.queries.views import LeadRow
from ringtrace.resolve import ensure, stored
from ringtrace.review import fold, read_actions
from tests.serve.conftest import EVIL_AGENT, EVIL_EMPLOYER, REVIEWER

ZHANG = "Person:张桂兰|b:1968-05-02"
LIU = "Person:刘秀英|b:1967-02-02"


def _ids(workspace: Path) -> tuple[str, LeadRow]:
    with SQLiteStore.open(workspace) as store:
        return list_rings(store)[0].ring_id, list_leads(store)[0]


def _token(client: Any, path: str) -> str:
    page = client.get(path).get_data(as_text=True)
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


def _pages(workspace: Path) -> list[str]:
    ring, lead = _ids(workspace)
    return ["/", "/leads", f"/rings/{ring}", f"/leads/{lead.lead_id}",
            "/cases/" + quote(lead.case_id), "/persons/" + quote(ZHANG),
            "/agents/" + quote("Person:" + EVIL_AGENT.replace(" ", "") + "|b:1970-01-01"),
            "/employers/" + quote("Employer:" + EVIL_EMPLOYER), "/search?q=" + quote("张桂兰"),
            "/search?q=" + quote("劳务"), "/activity"]


def test_every_page_renders_with_hostile_names_as_text(client: Any, workspace_copy: Path
                                                       ) -> None:
    for path in _pages(workspace_copy):
        response = client.get(path, follow_redirects=True)
        assert response.status_code == 200, path
        page = response.get_data(as_text=True)
        assert "<script>alert(1)" not in page, path
        assert "<img src=x onerror" not in page, path
    ring_page = client.get(_pages(workspace_copy)[2]).get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;劳务有限公司" in ring_page
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;王" in ring_page


def test_headers_forbid_every_external_source(client: Any, workspace_copy: Path) -> None:
    ring, _ = _ids(workspace_copy)
    response = client.get(f"/rings/{ring}")
    policy = response.headers["Content-Security-Policy"]
    assert policy.startswith("default-src 'none'; script-src 'sha256-")
    assert "form-action 'self'" in policy and "http" not in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    page = response.get_data(as_text=True)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_review_actions_are_recorded_with_the_reviewer(client: Any, workspace_copy: Path
                                                       ) -> None:
    ring, _ = _ids(workspace_copy)
    token = _token(client, f"/rings/{ring}")
    back = f"/rings/{ring}"
    for action, field, value in (("assign", "assignee", "张三"), ("status", "status", "核查中"),
                                 ("note", "note", "<b>已调取</b>社保记录")):
        response = client.post(f"/review/{ring}/{action}",
                               data={"csrf_token": token, field: value, "next": back})
        assert (response.status_code, response.headers["Location"]) == (303, back)
    state = fold(read_actions(workspace_copy))[ring]
    assert (state.assignee, state.status, state.notes[0].text, state.notes[0].user) == (
        "张三", "核查中", "<b>已调取</b>社保记录", REVIEWER)
    page = client.get(back).get_data(as_text=True)
    assert "&lt;b&gt;已调取&lt;/b&gt;社保记录" in page and "核查中" in page
    audit = [e for e in read_audit(workspace_copy) if e["command"].startswith("ringtrace serve")]
    assert [(e["command"], e["user"]) for e in audit] == [
        ("ringtrace serve assign", REVIEWER), ("ringtrace serve status", REVIEWER),
        ("ringtrace serve note", REVIEWER)]


def test_outcome_and_judgements_reach_feedback_and_resolution(client: Any, workspace_copy: Path
                                                              ) -> None:
    _, lead = _ids(workspace_copy)
    token = _token(client, f"/leads/{lead.lead_id}")
    response = client.post(f"/review/{lead.lead_id}/outcome", data={
        "csrf_token": token, "outcome": "核实属实", "date": "2026-01-05", "note": "已追回"})
    assert response.status_code == 303
    assert [(o.lead_id, o.outcome) for o in read_outcomes(workspace_copy)] == [
        (lead.lead_id, "核实属实")]
    response = client.post("/judge", data={"csrf_token": token, "verdict": "same", "a": ZHANG,
                                           "b": LIU, "note": "同一人", "next": "/"})
    assert (response.status_code, response.headers["Location"]) == (303, "/")
    with SQLiteStore.open(workspace_copy) as store:
        assert [(j.verdict.value, j.user) for j in stored(store)] == [("same", REVIEWER)]
        assert ensure(store).entity(ZHANG) == ensure(store).entity(LIU)


def test_errors_are_shown_not_recorded(client: Any, workspace_copy: Path) -> None:
    ring, _ = _ids(workspace_copy)
    token = _token(client, f"/rings/{ring}")
    bad_status = client.post(f"/review/{ring}/status", data={"csrf_token": token,
                                                             "status": "随便"})
    assert bad_status.status_code == 400 and "unknown status" in bad_status.get_data(as_text=True)
    unknown = client.post("/review/R-00000000/assign", data={"csrf_token": token,
                                                             "assignee": "张三"})
    assert unknown.status_code == 404
    home = client.post(f"/review/{ring}/note", data={"csrf_token": token, "note": "x"})
    assert (home.status_code, home.headers["Location"]) == (303, "/")  # no next: the default
    assert [a.kind.value for a in read_actions(workspace_copy)] == ["note"]


@pytest.mark.parametrize("target", ["//evil.example/", "/\\evil.example", "/\t/evil.example",
                                    "/\n/x", "/ /x", "http://evil.example/", "evil", "/a\\b",
                                    "/x\r\nSet-Cookie: a=b"])
def test_a_next_that_is_not_a_local_path_is_refused_before_the_action(
        client: Any, workspace_copy: Path, target: str) -> None:
    ring, lead = _ids(workspace_copy)
    token = _token(client, f"/rings/{ring}")
    for path, data in ((f"/review/{ring}/note", {"note": "x"}),
                       (f"/review/{lead.lead_id}/outcome", {"outcome": "核实属实"}),
                       ("/judge", {"verdict": "not_same", "a": ZHANG, "b": LIU})):
        response = client.post(path, data={"csrf_token": token, "next": target, **data})
        assert response.status_code == 400, (path, target)
        assert "返回地址（next）无效" in response.get_data(as_text=True)
        assert "Location" not in response.headers
    assert read_actions(workspace_copy) == [] and read_outcomes(workspace_copy) == []
    with SQLiteStore.open(workspace_copy) as store:
        assert stored(store) == []
    ok = client.post(f"/review/{ring}/note", data={"csrf_token": token, "note": "x",
                                                   "next": f"/rings/{ring}?a=1"})
    assert (ok.status_code, ok.headers["Location"]) == (303, f"/rings/{ring}?a=1")


@pytest.mark.parametrize("token", [None, "", "forged"])
def test_a_post_without_the_session_token_is_refused(client: Any, workspace_copy: Path,
                                                     token: str | None) -> None:
    ring, _ = _ids(workspace_copy)
    client.get(f"/rings/{ring}")  # the session has a token; the form does not carry it
    data = {"assignee": "张三"} | ({"csrf_token": token} if token is not None else {})
    response = client.post(f"/review/{ring}/assign", data=data)
    assert response.status_code == 403 and "CSRF" in response.get_data(as_text=True)
    assert read_actions(workspace_copy) == []


def test_read_only_desk_refuses_every_post(readonly_client: Any, workspace_copy: Path) -> None:
    ring, _ = _ids(workspace_copy)
    page = readonly_client.get(f"/rings/{ring}").get_data(as_text=True)
    assert "只读模式" in page and 'method="post"' not in page
    for path in (f"/review/{ring}/assign", "/judge"):
        assert readonly_client.post(path, data={"assignee": "x"}).status_code == 403
    assert readonly_client.put(f"/review/{ring}/assign").status_code == 405
    assert read_actions(workspace_copy) == []


def test_other_host_names_are_refused(client: Any) -> None:
    response = client.get("/", headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert client.get("/", headers={"Host": "127.0.0.1:8765"}).status_code == 200


def test_search_opens_a_single_hit_and_lists_several(client: Any) -> None:
    one = client.get("/search?q=" + quote("张桂兰"))
    assert one.status_code == 303 and one.headers["Location"].startswith("/persons/t-")
    assert "<h1>自然人 张桂兰</h1>" in client.get(one.headers["Location"]).get_data(as_text=True)
    many = client.get("/search?q=" + quote("秀")).get_data(as_text=True)
    assert "刘秀英" in many and "陈秀兰" in many


def test_split_takes_a_judged_entity_apart(client: Any, workspace_copy: Path) -> None:
    token = _token(client, "/persons/" + quote(ZHANG))
    client.post("/judge", data={"csrf_token": token, "verdict": "same", "a": ZHANG, "b": LIU})
    with SQLiteStore.open(workspace_copy) as store:
        entity = ensure(store).entity(ZHANG)
    page = client.get("/persons/" + quote(ZHANG)).get_data(as_text=True)
    assert "拆分该实体" in page
    response = client.post("/judge", data={"csrf_token": token, "verdict": "split", "a": entity})
    assert response.status_code == 303
    with SQLiteStore.open(workspace_copy) as store:
        assert ensure(store).entity(ZHANG) != ensure(store).entity(LIU)
        assert [j.verdict.value for j in stored(store)] == ["same", "split"]
    bad = client.post("/judge", data={"csrf_token": token, "verdict": "maybe", "a": ZHANG})
    assert bad.status_code == 400 and "same, not_same or split" in bad.get_data(as_text=True)


def test_the_lead_queue_filters_by_status_and_assignee(client: Any, workspace_copy: Path
                                                       ) -> None:
    with SQLiteStore.open(workspace_copy) as store:
        leads = [row.lead_id for row in list_leads(store)]
    token = _token(client, f"/leads/{leads[0]}")
    client.post(f"/review/{leads[0]}/status", data={"csrf_token": token, "status": "核查中"})
    client.post(f"/review/{leads[1]}/assign", data={"csrf_token": token, "assignee": "张三"})

    def listed(query: str) -> list[str]:
        page = client.get("/leads" + query).get_data(as_text=True)
        return [lead for lead in leads if f">{lead}</a>" in page]

    assert listed("") == leads
    assert listed("?status=" + quote("核查中")) == [leads[0]]
    assert listed("?assignee=" + quote("张三")) == [leads[1]]
    assert listed("?status=" + quote("已移送")) == []


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1.evil.example",
                                  "localhost.evil.example:8765", "127.0.0.2", "[::1]:8765"])
def test_the_desk_checks_the_host_itself_without_flask_trusted_hosts(
        workspace_copy: Path, host: str) -> None:
    from ringtrace.serve.app import create_app
    from ringtrace.serve.config import ServeConfig

    app = create_app(ServeConfig(workspace_copy, user=REVIEWER))
    app.config["TRUSTED_HOSTS"] = None  # as under Flask 3.0, which ignores the setting
    client = app.test_client()
    ring, _ = _ids(workspace_copy)
    token = _token(client, f"/rings/{ring}")
    refused = client.get("/", headers={"Host": host})
    assert refused.status_code == 400
    assert "only http://127.0.0.1 and localhost" in refused.get_data(as_text=True)
    post = client.post(f"/review/{ring}/note", data={"csrf_token": token, "note": "经重绑定写入"},
                       headers={"Host": host})
    assert post.status_code == 400
    assert read_actions(workspace_copy) == []  # nothing written
    for ok in ("127.0.0.1", "127.0.0.1:8765", "localhost", "localhost:8800", "LOCALHOST:8765"):
        assert client.get("/", headers={"Host": ok}).status_code == 200


@pytest.mark.parametrize("date", ["2021-02-30", "<script>alert(1)</script>", "2021-13-01", "无"])
def test_an_outcome_with_a_bad_date_is_refused_and_not_stored(
        client: Any, workspace_copy: Path, date: str) -> None:
    _, lead = _ids(workspace_copy)
    token = _token(client, f"/leads/{lead.lead_id}")
    response = client.post(f"/review/{lead.lead_id}/outcome", data={
        "csrf_token": token, "outcome": "核实属实", "date": date, "next": "/"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "核查结果的日期无效" in page and "例如 2021-03-01" in page
    assert "<script>alert(1)" not in page
    assert read_outcomes(workspace_copy) == []
    assert read_actions(workspace_copy) == []


def test_two_desks_on_two_ports_keep_their_own_sessions(workspace_copy: Path) -> None:
    from ringtrace.serve.app import create_app, make_server
    from ringtrace.serve.config import ServeConfig

    config = ServeConfig(workspace_copy, user=REVIEWER)
    a, b = create_app(config, 8765).test_client(), create_app(config, 8766).test_client()
    ring, _ = _ids(workspace_copy)
    token = _token(a, f"/rings/{ring}")
    _token(b, f"/rings/{ring}")
    assert a.get_cookie("ringtrace_desk_8765") is not None
    assert b.get_cookie("ringtrace_desk_8766") is not None
    # what a browser does with two desks on 127.0.0.1: both cookies go to both desks
    a.set_cookie("ringtrace_desk_8766", b.get_cookie("ringtrace_desk_8766").value)
    response = a.post(f"/review/{ring}/note", data={"csrf_token": token, "note": "x"})
    assert response.status_code == 303
    server = make_server(config, 0)  # any free port: the cookie is named after the one bound
    try:
        assert server.app.config["SESSION_COOKIE_NAME"] == f"ringtrace_desk_{server.server_port}"
    finally:
        server.server_close()


def test_the_ring_graph_knows_the_intermediaries_and_the_rules_of_each_case(
        client: Any, workspace_copy: Path) -> None:
    ring, _ = _ids(workspace_copy)
    page = client.get(f"/rings/{ring}").get_data(as_text=True)
    assert '"role":"intermediary"' in page  # drawn in the centre, as on the static ring page
    rules = re.findall(r'"role":"case".*?"rules":\[([^\]]*)\]', page)
    assert rules and all('"CLAIM_NO_OBJECTION"' in r for r in rules)  # the rule filter has data


def test_the_serve_extra_brings_what_the_ring_page_needs() -> None:
    import tomllib

    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text("utf-8"))
    extras = project["project"]["optional-dependencies"]
    assert "flask>=3.1" in extras["serve"] and "flask>=3.1" in extras["dev"]
    pyvis = [d for d in extras["viz"] if d.startswith("pyvis")]
    assert pyvis and set(pyvis) <= set(extras["serve"])


def test_a_long_search_is_refused_with_a_message_and_wildcards_are_literal(
        client: Any, workspace_copy: Path) -> None:
    from ringtrace.errors import RingtraceError
    from ringtrace.queries.search import MAX_QUERY_CHARS, search

    long = client.get("/search?q=" + "张" * 100_000)
    assert long.status_code == 400
    assert f"最多 {MAX_QUERY_CHARS} 个字符" in long.get_data(as_text=True)
    assert client.get("/search?q=" + "张" * MAX_QUERY_CHARS).status_code == 200
    with SQLiteStore.open(workspace_copy) as store:
        with pytest.raises(RingtraceError, match="too long"):
            search(store, "a" * (MAX_QUERY_CHARS + 1))
        assert search(store, "%") == [] and search(store, "_") == []  # not "every name"
        assert search(store, "张%兰") == []


def test_the_lead_queue_is_paged_and_keeps_its_filter(client: Any, workspace_copy: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from ringtrace.serve import views

    monkeypatch.setattr(views, "LEADS_PER_PAGE", 2)
    with SQLiteStore.open(workspace_copy) as store:
        everything = [row.lead_id for row in list_leads(store)]
    assert len(everything) == 5
    shown = []
    for page in (1, 2, 3):
        body = client.get(f"/leads?page={page}").get_data(as_text=True)
        assert f"第 {page} / 3 页" in body
        shown += re.findall(r'<td><a href="/leads/(L-[0-9a-f]+)">', body)
    assert shown == everything  # every lead once, in rank order
    assert 'href="/leads?page=2"' in client.get("/leads").get_data(as_text=True)
    last = client.get("/leads?page=99").get_data(as_text=True)
    assert "第 3 / 3 页" in last  # past the end: the last page
    bad = client.get("/leads?page=abc")
    assert bad.status_code == 400 and "页码无效" in bad.get_data(as_text=True)
    filtered = client.get("/leads?status=" + quote("待核查")).get_data(as_text=True)
    assert "status=%E5%BE%85%E6%A0%B8%E6%9F%A5" in filtered and "page=2" in filtered


def test_a_lead_is_found_among_the_leads_or_else_among_every_case(workspace_copy: Path) -> None:
    from ringtrace.graph.identity import lead_id
    from ringtrace.queries.model import ScoredCase
    from ringtrace.queries.results import ScanResults

    def row(case: str, score: float) -> dict[str, Any]:
        return ScoredCase(score, score, 0.0, 0.0, ("EMP_BURST",), (0,), None, lead_id(case),
                          score >= 0.72, None).to_dict()

    scan = ScanResults.of(cast(ScanJson, {"meta": {}, "leads": ["Case:a"], "cases": {
        "Case:a": row("Case:a", 0.9), "Case:b": row("Case:b", 0.3)}}))
    assert scan.lead_case(lead_id("Case:a")) == "Case:a"
    assert scan.lead_case(lead_id("Case:b")) == "Case:b"  # scored, below the threshold
    assert scan.lead_case("L-0000000000") is None


def test_pages_never_write_even_when_the_resolution_is_stale_and_a_scan_holds_the_lock(
        readonly_client: Any, client: Any, workspace_copy: Path) -> None:
    ring, lead = _ids(workspace_copy)
    with SQLiteStore.open(workspace_copy) as store:
        kept = store.load_resolution()
        assert kept is not None
        with store.writing("test"):
            store.save_resolution("stale", kept[1])  # what a page would recompute and keep
    pages = [f"/rings/{ring}", "/persons/" + quote(ZHANG), f"/leads/{lead.lead_id}", "/"]
    with SQLiteStore.open(workspace_copy) as scan, scan.writing("scan"):  # a scan is running
        for desk in (readonly_client, client):
            for path in pages:
                response = desk.get(path)
                assert response.status_code == 200, (path, response.get_data(as_text=True)[:300])
    with SQLiteStore.open(workspace_copy) as store:
        assert (store.load_resolution() or ("", {}))[0] == "stale"  # nothing was written
