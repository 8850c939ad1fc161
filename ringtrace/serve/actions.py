"""The desk's review actions (POST): assign, status, note, outcome, entity judgements.

Each handler makes one call into :mod:`ringtrace.review.desk` as the desk's reviewer and
redirects back (303) to the page the form was on. The CSRF token and review mode are checked
before any handler runs (:func:`ringtrace.serve.app.create_app`).
"""

from __future__ import annotations

from typing import Any

from ringtrace.errors import RingtraceError
from ringtrace.extras import require
from ringtrace.resolve import Verdict
from ringtrace.review import desk as review
from ringtrace.serve.context import desk
from ringtrace.serve.rendering import shown_id

flask = require("flask", "serve", purpose="ringtrace serve")


def _form(name: str) -> str:
    return str(flask.request.form.get(name, ""))


def _back(default: str) -> Any:
    """A 303 redirect to the form's ``next`` (a local path only), else to ``default``."""
    target = _form("next")
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        target = default
    return flask.redirect(target, 303)


def _user() -> str:
    return str(desk().config.user)


def assign(target: str) -> Any:
    with desk().store() as store:
        done = review.assign(store, desk().config.workspace, target, _form("assignee"),
                             user=_user())
    flask.flash(f"已指派给 {done.value}" if done.value else "已取消指派")
    return _back(flask.url_for("rings"))


def status(target: str) -> Any:
    with desk().store() as store:
        done = review.set_status(store, desk().config.workspace, target, _form("status"),
                                 user=_user())
    flask.flash(f"状态已设为 {done.value}")
    return _back(flask.url_for("rings"))


def note(target: str) -> Any:
    with desk().store() as store:
        review.add_note(store, desk().config.workspace, target, _form("note"), user=_user())
    flask.flash("备注已保存")
    return _back(flask.url_for("rings"))


def outcome(target: str) -> Any:
    try:
        day = review.outcome_date(_form("date"))
    except ValueError as exc:
        raise RingtraceError(f"核查结果的日期无效：{_form('date')!r}。请填写真实存在的日期，"
                             "例如 2021-03-01（留空则为今天）。") from exc
    with desk().store() as store:
        done = review.record_outcome(store, desk().config.workspace, target, _form("outcome"),
                                     user=_user(), date=day, note=_form("note"))
    flask.flash(f"核查结果已记录：{done.value}（计入 ringtrace feedback 统计）")
    return _back(flask.url_for("lead", lead_id=target))


def judge() -> Any:
    try:
        verdict = Verdict(_form("verdict"))
    except ValueError as exc:
        raise RingtraceError(f"unknown judgement {_form('verdict')!r}: use same, not_same or "
                             "split") from exc
    refs = desk().refs
    a, b = refs.resolve(_form("a")), refs.resolve(_form("b")) if _form("b") else None
    with desk().store() as store:
        done = review.judge(store, desk().config.workspace, verdict, a, b, user=_user(),
                            note=_form("note"))
    described = shown_id(done.describe(), unmask=desk().config.unmask)
    flask.flash(f"已记录实体认定 #{done.seq}：{described}；下次 ringtrace scan 时生效")
    return _back(flask.url_for("rings"))
