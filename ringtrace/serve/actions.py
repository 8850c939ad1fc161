"""The desk's review actions (POST): assign, status, note, outcome, entity judgements.

Each handler makes one call into :mod:`ringtrace.review.desk` as the desk's reviewer and
redirects back (303) to the page the form was on. The CSRF token and review mode are checked
before any handler runs (:func:`ringtrace.serve.app.create_app`).
"""

from __future__ import annotations

import re
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


#: A local path: one ``/``, then not a second ``/`` or a ``\\`` (``//host`` and ``/\\host`` are
#: other sites to a browser); no whitespace, control character or backslash anywhere (browsers
#: drop tabs and newlines from URLs, so ``/\t/evil.com`` would become ``//evil.com``).
_LOCAL_PATH = re.compile(r"^/(?:[^/\\\s\x00-\x1f\x7f-\x9f][^\\\s\x00-\x1f\x7f-\x9f]*)?$")


def _next(default: str) -> str:
    """Where to go after the action: the form's ``next`` if it is a local path, ``default``
    when it has none. Checked before the action runs: a bad ``next`` is refused with 400 and
    nothing is written."""
    target = _form("next")
    if not target:
        return default
    if not _LOCAL_PATH.match(target):
        raise RingtraceError("表单的返回地址（next）无效：只能是本核查台的页面路径（以单个“/”开头，"
                             "不含空白或控制字符）。请从核查台页面重新提交。")
    return target


def _back(target: str) -> Any:
    """A 303 redirect to ``target`` (from :func:`_next`)."""
    return flask.redirect(target, 303)


def _user() -> str:
    return str(desk().config.user)


def assign(target: str) -> Any:
    back = _next(flask.url_for("rings"))
    with desk().store() as store:
        done = review.assign(store, desk().config.workspace, target, _form("assignee"),
                             user=_user())
    flask.flash(f"已指派给 {done.value}" if done.value else "已取消指派")
    return _back(back)


def status(target: str) -> Any:
    back = _next(flask.url_for("rings"))
    with desk().store() as store:
        done = review.set_status(store, desk().config.workspace, target, _form("status"),
                                 user=_user())
    flask.flash(f"状态已设为 {done.value}")
    return _back(back)


def note(target: str) -> Any:
    back = _next(flask.url_for("rings"))
    with desk().store() as store:
        review.add_note(store, desk().config.workspace, target, _form("note"), user=_user())
    flask.flash("备注已保存")
    return _back(back)


def outcome(target: str) -> Any:
    back = _next(flask.url_for("lead", lead_id=target))
    try:
        day = review.outcome_date(_form("date"))
    except ValueError as exc:
        raise RingtraceError(f"核查结果的日期无效：{_form('date')!r}。请填写真实存在的日期，"
                             "例如 2021-03-01（留空则为今天）。") from exc
    with desk().store() as store:
        done = review.record_outcome(store, desk().config.workspace, target, _form("outcome"),
                                     user=_user(), date=day, note=_form("note"))
    flask.flash(f"核查结果已记录：{done.value}（计入 ringtrace feedback 统计）")
    return _back(back)


def judge() -> Any:
    back = _next(flask.url_for("rings"))
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
    return _back(back)
